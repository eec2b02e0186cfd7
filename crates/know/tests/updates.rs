//! The news keeps the knowledge base current: proposed updates, applied.

use chrono::NaiveDate;
use entente_know::{
    Applied, CodedEvent, KnowledgeBase, KnowledgeUpdate, ProvisionKind, UpdateKind,
};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn kb() -> KnowledgeBase {
    match KnowledgeBase::load() {
        Ok(kb) => kb,
        Err(e) => panic!("embedded data does not load: {e}"),
    }
}

fn event(
    source: &str,
    target: Option<&str>,
    cameo: &str,
    date: &str,
    sentence: &str,
) -> CodedEvent {
    CodedEvent {
        source: source.to_string(),
        target: target.map(str::to_string),
        cameo: cameo.to_string(),
        date: day(date),
        negated: false,
        evidence: sentence.to_string(),
        sentence: sentence.to_string(),
        retold: Vec::new(),
        doc: "doc-1".to_string(),
    }
}

struct Case {
    name: &'static str,
    event: CodedEvent,
    expect: Option<(UpdateKind, Option<&'static str>, Option<&'static str>)>,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "accession to a treaty organisation",
            event: event(
                "UKRGOV",
                None,
                "057",
                "2030-01-15",
                "Ukraine formally joined NATO on Monday, becoming its 33rd member.",
            ),
            expect: Some((UpdateKind::Accession, Some("NATO"), None)),
        },
        Case {
            name: "became a member of, by full name",
            event: event(
                "TLSGOV",
                None,
                "057",
                "2025-10-26",
                "Timor-Leste became a member of the Association of Southeast Asian Nations.",
            ),
            expect: Some((UpdateKind::Accession, Some("ASEAN"), None)),
        },
        Case {
            name: "intent is no accession",
            event: event(
                "UKRGOV",
                None,
                "057",
                "2022-09-30",
                "Ukraine applied to join NATO in an accelerated procedure.",
            ),
            expect: None,
        },
        Case {
            name: "withdrawal",
            event: event(
                "KIRGOV",
                None,
                "0",
                "2022-07-09",
                "Kiribati withdrew from the Pacific Islands Forum on Saturday.",
            ),
            expect: Some((UpdateKind::Withdrawal, Some("PIF"), None)),
        },
        Case {
            name: "switch of recognition",
            event: event(
                "SLBGOV",
                Some("CHN"),
                "0",
                "2019-09-16",
                "Solomon Islands switched diplomatic recognition from Taiwan to China.",
            ),
            expect: Some((UpdateKind::Recognition, None, Some("CHN"))),
        },
        Case {
            name: "security treaty signed",
            event: event(
                "CHNGOV",
                Some("SLBGOV"),
                "057",
                "2022-04-19",
                "China and Solomon Islands signed a security pact, Beijing said.",
            ),
            expect: Some((UpdateKind::TreatySigned, None, Some("SLB"))),
        },
        Case {
            name: "obligations suspended",
            event: event(
                "USAGOV",
                Some("NZLGOV"),
                "16",
                "1986-09-17",
                "The United States suspended its ANZUS obligations to New Zealand.",
            ),
            expect: Some((UpdateKind::TreatySuspended, None, Some("NZL"))),
        },
        Case {
            name: "another state in the sentence is not the one joining",
            event: event(
                "HUNLEG",
                None,
                "080",
                "2024-03-07",
                "Sweden formally joined NATO on Thursday after Hungary's parliament ratified its bid.",
            ),
            expect: None,
        },
        Case {
            name: "unrelated sentence",
            event: event(
                "NZLGOV",
                Some("FJI"),
                "036",
                "2022-04-08",
                "New Zealand will deploy up to five personnel to Fiji.",
            ),
            expect: None,
        },
    ]
}

#[test]
fn proposes_updates_from_sentences() {
    let k = kb();
    for c in cases() {
        let got = k.propose_updates(std::slice::from_ref(&c.event));
        match c.expect {
            None => assert!(got.is_empty(), "{}: expected nothing, got {got:?}", c.name),
            Some((kind, org, other)) => {
                assert_eq!(got.len(), 1, "{}: {got:?}", c.name);
                let u = &got[0];
                assert_eq!(u.kind, kind, "{}", c.name);
                if let Some(org) = org {
                    assert_eq!(u.organisation.as_deref(), Some(org), "{}", c.name);
                }
                assert_eq!(u.other.as_deref(), other, "{}", c.name);
                assert_eq!(u.date, c.event.date);
                assert_eq!(u.doc, "doc-1");
            }
        }
    }
}

