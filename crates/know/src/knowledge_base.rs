//! The knowledge base: loading the generated data and finding things in it.

use crate::date::FuzzyDate;
use crate::error::{KnowError, Result};
use crate::organisation::{Membership, Organisation, Partnership};
use crate::place::{Area, Place};
use crate::treaty::{
    DateBasis, Obligations, Origin, Party, Provision, ProvisionKind, Suspension, Treaty,
};
use crate::update::Recognition;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A state as the knowledge base names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// ISO 3166-1 alpha-3, or `COW-XXX` for a state with no ISO code (Bavaria).
    pub code: String,
    pub name: String,
    /// UN M49 region and sub-region (`Europe`, `Western Europe`).
    pub region: String,
    pub subregion: String,
}

/// The text of each generated data file, as `scripts/build_alliances.py` writes them.
#[derive(Debug, Clone, Copy)]
pub struct DataFiles<'a> {
    pub states: &'a str,
    pub treaties: &'a str,
    pub provisions: &'a str,
    pub parties: &'a str,
    pub suspensions: &'a str,
    pub orgs: &'a str,
    pub memberships: &'a str,
    pub partners: &'a str,
    pub places: &'a str,
}

impl DataFiles<'static> {
    /// The data compiled into the crate.
    pub fn embedded() -> DataFiles<'static> {
        DataFiles {
            states: include_str!("../data/states.tsv"),
            treaties: include_str!("../data/treaties.tsv"),
            provisions: include_str!("../data/provisions.tsv"),
            parties: include_str!("../data/parties.tsv"),
            suspensions: include_str!("../data/suspensions.tsv"),
            orgs: include_str!("../data/orgs.tsv"),
            memberships: include_str!("../data/memberships.tsv"),
            partners: include_str!("../data/partners.tsv"),
            places: include_str!("../data/places.tsv"),
        }
    }
}

/// Treaties, organisations, states and places, with the indexes the queries use.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    pub(crate) states: Vec<State>,
    pub(crate) treaties: Vec<Treaty>,
    pub(crate) organisations: Vec<Organisation>,
    pub(crate) places: Vec<Place>,
    pub(crate) recognitions: Vec<Recognition>,
    state_index: HashMap<String, usize>,
    treaty_index: HashMap<String, usize>,
    org_index: HashMap<String, usize>,
    place_index: HashMap<String, usize>,
    /// Treaties each state has ever been party to.
    pub(crate) treaties_of: HashMap<String, Vec<usize>>,
}

static EMBEDDED: OnceLock<std::result::Result<KnowledgeBase, KnowError>> = OnceLock::new();

/// One tab-separated line with its position, for error messages.
struct Row<'a> {
    file: &'static str,
    line: usize,
    cols: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn err(&self, message: impl Into<String>) -> KnowError {
        KnowError::Data {
            file: self.file.to_string(),
            line: self.line,
            message: message.into(),
        }
    }

    fn col(&self, i: usize) -> &'a str {
        self.cols.get(i).copied().unwrap_or("")
    }

    fn opt(&self, i: usize) -> Option<String> {
        let s = self.col(i);
        (!s.is_empty()).then(|| s.to_string())
    }

    fn date(&self, i: usize) -> Result<Option<FuzzyDate>> {
        let s = self.col(i);
        if s.is_empty() {
            return Ok(None);
        }
        FuzzyDate::parse(s)
            .map(Some)
            .ok_or_else(|| self.err(format!("column {}: bad date {s:?}", i + 1)))
    }

    fn required_date(&self, i: usize) -> Result<FuzzyDate> {
        self.date(i)?
            .ok_or_else(|| self.err(format!("column {}: a date is required", i + 1)))
    }

    fn origin(&self, i: usize) -> Result<Origin> {
        Origin::parse(self.col(i)).ok_or_else(|| {
            self.err(format!(
                "column {}: origin {:?} is not dataset, curated or news",
                i + 1,
                self.col(i)
            ))
        })
    }

    fn list(&self, i: usize) -> Vec<String> {
        self.col(i)
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }
}

