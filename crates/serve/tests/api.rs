//! Router-level tests: every route and every safety rule, driven with
//! `oneshot` against a store built here, on each back end (SQLite, and
//! PostgreSQL when `ENTENTE_TEST_POSTGRES` names a server: see
//! `common/mod.rs`).

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use chrono::NaiveDate;
use common::backends::{Backend, Place};
use common::{config, get, get_json, send};
use entente_core::{
    ActorKind, ActorRef, DatePrecision, DocId, Document, Event, Evidence, Mention, OffsetMap,
    Origin, Paragraph, Span,
};
use entente_serve::{router, AppState, Pipeline};
use entente_store::{DateSpan, DocumentRecord, QuantitySpan, TextSpans};
use serde_json::Value;
use std::sync::Arc;

const TOKEN: &str = "s3cret-token";

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// A document of paragraphs, with an event from `src` to `tgt` on `day`
/// in its first sentence.
fn record(
    title: &str,
    paragraphs: &[&str],
    src: &str,
    tgt: &str,
    cameo: &str,
    quad: u8,
    day: &str,
) -> DocumentRecord {
    let text = paragraphs.join("\n\n");
    let mut spans = Vec::new();
    let mut at = 0;
    for p in paragraphs {
        spans.push(Paragraph {
            span: Span::new(at, at + p.len()),
            original: None,
        });
        at += p.len() + 2;
    }
    let id = DocId::from_content(&text);
    let document = Document {
        id: id.clone(),
        origin: Origin::file("test"),
        external_id: None,
        url: Some(format!("https://example.invalid/{title}")),
        title: Some(title.to_string()),
        published: Some(date(day)),
        source: None,
        text: text.clone(),
        paragraphs: spans,
        related_links: Vec::new(),
        dropped: Vec::new(),
        offsets: OffsetMap::identity(),
    };
    let actor = |code: &str| ActorRef {
        code: code.to_string().into(),
        actor: code.get(..3).unwrap_or(code).to_string().into(),
        name: code.to_string().into(),
    };
    let first = paragraphs.first().copied().unwrap_or("");
    let mention = Mention {
        text: first.get(..4).unwrap_or(first).to_string().into(),
        start: 0,
        end: first.len().min(4),
        code: src.to_string().into(),
        actor: src.get(..3).unwrap_or(src).to_string().into(),
        kind: ActorKind::State,
        name: src.to_string().into(),
        role: None,
        sector: None,
        affiliation: None,
        confidence: 1.0,
        candidates: Vec::new(),
    };
    let event = Event {
        id: 0,
        doc: id.to_string().into(),
        sentence: 0,
        source: actor(src),
        target: Some(actor(tgt)),
        cameo: cameo.to_string().into(),
        plover: Some(
            if quad < 3 { "CONSULT" } else { "ASSAULT" }
                .to_string()
                .into(),
        ),
        quad_class: quad,
        goldstein: if quad < 3 { 3.0 } else { -5.0 },
        date: Some(date(day)),
        date_precision: DatePrecision::Day,
        negated: false,
        evidence: Evidence::from_span(&text, Span::new(0, first.len())),
        retold: Vec::new(),
        location: None,
    };
    let mut record = DocumentRecord::new(document);
    record.mentions.push(mention);
    record.events.push(event);
    record.number_events();
    record
}

/// A server over a store of 32 documents. The router goes before the
/// store's place: its connections close before the place is removed.
struct Fixture {
    app: Router,
    place: Place,
    seed_id: String,
    script_id: String,
}

