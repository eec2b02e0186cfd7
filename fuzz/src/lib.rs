//! Helpers shared by the fuzz targets in `fuzz_targets/`.
//!
//! The targets are built and run with `cargo +nightly fuzz` (see
//! `scripts/fuzz`); this crate is not part of the main workspace.

use arbitrary::{Arbitrary, Unstructured};
use chrono::{Datelike, NaiveDate};
use entente_core::Span;
use entente_ingest::{read_reader, IngestOptions};

/// The largest document ingest reads while fuzzing (64 KiB inputs can
/// inflate far beyond that through gzip; the limit path is exercised too).
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

/// A publication date drawn from the fuzzer's bytes: absent, chrono's first
/// or last day, or any year/month/day, pulled into chrono's calendar so the
/// ends of the calendar come up often.
#[derive(Debug, Clone, Copy)]
pub enum PubDate {
    None,
    Min,
    Max,
    Ymd(i32, u32, u32),
}

impl<'a> Arbitrary<'a> for PubDate {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(match u.int_in_range(0u8..=7)? {
            0 => PubDate::None,
            1 => PubDate::Min,
            2 => PubDate::Max,
            _ => PubDate::Ymd(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?),
        })
    }
}

impl PubDate {
    /// The date, or `None` for [`PubDate::None`]. Any i32 year that chrono
    /// accepts is used as is; others are folded into chrono's range. Month
    /// and day out of range are folded too, and a day past the month's end
    /// falls back to the 28th.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            PubDate::None => None,
            PubDate::Min => Some(NaiveDate::MIN),
            PubDate::Max => Some(NaiveDate::MAX),
            PubDate::Ymd(y, m, d) => {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Some(date);
                }
                let (lo, hi) = (NaiveDate::MIN.year(), NaiveDate::MAX.year());
                let y = if (lo..=hi).contains(&y) {
                    y
                } else {
                    lo + (y.unsigned_abs() % (hi - lo + 1) as u32) as i32
                };
                let m = 1 + m % 12;
                let d = 1 + d % 31;
                NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            }
        }
    }

    /// Like [`PubDate::date`] but never absent (chrono's first day instead).
    pub fn some_date(self) -> NaiveDate {
        self.date().unwrap_or(NaiveDate::MIN)
    }
}

/// Reads `data` with ingest as a stream named `name` (the extension picks
/// the format) and drains every document and error.
pub fn ingest_all(name: &str, data: &[u8]) {
    let opts = IngestOptions {
        published: None,
        max_document_bytes: MAX_DOCUMENT_BYTES,
    };
    let bytes = data.to_vec();
    for item in read_reader(name, std::io::Cursor::new(bytes), &opts) {
        match item {
            Ok(doc) => {
                // Touch what later stages read.
                let _ = doc.content.as_str().len();
                let _ = doc.origin.to_string();
            }
            Err(e) => {
                let _ = e.to_string();
                let _ = e.path();
            }
        }
    }
}

/// Asserts that `span` lies inside `text` on character boundaries.
#[track_caller]
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {}..{} outside text of {} bytes",
        span.start,
        span.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {}..{} not on char boundaries of the text",
        span.start,
        span.end
    );
}
