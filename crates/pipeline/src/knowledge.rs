//! The one knowledge base the command line and the API answer from: the
//! embedded facts plus every update a person accepted from the news, each
//! applied from its own date, in the order the updates were proposed.

use entente_know::{KnowError, KnowledgeBase, KnowledgeUpdate};
use entente_store::{Store, StoreError, StoredUpdate, UpdateId, UpdateStatus};
use std::fmt;
use std::sync::{Arc, RwLock};

/// Why the knowledge base could not be built.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// The embedded data did not load (a broken table: a defect in this build).
    #[error("cannot load the knowledge base: {0}")]
    Embedded(#[from] KnowError),
    /// The accepted updates could not be read; the error names the store.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An accepted update that could not be applied.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedUpdate {
    pub id: UpdateId,
    pub problem: UpdateProblem,
}

/// What was wrong with an accepted update.
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateProblem {
    /// Its payload is not a [`KnowledgeUpdate`] (written by another version).
    NotAnUpdate(String),
    /// The knowledge base refused it (its organisation renamed in the data).
    CannotApply(KnowError),
}

impl fmt::Display for SkippedUpdate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            UpdateProblem::NotAnUpdate(e) => {
                write!(f, "update {} is not a knowledge-base update: {e}", self.id)
            }
            UpdateProblem::CannotApply(e) => {
                write!(f, "update {} cannot be applied: {e}", self.id)
            }
        }
    }
}

impl std::error::Error for SkippedUpdate {}

/// The change a stored update proposes, read from its JSON payload.
pub fn knowledge_update(stored: &StoredUpdate) -> Result<KnowledgeUpdate, SkippedUpdate> {
    serde_json::from_value(stored.update.payload.clone()).map_err(|e| SkippedUpdate {
        id: stored.id,
        problem: UpdateProblem::NotAnUpdate(e.to_string()),
    })
}

/// The embedded knowledge base with the accepted updates applied.
#[derive(Debug, Clone)]
pub struct CurrentKnowledge {
    pub kb: KnowledgeBase,
    /// Every accepted update, applied or skipped, in order.
    pub accepted: Vec<UpdateId>,
    /// The accepted updates that could not be applied and were left out.
    pub skipped: Vec<SkippedUpdate>,
}

impl CurrentKnowledge {
    /// The embedded facts alone (no store yet).
    pub fn embedded() -> Result<CurrentKnowledge, KnowledgeError> {
        Ok(CurrentKnowledge {
            kb: KnowledgeBase::load()?,
            accepted: Vec::new(),
            skipped: Vec::new(),
        })
    }

    /// The embedded facts plus the updates accepted in `store`.
    pub fn from_store(store: &Store) -> Result<CurrentKnowledge, KnowledgeError> {
        let accepted = store.updates(Some(UpdateStatus::Accepted))?;
        let mut current = CurrentKnowledge::embedded()?;
        for stored in &accepted {
            current.accepted.push(stored.id);
            let applied = knowledge_update(stored).and_then(|u| {
                current.kb.apply(&u).map_err(|e| SkippedUpdate {
                    id: stored.id,
                    problem: UpdateProblem::CannotApply(e),
                })
            });
            if let Err(skipped) = applied {
                current.skipped.push(skipped);
            }
        }
        Ok(current)
    }

    /// The knowledge base, or the first accepted update that could not be
    /// applied: for a caller that must not answer without every one.
    pub fn strict(self) -> Result<KnowledgeBase, SkippedUpdate> {
        match self.skipped.into_iter().next() {
            Some(skipped) => Err(skipped),
            None => Ok(self.kb),
        }
    }
}

/// The current knowledge base of a long-running process (the server),
/// rebuilt when the accepted updates in the store change, whoever changed
/// them (`entente updates accept` in another process). Readers take the
/// knowledge base as of now and never wait for a rebuild.
#[derive(Debug)]
pub struct LiveKnowledge {
    current: RwLock<(Vec<UpdateId>, Arc<KnowledgeBase>)>,
}

impl LiveKnowledge {
    /// The knowledge base as `store` has it now.
    pub fn load(store: &Store) -> Result<LiveKnowledge, KnowledgeError> {
        let current = CurrentKnowledge::from_store(store)?;
        log_skipped(&current.skipped);
        Ok(LiveKnowledge {
            current: RwLock::new((current.accepted, Arc::new(current.kb))),
        })
    }

    /// The knowledge base as last loaded.
    pub fn get(&self) -> Arc<KnowledgeBase> {
        Arc::clone(&self.current.read().unwrap_or_else(|p| p.into_inner()).1)
    }

    /// The knowledge base with the updates accepted in `store` now: the one
    /// last loaded while they are the same, else a rebuilt one.
    pub fn refresh(&self, store: &Store) -> Result<Arc<KnowledgeBase>, KnowledgeError> {
        let ids: Vec<UpdateId> = store
            .updates(Some(UpdateStatus::Accepted))?
            .iter()
            .map(|u| u.id)
            .collect();
        {
            let now = self.current.read().unwrap_or_else(|p| p.into_inner());
            if now.0 == ids {
                return Ok(Arc::clone(&now.1));
            }
        }
        let current = CurrentKnowledge::from_store(store)?;
        log_skipped(&current.skipped);
        tracing::info!(
            "accepted updates changed: knowledge base rebuilt with {} of them",
            current.accepted.len() - current.skipped.len()
        );
        let kb = Arc::new(current.kb);
        *self.current.write().unwrap_or_else(|p| p.into_inner()) =
            (current.accepted, Arc::clone(&kb));
        Ok(kb)
    }
}

fn log_skipped(skipped: &[SkippedUpdate]) {
    for s in skipped {
        tracing::warn!("accepted update not applied: {s}");
    }
}
