//! The little ingest reads inside HTML: the page's own URL.

/// How far into a page to look for its canonical URL. Heads of news pages
/// carry large inline scripts; some put a stray `</head>` early.
const HEAD_BYTES: usize = 512 * 1024;

/// The page's canonical URL: `<link rel="canonical" href>`, else
/// `<meta property="og:url" content>`, in the first 512 KiB.
pub(crate) fn canonical_url(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let lower = head.to_ascii_lowercase();
    let end = lower.len();
    let mut og = None;
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &lower[from..end]) {
        let start = from + i + 1;
        let close = memchr::memchr(b'>', &lower[start..end]).map_or(end, |j| start + j);
        from = close;
        let tag = &head[start..close];
        let name_end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        let attrs = attributes(&tag[name_end..]);
        let get = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.trim())
        };
        if name == b"link" {
            let canonical = get("rel").is_some_and(|rel| {
                rel.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            });
            if let Some(href) = get("href").filter(|h| canonical && is_absolute(h)) {
                return Some(href.to_string());
            }
        } else if name == b"meta" && og.is_none() {
            let is_og = get("property").or_else(|| get("name")) == Some("og:url");
            if let Some(url) = get("content").filter(|u| is_og && is_absolute(u)) {
                og = Some(url.to_string());
            }
        }
    }
    og
}

fn is_absolute(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The attributes of a tag body: `name="value"`, `name='value'`, `name=value`.
fn attributes(tag: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = tag.len();
    let text = |s: &[u8]| String::from_utf8_lossy(s).into_owned();
    while i < n {
        while i < n && (tag[i].is_ascii_whitespace() || tag[i] == b'/') {
            i += 1;
        }
        let k = i;
        while i < n && !tag[i].is_ascii_whitespace() && !b"=/".contains(&tag[i]) {
            i += 1;
        }
        if k == i {
            break;
        }
        let key = text(&tag[k..i]);
        while i < n && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n || tag[i] != b'=' {
            out.push((key, String::new()));
            continue;
        }
        i += 1;
        while i < n && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if i < n && (tag[i] == b'"' || tag[i] == b'\'') {
            let q = tag[i];
            let v = i + 1;
            let e = memchr::memchr(q, &tag[v..]).map_or(n, |j| v + j);
            i = (e + 1).min(n);
            &tag[v..e]
        } else {
            let v = i;
            while i < n && !tag[i].is_ascii_whitespace() {
                i += 1;
            }
            &tag[v..i]
        };
        out.push((key, text(value).replace("&amp;", "&")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_canonical_then_og() {
        let cases = [
            (
                r#"<head><link rel="canonical" href="https://a.example/x?a=1&amp;b=2"></head>"#,
                Some("https://a.example/x?a=1&b=2"),
            ),
            (
                r#"<HEAD><META property='og:url' content='https://b.example/y'/><LINK REL=canonical HREF=https://c.example/z>"#,
                Some("https://c.example/z"),
            ),
            (
                r#"<meta property="og:url" content="https://b.example/y">"#,
                Some("https://b.example/y"),
            ),
            (r#"<link rel="canonical" href="/relative">"#, None),
            (
                r#"</head><script>"<body>"</script><link rel="canonical" href="https://late.example/">"#,
                Some("https://late.example/"),
            ),
            ("<p>no head at all", None),
            (
                "<link rel=\"canonical\" href=\"https://x.example/\u{e9}\"",
                Some("https://x.example/\u{e9}"),
            ),
        ];
        for (html, want) in cases {
            assert_eq!(canonical_url(html).as_deref(), want, "{html}");
        }
    }
}
