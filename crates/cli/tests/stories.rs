//! Issue 13: stable event ids, a page's own metadata, a title for every
//! article.

use super::serve::{store_with, Server};
use super::*;
use std::collections::BTreeSet;

/// The GLOBALEVENTIDs of GDELT rows.
fn gdelt_ids(tsv: &str) -> Vec<String> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect()
}

fn code_gdelt() -> Vec<String> {
    let out = entente()
        .arg("code")
        .arg(seed_article())
        .args(["--published", "2022-04-08", "--format", "gdelt"])
        .output()
        .expect("entente code");
    assert!(out.status.success(), "{}", stderr_of(&out));
    gdelt_ids(&stdout_of(&out))
}

#[test]
fn issue13_gdelt_exports_agree_on_every_event_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = store_with(dir.path(), &[]);
    let server = Server::start(&db, &[]);
    let export = || {
        let (status, body) = server.request("GET", "/api/events?format=gdelt&limit=1000", &[], "");
        assert_eq!(status, 200, "{body}");
        gdelt_ids(&body)
    };
    let (first, second) = (export(), export());
    assert!(!first.is_empty(), "help: the seed article has events");
    assert_eq!(first, second, "help: two exports of one store agree");
    let json = server.get_json("/api/events?limit=1000");
    let listed: BTreeSet<String> = json["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].to_string())
        .collect();
    let exported: BTreeSet<String> = first.iter().cloned().collect();
    assert_eq!(listed, exported, "help: the JSON answer gives the same ids");
    // Without a store, `entente code` numbers the same events the same way.
    let coded: BTreeSet<String> = code_gdelt().into_iter().collect();
    assert_eq!(coded, exported);
    assert_eq!(code_gdelt(), code_gdelt());
    assert!(
        !exported.contains("1"),
        "help: ids are not numbered from 1 per export"
    );
}

const PAGE: &str = r#"<!doctype html><html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Fiji and Australia sign a security treaty","datePublished":"2023-11-05T08:00:00+11:00"}</script>
</head><body><article>
<p>Fiji and Australia signed a security treaty in Suva on Monday, officials said.</p>
<p>The agreement covers policing, humanitarian aid and disaster relief across the region.</p>
<p>Prime Minister Sitiveni Rabuka said the treaty respected Fiji's independence.</p>
</article></body></html>"#;

fn document_line(path: &Path, published: Option<&str>) -> Value {
    let mut cmd = entente();
    cmd.arg("code").arg(path).args(["--format", "jsonl"]);
    if let Some(p) = published {
        cmd.args(["--published", p]);
    }
    let out = cmd.output().expect("entente code");
    assert!(out.status.success(), "{}", stderr_of(&out));
    json_lines(&out)
        .into_iter()
        .find(|l| l["kind"] == "document")
        .expect("a document line")
}

#[test]
fn issue13_a_page_dates_and_titles_itself_unless_told() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("page.html");
    std::fs::write(&page, PAGE).expect("writes");
    let doc = document_line(&page, None);
    assert_eq!(doc["published"], "2023-11-05", "{doc}");
    assert_eq!(doc["title"], "Fiji and Australia sign a security treaty");
    let told = document_line(&page, Some("2024-01-02"));
    assert_eq!(told["published"], "2024-01-02", "help: --published wins");
}

#[test]
fn issue13_an_untitled_article_is_titled_by_its_first_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("plain.txt");
    std::fs::write(
        &text,
        "Fiji and Australia signed a security treaty in Suva on Monday. Officials said more would follow.\n",
    )
    .expect("writes");
    let doc = document_line(&text, Some("2023-11-06"));
    assert_eq!(
        doc["title"],
        "Fiji and Australia signed a security treaty in Suva on Monday."
    );
    let db = store_with(dir.path(), &[]);
    let server = Server::start(&db, &[]);
    let hits = server.get_json("/api/search?q=Sogavare");
    let title = hits["hits"][0]["title"].as_str().expect("a title");
    assert!(
        !title.is_empty() && !title.chars().all(|c| c.is_ascii_hexdigit()),
        "help: no hex ids as titles: {title}"
    );
}

