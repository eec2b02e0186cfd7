//! RSS 2.0, RSS 1.0 and Atom feeds: each item or entry with content is a document.

use crate::dates::parse_date;
use crate::error::IngestError;
use entente_core::{Content, Origin, RawDocument};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

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
        let published = self
            .published
            .as_deref()
            .and_then(parse_date)
            .or_else(|| self.updated.as_deref().and_then(parse_date));
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
        .map(|a| match a.unescape_value() {
            Ok(v) => v.into_owned(),
            Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
        })
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
                    match t.unescape() {
                        Ok(s) => text.push_str(&s),
                        Err(_) => text.push_str(&String::from_utf8_lossy(&t)),
                    }
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
