//! The one knowledge base the command line and the API answer from: the
//! embedded facts plus every update a person accepted from the news, each
//! applied from its own date, in the order the updates were proposed.
//! [`decide`] is the one way either of them accepts, rejects or reopens an
//! update.

use entente_know::{Applied, KnowError, KnowledgeBase, KnowledgeUpdate};
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
                current.kb.apply(&u).map(|_| ()).map_err(|e| SkippedUpdate {
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

/// How a decision on an update ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    /// The update as it was before the decision.
    pub update: StoredUpdate,
    /// `false` when it already had the status asked for: nothing changed.
    pub changed: bool,
    /// For an update accepted now, what the knowledge base made of it:
    /// [`Applied::AlreadyMember`] when it already had the accession (its
    /// own date kept); `None` for any other decision.
    pub applied: Option<Applied>,
}

impl Decided {
    /// For the reviewer, when the accepted update changed nothing in the
    /// knowledge base: what it already had, with both dates.
    pub fn note(&self) -> Option<String> {
        let applied = self.applied.as_ref()?;
        let u = knowledge_update(&self.update).ok()?;
        applied.note(&u)
    }
}

/// Why a decision on an update was refused.
#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    /// The store holds no update with this id.
    #[error("no update {0}")]
    NotFound(UpdateId),
    /// Accepted or rejected already: a decision stands until reopened.
    #[error(
        "update {id} was {} on {decided_at}: the decision stands; reopen it to put it back \
         among the proposed ones",
        status.as_str()
    )]
    Decided {
        id: UpdateId,
        status: UpdateStatus,
        decided_at: String,
    },
    /// A fact rejected once stays out, whichever report proposes it again.
    #[error(
        "update {id} reports the same fact as update {rejected}, which was rejected: the \
         decision stands; reopen update {rejected} to put it back among the proposed ones"
    )]
    RejectedFact { id: UpdateId, rejected: UpdateId },
    /// The knowledge base cannot apply it (or an update accepted before).
    #[error(transparent)]
    CannotApply(#[from] SkippedUpdate),
    /// The knowledge base could not be built.
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
    /// The store failed; the error names it.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DecisionError {
    /// Whether the decision was refused for what was asked (the caller's
    /// to correct), not for a failure of the store or of the data.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            DecisionError::NotFound(_)
                | DecisionError::Decided { .. }
                | DecisionError::RejectedFact { .. }
                | DecisionError::CannotApply(_)
        )
    }
}

/// Sets update `id` to `status` (accepted, rejected, or proposed again to
/// reopen it), as the command line's `entente updates` and the API do. A
/// decision stands until reopened: an accepted or rejected update cannot be
/// decided the other way, so a rejected one is not accepted by mistake nor
/// an accepted one silently dropped. An update is accepted only when the
/// knowledge base, with every update accepted before, can apply it, and not
/// when it reports a fact already rejected. Asking for the status it has is
/// no change.
pub fn decide(
    store: &mut Store,
    id: UpdateId,
    status: UpdateStatus,
) -> Result<Decided, DecisionError> {
    let update = store.update(id)?.ok_or(DecisionError::NotFound(id))?;
    match (update.status, status) {
        (now, wanted) if now == wanted => {
            return Ok(Decided {
                update,
                changed: false,
                applied: None,
            })
        }
        (
            UpdateStatus::Accepted | UpdateStatus::Rejected,
            UpdateStatus::Accepted | UpdateStatus::Rejected,
        ) => {
            return Err(DecisionError::Decided {
                id,
                status: update.status,
                decided_at: update
                    .decided_at
                    .clone()
                    .unwrap_or_else(|| "an unknown date".to_string()),
            })
        }
        _ => {}
    }
    let mut applied = None;
    if status == UpdateStatus::Accepted {
        // Refused before it is recorded: what the knowledge base cannot apply.
        let kb_update = knowledge_update(&update)?;
        for rejected in store.updates(Some(UpdateStatus::Rejected))? {
            if knowledge_update(&rejected).is_ok_and(|r| r.same_fact(&kb_update)) {
                return Err(DecisionError::RejectedFact {
                    id,
                    rejected: rejected.id,
                });
            }
        }
        let mut kb = CurrentKnowledge::from_store(store)?.strict()?;
        applied = Some(kb.apply(&kb_update).map_err(|e| SkippedUpdate {
            id,
            problem: UpdateProblem::CannotApply(e),
        })?);
    }
    store.set_update_status(id, status)?;
    Ok(Decided {
        update,
        changed: true,
        applied,
    })
}
