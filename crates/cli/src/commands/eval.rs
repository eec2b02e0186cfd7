//! `entente eval`: score a stage against a gold set.

use crate::args::EvalCommand;
use crate::output::stdout;
use crate::Outcome;
use anyhow::{Context, Result};
use entente_annotate::ActorResolver;
use entente_ingest::{read_reader, IngestOptions};
use entente_pipeline::Pipeline;
use std::io::{Cursor, Write};
use std::path::Path;

pub fn run(cmd: EvalCommand) -> Result<Outcome> {
    match cmd {
        EvalCommand::Extract { gold, html, worst } => extract(&gold, &html, worst),
        EvalCommand::Actors { gold } => actors(&gold),
        EvalCommand::Events { gold } => events(&gold),
        EvalCommand::Geo { gold, km } => geo(&gold, km),
        EvalCommand::Parser { conllu } => parser(&conllu),
    }
}

fn parser(conllu: &Path) -> Result<Outcome> {
    let text = std::fs::read_to_string(conllu)
        .with_context(|| format!("cannot read {}", conllu.display()))?;
    let scores = entente_annotate::syntax::evaluate(
        entente_annotate::syntax::Syntax::embedded(),
        &text,
        &conllu.display().to_string(),
    )
    .with_context(|| format!("cannot score the parser on {}", conllu.display()))?;
    let mut out = stdout();
    writeln!(out, "sentences  {}", scores.sentences)?;
    writeln!(out, "tokens     {}", scores.tokens)?;
    writeln!(out, "UPOS       {:.4}", scores.upos)?;
    writeln!(out, "XPOS       {:.4}", scores.xpos)?;
    writeln!(out, "lemma      {:.4}", scores.lemma)?;
    writeln!(out, "UAS        {:.4}", scores.uas)?;
    writeln!(out, "LAS        {:.4}", scores.las)?;
    out.flush()?;
    Ok(Outcome::Success)
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
    let resolver = ActorResolver::embedded();
    let report = entente_annotate::actors::eval::evaluate_file(&resolver, gold)
        .with_context(|| format!("cannot evaluate actors on {}", gold.display()))?;
    let mut out = stdout();
    writeln!(
        out,
        "actors resolved to the gold country/organisation: {}/{} = {:.1}%",
        report.correct,
        report.total,
        report.percent()
    )?;
    if !report.misses.is_empty() {
        writeln!(out, "\nmisses (record, actor text, gold code, found):")?;
        for m in &report.misses {
            writeln!(
                out,
                "  {}  {:?}  gold {}  found {}",
                m.id,
                m.actor_text,
                m.gold,
                if m.found.is_empty() {
                    "-".to_string()
                } else {
                    m.found.join(",")
                }
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

fn geo(gold: &Path, km: f64) -> Result<Outcome> {
    use entente_code::eval::geo::{evaluate_geo, parse_geo_gold};
    let json =
        std::fs::read_to_string(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let records = parse_geo_gold(&gold.display().to_string(), &json)?;
    let pipeline = Pipeline::embedded().context("cannot start the pipeline")?;
    let report = evaluate_geo(&records, km, |text, date| {
        pipeline.code_text("gold", text, Some(date)).1.events
    });
    let mut out = stdout();
    writeln!(out, "records                {}", report.records)?;
    writeln!(out, "located                {}", report.located)?;
    writeln!(
        out,
        "location accuracy      {:.4} ({}/{}, within {} km or the same name)",
        report.accuracy, report.correct, report.records, report.tolerance_km
    )?;
    writeln!(
        out,
        "precision agreement    {:.4} ({}/{})",
        report.precision_accuracy, report.precision_correct, report.records
    )?;
    if !report.misses.is_empty() {
        writeln!(out, "\nmisses:")?;
        for m in &report.misses {
            writeln!(
                out,
                "  {}  expected {}  found {}{}\n    {}",
                m.id,
                m.expected,
                m.found.as_deref().unwrap_or("-"),
                m.km.map(|k| format!(" ({k:.0} km)")).unwrap_or_default(),
                m.text
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

fn events(gold: &Path) -> Result<Outcome> {
    let json =
        std::fs::read_to_string(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let records = entente_code::eval::parse_gold(&gold.display().to_string(), &json)?;
    let pipeline = Pipeline::embedded().context("cannot start the pipeline")?;
    let report = entente_code::eval::evaluate(&records, |text, date| {
        pipeline.code_text("gold", text, Some(date)).1.events
    });
    let mut out = stdout();
    writeln!(out, "records                {}", report.records)?;
    writeln!(
        out,
        "PLOVER type accuracy   {:.4} ({}/{})",
        report.type_accuracy, report.type_correct, report.records
    )?;
    writeln!(
        out,
        "triples                {} gold, {} predicted",
        report.gold_triples, report.predicted_triples
    )?;
    writeln!(out, "triple precision       {:.4}", report.precision)?;
    writeln!(out, "triple recall          {:.4}", report.recall)?;
    writeln!(out, "triple F1              {:.4}", report.f1)?;
    if !report.misses.is_empty() {
        writeln!(out, "\nmisses:")?;
        for m in &report.misses {
            writeln!(
                out,
                "  {}  gold {} predicted {}\n    {}\n    gold {:?}\n    got  {:?}",
                m.id,
                m.gold,
                m.predicted.as_deref().unwrap_or("-"),
                m.text,
                m.gold_triples,
                m.predicted_triples
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}
