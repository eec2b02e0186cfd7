//! The per-document pipeline: clean, annotate, code, proposed updates.
//!
//! This crate sequences entente's stages for one document and nothing
//! else: it reads no files (that is `entente-ingest`) and writes to no
//! store (that is `entente-store`; the caller writes the
//! [`DocumentRecord`]s it gets back). It is what the CLI and the HTTP
//! server call for every document.
//!
//! Every stage runs behind a failure boundary. The language stages are
//! meant to be total (any text gives a result), but a defect in one of them
//! on one odd document must never take a batch down: a panic inside a stage
//! is caught, and the document comes back as a [`Failure`] naming its origin
//! and the stage, while every other document goes on. A document that
//! cleaning leaves empty is a failure too ([`Reason::NoContent`]).
//!
//! ```
//! use entente_core::{Content, Origin, RawDocument};
//! use entente_pipeline::process;
//!
//! let raw = RawDocument {
//!     origin: Origin::file("example.txt"),
//!     external_id: None,
//!     url: None,
//!     title: None,
//!     published: chrono::NaiveDate::from_ymd_opt(2022, 4, 8),
//!     source: None,
//!     content: Content::Text("China urged Australia to respect the sovereignty of the Solomon Islands.".into()),
//! };
//! let record = process(&raw).expect("a plain sentence codes");
//! assert!(record.events.iter().any(|e| e.source.code.starts_with("CHN")));
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]

use entente_annotate::sentences::split_sentences;
use entente_annotate::ActorResolver;
use entente_core::{Document, Event, RawDocument};
use entente_know::{CodedEvent, KnowledgeBase};
use entente_store::{DateSpan, DocumentRecord, ProposedUpdate, QuantitySpan, TextSpans};
use std::any::Any;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Starts loading the syntax model (the largest of the embedded models,
/// decoded lazily on first use) on a background thread, so that a command
/// that will code documents overlaps the decoding with its own start-up
/// (reading input, cleaning). Calling it again, or using the model before
/// the thread is done, is harmless: the model is decoded once.
pub fn preload_models() {
    // If no thread can be spawned, the model loads on first use instead.
    let _ = std::thread::Builder::new()
        .name("entente-preload".into())
        .spawn(|| {
            entente_annotate::syntax::Syntax::embedded();
        });
}

/// A stage of the per-document pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Clean,
    Annotate,
    Code,
    ProposeUpdates,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Clean => "clean",
            Stage::Annotate => "annotate",
            Stage::Code => "code",
            Stage::ProposeUpdates => "propose updates",
        })
    }
}

/// Why a document gave no record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    /// Cleaning left no article text.
    #[error("no article text left after cleaning ({dropped} block(s) dropped as boilerplate, links or repeats)")]
    NoContent { dropped: usize },
    /// A stage failed on this document (a defect in entente: please report
    /// it with the document).
    #[error("internal error in stage `{stage}`: {message}")]
    Internal { stage: Stage, message: String },
}

/// A document that gave no record, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct Failure {
    /// The document's origin (file and record), as ingest named it.
    pub origin: String,
    pub reason: Reason,
}

impl Failure {
    /// Whether the document failed through a defect rather than through
    /// its content: callers count both as failed, but may log this one louder.
    pub fn is_internal(&self) -> bool {
        matches!(self.reason, Reason::Internal { .. })
    }
}

/// Cleans one raw document; an empty result is a failure naming the input.
pub fn clean(raw: &RawDocument) -> Result<Document, Failure> {
    let origin = || raw.origin.to_string();
    let doc = guarded(Stage::Clean, || entente_clean::clean(raw)).map_err(|reason| Failure {
        origin: origin(),
        reason,
    })?;
    if doc.paragraphs.is_empty() {
        return Err(Failure {
            origin: origin(),
            reason: Reason::NoContent {
                dropped: doc.dropped.len(),
            },
        });
    }
    Ok(doc)
}