#[test]
fn a_later_telling_names_the_stronger_provision() {
    let k = kb();
    let mut e = event(
        "AUS",
        Some("FJI"),
        "057",
        "2031-03-03",
        "Australia and Fiji sign security treaty",
    );
    let headline_only = k.propose_updates(std::slice::from_ref(&e));
    assert_eq!(
        headline_only[0].provision,
        Some(ProvisionKind::Consultation)
    );
    e.retold = vec!["Australia and Fiji signed a mutual defence treaty on Friday.".to_string()];
    let got = k.propose_updates(&[e]);
    assert_eq!(got[0].provision, Some(ProvisionKind::Defence));
}

#[test]
fn recognition_names_the_state_dropped() {
    let k = kb();
    let e = event(
        "SLBGOV",
        Some("CHN"),
        "0",
        "2019-09-16",
        "Solomon Islands switched diplomatic recognition from Taiwan to China.",
    );
    let got = k.propose_updates(&[e]);
    assert_eq!(got[0].over.as_deref(), Some("TWN"));
}

#[test]
fn accepted_accession_changes_members_from_its_date() {
    let mut k = kb();
    let e = event(
        "UKRGOV",
        None,
        "057",
        "2030-01-15",
        "Ukraine formally joined NATO on Monday.",
    );
    let updates = k.propose_updates(&[e]);
    let u = updates.first().expect("an accession");
    // Through the store as opaque JSON and back.
    let json = serde_json::to_string(u).expect("serialise");
    let u: KnowledgeUpdate = serde_json::from_str(&json).expect("deserialise");
    k.apply(&u).expect("apply");
    let before = k.members("NATO", day("2030-01-14")).expect("NATO");
    let after = k.members("NATO", day("2030-01-15")).expect("NATO");
    assert_eq!(before.members.len(), 32);
    assert_eq!(after.members.len(), 33);
    assert!(after
        .members
        .iter()
        .any(|m| m.code == "UKR" && m.since.to_string() == "2030-01-15"));
    // The new member takes on Article 5 and is defended by the others.
    let ukr = k
        .obligations("UKR", day("2030-02-01"), Some("NATO"), None)
        .expect("UKR");
    assert_eq!(ukr.obligated.len(), 32);
    let ukr_party = k
        .treaty("NATO")
        .expect("NATO")
        .parties
        .iter()
        .find(|p| p.code == "UKR")
        .expect("party");
    assert_eq!(ukr_party.origin, entente_know::Origin::News);
    assert!(ukr_party.source.contains("doc-1"));
    // The embedded knowledge base is untouched.
    let embedded = KnowledgeBase::embedded().expect("embedded");
    assert_eq!(
        embedded
            .members("NATO", day("2030-02-01"))
            .expect("NATO")
            .members
            .len(),
        32
    );
}

/// An accepted update naming an accession the knowledge base already has,
/// on another day: the curated date stays, and the answer says so with both
/// dates, not silently.
#[test]
fn accession_already_known_on_another_date_keeps_the_curated_date_and_says_so() {
    let mut k = kb();
    let curated = |k: &KnowledgeBase| {
        k.members("NATO", day("2024-06-01"))
            .expect("NATO")
            .members
            .iter()
            .find(|m| m.code == "FIN")
            .map(|m| m.since.to_string())
    };
    assert_eq!(curated(&k).as_deref(), Some("2023-04-04"));
    let e = event(
        "FINGOV",
        None,
        "057",
        "2023-04-05",
        "Finland formally joined NATO on Wednesday.",
    );
    let updates = k.propose_updates(&[e]);
    let u = updates.first().expect("an accession");
    assert_eq!(u.kind, UpdateKind::Accession);
    let applied = k.apply(u).expect("apply");
    assert_eq!(
        applied,
        Applied::AlreadyMember {
            known: entente_know::FuzzyDate::day(day("2023-04-04")),
            reported: day("2023-04-05"),
        }
    );
    let note = applied.note(u).expect("a note");
    assert!(
        note.contains("2023-04-04") && note.contains("2023-04-05"),
        "{note}"
    );
    // Nothing changed: the curated date, one membership.
    assert_eq!(curated(&k).as_deref(), Some("2023-04-04"));
    let finland = k
        .treaty("NATO")
        .expect("NATO")
        .parties
        .iter()
        .filter(|p| p.code == "FIN")
        .count();
    assert_eq!(finland, 1);
    // The same date reported: still no change, and the note says so.
    let same = KnowledgeUpdate {
        date: day("2023-04-04"),
        ..u.clone()
    };
    let applied = k.apply(&same).expect("apply");
    let note = applied.note(&same).expect("a note");
    assert!(note.contains("nothing changed"), "{note}");
    // A new member is added, with no note.
    let ukr = event(
        "UKRGOV",
        None,
        "057",
        "2030-01-15",
        "Ukraine formally joined NATO on Monday.",
    );
    let updates = k.propose_updates(&[ukr]);
    let u = updates.first().expect("an accession");
    let applied = k.apply(u).expect("apply");
    assert_eq!(applied, Applied::Added);
    assert_eq!(applied.note(u), None);
}

