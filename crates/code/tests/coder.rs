//! Table-driven tests of the event coder on single sentences with
//! hand-built mentions.

use chrono::NaiveDate;
use entente_code::{code_text, CodedDocument};
use entente_core::{ActorKind, Mention};

/// Actors the cases may name: (text, CAMEO code, kind).
const ACTORS: &[(&str, &str, ActorKind)] = &[
    ("New Zealand", "NZL", ActorKind::State),
    ("Australia", "AUS", ActorKind::State),
    ("Russia", "RUS", ActorKind::State),
    ("Ukraine", "UKR", ActorKind::State),
    ("Israel", "ISR", ActorKind::State),
    ("Serbia", "SRB", ActorKind::State),
    ("Britain", "GBR", ActorKind::State),
    ("France", "FRA", ActorKind::State),
    ("China", "CHN", ActorKind::State),
    ("Iran", "IRN", ActorKind::State),
    ("Iraq", "IRQ", ActorKind::State),
    ("NATO", "IGOWSTNAT", ActorKind::Igo),
    ("Ardern", "NZLGOV", ActorKind::Person),
    ("Putin", "RUSGOV", ActorKind::Person),
    // A lower-case sector mention, as the resolver gives for "military".
    ("military", "GBRMIL", ActorKind::State),
];

fn mentions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for (name, code, kind) in ACTORS {
        let mut from = 0;
        while let Some(p) = text[from..].find(name) {
            let start = from + p;
            from = start + name.len();
            out.push(Mention {
                text: name.to_string().into(),
                start,
                end: start + name.len(),
                code: code.to_string().into(),
                actor: code[..3].to_string().into(),
                kind: *kind,
                name: name.to_string().into(),
                role: None,
                sector: None,
                affiliation: None,
                confidence: 1.0,
                candidates: vec![],
            });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

fn code(text: &str) -> CodedDocument {
    code_text(
        "t",
        text,
        NaiveDate::from_ymd_opt(2022, 4, 8),
        &mentions(text),
    )
}

struct Case {
    name: &'static str,
    text: &'static str,
    /// Expected (source, target or "", CAMEO root, negated) events; every
    /// one must be produced.
    events: &'static [(&'static str, &'static str, &'static str, bool)],
    /// (source, target) pairs that must not be coded.
    not: &'static [(&'static str, &'static str)],
}

const NEGATION: &[Case] = &[
    Case {
        name: "did not agree becomes a rejection",
        text: "Serbia did not agree to meet Britain.",
        events: &[("SRB", "GBR", "12", true)],
        not: &[],
    },
    Case {
        name: "refused to",
        text: "Iran refused to cooperate with France.",
        events: &[("IRN", "FRA", "12", true)],
        not: &[],
    },
    Case {
        name: "plain rejection is not negated",
        text: "Serbia rejected Britain's proposal.",
        events: &[("SRB", "GBR", "12", false)],
        not: &[],
    },
];

const PASSIVES: &[Case] = &[
    Case {
        name: "was attacked by",
        text: "Ukraine was attacked by Russia on Thursday.",
        events: &[("RUS", "UKR", "19", false)],
        not: &[("UKR", "RUS")],
    },
    Case {
        name: "passive without agent codes nothing",
        text: "Ukraine was attacked on Thursday.",
        events: &[],
        not: &[("UKR", "")],
    },
];

const COMPOUNDS: &[Case] = &[
    Case {
        name: "compound target: one event per target",
        text: "China urged New Zealand and Australia to respect the ruling.",
        events: &[("CHN", "NZL", "10", false), ("CHN", "AUS", "10", false)],
        not: &[("NZL", ""), ("AUS", "")],
    },
    Case {
        name: "compound source",
        text: "France and Britain condemned Iran.",
        events: &[("FRA", "IRN", "11", false), ("GBR", "IRN", "11", false)],
        not: &[],
    },
];

const MODALITY: &[Case] = &[
    Case {
        name: "willing to talk is intent to meet",
        text: "Ardern said she was willing to talk with Putin.",
        events: &[("NZL", "RUS", "03", false)],
        not: &[],
    },
    Case {
        name: "will attack is a threat",
        text: "Iran will attack Iraq.",
        events: &[("IRN", "IRQ", "13", false)],
        not: &[],
    },
];

