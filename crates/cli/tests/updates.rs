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
    run_into(&db, &[&article], "2026-03-11");

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
    run_into(&db, &[&article], "2026-03-11");
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

/// `entente ARGS --format json --db DB`, which must succeed.
fn json_of(db: &Path, args: &[&str]) -> Value {
    json_with_zone(db, args, None)
}

/// `entente ARGS --format json --db DB`, under the time zone `tz` (a POSIX
/// TZ string) when given, which must succeed.
fn json_with_zone(db: &Path, args: &[&str], tz: Option<&str>) -> Value {
    let mut cmd = entente();
    if let Some(tz) = tz {
        cmd.env("TZ", tz);
    }
    let out = cmd
        .args(args)
        .args(["--format", "json", "--db"])
        .arg(db)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

/// `entente run PATHS --published DATE --db DB`, which must succeed.
fn run_into(db: &Path, paths: &[&Path], published: &str) {
    let out = entente()
        .arg("run")
        .args(paths)
        .args(["--published", published, "--db"])
        .arg(db)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
}

fn codes(v: &Value, list: &str, field: &str) -> Vec<String> {
    v[list]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x[field].as_str().map(String::from))
        .collect()
}

fn decide(db: &Path, action: &str, id: &str) -> std::process::Output {
    entente()
        .args(["updates", "--db"])
        .arg(db)
        .args([action, id])
        .output()
        .expect("runs")
}

