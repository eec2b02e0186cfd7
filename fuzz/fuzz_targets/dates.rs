//! Dates: the publication-date parser (`entente_core::published`) and the
//! in-text date resolver of annotate (`entente_annotate::dates::find_dates`)
//! on arbitrary strings with an arbitrary publication date, chrono's first
//! and last days included.
#![no_main]

use arbitrary::Arbitrary;
use entente_core::published::{parse_publication_date, EARLIEST_YEAR, LATEST_YEAR};
use entente_fuzz::{assert_span, PubDate};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    published: PubDate,
    text: String,
}

fuzz_target!(|input: Input| {
    use chrono::Datelike;
    if let Ok(d) = parse_publication_date(&input.text) {
        assert!(
            (EARLIEST_YEAR..=LATEST_YEAR).contains(&d.year()),
            "parse_publication_date accepted {d} from {:?}",
            input.text
        );
    }
    let published = input.published.some_date();
    for t in entente_annotate::dates::find_dates(&input.text, published) {
        assert_span(&input.text, t.span, "find_dates expression");
        assert!(
            t.range.0 <= t.range.1,
            "find_dates range {} > {}",
            t.range.0,
            t.range.1
        );
    }
});
