//! What every record of the pipeline must satisfy, whatever the input.
#![allow(dead_code)] // each test binary uses a part of it

use chrono::NaiveDate;
use entente_core::{Content, Origin, RawDocument};
use entente_pipeline::{DocumentResult, Pipeline};
use entente_store::DocumentRecord;
use std::sync::OnceLock;

/// One document through the embedded pipeline, built once per test binary.
pub fn process(raw: &RawDocument) -> DocumentResult {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE
        .get_or_init(|| Pipeline::embedded().expect("the embedded pipeline builds"))
        .process(raw.clone())
}

pub fn raw(text: &str, published: Option<NaiveDate>) -> RawDocument {
    RawDocument {
        origin: Origin::file("test.txt"),
        external_id: None,
        url: None,
        title: None,
        published,
        source: None,
        content: Content::Text(text.to_string()),
    }
}

pub fn html(page: &str, published: Option<NaiveDate>) -> RawDocument {
    RawDocument {
        content: Content::Html(page.to_string()),
        ..raw("", published)
    }
}

/// Panics with a message naming the broken invariant.
pub fn check_invariants(record: &DocumentRecord) {
    let text = &record.document.text;
    let on_boundaries = |what: &str, start: usize, end: usize| {
        assert!(
            start <= end && text.get(start..end).is_some(),
            "{what} span {start}..{end} is not on character boundaries of a {}-byte text",
            text.len()
        );
    };
    for p in &record.document.paragraphs {
        on_boundaries("paragraph", p.span.start, p.span.end);
    }
    for m in &record.mentions {
        on_boundaries("mention", m.start, m.end);
        assert_eq!(
            text.get(m.start..m.end),
            Some(m.text.as_str()),
            "mention text"
        );
    }
    for e in &record.events {
        let ev = &e.evidence;
        on_boundaries("event evidence", ev.start, ev.end);
        assert_eq!(text.get(ev.start..ev.end), Some(&*ev.text), "evidence text");
    }
    for q in &record.quotations {
        let ev = &q.evidence;
        on_boundaries("quotation evidence", ev.start, ev.end);
        assert!(
            !q.text.trim().is_empty(),
            "quotation at {}..{} has no text",
            ev.start,
            ev.end
        );
    }
    for d in &record.deployments {
        on_boundaries("deployment evidence", d.evidence.start, d.evidence.end);
    }
}
