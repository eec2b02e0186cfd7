//! The five tables, their columns, and the rows a record gives each.
//! `docs/parquet.md` says what every column means; a test checks that it
//! lists every column with its type.

use super::columns::{Column, Ty, Value};
use entente_core::{ActorKind, DatePrecision, DeploymentStatus, Event, Personnel};
use entente_store::{DocumentRecord, Story};
use std::sync::LazyLock;

/// One table of the output, a directory of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParquetTable {
    Events,
    Mentions,
    Quotations,
    Deployments,
    Documents,
}

impl ParquetTable {
    /// Every table, in the order a document's rows are written.
    pub const ALL: [ParquetTable; 5] = [
        ParquetTable::Documents,
        ParquetTable::Mentions,
        ParquetTable::Events,
        ParquetTable::Quotations,
        ParquetTable::Deployments,
    ];

    /// The table's directory under the output directory.
    pub fn name(self) -> &'static str {
        match self {
            ParquetTable::Events => "events",
            ParquetTable::Mentions => "mentions",
            ParquetTable::Quotations => "quotations",
            ParquetTable::Deployments => "deployments",
            ParquetTable::Documents => "documents",
        }
    }

    pub(crate) fn columns(self) -> &'static [Column] {
        match self {
            ParquetTable::Events => EVENTS.as_slice(),
            ParquetTable::Mentions => MENTIONS,
            ParquetTable::Quotations => QUOTATIONS,
            ParquetTable::Deployments => DEPLOYMENTS,
            ParquetTable::Documents => DOCUMENTS,
        }
    }

    /// The table's columns followed by its partition key `date` (a string,
    /// null for rows without a date): the columns a reader of the
    /// Hive-partitioned directory sees, and those of `ArrowSink`'s batches.
    pub(crate) fn columns_with_date(self) -> &'static [Column] {
        static WITH_DATE: LazyLock<Vec<Vec<Column>>> = LazyLock::new(|| {
            ParquetTable::ALL
                .iter()
                .map(|t| {
                    let mut columns = t.columns().to_vec();
                    columns.push(col(PARTITION_KEY, Ty::Str, true));
                    columns
                })
                .collect()
        });
        let i = ParquetTable::ALL
            .iter()
            .position(|t| *t == self)
            .unwrap_or_default();
        WITH_DATE.get(i).map_or(&[], Vec::as_slice)
    }
}

/// The Hive partition key every table is partitioned by (`date=2024-06-01`).
pub(crate) const PARTITION_KEY: &str = "date";

/// The partition of rows without a date, as Hive, Spark and pyarrow name it.
pub(crate) const NO_DATE: &str = "__HIVE_DEFAULT_PARTITION__";

const fn col(name: &'static str, ty: Ty, nullable: bool) -> Column {
    Column { name, ty, nullable }
}

/// The type of a GDELT 2.0 column, as GDELT's own BigQuery table types it:
/// codes (CAMEO codes keep their leading zeros) and names are strings.
fn gdelt_type(name: &str) -> Ty {
    match name {
        "GLOBALEVENTID" | "DATEADDED" => Ty::I64,
        "SQLDATE" | "MonthYear" | "Year" | "IsRootEvent" | "QuadClass" | "NumMentions"
        | "NumSources" | "NumArticles" => Ty::I32,
        "FractionDate" | "GoldsteinScale" | "AvgTone" => Ty::F64,
        n if n.ends_with("Geo_Type") => Ty::I32,
        n if n.ends_with("Geo_Lat") || n.ends_with("Geo_Long") => Ty::F64,
        _ => Ty::Str,
    }
}

/// The columns entente adds after GDELT's 61.
const EVENT_OWN: &[Column] = &[
    col("plover", Ty::Str, true),
    col("date_precision", Ty::Str, false),
    col("sentence", Ty::I32, false),
    col("negated", Ty::Bool, false),
    col("source_actor", Ty::Str, false),
    col("target_actor", Ty::Str, true),
    col("tellings", Ty::I32, false),
    col("evidence_start", Ty::I64, false),
    col("evidence_end", Ty::I64, false),
    col("evidence_text", Ty::Str, false),
    col("doc", Ty::Str, false),
    col("doc_id", Ty::Str, false),
    col("story", Ty::Str, true),
];