fn rows<'a>(
    file: &'static str,
    text: &'a str,
    columns: usize,
) -> impl Iterator<Item = Result<Row<'a>>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(move |(i, l)| {
            let row = Row {
                file,
                line: i + 1,
                cols: l.split('\t').collect(),
            };
            if row.cols.len() == columns {
                Ok(row)
            } else {
                Err(row.err(format!(
                    "expected {columns} tab-separated columns, found {}",
                    row.cols.len()
                )))
            }
        })
}

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

impl KnowledgeBase {
    /// The knowledge base of the embedded data, parsed once per process.
    pub fn embedded() -> Result<&'static KnowledgeBase> {
        EMBEDDED
            .get_or_init(|| KnowledgeBase::parse(DataFiles::embedded()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// An owned copy of the embedded knowledge base, to apply updates to.
    pub fn load() -> Result<KnowledgeBase> {
        KnowledgeBase::embedded().cloned()
    }

    /// Parses the generated data files.
    pub fn parse(files: DataFiles<'_>) -> Result<KnowledgeBase> {
        let mut kb = KnowledgeBase {
            states: Vec::new(),
            treaties: Vec::new(),
            organisations: Vec::new(),
            places: Vec::new(),
            recognitions: Vec::new(),
            state_index: HashMap::new(),
            treaty_index: HashMap::new(),
            org_index: HashMap::new(),
            place_index: HashMap::new(),
            treaties_of: HashMap::new(),
        };
        for row in rows("states.tsv", files.states, 4) {
            let r = row?;
            kb.states.push(State {
                code: r.col(0).to_string(),
                name: r.col(1).to_string(),
                region: r.col(2).to_string(),
                subregion: r.col(3).to_string(),
            });
        }
        for row in rows("treaties.tsv", files.treaties, 10) {
            let r = row?;
            kb.treaties.push(Treaty {
                id: r.col(0).to_string(),
                name: r.col(1).to_string(),
                aliases: r.list(2),
                signed: r.date(3)?,
                in_force: r.date(4)?,
                ended: r.date(5)?,
                end_reason: r.opt(6),
                name_generated: match r.col(7) {
                    "" => false,
                    "generated" => true,
                    other => {
                        return Err(r.err(format!(
                            "column 8: name basis {other:?} is not \"generated\" or empty"
                        )))
                    }
                },
                provisions: Vec::new(),
                parties: Vec::new(),
                suspensions: Vec::new(),
                origin: r.origin(8)?,
                source: r.col(9).to_string(),
            });
        }
        let ids: HashMap<String, usize> = kb
            .treaties
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        let treaty_of = |r: &Row<'_>| {
            ids.get(r.col(0))
                .copied()
                .ok_or_else(|| r.err(format!("unknown treaty id {:?}", r.col(0))))
        };
        for row in rows("provisions.tsv", files.provisions, 7) {
            let r = row?;
            let t = treaty_of(&r)?;
            let kind = ProvisionKind::parse(r.col(1))
                .ok_or_else(|| r.err(format!("unknown provision kind {:?}", r.col(1))))?;
            kb.treaties[t].provisions.push(Provision {
                kind,
                article: r.opt(2),
                area: Area::parse(r.col(3)),
                conditions: r.col(4).to_string(),
                origin: r.origin(5)?,
                source: r.col(6).to_string(),
            });
        }
        for row in rows("parties.tsv", files.parties, 10) {
            let r = row?;
            let t = treaty_of(&r)?;
            let basis = DateBasis::parse(r.col(3))
                .ok_or_else(|| r.err(format!("unknown date basis {:?}", r.col(3))))?;
            let obligations = Obligations::parse(r.col(6)).ok_or_else(|| {
                r.err(format!(
                    "bad obligations {:?}: letters among d o n a c",
                    r.col(6)
                ))
            })?;
            kb.treaties[t].parties.push(Party {
                code: r.col(1).to_string(),
                from: r.required_date(2)?,
                basis,
                signed: r.date(4)?,
                until: r.date(5)?,
                obligations,
                group: match r.col(7) {
                    "" => None,
                    g => Some(
                        g.parse()
                            .map_err(|_| r.err(format!("column 8: bad group {g:?}")))?,
                    ),
                },
                origin: r.origin(8)?,
                source: r.col(9).to_string(),
            });
        }
        for row in rows("suspensions.tsv", files.suspensions, 7) {
            let r = row?;
            let t = treaty_of(&r)?;
            kb.treaties[t].suspensions.push(Suspension {
                obligor: r.col(1).to_string(),
                beneficiary: r.col(2).to_string(),
                from: r.required_date(3)?,
                until: r.date(4)?,
                origin: r.origin(5)?,
                source: r.col(6).to_string(),
            });
        }
        for row in rows("orgs.tsv", files.orgs, 5) {
            let r = row?;
            let treaty = match r.col(3) {
                "" => None,
                _ => Some(treaty_of(&Row {
                    file: r.file,
                    line: r.line,
                    cols: vec![r.col(3)],
                })?),
            };
            kb.organisations.push(Organisation {
                id: r.col(0).to_string(),
                name: r.col(1).to_string(),
                aliases: r.list(2),
                treaty,
                memberships: Vec::new(),
                partnerships: Vec::new(),
                source: r.col(4).to_string(),
            });
        }
        let org_ids: HashMap<String, usize> = kb
            .organisations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        let org_of = |r: &Row<'_>| {
            org_ids
                .get(r.col(0))
                .copied()
                .ok_or_else(|| r.err(format!("unknown organisation id {:?}", r.col(0))))
        };
        for row in rows("memberships.tsv", files.memberships, 7) {
            let r = row?;
            let o = org_of(&r)?;
            kb.organisations[o].memberships.push(Membership {
                code: r.col(1).to_string(),
                status: r.col(2).to_string(),
                since: r.required_date(3)?,
                until: r.date(4)?,
                origin: r.origin(5)?,
                source: r.col(6).to_string(),
            });
        }
        for row in rows("partners.tsv", files.partners, 8) {
            let r = row?;
            let o = org_of(&r)?;
            kb.organisations[o].partnerships.push(Partnership {
                code: r.col(1).to_string(),
                framework: r.col(2).to_string(),
                region: r.col(3).to_string(),
                since: r.date(4)?,
                until: r.date(5)?,
                origin: r.origin(6)?,
                source: r.col(7).to_string(),
            });
        }
        for row in rows("places.tsv", files.places, 6) {
            let r = row?;
            let admin = r.col(2).to_string();
            let mut tags = r.list(3);
            tags.push(format!("admin:{admin}"));
            kb.places.push(Place {
                name: r.col(0).to_string(),
                aliases: r.list(1),
                administered_by: admin,
                tags,
                source: r.col(5).to_string(),
            });
        }
        let homes: Vec<Place> = kb
            .states
            .iter()
            .map(|s| Place::home_territory(&s.code, &s.name, &s.region, &s.subregion))
            .collect();
        kb.places.extend(homes);
        kb.reindex();
        Ok(kb)
    }

