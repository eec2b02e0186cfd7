//! Compares syntax models for speed in one run: the time to decode each
//! model file and the sentences per second of tagging and lemmatising,
//! then of parsing the tagged sentences, of a CoNLL-U file (gold tokens),
//! on one core.
//! Models take turns, three rounds each, and the best round counts, so
//! that a busy machine slows them alike.
//!
//! `cargo run --release -p entente-annotate --example syntax_speed -- FILE.conllu MODEL...`

use entente_annotate::syntax::Syntax;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let conllu = args
        .next()
        .ok_or("usage: syntax_speed FILE.conllu MODEL...")?;
    let paths: Vec<String> = args.collect();
    if paths.is_empty() {
        return Err("give at least one model file".into());
    }
    let text = std::fs::read_to_string(&conllu).map_err(|e| format!("{conllu}: {e}"))?;
    let sentences = forms(&text);
    let mut models = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        let mut loads = Vec::new();
        let mut model = None;
        for _ in 0..5 {
            let clock = Instant::now();
            model = Some(Syntax::from_bytes(&bytes)?);
            loads.push(clock.elapsed().as_secs_f64());
        }
        loads.sort_by(f64::total_cmp);
        models.push((path, bytes.len(), loads[2], model, [f64::MAX; 2]));
    }
    for _ in 0..3 {
        for (_, _, _, model, best) in models.iter_mut() {
            let Some(m) = model else { continue };
            let clock = Instant::now();
            let tagged: Vec<_> = sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.iter().map(String::as_str).collect();
                    m.tag_tokens(&words)
                })
                .collect();
            best[0] = best[0].min(clock.elapsed().as_secs_f64());
            let clock = Instant::now();
            for t in &tagged {
                std::hint::black_box(m.parse_tagged(t));
            }
            best[1] = best[1].min(clock.elapsed().as_secs_f64());
        }
    }
    let n = sentences.len() as f64;
    for (path, size, load, _, [tag, parse]) in &models {
        println!(
            "{path}: {:.1} MB, load {:.0} ms (median of 5); sentences/s (best of 3): tag {:.0}, parse {:.0}, both {:.0}",
            *size as f64 / 1e6,
            load * 1e3,
            n / tag,
            n / parse,
            n / (tag + parse)
        );
    }
    Ok(())
}

/// The word forms of each sentence (multiword-token ranges and empty nodes
/// skipped, as the scorer does).
fn forms(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        if id.contains('-') || id.contains('.') {
            continue;
        }
        if let Some(form) = cols.next() {
            current.push(form.to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}
