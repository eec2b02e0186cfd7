//! RSS 2.0, RSS 1.0 and Atom feeds: each item or entry with content is a document.
//!
//! Feeds are XML but their text is often written as HTML: `&nbsp;` and
//! `&eacute;` are not XML entities, and a strict unescape refuses the whole
//! text. Text and attribute values are therefore decoded with HTML's named
//! entities as well as XML's and numeric ones; an entity nobody defines
//! (`&bogus;`) is kept as written.
//!
//! A date that does not parse (see [`parse_publication_date`]) is dropped
//! with a warning and the item is still read: `updated` stands in for a bad
//! `pubDate` as it does for a missing one.

use crate::error::IngestError;
use chrono::NaiveDate;
use entente_core::published::parse_publication_date;
use entente_core::{Content, Origin, RawDocument};
use quick_xml::escape::resolve_html5_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The longest entity name decoded (HTML's longest is 31 bytes); a longer
/// `&...;` is text.
const MAX_ENTITY_LEN: usize = 40;

/// The item fields ingest keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Id,
    Summary,
    Encoded,
    Content { text: bool },
    Published,
    Updated,
    FeedTitle,
}

impl Field {
    fn of(name: &str) -> Option<Field> {
        Some(match name {
            "title" => Field::Title,
            "link" => Field::Link,
            "guid" | "id" => Field::Id,
            "description" | "summary" => Field::Summary,
            "content:encoded" => Field::Encoded,
            "content" => Field::Content { text: false },
            "pubDate" | "published" | "dc:date" | "dcterms:issued" | "dcterms:created" => {
                Field::Published
            }
            "updated" | "dcterms:modified" => Field::Updated,
            _ => return None,
        })
    }
}

#[derive(Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    id: Option<String>,
    summary: Option<String>,
    encoded: Option<String>,
    content: Option<(String, bool)>,
    published: Option<String>,
    updated: Option<String>,
}

impl Item {
    fn set(&mut self, field: Field, value: String) {
        let value = value.trim().to_string();
        if value.is_empty() {
            return;
        }
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Link => &mut self.link,
            Field::Id => &mut self.id,
            Field::Summary => &mut self.summary,
            Field::Encoded => &mut self.encoded,
            Field::Published => &mut self.published,
            Field::Updated => &mut self.updated,
            Field::Content { text } => {
                self.content.get_or_insert((value, text));
                return;
            }
            Field::FeedTitle => return,
        };
        slot.get_or_insert(value);
    }

    fn into_document(self, origin: Origin, source: Option<String>) -> Option<RawDocument> {
        let content = match (self.encoded, self.content, self.summary) {
            (Some(html), _, _) => Content::Html(html),
            (None, Some((text, true)), _) => Content::Text(text),
            (None, Some((html, false)), _) => Content::Html(html),
            (None, None, Some(html)) => Content::Html(html),
            (None, None, None) => return None,
        };
        let published = item_date(&origin, "published", self.published.as_deref())
            .or_else(|| item_date(&origin, "updated", self.updated.as_deref()));
        // An RSS guid is often the permalink.
        let url = self.link.or_else(|| {
            self.id
                .clone()
                .filter(|id| id.starts_with("http://") || id.starts_with("https://"))
        });
        Some(RawDocument {
            origin,
            external_id: self.id,
            url,
            title: self.title,
            published,
            source,
            content,
        })
    }
}

/// An item's date, or `None` with a warning when it is given but bad.
fn item_date(origin: &Origin, field: &str, value: Option<&str>) -> Option<NaiveDate> {
    match parse_publication_date(value?) {
        Ok(d) => Some(d),
        Err(e) => {
            tracing::warn!("{origin}: ignoring the {field} date: {e}");
            None
        }
    }
}

