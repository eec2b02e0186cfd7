//! `--db postgres://...`: several `entente run` workers into one PostgreSQL
//! store, a worker killed with SIGKILL, and `entente serve` over it.
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
struct Schema {
    admin: String,
    name: String,
    url: String,
}

impl Schema {
    fn new(test: &str) -> Option<Schema> {
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

    fn path(&self) -> PathBuf {
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
    const N: usize = 3_000;
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
