//! The per-document pipeline: clean, annotate, code. A plain function of
//! the document and the (shared, read-only) dictionaries.

use entente_core::{Document, RawDocument};
use entente_store::DocumentRecord;
use std::fmt;

/// A document that cleaning left empty: nothing to annotate or store.
#[derive(Debug)]
pub struct NoContent {
    pub origin: String,
    pub dropped: usize,
}

impl fmt::Display for NoContent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: no article text left after cleaning ({} block(s) dropped as boilerplate, links or repeats)",
            self.origin, self.dropped
        )
    }
}

/// Cleans one raw document; an empty result is an error naming the input.
pub fn clean(raw: &RawDocument) -> Result<Document, NoContent> {
    let doc = entente_clean::clean(raw);
    if doc.paragraphs.is_empty() {
        return Err(NoContent {
            origin: raw.origin.to_string(),
            dropped: doc.dropped.len(),
        });
    }
    Ok(doc)
}

/// Annotates and codes a cleaned document.
pub fn code(document: Document) -> DocumentRecord {
    DocumentRecord::new(document)
}
