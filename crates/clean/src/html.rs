//! Main content out of an HTML page.
//!
//! The article container is found by `dom_smoothie` (a port of Mozilla's
//! Readability); this module walks that container and cuts it into blocks,
//! leaving out what readers never read as the article: captions, buttons,
//! forms, embedded media, and marking lists that are mostly links to other
//! pages so the link-block rule can keep them apart.

use crate::block::{Block, BlockKind};
use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};
use entente_core::lexicon::{self, PageChrome};
use std::panic::AssertUnwindSafe;

/// What the page yields: its title and the blocks of its main content.
#[derive(Debug, Clone, Default)]
pub struct HtmlContent {
    pub title: Option<String>,
    /// The page's own publication date and title (see [`crate::metadata`]).
    pub metadata: crate::metadata::PageMetadata,
    pub blocks: Vec<Block>,
}

/// A list is a list of links when at least this share of its text is link text.
const LINK_LIST_DENSITY: f32 = 0.6;
/// ... and its items have at most this many words on average.
const LINK_LIST_MAX_WORDS: usize = 20;

/// Pages nested deeper than this skip the article finder, whose scoring is
/// quadratic in depth; no real article comes near it.
const MAX_DEPTH: usize = 400;

/// Extracts title and main-content blocks from `html`. Total: a page the
/// article finder cannot read yields the text of its body.
pub fn extract(html: &str, url: Option<&str>) -> HtmlContent {
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // Markup nested or attributed beyond any real page is bounded first:
    // parsing it is quadratic.
    let html = crate::limits::bound_markup(html);
    let html = html.as_ref();
    let dom = Dom::from(html);
    let meta = crate::metadata::page_metadata(&dom);
    let mut content = extract_content(dom, html, url);
    content.metadata = meta;
    content
}

/// The article finder's title and blocks, else the body's.
fn extract_content(dom: Dom, html: &str, url: Option<&str>) -> HtmlContent {
    if !deeper_than(dom.root(), MAX_DEPTH) {
        let cfg = Config {
            // Classes and ids tell captions, bylines and share bars apart.
            keep_classes: true,
            ..Config::default()
        };
        // The article finder is a dependency: should it ever panic on a
        // page, that page falls back to its body text rather than taking
        // the pipeline down.
        let parsed = std::panic::catch_unwind(AssertUnwindSafe(|| {
            Readability::with_document(dom, url, Some(cfg)).and_then(|mut r| r.parse())
        }));
        if let Ok(Ok(article)) = parsed {
            let content = Dom::fragment(article.content);
            let title = Some(article.title).filter(|t| !t.trim().is_empty());
            return HtmlContent {
                title,
                metadata: Default::default(),
                blocks: walk_content(content.root()),
            };
        }
        // Readability consumed the tree: read the page again.
        return body_text(&Dom::from(html));
    }
    body_text(&dom)
}

/// The fallback: the page's title and the text of its whole body.
fn body_text(dom: &Dom) -> HtmlContent {
    let title = dom
        .select_single("title")
        .nodes()
        .first()
        .map(|n| n.text().to_string())
        .filter(|t| !t.trim().is_empty());
    let body = dom.select_single("body");
    let blocks = match body.nodes().first() {
        Some(b) => walk_content(*b),
        None => walk_content(dom.root()),
    };
    HtmlContent {
        title,
        metadata: Default::default(),
        blocks,
    }
}

/// True when some node under `root` is more than `limit` levels down.
fn deeper_than(root: NodeRef<'_>, limit: usize) -> bool {
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            if c.is_element() {
                stack.push((c, depth + 1));
            }
            child = c.next_sibling();
        }
    }
    false
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not read at all.
    Skip,
    /// Ends the block before and after it.
    Block(BlockKind),
    /// A list: its items may turn out to be a list of links.
    List,
    /// A link inside running text.
    Link,
    /// A line break.
    Break,
    Inline,
}

