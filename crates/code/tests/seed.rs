//! The seed article's acceptance case (tests/data/seed/expected.json), run
//! on its 11 kept paragraphs with hand-built actor mentions (what a correct
//! actor resolver gives), until the full pipeline test is wired.

use chrono::NaiveDate;
use entente_annotate::actors::ActorResolver;
use entente_code::{code_text, CodedDocument};
use entente_core::{ActorKind, Mention, Personnel};
use serde_json::Value;

const KEPT: &str = include_str!("data/seed_kept.txt");
const EXPECTED: &str = include_str!("../../../tests/data/seed/expected.json");

/// (name as written, canonical name, kind, CAMEO code): longest first.
const ACTORS: &[(&str, &str, ActorKind, &str)] = &[
    (
        "North Atlantic Treaty Organisation",
        "NATO",
        ActorKind::Igo,
        "IGOWSTNAT",
    ),
    (
        "Chinese Foreign Ministry",
        "China",
        ActorKind::State,
        "CHNGOV",
    ),
    (
        "Pacific Island Forum",
        "Pacific Islands Forum",
        ActorKind::Igo,
        "IGOPAC",
    ),
    (
        "Jens Stoltenberg",
        "Jens Stoltenberg",
        ActorKind::Person,
        "IGOWSTNAT",
    ),
    (
        "Solomon Islands",
        "Solomon Islands",
        ActorKind::State,
        "SLB",
    ),
    ("The Government", "New Zealand", ActorKind::State, "NZLGOV"),
    ("United States", "United States", ActorKind::State, "USA"),
    ("Defence Force", "New Zealand", ActorKind::State, "NZLMIL"),
    ("New Zealand", "New Zealand", ActorKind::State, "NZL"),
    ("the Solomons", "Solomon Islands", ActorKind::State, "SLB"),
    ("Wang Wenbin", "Wang Wenbin", ActorKind::Person, "CHNGOV"),
    ("Australia", "Australia", ActorKind::State, "AUS"),
    ("Sogavare", "Manasseh Sogavare", ActorKind::Person, "SLBGOV"),
    ("Belgium", "Belgium", ActorKind::State, "BEL"),
    ("Britain", "United Kingdom", ActorKind::State, "GBR"),
    ("Ukraine", "Ukraine", ActorKind::State, "UKR"),
    ("Ardern", "Jacinda Ardern", ActorKind::Person, "NZLGOV"),
    ("Canada", "Canada", ActorKind::State, "CAN"),
    ("Taiwan", "Taiwan", ActorKind::State, "TWN"),
    ("Russia", "Russia", ActorKind::State, "RUS"),
    ("China", "China", ActorKind::State, "CHN"),
    ("NATO", "NATO", ActorKind::Igo, "IGOWSTNAT"),
];

