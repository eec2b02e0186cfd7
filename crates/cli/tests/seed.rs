//! The seed article through the whole pipeline (`entente code`), judged as
//! tests/data/seed/README.md says each field of expected.json is judged.

use super::*;

struct Coded {
    text: String,
    mentions: Vec<Value>,
    events: Vec<Value>,
    quotations: Vec<Value>,
    deployments: Vec<Value>,
}

fn coded_seed() -> Coded {
    let out = entente()
        .args(["code", "--format", "jsonl", "--published", "2022-04-08"])
        .arg(seed_article())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let records = json_lines(&out);
    let of = |kind: &str| -> Vec<Value> {
        records
            .iter()
            .filter(|r| r["kind"] == kind)
            .cloned()
            .collect()
    };
    let clean = entente()
        .args(["clean", "--format", "jsonl"])
        .arg(seed_article())
        .output()
        .expect("runs");
    let text = json_lines(&clean)[0]["text"]
        .as_str()
        .unwrap_or("")
        .to_string();
    Coded {
        text,
        mentions: of("actor_mention"),
        events: of("event"),
        quotations: of("quotation"),
        deployments: of("deployment"),
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Does the record's evidence span cover every occurrence-candidate of
/// `words` in the text (at least one)?
fn covers(text: &str, record: &Value, words: &str) -> bool {
    let (Some(start), Some(end)) = (
        record["evidence"]["start"].as_u64(),
        record["evidence"]["end"].as_u64(),
    ) else {
        return false;
    };
    text.match_indices(words)
        .any(|(i, w)| start as usize <= i && i + w.len() <= end as usize)
}

#[test]
fn seed_actors_resolve_as_expected() {
    let c = coded_seed();
    let mut misses = Vec::new();
    for want in expected()["actors"].as_array().expect("actors") {
        let mention = str_of(want, "mention");
        let ok = c.mentions.iter().any(|m| {
            str_of(m, "text").contains(mention)
                && (str_of(m, "actor") == str_of(want, "actor")
                    || str_of(m, "name") == str_of(want, "actor"))
                && want["cameo"]
                    .as_str()
                    .is_none_or(|code| str_of(m, "code") == code)
                && want["sector"]
                    .as_str()
                    .is_none_or(|s| str_of(m, "sector") == s)
                && want["role"].as_str().is_none_or(|r| {
                    let got = str_of(m, "role").to_lowercase().replace('-', " ");
                    got.contains(&r.to_lowercase().replace('-', " "))
                })
        });
        if !ok {
            let found: Vec<String> = c
                .mentions
                .iter()
                .filter(|m| str_of(m, "text").contains(mention))
                .map(|m| {
                    format!(
                        "{} → {} {} {}",
                        str_of(m, "text"),
                        str_of(m, "actor"),
                        str_of(m, "code"),
                        str_of(m, "role")
                    )
                })
                .collect();
            misses.push(format!("{mention:?} wanted {want}; found {found:?}"));
        }
    }
    assert!(
        misses.is_empty(),
        "unresolved actors:\n{}",
        misses.join("\n")
    );
}

fn event_matches(text: &str, e: &Value, want: &Value) -> bool {
    let source = str_of(&e["source"], "code");
    let sources: Vec<&str> = [strings(&want["source"]), strings(&want["source_any"])].concat();
    let target = e["target"]["code"].as_str();
    let date = str_of(e, "date");
    sources.iter().any(|s| source.starts_with(s))
        && (want["target_any"].is_null()
            || strings(&want["target_any"])
                .iter()
                .any(|t| target.is_some_and(|got| got.starts_with(t))))
        && strings(&want["cameo_root_any"])
            .iter()
            .any(|r| str_of(e, "cameo").starts_with(r))
        && strings(&want["plover_any"]).contains(&str_of(e, "plover"))
        && covers(text, e, str_of(want, "evidence"))
        && want["date"].as_str().is_none_or(|d| date == d)
        && want["date_month"]
            .as_str()
            .is_none_or(|m| date.starts_with(m))
        && want["date_between"].as_array().is_none_or(|r| {
            let (a, b) = (r[0].as_str().unwrap_or(""), r[1].as_str().unwrap_or(""));
            !date.is_empty() && a <= date && date <= b
        })
}

#[test]
fn seed_events_hold() {
    let c = coded_seed();
    let mut misses = Vec::new();
    for want in expected()["events"].as_array().expect("events") {
        if !c.events.iter().any(|e| event_matches(&c.text, e, want)) {
            misses.push(format!("{}: {}", str_of(want, "id"), want));
        }
    }
    let got: Vec<String> = c
        .events
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {} {} {:?}",
                str_of(&e["source"], "code"),
                str_of(e, "cameo"),
                str_of(e, "plover"),
                e["target"]["code"].as_str().unwrap_or("-"),
                str_of(e, "date"),
                str_of(&e["evidence"], "text")
            )
        })
        .collect();
    assert!(
        misses.is_empty(),
        "missing events:\n{}\n\ncoded:\n{}",
        misses.join("\n"),
        got.join("\n")
    );
}

