//! The seed article's actors (tests/data/seed/expected.json) resolve as the
//! analyst read them, on its publication date.

use chrono::NaiveDate;
use entente_annotate::actors::ActorResolver;
use entente_core::{ActorKind, Mention};
use serde_json::Value;

/// The seed article's 11 kept paragraphs, as cleaning leaves them.
const SEED: &str = include_str!("data/seed_clean.txt");
const EXPECTED: &str = include_str!("../../../tests/data/seed/expected.json");

fn kind_name(k: ActorKind) -> &'static str {
    match k {
        ActorKind::State => "state",
        ActorKind::Igo => "igo",
        ActorKind::Organisation => "organisation",
        ActorKind::Person => "person",
        ActorKind::Group => "group",
    }
}

/// Byte offsets of whole-word occurrences of `word` in `text`.
fn occurrences(text: &str, word: &str) -> Vec<usize> {
    text.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .collect()
}

/// What differs between a mention and an expected entry, if anything.
fn differences(m: &Mention, e: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let field = |k: &str| e.get(k).and_then(Value::as_str);
    let check = |out: &mut Vec<String>, what: &str, want: Option<&str>, got: Option<&str>| {
        if let Some(w) = want {
            if got != Some(w) {
                out.push(format!("{what}: want {w:?}, got {got:?}"));
            }
        }
    };
    check(&mut out, "actor", field("actor"), Some(&m.actor));
    check(&mut out, "kind", field("kind"), Some(kind_name(m.kind)));
    check(&mut out, "cameo", field("cameo"), Some(&m.code));
    check(&mut out, "sector", field("sector"), m.sector.as_deref());
    check(&mut out, "role", field("role"), m.role.as_deref());
    check(
        &mut out,
        "affiliation",
        field("affiliation"),
        m.affiliation.as_deref(),
    );
    out
}

#[test]
fn seed_actors_resolve_as_expected() {
    let expected: Value = serde_json::from_str(EXPECTED).expect("expected.json is JSON");
    let actors = expected["actors"].as_array().expect("actors is a list");
    let day = NaiveDate::from_ymd_opt(2022, 4, 8);
    let mentions = ActorResolver::embedded().find_mentions(SEED, day);
    let mut failures = Vec::new();
    for e in actors {
        let word = e["mention"].as_str().expect("mention is a string");
        let spots = occurrences(SEED, word);
        assert!(!spots.is_empty(), "fixture lacks {word:?}");
        let mut good = false;
        for &at in &spots {
            let covering: Vec<&Mention> = mentions
                .iter()
                .filter(|m| m.start <= at && at + word.len() <= m.end)
                .collect();
            if covering.is_empty() {
                failures.push(format!("{word:?} at {at}: no mention covers it"));
                continue;
            }
            // Every occurrence must at least be coded right.
            if let Some(code) = e.get("cameo").and_then(Value::as_str) {
                if !covering.iter().any(|m| m.code == code) {
                    failures.push(format!(
                        "{word:?} at {at}: codes {:?}, want {code}",
                        covering.iter().map(|m| &m.code).collect::<Vec<_>>()
                    ));
                }
            }
            good |= covering.iter().any(|m| differences(m, e).is_empty());
        }
        if !good {
            let m = mentions.iter().find(|m| m.text.contains(word));
            failures.push(format!(
                "{word:?}: no mention resolves fully; first: {:?}",
                m.map(|m| differences(m, e))
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "help: seed actors wrong (see tests/data/seed/README.md):\n{}",
        failures.join("\n")
    );
}

#[test]
fn unqualified_institutions_are_marked_less_certain() {
    let day = NaiveDate::from_ymd_opt(2022, 4, 8);
    let mentions = ActorResolver::embedded().find_mentions(SEED, day);
    let gov = mentions
        .iter()
        .find(|m| m.text == "The Government")
        .expect("The Government is found");
    assert!(
        gov.confidence < 1.0,
        "help: context decided it, confidence must say so"
    );
    let nato = mentions
        .iter()
        .find(|m| m.text == "NATO")
        .expect("NATO is found");
    assert_eq!(nato.confidence, 1.0);
}
