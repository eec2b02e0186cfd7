//! Temporal expressions resolved against the publication date.
//!
//! [`find_dates`] finds expressions such as "on Thursday", "last week",
//! "in December", "May 31", "yesterday", "two days ago", "earlier this
//! year" and explicit dates ("8 April 2022", "April 8, 2022",
//! "2022-04-08"), and resolves each to a [`TemporalExpression`]: a
//! representative date, its precision, the range of days it covers and its
//! [`DateRole`] in the clause (the time of an event, or the start, end or
//! review of a state of affairs).
//!
//! # Tense
//!
//! A weekday, a month or a day and month without a year has two readings:
//! the latest one on or before the publication date and the earliest one on
//! or after it. The reading is chosen here, from the words of the
//! expression's own clause, not by the caller: the cues are words ("will",
//! "is to", "plans to", "met", "has patrolled"), every consumer of a
//! date (event coding, deployments, the article view) then sees the same
//! single date, and [`TemporalExpression`] stays one small `Copy` value.
//!
//! - A future clause ("will", "shall", "is to", "is due to", "is expected
//!   to", "plans to", "going to", "next", "from ... onwards") takes the
//!   earliest on or after the publication date;
//! - a past clause (a past form, "was", "had", a present perfect) or "last"
//!   and "since" take the latest on or before it, and so does a clause with
//!   no cue at all: news mostly reports what happened ("talks on Tuesday,
//!   a media report said Sunday"), and in the dev sets a day name with no
//!   cue is the past one far more often than the nearer one;
//! - a clause whose time is left open by a modal or a past decision about a
//!   later act ("said the vote would take place in March", "agreed to meet
//!   in June") takes the nearer of the two, the past one on a tie.
//!
//! A month equal to the publication month is that month in both readings.
//! A weekday equal to the publication day is that day in the past reading
//! and a week later in the future one ("will meet on Friday", written on a
//! Friday, is a week off: the same day would be "today").
//!
//! An end ("until", "till", "through", "by the end of", "expires on", "to"
//! in "from ... to") reads forwards unless its clause is plainly past
//! ("the truce held until March"): "was extended until", "were deployed
//! until" speak of an end still to come.
//!
//! Representative dates: a week is its Monday, a month its first day, a
//! year its 1 January, except "earlier this year/month", which stand for the
//! span from its start to the publication date, represented by the start.

use crate::sentences::{segments, tokenize, Token, TokenKind};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use entente_core::lexicon::{
    self, date_word, number_word, tense_word, DateWord, NumberWord, TenseWord,
};
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
    /// What the date is to its clause.
    pub role: DateRole,
}

/// What a date is to its clause. Only a [`DateRole::Point`] or a
/// [`DateRole::Start`] can be the date of the clause's event: an end or a
/// review date bounds a state that began earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateRole {
    /// When something happens: "met on Friday", "in December".
    #[default]
    Point,
    /// When a state begins: "since May", "from 2024", "starting Monday".
    Start,
    /// When a state ends: "until 30 September", "till March", "through
    /// June", "by the end of the year", "expires on", "to 2027" in "from
    /// 2024 to 2027".
    End,
    /// When a state is to be reviewed: "to be reviewed on May 31".
    Review,
}

/// Which way a relative expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// How many words either side of an expression are searched for a tense
/// cue, within its clause.
const TENSE_WINDOW: usize = 15;
/// Finds and resolves the temporal expressions of `text`. Total.
pub fn find_dates(text: &str, published: NaiveDate) -> Vec<TemporalExpression> {
    let mut out = Vec::new();
    for segment in segments(text) {
        find_dates_in(text, segment, published, &mut out);
    }
    out
}

/// The tokens of one segment, as the matchers see them.
struct Words<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Lower case, with curly apostrophes made straight.
    words: Vec<String>,
    /// Whether each token is written with a capital.
    caps: Vec<bool>,
}

impl Words<'_> {
    fn word(&self, k: usize) -> &str {
        self.words.get(k).map(String::as_str).unwrap_or("")
    }

    fn raw(&self, k: usize) -> &str {
        self.toks.get(k).map(|t| t.text(self.text)).unwrap_or("")
    }

    fn cap(&self, k: usize) -> bool {
        self.caps.get(k).copied().unwrap_or(false)
    }

    /// The word `back` places before token `i` ("" before the start).
    fn before(&self, i: usize, back: usize) -> &str {
        i.checked_sub(back).map(|k| self.word(k)).unwrap_or("")
    }
}

