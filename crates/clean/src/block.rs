//! Blocks: the paragraph-sized pieces a reader cuts its input into, before
//! the paragraph rules (repeats, link blocks) decide which are kept.

use crate::normalize::{normalize, Normalized};
use entente_core::Span;

/// What kind of element a block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text: a line of plain text, an HTML paragraph.
    Text,
    /// An HTML heading.
    Heading,
    /// An item of an HTML list that is mostly links to other pages.
    LinkItem,
}

/// A normalised block with its origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// Normalised text; never empty once built by [`Block::new`].
    pub text: String,
    /// Anchors from `text` offsets to offsets in the raw input, when the
    /// block's source bytes are known (plain text).
    pub anchors: Vec<(usize, usize)>,
    /// Span of the block's source in the raw input, when known.
    pub original: Option<Span>,
    /// The link target, for a block that is one link.
    pub url: Option<String>,
    /// Share of the block's characters inside links (HTML), 0 for text.
    pub link_density: f32,
}

impl Block {
    /// A block from source text at `base` in the raw input (`None` when the
    /// text does not stand verbatim in the input).
    pub fn new(kind: BlockKind, source: &str, base: Option<usize>) -> Block {
        let Normalized { text, anchors } = normalize(source);
        let (anchors, original) = match base {
            Some(b) => {
                let anchors = anchors.into_iter().map(|(d, s)| (d, s + b)).collect();
                (anchors, Some(Span::new(b, b + source.len())))
            }
            None => (Vec::new(), None),
        };
        Block {
            kind,
            text,
            anchors,
            original,
            url: None,
            link_density: 0.0,
        }
    }

    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}
