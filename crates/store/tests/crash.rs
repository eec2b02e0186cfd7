//! A writer killed with SIGKILL mid-run loses nothing it committed, leaves
//! no half-written document, and a rerun completes the store without
//! duplicating anything.
//!
//! The test re-executes its own binary as the writer: with
//! `ENTENTE_CRASH_WRITER` set to a database path, the `writer` test below
//! writes all documents in batches instead of returning at once.

mod common;

use common::backends::Backend;
use common::{records, EVENTS_PER_DOC, MENTIONS_PER_DOC};
use entente_store::Store;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const DOCUMENTS: usize = 5_000;
const BATCH: usize = 50;
const WRITER_ENV: &str = "ENTENTE_CRASH_WRITER";

/// The child's side: writes every document, batch by batch.
#[test]
fn writer() {
    let Some(path) = std::env::var_os(WRITER_ENV) else {
        return; // run as an ordinary test: nothing to do
    };
    let mut store = Store::open(Path::new(&path)).expect("writer opens the store");
    for start in (0..DOCUMENTS).step_by(BATCH) {
        let batch = records(start..(start + BATCH).min(DOCUMENTS));
        store.write_batch(&batch).expect("writer writes a batch");
    }
}

fn spawn_writer(path: &Path) -> Child {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    Command::new(exe)
        .args(["--exact", "writer", "--test-threads=1", "--quiet"])
        .env(WRITER_ENV, path)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the writer starts")
}

fn stored(path: &Path) -> u64 {
    // A fresh reader each time, as another process would see the file.
    Store::open_read_only(path)
        .and_then(|s| s.counts())
        .map(|c| c.documents)
        .unwrap_or(0)
}

conformance!(killed_writer_loses_nothing_committed_and_rerun_completes);

fn killed_writer_loses_nothing_committed_and_rerun_completes(backend: &Backend) {
    let place = backend.place();
    let path = place.path.clone();

    // Let the schema exist before the writer races the poller to create it.
    drop(Store::open(&path).expect("store opens"));
    let mut child = spawn_writer(&path);
    let mut seen = 0;
    while seen < (DOCUMENTS / 10) as u64 {
        if let Some(status) = child.try_wait().expect("writer status") {
            panic!("help: the writer finished ({status}) before it could be killed");
        }
        std::thread::sleep(Duration::from_millis(2));
        seen = stored(&path);
    }
    child.kill().expect("SIGKILL the writer");
    child.wait().expect("reap the writer");

    let store = Store::open(&path).expect("store reopens after the crash");
    store
        .integrity_check()
        .expect("the killed writer left a sound file");
    let after_crash = store.counts().expect("counts");
    assert!(
        after_crash.documents >= seen,
        "help: committed documents were lost"
    );
    assert!(
        after_crash.documents < DOCUMENTS as u64,
        "help: the writer was killed too late to test anything"
    );
    assert_whole_documents(&path, after_crash.documents);
    eprintln!(
        "killed after {seen} documents seen, {} stored",
        after_crash.documents
    );
    drop(store);

    let status = spawn_writer(&path).wait().expect("rerun the writer");
    assert!(status.success(), "the rerun writer failed: {status}");

    let store = Store::open(&path).expect("store reopens after the rerun");
    store.integrity_check().expect("sound after the rerun");
    let c = store.counts().expect("counts");
    assert_eq!(c.documents, DOCUMENTS as u64);
    assert_eq!(c.mentions, (DOCUMENTS * MENTIONS_PER_DOC) as u64);
    assert_eq!(c.events, (DOCUMENTS * EVENTS_PER_DOC) as u64);
    assert_eq!(c.quotations, DOCUMENTS as u64);
    assert_eq!(c.deployments, DOCUMENTS as u64);
    assert_whole_documents(&path, DOCUMENTS as u64);
    for n in [0, DOCUMENTS / 2, DOCUMENTS - 1] {
        assert_eq!(
            store.document(&format!("ext-{n}")).expect("read back"),
            Some(common::record(n).document)
        );
    }
}

/// A count asked of the store at `path` directly (not through the store),
/// in SQLite's SQL or PostgreSQL's.
fn raw_count(path: &Path, sqlite: &str, postgres: &str) -> i64 {
    let partial_params = [MENTIONS_PER_DOC as i64, EVENTS_PER_DOC as i64];
    if entente_store::is_postgres(path) {
        let url = path.to_str().expect("a URL is text");
        let mut client =
            ::postgres::Client::connect(url, ::postgres::NoTls).expect("raw connection");
        let n = postgres.matches('$').count();
        let params: Vec<&(dyn ::postgres::types::ToSql + Sync)> = partial_params
            .iter()
            .take(n)
            .map(|p| p as &(dyn ::postgres::types::ToSql + Sync))
            .collect();
        client
            .query_one(postgres, &params)
            .expect("a raw count")
            .get(0)
    } else {
        let conn = rusqlite::Connection::open(path).expect("raw connection");
        let n = sqlite.matches('?').count();
        conn.query_row(
            sqlite,
            rusqlite::params_from_iter(partial_params.iter().take(n)),
            |r| r.get(0),
        )
        .expect("a raw count")
    }
}

/// Every stored document has all its facts, and nothing else is stored.
fn assert_whole_documents(path: &Path, documents: u64) {
    let partial = |p: &str| {
        format!(
            "SELECT count(*) FROM documents d WHERE
                (SELECT count(*) FROM mentions WHERE document = d.seq) <> {p}1
             OR (SELECT count(*) FROM events WHERE document = d.seq) <> {p}2
             OR (SELECT count(*) FROM quotations WHERE document = d.seq) <> 1
             OR (SELECT count(*) FROM deployments WHERE document = d.seq) <> 1
             OR (SELECT count(*) FROM paragraphs WHERE document = d.seq) <> 2"
        )
    };
    let partial = raw_count(path, &partial("?"), &partial("$"));
    assert_eq!(
        partial, 0,
        "help: a document was stored without all its facts"
    );
    let mentions = raw_count(
        path,
        "SELECT count(*) FROM mentions",
        "SELECT count(*) FROM mentions",
    );
    assert_eq!(
        mentions as u64,
        documents * MENTIONS_PER_DOC as u64,
        "help: orphan facts"
    );
    let indexed = raw_count(
        path,
        "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'troops'",
        "SELECT count(*) FROM documents WHERE fts @@ plainto_tsquery('english', 'troops')",
    );
    assert_eq!(
        indexed as u64, documents,
        "help: full-text index out of step"
    );
}