const REPORTED: &[Case] = &[Case {
    name: "X said Y urged Z codes Y urged Z",
    text: "Britain said Russia urged Ukraine to surrender.",
    events: &[("RUS", "UKR", "10", false)],
    not: &[("GBR", "UKR"), ("GBR", "RUS")],
}];

const NOMINALS: &[Case] = &[
    Case {
        name: "possessive nominal",
        text: "France condemned Russia's invasion of Ukraine.",
        events: &[("RUS", "UKR", "19", false), ("FRA", "RUS", "11", false)],
        not: &[],
    },
    Case {
        name: "request from",
        text: "NATO answered a request for help from Ukraine.",
        events: &[("UKR", "IGO", "02", false)],
        not: &[],
    },
];

fn run(cases: &[Case]) {
    run_on(cases, NaiveDate::from_ymd_opt(2022, 4, 8));
}

fn run_on(cases: &[Case], date: Option<NaiveDate>) {
    for c in cases {
        let got = code_text("t", c.text, date, &mentions(c.text));
        let shown: Vec<String> = got
            .events
            .iter()
            .map(|e| {
                format!(
                    "{}->{} {} neg={}",
                    e.source.code,
                    e.target.as_ref().map(|t| t.code.as_str()).unwrap_or(""),
                    e.cameo,
                    e.negated
                )
            })
            .collect();
        for (src, tgt, root, neg) in c.events {
            let hit = got.events.iter().any(|e| {
                e.source.code.starts_with(src)
                    && e.target
                        .as_ref()
                        .map(|t| t.code.starts_with(tgt))
                        .unwrap_or(tgt.is_empty())
                    && e.cameo.starts_with(root)
                    && e.negated == *neg
            });
            assert!(
                hit,
                "case {:?}: missing {src}->{tgt} {root} neg={neg}; got {shown:?}",
                c.name
            );
        }
        for (src, tgt) in c.not {
            let hit = got.events.iter().any(|e| {
                e.source.code.starts_with(src)
                    && (tgt.is_empty()
                        || e.target
                            .as_ref()
                            .map(|t| t.code.starts_with(tgt))
                            .unwrap_or(false))
            });
            assert!(
                !hit,
                "case {:?}: must not code {src}->{tgt}; got {shown:?}",
                c.name
            );
        }
    }
}

#[test]
fn negation() {
    run(NEGATION);
}

#[test]
fn passives() {
    run(PASSIVES);
}

#[test]
fn compound_actors() {
    run(COMPOUNDS);
}

#[test]
fn modality_and_intent() {
    run(MODALITY);
}

#[test]
fn reported_speech() {
    run(REPORTED);
}

#[test]
fn nominal_events() {
    run(NOMINALS);
}

struct QuoteCase {
    name: &'static str,
    text: &'static str,
    starts: &'static str,
    speaker: Option<&'static str>,
}

const QUOTES: &[QuoteCase] = &[
    QuoteCase {
        name: "quote then pronoun speaker",
        text: "Ardern spoke to reporters.\n\n\"We will keep talking to our friends,\" she said.",
        starts: "We will keep talking",
        speaker: Some("Ardern"),
    },
    QuoteCase {
        name: "inverted attribution",
        text: "\"The talks are over for now,\" said Putin.",
        starts: "The talks are over",
        speaker: Some("Putin"),
    },
    QuoteCase {
        name: "speaker before the quote",
        text: "Putin said the army had \"completed all of its tasks in the region\".",
        starts: "completed all of its tasks",
        speaker: Some("Putin"),
    },
    QuoteCase {
        name: "quoted paragraph after the paragraph naming the speaker",
        text:
            "Putin warned Ukraine on Monday.\n\n\"Nobody should doubt our resolve in this matter.\"",
        starts: "Nobody should doubt",
        speaker: Some("Putin"),
    },
    QuoteCase {
        name: "a quotation going on in the same paragraph, same voice",
        text: "\"We must be ready,\" Putin told reporters. \"The West only understands strength.\"",
        starts: "The West only",
        speaker: Some("Putin"),
    },
    QuoteCase {
        name: "after 'told' comes whom the speaker told, not the speaker",
        text: "\"We will not return to the talks this week,\" the minister told Britain.",
        starts: "We will not return",
        speaker: None,
    },
    QuoteCase {
        name: "after 'said' comes the speaker",
        text: "\"We will not return to the talks this week,\" said Britain's envoy.",
        starts: "We will not return",
        speaker: Some("Britain"),
    },
    QuoteCase {
        name: "a title and full name before the speech verb",
        text: "\"These are hysterical statements,\" a visibly angry Vladimir Putin said.",
        starts: "These are hysterical",
        speaker: Some("Putin"),
    },
];

