//! Link blocks: "READ MORE", "Related", "More from ..." and lists of other
//! articles' headlines. They are kept apart as related links, never as text.
//!
//! A link block is recognised as
//! - a link heading ("READ MORE", "Related stories", ...) followed by
//!   headline-like lines or link items;
//! - an inline link line ("Read more: Other headline");
//! - a run of at least two `- ` bulleted short lines without final
//!   punctuation (with the short line above as heading, if there is one);
//! - a run of HTML list items that are mostly links.

use crate::block::{Block, BlockKind};
use entente_core::lexicon::{self, PageChrome};
use entente_core::{DropKind, Dropped, RelatedLink, Span};

/// Headlines have at most this many words.
const MAX_HEADLINE_WORDS: usize = 25;
/// Link headings have at most this many words.
const MAX_HEADING_WORDS: usize = 8;

const BULLETS: &[&str] = &["- ", "• ", "* ", "· ", "– ", "— ", "▪ ", "► ", "» "];

/// The heading key of a line: lowercased, plain apostrophes, without
/// trailing colons, arrows and dashes.
fn heading_key(text: &str) -> String {
    text.trim_end_matches([':', '»', '>', '|', '-', '–', '—', ' ', '.'])
        .trim_start_matches(['»', '>', '|', ' '])
        .to_lowercase()
        .replace('’', "'")
}

/// True when `text` is a link heading such as "READ MORE" or "More from NZ".
pub fn is_link_heading(text: &str) -> bool {
    if text.split_whitespace().count() > MAX_HEADING_WORDS {
        return false;
    }
    let key = heading_key(text);
    lexicon::page_chrome(&key, PageChrome::LinkHeading)
        || lexicon::page_chrome_phrases(PageChrome::LinkHeadingPrefix)
            .iter()
            .any(|p| key.strip_prefix(p).is_some_and(|r| r.starts_with(' ')))
}

/// "Read more: Other headline" → `Some(("Read more:", "Other headline"))`.
fn inline_link(text: &str) -> Option<(&str, &str)> {
    let cut = text.find([':', '|'])?;
    let (head, rest) = text.split_at(cut);
    let rest = rest.get(1..).unwrap_or_default().trim();
    if rest.is_empty() || rest.split_whitespace().count() > MAX_HEADLINE_WORDS {
        return None;
    }
    is_link_heading(head).then(|| (text.get(..cut + 1).unwrap_or_default(), rest))
}

fn strip_bullet(text: &str) -> Option<&str> {
    BULLETS
        .iter()
        .find_map(|b| text.strip_prefix(b))
        .map(str::trim)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ' '])
        .ends_with(['.', ':', ';', ','])
}

/// A line that reads like another article's headline.
fn is_headline(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (2..=MAX_HEADLINE_WORDS).contains(&words) && !ends_sentence(text)
}

fn is_bulleted_headline(b: &Block) -> bool {
    strip_bullet(&b.text).is_some_and(is_headline)
}

fn is_item(b: &Block) -> bool {
    b.kind == BlockKind::LinkItem || is_bulleted_headline(b)
}

fn link_of(b: &Block) -> RelatedLink {
    let text = strip_bullet(&b.text).unwrap_or(&b.text).to_string();
    RelatedLink {
        text,
        url: b.url.clone(),
    }
}

