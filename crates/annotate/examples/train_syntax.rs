//! Trains the syntax model (tagger, lemmatiser, parser) on Universal
//! Dependencies English (EWT) and writes it where the crate embeds it.
//!
//! `cargo run --release -p entente-annotate --example train_syntax -- --ud DIR --out FILE
//!  [--tagger-epochs N] [--parser-epochs N] [--members N] [--folds N] [--prune W] [--seed N]`
//!
//! Reads `en_ewt-ud-train.conllu`, then scores the model on the dev and test
//! files of the same directory. Training is deterministic: the same data and
//! options give the same file.

use entente_annotate::syntax::{evaluate, train, Syntax, TrainOptions};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut ud: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut opts = TrainOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--ud" => ud = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--tagger-epochs" => opts.tagger_epochs = value()?.parse()?,
            "--parser-epochs" => opts.parser_epochs = value()?.parse()?,
            "--members" => opts.parser_members = value()?.parse()?,
            "--folds" => opts.folds = value()?.parse()?,
            "--prune" => opts.prune = value()?.parse()?,
            "--seed" => opts.seed = value()?.parse()?,
            "--beam" => opts.beam = value()?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let ud = ud.ok_or("--ud DIR is required")?;
    let out = out.ok_or("--out FILE is required")?;
    let read = |name: &str| -> Result<(String, String), Box<dyn std::error::Error>> {
        let path = ud.join(name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok((text, path.display().to_string()))
    };
    let (train_text, train_name) = read("en_ewt-ud-train.conllu")?;
    let started = Instant::now();
    let model = train(&train_text, &train_name, opts, &mut |m| {
        eprintln!("[{:>6.1} s] {m}", started.elapsed().as_secs_f64())
    })?;
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB)",
        out.display(),
        bytes.len() as f64 / 1e6
    );
    // Score what was written, as it will be loaded.
    let loaded = Syntax::from_bytes(&bytes)?;
    for split in ["dev", "test"] {
        let (text, name) = read(&format!("en_ewt-ud-{split}.conllu"))?;
        let clock = Instant::now();
        let s = evaluate(&loaded, &text, &name)?;
        let rate = s.sentences as f64 / clock.elapsed().as_secs_f64();
        println!(
            "{split:<5} sentences {:>5}  tokens {:>6}  UPOS {:.4}  XPOS {:.4}  lemma {:.4}  UAS {:.4}  LAS {:.4}  ({rate:.0} sentences/s)",
            s.sentences, s.tokens, s.upos, s.xpos, s.lemma, s.uas, s.las
        );
    }
    Ok(())
}
