//! Documents as read (`RawDocument`) and as cleaned (`Document`).

use crate::span::{OffsetMap, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// Where a raw document came from: a file, and where inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file path as given, or `-` for standard input.
    pub path: String,
    /// Where in the file: `line 12` for JSONL, `record 3 at byte 5120` for
    /// WARC; `None` when the file is one document.
    pub locator: Option<String>,
}

impl Origin {
    pub fn file(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            locator: None,
        }
    }

    pub fn record(path: impl Into<String>, locator: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            locator: Some(locator.into()),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.locator {
            Some(l) => write!(f, "{} ({})", self.path, l),
            None => f.write_str(&self.path),
        }
    }
}

/// The body of a raw document, decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "body")]
pub enum Content {
    /// Plain text; paragraphs are separated by line breaks.
    Text(String),
    /// An HTML page.
    Html(String),
}

impl Content {
    pub fn as_str(&self) -> &str {
        match self {
            Content::Text(s) | Content::Html(s) => s,
        }
    }
}

/// One article as ingest read it: decoded, not yet cleaned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawDocument {
    pub origin: Origin,
    /// The id the input gave (a JSONL `id`, a WARC record id); kept as the
    /// document's external id.
    pub external_id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The publisher or feed (`source` in JSONL).
    pub source: Option<String>,
    pub content: Content,
}

impl RawDocument {
    /// A plain-text document with nothing known about it but where it came
    /// from and, when known, its publication date.
    pub fn from_text(
        origin: Origin,
        published: Option<NaiveDate>,
        text: impl Into<String>,
    ) -> RawDocument {
        RawDocument {
            origin,
            external_id: None,
            url: None,
            title: None,
            published,
            source: None,
            content: Content::Text(text.into()),
        }
    }
}

/// A stable document id: the first 16 bytes of the SHA-256 of the
/// normalised cleaned text, in hex. The same article read from two paths
/// gets the same id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl DocId {
    /// The id of a text: whitespace runs fold to one space and the ends are
    /// trimmed before hashing, so layout differences do not change it.
    pub fn from_content(text: &str) -> DocId {
        let mut h = Sha256::new();
        let mut first = true;
        for word in text.split_whitespace() {
            if !first {
                h.update(b" ");
            }
            h.update(word.as_bytes());
            first = false;
        }
        let digest = h.finalize();
        let mut s = String::with_capacity(32);
        for b in &digest[..16] {
            s.push_str(&format!("{b:02x}"));
        }
        DocId(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A kept paragraph: its span in the cleaned text and in the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Byte span in [`Document::text`].
    pub span: Span,
    /// Byte span in the original input (HTML source or raw text), when known.
    pub original: Option<Span>,
}

/// Why a piece of the input was not kept as content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropKind {
    /// A block of paragraphs standing again after its first occurrence.
    RepeatedBlock,
    /// A block of links or other articles' headlines ("READ MORE", "Related").
    RelatedLinks,
    /// Navigation, footer, share buttons, cookie notices and other page chrome.
    Boilerplate,
    /// Nothing left after normalisation.
    Empty,
}

/// A piece of the input that cleaning removed, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    pub kind: DropKind,
    pub reason: String,
    pub text: String,
    pub original: Option<Span>,
}

/// A link or headline of another article, found in a related-links block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedLink {
    pub text: String,
    pub url: Option<String>,
}

/// A cleaned article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    pub origin: Origin,
    pub external_id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    /// Kept paragraphs joined by a blank line (`"\n\n"`).
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub related_links: Vec<RelatedLink>,
    pub dropped: Vec<Dropped>,
    /// From offsets in `text` to offsets in the original input.
    pub offsets: OffsetMap,
}

impl Document {
    /// The id later stages report as `doc`: the input's own id when it gave
    /// one, the content id otherwise.
    pub fn public_id(&self) -> &str {
        self.external_id.as_deref().unwrap_or(self.id.as_str())
    }

    /// The text of paragraph `i`.
    pub fn paragraph_text(&self, i: usize) -> &str {
        self.paragraphs
            .get(i)
            .map(|p| p.span.slice(&self.text))
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_id_ignores_layout() {
        let a = DocId::from_content("a b\n\nc");
        let b = DocId::from_content(" a  b \n c\n");
        assert_eq!(a, b);
        assert_eq!(a.as_str().len(), 32);
        assert_ne!(a, DocId::from_content("a b c d"));
    }

    #[test]
    fn origin_names_record() {
        assert_eq!(
            Origin::record("x.jsonl", "line 3").to_string(),
            "x.jsonl (line 3)"
        );
        assert_eq!(Origin::file("a.txt").to_string(), "a.txt");
    }
}
