//! Treaties, their provisions, and the parties bound by them over time.

use crate::date::{holds, FuzzyDate};
use crate::place::Area;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a fact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Imported from a public dataset (ATOP, COW, the Factbook, NATO's list).
    Dataset,
    /// A reviewed line of `curated.tsv`.
    Curated,
    /// A news report accepted through [`crate::KnowledgeUpdate`].
    News,
}

impl Origin {
    pub(crate) fn parse(s: &str) -> Option<Origin> {
        match s {
            "dataset" => Some(Origin::Dataset),
            "curated" => Some(Origin::Curated),
            "news" => Some(Origin::News),
            _ => None,
        }
    }
}

/// What a provision binds a party to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionKind {
    /// Come to the defence of a party that is attacked.
    Defence,
    /// Join a party's offensive war.
    Offence,
    /// Stay neutral when a party is at war.
    Neutrality,
    /// Not attack the other parties.
    NonAggression,
    /// Consult when a party is threatened.
    Consultation,
}

impl ProvisionKind {
    pub const ALL: [ProvisionKind; 5] = [
        ProvisionKind::Defence,
        ProvisionKind::Offence,
        ProvisionKind::Neutrality,
        ProvisionKind::NonAggression,
        ProvisionKind::Consultation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProvisionKind::Defence => "defence",
            ProvisionKind::Offence => "offence",
            ProvisionKind::Neutrality => "neutrality",
            ProvisionKind::NonAggression => "non_aggression",
            ProvisionKind::Consultation => "consultation",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<ProvisionKind> {
        ProvisionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub(crate) fn letter(self) -> char {
        match self {
            ProvisionKind::Defence => 'd',
            ProvisionKind::Offence => 'o',
            ProvisionKind::Neutrality => 'n',
            ProvisionKind::NonAggression => 'a',
            ProvisionKind::Consultation => 'c',
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for ProvisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The set of obligations a party bears: `dac` is defence, non-aggression
/// and consultation, as ATOP codes them per member.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Obligations(u8);

impl Obligations {
    /// Parses letters among `d o n a c`; `None` on any other letter.
    pub fn parse(letters: &str) -> Option<Obligations> {
        let mut bits = 0;
        for ch in letters.chars() {
            let k = ProvisionKind::ALL.into_iter().find(|k| k.letter() == ch)?;
            bits |= k.bit();
        }
        Some(Obligations(bits))
    }

    pub fn contains(self, kind: ProvisionKind) -> bool {
        self.0 & kind.bit() != 0
    }

    pub fn kinds(self) -> impl Iterator<Item = ProvisionKind> {
        ProvisionKind::ALL
            .into_iter()
            .filter(move |k| self.contains(*k))
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl fmt::Display for Obligations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for k in self.kinds() {
            write!(f, "{}", k.letter())?;
        }
        Ok(())
    }
}

/// One clause of a treaty: what it binds parties to, where, on what conditions.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    pub kind: ProvisionKind,
    /// `Article 5`; `None` when the source does not say (ATOP codes no articles).
    pub article: Option<String>,
    /// Where the provision applies; `None` for anywhere.
    pub area: Option<Area>,
    pub conditions: String,
    pub origin: Origin,
    pub source: String,
}

/// Which date a party's start is: entry into force, signature (ATOP's member
/// dates), or the start of a new phase of the same membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    InForce,
    Signature,
    Phase,
    /// The date a news report gave.
    Reported,
    /// A successor state's independence: the treaty bound it from then,
    /// though it was signed for it earlier (ATOP codes the Soviet republics'
    /// 1990–91 treaties from their signature).
    Independence,
}

impl DateBasis {
    pub(crate) fn parse(s: &str) -> Option<DateBasis> {
        match s {
            "in_force" => Some(DateBasis::InForce),
            "signature" => Some(DateBasis::Signature),
            "phase" => Some(DateBasis::Phase),
            "reported" => Some(DateBasis::Reported),
            "independence" => Some(DateBasis::Independence),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::InForce => "entry into force",
            DateBasis::Signature => "signature",
            DateBasis::Phase => "new phase",
            DateBasis::Reported => "reported",
            DateBasis::Independence => "independence",
        }
    }
}

/// A state bound by a treaty for a spell `[from, until)`, with the
/// obligations it bears in that spell. Several spells of one state follow one
/// another when its obligations changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub code: String,
    pub from: FuzzyDate,
    pub basis: DateBasis,
    /// The signature date, when a source gives one besides `from`.
    pub signed: Option<FuzzyDate>,
    pub until: Option<FuzzyDate>,
    pub obligations: Obligations,
    /// For a treaty ATOP codes as parallel bilateral phases (one per
    /// successor state), the phase: the party is bound only to parties of
    /// the same group. `None`: bound to every party.
    pub group: Option<u16>,
    pub origin: Origin,
    pub source: String,
}

impl Party {
    pub fn holds_on(&self, on: NaiveDate) -> bool {
        holds(Some(self.from), self.until, on)
    }

    /// Whether the two spells bind their states to each other.
    pub fn bound_with(&self, other: &Party) -> bool {
        match (self.group, other.group) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

/// Obligations of `obligor` towards `beneficiary` suspended for a spell
/// (the US towards New Zealand under ANZUS from 1986).
#[derive(Debug, Clone, PartialEq)]
pub struct Suspension {
    pub obligor: String,
    pub beneficiary: String,
    pub from: FuzzyDate,
    pub until: Option<FuzzyDate>,
    pub origin: Origin,
    pub source: String,
}

/// A treaty: its dates, its provisions and its parties over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Treaty {
    /// `atop:3180` for treaties from ATOP, a curated id otherwise (`AUKUS`).
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub signed: Option<FuzzyDate>,
    pub in_force: Option<FuzzyDate>,
    pub ended: Option<FuzzyDate>,
    /// Why it ended, where a source says: denounced, expired, superseded, a
    /// party ceased to exist.
    pub end_reason: Option<String>,
    /// Whether `name` was made up from the parties and the year ("Russia–Ukraine
    /// treaty of 1997") because no source names the treaty.
    pub name_generated: bool,
    pub provisions: Vec<Provision>,
    pub parties: Vec<Party>,
    pub suspensions: Vec<Suspension>,
    pub origin: Origin,
    pub source: String,
}

impl Treaty {
    /// Whether the treaty is in force on `on`: signed (or in force) and not ended.
    pub fn in_force_on(&self, on: NaiveDate) -> bool {
        holds(self.in_force.or(self.signed), self.ended, on)
    }

    /// The spell of `code` that holds on `on`.
    pub fn party_on(&self, code: &str, on: NaiveDate) -> Option<&Party> {
        self.parties
            .iter()
            .find(|p| p.code == code && p.holds_on(on))
    }

    pub fn provision(&self, kind: ProvisionKind) -> Option<&Provision> {
        self.provisions.iter().find(|p| p.kind == kind)
    }

    /// Whether `obligor`'s obligations towards `beneficiary` are suspended on `on`.
    pub fn suspended(&self, obligor: &str, beneficiary: &str, on: NaiveDate) -> bool {
        self.suspensions.iter().any(|s| {
            s.obligor == obligor && s.beneficiary == beneficiary && holds(Some(s.from), s.until, on)
        })
    }

    /// The obligations most current parties bear: what a new party takes on.
    pub fn standard_obligations(&self) -> Obligations {
        let mut counts: Vec<(Obligations, usize)> = Vec::new();
        for p in self.parties.iter().filter(|p| p.until.is_none()) {
            match counts.iter_mut().find(|(o, _)| *o == p.obligations) {
                Some((_, n)) => *n += 1,
                None => counts.push((p.obligations, 1)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(o, _)| o)
            .unwrap_or_default()
    }

    /// Whether `name` is this treaty's id, name or one of its aliases (any case).
    pub fn is_named(&self, name: &str) -> bool {
        self.id.eq_ignore_ascii_case(name)
            || self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obligations_round_trip() {
        let o = Obligations::parse("dac").unwrap();
        assert!(o.contains(ProvisionKind::Defence));
        assert!(!o.contains(ProvisionKind::Offence));
        assert_eq!(o.to_string(), "dac");
        assert!(Obligations::parse("dx").is_none());
        assert!(Obligations::parse("").unwrap().is_empty());
    }

    #[test]
    fn kinds_parse_their_names() {
        for k in ProvisionKind::ALL {
            assert_eq!(ProvisionKind::parse(k.as_str()), Some(k));
        }
    }
}
