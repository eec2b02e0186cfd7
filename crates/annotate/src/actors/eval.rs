//! `entente eval actors --gold FILE`: how many gold actors of the PLOVER
//! gold format resolve to the right country or organisation.
//!
//! For every `source`/`target` actor of a record, a mention overlapping its
//! `actorText` must resolve to a code with the gold code's prefix: the first
//! three letters (the country), or for organisation codes (`IGO...`) the
//! whole gold code.

use super::resolver::ActorResolver;
use chrono::NaiveDate;
use entente_core::ActorCode;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Why a gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: expected a JSON array of records")]
    NotArray { path: PathBuf },
}

/// A gold actor the resolver got wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    /// The record's `id`.
    pub id: String,
    pub actor_text: String,
    pub gold: String,
    /// Codes of the mentions overlapping the actor text.
    pub found: Vec<String>,
    pub text: String,
}

/// The score over a gold file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalReport {
    pub total: usize,
    pub correct: usize,
    pub misses: Vec<Miss>,
}

impl EvalReport {
    /// Share of gold actors resolved right, in percent.
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        100.0 * self.correct as f64 / self.total as f64
    }
}

/// One line per miss, then `actors: 300/332 = 90.4%`.
impl std::fmt::Display for EvalReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for m in &self.misses {
            writeln!(
                f,
                "miss {} {:?}: gold {}, found {:?}",
                m.id, m.actor_text, m.gold, m.found
            )?;
        }
        write!(
            f,
            "actors: {}/{} = {:.1}%",
            self.correct,
            self.total,
            self.percent()
        )
    }
}

/// Scores the resolver on a gold file.
pub fn evaluate_file(resolver: &ActorResolver<'_>, path: &Path) -> Result<EvalReport, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let value: Value = serde_json::from_str(&text).map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    let Value::Array(records) = value else {
        return Err(EvalError::NotArray {
            path: path.to_path_buf(),
        });
    };
    Ok(evaluate(resolver, &records))
}

/// Scores the resolver on parsed gold records.
pub fn evaluate(resolver: &ActorResolver<'_>, records: &[Value]) -> EvalReport {
    let mut report = EvalReport::default();
    for r in records {
        let Some(text) = r.get("text").and_then(Value::as_str) else {
            continue;
        };
        let date = r
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let id = r
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let mentions = resolver.find_mentions(text, date);
        for side in ["source", "target"] {
            let Some(Value::Array(actors)) = r.get(side) else {
                continue;
            };
            for a in actors {
                let actor_text = a.get("actorText").and_then(Value::as_str).unwrap_or("");
                let gold = a.get("code").and_then(Value::as_str).unwrap_or("");
                if actor_text.trim().is_empty() || gold.len() < 3 {
                    continue;
                }
                report.total += 1;
                let spans = locate(text, actor_text);
                let found: Vec<String> = mentions
                    .iter()
                    .filter(|m| spans.iter().any(|&(s, e)| m.start < e && s < m.end))
                    .map(|m| m.code.to_string())
                    .collect();
                if found.iter().any(|c| code_agrees(c, gold)) {
                    report.correct += 1;
                } else {
                    report.misses.push(Miss {
                        id: id.clone(),
                        actor_text: actor_text.to_string(),
                        gold: gold.to_string(),
                        found,
                        text: text.to_string(),
                    });
                }
            }
        }
    }
    report
}

/// Whether a resolved code agrees with a gold code at the level judged.
pub fn code_agrees(found: &str, gold: &str) -> bool {
    if gold.starts_with("IGO") {
        found.starts_with(gold)
    } else {
        ActorCode::parse(found)
            .zip(ActorCode::parse(gold))
            .is_some_and(|(f, g)| f.same_head(g))
    }
}

/// Byte spans of `actor_text` in `text`; "A ... B" names two pieces.
fn locate(text: &str, actor_text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for piece in actor_text
        .split("...")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(s) = text.find(piece) {
            out.push((s, s + piece.len()));
        } else if let Some(s) = text.to_lowercase().find(&piece.to_lowercase()) {
            if text.is_char_boundary(s) && text.is_char_boundary(s + piece.len()) {
                out.push((s, s + piece.len()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_agree_on_country_or_whole_org() {
        assert!(code_agrees("NZLGOV", "NZL"));
        assert!(code_agrees("IGOWSTNAT", "IGO"));
        assert!(!code_agrees("IGOUNO", "IGOWSTNAT"));
        assert!(!code_agrees("AUS", "NZLGOV"));
    }

    #[test]
    fn ellipsis_names_pieces() {
        let t = "U.S. and Russian negotiators met";
        assert_eq!(locate(t, "U.S. ... negotiators"), vec![(0, 4), (17, 28)]);
    }

    #[test]
    fn scores_a_record() {
        let rec: Value = serde_json::json!([{ "id": "x", "date": "2022-04-08",
            "text": "New Zealand criticised China.",
            "source": [{"actorText": "New Zealand", "code": "NZL"}],
            "target": [{"actorText": "China", "code": "CHN"}] }]);
        let Value::Array(recs) = rec else {
            unreachable!()
        };
        let r = evaluate(&ActorResolver::embedded(), &recs);
        assert_eq!((r.total, r.correct), (2, 2), "{:?}", r.misses);
    }
}
