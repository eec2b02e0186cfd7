//! Scoring coded events against PLOVER gold records
//! (`entente eval events --gold FILE`).
//!
//! For each gold record the coder is run on its text and date. Scores:
//!
//! - **type accuracy**: the record's predicted type is the PLOVER type of
//!   the first event (in text order) whose source matches a gold source,
//!   else of the first event; records with no event count as wrong.
//! - **triples**: gold triples are every (source, type, target) of the
//!   record (a record with no target gives (source, type, none)); predicted
//!   triples are those of the events. Actors match on their first three
//!   characters (country or organisation prefix); a gold triple with no
//!   target matches any predicted target.
//!
//! Old PLOVER names are mapped to the current ones: DEMAND→REQUEST,
//! DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT. Events without a
//! PLOVER type (statements) and negated events that were not recoded as a
//! rejection are not predictions.

pub mod geo;

use crate::error::DictionaryError;
use chrono::NaiveDate;
use entente_core::Event;
use serde::Serialize;
use serde_json::Value;

/// One gold record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldRecord {
    pub id: String,
    pub text: String,
    pub date: NaiveDate,
    /// Current PLOVER name.
    pub plover: String,
    /// CAMEO actor codes.
    pub sources: Vec<String>,
    pub targets: Vec<String>,
}

/// A record the coder got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub id: String,
    pub text: String,
    pub gold: String,
    pub predicted: Option<String>,
    pub gold_triples: Vec<(String, String, Option<String>)>,
    pub predicted_triples: Vec<(String, String, Option<String>)>,
}

/// Scores over a gold file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    pub records: usize,
    pub type_correct: usize,
    pub type_accuracy: f64,
    pub gold_triples: usize,
    pub predicted_triples: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Records with a wrong type, a missed gold triple or a spurious one.
    pub misses: Vec<Miss>,
}