/// Annotates and codes a cleaned document: actor mentions as of its
/// publication date, then events, quotations and deployments, then the
/// knowledge-base updates its events propose.
pub fn code(document: Document) -> Result<DocumentRecord, Failure> {
    let fail = |reason| Failure {
        origin: document.origin.to_string(),
        reason,
    };
    let mentions = guarded(Stage::Annotate, || {
        ActorResolver::embedded().find_mentions(&document.text, document.published)
    })
    .map_err(fail)?;
    let coded = guarded(Stage::Code, || {
        fault::inject(&document.text);
        entente_code::code_document(&document, &mentions)
    })
    .map_err(fail)?;
    let updates = guarded(Stage::ProposeUpdates, || {
        proposed_updates(&document, &coded.events)
    })
    .map_err(fail)?;
    let spans = guarded(Stage::Annotate, || text_spans(&document)).map_err(fail)?;
    Ok(DocumentRecord {
        document,
        mentions,
        events: coded.events,
        quotations: coded.quotations,
        deployments: coded.deployments,
        updates,
        spans: Some(spans),
    })
}

/// The dates (resolved against the publication date, so none without one)
/// and quantities of the text, stored so that readers need not find them
/// again.
fn text_spans(document: &Document) -> TextSpans {
    let dates = document
        .published
        .map(|p| entente_annotate::dates::find_dates(&document.text, p))
        .unwrap_or_default()
        .into_iter()
        .map(|t| DateSpan {
            span: t.span,
            date: t.date,
            precision: t.precision,
        })
        .collect();
    let quantities = entente_annotate::quantities::find_quantities(&document.text)
        .into_iter()
        .map(|q| QuantitySpan {
            span: q.span,
            value: q.value,
        })
        .collect();
    TextSpans { dates, quantities }
}

/// [`clean`], then [`code`].
pub fn process(raw: &RawDocument) -> Result<DocumentRecord, Failure> {
    code(clean(raw)?)
}

/// Runs one stage, turning a panic into [`Reason::Internal`].
///
/// The stages share nothing mutable across documents (dictionaries are
/// read-only once built), so a panic leaves no broken state behind and the
/// next document may go on.
fn guarded<T>(stage: Stage, work: impl FnOnce() -> T) -> Result<T, Reason> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| Reason::Internal {
        stage,
        message: panic_message(payload.as_ref()),
    })
}

/// Fault injection for the tests of callers: in debug builds only, a
/// document whose text contains the value of `ENTENTE_FAULT_PANIC_ON`
/// panics in the code stage, so a test can check that one failing document
/// costs nothing but itself. Release builds compile this to nothing.
mod fault {
    #[cfg(debug_assertions)]
    pub(crate) fn inject(text: &str) {
        use std::sync::OnceLock;
        static MARKER: OnceLock<Option<String>> = OnceLock::new();
        let marker = MARKER.get_or_init(|| {
            std::env::var("ENTENTE_FAULT_PANIC_ON")
                .ok()
                .filter(|m| !m.is_empty())
        });
        if let Some(m) = marker {
            if text.contains(m.as_str()) {
                panic!("fault injected by ENTENTE_FAULT_PANIC_ON");
            }
        }
    }

    #[cfg(not(debug_assertions))]
    pub(crate) fn inject(_text: &str) {}
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic without a message".to_string()
    }
}

/// The knowledge-base updates a document's events propose (an accession,
/// a withdrawal, a treaty signed or ended, a recognition), each with its
/// evidence: one per fact, however often the document repeats it (headline,
/// lead, body), with the evidence of its first report.
fn proposed_updates(document: &Document, events: &[Event]) -> Vec<ProposedUpdate> {
    let Ok(kb) = KnowledgeBase::embedded() else {
        return Vec::new();
    };
    let sentences = split_sentences(&document.text);
    let mut facts: Vec<(entente_know::ProposedUpdate, &Event)> = Vec::new();
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
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_stage_becomes_a_failure_naming_the_stage() {
        let got: Result<(), Reason> = guarded(Stage::Code, || panic!("boom at {}", 3));
        assert_eq!(
            got,
            Err(Reason::Internal {
                stage: Stage::Code,
                message: "boom at 3".into()
            })
        );
        let got: Result<(), Reason> = guarded(Stage::Clean, || std::panic::panic_any(7u8));
        assert!(matches!(
            got,
            Err(Reason::Internal {
                stage: Stage::Clean,
                ..
            })
        ));
        assert_eq!(guarded(Stage::Annotate, || 5), Ok(5));
    }

    #[test]
    fn failure_messages_name_origin_and_stage() {
        let f = Failure {
            origin: "batch.jsonl (line 3)".into(),
            reason: Reason::Internal {
                stage: Stage::Annotate,
                message: "index out of range".into(),
            },
        };
        assert!(f.is_internal());
        assert_eq!(
            f.to_string(),
            "batch.jsonl (line 3): internal error in stage `annotate`: index out of range"
        );
    }
}
