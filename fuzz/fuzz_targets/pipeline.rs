//! The per-document pipeline as `entente_pipeline::Pipeline::code` sequences
//! it (crates/pipeline/src/pipeline.rs), called stage by stage here so that no
//! failure boundary (`catch_unwind`) hides a panic: arbitrary UTF-8 text with an
//! arbitrary publication date → clean → actor mentions as of that date →
//! coding (events, quotations, deployments) → the knowledge-base updates the
//! events propose.
//!
//! Invariants checked: every mention, evidence and quotation span lies on
//! char boundaries of the cleaned text and its text is the text it spans;
//! every quotation's text is non-empty.
#![no_main]

use arbitrary::Arbitrary;
use entente_annotate::sentences::split_sentences;
use entente_annotate::ActorResolver;
use entente_core::{Content, Evidence, Origin, RawDocument};
use entente_fuzz::{assert_span, PubDate};
use entente_know::{CodedEvent, KnowledgeBase};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    published: PubDate,
    text: String,
}

#[track_caller]
fn check_evidence(text: &str, e: &Evidence, what: &str) {
    assert_span(text, e.span(), what);
    assert_eq!(
        e.span().slice(text),
        &*e.text,
        "{what}: evidence text differs from the text it spans"
    );
}

fuzz_target!(|input: Input| {
    let raw = RawDocument {
        origin: Origin::file("fuzz.txt"),
        external_id: None,
        url: None,
        title: None,
        published: input.published.date(),
        source: None,
        content: Content::Text(input.text),
    };
    let document = entente_clean::clean(&raw);
    if document.paragraphs.is_empty() {
        return;
    }
    let text = &document.text;
    let mentions = ActorResolver::embedded().find_mentions(text, document.published);
    for m in &mentions {
        assert_span(text, m.span(), "mention");
    }
    let coded = entente_code::code_document(&document, &mentions);
    for e in &coded.events {
        check_evidence(text, &e.evidence, "event evidence");
    }
    for q in &coded.quotations {
        check_evidence(text, &q.evidence, "quotation evidence");
        assert!(!q.text.is_empty(), "empty quotation text: {q:?}");
    }
    for d in &coded.deployments {
        check_evidence(text, &d.evidence, "deployment evidence");
    }

    // The knowledge-base updates, as entente_pipeline proposes them.
    let Ok(kb) = KnowledgeBase::embedded() else {
        return;
    };
    let sentences = split_sentences(text);
    for event in &coded.events {
        let sentence = sentences
            .get(event.sentence)
            .map(|s| s.slice(text))
            .unwrap_or(&*event.evidence.text);
        if let Some(c) = CodedEvent::from_event(event, sentence) {
            let _ = kb.propose_updates(std::slice::from_ref(&c));
        }
    }
});
