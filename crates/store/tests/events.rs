//! Event queries against a model: every filter of a table, combined, gives
//! what a plain scan of the events gives; pages by cursor cover the list
//! exactly once; counts and aggregates agree with counting by hand.

mod common;

use common::backends::{Backend, Place};

use chrono::NaiveDate;
use common::{date, document};
use entente_core::{ActorRef, DatePrecision, Event, Evidence, Span};
use entente_store::{country_of, DocumentRecord, EventFilter, EventTotals, Store};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Source or target: code, canonical id, name.
/// "SPY" is intelligence agents of no named country: no country of its
/// own on the map or in a place filter.
const ACTORS: [(&str, &str, &str); 8] = [
    ("NZLGOV", "NZL", "New Zealand"),
    ("NZLOPP", "NZL", "the opposition"),
    ("SLBGOV", "SLB", "Solomon Islands"),
    ("USAMIL", "USA", "US forces"),
    ("IGOWSTNAT", "NATO", "NATO"),
    ("CHN", "CHN", "China"),
    ("XAB", "ann-person", "Ann"),
    ("SPY", "SPY", "intelligence agents"),
];

/// CAMEO, PLOVER, quad class, Goldstein.
const CODES: [(&str, Option<&str>, u8, f32); 5] = [
    ("042", Some("CONSULT"), 1, 1.9),
    ("0874", Some("AID"), 2, 7.5),
    ("112", Some("ACCUSE"), 3, -2.0),
    ("190", Some("ASSAULT"), 4, -10.0),
    ("043", None, 1, 2.8),
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// `docs` documents of 1 to 5 events each: every actor, code, quad class,
/// undated and targetless events, several events a day.
fn varied(docs: usize) -> Vec<DocumentRecord> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    (0..docs)
        .map(|n| {
            let doc = document(n);
            let public = doc.public_id().to_string();
            let actor = |i: usize| ActorRef {
                code: ACTORS[i].0.into(),
                actor: ACTORS[i].1.into(),
                name: ACTORS[i].2.into(),
            };
            let events = (0..1 + rng.below(5))
                .map(|s| {
                    let src = rng.below(ACTORS.len());
                    let tgt = rng.below(ACTORS.len() + 1);
                    let code = CODES[rng.below(CODES.len())];
                    let day = rng.below(6);
                    // Some events happened at a named place (in Fiji, or at
                    // sea, which has no country); the others have none.
                    let location = match rng.below(4) {
                        0 => Some(place("Suva", "FJI")),
                        1 => Some(place("Coral Sea", "")),
                        _ => None,
                    };
                    Event {
                        id: 0,
                        doc: public.clone().into(),
                        sentence: s,
                        source: actor(src),
                        target: ACTORS.get(tgt).map(|_| actor(tgt)),
                        cameo: code.0.into(),
                        plover: code.1.map(Into::into),
                        quad_class: code.2,
                        goldstein: code.3,
                        date: (day < 5).then(|| date(2022, 4, 1 + day as u32)),
                        date_precision: DatePrecision::Day,
                        negated: false,
                        evidence: Evidence::from_span(&doc.text, Span::new(0, 10)),
                        retold: Vec::new(),
                        location,
                    }
                })
                .collect();
            let mut record = DocumentRecord::new(doc);
            record.events = events;
            record.number_events();
            record
        })
        .collect()
}

/// What the filter means, on one event: the model the store must agree with.
fn matches(f: &EventFilter, e: &Event) -> bool {
    let sides = || std::iter::once(&e.source).chain(e.target.as_ref());
    let prefix = |p: &Option<String>, code: Option<&str>| {
        p.as_ref()
            .is_none_or(|p| code.is_some_and(|c| c.starts_with(p.as_str())))
    };
    prefix(&f.source, Some(&e.source.code))
        && prefix(&f.target, e.target.as_ref().map(|t| t.code.as_str()))
        && f.actor.as_ref().is_none_or(|a| {
            sides().any(|s| s.code.starts_with(a.as_str()) || s.actor.as_str() == a)
        })
        && prefix(&f.cameo, Some(&e.cameo))
        && f.plover
            .as_ref()
            .is_none_or(|p| e.plover.as_deref() == Some(p.as_str()))
        && (f.quad.is_empty() || f.quad.contains(&e.quad_class))
        && (f.from.is_none() && f.to.is_none()
            || e.date.is_some_and(|d| {
                f.from.is_none_or(|from| d >= from) && f.to.is_none_or(|to| d <= to)
            }))
        && f.place
            .as_ref()
            .is_none_or(|p| place_country(e).as_deref() == Some(p.as_str()))
        && f.doc.as_ref().is_none_or(|d| *e.doc == **d)
}

