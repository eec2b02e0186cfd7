//! Bounds on markup that would make parsing quadratic.
//!
//! An HTML parser keeps a stack of open elements and, as the standard
//! says, searches it on many tags; it also checks each new attribute
//! against the tag's earlier ones. Both are quadratic: 100,000 nested
//! `<div>`s took 52 s to parse, 100,000 attributes on one tag 8.5 s. No real
//! article comes near [`MAX_NESTING`] or [`MAX_ATTRIBUTES`], so before
//! parsing, [`bound_markup`] drops the start tags that would go deeper than
//! `MAX_NESTING` (with as many end tags) and the attributes of a tag past
//! `MAX_ATTRIBUTES`. Text is never dropped, so the article's words all
//! remain; a page within the bounds is returned as it is, without a copy.
//!
//! ```
//! use entente_clean::limits::{bound_markup, MAX_NESTING};
//! let deep = "<div>".repeat(MAX_NESTING + 10) + "NATO met." + &"</div>".repeat(MAX_NESTING + 10);
//! let bounded = bound_markup(&deep);
//! assert!(bounded.contains("NATO met."));
//! assert_eq!(bounded.matches("<div>").count(), MAX_NESTING);
//! assert_eq!(bounded.matches("</div>").count(), MAX_NESTING);
//! let fine = "<p class=a>NATO met.</p>";
//! assert!(matches!(bound_markup(fine), std::borrow::Cow::Borrowed(_)));
//! ```

use std::borrow::Cow;

/// Deepest element nesting kept.
pub const MAX_NESTING: usize = 512;
/// Most attributes kept on one tag.
pub const MAX_ATTRIBUTES: usize = 256;

/// Elements that never hold content, so never open a level.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noembed"];

/// `html` with nesting and attributes bounded (see the module docs).
pub fn bound_markup(html: &str) -> Cow<'_, str> {
    let mut scan = Scanner {
        html,
        bytes: html.as_bytes(),
        out: String::new(),
        copied_to: 0,
        changed: false,
    };
    scan.run();
    if !scan.changed {
        return Cow::Borrowed(html);
    }
    scan.flush(html.len());
    Cow::Owned(scan.out)
}

struct Scanner<'h> {
    html: &'h str,
    bytes: &'h [u8],
    /// The bounded page, built lazily: everything before `copied_to` that
    /// was kept.
    out: String,
    copied_to: usize,
    changed: bool,
}

impl<'h> Scanner<'h> {
    /// Copies the input up to `to` into the output.
    fn flush(&mut self, to: usize) {
        if to > self.copied_to {
            self.out
                .push_str(self.html.get(self.copied_to..to).unwrap_or_default());
            self.copied_to = to;
        }
    }

    /// Leaves out the input from the flushed point up to `to`.
    fn skip(&mut self, from: usize, to: usize) {
        self.flush(from);
        self.copied_to = to.max(self.copied_to);
        self.changed = true;
    }

