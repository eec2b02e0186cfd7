//! CAMEO event codes read by their parts instead of sliced by position.

use std::fmt;

/// A CAMEO event code: two to four digits, borrowed from the string that
/// holds it. The first two digits are the root (`19`, fight), the first
/// three the base code (`190`), and a fourth refines the base (`1951`).
///
/// What a code means (quad class, Goldstein score, PLOVER type) is in the
/// coder's table, `entente_code::CodeTable`; this type only reads the code.
///
/// ```
/// use entente_core::CameoCode;
/// let c = CameoCode::parse("0311").unwrap();
/// assert_eq!(c.root(), "03");
/// assert_eq!(c.base(), Some("031"));
/// assert_eq!(CameoCode::parse("19").unwrap().base(), None);
/// assert!(CameoCode::parse("1a0").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CameoCode<'a>(&'a str);

impl<'a> CameoCode<'a> {
    /// The code in `s`, if `s` is two to four ASCII digits.
    pub fn parse(s: &'a str) -> Option<CameoCode<'a>> {
        ((2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then_some(CameoCode(s))
    }

    /// The root of the code in `s` (GDELT `EventRootCode`), if `s` is a code.
    /// Shorthand for the many rules that ask only which root an act has.
    pub fn root_of(s: &'a str) -> Option<&'a str> {
        CameoCode::parse(s).map(|c| c.root())
    }

    /// The code as written.
    pub fn as_str(self) -> &'a str {
        self.0
    }

    /// The two-digit root (GDELT `EventRootCode`): `03` for `0311`.
    pub fn root(self) -> &'a str {
        self.0.get(..2).unwrap_or(self.0)
    }

    /// The three-digit base code (GDELT `EventBaseCode`) when the code has
    /// one: `031` for `0311` and `031`, none for the root `03`.
    pub fn base(self) -> Option<&'a str> {
        self.0.get(..3)
    }

    /// Whether the code is a root alone (`19`).
    pub fn is_root(self) -> bool {
        self.0.len() == 2
    }
}

impl fmt::Display for CameoCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        input: &'static str,
        root: Option<&'static str>,
        base: Option<&'static str>,
    }

    const CASES: &[Case] = &[
        Case {
            input: "0311",
            root: Some("03"),
            base: Some("031"),
        },
        Case {
            input: "190",
            root: Some("19"),
            base: Some("190"),
        },
        Case {
            input: "19",
            root: Some("19"),
            base: None,
        },
        Case {
            input: "1",
            root: None,
            base: None,
        },
        Case {
            input: "",
            root: None,
            base: None,
        },
        Case {
            input: "01234",
            root: None,
            base: None,
        },
        Case {
            input: "1a0",
            root: None,
            base: None,
        },
        Case {
            input: "USAGOV",
            root: None,
            base: None,
        },
        Case {
            input: "١٩٠",
            root: None,
            base: None,
        },
    ];

    #[test]
    fn parts() {
        for c in CASES {
            let code = CameoCode::parse(c.input);
            assert_eq!(code.map(|x| x.root()), c.root, "root of {:?}", c.input);
            assert_eq!(code.and_then(|x| x.base()), c.base, "base of {:?}", c.input);
            assert_eq!(CameoCode::root_of(c.input), c.root, "root_of {:?}", c.input);
            if let Some(x) = code {
                assert_eq!(x.as_str(), c.input);
                assert_eq!(x.to_string(), c.input);
                assert_eq!(x.is_root(), c.base.is_none());
            }
        }
    }
}
