//! The store and the API answer one table of event queries alike: the same
//! events in the same order, the same totals and cursors, the same second
//! page, the same timeline, map and network. The API adds only its
//! parameter syntax and the events' CAMEO labels. On each back end (SQLite,
//! and PostgreSQL when `ENTENTE_TEST_POSTGRES` names a server: see
//! `common/mod.rs`).

mod common;

use chrono::NaiveDate;
use common::backends::Backend;
use common::{config, get_json};
use entente_core::{
    ActorRef, DatePrecision, DocId, Document, Event, Evidence, OffsetMap, Origin, Span,
};
use entente_serve::{router, AppState};
use entente_store::{DocumentRecord, EventCursor, EventFilter};
use serde_json::Value;

const ACTORS: [(&str, &str); 6] = [
    ("NZLGOV", "NZL"),
    ("SLBGOV", "SLB"),
    ("USAMIL", "USA"),
    ("IGOWSTNAT", "NATO"),
    ("CHNGOV", "CHN"),
    ("AUSGOV", "AUS"),
];

/// CAMEO, PLOVER, quad class, Goldstein.
const CODES: [(&str, &str, u8, f32); 4] = [
    ("042", "CONSULT", 1, 1.9),
    ("0874", "AID", 2, 7.5),
    ("112", "ACCUSE", 3, -2.0),
    ("190", "ASSAULT", 4, -10.0),
];

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 4, d).expect("April has the day")
}

/// 30 documents of 3 events each, spread over actors, codes and ten days
/// (every seventh event undated, every fifth without a target).
fn records() -> Vec<DocumentRecord> {
    (0..30usize)
        .map(|n| {
            let text = format!("Report {n}: officials met and talked at length.");
            let id = DocId::from_content(&text);
            let events = (0..3usize)
                .map(|s| {
                    let k = n * 3 + s;
                    let actor = |i: usize| ActorRef {
                        code: ACTORS[i % ACTORS.len()].0.into(),
                        actor: ACTORS[i % ACTORS.len()].1.into(),
                        name: ACTORS[i % ACTORS.len()].1.into(),
                    };
                    let code = CODES[k % CODES.len()];
                    Event {
                        id: 0,
                        doc: id.to_string().into(),
                        sentence: s,
                        source: actor(k),
                        target: (k % 5 != 0).then(|| actor(k * 7 + 1)),
                        cameo: code.0.into(),
                        plover: Some(code.1.into()),
                        quad_class: code.2,
                        goldstein: code.3,
                        date: (k % 7 != 0).then(|| day(1 + (k % 10) as u32)),
                        date_precision: DatePrecision::Day,
                        negated: false,
                        evidence: Evidence::from_span(&text, Span::new(0, 6)),
                        retold: Vec::new(),
                        location: None,
                    }
                })
                .collect();
            let mut record = DocumentRecord::new(Document {
                id,
                origin: Origin::file("conformance"),
                external_id: None,
                url: None,
                title: Some(format!("Report {n}")),
                published: Some(day(10)),
                source: None,
                text,
                paragraphs: Vec::new(),
                related_links: Vec::new(),
                dropped: Vec::new(),
                offsets: OffsetMap::identity(),
            });
            record.events = events;
            record.number_events();
            record
        })
        .collect()
}

/// An API query string and the store filter it stands for.
struct Case {
    query: &'static str,
    filter: EventFilter,
}

fn cases(doc: &str) -> Vec<(String, EventFilter)> {
    let f = EventFilter::default;
    let table = vec![
        Case {
            query: "",
            filter: f(),
        },
        Case {
            query: "actor=NZL",
            filter: EventFilter {
                actor: Some("NZL".into()),
                ..f()
            },
        },
        Case {
            query: "actor=NATO",
            filter: EventFilter {
                actor: Some("NATO".into()),
                ..f()
            },
        },
        Case {
            query: "actor=USAMIL&quad=3,4",
            filter: EventFilter {
                actor: Some("USAMIL".into()),
                quad: vec![3, 4],
                ..f()
            },
        },
        Case {
            query: "type=consult",
            filter: EventFilter {
                plover: Some("CONSULT".into()),
                ..f()
            },
        },
        Case {
            query: "type=08",
            filter: EventFilter {
                cameo: Some("08".into()),
                ..f()
            },
        },
        Case {
            query: "quad=2",
            filter: EventFilter {
                quad: vec![2],
                ..f()
            },
        },
        Case {
            query: "from=2022-04-03&to=2022-04-06",
            filter: EventFilter {
                from: Some(day(3)),
                to: Some(day(6)),
                ..f()
            },
        },
        Case {
            query: "from=2022-04-08",
            filter: EventFilter {
                from: Some(day(8)),
                ..f()
            },
        },
        Case {
            query: "place=slb",
            filter: EventFilter {
                place: Some("SLB".into()),
                ..f()
            },
        },
        Case {
            query: "place=IGO",
            filter: EventFilter {
                place: Some("IGO".into()),
                ..f()
            },
        },
        Case {
            query: "actor=AUS&type=ASSAULT&from=2022-04-01&to=2022-04-30",
            filter: EventFilter {
                actor: Some("AUS".into()),
                plover: Some("ASSAULT".into()),
                from: Some(day(1)),
                to: Some(day(30)),
                ..f()
            },
        },
        Case {
            query: "actor=ZZZ",
            filter: EventFilter {
                actor: Some("ZZZ".into()),
                ..f()
            },
        },
    ];
    let mut out: Vec<(String, EventFilter)> = table
        .into_iter()
        .map(|c| (c.query.to_string(), c.filter))
        .collect();
    out.push((
        format!("doc={doc}"),
        EventFilter {
            doc: Some(doc.to_string()),
            ..f()
        },
    ));
    out
}