fn role(name: &str) -> Role {
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "button" | "select" | "option"
        | "input" | "textarea" | "iframe" | "object" | "embed" | "canvas" | "nav" | "form"
        | "figcaption" | "head" | "video" | "audio" | "picture" | "img" | "math" => Role::Skip,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Block(BlockKind::Heading),
        "ul" | "ol" => Role::List,
        "p" | "div" | "section" | "article" | "main" | "li" | "dl" | "dt" | "dd" | "blockquote"
        | "pre" | "table" | "thead" | "tbody" | "tr" | "td" | "th" | "figure" | "header"
        | "footer" | "aside" | "address" | "center" | "details" | "summary" | "hr" | "body"
        | "html" => Role::Block(BlockKind::Text),
        "a" => Role::Link,
        "br" => Role::Break,
        _ => Role::Inline,
    }
}

/// True when the element's class or id names page chrome.
fn is_chrome(node: &NodeRef<'_>) -> bool {
    let mut hit = false;
    for attr in ["class", "id"] {
        if let Some(v) = node.attr(attr) {
            let v = v.to_ascii_lowercase();
            hit |= v
                .split(|c: char| c.is_whitespace() || c == '_')
                .any(|token| {
                    lexicon::page_chrome(token, PageChrome::ClassWord)
                        || token
                            .split('-')
                            .any(|w| lexicon::page_chrome(w, PageChrome::ClassWord))
                });
        }
    }
    hit
}

/// A block under construction, with what the link rules need.
struct Pending {
    kind: BlockKind,
    text: String,
    link_text: usize,
    url: Option<String>,
}

struct Walker {
    blocks: Vec<Block>,
    /// Link characters and all characters of each finished block.
    link_share: Vec<(usize, usize)>,
    cur: Pending,
    /// Open lists: index of their first block.
    lists: Vec<usize>,
    /// Depth of open links, and the href of the outermost.
    in_link: usize,
    href: Option<String>,
}

impl Walker {
    fn flush(&mut self) {
        let kind = self.cur.kind;
        let p = std::mem::replace(
            &mut self.cur,
            Pending {
                kind: BlockKind::Text,
                text: String::new(),
                link_text: 0,
                url: None,
            },
        );
        if p.text.trim().is_empty() {
            self.cur.kind = kind;
            return;
        }
        let mut block = Block::new(p.kind, &p.text, None);
        if block.text.is_empty() {
            return;
        }
        let chars = p.text.chars().filter(|c| !c.is_whitespace()).count();
        block.url = p.url;
        if chars > 0 {
            block.link_density = p.link_text.min(chars) as f32 / chars as f32;
        }
        self.link_share.push((p.link_text, chars));
        self.blocks.push(block);
    }

    fn text(&mut self, t: &str) {
        if self.in_link > 0 {
            self.cur.link_text += t.chars().filter(|c| !c.is_whitespace()).count();
            if self.cur.url.is_none() {
                self.cur.url = self.href.clone();
            }
        }
        self.cur.text.push_str(t);
    }

    fn close_list(&mut self, first: usize) {
        let items = &self.blocks[first..];
        let shares = &self.link_share[first..];
        if items.len() < 2 {
            return;
        }
        let (links, all) = shares.iter().fold((0, 0), |(l, a), &(x, y)| (l + x, a + y));
        let words: usize = items.iter().map(Block::words).sum();
        let dense = all > 0 && links as f32 >= LINK_LIST_DENSITY * all as f32;
        if dense && words <= LINK_LIST_MAX_WORDS * items.len() {
            for (b, &(l, _)) in self.blocks[first..].iter_mut().zip(shares) {
                if l > 0 {
                    b.kind = BlockKind::LinkItem;
                }
            }
        }
    }
}

/// An element whose class reads as chrome is skipped only when it holds
/// less than this share of the container's text: a container whose own
/// class says "story-share-wrapper" is still the article.
const MAX_CHROME_SHARE: f32 = 0.5;

/// Cuts the article container into blocks, leaving out chrome.
fn walk_content(root: NodeRef<'_>) -> Vec<Block> {
    let all = root.text().len();
    walk_with(root, Some((all as f32 * MAX_CHROME_SHARE) as usize))
}