#[test]
fn quotations() {
    for c in QUOTES {
        let got = code(c.text);
        let q = got.quotations.iter().find(|q| q.text.starts_with(c.starts));
        let Some(q) = q else {
            panic!("case {:?}: no quotation; got {:?}", c.name, got.quotations);
        };
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            c.speaker,
            "case {:?}",
            c.name
        );
        assert!(
            q.evidence.text.contains(c.starts),
            "case {:?}: evidence",
            c.name
        );
    }
}

#[test]
fn scare_quotes_are_not_quotations() {
    let got = code("NATO agreed to \"step up\" its work.");
    assert!(got.quotations.is_empty(), "{:?}", got.quotations);
}

#[test]
fn every_event_has_provenance() {
    let text = "Russia attacked Ukraine.\n\nFrance condemned Russia.";
    let got = code(text);
    assert!(!got.events.is_empty());
    for e in &got.events {
        assert_eq!(&text[e.evidence.start..e.evidence.end], &*e.evidence.text);
        assert_eq!(e.doc, "t".into());
    }
    assert_eq!(got.events.last().map(|e| e.sentence), Some(1));
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        "\"",
        "\"\"\"",
        "to to to",
        "Russia's",
        "NATO was by",
        "said said said Ukraine",
    ] {
        let _ = code(t);
    }
}

struct DeploymentCase {
    name: &'static str,
    text: &'static str,
    /// (by, to, personnel, status) of the one deployment expected; `None`:
    /// no deployment.
    expected: Option<(
        &'static str,
        &'static [&'static str],
        Option<entente_core::Personnel>,
        entente_core::DeploymentStatus,
    )>,
}

const DEPLOYMENTS: &[DeploymentCase] = &[
    DeploymentCase {
        name: "sent troops: military sector added to a state sender",
        text: "France sent 500 troops to Iraq.",
        expected: Some((
            "FRAMIL",
            &["IRQ"],
            Some(entente_core::Personnel::Exactly(500)),
            entente_core::DeploymentStatus::New,
        )),
    },
    DeploymentCase {
        name: "more than is strict",
        text: "Britain will deploy more than 20 soldiers to Ukraine.",
        expected: Some((
            "GBRMIL",
            &["UKR"],
            Some(entente_core::Personnel::AtLeast(21)),
            entente_core::DeploymentStatus::Planned,
        )),
    },
    DeploymentCase {
        name: "withdrawal",
        text: "Russia withdrew its troops from Ukraine.",
        expected: Some((
            "RUSMIL",
            &["UKR"],
            None,
            entente_core::DeploymentStatus::Withdrawn,
        )),
    },
    DeploymentCase {
        name: "refused to deploy is no deployment",
        text: "Iran refused to deploy troops to Iraq.",
        expected: None,
    },
    DeploymentCase {
        name: "sending aid is no deployment",
        text: "France sent aid to Iraq.",
        expected: None,
    },
];

#[test]
fn a_deployment_told_again_is_one_deployment() {
    let got = code(
        "Russia moves nuclear weapons to Belarus\n\nRussia has begun moving tactical nuclear weapons to Belarus, Putin said. Russia moved tactical nuclear weapons to Belarus in June.",
    );
    assert_eq!(got.deployments.len(), 1, "{:?}", got.deployments);
    assert_eq!(
        got.deployments[0].role.as_deref(),
        Some("tactical nuclear weapons"),
        "the fuller name"
    );
    let two =
        code("France sent 500 troops to Mali in March. France sent 300 troops to Mali in June.");
    assert_eq!(
        two.deployments.len(),
        2,
        "different numbers: two deployments"
    );
}

