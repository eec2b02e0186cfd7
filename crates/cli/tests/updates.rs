//! The news keeps the knowledge base current: an article reporting an
//! accession yields a proposed update; accepting it changes `members`
//! from the accession's date.

use super::*;

fn members_on(db: &Path, on: &str) -> Vec<String> {
    let out = entente()
        .args(["members", "NATO", "--on", on, "--format", "json", "--db"])
        .arg(db)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    v["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["code"].as_str().map(String::from))
        .collect()
}

#[test]
fn accepted_accession_changes_members() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("news.db");
    let article = dir.path().join("accession.txt");
    std::fs::write(
        &article,
        "Ireland formally joined NATO on Monday, ending decades of military neutrality.\n\
         The Taoiseach said the decision had broad support in parliament.\n",
    )
    .expect("write");
    let out = entente()
        .arg("run")
        .arg(&article)
        .args(["--published", "2026-03-11", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));

    let out = entente()
        .args(["updates", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    let listed: Value = serde_json::from_slice(&out.stdout).expect("json");
    let updates = listed["updates"].as_array().expect("updates");
    assert_eq!(updates.len(), 1, "{listed:#}");
    let u = &updates[0];
    assert_eq!(u["kind"], "accession");
    assert_eq!(u["status"], "proposed");
    assert_eq!(u["update"]["state"], "IRL");
    assert_eq!(
        u["update"]["date"], "2026-03-09",
        "'on Monday' before the publication date"
    );
    assert!(u["evidence"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("joined NATO")));

    // Proposed is not yet a fact.
    assert!(!members_on(&db, "2026-03-10").contains(&"IRL".to_string()));

    let id = u["id"].as_i64().expect("id").to_string();
    let out = entente()
        .args(["updates", "--db"])
        .arg(&db)
        .args(["accept", &id])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));

    let before = members_on(&db, "2026-03-08");
    let after = members_on(&db, "2026-03-10");
    assert!(!before.contains(&"IRL".to_string()));
    assert!(after.contains(&"IRL".to_string()));
    assert_eq!(after.len(), before.len() + 1);

    // Running the same article again proposes nothing twice.
    let out = entente()
        .arg("run")
        .arg(&article)
        .args(["--published", "2026-03-11", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let out = entente()
        .args(["updates", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    let listed: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(listed["updates"].as_array().map(Vec::len), Some(1));
}

#[test]
fn unknown_update_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("empty.db");
    entente_store::Store::open(&db).expect("creates");
    let out = entente()
        .args(["updates", "--db"])
        .arg(&db)
        .args(["accept", "42"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("no update 42"));
}
