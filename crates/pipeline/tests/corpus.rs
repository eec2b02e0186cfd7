//! A corpus of realistic articles written for these tests (curly and
//! straight quotes, apostrophes, em dashes, accented and non-Latin names, a
//! table of figures, bylines, datelines, lists, an HTML page with chrome):
//! every document yields its paragraphs, its words, and records whose spans
//! hold (`common::check_invariants`).

mod common;

use chrono::NaiveDate;
use common::{check_invariants, html, process, raw};
use std::path::Path;

struct Case {
    file: &'static str,
    /// At least this many paragraphs are kept.
    paragraphs: usize,
    /// Each of these stands in the cleaned text, as written.
    keeps: &'static [&'static str],
    /// Each of these is gone from the cleaned text (page chrome).
    drops: &'static [&'static str],
    /// At least this many quotations are found.
    quotations: usize,
}

const CORPUS: &[Case] = &[
    Case {
        file: "wire-curly.txt",
        paragraphs: 3,
        keeps: &[
            "New Zealand’s defence minister",
            "“for as long as they are needed”",
            "“We’ve been asked, and we’re going,”",
            "welcomed the decision — and said",
            "José Núñez",
        ],
        drops: &[],
        quotations: 1,
    },
    Case {
        file: "straight-quotes.txt",
        paragraphs: 3,
        keeps: &[
            "NATO's secretary general",
            "\"We will not waver.\"",
            "1,200 tonnes",
            "It's the third such package",
        ],
        drops: &[],
        quotations: 1,
    },
    Case {
        file: "names.txt",
        paragraphs: 3,
        keeps: &[
            "Wáng Wénbīn",
            "Côte d'Ivoire",
            "Đặng Văn Lâm",
            "Сергей Лавров's deputy",
            "«welcomed»",
            "外務省",
            "Kraków or São Paulo",
        ],
        drops: &[],
        quotations: 0,
    },
    Case {
        file: "table.txt",
        paragraphs: 3,
        keeps: &["Poland 2.4 3.9", "11 of 31 members", "Spain — at 1.3% —"],
        drops: &[],
        quotations: 0,
    },
    Case {
        file: "list.txt",
        paragraphs: 4,
        keeps: &[
            "- a standing police support group of up to 200 officers;",
            "1. The group will deploy only at a member's request.",
            "\"fully supports\"",
        ],
        drops: &[],
        quotations: 0,
    },
    Case {
        file: "page.html",
        paragraphs: 3,
        keeps: &[
            "each country’s troops",
            "“This is a milestone,”",
            "China’s foreign ministry criticised the pact",
            "ratified by Japan’s parliament",
        ],
        drops: &["All rights reserved", "Story two about another thing"],
        quotations: 1,
    },
];

fn load(file: &str, published: Option<NaiveDate>) -> entente_core::RawDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()));
    if file.ends_with(".html") {
        html(&text, published)
    } else {
        raw(&text, published)
    }
}

#[test]
fn every_article_yields_its_paragraphs_and_spans() {
    for case in CORPUS {
        for published in [None, NaiveDate::from_ymd_opt(2024, 7, 9)] {
            let record = process(&load(case.file, published))
                .unwrap_or_else(|f| panic!("{}: {f}", case.file));
            check_invariants(&record);
            let doc = &record.document;
            assert!(
                doc.paragraphs.len() >= case.paragraphs,
                "{}: {} paragraph(s) kept:\n{}",
                case.file,
                doc.paragraphs.len(),
                doc.text
            );
            for keep in case.keeps {
                assert!(
                    doc.text.contains(keep),
                    "{}: lost {keep:?} from:\n{}",
                    case.file,
                    doc.text
                );
            }
            for gone in case.drops {
                assert!(
                    !doc.text.contains(gone),
                    "{}: kept chrome {gone:?}",
                    case.file
                );
            }
            assert!(
                record.quotations.len() >= case.quotations,
                "{}: {} quotation(s): {:?}",
                case.file,
                record.quotations.len(),
                record.quotations
            );
            for p in &doc.paragraphs {
                assert!(
                    !p.span.slice(&doc.text).trim().is_empty(),
                    "{}: an empty paragraph",
                    case.file
                );
            }
            assert!(
                !record.mentions.is_empty(),
                "{}: no actor found in a news article",
                case.file
            );
        }
    }
}
