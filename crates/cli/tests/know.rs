//! Knowledge-base queries through the command line: the JSON contracts and
//! the seed's `alliance_queries`.

use super::*;

fn query_json(args: &[&str]) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = entente()
        .args(args)
        .args(["--format", "json", "--db"])
        .arg(dir.path().join("none.db"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    serde_json::from_slice(&out.stdout).expect("JSON answer")
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .filter_map(|m| m["code"].as_str().map(String::from))
        .collect()
}

#[test]
fn members_answers_in_the_contract_shape() {
    for q in expected()["alliance_queries"].as_array().expect("queries") {
        let ask = q["ask"].as_str().expect("ask");
        let Some(rest) = ask.strip_prefix("members of NATO on ") else {
            continue;
        };
        let answer = query_json(&["members", "NATO", "--on", rest]);
        assert_eq!(answer["on"], rest);
        assert!(answer["organisation"].as_str().is_some());
        let members = codes(&answer["members"]);
        assert_eq!(
            members.len() as u64,
            q["count"].as_u64().expect("count"),
            "{ask}"
        );
        for code in q["must_include"].as_array().into_iter().flatten() {
            assert!(
                members.iter().any(|m| m == code.as_str().unwrap_or("")),
                "{ask}: {code}"
            );
        }
        for code in q["must_exclude"].as_array().into_iter().flatten() {
            assert!(
                !members.iter().any(|m| m == code.as_str().unwrap_or("")),
                "{ask}: {code}"
            );
        }
        assert!(answer["members"][0]["since"].as_str().is_some());
    }
}

#[test]
fn who_must_defend_belgium() {
    let answer = query_json(&[
        "obligations",
        "--attacked",
        "BEL",
        "--on",
        "2022-04-08",
        "--treaty",
        "NATO",
    ]);
    let bound = codes(&answer["obligated"]);
    assert_eq!(bound.len(), 29, "{bound:?}");
    assert!(!bound.contains(&"BEL".to_string()));
    assert!(!bound.contains(&"NZL".to_string()));
    let first = &answer["obligated"][0];
    for field in [
        "code",
        "name",
        "treaty",
        "provision",
        "article",
        "conditions",
        "source",
    ] {
        assert!(!first[field].is_null(), "field {field} in {first}");
    }
    assert_eq!(first["article"], "Article 5");
    assert_eq!(answer["attacked"], "BEL");
}

#[test]
fn partners_and_non_members_owe_nothing_under_nato() {
    for state in ["NZL", "FIN"] {
        let answer = query_json(&[
            "obligations",
            "--attacked",
            state,
            "--on",
            "2022-04-08",
            "--treaty",
            "NATO",
        ]);
        assert_eq!(codes(&answer["obligated"]).len(), 0, "{state}: {answer}");
    }
    let answer = query_json(&["partners", "NATO", "--region", "Asia-Pacific"]);
    let partners = codes(&answer["partners"]);
    for code in ["AUS", "NZL", "JPN", "KOR"] {
        assert!(
            partners.contains(&code.to_string()),
            "{code} in {partners:?}"
        );
    }
}

#[test]
fn unknown_organisation_is_a_usage_error() {
    let out = entente()
        .args(["members", "No Such Pact", "--on", "2022-04-08"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("No Such Pact"));
}

/// Issue 12: `treaties` names every treaty and shows its terms side by side.
#[test]
fn treaties_are_named_with_their_terms() {
    let answer = query_json(&["treaties", "--between", "RUS", "PRK", "--ever"]);
    let treaties = answer["treaties"].as_array().cloned().unwrap_or_default();
    assert!(!treaties.is_empty(), "{answer}");
    for t in &treaties {
        assert!(
            t["treaty"].as_str().is_some_and(|n| !n.starts_with("ATOP")),
            "{t}"
        );
    }
    let old = treaties
        .iter()
        .find(|t| t["id"] == "atop:4940")
        .unwrap_or_else(|| panic!("{answer}"));
    assert_eq!(old["ended"], "2024-12-04");
    assert!(old["end_reason"].as_str().is_some());
    let dir = tempfile::tempdir().expect("tempdir");
    let out = entente()
        .args(["treaties", "--between", "RUS", "PRK", "--ever", "--db"])
        .arg(dir.path().join("none.db"))
        .output()
        .expect("runs");
    let table = String::from_utf8_lossy(&out.stdout);
    for col in [
        "signed",
        "in force",
        "ended",
        "why ended",
        "both bound from",
    ] {
        assert!(table.contains(col), "{table}");
    }
    assert!(table.contains("superseded"), "{table}");
}

/// Issue 12: no ended treaty, and no bare id, in Ukraine's answers.
#[test]
fn ukraine_answers_show_no_ended_treaty() {
    let answer = query_json(&["obligations", "--attacked", "UKR", "--on", "2022-04-08"]);
    let bound = codes(&answer["obligated"]);
    assert!(!bound.contains(&"RUS".to_string()), "{bound:?}");
    for o in answer["obligated"].as_array().into_iter().flatten() {
        assert!(
            o["treaty"].as_str().is_some_and(|t| !t.starts_with("ATOP")),
            "{o}"
        );
    }
    let answer = query_json(&["treaties", "--between", "RUS", "UKR"]);
    for t in answer["treaties"].as_array().into_iter().flatten() {
        assert!(t["ended"].is_null(), "{t}");
    }
}

/// Issue 12: `partners --on DATE`, with frameworks and suspensions.
#[test]
fn partners_on_a_date() {
    let then = query_json(&["partners", "NATO", "--on", "2013-06-01"]);
    assert_eq!(then["on"], "2013-06-01");
    assert!(codes(&then["partners"]).contains(&"RUS".to_string()));
    let now = query_json(&["partners", "NATO", "--on", "2022-04-08"]);
    let partners = codes(&now["partners"]);
    assert!(!partners.contains(&"RUS".to_string()), "{partners:?}");
    assert!(!partners.contains(&"BLR".to_string()), "{partners:?}");
    assert!(now["partners"][0]["framework"].is_string());
}