    fn run(&mut self) {
        let mut depth = 0usize;
        let mut suppressed = 0usize;
        let mut i = 0;
        let n = self.bytes.len();
        while let Some(off) = memchr_lt(self.bytes, i) {
            i = off;
            let next = self.bytes.get(i + 1).copied().unwrap_or(0);
            if self.bytes.get(i..i + 4) == Some(b"<!--") {
                i = find(self.bytes, i + 4, b"-->").map_or(n, |e| e + 3);
            } else if next == b'!' || next == b'?' {
                i = find(self.bytes, i + 1, b">").map_or(n, |e| e + 1);
            } else if next == b'/' && self.bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
                let end = find(self.bytes, i, b">").map_or(n, |e| e + 1);
                if suppressed > 0 {
                    suppressed -= 1;
                    self.skip(i, end);
                } else {
                    depth = depth.saturating_sub(1);
                }
                i = end;
            } else if next.is_ascii_alphabetic() {
                let tag = self.start_tag(i);
                let name = tag.name.to_ascii_lowercase();
                let raw_text = RAW_TEXT.contains(&name.as_str());
                let opens = !tag.self_closing && !VOID.contains(&name.as_str());
                if opens && depth >= MAX_NESTING {
                    suppressed += 1;
                    self.skip(tag.start, tag.end);
                } else {
                    if opens {
                        depth += 1;
                    }
                    if tag.too_many_attributes_from < tag.end {
                        // Keep the tag's first attributes and its closing `/>` or `>`.
                        let mut close = tag.end;
                        if self.bytes.get(close.wrapping_sub(1)) == Some(&b'>') {
                            close -= 1;
                            if self.bytes.get(close.wrapping_sub(1)) == Some(&b'/') {
                                close -= 1;
                            }
                        }
                        self.skip(
                            tag.too_many_attributes_from,
                            close.max(tag.too_many_attributes_from),
                        );
                    }
                }
                i = tag.end;
                if raw_text && !tag.self_closing {
                    // Its text runs to its end tag; nothing inside is markup.
                    let close = format!("</{name}");
                    i = find_ignore_case(self.bytes, i, close.as_bytes()).unwrap_or(n);
                }
            } else {
                i += 1;
            }
        }
    }

    /// Reads the start tag at `start` (`<` then a letter).
    fn start_tag(&self, start: usize) -> StartTag<'h> {
        let (html, b): (&'h str, &'h [u8]) = (self.html, self.bytes);
        let n = b.len();
        let mut i = start + 1;
        while i < n && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let name = html.get(start + 1..i).unwrap_or_default();
        let mut attributes = 0usize;
        let mut too_many_attributes_from = usize::MAX;
        let mut self_closing = false;
        loop {
            while i < n && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                self_closing = b[i] == b'/';
                i += 1;
            }
            if i >= n {
                break;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            attributes += 1;
            if attributes > MAX_ATTRIBUTES && too_many_attributes_from == usize::MAX {
                too_many_attributes_from = i;
            }
            // The attribute's name...
            while i < n && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'=' | b'/') {
                i += 1;
            }
            while i < n && b[i].is_ascii_whitespace() {
                i += 1;
            }
            // ... and its value.
            if i < n && b[i] == b'=' {
                i += 1;
                while i < n && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        i = memchr_byte(q, b, i + 1).map_or(n, |e| e + 1);
                    }
                    _ => {
                        while i < n && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                    }
                }
            }
        }
        let end = i.min(n);
        StartTag {
            start,
            end,
            name,
            self_closing,
            too_many_attributes_from: too_many_attributes_from.min(end),
        }
    }
}

struct StartTag<'h> {
    start: usize,
    /// Just past the closing `>` (or the end of the input).
    end: usize,
    name: &'h str,
    self_closing: bool,
    /// Where the attributes past [`MAX_ATTRIBUTES`] begin (`end` when
    /// there are not that many).
    too_many_attributes_from: usize,
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    memchr_byte(b'<', bytes, from)
}

fn memchr_byte(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&c| c == needle)
        .map(|p| p + from)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_within_bounds_are_untouched() {
        for page in [
            "<html><body><p>NATO <b>met</b>.</p><br><img src=x alt='<'></body></html>",
            "<p a=1 b='2' c=\"3\" d>x</p><!-- <div><div> --><script>if (a<b) {}</script>",
            "<",
            "<<<>>>",
            "</",
            "<a",
            "<a b=\"",
            "text only",
            "",
        ] {
            assert!(matches!(bound_markup(page), Cow::Borrowed(_)), "{page}");
        }
    }

    #[test]
    fn deep_nesting_is_cut_but_text_kept() {
        let depth = MAX_NESTING * 3;
        let page = format!(
            "<html><body>{}<p>Deep text.</p>{}<p>After.</p></body></html>",
            "<div class=x>".repeat(depth),
            "</div>".repeat(depth)
        );
        let out = bound_markup(&page);
        assert!(out.contains("<p>Deep text.</p>") || out.contains("Deep text."));
        assert!(
            out.contains("<p>After.</p>"),
            "what follows the deep part keeps its tags"
        );
        assert!(out.matches("<div").count() <= MAX_NESTING);
        assert_eq!(out.matches("<div").count(), out.matches("</div>").count());
    }

    #[test]
    fn attributes_past_the_limit_are_dropped() {
        let attrs: Vec<String> = (0..MAX_ATTRIBUTES * 4)
            .map(|i| format!("a{i}=\"v\""))
            .collect();
        let page = format!("<p {}>Text.</p><p>More.</p>", attrs.join(" "));
        let out = bound_markup(&page);
        assert!(out.contains(&format!("a{}=", MAX_ATTRIBUTES - 1)));
        assert!(!out.contains(&format!("a{}=", MAX_ATTRIBUTES)));
        assert!(
            out.contains(">Text.</p><p>More.</p>"),
            "{}",
            &out[out.len() - 40..]
        );
    }

    #[test]
    fn never_panics_on_fragments() {
        let page = "<div a='1' b=\"2\" c=3 /><é<div/>x</ <!- <? <!-- ";
        for end in 0..=page.len() {
            if let Some(p) = page.get(..end) {
                let _ = bound_markup(p);
            }
        }
    }
}