/// The temporal expressions of `text[segment]`, appended to `out`.
fn find_dates_in(
    text: &str,
    segment: Span,
    published: NaiveDate,
    out: &mut Vec<TemporalExpression>,
) {
    let toks = tokenize(text, segment);
    let words = toks
        .iter()
        .map(|t| t.text(text).to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let caps = toks
        .iter()
        .map(|t| t.text(text).starts_with(char::is_uppercase))
        .collect();
    let ws = Words {
        text,
        toks,
        words,
        caps,
    };
    // The token just after the last "from ..." expression: a "to" there
    // opens its end ("from 2024 to 2027").
    let mut after_start: Option<usize> = None;
    let mut i = 0;
    while i < ws.toks.len() {
        let after_from = i > 0 && after_start == Some(i - 1) && ws.word(i - 1) == "to";
        let Some((n, reading)) = match_at(&ws, i, published, after_from) else {
            i += 1;
            continue;
        };
        let role = role_of(&ws, i, after_from);
        let resolved = match reading {
            Reading::Fixed(r) => Some(r),
            Reading::Open { past, future } => {
                let since = ws.before(i, 1) == "since";
                let tense = tense_for(role, since, clause_tense(&ws, i, i + n));
                choose(published, tense, past, future)
            }
        };
        let (Some((date, precision, range)), Some(first), Some(last)) =
            (resolved, ws.toks.get(i), ws.toks.get(i + n - 1))
        else {
            i += 1;
            continue;
        };
        out.push(TemporalExpression {
            span: Span::new(first.span.start, last.span.end),
            date,
            precision,
            range,
            role,
        });
        if role == DateRole::Start && ws.before(i, 1) == "from" {
            after_start = Some(i + n);
        }
        i += n;
    }
}

/// A date, its precision and the days it covers.
type Resolved = (NaiveDate, DatePrecision, (NaiveDate, NaiveDate));

/// What a matched expression stands for.
enum Reading {
    /// One date: "8 April 2022", "yesterday", "last week".
    Fixed(Resolved),
    /// A weekday, month or day and month without a year: the latest on or
    /// before the publication date and the earliest on or after it, chosen
    /// between by tense ([`choose`]). `None`: off the calendar.
    Open {
        past: Option<Resolved>,
        future: Option<Resolved>,
    },
}

/// The expression starting at token `i`: its length in tokens and reading.
fn match_at(
    ws: &Words,
    i: usize,
    published: NaiveDate,
    after_from: bool,
) -> Option<(usize, Reading)> {
    let w = |k: usize| ws.word(i + k);
    let raw = |k: usize| ws.raw(i + k);
    let day = |d: NaiveDate| (d, DatePrecision::Day, (d, d));
    let fixed = |n: usize, r: Resolved| Some((n, Reading::Fixed(r)));
    match w(0) {
        "today" | "tonight" => return fixed(1, day(published)),
        "yesterday" => return fixed(1, day(published.pred_opt()?)),
        "tomorrow" => return fixed(1, day(published.succ_opt()?)),
        "last" | "this" | "next" | "past" => {
            let dir = match w(0) {
                "last" | "past" => -1,
                "this" => 0,
                _ => 1,
            };
            if let Some(m) = relative_unit(w(1), dir, published) {
                return fixed(2, m);
            }
            if let Some(wd) = weekday(w(1)) {
                return match dir {
                    -1 => fixed(2, day(weekday_before(published, wd, false)?)),
                    1 => fixed(2, day(weekday_after(published, wd, false)?)),
                    // "this Friday": this week's, either side.
                    _ => Some((
                        2,
                        Reading::Open {
                            past: weekday_before(published, wd, true).map(day),
                            future: weekday_after(published, wd, true).map(day),
                        },
                    )),
                };
            }
            if let Some(m) = month_index(w(1), raw(1)) {
                let r = match dir {
                    -1 => month_occurrence(m, published, Tense::Past, false)?,
                    1 => month_occurrence(m, published, Tense::Future, false)?,
                    _ => month_range(NaiveDate::from_ymd_opt(published.year(), m, 1)?)?,
                };
                return fixed(2, r);
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
            return fixed(3, (range.0, m.1, range));
        }
        _ => {}
    }
    // "two days ago", "a week ago".
    if w(2) == "ago" {
        if let Some(n) = count(w(0)) {
            if let Some(r) = ago(n, w(1), published) {
                return fixed(3, r);
            }
        }
    }
    // ISO date: 2022-04-08 (one token: digits joined by hyphens).
    if ws.toks.get(i)?.kind == TokenKind::Number {
        if let Ok(d) = NaiveDate::parse_from_str(raw(0), "%Y-%m-%d") {
            return fixed(1, day(d));
        }
    }
    // Day Month [Year]: 8 April 2022.
    if let Some(d) = day_number(raw(0)) {
        if let Some(m) = month_index(w(1), raw(1)) {
            if let Some(y) = year_number(raw(2)) {
                return fixed(3, day(NaiveDate::from_ymd_opt(y, m, d)?));
            }
            return Some((2, day_month(d, m, published)));
        }
    }
    if let Some(m) = month_index(w(0), raw(0)) {
        // Month Day[,] [Year]: April 8, 2022 / May 31.
        if let Some(d) = day_number(raw(1)) {
            let year_at = if raw(2) == "," { 3 } else { 2 };
            if let Some(y) = year_number(raw(year_at)) {
                return fixed(year_at + 1, day(NaiveDate::from_ymd_opt(y, m, d)?));
            }
            return Some((2, day_month(d, m, published)));
        }
        // Month Year: December 2021.
        if let Some(y) = year_number(raw(1)) {
            return fixed(2, month_range(NaiveDate::from_ymd_opt(y, m, 1)?)?);
        }
        // A bare month needs a preposition: "in December" ("May" is a verb too).
        let prev = ws.before(i, 1);
        let by_preposition =
            date_word(prev, DateWord::MonthPreposition) || prev == "to" && after_from;
        if by_preposition && raw(0).starts_with(char::is_uppercase) {
            return Some((
                1,
                Reading::Open {
                    past: month_occurrence(m, published, Tense::Past, true),
                    future: month_occurrence(m, published, Tense::Future, true),
                },
            ));
        }
    }
    // A weekday: "on Thursday", "Thursday".
    if let Some(wd) = weekday(w(0)) {
        if raw(0).starts_with(char::is_uppercase) {
            return Some((
                1,
                Reading::Open {
                    past: weekday_before(published, wd, true).map(day),
                    future: weekday_after(published, wd, false).map(day),
                },
            ));
        }
    }
    // A year after a preposition: "in 2021", "from 2024 to 2027".
    let y = year_number(raw(0))?;
    let free = |k: usize| {
        ws.toks
            .get(i + k)
            .map(|t| {
                t.kind == TokenKind::Punct || ws.cap(i + k) || date_word(w(k), DateWord::AfterYear)
            })
            .unwrap_or(true)
    };
    let taken = match ws.before(i, 1) {
        "in" | "since" | "during" | "until" => true,
        "till" | "through" | "by" => free(1),
        "to" => after_from && free(1),
        // "from 2024", "from 2024 to 2027", not "from 1900 to 2000 troops".
        "from" => match w(1) {
            "to" | "until" | "till" | "through" => {
                year_number(raw(2)).map(|z| z >= y).unwrap_or(true) && free(3)
            }
            _ => free(1),
        },
        _ => false,
    };
    if !taken {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
    let end = NaiveDate::from_ymd_opt(y, 12, 31)?;
    fixed(1, (start, DatePrecision::Year, (start, end)))
}

/// The role of the expression starting at token `i`, from the words before
/// it; `after_from`: it follows "from X to".
fn role_of(ws: &Words, i: usize, after_from: bool) -> DateRole {
    let w = |back: usize| ws.before(i, back);
    // "by the end of March", "until the end of the year".
    if w(1) == "of"
        && w(2) == "end"
        && w(3) == "the"
        && matches!(w(4), "by" | "until" | "till" | "through")
    {
        return DateRole::End;
    }
    match w(1) {
        x if date_word(x, DateWord::End) => return DateRole::End,
        "to" if after_from => return DateRole::End,
        x if date_word(x, DateWord::Start) => return DateRole::Start,
        "of" if w(2) == "as" => return DateRole::Start,
        _ => {}
    }
    // The word governing a preposition: "expires on", "starts in".
    let governor = if matches!(w(1), "on" | "in" | "at" | "by" | "for") {
        w(2)
    } else {
        w(1)
    };
    match governor {
        g if date_word(g, DateWord::EndVerb) => DateRole::End,
        g if date_word(g, DateWord::StartVerb) => DateRole::Start,
        g if g.starts_with("review") => DateRole::Review,
        _ => DateRole::Point,
    }
}

/// A tense cue found near an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clue {
    Future,
    Past,
    /// A past participle after "be", or a verb that prolongs a state ("was
    /// extended", "renewed"): past, but an end it names may lie ahead.
    Prolonged,
    /// A modal or a past decision about a later act: no clear tense.
    Unclear,
}

/// The tense cue nearest the expression at tokens `i..j`: leftwards to the
/// clause's start, else rightwards ("In December, ministers met").
fn clause_tense(ws: &Words, i: usize, j: usize) -> Option<Clue> {
    if matches!(ws.word(j), "onwards" | "onward") {
        return Some(Clue::Future);
    }
    for k in (i.saturating_sub(TENSE_WINDOW)..i).rev() {
        if is_boundary(ws.word(k)) {
            break;
        }
        if let Some(c) = clue_at(ws, k) {
            return Some(c);
        }
    }
    for k in j..j.saturating_add(TENSE_WINDOW).min(ws.words.len()) {
        if ws.word(k) != "," && is_boundary(ws.word(k)) {
            break;
        }
        if let Some(c) = clue_at(ws, k) {
            return Some(c);
        }
    }
    None
}

fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        "." | ";" | ":" | "," | "!" | "?" | "\"" | "(" | ")" | "\u{201c}" | "\u{201d}"
    )
}

