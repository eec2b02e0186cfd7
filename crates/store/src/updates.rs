//! The queue of proposed knowledge-base updates.
//!
//! The `know` crate proposes changes (a new alliance member, a treaty
//! ended) with the evidence that prompted them; a person or a rule accepts
//! or rejects each. The store keeps the payload as opaque JSON: its meaning
//! belongs to `know`.

use crate::codec::col_opt_usize;
use crate::db::{DbError, Exec, Row};
use crate::error::{Result, StoreError};
use crate::store::Store;
use chrono::NaiveDate;
use entente_core::Evidence;
use rusqlite::params;
use rusqlite::types::Type;
use std::fmt;

/// How far apart two reports of one fact may date it and still be one
/// proposal ("signed on Monday" in one article, "signed this week" in
/// another): a month.
pub const SAME_FACT_DAYS: i64 = 31;

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
    /// Which fact this is, as `know` keys it, and the date it reports.
    /// Another document's proposal with the same key, dated within
    /// [`SAME_FACT_DAYS`], is kept as further evidence of this one instead
    /// of being queued again. `None`: every proposal is queued.
    pub fact: Option<FactKey>,
}

/// The identity of a proposed fact: a key the proposer derives from what
/// the fact is (the kind of change, the states, the treaty or organisation),
/// not from how a report words it, and the date the report gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FactKey {
    pub key: String,
    pub date: NaiveDate,
}

/// A further report of a proposed fact, from another document.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateEvidence {
    pub doc: Option<String>,
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
    /// The other documents that reported the same fact, in the order they
    /// were stored; the first report is `update`'s own evidence.
    pub also: Vec<UpdateEvidence>,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl Store {
    /// Queues an update with status `proposed`.
    pub fn propose_update(&mut self, update: &ProposedUpdate) -> Result<UpdateId> {
        let doc = update.doc.as_deref().unwrap_or("-").to_string();
        let what = format!("proposing a {} update from document {doc}", update.kind);
        let path = self.path.clone();
        self.write(&what, |tx| {
            insert_update(tx, update).map_err(|e| match e {
                InsertUpdateError::Invalid(reason) => StoreError::InvalidRecord { doc, reason },
                InsertUpdateError::Sql(e) => crate::store::sql_error(&path, &what, e),
            })
        })
    }

    /// Updates in the order they were proposed; with `status`, only those
    /// in it.
    pub fn updates(&self, status: Option<UpdateStatus>) -> Result<Vec<StoredUpdate>> {
        self.with(|ex| {
            let updates = ex.query(
                &format!(
                    "{UPDATE_COLUMNS} WHERE CAST(?1 AS TEXT) IS NULL OR status = ?1 ORDER BY id"
                ),
                &[&status.map(UpdateStatus::as_str)],
                stored_update,
            )?;
            with_further_evidence(ex, updates)
        })
        .map_err(|e| self.decode_err("reading knowledge-base updates", e))
    }

    /// The updates proposed by one document (its public id), in order:
    /// those it proposed first and those it reported again, the latter with
    /// this document's own sentence and evidence (its record as written).
    pub fn updates_of_document(&self, doc: &str) -> Result<Vec<StoredUpdate>> {
        self.with(|ex| {
            let updates = ex.query(
                &format!(
                    "{UPDATE_COLUMNS}
                     WHERE doc = ?1
                        OR id IN (SELECT update_id FROM kb_update_evidence WHERE doc = ?1)
                     ORDER BY id"
                ),
                &[&doc],
                stored_update,
            )?;
            with_further_evidence(ex, updates)
        })
        .map(|updates| {
            updates
                .into_iter()
                .map(|mut u| {
                    if u.update.doc.as_deref() != Some(doc) {
                        if let Some(a) = u.also.iter().find(|a| a.doc.as_deref() == Some(doc)) {
                            u.update.doc = a.doc.clone();
                            u.update.sentence = a.sentence;
                            u.update.evidence = a.evidence.clone();
                        }
                    }
                    u
                })
                .collect()
        })
        .map_err(|e| self.decode_err(format!("reading the updates of document {doc}"), e))
    }

    /// One update by id.
    pub fn update(&self, id: UpdateId) -> Result<Option<StoredUpdate>> {
        self.with(|ex| {
            let found = ex.query(
                &format!("{UPDATE_COLUMNS} WHERE id = ?1"),
                &[&id.0],
                stored_update,
            )?;
            Ok(with_further_evidence(ex, found)?.into_iter().next())
        })
        .map_err(|e| self.decode_err(format!("reading knowledge-base update {id}"), e))
    }

    /// Sets an update's status. Accepting or rejecting stamps `decided_at`;
    /// setting it back to `proposed` clears it. A decision may be changed.
    pub fn set_update_status(&mut self, id: UpdateId, status: UpdateStatus) -> Result<()> {
        let decided_at = (status != UpdateStatus::Proposed).then(now);
        let changed = self
            .with(|ex| {
                ex.execute(
                    "UPDATE kb_updates SET status = ?2, decided_at = ?3 WHERE id = ?1",
                    params![id.0, status.as_str(), decided_at],
                )
            })
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

/// The columns [`stored_update`] reads.
const UPDATE_COLUMNS: &str = "SELECT id, kind, payload, doc, sentence, evidence_start,
    evidence_end, evidence_text, status, proposed_at, decided_at, fact_key, fact_date
    FROM kb_updates";

fn stored_update(r: &Row) -> rusqlite::Result<StoredUpdate> {
    let payload: String = r.get(2)?;
    let payload = serde_json::from_str(&payload).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, Type::Text, format!("payload: {e}").into())
    })?;
    let evidence = match (col_opt_usize(r, 5)?, col_opt_usize(r, 6)?, r.get(7)?) {
        (Some(start), Some(end), Some(text)) => Some(Evidence { start, end, text }),
        _ => None,
    };
    let fact = match (
        r.get::<_, Option<String>>(11)?,
        r.get::<_, Option<String>>(12)?,
    ) {
        (Some(key), Some(date)) => Some(FactKey {
            key,
            date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    12,
                    Type::Text,
                    format!("fact date {date:?}: {e}").into(),
                )
            })?,
        }),
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
            fact,
        },
        status,
        proposed_at: r.get(9)?,
        decided_at: r.get(10)?,
        also: Vec::new(),
    })
}

