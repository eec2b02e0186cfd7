//! English constructions through the whole pipeline (clean, annotate,
//! code), each in several phrasings written for these tests: passives with
//! their agents, and support verbs whose object noun is the event
//! ("staged joint drills", "cast a veto", "held a phone call").

use chrono::NaiveDate;
use entente_core::{Content, Origin, RawDocument};

struct Construction {
    name: &'static str,
    text: &'static str,
    /// (source prefix, target prefix or "" for any, CAMEO prefix, negated):
    /// each must be coded.
    events: &'static [(&'static str, &'static str, &'static str, bool)],
    /// (source prefix, target prefix or "" for any): must not be coded.
    not: &'static [(&'static str, &'static str)],
}

/// Passives whose agent is a noun phrase around an actor ("by Russian
/// drones"), or comes after an adverb, or whose verb has one form for base
/// and participle ("was hit").
const PASSIVE_AGENTS: &[Construction] = &[
    Construction {
        name: "agent is an adjective and its noun",
        text: "Ukraine was attacked by Russian drones overnight.",
        events: &[("RUS", "UKR", "19", false)],
        not: &[("UKR", "RUS")],
    },
    Construction {
        name: "adverb between verb and agent",
        text: "The Syrian town was bombed overnight by Turkish jets.",
        events: &[("TUR", "SYR", "19", false)],
        not: &[("SYR", "TUR")],
    },
    Construction {
        name: "base form as participle",
        text: "Lebanon was hit by Israeli airstrikes on Friday.",
        events: &[("ISR", "LBN", "19", false)],
        not: &[("LBN", "ISR")],
    },
    Construction {
        name: "plural noun before a passive is no verb",
        text: "Armenian positions were fired on by Azerbaijani forces.",
        events: &[("AZE", "ARM", "1", false)],
        not: &[("ARM", "AZE")],
    },
];

/// Support verbs take their meaning from the event noun they govern.
const SUPPORT_VERBS: &[Construction] = &[
    Construction {
        name: "joint drills by coordinated actors",
        text: "Egypt and Sudan held joint air force drills in Khartoum.",
        events: &[("EGY", "SDN", "062", false), ("SDN", "EGY", "062", false)],
        not: &[],
    },
    Construction {
        name: "exercises with a partner",
        text: "Pakistan conducted naval exercises with Turkey in the Arabian Sea.",
        events: &[("PAK", "TUR", "062", false)],
        not: &[],
    },
    Construction {
        name: "drills alone are a show of force",
        text: "Russia began military drills near the Finnish border.",
        events: &[("RUS", "", "15", false)],
        not: &[("RUS", "FIN")],
    },
    Construction {
        name: "a place is not a partner",
        text: "French and Indian troops staged joint drills in Rajasthan.",
        events: &[("FRA", "IND", "062", false)],
        not: &[("IND", "IND")],
    },
    Construction {
        name: "a phone call with a counterpart",
        text: "The Kenyan president held a telephone conversation with Ethiopian Prime Minister Abiy Ahmed.",
        events: &[("KEN", "ETH", "041", false)],
        not: &[("ETH", "")],
    },
    Construction {
        name: "a treaty sealed by two states",
        text: "Morocco and Ghana sealed a security treaty on Wednesday.",
        events: &[("MAR", "GHA", "057", false), ("GHA", "MAR", "057", false)],
        not: &[],
    },
    Construction {
        name: "a veto cast",
        text: "Russia cast a veto against a Security Council draft on Syria.",
        events: &[("RUS", "", "12", false)],
        not: &[],
    },
    Construction {
        name: "a package of sanctions",
        text: "The African Union imposed a new package of sanctions on Mali.",
        events: &[("IGO", "MLI", "163", false)],
        not: &[("MLI", "")],
    },
    Construction {
        name: "protests against a state",
        text: "Tens of thousands joined protests in Nepal against India on Sunday.",
        events: &[("NPL", "IND", "14", false)],
        not: &[],
    },
];

fn run(cases: &[Construction]) {
    for c in cases {
        let raw = RawDocument {
            origin: Origin::file("sentence.txt"),
            external_id: None,
            url: None,
            title: None,
            published: NaiveDate::from_ymd_opt(2025, 3, 10),
            source: None,
            content: Content::Text(c.text.to_string()),
        };
        let record = match entente_pipeline::process(&raw) {
            Ok(record) => record,
            Err(e) => panic!("{}: {e}", c.name),
        };
        let shown: Vec<String> = record
            .events
            .iter()
            .map(|e| {
                format!(
                    "{}->{} {}",
                    e.source.code,
                    e.target.as_ref().map(|t| t.code.as_str()).unwrap_or(""),
                    e.cameo
                )
            })
            .collect();
        for (src, tgt, code, neg) in c.events {
            let found = record.events.iter().any(|e| {
                e.source.code.starts_with(src)
                    && e.target
                        .as_ref()
                        .map(|t| t.code.starts_with(tgt))
                        .unwrap_or(tgt.is_empty())
                    && e.cameo.starts_with(code)
                    && e.negated == *neg
            });
            assert!(
                found,
                "{}: missing {src}->{tgt} {code}; got {shown:?}",
                c.name
            );
        }
        for (src, tgt) in c.not {
            let found = record.events.iter().any(|e| {
                e.source.code.starts_with(src)
                    && (tgt.is_empty()
                        || e.target.as_ref().is_some_and(|t| t.code.starts_with(tgt)))
            });
            assert!(
                !found,
                "{}: must not code {src}->{tgt}; got {shown:?}",
                c.name
            );
        }
    }
}

#[test]
fn passive_agents() {
    run(PASSIVE_AGENTS);
}

#[test]
fn support_verbs() {
    run(SUPPORT_VERBS);
}
