//! Any string, any publication date: the pipeline never fails through a
//! defect, every span lies on character boundaries, every quotation has
//! text. Strings are drawn both from arbitrary Unicode and from fragments
//! of news copy mixed with the characters that once broke offsets (curly
//! quotes, `ẞ`, `İ`, dashes), so that the language stages are reached.

mod common;

use chrono::NaiveDate;
use common::{check_invariants, html, process, raw};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "Russia",
    "NATO",
    "China",
    "New Zealand",
    "the Solomon Islands",
    "Jacinda Ardern",
    "Mr.",
    "Dr.",
    "U.S.",
    "the alliance",
    "he",
    "she",
    "its",
    " said",
    " urged",
    " sent",
    " troops",
    " personnel",
    " to ",
    " joined",
    " recognised",
    " suspended",
    " signed",
    " treaty",
    " over ",
    " on Monday",
    " last week",
    " next month",
    " in December",
    " May 31",
    " 2022",
    " up to five",
    " 1,200",
    " \u{201C}",
    "\u{201D}",
    "\"",
    "\u{2018}",
    "\u{2019}",
    "'s",
    " \u{2014}",
    "ẞ",
    "İ",
    "é",
    "ß",
    "\u{0307}",
    "😀",
    "中国",
    ".",
    ". ",
    "! ",
    "? ",
    ", ",
    "; ",
    ": ",
    "\n",
    "\n\n",
    " (",
    ")",
    "-",
    " ",
    "\t",
    "\u{00A0}",
    "\r\n",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
    let (min, max) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    prop_oneof![
        1 => Just(None),
        2 => (min..=max).prop_map(NaiveDate::from_num_days_from_ce_opt),
        2 => (1990i32..2030, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    ]
}

use chrono::Datelike;

fn check(raw: &entente_core::RawDocument) -> Result<(), TestCaseError> {
    match process(raw) {
        Ok(record) => {
            let outcome = std::panic::catch_unwind(|| check_invariants(&record));
            prop_assert!(
                outcome.is_ok(),
                "an invariant broke (see the message above)"
            );
        }
        Err(f) => prop_assert!(!f.is_internal(), "{}", f),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn news_like_text_any_date(text in news_like(), published in any_date()) {
        check(&raw(&text, published))?;
    }

    #[test]
    fn arbitrary_unicode_any_date(text in "\\PC{0,200}", published in any_date()) {
        check(&raw(&text, published))?;
    }

    #[test]
    fn news_like_html(text in news_like(), published in any_date()) {
        let page = format!("<html><body><article><p>{}</p><p>{}</p></article></body></html>",
            text, text.chars().rev().collect::<String>());
        check(&html(&page, published))?;
    }
}
