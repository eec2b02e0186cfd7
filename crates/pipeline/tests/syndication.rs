//! Issue 13: one wire story rewritten by five outlets (their own
//! boilerplate, headline and closing paragraph), among other stories on the
//! same topic, is one story in the store, and its events count once.

use chrono::NaiveDate;
use entente_core::story::{Signature, THRESHOLD};
use entente_core::{Content, DocId, Origin, RawDocument};
use entente_store::{EventFilter, Store};

/// The embedded pipeline, built once per test binary.
fn pipeline() -> &'static entente_pipeline::Pipeline {
    static PIPELINE: std::sync::OnceLock<entente_pipeline::Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| entente_pipeline::Pipeline::embedded().expect("builds"))
}

include!("data/syndicated.rs");

fn raw(source: &str, title: &str, text: String) -> RawDocument {
    RawDocument {
        origin: Origin::file(format!("{source}.txt")),
        external_id: None,
        url: Some(format!("https://{source}.example/story")),
        title: Some(title.to_string()),
        published: NaiveDate::from_ymd_opt(2024, 3, 4),
        source: Some(source.to_string()),
        content: Content::Text(text),
    }
}

/// The five outlets' copies.
fn copies() -> Vec<RawDocument> {
    outlet_copies()
        .into_iter()
        .map(|(source, title, text)| raw(source, title, text))
        .collect()
}

fn others() -> Vec<RawDocument> {
    UNRELATED
        .iter()
        .enumerate()
        .map(|(i, t)| raw(&format!("other-{i}"), "", t.to_string()))
        .collect()
}

fn run(store: &mut Store, raws: Vec<RawDocument>) -> Vec<DocId> {
    let report = pipeline()
        .process_batch(raws, store)
        .expect("the store takes the batch");
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    report
        .records
        .iter()
        .map(|r| r.document.id.clone())
        .collect()
}

#[test]
fn issue13_five_outlets_are_one_story_counted_once() {
    let mut store = Store::open_in_memory().expect("store");
    let mut copies = copies();
    let late = copies.split_off(3);
    // Three copies with the unrelated stories; the last two in a later
    // batch, which finds the story through the stored band keys.
    let mut first = copies;
    first.extend(others());
    let ids = run(&mut store, first);
    let late_ids = run(&mut store, late);
    let (story_ids, other_ids) = ids.split_at(3);
    let story_ids: Vec<DocId> = story_ids.iter().chain(&late_ids).cloned().collect();

    let story = store
        .story(story_ids[0].as_str())
        .expect("reads")
        .expect("stored");
    let members: Vec<&DocId> = story.documents.iter().map(|d| &d.id).collect();
    assert_eq!(
        members,
        story_ids.iter().collect::<Vec<_>>(),
        "help: exactly the copies"
    );
    assert_eq!(story.id, story_ids[0]);
    assert_eq!(story.sources(), 5);
    for id in &story_ids {
        let s = store.story(id.as_str()).expect("reads").expect("stored");
        assert_eq!(s.id, story_ids[0], "help: every copy names the same story");
    }
    for id in other_ids {
        let s = store.story(id.as_str()).expect("reads").expect("stored");
        assert_eq!(
            s.documents.len(),
            1,
            "help: another story on the topic is no copy"
        );
    }
    assert_eq!(
        store.count_stories().expect("counts"),
        1 + UNRELATED.len() as u64
    );

    // Events count once: those of the story's first document, not its copies'.
    let of = |id: &DocId| EventFilter {
        doc: Some(id.to_string()),
        ..EventFilter::default()
    };
    let per_doc: Vec<u64> = story_ids
        .iter()
        .chain(other_ids)
        .map(|id| store.count_events(&of(id)).expect("counts"))
        .collect();
    assert!(per_doc[0] > 0, "help: the wire story must code events");
    let once: u64 = per_doc[0] + per_doc[5..].iter().sum::<u64>();
    let all: u64 = per_doc.iter().sum();
    assert_eq!(
        store.count_events(&EventFilter::default()).expect("counts"),
        once
    );
    let with_copies = EventFilter {
        copies: true,
        ..EventFilter::default()
    };
    assert_eq!(store.count_events(&with_copies).expect("counts"), all);
    let listed = store.events(&EventFilter::default()).expect("reads");
    let copy_docs: Vec<String> = story_ids[1..].iter().map(|d| d.to_string()).collect();
    assert!(
        listed
            .iter()
            .all(|e| !copy_docs.contains(&e.doc.to_string())),
        "help: a copy's events are not listed again"
    );

    // How near the copies are, and how far the other stories on the topic.
    let signature = |id: &DocId| {
        let record = store.record(id.as_str()).expect("reads").expect("stored");
        Signature::of(&record.document.text).expect("long enough to group")
    };
    let copies: Vec<Signature> = story_ids.iter().map(signature).collect();
    let unrelated: Vec<Signature> = other_ids.iter().map(signature).collect();
    let mut near = f64::MAX;
    let mut far = 0.0f64;
    for (i, a) in copies.iter().enumerate() {
        for b in &copies[i + 1..] {
            near = near.min(a.similarity(b));
        }
        for b in &unrelated {
            far = far.max(a.similarity(b));
        }
    }
    eprintln!("copies: least similarity {near:.2}; other stories: most {far:.2}");
    assert!(near >= THRESHOLD && far < 0.1, "{near} {far}");

    // The same input twice stores nothing twice.
    let again = pipeline()
        .process_batch(self::copies(), &mut store)
        .expect("the store takes the batch");
    assert_eq!(again.already, OUTLETS.len());
    assert_eq!(
        store
            .story(story_ids[0].as_str())
            .expect("reads")
            .expect("stored")
            .documents
            .len(),
        5
    );
}