fn fixture_with(backend: &Backend, token: Option<&str>) -> Fixture {
    let place = backend.place();
    let mut store = place.open();
    let seed = record(
        "pacific",
        &[
            "Sogavare met Ardern in Honiara.",
            "NATO troops were sent on 8 April.",
        ],
        "SLBGOV",
        "NZLGOV",
        "042",
        1,
        "2022-04-08",
    );
    let script = record(
        "script",
        &[
            "<script>alert(1)</script> China warned Taiwan.",
            "Nothing else.",
        ],
        "CHNGOV",
        "TWNGOV",
        "172",
        3,
        "2022-04-02",
    );
    let mut batch = vec![seed.clone(), script.clone()];
    for i in 0..30 {
        batch.push(record(
            &format!("filler{i}"),
            &[&format!("Report {i}: France consulted Germany.")],
            "FRAGOV",
            "DEUGOV",
            "040",
            if i % 2 == 0 { 1 } else { 4 },
            &format!("2022-03-{:02}", i % 28 + 1),
        ));
    }
    store.write_batch(&batch).expect("write");
    drop(store);
    let mut config = config(&place);
    config.body_limit = 64 * 1024;
    if let Some(t) = token {
        config.token = Some(t.to_string());
        let pipeline: Pipeline = Arc::new(|raw| {
            let text = raw.content.as_str().to_string();
            if text.trim().is_empty() {
                return Err("no text".to_string());
            }
            Ok(record(
                "posted",
                &[&text],
                "USAGOV",
                "JPNGOV",
                "051",
                1,
                "2022-05-01",
            ))
        });
        config.pipeline = Some(pipeline);
    }
    let state = AppState::open(&config).expect("state opens");
    Fixture {
        app: router(state),
        place,
        seed_id: seed.document.id.to_string(),
        script_id: script.document.id.to_string(),
    }
}

fn fixture(backend: &Backend) -> Fixture {
    fixture_with(backend, None)
}

fn search_finds_articles_and_takes_any_text(backend: &Backend) {
    let f = fixture(backend);
    let v = get_json(&f.app, "/api/search?q=Honiara");
    assert_eq!(v["hits"][0]["id"], f.seed_id.as_str());
    for q in [
        "%27%3B%20DROP%20TABLE%20documents%3B%20--",
        "%22NATO%22%20OR%20*",
        "NEAR(a%20b)",
    ] {
        let (status, body) = get(&f.app, &format!("/api/search?q={q}"));
        assert_eq!(
            status,
            StatusCode::OK,
            "q={q} is text, not SQL or FTS syntax: {body}"
        );
    }
    let v = get_json(&f.app, "/api/stats");
    assert_eq!(
        v["documents"], 32,
        "help: the injection attempts above must not change the store"
    );
}

