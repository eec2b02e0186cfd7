//! Publication dates as inputs write them, checked at the edge.
//!
//! A publication date anchors every relative date in an article ("last
//! Tuesday", "in December"), so one that is malformed or absurd must be
//! refused where it enters (a JSONL field, a feed item, `--published`, an
//! API request), with a message that says what was wrong. Accepted forms:
//!
//! - a calendar date `YYYY-MM-DD` (four-digit year, two-digit month and day);
//! - an RFC 3339 timestamp (`2024-03-01T10:00:00+02:00`, `…Z`, with or
//!   without fractions), and its common variants without a zone, with a
//!   space for `T`, or with a `+0000` offset;
//! - an RFC 2822 date as feeds write it (`Fri, 01 Mar 2024 10:00:00 GMT`).
//!
//! The date is the one the publisher printed (a timestamp's own offset).
//! Years outside [`EARLIEST_YEAR`]..=[`LATEST_YEAR`] are refused.
//!
//! ```
//! use entente_core::published::{parse_publication_date, PublicationDateError};
//! let d = parse_publication_date("2022-04-08T23:30:00-05:00").unwrap();
//! assert_eq!(d.to_string(), "2022-04-08");
//! assert!(matches!(parse_publication_date("2022-4-8"), Err(PublicationDateError::Malformed(_))));
//! assert!(matches!(parse_publication_date("2022-04-08T25:00:00Z"), Err(PublicationDateError::Malformed(_))));
//! assert!(matches!(parse_publication_date("+262142-12-31"), Err(PublicationDateError::Malformed(_))));
//! assert!(matches!(parse_publication_date("1700-01-01"), Err(PublicationDateError::OutOfRange { .. })));
//! ```

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use thiserror::Error;

/// The earliest year accepted as a publication date.
pub const EARLIEST_YEAR: i32 = 1800;
/// The latest year accepted as a publication date.
pub const LATEST_YEAR: i32 = 2200;

/// Why a publication date was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PublicationDateError {
    #[error("malformed publication date {0:?} (want YYYY-MM-DD, RFC 3339 or RFC 2822)")]
    Malformed(String),
    #[error("publication date {date} is outside {EARLIEST_YEAR}–{LATEST_YEAR}")]
    OutOfRange { date: NaiveDate },
}

/// Parses a publication date strictly (see the module documentation).
pub fn parse_publication_date(input: &str) -> Result<NaiveDate, PublicationDateError> {
    let s = input.trim();
    let malformed = || PublicationDateError::Malformed(crate::text::truncate(s, 80).to_string());
    let date = parse_strict(s).ok_or_else(malformed)?;
    check_range(date)
}

/// Refuses a date outside [`EARLIEST_YEAR`]..=[`LATEST_YEAR`].
pub fn check_range(date: NaiveDate) -> Result<NaiveDate, PublicationDateError> {
    if (EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(PublicationDateError::OutOfRange { date })
    }
}

fn parse_strict(s: &str) -> Option<NaiveDate> {
    if s.len() < 10 || !s.is_char_boundary(10) {
        // The RFC 2822 form is the only one not led by `YYYY-MM-DD`.
        return rfc2822(s);
    }
    let (day, rest) = s.split_at(10);
    let b = day.as_bytes();
    let shaped = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    if !shaped {
        return rfc2822(s);
    }
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    if rest.is_empty() {
        return Some(date);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.date_naive());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.date());
        }
        if let Ok(t) = DateTime::parse_from_str(s, fmt) {
            return Some(t.date_naive());
        }
    }
    None
}

fn rfc2822(s: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc2822(s).ok().map(|t| t.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 1);
        for s in [
            "2024-03-01",
            " 2024-03-01T23:30:00-05:00 ",
            "2024-03-01T10:00:00Z",
            "2024-03-01T10:00:00.123Z",
            "Fri, 01 Mar 2024 10:00:00 GMT",
            "Fri, 1 Mar 2024 10:00:00 +0100",
            "2024-03-01 10:00:00",
            "2024-03-01T10:00:00.123",
            "2024-03-01T10:00:00+0000",
            "2024-03-01T10:00",
        ] {
            assert_eq!(parse_publication_date(s).ok(), d, "{s:?}");
        }
    }

    #[test]
    fn refused_forms() {
        for s in [
            "2024-02-30",
            "2022-4-8",
            "2022-04-8",
            "22-04-08",
            "2022-04-08T25:00:00Z",
            "2022-04-08x",
            "2022-04-08 garbage",
            "-262143-01-01",
            "+262142-12-31",
            "yesterday",
            "",
            "２０２２-04-08",
            "2022-04-08T",
        ] {
            assert!(
                matches!(
                    parse_publication_date(s),
                    Err(PublicationDateError::Malformed(_))
                ),
                "{s:?} -> {:?}",
                parse_publication_date(s)
            );
        }
    }

    #[test]
    fn range() {
        assert!(parse_publication_date("1800-01-01").is_ok());
        assert!(parse_publication_date("2200-12-31").is_ok());
        for s in ["1799-12-31", "2201-01-01", "0001-01-01", "9999-12-31"] {
            assert!(
                matches!(
                    parse_publication_date(s),
                    Err(PublicationDateError::OutOfRange { .. })
                ),
                "{s}"
            );
        }
        let e = parse_publication_date("1700-05-05")
            .unwrap_err()
            .to_string();
        assert!(e.contains("1700-05-05") && e.contains("1800"), "{e}");
    }
}
