//! Plain text into blocks: every line is a paragraph.
//!
//! Scraped text often ends a paragraph with a single newline, so a line
//! break always ends a block; blank lines separate nothing more.

use crate::block::{Block, BlockKind};

/// The non-empty lines of `text` as blocks, with their byte spans.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let body = line.trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}']);
        let block = Block::new(BlockKind::Text, body, Some(start));
        if !block.text.is_empty() {
            out.push(block);
        }
        start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_paragraphs() {
        let src = "First line.\nSecond\r\n\n  \nThird  para.";
        let b = blocks(src);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["First line.", "Second", "Third para."]);
        let third = &b[2];
        let s = third.anchors[0].1;
        assert_eq!(&src[s..s + 5], "Third");
        assert_eq!(third.original.map(|o| o.slice(src)), Some("Third  para."));
    }
}
