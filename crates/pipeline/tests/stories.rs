//! Invented stories through the whole pipeline (clean, annotate, code):
//! each test is a short article written for these tests, in the domains
//! the coder must handle, checked for the facts a reader would take from it.

use chrono::NaiveDate;
use entente_core::{Content, Origin, RawDocument};
use entente_store::DocumentRecord;

/// The embedded pipeline, built once per test binary.
fn pipeline() -> &'static entente_pipeline::Pipeline {
    static PIPELINE: std::sync::OnceLock<entente_pipeline::Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| entente_pipeline::Pipeline::embedded().expect("builds"))
}

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
    match pipeline().process(raw) {
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

/// The events of a story as (source, CAMEO code, target) codes.
fn triples(record: &DocumentRecord) -> Vec<(String, String, Option<String>)> {
    record
        .events
        .iter()
        .map(|e| {
            (
                e.source.code.to_string(),
                e.cameo.to_string(),
                e.target.as_ref().map(|t| t.code.to_string()),
            )
        })
        .collect()
}

/// Joining an organisation is an event of the state that joins, towards
/// the organisation, and proposes an accession to the knowledge base.
#[test]
fn an_accession_is_coded_and_proposed() {
    let cases = [
        ("Sweden became the 32nd member of NATO on Thursday.", "SWE"),
        (
            "Finland formally joined NATO on Tuesday, doubling the alliance's border with Russia.",
            "FIN",
        ),
        (
            "After years of talks, Montenegro was admitted to NATO in June.",
            "MNE",
        ),
        (
            "Sweden finally became a member of NATO after Hungary's parliament ratified its bid.",
            "SWE",
        ),
    ];
    for (text, state) in cases {
        let record = story(text, "2024-03-10");
        let t = triples(&record);
        assert!(
            t.iter()
                .any(|(s, c, o)| s == state && c == "050" && o.as_deref() == Some("IGOWSTNAT")),
            "{text:?}: {t:?}"
        );
        assert!(
            record
                .updates
                .iter()
                .any(|u| u.kind == "accession" && u.payload["state"] == state),
            "{text:?}: no accession proposed: {:?}",
            record.updates
        );
    }
}

/// "became NATO's 30th member": the organisation as the possessor of
/// "member" is an accession too.
#[test]
fn an_accession_told_with_a_possessive() {
    for (text, state) in [
        (
            "North Macedonia became NATO's 30th member in March 2020.",
            "MKD",
        ),
        ("Croatia became the EU's newest member on Monday.", "HRV"),
    ] {
        let t = triples(&story(text, "2020-04-01"));
        assert!(
            t.iter().any(|(s, c, o)| s == state
                && c == "050"
                && o.as_deref().is_some_and(|o| o.starts_with("IGO"))),
            "{text:?}: {t:?}"
        );
    }
}

/// Leaving a bloc or a treaty reduces relations (CAMEO 161): one event per
/// state that leaves, never a military retreat.
#[test]
fn a_withdrawal_from_a_bloc_or_treaty_is_coded() {
    let record = story(
        "Mali, Burkina Faso and Niger left ECOWAS in January, accusing the bloc of serving foreign interests.",
        "2024-02-01",
    );
    let t = triples(&record);
    for state in ["MLI", "BFA", "NER"] {
        assert!(
            t.iter().any(|(s, c, _)| s == state && c == "161"),
            "{state}: {t:?}"
        );
    }
    assert!(t.iter().all(|(_, c, _)| !c.starts_with("087")), "{t:?}");
    for text in [
        "Russia quit the Open Skies treaty in 2021.",
        "Russia withdrew from the Open Skies treaty, the foreign ministry said.",
        "The United States pulled out of the treaty after years of disputes.",
        "The Philippines quit the Rome Statute in 2019.",
    ] {
        let t = triples(&story(text, "2022-01-10"));
        assert!(t.iter().any(|(_, c, _)| c == "161"), "{text:?}: {t:?}");
    }
}

/// Leaving a place, or joining something that is no organisation, is no
/// membership change.
#[test]
fn leaving_a_city_is_no_withdrawal() {
    for text in [
        "The French president left Kyiv on Saturday after talks with Ukraine's leaders.",
        "German troops joined the exercise in Lithuania.",
    ] {
        let t = triples(&story(text, "2022-05-01"));
        assert!(
            t.iter().all(|(_, c, _)| c != "161" && c != "050"),
            "{text:?}: {t:?}"
        );
    }
}

/// The same event told in the headline, the lead and the body is one event
/// with three tellings; the same act on another day is another event.
#[test]
fn an_event_told_three_times_is_one_event() {
    let text = "Japan condemns North Korea over missile launch\n\n\
        Japan condemned North Korea on Tuesday after Pyongyang fired a ballistic missile over Hokkaido.\n\n\
        The launch forced residents to take shelter for the first time in five years.\n\n\
        In Tokyo, the government again condemned North Korea, calling the test reckless.";
    let record = story(text, "2022-10-04");
    let condemnations: Vec<_> = record
        .events
        .iter()
        .filter(|e| &*e.source.code == "JPN" || e.source.code.starts_with("JPN"))
        .filter(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("PRK")))
        .filter(|e| e.cameo.starts_with("11"))
        .collect();
    assert_eq!(condemnations.len(), 1, "{:#?}", record.events);
    let e = condemnations[0];
    assert!(e.tellings() >= 2, "{e:#?}");
    // The precise date of the lead is kept over the publication date.
    assert_eq!(e.date, NaiveDate::from_ymd_opt(2022, 10, 4));
    for told in &e.retold {
        assert!(told.start > e.evidence.start);
        assert_eq!(told.span().slice(&record.document.text), &*told.text);
    }

    let two_days = "Russia shelled Kharkiv on Monday, regional officials said.\n\n\
        Russia shelled Kharkiv again on Wednesday, hitting a school.";
    let record = story(two_days, "2022-05-12");
    let shellings = record
        .events
        .iter()
        .filter(|e| e.source.code.starts_with("RUS") && e.cameo.starts_with("19"))
        .count();
    assert_eq!(shellings, 2, "{:#?}", record.events);
}

