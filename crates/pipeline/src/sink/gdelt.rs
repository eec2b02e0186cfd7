//! The GDELT 2.0 event table: `entente code --format gdelt`.

use super::{Sink, SinkError, Written};
use entente_store::DocumentRecord;
use std::io::{self, Write};

/// Writes every event as a row of GDELT 2.0's 61 tab-separated columns,
/// numbered from 1 across batches; without a header row, as GDELT's own
/// files, unless [`GdeltSink::with_header`].
#[derive(Debug)]
pub struct GdeltSink<W: Write> {
    out: W,
    destination: String,
    header_due: bool,
    last_id: u64,
}

impl<W: Write> GdeltSink<W> {
    /// Writes to `out`; `destination` names it in errors (`standard output`).
    pub fn new(out: W, destination: impl Into<String>) -> GdeltSink<W> {
        GdeltSink {
            out,
            destination: destination.into(),
            header_due: false,
            last_id: 0,
        }
    }

    /// Starts with a header row of GDELT's column names (written even when
    /// no event follows).
    pub fn with_header(mut self) -> GdeltSink<W> {
        self.header_due = true;
        self
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.out
    }

    fn err(&self, source: io::Error) -> SinkError {
        SinkError::Io {
            format: "GDELT events",
            destination: self.destination.clone(),
            source,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if self.header_due {
            self.header_due = false;
            writeln!(self.out, "{}", entente_code::gdelt_header())?;
        }
        Ok(())
    }

    fn rows(&mut self, records: &[DocumentRecord]) -> io::Result<()> {
        self.header()?;
        for r in records {
            for event in &r.events {
                self.last_id += 1;
                writeln!(
                    self.out,
                    "{}",
                    entente_code::gdelt_row(event, &r.document, self.last_id)
                )?;
            }
        }
        Ok(())
    }
}

impl<W: Write> Sink for GdeltSink<W> {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        self.rows(records).map_err(|e| self.err(e))?;
        Ok(Written {
            stored: records.len(),
            duplicates: 0,
        })
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.header()
            .and_then(|()| self.out.flush())
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::tests::record;

    #[test]
    fn rows_are_numbered_across_batches_under_one_header() {
        let mut sink = GdeltSink::new(Vec::new(), "memory").with_header();
        let r = record();
        sink.write_batch(std::slice::from_ref(&r)).expect("writes");
        sink.write_batch(std::slice::from_ref(&r)).expect("writes");
        sink.finish().expect("flushes");
        let out = String::from_utf8(sink.into_inner()).expect("utf-8");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], entente_code::gdelt_header());
        assert_eq!(lines.len(), 1 + 2 * r.events.len());
        let ids: Vec<&str> = lines[1..]
            .iter()
            .map(|l| l.split('\t').next().unwrap_or_default())
            .collect();
        let want: Vec<String> = (1..=2 * r.events.len()).map(|i| i.to_string()).collect();
        assert_eq!(ids, want, "help: event ids run on from batch to batch");
        for l in &lines[1..] {
            assert_eq!(l.split('\t').count(), entente_code::GDELT_COLUMNS.len());
        }
    }

    #[test]
    fn a_header_is_written_even_without_events() {
        let mut sink = GdeltSink::new(Vec::new(), "memory").with_header();
        sink.finish().expect("flushes");
        let out = String::from_utf8(sink.into_inner()).expect("utf-8");
        assert_eq!(out, format!("{}\n", entente_code::gdelt_header()));
        let mut plain = GdeltSink::new(Vec::new(), "memory");
        plain.finish().expect("flushes");
        assert!(plain.into_inner().is_empty());
    }
}
