//! Every record type goes in and comes back out unchanged, and the queries
//! select what their filters say.

mod common;

use common::backends::{Backend, Place};

use common::{date, record, records, EVENTS_PER_DOC, MENTIONS_PER_DOC};
use entente_store::{
    BatchOutcome, Counts, DeploymentFilter, DocumentRecord, EventFilter, Store, StoreError,
};

fn store_with(backend: &Backend, n: usize) -> (Place, Store) {
    let place = backend.place();
    let mut store = place.open();
    let outcome = store.write_batch(&records(0..n)).expect("batch writes");
    assert_eq!(outcome.stored, n);
    (place, store)
}

fn document_round_trips_by_content_and_external_id(backend: &Backend) {
    let (_place, store) = store_with(backend, 3);
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

fn document_ids_page_through_every_document_once_in_stored_order(backend: &Backend) {
    let (_place, store) = store_with(backend, 7);
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

fn whole_record_round_trips(backend: &Backend) {
    let (_place, store) = store_with(backend, 4);
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

fn document_with_no_optional_fields_round_trips(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
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

fn facts_round_trip(backend: &Backend) {
    let (_place, store) = store_with(backend, 4);
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

fn event_filters_select_by_actor_code_and_date(backend: &Backend) {
    let (_place, store) = store_with(backend, 8);
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

fn deployment_filters_select_by_sender_destination_and_date(backend: &Backend) {
    let (_place, store) = store_with(backend, 3);
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

fn deployment_without_start_is_active_from_publication(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
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

fn quotations_by_speaker_name_or_code(backend: &Backend) {
    let (_place, store) = store_with(backend, 4);
    assert_eq!(store.quotations(Some("Jacinda Ardern")).unwrap().len(), 4);
    assert_eq!(store.quotations(Some("NZLGOV")).unwrap().len(), 2);
    assert_eq!(store.quotations(Some("Ardern")).unwrap().len(), 0);
}

fn search_finds_stemmed_words_in_title_and_text(backend: &Backend) {
    let (_place, store) = store_with(backend, 5);
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

fn same_batch_twice_stores_once(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
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

fn same_external_id_different_content_stores_both(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
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

fn invalid_record_rolls_back_its_batch_only(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
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

fn reopened_file_keeps_everything(backend: &Backend) {
    let place = backend.place();
    let path = place.path.clone();
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

/// The update queue: proposals, one per fact with the other reports as
/// evidence, listed by status and by document, decided and reopened.
fn updates_queue_round_trips(backend: &Backend) {
    use entente_store::{FactKey, ProposedUpdate, UpdateStatus};
    let place = backend.place();
    let mut store = place.open();
    let report = |doc: &str, day: u32| ProposedUpdate {
        kind: "join_alliance".into(),
        payload: serde_json::json!({"state": "FIN", "org": "NATO"}),
        doc: Some(doc.into()),
        sentence: Some(2),
        evidence: Some(entente_core::Evidence {
            start: 0,
            end: 4,
            text: "Finland".into(),
        }),
        fact: Some(FactKey {
            key: "join:FIN:NATO".into(),
            date: date(2023, 4, day),
        }),
    };
    let a = store.propose_update(&report("doc-1", 4)).unwrap();
    let again = store.propose_update(&report("doc-2", 5)).unwrap();
    assert_eq!(a, again, "help: one proposal per fact");
    let note = store
        .propose_update(&ProposedUpdate {
            kind: "note".into(),
            payload: serde_json::json!(null),
            doc: None,
            sentence: None,
            evidence: None,
            fact: None,
        })
        .unwrap();
    let all = store.updates(None).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].also.len(), 1, "the second report is evidence");
    assert_eq!(all[0].also[0].doc.as_deref(), Some("doc-2"));
    assert_eq!(all[0].update, report("doc-1", 4));
    store.set_update_status(a, UpdateStatus::Accepted).unwrap();
    let accepted = store.updates(Some(UpdateStatus::Accepted)).unwrap();
    assert_eq!(accepted.len(), 1);
    assert!(accepted[0].decided_at.is_some());
    assert_eq!(
        store.updates(Some(UpdateStatus::Proposed)).unwrap()[0].id,
        note
    );
    let of_doc2 = store.updates_of_document("doc-2").unwrap();
    assert_eq!(of_doc2.len(), 1);
    assert_eq!(of_doc2[0].update.doc.as_deref(), Some("doc-2"));
    store.set_update_status(a, UpdateStatus::Proposed).unwrap();
    assert_eq!(store.update(a).unwrap().unwrap().decided_at, None);
    assert!(store
        .set_update_status(entente_store::UpdateId(9_999), UpdateStatus::Rejected)
        .is_err());
    assert_eq!(store.counts().unwrap().updates, 2);
}

/// Stories: a near copy joins the story of the document it copies.
fn copies_join_their_story(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
    // Long enough to be grouped: a few hundred words.
    let tail: String = (0..120)
        .map(|i| format!(" Ministers from state {i} met their partners to discuss troops."))
        .collect();
    let mut first = record(1);
    first.document.text.push_str(&tail);
    first.document.id = entente_core::DocId::from_content(&first.document.text);
    let mut copy = first.clone();
    copy.document.text.push_str(" Copyright Wire.");
    copy.document.id = entente_core::DocId::from_content(&copy.document.text);
    copy.document.external_id = Some("copy".into());
    for e in &mut copy.events {
        e.doc = "copy".into();
    }
    for q in &mut copy.quotations {
        q.doc = "copy".into();
    }
    for d in &mut copy.deployments {
        d.doc = "copy".into();
    }
    store.write_batch(&[first.clone()]).unwrap();
    store.write_batch(&[copy]).unwrap();
    assert_eq!(
        store.count_stories().unwrap(),
        1,
        "help: the copy is no story of its own"
    );
    let story = store.story("copy").unwrap().expect("a story");
    assert_eq!(story.id, first.document.id);
    assert_eq!(story.documents.len(), 2);
    assert_eq!(store.latest_documents(10).unwrap().len(), 1);
}

conformance!(
    updates_queue_round_trips,
    copies_join_their_story,
    document_round_trips_by_content_and_external_id,
    document_ids_page_through_every_document_once_in_stored_order,
    whole_record_round_trips,
    document_with_no_optional_fields_round_trips,
    facts_round_trip,
    event_filters_select_by_actor_code_and_date,
    deployment_filters_select_by_sender_destination_and_date,
    deployment_without_start_is_active_from_publication,
    quotations_by_speaker_name_or_code,
    search_finds_stemmed_words_in_title_and_text,
    same_batch_twice_stores_once,
    same_external_id_different_content_stores_both,
    invalid_record_rolls_back_its_batch_only,
    reopened_file_keeps_everything,
);