/// The tense cue at token `k`, if any.
fn clue_at(ws: &Words, k: usize) -> Option<Clue> {
    let w = ws.word(k);
    let next = ws.word(k + 1);
    if next == "to" {
        if tense_word(w, TenseWord::FutureBeforeTo) {
            return Some(Clue::Future);
        }
        if tense_word(w, TenseWord::UnclearBeforeTo) {
            return Some(Clue::Unclear);
        }
    }
    if w == "to" && next == "be" || tense_word(w, TenseWord::Future) || w.ends_with("'ll") {
        return Some(Clue::Future);
    }
    if ws.cap(k) {
        // A name ("May", "United") is not a verb.
        return None;
    }
    if tense_word(w, TenseWord::Modal) {
        return Some(Clue::Unclear);
    }
    if tense_word(w, TenseWord::Perfect) || w.ends_with("'ve") {
        // The present perfect: "have patrolled", "has already met".
        let participle = (k + 1..k + 4)
            .map(|x| ws.word(x))
            .find(|x| !is_adverb(x))
            .map(|x| tense_word(x, TenseWord::Participle) || is_regular_past(x))
            .unwrap_or(false);
        return participle.then_some(Clue::Past);
    }
    if tense_word(w, TenseWord::Past) {
        return Some(Clue::Past);
    }
    if !is_regular_past(w) {
        return None;
    }
    if tense_word(w, TenseWord::Prolonging) {
        return Some(Clue::Prolonged);
    }
    // A passive: "was seized" is past, "will be / to be reviewed" future.
    let be = (0..k)
        .rev()
        .map(|x| (x, ws.word(x)))
        .find(|(_, x)| !is_adverb(x));
    match be {
        Some((b, "be")) => match ws.before(b, 1) {
            "to" | "will" | "shall" => Some(Clue::Future),
            x if x.ends_with("'ll") => Some(Clue::Future),
            x if tense_word(x, TenseWord::Modal) => Some(Clue::Unclear),
            _ => Some(Clue::Prolonged),
        },
        Some((_, x)) if tense_word(x, TenseWord::Be) => Some(Clue::Prolonged),
        _ => Some(Clue::Past),
    }
}

