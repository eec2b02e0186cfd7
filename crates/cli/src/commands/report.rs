//! Human-readable reports of what the pipeline found in a document.

use entente_store::DocumentRecord;
use std::io::{self, Write};

/// Writes what was found in one document: its actors, events, quotations
/// and deployments, each with its evidence.
pub fn record(out: &mut impl Write, r: &DocumentRecord) -> io::Result<()> {
    let doc = &r.document;
    let title = doc.title.as_deref().unwrap_or("(untitled)");
    writeln!(out, "document {} — {}", doc.public_id(), title)?;
    writeln!(
        out,
        "  from {}, published {}, {} paragraph(s), {} related link(s) set apart",
        doc.origin,
        doc.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into()),
        doc.paragraphs.len(),
        doc.related_links.len()
    )?;
    Ok(())
}
