//! Dates as precise as the sources give them: a day, a month or a year.

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};
use std::fmt;

/// How much of a [`FuzzyDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date known to the day, the month or the year (`1949-08-24`, `2017-05`,
/// `1974`). It stands for its first day when compared with a day, and prints
/// as ISO 8601 with reduced precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    first: NaiveDate,
    precision: Precision,
}

impl FuzzyDate {
    pub fn day(d: NaiveDate) -> FuzzyDate {
        FuzzyDate {
            first: d,
            precision: Precision::Day,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when it is none of them.
    pub fn parse(s: &str) -> Option<FuzzyDate> {
        let mut parts = s.split('-');
        let y: i32 = parts.next()?.parse().ok()?;
        let (m, precision) = match parts.next() {
            Some(m) => (m.parse().ok()?, Precision::Month),
            None => (1, Precision::Year),
        };
        let (d, precision) = match parts.next() {
            Some(d) => (d.parse().ok()?, Precision::Day),
            None => (1, precision),
        };
        if parts.next().is_some() {
            return None;
        }
        Some(FuzzyDate {
            first: NaiveDate::from_ymd_opt(y, m, d)?,
            precision,
        })
    }

    /// The first day the date covers.
    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.first;
        match self.precision {
            Precision::Day => write!(f, "{d}"),
            Precision::Month => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Precision::Year => write!(f, "{:04}", d.year()),
        }
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Whether a spell `[from, until)` holds on `on`; `until` is the first day it
/// no longer holds.
pub(crate) fn holds(from: Option<FuzzyDate>, until: Option<FuzzyDate>, on: NaiveDate) -> bool {
    from.is_none_or(|f| f.first <= on) && until.is_none_or(|u| on < u.first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_reduced_precision() {
        for (text, ok) in [
            ("1949-08-24", true),
            ("2017-05", true),
            ("1974", true),
            ("1974-13", false),
            ("", false),
            ("1-2-3-4", false),
            ("x", false),
        ] {
            let got = FuzzyDate::parse(text);
            assert_eq!(got.is_some(), ok, "{text:?}");
            if let Some(d) = got {
                assert_eq!(d.to_string(), text, "round trip");
            }
        }
    }

    #[test]
    fn spells_are_half_open() {
        let from = FuzzyDate::parse("2023-04-04");
        let until = FuzzyDate::parse("2024");
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(!holds(from, until, day("2023-04-03")));
        assert!(holds(from, until, day("2023-04-04")));
        assert!(holds(from, until, day("2023-12-31")));
        assert!(!holds(from, until, day("2024-01-01")));
        assert!(holds(None, None, day("1800-01-01")));
    }
}