fn place(name: &str, country: &str) -> entente_core::Location {
    entente_core::Location {
        name: name.into(),
        full_name: name.into(),
        country: country.into(),
        adm1: "".into(),
        lat: -18.0,
        lon: 178.0,
        precision: if country.is_empty() {
            entente_core::LocationPrecision::Water
        } else {
            entente_core::LocationPrecision::City
        },
        feature_id: name.into(),
        basis: entente_core::LocationBasis::Clause,
        start: None,
        end: None,
    }
}

/// The country an event happened in, as the place filter and the map read
/// it: its location's country, else the target's, else the source's.
fn place_country(e: &Event) -> Option<String> {
    e.location
        .as_ref()
        .map(|l| l.country.to_string())
        .filter(|c| !c.is_empty())
        .or_else(|| {
            e.target
                .as_ref()
                .and_then(|t| country_of(&t.code))
                .or_else(|| country_of(&e.source.code))
                .map(str::to_string)
        })
}

/// The events in listing order: by date, undated last, then as stored.
fn listed(records: &[DocumentRecord]) -> Vec<Event> {
    let mut all: Vec<Event> = records.iter().flat_map(|r| r.events.clone()).collect();
    all.sort_by_key(|e| (e.date.is_none(), e.date));
    all
}

fn filters(doc: &str) -> Vec<EventFilter> {
    let day = |d| Some(date(2022, 4, d));
    let mut out = Vec::new();
    for actor in [
        None,
        Some("NZL"),
        Some("NZLGOV"),
        Some("N"),
        Some("NATO"),
        Some("IGO"),
        Some("ann-person"),
        Some("ZZZ"),
    ] {
        for quad in [vec![], vec![1], vec![3, 4]] {
            for (cameo, plover) in [
                (None, None),
                (Some("04"), None),
                (None, Some("CONSULT")),
                (None, Some("NOPE")),
            ] {
                for (from, to) in [
                    (None, None),
                    (day(2), None),
                    (None, day(3)),
                    (day(2), day(2)),
                ] {
                    for place in [None, Some("SLB"), Some("FJI"), Some("IGO"), Some("SPY")] {
                        out.push(EventFilter {
                            actor: actor.map(String::from),
                            cameo: cameo.map(String::from),
                            plover: plover.map(String::from),
                            quad: quad.clone(),
                            from,
                            to,
                            place: place.map(String::from),
                            ..EventFilter::default()
                        });
                    }
                }
            }
        }
    }
    out.push(EventFilter {
        doc: Some(doc.to_string()),
        ..EventFilter::default()
    });
    out.push(EventFilter {
        source: Some("USA".into()),
        target: Some("SLB".into()),
        ..EventFilter::default()
    });
    out
}

fn store_of(backend: &Backend, records: &[DocumentRecord]) -> (Place, Store) {
    let place = backend.place();
    let mut store = place.open();
    store.write_batch(records).expect("writes");
    (place, store)
}

fn every_filter_agrees_with_a_scan_and_pages_cover_it_once(backend: &Backend) {
    let records = varied(40);
    let (_place, store) = store_of(backend, &records);
    let all = listed(&records);
    let doc = records[3].document.public_id().to_string();
    let mut nonempty = 0;
    for f in filters(&doc) {
        let want: Vec<&Event> = all.iter().filter(|e| matches(&f, e)).collect();
        let got = store.events(&f).expect("queries");
        assert_eq!(
            got.iter().collect::<Vec<_>>(),
            want,
            "help: the store's SQL and the model disagree on {f:?}"
        );
        assert_eq!(
            store.count_events(&f).expect("counts"),
            want.len() as u64,
            "{f:?}"
        );
        nonempty += usize::from(!want.is_empty());
        // Page by cursor, 3 at a time.
        let mut paged = Vec::new();
        let mut f = f.clone();
        loop {
            let page = store.event_page(&f, 3).expect("pages");
            assert_eq!(page.total, want.len() as u64, "{f:?}");
            assert!(page.events.len() <= 3);
            paged.extend(page.events.into_iter().map(|(_, e)| e));
            match page.next {
                Some(next) => f.after = Some(next),
                None => break,
            }
        }
        assert_eq!(paged.iter().collect::<Vec<_>>(), want, "pages of {f:?}");
    }
    assert!(
        nonempty > 100,
        "help: the fixture should make most filters match something ({nonempty})"
    );
}

