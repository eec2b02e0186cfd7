//! `entente code`: annotate and code articles, store nothing.
//!
//! `--format jsonl` writes one record per line, each with a `kind`:
//! `document` (what was read), `actor_mention`, `event`, `quotation` and
//! `deployment`; every record names its document as `doc`.
//! `--format gdelt` writes the 61-column GDELT 2.0 event table, without a
//! header row as GDELT's own files (`--header` adds one).

use super::inputs::Inputs;
use crate::args::{CodeArgs, CodeFormat};
use crate::output::stdout;
use crate::Outcome;
use anyhow::{Context, Result};
use entente_pipeline::{GdeltSink, JsonlSink, Pipeline, Sink};

pub fn run(args: CodeArgs, quiet: bool) -> Result<Outcome> {
    let pipeline = Pipeline::builder()
        .preload_models(true)
        .build()
        .context("cannot start the pipeline")?;
    let mut inputs = Inputs::open(&args.input, quiet);
    let out = stdout();
    let mut sink: Box<dyn Sink> = match args.format {
        CodeFormat::Jsonl => Box::new(JsonlSink::new(out, "standard output")),
        CodeFormat::Gdelt if args.header => {
            Box::new(GdeltSink::new(out, "standard output").with_header())
        }
        CodeFormat::Gdelt => Box::new(GdeltSink::new(out, "standard output")),
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
    Ok(inputs.finish())
}