/// Cuts the subtree under `root` into blocks, chrome and all.
#[cfg(test)]
fn walk(root: NodeRef<'_>) -> Vec<Block> {
    walk_with(root, None)
}

/// `skip_chrome`: skip chrome elements holding fewer bytes of text than this.
fn walk_with(root: NodeRef<'_>, skip_chrome: Option<usize>) -> Vec<Block> {
    let mut w = Walker {
        blocks: Vec::new(),
        link_share: Vec::new(),
        cur: Pending {
            kind: BlockKind::Text,
            text: String::new(),
            link_text: 0,
            url: None,
        },
        lists: Vec::new(),
        in_link: 0,
        href: None,
    };
    // An explicit stack: deeply nested garbage must not overflow the call stack.
    let mut stack: Vec<(NodeRef<'_>, bool)> = vec![(root, false)];
    while let Some((node, exiting)) = stack.pop() {
        if node.is_text() {
            w.text(&node.text());
            continue;
        }
        if !node.is_element() && !node.is_document() && !node.is_fragment() {
            continue;
        }
        let name = node.node_name();
        let mut r = name.as_deref().map_or(Role::Inline, role);
        if let Some(max) = skip_chrome {
            if !exiting
                && r != Role::Skip
                && node.is_element()
                && is_chrome(&node)
                && node.text().len() < max
            {
                r = Role::Skip;
            }
        }
        if exiting {
            match r {
                Role::Block(_) => w.flush(),
                Role::List => {
                    w.flush();
                    if let Some(first) = w.lists.pop() {
                        w.close_list(first);
                    }
                }
                Role::Link => {
                    w.in_link = w.in_link.saturating_sub(1);
                    if w.in_link == 0 {
                        w.href = None;
                    }
                }
                _ => {}
            }
            continue;
        }
        match r {
            Role::Skip => continue,
            Role::Break => {
                w.flush();
                continue;
            }
            Role::Block(kind) => {
                w.flush();
                w.cur.kind = kind;
            }
            Role::List => {
                w.flush();
                w.lists.push(w.blocks.len());
            }
            Role::Link => {
                if w.in_link == 0 {
                    w.href = node.attr("href").map(|h| h.to_string());
                }
                w.in_link += 1;
            }
            Role::Inline => {}
        }
        stack.push((node, true));
        let children: Vec<NodeRef<'_>> = node.children_it(true).collect();
        stack.extend(children.into_iter().map(|c| (c, false)));
    }
    w.flush();
    w.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn walks_paragraphs_and_skips_scripts() {
        let dom = Dom::from(
            "<body><p>One <b>bold</b> line.</p><script>x()</script><p>Two<br>lines</p></body>",
        );
        let b = walk(dom.root());
        assert_eq!(texts(&b), ["One bold line.", "Two", "lines"]);
    }

    #[test]
    fn chrome_classes_are_skipped_but_not_the_container() {
        let body = "<p>The body paragraph is long enough to be most of the text here, by far the most.</p>";
        let dom = Dom::from(format!(
            "<div class='story-share-wrapper'>{body}<div class='byline'>By Someone</div>\
             <div class='rail__item'>Other story</div></div>"
        ));
        let b = walk_content(dom.root());
        assert_eq!(
            b.len(),
            1,
            "help: chrome inside is skipped: {:?}",
            texts(&b)
        );
        assert!(b[0].text.starts_with("The body paragraph"));
    }

    #[test]
    fn link_lists_are_marked() {
        let dom = Dom::from(
            "<body><p>Body text here.</p><ul><li><a href='/a'>Headline A</a></li><li><a href='/b'>Headline B</a></li></ul>\
             <ul><li>Plain item one</li><li>Plain item two</li></ul></body>",
        );
        let b = walk(dom.root());
        let kinds: Vec<BlockKind> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Text,
                BlockKind::LinkItem,
                BlockKind::LinkItem,
                BlockKind::Text,
                BlockKind::Text
            ]
        );
        assert_eq!(b[1].url.as_deref(), Some("/a"));
    }
}
