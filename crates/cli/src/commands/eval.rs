//! `entente eval`: score a stage against a gold set.

use crate::args::EvalCommand;
use crate::output::stdout;
use crate::Outcome;
use anyhow::{Context, Result};
use entente_ingest::{read_reader, IngestOptions};
use std::io::{Cursor, Write};
use std::path::Path;

pub fn run(cmd: EvalCommand) -> Result<Outcome> {
    match cmd {
        EvalCommand::Extract { gold, html, worst } => extract(&gold, &html, worst),
        EvalCommand::Actors { gold } => actors(&gold),
        EvalCommand::Events { gold } => events(&gold),
    }
}

/// The text the real pipeline (ingest's decoding, then cleaning) makes of
/// an HTML page's bytes.
fn pipeline_text(bytes: &[u8]) -> String {
    let opts = IngestOptions::default();
    let mut docs = read_reader("page.html", Cursor::new(bytes.to_vec()), &opts);
    match docs.next() {
        Some(Ok(raw)) => entente_clean::clean(&raw).text,
        _ => String::new(),
    }
}

fn extract(gold: &Path, html: &Path, worst: usize) -> Result<Outcome> {
    let run = entente_clean::eval::run_benchmark(gold, html, pipeline_text)
        .context("cannot run the extraction benchmark")?;
    let mut out = stdout();
    let s = &run.score;
    writeln!(out, "pages      {}", run.pages.len())?;
    writeln!(out, "precision  {:.4}", s.precision)?;
    writeln!(out, "recall     {:.4}", s.recall)?;
    writeln!(out, "F1         {:.4}", s.f1)?;
    if worst > 0 {
        writeln!(out, "\nworst pages (id, precision, recall, F1):")?;
        for page in run.worst(worst) {
            writeln!(
                out,
                "  {}  {}  {:.3}  {:.3}",
                page.id,
                page.score
                    .precision()
                    .map(|p| format!("{p:.3}"))
                    .unwrap_or_else(|| "  -  ".into()),
                page.score.recall(),
                page.score.f1()
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

fn actors(gold: &Path) -> Result<Outcome> {
    anyhow::bail!(
        "{}: actor evaluation is wired in a later increment",
        gold.display()
    )
}

fn events(gold: &Path) -> Result<Outcome> {
    anyhow::bail!(
        "{}: event evaluation is wired in a later increment",
        gold.display()
    )
}