pub(crate) mod corpus {
    include!("../../pipeline/tests/data/syndicated.rs");

    /// The corpus as JSON lines: the five copies, then the other stories.
    pub(crate) fn jsonl() -> String {
        let mut out = String::new();
        let records = outlet_copies()
            .into_iter()
            .map(|(source, title, text)| (source.to_string(), title.to_string(), text))
            .chain(
                UNRELATED
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (format!("other-{i}"), String::new(), t.to_string())),
            );
        for (source, title, text) in records {
            let line = serde_json::json!({
                "text": text,
                "title": title,
                "source": source,
                "url": format!("https://{source}.example/story"),
                "published": "2024-03-04",
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        out
    }

    pub(crate) const COPIES: usize = 5;
}

#[test]
fn issue13_a_syndicated_story_is_listed_and_counted_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("corpus.jsonl");
    std::fs::write(&input, corpus::jsonl()).expect("writes");
    let db = dir.path().join("stories.db");
    let out = entente()
        .arg("run")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .output()
        .expect("entente run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let server = Server::start(&db, &[]);
    let stats = server.get_json("/api/stats");
    assert_eq!(stats["documents"], 8);
    assert_eq!(stats["stories"], 4, "help: five copies are one story");

    // GDELT: the wire's events, each counted over the five copies; no copy's
    // events again; the other stories' events as one article each.
    let (status, tsv) = server.request("GET", "/api/events?format=gdelt&limit=1000", &[], "");
    assert_eq!(status, 200, "{tsv}");
    let col = |name: &str| {
        entente_code::GDELT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("a GDELT column")
    };
    let (articles, sources, url) = (col("NumArticles"), col("NumSources"), col("SOURCEURL"));
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    let wire: Vec<&Vec<&str>> = rows
        .iter()
        .filter(|r| r[url] == "https://wire.example/story")
        .collect();
    assert!(!wire.is_empty(), "help: the wire story codes events: {tsv}");
    for r in &wire {
        assert_eq!((r[articles], r[sources]), ("5", "5"), "{r:?}");
    }
    for r in &rows {
        assert!(
            r[url] == "https://wire.example/story" || r[url].contains("other-"),
            "help: a copy's events are counted with the story, not listed: {r:?}"
        );
        if r[url].contains("other-") {
            assert_eq!(r[articles], "1", "{r:?}");
        }
    }

    // JSON: the story's events say how many copies it has; with
    // copies=true the copies' events are listed too.
    let once = server.get_json("/api/events?limit=1000");
    let all = server.get_json("/api/events?limit=1000&copies=true");
    let total = |v: &Value| v["total"].as_u64().unwrap_or(0);
    let wire_events = wire.len() as u64;
    assert_eq!(
        total(&once),
        rows.len() as u64,
        "help: JSON and GDELT list alike"
    );
    // Each copy tells the wire's events again (and its own paragraph may
    // add one).
    assert!(
        total(&all) >= total(&once) + (corpus::COPIES as u64 - 1) * wire_events,
        "{} {}",
        total(&all),
        total(&once)
    );
    let story_events: Vec<&Value> = once["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["copies"] == 4)
        .collect();
    assert_eq!(story_events.len() as u64, wire_events);

    // Search: the story once, with its four copies.
    let hits = server.get_json("/api/search?q=Mazyr");
    let hits = hits["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["copies"].as_array().map(Vec::len), Some(4));
    let article = server.get_json(&format!(
        "/api/articles/{}",
        hits[0]["id"].as_str().expect("an id")
    ));
    assert_eq!(article["copies"].as_array().map(Vec::len), Some(4));
    assert_eq!(article["story"], hits[0]["story"]);
}
