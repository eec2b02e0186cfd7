//! Full-text search over documents of any size: a search answers, with a
//! snippet, however long the matching document is.

mod common;

use common::backends::Backend;

use common::{document, records};
use entente_core::{DocId, OffsetMap, Paragraph, Span};
use entente_store::DocumentRecord;

/// A document of about 2 MB in which "troops" occurs some 30,000 times and
/// "Vanuatu" once, at the very end.
fn huge_record() -> DocumentRecord {
    let sentence = "Troops were deployed to the border as allies met in Brussels. ";
    let mut text = sentence.repeat(2_000_000 / sentence.len());
    text.push_str("Late on Friday Vanuatu asked for observers.");
    let mut doc = document(999);
    doc.id = DocId::from_content(&text);
    doc.external_id = Some("huge".into());
    doc.title = Some("A very long transcript".into());
    doc.paragraphs = vec![Paragraph {
        span: Span::new(0, text.len()),
        original: None,
    }];
    doc.offsets = OffsetMap::identity();
    doc.text = text;
    DocumentRecord {
        document: doc,
        mentions: Vec::new(),
        events: Vec::new(),
        quotations: Vec::new(),
        deployments: Vec::new(),
        updates: Vec::new(),
        spans: None,
    }
}

fn a_two_megabyte_document_is_searched_with_a_snippet(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
    let mut batch = records(0..3);
    batch.push(huge_record());
    assert!(batch[3].document.text.len() > 1_900_000);
    assert_eq!(store.write_batch(&batch).expect("writes").stored, 4);

    let hits = store.search("troops", 10).expect("searches");
    assert_eq!(hits.len(), 4, "the three small documents and the huge one");
    let huge = hits
        .iter()
        .find(|h| h.external_id.as_deref() == Some("huge"))
        .expect("the huge document is found");
    assert!(
        huge.snippet.starts_with("[Troops]") && huge.snippet.len() < 200,
        "a short snippet around the first match: {}",
        huge.snippet
    );
    for h in hits
        .iter()
        .filter(|h| h.external_id.as_deref() != Some("huge"))
    {
        assert!(h.snippet.contains("[troops]"), "{}", h.snippet);
    }

    // A match past the window the snippet is cut from: the document is
    // found all the same, and its snippet is its beginning.
    let hits = store.search("Vanuatu observers", 10).expect("searches");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].external_id.as_deref(), Some("huge"));
    assert!(
        hits[0].snippet.starts_with("Troops were deployed") && hits[0].snippet.ends_with('…'),
        "{}",
        hits[0].snippet
    );
}

fn control_characters_in_a_query_are_separators(backend: &Backend) {
    let place = backend.place();
    let mut store = place.open();
    store.write_batch(&records(0..2)).expect("writes");
    assert!(store
        .search("\0", 10)
        .expect("a NUL is no query")
        .is_empty());
    assert_eq!(
        store
            .search("troops\0Iraq\u{1b}", 10)
            .expect("searches")
            .len(),
        2
    );
    assert_eq!(store.search("\"\u{7f}\"", 10).expect("searches").len(), 0);
}

conformance!(
    a_two_megabyte_document_is_searched_with_a_snippet,
    control_characters_in_a_query_are_separators,
);