fn article_carries_text_paragraphs_and_spans(backend: &Backend) {
    let f = fixture(backend);
    let v = get_json(&f.app, &format!("/api/articles/{}", f.seed_id));
    assert_eq!(v["paragraphs"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["mentions"][0]["text"], "Soga");
    assert_eq!(v["events"][0]["cameo"], "042");
    assert!(
        v["events"][0]["label"].is_string(),
        "events carry their CAMEO description"
    );
    assert!(
        v["dates"].as_array().is_some_and(|d| !d.is_empty()),
        "8 April is found: {}",
        v["dates"]
    );
    let (status, _) = get(&f.app, "/api/articles/nope");
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Dates and quantities stored with a record are what the reader gets:
/// spans no date finder would pick, to tell them from found ones.
fn article_views_read_stored_dates_and_quantities(backend: &Backend) {
    let place = backend.place();
    let mut rec = record(
        "stored",
        &["Sogavare met Ardern in Honiara on 8 April."],
        "SLBGOV",
        "NZLGOV",
        "042",
        1,
        "2022-04-08",
    );
    rec.spans = Some(TextSpans {
        dates: vec![DateSpan {
            span: Span::new(0, 8),
            date: date("2022-01-02"),
            precision: DatePrecision::Month,
        }],
        quantities: vec![QuantitySpan {
            span: Span::new(13, 19),
            value: 7.0,
        }],
    });
    let id = rec.document.id.to_string();
    place.open().write_batch(&[rec]).expect("write");
    let app = router(AppState::open(&config(&place)).expect("opens"));
    let v = get_json(&app, &format!("/api/articles/{id}"));
    assert_eq!(
        v["dates"],
        serde_json::json!([{"date": "2022-01-02", "precision": "month", "text": "Sogavare",
                            "start": 0, "end": 8}]),
        "help: the article must read the stored dates, not find them again"
    );
    assert_eq!(
        v["quantities"],
        serde_json::json!([{"value": 7.0, "text": "Ardern", "start": 13, "end": 19}])
    );
}

fn events_filter_by_every_parameter(backend: &Backend) {
    let f = fixture(backend);
    let total = |v: &Value| v["total"].as_u64().unwrap_or(u64::MAX);
    assert_eq!(total(&get_json(&f.app, "/api/events")), 32);
    let cases = [
        ("actor=SLB", 1),
        ("actor=NZL", 1),
        ("actor=FRAGOV", 30),
        ("type=04", 31),
        ("type=172", 1),
        ("type=consult", 16),
        ("quad=3,4", 16),
        ("from=2022-04-01&to=2022-04-30", 2),
        ("place=TWN", 1),
        ("actor=FRA&quad=1", 15),
    ];
    for (q, n) in cases {
        let v = get_json(&f.app, &format!("/api/events?{q}"));
        assert_eq!(total(&v), n, "/api/events?{q}");
    }
    for bad in [
        "quad=5",
        "from=yesterday",
        "limit=0",
        "limit=100000",
        "cursor=zzz",
        "format=xml",
    ] {
        let (status, body) = get(&f.app, &format!("/api/events?{bad}"));
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body.contains("error"), "{body}");
    }
}

fn cursor_pages_cover_every_event_once(backend: &Backend) {
    let f = fixture(backend);
    let mut seen = Vec::new();
    let mut uri = "/api/events?limit=7".to_string();
    for _ in 0..10 {
        let v = get_json(&f.app, &uri);
        for e in v["events"].as_array().into_iter().flatten() {
            seen.push(e["doc"].as_str().unwrap_or("").to_string());
        }
        match v["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/events?limit=7&cursor={c}"),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(seen.len(), 32);
    assert_eq!(unique.len(), 32);
}

fn downloads_come_in_csv_jsonl_and_gdelt(backend: &Backend) {
    let f = fixture(backend);
    let req = Request::get("/api/events?format=csv&limit=5")
        .body(Body::empty())
        .expect("req");
    let (status, headers, body) = send(&f.app, req);
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .is_ok_and(|c| c.starts_with("text/csv")));
    assert!(headers.contains_key("x-next-cursor"));
    assert!(body.starts_with("doc,sentence,date"), "{body}");
    assert_eq!(body.lines().count(), 6);

    let (_, body) = get(&f.app, "/api/events?format=jsonl&limit=3");
    assert_eq!(body.lines().count(), 3);
    for line in body.lines() {
        serde_json::from_str::<Value>(line).expect("each line is JSON");
    }

    let (status, body) = get(&f.app, "/api/events?format=gdelt&actor=SLB");
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows: Vec<&str> = body.lines().collect();
    assert_eq!(rows.len(), 1, "one event, no header row: {body}");
    assert_eq!(rows[0].split('\t').count(), 61, "GDELT 2.0 has 61 columns");
    assert!(rows[0].ends_with("https://example.invalid/pacific"));
}

fn aggregates_serve_the_pages(backend: &Backend) {
    let f = fixture(backend);
    let v = get_json(&f.app, "/api/actors/FRA");
    assert_eq!(v["events"], 30);
    assert_eq!(v["acts_on"][0]["actor"], "DEU");
    assert_eq!(v["state"]["name"], "France");
    let (status, _) = get(&f.app, "/api/actors/ZZZ");
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Issue 13: a known state or organisation with no events has a page.
    let v = get_json(&f.app, "/api/actors/ISL");
    assert_eq!(v["events"], 0, "{v}");
    assert_eq!(v["state"]["name"], "Iceland", "{v}");
    let v = get_json(&f.app, "/api/actors/PIF");
    assert_eq!(v["organisation"]["id"], "PIF", "{v}");
    let v = get_json(&f.app, "/api/timeline?actor=CHN");
    assert_eq!(v["days"][0]["quad"], serde_json::json!([0, 0, 1, 0]));
    let v = get_json(&f.app, "/api/network?from=2022-04-01");
    assert_eq!(v["edges"].as_array().map(Vec::len), Some(2));
    // Events are counted where they happened: "France consulted Germany"
    // names no place, so in its target's country.
    let v = get_json(&f.app, "/api/map");
    assert!(v["countries"]
        .as_array()
        .is_some_and(|c| c.iter().any(|c| c["country"] == "DEU" && c["events"] == 30)));
    assert!(
        v["places"].as_array().is_some(),
        "the map lists places: {v}"
    );
}

/// Issue 12: an ended term is named `former` in the API as in the command line.
fn a_name_on_a_date_carries_its_former_role(backend: &Backend) {
    let f = fixture(backend);
    let v = get_json(&f.app, "/api/names/Jacinda%20Ardern?on=2024-01-01");
    assert_eq!(v["on"], "2024-01-01");
    let a = &v["actors"][0];
    assert_eq!(a["code"], "");
    assert_eq!(a["former"]["code"], "NZLGOV");
    assert_eq!(a["former"]["title"], "prime minister");
    assert_eq!(a["former"]["to"], "2023-01-25");
    let v = get_json(&f.app, "/api/names/Christopher%20Luxon?on=2024-01-01");
    assert_eq!(v["actors"][0]["code"], "NZLGOV");
    assert!(v["actors"][0]["former"].is_null());
    let (status, body) = get(&f.app, "/api/names/Qqqzzx%20Wwwvvk?on=2024-01-01");
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, _) = get(&f.app, "/api/names/Ardern?on=yesterday");
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

fn knowledge_base_answers(backend: &Backend) {
    let f = fixture(backend);
    let v = get_json(&f.app, "/api/members/NATO?on=2022-04-08");
    assert_eq!(v["members"].as_array().map(Vec::len), Some(30));
    let v = get_json(
        &f.app,
        "/api/obligations?attacked=BEL&on=2022-04-08&treaty=NATO",
    );
    let obligated = v["obligated"].as_array().cloned().unwrap_or_default();
    let mut states: Vec<&str> = obligated
        .iter()
        .filter_map(|o| o["code"].as_str())
        .collect();
    states.sort();
    states.dedup();
    assert_eq!(states.len(), 29, "{states:?}");
    assert!(!states.contains(&"BEL"));
    let v = get_json(&f.app, "/api/partners/NATO");
    assert!(v["partners"].as_array().is_some_and(|p| !p.is_empty()));
    let v = get_json(&f.app, "/api/partners/NATO?on=2013-06-01");
    assert!(v["partners"]
        .as_array()
        .is_some_and(|p| p.iter().any(|p| p["code"] == "RUS")));
    let v = get_json(&f.app, "/api/partners/NATO?on=2022-04-08");
    assert!(v["partners"]
        .as_array()
        .is_some_and(|p| !p.iter().any(|p| p["code"] == "RUS" || p["code"] == "BLR")));
    let v = get_json(&f.app, "/api/organisations");
    assert!(v["organisations"].as_array().is_some_and(|o| o.len() > 1));
    let (status, body) = get(&f.app, "/api/members/NOPE");
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, _) = get(&f.app, "/api/obligations");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let v = get_json(&f.app, "/api/deployments");
    assert!(v["deployments"].is_array());
    let v = get_json(&f.app, "/api/updates");
    assert!(v["updates"].is_array());
}

