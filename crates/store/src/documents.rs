//! Reading documents back, and full-text search over them.

use crate::codec::{col_date, col_json, col_opt_usize, col_usize};
use crate::db::Dialect;
use crate::error::Result;
use crate::facts::Conditions;
use crate::store::Store;
use crate::write::DocumentRecord;
use entente_core::{DocId, Document, Origin, Paragraph, Span};

/// A document found by [`Store::search`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub id: DocId,
    pub external_id: Option<String>,
    pub title: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    /// A few words around the best match, matched terms in `[` `]`.
    pub snippet: String,
    /// Relevance, higher is better: BM25 on SQLite, `ts_rank_cd` on
    /// PostgreSQL (the two scales differ).
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
        let row = self.opt(
            &format!("reading document {id}"),
            "SELECT id, external_id, origin_path, origin_locator, url, title, published,
                    source, text, related_links, dropped, offsets, seq
             FROM documents
             WHERE seq = coalesce((SELECT seq FROM documents WHERE id = ?1),
                                  (SELECT min(seq) FROM documents WHERE external_id = ?1))",
            &[&id],
            |r| {
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
            },
        )?;
        let Some((seq, mut doc)) = row else {
            return Ok(None);
        };
        doc.paragraphs = self.rows(
            &format!("reading paragraphs of document {id}"),
            "SELECT span_start, span_end, original_start, original_end
             FROM paragraphs WHERE document = ?1 ORDER BY ord",
            &[&seq],
            |r| {
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
            },
        )?;
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
            spans: self.spans_of(seq, id)?,
            document,
        }))
    }

    /// Up to `limit` documents' content ids in the order they were stored,
    /// each with its key in that order, from the one after the key `after`
    /// (0: from the first): an export reads the whole store a page at a
    /// time, passing the last key it was given, at the same cost per page
    /// whatever the store's size. The ids name [`Store::record`]s.
    pub fn document_ids(&self, after: i64, limit: usize) -> Result<Vec<(i64, DocId)>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.rows(
            "listing documents",
            "SELECT seq, id FROM documents WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            &[&after, &limit],
            |r| Ok((r.get(0)?, DocId(r.get(1)?))),
        )
    }

    /// The latest `limit` stories' documents (a copy of a story is left
    /// out): newest publication date first, undated ones last, the most
    /// recently stored first among equals. Snippets are empty, scores 0.
    pub fn latest_documents(&self, limit: usize) -> Result<Vec<SearchHit>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.rows(
            "listing the latest documents",
            "SELECT id, external_id, title, published,
                    CASE WHEN coalesce(title, '') = '' THEN substr(text, 1, 2000) END
             FROM documents WHERE story IS NULL
             ORDER BY published IS NULL, published DESC, seq DESC
             LIMIT ?1",
            &[&limit],
            |r| {
                let title = r.get::<_, Option<String>>(2)?.filter(|t| !t.is_empty());
                let lead: Option<String> = r.get(4)?;
                Ok(SearchHit {
                    id: DocId(r.get(0)?),
                    external_id: r.get(1)?,
                    title: title.or_else(|| lead.map(|l| entente_core::text::headline(&l))),
                    published: col_date(r, 3)?,
                    snippet: String::new(),
                    score: 0.0,
                })
            },
        )
    }

    /// Documents whose title or text match `query`, best first.
    ///
    /// The query is words, matched whole after stemming (`deploy` finds
    /// `deployed`), all of which must occur; FTS5 operators are not
    /// interpreted and control characters separate words, so any user
    /// input is a valid query. Empty input finds nothing.
    ///
    /// A snippet's cost is bounded whatever the size of the document:
    /// SQLite builds it for texts of up to 64 Ki characters (its
    /// `snippet()` slows down with the square of the matches); of a longer
    /// text only the first 64 Ki characters are looked at, and a match past
    /// them shows the text's beginning.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let fts = match self.dialect() {
            Dialect::Sqlite => fts_query(query),
            Dialect::Postgres => plain_words(query),
        };
        let Some(fts) = fts else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let window = SNIPPET_WHOLE_TEXT as i64;
        // `long` is NULL for a short text, whose snippet SQLite makes;
        // otherwise the window our own snippet is cut from.
        let sql = match self.dialect() {
            Dialect::Sqlite => {
                "SELECT d.id, d.external_id, d.title, d.published,
                        CASE WHEN length(d.text) <= ?3
                             THEN snippet(documents_fts, -1, '[', ']', '…', 12) END,
                        CASE WHEN length(d.text) > ?3 THEN substr(d.text, 1, ?3) END,
                        -bm25(documents_fts),
                        CASE WHEN coalesce(d.title, '') = '' THEN substr(d.text, 1, 2000) END
                 FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                 WHERE documents_fts MATCH ?1
                 ORDER BY bm25(documents_fts), d.seq
                 LIMIT ?2"
            }
            // PostgreSQL's own search: the words stemmed as English, all of
            // them required (plainto_tsquery: no operators), ranked by
            // ts_rank_cd; every snippet is ours, from the text's beginning.
            Dialect::Postgres => {
                "SELECT d.id, d.external_id, d.title, d.published, NULL::text,
                        substr(d.text, 1, ?3),
                        ts_rank_cd(d.fts, q)::float8,
                        CASE WHEN coalesce(d.title, '') = '' THEN substr(d.text, 1, 2000) END
                 FROM documents d, plainto_tsquery('english', ?1) AS q
                 WHERE d.fts @@ q
                 ORDER BY 7 DESC, d.seq
                 LIMIT ?2"
            }
        };
        let rows: Vec<(SearchHit, Option<String>)> = self.rows(
            &format!("searching for {query:?}"),
            sql,
            &[&fts, &limit, &window],
            |r| {
                // A document stored without a title (before titles were
                // made from first sentences) is listed by its first one.
                let title = r.get::<_, Option<String>>(2)?.filter(|t| !t.is_empty());
                let lead: Option<String> = r.get(7)?;
                let hit = SearchHit {
                    id: DocId(r.get(0)?),
                    external_id: r.get(1)?,
                    title: title.or_else(|| lead.map(|l| entente_core::text::headline(&l))),
                    published: col_date(r, 3)?,
                    snippet: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    // bm25() is lower for better matches: negated above.
                    score: r.get::<_, f64>(6)?,
                };
                Ok((hit, r.get(5)?))
            },
        )?;
        let postgres = self.dialect() == Dialect::Postgres;
        Ok(rows
            .into_iter()
            .map(|(mut hit, long)| {
                if let Some(window) = long {
                    hit.snippet = window_snippet(&window, query, SNIPPET_TOKENS);
                }
                // SQLite's snippet is of the column that matched best; ours
                // is of the text, or of the title when only it matches.
                if postgres && !hit.snippet.contains('[') {
                    if let Some(title) = &hit.title {
                        let of_title = window_snippet(title, query, SNIPPET_TOKENS);
                        if of_title.contains('[') {
                            hit.snippet = of_title;
                        }
                    }
                }
                hit
            })
            .collect())
    }
}

