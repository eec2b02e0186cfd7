//! The seed article's `alliance_queries` (tests/data/seed/expected.json), each
//! read from its `ask` text and answered by the knowledge base.

use chrono::NaiveDate;
use entente_know::KnowledgeBase;
use serde_json::Value;

const EXPECTED: &str = include_str!("../../../tests/data/seed/expected.json");

/// The codes an `ask` gets back, and the treaties they rest on.
fn answer(kb: &KnowledgeBase, ask: &str) -> (Vec<String>, Vec<String>) {
    let date = |s: &str| {
        let d = s.rsplit(' ').next().unwrap_or("");
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("{ask:?}: no date ({e})"))
    };
    if let Some(rest) = ask.strip_prefix("members of ") {
        let (org, _) = rest.split_once(" on ").unwrap_or_else(|| panic!("{ask:?}"));
        let a = kb
            .members(org, date(ask))
            .unwrap_or_else(|e| panic!("{ask:?}: {e}"));
        return (a.members.into_iter().map(|m| m.code).collect(), vec![]);
    }
    if let Some(rest) = ask.strip_prefix("who is bound ") {
        // "who is bound [by ORG |under any treaty ]to come to the defence of X
        // if it is attacked on DATE"
        let treaty = rest
            .strip_prefix("by ")
            .and_then(|r| r.split_once(" to come"))
            .map(|(t, _)| t);
        let (_, tail) = rest
            .split_once("the defence of ")
            .unwrap_or_else(|| panic!("{ask:?}"));
        let state = tail.split_whitespace().next().unwrap_or("");
        // "under any treaty": every defence obligation in force counts.
        assert!(
            treaty.is_some() || rest.starts_with("under any treaty "),
            "{ask:?}: neither a treaty nor \"under any treaty\""
        );
        let a = kb
            .obligations(state, date(ask), treaty, None)
            .unwrap_or_else(|e| panic!("{ask:?}: {e}"));
        let basis = a
            .obligated
            .iter()
            .map(|o| format!("{} {}", o.treaty, o.article.clone().unwrap_or_default()))
            .collect();
        // Each state once, whatever the number of treaties binding it.
        return (a.states, basis);
    }
    if let Some((org, region)) = ask.split_once("'s partners in the ") {
        let a = kb
            .partners(org, Some(region))
            .unwrap_or_else(|e| panic!("{ask:?}: {e}"));
        return (a.partners.into_iter().map(|p| p.code).collect(), vec![]);
    }
    panic!("help: the seed has a new kind of alliance query: {ask:?}");
}

#[test]
fn seed_alliance_queries_hold() {
    let expected: Value = serde_json::from_str(EXPECTED).expect("expected.json parses");
    let kb = KnowledgeBase::embedded().expect("embedded data loads");
    let queries = expected["alliance_queries"]
        .as_array()
        .expect("alliance_queries");
    assert!(!queries.is_empty());
    for q in queries {
        let ask = q["ask"].as_str().expect("ask");
        let (codes, basis) = answer(kb, ask);
        if let Some(n) = q["count"].as_u64() {
            assert_eq!(codes.len() as u64, n, "{ask}: {codes:?}");
        }
        let list = |k: &str| -> Vec<&str> {
            q[k].as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default()
        };
        for c in list("must_include") {
            assert!(
                codes.iter().any(|x| x == c),
                "{ask}: missing {c} in {codes:?}"
            );
        }
        for c in list("must_exclude") {
            assert!(
                !codes.iter().any(|x| x == c),
                "{ask}: {c} should not be there"
            );
        }
        if let Some(b) = q["basis"].as_str() {
            // "NATO collective defence (North Atlantic Treaty, Article 5)";
            // "NATO Article 5 (29 states) and the Treaty on European Union
            // Article 42(7) (26 states ...)": the answer rests on exactly
            // the articles the basis names.
            let articles_named: Vec<&str> = b
                .match_indices("Article ")
                .filter_map(|(i, _)| b.get(i..)?.split([' ', ',', ';', ')']).nth(1))
                .collect();
            for x in &basis {
                let article = x.rsplit("Article ").next().unwrap_or_default();
                assert!(
                    articles_named.iter().any(|a| article.starts_with(a)),
                    "{ask}: {x:?} is not in the basis {b:?}"
                );
            }
            for a in &articles_named {
                assert!(
                    basis.iter().any(|x| x.contains(&format!("Article {a}"))),
                    "{ask}: no state bound under Article {a}: {basis:?}"
                );
            }
        }
    }
}
