//! Trains the syntax model (tagger, lemmatiser, parser) on Universal
//! Dependencies English (EWT) and writes it where the crate embeds it.
//!
//! `cargo run --release -p entente-annotate --example train_syntax -- --ud DIR --out FILE
//!  [--tagger-epochs N] [--parser-epochs N] [--members N] [--folds N] [--prune W] [--seed N]
//!  [--beam N] [--parser-extra FILE]... [--tagger-from MODEL]`
//!
//! Reads `en_ewt-ud-train.conllu`, then scores the model on the dev and test
//! files of the same directory. Training is deterministic: the same data and
//! options give the same file. `--parser-extra FILE` trains the parser (not
//! the tagger or lemmatiser) on the sentences of FILE too, tagged by the
//! tagger trained on the training split; `--tagger-from MODEL` takes the
//! tagger and lemmatiser of a model file instead of training them again
//! (the same, for a model trained on the same split with the same tagger
//! options, and faster).

use entente_annotate::syntax::{evaluate, train_parser_more, Syntax, TrainOptions};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut ud: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut opts = TrainOptions::default();
    let mut extra_paths: Vec<PathBuf> = Vec::new();
    let mut tagger_from: Option<PathBuf> = None;
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
            "--parser-extra" => extra_paths.push(PathBuf::from(value()?)),
            "--tagger-from" => tagger_from = Some(PathBuf::from(value()?)),
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
    let mut extra_texts: Vec<(String, String)> = Vec::new();
    for path in &extra_paths {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        extra_texts.push((text, path.display().to_string()));
    }
    let extra: Vec<(&str, &str)> = extra_texts
        .iter()
        .map(|(t, n)| (t.as_str(), n.as_str()))
        .collect();
    let base = match &tagger_from {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Some(Syntax::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => None,
    };
    let started = Instant::now();
    let model = train_parser_more(
        &train_text,
        &train_name,
        &extra,
        base.as_ref(),
        opts,
        &mut |m| eprintln!("[{:>6.1} s] {m}", started.elapsed().as_secs_f64()),
    )?;
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
        let file = format!("en_ewt-ud-{split}.conllu");
        let seen = extra_paths
            .iter()
            .any(|p| p.file_name().is_some_and(|f| f == file.as_str()));
        let (text, name) = read(&file)?;
        let clock = Instant::now();
        let s = evaluate(&loaded, &text, &name)?;
        let rate = s.sentences as f64 / clock.elapsed().as_secs_f64();
        println!(
            "{split:<5} sentences {:>5}  tokens {:>6}  UPOS {:.4}  XPOS {:.4}  lemma {:.4}  UAS {:.4}  LAS {:.4}  ({rate:.0} sentences/s){}",
            s.sentences,
            s.tokens,
            s.upos,
            s.xpos,
            s.lemma,
            s.uas,
            s.las,
            if seen { "  [the parser trained on it]" } else { "" }
        );
    }
    Ok(())
}
