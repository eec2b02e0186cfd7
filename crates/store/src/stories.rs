//! Story groups: a document whose text is nearly another's (see
//! `entente_core::story`) is a copy of that document's story.
//!
//! A new document is grouped as it is written, in its batch's transaction:
//! its MinHash signature's band keys are looked up in `story_bands`, the
//! signatures of the documents found there compared with its own, and it
//! joins the story of the most similar one at the threshold or above (its
//! `documents.story` is that story's first document), or starts its own
//! (`story` NULL). Its signature and band keys are then stored for the
//! documents after it. Nothing else in the store is read: the cost of a
//! document does not grow with the store.

use crate::db::{DbError, Exec};
use crate::error::Result;
use crate::store::Store;
use entente_core::story::{best_story, Signature, BANDS, BUCKET_LIMIT};
use entente_core::DocId;
use rusqlite::params;
use std::collections::HashMap;

/// Groups the new document `seq` with its story; the story's first
/// document when it is a copy.
pub(crate) fn group(
    tx: &mut Exec,
    seq: i64,
    text: &str,
) -> std::result::Result<Option<i64>, DbError> {
    let Some(signature) = Signature::of(text) else {
        return Ok(None);
    };
    // Band keys are stored as SQLite integers: the same 64 bits, signed.
    let keys = signature.band_keys().map(|k| k as i64);
    let placeholders: Vec<String> = (1..=BANDS).map(|i| format!("?{i}")).collect();
    let key_params: Vec<&dyn rusqlite::ToSql> =
        keys.iter().map(|k| k as &dyn rusqlite::ToSql).collect();
    let found: Vec<(i64, i64)> = tx.query(
        &format!(
            "SELECT band_key, document FROM story_bands WHERE band_key IN ({})",
            placeholders.join(", ")
        ),
        &key_params,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut bucket_sizes: HashMap<i64, usize> = HashMap::new();
    let mut documents: Vec<i64> = Vec::with_capacity(found.len());
    for (key, doc) in found {
        *bucket_sizes.entry(key).or_default() += 1;
        documents.push(doc);
    }
    documents.sort_unstable();
    documents.dedup();
    let mut candidates: Vec<(i64, Signature)> = Vec::with_capacity(documents.len());
    for doc in documents {
        let row: Option<(Vec<u8>, i64)> = tx.query_opt(
            "SELECT s.minhash, coalesce(d.story, d.seq)
             FROM story_signatures s JOIN documents d ON d.seq = s.document
             WHERE s.document = ?1",
            &[&doc],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if let Some((bytes, story)) = row {
            if let Some(s) = Signature::from_bytes(&bytes) {
                candidates.push((story, s));
            }
        }
    }
    let story = best_story(&signature, candidates.iter().map(|(st, s)| (*st, s)));
    tx.execute(
        "INSERT INTO story_signatures (document, minhash) VALUES (?1, ?2)",
        params![seq, signature.to_bytes()],
    )?;
    // One statement for all the band keys kept (a round trip each would
    // be most of a document's cost on PostgreSQL).
    let kept: Vec<i64> = keys
        .into_iter()
        .filter(|key| bucket_sizes.get(key).copied().unwrap_or(0) < BUCKET_LIMIT)
        .collect();
    if !kept.is_empty() {
        let rows: Vec<String> = (0..kept.len())
            .map(|i| format!("(?{}, ?1)", i + 2))
            .collect();
        let mut band_params: Vec<&dyn rusqlite::ToSql> = vec![&seq];
        band_params.extend(kept.iter().map(|k| k as &dyn rusqlite::ToSql));
        tx.execute(
            &format!(
                "INSERT INTO story_bands (band_key, document) VALUES {}
                 ON CONFLICT DO NOTHING",
                rows.join(", ")
            ),
            &band_params,
        )?;
    }
    if let Some(first) = story {
        tx.execute(
            "UPDATE documents SET story = ?1 WHERE seq = ?2",
            params![first, seq],
        )?;
    }
    Ok(story)
}

/// A story: its documents, the first first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The content id of the story's first document, which names the story.
    pub id: DocId,
    /// Every document of the story, in the order stored.
    pub documents: Vec<StoryDocument>,
}

/// One document of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryDocument {
    pub id: DocId,
    /// The id facts carry as `doc` (the input's own id, else the content id).
    pub public_id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

impl Story {
    /// How many outlets published the story: distinct `source` values, a
    /// document without one counted by its URL's host, one without either
    /// by itself.
    pub fn sources(&self) -> usize {
        let mut seen: Vec<String> = self
            .documents
            .iter()
            .map(|d| {
                d.source
                    .clone()
                    .or_else(|| d.url.as_deref().and_then(host).map(str::to_string))
                    .unwrap_or_else(|| format!("document {}", d.id.as_str()))
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    /// The documents other than `doc` (a public or content id).
    pub fn copies_of<'a>(&'a self, doc: &'a str) -> impl Iterator<Item = &'a StoryDocument> {
        self.documents
            .iter()
            .filter(move |d| d.public_id != doc && d.id.as_str() != doc)
    }
}

/// The host of an `http(s)://` URL.
fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host).filter(|h| !h.is_empty())
}

impl Store {
    /// The story of the document with this content or public id; `None`
    /// when no such document is stored.
    pub fn story(&self, doc: &str) -> Result<Option<Story>> {
        let what = format!("reading the story of document {doc:?}");
        let first: Option<i64> = self.opt(
            &what,
            "SELECT coalesce(story, seq) FROM documents WHERE id = ?1
             UNION ALL
             SELECT coalesce(story, seq) FROM documents WHERE external_id = ?1
             LIMIT 1",
            &[&doc],
            |r| r.get(0),
        )?;
        let Some(first) = first else {
            return Ok(None);
        };
        let documents: Vec<StoryDocument> = self.rows(
            &what,
            "SELECT id, external_id, title, source, url FROM documents WHERE seq = ?1
             UNION ALL
             SELECT id, external_id, title, source, url FROM
                 (SELECT id, external_id, title, source, url FROM documents
                  WHERE story = ?1 ORDER BY seq) AS copies",
            &[&first],
            |r| {
                let id: String = r.get(0)?;
                let external: Option<String> = r.get(1)?;
                Ok(StoryDocument {
                    public_id: external.unwrap_or_else(|| id.clone()),
                    id: DocId(id),
                    title: r.get(2)?,
                    source: r.get(3)?,
                    url: r.get(4)?,
                })
            },
        )?;
        let Some(head) = documents.first() else {
            return Ok(None);
        };
        Ok(Some(Story {
            id: head.id.clone(),
            documents,
        }))
    }

    /// How many stories the store holds: documents that are no copy.
    pub fn count_stories(&self) -> Result<u64> {
        self.one(
            "counting stories",
            "SELECT count(*) FROM documents WHERE story IS NULL",
            &[],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n.max(0) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_urls() {
        assert_eq!(host("https://news.example/a?b"), Some("news.example"));
        assert_eq!(host("http://x.org"), Some("x.org"));
        assert_eq!(host("ftp://x.org"), None);
        assert_eq!(host("https:///a"), None);
    }
}
