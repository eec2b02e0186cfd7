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
