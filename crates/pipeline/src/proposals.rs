//! The knowledge-base updates a document's events propose.

use entente_annotate::sentences::split_sentences;
use entente_core::{Document, Event};
use entente_know::{CodedEvent, KnowledgeBase, KnowledgeUpdate};
use entente_store::{FactKey, ProposedUpdate};

/// The updates `events` propose (an accession, a withdrawal, a treaty
/// signed or ended, a recognition), each with its evidence: one per fact,
/// however often the document repeats it (headline, lead, body), with the
/// evidence of its first report. Each carries its fact's key, so that the
/// store keeps one proposal per fact across documents too.
pub(crate) fn proposed_updates(
    kb: &KnowledgeBase,
    document: &Document,
    events: &[Event],
) -> Vec<ProposedUpdate> {
    let sentences = split_sentences(&document.text);
    let mut facts: Vec<(KnowledgeUpdate, &Event)> = Vec::new();
    for event in events {
        let sentence = sentences
            .get(event.sentence)
            .and_then(|s| s.get(&document.text))
            .unwrap_or(&event.evidence.text);
        let Some(coded) = CodedEvent::from_event(event, sentence) else {
            continue;
        };
        for update in kb.propose_updates(std::slice::from_ref(&coded)) {
            match facts.iter_mut().find(|(f, _)| f.same_fact(&update)) {
                Some((first, _)) => first.absorb(&update),
                None => facts.push((update, event)),
            }
        }
    }
    facts
        .into_iter()
        .filter_map(|(update, event)| {
            let payload = serde_json::to_value(&update).ok()?;
            Some(ProposedUpdate {
                kind: update.kind.to_string(),
                payload,
                doc: Some(document.public_id().to_string()),
                sentence: Some(event.sentence),
                evidence: Some(event.evidence.clone()),
                fact: Some(FactKey {
                    key: update.fact_key(),
                    date: update.date,
                }),
            })
        })
        .collect()
}
