//! Prints the analysis of each line of standard input as CoNLL-U-like rows.
//!
//! `echo "Russia moved troops to Belarus." | cargo run -p entente-annotate --example parse`

use entente_annotate::syntax::Syntax;
use std::io::BufRead;

fn main() -> std::io::Result<()> {
    let syntax = Syntax::embedded();
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
