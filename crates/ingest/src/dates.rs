//! Publication dates as inputs write them.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// The calendar date of a date or timestamp: `2024-03-01`, RFC 3339
/// (`2024-03-01T10:00:00+02:00`), RFC 2822 (`Fri, 01 Mar 2024 10:00:00 GMT`),
/// or a timestamp without zone. A timestamp gives its date as written, in its
/// own offset: that is the date the publisher printed.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.date_naive());
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.date_naive());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.date());
        }
    }
    // `2024-03-01T10:00:00+0000` and other near-RFC 3339 forms.
    let (day, rest) = (s.get(..10)?, s.get(10..)?);
    if rest.starts_with(['T', ' ']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_forms() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 1);
        let cases = [
            ("2024-03-01", d),
            (" 2024-03-01T23:30:00-05:00 ", d),
            ("2024-03-01T10:00:00Z", d),
            ("Fri, 01 Mar 2024 10:00:00 GMT", d),
            ("Fri, 1 Mar 2024 10:00:00 +0100", d),
            ("2024-03-01 10:00:00", d),
            ("2024-03-01T10:00:00.123", d),
            ("2024-03-01T10:00:00+0000", d),
            ("2024-02-30", None),
            ("yesterday", None),
            ("2024-03-01x", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), want, "{s:?}");
        }
    }
}