static EVENTS: LazyLock<Vec<Column>> = LazyLock::new(|| {
    entente_code::GDELT_COLUMNS
        .iter()
        .map(|n| col(n, gdelt_type(n), *n != "GLOBALEVENTID"))
        .chain(EVENT_OWN.iter().copied())
        .collect()
});

const MENTIONS: &[Column] = &[
    col("doc", Ty::Str, false),
    col("doc_id", Ty::Str, false),
    col("ord", Ty::I32, false),
    col("text", Ty::Str, false),
    col("start", Ty::I64, false),
    col("end", Ty::I64, false),
    col("code", Ty::Str, true),
    col("actor", Ty::Str, true),
    col("actor_kind", Ty::Str, false),
    col("name", Ty::Str, true),
    col("role", Ty::Str, true),
    col("sector", Ty::Str, true),
    col("affiliation", Ty::Str, true),
    col("confidence", Ty::F32, false),
    col("candidates", Ty::StrList, false),
];

const QUOTATIONS: &[Column] = &[
    col("doc", Ty::Str, false),
    col("doc_id", Ty::Str, false),
    col("ord", Ty::I32, false),
    col("sentence", Ty::I32, false),
    col("speaker_name", Ty::Str, true),
    col("speaker_code", Ty::Str, true),
    col("target_code", Ty::Str, true),
    col("target_actor", Ty::Str, true),
    col("target_name", Ty::Str, true),
    col("text", Ty::Str, false),
    col("evidence_start", Ty::I64, false),
    col("evidence_end", Ty::I64, false),
    col("evidence_text", Ty::Str, false),
];

const DEPLOYMENTS: &[Column] = &[
    col("doc", Ty::Str, false),
    col("doc_id", Ty::Str, false),
    col("ord", Ty::I32, false),
    col("sentence", Ty::I32, false),
    col("by", Ty::Str, false),
    col("to", Ty::StrList, false),
    col("personnel_kind", Ty::Str, true),
    col("personnel_count", Ty::I64, true),
    col("role", Ty::Str, true),
    col("status", Ty::Str, false),
    col("start", Ty::Date, true),
    col("start_precision", Ty::Str, true),
    col("review_date", Ty::Date, true),
    col("end", Ty::Date, true),
    col("requested_by", Ty::Str, true),
    col("purpose", Ty::Str, true),
    col("evidence_start", Ty::I64, false),
    col("evidence_end", Ty::I64, false),
    col("evidence_text", Ty::Str, false),
];

const DOCUMENTS: &[Column] = &[
    col("doc", Ty::Str, false),
    col("doc_id", Ty::Str, false),
    col("external_id", Ty::Str, true),
    col("path", Ty::Str, false),
    col("locator", Ty::Str, true),
    col("url", Ty::Str, true),
    col("title", Ty::Str, true),
    col("published", Ty::Date, true),
    col("source", Ty::Str, true),
    col("paragraphs", Ty::I32, false),
    col("text", Ty::Str, false),
    col("story", Ty::Str, true),
    col("story_articles", Ty::I32, true),
    col("story_sources", Ty::I32, true),
];

/// One row for a table, in the partition it belongs to.
pub(crate) struct Row {
    pub(crate) table: ParquetTable,
    pub(crate) partition: String,
    pub(crate) values: Vec<Value>,
}

fn partition(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| NO_DATE.to_string(), |d| d.format("%Y-%m-%d").to_string())
}

fn non_empty(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        Value::Str(s.to_string())
    }
}

pub(crate) fn precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
        DatePrecision::Publication => "publication",
    }
}

fn actor_kind(k: ActorKind) -> &'static str {
    match k {
        ActorKind::State => "state",
        ActorKind::Igo => "igo",
        ActorKind::Organisation => "organisation",
        ActorKind::Person => "person",
        ActorKind::Group => "group",
    }
}

