//! CAMEO actor codes read by their parts instead of sliced by position.

use std::fmt;

/// First blocks that name a kind of group, not a state: intergovernmental,
/// non-governmental, multinational, unidentified state actor,
/// international militarised group, non-governmental movement.
const ORG_PREFIXES: &[&str] = &["IGO", "NGO", "MNC", "UIS", "IMG", "NGM"];

/// A CAMEO actor code, borrowed from the string that holds it: three-letter
/// blocks, the first a state (`USA`, `NZL`) or a kind of group (`IGO`,
/// `NGO`, ...), the rest what the actor is within it (`GOV`, `MIL`, or an
/// organisation's own blocks, `WSTNAT` in `IGOWSTNAT`).
///
/// Whether a first block names a state the actor dictionary knows is the
/// dictionary's to say; [`ActorCode::country`] only rules out the group
/// prefixes.
///
/// ```
/// use entente_core::ActorCode;
/// let c = ActorCode::parse("NZLMIL").unwrap();
/// assert_eq!((c.country(), c.sector()), (Some("NZL"), Some("MIL")));
/// let nato = ActorCode::parse("IGOWSTNAT").unwrap();
/// assert_eq!((nato.country(), nato.org_prefix()), (None, Some("IGO")));
/// assert_eq!(nato.sector(), Some("WSTNAT"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActorCode<'a>(&'a str);

impl<'a> ActorCode<'a> {
    /// The code in `s`, if `s` starts with three ASCII letters or digits.
    /// The rest is not checked: dictionaries, gold files and users write
    /// codes the stages only read, and a reader must not refuse them.
    pub fn parse(s: &'a str) -> Option<ActorCode<'a>> {
        s.as_bytes()
            .get(..3)
            .is_some_and(|h| h.iter().all(u8::is_ascii_alphanumeric))
            .then_some(ActorCode(s))
    }

    /// The code as written.
    pub fn as_str(self) -> &'a str {
        self.0
    }

    /// The first three-letter block, whatever it names: `USA` in `USAGOV`,
    /// `IGO` in `IGOWSTNAT`.
    pub fn head(self) -> &'a str {
        self.0.get(..3).unwrap_or(self.0)
    }

    /// The state the code starts with: its first block when that is
    /// upper-case, not a group prefix and not a sector or religion code
    /// (`NZL` in `NZLMIL`; none for `IGOWSTNAT`, nor for `SPY`, the code
    /// of intelligence agents of no named country: see
    /// [`crate::lexicon::role_code`]). The same rule as the store's
    /// `place_country` column falls back on.
    pub fn country(self) -> Option<&'a str> {
        let head = self.head();
        (head.bytes().all(|b| b.is_ascii_uppercase())
            && !ORG_PREFIXES.contains(&head)
            && !crate::lexicon::role_code(head))
        .then_some(head)
    }

    /// The group prefix the code starts with (`IGO`, `NGO`, `MNC`, `UIS`,
    /// `IMG`, `NGM`), if any.
    pub fn org_prefix(self) -> Option<&'a str> {
        let head = self.head();
        ORG_PREFIXES.contains(&head).then_some(head)
    }

    /// What follows the first block, if anything: `GOV` in `USAGOV`,
    /// `WSTNATMIL` in `IGOWSTNATMIL`; none for `USA`.
    pub fn sector(self) -> Option<&'a str> {
        self.0.get(3..).filter(|s| !s.is_empty())
    }

    /// The actor's role: the same as [`ActorCode::sector`].
    pub fn role(self) -> Option<&'a str> {
        self.sector()
    }

    /// Whether both codes start with the same first block.
    pub fn same_head(self, other: ActorCode<'_>) -> bool {
        self.head() == other.head()
    }
}

impl fmt::Display for ActorCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        input: &'static str,
        /// `None` when the input is not a code.
        parts: Option<(
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        )>,
    }

    /// (country, org prefix, sector) of each input.
    const CASES: &[Case] = &[
        Case {
            input: "USAGOV",
            parts: Some((Some("USA"), None, Some("GOV"))),
        },
        Case {
            input: "NZLMIL",
            parts: Some((Some("NZL"), None, Some("MIL"))),
        },
        Case {
            input: "USA",
            parts: Some((Some("USA"), None, None)),
        },
        Case {
            input: "IGOWSTNAT",
            parts: Some((None, Some("IGO"), Some("WSTNAT"))),
        },
        Case {
            input: "NGO",
            parts: Some((None, Some("NGO"), None)),
        },
        Case {
            input: "IMGMUSTAL",
            parts: Some((None, Some("IMG"), Some("MUSTAL"))),
        },
        // Intelligence agents and rebels of no named country.
        Case {
            input: "SPY",
            parts: Some((None, None, None)),
        },
        Case {
            input: "REBMIL",
            parts: Some((None, None, Some("MIL"))),
        },
        Case {
            input: "usagov",
            parts: Some((None, None, Some("gov"))),
        },
        Case {
            input: "US",
            parts: None,
        },
        Case {
            input: "",
            parts: None,
        },
        Case {
            input: "USA GOV",
            parts: Some((Some("USA"), None, Some(" GOV"))),
        },
        Case {
            input: "U.S.",
            parts: None,
        },
        Case {
            input: "ÉTAGOV",
            parts: None,
        },
    ];

    #[test]
    fn parts() {
        for c in CASES {
            let code = ActorCode::parse(c.input);
            let got = code.map(|x| (x.country(), x.org_prefix(), x.sector()));
            assert_eq!(got, c.parts, "parts of {:?}", c.input);
            if let Some(x) = code {
                assert_eq!(x.as_str(), c.input);
                assert_eq!(x.to_string(), c.input);
                assert_eq!(x.role(), x.sector());
                assert_eq!(x.head().len(), 3);
            }
        }
    }

    #[test]
    fn same_head() {
        let a = ActorCode::parse("USAGOV").unwrap();
        assert!(a.same_head(ActorCode::parse("USAMIL").unwrap()));
        assert!(!a.same_head(ActorCode::parse("GBRGOV").unwrap()));
    }
}