/// Issue 12: two different articles about one pact, published a day apart,
/// give one proposal with both articles as evidence, in the CLI and the API.
#[test]
fn two_articles_about_one_pact_are_one_proposal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("two.db");
    let first = dir.path().join("first.txt");
    std::fs::write(
        &first,
        "Japan and the Philippines sign defence pact\n\n\
         Japan and the Philippines signed a mutual defence pact on Monday, officials said.\n",
    )
    .expect("write");
    let second = dir.path().join("second.txt");
    std::fs::write(
        &second,
        "Manila and Tokyo seal security deal\n\n\
         MANILA — The Philippines and Japan signed a mutual defence pact on Monday in Tokyo, \
         the foreign ministry in Manila said on Tuesday, calling it a milestone.\n",
    )
    .expect("write");
    run_into(&db, &[&first], "2031-03-05");
    run_into(&db, &[&second], "2031-03-06");
    let listed = json_of(&db, &["updates"]);
    let signed: Vec<&Value> = listed["updates"]
        .as_array()
        .expect("updates")
        .iter()
        .filter(|u| u["kind"] == "treaty_signed")
        .collect();
    assert_eq!(signed.len(), 1, "one proposal for one pact\n{listed:#}");
    let u = signed[0];
    let also = u["also"].as_array().expect("also");
    assert_eq!(
        also.len(),
        1,
        "the second article is further evidence\n{u:#}"
    );
    assert_ne!(also[0]["doc"], u["doc"]);
    assert!(also[0]["evidence"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Japan")));
    let server = super::serve::Server::start(&db, &[]);
    let api = server.get_json("/api/updates");
    let api_signed: Vec<&Value> = api["updates"]
        .as_array()
        .expect("updates")
        .iter()
        .filter(|u| u["kind"] == "treaty_signed")
        .collect();
    assert_eq!(api_signed.len(), 1);
    assert_eq!(api_signed[0]["also"], u["also"], "CLI and API agree");
}

/// Issue 12's updates workflow: a pact repeated in headline, lead and body
/// is one proposal; accepting it changes `treaties`, `members` and
/// `obligations` in the CLI and the API from its date; a rejected one stays
/// out until reopened.
#[test]
fn one_proposal_per_pact_and_decisions_that_stand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("pact.db");
    let pact = dir.path().join("pact.txt");
    std::fs::write(
        &pact,
        "Japan and the Philippines sign defence pact\n\n\
         Japan and the Philippines signed a mutual defence pact on Monday, officials said.\n\n\
         TOKYO — Japan and the Philippines signed a mutual defence pact in Tokyo on Monday, in a \
         move the two governments said would deter aggression. The Philippines signed the pact \
         after months of talks.\n",
    )
    .expect("write");
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "Australia and Fiji sign security treaty\n\n\
         Australia and Fiji signed a mutual defence treaty on Friday.\n",
    )
    .expect("write");
    run_into(&db, &[&pact, &other], "2031-03-05");

    let listed = json_of(&db, &["updates"]);
    let updates = listed["updates"].as_array().expect("updates");
    let signed: Vec<&Value> = updates
        .iter()
        .filter(|u| u["kind"] == "treaty_signed")
        .collect();
    assert_eq!(
        signed.len(),
        2,
        "one proposal per pact, none of a state with itself\n{listed:#}"
    );
    let pair = |u: &Value| {
        let mut p = [
            u["update"]["state"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            u["update"]["other"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        ];
        p.sort();
        p
    };
    let jp = signed
        .iter()
        .find(|u| pair(u) == ["JPN", "PHL"])
        .expect("the Japan–Philippines pact");
    let au = signed
        .iter()
        .find(|u| pair(u) == ["AUS", "FJI"])
        .expect("the Australia–Fiji treaty");
    assert_eq!(jp["update"]["date"], "2031-03-03", "'on Monday'");
    assert_eq!(jp["update"]["provision"], "defence");
    assert_eq!(
        au["update"]["provision"], "defence",
        "the body's 'mutual defence' outranks the headline's 'security'"
    );
    let (jp_id, au_id) = (jp["id"].to_string(), au["id"].to_string());

    let server = super::serve::Server::start(&db, &[]);
    let on = "2031-04-01";
    let bound_to_phl = |on: &str| {
        let cli = json_of(&db, &["obligations", "--attacked", "PHL", "--on", on]);
        let api = server.get_json(&format!("/api/obligations?attacked=PHL&on={on}"));
        assert_eq!(cli["states"], api["states"], "CLI and API agree");
        codes(&cli, "obligated", "code")
    };
    let treaties = |a: &str, b: &str, on: &str| {
        let cli = json_of(&db, &["treaties", "--between", a, b, "--on", on]);
        let api = server.get_json(&format!("/api/treaties?a={a}&b={b}&on={on}"));
        let (c, p) = (
            codes(&cli, "treaties", "treaty"),
            codes(&api, "treaties", "treaty"),
        );
        assert_eq!(c, p, "CLI and API agree");
        c
    };
    let name = "Agreement between Japan and Philippines";
    assert!(!bound_to_phl(on).contains(&"JPN".to_string()));
    assert!(!treaties("JPN", "PHL", on).contains(&name.to_string()));

    assert!(decide(&db, "accept", &jp_id).status.success());
    assert!(bound_to_phl(on).contains(&"JPN".to_string()), "obligations");
    assert!(
        !bound_to_phl("2031-03-02").contains(&"JPN".to_string()),
        "not before the pact's date"
    );
    assert!(treaties("JPN", "PHL", on).contains(&name.to_string()));
    let enc = name.replace(' ', "%20");
    for members in [
        json_of(&db, &["members", name, "--on", on]),
        server.get_json(&format!("/api/members/{enc}?on={on}")),
    ] {
        assert_eq!(codes(&members, "members", "code"), ["JPN", "PHL"]);
    }

    // A rejection is final: accepting it later fails until it is reopened.
    assert!(decide(&db, "reject", &au_id).status.success());
    let again = decide(&db, "accept", &au_id);
    assert_eq!(again.status.code(), Some(2), "{}", stderr_of(&again));
    assert!(stderr_of(&again).contains("reopen"));
    assert!(treaties("AUS", "FJI", on).is_empty());
    // Another article on the rejected fact is evidence of it, not a new
    // proposal: the rejection stands.
    let again_text = dir.path().join("again.txt");
    std::fs::write(
        &again_text,
        "Fiji and Australia signed a mutual defence treaty last week, officials confirmed.\n",
    )
    .expect("write");
    run_into(&db, &[&again_text], "2031-03-10");
    let listed = json_of(&db, &["updates"]);
    let same: Vec<&Value> = listed["updates"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|u| pair(u) == ["AUS", "FJI"])
        .collect();
    assert_eq!(same.len(), 1, "one proposal per fact\n{listed:#}");
    assert_eq!(same[0]["status"], "rejected");
    assert_eq!(same[0]["also"].as_array().map(Vec::len), Some(1));
    assert!(treaties("AUS", "FJI", on).is_empty());
    // A report months later is proposed anew (it may be another signing),
    // but cannot bring back the rejected fact either.
    let later_text = dir.path().join("later.txt");
    std::fs::write(
        &later_text,
        "Fiji and Australia signed a mutual defence treaty on Monday, officials confirmed.\n",
    )
    .expect("write");
    run_into(&db, &[&later_text], "2031-06-10");
    let listed = json_of(&db, &["updates"]);
    let repeat = listed["updates"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|u| u["status"] == "proposed" && pair(u) == ["AUS", "FJI"])
        .unwrap_or_else(|| panic!("the repeated report is proposed\n{listed:#}"));
    let refused = decide(&db, "accept", &repeat["id"].to_string());
    assert_eq!(refused.status.code(), Some(2), "{}", stderr_of(&refused));
    assert!(stderr_of(&refused).contains(&format!("same fact as update {au_id}")));
    assert!(decide(&db, "reopen", &au_id).status.success());
    assert!(
        treaties("AUS", "FJI", on).is_empty(),
        "reopened is not accepted"
    );
    assert!(decide(&db, "accept", &au_id).status.success());
    assert_eq!(
        treaties("AUS", "FJI", on),
        ["Agreement between Australia and Fiji"]
    );
}

/// [`json_with_zone`] under the time zone `tz`.
fn json_in_zone(db: &Path, args: &[&str], tz: &str) -> Value {
    json_with_zone(db, args, Some(tz))
}

/// Issue 11: one knowledge base for the command line and the API. After
/// `entente updates accept ID`, `members`, `obligations` and `updates` give
/// the API's answers to the letter, with "today" the same date in UTC
/// whatever the time zone of the command line.
#[test]
fn cli_and_api_agree_after_an_accepted_update() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("agree.db");
    let article = dir.path().join("accession.txt");
    std::fs::write(
        &article,
        "Ireland formally joined NATO on Monday, ending decades of military neutrality.\n",
    )
    .expect("write");
    run_into(&db, &[&article], "2026-03-11");
    // Started before the decision: the server must see it without a restart.
    let server = super::serve::Server::start(&db, &[]);
    let listed = json_of(&db, &["updates"]);
    let id = listed["updates"][0]["id"].to_string();
    assert_eq!(listed["updates"][0]["kind"], "accession", "{listed:#}");

    let members_api = server.get_json("/api/members/NATO?on=2026-03-10");
    assert!(!codes(&members_api, "members", "code").contains(&"IRL".to_string()));
    let out = decide(&db, "accept", &id);
    assert!(out.status.success(), "{}", stderr_of(&out));

    for on in ["2026-03-08", "2026-03-10"] {
        let cli = json_of(&db, &["members", "NATO", "--on", on]);
        let api = server.get_json(&format!("/api/members/NATO?on={on}"));
        assert_eq!(cli, api, "members on {on}: the CLI and the API differ");
        let cli = json_of(&db, &["obligations", "--attacked", "IRL", "--on", on]);
        let api = server.get_json(&format!("/api/obligations?attacked=IRL&on={on}"));
        assert_eq!(cli, api, "obligations on {on}: the CLI and the API differ");
    }
    let after = json_of(&db, &["members", "NATO", "--on", "2026-03-10"]);
    assert!(
        codes(&after, "members", "code").contains(&"IRL".to_string()),
        "the accepted accession counts: {after:#}"
    );
    let bound = json_of(
        &db,
        &["obligations", "--attacked", "IRL", "--on", "2026-03-10"],
    );
    assert!(
        !codes(&bound, "obligated", "code").is_empty(),
        "NATO's members defend Ireland once it has joined: {bound:#}"
    );

    // Today, without --on: the same UTC date east and west of Greenwich
    // (at any hour one of the two zones is on another day than UTC).
    let api = server.get_json("/api/members/NATO");
    for tz in ["<+14>-14", "<-12>12"] {
        let cli = json_in_zone(&db, &["members", "NATO"], tz);
        assert_eq!(cli["on"], api["on"], "today in TZ={tz} is not UTC's");
        assert_eq!(cli, api, "members today (TZ={tz})");
    }

    // One shape for a stored update: `update` and `payload` in both.
    let cli = json_of(&db, &["updates"]);
    let api = server.get_json("/api/updates");
    assert_eq!(cli, api, "updates: the CLI and the API differ");
    assert_eq!(cli["updates"][0]["update"], cli["updates"][0]["payload"]);
    assert_eq!(cli["updates"][0]["status"], "accepted");
}

