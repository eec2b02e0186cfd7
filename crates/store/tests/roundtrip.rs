//! Every record type goes in and comes back out unchanged, and the queries
//! select what their filters say.

mod common;

use common::{date, record, records, EVENTS_PER_DOC, MENTIONS_PER_DOC};
use entente_store::{
    BatchOutcome, Counts, DeploymentFilter, DocumentRecord, EventFilter, Store, StoreError,
};

fn store_with(n: usize) -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store opens");
    let outcome = store.write_batch(&records(0..n)).expect("batch writes");
    assert_eq!(outcome.stored, n);
    store
}

#[test]
fn document_round_trips_by_content_and_external_id() {
    let store = store_with(3);
    for n in 0..3 {
        let want = record(n).document;
        let by_id = store.document(want.id.as_str()).unwrap();
        assert_eq!(
            by_id.as_ref(),
            Some(&want),
            "help: a document field is lost in storage"
        );
        let by_external = store.document(&format!("ext-{n}")).unwrap();
        assert_eq!(by_external.as_ref(), Some(&want));
    }
    assert_eq!(store.document("missing").unwrap(), None);
}

#[test]
fn document_ids_page_through_every_document_once_in_stored_order() {
    let store = store_with(7);
    let mut seen = Vec::new();
    let mut after = 0;
    loop {
        let page = store.document_ids(after, 3).expect("lists");
        assert!(page.len() <= 3);
        let Some((last, _)) = page.last() else { break };
        after = *last;
        seen.extend(page.into_iter().map(|(_, id)| id));
    }
    let want: Vec<_> = records(0..7).into_iter().map(|r| r.document.id).collect();
    assert_eq!(seen, want, "help: an export must read each document once");
}

#[test]
fn whole_record_round_trips() {
    let store = store_with(4);
    for n in 0..4 {
        let got = store.record(&format!("ext-{n}")).unwrap();
        assert_eq!(
            got,
            Some(record(n)),
            "help: a fact field is lost in storage"
        );
    }
    assert_eq!(store.record("missing").unwrap(), None);
}

#[test]
fn document_with_no_optional_fields_round_trips() {
    let mut store = Store::open_in_memory().unwrap();
    let mut doc = record(0).document;
    doc.external_id = None;
    doc.url = None;
    doc.title = None;
    doc.published = None;
    doc.source = None;
    doc.origin.locator = None;
    doc.paragraphs.clear();
    doc.related_links.clear();
    doc.dropped.clear();
    doc.offsets = Default::default();
    store
        .write_batch(&[DocumentRecord::new(doc.clone())])
        .unwrap();
    assert_eq!(store.document(doc.id.as_str()).unwrap(), Some(doc));
}

#[test]
fn facts_round_trip() {
    let store = store_with(4);
    let want: Vec<_> = (0..4).flat_map(|n| record(n).events).collect();
    let mut got = store.events(&EventFilter::default()).unwrap();
    assert_eq!(got.len(), want.len());
    // Events come back by date; compare as sets.
    for e in &want {
        let i = got
            .iter()
            .position(|g| g == e)
            .unwrap_or_else(|| panic!("help: event {e:?} did not come back unchanged"));
        got.remove(i);
    }

    let quotes: Vec<_> = (0..4).flat_map(|n| record(n).quotations).collect();
    assert_eq!(store.quotations(None).unwrap(), quotes);

    let deployments: Vec<_> = (0..4).flat_map(|n| record(n).deployments).collect();
    assert_eq!(
        store.deployments(&DeploymentFilter::default()).unwrap(),
        deployments
    );

    assert_eq!(
        store.counts().unwrap(),
        Counts {
            documents: 4,
            mentions: 4 * MENTIONS_PER_DOC as u64,
            events: 4 * EVENTS_PER_DOC as u64,
            quotations: 4,
            deployments: 4,
            updates: (0..4).map(|n| record(n).updates.len() as u64).sum(),
        }
    );
    store.integrity_check().unwrap();
}

/// An event query and how many of the 16 events of `records(0..8)` it
/// should return. Each document has a dated `0874` event NZLGOV → IRQ on
/// Feb 24 + n % 4, 2015, and an undated, targetless `043` event.
struct EventCase {
    name: &'static str,
    filter: EventFilter,
    want: usize,
}