#[test]
fn accepted_withdrawal_and_membership_without_treaty() {
    let mut k = kb();
    let leave = event(
        "FJIGOV",
        None,
        "0",
        "2031-03-01",
        "Fiji withdrew from the Pacific Islands Forum.",
    );
    for u in k.propose_updates(&[leave]) {
        k.apply(&u).expect("apply");
    }
    let pif = |k: &KnowledgeBase, on| {
        k.members("PIF", day(on))
            .expect("PIF")
            .members
            .iter()
            .any(|m| m.code == "FJI")
    };
    assert!(pif(&k, "2031-02-28"));
    assert!(!pif(&k, "2031-03-01"));
    let back = event(
        "FJIGOV",
        None,
        "0",
        "2032-03-01",
        "Fiji rejoined the forum and became a member of the Pacific Islands Forum again.",
    );
    for u in k.propose_updates(&[back]) {
        k.apply(&u).expect("apply");
    }
    assert!(pif(&k, "2032-03-01"));
}

#[test]
fn accepted_treaty_and_suspension() {
    let mut k = kb();
    let sign = event(
        "CHNGOV",
        Some("VUTGOV"),
        "057",
        "2031-05-05",
        "China and Vanuatu signed a security agreement.",
    );
    for u in k.propose_updates(&[sign]) {
        k.apply(&u).expect("apply");
    }
    let between = k
        .treaties_between("CHN", "VUT", Some(day("2031-06-01")))
        .expect("pair");
    assert_eq!(between.treaties.len(), 1, "{between:?}");
    let suspend = event(
        "USAGOV",
        Some("JPNGOV"),
        "16",
        "2031-07-01",
        "The United States suspended its obligations under the US-Japan Security Treaty.",
    );
    for u in k.propose_updates(&[suspend]) {
        k.apply(&u).expect("apply");
    }
    let jpn = k
        .obligations("JPN", day("2031-08-01"), None, None)
        .expect("JPN");
    assert!(
        !jpn.obligated.iter().any(|o| o.code == "USA"),
        "{:?}",
        jpn.obligated
    );
    let jpn = k
        .obligations("JPN", day("2031-06-01"), None, None)
        .expect("JPN");
    assert!(jpn.obligated.iter().any(|o| o.code == "USA"));
}

#[test]
fn incomplete_updates_are_errors() {
    let mut k = kb();
    let u = KnowledgeUpdate {
        kind: UpdateKind::Accession,
        organisation: None,
        treaty: None,
        state: "UKR".into(),
        other: None,
        over: None,
        date: day("2030-01-01"),
        evidence: String::new(),
        doc: "d9".into(),
        provision: None,
    };
    let e = k.apply(&u).unwrap_err().to_string();
    assert_eq!(
        e,
        "cannot apply accession update from document d9: no organisation"
    );
}

#[test]
fn mentions_that_are_not_membership_changes() {
    let k = kb();
    for sentence in [
        "Finland, a member of the European Union, said it would not comment.",
        "Biden left NATO's summit in Madrid early.",
        "Sweden hopes to become a member of NATO by the summer.",
        "Turkey will not let Sweden join NATO.",
    ] {
        let e = event("FINGOV", None, "010", "2022-06-30", sentence);
        let got = k.propose_updates(&[e]);
        assert!(got.is_empty(), "{sentence:?}: {got:?}");
    }
    let e = event(
        "FINGOV",
        None,
        "057",
        "2023-04-04",
        "Finland became the 31st member of NATO on Tuesday.",
    );
    let got = k.propose_updates(&[e]);
    assert_eq!(
        got.first().and_then(|u| u.organisation.as_deref()),
        Some("NATO")
    );
}

