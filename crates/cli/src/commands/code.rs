//! `entente code`: annotate and code articles, store nothing.
//!
//! `--format jsonl` writes one record per line, each with a `kind`:
//! `document` (what was read), `actor_mention`, `event`, `quotation` and
//! `deployment`; every record names its document as `doc`.
//! `--format gdelt` writes the 61-column GDELT 2.0 event table, without a
//! header row as GDELT's own files (`--header` adds one).
//! `--format parquet --out DIR` writes five date-partitioned Parquet tables
//! into a new directory (docs/parquet.md) and a summary on standard output.

use super::export::{check_out, ParquetOut};
use super::inputs::Inputs;
use crate::args::{CodeArgs, CodeFormat};
use crate::output::stdout;
use crate::Outcome;
use anyhow::{Context, Result};
use entente_pipeline::{GdeltSink, JsonlSink, Pipeline, Sink};

pub fn run(args: CodeArgs, quiet: bool) -> Result<Outcome> {
    // Usage errors (and a directory that is not empty) before the models load.
    check_out(args.format, args.out.as_deref())?;
    let mut parquet = match (args.format, &args.out) {
        (CodeFormat::Parquet, Some(dir)) => Some(ParquetOut::create(dir)?),
        _ => None,
    };
    let pipeline = Pipeline::builder()
        .preload_models(true)
        .build()
        .context("cannot start the pipeline")?;
    let mut inputs = Inputs::open(&args.input, quiet);
    let mut sink: Box<dyn Sink + '_> = match (&mut parquet, args.format) {
        (Some(p), _) => Box::new(p.sink()),
        (None, CodeFormat::Gdelt) if args.header => {
            Box::new(GdeltSink::new(stdout(), "standard output").with_header())
        }
        (None, CodeFormat::Gdelt) => Box::new(GdeltSink::new(stdout(), "standard output")),
        (None, _) => Box::new(JsonlSink::new(stdout(), "standard output")),
    };
    while let Some(raw) = inputs.next() {
        // One document at a time, written as it is done.
        match pipeline.process(raw) {
            Ok(record) => {
                sink.write_batch(std::slice::from_ref(&record))?;
            }
            Err(e) => inputs.report(e),
        }
    }
    sink.finish()?;
    drop(sink);
    if let Some(p) = parquet {
        p.summary()?;
    }
    Ok(inputs.finish())
}