/// Removes link blocks from `blocks`, collecting their headlines in `links`
/// and recording each block in `dropped`.
pub fn remove(
    blocks: Vec<Block>,
    links: &mut Vec<RelatedLink>,
    dropped: &mut Vec<Dropped>,
) -> Vec<Block> {
    let mut role = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        // Where the block's items start and end, and whether `i` is a heading.
        let found: Option<(usize, usize)> = if is_link_heading(&b.text) {
            let mut end = i + 1;
            while end < blocks.len()
                && (is_item(&blocks[end]) || is_headline(&blocks[end].text))
                && !is_link_heading(&blocks[end].text)
            {
                end += 1;
            }
            Some((i + 1, end))
        } else if let Some((_, rest)) = inline_link(&b.text) {
            links.push(RelatedLink {
                text: rest.to_string(),
                url: b.url.clone(),
            });
            dropped.push(entry(&blocks[i..i + 1], "inline link to another article"));
            role[i] = true;
            i += 1;
            continue;
        } else if is_item(b) {
            let mut end = i + 1;
            while end < blocks.len() && is_item(&blocks[end]) {
                end += 1;
            }
            let introduced = i > 0 && !role[i - 1] && blocks[i - 1].text.ends_with(':');
            if end - i < 2 || introduced {
                // Not a link block: none of its items starts one either.
                i = end;
                continue;
            }
            Some((i, end))
        } else {
            None
        };
        let Some((start, end)) = found else {
            i += 1;
            continue;
        };
        // A short line above a headless list is its heading.
        let head = if start > i {
            i
        } else if i > 0
            && !role[i - 1]
            && blocks[i - 1].words() <= MAX_HEADING_WORDS
            && !ends_sentence(&blocks[i - 1].text)
            && (blocks[i - 1].kind == BlockKind::Heading || is_link_heading(&blocks[i - 1].text))
        {
            i - 1
        } else {
            start
        };
        links.extend(blocks[start..end].iter().map(link_of));
        let reason = if end == start {
            "link heading without links".to_string()
        } else {
            format!("{} links to other articles", end - start)
        };
        dropped.push(entry(&blocks[head..end], &reason));
        role[head..end].iter_mut().for_each(|r| *r = true);
        i = end;
    }
    blocks
        .into_iter()
        .zip(role)
        .filter_map(|(b, r)| (!r).then_some(b))
        .collect()
}

fn entry(run: &[Block], reason: &str) -> Dropped {
    Dropped {
        kind: DropKind::RelatedLinks,
        reason: reason.to_string(),
        text: run
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        original: run
            .iter()
            .filter_map(|b| b.original)
            .reduce(|a: Span, b| a.cover(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str]) -> (Vec<String>, Vec<String>, Vec<Dropped>) {
        let blocks = lines
            .iter()
            .map(|l| Block::new(BlockKind::Text, l, None))
            .collect();
        let (mut links, mut dropped) = (Vec::new(), Vec::new());
        let kept = remove(blocks, &mut links, &mut dropped);
        (
            kept.into_iter().map(|b| b.text).collect(),
            links.into_iter().map(|l| l.text).collect(),
            dropped,
        )
    }

    #[test]
    fn heading_and_bullets() {
        let (kept, links, dropped) = run(&[
            "Body one.",
            "READ MORE",
            "- Headline one here",
            "- Headline two here",
            "Body two.",
        ]);
        assert_eq!(kept, ["Body one.", "Body two."]);
        assert_eq!(links, ["Headline one here", "Headline two here"]);
        assert_eq!(dropped.len(), 1);
        assert!(dropped[0].text.starts_with("READ MORE"));
    }

    #[test]
    fn heading_and_plain_headlines() {
        let (kept, links, _) = run(&[
            "Body one.",
            "Related stories:",
            "Markets fall on rate fears",
            "Election called for May",
            "The body goes on.",
        ]);
        assert_eq!(kept, ["Body one.", "The body goes on."]);
        assert_eq!(links.len(), 2);
    }

    #[test]
    fn inline_read_more() {
        let (kept, links, _) = run(&[
            "Body.",
            "READ MORE: Markets fall on rate fears",
            "More body.",
        ]);
        assert_eq!(kept, ["Body.", "More body."]);
        assert_eq!(links, ["Markets fall on rate fears"]);
    }

    #[test]
    fn introduced_list_is_body() {
        let lines = [
            "The plan has three parts:",
            "- more troops",
            "- more ships",
            "- more money",
        ];
        let (kept, links, _) = run(&lines);
        assert_eq!(
            kept.len(),
            4,
            "help: a list introduced by a colon is content"
        );
        assert!(links.is_empty());
    }

    #[test]
    fn single_bullet_is_body() {
        let (kept, _, _) = run(&["Body.", "- One point only", "Body."]);
        assert_eq!(kept.len(), 3);
    }
}
