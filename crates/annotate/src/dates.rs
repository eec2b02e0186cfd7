//! Temporal expressions resolved against the publication date.
//!
//! [`find_dates`] finds expressions such as "on Thursday", "last week",
//! "in December", "May 31", "yesterday", "earlier this year" and explicit
//! dates ("8 April 2022", "April 8, 2022", "2022-04-08"), and resolves each
//! to a [`TemporalExpression`]: a representative date, its precision and
//! the range of days it covers.
//!
//! Relative expressions need a direction. A weekday, a month without a year
//! or a day and month without a year are read as the most recent one on or
//! before the publication date, unless the words just before the expression
//! speak of the future ("will", "to be", "due", "scheduled", "next", ...),
//! in which case the next one after it is taken.
//!
//! Representative dates: a week is its Monday, a month its first day, a
//! year its 1 January, except "earlier this year/month", which stand for the
//! span from its start to the publication date, represented by the start.

use crate::sentences::{segments, tokenize, Token, TokenKind};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use entente_core::{DatePrecision, Span};

/// A resolved temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemporalExpression {
    /// Byte span of the expression in the text.
    pub span: Span,
    /// The representative date (see the module docs).
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// First and last day the expression covers, inclusive.
    pub range: (NaiveDate, NaiveDate),
}

/// Which way a relative expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// Month names, lower case, January first.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];
/// Words before an expression that make it point to the future.
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "'ll",
    "due",
    "scheduled",
    "expected",
    "set",
    "plans",
    "plan",
    "planned",
    "upcoming",
    "until",
    "till",
    "from",
    "starting",
    "next",
    "intends",
    "reviewed",
];

/// Finds and resolves the temporal expressions of `text`. Total.
pub fn find_dates(text: &str, published: NaiveDate) -> Vec<TemporalExpression> {
    let mut out = Vec::new();
    for segment in segments(text) {
        find_dates_in(text, segment, published, &mut out);
    }
    out
}

/// The temporal expressions of `text[segment]`, appended to `out`.
fn find_dates_in(
    text: &str,
    segment: Span,
    published: NaiveDate,
    out: &mut Vec<TemporalExpression>,
) {
    let toks = tokenize(text, segment);
    let words: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let mut i = 0;
    while i < toks.len() {
        if let Some((n, date, precision, range)) = match_at(text, &toks, &words, i, published) {
            let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
            out.push(TemporalExpression {
                span,
                date,
                precision,
                range,
            });
            i += n;
        } else {
            i += 1;
        }
    }
}

type Match = (usize, NaiveDate, DatePrecision, (NaiveDate, NaiveDate));

