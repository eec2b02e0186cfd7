//! `entente export`: everything `entente run` stored, as JSON lines or
//! GDELT events on standard output, or as Parquet tables in a new
//! directory. Documents are read a page at a time in the order they were
//! stored, so the export's memory does not grow with the store.

use super::stored::open_for_reading;
use crate::args::{CodeFormat, ExportArgs};
use crate::output::stdout;
use crate::{Outcome, UsageError};
use anyhow::{Context, Result};
use entente_pipeline::{JsonlSink, Sink};
use entente_store::{DocumentRecord, Story};
use std::io::Write;
use std::path::Path;

/// Documents read from the store at a time.
const PAGE: usize = 256;

/// `--out` goes with `--format parquet`, and only with it.
pub fn check_out(format: CodeFormat, out: Option<&Path>) -> Result<()> {
    match (format, out) {
        (CodeFormat::Parquet, None) => Err(UsageError(
            "--format parquet writes a directory of tables: name it with --out DIR".into(),
        )
        .into()),
        (CodeFormat::Jsonl | CodeFormat::Gdelt, Some(_)) => Err(UsageError(
            "--out is for --format parquet; JSON lines and GDELT go to standard output".into(),
        )
        .into()),
        _ => Ok(()),
    }
}

/// The Parquet tables being written.
#[cfg(feature = "parquet")]
pub struct ParquetOut {
    sink: entente_pipeline::ParquetSink,
}

#[cfg(feature = "parquet")]
impl ParquetOut {
    pub fn create(dir: &Path) -> Result<ParquetOut> {
        Ok(ParquetOut {
            sink: entente_pipeline::ParquetSink::create(dir)?,
        })
    }

    pub fn sink(&mut self) -> &mut entente_pipeline::ParquetSink {
        &mut self.sink
    }

    /// Says on standard output how many rows each table got.
    pub fn summary(self) -> Result<()> {
        let mut out = stdout();
        writeln!(out, "{}", self.sink.summary())?;
        out.flush()?;
        Ok(())
    }
}

/// Without the `parquet` feature there is nothing to write with.
#[cfg(not(feature = "parquet"))]
pub enum ParquetOut {}

#[cfg(not(feature = "parquet"))]
impl ParquetOut {
    pub fn create(_: &Path) -> Result<ParquetOut> {
        Err(UsageError(
            "this entente was built without Parquet (cargo feature `parquet` of the entente package)"
                .into(),
        )
        .into())
    }

    pub fn sink(&mut self) -> &mut JsonlSink<std::io::Sink> {
        match *self {}
    }

    pub fn summary(self) -> Result<()> {
        match self {}
    }
}

pub fn run(args: ExportArgs) -> Result<Outcome> {
    check_out(args.format, args.out.as_deref())?;
    let store = open_for_reading(&args.store)?;
    let db = entente_store::display_path(&args.store.db)
        .display()
        .to_string();
    let mut after = 0;
    let mut next_page =
        |store: &entente_store::Store| -> Result<Vec<(DocumentRecord, Option<Story>)>> {
            let ids = store
                .document_ids(after, PAGE)
                .with_context(|| format!("cannot read the store {db}"))?;
            let mut page = Vec::with_capacity(ids.len());
            for (key, id) in ids {
                after = key;
                if let Some(record) = store.record(id.as_str())? {
                    page.push((record, store.story(id.as_str())?));
                }
            }
            Ok(page)
        };
    match (args.format, args.out) {
        (CodeFormat::Parquet, Some(dir)) => {
            let mut out = ParquetOut::create(&dir)?;
            loop {
                let page = next_page(&store)?;
                if page.is_empty() {
                    break;
                }
                write_page(&mut out, page)?;
            }
            finish(&mut out)?;
            out.summary()?;
        }
        (CodeFormat::Gdelt, _) => {
            let mut out = stdout();
            if args.header {
                writeln!(out, "{}", entente_code::gdelt_header())?;
            }
            loop {
                let page = next_page(&store)?;
                if page.is_empty() {
                    break;
                }
                for (r, story) in &page {
                    for e in &r.events {
                        // Counted over the story, as the API's GDELT export.
                        let coverage = match story {
                            Some(s) => {
                                entente_code::Coverage::story(e, s.documents.len(), s.sources())
                            }
                            None => entente_code::Coverage::single(e),
                        };
                        writeln!(out, "{}", entente_code::gdelt_row(e, &r.document, coverage))?;
                    }
                }
            }
            out.flush()?;
        }
        (_, _) => {
            let mut sink = JsonlSink::new(stdout(), "standard output");
            loop {
                let page = next_page(&store)?;
                if page.is_empty() {
                    break;
                }
                let records: Vec<DocumentRecord> = page.into_iter().map(|(r, _)| r).collect();
                sink.write_batch(&records)?;
            }
            sink.finish()?;
        }
    }
    Ok(Outcome::Success)
}

#[cfg(feature = "parquet")]
fn write_page(out: &mut ParquetOut, page: Vec<(DocumentRecord, Option<Story>)>) -> Result<()> {
    let (records, stories): (Vec<_>, Vec<_>) = page.into_iter().unzip();
    out.sink().write_stories(&records, &stories)?;
    Ok(())
}

#[cfg(not(feature = "parquet"))]
fn write_page(out: &mut ParquetOut, _: Vec<(DocumentRecord, Option<Story>)>) -> Result<()> {
    match *out {}
}

fn finish(out: &mut ParquetOut) -> Result<()> {
    out.sink().finish()?;
    Ok(())
}
