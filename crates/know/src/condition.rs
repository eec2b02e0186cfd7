//! The conditions a provision binds under, and how an answer checks them.
//!
//! ATOP codes a provision's conditions per treaty (`defcoloc`: defence only
//! for attacks in a named location; `defcoadv`: only against a named
//! adversary; ...); the build script writes each as `(ATOP defcoloc)` in the
//! provision's conditions. A curated provision may give the area itself
//! (NATO's Article 6), which makes the location condition checkable.

use serde::Serialize;
use std::fmt;

/// A condition ATOP codes on a provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Only for attacks in (or matters about) a named location.
    Location,
    /// Only against (or about) a named adversary.
    Adversary,
    /// Only in a named conflict.
    Conflict,
    /// Only at a partner's request.
    Request,
    /// Only if the partner did not provoke the attack.
    NotProvoked,
    /// Only if the partner is attacked.
    PartnerAttacked,
    /// Only if a demand is refused.
    Demand,
    /// Only if a number of states join (or the attacker is joined by others).
    Number,
}

impl Condition {
    /// The condition an ATOP variable codes (`defcoloc`, `concoadv`,
    /// `neuconpr`, ...): the part after the three-letter provision prefix.
    pub fn from_atop(var: &str) -> Option<Condition> {
        let suffix = var.get(3..)?;
        Some(match suffix {
            "coloc" => Condition::Location,
            "coadv" => Condition::Adversary,
            "cocon" => Condition::Conflict,
            "coreq" => Condition::Request,
            "conpr" => Condition::NotProvoked,
            "coatt" => Condition::PartnerAttacked,
            "codem" => Condition::Demand,
            "conum" => Condition::Number,
            _ => return None,
        })
    }

    /// Every condition coded as `(ATOP var)` in a provision's conditions text.
    pub fn coded_in(text: &str) -> Vec<Condition> {
        let mut out: Vec<Condition> = text
            .split("(ATOP ")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
            .filter_map(|var| Condition::from_atop(var.trim()))
            .collect();
        out.dedup();
        out
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Condition::Location => "location",
            Condition::Adversary => "adversary",
            Condition::Conflict => "conflict",
            Condition::Request => "request",
            Condition::NotProvoked => "not_provoked",
            Condition::PartnerAttacked => "partner_attacked",
            Condition::Demand => "demand",
            Condition::Number => "number",
        }
    }

    /// What must be true for the provision to bind, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Condition::Location => "the attack must fall in a location the treaty names",
            Condition::Adversary => "it binds only against the adversary the treaty names",
            Condition::Conflict => "it binds only in the conflict the treaty names",
            Condition::Request => "it binds only at the attacked partner's request",
            Condition::NotProvoked => "it binds only if the partner did not provoke the attack",
            Condition::PartnerAttacked => "it binds only if the partner is attacked",
            Condition::Demand => "it binds only if a demand the treaty names is refused",
            Condition::Number => "it binds only if a number of states join",
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a condition held for the question asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// Checked and true: the place lies in the provision's area.
    Held,
    /// Not checkable from the question: the provision binds only if it is
    /// true (a named adversary, a named conflict, a request).
    Depends,
    /// Checkable in principle but the knowledge base lacks the data (ATOP
    /// codes a location condition without the place).
    Unknown,
}

/// One condition of the provision behind an answer, and whether it held.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionCheck {
    pub condition: Condition,
    pub status: CheckStatus,
    pub detail: String,
}

impl ConditionCheck {
    /// A short form for tables: `location held`, `adversary depends`.
    pub fn short(&self) -> String {
        let status = match self.status {
            CheckStatus::Held => "held",
            CheckStatus::Depends => "depends",
            CheckStatus::Unknown => "unknown",
        };
        format!("{} {status}", self.condition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atop_codes_in_conditions_text() {
        let text = "only against a named adversary (ATOP defcoadv); only for attacks in a named location (ATOP defcoloc)";
        assert_eq!(
            Condition::coded_in(text),
            vec![Condition::Adversary, Condition::Location]
        );
        assert_eq!(
            Condition::coded_in("only if the partner is attacked (ATOP neucoatt)"),
            vec![Condition::PartnerAttacked]
        );
        assert!(Condition::coded_in("an armed attack against one is against all").is_empty());
        assert!(Condition::coded_in("(ATOP x)").is_empty());
    }
}