/// Issue 12: treaties between two states, named, with their dates and why they ended.
fn treaties_between_two_states_are_named_with_their_terms(backend: &Backend) {
    let f = fixture(backend);
    let v = get_json(&f.app, "/api/treaties?a=RUS&b=PRK&ever=true");
    let treaties = v["treaties"].as_array().cloned().unwrap_or_default();
    let old = treaties
        .iter()
        .find(|t| t["id"] == "atop:4940")
        .unwrap_or_else(|| panic!("the 2000 treaty: {v}"));
    assert_eq!(old["ended"], "2024-12-04");
    assert!(old["end_reason"]
        .as_str()
        .is_some_and(|r| r.contains("superseded")));
    for t in &treaties {
        assert!(
            t["treaty"].as_str().is_some_and(|n| !n.starts_with("ATOP")),
            "{t}"
        );
        for key in ["signed", "in_force", "ended", "end_reason", "bound_from"] {
            assert!(t.get(key).is_some(), "{key} in {t}");
        }
    }
    let v = get_json(&f.app, "/api/treaties?a=RUS&b=PRK&on=2020-01-01");
    assert!(v["treaties"]
        .as_array()
        .is_some_and(|t| t.iter().any(|t| t["id"] == "atop:4940")));
    let (status, _) = get(&f.app, "/api/treaties?a=RUS");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = get(&f.app, "/api/treaties?a=RUS&b=Atlantis");
    assert_eq!(status, StatusCode::NOT_FOUND);
}