fn status(s: DeploymentStatus) -> &'static str {
    match s {
        DeploymentStatus::New => "new",
        DeploymentStatus::Extended => "extended",
        DeploymentStatus::Withdrawn => "withdrawn",
        DeploymentStatus::Planned => "planned",
    }
}

fn personnel(p: Option<Personnel>) -> (Value, Value) {
    let (kind, n) = match p {
        None => return (Value::Null, Value::Null),
        Some(Personnel::Exactly(n)) => ("exactly", n),
        Some(Personnel::AtMost(n)) => ("at_most", n),
        Some(Personnel::AtLeast(n)) => ("at_least", n),
        Some(Personnel::About(n)) => ("about", n),
    };
    (
        Value::Str(kind.into()),
        Value::I64(i64::try_from(n).unwrap_or(i64::MAX)),
    )
}

/// A GDELT field as its column's type; blank is null.
fn gdelt_value(column: &str, ty: Ty, field: String) -> Result<Value, String> {
    if field.is_empty() {
        return Ok(Value::Null);
    }
    let bad = |e: &dyn std::fmt::Display| format!("GDELT column {column} holds {field:?}: {e}");
    Ok(match ty {
        Ty::I32 => Value::I32(field.parse().map_err(|e| bad(&e))?),
        Ty::I64 => Value::I64(field.parse().map_err(|e| bad(&e))?),
        Ty::F64 => Value::F64(field.parse().map_err(|e| bad(&e))?),
        _ => Value::Str(field),
    })
}

fn event_row(e: &Event, r: &DocumentRecord, story: Option<&Story>) -> Result<Vec<Value>, String> {
    let coverage = match story {
        Some(s) => entente_code::Coverage::story(e, s.documents.len(), s.sources()),
        None => entente_code::Coverage::single(e),
    };
    let fields = entente_code::gdelt_fields(e, &r.document, coverage);
    let mut row = Vec::with_capacity(EVENTS.len());
    for ((name, field), c) in entente_code::GDELT_COLUMNS
        .iter()
        .zip(fields)
        .zip(EVENTS.iter())
    {
        row.push(gdelt_value(name, c.ty, field)?);
    }
    row.extend([
        Value::opt_str(e.plover.as_deref()),
        Value::Str(precision(e.date_precision).into()),
        Value::count(e.sentence),
        Value::Bool(e.negated),
        Value::Str(e.source.actor.to_string()),
        Value::opt_str(e.target.as_ref().map(|t| t.actor.to_string())),
        Value::count(e.tellings()),
        Value::offset(e.evidence.start),
        Value::offset(e.evidence.end),
        Value::Str(e.evidence.text.to_string()),
        Value::Str(e.doc.to_string()),
        Value::Str(r.document.id.as_str().to_string()),
        Value::opt_str(story.map(|s| s.id.as_str())),
    ]);
    Ok(row)
}

