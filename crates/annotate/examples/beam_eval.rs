//! Scores a syntax model file on a CoNLL-U file at several beam widths, and
//! times parsing alone (sentences already tagged) at each, best of three.
//!
//! `cargo run --release -p entente-annotate --example beam_eval -- MODEL FILE.conllu WIDTH...`
//! (`PRUNE=W` first drops the parser weights below W and reports the size and load time;
//! `PRUNED_OUT=FILE` keeps that model).

use entente_annotate::syntax::{evaluate, Syntax};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: beam_eval MODEL FILE.conllu WIDTH...";
    let model = args.next().ok_or(usage)?;
    let conllu = args.next().ok_or(usage)?;
    let bytes = std::fs::read(&model).map_err(|e| format!("{model}: {e}"))?;
    let text = std::fs::read_to_string(&conllu).map_err(|e| format!("{conllu}: {e}"))?;
    let mut syntax = Syntax::from_bytes(&bytes)?;
    if let Some(p) = std::env::var("PRUNE").ok().and_then(|p| p.parse().ok()) {
        syntax.prune_parser(p);
        let bytes = syntax.to_bytes();
        let clock = Instant::now();
        syntax = Syntax::from_bytes(&bytes)?;
        println!(
            "pruned below {p}: {:.1} MB, loads in {:.0} ms",
            bytes.len() as f64 / 1e6,
            clock.elapsed().as_secs_f64() * 1e3
        );
        if let Ok(out) = std::env::var("PRUNED_OUT") {
            std::fs::write(&out, &bytes)?;
        }
    }
    let sentences: Vec<Vec<&str>> = text
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let mut cols = l.split('\t');
                    let id = cols.next()?;
                    let form = cols.next()?;
                    (!id.contains('-') && !id.contains('.')).then_some(form)
                })
                .collect::<Vec<&str>>()
        })
        .filter(|s| !s.is_empty())
        .collect();
    let tagged: Vec<_> = sentences.iter().map(|s| syntax.tag_tokens(s)).collect();
    for width in args {
        syntax.set_beam(width.parse()?);
        let s = evaluate(&syntax, &text, &conllu)?;
        let mut best = f64::MAX;
        for _ in 0..3 {
            let clock = Instant::now();
            for t in &tagged {
                std::hint::black_box(syntax.parse_tagged(t));
            }
            best = best.min(clock.elapsed().as_secs_f64());
        }
        println!(
            "beam {width:>2}: UPOS {:.4}  UAS {:.4}  LAS {:.4}  (parse only: {:.0} sentences/s)",
            s.upos,
            s.uas,
            s.las,
            tagged.len() as f64 / best
        );
    }
    Ok(())
}
