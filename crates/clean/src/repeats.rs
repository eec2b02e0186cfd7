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

/// How many of a paragraph's most recent earlier occurrences are tried as
/// the start of a repeated run (besides its first occurrence). Real pages
/// repeat a block a handful of times; a page of thousands of identical
/// lines must not cost thousands of comparisons per line.
const MAX_CANDIDATES: usize = 32;

/// Removes repeated runs from `blocks`, recording each run in `dropped`.
///
/// Linear in the number of paragraphs up to a log factor: paragraphs are
/// interned to ids, runs are compared through prefix hashes of the id
/// sequence (a binary search for the longest common run), and at most
/// [`MAX_CANDIDATES`] earlier occurrences are tried per paragraph.
pub fn remove(blocks: Vec<Block>, dropped: &mut Vec<Dropped>) -> Vec<Block> {
    let runs = RunIndex::new(&blocks);
    let mut seen: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut drop = vec![false; blocks.len()];
    let mut drops: Vec<(usize, usize, usize)> = Vec::new(); // (start, len, earlier start)
    let mut i = 0;
    while i < blocks.len() {
        let mut best: Option<(usize, usize)> = None; // (len, earlier start)
        if let Some(earlier) = seen.get(&runs.id(i)) {
            let recent = earlier.len().saturating_sub(MAX_CANDIDATES).max(1);
            let candidates = earlier.iter().take(1).chain(earlier.iter().skip(recent));
            for &j in candidates {
                // The run at `j` may not reach `i`.
                let mut len = runs.common_run(j, i, i - j);
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
                for k in i..i + len {
                    seen.entry(runs.id(k)).or_default().push(k);
                }
                i += len;
            }
            None => {
                seen.entry(runs.id(i)).or_default().push(i);
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

/// Paragraphs as ids, with prefix hashes of the id sequence, so that the
/// length of the common run starting at two positions is found in
/// O(log n) comparisons.
struct RunIndex {
    ids: Vec<u32>,
    /// `prefix[k]`: the hash of `ids[..k]`.
    prefix: Vec<u64>,
    /// `power[k]`: `BASE^k`.
    power: Vec<u64>,
}

/// Arithmetic modulo the Mersenne prime 2^61 - 1.
const MODULUS: u64 = (1 << 61) - 1;
const BASE: u64 = 1_000_003;

fn mul_mod(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    let folded = (p & u128::from(MODULUS)) + (p >> 61);
    u64::try_from(folded % u128::from(MODULUS)).unwrap_or(0)
}

impl RunIndex {
    fn new(blocks: &[Block]) -> RunIndex {
        let mut interned: HashMap<&str, u32> = HashMap::new();
        let ids: Vec<u32> = blocks
            .iter()
            .map(|b| {
                let next = u32::try_from(interned.len()).unwrap_or(u32::MAX);
                *interned.entry(b.text.as_str()).or_insert(next)
            })
            .collect();
        let mut prefix = Vec::with_capacity(ids.len() + 1);
        let mut power = Vec::with_capacity(ids.len() + 1);
        prefix.push(0u64);
        power.push(1u64);
        for (k, &id) in ids.iter().enumerate() {
            let h = (mul_mod(prefix[k], BASE) + u64::from(id) + 1) % MODULUS;
            prefix.push(h);
            power.push(mul_mod(power[k], BASE));
        }
        RunIndex { ids, prefix, power }
    }

    fn id(&self, k: usize) -> u32 {
        self.ids.get(k).copied().unwrap_or(u32::MAX)
    }

    /// The hash of `ids[from..from + len]`.
    fn hash(&self, from: usize, len: usize) -> u64 {
        let whole = self.prefix[from + len];
        let head = mul_mod(self.prefix[from], self.power[len]);
        (whole + MODULUS - head) % MODULUS
    }

    /// How many paragraphs from `a` and from `b` (`a < b`) are the same, at
    /// most `cap`.
    fn common_run(&self, a: usize, b: usize, cap: usize) -> usize {
        let cap = cap.min(self.ids.len() - b);
        // The longest `len <= cap` whose runs hash alike (a collision
        // modulo 2^61 - 1 is as good as impossible for page-sized input).
        let (mut lo, mut hi) = (0, cap);
        while lo < hi {
            let mid = lo + (hi - lo).div_ceil(2);
            if self.hash(a, mid) == self.hash(b, mid) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lo
    }
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

#[cfg(test)]
mod scale {
    use super::*;
    use crate::block::BlockKind;

    fn blocks(lines: &[String]) -> Vec<Block> {
        lines
            .iter()
            .map(|l| Block::new(BlockKind::Text, l, None))
            .collect()
    }

    #[test]
    fn common_runs_agree_with_a_direct_comparison() {
        let lines: Vec<String> = "a b a b c a b a b c d a b"
            .split(' ')
            .map(String::from)
            .collect();
        let bs = blocks(&lines);
        let runs = RunIndex::new(&bs);
        for a in 0..lines.len() {
            for b in a + 1..lines.len() {
                let direct = lines[a..]
                    .iter()
                    .zip(&lines[b..])
                    .take(b - a)
                    .take_while(|(x, y)| x == y)
                    .count();
                assert_eq!(runs.common_run(a, b, b - a), direct, "{a} {b}");
            }
        }
    }

    #[test]
    fn thousands_of_identical_lines_are_kept_once_per_run() {
        // One word each: too short to be a template repeat, so all stay;
        // what matters is that this finishes (it once took 99 s).
        let lines: Vec<String> = (0..8000).map(|_| "NATO.".to_string()).collect();
        let mut dropped = Vec::new();
        let kept = remove(blocks(&lines), &mut dropped);
        assert_eq!(kept.len(), 8000);
        // Long identical paragraphs: the repeats go.
        let long = "This paragraph has enough words in it to count as a long paragraph that a template would repeat verbatim somewhere.";
        let lines: Vec<String> = (0..8000).map(|_| long.to_string()).collect();
        let mut dropped = Vec::new();
        let kept = remove(blocks(&lines), &mut dropped);
        assert_eq!(kept.len(), 1);
    }
}
