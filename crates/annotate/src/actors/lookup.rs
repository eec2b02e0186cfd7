//! Who a name is on a given day: `entente actor NAME --on DATE`.

use super::dictionary::{ActorDictionary, Role};
use super::matcher::Target;
use super::resolver::ActorResolver;
use chrono::NaiveDate;
use entente_core::ActorKind;
use serde::Serialize;

/// One reading of a name on a date, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorInfo {
    /// Canonical id: ISO code, organisation short name or person's name.
    pub actor: String,
    pub kind: ActorKind,
    pub name: String,
    /// Full CAMEO code on the date; empty when the name held no role then.
    pub code: String,
    /// The role held on the date.
    pub role: Option<String>,
    pub sector: Option<String>,
    pub affiliation: Option<String>,
    /// Every role the sources know, for people; the one held on the date is `current`.
    pub roles: Vec<RoleInfo>,
    /// For a person who held no titled role on the date: the last titled
    /// role that had ended by then ("former prime minister"), else `None`.
    /// An untitled dataset line still open that day (Phoenix's undated
    /// "elite" spells) does not hide an office that ended.
    pub former: Option<RoleInfo>,
    /// Where the reading comes from.
    pub source: String,
}

/// A dated role as the sources give it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleInfo {
    pub code: String,
    pub title: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub source: String,
    pub current: bool,
}

impl ActorDictionary {
    /// Every reading of `name` on `on`: states, organisations and people
    /// with that exact name (or last name), best first. A phrase the
    /// dictionary lacks as one name ("Chinese Foreign Ministry") is resolved
    /// as text instead.
    pub fn lookup(&self, name: &str, on: NaiveDate) -> Vec<ActorInfo> {
        let mut out: Vec<ActorInfo> = Vec::new();
        let mut surnames = Vec::new();
        for e in self.lexicon.entries_of(name) {
            match e.target {
                Target::State { idx, capital } => {
                    let s = &self.states[idx as usize];
                    // "Pristina" in 1999: a city of a state not yet formed,
                    // in the state it was then part of.
                    let older = s
                        .part_of
                        .filter(|_| capital && s.from.is_some_and(|f| on < f))
                        .and_then(|o| self.states.get(o as usize));
                    if let Some(o) = older {
                        out.push(ActorInfo {
                            actor: o.iso3.clone(),
                            kind: ActorKind::State,
                            name: o.name.clone(),
                            code: o.iso3.clone(),
                            role: None,
                            sector: None,
                            affiliation: None,
                            roles: Vec::new(),
                            former: None,
                            source: format!("place (in {} before {})", o.name, s.name),
                        });
                        continue;
                    }
                    out.push(ActorInfo {
                        actor: s.iso3.clone(),
                        kind: ActorKind::State,
                        name: s.name.clone(),
                        code: if capital {
                            format!("{}GOV", s.iso3)
                        } else {
                            s.iso3.clone()
                        },
                        role: None,
                        sector: capital.then(|| "GOV".to_string()),
                        affiliation: None,
                        roles: Vec::new(),
                        former: None,
                        source: if capital {
                            "capital".into()
                        } else {
                            "state name".into()
                        },
                    });
                }
                Target::Org { idx } => {
                    let o = &self.orgs[idx as usize];
                    let (affiliation, sector) = if o.kind == ActorKind::State {
                        self.split_code(&o.code)
                    } else {
                        (None, None)
                    };
                    out.push(ActorInfo {
                        actor: o.actor.clone(),
                        kind: o.kind,
                        name: o.name.clone(),
                        code: o.code.clone(),
                        role: None,
                        sector,
                        affiliation,
                        roles: Vec::new(),
                        former: None,
                        source: "organisation".into(),
                    });
                }
                Target::Person { idx } => out.push(self.person_info(idx, on)),
                Target::Surname { idx } => surnames.push(idx),
                Target::Place { idx } => {
                    let p = &self.places[idx as usize];
                    let name = self
                        .state(&p.iso3)
                        .map_or_else(String::new, |s| s.name.clone());
                    out.push(ActorInfo {
                        actor: p.iso3.clone(),
                        kind: ActorKind::State,
                        name,
                        code: p.iso3.clone(),
                        role: None,
                        sector: None,
                        affiliation: None,
                        roles: Vec::new(),
                        former: None,
                        source: format!("place ({:.2}, {:.2})", p.lat, p.lon),
                    });
                }
                Target::Agent { sector } => out.push(ActorInfo {
                    actor: String::new(),
                    kind: ActorKind::Group,
                    name: name.to_string(),
                    code: self.sectors[sector as usize].clone(),
                    role: None,
                    sector: Some(self.sectors[sector as usize].clone()),
                    affiliation: None,
                    roles: Vec::new(),
                    former: None,
                    source: "sector word".into(),
                }),
            }
        }
        // Last names: the people holding a role that day first.
        let mut people: Vec<ActorInfo> =
            surnames.iter().map(|&i| self.person_info(i, on)).collect();
        people.sort_by_key(|p| p.code.is_empty());
        if people.iter().any(|p| !p.code.is_empty()) {
            people.retain(|p| !p.code.is_empty());
        }
        out.extend(people);
        if let Some(&i) = self.person_index.get(&super::dictionary::name_key(name)) {
            if !out
                .iter()
                .any(|a| a.kind == ActorKind::Person && a.name == self.people[i as usize].name)
            {
                out.insert(0, self.person_info(i, on));
            }
        }
        if out.is_empty() {
            for m in ActorResolver::new(self).find_mentions(name, Some(on)) {
                out.push(ActorInfo {
                    actor: m.actor.to_string(),
                    kind: m.kind,
                    name: m.name.to_string(),
                    code: m.code.to_string(),
                    role: m.role.map(Into::into),
                    sector: m.sector.map(Into::into),
                    affiliation: m.affiliation.map(Into::into),
                    roles: Vec::new(),
                    former: None,
                    source: "resolved as text".into(),
                });
            }
        }
        out
    }