fn match_at(
    text: &str,
    toks: &[Token],
    words: &[String],
    i: usize,
    published: NaiveDate,
) -> Option<Match> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    let raw = |k: usize| toks.get(i + k).map(|t| t.text(text)).unwrap_or("");
    let day = |d: NaiveDate| (d, DatePrecision::Day, (d, d));
    match w(0) {
        "today" | "tonight" => return Some(with_len(1, day(published))),
        "yesterday" => return published.pred_opt().map(|d| with_len(1, day(d))),
        "tomorrow" => return published.succ_opt().map(|d| with_len(1, day(d))),
        "last" | "this" | "next" | "past" => {
            let dir = match w(0) {
                "last" | "past" => -1,
                "this" => 0,
                _ => 1,
            };
            if let Some(m) = relative_unit(w(1), dir, published) {
                return Some(with_len(2, m));
            }
            if let Some(wd) = weekday(w(1)) {
                let d = if dir < 0 {
                    weekday_before(published, wd, false)?
                } else {
                    weekday_after(published, wd, dir == 0)?
                };
                return Some(with_len(2, day(d)));
            }
            if let Some(m) = month_index(w(1), raw(1)) {
                let tense = if dir < 0 { Tense::Past } else { Tense::Future };
                return Some(with_len(
                    2,
                    month_occurrence(m, published, tense, dir == 0)?,
                ));
            }
        }
        "earlier" | "later" if w(1) == "this" => {
            let m = relative_unit(w(2), 0, published)?;
            let (start, end) = m.2;
            let range = if w(0) == "earlier" {
                (start, published.min(end))
            } else {
                (published.max(start), end)
            };
            return Some((3, range.0, m.1, range));
        }
        _ => {}
    }
    // ISO date: 2022-04-08 (one token: digits joined by hyphens).
    if toks[i].kind == TokenKind::Number {
        let t = raw(0);
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Some(with_len(1, day(d)));
        }
    }
    // Day Month [Year]: 8 April 2022.
    if let Some(d) = day_number(raw(0)) {
        if let Some(m) = month_index(w(1), raw(1)) {
            if let Some(y) = year_number(raw(2)) {
                return NaiveDate::from_ymd_opt(y, m, d).map(|x| with_len(3, day(x)));
            }
            let date = day_month(d, m, published, tense_before(words, i))?;
            return Some(with_len(2, day(date)));
        }
    }
    if let Some(m) = month_index(w(0), raw(0)) {
        // Month Day[,] [Year]: April 8, 2022 / May 31.
        if let Some(d) = day_number(raw(1)) {
            let (comma, year_at) = if raw(2) == "," { (1, 3) } else { (0, 2) };
            if let Some(y) = year_number(raw(year_at)) {
                return NaiveDate::from_ymd_opt(y, m, d).map(|x| with_len(year_at + 1, day(x)));
            }
            let _ = comma;
            let date = day_month(d, m, published, tense_before(words, i))?;
            return Some(with_len(2, day(date)));
        }
        // Month Year: December 2021.
        if let Some(y) = year_number(raw(1)) {
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            return Some(with_len(2, month_range(start)?));
        }
        // A bare month needs a preposition: "in December" ("May" is a verb too).
        let prev = if i > 0 { words[i - 1].as_str() } else { "" };
        if matches!(
            prev,
            "in" | "since" | "until" | "by" | "from" | "during" | "early" | "late" | "mid" | "of"
        ) && raw(0).starts_with(char::is_uppercase)
        {
            let tense = tense_before(words, i).unwrap_or(Tense::Past);
            return Some(with_len(1, month_occurrence(m, published, tense, true)?));
        }
    }
    // A weekday: "on Thursday", "Thursday".
    if let Some(wd) = weekday(w(0)) {
        if raw(0).starts_with(char::is_uppercase) {
            let d = match tense_before(words, i).unwrap_or(Tense::Past) {
                Tense::Past => weekday_before(published, wd, true)?,
                Tense::Future => weekday_after(published, wd, false)?,
            };
            return Some(with_len(1, day(d)));
        }
    }
    // A year after "in": "in 2021".
    if i > 0 && matches!(words[i - 1].as_str(), "in" | "since" | "during" | "until") {
        if let Some(y) = year_number(raw(0)) {
            let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
            let end = NaiveDate::from_ymd_opt(y, 12, 31)?;
            return Some((1, start, DatePrecision::Year, (start, end)));
        }
    }
    None
}

fn with_len(n: usize, m: (NaiveDate, DatePrecision, (NaiveDate, NaiveDate))) -> Match {
    (n, m.0, m.1, m.2)
}

/// The tense cue among the few words before token `i`, if any.
fn tense_before(words: &[String], i: usize) -> Option<Tense> {
    let from = i.saturating_sub(5);
    let window = &words[from..i];
    // Stop at a clause boundary.
    let start = window
        .iter()
        .rposition(|w| matches!(w.as_str(), "." | ";" | "," | "\""))
        .map(|p| p + 1)
        .unwrap_or(0);
    let window = &window[start..];
    for (k, w) in window.iter().enumerate() {
        if FUTURE_CUES.contains(&w.as_str()) {
            return Some(Tense::Future);
        }
        if w == "to" && window.get(k + 1).map(|x| x == "be").unwrap_or(false) {
            return Some(Tense::Future);
        }
    }
    None
}

fn relative_unit(
    unit: &str,
    dir: i32,
    published: NaiveDate,
) -> Option<(NaiveDate, DatePrecision, (NaiveDate, NaiveDate))> {
    match unit {
        "week" => {
            let monday = published.checked_sub_days(Days::new(u64::from(
                published.weekday().num_days_from_monday(),
            )))?;
            let monday = match dir {
                -1 => monday.checked_sub_days(Days::new(7))?,
                1 => monday.checked_add_days(Days::new(7))?,
                _ => monday,
            };
            let sunday = monday.checked_add_days(Days::new(6))?;
            Some((monday, DatePrecision::Week, (monday, sunday)))
        }
        "month" => {
            let first = published.with_day(1)?;
            let first = match dir {
                -1 => first.checked_sub_months(Months::new(1))?,
                1 => first.checked_add_months(Months::new(1))?,
                _ => first,
            };
            month_range(first)
        }
        "year" => {
            let y = published.year().checked_add(dir)?;
            let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
            Some((
                start,
                DatePrecision::Year,
                (start, NaiveDate::from_ymd_opt(y, 12, 31)?),
            ))
        }
        _ => None,
    }
}

