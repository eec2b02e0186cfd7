//! The GDELT 2.0 event table: `entente code --format gdelt`.

use super::{Sink, SinkError, Written};
use entente_core::DocId;
use entente_store::DocumentRecord;
use std::collections::HashSet;
use std::io::{self, Write};

/// Writes every event as a row of GDELT 2.0's 61 tab-separated columns,
/// GLOBALEVENTID its stable id (the same the store and the API give it);
/// without a header row, as GDELT's own files, unless
/// [`GdeltSink::with_header`]. A document read twice is written once.
/// Each row counts one article: the sink sees no story groups (the store's
/// export does).
#[derive(Debug)]
pub struct GdeltSink<W: Write> {
    out: W,
    destination: String,
    header_due: bool,
    written: HashSet<DocId>,
}

impl<W: Write> GdeltSink<W> {
    /// Writes to `out`; `destination` names it in errors (`standard output`).
    pub fn new(out: W, destination: impl Into<String>) -> GdeltSink<W> {
        GdeltSink {
            out,
            destination: destination.into(),
            header_due: false,
            written: HashSet::new(),
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

    /// Writes the rows of the records not written before; how many were.
    fn rows(&mut self, records: &[DocumentRecord]) -> io::Result<usize> {
        self.header()?;
        let mut fresh = 0;
        for r in records {
            if !self.written.insert(r.document.id.clone()) {
                continue;
            }
            fresh += 1;
            for event in &r.events {
                let coverage = entente_code::Coverage::single(event);
                writeln!(
                    self.out,
                    "{}",
                    entente_code::gdelt_row(event, &r.document, coverage)
                )?;
            }
        }
        Ok(fresh)
    }
}

impl<W: Write> Sink for GdeltSink<W> {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        let stored = self.rows(records).map_err(|e| self.err(e))?;
        Ok(Written {
            stored,
            duplicates: records.len() - stored,
        })
    }

    fn contains(&mut self, id: &DocId) -> Result<bool, SinkError> {
        Ok(self.written.contains(id))
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
    fn rows_carry_stable_ids_and_a_document_is_written_once() {
        let mut sink = GdeltSink::new(Vec::new(), "memory").with_header();
        let r = record();
        let first = sink.write_batch(std::slice::from_ref(&r)).expect("writes");
        let again = sink.write_batch(std::slice::from_ref(&r)).expect("writes");
        assert_eq!((first.stored, again.duplicates), (1, 1));
        assert!(Sink::contains(&mut sink, &r.document.id).expect("answers"));
        sink.finish().expect("flushes");
        let out = String::from_utf8(sink.into_inner()).expect("utf-8");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], entente_code::gdelt_header());
        assert_eq!(lines.len(), 1 + r.events.len());
        let ids: Vec<&str> = lines[1..]
            .iter()
            .map(|l| l.split('\t').next().unwrap_or_default())
            .collect();
        let want: Vec<String> = (0..r.events.len())
            .map(|i| entente_core::Event::stable_id(&r.document.id, i).to_string())
            .collect();
        assert_eq!(ids, want, "help: GLOBALEVENTID is the event's stable id");
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