fn is_adverb(w: &str) -> bool {
    tense_word(w, TenseWord::Adverb) || w.len() > 4 && w.ends_with("ly")
}

/// A regular past form or participle: "met" no, "patrolled" yes.
fn is_regular_past(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") && w.chars().all(char::is_alphabetic)
}

/// The reading an expression of `role` takes given the cue of its clause;
/// `since`: it follows "since". `None`: the nearer reading (see the module
/// docs).
fn tense_for(role: DateRole, since: bool, clue: Option<Clue>) -> Option<Tense> {
    if since {
        return Some(Tense::Past);
    }
    match (role, clue) {
        (DateRole::End, Some(Clue::Past)) => Some(Tense::Past),
        (DateRole::End, _) => Some(Tense::Future),
        (DateRole::Review, Some(Clue::Past | Clue::Prolonged)) => Some(Tense::Past),
        (DateRole::Review, _) => Some(Tense::Future),
        (_, Some(Clue::Future)) => Some(Tense::Future),
        (_, Some(Clue::Past | Clue::Prolonged) | None) => Some(Tense::Past),
        (_, Some(Clue::Unclear)) => None,
    }
}

/// The reading of `tense`, or without one the reading nearer to
/// `published` (the past one on a tie).
fn choose(
    published: NaiveDate,
    tense: Option<Tense>,
    past: Option<Resolved>,
    future: Option<Resolved>,
) -> Option<Resolved> {
    match (tense, past, future) {
        (Some(Tense::Past), p, _) => p,
        (Some(Tense::Future), _, f) => f,
        (None, Some(p), Some(f)) => {
            let back = published.signed_duration_since(p.2 .1).num_days().max(0);
            let ahead = f.2 .0.signed_duration_since(published).num_days().max(0);
            Some(if back <= ahead { p } else { f })
        }
        (None, p, f) => p.or(f),
    }
}