/// Fills each update's `also`: the other documents that reported its fact.
fn with_further_evidence(
    ex: &mut Exec,
    mut updates: Vec<StoredUpdate>,
) -> std::result::Result<Vec<StoredUpdate>, DbError> {
    for u in &mut updates {
        u.also = ex.query(
            "SELECT doc, sentence, evidence_start, evidence_end, evidence_text
             FROM kb_update_evidence WHERE update_id = ?1 ORDER BY rowid",
            &[&u.id.0],
            |r| {
                let evidence = match (col_opt_usize(r, 2)?, col_opt_usize(r, 3)?, r.get(4)?) {
                    (Some(start), Some(end), Some(text)) => Some(Evidence { start, end, text }),
                    _ => None,
                };
                Ok(UpdateEvidence {
                    doc: r.get(0)?,
                    sentence: col_opt_usize(r, 1)?,
                    evidence,
                })
            },
        )?;
    }
    Ok(updates)
}

/// Why an update could not be inserted.
pub(crate) enum InsertUpdateError {
    Invalid(String),
    Sql(DbError),
}

impl From<DbError> for InsertUpdateError {
    fn from(e: DbError) -> Self {
        InsertUpdateError::Sql(e)
    }
}

/// The proposal already queued for the fact `fact` (the same key, dated
/// within [`SAME_FACT_DAYS`]), with the document that first reported it.
fn queued_fact(
    ex: &mut Exec,
    fact: &FactKey,
) -> std::result::Result<Option<(UpdateId, Option<String>)>, DbError> {
    let rows = ex.query(
        "SELECT id, fact_date, doc FROM kb_updates WHERE fact_key = ?1 ORDER BY id",
        &[&fact.key],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        },
    )?;
    for (id, date, doc) in rows {
        let close = date
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .is_some_and(|d| (d - fact.date).num_days().abs() <= SAME_FACT_DAYS);
        if close {
            return Ok(Some((UpdateId(id), doc)));
        }
    }
    Ok(None)
}

/// Inserts an update with status `proposed` through `ex`, which may be
/// the transaction that writes the document the update comes from. When
/// the update's fact is already queued (see [`ProposedUpdate::fact`]), the
/// update's document is added to it as evidence instead, once, and the
/// queued update's id is returned: its status, accepted, rejected or
/// proposed, stands.
pub(crate) fn insert_update(
    ex: &mut Exec,
    update: &ProposedUpdate,
) -> std::result::Result<UpdateId, InsertUpdateError> {
    let invalid = InsertUpdateError::Invalid;
    if let Some(fact) = &update.fact {
        if let Some((id, first_doc)) = queued_fact(ex, fact)? {
            if first_doc.is_some() && first_doc == update.doc {
                return Ok(id);
            }
            let known: bool = ex.query_one(
                "SELECT EXISTS (SELECT 1 FROM kb_update_evidence
                                WHERE update_id = ?1 AND doc IS NOT DISTINCT FROM ?2)",
                params![id.0, update.doc],
                |r| r.get(0),
            )?;
            if !known {
                insert_evidence(ex, id, update)?;
            }
            return Ok(id);
        }
    }
    let payload = serde_json::to_string(&update.payload)
        .map_err(|e| invalid(format!("update payload: {e}")))?;
    let (sentence, ev_start, ev_end) = stored_span(update)?;
    let ev = update.evidence.as_ref();
    let id = ex.query_one(
        "INSERT INTO kb_updates (kind, payload, doc, sentence, evidence_start,
             evidence_end, evidence_text, status, proposed_at, fact_key, fact_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'proposed', ?8, ?9, ?10)
         RETURNING id",
        params![
            update.kind,
            payload,
            update.doc,
            sentence,
            ev_start,
            ev_end,
            ev.map(|e| &e.text),
            now(),
            update.fact.as_ref().map(|f| &f.key),
            update.fact.as_ref().map(|f| f.date.to_string()),
        ],
        |r| r.get(0),
    )?;
    Ok(UpdateId(id))
}

