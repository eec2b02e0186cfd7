//! What annotation and coding find in a document: mentions, events,
//! quotations, deployments. Every one carries its evidence.

use crate::document::DocId;
use crate::span::Span;
use chrono::NaiveDate;
use ecow::EcoString;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What kind of actor a mention resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    State,
    /// An intergovernmental organisation (NATO, the UN, ...).
    Igo,
    /// A non-governmental or non-state organisation (parties, armed groups, NGOs).
    Organisation,
    Person,
    /// A sector with no resolved country ("protesters", "the military").
    Group,
}

/// A resolved actor as events report it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActorRef {
    /// Full CAMEO actor code on the date of the event (`NZLGOV`, `IGOWSTNAT`).
    pub code: EcoString,
    /// Canonical id: ISO 3166 alpha-3 for states, the organisation's short
    /// name, or the person's name.
    pub actor: EcoString,
    /// How the text named it.
    pub name: EcoString,
}

/// An actor mention in the cleaned text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub text: EcoString,
    /// Byte offsets in the cleaned text.
    pub start: usize,
    pub end: usize,
    /// Full CAMEO actor code on the publication date; empty when unresolved.
    pub code: EcoString,
    /// Canonical actor id (ISO code, organisation or person).
    pub actor: EcoString,
    pub kind: ActorKind,
    /// Canonical name of the actor.
    pub name: EcoString,
    /// The role the actor held on that date ("prime minister").
    pub role: Option<EcoString>,
    /// The CAMEO sector (GOV, MIL, ...), if any.
    pub sector: Option<EcoString>,
    /// The country or organisation a person or sector belongs to.
    pub affiliation: Option<EcoString>,
    /// 1.0 for an unambiguous dictionary match, lower when context decided.
    pub confidence: f32,
    /// Other readings, when the name was ambiguous.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<EcoString>,
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The actor as events report it, named as the text named it; a
    /// pronoun or "the alliance" is never a name, so an anaphor is named by
    /// the actor it points back to.
    pub fn actor_ref(&self) -> ActorRef {
        let name = if crate::lexicon::is_anaphor(&self.text) && !self.name.is_empty() {
            self.name.clone()
        } else {
            self.text.clone()
        };
        // An agent of no named country or organisation ("intelligence
        // agents", "rebels") has no canonical id of its own: its code is
        // its id, as GDELT's Actor1Code is, so that every event side has
        // an id that pages, the network and filters can name.
        let actor = if self.actor.is_empty() {
            self.code.clone()
        } else {
            self.actor.clone()
        };
        ActorRef {
            code: self.code.clone(),
            actor,
            name,
        }
    }
}

/// The span of text a fact was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte offsets in the cleaned text.
    pub start: usize,
    pub end: usize,
    /// The text of the span, shared by the facts read from the same span.
    pub text: Arc<str>,
}

impl Evidence {
    pub fn from_span(text: &str, span: Span) -> Evidence {
        Evidence {
            start: span.start,
            end: span.end,
            text: Arc::from(span.slice(text)),
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
    /// No date in the clause: the publication date stands in.
    Publication,
}

/// A coded event: who did what to whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The event's stable id, its GDELT GLOBALEVENTID: [`Event::stable_id`]
    /// of its document's content id and its position among the document's
    /// events. 0 until the record is numbered.
    #[serde(default)]
    pub id: u64,
    /// The document's public id (see `Document::public_id`), shared by the
    /// document's facts.
    pub doc: Arc<str>,
    /// Index of the sentence in the document.
    pub sentence: usize,
    pub source: ActorRef,
    pub target: Option<ActorRef>,
    /// Full CAMEO event code (`0231`).
    pub cameo: EcoString,
    /// PLOVER event type (`REQUEST`).
    pub plover: Option<EcoString>,
    /// GDELT quad class: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    pub date: Option<NaiveDate>,
    pub date_precision: DatePrecision,
    pub negated: bool,
    pub evidence: Evidence,
    /// The same event told again later in the document (the lead and the
    /// body retelling the headline): the spans of those tellings, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retold: Vec<Evidence>,
    /// Where the event happened: a place its clause or sentence names, else
    /// the target's or the source's country (see [`crate::LocationBasis`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::Location>,
}

impl Event {
    /// The id of the event at position `ord` among the events of the
    /// document whose content id is `doc`: the first 53 bits of the SHA-256
    /// of `doc:ord`, never 0. The same document gives the same ids in every
    /// run, store and export; 53 bits is what a JSON number carries exactly
    /// in a browser, and two of a million events share an id with odds
    /// under 1 in 10,000.
    pub fn stable_id(doc: &DocId, ord: usize) -> u64 {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(doc.as_str().as_bytes());
        h.update(b":");
        h.update(ord.to_string().as_bytes());
        let digest = h.finalize();
        let mut first = [0u8; 8];
        for (to, from) in first.iter_mut().zip(digest.iter()) {
            *to = *from;
        }
        let id = u64::from_be_bytes(first) >> 11;
        id.max(1)
    }

