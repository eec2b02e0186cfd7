//! Who did what to whom: CAMEO and PLOVER events, quotations and
//! deployments.
//!
//! Given a cleaned [`Document`] and its actor [`Mention`]s (from
//! `entente_annotate::actors`), [`code_document`] reads every sentence with a
//! shallow parser of its own: it finds the dictionary verbs, their clause
//! (auxiliaries, negation, modality, passive voice, infinitive governors,
//! reported speech), the subject to the left and the target to the right,
//! compound actors ("New Zealand and Australia": one event per actor, as
//! GDELT codes them), then picks the CAMEO code from the verb's patterns.
//! Nouns that report events ("Russia's invasion of Ukraine", "a request for
//! help from X", "riots") are coded too. Each sentence keeps its main
//! events: acts told in relative or adverbial clauses, nouns inside a coded
//! verb's object and later verbs with a borrowed subject are background and
//! are dropped when the sentence has a main event. Each event carries its GDELT root,
//! quad class, Goldstein score and PLOVER type, a date resolved against the
//! publication date, its evidence span and its location: where its clause
//! or sentence says it happened, else the target's or the source's country
//! (`locate.rs`).
//!
//! It does not find actors (annotate does), resolve coreference beyond
//! pronouns and "our partners"-style group references, or aggregate events
//! across documents.
//!
//! The types and functions that matter:
//! - [`code_document`] → [`CodedDocument`]: events, quotations, deployments.
//! - [`VerbDictionary`], [`CodeTable`]: the embedded dictionaries, generated
//!   from the PETRARCH-2 CAMEO files by `scripts/build_verbs.py`.
//! - [`gdelt_row`]: a GDELT 2.0 event row ([`gdelt_fields`]: its fields);
//!   [`eval`]: scoring against PLOVER gold.
//!
//! ```
//! use entente_code::code_text;
//! use entente_core::{ActorKind, Mention};
//! use chrono::NaiveDate;
//!
//! fn state(text: &str, name: &str, code: &str) -> Mention {
//!     let start = text.find(name).unwrap_or(0);
//!     Mention {
//!         text: name.into(), start, end: start + name.len(), code: code.into(),
//!         actor: code.into(), kind: ActorKind::State, name: name.into(), role: None,
//!         sector: None, affiliation: None, confidence: 1.0, candidates: vec![],
//!     }
//! }
//! let text = "Russia attacked Ukraine on Thursday.";
//! let mentions = [state(text, "Russia", "RUS"), state(text, "Ukraine", "UKR")];
//! let published = NaiveDate::from_ymd_opt(2022, 4, 8);
//! let coded = code_text("doc1", text, published, &mentions);
//! let e = &coded.events[0];
//! assert_eq!((e.source.code.as_str(), e.cameo.as_str()), ("RUS", "190"));
//! assert_eq!(e.target.as_ref().map(|t| t.code.as_str()), Some("UKR"));
//! assert_eq!(e.plover.as_deref(), Some("ASSAULT"));
//! assert_eq!(e.date, NaiveDate::from_ymd_opt(2022, 4, 7));
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]

mod analysis;
pub mod codes;
mod deployments;
pub mod error;
pub mod eval;
mod events;
pub mod gdelt;
mod locate;
mod membership;
mod quotes;
mod tree;
pub mod verbs;

pub use codes::{CodeInfo, CodeTable};
pub use error::DictionaryError;
pub use gdelt::{gdelt_fields, gdelt_header, gdelt_row, Coverage, GDELT_COLUMNS};
pub use verbs::VerbDictionary;

use analysis::{Doc, Focus};
use chrono::NaiveDate;
use entente_core::{DatePrecision, Deployment, Document, EcoString, Event, Mention, Quotation};
use serde::Serialize;
use std::collections::HashMap;

/// What coding found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CodedDocument {
    pub events: Vec<Event>,
    pub quotations: Vec<Quotation>,
    pub deployments: Vec<Deployment>,
}

/// Codes a cleaned document. Dates resolve against `doc.published`; with no
/// publication date, events carry no date and precision `Publication`.
pub fn code_document(doc: &Document, mentions: &[Mention]) -> CodedDocument {
    code_text(doc.public_id(), &doc.text, doc.published, mentions)
}

/// How many of the latest actions before a sentence are looked at for an
/// antecedent target.
const MAX_ANTECEDENT_ACTIONS: usize = 64;