fn post(body: &str, auth: Option<&str>) -> Request<Body> {
    let mut req = Request::builder()
        .method(Method::POST)
        .uri("/api/documents")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(a) = auth {
        req = req.header(header::AUTHORIZATION, a);
    }
    req.body(Body::from(body.to_string())).expect("request")
}

fn posting_is_off_without_a_token(backend: &Backend) {
    let f = fixture(backend);
    let (status, _, _) = send(
        &f.app,
        post(r#"{"text":"USA met Japan."}"#, Some("Bearer x")),
    );
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "help: a read-only server has no POST route"
    );
}

fn decide(id: &str, action: &str, auth: Option<&str>) -> Request<Body> {
    let mut req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/updates/{id}/{action}"));
    if let Some(a) = auth {
        req = req.header(header::AUTHORIZATION, a);
    }
    req.body(Body::empty()).expect("request")
}

/// Issue 13: deciding updates needs the server's token; without one
/// configured nobody may, and the answer says so.
fn deciding_updates_needs_the_token(backend: &Backend) {
    let f = fixture(backend);
    for action in ["accept", "reject", "reopen"] {
        let (status, _, body) = send(&f.app, decide("1", action, Some("Bearer x")));
        assert_eq!(status, StatusCode::FORBIDDEN, "{action}: {body}");
        assert!(body.contains("--token"), "says how to enable it: {body}");
    }
    let f = fixture_with(backend, Some(TOKEN));
    let (status, _, _) = send(&f.app, decide("1", "accept", None));
    assert_eq!(status, StatusCode::FORBIDDEN, "no token sent");
    let (status, _, body) = send(&f.app, decide("1", "accept", Some("Bearer wrong-token")));
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("wrong token"), "{body}");
    let bearer = format!("Bearer {TOKEN}");
    let (status, _, body) = send(&f.app, decide("999", "accept", Some(&bearer)));
    assert_eq!(status, StatusCode::NOT_FOUND, "no such update: {body}");
    let (status, _, _) = send(&f.app, decide("one", "reject", Some(&bearer)));
    assert_eq!(status, StatusCode::BAD_REQUEST, "an id is a number");
}