fn mentions(text: &str) -> Vec<Mention> {
    let mut taken = vec![false; text.len()];
    let mut out = Vec::new();
    for (name, canon, kind, code) in ACTORS {
        let mut from = 0;
        while let Some(p) = text[from..].find(name) {
            let (s, e) = (from + p, from + p + name.len());
            from = e;
            let before_ok = s == 0 || !text.as_bytes()[s - 1].is_ascii_alphanumeric();
            let after_ok = e == text.len() || !text.as_bytes()[e].is_ascii_alphanumeric();
            if !before_ok || !after_ok || taken[s..e].iter().any(|t| *t) {
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = true);
            out.push(Mention {
                text: name.to_string().into(),
                start: s,
                end: e,
                code: code.to_string().into(),
                actor: code.chars().take(3).collect(),
                kind: *kind,
                name: canon.to_string().into(),
                role: None,
                sector: code.get(3..6).map(Into::into),
                affiliation: None,
                confidence: 1.0,
                candidates: vec![],
            });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// The seed coded twice: with hand-built mentions, and with the mentions
/// of the real actor resolver.
fn codings() -> Vec<(&'static str, CodedDocument)> {
    let day = NaiveDate::from_ymd_opt(2022, 4, 8);
    let real = ActorResolver::embedded().find_mentions(KEPT, day);
    vec![
        (
            "hand-built mentions",
            code_text("seed", KEPT, day, &mentions(KEPT)),
        ),
        ("actor resolver", code_text("seed", KEPT, day, &real)),
    ]
}

fn expected() -> Value {
    serde_json::from_str(EXPECTED).unwrap_or(Value::Null)
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// Whether event `e` satisfies expected entry `x` (see the seed README).
fn event_matches(e: &entente_core::Event, x: &Value) -> bool {
    let mut sources = strs(&x["source"]);
    sources.extend(strs(&x["source_any"]));
    let src_ok = sources
        .iter()
        .any(|s| e.source.code.starts_with(s.as_str()));
    let targets = strs(&x["target_any"]);
    let tgt_ok = targets.is_empty()
        || e.target
            .as_ref()
            .map(|t| targets.iter().any(|c| t.code.starts_with(c.as_str())))
            .unwrap_or(false);
    let root_ok = strs(&x["cameo_root_any"])
        .iter()
        .any(|r| e.cameo.starts_with(r.as_str()));
    let plover_ok = strs(&x["plover_any"])
        .iter()
        .any(|p| e.plover.as_deref() == Some(p.as_str()));
    let ev = x["evidence"].as_str().unwrap_or("");
    let ev_ok = e.evidence.text.contains(ev);
    let date_ok = if let Some(d) = date(&x["date"]) {
        e.date == Some(d)
    } else if x["date_between"].is_array() {
        let a = date(&x["date_between"][0]);
        let b = date(&x["date_between"][1]);
        matches!((e.date, a, b), (Some(d), Some(a), Some(b)) if a <= d && d <= b)
    } else if let Some(m) = x["date_month"].as_str() {
        e.date
            .map(|d| d.format("%Y-%m").to_string() == m)
            .unwrap_or(false)
    } else {
        true
    };
    src_ok && tgt_ok && root_ok && plover_ok && ev_ok && date_ok
}

#[test]
fn seed_events() {
    for (how, c) in codings() {
        seed_events_with(how, &c);
    }
}

fn seed_events_with(how: &str, c: &CodedDocument) {
    let exp = expected();
    let mut failed = Vec::new();
    for x in exp["events"].as_array().into_iter().flatten() {
        if !c.events.iter().any(|e| event_matches(e, x)) {
            failed.push(x["id"].as_str().unwrap_or("?").to_string());
        }
    }
    if !failed.is_empty() {
        for e in &c.events {
            eprintln!(
                "{} {} -> {:?} {} {:?} {:?} {:?} | {}",
                e.sentence,
                e.source.code,
                e.target.as_ref().map(|t| &t.code),
                e.cameo,
                e.plover,
                e.date,
                e.date_precision,
                e.evidence.text
            );
        }
    }
    assert!(
        failed.is_empty(),
        "{how}: expected events not produced: {failed:?}"
    );
}

#[test]
fn seed_e1_coded_once() {
    for (how, c) in codings() {
        seed_e1_coded_once_with(how, &c);
    }
}

fn seed_e1_coded_once_with(how: &str, c: &CodedDocument) {
    let exp = expected();
    let e1 = exp["events"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["id"] == "E1"))
        .cloned();
    let n = c
        .events
        .iter()
        .filter(|e| e1.as_ref().map(|x| event_matches(e, x)).unwrap_or(false))
        .count();
    assert_eq!(
        n, 1,
        "{how}: help: the anaphoric 'partners' target must give one event"
    );
}

#[test]
fn seed_deployments() {
    for (how, c) in codings() {
        seed_deployments_with(how, &c);
    }
}

fn seed_deployments_with(how: &str, c: &CodedDocument) {
    let exp = expected();
    for x in exp["deployments"].as_array().into_iter().flatten() {
        let id = x["id"].as_str().unwrap_or("?");
        let ev = x["evidence"].as_str().unwrap_or("");
        let Some(d) = c.deployments.iter().find(|d| d.evidence.text.contains(ev)) else {
            panic!(
                "{how}: {id}: no deployment covering {ev:?}; got {:#?}",
                c.deployments
            );
        };
        let by = format!(
            "{}{}",
            x["by"].as_str().unwrap_or(""),
            x["sector"].as_str().unwrap_or("")
        );
        assert_eq!(d.by, by, "{how}: {id}: sender");
        let to = strs(&x["to"]);
        assert_eq!(d.to, to, "{id}: destinations");
        if let Some(n) = x["personnel"]["at_most"].as_u64() {
            assert_eq!(d.personnel, Some(Personnel::AtMost(n)), "{id}");
        }
        if let Some(n) = x["personnel"]["exactly"].as_u64() {
            assert_eq!(d.personnel, Some(Personnel::Exactly(n)), "{id}");
        }
        if let Some(s) = x["status"].as_str() {
            assert_eq!(
                serde_json::to_value(d.status).ok(),
                Some(Value::from(s)),
                "{id}: status"
            );
        }
        if let Some(r) = date(&x["review_date"]) {
            assert_eq!(d.review_date, Some(r), "{id}: review date");
        }
        if let Some(m) = x["start_month"].as_str() {
            assert_eq!(
                d.start.map(|s| s.format("%Y-%m").to_string()).as_deref(),
                Some(m),
                "{id}: start"
            );
        }
        if let Some(r) = x["requested_by"].as_str() {
            assert_eq!(d.requested_by.as_deref(), Some(r), "{id}: requested by");
        }
        if let Some(r) = x["role"].as_str() {
            assert_eq!(d.role.as_deref(), Some(r), "{id}: role");
        }
        for m in strs(&x["purpose_mentions"]) {
            let p = d.purpose.clone().unwrap_or_default();
            let named = mentions(KEPT)
                .iter()
                .any(|k| k.code.starts_with(m.as_str()) && p.contains(k.text.as_str()));
            assert!(named, "{id}: purpose {p:?} should name {m}");
        }
    }
}

#[test]
fn seed_quotations() {
    for (how, c) in codings() {
        seed_quotations_with(how, &c);
    }
}

fn seed_quotations_with(how: &str, c: &CodedDocument) {
    let exp = expected();
    for x in exp["quotations"].as_array().into_iter().flatten() {
        let starts = x["starts"].as_str().unwrap_or("");
        let Some(q) = c.quotations.iter().find(|q| q.text.starts_with(starts)) else {
            panic!(
                "{how}: no quotation starting {starts:?}; got {:#?}",
                c.quotations
            );
        };
        let speaker = q.speaker.as_ref().map(|s| s.name.as_str());
        assert_eq!(
            speaker,
            x["speaker"].as_str(),
            "{how}: quotation {starts:?}"
        );
    }
}
