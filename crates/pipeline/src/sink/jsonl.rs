//! One JSON record per line: `entente code --format jsonl`.

use super::{Sink, SinkError, Written};
use entente_store::DocumentRecord;
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, Write};

/// Writes each document as JSON lines, each with a `kind`: `document`
/// (what was read), then its `actor_mention`s, `event`s, `quotation`s and
/// `deployment`s; every line names its document's public id as `doc`.
#[derive(Debug)]
pub struct JsonlSink<W: Write> {
    out: W,
    destination: String,
}

impl<W: Write> JsonlSink<W> {
    /// Writes to `out`; `destination` names it in errors (`standard output`).
    pub fn new(out: W, destination: impl Into<String>) -> JsonlSink<W> {
        JsonlSink {
            out,
            destination: destination.into(),
        }
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.out
    }

    fn err(&self, source: io::Error) -> SinkError {
        SinkError::Io {
            format: "JSON lines",
            destination: self.destination.clone(),
            source,
        }
    }

    fn line(&mut self, value: &Value) -> io::Result<()> {
        // Through `io::Error`, which keeps a closed pipe recognisable.
        serde_json::to_writer(&mut self.out, value).map_err(io::Error::from)?;
        self.out.write_all(b"\n")
    }

    fn record(&mut self, r: &DocumentRecord) -> io::Result<()> {
        let doc = r.document.public_id();
        self.line(&json!({
            "kind": "document",
            "doc": doc,
            "id": r.document.id,
            "path": r.document.origin.path,
            "title": r.document.title,
            "published": r.document.published,
            "paragraphs": r.document.paragraphs.len(),
        }))?;
        for m in &r.mentions {
            self.line(&tagged("actor_mention", doc, m)?)?;
        }
        for e in &r.events {
            self.line(&tagged("event", doc, e)?)?;
        }
        for q in &r.quotations {
            self.line(&tagged("quotation", doc, q)?)?;
        }
        for d in &r.deployments {
            self.line(&tagged("deployment", doc, d)?)?;
        }
        Ok(())
    }
}

/// A record with `kind` first and the document's public id as `doc`.
fn tagged(kind: &str, doc: &str, value: impl Serialize) -> io::Result<Value> {
    let mut fields = serde_json::Map::new();
    fields.insert("kind".into(), json!(kind));
    fields.insert("doc".into(), json!(doc));
    if let Value::Object(rest) = serde_json::to_value(value).map_err(io::Error::from)? {
        for (k, v) in rest {
            // A mention's own kind (state, person, ...) is its actor kind.
            let k = if k == "kind" {
                "actor_kind".to_string()
            } else {
                k
            };
            fields.entry(k).or_insert(v);
        }
    }
    Ok(Value::Object(fields))
}

impl<W: Write> Sink for JsonlSink<W> {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        for r in records {
            self.record(r).map_err(|e| self.err(e))?;
        }
        Ok(Written {
            stored: records.len(),
            duplicates: 0,
        })
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.out.flush().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::tests::record;

    #[test]
    fn every_line_names_its_kind_and_document() {
        let mut sink = JsonlSink::new(Vec::new(), "memory");
        let r = record();
        let written = sink.write_batch(std::slice::from_ref(&r)).expect("writes");
        assert_eq!(written.stored, 1);
        sink.finish().expect("flushes");
        let out = String::from_utf8(sink.into_inner()).expect("utf-8");
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        assert_eq!(lines.len(), 1 + r.mentions.len() + r.events.len());
        assert_eq!(lines[0]["kind"], "document");
        assert_eq!(lines[1]["kind"], "actor_mention");
        assert!(
            lines[1].get("actor_kind").is_some(),
            "help: a mention's own kind is renamed actor_kind: {}",
            lines[1]
        );
        assert_eq!(lines.last().expect("an event")["kind"], "event");
        for l in &lines {
            assert_eq!(l["doc"], r.document.public_id());
        }
    }

    #[test]
    fn a_closed_pipe_is_told_apart() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut sink = JsonlSink::new(Closed, "a pipe");
        let err = sink.write_batch(&[record()]).expect_err("cannot write");
        assert!(err.is_closed_pipe(), "{err}");
        assert!(err.to_string().contains("a pipe"), "{err}");
    }
}
