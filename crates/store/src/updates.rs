//! The queue of proposed knowledge-base updates.
//!
//! The `know` crate proposes changes (a new alliance member, a treaty
//! ended) with the evidence that prompted them; a person or a rule accepts
//! or rejects each. The store keeps the payload as opaque JSON: its meaning
//! belongs to `know`.

use crate::codec::col_opt_usize;
use crate::error::{Result, StoreError};
use crate::store::Store;
use entente_core::Evidence;
use rusqlite::types::Type;
use rusqlite::{params, OptionalExtension, Row};
use std::fmt;

/// The id the store gave an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UpdateId(pub i64);

impl fmt::Display for UpdateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where an update stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UpdateStatus {
    Proposed,
    Accepted,
    Rejected,
}

impl UpdateStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateStatus::Proposed => "proposed",
            UpdateStatus::Accepted => "accepted",
            UpdateStatus::Rejected => "rejected",
        }
    }

    fn parse(s: &str) -> Option<UpdateStatus> {
        match s {
            "proposed" => Some(UpdateStatus::Proposed),
            "accepted" => Some(UpdateStatus::Accepted),
            "rejected" => Some(UpdateStatus::Rejected),
            _ => None,
        }
    }
}

/// A change to the knowledge base, as proposed.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedUpdate {
    /// What kind of change, as `know` names it (`join_alliance`).
    pub kind: String,
    /// The change itself; opaque to the store.
    pub payload: serde_json::Value,
    /// The public id of the document that prompted it, if any.
    pub doc: Option<String>,
    /// The sentence in that document.
    pub sentence: Option<usize>,
    pub evidence: Option<Evidence>,
}

/// An update as stored, with its status.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredUpdate {
    pub id: UpdateId,
    pub update: ProposedUpdate,
    pub status: UpdateStatus,
    /// RFC 3339 UTC times.
    pub proposed_at: String,
    pub decided_at: Option<String>,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl Store {
    /// Queues an update with status `proposed`.
    pub fn propose_update(&mut self, update: &ProposedUpdate) -> Result<UpdateId> {
        let doc = update.doc.as_deref().unwrap_or("-").to_string();
        insert_update(&self.conn, update).map_err(|e| match e {
            InsertUpdateError::Invalid(reason) => StoreError::InvalidRecord { doc, reason },
            InsertUpdateError::Sql(e) => self.sql_err(
                format!("proposing a {} update from document {doc}", update.kind),
                e,
            ),
        })
    }

    /// Updates in the order they were proposed; with `status`, only those
    /// in it.
    pub fn updates(&self, status: Option<UpdateStatus>) -> Result<Vec<StoredUpdate>> {
        self.conn
            .prepare_cached(
                "SELECT id, kind, payload, doc, sentence, evidence_start, evidence_end,
                        evidence_text, status, proposed_at, decided_at
                 FROM kb_updates WHERE ?1 IS NULL OR status = ?1 ORDER BY id",
            )
            .and_then(|mut st| {
                st.query_map([status.map(UpdateStatus::as_str)], stored_update)?
                    .collect()
            })
            .map_err(|e| self.decode_err("reading knowledge-base updates", e))
    }

    /// The updates proposed by one document (its public id), in order.
    pub fn updates_of_document(&self, doc: &str) -> Result<Vec<StoredUpdate>> {
        self.conn
            .prepare_cached(
                "SELECT id, kind, payload, doc, sentence, evidence_start, evidence_end,
                        evidence_text, status, proposed_at, decided_at
                 FROM kb_updates WHERE doc = ?1 ORDER BY id",
            )
            .and_then(|mut st| st.query_map([doc], stored_update)?.collect())
            .map_err(|e| self.decode_err(format!("reading the updates of document {doc}"), e))
    }

    /// One update by id.
    pub fn update(&self, id: UpdateId) -> Result<Option<StoredUpdate>> {
        self.conn
            .prepare_cached(
                "SELECT id, kind, payload, doc, sentence, evidence_start, evidence_end,
                        evidence_text, status, proposed_at, decided_at
                 FROM kb_updates WHERE id = ?1",
            )
            .and_then(|mut st| st.query_row([id.0], stored_update).optional())
            .map_err(|e| self.decode_err(format!("reading knowledge-base update {id}"), e))
    }

    /// Sets an update's status. Accepting or rejecting stamps `decided_at`;
    /// setting it back to `proposed` clears it. A decision may be changed.
    pub fn set_update_status(&mut self, id: UpdateId, status: UpdateStatus) -> Result<()> {
        let decided_at = (status != UpdateStatus::Proposed).then(now);
        let changed = self
            .conn
            .prepare_cached("UPDATE kb_updates SET status = ?2, decided_at = ?3 WHERE id = ?1")
            .and_then(|mut st| st.execute(params![id.0, status.as_str(), decided_at]))
            .map_err(|e| {
                self.sql_err(
                    format!("marking knowledge-base update {id} {}", status.as_str()),
                    e,
                )
            })?;
        if changed == 0 {
            return Err(StoreError::UpdateNotFound {
                path: self.path.clone(),
                id: id.0,
            });
        }
        Ok(())
    }
}