fn event_cases() -> Vec<EventCase> {
    let f = EventFilter::default;
    let case = |name, filter, want| EventCase { name, filter, want };
    vec![
        case("everything", f(), 16),
        case(
            "source prefix",
            EventFilter {
                source: Some("NZL".into()),
                ..f()
            },
            16,
        ),
        case(
            "source full code",
            EventFilter {
                source: Some("NZLGOV".into()),
                ..f()
            },
            16,
        ),
        case(
            "source no match",
            EventFilter {
                source: Some("NZM".into()),
                ..f()
            },
            0,
        ),
        case(
            "empty prefix",
            EventFilter {
                source: Some(String::new()),
                ..f()
            },
            16,
        ),
        case(
            "target",
            EventFilter {
                target: Some("IRQ".into()),
                ..f()
            },
            8,
        ),
        case(
            "either side",
            EventFilter {
                actor: Some("IR".into()),
                ..f()
            },
            8,
        ),
        case(
            "cameo root",
            EventFilter {
                cameo: Some("08".into()),
                ..f()
            },
            8,
        ),
        case(
            "cameo full",
            EventFilter {
                cameo: Some("0874".into()),
                ..f()
            },
            8,
        ),
        case(
            "cameo no match",
            EventFilter {
                cameo: Some("09".into()),
                ..f()
            },
            0,
        ),
        case(
            "from",
            EventFilter {
                from: Some(date(2015, 2, 26)),
                ..f()
            },
            4,
        ),
        case(
            "to",
            EventFilter {
                to: Some(date(2015, 2, 24)),
                ..f()
            },
            2,
        ),
        case(
            "one day",
            EventFilter {
                from: Some(date(2015, 2, 25)),
                to: Some(date(2015, 2, 25)),
                ..f()
            },
            2,
        ),
        case(
            "document",
            EventFilter {
                doc: Some("ext-3".into()),
                ..f()
            },
            2,
        ),
        case(
            "limit",
            EventFilter {
                limit: Some(3),
                ..f()
            },
            3,
        ),
        case(
            "combined",
            EventFilter {
                actor: Some("NZL".into()),
                cameo: Some("04".into()),
                doc: Some("ext-1".into()),
                ..f()
            },
            1,
        ),
    ]
}

#[test]
fn event_filters_select_by_actor_code_and_date() {
    let store = store_with(8);
    for case in event_cases() {
        let got = store.events(&case.filter).unwrap();
        assert_eq!(
            got.len(),
            case.want,
            "case {:?}: {:?}",
            case.name,
            case.filter
        );
        assert!(
            got.windows(2).all(|w| match (w[0].date, w[1].date) {
                (Some(a), Some(b)) => a <= b,
                (None, Some(_)) => false,
                _ => true,
            }),
            "case {:?}: help: events not sorted by date, undated last",
            case.name
        );
    }
}

#[test]
fn deployment_filters_select_by_sender_destination_and_date() {
    let store = store_with(3);
    let all = |f: DeploymentFilter| store.deployments(&f).unwrap();
    assert_eq!(
        all(DeploymentFilter {
            by: Some("NZL".into()),
            ..Default::default()
        })
        .len(),
        3
    );
    assert_eq!(
        all(DeploymentFilter {
            by: Some("AUS".into()),
            ..Default::default()
        })
        .len(),
        0
    );
    assert_eq!(
        all(DeploymentFilter {
            to: Some("KWT".into()),
            ..Default::default()
        })
        .len(),
        3
    );
    assert_eq!(
        all(DeploymentFilter {
            to: Some("KW".into()),
            ..Default::default()
        })
        .len(),
        0
    );
    let on = |d| {
        all(DeploymentFilter {
            active_on: Some(d),
            ..Default::default()
        })
        .len()
    };
    assert_eq!(on(date(2016, 1, 1)), 3);
    assert_eq!(on(date(2015, 4, 30)), 0, "help: started after the date");
    assert_eq!(on(date(2017, 5, 1)), 3, "help: the end date is inclusive");
    assert_eq!(on(date(2017, 5, 2)), 0);
}

#[test]
fn deployment_without_start_is_active_from_publication() {
    let mut store = Store::open_in_memory().unwrap();
    let mut rec = record(0);
    rec.deployments[0].start = None;
    rec.deployments[0].end = None;
    store.write_batch(&[rec]).unwrap();
    let on = |d| {
        store
            .deployments(&DeploymentFilter {
                active_on: Some(d),
                ..Default::default()
            })
            .unwrap()
            .len()
    };
    assert_eq!(on(date(2015, 2, 23)), 0);
    assert_eq!(on(date(2015, 2, 24)), 1);
    assert_eq!(on(date(2030, 1, 1)), 1);
}