#[test]
fn seed_events_must_not() {
    let c = coded_seed();
    let e1 = &expected()["events"][0];
    assert_eq!(str_of(e1, "id"), "E1");
    let n = c
        .events
        .iter()
        .filter(|e| event_matches(&c.text, e, e1))
        .count();
    assert!(n <= 1, "E1 is one event, coded once: {n}");
    for headline in [
        "UN assembly suspends Russia",
        "China ship shadows",
        "READ MORE",
    ] {
        for r in c.events.iter().chain(&c.quotations) {
            assert!(!str_of(&r["evidence"], "text").contains(headline), "{r}");
        }
    }
}

#[test]
fn seed_deployments_hold() {
    let c = coded_seed();
    let mut misses = Vec::new();
    for want in expected()["deployments"].as_array().expect("deployments") {
        let ok = c.deployments.iter().any(|d| {
            let by = str_of(d, "by");
            let to = strings(&d["to"]);
            by.starts_with(str_of(want, "by"))
                && want["sector"].as_str().is_none_or(|s| by.ends_with(s))
                && strings(&want["to"]).iter().all(|t| to.contains(t))
                && d["personnel"] == want["personnel"]
                && want["status"]
                    .as_str()
                    .is_none_or(|s| str_of(d, "status") == s)
                && want["review_date"]
                    .as_str()
                    .is_none_or(|r| str_of(d, "review_date") == r)
                && want["start_month"]
                    .as_str()
                    .is_none_or(|m| str_of(d, "start").starts_with(m))
                && want["requested_by"]
                    .as_str()
                    .is_none_or(|r| str_of(d, "requested_by").starts_with(r))
                && want["role"].as_str().is_none_or(|r| str_of(d, "role") == r)
                && covers(&c.text, d, str_of(want, "evidence"))
        });
        if !ok {
            misses.push(format!("{}: {want}", str_of(want, "id")));
        }
        if let Some(purpose) = want["purpose_mentions"].as_array() {
            let names = [("RUS", "Russia"), ("UKR", "Ukraine")];
            let d = c
                .deployments
                .iter()
                .find(|d| strings(&d["to"]).contains(&"BEL"))
                .expect("the deployment to Belgium");
            for code in purpose.iter().filter_map(Value::as_str) {
                let name = names
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, n)| *n)
                    .unwrap_or(code);
                assert!(
                    str_of(d, "purpose").contains(name),
                    "purpose mentions {name}: {d}"
                );
            }
        }
    }
    assert!(
        misses.is_empty(),
        "missing deployments:\n{}\ncoded: {:#?}",
        misses.join("\n"),
        c.deployments
    );
}

#[test]
fn seed_quotations_have_their_speakers() {
    let c = coded_seed();
    for want in expected()["quotations"].as_array().expect("quotations") {
        let starts = str_of(want, "starts");
        let q = c
            .quotations
            .iter()
            .find(|q| str_of(q, "text").starts_with(starts))
            .unwrap_or_else(|| panic!("a quotation starting {starts:?}: {:#?}", c.quotations));
        assert_eq!(
            str_of(&q["speaker"], "name"),
            str_of(want, "speaker"),
            "{q}"
        );
    }
}

#[test]
fn gdelt_export_has_61_columns_and_no_header() {
    let out = entente()
        .args(["code", "--format", "gdelt", "--published", "2022-04-08"])
        .arg(seed_article())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let rows: Vec<&str> = text.lines().collect();
    assert!(!rows.is_empty());
    for row in &rows {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 61, "{row}");
        assert!(
            cols[0].parse::<u64>().is_ok(),
            "GLOBALEVENTID first, no header: {row}"
        );
        assert_eq!(cols[1].len(), 8, "SQLDATE YYYYMMDD: {row}");
    }
    let with_header = entente()
        .args([
            "code",
            "--format",
            "gdelt",
            "--header",
            "--published",
            "2022-04-08",
        ])
        .arg(seed_article())
        .output()
        .expect("runs");
    assert!(stdout_of(&with_header).starts_with("GLOBALEVENTID\t"));
}
