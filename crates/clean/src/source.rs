//! Finding cleaned HTML paragraphs in the page source, for offsets back to
//! the original bytes.
//!
//! A paragraph's first words are looked for in the page (after `<body`),
//! from where the previous paragraph ended; from there the paragraph is
//! aligned character by character with the source, stepping over tags,
//! comments, character references and whitespace runs. Where the two part
//! (text the extractor moved or rewrote) the alignment stops: the offsets
//! found so far stand, and the rest of the paragraph maps to the last one.

use crate::normalize::{is_invisible, is_space};
use entente_core::Span;

/// How far past the previous paragraph the next one is looked for.
const SEARCH_WINDOW: usize = 1 << 17;
/// How many leading bytes of a paragraph are looked for.
const PROBE: usize = 24;

/// Where a paragraph stands in the page source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// From the paragraph's first byte to where alignment ended.
    pub span: Span,
    /// `(paragraph offset, page offset)` anchors, increasing.
    pub anchors: Vec<(usize, usize)>,
    /// How many bytes of the paragraph were aligned.
    pub aligned: usize,
}

/// Where the body of `page` starts (0 when it has no `<body`).
pub fn body_start(page: &str) -> usize {
    let bytes = page.as_bytes();
    let mut at = 0;
    while let Some(i) = bytes[at..].iter().position(|&b| b == b'<') {
        let s = at + i;
        if bytes.len() >= s + 5 && bytes[s + 1..s + 5].eq_ignore_ascii_case(b"body") {
            return s;
        }
        at = s + 1;
    }
    0
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How many places the first word is tried at.
const MAX_TRIES: usize = 16;

/// Aligns `para` with `page`, searching from byte `from`: the first place
/// where the paragraph's first word starts an alignment of at least its
/// first `PROBE` (24) bytes.
pub fn align(page: &str, para: &str, from: usize) -> Option<Alignment> {
    let first_word = para.split(' ').next().unwrap_or("");
    let probe = first_word
        .get(..floor_char(first_word, PROBE.min(first_word.len())))
        .unwrap_or_default();
    if probe.is_empty() {
        return None;
    }
    let need = PROBE.min(para.len());
    let from = floor_char(page, from.min(page.len()));
    let end = floor_char(page, from.saturating_add(SEARCH_WINDOW).min(page.len()));
    let window = page.get(from..end).unwrap_or_default();
    window
        .match_indices(probe)
        .take(MAX_TRIES)
        .map(|(i, _)| align_at(page, para, from + i))
        .find(|a| a.aligned >= need)
}

/// Decodes the character reference at the start of `s` (`&amp;`, `&#8220;`,
/// `&#x2019;`): the character and the reference's length.
fn reference(s: &str) -> Option<(char, usize)> {
    let semi = s.as_bytes()[..s.len().min(12)]
        .iter()
        .position(|&b| b == b';')?;
    let name = s.get(1..semi).unwrap_or_default();
    let c = if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

/// Length of the markup (tag or comment) at the start of `s`.
fn markup(s: &str) -> usize {
    let end = if s.starts_with("<!--") {
        s.find("-->").map(|e| e + 3)
    } else {
        s.find('>').map(|e| e + 1)
    };
    end.unwrap_or(s.len())
}

/// What stands at `page[at..]` as text: a character and the bytes it takes,
/// `None` for markup to step over.
fn source_char(page: &str, at: usize) -> Option<(char, usize)> {
    let rest = page.get(at..).unwrap_or_default();
    let c = rest.chars().next()?;
    if c == '&' {
        if let Some(r) = reference(rest) {
            return Some(r);
        }
    }
    Some((c, c.len_utf8()))
}

fn align_at(page: &str, para: &str, start: usize) -> Alignment {
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let push = |d: usize, o: usize, anchors: &mut Vec<(usize, usize)>| {
        if let Some(&(ld, lo)) = anchors.last() {
            if d - ld == o.wrapping_sub(lo) {
                return;
            }
        }
        anchors.push((d, o));
    };
    let mut p = start;
    let mut aligned = 0;
    let mut last_end = start;
    'chars: for (d, want) in para.char_indices() {
        loop {
            if p >= page.len() {
                break 'chars;
            }
            if page.as_bytes()[p] == b'<' {
                p += markup(page.get(p..).unwrap_or_default());
                continue;
            }
            let Some((got, len)) = source_char(page, p) else {
                break 'chars;
            };
            if want == ' ' {
                if is_space(got) || is_invisible(got) {
                    // The first of a run of spaces anchors the paragraph's one.
                    push(d, p, &mut anchors);
                    p += len;
                    while p < page.len() {
                        if page.as_bytes()[p] == b'<' {
                            p += markup(page.get(p..).unwrap_or_default());
                            continue;
                        }
                        match source_char(page, p) {
                            Some((c, l)) if is_space(c) || is_invisible(c) => p += l,
                            _ => break,
                        }
                    }
                    break;
                }
                // Blocks glued in the source ("</p><p>") read as a space.
                push(d + 1, p, &mut anchors);
                aligned = d + 1;
                continue 'chars;
            }
            if got == want {
                push(d, p, &mut anchors);
                p += len;
                last_end = p;
                break;
            }
            if is_space(got) || is_invisible(got) {
                p += len;
                continue;
            }
            break 'chars;
        }
        aligned = d + want.len_utf8();
    }
    Alignment {
        span: Span::new(start, last_end.max(start)),
        anchors,
        aligned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(page: &str, para: &str) -> Alignment {
        let a = align(page, para, 0).unwrap_or_else(|| panic!("help: {para:?} not found"));
        // Every anchored character is the same character in the source.
        for &(d, o) in &a.anchors {
            let want = para[d..].chars().next();
            let got = source_char(page, o).map(|(c, _)| c);
            if want != Some(' ') {
                assert_eq!(got, want, "anchor ({d}, {o})");
            }
        }
        a
    }

    #[test]
    fn steps_over_markup_and_references() {
        let page = "<p>The <b>NATO</b> alliance &amp; its   partners said &#8220;yes&#8221;.</p>";
        let para = "The NATO alliance & its partners said “yes”.";
        let a = check(page, para);
        assert_eq!(a.aligned, para.len());
        assert_eq!(
            a.span.slice(page),
            "The <b>NATO</b> alliance &amp; its   partners said &#8220;yes&#8221;."
        );
    }

    #[test]
    fn stops_where_text_parts() {
        let page = "<p>Alliance leaders agreed on Thursday</p><script>x</script>";
        let a = check(page, "Alliance leaders agreed on Friday");
        assert!(a.aligned < "Alliance leaders agreed on Friday".len());
        assert!(a.aligned >= "Alliance leaders agreed on ".len());
    }

    #[test]
    fn body_start_skips_head() {
        let page = "<html><head><meta content='Lead text'></head><BODY><p>Lead text</p>";
        let at = body_start(page);
        assert_eq!(&page[at..at + 5], "<BODY");
        assert_eq!(
            align(page, "Lead text", at).map(|a| a.span.start),
            page.rfind("Lead text")
        );
    }
}