/// The API's events without their labels, as the store's would serialise.
fn unlabelled(page: &Value) -> Vec<Value> {
    page["events"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut e| {
            if let Some(m) = e.as_object_mut() {
                // What the API adds to the store's event: its description
                // and its story.
                m.remove("label");
                m.remove("story");
                m.remove("copies");
            }
            e
        })
        .collect()
}

/// As the API sends it: through text, where an f32 prints as itself (a
/// `Value` made directly widens it to 1.899999976158142).
fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::from_str(&serde_json::to_string(v).expect("serialises")).expect("JSON")
}

fn store_and_api_answer_the_query_table_alike(backend: &Backend) {
    let place = backend.place();
    let records = records();
    let doc = records[4].document.id.to_string();
    let mut store = place.open();
    store.write_batch(&records).expect("writes");
    let app = router(AppState::open(&config(&place)).expect("opens"));
    const PAGE: usize = 4;
    let mut second_pages = 0;
    for (query, filter) in cases(&doc) {
        let uri = |extra: &str| format!("/api/events?{query}&limit={PAGE}{extra}");
        let want = store.event_page(&filter, PAGE).expect("store page");
        let got = get_json(&app, &uri(""));
        let events: Vec<Value> = want.events.iter().map(|(_, e)| json(e)).collect();
        assert_eq!(unlabelled(&got), events, "help: events differ for ?{query}");
        assert_eq!(got["total"], want.total, "total for ?{query}");
        assert_eq!(
            got["next_cursor"].as_str(),
            want.next.map(|c| c.to_string()).as_deref(),
            "cursor for ?{query}"
        );
        // Page 2, by the cursor the API gave.
        if let Some(cursor) = got["next_cursor"].as_str() {
            let after = EventCursor::parse(cursor).expect("the API's cursor parses");
            let want2 = store
                .event_page(
                    &EventFilter {
                        after: Some(after),
                        ..filter.clone()
                    },
                    PAGE,
                )
                .expect("store page 2");
            let got2 = get_json(&app, &uri(&format!("&cursor={cursor}")));
            let events2: Vec<Value> = want2.events.iter().map(|(_, e)| json(e)).collect();
            assert_eq!(unlabelled(&got2), events2, "page 2 of ?{query}");
            assert_eq!(got2["total"], want.total, "page 2 total of ?{query}");
            assert_ne!(events2, events, "page 2 of ?{query} moves on");
            second_pages += 1;
        }
        let days = get_json(&app, &format!("/api/timeline?{query}"));
        let want_days = store.event_timeline(&filter).expect("timeline");
        assert_eq!(days["days"], json(&want_days), "timeline of ?{query}");
        let map = get_json(&app, &format!("/api/map?{query}"));
        let want_map = store.event_countries(&filter).expect("map");
        assert_eq!(map["countries"], json(&want_map), "map of ?{query}");
        let net = get_json(&app, &format!("/api/network?{query}&nodes=5"));
        let want_net = store.event_network(&filter, 5).expect("network");
        assert_eq!(net, json(&want_net), "network of ?{query}");
    }
    assert!(
        second_pages >= 5,
        "help: the table should page through several queries ({second_pages})"
    );
    for id in ["NZL", "IGOWSTNAT", "CHNGOV"] {
        let got = get_json(&app, &format!("/api/actors/{id}"));
        let want = json(&store.actor_profile(id).expect("profile"));
        for (k, v) in want.as_object().into_iter().flatten() {
            assert_eq!(&got[k], v, "actor {id}: {k}");
        }
    }
}

conformance!(store_and_api_answer_the_query_table_alike);