fn posting_needs_the_token(backend: &Backend) {
    let f = fixture_with(backend, Some(TOKEN));
    let doc = r#"{"text":"The United States met Japan.","published":"2022-05-01"}"#;
    let (status, _, _) = send(&f.app, post(doc, None));
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = send(&f.app, post(doc, Some("Bearer wrong-token")));
    assert_eq!(status, StatusCode::FORBIDDEN);
    let bearer = format!("Bearer {TOKEN}");
    let (status, _, body) = send(&f.app, post(doc, Some(&bearer)));
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let v = get_json(&f.app, "/api/events?actor=USA");
    assert_eq!(
        v["total"], 1,
        "a posted document's events are served at once"
    );
    let (status, _, _) = send(&f.app, post(doc, Some(&bearer)));
    assert_eq!(status, StatusCode::OK, "posting again stores nothing twice");
    let (status, _, _) = send(&f.app, post(r#"{"text":"a","html":"b"}"#, Some(&bearer)));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, body) = send(&f.app, post(r#"{"text":"   "}"#, Some(&bearer)));
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "what the pipeline refuses cannot be stored: {body}"
    );
    assert!(body.contains("no text"), "the pipeline's reason: {body}");
}

fn publication_dates_are_checked(backend: &Backend) {
    let f = fixture_with(backend, Some(TOKEN));
    let bearer = format!("Bearer {TOKEN}");
    for bad in [
        "2022-13-01",
        "yesterday",
        "0022-05-01",
        "2022-05-01x",
        "3000-01-01",
    ] {
        let doc = format!(r#"{{"text":"Japan met Canada.","published":"{bad}"}}"#);
        let (status, _, body) = send(&f.app, post(&doc, Some(&bearer)));
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        assert!(body.contains("published"), "names the field: {body}");
    }
    for good in [
        "2022-05-01",
        "2022-05-01T10:00:00Z",
        "Sun, 01 May 2022 10:00:00 +0000",
    ] {
        let doc = format!(r#"{{"text":"Japan met Canada on {good}.","published":"{good}"}}"#);
        let (status, _, body) = send(&f.app, post(&doc, Some(&bearer)));
        assert_eq!(status, StatusCode::CREATED, "{good}: {body}");
    }
}

fn a_panicking_pipeline_fails_only_its_document(backend: &Backend) {
    let place = backend.place();
    drop(place.open());
    let mut config = config(&place);
    config.token = Some(TOKEN.to_string());
    let pipeline: Pipeline = Arc::new(|raw| {
        let text = raw.content.as_str().to_string();
        if text.contains("boom") {
            panic!("secret state at /var/lib/entente");
        }
        Ok(record(
            "ok",
            &[&text],
            "USAGOV",
            "JPNGOV",
            "051",
            1,
            "2022-05-01",
        ))
    });
    config.pipeline = Some(pipeline);
    let app = router(AppState::open(&config).expect("opens"));
    let bearer = format!("Bearer {TOKEN}");
    let (status, _, body) = send(&app, post(r#"{"text":"boom"}"#, Some(&bearer)));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(!body.contains("secret") && !body.contains("/var"), "{body}");
    let (status, _, body) = send(&app, post(r#"{"text":"USA met Japan."}"#, Some(&bearer)));
    assert_eq!(
        status,
        StatusCode::CREATED,
        "the next document goes on: {body}"
    );
}

fn hostile_queries_are_answered_plainly(backend: &Backend) {
    let f = fixture(backend);
    for q in ["%00", "a%00b", "%1b%5B2J", "%22%00%22", "%C2%80"] {
        let (status, body) = get(&f.app, &format!("/api/search?q={q}"));
        assert_eq!(status, StatusCode::OK, "q={q}: {body}");
        assert!(!body.contains("store") && !body.contains(".db"), "{body}");
    }
    let long = "a%20".repeat(600);
    let (status, body) = get(&f.app, &format!("/api/search?q={long}"));
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

fn internal_errors_tell_nothing_of_the_store(backend: &Backend) {
    let f = fixture(backend);
    // Break the store under the running server: a search now fails in SQL.
    f.place.break_store();
    let (status, body) = get(&f.app, "/api/search?q=Honiara");
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(v["error"], "internal error", "{body}");
    assert!(v["id"].is_u64(), "an id to find the log line by: {body}");
    for secret in [
        "entente.db",
        "documents",
        "SQL",
        "sqlite",
        "postgres",
        "relation",
        "gone",
        "Honiara",
        "no such",
    ] {
        assert!(!body.contains(secret), "{secret} in {body}");
    }
}

fn events_stored_by_another_process_are_picked_up(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
    store
        .write_batch(&[record(
            "one",
            &["Japan met Canada."],
            "JPNGOV",
            "CANGOV",
            "040",
            1,
            "2022-01-02",
        )])
        .expect("write");
    let state = AppState::open(&config(&place)).expect("opens");
    let app = router(state.clone());
    assert_eq!(get_json(&app, "/api/events")["total"], 1);
    // Aggregates are kept while the events are the same: asked again, the
    // same answer; after the write below, a new one.
    let days = |v: Value| v["days"].as_array().map(Vec::len);
    let countries = |v: Value| v["countries"].as_array().map(Vec::len);
    for _ in 0..2 {
        assert_eq!(days(get_json(&app, "/api/timeline")), Some(1));
        // "Japan met Canada" names no place: it is counted in Canada.
        assert_eq!(countries(get_json(&app, "/api/map")), Some(1));
        assert_eq!(get_json(&app, "/api/actors/JPN")["events"], 1);
        let network = get_json(&app, "/api/network");
        assert_eq!(network["edges"].as_array().map(Vec::len), Some(1));
    }
    assert!(
        !common::block_on(state.refresh()).expect("refreshes"),
        "nothing changed yet"
    );
    store
        .write_batch(&[record(
            "two",
            &["Kenya met Peru."],
            "KENGOV",
            "PERGOV",
            "040",
            1,
            "2022-01-03",
        )])
        .expect("write");
    assert!(common::block_on(state.refresh()).expect("refreshes"));
    assert_eq!(get_json(&app, "/api/events")["total"], 2);
    assert_eq!(
        days(get_json(&app, "/api/timeline")),
        Some(2),
        "help: a kept timeline outlived a write"
    );
    assert_eq!(countries(get_json(&app, "/api/map")), Some(2));
    let network = get_json(&app, "/api/network");
    assert_eq!(network["edges"].as_array().map(Vec::len), Some(2));
}

fn request_bodies_are_limited(backend: &Backend) {
    let f = fixture_with(backend, Some(TOKEN));
    let big = format!(r#"{{"text":"{}"}}"#, "a".repeat(100 * 1024));
    let bearer = format!("Bearer {TOKEN}");
    let (status, _, _) = send(&f.app, post(&big, Some(&bearer)));
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

fn no_cors_and_no_files_from_paths(backend: &Backend) {
    let f = fixture(backend);
    let req = Request::get("/api/events")
        .header(header::ORIGIN, "https://evil.invalid")
        .body(Body::empty())
        .expect("req");
    let (_, headers, _) = send(&f.app, req);
    assert!(
        !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
        "CORS is off"
    );
    let req = Request::builder()
        .method(Method::OPTIONS)
        .uri("/api/events")
        .header(header::ORIGIN, "https://evil.invalid")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .body(Body::empty())
        .expect("req");
    let (status, headers, _) = send(&f.app, req);
    assert!(!status.is_success() || !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    for path in [
        "/../../../etc/passwd",
        "/app.js/../../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/api/articles/..%2F..%2Fetc%2Fpasswd",
        "/data/world.json",
        "/src/lib.rs",
    ] {
        let (status, body) = get(&f.app, path);
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
        assert!(!body.contains("root:"), "{path}");
    }
}

fn pages_are_self_contained_and_escape_data(backend: &Backend) {
    let f = fixture(backend);
    let req = Request::get("/").body(Body::empty()).expect("req");
    let (status, headers, html) = send(&f.app, req);
    assert_eq!(status, StatusCode::OK);
    let csp = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap_or("");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let (_, script) = get(&f.app, "/app.js");
    let (_, style) = get(&f.app, "/app.css");
    for (name, text) in [
        ("index.html", &html),
        ("app.js", &script),
        ("app.css", &style),
    ] {
        // The SVG namespace is a name, not a resource.
        let text = text.replace("http://www.w3.org/2000/svg", "");
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{name} loads nothing from outside"
        );
    }
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(
            !script.contains(sink),
            "help: build the DOM with textContent, not {sink}"
        );
    }
    // The API returns the article as data; the page only ever sets it as text.
    let v = get_json(&f.app, &format!("/api/articles/{}", f.script_id));
    assert!(v["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("<script>")));
}

/// Issue 13: the home page's latest articles, newest first, undated last.
fn latest_articles_come_newest_first(backend: &Backend) {
    let f = fixture(backend);
    let v = get_json(&f.app, "/api/articles?limit=50");
    let articles = v["articles"].as_array().cloned().unwrap_or_default();
    assert!(!articles.is_empty(), "{v}");
    let dates: Vec<Option<&str>> = articles.iter().map(|a| a["published"].as_str()).collect();
    for w in dates.windows(2) {
        match (w[0], w[1]) {
            (Some(a), Some(b)) => assert!(a >= b, "newest first: {dates:?}"),
            (None, Some(_)) => panic!("undated articles come last: {dates:?}"),
            _ => {}
        }
    }
    assert!(articles.iter().all(|a| a["id"].is_string()), "{v}");
    let (status, _) = get(&f.app, "/api/articles?limit=0");
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

fn openapi_describes_every_route(backend: &Backend) {
    let f = fixture(backend);
    let v = get_json(&f.app, "/api/openapi.json");
    assert!(v["openapi"].as_str().is_some_and(|s| s.starts_with("3.")));
    let paths = v["paths"].as_object().cloned().unwrap_or_default();
    for p in [
        "/api/search",
        "/api/articles",
        "/api/articles/{id}",
        "/api/events",
        "/api/timeline",
        "/api/network",
        "/api/map",
        "/api/actors/{id}",
        "/api/names/{name}",
        "/api/members/{org}",
        "/api/obligations",
        "/api/partners/{org}",
        "/api/treaties",
        "/api/deployments",
        "/api/updates",
        "/api/updates/{id}/accept",
        "/api/updates/{id}/reject",
        "/api/updates/{id}/reopen",
        "/api/documents",
        "/api/organisations",
        "/api/stats",
    ] {
        assert!(paths.contains_key(p), "openapi.json lacks {p}");
    }
}

fn reads_go_on_while_a_document_is_processed(backend: &Backend) {
    let place = backend.place();
    drop(place.open());
    let mut config = config(&place);
    config.token = Some(TOKEN.to_string());
    let (entered_tx, entered_rx) = std::sync::mpsc::channel::<()>();
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    let entered = std::sync::Mutex::new(entered_tx);
    let release = std::sync::Mutex::new(release_rx);
    let pipeline: Pipeline = Arc::new(move |raw| {
        let text = raw.content.as_str().to_string();
        // Stands for a slow document: holds on until the test lets go.
        let _ = entered.lock().expect("lock").send(());
        let _ = release
            .lock()
            .expect("lock")
            .recv_timeout(std::time::Duration::from_secs(20));
        Ok(record(
            "slow",
            &[&text],
            "USAGOV",
            "JPNGOV",
            "051",
            1,
            "2022-05-01",
        ))
    });
    config.pipeline = Some(pipeline);
    let app = router(AppState::open(&config).expect("opens"));
    let bearer = format!("Bearer {TOKEN}");
    let posting = {
        let app = app.clone();
        common::spawn(async move {
            common::send_async(&app, post(r#"{"text":"USA met Japan."}"#, Some(&bearer))).await
        })
    };
    entered_rx.recv().expect("the pipeline runs");
    // The pipeline is running: every kind of read answers meanwhile.
    for uri in [
        "/api/events",
        "/api/search?q=Japan",
        "/api/stats",
        "/api/timeline",
    ] {
        get_json(&app, uri);
    }
    release_tx.send(()).expect("releases");
    let (status, _, body) = common::block_on(posting).expect("posts");
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(get_json(&app, "/api/events")["total"], 1);
}

conformance!(
    search_finds_articles_and_takes_any_text,
    article_carries_text_paragraphs_and_spans,
    article_views_read_stored_dates_and_quantities,
    events_filter_by_every_parameter,
    cursor_pages_cover_every_event_once,
    downloads_come_in_csv_jsonl_and_gdelt,
    aggregates_serve_the_pages,
    a_name_on_a_date_carries_its_former_role,
    knowledge_base_answers,
    treaties_between_two_states_are_named_with_their_terms,
    posting_is_off_without_a_token,
    deciding_updates_needs_the_token,
    posting_needs_the_token,
    publication_dates_are_checked,
    a_panicking_pipeline_fails_only_its_document,
    hostile_queries_are_answered_plainly,
    internal_errors_tell_nothing_of_the_store,
    events_stored_by_another_process_are_picked_up,
    request_bodies_are_limited,
    no_cors_and_no_files_from_paths,
    pages_are_self_contained_and_escape_data,
    latest_articles_come_newest_first,
    openapi_describes_every_route,
    reads_go_on_while_a_document_is_processed,
);
