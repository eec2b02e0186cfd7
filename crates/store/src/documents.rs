//! Reading documents back, and full-text search over them.

use crate::codec::{col_date, col_json, col_opt_usize, col_usize};
use crate::error::Result;
use crate::facts::Conditions;
use crate::store::Store;
use crate::write::DocumentRecord;
use entente_core::{DocId, Document, Origin, Paragraph, Span};
use rusqlite::OptionalExtension;

/// A document found by [`Store::search`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub id: DocId,
    pub external_id: Option<String>,
    pub title: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    /// A few words around the best match, matched terms in `[` `]`.
    pub snippet: String,
    /// BM25 relevance; higher is better.
    pub score: f64,
}

impl Store {
    /// The document with this content id or, failing that, this external
    /// id. Several documents may share an external id (different content
    /// under one input id); the first stored is returned.
    pub fn document(&self, id: &str) -> Result<Option<Document>> {
        Ok(self.document_row(id)?.map(|(_, doc)| doc))
    }

    /// A document and its `seq`, the key the other tables reference.
    fn document_row(&self, id: &str) -> Result<Option<(i64, Document)>> {
        let what = || format!("reading document {id}");
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, external_id, origin_path, origin_locator, url, title, published,
                        source, text, related_links, dropped, offsets, seq
                 FROM documents
                 WHERE seq = coalesce((SELECT seq FROM documents WHERE id = ?1),
                                      (SELECT min(seq) FROM documents WHERE external_id = ?1))",
            )
            .and_then(|mut st| {
                st.query_row([id], |r| {
                    let doc = Document {
                        id: DocId(r.get(0)?),
                        origin: Origin {
                            path: r.get(2)?,
                            locator: r.get(3)?,
                        },
                        external_id: r.get(1)?,
                        url: r.get(4)?,
                        title: r.get(5)?,
                        published: col_date(r, 6)?,
                        source: r.get(7)?,
                        text: r.get(8)?,
                        paragraphs: Vec::new(),
                        related_links: col_json(r, 9)?,
                        dropped: col_json(r, 10)?,
                        offsets: col_json(r, 11)?,
                    };
                    Ok((r.get::<_, i64>(12)?, doc))
                })
                .optional()
            })
            .map_err(|e| self.decode_err(what(), e))?;
        let Some((seq, mut doc)) = row else {
            return Ok(None);
        };
        doc.paragraphs = self
            .conn
            .prepare_cached(
                "SELECT span_start, span_end, original_start, original_end
                 FROM paragraphs WHERE document = ?1 ORDER BY ord",
            )
            .and_then(|mut st| {
                st.query_map([seq], |r| {
                    let original = match (col_opt_usize(r, 2)?, col_opt_usize(r, 3)?) {
                        (Some(s), Some(e)) => Some(Span { start: s, end: e }),
                        _ => None,
                    };
                    Ok(Paragraph {
                        span: Span {
                            start: col_usize(r, 0)?,
                            end: col_usize(r, 1)?,
                        },
                        original,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.decode_err(format!("reading paragraphs of document {id}"), e))?;
        Ok(Some((seq, doc)))
    }

    /// The document with this content or external id (as
    /// [`Store::document`]) with all its facts, each list in the order it
    /// was written: the record as [`Store::write_batch`] received it.
    pub fn record(&self, id: &str) -> Result<Option<DocumentRecord>> {
        let Some((seq, document)) = self.document_row(id)? else {
            return Ok(None);
        };
        let of_doc = |col: &str| {
            let mut c = Conditions::default();
            let p = c.param(seq);
            c.push(format!("{col} = {p}"));
            c
        };
        Ok(Some(DocumentRecord {
            mentions: self.mentions_where(of_doc("document"))?,
            events: self.events_where(of_doc("document"), "ord", None)?,
            quotations: self.quotations_where(of_doc("document"))?,
            deployments: self.deployments_where(of_doc("d.document"), None)?,
            updates: self
                .updates_of_document(document.public_id())?
                .into_iter()
                .map(|u| u.update)
                .collect(),
            document,
        }))
    }

    /// Documents whose title or text match `query`, best first.
    ///
    /// The query is words, matched whole after stemming (`deploy` finds
    /// `deployed`), all of which must occur; FTS5 operators are not
    /// interpreted, so any user input is a valid query. Empty input finds
    /// nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.conn
            .prepare_cached(
                "SELECT d.id, d.external_id, d.title, d.published,
                        snippet(documents_fts, -1, '[', ']', '…', 12), bm25(documents_fts)
                 FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                 WHERE documents_fts MATCH ?1
                 ORDER BY bm25(documents_fts), d.seq
                 LIMIT ?2",
            )
            .and_then(|mut st| {
                st.query_map(rusqlite::params![fts, limit], |r| {
                    Ok(SearchHit {
                        id: DocId(r.get(0)?),
                        external_id: r.get(1)?,
                        title: r.get(2)?,
                        published: col_date(r, 3)?,
                        snippet: r.get(4)?,
                        // bm25() is lower for better matches.
                        score: -r.get::<_, f64>(5)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.decode_err(format!("searching for {query:?}"), e))
    }
}

/// Free text as an FTS5 query: each word quoted, so operators and
/// punctuation are taken literally; `None` when there is no word.
fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(
            fts_query("NATO  troops").as_deref(),
            Some("\"NATO\" \"troops\"")
        );
        assert_eq!(fts_query("a\"b OR").as_deref(), Some("\"a\"\"b\" \"OR\""));
        assert_eq!(fts_query("  "), None);
    }
}
