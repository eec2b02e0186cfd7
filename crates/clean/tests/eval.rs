//! The benchmark runner on a two-page benchmark in tests/data/bench: one
//! gzipped page, one plain.

use entente_clean::eval::{self, EvalErrorKind};
use std::path::PathBuf;

fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/bench")
}

#[test]
fn runs_a_benchmark_directory() {
    let dir = bench_dir();
    let run = eval::run_benchmark(
        &dir.join("ground-truth.json"),
        &dir.join("html"),
        eval::clean_html_bytes,
    );
    let run = match run {
        Ok(r) => r,
        Err(e) => panic!("help: the fixture should read: {e}"),
    };
    assert_eq!(run.score.pages, 2);
    assert!(run.score.f1 > 0.99, "score {}: {:#?}", run.score, run.pages);
    assert_eq!(run.worst(1).len(), 1);
}

#[test]
fn an_extractor_that_finds_nothing_scores_zero_recall() {
    let dir = bench_dir();
    let run = eval::run_benchmark(&dir.join("ground-truth.json"), &dir.join("html"), |_| {
        String::new()
    });
    let score = run.map(|r| r.score).unwrap_or_default();
    assert_eq!(score.recall, 0.0);
    assert_eq!(
        score.precision, 0.0,
        "help: empty predictions count for recall only"
    );
}

#[test]
fn missing_files_are_named() {
    let dir = bench_dir();
    let err = eval::run_benchmark(&dir.join("nope.json"), &dir.join("html"), |_| String::new());
    match err {
        Err(e) => {
            assert_eq!(e.kind(), EvalErrorKind::Io);
            assert!(e.to_string().contains("nope.json"));
        }
        Ok(_) => panic!("a missing ground truth must be an error"),
    }
}
