//! The per-document pipeline: clean, annotate, code. A plain function of
//! the document and the (shared, read-only) dictionaries.

use entente_annotate::sentences::split_sentences;
use entente_annotate::ActorResolver;
use entente_core::{Document, Event, RawDocument};
use entente_know::{CodedEvent, KnowledgeBase};
use entente_store::{DocumentRecord, ProposedUpdate};
use std::fmt;

/// A document that cleaning left empty: nothing to annotate or store.
#[derive(Debug)]
pub struct NoContent {
    pub origin: String,
    pub dropped: usize,
}

impl fmt::Display for NoContent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: no article text left after cleaning ({} block(s) dropped as boilerplate, links or repeats)",
            self.origin, self.dropped
        )
    }
}

/// Cleans one raw document; an empty result is an error naming the input.
pub fn clean(raw: &RawDocument) -> Result<Document, NoContent> {
    let doc = entente_clean::clean(raw);
    if doc.paragraphs.is_empty() {
        return Err(NoContent {
            origin: raw.origin.to_string(),
            dropped: doc.dropped.len(),
        });
    }
    Ok(doc)
}

/// Annotates and codes a cleaned document: actor mentions as of its
/// publication date, then events, quotations and deployments.
pub fn code(document: Document) -> DocumentRecord {
    let mentions = ActorResolver::embedded().find_mentions(&document.text, document.published);
    let coded = entente_code::code_document(&document, &mentions);
    let updates = proposed_updates(&document, &coded.events);
    DocumentRecord {
        document,
        mentions,
        events: coded.events,
        quotations: coded.quotations,
        deployments: coded.deployments,
        updates,
    }
}

/// The knowledge-base updates a document's events propose (an accession,
/// a withdrawal, a recognition), each with its evidence.
fn proposed_updates(document: &Document, events: &[Event]) -> Vec<ProposedUpdate> {
    let Ok(kb) = KnowledgeBase::embedded() else {
        return Vec::new();
    };
    let sentences = split_sentences(&document.text);
    let mut out = Vec::new();
    for event in events {
        let sentence = sentences
            .get(event.sentence)
            .map(|s| s.slice(&document.text))
            .unwrap_or(&event.evidence.text);
        let Some(coded) = CodedEvent::from_event(event, sentence) else {
            continue;
        };
        for update in kb.propose_updates(std::slice::from_ref(&coded)) {
            let Ok(payload) = serde_json::to_value(&update) else {
                continue;
            };
            let proposed = ProposedUpdate {
                kind: update.kind.to_string(),
                payload,
                doc: Some(document.public_id().to_string()),
                sentence: Some(event.sentence),
                evidence: Some(event.evidence.clone()),
            };
            if !out.contains(&proposed) {
                out.push(proposed);
            }
        }
    }
    out
}