/// A CAMEO prefix's page is read either walking the listing order or
/// sorting the prefix's events, whichever the kept totals say costs less
/// for the page's size: both give the same pages.
fn code_prefix_pages_agree_whichever_index_reads_them(backend: &Backend) {
    let records = varied(40);
    let (_place, store) = store_of(backend, &records);
    let all = listed(&records);
    for prefix in ["", "0", "04", "0874", "1", "9"] {
        for size in [1, 4, 50] {
            for from in [None, Some(date(2022, 4, 2))] {
                let f = EventFilter {
                    cameo: Some(prefix.into()),
                    from,
                    ..EventFilter::default()
                };
                let want: Vec<&Event> = all.iter().filter(|e| matches(&f, e)).collect();
                let mut got = Vec::new();
                let mut g = f.clone();
                loop {
                    let page = store.event_page(&g, size).expect("pages");
                    assert_eq!(page.total, want.len() as u64, "{f:?}");
                    got.extend(page.events.into_iter().map(|(_, e)| e));
                    match page.next {
                        Some(next) => g.after = Some(next),
                        None => break,
                    }
                }
                assert_eq!(
                    got.iter().collect::<Vec<_>>(),
                    want,
                    "help: pages of {size} of {f:?} differ from the listing"
                );
            }
        }
    }
}

/// A filter's total is counted once, then kept up to date: documents
/// written through another connection add to it, on every connection that
/// shares the totals, and a deleted event (say, from a `sqlite3` shell)
/// has it counted again.
#[test]
fn totals_follow_writes_from_elsewhere_and_deletions() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("totals.db");
    let records = varied(30);
    let mut writer = Store::open(&path).expect("opens");
    writer.write_batch(&records[..10]).expect("writes");
    let totals = Arc::new(EventTotals::default());
    let readers: Vec<Store> = (0..2)
        .map(|_| {
            let mut r = Store::open_read_only(&path).expect("opens to read");
            r.share_totals(Arc::clone(&totals));
            r
        })
        .collect();
    let filters = [
        EventFilter::default(),
        EventFilter {
            actor: Some("NZL".into()),
            ..EventFilter::default()
        },
        EventFilter {
            plover: Some("CONSULT".into()),
            place: Some("SLB".into()),
            ..EventFilter::default()
        },
    ];
    let check = |events: &[Event], when: &str| {
        for f in &filters {
            let want = events.iter().filter(|e| matches(f, e)).count() as u64;
            for (i, r) in readers.iter().enumerate() {
                let page = r.event_page(f, 2).expect("pages");
                assert_eq!(
                    page.total, want,
                    "help: a kept total went stale {when} ({f:?}, reader {i})"
                );
            }
        }
    };
    check(&listed(&records[..10]), "at first");
    check(&listed(&records[..10]), "when asked again");
    writer.write_batch(&records[10..]).expect("writes");
    check(&listed(&records), "after a write elsewhere");
    let gone = records[12].document.public_id().to_string();
    let deleted = rusqlite::Connection::open(&path)
        .expect("opens")
        .execute("DELETE FROM events WHERE doc = ?1", [&gone])
        .expect("deletes");
    assert!(
        deleted > 0,
        "help: the fixture's document 12 should have events"
    );
    let left: Vec<Event> = listed(&records)
        .into_iter()
        .filter(|e| *e.doc != *gone)
        .collect();
    check(&left, "after a deletion");
}

fn a_cursor_outlives_documents_added_after_it(backend: &Backend) {
    let records = varied(20);
    let (_place, mut store) = store_of(backend, &records[..10]);
    let f = EventFilter::default();
    let first = store.event_page(&f, 5).expect("pages");
    let cursor = first.next.expect("more than one page");
    store.write_batch(&records[10..]).expect("writes");
    let mut seen: Vec<Event> = first.events.into_iter().map(|(_, e)| e).collect();
    let mut f = EventFilter {
        after: Some(cursor),
        ..f
    };
    while let Some(next) = {
        let page = store.event_page(&f, 7).expect("pages");
        seen.extend(page.events.into_iter().map(|(_, e)| e));
        page.next
    } {
        f.after = Some(next);
    }
    // Everything after the cursor in the new listing, nothing twice.
    let now = listed(&records);
    let missed: Vec<&Event> = now.iter().filter(|e| !seen.contains(e)).collect();
    assert!(
        missed
            .iter()
            .all(|e| e.date <= cursor.date() && e.date.is_some()),
        "help: only events sorting before the cursor may be missed: {missed:?}"
    );
    assert_eq!(seen.len() + missed.len(), now.len(), "no event twice");
}