/// Texts up to this many characters get SQLite's snippet; of longer ones
/// only this many leading characters are looked at.
const SNIPPET_WHOLE_TEXT: usize = 64 * 1024;

/// Words in a snippet, as SQLite's is asked for.
const SNIPPET_TOKENS: usize = 12;

/// The words of `s`: runs of letters and digits, as byte ranges.
fn words(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = None;
    s.char_indices()
        .chain(std::iter::once((s.len(), ' ')))
        .filter_map(move |(i, c)| match (c.is_alphanumeric(), start) {
            (true, None) => {
                start = Some(i);
                None
            }
            (false, Some(b)) => {
                start = None;
                Some(b..i)
            }
            _ => None,
        })
}

/// Whether `word` is a form of the query term `term` (both lower case):
/// the same word or, for longer words, the same stem give or take an
/// ending (`deploy` and `deployed`, `policy` and `policies`). Close to what
/// the stemmer matched; it only decides what is marked.
fn same_word(word: &str, term: &str) -> bool {
    if word == term {
        return true;
    }
    let common = word
        .chars()
        .zip(term.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let shorter = word.chars().count().min(term.chars().count());
    common >= 4 && common + 2 >= shorter
}

/// A snippet as SQLite's `snippet()` makes them, from `text` alone: about
/// `tokens` words around the first word matching `query`, matches in `[`
/// `]`, `…` where text is left out; the beginning of `text` when nothing
/// matches.
fn window_snippet(text: &str, query: &str, tokens: usize) -> String {
    let terms: Vec<String> = words(query)
        .map(|r| query.get(r).unwrap_or_default().to_lowercase())
        .collect();
    let spans: Vec<std::ops::Range<usize>> = words(text).collect();
    let hit = |r: &std::ops::Range<usize>| {
        let w = text.get(r.clone()).unwrap_or_default().to_lowercase();
        terms.iter().any(|t| same_word(&w, t))
    };
    let first = spans.iter().position(&hit).unwrap_or(0);
    let from = first.saturating_sub(tokens / 4);
    let to = (from + tokens).min(spans.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let Some(start) = spans.get(from).map(|r| r.start) else {
        return out;
    };
    let mut at = start;
    for r in &spans[from..to] {
        out.push_str(text.get(at..r.start).unwrap_or_default());
        if hit(r) {
            out.push('[');
            out.push_str(text.get(r.clone()).unwrap_or_default());
            out.push(']');
        } else {
            out.push_str(text.get(r.clone()).unwrap_or_default());
        }
        at = r.end;
    }
    // The window is cut from a longer text: there is always more.
    out.push('…');
    out
}

/// Free text as PostgreSQL's `plainto_tsquery` takes it: the words
/// separated by spaces, control characters (a NUL, which PostgreSQL text
/// cannot hold) separating words too; `None` when there is no word.
fn plain_words(input: &str) -> Option<String> {
    let words: Vec<&str> = input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Free text as an FTS5 query: each word quoted, so operators and
/// punctuation are taken literally; `None` when there is no word. Control
/// characters separate words: a NUL would end the query string inside
/// SQLite.
fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
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
        assert_eq!(fts_query("a\0b\u{7}").as_deref(), Some("\"a\" \"b\""));
        assert_eq!(fts_query("\0"), None);
    }

    #[test]
    fn window_snippets_mark_forms_of_the_query_words() {
        let text = "Officials said on Monday that the policies deployed troops \
                    to the border, where more troops were deployed later.";
        let s = window_snippet(text, "deploy Policy", 8);
        assert_eq!(s, "…that the [policies] [deployed] troops to the border…");
        let s = window_snippet(text, "absent", 3);
        assert_eq!(s, "Officials said on…");
        assert_eq!(window_snippet("", "x", 12), "");
        assert!(same_word("nato", "nato") && !same_word("war", "warn"));
    }
}
