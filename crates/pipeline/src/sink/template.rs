//! A template for a new sink, compiled and tested so it cannot rot: copy
//! it, rename it, and write your format where it writes a line per
//! document. A sink that holds documents by id (a database) also answers
//! [`Sink::contains`], so the pipeline skips what it already holds.

use super::{Sink, SinkError, Written};
use entente_store::DocumentRecord;
use std::io::Write;

/// Writes `doc<TAB>events` for each document.
struct EventCounts<W: Write> {
    out: W,
}

impl<W: Write> Sink for EventCounts<W> {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        // Name the format and the destination in errors.
        let err = |source| SinkError::Io {
            format: "event counts",
            destination: "the template's writer".into(),
            source,
        };
        for r in records {
            writeln!(self.out, "{}\t{}", r.document.public_id(), r.events.len()).map_err(err)?;
        }
        Ok(Written {
            stored: records.len(),
            duplicates: 0,
        })
    }

    // Buffered output is written out once, after the last batch.
    fn finish(&mut self) -> Result<(), SinkError> {
        self.out.flush().map_err(|source| SinkError::Io {
            format: "event counts",
            destination: "the template's writer".into(),
            source,
        })
    }
}

#[test]
fn the_template_writes_a_line_per_document() {
    let r = super::tests::record();
    let mut sink = EventCounts { out: Vec::new() };
    sink.write_batch(std::slice::from_ref(&r)).expect("writes");
    sink.finish().expect("flushes");
    let out = String::from_utf8(sink.out).expect("utf-8");
    assert_eq!(
        out,
        format!("{}\t{}\n", r.document.public_id(), r.events.len())
    );
}