/// Every row of a record, documents first; `story` is the document's story
/// when the caller knows it (the store does, a single run does not).
pub(crate) fn rows(r: &DocumentRecord, story: Option<&Story>) -> Result<Vec<Row>, String> {
    let d = &r.document;
    let doc = || Value::Str(d.public_id().to_string());
    let doc_id = || Value::Str(d.id.as_str().to_string());
    let published = partition(d.published);
    let mut out = Vec::with_capacity(
        1 + r.mentions.len() + r.events.len() + r.quotations.len() + r.deployments.len(),
    );
    let story_count = |n: usize| story.map_or(Value::Null, |_| Value::count(n));
    out.push(Row {
        table: ParquetTable::Documents,
        partition: published.clone(),
        values: vec![
            doc(),
            doc_id(),
            Value::opt_str(d.external_id.as_deref()),
            Value::Str(d.origin.path.clone()),
            Value::opt_str(d.origin.locator.as_deref()),
            Value::opt_str(d.url.as_deref()),
            Value::opt_str(d.title.as_deref()),
            Value::opt_date(d.published),
            Value::opt_str(d.source.as_deref()),
            Value::count(d.paragraphs.len()),
            Value::Str(d.text.clone()),
            Value::opt_str(story.map(|s| s.id.as_str())),
            story_count(story.map_or(0, |s| s.documents.len())),
            story_count(story.map_or(0, Story::sources)),
        ],
    });
    for (i, m) in r.mentions.iter().enumerate() {
        out.push(Row {
            table: ParquetTable::Mentions,
            partition: published.clone(),
            values: vec![
                doc(),
                doc_id(),
                Value::count(i),
                Value::Str(m.text.to_string()),
                Value::offset(m.start),
                Value::offset(m.end),
                non_empty(&m.code),
                non_empty(&m.actor),
                Value::Str(actor_kind(m.kind).into()),
                non_empty(&m.name),
                Value::opt_str(m.role.as_deref()),
                Value::opt_str(m.sector.as_deref()),
                Value::opt_str(m.affiliation.as_deref()),
                Value::F32(m.confidence),
                Value::StrList(m.candidates.iter().map(|c| c.to_string()).collect()),
            ],
        });
    }
    for e in &r.events {
        out.push(Row {
            table: ParquetTable::Events,
            partition: partition(e.date),
            values: event_row(e, r, story)?,
        });
    }
    for (i, q) in r.quotations.iter().enumerate() {
        let target = q.target.as_ref();
        out.push(Row {
            table: ParquetTable::Quotations,
            partition: published.clone(),
            values: vec![
                Value::Str(q.doc.to_string()),
                doc_id(),
                Value::count(i),
                Value::count(q.sentence),
                Value::opt_str(q.speaker.as_ref().map(|s| s.name.clone())),
                Value::opt_str(q.speaker.as_ref().and_then(|s| s.code.clone())),
                Value::opt_str(target.map(|t| t.code.to_string())),
                Value::opt_str(target.map(|t| t.actor.to_string())),
                Value::opt_str(target.map(|t| t.name.to_string())),
                Value::Str(q.text.clone()),
                Value::offset(q.evidence.start),
                Value::offset(q.evidence.end),
                Value::Str(q.evidence.text.to_string()),
            ],
        });
    }
    for (i, dep) in r.deployments.iter().enumerate() {
        let (kind, count) = personnel(dep.personnel);
        out.push(Row {
            table: ParquetTable::Deployments,
            partition: published.clone(),
            values: vec![
                Value::Str(dep.doc.to_string()),
                doc_id(),
                Value::count(i),
                Value::count(dep.sentence),
                Value::Str(dep.by.clone()),
                Value::StrList(dep.to.clone()),
                kind,
                count,
                Value::opt_str(dep.role.as_deref()),
                Value::Str(status(dep.status).into()),
                Value::opt_date(dep.start),
                Value::opt_str(dep.start_precision.map(precision)),
                Value::opt_date(dep.review_date),
                Value::opt_date(dep.end),
                Value::opt_str(dep.requested_by.as_deref()),
                Value::opt_str(dep.purpose.as_deref()),
                Value::offset(dep.evidence.start),
                Value::offset(dep.evidence.end),
                Value::Str(dep.evidence.text.to_string()),
            ],
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Parquet tables name kinds, precisions and statuses as the JSON
    /// lines do (serde's names in `entente_core`), so the two outputs agree.
    #[test]
    fn names_are_the_json_names() {
        let json = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
        for k in [
            ActorKind::State,
            ActorKind::Igo,
            ActorKind::Organisation,
            ActorKind::Person,
            ActorKind::Group,
        ] {
            assert_eq!(actor_kind(k), json(serde_json::json!(k)));
        }
        for p in [
            DatePrecision::Day,
            DatePrecision::Week,
            DatePrecision::Month,
            DatePrecision::Year,
            DatePrecision::Publication,
        ] {
            assert_eq!(precision(p), json(serde_json::json!(p)));
        }
        for s in [
            DeploymentStatus::New,
            DeploymentStatus::Extended,
            DeploymentStatus::Withdrawn,
            DeploymentStatus::Planned,
        ] {
            assert_eq!(status(s), json(serde_json::json!(s)));
        }
    }
}