/// A small count in digits or words: "2", "two", "a".
fn count(w: &str) -> Option<u32> {
    match w {
        "a" | "an" => Some(1),
        _ => number_word(w, NumberWord::Unit)
            .filter(|v| (1.0..=12.0).contains(v))
            .map(|v| v as u32)
            .or_else(|| {
                (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| w.parse().ok())
                    .flatten()
            }),
    }
}

/// "`n` `unit`s ago": a day, the week's Monday, the month's or the year's
/// first day.
fn ago(n: u32, unit: &str, published: NaiveDate) -> Option<Resolved> {
    match unit.trim_end_matches('s') {
        "day" => {
            let d = published.checked_sub_days(Days::new(u64::from(n)))?;
            Some((d, DatePrecision::Day, (d, d)))
        }
        "week" => {
            let d = published.checked_sub_days(Days::new(u64::from(n).checked_mul(7)?))?;
            week_of(d)
        }
        "month" => month_range(published.with_day(1)?.checked_sub_months(Months::new(n))?),
        "year" => year_range(published.year().checked_sub(i32::try_from(n).ok()?)?),
        _ => None,
    }
}

fn week_of(d: NaiveDate) -> Option<Resolved> {
    let monday = d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))?;
    let sunday = monday.checked_add_days(Days::new(6))?;
    Some((monday, DatePrecision::Week, (monday, sunday)))
}

fn year_range(y: i32) -> Option<Resolved> {
    let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
    let end = NaiveDate::from_ymd_opt(y, 12, 31)?;
    Some((start, DatePrecision::Year, (start, end)))
}

