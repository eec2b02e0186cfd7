//! Writing documents and their facts, a batch per transaction.

use crate::codec::{date_text, enum_text, int, json_text};
use crate::db::{DbError, Exec};
use crate::error::{Result, StoreError};
use crate::spans::TextSpans;
use crate::store::Store;
use crate::updates::{insert_update, InsertUpdateError, ProposedUpdate};
use entente_core::{
    ActorRef, Deployment, Document, Event, Evidence, Mention, Personnel, Quotation,
};
use rusqlite::params;

/// How many documents the pipeline should hand to [`Store::write_batch`] at
/// once: large enough that commits are cheap, small enough that a crash
/// redoes little.
pub const DEFAULT_BATCH_SIZE: usize = 256;

/// A document with everything later stages found in it: the unit the store
/// writes atomically.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRecord {
    pub document: Document,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub quotations: Vec<Quotation>,
    pub deployments: Vec<Deployment>,
    /// Knowledge-base updates the document's facts propose; written with
    /// the document (so a crash or a rerun never loses or repeats them)
    /// and skipped with it when it is already stored.
    pub updates: Vec<ProposedUpdate>,
    /// The dates and quantities found in the text; `None` when they were
    /// not looked for (readers then find them on demand).
    pub spans: Option<TextSpans>,
}

impl DocumentRecord {
    /// A record of a document with no facts yet.
    pub fn new(document: Document) -> DocumentRecord {
        DocumentRecord {
            document,
            mentions: Vec::new(),
            events: Vec::new(),
            quotations: Vec::new(),
            deployments: Vec::new(),
            updates: Vec::new(),
            spans: None,
        }
    }

    /// Gives each event its stable id ([`Event::stable_id`] of the content
    /// id and its position), the id the store reads back for it.
    pub fn number_events(&mut self) {
        for (ord, event) in self.events.iter_mut().enumerate() {
            event.id = Event::stable_id(&self.document.id, ord);
        }
    }
}

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Documents written, with their facts.
    pub stored: usize,
    /// Documents skipped because their content id was already stored
    /// (before this batch or earlier in it).
    pub duplicates: usize,
}

/// Totals over several batches.
impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, other: BatchOutcome) {
        self.stored += other.stored;
        self.duplicates += other.duplicates;
    }
}

impl Store {
    /// Writes a batch of documents and their facts in one transaction.
    ///
    /// Idempotent per document: a record whose content id is already stored
    /// is skipped whole (its facts too) and counted as a duplicate. Two
    /// records with the same external id but different content are two
    /// documents and both are stored.
    ///
    /// If any record is invalid (a span past the end of the text, a number
    /// too large) or a write fails, nothing of the batch is stored and the
    /// error names the document.
    pub fn write_batch(&mut self, batch: &[DocumentRecord]) -> Result<BatchOutcome> {
        let path = self.path.clone();
        let stored_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        // The write lock is taken up front, so a concurrent writer makes
        // this one wait instead of failing mid-batch.
        self.write(
            &format!("writing a batch of {} documents", batch.len()),
            |tx| {
                let mut outcome = BatchOutcome::default();
                for record in batch {
                    validate(record)?;
                    let doc = &record.document.id;
                    if insert_record(tx, record, &stored_at)
                        .map_err(|e| e.into_store_error(doc.as_str(), &path))?
                    {
                        for update in &record.updates {
                            insert_update(tx, update).map_err(|e| match e {
                                InsertUpdateError::Invalid(reason) => StoreError::InvalidRecord {
                                    doc: doc.to_string(),
                                    reason,
                                },
                                InsertUpdateError::Sql(source) => crate::store::sql_error(
                                    &path,
                                    &format!("writing a {} update of document {doc}", update.kind),
                                    source,
                                ),
                            })?;
                        }
                        outcome.stored += 1;
                    } else {
                        outcome.duplicates += 1;
                    }
                }
                Ok(outcome)
            },
        )
    }
}

