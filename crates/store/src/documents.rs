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
    /// them shows the text's beginning. Snippets that SQLite does not make
    /// (of long texts, and every one on PostgreSQL) are made as its
    /// `snippet()` makes them ([`snippet`]), so that both back ends show
    /// the same window of a document.
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
                        1,
                        CASE WHEN coalesce(d.title, '') = '' THEN substr(d.text, 1, 2000) END
                 FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                 WHERE documents_fts MATCH ?1
                 ORDER BY bm25(documents_fts), d.seq
                 LIMIT ?2"
            }
            // PostgreSQL's own search: the words stemmed as English, all of
            // them required (plainto_tsquery: no operators), ranked by
            // ts_rank_cd; every snippet is ours, of the text's beginning.
            Dialect::Postgres => {
                "SELECT d.id, d.external_id, d.title, d.published, NULL::text,
                        substr(d.text, 1, ?3),
                        ts_rank_cd(d.fts, q)::float8,
                        CASE WHEN length(d.text) > ?3 THEN 1 ELSE 0 END,
                        CASE WHEN coalesce(d.title, '') = '' THEN substr(d.text, 1, 2000) END
                 FROM documents d, plainto_tsquery('english', ?1) AS q
                 WHERE d.fts @@ q
                 ORDER BY 7 DESC, d.seq
                 LIMIT ?2"
            }
        };
        // A hit, and the columns to cut its snippet from when SQLite did not.
        type Columns = Option<(String, String, bool)>;
        let rows: Vec<(SearchHit, Columns)> = self.rows(
            &format!("searching for {query:?}"),
            sql,
            &[&fts, &limit, &window],
            |r| {
                // A document stored without a title (before titles were
                // made from first sentences) is listed by its first one.
                let title = r.get::<_, Option<String>>(2)?.filter(|t| !t.is_empty());
                let lead: Option<String> = r.get(8)?;
                let hit = SearchHit {
                    id: DocId(r.get(0)?),
                    external_id: r.get(1)?,
                    title: title.or_else(|| lead.map(|l| entente_core::text::headline(&l))),
                    published: col_date(r, 3)?,
                    snippet: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    // bm25() is lower for better matches: negated above.
                    score: r.get::<_, f64>(6)?,
                };
                let window: Option<String> = r.get(5)?;
                let cut = r.get::<_, i64>(7)? != 0;
                // The stored title, not one made from the text.
                let stored_title = r.get::<_, Option<String>>(2)?.unwrap_or_default();
                Ok((hit, window.map(|w| (stored_title, w, cut))))
            },
        )?;
        Ok(rows
            .into_iter()
            .map(|(mut hit, window)| {
                if let Some((title, text, cut)) = window {
                    hit.snippet = snippet(&[&title, &text], cut, query, SNIPPET_TOKENS);
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

/// A snippet as SQLite's FTS5 `snippet()` makes them (its algorithm, in
/// SQLite's `fts5_aux.c`), from `columns` (the title, the text): of the
/// column and the window of `tokens` words that show the most distinct
/// query words, the window centred on them, or moved to start a sentence
/// when that shows as many (the column's first sentence preferred);
/// matches in `[` `]`, `…` where text is left out. `cut` says that the
/// last column is only the beginning of its text. A word matches a query
/// word when [`same_word`] takes it for one of its forms; when none does,
/// the snippet is the text's beginning.
fn snippet(columns: &[&str], cut: bool, query: &str, tokens: usize) -> String {
    let terms: Vec<String> = words(query)
        .map(|r| query.get(r).unwrap_or_default().to_lowercase())
        .collect();
    let tokens = tokens.max(1);
    let columns: Vec<Column> = columns.iter().map(|t| Column::new(t, &terms)).collect();
    // FTS5 starts from no score; a better window must score more.
    let mut best = (0, columns.len().saturating_sub(1), 0);
    for (c, col) in columns.iter().enumerate() {
        let size = col.spans.len();
        for &(at, _) in &col.hits {
            let (score, start) = col.score(terms.len(), at, tokens);
            if score > best.0 {
                best = (score, c, start);
            }
            // The sentence this match is in, from its start.
            if size > tokens {
                let first = col.firsts.partition_point(|&f| f <= at);
                if let Some(&from) = first.checked_sub(1).and_then(|i| col.firsts.get(i)) {
                    if from < at {
                        let bonus = if from == 0 { 120 } else { 100 };
                        let (score, _) = col.score(terms.len(), from, tokens);
                        if score + bonus > best.0 {
                            best = (score + bonus, c, from);
                        }
                    }
                }
            }
        }
    }
    let (_, c, start) = best;
    let Some(col) = columns.get(c) else {
        return String::new();
    };
    let text = col.text;
    let last = start + tokens - 1;
    let mut out = String::new();
    let mut at = 0;
    if start > 0 {
        out.push('…');
        at = col.spans.get(start).map_or(text.len(), |r| r.start);
    }
    let mut hits = col.hits.iter().map(|h| h.0).peekable();
    for (pos, r) in col.spans.iter().enumerate().take(last + 1).skip(start) {
        while hits.next_if(|&h| h < pos).is_some() {}
        if hits.next_if_eq(&pos).is_some() {
            out.push_str(text.get(at..r.start).unwrap_or_default());
            out.push('[');
            out.push_str(text.get(r.clone()).unwrap_or_default());
            out.push(']');
            at = r.end;
        }
        if pos == last || pos + 1 == col.spans.len() {
            out.push_str(text.get(at..r.end).unwrap_or_default());
            at = r.end;
        }
    }
    let whole = !(cut && c + 1 == columns.len());
    if last + 1 >= col.spans.len() && whole {
        out.push_str(text.get(at..).unwrap_or_default());
    } else {
        out.push('…');
    }
    out
}

/// A column's words as FTS5 sees them, for [`snippet`].
struct Column<'a> {
    text: &'a str,
    spans: Vec<std::ops::Range<usize>>,
    /// The words that match a query word: (word number, query word number).
    hits: Vec<(usize, usize)>,
    /// The word numbers that start a sentence.
    firsts: Vec<usize>,
}

impl<'a> Column<'a> {
    fn new(text: &'a str, terms: &[String]) -> Column<'a> {
        let spans: Vec<std::ops::Range<usize>> = words(text).collect();
        let hits = spans
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let w = text.get(r.clone())?.to_lowercase();
                terms.iter().position(|t| same_word(&w, t)).map(|t| (i, t))
            })
            .collect();
        // FTS5's sentence finder: the first word, and every word after
        // white space that follows a `.` or a `:`.
        let firsts = spans
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                let before = text.get(..r.start).unwrap_or_default();
                let trimmed = before.trim_end_matches([' ', '\t', '\n', '\r']);
                *i == 0
                    || (trimmed.len() < before.len()
                        && (trimmed.ends_with('.') || trimmed.ends_with(':')))
            })
            .map(|(i, _)| i)
            .collect();
        Column {
            text,
            spans,
            hits,
            firsts,
        }
    }

    /// FTS5's score of the window of `tokens` words from word `from` (1000
    /// for each distinct query word in it, 1 for each repeat), and where a
    /// window centred on its matches starts.
    fn score(&self, terms: usize, from: usize, tokens: usize) -> (u64, usize) {
        let mut seen = vec![false; terms];
        let (mut score, mut first, mut last) = (0, None, 0);
        let start = self.hits.partition_point(|h| h.0 < from);
        for &(at, term) in self.hits.get(start..).unwrap_or_default() {
            if at >= from + tokens {
                break;
            }
            let before = seen.get_mut(term).map(|s| std::mem::replace(s, true));
            score += if before == Some(false) { 1000 } else { 1 };
            first.get_or_insert(at);
            last = at + 1;
        }
        let first = first.unwrap_or(from) as i64;
        let (tokens, size) = (tokens as i64, self.spans.len() as i64);
        let mut adjusted = first - (tokens - (last as i64 - first)) / 2;
        if adjusted + tokens > size {
            adjusted = size - tokens;
        }
        (score, usize::try_from(adjusted).unwrap_or(0))
    }
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
    fn snippets_mark_forms_of_the_query_words() {
        let text = "Officials said on Monday that the policies deployed troops \
                    to the border, where more troops were deployed later.";
        let s = snippet(&["", text], false, "deploy Policy", 8);
        assert_eq!(
            s, "Officials said on Monday that the [policies] [deployed]…",
            "help: the window starts the sentence of its matches"
        );
        let s = snippet(&["", text], false, "border", 6);
        assert_eq!(s, "…to the [border], where more troops…");
        let s = snippet(&["", text], false, "absent", 3);
        assert_eq!(s, "Officials said on…");
        assert_eq!(snippet(&["", ""], false, "x", 12), "");
        let s = snippet(&["", "Troops left. Troops came."], true, "troops", 12);
        assert_eq!(s, "[Troops] left. [Troops] came…", "a cut text goes on");
        assert!(same_word("nato", "nato") && !same_word("war", "warn"));
    }

    /// Our snippets are SQLite's, whenever a word SQLite's stemmer matches
    /// is one `same_word` takes: the window, the marks, the ellipses.
    #[test]
    fn snippets_are_sqlites() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5 (title, text,
                 tokenize = 'porter unicode61 remove_diacritics 2')",
        )
        .expect("an FTS5 table");
        let long = "The ministers met in Brussels on Monday. They talked about the budget \
                    for a long time, and about the weather. Then Russia was named: the \
                    ministers said Russia had moved troops. Nobody spoke of Belarus again. \
                    In the evening the troops were gone, and Russia said nothing at all.";
        let cases: &[(&str, &str, &str)] = &[
            ("Russia moves troops", long, "Russia"),
            ("Russia moves troops", long, "troops"),
            ("", long, "Belarus"),
            ("", long, "evening"),
            ("", long, "ministers budget"),
            ("", long, "Brussels weather"),
            ("", long, "nothing"),
            ("A title", long, "title"),
            (
                "Talks",
                "\"Relevant countries\" should respect: it said.",
                "Relevant",
            ),
            ("", "Short text, one hit: troops.", "troops"),
            (
                "",
                "South Korea said it would deploy 200 troops to the border.",
                "troops",
            ),
            (
                "Solomon Islands",
                "The Solomon Islands. Sovereignty of the Solomon Islands was \
              at stake, China said, as the Solomon Islands signed a pact.",
                "Solomon Islands",
            ),
            (
                "France",
                "France consulted Germany on Wednesday about new sanctions on Russia.\n\n\
              The European Union imposed sanctions on Russia, and more.",
                "Russia",
            ),
        ];
        for (title, text, query) in cases {
            conn.execute("DELETE FROM t", []).expect("empties");
            conn.execute("INSERT INTO t (title, text) VALUES (?1, ?2)", [title, text])
                .expect("inserts");
            let want: String = conn
                .query_row(
                    "SELECT snippet(t, -1, '[', ']', '…', 12) FROM t WHERE t MATCH ?1",
                    [fts_query(query).expect("a query")],
                    |r| r.get(0),
                )
                .expect("SQLite's snippet");
            assert_eq!(
                snippet(&[title, text], false, query, SNIPPET_TOKENS),
                want,
                "help: {query:?} in {title:?} / {text:?}"
            );
        }
    }
}