    fn person_info(&self, idx: u32, on: NaiveDate) -> ActorInfo {
        let p = &self.people[idx as usize];
        let current = p.role_on(on);
        let (affiliation, sector) = current
            .map(|r| self.split_code(&r.code))
            .unwrap_or((None, None));
        let info = |r: &Role| RoleInfo {
            code: r.code.clone(),
            title: r.title.clone(),
            from: r.from,
            to: r.to,
            source: r.source.clone(),
            current: current == Some(r),
        };
        ActorInfo {
            actor: p.name.clone(),
            kind: ActorKind::Person,
            name: p.name.clone(),
            code: current.map(|r| r.code.clone()).unwrap_or_default(),
            role: current.and_then(|r| r.title.clone()),
            sector,
            affiliation,
            roles: p.roles.iter().map(info).collect(),
            former: match current {
                Some(r) if r.title.is_some() => None,
                _ => p
                    .roles
                    .iter()
                    .filter(|r| r.title.is_some() && r.to.is_some_and(|t| t <= on))
                    // At a tie the office's own title, not REIGN's "leader".
                    .max_by_key(|r| (r.to, r.title.as_deref() != Some("leader")))
                    .map(info),
            },
            source: current.map(|r| r.source.clone()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    /// A capital of a state not yet formed is a place of the state it was in.
    #[test]
    fn a_capital_before_independence_is_the_older_states_place() {
        let d = ActorDictionary::embedded();
        let r = d.lookup("Pristina", day("1999-01-01"));
        assert_eq!(
            (r[0].code.as_str(), r[0].sector.as_deref()),
            ("SRB", None),
            "{r:?}"
        );
        let r = d.lookup("Pristina", day("2010-01-01"));
        assert_eq!(r[0].code, "XKXGOV", "{r:?}");
        let r = d.lookup("Juba", day("2005-01-01"));
        assert_eq!(r[0].code, "SDN", "{r:?}");
    }

    #[test]
    fn an_ended_term_is_named_former() {
        let d = ActorDictionary::embedded();
        let r = d.lookup("Jacinda Ardern", day("2024-01-01"));
        assert_eq!(r[0].code, "");
        let former = r[0].former.as_ref().expect("Ardern's ended term");
        assert_eq!(former.code, "NZLGOV");
        assert_eq!(former.title.as_deref(), Some("prime minister"));
        assert_eq!(former.to, Some(day("2023-01-25")));
        assert!(!former.current);
        // In office: no former role is given.
        let r = d.lookup("Jacinda Ardern", day("2020-01-01"));
        assert_eq!(r[0].code, "NZLGOV");
        assert!(r[0].former.is_none());
    }

    /// Su Tseng-chang has an undated Phoenix "elite" line (TWNELI) that
    /// covers every day; his premiership, ended 31 January 2023, is still
    /// named former.
    #[test]
    fn an_untitled_open_line_does_not_hide_an_ended_office() {
        let d = ActorDictionary::embedded();
        let r = d.lookup("Su Tseng-chang", day("2024-01-01"));
        assert!(r[0].role.is_none(), "{r:?}");
        let former = r[0].former.as_ref().expect("Su's ended premiership");
        assert_eq!(former.code, "TWNGOV");
        assert_eq!(former.title.as_deref(), Some("premier"));
        assert_eq!(former.to, Some(day("2023-01-31")));
        // In office: the premiership is the role, no former one.
        let r = d.lookup("Su Tseng-chang", day("2022-01-01"));
        assert_eq!(r[0].role.as_deref(), Some("premier"));
        assert!(r[0].former.is_none());
    }

    #[test]
    fn stoltenberg_is_nato_in_2022_and_norway_in_2010() {
        let d = ActorDictionary::embedded();
        let r = d.lookup("Jens Stoltenberg", day("2022-04-08"));
        assert_eq!(r[0].code, "IGOWSTNAT");
        assert_eq!(r[0].affiliation.as_deref(), Some("NATO"));
        let r = d.lookup("Jens Stoltenberg", day("2010-01-01"));
        assert!(
            r[0].code.starts_with("NOR"),
            "help: REIGN/Phoenix give his Norwegian spells: {r:?}"
        );
    }

    #[test]
    fn surname_and_phrase_lookup() {
        let d = ActorDictionary::embedded();
        let r = d.lookup("Ardern", day("2022-04-08"));
        assert_eq!(r[0].actor, "Jacinda Ardern");
        let r = d.lookup("Chinese Foreign Ministry", day("2022-04-08"));
        assert_eq!(r[0].code, "CHNGOV");
    }
}
