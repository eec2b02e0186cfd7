//! `entente code`: annotate and code articles, store nothing.
//!
//! `--format jsonl` writes one record per line, each with a `kind`:
//! `document` (what was read), `actor_mention`, `event`, `quotation` and
//! `deployment`; every record names its document as `doc`.
//! `--format gdelt` writes the 61-column GDELT 2.0 event table, without a
//! header row as GDELT's own files (`--header` adds one).

use super::inputs::Inputs;
use crate::args::{CodeArgs, CodeFormat};
use crate::output::{json_line, stdout};
use crate::Outcome;
use anyhow::Result;
use entente_store::DocumentRecord;
use serde::Serialize;
use serde_json::{json, Value};
use std::io::Write;

pub fn run(args: CodeArgs, quiet: bool) -> Result<Outcome> {
    entente_pipeline::preload_models();
    let mut inputs = Inputs::open(&args.input, quiet);
    let mut out = stdout();
    if args.format == CodeFormat::Gdelt && args.header {
        writeln!(out, "{}", entente_code::gdelt_header())?;
    }
    let mut event_id = 0u64;
    while let Some(raw) = inputs.next() {
        // The raw input is not needed once cleaned: free it before coding.
        let cleaned = entente_pipeline::clean(&raw);
        drop(raw);
        let record = match cleaned.and_then(entente_pipeline::code) {
            Ok(record) => record,
            Err(e) => {
                inputs.report(e);
                continue;
            }
        };
        match args.format {
            CodeFormat::Jsonl => write_jsonl(&mut out, &record)?,
            CodeFormat::Gdelt => {
                for event in &record.events {
                    event_id += 1;
                    writeln!(
                        out,
                        "{}",
                        entente_code::gdelt_row(event, &record.document, event_id)
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(inputs.finish())
}

/// A record with `kind` first and the document's public id as `doc`.
fn tagged(kind: &str, doc: &str, value: impl Serialize) -> Result<Value> {
    let mut fields = serde_json::Map::new();
    fields.insert("kind".into(), json!(kind));
    fields.insert("doc".into(), json!(doc));
    if let Value::Object(rest) = serde_json::to_value(value)? {
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

fn write_jsonl(out: &mut impl Write, r: &DocumentRecord) -> Result<()> {
    let doc = r.document.public_id();
    json_line(
        out,
        &json!({
            "kind": "document",
            "doc": doc,
            "id": r.document.id,
            "path": r.document.origin.path,
            "title": r.document.title,
            "published": r.document.published,
            "paragraphs": r.document.paragraphs.len(),
        }),
    )?;
    for m in &r.mentions {
        json_line(out, &tagged("actor_mention", doc, m)?)?;
    }
    for e in &r.events {
        json_line(out, &tagged("event", doc, e)?)?;
    }
    for q in &r.quotations {
        json_line(out, &tagged("quotation", doc, q)?)?;
    }
    for d in &r.deployments {
        json_line(out, &tagged("deployment", doc, d)?)?;
    }
    Ok(())
}
