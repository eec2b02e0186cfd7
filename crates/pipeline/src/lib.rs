//! The library users call: one document through clean → annotate → code →
//! proposed updates, and the results into a sink.
//!
//! A [`Pipeline`] holds the models (the actor dictionary; the coder's and
//! the parser's tables are shared by the process) and the knowledge base
//! that proposes updates, loaded once and shared read-only by every thread.
//! [`Pipeline::process`] turns a [`RawDocument`] into a [`DocumentResult`]:
//! the cleaned document, its actor mentions, events, quotations,
//! deployments and proposed knowledge-base updates, or the [`Failure`] that
//! says why it gave none. [`Pipeline::process_batch`] does a batch on all
//! cores and hands the records to a [`Sink`]: the SQLite store
//! ([`entente_store::Store`]), [`JsonlSink`], [`GdeltSink`] or, with the
//! `parquet` feature, `ParquetSink` (five date-partitioned Parquet tables,
//! described in `docs/parquet.md`) or `ArrowSink` (the same tables in
//! memory as Arrow record batches, for the Python package).
//!
//! [`knowledge`] builds the knowledge base the command line and the API
//! answer from (the embedded facts plus the accepted updates), and
//! [`shapes`] the JSON both write.
//!
//! It reads no files (that is `entente-ingest`) and serves nothing (that is
//! `entente-serve`). Every stage runs behind a failure boundary. The
//! language stages are meant to be total (any text gives a result), but a
//! defect in one of them on one odd document must never take a batch down:
//! a panic inside a stage is caught, and the document comes back as a
//! [`Failure`] naming its origin and the stage, while every other document
//! goes on. A document that cleaning leaves empty is a failure too
//! ([`Reason::NoContent`]).
//!
//! ```
//! use entente_core::{Origin, RawDocument};
//! use entente_pipeline::{JsonlSink, Pipeline, Sink};
//!
//! let pipeline = Pipeline::builder().build()?;
//! let text = "China urged Australia to respect the sovereignty of the Solomon Islands.";
//! let day = chrono::NaiveDate::from_ymd_opt(2022, 4, 8);
//! let record = pipeline.process(RawDocument::from_text(Origin::file("a.txt"), day, text))?;
//! assert!(record.events.iter().any(|e| e.source.code.starts_with("CHN")));
//!
//! let mut sink = JsonlSink::new(Vec::new(), "memory");
//! sink.write_batch(&[record])?;
//! sink.finish()?;
//! assert!(String::from_utf8(sink.into_inner())?.contains(r#""kind":"event""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]
#![doc(test(attr(deny(warnings))))]

mod failure;
pub mod knowledge;
mod pipeline;
mod proposals;
pub mod shapes;
mod sink;

pub use failure::{Failure, Reason, Stage};
pub use pipeline::{
    preload_models, text_spans, BatchReport, DocumentResult, Pipeline, PipelineBuilder,
    PipelineError,
};
#[cfg(feature = "parquet")]
pub use sink::{ArrowSink, ParquetSink, ParquetTable};
pub use sink::{GdeltSink, JsonlSink, Sink, SinkError, Written};

use entente_core::{Document, RawDocument};

/// Cleans one raw document, with no models loaded (`entente clean`); an
/// empty result is a failure naming the input. [`Pipeline::clean`] does the
/// same.
pub fn clean(raw: &RawDocument) -> Result<Document, Failure> {
    pipeline::clean_guarded(true, raw)
}
