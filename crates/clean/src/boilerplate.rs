//! Page chrome that survives the article finder, recognised line by line:
//! bylines and datelines, photo credits, "Advertisement" slugs, and single
//! links to other articles set between paragraphs.
//!
//! Only HTML goes through these rules: a plain-text article has already
//! been cut from its page, and a line like "Advertisement" there may be
//! what the author wrote.

use crate::block::{Block, BlockKind};
use entente_core::lexicon::{self, PageChrome};
use entente_core::{DropKind, Dropped, RelatedLink};

/// Chrome lines are short.
const MAX_CHROME_WORDS: usize = 14;

/// True when `rest` (what follows "Updated") opens with a date or time.
fn starts_date(rest: &str) -> bool {
    if rest.trim_start().starts_with(':') {
        return true;
    }
    let first = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    first.starts_with(|c: char| c.is_ascii_digit())
        || lexicon::page_chrome(first, PageChrome::DateWord)
        || lexicon::month(first).is_some()
        || lexicon::weekday(first).is_some()
}

fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// Why a block is chrome, if it is.
pub fn chrome_reason(b: &Block) -> Option<&'static str> {
    let words = b.words();
    if words > MAX_CHROME_WORDS {
        return None;
    }
    let lower = b.text.to_lowercase();
    let line = lower.trim_start_matches(['|', ' ', '-', '–', '•']);
    if lexicon::page_chrome(line.trim_end_matches([':', '.', ' ']), PageChrome::UiLine) {
        return Some("interface text");
    }
    if lexicon::page_chrome_phrases(PageChrome::CreditStart)
        .iter()
        .any(|c| line.starts_with(c))
    {
        return Some("photo credit");
    }
    if line.starts_with("image ") && line.contains(" of ") && has_digit(line) && words <= 5 {
        return Some("gallery counter");
    }
    let dated = has_digit(line) || line.contains(" ago");
    for start in lexicon::page_chrome_phrases(PageChrome::BylineStart) {
        if let Some(rest) = line.strip_prefix(start) {
            if !rest.starts_with([' ', ':']) {
                continue;
            }
            if *start == "by" {
                // "By Name Surname" and "By Name - 11/18/19 11:04 PM".
                if words <= 8 && !b.text.ends_with(['.', '!', '?']) {
                    return Some("byline");
                }
            } else if dated && starts_date(rest) {
                return Some("dateline");
            }
        }
    }
    None
}

/// A single link set between paragraphs as a capitalised headline
/// ("CLICK HERE TO GET THE APP", another story's title in capitals): a
/// related link. Links in ordinary case are often the article's own
/// (a shop link in a review, a source URL) and stay.
fn is_lone_link(b: &Block) -> bool {
    let (upper, letters) = b
        .text
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(u, l), c| {
            (u + usize::from(c.is_uppercase()), l + 1)
        });
    b.kind != BlockKind::Heading
        && b.link_density >= 0.8
        && (3..=25).contains(&b.words())
        && upper * 10 >= letters * 8
        && !b.text.ends_with(['.', ':', ';', ','])
}

/// A block that is (almost) all link.
fn is_linked(b: &Block) -> bool {
    b.link_density >= 0.8 && b.words() <= 25
}

/// Consecutive linked blocks from this many on are a list of links, even
/// when the page did not mark them up as a list.
const MIN_LINK_RUN: usize = 3;

/// Removes chrome lines and lone links from HTML blocks.
pub fn remove(
    blocks: Vec<Block>,
    links: &mut Vec<RelatedLink>,
    dropped: &mut Vec<Dropped>,
) -> Vec<Block> {
    // Runs of linked blocks become link items for the related-links rule.
    let mut blocks = blocks;
    let mut i = 0;
    while i < blocks.len() {
        if is_linked(&blocks[i]) {
            let end = i + blocks[i..].iter().take_while(|b| is_linked(b)).count();
            if end - i >= MIN_LINK_RUN {
                for b in &mut blocks[i..end] {
                    b.kind = BlockKind::LinkItem;
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    let mut kept = Vec::with_capacity(blocks.len());
    for b in blocks {
        if let Some(reason) = chrome_reason(&b) {
            dropped.push(Dropped {
                kind: DropKind::Boilerplate,
                reason: reason.to_string(),
                text: b.text,
                original: b.original,
            });
        } else if b.kind != BlockKind::LinkItem && is_lone_link(&b) {
            links.push(RelatedLink {
                text: b.text.clone(),
                url: b.url.clone(),
            });
            dropped.push(Dropped {
                kind: DropKind::RelatedLinks,
                reason: "a lone link to another page".to_string(),
                text: b.text,
                original: b.original,
            });
        } else {
            kept.push(b);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        line: &'static str,
        chrome: bool,
    }

    const CASES: &[Case] = &[
        Case {
            line: "By Justine Coleman - 11/18/19 11:04 PM EST",
            chrome: true,
        },
        Case {
            line: "PUBLISHED: 10:48, Tue, Nov 19, 2019",
            chrome: true,
        },
        Case {
            line: "| UPDATED: 11:05, Tue, Nov 19, 2019",
            chrome: true,
        },
        Case {
            line: "Published 1 day ago",
            chrome: true,
        },
        Case {
            line: "Updated at 1:23 p.m.",
            chrome: true,
        },
        Case {
            line: "(Image: © NASA/ESA/K. Retherford/SWRI)",
            chrome: true,
        },
        Case {
            line: "Advertisement",
            chrome: true,
        },
        Case {
            line: "Continue Reading Below",
            chrome: true,
        },
        Case {
            line: "Image 1 of 8",
            chrome: true,
        },
        Case {
            line: "By the end of the week the talks had collapsed.",
            chrome: false,
        },
        Case {
            line: "Published reports said 12 people died in the attack on Monday.",
            chrome: false,
        },
        Case {
            line: "The share price fell.",
            chrome: false,
        },
        Case {
            line: "Updated figures are expected next week.",
            chrome: false,
        },
    ];

    #[test]
    fn runs_of_links_are_related_links() {
        let mut blocks = vec![Block::new(
            BlockKind::Text,
            "The body of the story goes here.",
            None,
        )];
        for t in ["Other story one", "Other story two", "Other story three"] {
            let mut b = Block::new(BlockKind::Text, t, None);
            b.link_density = 1.0;
            blocks.push(b);
        }
        let (mut links, mut dropped) = (Vec::new(), Vec::new());
        let kept = remove(blocks, &mut links, &mut dropped);
        assert_eq!(kept.len(), 4);
        assert!(kept[1..].iter().all(|b| b.kind == BlockKind::LinkItem));
    }

    #[test]
    fn capitalised_lone_link_is_a_related_link() {
        let mut b = Block::new(BlockKind::Text, "CLICK HERE TO GET THE APP", None);
        b.link_density = 1.0;
        let mut shop = Block::new(BlockKind::Text, "Get it on Amazon for $39", None);
        shop.link_density = 1.0;
        let (mut links, mut dropped) = (Vec::new(), Vec::new());
        let kept = remove(vec![b, shop], &mut links, &mut dropped);
        assert_eq!(links.len(), 1);
        assert_eq!(kept.len(), 1, "help: links in ordinary case stay");
    }

    #[test]
    fn table() {
        for c in CASES {
            let b = Block::new(BlockKind::Text, c.line, None);
            assert_eq!(chrome_reason(&b).is_some(), c.chrome, "line {:?}", c.line);
        }
    }
}
