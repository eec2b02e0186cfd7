//! Telling the input formats apart, by file name first and content second.

use std::fmt;

/// The formats ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One plain-text document.
    Text,
    /// One HTML page.
    Html,
    /// One JSON object per line, each a document.
    Jsonl,
    /// A Web ARChive: `response` and `resource` records holding pages.
    Warc,
    /// An RSS or Atom feed: each item or entry is a document.
    Feed,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Feed => "feed",
        })
    }
}

/// Whether `head` starts with the gzip magic bytes.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// The format of an input, from its name (`a.jsonl.gz`, `-`) and its first
/// bytes, decompressed.
///
/// A known extension decides (`.txt` text, `.html`/`.htm` HTML, `.jsonl`/
/// `.ndjson` JSONL, `.warc`/`.wet` WARC, `.rss`/`.atom` feed, each also with `.gz`);
/// otherwise, and for `.xml`, the content does: a `WARC/1.` line, a JSON
/// object, a `<rss>`/`<feed>`/`<rdf:RDF>` root, HTML tags, else text.
///
/// ```
/// use entente_ingest::{detect_format, Format};
/// assert_eq!(detect_format("news.jsonl.gz", b""), Format::Jsonl);
/// assert_eq!(detect_format("-", b"<?xml version=\"1.0\"?><rss>"), Format::Feed);
/// assert_eq!(detect_format("notes", b"NATO met today."), Format::Text);
/// ```
pub fn detect_format(name: &str, head: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = base
        .rsplit_once(['/', '\\'])
        .map_or(base, |(_, file)| file)
        .rsplit_once('.')
        .map(|(_, ext)| ext);
    match ext {
        Some("txt" | "text") => Format::Text,
        Some("html" | "htm" | "xhtml" | "shtml") => Format::Html,
        Some("jsonl" | "ndjson") => Format::Jsonl,
        Some("warc" | "wet") => Format::Warc,
        Some("rss" | "atom") => Format::Feed,
        _ => sniff(head),
    }
}

fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let head = head.trim_ascii_start();
    if head.starts_with(b"WARC/1.") {
        return Format::Warc;
    }
    if head.starts_with(b"{") {
        return Format::Jsonl;
    }
    if !head.starts_with(b"<") {
        return Format::Text;
    }
    let lower = head.to_ascii_lowercase();
    let find = |needle: &[u8]| memchr::memmem::find(&lower, needle);
    let html = [b"<html".as_slice(), b"<!doctype html", b"<head", b"<body"]
        .iter()
        .filter_map(|n| find(n))
        .min();
    let feed = [b"<rss".as_slice(), b"<feed", b"<rdf:rdf"]
        .iter()
        .filter_map(|n| find(n))
        .min();
    match (feed, html) {
        (Some(f), Some(h)) if f < h => Format::Feed,
        (Some(_), None) => Format::Feed,
        (_, Some(_)) => Format::Html,
        (None, None) => {
            let tags = [
                b"<p>".as_slice(),
                b"<p ",
                b"<div",
                b"<article",
                b"<br",
                b"<title",
            ];
            if tags.iter().any(|t| find(t).is_some()) {
                Format::Html
            } else {
                Format::Text
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides() {
        let cases = [
            ("a.txt", Format::Text),
            ("A.HTML", Format::Html),
            ("dir/a.htm.gz", Format::Html),
            ("a.jsonl.gz", Format::Jsonl),
            ("a.ndjson", Format::Jsonl),
            ("CC-NEWS-1.warc.gz", Format::Warc),
            ("a.rss", Format::Feed),
            ("a.atom", Format::Feed),
        ];
        for (name, want) in cases {
            assert_eq!(detect_format(name, b"WARC/1.0"), want, "{name}");
        }
    }

    #[test]
    fn content_decides_otherwise() {
        let cases: [(&[u8], Format); 8] = [
            (b"WARC/1.1\r\n", Format::Warc),
            (b"\n{\"id\": 1}", Format::Jsonl),
            (
                b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Format::Feed,
            ),
            (b"<rdf:RDF>", Format::Feed),
            (b"<!DOCTYPE html><html>", Format::Html),
            (b"<p>Hello</p>", Format::Html),
            (b"\xEF\xBB\xBFPlain words.", Format::Text),
            (b"<not really markup", Format::Text),
        ];
        for (head, want) in cases {
            assert_eq!(detect_format("data.xml", head), want, "{head:?}");
            assert_eq!(detect_format("-", head), want, "{head:?}");
        }
    }
}