fn aggregates_agree_with_counting_by_hand(backend: &Backend) {
    let records = varied(40);
    let (_place, store) = store_of(backend, &records);
    let all = listed(&records);
    let doc = records[3].document.public_id().to_string();
    for f in filters(&doc).into_iter().step_by(7) {
        let hits: Vec<&Event> = all.iter().filter(|e| matches(&f, e)).collect();

        let mut days: BTreeMap<NaiveDate, [u32; 4]> = BTreeMap::new();
        for e in &hits {
            if let Some(d) = e.date {
                days.entry(d).or_default()[usize::from(e.quad_class - 1)] += 1;
            }
        }
        let got: Vec<(NaiveDate, [u32; 4])> = store
            .event_timeline(&f)
            .expect("timeline")
            .into_iter()
            .map(|d| (d.date, d.quad))
            .collect();
        assert_eq!(
            got,
            days.into_iter().collect::<Vec<_>>(),
            "timeline of {f:?}"
        );

        let mut countries: BTreeMap<String, [u32; 4]> = BTreeMap::new();
        for e in &hits {
            if let Some(c) = place_country(e) {
                countries.entry(c).or_default()[usize::from(e.quad_class - 1)] += 1;
            }
        }
        let got: Vec<(String, [u32; 4], u32)> = store
            .event_countries(&f)
            .expect("map")
            .into_iter()
            .map(|c| (c.country, c.quad, c.events))
            .collect();
        let want: Vec<(String, [u32; 4], u32)> = countries
            .into_iter()
            .map(|(c, q)| (c, q, q.iter().sum()))
            .collect();
        assert_eq!(got, want, "countries of {f:?}");

        let mut pairs: BTreeMap<(String, String), u32> = BTreeMap::new();
        for e in &hits {
            if let Some(t) = e.target.as_ref().filter(|t| t.actor != e.source.actor) {
                *pairs
                    .entry((e.source.actor.to_string(), t.actor.to_string()))
                    .or_default() += 1;
            }
        }
        let net = store.event_network(&f, 100).expect("network");
        let got: BTreeMap<(String, String), u32> = net
            .edges
            .iter()
            .map(|e| ((e.source.clone(), e.target.clone()), e.events))
            .collect();
        assert_eq!(got, pairs, "network of {f:?}");
        let node_events: u32 = net.nodes.iter().map(|n| n.events).sum();
        assert_eq!(node_events, 2 * pairs.values().sum::<u32>(), "{f:?}");
    }
}

fn the_network_keeps_the_busiest_actors(backend: &Backend) {
    let (_place, store) = store_of(backend, &varied(40));
    let full = store
        .event_network(&EventFilter::default(), 100)
        .expect("net");
    let top = store
        .event_network(&EventFilter::default(), 2)
        .expect("net");
    assert_eq!(top.nodes, full.nodes[..2].to_vec());
    assert!(top
        .edges
        .iter()
        .all(|e| top.nodes.iter().any(|n| n.id == e.source)
            && top.nodes.iter().any(|n| n.id == e.target)));
    assert!(full.nodes.windows(2).all(|w| w[0].events >= w[1].events));
}

fn actor_profiles_count_both_sides(backend: &Backend) {
    let records = varied(40);
    let (_place, store) = store_of(backend, &records);
    let all = listed(&records);
    for id in ["NZL", "NZLGOV", "NATO", "ann-person", "S"] {
        let is = |a: &ActorRef| a.actor.as_str() == id || a.code.starts_with(id);
        let as_source = all.iter().filter(|e| is(&e.source)).count() as u32;
        let as_target = all
            .iter()
            .filter(|e| e.target.as_ref().is_some_and(is))
            .count() as u32;
        let involved = all
            .iter()
            .filter(|e| is(&e.source) || e.target.as_ref().is_some_and(is))
            .count() as u32;
        let p = store.actor_profile(id).expect("profile");
        assert_eq!(p.events, involved, "{id}");
        assert_eq!(
            p.months.iter().map(|m| m.as_source).sum::<u32>(),
            as_source,
            "{id}"
        );
        assert_eq!(
            p.months.iter().map(|m| m.as_target).sum::<u32>(),
            as_target,
            "{id}"
        );
        let acts_on: u32 = p.acts_on.iter().map(|c| c.events).sum();
        let targeted = all
            .iter()
            .filter(|e| is(&e.source) && e.target.is_some())
            .count() as u32;
        assert_eq!(acts_on, targeted, "{id}");
        assert!(p.acts_on.windows(2).all(|w| w[0].events >= w[1].events));
        assert!(!p.names.is_empty(), "{id}");
    }
    assert_eq!(store.actor_profile("QQQ").expect("profile").events, 0);
}

conformance!(
    every_filter_agrees_with_a_scan_and_pages_cover_it_once,
    code_prefix_pages_agree_whichever_index_reads_them,
    a_cursor_outlives_documents_added_after_it,
    aggregates_agree_with_counting_by_hand,
    the_network_keeps_the_busiest_actors,
    actor_profiles_count_both_sides,
);