/// The Japan–Philippines pact and the Australia–Fiji treaty, proposed from
/// two articles in a store under `dir`; the store and the two updates' ids.
fn two_pacts(dir: &Path) -> (PathBuf, String, String) {
    let db = dir.join("pacts.db");
    let pact = dir.join("pact.txt");
    std::fs::write(
        &pact,
        "Japan and the Philippines signed a mutual defence pact on Monday, officials said.\n",
    )
    .expect("write");
    let other = dir.join("other.txt");
    std::fs::write(
        &other,
        "Australia and Fiji signed a mutual defence treaty on Friday.\n",
    )
    .expect("write");
    run_into(&db, &[&pact, &other], "2031-03-05");
    let listed = json_of(&db, &["updates"]);
    let id_of = |a: &str, b: &str| {
        listed["updates"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|u| {
                u["kind"] == "treaty_signed"
                    && [a, b].contains(&u["update"]["state"].as_str().unwrap_or(""))
                    && [a, b].contains(&u["update"]["other"].as_str().unwrap_or(""))
            })
            .map(|u| u["id"].to_string())
            .unwrap_or_else(|| panic!("a proposal of the {a}–{b} pact:\n{listed:#}"))
    };
    let (jp, au) = (id_of("JPN", "PHL"), id_of("AUS", "FJI"));
    (db, jp, au)
}