#[test]
fn purpose_belongs_to_the_deployment_clause() {
    let d = &code("France sent 500 troops to Iraq to train its army.").deployments[0];
    assert_eq!(d.purpose.as_deref(), Some("to train its army"));
    let d =
        &code("France sent 500 troops to Iraq after riots sparked by a decision to raise taxes.")
            .deployments[0];
    assert_eq!(
        d.purpose, None,
        "the infinitive belongs to the subordinate clause"
    );
}

#[test]
fn deployments() {
    for c in DEPLOYMENTS {
        let got = code(c.text);
        match c.expected {
            None => assert!(
                got.deployments.is_empty(),
                "case {:?}: {:?}",
                c.name,
                got.deployments
            ),
            Some((by, to, personnel, status)) => {
                assert_eq!(
                    got.deployments.len(),
                    1,
                    "case {:?}: {:?}",
                    c.name,
                    got.deployments
                );
                let d = &got.deployments[0];
                assert_eq!(d.by, by, "case {:?}", c.name);
                assert_eq!(d.to, to, "case {:?}", c.name);
                assert_eq!(d.personnel, personnel, "case {:?}", c.name);
                assert_eq!(d.status, status, "case {:?}", c.name);
            }
        }
    }
}

/// One sentence, one main event: background clauses and nouns do not add
/// events of their own (coded as of 2023-06-01).
const MAIN_EVENT: &[Case] = &[
    Case {
        name: "relative clause is background",
        text: "Britain condemned Iran, which had attacked Iraq.",
        events: &[("GBR", "IRN", "11", false)],
        not: &[("IRN", "")],
    },
    Case {
        name: "adverbial clause is background",
        text: "France condemned Iran after Iraq attacked Israel last week.",
        events: &[("FRA", "IRN", "11", false)],
        not: &[("IRQ", "")],
    },
    Case {
        name: "'that' right before the verb opens a relative clause",
        text: "Serbia criticised the faction that controls Iraq.",
        events: &[],
        not: &[("IRQ", "")],
    },
    Case {
        name: "'once again' is an adverb, not a clause opener",
        text: "Serbia once again rejected Britain's plan and its offer of talks with Iran.",
        events: &[("SRB", "GBR", "12", false)],
        not: &[("IRN", "")],
    },
    Case {
        name: "background clause alone is still coded",
        text: "Markets fell on Monday after Russia shelled Ukraine.",
        events: &[("RUS", "UKR", "19", false)],
        not: &[],
    },
    Case {
        name: "noun in a coded verb's object is not its own event",
        text: "Britain rejected an offer of a summit with Iran.",
        events: &[("GBR", "", "12", false)],
        not: &[("IRN", "")],
    },
    Case {
        name: "one nominal per noun phrase, no repeat of the verb's act",
        text: "Iran staged a hunger strike.",
        events: &[("IRN", "", "14", false)],
        not: &[],
    },
    Case {
        name: "a later verb with a borrowed subject is not a new event",
        text: "Israel said it will support Britain in a plan that aims to punish Iran.",
        events: &[("ISR", "GBR", "03", false)],
        not: &[("ISR", "IRN")],
    },
    Case {
        name: "a verb after an earlier verb's object shares that verb's subject",
        text: "A car bomb killed a Britain envoy and wounded an Iraq envoy.",
        events: &[],
        not: &[("GBR", "")],
    },
    Case {
        name: "a coordinated clause with its own subject is an event",
        text: "Russia attacked Ukraine and Britain condemned Russia.",
        events: &[("RUS", "UKR", "19", false), ("GBR", "RUS", "11", false)],
        not: &[],
    },
    Case {
        name: "joint actors with no other party act on each other",
        text: "France and Britain agreed to cooperate on Monday.",
        events: &[("FRA", "GBR", "03", false), ("GBR", "FRA", "03", false)],
        not: &[],
    },
    Case {
        name: "a lower-case sector before a verb form modifies it",
        text: "The military aid to Iraq went on in May.",
        events: &[],
        not: &[("GBR", "")],
    },
    Case {
        name: "the head of two event nouns is the event",
        text: "The ceasefire agreement between Iran and Iraq held.",
        events: &[("IRN", "IRQ", "05", false)],
        not: &[],
    },
    Case {
        name: "the act a 'that' clause after a request asks for is not done",
        text: "Britain repeated its demands that Iran release Iraq's sailors.",
        events: &[("GBR", "IRN", "10", false)],
        not: &[("IRN", "")],
    },
    Case {
        name: "an agreement with no parties named is not a new event",
        text: "For Iran and Iraq, the old agreement still holds.",
        events: &[],
        not: &[("IRN", ""), ("IRQ", "")],
    },
    Case {
        name: "an event noun in a condition is not an event",
        text: "Britain will send aid unless Iran's attack on Iraq goes on.",
        events: &[],
        not: &[("IRN", "")],
    },
    Case {
        name: "target search stops at a new clause after a comma",
        text: "Iran launched war games in the Gulf, expected to be watched by Iraq.",
        events: &[],
        not: &[("IRN", "IRQ")],
    },
];

