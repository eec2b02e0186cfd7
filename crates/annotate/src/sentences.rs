//! Sentences and tokens of news text.
//!
//! [`split_sentences`] cuts a text into sentences and returns byte spans.
//! It knows what news copy looks like: titles and abbreviations ("Mr.",
//! "Gen.", "St."), initials ("J. Smith"), dotted acronyms ("U.S.") and
//! decimals do not end a sentence; a closing quotation mark after the full
//! stop belongs to the sentence it closes; a line break (and so a paragraph
//! break) always ends a sentence.
//!
//! [`tokenize`] cuts a span of text into words, numbers and punctuation,
//! with byte spans into the same text.

use entente_core::text::{after, cut};
use entente_core::{lexicon, Span};

/// Whether `word` (without its full stop, any case) is an abbreviation
/// that ends with a full stop without ending the sentence ("Gen", "St",
/// "Sept").
pub fn is_abbreviation(word: &str) -> bool {
    abbreviation(&word.to_ascii_lowercase())
}

/// [`is_abbreviation`] of a lower-case word: the lexicon's abbreviations
/// and month abbreviations ("jan", "sept"; not "may", a full name).
fn abbreviation(lower: &str) -> bool {
    lexicon::abbreviation(lower)
        || lexicon::month(lower).is_some() && !lexicon::month_names().contains(&lower)
}

/// Lines longer than this are read sentence by sentence by [`segments`].
const MAX_SEGMENT_BYTES: usize = 64 * 1024;

/// Spans that cover `text` in pieces a scanner can hold in memory whole:
/// its lines (paragraphs), and a line longer than 64 KiB sentence by
/// sentence. Dates and numbers never run across a line break; within a
/// long line they are read per sentence.
pub fn segments(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let end = line_start + line.len();
        if line.len() <= MAX_SEGMENT_BYTES {
            out.push(Span::new(line_start, end));
        } else {
            let mut sentences = Vec::new();
            split_line(text, line_start, end, &mut sentences);
            out.extend(sentences);
        }
        line_start = end;
    }
    out
}

/// Splits `text` into sentences and returns their byte spans, without the
/// surrounding whitespace. Total: any input gives a (possibly empty) list.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

/// Splits one line (no line break inside) into sentences.
fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut sent_start = start;
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < end {
                if matches!(bytes[j], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                    j += 1;
                } else if after(text, j).starts_with(['\u{201D}', '\u{2019}']) {
                    j += '\u{201D}'.len_utf8();
                } else {
                    break;
                }
            }
            let j = j.min(end);
            if is_boundary(text, sent_start, i, j, end) {
                push_trimmed(text, sent_start, j, out);
                sent_start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, sent_start, end, out);
}

/// Whether the terminator at `dot` (with trailing closers up to `after`)
/// ends the sentence begun at `sent_start`.
fn is_boundary(text: &str, sent_start: usize, dot: usize, after: usize, end: usize) -> bool {
    let Some(rest) = cut(text, after, end) else {
        return false;
    };
    let next = rest.trim_start();
    if next.is_empty() {
        return false; // the line end closes the sentence anyway
    }
    if next.len() == rest.len() {
        return false; // no space after: "3.5", "U.S.-led", "example.com"
    }
    let first = next.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '[');
    if !opens {
        return false;
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    // The word the full stop closes.
    let before_dot = cut(text, sent_start, dot).unwrap_or_default();
    let word = before_dot
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .and_then(|(p, c)| before_dot.get(p + c.len_utf8()..))
        .unwrap_or(before_dot)
        .trim_start_matches(['"', '\'', '(']);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    if abbreviation(&lower) {
        return false;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // An initial: "J. Smith".
    if word.chars().count() == 1 && letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    // A dotted acronym: "U.S", "U.N" (the last dot is `dot`).
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        return lexicon::sentence_opener(&next_word);
    }
    true
}

