//! `entente run`: the whole pipeline into the store.
//!
//! Readers feed documents in batches; a batch is cleaned, annotated and
//! coded on all cores, then written by one writer in one transaction. A
//! document already in the store is recognised after cleaning (its id is
//! its content) and skipped, so a second run, or the run after a crash,
//! stores nothing twice and redoes only what was not committed.

use super::inputs::Inputs;
use crate::args::RunArgs;
use crate::Outcome;
use anyhow::{Context, Result};
use entente_core::RawDocument;
use entente_store::{DocumentRecord, Store};
use rayon::prelude::*;
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
    entente_pipeline::preload_models();
    let mut store = Store::open(&args.db)
        .with_context(|| format!("cannot open the store {}", args.db.display()))?;
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
        let cleaned: Vec<_> = raws.par_iter().map(entente_pipeline::clean).collect();
        // The raw inputs are not needed once cleaned: free them before coding.
        drop(raws);
        let mut fresh = Vec::with_capacity(cleaned.len());
        for doc in cleaned {
            match doc {
                Ok(doc) if store.contains(&doc.id)? => {
                    tracing::debug!(id = %doc.id, origin = %doc.origin, "already stored");
                    tally.already += 1
                }
                Ok(doc) => fresh.push(doc),
                Err(e) => inputs.report(e),
            }
        }
        let coded: Vec<_> = fresh.into_par_iter().map(entente_pipeline::code).collect();
        let mut records: Vec<DocumentRecord> = Vec::with_capacity(coded.len());
        for record in coded {
            match record {
                Ok(record) => records.push(record),
                Err(e) => inputs.report(e),
            }
        }
        let outcome = store
            .write_batch(&records)
            .with_context(|| format!("cannot write to the store {}", args.db.display()))?;
        tracing::info!(
            stored = outcome.stored,
            duplicates = outcome.duplicates,
            total_stored = tally.stored + outcome.stored,
            "batch committed to {}",
            args.db.display()
        );
        tally.stored += outcome.stored;
        tally.already += outcome.duplicates;
        for r in &records {
            tally.mentions += r.mentions.len();
            tally.events += r.events.len();
            tally.quotations += r.quotations.len();
            tally.deployments += r.deployments.len();
        }
        if shown.len() < SHOW_AT_MOST {
            shown.extend(records.into_iter().take(SHOW_AT_MOST - shown.len()));
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
        args.db.display()
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