fn relative_unit(unit: &str, dir: i32, published: NaiveDate) -> Option<Resolved> {
    match unit {
        "week" => {
            let d = match dir {
                -1 => published.checked_sub_days(Days::new(7))?,
                1 => published.checked_add_days(Days::new(7))?,
                _ => published,
            };
            week_of(d)
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
        "year" => year_range(published.year().checked_add(dir)?),
        _ => None,
    }
}

fn month_range(first: NaiveDate) -> Option<Resolved> {
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
) -> Option<Resolved> {
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

/// Day `d` of month `m`: on or before `published`, and on or after it.
fn day_month(d: u32, m: u32, published: NaiveDate) -> Reading {
    let day = |x: NaiveDate| (x, DatePrecision::Day, (x, x));
    let this = NaiveDate::from_ymd_opt(published.year(), m, d);
    let past = match this {
        Some(x) if x <= published => Some(x),
        _ => published
            .year()
            .checked_sub(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
    };
    let future = match this {
        Some(x) if x >= published => Some(x),
        _ => published
            .year()
            .checked_add(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
    };
    Reading::Open {
        past: past.map(day),
        future: future.map(day),
    }
}

/// A weekday written in full (the lexicon's abbreviations are not read
/// here: "Sun", "Sat" are other words).
fn weekday(w: &str) -> Option<Weekday> {
    if w.len() <= 5 {
        return None;
    }
    let n = lexicon::weekday(w)?;
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
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
    lexicon::month(lower.trim_end_matches('.'))
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

    fn words(text: &str) -> Words<'_> {
        let toks = tokenize(text, Span::new(0, text.len()));
        Words {
            text,
            words: toks.iter().map(|t| t.text(text).to_lowercase()).collect(),
            caps: toks
                .iter()
                .map(|t| t.text(text).starts_with(char::is_uppercase))
                .collect(),
            toks,
        }
    }

    /// The clue for the last token of `text` (the place of the date).
    fn clue(text: &str) -> Option<Clue> {
        let ws = words(text);
        let n = ws.toks.len();
        clause_tense(&ws, n.saturating_sub(1), n)
    }

    #[test]
    fn tense_cues() {
        for (text, want) in [
            ("They will meet X", Some(Clue::Future)),
            ("They'll meet X", Some(Clue::Future)),
            ("Parliament is to vote X", Some(Clue::Future)),
            ("The talks are due to resume X", Some(Clue::Future)),
            ("Rebels plan to attack X", Some(Clue::Future)),
            ("The deal is expected to be signed X", Some(Clue::Future)),
            ("The deal will be signed X", Some(Clue::Future)),
            ("The deal is to be signed X", Some(Clue::Future)),
            ("Ministers met X", Some(Clue::Past)),
            ("Ministers gathered X", Some(Clue::Past)),
            ("Ships have patrolled the strait X", Some(Clue::Past)),
            ("Ships have already met X", Some(Clue::Past)),
            ("The port was seized X", Some(Clue::Prolonged)),
            ("The council extended the mission X", Some(Clue::Prolonged)),
            ("He said the vote would take place X", Some(Clue::Unclear)),
            ("They agreed to meet X", Some(Clue::Unclear)),
            ("Talks X", None),
            // A clause boundary stops the search.
            ("Ministers met; talks X", None),
            // Names are not verbs.
            ("The United Nations X", None),
        ] {
            assert_eq!(clue(text), want, "{text}");
        }
    }

    #[test]
    fn readings_by_role_and_tense() {
        use DateRole::*;
        assert_eq!(tense_for(End, false, None), Some(Tense::Future));
        assert_eq!(
            tense_for(End, false, Some(Clue::Prolonged)),
            Some(Tense::Future)
        );
        assert_eq!(tense_for(End, false, Some(Clue::Past)), Some(Tense::Past));
        assert_eq!(
            tense_for(Point, false, Some(Clue::Prolonged)),
            Some(Tense::Past)
        );
        assert_eq!(tense_for(Point, false, Some(Clue::Unclear)), None);
        assert_eq!(tense_for(Point, false, None), Some(Tense::Past));
        assert_eq!(
            tense_for(Start, true, Some(Clue::Future)),
            Some(Tense::Past)
        );
        assert_eq!(tense_for(Review, false, None), Some(Tense::Future));
    }

    #[test]
    fn nearer_reading_prefers_the_past_on_a_tie() {
        let p = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap_or_default();
        let at = |days: i64| {
            let d = p + chrono::Duration::days(days);
            Some((d, DatePrecision::Day, (d, d)))
        };
        assert_eq!(choose(p, None, at(-3), at(3)), at(-3));
        assert_eq!(choose(p, None, at(-4), at(3)), at(3));
        assert_eq!(choose(p, None, None, at(3)), at(3));
        assert_eq!(choose(p, Some(Tense::Past), None, at(3)), None);
    }

    #[test]
    fn roles() {
        for (text, want) in [
            ("runs until X", DateRole::End),
            ("stays till X", DateRole::End),
            ("leave by the end of X", DateRole::End),
            ("expires on X", DateRole::End),
            ("closed since X", DateRole::Start),
            ("effective X", DateRole::Start),
            ("as of X", DateRole::Start),
            ("reviewed in X", DateRole::Review),
            ("met on X", DateRole::Point),
        ] {
            let ws = words(text);
            let n = ws.toks.len().saturating_sub(1);
            assert_eq!(role_of(&ws, n, false), want, "{text}");
        }
    }

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
