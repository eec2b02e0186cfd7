//! Organisations, their memberships and their partnerships over time.

use crate::date::{holds, FuzzyDate};
use crate::treaty::Origin;
use chrono::NaiveDate;

/// A state's membership of an organisation for a spell `[since, until)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    pub code: String,
    /// `full`, `associate` or `observer`.
    pub status: String,
    pub since: FuzzyDate,
    pub until: Option<FuzzyDate>,
    pub origin: Origin,
    pub source: String,
}

impl Membership {
    pub fn holds_on(&self, on: NaiveDate) -> bool {
        holds(Some(self.since), self.until, on)
    }
}

/// A state's partnership with an organisation it is not a member of
/// (NATO's Partnership for Peace, partners across the globe, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct Partnership {
    pub code: String,
    /// `Partners across the globe`, `Mediterranean Dialogue`, ...
    pub framework: String,
    /// `Asia-Pacific`, `Gulf`, ...
    pub region: String,
    /// `None` when the source lists the partner without a date.
    pub since: Option<FuzzyDate>,
    pub until: Option<FuzzyDate>,
    pub origin: Origin,
    pub source: String,
}

/// An intergovernmental organisation. When it rests on a treaty (NATO on the
/// North Atlantic Treaty) its members are the treaty's parties; otherwise its
/// memberships are listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// Short id: `NATO`, `PIF`, a COW IGO abbreviation.
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Index of the treaty in the knowledge base.
    pub treaty: Option<usize>,
    pub memberships: Vec<Membership>,
    pub partnerships: Vec<Partnership>,
    pub source: String,
}

impl Organisation {
    pub fn is_named(&self, name: &str) -> bool {
        self.id.eq_ignore_ascii_case(name)
            || self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}
