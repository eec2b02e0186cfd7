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

/// What the page yields: its title and the blocks of its main content.
#[derive(Debug, Clone, Default)]
pub struct HtmlContent {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// A list is a list of links when at least this share of its text is link text.
const LINK_LIST_DENSITY: f32 = 0.6;
/// ... and its items have at most this many words on average.
const LINK_LIST_MAX_WORDS: usize = 20;

/// Extracts title and main-content blocks from `html`. Total: a page the
/// extractor cannot read yields the text of its body.
pub fn extract(html: &str, url: Option<&str>) -> HtmlContent {
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let cfg = Config {
        max_elements_to_parse: 0,
        ..Config::default()
    };
    let parsed = Readability::new(html, url, Some(cfg)).and_then(|mut r| r.parse());
    match parsed {
        Ok(article) => {
            let dom = Dom::fragment(article.content);
            let title = Some(article.title).filter(|t| !t.trim().is_empty());
            HtmlContent {
                title,
                blocks: walk(dom.root()),
            }
        }
        Err(_) => {
            let dom = Dom::from(html);
            let title = dom
                .select_single("title")
                .nodes()
                .first()
                .map(|n| n.text().to_string())
                .filter(|t| !t.trim().is_empty());
            let body = dom.select_single("body");
            let blocks = match body.nodes().first() {
                Some(b) => walk(*b),
                None => walk(dom.root()),
            };
            HtmlContent { title, blocks }
        }
    }
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
        let (links, all) = shares
            .iter()
            .fold((0, 0), |(l, a), &(x, y)| (l + x, a + y));
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

/// Cuts the subtree under `root` into blocks.
fn walk(root: NodeRef<'_>) -> Vec<Block> {
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
        let r = name.as_deref().map_or(Role::Inline, role);
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
        let dom = Dom::from("<body><p>One <b>bold</b> line.</p><script>x()</script><p>Two<br>lines</p></body>");
        let b = walk(dom.root());
        assert_eq!(texts(&b), ["One bold line.", "Two", "lines"]);
    }

    #[test]
    fn link_lists_are_marked() {
        let dom = Dom::from(
            "<body><p>Body text here.</p><ul><li><a href='/a'>Headline A</a></li><li><a href='/b'>Headline B</a></li></ul>\
             <ul><li>Plain item one</li><li>Plain item two</li></ul></body>",
        );
        let b = walk(dom.root());
        let kinds: Vec<BlockKind> = b.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Text, BlockKind::LinkItem, BlockKind::LinkItem, BlockKind::Text, BlockKind::Text]);
        assert_eq!(b[1].url.as_deref(), Some("/a"));
    }
}
