//! Byte spans and the map from cleaned-text offsets back to the original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into some text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    ///
    /// A span that does not fit `text`, or that does not fall on character
    /// boundaries, is a bug in whatever made it: debug builds (and so every
    /// test) panic on it; release builds return `""` rather than take the
    /// document down. Use [`Span::get`] where a bad span is expected.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        let got = text.get(self.start..self.end);
        debug_assert!(
            got.is_some(),
            "span {}..{} does not fit a text of {} bytes on character boundaries",
            self.start,
            self.end,
            text.len()
        );
        got.unwrap_or_default()
    }

    /// The text this span covers, or `None` when it does not fit `text` or
    /// does not fall on character boundaries.
    pub fn get<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// Maps byte offsets of a derived (cleaned, normalised) text back to byte
/// offsets of the text it was derived from.
///
/// It is a sorted list of anchor pairs `(derived, original)`: each anchor says
/// that the derived text at `derived` continues the original at `original`,
/// byte for byte, until the next anchor. Derived bytes that were inserted
/// (a paragraph separator, a normalised quote) map to the nearest anchor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// The identity map.
    pub fn identity() -> Self {
        OffsetMap {
            anchors: vec![(0, 0)],
        }
    }

    /// Records that derived offset `derived` corresponds to original offset
    /// `original`. Anchors must be pushed in increasing `derived` order.
    pub fn push(&mut self, derived: usize, original: usize) {
        if let Some(&(d, o)) = self.anchors.last() {
            // Skip anchors implied by the previous one.
            if derived >= d && derived - d == original.wrapping_sub(o) {
                return;
            }
            if derived < d {
                return;
            }
            if derived == d {
                self.anchors.pop();
            }
        }
        self.anchors.push((derived, original));
    }

    /// The original offset of derived offset `at`.
    pub fn to_original(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(d, _)| d <= at);
        if i == 0 {
            return at;
        }
        let (d, o) = self.anchors[i - 1];
        o + (at - d)
    }

    /// The original span of a derived span.
    pub fn span_to_original(&self, span: Span) -> Span {
        let start = self.to_original(span.start);
        let end = self.to_original(span.end).max(start);
        Span::new(start, end)
    }

    pub fn anchors(&self) -> &[(usize, usize)] {
        &self.anchors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_basics() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(s.contains(Span::new(3, 4)));
        assert!(!s.contains(Span::new(1, 4)));
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert_eq!(s.cover(Span::new(7, 9)), Span::new(2, 9));
        assert_eq!(s.slice("abcdefg"), "cde");
        assert_eq!(Span::new(3, 99).get("abc"), None);
        assert_eq!(Span::new(1, 2).get("“"), None);
        assert_eq!(Span::new(0, 3).get("“"), Some("“"));
    }

    #[test]
    fn offset_map_follows_anchors() {
        // original: "xx Hello  world", derived: "Hello world"
        let mut m = OffsetMap::new();
        m.push(0, 3);
        m.push(6, 10);
        assert_eq!(m.to_original(0), 3);
        assert_eq!(m.to_original(4), 7);
        assert_eq!(m.to_original(6), 10);
        assert_eq!(m.to_original(10), 14);
        assert_eq!(m.span_to_original(Span::new(6, 11)), Span::new(10, 15));
    }

    #[test]
    fn offset_map_drops_implied_anchors() {
        let mut m = OffsetMap::identity();
        m.push(5, 5);
        m.push(9, 9);
        assert_eq!(m.anchors().len(), 1);
    }
}
