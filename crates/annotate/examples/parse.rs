//! Prints the analysis of each line of standard input as CoNLL-U-like rows.
//!
//! `echo "Russia moved troops to Belarus." | cargo run -p entente-annotate --example parse [-- MODEL]`
//!
//! With a model file argument, that model is used instead of the embedded one.

use entente_annotate::syntax::Syntax;
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let loaded = match std::env::args().nth(1) {
        Some(path) => Some(Syntax::from_bytes(
            &std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?,
        )?),
        None => None,
    };
    let syntax = loaded.as_ref().unwrap_or_else(|| Syntax::embedded());
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let p = syntax.analyse(&line);
        for (i, t) in p.tokens.iter().enumerate() {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                t.form,
                t.lemma,
                t.upos,
                t.xpos,
                t.head.map_or(0, |h| h + 1),
                t.deprel
            );
        }
        println!();
    }
    Ok(())
}