/// The longest sentence handed on, in bytes. Real sentences stay far below
/// it (a long news sentence is 300–600 bytes); text without sentence ends
/// (a table, a run-on scrape) is cut into pieces of at most this size, at a
/// clause boundary where there is one, so that later stages, whose work
/// grows with a sentence's length, stay linear in the document's.
pub const MAX_SENTENCE_BYTES: usize = 3000;

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let mut start = start;
    while end - start > MAX_SENTENCE_BYTES {
        let piece = entente_core::text::cut_narrowing(text, start, start + MAX_SENTENCE_BYTES);
        let half = piece.len() / 2;
        // After the last `;`, else the last `,`, else the last space of the
        // piece's second half; else the whole piece.
        let at = [";", ",", " "]
            .iter()
            .find_map(|sep| piece.rfind(sep).filter(|&p| p >= half).map(|p| p + 1))
            .unwrap_or(piece.len())
            .max(1);
        let cut_at = entente_core::text::ceil_boundary(text, start + at);
        push_one(text, start, cut_at, out);
        start = cut_at;
    }
    push_one(text, start, end, out);
}

fn push_one(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(s) = cut(text, start, end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and dots ("don't",
    /// "Asia-Pacific", "U.S.").
    Word,
    /// Digits, with inner separators ("1,200", "3.5").
    Number,
    /// One punctuation character (a quotation mark, a comma, ...).
    Punct,
}

/// A token with its byte span in the text given to [`tokenize`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }
}

/// Tokens of `text[span]`, with spans into `text`. Total.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(s) = text.get(span.start..span.end) else {
        return out;
    };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (pos, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let start = span.start + pos;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut m = k + 1;
            while m < chars.len() {
                let d = chars[m].1;
                if d.is_alphanumeric() {
                    m += 1;
                    continue;
                }
                // Inner joiners: a letter or digit must follow.
                let joins = matches!(d, '\'' | '\u{2019}' | '-' | '.' | ',' | '/')
                    && m + 1 < chars.len()
                    && chars[m + 1].1.is_alphanumeric();
                if !joins {
                    break;
                }
                let allowed = match d {
                    ',' => numeric && chars[m + 1..].iter().take(3).all(|x| x.1.is_ascii_digit()),
                    '.' => numeric || chars[m + 1].1.is_uppercase() || is_acronym(&chars[k..m]),
                    '/' => numeric,
                    _ => true,
                };
                if allowed {
                    m += 2;
                } else {
                    break;
                }
            }
            // Keep the final dot of an acronym ("U.S.").
            if m < chars.len() && chars[m].1 == '.' && !numeric && is_acronym(&chars[k..m]) {
                m += 1;
            }
            let end = if m < chars.len() {
                span.start + chars[m].0
            } else {
                span.end
            };
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(start, end),
                kind,
            });
            k = m;
        } else {
            let end = start + c.len_utf8();
            out.push(Token {
                span: Span::new(start, end),
                kind: TokenKind::Punct,
            });
            k += 1;
        }
    }
    out
}

/// "U.S", "U.N": single letters joined by dots.
fn is_acronym(chars: &[(usize, char)]) -> bool {
    chars.len() >= 3
        && chars.iter().enumerate().all(|(i, (_, c))| {
            if i % 2 == 0 {
                c.is_uppercase()
            } else {
                *c == '.'
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_pieces() {
        let clause = "Russia moved troops, China objected; NATO said it would respond and ";
        let text = clause.repeat(200) + "“é”".repeat(2000).as_str();
        let spans = split_sentences(&text);
        assert!(spans.len() > 10);
        let mut covered = 0;
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE_BYTES, "{}", s.len());
            assert!(
                text.get(s.start..s.end).is_some(),
                "on character boundaries"
            );
            covered += s.len();
        }
        assert!(covered + spans.len() >= text.trim().len() - spans.len() * 2);
        // Cut after a clause boundary where there is one.
        let first = spans[0].slice(&text);
        assert!(first.ends_with(';') || first.ends_with(','), "{first:?}");
    }

    #[test]
    fn acronym_then_opener_splits() {
        assert_eq!(
            texts("He flew to the U.S. The talks began."),
            vec!["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn tokens_keep_acronyms_and_numbers() {
        let t = "The U.S. sent 1,200 troops, 3.5 tonnes.";
        let toks: Vec<&str> = tokenize(t, Span::new(0, t.len()))
            .iter()
            .map(|k| k.text(t))
            .collect();
        assert_eq!(
            toks,
            vec!["The", "U.S.", "sent", "1,200", "troops", ",", "3.5", "tonnes", "."]
        );
    }
}