    /// How many times the document tells this event.
    pub fn tellings(&self) -> usize {
        1 + self.retold.len()
    }
}

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub code: Option<String>,
}

/// A direct quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quotation {
    pub doc: Arc<str>,
    pub sentence: usize,
    pub speaker: Option<Speaker>,
    /// Who the quotation addresses, when it names one.
    pub target: Option<ActorRef>,
    /// The quoted words, without the quotation marks.
    pub text: String,
    pub evidence: Evidence,
}

/// How many people a deployment involves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Personnel {
    Exactly(u64),
    AtMost(u64),
    AtLeast(u64),
    About(u64),
}

/// What a deployment report says happened to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeploymentStatus {
    New,
    Extended,
    Withdrawn,
    Planned,
}

/// Forces or personnel sent abroad.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    pub doc: Arc<str>,
    pub sentence: usize,
    /// CAMEO code of the sender (`NZLMIL`).
    pub by: String,
    /// Country codes of the destinations.
    pub to: Vec<String>,
    pub personnel: Option<Personnel>,
    /// What they are: troops, personnel, analysts, ...
    pub role: Option<String>,
    pub status: DeploymentStatus,
    pub start: Option<NaiveDate>,
    pub start_precision: Option<DatePrecision>,
    pub review_date: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// CAMEO code of whoever asked for it.
    pub requested_by: Option<String>,
    pub purpose: Option<String>,
    pub evidence: Evidence,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personnel_serialises_as_contract() {
        let v = serde_json::to_value(Personnel::AtMost(5)).unwrap();
        assert_eq!(v, serde_json::json!({"at_most": 5}));
        let v = serde_json::to_value(Personnel::Exactly(65)).unwrap();
        assert_eq!(v, serde_json::json!({"exactly": 65}));
    }

    #[test]
    fn event_ids_are_stable_distinct_and_json_safe() {
        let a = DocId::from_content("NATO agreed.");
        let b = DocId::from_content("China urged.");
        assert_eq!(Event::stable_id(&a, 0), Event::stable_id(&a, 0));
        let ids = [
            Event::stable_id(&a, 0),
            Event::stable_id(&a, 1),
            Event::stable_id(&b, 0),
            Event::stable_id(&b, 1),
        ];
        for (i, x) in ids.iter().enumerate() {
            assert!(*x > 0 && *x < 1 << 53, "help: ids fit a JSON number: {x}");
            assert!(!ids[i + 1..].contains(x), "help: ids differ: {ids:?}");
        }
        // Pinned: every export of every store must agree with this one.
        assert_eq!(Event::stable_id(&DocId("0".repeat(32)), 0), PINNED);
    }
    const PINNED: u64 = 4_789_172_996_907_518;

    #[test]
    fn an_agent_of_no_country_is_named_by_its_code() {
        let m = |code: &str, actor: &str| Mention {
            text: "intelligence agents".into(),
            start: 0,
            end: 19,
            code: code.into(),
            actor: actor.into(),
            kind: ActorKind::Group,
            name: String::new().into(),
            role: None,
            sector: Some("SPY".into()),
            affiliation: None,
            confidence: 1.0,
            candidates: Vec::new(),
        };
        assert_eq!(m("SPY", "").actor_ref().actor, "SPY");
        assert_eq!(m("RUSSPY", "RUS").actor_ref().actor, "RUS");
    }

    #[test]
    fn evidence_slices_text() {
        let e = Evidence::from_span("NATO agreed.", Span::new(5, 11));
        assert_eq!(e.text, "agreed".into());
    }
}