/// Issue 13: a token holder decides updates over the API, with the rules
/// of `entente updates`: accepting changes the knowledge-base answers from
/// the fact's date, a rejection stands until reopened; no token configured
/// or a wrong one is refused.
#[test]
fn api_decisions_need_the_token_and_change_the_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, jp, au) = two_pacts(dir.path());
    let read_only = super::serve::Server::start(&db, &[]);
    let (status, body) = read_only.request(
        "POST",
        &format!("/api/updates/{jp}/accept"),
        &[("Authorization", "Bearer whatever-token")],
        "",
    );
    assert_eq!(status, 403, "no token configured: {body}");
    assert!(body.contains("\"error\""), "a JSON error: {body}");
    drop(read_only);

    let token = "decide-s3cret";
    let server = super::serve::Server::start(&db, &["--token", token]);
    let bearer = format!("Bearer {token}");
    let post = |action: &str, id: &str, auth: &str| {
        server.request(
            "POST",
            &format!("/api/updates/{id}/{action}"),
            &[("Authorization", auth)],
            "",
        )
    };
    let treaties = |a: &str, b: &str, on: &str| {
        codes(
            &server.get_json(&format!("/api/treaties?a={a}&b={b}&on={on}")),
            "treaties",
            "treaty",
        )
    };
    let name = "Agreement between Japan and Philippines";
    let on = "2031-04-01";
    let has_pact = |on: &str| treaties("JPN", "PHL", on).contains(&name.to_string());
    assert!(!has_pact(on));
    let (status, body) = post("accept", &jp, "Bearer wrong-token");
    assert_eq!(status, 403, "wrong token: {body}");
    assert!(!has_pact(on), "nothing changed");

    let (status, body) = post("accept", &jp, &bearer);
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(v["changed"], true);
    assert_eq!(v["update"]["status"], "accepted");
    assert!(has_pact(on), "{:?}", treaties("JPN", "PHL", on));
    assert!(!has_pact("2031-03-02"), "not before the pact's date");
    let enc = name.replace(' ', "%20");
    let members = server.get_json(&format!("/api/members/{enc}?on={on}"));
    assert_eq!(codes(&members, "members", "code"), ["JPN", "PHL"]);
    let cli = json_of(&db, &["treaties", "--between", "JPN", "PHL", "--on", on]);
    assert_eq!(
        codes(&cli, "treaties", "treaty"),
        treaties("JPN", "PHL", on),
        "the CLI agrees"
    );
    let (status, body) = post("accept", &jp, &bearer);
    assert_eq!(status, 200, "accepting twice is no change: {body}");
    assert!(body.contains("\"changed\":false"), "{body}");

    // A rejection stands: accepting it is refused until it is reopened.
    let (status, body) = post("reject", &au, &bearer);
    assert_eq!(status, 200, "{body}");
    let (status, body) = post("accept", &au, &bearer);
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("reopen"), "says how: {body}");
    assert!(treaties("AUS", "FJI", on).is_empty());
    let (status, body) = post("reopen", &au, &bearer);
    assert_eq!(status, 200, "{body}");
    let (status, body) = post("accept", &au, &bearer);
    assert_eq!(status, 200, "{body}");
    assert!(
        !treaties("AUS", "FJI", on).is_empty(),
        "accepted once reopened"
    );
    let (status, _) = post("reject", "424242", &bearer);
    assert_eq!(status, 404);
}

