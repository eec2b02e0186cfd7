//! `entente run`: the whole pipeline into the store.
//!
//! Readers feed documents in batches; the pipeline cleans, annotates and
//! codes a batch on all cores, then the store writes it in one transaction. A
//! document already in the store is recognised after cleaning (its id is
//! its content) and skipped, so a second run, or the run after a crash,
//! stores nothing twice and redoes only what was not committed.

use super::inputs::Inputs;
use crate::args::RunArgs;
use crate::Outcome;
use anyhow::{Context, Result};
use entente_core::RawDocument;
use entente_pipeline::Pipeline;
use entente_store::{DocumentRecord, Store};
use std::io::Write;

#[derive(Debug, Default)]
struct Tally {
    read: usize,
    stored: usize,
    already: usize,
    mentions: usize,
    events: usize,
    quotations: usize,
    deployments: usize,
}

pub fn run(args: RunArgs, quiet: bool) -> Result<Outcome> {
    let pipeline = Pipeline::builder()
        .preload_models(true)
        .build()
        .context("cannot start the pipeline")?;
    let mut store = Store::open(&args.db).with_context(|| {
        format!(
            "cannot open the store {}",
            entente_store::display_path(&args.db).display()
        )
    })?;
    let mut inputs = Inputs::open(&args.input, quiet);
    let batch_size = args.batch.max(1);
    let mut tally = Tally::default();
    let mut shown: Vec<DocumentRecord> = Vec::new();
    loop {
        let raws = next_batch(&mut inputs, batch_size, args.batch_bytes);
        if raws.is_empty() {
            break;
        }
        tally.read += raws.len();
        let batch = pipeline.process_batch(raws, &mut store).with_context(|| {
            format!(
                "cannot write to the store {}",
                entente_store::display_path(&args.db).display()
            )
        })?;
        for e in batch.failures {
            inputs.report(e);
        }
        tracing::info!(
            stored = batch.written.stored,
            duplicates = batch.written.duplicates,
            total_stored = tally.stored + batch.written.stored,
            "batch committed to {}",
            entente_store::display_path(&args.db).display()
        );
        tally.stored += batch.written.stored;
        tally.already += batch.already + batch.written.duplicates;
        for r in &batch.records {
            tally.mentions += r.mentions.len();
            tally.events += r.events.len();
            tally.quotations += r.quotations.len();
            tally.deployments += r.deployments.len();
        }
        if shown.len() < SHOW_AT_MOST {
            shown.extend(batch.records.into_iter().take(SHOW_AT_MOST - shown.len()));
        }
    }
    let outcome = inputs.finish();
    let mut out = crate::output::stdout();
    if tally.read <= SHOW_AT_MOST {
        for record in &shown {
            super::report::record(&mut out, record)?;
        }
    }
    writeln!(
        out,
        "{} document(s) read: {} stored, {} already in the store, {} failed",
        tally.read, tally.stored, tally.already, inputs.failed
    )?;
    writeln!(
        out,
        "stored {} actor mention(s), {} event(s), {} quotation(s), {} deployment(s) in {}",
        tally.mentions,
        tally.events,
        tally.quotations,
        tally.deployments,
        entente_store::display_path(&args.db).display()
    )?;
    out.flush()?;
    Ok(outcome)
}

/// The next batch: at most `count` documents and, past the first, at most
/// `bytes` bytes of content.
fn next_batch(
    inputs: &mut impl Iterator<Item = RawDocument>,
    count: usize,
    bytes: usize,
) -> Vec<RawDocument> {
    let mut batch = Vec::new();
    let mut size = 0usize;
    while batch.len() < count && (batch.is_empty() || size < bytes) {
        let Some(raw) = inputs.next() else {
            break;
        };
        size = size.saturating_add(raw.content.as_str().len());
        batch.push(raw);
    }
    batch
}

/// Runs of at most this many documents print what was found in each.
const SHOW_AT_MOST: usize = 5;
