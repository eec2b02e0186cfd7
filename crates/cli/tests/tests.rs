//! Integration tests of the `entente` binary: the command-line contracts
//! other tools rely on, run as a user would run them.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn entente() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_entente"));
    cmd.env_remove("RUST_LOG");
    cmd
}

fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/seed")
}

fn seed_article() -> PathBuf {
    seed_dir().join("article.txt")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(seed_dir().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json parses")
}

fn stdout_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout_of(out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

mod big;
mod browser;
mod clean;
mod dev_sets;
mod errors;
mod geo;
mod know;
#[cfg(feature = "parquet")]
mod parquet;
mod parser;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "postgres")]
mod postgres_tls;
mod questions;
mod run;
mod seed;
mod serve;
mod stored;
mod stories;
mod updates;
