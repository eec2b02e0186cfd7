//! Queries over what `entente run` stored: deployments and quotations.

use super::*;

fn seed_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("seed.db");
    let out = entente()
        .arg("run")
        .arg(seed_article())
        .args(["--published", "2022-04-08", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    (dir, db)
}

fn query(db: &Path, args: &[&str]) -> Value {
    let out = entente()
        .args(args)
        .args(["--format", "json", "--db"])
        .arg(db)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn deployments_filter_by_sender_destination_and_date() {
    let (_dir, db) = seed_store();
    let all = query(&db, &["deployments"]);
    assert_eq!(
        all["deployments"].as_array().map(Vec::len),
        Some(3),
        "{all:#}"
    );
    let to_slb = query(&db, &["deployments", "--by", "NZL", "--to", "SLB"]);
    let list = to_slb["deployments"].as_array().expect("list");
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|d| d["to"]
        .as_array()
        .is_some_and(|t| t.contains(&"SLB".into()))));
    let to_bel = query(&db, &["deployments", "--to", "BEL"]);
    assert_eq!(
        to_bel["deployments"][0]["personnel"],
        serde_json::json!({"exactly": 9})
    );
    // Nothing of these was under way in 2020.
    let before = query(&db, &["deployments", "--active-on", "2020-01-01"]);
    assert_eq!(before["deployments"].as_array().map(Vec::len), Some(0));
}

#[test]
fn quotes_by_speaker() {
    let (_dir, db) = seed_store();
    let ardern = query(&db, &["quotes", "--speaker", "Ardern"]);
    let list = ardern["quotations"].as_array().expect("list");
    assert_eq!(list.len(), 2, "{ardern:#}");
    assert!(list
        .iter()
        .all(|q| q["speaker"]["name"] == "Jacinda Ardern"));
    let all = query(&db, &["quotes"]);
    assert_eq!(all["quotations"].as_array().map(Vec::len), Some(4));
}

#[test]
fn queries_without_a_store_say_how_to_make_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = entente()
        .args(["deployments", "--db"])
        .arg(dir.path().join("missing.db"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("entente run"));
}