/// Issue 12: accepting an update that reports an accession the knowledge
/// base already has, on another day, keeps the curated date and says so,
/// naming both dates, in the CLI and the API alike.
#[test]
fn accepting_a_known_accession_names_both_dates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("finland.txt");
    std::fs::write(
        &article,
        "Finland formally joined NATO on Wednesday, the alliance said.\n",
    )
    .expect("write");
    let proposed = |db: &Path| {
        run_into(db, &[&article], "2023-04-06");
        let listed = json_of(db, &["updates"]);
        let updates = listed["updates"].as_array().expect("updates").clone();
        assert_eq!(updates.len(), 1, "{listed:#}");
        assert_eq!(updates[0]["update"]["state"], "FIN");
        assert_eq!(updates[0]["update"]["date"], "2023-04-05", "{listed:#}");
        updates[0]["id"].as_i64().expect("id").to_string()
    };
    let fin_since = |db: &Path| {
        let v = json_of(db, &["members", "NATO", "--on", "2024-01-01"]);
        v["members"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["code"] == "FIN")
            .and_then(|m| m["since"].as_str().map(String::from))
    };

    let cli_db = dir.path().join("cli.db");
    let id = proposed(&cli_db);
    let out = decide(&cli_db, "accept", &id);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("already has FIN in NATO from 2023-04-04, not from 2023-04-05"),
        "{said}"
    );
    assert_eq!(fin_since(&cli_db).as_deref(), Some("2023-04-04"));

    let api_db = dir.path().join("api.db");
    let id = proposed(&api_db);
    let token = "known-s3cret";
    let server = super::serve::Server::start(&api_db, &["--token", token]);
    let (status, body) = server.request(
        "POST",
        &format!("/api/updates/{id}/accept"),
        &[("Authorization", &format!("Bearer {token}"))],
        "",
    );
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(v["changed"], true);
    assert_eq!(v["already_member"]["known"], "2023-04-04", "{v:#}");
    assert_eq!(v["already_member"]["reported"], "2023-04-05", "{v:#}");
    assert!(
        v["note"]
            .as_str()
            .is_some_and(|n| n.contains("it keeps 2023-04-04")),
        "{v:#}"
    );
    assert_eq!(fin_since(&api_db).as_deref(), Some("2023-04-04"));
}