/// Forces with no country named are nobody's military by default: a story
/// about Belarus does not make the troops sent there Belarus's, and the
/// deployment is found with its sender.
#[test]
fn troops_are_not_the_country_the_story_is_about() {
    let text = "Belarus said on Tuesday it had received the first of the weapons.\n\n\
        Belarus's leader praised the move.\n\n\
        Russia has sent troops and tactical nuclear weapons to Belarus, officials in Minsk said.";
    let record = story(text, "2023-06-14");
    for m in &record.mentions {
        assert!(
            !(m.code.starts_with("BLR") && m.text.to_lowercase().contains("troops")),
            "{m:?}"
        );
    }
    assert!(
        record
            .deployments
            .iter()
            .any(|d| d.by.starts_with("RUS") && d.to.iter().any(|t| t.starts_with("BLR"))),
        "{:#?}",
        record.deployments
    );
    // Named forces keep their country.
    let record = story(
        "Russian troops crossed into Belarus on Monday for joint exercises.",
        "2023-06-14",
    );
    assert!(
        record
            .mentions
            .iter()
            .any(|m| m.text.contains("troops") && m.code.starts_with("RUSMIL")),
        "{:#?}",
        record.mentions
    );
}

/// "forces launched": the plural noun before a verb in the past is the
/// subject's head, not a verb of its own ("to force").
#[test]
fn forces_before_a_past_verb_are_a_noun() {
    for (text, state) in [
        (
            "Turkish forces shelled Kurdish positions in northern Syria on Sunday.",
            "TUR",
        ),
        (
            "Ethiopian-backed forces launched rockets at rebel positions near the Sudanese border.",
            "ETH",
        ),
        (
            "Israeli forces attacked a refugee camp in Jenin overnight.",
            "ISR",
        ),
    ] {
        let record = story(text, "2023-07-03");
        let t = triples(&record);
        assert!(
            t.iter()
                .any(|(s, c, _)| s.starts_with(state) && c.starts_with("19")),
            "{text:?}: {t:?}"
        );
        assert!(
            t.iter().all(|(_, c, _)| !c.starts_with("15")),
            "{text:?}: {t:?}"
        );
    }
}

/// A quotation whose speaker is a pronoun is credited to the person named
/// as the subject of the paragraph before, also when the name stands in
/// apposition to a title ("The Estonian prime minister, Kaja Kallas").
#[test]
fn a_quote_after_its_speakers_paragraph() {
    for (text, person) in [
        (
            "The Estonian prime minister, Kaja Kallas, spoke to reporters in Tallinn after the summit.\n\n\
             \u{201c}We will not be intimidated by Moscow,\u{201d} she said.",
            "Kaja Kallas",
        ),
        (
            "The German chancellor, Olaf Scholz, arrived in Vilnius on Tuesday.\n\n\
             \"Our commitment to Lithuania is unshakeable,\" he told the troops.",
            "Olaf Scholz",
        ),
        (
            "Jens Stoltenberg met the Finnish president in Brussels.\n\n\
             \"Finland will be a strong ally,\" he said afterwards.",
            "Jens Stoltenberg",
        ),
    ] {
        let record = story(text, "2023-07-12");
        let speakers: Vec<_> = record
            .quotations
            .iter()
            .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
            .collect();
        assert!(
            speakers.iter().any(|s| s.as_deref() == Some(person)),
            "{text:?}: {speakers:?}"
        );
    }
}

/// Dates and quantities are found once, in the pipeline, and travel with
/// the record to the store, where the article reader reads them.
#[test]
fn dates_and_quantities_travel_with_the_record() {
    let text = "New Zealand will send up to 40 troops to Iraq on 12 May, officials said.";
    let record = story(text, "2022-04-08");
    let spans = record
        .spans
        .expect("the pipeline looks for dates and quantities");
    let date = spans.dates.first().expect("12 May is found");
    assert_eq!(date.span.slice(text), "12 May");
    assert_eq!(
        date.date,
        NaiveDate::from_ymd_opt(2022, 5, 12).expect("a day")
    );
    assert!(
        spans.quantities.iter().any(|q| q.value == 40.0),
        "{:?}",
        spans.quantities
    );
}