/// A sentence index and an evidence span's start and end, as stored.
type StoredSpan = (Option<i64>, Option<i64>, Option<i64>);

/// The sentence and evidence span of `update`, as stored.
fn stored_span(update: &ProposedUpdate) -> std::result::Result<StoredSpan, InsertUpdateError> {
    let invalid = InsertUpdateError::Invalid;
    let sentence = update
        .sentence
        .map(|s| i64::try_from(s).map_err(|_| invalid(format!("sentence {s}"))))
        .transpose()?;
    let ev = update.evidence.as_ref();
    let start = ev
        .map(|e| i64::try_from(e.start).map_err(|_| invalid(format!("offset {}", e.start))))
        .transpose()?;
    let end = ev
        .map(|e| i64::try_from(e.end).map_err(|_| invalid(format!("offset {}", e.end))))
        .transpose()?;
    Ok((sentence, start, end))
}

/// Adds `update`'s document and evidence to the queued update `id`.
fn insert_evidence(
    ex: &mut Exec,
    id: UpdateId,
    update: &ProposedUpdate,
) -> std::result::Result<(), InsertUpdateError> {
    let (sentence, start, end) = stored_span(update)?;
    ex.execute(
        "INSERT INTO kb_update_evidence (update_id, doc, sentence, evidence_start,
             evidence_end, evidence_text, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id.0,
            update.doc,
            sentence,
            start,
            end,
            update.evidence.as_ref().map(|e| &e.text),
            now(),
        ],
    )?;
    Ok(())
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
            fact: None,
        }
    }

    /// A report of Finland joining NATO in document `doc`, dated `date`.
    fn report(doc: &str, date: &str) -> ProposedUpdate {
        ProposedUpdate {
            doc: Some(doc.into()),
            fact: Some(FactKey {
                key: "accession|NATO|FIN".into(),
                date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            }),
            ..update("accession")
        }
    }

    /// Issue 12: two articles about one fact are one proposal, with each
    /// article as evidence; a report of it months apart is another.
    #[test]
    fn one_fact_across_documents_is_one_proposal() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store
            .propose_update(&report("doc-1", "2023-04-04"))
            .unwrap();
        let b = store
            .propose_update(&report("doc-2", "2023-04-05"))
            .unwrap();
        assert_eq!(a, b, "the same fact, a day apart");
        // The same document again adds nothing.
        assert_eq!(
            store
                .propose_update(&report("doc-2", "2023-04-05"))
                .unwrap(),
            a
        );
        assert_eq!(
            store
                .propose_update(&report("doc-1", "2023-04-04"))
                .unwrap(),
            a
        );
        let all = store.updates(None).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].update.doc.as_deref(), Some("doc-1"));
        assert_eq!(all[0].also.len(), 1);
        assert_eq!(all[0].also[0].doc.as_deref(), Some("doc-2"));
        assert_eq!(all[0].update.fact, report("doc-1", "2023-04-04").fact);
        // Each document finds it, with its own report.
        let of_second = store.updates_of_document("doc-2").unwrap();
        assert_eq!(of_second[0].id, a);
        assert_eq!(of_second[0].update.doc.as_deref(), Some("doc-2"));
        assert_eq!(store.update(a).unwrap().unwrap().also.len(), 1);
        // A decision stands for later reports.
        store.set_update_status(a, UpdateStatus::Rejected).unwrap();
        assert_eq!(
            store
                .propose_update(&report("doc-3", "2023-04-20"))
                .unwrap(),
            a
        );
        assert_eq!(
            store.update(a).unwrap().unwrap().status,
            UpdateStatus::Rejected
        );
        // Months apart: another fact (Finland leaving and joining again).
        let later = store
            .propose_update(&report("doc-4", "2024-01-10"))
            .unwrap();
        assert_ne!(later, a);
        // Without a key, every proposal is queued.
        let c = store.propose_update(&update("note")).unwrap();
        let d = store.propose_update(&update("note")).unwrap();
        assert_ne!(c, d);
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