/// The current PLOVER name of a gold label.
pub fn current_plover(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// Parses a PLOVER gold JSON array; records without text (documentation
/// records) are skipped. `file` names the input in errors.
pub fn parse_gold(file: &str, json: &str) -> Result<Vec<GoldRecord>, DictionaryError> {
    let v: Value = serde_json::from_str(json).map_err(|e| DictionaryError::Json {
        file: file.to_string(),
        message: e.to_string(),
    })?;
    let arr = v.as_array().ok_or_else(|| DictionaryError::Json {
        file: file.to_string(),
        message: "expected a JSON array of records".to_string(),
    })?;
    let codes = |x: Option<&Value>| -> Vec<String> {
        x.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|o| o.get("code").and_then(Value::as_str))
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (i, r) in arr.iter().enumerate() {
        let Some(text) = r.get("text").and_then(Value::as_str) else {
            continue;
        };
        let event = r.get("event").and_then(Value::as_str).unwrap_or("");
        if event.is_empty() || event == "DOCUMENT" {
            continue;
        }
        let date = r
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or_else(|| DictionaryError::Json {
                file: file.to_string(),
                message: format!("record {i}: missing or bad \"date\""),
            })?;
        out.push(GoldRecord {
            id: r
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            text: text.to_string(),
            date,
            plover: current_plover(event).to_string(),
            sources: codes(r.get("source")),
            targets: codes(r.get("target")),
        });
    }
    Ok(out)
}

fn prefix(code: &str) -> String {
    code.chars().take(3).collect()
}

type Triple = (String, String, Option<String>);

fn predicted(events: &[Event]) -> Vec<&Event> {
    events
        .iter()
        .filter(|e| e.plover.is_some() && (!e.negated || e.cameo.starts_with("12")))
        .collect()
}

/// Runs `code` on every record and scores it.
pub fn evaluate<F>(gold: &[GoldRecord], code: F) -> EvalReport
where
    F: Fn(&str, NaiveDate) -> Vec<Event>,
{
    let mut type_correct = 0;
    let (mut tp_pred, mut n_pred, mut tp_gold, mut n_gold) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for g in gold {
        let events = code(&g.text, g.date);
        let preds = predicted(&events);
        let gsrc: Vec<String> = g.sources.iter().map(|s| prefix(s)).collect();
        let chosen = preds
            .iter()
            .find(|e| gsrc.contains(&prefix(&e.source.code)))
            .or(preds.first())
            .and_then(|e| e.plover.clone());
        let type_ok = chosen.as_deref() == Some(g.plover.as_str());
        if type_ok {
            type_correct += 1;
        }
        let mut gt: Vec<Triple> = Vec::new();
        for s in &g.sources {
            if g.targets.is_empty() {
                gt.push((prefix(s), g.plover.clone(), None));
            }
            for t in &g.targets {
                gt.push((prefix(s), g.plover.clone(), Some(prefix(t))));
            }
        }
        gt.dedup();
        let mut pt: Vec<Triple> = preds
            .iter()
            .map(|e| {
                (
                    prefix(&e.source.code),
                    e.plover.as_deref().unwrap_or_default().to_string(),
                    e.target.as_ref().map(|t| prefix(&t.code)),
                )
            })
            .collect();
        pt.sort();
        pt.dedup();
        let matches =
            |p: &Triple, g: &Triple| p.0 == g.0 && p.1 == g.1 && (g.2.is_none() || p.2 == g.2);
        let pred_ok = pt
            .iter()
            .filter(|p| gt.iter().any(|x| matches(p, x)))
            .count();
        let gold_ok = gt
            .iter()
            .filter(|x| pt.iter().any(|p| matches(p, x)))
            .count();
        tp_pred += pred_ok;
        n_pred += pt.len();
        tp_gold += gold_ok;
        n_gold += gt.len();
        // A record with a wrong type, a missed triple or a spurious one.
        if !type_ok || gold_ok < gt.len() || pred_ok < pt.len() {
            misses.push(Miss {
                id: g.id.clone(),
                text: g.text.clone(),
                gold: g.plover.clone(),
                predicted: chosen.map(Into::into),
                gold_triples: gt,
                predicted_triples: pt,
            });
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp_pred, n_pred);
    let recall = ratio(tp_gold, n_gold);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    EvalReport {
        records: gold.len(),
        type_correct,
        type_accuracy: ratio(type_correct, gold.len()),
        gold_triples: n_gold,
        predicted_triples: n_pred,
        precision,
        recall,
        f1,
        misses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_names_map_to_current() {
        let j = r#"[{"id":"x","event":"DEMAND","date":"2000-01-01","text":"t",
            "source":[{"code":"USA"}],"target":""}]"#;
        let g = parse_gold("g.json", j).unwrap_or_default();
        assert_eq!(g[0].plover, "REQUEST");
        assert!(g[0].targets.is_empty());
    }

    fn event(src: &str, tgt: Option<&str>, plover: &str) -> Event {
        let a = |c: &str| entente_core::ActorRef {
            code: c.into(),
            actor: c.into(),
            name: c.into(),
        };
        Event {
            id: 0,
            doc: "d".into(),
            sentence: 0,
            source: a(src),
            target: tgt.map(a),
            cameo: "190".into(),
            plover: Some(plover.into()),
            quad_class: 4,
            goldstein: -10.0,
            date: None,
            date_precision: entente_core::DatePrecision::Publication,
            negated: false,
            evidence: entente_core::Evidence {
                start: 0,
                end: 0,
                text: String::new().into(),
            },
            retold: Vec::new(),
            location: None,
        }
    }

    struct Case {
        name: &'static str,
        predicted: Vec<Event>,
        accuracy: f64,
        precision: f64,
        recall: f64,
    }

    #[test]
    fn scores() {
        let gold = vec![GoldRecord {
            id: "g".into(),
            text: "t".into(),
            date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
            plover: "ASSAULT".into(),
            sources: vec!["RUS".into()],
            targets: vec!["UKR".into(), "GEO".into()],
        }];
        let cases = [
            Case {
                name: "prefix match on sector codes",
                predicted: vec![event("RUSMIL", Some("UKRGOV"), "ASSAULT")],
                accuracy: 1.0,
                precision: 1.0,
                recall: 0.5,
            },
            Case {
                name: "wrong type",
                predicted: vec![event("RUS", Some("UKR"), "COERCE")],
                accuracy: 0.0,
                precision: 0.0,
                recall: 0.0,
            },
            Case {
                name: "nothing coded",
                predicted: vec![],
                accuracy: 0.0,
                precision: 0.0,
                recall: 0.0,
            },
        ];
        for c in cases {
            let r = evaluate(&gold, |_, _| c.predicted.clone());
            assert_eq!(r.type_accuracy, c.accuracy, "case {:?}", c.name);
            assert_eq!(r.precision, c.precision, "case {:?}", c.name);
            assert_eq!(r.recall, c.recall, "case {:?}", c.name);
        }
    }

    #[test]
    fn bad_json_names_file() {
        let e = parse_gold("g.json", "{")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("g.json: "), "{e}");
    }
}