/// Codes a text: [`code_document`] without a [`Document`]. `mentions` carry
/// byte offsets into `text`.
pub fn code_text(
    id: &str,
    text: &str,
    published: Option<NaiveDate>,
    mentions: &[Mention],
) -> CodedDocument {
    let dict = VerbDictionary::embedded();
    let table = CodeTable::embedded();
    let doc = Doc::new(text, id.to_string(), published, mentions);
    let mut focus = Focus {
        quote_speakers: vec![None; doc.quotes.len()],
        ..Focus::default()
    };
    let mut out = CodedDocument::default();
    let mut actions: Vec<events::Action> = Vec::new();
    let mut last_to = Vec::new();
    let mut retellings = Retellings::default();
    for index in 0..doc.sentences.len() {
        let s = &doc.sentence(index);
        out.quotations
            .extend(quotes::quotations_in(&doc, s, &mut focus));
        let found = deployments::deployments_in(&doc, s, &focus, &mut last_to);
        let members = membership::membership_in(&doc, s, &focus);
        let consumed: Vec<usize> = found
            .iter()
            .flat_map(|f| f.consumed.iter().copied())
            .chain(members.iter().map(|a| a.at_token))
            .collect();
        let verbs = events::find_verbs(dict, &doc, s);
        // Earlier actions give antecedent targets ("... it will send
        // troops"): only the recent ones, so that coding stays linear in a
        // document's length.
        let recent = &actions[actions.len().saturating_sub(MAX_ANTECEDENT_ACTIONS)..];
        let mut here = events::code_verbs(&doc, s, &mut focus, &consumed, dict, recent);
        let coded: Vec<usize> = here.iter().map(|a| a.at_token).collect();
        // "rejected calls by X for aid", "rejected a UN appeal for
        // deploying troops": what a refusal refuses is its topic, told
        // before, not a new event.
        let refusals: Vec<usize> = here
            .iter()
            .filter(|a| a.code.starts_with("12"))
            .map(|a| a.at_token)
            .collect();
        let refused = |at: usize| {
            refusals.iter().any(|&r| {
                r < at
                    && !(r + 1..=at).any(|j| {
                        matches!(s.word(j), ";" | ":")
                            || matches!(doc.xpos(s, j), Some("VBD" | "VBZ" | "VBP"))
                    })
            })
        };
        let mut nominals = events::code_nominals(&doc, s, &focus, &consumed, &verbs, &coded, dict);
        for n in &mut nominals {
            if refused(n.at_token) {
                n.background = true;
            }
        }
        here.extend(nominals);
        here.extend(members);
        for f in found {
            // A deployment asked for and refused did not happen.
            if refused(f.at_token) {
                continue;
            }
            // Forces that move themselves: the verb's code stands, unless
            // it is a visit or a promise (CAMEO 03, 04), which forces do
            // not make.
            // ... nor when it crosses for a joint exercise ("crossed into
            // Belarus for joint drills" is no attack).
            let exercise = f
                .deployment
                .purpose
                .as_deref()
                .is_some_and(deployments::exercise_purpose);
            let verb_says = f.verb_first
                && !exercise
                && here.iter().any(|a| {
                    a.at_token == f.at_token
                        && !a.code.starts_with("03")
                        && !a.code.starts_with("04")
                });
            if !verb_says {
                if f.verb_first {
                    here.retain(|a| a.at_token != f.at_token);
                }
                here.extend(f.action);
            }
            // "sending troops is out of the question": refused, not sent.
            if !events::dismissed(&doc, s, f.at_token) {
                add_deployment(&mut out.deployments, f.deployment);
            }
        }
        for a in &mut here {
            if events::dismissed(&doc, s, a.at_token) {
                events::dismiss(a);
            }
        }
        here.sort_by_key(|a| a.at_token);
        events::keep_main(&doc, s, &mut here);
        let sentence_events = out.events.len();
        for a in &here {
            for e in events::to_events(&doc, s, a, table) {
                let dup = out.events[sentence_events..].iter().any(|x| {
                    x.sentence == e.sentence
                        && x.source == e.source
                        && x.target == e.target
                        && x.cameo == e.cameo
                });
                if !dup {
                    retellings.add(&mut out.events, e);
                }
            }
        }
        actions.extend(here);
        // Only the latest actions are ever looked back at.
        if actions.len() > 2 * MAX_ANTECEDENT_ACTIONS {
            actions.drain(..actions.len() - MAX_ANTECEDENT_ACTIONS);
        }
    }
    locate::locate_events(text, &doc.sentences, mentions, &mut out.events);
    // The facts live as long as the document's record: give back what
    // growing the vectors reserved.
    out.events.shrink_to_fit();
    out.quotations.shrink_to_fit();
    out.deployments.shrink_to_fit();
    out
}

