//! Scores the event coder with the real actor resolver on a PLOVER gold
//! file: `cargo run --release -p entente-code --example eval_events -- GOLD.json [--misses] [--extra]`.

use entente_annotate::actors::ActorResolver;
use entente_code::{code_text, eval};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: eval_events GOLD.json [--misses]");
        return ExitCode::from(2);
    };
    let json = match std::fs::read_to_string(path) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let gold = match eval::parse_gold(path, &json) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let resolver = ActorResolver::embedded();
    let report = eval::evaluate(&gold, |text, date| {
        let mentions = resolver.find_mentions(text, Some(date));
        code_text("gold", text, Some(date), &mentions).events
    });
    if args.iter().any(|a| a == "--misses") {
        for m in &report.misses {
            println!(
                "{} gold {} got {:?}\n  {}\n  gold {:?}\n  pred {:?}",
                m.id, m.gold, m.predicted, m.text, m.gold_triples, m.predicted_triples
            );
        }
    }
    // Every record whose predictions include a triple the gold lacks.
    if args.iter().any(|a| a == "--extra") {
        for g in &gold {
            let mentions = resolver.find_mentions(&g.text, Some(g.date));
            let r = eval::evaluate(std::slice::from_ref(g), |text, date| {
                code_text("gold", text, Some(date), &mentions)
                    .events
                    .into_iter()
                    .filter(|_| text == g.text && date == g.date)
                    .collect()
            });
            if r.precision < 1.0 && r.predicted_triples > 0 {
                let coded = code_text("gold", &g.text, Some(g.date), &mentions);
                println!(
                    "{} gold {} {:?} -> {:?}\n  {}",
                    g.id, g.plover, g.sources, g.targets, g.text
                );
                for e in coded.events {
                    println!(
                        "  pred {} {:?} {} -> {:?} neg={}",
                        e.source.code,
                        e.plover,
                        e.cameo,
                        e.target.map(|t| t.code),
                        e.negated
                    );
                }
            }
        }
    }
    println!(
        "records {}  type accuracy {:.3} ({}/{})  triples P {:.3} R {:.3} F1 {:.3} (gold {}, predicted {})",
        report.records,
        report.type_accuracy,
        report.type_correct,
        report.records,
        report.precision,
        report.recall,
        report.f1,
        report.gold_triples,
        report.predicted_triples
    );
    ExitCode::SUCCESS
}