    /// Rebuilds the name indexes and the treaties-of-state index.
    pub(crate) fn reindex(&mut self) {
        self.state_index.clear();
        for (i, s) in self.states.iter().enumerate() {
            self.state_index.entry(key(&s.code)).or_insert(i);
            self.state_index.entry(key(&s.name)).or_insert(i);
        }
        self.treaty_index.clear();
        for (i, t) in self.treaties.iter().enumerate() {
            for name in std::iter::once(&t.id).chain([&t.name]).chain(&t.aliases) {
                self.treaty_index.entry(key(name)).or_insert(i);
            }
        }
        self.org_index.clear();
        // Curated organisations (with aliases) first, so "NATO" finds the curated entry.
        let mut order: Vec<usize> = (0..self.organisations.len()).collect();
        order.sort_by_key(|&i| self.organisations[i].aliases.is_empty());
        for i in order {
            let o = &self.organisations[i];
            for name in std::iter::once(&o.id).chain([&o.name]).chain(&o.aliases) {
                self.org_index.entry(key(name)).or_insert(i);
            }
        }
        self.place_index.clear();
        for (i, p) in self.places.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                self.place_index.entry(key(name)).or_insert(i);
            }
        }
        self.treaties_of.clear();
        for (i, t) in self.treaties.iter().enumerate() {
            for p in &t.parties {
                let list = self.treaties_of.entry(p.code.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }

    /// A state by ISO code or name, any case.
    pub fn state(&self, name: &str) -> Result<&State> {
        self.state_index
            .get(&key(name))
            .map(|&i| &self.states[i])
            .ok_or_else(|| KnowError::UnknownState(name.to_string()))
    }

    /// The name of a state code, or the code itself when unknown.
    pub fn state_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.state_index
            .get(&key(code))
            .map(|&i| self.states[i].name.as_str())
            .unwrap_or(code)
    }

    /// A treaty by id, name or alias; an organisation's name finds its treaty.
    pub fn treaty(&self, name: &str) -> Result<&Treaty> {
        self.treaty_index(name).map(|i| &self.treaties[i])
    }

    pub(crate) fn treaty_index(&self, name: &str) -> Result<usize> {
        if let Some(&i) = self.treaty_index.get(&key(name)) {
            return Ok(i);
        }
        self.org_index
            .get(&key(name))
            .and_then(|&o| self.organisations[o].treaty)
            .ok_or_else(|| KnowError::UnknownTreaty(name.to_string()))
    }

    /// An organisation by abbreviation or name, any case.
    pub fn organisation(&self, name: &str) -> Result<&Organisation> {
        self.organisation_index(name)
            .map(|i| &self.organisations[i])
    }

    pub(crate) fn organisation_index(&self, name: &str) -> Result<usize> {
        self.org_index
            .get(&key(name))
            .copied()
            .ok_or_else(|| KnowError::UnknownOrganisation(name.to_string()))
    }

    /// A place by name or alias; a state's name or code finds its home territory.
    pub fn place(&self, name: &str) -> Result<&Place> {
        self.place_index
            .get(&key(name))
            .map(|&i| &self.places[i])
            .ok_or_else(|| KnowError::UnknownPlace(name.to_string()))
    }

    pub fn treaties(&self) -> &[Treaty] {
        &self.treaties
    }

    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    pub fn states(&self) -> &[State] {
        &self.states
    }

    /// Recognitions accepted from the news.
    pub fn recognitions(&self) -> &[Recognition] {
        &self.recognitions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> DataFiles<'static> {
        DataFiles {
            states: "BEL\tBelgium\tEurope\tWestern Europe\nUSA\tUnited States\tAmericas\tNorthern America\n",
            treaties: "t1\tTest Treaty\tTT\t1949-04-04\t1949-08-24\t\t\t\tcurated\tx\n",
            provisions: "t1\tdefence\tArticle 5\tregion:Europe\tif attacked\tcurated\tx\n",
            parties: "t1\tBEL\t1949-08-24\tin_force\t1949-04-04\t\tdc\t\tdataset\ty\n\
                      t1\tUSA\t1949-08-24\tin_force\t\t\tdc\t\tdataset\ty\n",
            suspensions: "",
            orgs: "TTO\tTest Treaty Organisation\tTTO\tt1\tx\n",
            memberships: "",
            partners: "",
            places: "Hawaii\t\tUSA\tregion:Oceania\tcurated\tz\n",
        }
    }

    #[test]
    fn parses_and_indexes() {
        let kb = KnowledgeBase::parse(tiny()).unwrap();
        assert_eq!(kb.state("belgium").unwrap().code, "BEL");
        assert_eq!(kb.treaty("tt").unwrap().id, "t1");
        assert_eq!(
            kb.treaty("TTO").unwrap().id,
            "t1",
            "an organisation names its treaty"
        );
        assert_eq!(kb.place("hawaii").unwrap().administered_by, "USA");
        assert_eq!(kb.place("BEL").unwrap().name, "Belgium");
        assert!(matches!(
            kb.state("Atlantis"),
            Err(KnowError::UnknownState(_))
        ));
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut files = tiny();
        files.parties = "t1\tBEL\t1949-08-24\tin_force\t\t\tdc\t\tdataset\ty\nt1\tUSA\tnot-a-date\tin_force\t\t\tdc\t\tdataset\ty\n";
        let err = KnowledgeBase::parse(files).unwrap_err();
        assert_eq!(
            err.to_string(),
            "parties.tsv:2: column 3: bad date \"not-a-date\""
        );
        files.parties = "t1\tBEL\n";
        let err = KnowledgeBase::parse(files).unwrap_err().to_string();
        assert!(err.starts_with("parties.tsv:1: expected 10"), "{err}");
        files.parties = "t9\tBEL\t1949\tin_force\t\t\tdc\t\tdataset\ty\n";
        let err = KnowledgeBase::parse(files).unwrap_err().to_string();
        assert!(err.contains("unknown treaty id \"t9\""), "{err}");
    }
}