/// Finding the subject (coded as of 2021-11-15).
const SUBJECTS: &[Case] = &[
    Case {
        name: "the head before 'of X' is the subject",
        text: "The navies of France and Britain in the waters of Iraq met Iran.",
        events: &[("FRA", "IRN", "04", false), ("GBR", "IRN", "04", false)],
        not: &[("IRQ", "")],
    },
    Case {
        name: "mentions joined by a comma alone are an apposition",
        text: "Israel, Iran's rival, condemned Britain.",
        events: &[("ISR", "GBR", "11", false)],
        not: &[("IRN", "")],
    },
    Case {
        name: "protest with no actor named is the place's",
        text: "Students rioted at a university in Iran on Sunday.",
        events: &[("IRN", "", "14", false)],
        not: &[],
    },
    Case {
        name: "a demonstrative subject names no actor",
        text: "Britain kept its sanctions on Iran as that would punish Serbia.",
        events: &[],
        not: &[("IRN", "SRB")],
    },
    Case {
        name: "an -s form after 'of' and a modifier is a noun",
        text: "Israel announced a halt of air links with Iran.",
        events: &[],
        not: &[("ISR", "IRN")],
    },
    Case {
        name: "halting mediation is reducing relations",
        text: "Britain halted its mediation between Iran and Iraq.",
        events: &[("GBR", "IRN", "165", false)],
        not: &[],
    },
    Case {
        name: "a foreign place is the target when no actor is named",
        text: "Iran refused to deploy troops in Iraq.",
        events: &[("IRN", "IRQ", "12", true)],
        not: &[],
    },
    Case {
        name: "joint actors meeting in a place meet each other",
        text: "France and Britain met in Iran on Friday.",
        events: &[("FRA", "GBR", "04", false), ("GBR", "FRA", "04", false)],
        not: &[("FRA", "IRN"), ("GBR", "IRN")],
    },
    Case {
        name: "a pattern's 'against' phrase may follow the whole object",
        text: "Britain defended Iran on Monday in Geneva against criticism.",
        events: &[("GBR", "IRN", "05", false)],
        not: &[],
    },
    Case {
        name: "a verb's patterns stop at its 'that' clause",
        text: "Britain demanded that Iran end its campaign against Iraq.",
        events: &[("GBR", "IRN", "10", false)],
        not: &[("IRN", "")],
    },
    Case {
        name: "investigation is a nominal event",
        text: "Britain's investigation of Iran began in May.",
        events: &[("GBR", "IRN", "09", false)],
        not: &[],
    },
];

#[test]
fn subjects() {
    run_on(SUBJECTS, NaiveDate::from_ymd_opt(2021, 11, 15));
}

#[test]
fn main_event() {
    run_on(MAIN_EVENT, NaiveDate::from_ymd_opt(2023, 6, 1));
}
