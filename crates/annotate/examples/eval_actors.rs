//! Scores actor resolution on a PLOVER gold file:
//! `cargo run --release -p entente-annotate --example eval_actors -- FILE`.

use entente_annotate::actors::{eval, ActorResolver};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: eval_actors GOLD.json");
        return ExitCode::from(2);
    };
    let report = match eval::evaluate_file(&ActorResolver::embedded(), &path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for m in &report.misses {
        println!(
            "MISS {} {:?} gold {} found {:?}\n     {}",
            m.id, m.actor_text, m.gold, m.found, m.text
        );
    }
    println!(
        "actors: {}/{} = {:.1}%",
        report.correct,
        report.total,
        report.percent()
    );
    ExitCode::SUCCESS
}
