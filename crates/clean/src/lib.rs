//! The clean stage: a [`RawDocument`] becomes a [`Document`] of kept
//! paragraphs, with offsets back to the input.
//!
//! What it does, in order:
//! 1. **Main content.** From HTML, the title and the body paragraphs of the
//!    article (the container is found by `dom_smoothie`, a Readability port;
//!    this crate cuts it into paragraphs and drops captions, forms,
//!    embedded media, elements whose class names chrome (share bars,
//!    bylines, galleries) and chrome lines (datelines, photo credits,
//!    "Advertisement"). Plain text is cut at line breaks: one line, one
//!    paragraph, and keeps every line that is not a link block or a repeat.
//! 2. **Normalisation.** Unicode NFC, whitespace runs folded, zero-width and
//!    control characters removed, no-break spaces made spaces. Curly quotes
//!    and dashes are kept as they are.
//! 3. **Link blocks.** "READ MORE", "Related", bulleted headline lists and
//!    link-dense HTML lists go to [`Document::related_links`], never to the
//!    text.
//! 4. **Repeated blocks.** A run of paragraphs standing again is kept once;
//!    a single short paragraph that recurs ("Q:") is kept every time.
//!
//! Everything removed is listed in [`Document::dropped`] with a reason.
//! Offsets: for plain text [`Document::offsets`] maps every byte back
//! exactly; for HTML each paragraph is aligned with the page source
//! ([`source`]), stepping over tags and character references, best effort.
//! Cleaning is total: any input gives a document, perhaps an empty one.
//!
//! It does not detect the language, split sentences or find duplicates
//! across documents; later stages do.
//!
//! The types that matter: [`clean`], [`eval::score_page`] and
//! [`eval::run_benchmark`] for the extraction benchmark, and
//! [`decode::decode_html`] for page bytes.
//!
//! ```
//! use entente_core::{Content, Origin, RawDocument};
//! let raw = RawDocument {
//!     origin: Origin::file("a.txt"),
//!     external_id: None,
//!     url: None,
//!     title: None,
//!     published: None,
//!     source: None,
//!     content: Content::Text(
//!         "NATO agreed.\nREAD MORE\n- Other story here\n- Another story\nChina  urged.\n".into(),
//!     ),
//! };
//! let doc = entente_clean::clean(&raw);
//! assert_eq!(doc.text, "NATO agreed.\n\nChina urged.");
//! assert_eq!(doc.related_links.len(), 2);
//! // Every paragraph maps back to where it stood in the input.
//! let second = doc.paragraphs[1].span;
//! let start = doc.offsets.to_original(second.start);
//! assert_eq!(&raw.content.as_str()[start..start + 5], "China");
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]

pub mod block;
pub mod boilerplate;
pub mod decode;
pub mod eval;
pub mod html;
pub mod limits;
pub mod metadata;
pub mod normalize;
pub mod plain;
pub mod related;
pub mod repeats;
pub mod source;
mod title;

use block::Block;
use entente_core::{Content, DocId, Document, OffsetMap, Paragraph, RawDocument, Span};

pub use title::clean_title;

/// Cleans one raw document. Total: never fails, never panics on any input.
pub fn clean(raw: &RawDocument) -> Document {
    // A date the input gave (a feed's, a record's, `--published`) wins
    // over the page's own.
    let (title, published, blocks) = match &raw.content {
        Content::Text(t) => (raw.title.clone(), raw.published, plain::blocks(t)),
        Content::Html(h) => {
            let c = html::extract(h, raw.url.as_deref());
            let title = c.title.or_else(|| raw.title.clone()).or(c.metadata.title);
            (title, raw.published.or(c.metadata.published), c.blocks)
        }
    };
    let title = title.map(|t| clean_title(&t)).filter(|t| !t.is_empty());
    let mut dropped = Vec::new();
    let mut related_links = Vec::new();
    let blocks = match &raw.content {
        Content::Html(_) => boilerplate::remove(blocks, &mut related_links, &mut dropped),
        Content::Text(_) => blocks,
    };
    let blocks = related::remove(blocks, &mut related_links, &mut dropped);
    let blocks = repeats::remove(blocks, &mut dropped);
    let (text, paragraphs, offsets) = match &raw.content {
        Content::Text(_) => assemble(&blocks),
        Content::Html(h) => assemble_html(&blocks, h),
    };
    // Every article has a title: its first sentence when it has none.
    let title =
        title.or_else(|| Some(entente_core::text::headline(&text)).filter(|t| !t.is_empty()));
    Document {
        id: DocId::from_content(&text),
        origin: raw.origin.clone(),
        external_id: raw.external_id.clone(),
        url: raw.url.clone(),
        title,
        published,
        source: raw.source.clone(),
        text,
        paragraphs,
        related_links,
        dropped,
        offsets,
    }
}

const SEPARATOR: &str = "\n\n";

/// Joins blocks whose anchors point into the raw input.
fn assemble(blocks: &[Block]) -> (String, Vec<Paragraph>, OffsetMap) {
    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut offsets = OffsetMap::new();
    for b in blocks {
        if !text.is_empty() {
            text.push_str(SEPARATOR);
        }
        let start = text.len();
        text.push_str(&b.text);
        for &(d, o) in &b.anchors {
            offsets.push(start + d, o);
        }
        paragraphs.push(Paragraph {
            span: Span::new(start, text.len()),
            original: b.original,
        });
    }
    (text, paragraphs, offsets)
}

/// Joins HTML blocks, aligning each paragraph with the page source where it
/// stands there (best effort: see [`source`]); a paragraph not found has no
/// original span and maps to the last anchor before it.
fn assemble_html(blocks: &[Block], page: &str) -> (String, Vec<Paragraph>, OffsetMap) {
    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut offsets = OffsetMap::new();
    let mut cursor = source::body_start(page);
    for b in blocks {
        if !text.is_empty() {
            text.push_str(SEPARATOR);
        }
        let start = text.len();
        text.push_str(&b.text);
        let found = source::align(page, &b.text, cursor);
        let original = found.map(|a| {
            for &(d, o) in &a.anchors {
                offsets.push(start + d, o);
            }
            cursor = a.span.end;
            a.span
        });
        paragraphs.push(Paragraph {
            span: Span::new(start, text.len()),
            original,
        });
    }
    (text, paragraphs, offsets)
}
