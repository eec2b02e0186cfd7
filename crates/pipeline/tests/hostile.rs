//! Hostile and odd inputs through the whole per-document pipeline: none
//! may fail through a defect, and every record keeps the invariants of
//! `common::check_invariants`. Each case that once crashed entente is here
//! as a regression test, with where it crashed.

mod common;

use chrono::NaiveDate;
use common::{check_invariants, process, raw};
use entente_pipeline::Reason;

/// (what it once broke, text)
const REPRODUCERS: &[(&str, &str)] = &[
    (
        "sentence splitter: byte offset inside a curly quote after an abbreviation",
        "He met Mr.\u{201C}J. Smith. The talks went on.",
    ),
    (
        "know/update: lowercasing ẞ changes its length",
        "ẞ Serbia \u{2018}recognised Kosovo.",
    ),
    (
        "know/update: lowercasing İ changes its length",
        "Serbia recognised İ Kosovo over \u{201D}Taiwan.",
    ),
    (
        "know/update: suspension after a length-changing character",
        "ẞ Russia \u{2014}suspended its treaty obligations.",
    ),
    (
        "know/update: accession after two length-changing characters",
        "İİ Finland joined NATO on Tuesday.",
    ),
    (
        "quotation inside curly quotes stored with empty text",
        "The minister said: \u{201C}We will defend our allies.\u{201D} China objected.",
    ),
    (
        "quotation with no closing mark",
        "\u{201C}We will stay until the job is done, the general said.",
    ),
    (
        "a stray opening quote at a line's end made an empty quotation (fuzz/CRASHES.md #7)",
        "NA argued \"",
    ),
    (
        "a weekday at chrono's first day overflowed (fuzz/CRASHES.md #6)",
        "Tuesday",
    ),
    (
        "lone closing marks and mixed quotes",
        "\u{201D}Russia\u{201D} \u{201C} said \"NATO\u{201D} ' \u{2019}s\u{2019} \u{201C}\u{201C}.",
    ),
];

fn dates() -> Vec<Option<NaiveDate>> {
    vec![
        None,
        NaiveDate::from_ymd_opt(2022, 4, 8),
        Some(NaiveDate::MIN),
        Some(NaiveDate::MAX),
        NaiveDate::from_ymd_opt(1800, 1, 1),
        NaiveDate::from_ymd_opt(2200, 12, 31),
    ]
}

#[test]
fn reproducers_code_without_failing() {
    for (what, text) in REPRODUCERS {
        for published in dates() {
            match process(&raw(text, published)) {
                Ok(record) => check_invariants(&record),
                Err(f) => assert!(
                    !f.is_internal(),
                    "{what} ({published:?}): {f}\nhelp: a stage panicked on this input"
                ),
            }
        }
    }
}

#[test]
fn curly_quoted_quotations_keep_their_text() {
    let text = "The foreign minister said on Monday: \u{201C}We will defend our allies in the Pacific.\u{201D}";
    let record = process(&raw(text, NaiveDate::from_ymd_opt(2022, 4, 8))).expect("codes");
    check_invariants(&record);
    let q = record.quotations.first().expect("a quotation");
    assert_eq!(q.text, "We will defend our allies in the Pacific.");
}

#[test]
fn relative_dates_at_the_ends_of_the_calendar() {
    let text = "Last week the ministers met. Next month they meet again, on Thursday or \
                in December, and last year they met on May 31. They will meet next year.";
    for published in dates() {
        let record = process(&raw(text, published)).expect("codes");
        check_invariants(&record);
    }
}

#[test]
fn an_empty_document_is_no_content_not_a_defect() {
    let f = process(&raw("   \n\n  ", NaiveDate::from_ymd_opt(2022, 4, 8))).unwrap_err();
    assert!(matches!(f.reason, Reason::NoContent { .. }), "{f}");
    assert!(f.to_string().starts_with("test.txt: "), "{f}");
}