/// Why a record could not be written.
enum WriteError {
    Invalid(String),
    Sql(&'static str, DbError),
}

impl WriteError {
    fn into_store_error(self, doc: &str, path: &std::path::Path) -> StoreError {
        match self {
            WriteError::Invalid(reason) => StoreError::InvalidRecord {
                doc: doc.to_string(),
                reason,
            },
            WriteError::Sql(table, source) => {
                crate::store::sql_error(path, &format!("writing {table} of document {doc}"), source)
            }
        }
    }
}

fn sql(table: &'static str) -> impl Fn(DbError) -> WriteError {
    move |e| WriteError::Sql(table, e)
}

/// Checks what the schema cannot: spans fall inside the text, numbers are
/// finite (SQLite would store NaN as NULL).
fn validate(record: &DocumentRecord) -> Result<()> {
    let doc = &record.document;
    let len = doc.text.len();
    let invalid = |reason: String| StoreError::InvalidRecord {
        doc: doc.id.to_string(),
        reason,
    };
    if doc.id.as_str().is_empty() {
        return Err(invalid("empty content id".into()));
    }
    let check = |what: String, start: usize, end: usize| {
        if start > end || end > len {
            Err(invalid(format!(
                "{what} span {start}..{end} does not fit a text of {len} bytes"
            )))
        } else {
            Ok(())
        }
    };
    for (i, p) in doc.paragraphs.iter().enumerate() {
        check(format!("paragraph {i}"), p.span.start, p.span.end)?;
    }
    for (i, m) in record.mentions.iter().enumerate() {
        check(format!("mention {i} ({:?})", m.text), m.start, m.end)?;
        if !m.confidence.is_finite() {
            return Err(invalid(format!(
                "mention {i} confidence is {}",
                m.confidence
            )));
        }
    }
    let evidence =
        |what: &str, i: usize, e: &Evidence| check(format!("{what} {i} evidence"), e.start, e.end);
    for (i, e) in record.events.iter().enumerate() {
        evidence("event", i, &e.evidence)?;
        if !e.goldstein.is_finite() {
            return Err(invalid(format!(
                "event {i} Goldstein score is {}",
                e.goldstein
            )));
        }
    }
    for (i, q) in record.quotations.iter().enumerate() {
        evidence("quotation", i, &q.evidence)?;
    }
    for (i, d) in record.deployments.iter().enumerate() {
        evidence("deployment", i, &d.evidence)?;
    }
    if let Some(spans) = &record.spans {
        for (i, d) in spans.dates.iter().enumerate() {
            check(format!("date {i}"), d.span.start, d.span.end)?;
        }
        for (i, q) in spans.quantities.iter().enumerate() {
            check(format!("quantity {i}"), q.span.start, q.span.end)?;
            if !q.value.is_finite() {
                return Err(invalid(format!("quantity {i} is {}", q.value)));
            }
        }
    }
    Ok(())
}

/// Inserts one record; `false` when its document was already stored.
fn insert_record(
    tx: &mut Exec,
    record: &DocumentRecord,
    stored_at: &str,
) -> std::result::Result<bool, WriteError> {
    let d = &record.document;
    let inserted: Option<i64> = tx
        .query_opt(
            "INSERT INTO documents (id, external_id, origin_path, origin_locator, url, title,
                 published, source, text, related_links, dropped, offsets, stored_at,
                 spans_found)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT (id) DO NOTHING
             RETURNING seq",
            params![
                d.id.as_str(),
                d.external_id,
                d.origin.path,
                d.origin.locator,
                d.url,
                d.title,
                date_text(d.published),
                d.source,
                d.text,
                json_text(&d.related_links).map_err(WriteError::Invalid)?,
                json_text(&d.dropped).map_err(WriteError::Invalid)?,
                json_text(&d.offsets).map_err(WriteError::Invalid)?,
                stored_at,
                record.spans.is_some(),
            ],
            |r| r.get(0),
        )
        .map_err(sql("the document"))?;
    // No row returned: the id was already stored.
    let Some(seq) = inserted else {
        return Ok(false);
    };
    // Its story, found through the stored band keys of earlier documents.
    let copy = crate::stories::group(tx, seq, &d.text)
        .map_err(sql("the story group"))?
        .is_some();

