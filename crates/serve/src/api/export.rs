//! Downloads of event pages: JSON lines, CSV and GDELT 2.0 TSV. Each page
//! names the next one in `X-Next-Cursor` and a `Link: rel="next"` header.

use crate::error::ApiError;
use crate::state::AppState;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use entente_core::Event;
use entente_store::EventCursor;
use std::collections::HashMap;
use std::fmt::Write;

/// How `/api/events` answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Jsonl,
    Csv,
    Gdelt,
}

impl Format {
    pub(crate) fn parse(v: Option<&str>) -> Result<Format, ApiError> {
        match v {
            None | Some("json") => Ok(Format::Json),
            Some("jsonl") => Ok(Format::Jsonl),
            Some("csv") => Ok(Format::Csv),
            Some("gdelt") => Ok(Format::Gdelt),
            Some(other) => Err(ApiError::bad_request(format!(
                "format={other:?}: give json, jsonl, csv or gdelt"
            ))),
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Jsonl => "application/x-ndjson",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Gdelt => "text/tab-separated-values; charset=utf-8",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Format::Json => "events.json",
            Format::Jsonl => "events.jsonl",
            Format::Csv => "events.csv",
            Format::Gdelt => "events.gdelt.tsv",
        }
    }
}

pub(crate) fn respond(format: Format, body: String, next: Option<String>) -> Response {
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    let disposition = format!("attachment; filename=\"{}\"", format.file_name());
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Some(next) = next {
        // Cursors are ASCII digits, dashes and dots: always a valid header.
        if let Ok(v) = HeaderValue::from_str(&next) {
            h.insert("x-next-cursor", v);
        }
    }
    resp
}

pub(crate) fn jsonl(events: &[&Event]) -> String {
    let mut out = String::new();
    for e in events {
        if let Ok(line) = serde_json::to_string(e) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

const CSV_HEADER: &str = "doc,sentence,date,date_precision,source_code,source_actor,source_name,\
target_code,target_actor,target_name,cameo,plover,quad_class,goldstein,negated,evidence_start,\
evidence_end,evidence_text,id";

/// One CSV field, quoted when needed. Text that a spreadsheet would read
/// as a formula gets a leading apostrophe.
fn field(out: &mut String, s: &str, text: bool) {
    let formula = text && s.starts_with(['=', '+', '-', '@']);
    if formula || s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

pub(crate) fn csv(events: &[&Event]) -> String {
    let mut out = String::with_capacity(events.len() * 200 + 200);
    out.push_str(CSV_HEADER);
    out.push('\n');
    for e in events {
        let t = e.target.as_ref();
        let precision = serde_json::to_value(e.date_precision)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let cols: [(String, bool); 19] = [
            (e.doc.to_string(), true),
            (e.sentence.to_string(), false),
            (e.date.map(|d| d.to_string()).unwrap_or_default(), false),
            (precision, false),
            (e.source.code.to_string(), true),
            (e.source.actor.to_string(), true),
            (e.source.name.to_string(), true),
            (
                t.map(|t| t.code.clone()).unwrap_or_default().to_string(),
                true,
            ),
            (
                t.map(|t| t.actor.clone()).unwrap_or_default().to_string(),
                true,
            ),
            (
                t.map(|t| t.name.clone()).unwrap_or_default().to_string(),
                true,
            ),
            (e.cameo.to_string(), true),
            (e.plover.clone().unwrap_or_default().to_string(), true),
            (e.quad_class.to_string(), false),
            (e.goldstein.to_string(), false),
            (e.negated.to_string(), false),
            (e.evidence.start.to_string(), false),
            (e.evidence.end.to_string(), false),
            (e.evidence.text.to_string(), true),
            // Added last: the columns before it keep their places.
            (e.id.to_string(), false),
        ];
        for (i, (v, text)) in cols.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, v, *text);
        }
        out.push('\n');
    }
    out
}

/// A page as GDELT 2.0 event rows, numbered by the events' stable ids; the
/// documents give URL and date added.
pub(crate) async fn gdelt(
    state: &AppState,
    rows: Vec<(EventCursor, Event)>,
    next: Option<String>,
) -> Result<Response, ApiError> {
    let body = state
        .read(move |s| {
            let mut docs = HashMap::new();
            let stories = super::events::stories_of(s, rows.iter().map(|(_, e)| &*e.doc))?;
            // No header row: GDELT's own files have none, and its tools
            // read them positionally.
            let mut out = String::new();
            for (_, e) in &rows {
                if !docs.contains_key(&e.doc) {
                    let doc = s.document(&e.doc)?;
                    docs.insert(e.doc.clone(), doc);
                }
                if let Some(Some(doc)) = docs.get(&e.doc) {
                    // Counted over the event's story: its copies are not
                    // listed again, they are counted here.
                    let coverage = match stories.get(&*e.doc) {
                        Some(story) => {
                            entente_code::Coverage::story(e, story.documents.len(), story.sources())
                        }
                        None => entente_code::Coverage::single(e),
                    };
                    let _ = writeln!(out, "{}", entente_code::gdelt_row(e, doc, coverage));
                }
            }
            Ok(out)
        })
        .await?;
    Ok(respond(Format::Gdelt, body, next))
}
