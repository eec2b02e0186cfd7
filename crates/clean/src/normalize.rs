//! Text normalisation that remembers where every byte came from.
//!
//! Unicode NFC, whitespace runs folded to one space, zero-width and control
//! characters removed, no-break and other Unicode spaces made plain spaces.
//! Curly quotes and dashes are kept as they are: they carry information
//! (quotation boundaries, ranges) that later stages read.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A normalised piece of text and, for each run of its bytes, where the run
/// starts in the source: `(text offset, source offset)` pairs, increasing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    pub anchors: Vec<(usize, usize)>,
}

/// True for characters removed outright: zero-width characters, the soft
/// hyphen, byte-order marks and control characters that are not whitespace.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// True for characters that fold into a single space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{202F}' || c == '\u{2007}'
}

/// Normalises `src`, trimming both ends. Anchors are offsets in `src`.
pub fn normalize(src: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(src.len()),
        anchors: Vec::new(),
    };
    let needs_nfc = !src.is_ascii() && is_nfc_quick(src.chars()) != IsNormalized::Yes;
    let mut pending_space: Option<usize> = None;
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_space(c) {
            if !out.text.is_empty() && pending_space.is_none() {
                pending_space = Some(i);
            }
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if let Some(at) = pending_space.take() {
            out.push_anchor(at);
            out.text.push(' ');
        }
        out.push_anchor(i);
        let composes = needs_nfc
            && (!c.is_ascii()
                || chars
                    .peek()
                    .is_some_and(|&(_, m)| canonical_combining_class(m) != 0));
        if composes {
            // Compose the character with the combining marks that follow it.
            let mut end = i + c.len_utf8();
            while let Some(&(j, m)) = chars.peek() {
                if canonical_combining_class(m) == 0 {
                    break;
                }
                end = j + m.len_utf8();
                chars.next();
            }
            let cluster = src.get(i..end).unwrap_or_default();
            let before = out.text.len();
            out.text.extend(cluster.nfc());
            if out.text.len() - before != cluster.len() {
                // Composition changed the length: the end of the cluster
                // maps to the end of its source.
                out.push_anchor(end);
            }
        } else {
            out.text.push(c);
        }
    }
    out
}

impl Normalized {
    fn push_anchor(&mut self, source: usize) {
        let derived = self.text.len();
        if let Some(&(d, s)) = self.anchors.last() {
            if derived >= d && source >= s && derived - d == source - s {
                return;
            }
            if derived == d {
                self.anchors.pop();
            }
        }
        self.anchors.push((derived, source));
    }

    /// The source offset of text offset `at`.
    pub fn to_source(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(d, _)| d <= at);
        match i {
            0 => at,
            _ => {
                let (d, s) = self.anchors[i - 1];
                s + (at - d)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static str,
    }

    const CASES: &[Case] = &[
        Case {
            name: "plain",
            input: "Hello world",
            expected: "Hello world",
        },
        Case {
            name: "trim and fold",
            input: "  a \t\n b  ",
            expected: "a b",
        },
        Case {
            name: "nbsp",
            input: "a\u{00A0}b\u{202F}c",
            expected: "a b c",
        },
        Case {
            name: "zero width",
            input: "a\u{200B}b\u{FEFF}c\u{00AD}d",
            expected: "abcd",
        },
        Case {
            name: "controls",
            input: "a\u{0007}b\u{0000}c",
            expected: "abc",
        },
        Case {
            name: "nfc",
            input: "Cafe\u{0301} ok",
            expected: "Caf\u{00E9} ok",
        },
        Case {
            name: "curly quotes kept",
            input: "\u{201C}Yes\u{201D} \u{2019}",
            expected: "\u{201C}Yes\u{201D} \u{2019}",
        },
        Case {
            name: "only spaces",
            input: " \u{00A0}\u{200B} ",
            expected: "",
        },
    ];

    #[test]
    fn table() {
        for c in CASES {
            assert_eq!(normalize(c.input).text, c.expected, "case {}", c.name);
        }
    }

    #[test]
    fn anchors_map_back() {
        let src = "  Hello \u{00A0}\u{200B} wide  world\u{0007}!";
        let n = normalize(src);
        assert_eq!(n.text, "Hello wide world!");
        for word in ["Hello", "wide", "world", "!"] {
            let at = n.text.find(word).unwrap_or(0);
            let s = n.to_source(at);
            assert_eq!(
                &src[s..s + word.len()],
                word,
                "help: anchor for {word} is off"
            );
        }
    }

    #[test]
    fn anchors_after_composition() {
        let src = "e\u{0301}e\u{0301} done";
        let n = normalize(src);
        assert_eq!(n.text, "\u{00E9}\u{00E9} done");
        let at = n.text.find("done").unwrap_or(0);
        assert_eq!(&src[n.to_source(at)..], "done");
    }
}