    let st =
        "INSERT INTO paragraphs (document, ord, span_start, span_end, original_start, original_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    for (i, p) in d.paragraphs.iter().enumerate() {
        tx.execute(
            st,
            params![
                seq,
                ord(i)?,
                offset(p.span.start)?,
                offset(p.span.end)?,
                p.original.map(|s| offset(s.start)).transpose()?,
                p.original.map(|s| offset(s.end)).transpose()?,
            ],
        )
        .map_err(sql("paragraphs"))?;
    }

    let st = "INSERT INTO mentions (document, ord, text, span_start, span_end, code, actor, kind,
                 name, role, sector, affiliation, confidence, candidates)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
    for (i, m) in record.mentions.iter().enumerate() {
        tx.execute(
            st,
            params![
                seq,
                ord(i)?,
                m.text.as_str(),
                offset(m.start)?,
                offset(m.end)?,
                m.code.as_str(),
                m.actor.as_str(),
                enum_text(&m.kind).map_err(WriteError::Invalid)?,
                m.name.as_str(),
                m.role.as_deref(),
                m.sector.as_deref(),
                m.affiliation.as_deref(),
                f64::from(m.confidence),
                json_text(&m.candidates).map_err(WriteError::Invalid)?,
            ],
        )
        .map_err(sql("mentions"))?;
    }

    let st = "INSERT INTO events (document, ord, doc, sentence, source_code, source_actor,
                 source_name, target_code, target_actor, target_name, cameo, plover, quad_class,
                 goldstein, date, date_precision, negated, evidence_start, evidence_end, evidence_text,
                 retold, copy, location)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23)";
    for (i, e) in record.events.iter().enumerate() {
        let (tc, ta, tn) = actor_cols(e.target.as_ref());
        tx.execute(
            st,
            params![
                seq,
                ord(i)?,
                e.doc,
                offset(e.sentence)?,
                e.source.code.as_str(),
                e.source.actor.as_str(),
                e.source.name.as_str(),
                tc,
                ta,
                tn,
                e.cameo.as_str(),
                e.plover.as_deref(),
                e.quad_class,
                f64::from(e.goldstein),
                date_text(e.date),
                enum_text(&e.date_precision).map_err(WriteError::Invalid)?,
                e.negated,
                offset(e.evidence.start)?,
                offset(e.evidence.end)?,
                e.evidence.text,
                json_text(&e.retold).map_err(WriteError::Invalid)?,
                copy,
                e.location
                    .as_ref()
                    .map(json_text)
                    .transpose()
                    .map_err(WriteError::Invalid)?,
            ],
        )
        .map_err(sql("events"))?;
    }

    let st = "INSERT INTO quotations (document, ord, doc, sentence, speaker_name, speaker_code,
                 target_code, target_actor, target_name, text, evidence_start, evidence_end,
                 evidence_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
    for (i, q) in record.quotations.iter().enumerate() {
        let (tc, ta, tn) = actor_cols(q.target.as_ref());
        tx.execute(
            st,
            params![
                seq,
                ord(i)?,
                q.doc,
                offset(q.sentence)?,
                q.speaker.as_ref().map(|s| &s.name),
                q.speaker.as_ref().and_then(|s| s.code.as_ref()),
                tc,
                ta,
                tn,
                q.text,
                offset(q.evidence.start)?,
                offset(q.evidence.end)?,
                q.evidence.text,
            ],
        )
        .map_err(sql("quotations"))?;
    }

    let st = "INSERT INTO deployments (document, ord, doc, sentence, by_code, personnel_kind,
                 personnel_count, role, status, start_date, start_precision, review_date, end_date,
                 requested_by, purpose, evidence_start, evidence_end, evidence_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
             RETURNING id";
    let to =
        "INSERT INTO deployment_destinations (deployment_id, ord, country) VALUES (?1, ?2, ?3)";
    for (i, dep) in record.deployments.iter().enumerate() {
        let (pk, pc) = match dep.personnel {
            None => (None, None),
            Some(p) => {
                let (kind, n) = personnel_parts(p);
                (
                    Some(kind),
                    Some(int(n, "personnel").map_err(WriteError::Invalid)?),
                )
            }
        };
        let dep_id = tx
            .query_one(
                st,
                params![
                    seq,
                    ord(i)?,
                    dep.doc,
                    offset(dep.sentence)?,
                    dep.by,
                    pk,
                    pc,
                    dep.role,
                    enum_text(&dep.status).map_err(WriteError::Invalid)?,
                    date_text(dep.start),
                    dep.start_precision
                        .map(|p| enum_text(&p))
                        .transpose()
                        .map_err(WriteError::Invalid)?,
                    date_text(dep.review_date),
                    date_text(dep.end),
                    dep.requested_by,
                    dep.purpose,
                    offset(dep.evidence.start)?,
                    offset(dep.evidence.end)?,
                    dep.evidence.text,
                ],
                |r| r.get::<_, i64>(0),
            )
            .map_err(sql("deployments"))?;
        for (j, country) in dep.to.iter().enumerate() {
            tx.execute(to, params![dep_id, ord(j)?, country])
                .map_err(sql("deployment destinations"))?;
        }
    }
    if let Some(spans) = &record.spans {
        let st = "INSERT INTO dates (document, ord, span_start, span_end, date, precision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
        for (i, d) in spans.dates.iter().enumerate() {
            tx.execute(
                st,
                params![
                    seq,
                    ord(i)?,
                    offset(d.span.start)?,
                    offset(d.span.end)?,
                    date_text(Some(d.date)),
                    enum_text(&d.precision).map_err(WriteError::Invalid)?,
                ],
            )
            .map_err(sql("dates"))?;
        }
        let st = "INSERT INTO quantities (document, ord, span_start, span_end, value)
                 VALUES (?1, ?2, ?3, ?4, ?5)";
        for (i, q) in spans.quantities.iter().enumerate() {
            tx.execute(
                st,
                params![
                    seq,
                    ord(i)?,
                    offset(q.span.start)?,
                    offset(q.span.end)?,
                    q.value
                ],
            )
            .map_err(sql("quantities"))?;
        }
    }
    Ok(true)
}

fn ord(i: usize) -> std::result::Result<i64, WriteError> {
    int(i as u64, "position").map_err(WriteError::Invalid)
}

fn offset(v: usize) -> std::result::Result<i64, WriteError> {
    int(v as u64, "offset").map_err(WriteError::Invalid)
}

fn actor_cols(a: Option<&ActorRef>) -> (Option<&str>, Option<&str>, Option<&str>) {
    match a {
        Some(a) => (Some(&a.code), Some(&a.actor), Some(&a.name)),
        None => (None, None, None),
    }
}

/// The serde name of a personnel variant and its number.
pub(crate) fn personnel_parts(p: Personnel) -> (&'static str, u64) {
    match p {
        Personnel::Exactly(n) => ("exactly", n),
        Personnel::AtMost(n) => ("at_most", n),
        Personnel::AtLeast(n) => ("at_least", n),
        Personnel::About(n) => ("about", n),
    }
}
