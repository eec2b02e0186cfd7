//! Repeated blocks: a run of paragraphs that stands again is kept once.
//!
//! Scrapers and page templates repeat whole runs of paragraphs (a lead
//! block printed twice, a teaser above the body). A single short paragraph
//! may legitimately recur, though: an interviewer's "Q:", a list item,
//! "Advertisement". So a repeat is dropped only when it is a run of at least
//! two consecutive paragraphs, or one long paragraph.

use crate::block::Block;
use entente_core::{DropKind, Dropped, Span};
use std::collections::HashMap;

/// A repeated run is dropped when at most this many paragraphs separate it
/// from its earlier occurrence; farther apart, repeats are the article's
/// own structure (the same steps in two plans, a refrain).
pub const MAX_GAP: usize = 3;
/// A single paragraph repeated verbatim is dropped from this many words on.
pub const MIN_WORDS_SINGLE: usize = 20;
/// A run of paragraphs is dropped when it has at least this many words...
pub const MIN_WORDS_RUN: usize = 20;
/// ... and this many words per paragraph on average: repeated runs of short
/// labels and headings (a recipe's "Meal 2 / Eat every 2-3 hours") are
/// structure, not template repeats.
pub const MIN_MEAN_WORDS_RUN: usize = 10;

/// Prose ends a sentence; list items and recipe lines mostly do not. A
/// repeated prose paragraph far from its first occurrence is a template's
/// (a pull quote, a blurb); a repeated item is the article's structure.
fn is_prose(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ' '])
        .ends_with(['.', '!', '?'])
}

/// Removes repeated runs from `blocks`, recording each run in `dropped`.
pub fn remove(blocks: Vec<Block>, dropped: &mut Vec<Dropped>) -> Vec<Block> {
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut drop = vec![false; blocks.len()];
    let mut drops: Vec<(usize, usize, usize)> = Vec::new(); // (start, len, earlier start)
    let mut i = 0;
    while i < blocks.len() {
        let mut best: Option<(usize, usize)> = None; // (len, earlier start)
        if let Some(earlier) = seen.get(blocks[i].text.as_str()) {
            for &j in earlier {
                let mut len = 0;
                while j + len < i
                    && i + len < blocks.len()
                    && blocks[j + len].text == blocks[i + len].text
                {
                    len += 1;
                }
                // A run stands *again*: right after its earlier occurrence.
                if len >= 2 && i - (j + len) > MAX_GAP {
                    len = 1;
                }
                if best.is_none_or(|(l, _)| len > l) {
                    best = Some((len, j));
                }
            }
        }
        let take = match best {
            Some((len, j)) if len >= 2 => {
                let words: usize = blocks[i..i + len].iter().map(Block::words).sum();
                if words >= MIN_WORDS_RUN && words >= MIN_MEAN_WORDS_RUN * len {
                    Some((len, j))
                } else {
                    None
                }
            }
            Some((_, j))
                if blocks[i].words() >= MIN_WORDS_SINGLE
                    && (i - (j + 1) <= MAX_GAP || is_prose(&blocks[i].text)) =>
            {
                Some((1, j))
            }
            _ => None,
        };
        match take {
            Some((len, j)) => {
                drop[i..i + len].iter_mut().for_each(|d| *d = true);
                drops.push((i, len, j));
                for (k, b) in blocks.iter().enumerate().skip(i).take(len) {
                    seen.entry(b.text.as_str()).or_default().push(k);
                }
                i += len;
            }
            None => {
                seen.entry(blocks[i].text.as_str()).or_default().push(i);
                i += 1;
            }
        }
    }
    for &(start, len, earlier) in &drops {
        let run = &blocks[start..start + len];
        let text = run
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let original = run
            .iter()
            .filter_map(|b| b.original)
            .reduce(|a: Span, b| a.cover(b));
        let reason = if len == 1 {
            format!(
                "paragraph {} repeats paragraph {} verbatim",
                start + 1,
                earlier + 1
            )
        } else {
            format!(
                "paragraphs {}-{} repeat paragraphs {}-{}",
                start + 1,
                start + len,
                earlier + 1,
                earlier + len
            )
        };
        dropped.push(Dropped {
            kind: DropKind::RepeatedBlock,
            reason,
            text,
            original,
        });
    }
    blocks
        .into_iter()
        .zip(drop)
        .filter_map(|(b, d)| (!d).then_some(b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::BlockKind;

    fn run(lines: &[&str]) -> (Vec<String>, Vec<Dropped>) {
        let blocks = lines
            .iter()
            .map(|l| Block::new(BlockKind::Text, l, None))
            .collect();
        let mut dropped = Vec::new();
        let kept = remove(blocks, &mut dropped);
        (kept.into_iter().map(|b| b.text).collect(), dropped)
    }

    const LONG: &str = "This paragraph has enough words in it to count as a long paragraph that a template would repeat verbatim somewhere.";

    #[test]
    fn run_of_two_is_dropped() {
        let a = "The first paragraph of the lead has a good dozen words or so in it.";
        let b = "The second paragraph of the lead also has a dozen words or more.";
        let (kept, dropped) = run(&[a, b, "Middle.", a, b]);
        assert_eq!(kept, [a, b, "Middle."]);
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].kind, DropKind::RepeatedBlock);
        assert!(
            dropped[0].reason.contains("paragraphs 4-5"),
            "{}",
            dropped[0].reason
        );
    }

    #[test]
    fn short_single_repeat_is_kept() {
        let (kept, dropped) = run(&[
            "Q:",
            "Answer one.",
            "Q:",
            "Answer two.",
            "Advertisement",
            "Q:",
        ]);
        assert_eq!(kept.len(), 6);
        assert!(dropped.is_empty());
    }

    #[test]
    fn long_single_repeat_is_dropped() {
        let (kept, dropped) = run(&[LONG, "Other.", LONG]);
        assert_eq!(kept, [LONG, "Other."]);
        assert_eq!(dropped.len(), 1);
    }

    #[test]
    fn tiny_run_is_kept() {
        let (kept, _) = run(&["Q:", "Yes.", "Q:", "Yes."]);
        assert_eq!(
            kept.len(),
            4,
            "help: runs under MIN_WORDS_RUN words are not template repeats"
        );
    }
}