/// Decodes the entity and character references of feed text: XML's, HTML's
/// named ones and numeric ones. A reference to nothing (`&bogus;`, `&#0;`
/// becomes U+FFFD as in HTML) or an unterminated `&` is kept as written.
pub(crate) fn decode_entities(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('&') {
        return raw.into();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some((text, tail)) = rest.split_once('&') {
        out.push_str(text);
        let name = tail
            .split_once(';')
            .map(|(name, _)| name)
            .filter(|name| name.len() <= MAX_ENTITY_LEN);
        let decoded = name.and_then(|name| match name.strip_prefix('#') {
            Some(number) => char_reference(number),
            None => resolve_html5_entity(name).map(str::to_string),
        });
        match (name, decoded) {
            (Some(name), Some(value)) => {
                out.push_str(&value);
                // `name` and `;` are ASCII-delimited: the cut is on a boundary.
                rest = tail.get(name.len() + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// `#233`/`#xE9` without the `&#`: the character, U+FFFD for a number that
/// is no character (zero, a surrogate, past U+10FFFF), `None` for no number.
fn char_reference(number: &str) -> Option<String> {
    let (digits, radix) = match number.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16),
        None => (number, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let c = u32::from_str_radix(digits, radix)
        .ok()
        .filter(|&c| c != 0)
        .and_then(char::from_u32)
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    Some(c.to_string())
}

/// Prefixes that stand for the feed's own vocabulary: `atom:link` is `link`.
fn normalise(qname: &[u8]) -> String {
    let name = String::from_utf8_lossy(qname);
    match name.split_once(':') {
        Some(("atom" | "a10", local)) => local.to_string(),
        _ => name.into_owned(),
    }
}

fn attribute(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key.as_bytes())
        .map(|a| decode_entities(&String::from_utf8_lossy(&a.value)).into_owned())
}

/// Reads the items of a decoded feed. Items read before a syntax error are
/// kept; the error comes last.
pub(crate) fn read_feed(path: &str, xml: &str) -> Vec<Result<RawDocument, IngestError>> {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.expand_empty_elements = true;

    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut item: Option<(Item, usize)> = None;
    let mut capture: Option<(Field, usize, String)> = None;
    let mut feed_title: Option<String> = None;
    let mut items = 0u64;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                out.push(Err(IngestError::Feed {
                    path: path.to_string(),
                    offset: reader.error_position(),
                    reason: e.to_string(),
                }));
                break;
            }
        };
        match event {
            Event::Eof => {
                if item.is_some() {
                    out.push(Err(IngestError::Feed {
                        path: path.to_string(),
                        offset: reader.buffer_position(),
                        reason: format!("the file ends inside item {}", items + 1),
                    }));
                }
                break;
            }
            Event::Start(e) => {
                let name = normalise(e.name().as_ref());
                let depth = stack.len();
                if item.is_none() && (name == "item" || name == "entry") {
                    item = Some((Item::default(), depth));
                } else if let Some((it, item_depth)) = item.as_mut() {
                    if depth == *item_depth + 1 && capture.is_none() {
                        match Field::of(&name) {
                            Some(Field::Link) if attribute(&e, "href").is_some() => {
                                let rel = attribute(&e, "rel");
                                if matches!(rel.as_deref(), None | Some("alternate")) {
                                    if let Some(href) = attribute(&e, "href") {
                                        it.set(Field::Link, href);
                                    }
                                }
                            }
                            Some(Field::Content { .. }) => {
                                let kind = attribute(&e, "type").unwrap_or_default();
                                if kind == "xhtml" {
                                    match reader.read_text(e.name()) {
                                        Ok(inner) => it.set(
                                            Field::Content { text: false },
                                            inner.into_owned(),
                                        ),
                                        Err(err) => {
                                            out.push(Err(IngestError::Feed {
                                                path: path.to_string(),
                                                offset: reader.error_position(),
                                                reason: err.to_string(),
                                            }));
                                            break;
                                        }
                                    }
                                    continue;
                                }
                                let text = kind == "text" || kind == "text/plain";
                                capture = Some((Field::Content { text }, depth, String::new()));
                            }
                            Some(field) => capture = Some((field, depth, String::new())),
                            None => {}
                        }
                    }
                } else if name == "title"
                    && feed_title.is_none()
                    && matches!(stack.last().map(String::as_str), Some("channel" | "feed"))
                {
                    capture = Some((Field::FeedTitle, depth, String::new()));
                }
                stack.push(name);
            }
            Event::Text(t) => {
                if let Some((_, _, text)) = capture.as_mut() {
                    text.push_str(&decode_entities(&String::from_utf8_lossy(&t)));
                }
            }
            Event::CData(c) => {
                if let Some((_, _, text)) = capture.as_mut() {
                    text.push_str(&String::from_utf8_lossy(&c));
                }
            }
            Event::End(_) => {
                stack.pop();
                let depth = stack.len();
                if capture.as_ref().is_some_and(|(_, d, _)| *d == depth) {
                    if let Some((field, _, text)) = capture.take() {
                        match (field, item.as_mut()) {
                            (Field::FeedTitle, _) => {
                                feed_title = Some(text.trim().to_string()).filter(|t| !t.is_empty())
                            }
                            (_, Some((it, _))) => it.set(field, text),
                            (_, None) => {}
                        }
                    }
                }
                if item.as_ref().is_some_and(|(_, d)| *d == depth) {
                    if let Some((it, _)) = item.take() {
                        items += 1;
                        let origin = Origin::record(path, format!("item {items}"));
                        if let Some(doc) = it.into_document(origin, feed_title.clone()) {
                            out.push(Ok(doc));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atom_xhtml_content_keeps_markup() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><title>T</title><link rel="alternate" href="https://a.example/1"/>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi &amp; bye</p></div></content>
            <updated>2024-05-06T07:00:00Z</updated></entry></feed>"#;
        let docs: Vec<_> = read_feed("f.atom", xml)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert!(
            d.content.as_str().contains("<p>Hi &amp; bye</p>"),
            "{:?}",
            d.content
        );
        assert_eq!(d.url.as_deref(), Some("https://a.example/1"));
        assert_eq!(d.source.as_deref(), Some("F"));
        assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(2024, 5, 6));
    }

    #[test]
    fn entities_are_decoded() {
        let cases = [
            ("plain", "plain"),
            ("a&nbsp;b", "a\u{a0}b"),
            ("caf&eacute; &mdash; &hellip;", "café — …"),
            ("&lt;p&gt;&amp;&quot;&apos;", "<p>&\"'"),
            ("&#233;&#xE9;&#XE9;&#8212;", "ééé—"),
            (
                "&#0;&#xD800;&#x110000;&#99999999999;",
                "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}",
            ),
            (
                "&bogus; &#; &#x; &#12a; &; AT&T & so",
                "&bogus; &#; &#x; &#12a; &; AT&T & so",
            ),
            ("&amp;nbsp;", "&nbsp;"),
            ("unterminated &nbsp", "unterminated &nbsp"),
            ("é&é;&", "é&é;&"),
        ];
        for (raw, want) in cases {
            assert_eq!(decode_entities(raw), want, "{raw:?}");
        }
        let long = format!("&{};x", "a".repeat(100));
        assert_eq!(decode_entities(&long), long);
    }

    #[test]
    fn hostile_dates_are_dropped_not_fatal() {
        for date in [
            "-262143-01-01",
            "+262142-12-31",
            "2022-04-08T25:00:00Z",
            "2022-4-8",
            "Fri, 31 Dec 262143 23:59:59 -2359",
            "Mon, 01 Jan 0000 00:00:00 +2359",
            "Fri, 31 Dec 9999 23:59:59 -2359",
            "9999-12-31T23:59:59-23:59",
            "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
        ] {
            let xml = format!(
                "<rss><channel><item><description>x</description>\
                 <pubDate>{date}</pubDate></item></channel></rss>"
            );
            let docs = read_feed("f.rss", &xml);
            assert_eq!(docs.len(), 1, "{date}");
            let doc = docs[0].as_ref().unwrap();
            assert_eq!(doc.published, None, "{date}");
        }
    }

    #[test]
    fn items_without_content_are_skipped_but_counted() {
        let xml = "<rss><channel><item><title>only</title></item>\
                   <item><description>&lt;p&gt;x&lt;/p&gt;</description></item></channel></rss>";
        let docs: Vec<_> = read_feed("f.rss", xml)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].origin.locator.as_deref(), Some("item 2"));
        assert_eq!(docs[0].content, Content::Html("<p>x</p>".into()));
    }
}
