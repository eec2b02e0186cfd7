//! Counts in news text: digits ("65", "1,200", "3.5 million"), words
//! ("nine", "sixty-five", "two dozen", "a hundred") and their qualifiers.
//!
//! Qualifiers are read as bounds on a whole count:
//!
//! | text                                   | reading                  |
//! |----------------------------------------|--------------------------|
//! | "65", "nine"                           | `Exactly(65)`, `Exactly(9)` |
//! | "up to five", "at most", "as many as", "no more than" | `AtMost(5)` |
//! | "at least 20", "no fewer than 20"      | `AtLeast(20)`            |
//! | "more than 20", "over 20"              | `AtLeast(21)`: strictly more than 20 whole people |
//! | "fewer than 20", "less than 20", "under 20" | `AtMost(19)`        |
//! | "about 300", "around", "some", "nearly", "almost", "roughly", "approximately", "an estimated" | `About(300)` |
//! | "dozens", "hundreds", "thousands"      | `AtLeast(24)`, `AtLeast(200)`, `AtLeast(2000)` |
//!
//! Four-digit numbers that read as years ("in 2022") and day numbers next
//! to a month name ("May 31") are not counts.

use crate::sentences::{segments, tokenize, Token, TokenKind};
use entente_core::lexicon::{self, number_word, NumberWord};
use entente_core::{Personnel, Span};

/// How a count is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exactly,
    AtMost,
    AtLeast,
    About,
}

/// A count found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// Byte span, qualifier included ("up to five").
    pub span: Span,
    /// The number as written ("3.5 million" is 3 500 000.0); for bounds
    /// read strictly ("more than 20") the bound is already applied (21).
    pub value: f64,
    pub qualifier: Qualifier,
}

impl Quantity {
    /// The value as a whole count, when it is one.
    pub fn count(&self) -> Option<u64> {
        (self.value >= 0.0 && self.value.fract() == 0.0 && self.value < 1e18)
            .then_some(self.value as u64)
    }

    /// The count as a deployment's personnel figure.
    pub fn personnel(&self) -> Option<Personnel> {
        let n = self.count()?;
        Some(match self.qualifier {
            Qualifier::Exactly => Personnel::Exactly(n),
            Qualifier::AtMost => Personnel::AtMost(n),
            Qualifier::AtLeast => Personnel::AtLeast(n),
            Qualifier::About => Personnel::About(n),
        })
    }
}

/// Finds the counts in `text`. Total.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for segment in segments(text) {
        find_quantities_in(text, segment, &mut out);
    }
    out
}

/// The counts of `text[segment]`, appended to `out`.
fn find_quantities_in(text: &str, segment: Span, out: &mut Vec<Quantity>) {
    let toks = tokenize(text, segment);
    let words: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let mut i = 0;
    while i < toks.len() {
        let Some((value, n)) = number_at(text, &toks, &words, i) else {
            i += 1;
            continue;
        };
        let (qual, q_len, value) = qualifier_before(&words, i, value);
        let start = toks[i - q_len].span.start;
        let end = toks[i + n - 1].span.end;
        out.push(Quantity {
            span: Span::new(start, end),
            value,
            qualifier: qual,
        });
        i += n;
    }
}

/// The number starting at token `i` and how many tokens it takes.
fn number_at(text: &str, toks: &[Token], words: &[String], i: usize) -> Option<(f64, usize)> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    let prev = if i > 0 { words[i - 1].as_str() } else { "" };
    if let Some(v) = number_word(w(0), NumberWord::Vague) {
        return Some((v, 1));
    }
    let (base, mut n) = if toks[i].kind == TokenKind::Number {
        let raw = toks[i].text(text);
        let v: f64 = raw.replace(',', "").parse().ok()?;
        // A year ("in 2022") or a day of a month ("May 31", "31 May").
        let is_year = raw.len() == 4 && (1800.0..=2200.0).contains(&v) && !raw.contains(',');
        if is_year || month_name(prev) || month_name(w(1)) {
            return None;
        }
        (v, 1)
    } else if let Some(v) = word_number(w(0)) {
        (v as f64, 1)
    } else if matches!(w(0), "a" | "an") && number_word(w(1), NumberWord::Scale).is_some() {
        (1.0, 1)
    } else {
        return None;
    };
    let mut value = base;
    // "one hundred and fifty", "3.5 million", "two dozen".
    while let Some(s) = number_word(w(n), NumberWord::Scale) {
        value *= s;
        n += 1;
        let and = usize::from(w(n) == "and");
        if let Some(v) = word_number(w(n + and)) {
            if v < 100 {
                value += v as f64;
                n += 1 + and;
            }
        }
    }
    if matches!(w(0), "a" | "an") && n == 1 {
        return None;
    }
    Some((value, n))
}

/// Reads "sixty-five", "nine".
fn word_number(w: &str) -> Option<u64> {
    // The table's values are small whole numbers.
    let whole = |v: f64| v as u64;
    if let Some(v) = number_word(w, NumberWord::Unit) {
        return Some(whole(v));
    }
    if let Some(v) = number_word(w, NumberWord::Tens) {
        return Some(whole(v));
    }
    let (tens, unit) = w.split_once('-')?;
    let t = whole(number_word(tens, NumberWord::Tens)?);
    let u = whole(number_word(unit, NumberWord::Unit)?);
    (1..10).contains(&u).then_some(t + u)
}

/// The qualifier ending just before token `i`: its reading, its length in
/// tokens, and the value with a strict bound applied.
fn qualifier_before(words: &[String], i: usize, value: f64) -> (Qualifier, usize, f64) {
    let w = |back: usize| {
        if i >= back {
            words[i - back].as_str()
        } else {
            ""
        }
    };
    let whole = value.fract() == 0.0;
    let two = (w(2), w(1));
    let three = (w(3), w(2), w(1));
    if matches!(
        three,
        ("no", "more", "than") | ("as", "many", "as") | ("no", "fewer", "than")
    ) {
        let q = if three.1 == "fewer" {
            Qualifier::AtLeast
        } else {
            Qualifier::AtMost
        };
        return (q, 3, value);
    }
    match two {
        ("up", "to") | ("at", "most") => return (Qualifier::AtMost, 2, value),
        ("at", "least") => return (Qualifier::AtLeast, 2, value),
        ("more", "than") => {
            return (
                Qualifier::AtLeast,
                2,
                if whole { value + 1.0 } else { value },
            );
        }
        ("fewer", "than") | ("less", "than") => {
            return (
                Qualifier::AtMost,
                2,
                if whole && value >= 1.0 {
                    value - 1.0
                } else {
                    value
                },
            );
        }
        ("an", "estimated") => return (Qualifier::About, 2, value),
        _ => {}
    }
    match w(1) {
        "about" | "around" | "some" | "nearly" | "almost" | "roughly" | "approximately"
        | "approx" | "circa" => (Qualifier::About, 1, value),
        "over" => (
            Qualifier::AtLeast,
            1,
            if whole { value + 1.0 } else { value },
        ),
        "under" => (
            Qualifier::AtMost,
            1,
            if whole && value >= 1.0 {
                value - 1.0
            } else {
                value
            },
        ),
        _ if number_word(&words[i], NumberWord::Vague).is_some() => (Qualifier::AtLeast, 0, value),
        _ => (Qualifier::Exactly, 0, value),
    }
}

/// A month's full name, lower case ("may", "june"): a number beside it is
/// a day of the month.
fn month_name(w: &str) -> bool {
    lexicon::month_names().contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_words() {
        assert_eq!(word_number("sixty-five"), Some(65));
        assert_eq!(word_number("sixty-ten"), None);
    }
}
