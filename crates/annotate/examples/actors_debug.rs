//! Prints the actor mentions of a text file: `actors_debug FILE [YYYY-MM-DD]`.

use chrono::NaiveDate;
use entente_annotate::actors::ActorResolver;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: actors_debug FILE [YYYY-MM-DD]");
        return ExitCode::from(2);
    };
    let day = args
        .next()
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let t0 = std::time::Instant::now();
    let resolver = ActorResolver::embedded();
    eprintln!("dictionary ready in {:?}", t0.elapsed());
    for m in resolver.find_mentions(&text, day) {
        println!(
            "{:>5}..{:<5} {:40} {:12} {:?} actor={} role={:?} sector={:?} aff={:?} conf={} cands={:?}",
            m.start, m.end, m.text, m.code, m.kind, m.actor, m.role, m.sector, m.affiliation, m.confidence, m.candidates
        );
    }
    ExitCode::SUCCESS
}
