//! Scores the clean stage on an article-extraction benchmark directory.
//!
//! ```text
//! cargo run --release -p entente-clean --example eval_extract -- GROUND_TRUTH.json HTML_DIR [WORST]
//! ```
//!
//! Prints precision, recall and F1 (the benchmark's metric), the pages per
//! second of the whole pipeline, and the `WORST` (default 10) worst pages.

use entente_clean::eval;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(gold), Some(html)) = (args.first(), args.get(1)) else {
        eprintln!("usage: eval_extract GROUND_TRUTH.json HTML_DIR [WORST]");
        return ExitCode::from(2);
    };
    let worst: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(10);
    let mut busy = Duration::ZERO;
    let run = eval::run_benchmark(Path::new(gold), Path::new(html), |bytes| {
        let t = Instant::now();
        let text = eval::clean_html_bytes(bytes);
        busy += t.elapsed();
        text
    });
    let run = match run {
        Ok(r) => r,
        Err(e) => {
            eprintln!("eval_extract: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", run.score);
    println!(
        "{:.1} pages/s (decode + parse + extract + clean, gunzip excluded)",
        run.pages.len() as f64 / busy.as_secs_f64().max(1e-9)
    );
    for p in run.worst(worst) {
        println!(
            "{}  F1 {:.3}  P {}  R {:.3}  (gold {} / predicted {} shingles)",
            p.id,
            p.score.f1(),
            p.score
                .precision()
                .map_or("-".to_string(), |v| format!("{v:.3}")),
            p.score.recall(),
            p.score.gold,
            p.score.predicted
        );
    }
    ExitCode::SUCCESS
}