/// Adds `d` to `found`, unless it tells again a deployment found earlier
/// (the headline's "moves nuclear weapons to Belarus", then the lead's
/// "began moving tactical nuclear weapons to Belarus"): the same sender,
/// destinations and status, a role that one telling names more fully, and
/// numbers and dates that do not disagree. The first telling is kept, with
/// what the later one adds.
fn add_deployment(found: &mut Vec<Deployment>, d: Deployment) {
    let role_fits = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
        }
        _ => true,
    };
    fn agrees<T: PartialEq>(x: &Option<T>, y: &Option<T>) -> bool {
        x.is_none() || y.is_none() || x == y
    }
    let earlier = found.iter_mut().find(|e| {
        e.by == d.by
            && e.to == d.to
            && e.status == d.status
            && role_fits(&e.role, &d.role)
            && agrees(&e.personnel, &d.personnel)
            && agrees(&e.start, &d.start)
            && agrees(&e.end, &d.end)
    });
    let Some(e) = earlier else {
        found.push(d);
        return;
    };
    if d.role.as_ref().map(String::len) > e.role.as_ref().map(String::len) {
        e.role = d.role;
    }
    if e.personnel.is_none() {
        e.personnel = d.personnel;
    }
    if e.start.is_none() {
        e.start = d.start;
        e.start_precision = d.start_precision;
    }
    e.end = e.end.or(d.end);
    e.review_date = e.review_date.or(d.review_date);
    e.requested_by = e.requested_by.take().or(d.requested_by);
    e.purpose = e.purpose.take().or(d.purpose);
}

/// One event per happening: an event told again later in the document
/// (the headline, then the lead, then the body) is kept once, at its first
/// telling, with the later tellings' spans in [`Event::retold`]. Two
/// tellings are one event when they have the same source, target, code and
/// negation, and dates that agree (the same date, or one of them only the
/// publication date, in which case the precise one is kept).
///
/// Events are merged as they are coded, so a long document that repeats
/// itself holds one event and a list of spans, not a copy per telling.
#[derive(Default)]
struct Retellings {
    seen: HashMap<(EcoString, Option<EcoString>, EcoString, bool), Vec<usize>>,
}

impl Retellings {
    fn add(&mut self, events: &mut Vec<Event>, e: Event) {
        // "Japan condemned North Korea" and, later, "the government again
        // condemned North Korea": the same actors, one named more closely.
        let key = (
            e.source.actor.clone(),
            e.target.as_ref().map(|t| t.actor.clone()),
            e.cameo.clone(),
            e.negated,
        );
        let nested = |a: &str, b: &str| a.starts_with(b) || b.starts_with(a);
        let tellings = self.seen.entry(key).or_default();
        let same = tellings.iter().copied().find(|&j| {
            events.get(j).is_some_and(|k| {
                (k.date == e.date
                    || k.date_precision == DatePrecision::Publication
                    || e.date_precision == DatePrecision::Publication)
                    && nested(&k.source.code, &e.source.code)
                    && match (&k.target, &e.target) {
                        (Some(a), Some(b)) => nested(&a.code, &b.code),
                        (None, None) => true,
                        _ => false,
                    }
            })
        });
        match same.and_then(|j| events.get_mut(j)) {
            Some(first) => {
                if first.date_precision == DatePrecision::Publication
                    && e.date_precision != DatePrecision::Publication
                {
                    first.date = e.date;
                    first.date_precision = e.date_precision;
                }
                // The same span twice (two verbs of one sentence) is one telling.
                let span = e.evidence.span();
                if first.evidence.span() != span
                    && first.retold.last().map(|r| r.span()) != Some(span)
                {
                    first.retold.push(e.evidence);
                }
            }
            None => {
                tellings.push(events.len());
                events.push(e);
            }
        }
    }
}
