//! Invented stories through the whole pipeline (clean, annotate, code):
//! each test is a short article written for these tests, in the domains
//! the coder must handle, checked for the facts a reader would take from it.

use chrono::NaiveDate;
use entente_core::{Content, Origin, RawDocument};
use entente_store::DocumentRecord;

fn story(text: &str, published: &str) -> DocumentRecord {
    let raw = RawDocument {
        origin: Origin::file("story.txt"),
        external_id: None,
        url: None,
        title: None,
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        source: None,
        content: Content::Text(text.to_string()),
    };
    match entente_pipeline::process(&raw) {
        Ok(record) => record,
        Err(e) => panic!("the story failed: {e}"),
    }
}

/// A pronoun is never an actor's name: an event whose source is "she"
/// names the person "she" points back to.
#[test]
fn a_pronoun_source_is_named_by_its_antecedent() {
    let cases = [
        (
            "Jacinda Ardern spoke to reporters in Wellington on Monday.\n\n\
             She criticised China over its conduct in the Pacific.",
            "Jacinda Ardern",
        ),
        (
            "Jens Stoltenberg arrived in Kyiv on Friday.\n\n\
             He condemned Russia for the attacks on the power grid.",
            "Jens Stoltenberg",
        ),
    ];
    for (text, person) in cases {
        let record = story(text, "2022-04-08");
        let later: Vec<_> = record.events.iter().filter(|e| e.sentence > 0).collect();
        assert!(
            !later.is_empty(),
            "no event in the second sentence of {text:?}"
        );
        for e in later {
            assert_eq!(&*e.source.name, person, "{text:?}");
            assert!(
                !entente_core::lexicon::is_anaphor(&e.source.name),
                "{text:?}"
            );
        }
    }
}
