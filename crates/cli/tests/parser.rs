//! `entente eval parser`: scores on a small treebank written for the tests,
//! and a clear error for a damaged one.

use super::*;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn eval_parser_reports_every_score() {
    let out = entente()
        .args(["eval", "parser", "--conllu"])
        .arg(data("tiny.conllu"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(text.contains("sentences  2"), "{text}");
    assert!(text.contains("tokens     11"), "{text}");
    for name in ["UPOS", "XPOS", "lemma", "UAS", "LAS"] {
        let value: f64 = text
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {text}"));
        assert!((0.0..=1.0).contains(&value), "{name} {value}");
        // Two plain sentences: the model gets most of them right.
        assert!(value >= 0.8, "{name} {value} on two easy sentences");
    }
}

#[test]
fn a_damaged_treebank_is_named_with_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "1\tRussia\tRussia\tPROPN\n").expect("write");
    let out = entente()
        .args(["eval", "parser", "--conllu"])
        .arg(&bad)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = stderr_of(&out);
    assert!(
        err.contains("bad.conllu") && err.contains("line 1"),
        "{err}"
    );
}
