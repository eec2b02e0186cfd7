//! The table of English constructions the pipeline tests run: a sentence,
//! the events it must code, and what it must not. Shared by the test
//! binaries that hold such tables.
#![allow(dead_code)] // each test binary uses a part of it

use chrono::NaiveDate;
use entente_core::{Content, Origin, RawDocument};

/// The embedded pipeline, built once per test binary.
fn pipeline() -> &'static entente_pipeline::Pipeline {
    static PIPELINE: std::sync::OnceLock<entente_pipeline::Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| entente_pipeline::Pipeline::embedded().expect("builds"))
}

/// One sentence and what coding it must and must not give.
pub struct Construction {
    pub name: &'static str,
    pub text: &'static str,
    /// (source prefix, target prefix or "" for any, CAMEO prefix, negated):
    /// each must be coded.
    pub events: &'static [(&'static str, &'static str, &'static str, bool)],
    /// (source prefix, target prefix or "" for any): must not be coded.
    pub not: &'static [(&'static str, &'static str)],
    /// CAMEO prefixes no event of the text may have.
    pub never: &'static [&'static str],
}

/// Runs every case on a story published on 10 March 2025.
pub fn run(cases: &[Construction]) {
    run_on(cases, NaiveDate::from_ymd_opt(2025, 3, 10));
}

/// As [`run`], for stories published on `published`.
pub fn run_on(cases: &[Construction], published: Option<NaiveDate>) {
    for c in cases {
        let raw = RawDocument {
            origin: Origin::file("sentence.txt"),
            external_id: None,
            url: None,
            title: None,
            published,
            source: None,
            content: Content::Text(c.text.to_string()),
        };
        let record = match pipeline().process(raw) {
            Ok(record) => record,
            Err(e) => panic!("{}: {e}", c.name),
        };
        let shown: Vec<String> = record
            .events
            .iter()
            .map(|e| {
                format!(
                    "{}->{} {}",
                    e.source.code,
                    e.target.as_ref().map(|t| t.code.as_str()).unwrap_or(""),
                    e.cameo
                )
            })
            .collect();
        for (src, tgt, code, neg) in c.events {
            let found = record.events.iter().any(|e| {
                e.source.code.starts_with(src)
                    && e.target
                        .as_ref()
                        .map(|t| t.code.starts_with(tgt))
                        .unwrap_or(tgt.is_empty())
                    && e.cameo.starts_with(code)
                    && e.negated == *neg
            });
            assert!(
                found,
                "{}: missing {src}->{tgt} {code}; got {shown:?}",
                c.name
            );
        }
        for code in c.never {
            assert!(
                !record.events.iter().any(|e| e.cameo.starts_with(code)),
                "{}: must not code {code}; got {shown:?}",
                c.name
            );
        }
        for (src, tgt) in c.not {
            let found = record.events.iter().any(|e| {
                e.source.code.starts_with(src)
                    && (tgt.is_empty()
                        || e.target.as_ref().is_some_and(|t| t.code.starts_with(tgt)))
            });
            assert!(
                !found,
                "{}: must not code {src}->{tgt}; got {shown:?}",
                c.name
            );
        }
    }
}