/// Issue 12: "Mali, Burkina Faso and Niger left ECOWAS" is a withdrawal of
/// each of the three.
#[test]
fn states_named_together_each_leave() {
    let k = kb();
    let sentence =
        "Mali, Burkina Faso and Niger left ECOWAS on Wednesday, ending decades of membership.";
    for source in ["MLIGOV", "BFAGOV", "NERGOV"] {
        let got = k.propose_updates(&[event(
            source,
            Some("IGOWAFECW"),
            "161",
            "2025-01-29",
            sentence,
        )]);
        assert_eq!(got.len(), 1, "{source}: {got:?}");
        assert_eq!(got[0].kind, UpdateKind::Withdrawal);
        assert_eq!(got[0].organisation.as_deref(), Some("ECOWAS"));
        assert_eq!(got[0].state, &source[..3]);
    }
    // A state outside the group is not leaving.
    let got = k.propose_updates(&[event(
        "SENGOV",
        None,
        "161",
        "2025-01-29",
        "After Senegal mediated, Mali and Niger left ECOWAS.",
    )]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn no_state_signs_with_itself_and_one_pact_is_one_fact() {
    let k = kb();
    let alone = event(
        "PHLGOV",
        Some("PHLMIL"),
        "057",
        "2031-03-03",
        "The Philippines signed the pact after months of talks.",
    );
    assert!(k.propose_updates(&[alone]).is_empty());
    // Both directions, headline and body: one fact, the strongest provision.
    let head = event(
        "JPNGOV",
        Some("PHLGOV"),
        "062",
        "2031-03-03",
        "Japan and the Philippines sign security pact",
    );
    let body = event(
        "PHLGOV",
        None,
        "062",
        "2031-03-03",
        "Japan and the Philippines signed a mutual defence pact in Tokyo on Monday.",
    );
    let got = k.propose_updates(&[head, body]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[1].other.as_deref(),
        Some("JPN"),
        "the partner from the sentence"
    );
    assert!(got[0].same_fact(&got[1]));
    let mut first = got[0].clone();
    assert_eq!(
        first.provision,
        Some(entente_know::ProvisionKind::Consultation)
    );
    first.absorb(&got[1]);
    assert_eq!(first.provision, Some(entente_know::ProvisionKind::Defence));
    let mut other_pact = got[1].clone();
    other_pact.other = Some("AUS".into());
    assert!(!got[0].same_fact(&other_pact));
}

#[test]
fn leaving_a_treaty_and_ending_one_are_proposed_and_applied() {
    let mut k = kb();
    let quit = event(
        "BRAGOV",
        None,
        "161",
        "2031-05-05",
        "Brazil quit the Rio Treaty on Monday.",
    );
    let got = k.propose_updates(&[quit]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].kind, UpdateKind::Withdrawal);
    assert_eq!(got[0].organisation, None);
    assert_eq!(
        got[0].treaty.as_deref(),
        Some("Inter-American Treaty of Reciprocal Assistance")
    );
    k.apply(&got[0]).expect("apply");
    let rio = |on: &str| -> Vec<String> {
        k.members("Rio Treaty", day(on))
            .expect("a treaty's parties")
            .members
            .into_iter()
            .map(|m| m.code)
            .collect()
    };
    assert!(rio("2031-05-04").contains(&"BRA".to_string()));
    assert!(!rio("2031-05-05").contains(&"BRA".to_string()));

    let end = event(
        "USAGOV",
        Some("PHLGOV"),
        "161",
        "2031-06-01",
        "The United States terminated the US-Philippines Mutual Defense Treaty.",
    );
    let got = k.propose_updates(&[end]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].kind, UpdateKind::TreatyTerminated);
    k.apply(&got[0]).expect("apply");
    let usa = |on: &str| {
        k.obligations(
            "PHL",
            day(on),
            Some("US-Philippines Mutual Defense Treaty"),
            None,
        )
        .expect("PHL")
        .obligated
        .len()
    };
    assert_eq!(usa("2031-05-31"), 1);
    assert_eq!(usa("2031-06-01"), 0);
    let ever = k.treaties_between("USA", "PHL", None).expect("pair");
    let mdt = ever
        .treaties
        .iter()
        .find(|t| t.id == "atop:3210")
        .expect("the MDT");
    assert!(mdt
        .end_reason
        .as_deref()
        .is_some_and(|r| r.contains("terminated by United States")));
    // A possessive is no treaty left.
    let summit = event(
        "USAGOV",
        None,
        "0",
        "2031-07-01",
        "Biden left the Rio Treaty's summit early.",
    );
    assert!(k.propose_updates(&[summit]).is_empty());
}
