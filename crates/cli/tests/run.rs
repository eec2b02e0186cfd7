//! `entente run`: idempotence and crash safety of the whole pipeline.

use super::*;
use std::io::Write;
use std::time::{Duration, Instant};

fn run_into(db: &Path, paths: &[PathBuf]) -> Output {
    entente()
        .arg("run")
        .args(paths)
        .arg("--db")
        .arg(db)
        .args(["--published", "2022-04-08"])
        .output()
        .expect("runs")
}

fn counts(db: &Path) -> entente_store::Counts {
    let store = entente_store::Store::open(db).expect("store opens");
    store
        .integrity_check()
        .expect("PRAGMA integrity_check passes");
    store.counts().expect("counts")
}

#[test]
fn seed_run_twice_stores_nothing_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("seed.db");
    let first = run_into(&db, &[seed_article()]);
    assert!(first.status.success(), "{}", stderr_of(&first));
    assert!(
        stdout_of(&first).contains("1 stored"),
        "{}",
        stdout_of(&first)
    );
    let after_first = counts(&db);
    assert_eq!(after_first.documents, 1);

    let second = run_into(&db, &[seed_article()]);
    assert!(second.status.success(), "{}", stderr_of(&second));
    assert!(
        stdout_of(&second).contains("1 already in the store"),
        "{}",
        stdout_of(&second)
    );
    assert_eq!(
        counts(&db),
        after_first,
        "a second run adds no row anywhere"
    );

    // The same article under another path is the same document.
    let copy = dir.path().join("copy.txt");
    std::fs::copy(seed_article(), &copy).expect("copy");
    let third = run_into(&db, &[copy]);
    assert!(third.status.success());
    assert_eq!(counts(&db), after_first);
}

/// Writes `n` distinct generated articles into one JSONL file.
pub(crate) fn generated_articles(path: &Path, n: usize) {
    const STATES: [&str; 8] = [
        "Germany", "France", "Japan", "Canada", "Brazil", "Kenya", "India", "Norway",
    ];
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    for i in 0..n {
        let a = STATES[i % STATES.len()];
        let b = STATES[(i / STATES.len() + 1 + i) % STATES.len()];
        let text = format!(
            "{a} said on Monday that it would send {k} officials to {b} for talks, report {i}.\n\
             The talks in {b} are expected to last {d} days, officials said.",
            k = i % 50 + 2,
            d = i % 9 + 1
        );
        let record =
            serde_json::json!({"id": format!("gen-{i}"), "text": text, "published": "2022-04-08"});
        writeln!(out, "{record}").expect("write");
    }
    out.flush().expect("flush");
}

#[test]
fn killed_run_loses_nothing_and_rerun_completes() {
    // Enough for the kill to land part-way: it comes once the first batch
    // of 64 is committed, about a sixteenth of the way through.
    const N: usize = 1_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("articles.jsonl");
    generated_articles(&input, N);
    let db = dir.path().join("crash.db");

    let mut child = entente()
        .arg("run")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .args(["--batch", "64", "--quiet"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait until some batches are committed, then kill -9.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = 0;
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if let Ok(store) = entente_store::Store::open_read_only(&db) {
            seen = store.counts().map(|c| c.documents).unwrap_or(0);
            if seen > 0 {
                break;
            }
        }
    }
    let finished_early = child.try_wait().ok().flatten().is_some();
    child.kill().ok();
    child.wait().ok();
    assert!(
        finished_early || seen > 0,
        "the run committed something before the kill"
    );
    let after_kill = counts(&db).documents as usize;
    assert!(after_kill <= N);
    if !finished_early {
        assert!(after_kill < N, "killed part-way: {after_kill} of {N}");
    }

    let rerun = run_into(&db, &[input]);
    assert!(rerun.status.success(), "{}", stderr_of(&rerun));
    let c = counts(&db);
    assert_eq!(
        c.documents as usize, N,
        "every document stored exactly once"
    );
    let summary = stdout_of(&rerun);
    assert!(
        summary.contains(&format!("{} stored", N - after_kill)),
        "the rerun stores only the rest: {summary}"
    );
}
