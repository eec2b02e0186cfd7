//! Prints the mentions and coded events of a text, for debugging:
//! `cargo run -p entente-code --example code_sentence -- "TEXT" [YYYY-MM-DD]`.

use chrono::NaiveDate;
use entente_annotate::actors::ActorResolver;
use entente_code::code_text;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = args.first().cloned().unwrap_or_default();
    let day = args
        .get(1)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .or_else(|| NaiveDate::from_ymd_opt(2022, 4, 8));
    let mentions = ActorResolver::embedded().find_mentions(&text, day);
    for m in &mentions {
        println!("mention {:?} {} {:?}", m.text, m.code, m.kind);
    }
    let coded = code_text("cli", &text, day, &mentions);
    for e in &coded.events {
        println!(
            "event {} -> {:?} {} {:?} {:?} neg={} | {}",
            e.source.code,
            e.target.as_ref().map(|t| &t.code),
            e.cameo,
            e.plover,
            e.date,
            e.negated,
            e.evidence.text
        );
    }
    for q in &coded.quotations {
        println!(
            "quote {:?}: {}",
            q.speaker.as_ref().map(|s| &s.name),
            q.text
        );
    }
    for d in &coded.deployments {
        println!("deployment {:?}", d);
    }
}
