//! The failure boundary around each stage, and what a failed document says.

use std::any::Any;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

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

/// Runs one stage, turning a panic into [`Reason::Internal`] when `catch`
/// (the failure boundary is on); else lets the panic through.
///
/// The stages share nothing mutable across documents (dictionaries are
/// read-only once built), so a panic leaves no broken state behind and the
/// next document may go on.
pub(crate) fn guarded<T>(catch: bool, stage: Stage, work: impl FnOnce() -> T) -> Result<T, Reason> {
    if !catch {
        return Ok(work());
    }
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| Reason::Internal {
        stage,
        message: panic_message(payload.as_ref()),
    })
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

/// Fault injection for the tests of callers: in debug builds only, a
/// document whose text contains the value of `ENTENTE_FAULT_PANIC_ON`
/// panics in the code stage, so a test can check that one failing document
/// costs nothing but itself. Release builds compile this to nothing.
pub(crate) mod fault {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_stage_becomes_a_failure_naming_the_stage() {
        let got: Result<(), Reason> = guarded(true, Stage::Code, || panic!("boom at {}", 3));
        assert_eq!(
            got,
            Err(Reason::Internal {
                stage: Stage::Code,
                message: "boom at 3".into()
            })
        );
        let got: Result<(), Reason> = guarded(true, Stage::Clean, || std::panic::panic_any(7u8));
        assert!(matches!(
            got,
            Err(Reason::Internal {
                stage: Stage::Clean,
                ..
            })
        ));
        assert_eq!(guarded(true, Stage::Annotate, || 5), Ok(5));
    }

    #[test]
    fn without_the_boundary_a_panic_goes_through() {
        let got = catch_unwind(|| guarded(false, Stage::Code, || panic!("through")));
        assert!(got.is_err(), "help: guarded(false, ..) must not catch");
        assert_eq!(guarded(false, Stage::Code, || 5), Ok(5));
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
