//! `entente clean`: cleaning only, nothing stored.

use super::inputs::Inputs;
use crate::args::{CleanArgs, CleanFormat};
use crate::output::{json_line, stdout};
use crate::Outcome;
use anyhow::Result;
use entente_core::Document;
use serde_json::{json, Value};
use std::io::Write;

pub fn run(args: CleanArgs, quiet: bool) -> Result<Outcome> {
    let mut inputs = Inputs::open(&args.input, quiet);
    let mut out = stdout();
    while let Some(raw) = inputs.next() {
        match entente_pipeline::clean(&raw) {
            Ok(doc) => match args.format {
                CleanFormat::Jsonl => json_line(&mut out, &document_json(&doc))?,
                CleanFormat::Text => write_text(&mut out, &doc)?,
            },
            Err(e) => inputs.report(e),
        }
    }
    out.flush()?;
    Ok(inputs.finish())
}

/// The `clean --format jsonl` record of a document.
pub fn document_json(doc: &Document) -> Value {
    let paragraphs: Vec<&str> = (0..doc.paragraphs.len())
        .map(|i| doc.paragraph_text(i))
        .collect();
    let related: Vec<&str> = doc.related_links.iter().map(|l| l.text.as_str()).collect();
    let related_urls: Vec<Option<&str>> =
        doc.related_links.iter().map(|l| l.url.as_deref()).collect();
    let dropped: Vec<Value> = doc
        .dropped
        .iter()
        .map(|d| {
            json!({
                "kind": d.kind,
                "reason": d.reason,
                "text": d.text,
                "paragraphs": d.text.lines().filter(|l| !l.trim().is_empty()).count(),
            })
        })
        .collect();
    json!({
        "id": doc.id,
        "external_id": doc.external_id,
        "path": doc.origin.path,
        "locator": doc.origin.locator,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published,
        "source": doc.source,
        "text": doc.text,
        "paragraphs": paragraphs,
        "related_links": related,
        "related_link_urls": related_urls,
        "dropped": dropped,
    })
}

fn write_text(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    if let Some(title) = &doc.title {
        writeln!(out, "# {title}\n")?;
    }
    writeln!(out, "{}\n", doc.text)
}
