//! `--db postgres://...`: several `entente run` workers into one PostgreSQL
//! store, a worker killed with SIGKILL, and `entente serve` over it (its
//! API answering as over SQLite, its web UI in a browser).
//!
//! They run when `ENTENTE_TEST_POSTGRES` holds a server's URL (CI sets it:
//! `scripts/test` starts a throwaway cluster with `scripts/postgres`), and
//! print a SKIPPED line otherwise. Each test works in a schema of its own.

use super::run::generated_articles;
use super::serve::Server;
use super::*;
use entente_store::{Counts, Store};
use std::io::Write as _;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// A fresh schema on the test server, dropped at the end; `url` selects it.
pub(super) struct Schema {
    /// The test server's URL.
    pub(super) admin: String,
    name: String,
    /// The URL that selects the schema.
    pub(super) url: String,
}

impl Schema {
    pub(super) fn new(test: &str) -> Option<Schema> {
        let Some(admin) = std::env::var("ENTENTE_TEST_POSTGRES")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: {test}: set ENTENTE_TEST_POSTGRES=postgres://... \
                 (scripts/postgres start DIR starts a server)"
            );
            return None;
        };
        let name = format!("cli_{test}_{}", std::process::id());
        let mut client = ::postgres::Client::connect(&admin, ::postgres::NoTls)
            .expect("the test server answers");
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .expect("a schema for the test");
        let sep = if admin.contains('?') { '&' } else { '?' };
        let url = format!("{admin}{sep}options=-csearch_path%3D{name}");
        Some(Schema { admin, name, url })
    }

    pub(super) fn path(&self) -> PathBuf {
        PathBuf::from(&self.url)
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        if let Ok(mut c) = ::postgres::Client::connect(&self.admin, ::postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
        }
    }
}