#[test]
fn quotations_by_speaker_name_or_code() {
    let store = store_with(4);
    assert_eq!(store.quotations(Some("Jacinda Ardern")).unwrap().len(), 4);
    assert_eq!(store.quotations(Some("NZLGOV")).unwrap().len(), 2);
    assert_eq!(store.quotations(Some("Ardern")).unwrap().len(), 0);
}

#[test]
fn search_finds_stemmed_words_in_title_and_text() {
    let store = store_with(5);
    let hits = store.search("deploy", 10).unwrap();
    assert_eq!(hits.len(), 5, "help: the title says 'deploys'");
    assert!(hits.iter().all(|h| h.snippet.contains('[')));
    let hits = store.search("partners day 3", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].external_id.as_deref(), Some("ext-3"));
    assert_eq!(store.search("troops", 2).unwrap().len(), 2);
    assert!(store.search("", 10).unwrap().is_empty());
    // FTS5 syntax in user input is taken literally, not as an error.
    assert!(store.search("NEAR( \" OR *", 10).unwrap().is_empty());
}

#[test]
fn same_batch_twice_stores_once() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = records(0..10);
    assert_eq!(
        store.write_batch(&batch).unwrap(),
        BatchOutcome {
            stored: 10,
            duplicates: 0
        }
    );
    let before = store.counts().unwrap();
    assert_eq!(
        store.write_batch(&batch).unwrap(),
        BatchOutcome {
            stored: 0,
            duplicates: 10
        }
    );
    assert_eq!(store.counts().unwrap(), before);
    // Duplicates inside one batch are caught too.
    let mut doubled = records(10..12);
    doubled.extend(records(10..12));
    assert_eq!(
        store.write_batch(&doubled).unwrap(),
        BatchOutcome {
            stored: 2,
            duplicates: 2
        }
    );
    assert_eq!(store.counts().unwrap().documents, 12);
    assert_eq!(
        store.search("troops", 100).unwrap().len(),
        12,
        "help: FTS rows duplicated"
    );
}

#[test]
fn same_external_id_different_content_stores_both() {
    let mut store = Store::open_in_memory().unwrap();
    let a = record(0);
    let mut b = record(1);
    b.document.external_id = a.document.external_id.clone();
    store.write_batch(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(store.counts().unwrap().documents, 2);
    let by_ext = store.document("ext-0").unwrap().unwrap();
    assert_eq!(
        by_ext.id, a.document.id,
        "help: the first stored answers an external id"
    );
    assert_eq!(
        store.document(b.document.id.as_str()).unwrap(),
        Some(b.document)
    );
}

#[test]
fn invalid_record_rolls_back_its_batch_only() {
    let mut store = Store::open_in_memory().unwrap();
    store.write_batch(&records(0..5)).unwrap();
    let before = store.counts().unwrap();

    let mut batch = records(5..10);
    batch[3].events[0].evidence.end = 10_000; // past the end of the text
    let bad_id = batch[3].document.id.clone();
    let err = store.write_batch(&batch).unwrap_err();
    match &err {
        StoreError::InvalidRecord { doc, reason } => {
            assert_eq!(doc, bad_id.as_str());
            assert!(reason.contains("event 0"), "{reason}");
        }
        other => panic!("expected InvalidRecord, got {other}"),
    }
    assert_eq!(
        store.counts().unwrap(),
        before,
        "help: a failed batch left rows behind"
    );
    assert!(!store.contains(&batch[0].document.id).unwrap());
    store.integrity_check().unwrap();

    // The store is still usable, and the valid records can be written.
    batch.remove(3);
    assert_eq!(store.write_batch(&batch).unwrap().stored, 4);
}

#[test]
fn reopened_file_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entente.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.write_batch(&records(0..3)).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().documents, 3);
    assert_eq!(
        store.schema_version().unwrap(),
        entente_store::SCHEMA_VERSION
    );
    assert_eq!(store.document("ext-2").unwrap(), Some(record(2).document));
    store.integrity_check().unwrap();
}

#[test]
fn open_names_the_path_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/dir/entente.db");
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("no/such/dir"), "{err}");
}