fn month_range(first: NaiveDate) -> Option<(NaiveDate, DatePrecision, (NaiveDate, NaiveDate))> {
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((first, DatePrecision::Month, (first, last)))
}

/// The month `m` nearest to `published` in the direction of `tense`;
/// `same_counts`: whether the publication month itself qualifies.
fn month_occurrence(
    m: u32,
    published: NaiveDate,
    tense: Tense,
    same_counts: bool,
) -> Option<(NaiveDate, DatePrecision, (NaiveDate, NaiveDate))> {
    let pm = published.month();
    let y = published.year();
    let year = match tense {
        Tense::Past if m < pm || (m == pm && same_counts) => y,
        Tense::Past => y.checked_sub(1)?,
        Tense::Future if m > pm || (m == pm && same_counts) => y,
        Tense::Future => y.checked_add(1)?,
    };
    month_range(NaiveDate::from_ymd_opt(year, m, 1)?)
}

fn day_month(d: u32, m: u32, published: NaiveDate, tense: Option<Tense>) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(published.year(), m, d);
    match tense.unwrap_or(Tense::Past) {
        Tense::Past => match this {
            Some(x) if x <= published => Some(x),
            _ => NaiveDate::from_ymd_opt(published.year().checked_sub(1)?, m, d),
        },
        Tense::Future => match this {
            Some(x) if x >= published => Some(x),
            _ => NaiveDate::from_ymd_opt(published.year().checked_add(1)?, m, d),
        },
    }
}

fn weekday(w: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(n, _)| *n == w).map(|(_, d)| *d)
}

/// The most recent `wd` before `d` (on `d` itself when `inclusive`).
fn weekday_before(d: NaiveDate, wd: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    let back = if back == 0 && !inclusive { 7 } else { back };
    d.checked_sub_days(Days::new(u64::from(back)))
}

/// The next `wd` after `d` (on `d` itself when `inclusive`).
fn weekday_after(d: NaiveDate, wd: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let fwd = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    let fwd = if fwd == 0 && !inclusive { 7 } else { fwd };
    d.checked_add_days(Days::new(u64::from(fwd)))
}

fn month_index(lower: &str, raw: &str) -> Option<u32> {
    if !raw.starts_with(char::is_uppercase) {
        return None;
    }
    let w = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| {
            if w.len() >= 3 && w != "may" {
                MONTH_ABBR.iter().position(|m| *m == w)
            } else {
                None
            }
        })
        .or_else(|| (w == "sept").then_some(8))
        .map(|p| p as u32 + 1)
}

fn day_number(raw: &str) -> Option<u32> {
    let digits = raw
        .strip_suffix("st")
        .or_else(|| raw.strip_suffix("nd"))
        .or_else(|| raw.strip_suffix("rd"))
        .or_else(|| raw.strip_suffix("th"))
        .unwrap_or(raw);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(raw: &str) -> Option<i32> {
    if raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse().ok().filter(|y| (1800..=2200).contains(y))
}

#[cfg(test)]
mod tests {
    /// Found by fuzzing (fuzz/CRASHES.md #1–#6): relative dates at the
    /// first and last days chrono knows once overflowed.
    #[test]
    fn relative_dates_at_the_ends_of_the_calendar_do_not_overflow() {
        for (text, day) in [
            ("last week", NaiveDate::MIN),
            ("next week", NaiveDate::MAX),
            ("this week", NaiveDate::MAX),
            ("last saturday", NaiveDate::MIN),
            ("this friday", NaiveDate::MAX),
            ("Tuesday", NaiveDate::MIN),
            (
                "next month and last year, in December, on May 31",
                NaiveDate::MIN,
            ),
            (
                "next month and next year, in January, on May 31",
                NaiveDate::MAX,
            ),
        ] {
            for t in find_dates(text, day) {
                assert!(t.range.0 <= t.range.1, "{text} at {day}");
            }
        }
    }

    use super::*;

    #[test]
    fn weekday_arithmetic() {
        let fri = NaiveDate::from_ymd_opt(2022, 4, 8).unwrap_or_default();
        assert_eq!(
            weekday_before(fri, Weekday::Thu, true).map(|d| d.day()),
            Some(7)
        );
        assert_eq!(
            weekday_before(fri, Weekday::Fri, false).map(|d| d.day()),
            Some(1)
        );
        assert_eq!(
            weekday_after(fri, Weekday::Mon, false).map(|d| d.day()),
            Some(11)
        );
    }
}
