//! Where results go: the [`Sink`] trait and its implementations.
//!
//! A sink receives the records of a batch of documents at once: the SQLite
//! store ([`entente_store::Store`] is a sink) writes a batch in one
//! transaction; [`JsonlSink`] writes one JSON record per line; [`GdeltSink`]
//! writes the GDELT 2.0 event table; with the `parquet` feature,
//! `ParquetSink` writes five date-partitioned Parquet tables and
//! `ArrowSink` keeps the same tables in memory as Arrow record batches (the
//! Python package's tables). A new format
//! (PostgreSQL, ...) is one more implementation; see `template.rs` beside
//! this file.

mod gdelt;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;
mod store;
#[cfg(test)]
mod template;

pub use gdelt::GdeltSink;
pub use jsonl::JsonlSink;
#[cfg(feature = "parquet")]
pub use parquet::{ArrowSink, ParquetSink, ParquetTable};

use entente_core::DocId;
use entente_store::{DocumentRecord, StoreError};

/// What a sink did with a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Documents written, with their facts.
    pub stored: usize,
    /// Documents the sink already held and skipped.
    pub duplicates: usize,
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, other: Written) {
        self.stored += other.stored;
        self.duplicates += other.duplicates;
    }
}

/// Why a sink could not take a batch.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// The store refused or failed; the error names the file.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A writer failed (a full disk, a closed pipe).
    #[error("cannot write {format} to {destination}: {source}")]
    Io {
        /// What was being written (`JSON lines`, `GDELT events`).
        format: &'static str,
        /// Where, as the caller named it (`standard output`, a path).
        destination: String,
        #[source]
        source: std::io::Error,
    },
    /// The output directory holds files already: writing into it would
    /// add to them, and readers would count rows twice.
    #[error(
        "cannot write to {destination}: the directory is not empty (write to a new directory, \
         or remove this one first, so that no row is written twice)"
    )]
    NotEmpty {
        /// The directory.
        destination: String,
    },
    /// A record the format cannot hold (a defect: every record should fit).
    #[error("cannot write {format} to {destination}: the record of {record}: {message}")]
    Record {
        /// What was being written.
        format: &'static str,
        /// Where.
        destination: String,
        /// The record's document (its origin).
        record: String,
        /// What did not fit.
        message: String,
    },
    /// The Parquet writer failed.
    #[cfg(feature = "parquet")]
    #[error("cannot write Parquet to {destination}: {source}")]
    Parquet {
        /// The file being written (its final name), or the output
        /// directory.
        destination: String,
        #[source]
        source: ::parquet::errors::ParquetError,
    },
    /// A complete file could not be given its final name; the temporary
    /// file was removed.
    #[error("cannot write {to}: renaming the complete file {from} to it failed: {source}")]
    Rename {
        /// The temporary name the file was written under.
        from: String,
        /// Its final name.
        to: String,
        #[source]
        source: std::io::Error,
    },
    /// A directory that a file was just renamed into (or created in) could
    /// not be synced, so a crash might lose the file's name.
    #[error(
        "cannot make the files in {directory} durable: syncing the directory failed: {source}"
    )]
    SyncDirectory {
        /// The directory.
        directory: String,
        #[source]
        source: std::io::Error,
    },
}

impl SinkError {
    /// Whether the reader went away (`entente code ... | head`): a reason to
    /// stop, not a failure.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, SinkError::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Receives the records of the pipeline, a batch at a time.
pub trait Sink {
    /// Writes a batch of records (possibly empty), in order.
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError>;

    /// Whether the sink already holds the document with this id, so that
    /// the pipeline need not code it again. A sink that cannot tell says no.
    fn contains(&mut self, _id: &DocId) -> Result<bool, SinkError> {
        Ok(false)
    }

    /// Writes out whatever is buffered; call it once after the last batch.
    fn finish(&mut self) -> Result<(), SinkError> {
        Ok(())
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        (**self).write_batch(records)
    }

    fn contains(&mut self, id: &DocId) -> Result<bool, SinkError> {
        (**self).contains(id)
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        (**self).finish()
    }
}

/// Keeps the records in memory (tests, small embedders).
impl Sink for Vec<DocumentRecord> {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        self.extend_from_slice(records);
        Ok(Written {
            stored: records.len(),
            duplicates: 0,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Pipeline;
    use entente_core::{Origin, RawDocument};

    /// A real record: one sentence through the embedded pipeline.
    pub(crate) fn record() -> DocumentRecord {
        let raw = RawDocument::from_text(
            Origin::file("sink-test.txt"),
            chrono::NaiveDate::from_ymd_opt(2022, 4, 8),
            "China urged Australia to respect the sovereignty of the Solomon Islands.",
        );
        let record = Pipeline::embedded()
            .expect("the embedded pipeline builds")
            .process(raw)
            .expect("a plain sentence codes");
        assert!(
            !record.events.is_empty() && !record.mentions.is_empty(),
            "help: the fixture sentence must give mentions and events: {record:?}"
        );
        record
    }

    #[test]
    fn a_store_is_a_sink_that_skips_what_it_holds() {
        let mut store = entente_store::Store::open_in_memory().expect("store");
        let r = record();
        let pipeline = Pipeline::embedded().expect("builds");
        assert!(!Sink::contains(&mut store, &r.document.id).expect("reads"));
        let written = Sink::write_batch(&mut store, std::slice::from_ref(&r)).expect("writes");
        assert_eq!(
            written,
            Written {
                stored: 1,
                duplicates: 0
            }
        );
        assert!(Sink::contains(&mut store, &r.document.id).expect("reads"));
        // The same text again, and an empty one: skipped before coding, and failed.
        let again = RawDocument::from_text(
            Origin::file("again.txt"),
            r.document.published,
            r.document.text.clone(),
        );
        let empty = RawDocument::from_text(Origin::file("empty.txt"), None, "  ");
        let report = pipeline
            .process_batch(vec![again, empty], &mut store)
            .expect("the batch goes through");
        assert_eq!(report.already, 1);
        assert!(report.records.is_empty());
        assert_eq!(report.failures.len(), 1);
        assert_eq!(report.failures[0].origin, "empty.txt");
        assert_eq!(report.written, Written::default());
    }

    #[test]
    fn a_batch_keeps_input_order_and_reports_each_failure() {
        let pipeline = Pipeline::embedded().expect("builds");
        let day = chrono::NaiveDate::from_ymd_opt(2022, 4, 8);
        let raws = vec![
            RawDocument::from_text(Origin::file("a.txt"), day, "France consulted Germany."),
            RawDocument::from_text(Origin::file("b.txt"), day, ""),
            RawDocument::from_text(Origin::file("c.txt"), day, "Japan met Canada."),
        ];
        let mut kept: Vec<DocumentRecord> = Vec::new();
        let report = pipeline
            .process_batch(raws, &mut kept)
            .expect("goes through");
        let origins: Vec<String> = kept.iter().map(|r| r.document.origin.to_string()).collect();
        assert_eq!(origins, ["a.txt", "c.txt"]);
        assert_eq!(report.records, kept);
        assert_eq!(report.written.stored, 2);
        assert_eq!(report.failures.len(), 1);
        assert_eq!(report.failures[0].origin, "b.txt");
    }
}
