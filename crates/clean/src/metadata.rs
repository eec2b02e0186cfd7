//! What a page says about itself: its publication date and title, from its
//! metadata, for inputs that give neither.
//!
//! The publication date is the first that parses of, in order:
//! `<meta property="article:published_time">` (and the Dublin Core,
//! Parse.ly and `itemprop="datePublished"` equivalents), JSON-LD
//! `datePublished`, and `<time datetime>` (one marked `pubdate` or
//! `itemprop="datePublished"` first). The title is `og:title`, else JSON-LD
//! `headline`, else `<title>`; the article finder's own title comes before
//! all of these (see [`crate::html::extract`]).

use chrono::NaiveDate;
use dom_query::Document as Dom;
use entente_core::published::{check_range, parse_publication_date};

/// Meta keys (`property`, `name` or `itemprop`) naming the publication date.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.issued",
    "dc.date",
    "parsely-pub-date",
    "pubdate",
    "publishdate",
    "publish-date",
];

/// Meta keys naming the title.
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "dc.title", "headline"];

/// What a page's metadata gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMetadata {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Reads the page's own publication date and title.
pub fn page_metadata(dom: &Dom) -> PageMetadata {
    let mut meta_date = None;
    let mut meta_title = None;
    for node in dom.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| node.attr(a))
            .map(|k| k.trim().to_ascii_lowercase())
            .unwrap_or_default();
        if meta_date.is_none() && DATE_KEYS.contains(&key.as_str()) {
            meta_date = date_of(&content);
        }
        if meta_title.is_none() && TITLE_KEYS.contains(&key.as_str()) {
            meta_title = Some(content.trim().to_string()).filter(|t| !t.is_empty());
        }
    }
    let (ld_date, ld_title) = json_ld(dom);
    let published = meta_date.or(ld_date).or_else(|| time_element(dom));
    let title = meta_title.or(ld_title).or_else(|| {
        dom.select_single("title")
            .nodes()
            .first()
            .map(|n| n.text().trim().to_string())
            .filter(|t| !t.is_empty())
    });
    PageMetadata { title, published }
}

/// A date as pages write it: `YYYY-MM-DD`, RFC 3339, RFC 2822, or a
/// `YYYY-MM-DD` followed by a time without a zone (`2024-03-01T10:00`).
pub fn date_of(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = parse_publication_date(s) {
        return Some(d);
    }
    let (day, rest) = (s.get(..10)?, s.get(10..)?);
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return None;
    }
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    check_range(d).ok()
}

/// `datePublished` and `headline` of the page's JSON-LD: the first object
/// that has them, looking into arrays and `@graph`.
fn json_ld(dom: &Dom) -> (Option<NaiveDate>, Option<String>) {
    let mut date = None;
    let mut title = None;
    for node in dom.select(r#"script[type="application/ld+json"]"#).nodes() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&node.text()) else {
            continue;
        };
        // Depth-first over objects and arrays, with a bound: a page's
        // JSON-LD is small, a hostile one need not be.
        let mut stack = vec![&value];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match v {
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(map) => {
                    if date.is_none() {
                        date = map
                            .get("datePublished")
                            .and_then(|d| d.as_str())
                            .and_then(date_of);
                    }
                    if title.is_none() {
                        title = map
                            .get("headline")
                            .and_then(|h| h.as_str())
                            .map(|h| h.trim().to_string())
                            .filter(|h| !h.is_empty());
                    }
                    stack.extend(map.values().filter(|v| v.is_object() || v.is_array()));
                }
                _ => {}
            }
        }
        if date.is_some() && title.is_some() {
            break;
        }
    }
    (date, title)
}

/// `<time datetime>`: one marked as the publication date first, else the
/// first that parses.
fn time_element(dom: &Dom) -> Option<NaiveDate> {
    let times = dom.select("time[datetime]");
    let nodes = times.nodes();
    let marked = nodes.iter().find(|n| {
        n.has_attr("pubdate")
            || n.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
    });
    marked
        .and_then(|n| n.attr("datetime"))
        .and_then(|d| date_of(&d))
        .or_else(|| {
            nodes
                .iter()
                .find_map(|n| n.attr("datetime").and_then(|d| date_of(&d)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> PageMetadata {
        page_metadata(&Dom::from(html))
    }

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn each_source_of_a_date_and_a_title() {
        let cases = [
            (
                r#"<html><head><meta property="article:published_time" content="2024-03-01T10:00:00+01:00">
                <meta property="og:title" content="NATO meets"><title>x | Site</title></head></html>"#,
                Some("2024-03-01"),
                Some("NATO meets"),
            ),
            (
                r#"<head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
                {"@type":"NewsArticle","datePublished":"2023-11-05T08:00:00Z","headline":"Fiji signs"}]}</script></head>"#,
                Some("2023-11-05"),
                Some("Fiji signs"),
            ),
            (
                r#"<body><time datetime="2020-01-01">then</time><time pubdate datetime="2022-04-08T09:00">now</time></body>"#,
                Some("2022-04-08"),
                None,
            ),
            (
                r#"<head><title>Only a title</title></head><body><time datetime="soon">x</time></body>"#,
                None,
                Some("Only a title"),
            ),
            (
                r#"<head><meta name="pubdate" content="yesterday"><script type="application/ld+json">{not json</script></head>"#,
                None,
                None,
            ),
            (
                r#"<head><meta property="article:published_time" content="1066-10-14"></head>"#,
                None,
                None,
            ),
        ];
        for (html, date, title) in cases {
            let m = read(html);
            assert_eq!(m.published, date.and_then(day), "{html}");
            assert_eq!(m.title.as_deref(), title, "{html}");
        }
    }
}