fn worker(db: &Path, inputs: &[&Path], batch: &str) -> std::process::Child {
    entente()
        .arg("run")
        .args(inputs)
        .arg("--db")
        .arg(db)
        .args(["--published", "2022-04-08", "--batch", batch, "--quiet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("a worker starts")
}

fn counts(db: &Path) -> Counts {
    let store = Store::open_read_only(db).expect("the store opens");
    store.integrity_check().expect("the store is sound");
    store.counts().expect("counts")
}

/// Lines `from..to` of the generated articles, into `path`.
fn articles(dir: &Path, name: &str, all: &Path, from: usize, to: usize) -> PathBuf {
    let text = std::fs::read_to_string(all).expect("reads the articles");
    let lines: Vec<&str> = text.lines().skip(from).take(to - from).collect();
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").expect("writes the articles");
    path
}

#[test]
fn two_workers_store_each_document_once() {
    let Some(schema) = Schema::new("two_workers") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let all = dir.path().join("all.jsonl");
    generated_articles(&all, 300);
    // The same input for both workers, and a second one overlapping it.
    let same = articles(dir.path(), "same.jsonl", &all, 0, 200);
    let overlap = articles(dir.path(), "overlap.jsonl", &all, 100, 300);
    let db = schema.path();
    // Created once before the workers race (they would also migrate
    // safely: migrations take a lock).
    drop(Store::open(&db).expect("the store opens"));
    let a = worker(&db, &[&same], "8");
    let b = worker(&db, &[&same, &overlap], "8");
    for w in [a, b] {
        let out = w.wait_with_output().expect("the worker ends");
        assert!(out.status.success(), "a worker failed: {}", stderr_of(&out));
    }
    // The same inputs into SQLite, by one worker: the reference.
    let reference = dir.path().join("reference.db");
    let out = worker(&reference, &[&all], "8")
        .wait_with_output()
        .expect("the reference run ends");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let want = Store::open_read_only(&reference)
        .and_then(|s| s.counts())
        .expect("reference counts");
    let got = counts(&db);
    assert_eq!(want.documents, 300);
    assert_eq!(
        got, want,
        "help: the two workers stored a document twice, or lost one"
    );
    // The document ids, each once.
    let store = Store::open_read_only(&db).expect("opens");
    let ids = store.document_ids(0, 1_000).expect("lists");
    let unique: std::collections::BTreeSet<_> = ids.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(unique.len(), ids.len());
    assert_eq!(ids.len(), 300);
}

#[test]
fn a_killed_worker_loses_nothing_committed() {
    let Some(schema) = Schema::new("killed_worker") else {
        return;
    };
    // The kill comes at 100 committed documents, a fifteenth of the way.
    const N: usize = 1_500;
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("articles.jsonl");
    generated_articles(&input, N);
    let db = schema.path();
    drop(Store::open(&db).expect("the store opens"));
    let mut child = worker(&db, &[&input], "16");
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = 0;
    while Instant::now() < deadline && seen < 100 {
        std::thread::sleep(Duration::from_millis(20));
        if let Ok(Some(status)) = child.try_wait() {
            panic!("help: the worker finished ({status}) before it could be killed");
        }
        seen = Store::open_read_only(&db)
            .and_then(|s| s.counts())
            .map(|c| c.documents)
            .unwrap_or(0);
    }
    child.kill().expect("SIGKILL the worker");
    child.wait().expect("reap the worker");

    let after_kill = counts(&db);
    assert!(
        after_kill.documents >= seen,
        "help: committed documents were lost ({} < {seen})",
        after_kill.documents
    );
    assert!(
        (after_kill.documents as usize) < N,
        "help: the worker was killed too late to test anything"
    );
    // Every stored document is whole: as many events as SQLite stores for it.
    let reference = dir.path().join("reference.db");
    let out = worker(&reference, &[&input], "64")
        .wait_with_output()
        .expect("the reference run ends");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let pg = Store::open_read_only(&db).expect("opens");
    let sqlite = Store::open_read_only(&reference).expect("opens");
    for (_, id) in pg.document_ids(0, N).expect("lists") {
        let got = pg.record(id.as_str()).expect("reads").expect("stored");
        let want = sqlite.record(id.as_str()).expect("reads").expect("stored");
        assert_eq!(
            (got.events.len(), got.mentions.len(), got.deployments.len()),
            (
                want.events.len(),
                want.mentions.len(),
                want.deployments.len()
            ),
            "help: document {id} was stored without all its facts"
        );
    }
    drop(pg);

    // A rerun completes the store without storing anything twice.
    let out = worker(&db, &[&input], "64")
        .wait_with_output()
        .expect("the rerun ends");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let want = sqlite.counts().expect("counts");
    assert_eq!(
        counts(&db),
        want,
        "help: the rerun did not complete the store"
    );
}

/// `entente serve --db postgres://...` answers as over SQLite: the checks of
/// `serve::serves_the_store_read_only` and `serve::posts_with_the_token`,
/// plus the events, their aggregates and the updates.
#[test]
fn serve_answers_from_postgres() {
    let Some(schema) = Schema::new("serve") else {
        return;
    };
    let db = schema.path();
    let out = entente()
        .arg("run")
        .arg(seed_article())
        .arg("--db")
        .arg(&db)
        .args(["--published", "2022-04-08"])
        .output()
        .expect("entente run");
    assert!(out.status.success(), "entente run: {}", stderr_of(&out));
    let server = Server::start(&db, &["--token", "test-token-123"]);
    assert_eq!(server.get_json("/api/stats")["documents"], 1);
    let hits = server.get_json("/api/search?q=Sogavare");
    let id = hits["hits"][0]["id"]
        .as_str()
        .expect("the seed article is found")
        .to_string();
    let article = server.get_json(&format!("/api/articles/{id}"));
    assert_eq!(article["paragraphs"].as_array().map(Vec::len), Some(11));
    let events = server.get_json("/api/events?limit=5");
    let total = events["total"].as_u64().expect("a total");
    assert!(total > 0, "{events}");
    let page = events["events"].as_array().expect("events");
    assert_eq!(page.len() as u64, total.min(5));
    if let Some(next) = events["next_cursor"].as_str() {
        let more = server.get_json(&format!("/api/events?limit=5&cursor={next}"));
        assert!(!more["events"].as_array().expect("events").is_empty());
    }
    for path in [
        "/api/articles",
        "/api/timeline",
        "/api/map",
        "/api/network",
        "/api/actors/SLB",
        "/api/updates",
        "/api/deployments",
    ] {
        let (status, body) = server.request("GET", path, &[], "");
        assert_eq!(status, 200, "GET {path}: {body}");
    }
    let (status, body) = server.request("GET", "/", &[], "");
    assert_eq!(status, 200);
    assert!(body.contains("/app.js"), "{body}");

    let doc = serde_json::json!({
        "text": "Kenya and Norway signed a trade agreement in Nairobi on Monday.",
        "published": "2022-05-02",
        "title": "Trade"
    })
    .to_string();
    let json = ("Content-Type", "application/json");
    let (status, _) = server.request("POST", "/api/documents", &[json], &doc);
    assert_eq!(status, 403);
    let (status, body) = server.request(
        "POST",
        "/api/documents",
        &[json, ("Authorization", "Bearer test-token-123")],
        &doc,
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        server.get_json("/api/search?q=Nairobi")["hits"][0]["title"],
        "Trade"
    );
    assert_eq!(server.get_json("/api/stats")["documents"], 2);
}

/// The same inputs stored by `entente run` into SQLite and into
/// PostgreSQL, and served by `entente serve` from each: every read of the
/// API answers the same, but for what docs/postgres.md says differs
/// (search ranks and scores).
#[test]
fn serve_answers_alike_from_sqlite_and_postgres() {
    let Some(schema) = Schema::new("alike") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let stories = dir.path().join("stories.jsonl");
    std::fs::write(&stories, super::stories::corpus::jsonl()).expect("writes");
    // The test corpus's good records (its last lines are broken on purpose).
    let corpus = articles(
        dir.path(),
        "corpus.jsonl",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus.jsonl"),
        0,
        4,
    );
    let sqlite = dir.path().join("alike.db");
    let pg = schema.path();
    for db in [&sqlite, &pg] {
        let out = entente()
            .arg("run")
            .arg(seed_article())
            .arg(&corpus)
            .arg(&stories)
            .arg("--db")
            .arg(db)
            .args(["--published", "2022-04-08", "--quiet"])
            .output()
            .expect("entente run");
        assert!(out.status.success(), "entente run: {}", stderr_of(&out));
    }
    let a = Server::start(&sqlite, &[]);
    let b = Server::start(&pg, &[]);
    let mut uris: Vec<String> = [
        "/api/stats",
        "/api/articles?limit=50",
        "/api/events?limit=1000",
        "/api/events?limit=1000&copies=true",
        "/api/events?limit=7",
        "/api/events?format=csv&limit=1000",
        "/api/events?format=jsonl&limit=1000",
        "/api/events?format=gdelt&limit=1000",
        "/api/timeline",
        "/api/map",
        "/api/network",
        "/api/deployments",
        "/api/updates",
        "/api/updates?status=proposed",
        "/api/search?q=Russia",
        "/api/search?q=troops",
        "/api/search?q=Solomon%20Islands",
        "/api/organisations",
    ]
    .map(String::from)
    .to_vec();
    let articles = a.get_json("/api/articles?limit=50");
    for art in articles["articles"].as_array().into_iter().flatten() {
        if let Some(id) = art["id"].as_str() {
            uris.push(format!("/api/articles/{id}"));
            uris.push(format!("/api/events?doc={id}&limit=1000"));
        }
    }
    let events = a.get_json("/api/events?limit=1000");
    let mut actors = std::collections::BTreeSet::new();
    for e in events["events"].as_array().into_iter().flatten() {
        for side in ["source", "target"] {
            if let Some(c) = e[side]["code"].as_str() {
                actors.insert(c.to_string());
            }
            if let Some(c) = e[side]["actor"].as_str() {
                actors.insert(c.to_string());
            }
        }
    }
    for actor in &actors {
        uris.push(format!("/api/actors/{actor}"));
        uris.push(format!("/api/events?actor={actor}&limit=1000"));
        uris.push(format!("/api/timeline?actor={actor}"));
        uris.push(format!("/api/network?actor={actor}"));
        uris.push(format!("/api/map?actor={actor}"));
    }
    // Page through the events by cursor on both.
    let mut differences = Vec::new();
    for uri in &uris {
        let (sa, ba) = a.request("GET", uri, &[], "");
        let (sb, bb) = b.request("GET", uri, &[], "");
        let (ja, jb) = (
            serde_json::from_str::<Value>(&ba),
            serde_json::from_str::<Value>(&bb),
        );
        let same = match (ja, jb) {
            (Ok(x), Ok(y)) => comparable(uri, x) == comparable(uri, y),
            _ => ba == bb,
        };
        if sa != sb || !same {
            differences.push(format!(
                "GET {uri}\n  sqlite ({sa}): {ba}\n  postgres ({sb}): {bb}"
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "help: the two back ends answer differently ({} of {} requests):\n{}",
        differences.len(),
        uris.len(),
        differences.join("\n")
    );
}

/// An answer as both back ends must give it: search hits in id order,
/// without their scores (PostgreSQL ranks by `ts_rank_cd`, SQLite by BM25:
/// docs/postgres.md). Their snippets are the same.
fn comparable(uri: &str, mut v: Value) -> Value {
    if uri.starts_with("/api/search") {
        if let Some(hits) = v["hits"].as_array_mut() {
            for h in hits.iter_mut() {
                if let Some(m) = h.as_object_mut() {
                    m.remove("score");
                }
            }
            hits.sort_by(|x, y| x["id"].as_str().cmp(&y["id"].as_str()));
        }
    }
    v
}

/// The web UI over a PostgreSQL store: every link of the home page, an
/// actor's page and the alliance explorer leads to a page that renders
/// without an error, in headless Chromium (`browser::every_link_leads_to_a_page`).
#[test]
fn the_web_ui_renders_from_postgres() {
    let Some(schema) = Schema::new("web_ui") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    super::browser::every_link_leads_to_a_page_of(&schema.path(), dir.path());
}