fn stored_update(r: &Row) -> rusqlite::Result<StoredUpdate> {
    let payload: String = r.get(2)?;
    let payload = serde_json::from_str(&payload).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, Type::Text, format!("payload: {e}").into())
    })?;
    let evidence = match (col_opt_usize(r, 5)?, col_opt_usize(r, 6)?, r.get(7)?) {
        (Some(start), Some(end), Some(text)) => Some(Evidence { start, end, text }),
        _ => None,
    };
    let status: String = r.get(8)?;
    let status = UpdateStatus::parse(&status).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            8,
            Type::Text,
            format!("status {status:?}").into(),
        )
    })?;
    Ok(StoredUpdate {
        id: UpdateId(r.get(0)?),
        update: ProposedUpdate {
            kind: r.get(1)?,
            payload,
            doc: r.get(3)?,
            sentence: col_opt_usize(r, 4)?,
            evidence,
        },
        status,
        proposed_at: r.get(9)?,
        decided_at: r.get(10)?,
    })
}

/// Why an update could not be inserted.
pub(crate) enum InsertUpdateError {
    Invalid(String),
    Sql(rusqlite::Error),
}

/// Inserts an update with status `proposed` through `conn`, which may be
/// the transaction that writes the document the update comes from.
pub(crate) fn insert_update(
    conn: &rusqlite::Connection,
    update: &ProposedUpdate,
) -> std::result::Result<UpdateId, InsertUpdateError> {
    let invalid = InsertUpdateError::Invalid;
    let payload = serde_json::to_string(&update.payload)
        .map_err(|e| invalid(format!("update payload: {e}")))?;
    let sentence = update
        .sentence
        .map(|s| i64::try_from(s).map_err(|_| invalid(format!("sentence {s}"))))
        .transpose()?;
    let ev = update.evidence.as_ref();
    let ev_start = ev
        .map(|e| i64::try_from(e.start).map_err(|_| invalid(format!("offset {}", e.start))))
        .transpose()?;
    let ev_end = ev
        .map(|e| i64::try_from(e.end).map_err(|_| invalid(format!("offset {}", e.end))))
        .transpose()?;
    conn.prepare_cached(
        "INSERT INTO kb_updates (kind, payload, doc, sentence, evidence_start,
             evidence_end, evidence_text, status, proposed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'proposed', ?8)",
    )
    .and_then(|mut st| {
        st.insert(params![
            update.kind,
            payload,
            update.doc,
            sentence,
            ev_start,
            ev_end,
            ev.map(|e| &e.text),
            now(),
        ])
    })
    .map(UpdateId)
    .map_err(InsertUpdateError::Sql)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(kind: &str) -> ProposedUpdate {
        ProposedUpdate {
            kind: kind.into(),
            payload: serde_json::json!({"alliance": "NATO", "member": "FIN"}),
            doc: Some("doc-1".into()),
            sentence: Some(2),
            evidence: Some(Evidence {
                start: 10,
                end: 20,
                text: "joined NATO".into(),
            }),
        }
    }

    #[test]
    fn updates_move_through_their_statuses() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.propose_update(&update("join_alliance")).unwrap();
        let b = store
            .propose_update(&ProposedUpdate {
                doc: None,
                sentence: None,
                evidence: None,
                ..update("leave_alliance")
            })
            .unwrap();
        assert_ne!(a, b);
        assert_eq!(
            store.updates(Some(UpdateStatus::Proposed)).unwrap().len(),
            2
        );

        store.set_update_status(a, UpdateStatus::Accepted).unwrap();
        store.set_update_status(b, UpdateStatus::Rejected).unwrap();
        let accepted = store.updates(Some(UpdateStatus::Accepted)).unwrap();
        assert_eq!(accepted.len(), 1);
        assert_eq!(accepted[0].id, a);
        assert_eq!(accepted[0].update, update("join_alliance"));
        assert!(accepted[0].decided_at.is_some());
        assert_eq!(store.updates(None).unwrap().len(), 2);
        assert_eq!(store.update(b).unwrap().unwrap().update.evidence, None);

        store.set_update_status(a, UpdateStatus::Proposed).unwrap();
        assert_eq!(store.update(a).unwrap().unwrap().decided_at, None);
    }

    #[test]
    fn unknown_update_is_an_error() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store
            .set_update_status(UpdateId(42), UpdateStatus::Accepted)
            .unwrap_err();
        assert!(err.to_string().contains("42"), "{err}");
        assert_eq!(store.update(UpdateId(42)).unwrap(), None);
    }
}
