//! The questions the knowledge base answers, and their serialisable answers.

use crate::condition::{CheckStatus, Condition, ConditionCheck};
use crate::date::{holds, FuzzyDate};
use crate::error::Result;
use crate::knowledge_base::KnowledgeBase;
use crate::organisation::Partnership;
use crate::place::Place;
use crate::source::expand;
use crate::treaty::{Party, Provision, ProvisionKind, Treaty};
use chrono::NaiveDate;
use serde::Serialize;

/// Members of an organisation on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MembersAnswer {
    pub organisation: String,
    pub on: NaiveDate,
    pub members: Vec<Member>,
}

/// One member: `since` is the start of the membership that holds on the
/// date asked (entry into force where known).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    pub code: String,
    pub name: String,
    pub since: FuzzyDate,
}

/// Who is bound to act if a state is attacked on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObligationsAnswer {
    pub attacked: String,
    pub on: NaiveDate,
    /// The place attacked, when the question names one.
    #[serde(rename = "where", skip_serializing_if = "Option::is_none")]
    pub where_: Option<String>,
    /// One entry per treaty and state bound by it.
    pub obligated: Vec<Obligated>,
    /// Every state bound under any of those treaties, once each, sorted: the
    /// answer to "who must come to its defence" when no treaty is named.
    pub states: Vec<String>,
    /// Provisions that would bind but whose area excludes the place attacked.
    pub excluded: Vec<Excluded>,
}

/// A state bound under one treaty, with the strongest provision binding it:
/// `defence`, else `neutrality`, else `consultation`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Obligated {
    pub code: String,
    pub name: String,
    pub treaty: String,
    pub provision: ProvisionKind,
    pub article: Option<String>,
    pub conditions: String,
    /// Each condition of the provision and whether it held for the question:
    /// `held` (the place lies in the provision's area), `depends` (it binds
    /// only if the attacker is the adversary the treaty names, ...), or
    /// `unknown` (ATOP codes a named location the knowledge base lacks).
    /// Empty when the provision binds unconditionally.
    pub condition_checks: Vec<ConditionCheck>,
    /// The dataset or curated line for the provision and for the party,
    /// with the date of the party's entry that the answer used.
    pub source: String,
}

/// A provision whose area does not cover the place attacked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    pub treaty: String,
    pub provision: ProvisionKind,
    pub article: Option<String>,
    pub place: String,
    pub reason: String,
    pub source: String,
}

/// An organisation's partners (states that cooperate without membership).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnersAnswer {
    pub organisation: String,
    /// The date asked; `None` for the current partners (those not ended).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    pub partners: Vec<Partner>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    pub code: String,
    pub name: String,
    pub region: String,
    pub since: Option<FuzzyDate>,
    /// `Partnership for Peace`, `Mediterranean Dialogue`, ...
    pub framework: String,
    /// The first day the partnership no longer held (suspended or ended), if
    /// it has ended.
    pub until: Option<FuzzyDate>,
}

/// Treaties binding two states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreatiesAnswer {
    pub a: String,
    pub b: String,
    pub on: Option<NaiveDate>,
    pub treaties: Vec<TreatyBetween>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreatyBetween {
    pub id: String,
    pub treaty: String,
    pub signed: Option<FuzzyDate>,
    pub in_force: Option<FuzzyDate>,
    pub ended: Option<FuzzyDate>,
    /// Why it ended, where a source says (expired, denounced, superseded, ...).
    pub end_reason: Option<String>,
    /// Since when the treaty binds the two states together: the later of
    /// their entries (a successor state's own accession, not the treaty's
    /// date), on the date asked or, asked for no date, first.
    pub bound_from: Option<FuzzyDate>,
    pub provisions: Vec<ProvisionBetween>,
    pub source: String,
}

/// A provision and which of the two states it binds towards the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvisionBetween {
    pub kind: ProvisionKind,
    pub article: Option<String>,
    pub conditions: String,
    /// Codes of the two states that bear it (towards the other), when not suspended.
    pub bound: Vec<String>,
}

/// Provisions that answer "who comes to its defence", strongest first.
const SUPPORT: [ProvisionKind; 3] = [
    ProvisionKind::Defence,
    ProvisionKind::Neutrality,
    ProvisionKind::Consultation,
];

impl KnowledgeBase {
    /// Members of `org` (abbreviation or name) on `on`. For an organisation
    /// resting on a treaty, its members are the treaty's parties; otherwise
    /// its full members.
    ///
    /// A treaty's name (or id) that is no organisation's asks for the
    /// treaty's parties: a pact accepted from the news has members too.
    pub fn members(&self, org: &str, on: NaiveDate) -> Result<MembersAnswer> {
        let o = match self.organisation(org) {
            Ok(o) => o,
            Err(e) => {
                let Ok(ti) = self.treaty_index(org) else {
                    return Err(e);
                };
                let mut members = self.parties_on(ti, on);
                members.sort_by(|a, b| a.code.cmp(&b.code));
                return Ok(MembersAnswer {
                    organisation: self.treaties[ti].name.clone(),
                    on,
                    members,
                });
            }
        };
        let mut members: Vec<Member> = match o.treaty {
            Some(t) => self.parties_on(t, on),
            None => o
                .memberships
                .iter()
                .filter(|m| m.status == "full" && m.holds_on(on))
                .map(|m| self.member(&m.code, m.since))
                .collect(),
        };
        members.sort_by(|a, b| a.code.cmp(&b.code));
        members.dedup_by(|a, b| a.code == b.code);
        Ok(MembersAnswer {
            organisation: o.name.clone(),
            on,
            members,
        })
    }

    /// The parties of treaty `t` on `on`, each with the start of its unbroken spell.
    fn parties_on(&self, t: usize, on: NaiveDate) -> Vec<Member> {
        let treaty = &self.treaties[t];
        let mut codes: Vec<&str> = treaty
            .parties
            .iter()
            .filter(|p| p.holds_on(on))
            .map(|p| p.code.as_str())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
            .into_iter()
            .filter_map(|c| {
                continuous_start(&treaty.parties, c, on).map(|since| self.member(c, since))
            })
            .collect()
    }

    fn member(&self, code: &str, since: FuzzyDate) -> Member {
        Member {
            code: code.to_string(),
            name: self.state_name(code).to_string(),
            since,
        }
    }

    /// Who is bound to come to the defence of `attacked` (code or name) if it
    /// is attacked on `on` — or to consult, or to stay neutral, as
    /// `provision` says — under `treaty` (all treaties when `None`). With
    /// `where_`, a place outside a provision's area (Hawaii for NATO's
    /// Article 5, limited by Article 6) drops that provision and is listed in
    /// `excluded`.
    pub fn obligations(
        &self,
        attacked: &str,
        on: NaiveDate,
        treaty: Option<&str>,
        where_: Option<&str>,
    ) -> Result<ObligationsAnswer> {
        let state = self.state(attacked)?;
        let code = state.code.as_str();
        let only = treaty.map(|t| self.treaty_index(t)).transpose()?;
        let place = match where_ {
            Some(w) => self.place(w)?,
            None => self.place(code)?,
        };
        let mut obligated = Vec::new();
        let mut excluded = Vec::new();
        let candidates = self.treaties_of.get(code).map(Vec::as_slice).unwrap_or(&[]);
        for &ti in candidates {
            if only.is_some_and(|o| o != ti) {
                continue;
            }
            let t = &self.treaties[ti];
            let attacked_spells: Vec<&Party> = t
                .parties
                .iter()
                .filter(|p| p.code == code && p.holds_on(on))
                .collect();
            if !t.in_force_on(on) || attacked_spells.is_empty() {
                continue;
            }
            // Which support provisions cover the place, and how their
            // conditions stand.
            let mut usable: Vec<(ProvisionKind, Vec<ConditionCheck>)> = Vec::new();
            for kind in SUPPORT {
                match t.provision(kind) {
                    Some(p) if p.area.as_ref().is_some_and(|a| !a.admits(place)) => {
                        excluded.push(self.excluded(t, p, &place.name));
                    }
                    Some(p) => usable.push((kind, checks(t, p, place, where_.is_some()))),
                    None => usable.push((kind, Vec::new())),
                }
            }
            for party in t
                .parties
                .iter()
                .filter(|p| p.code != code && p.holds_on(on))
            {
                if t.suspended(&party.code, code, on)
                    || !attacked_spells.iter().any(|s| s.bound_with(party))
                {
                    continue;
                }
                let Some((kind, checks)) =
                    usable.iter().find(|(k, _)| party.obligations.contains(*k))
                else {
                    continue;
                };
                obligated.push(self.obligated(t, party, *kind, checks.clone()));
            }
        }
        obligated.sort_by(|a, b| (&a.treaty, &a.code).cmp(&(&b.treaty, &b.code)));
        let mut states: Vec<String> = obligated.iter().map(|o| o.code.clone()).collect();
        states.sort();
        states.dedup();
        Ok(ObligationsAnswer {
            attacked: code.to_string(),
            on,
            where_: where_.map(|_| place.name.clone()),
            obligated,
            states,
            excluded,
        })
    }

    fn obligated(
        &self,
        t: &Treaty,
        party: &Party,
        kind: ProvisionKind,
        condition_checks: Vec<ConditionCheck>,
    ) -> Obligated {
        let provision = t.provision(kind);
        let mut source = match provision {
            Some(p) => format!("{}: {}", kind, expand(&p.source)),
            None => format!("{}: {}", kind, expand(&t.source)),
        };
        source.push_str(&format!(
            "; {} party from {} ({}",
            party.code,
            party.from,
            party.basis.as_str()
        ));
        if let Some(signed) = party.signed.filter(|s| *s != party.from) {
            source.push_str(&format!("; signed {signed}"));
        }
        source.push_str(&format!(") per {}", expand(&party.source)));
        Obligated {
            code: party.code.clone(),
            name: self.state_name(&party.code).to_string(),
            treaty: t.name.clone(),
            provision: kind,
            article: provision.and_then(|p| p.article.clone()),
            conditions: provision.map(|p| p.conditions.clone()).unwrap_or_default(),
            condition_checks,
            source,
        }
    }

    fn excluded(&self, t: &Treaty, p: &Provision, place: &str) -> Excluded {
        let article = p.article.clone();
        Excluded {
            treaty: t.name.clone(),
            provision: p.kind,
            article: article.clone(),
            place: place.to_string(),
            reason: format!(
                "{place} is outside the area of {} of the {}: {}",
                article.as_deref().unwrap_or("this provision"),
                t.name,
                p.conditions
            ),
            source: expand(&p.source),
        }
    }

    /// Partners of `org`, current ones (no end date), optionally only those
    /// whose region matches `region` (case, spaces and hyphens ignored).
    pub fn partners(&self, org: &str, region: Option<&str>) -> Result<PartnersAnswer> {
        self.partners_where(org, region, None, |p| p.until.is_none())
    }

    /// Partners of `org` on `on` (those listed without a start date count
    /// from any date until their end).
    pub fn partners_on(
        &self,
        org: &str,
        region: Option<&str>,
        on: NaiveDate,
    ) -> Result<PartnersAnswer> {
        self.partners_where(org, region, Some(on), |p| holds(p.since, p.until, on))
    }

    fn partners_where(
        &self,
        org: &str,
        region: Option<&str>,
        on: Option<NaiveDate>,
        keep: impl Fn(&Partnership) -> bool,
    ) -> Result<PartnersAnswer> {
        let o = self.organisation(org)?;
        let want = region.map(fold);
        let mut partners: Vec<Partner> = o
            .partnerships
            .iter()
            .filter(|p| keep(p))
            .filter(|p| want.as_ref().is_none_or(|w| fold(&p.region) == *w))
            .map(|p| Partner {
                code: p.code.clone(),
                name: self.state_name(&p.code).to_string(),
                region: p.region.clone(),
                since: p.since,
                framework: p.framework.clone(),
                until: p.until,
            })
            .collect();
        partners.sort_by(|a, b| (&a.region, &a.code).cmp(&(&b.region, &b.code)));
        Ok(PartnersAnswer {
            organisation: o.name.clone(),
            on,
            partners,
        })
    }

    /// Every treaty binding `a` and `b` together (on `on`, or ever when
    /// `None`), with its provisions and whom each binds.
    pub fn treaties_between(
        &self,
        a: &str,
        b: &str,
        on: Option<NaiveDate>,
    ) -> Result<TreatiesAnswer> {
        let a = self.state(a)?.code.clone();
        let b = self.state(b)?.code.clone();
        let empty = Vec::new();
        let of_b = self.treaties_of.get(&b).unwrap_or(&empty);
        let mut treaties = Vec::new();
        for &ti in self.treaties_of.get(&a).unwrap_or(&empty) {
            if !of_b.contains(&ti) {
                continue;
            }
            let t = &self.treaties[ti];
            let spells = |code: &str| -> Vec<&Party> {
                t.parties
                    .iter()
                    .filter(|p| p.code == code && on.is_none_or(|d| p.holds_on(d)))
                    .collect()
            };
            let (pa, pb) = (spells(&a), spells(&b));
            let together = pa.iter().any(|x| pb.iter().any(|y| x.bound_with(y)));
            if !together || on.is_some_and(|d| !t.in_force_on(d)) {
                continue;
            }
            let bound_from = match on {
                Some(d) => continuous_start(&t.parties, &a, d)
                    .zip(continuous_start(&t.parties, &b, d))
                    .map(|(x, y)| later(x, y)),
                None => pa
                    .iter()
                    .flat_map(|x| {
                        pb.iter()
                            .filter(|y| x.bound_with(y))
                            .map(|y| later(x.from, y.from))
                    })
                    .min_by_key(|d| d.first_day()),
            };
            let bound = |kind: ProvisionKind| -> Vec<String> {
                let mut v = Vec::new();
                for (me, mine, theirs, other) in [(&a, &pa, &pb, &b), (&b, &pb, &pa, &a)] {
                    let bears = mine.iter().any(|p| {
                        p.obligations.contains(kind) && theirs.iter().any(|q| p.bound_with(q))
                    });
                    let suspended = on.is_some_and(|d| t.suspended(me, other, d));
                    if bears && !suspended {
                        v.push(me.clone());
                    }
                }
                v
            };
            let provisions = t
                .provisions
                .iter()
                .map(|p| ProvisionBetween {
                    kind: p.kind,
                    article: p.article.clone(),
                    conditions: p.conditions.clone(),
                    bound: bound(p.kind),
                })
                .collect();
            treaties.push(TreatyBetween {
                id: t.id.clone(),
                treaty: t.name.clone(),
                signed: t.signed,
                in_force: t.in_force,
                ended: t.ended,
                end_reason: t.end_reason.clone(),
                bound_from,
                provisions,
                source: expand(&t.source),
            });
        }
        Ok(TreatiesAnswer { a, b, on, treaties })
    }
}

/// How each condition of `p` stands for an attack on `place` (named by the
/// question when `named`, else the attacked state's home territory). A
/// provision with an area is only reached here when the area admits the place.
fn checks(t: &Treaty, p: &Provision, place: &Place, named: bool) -> Vec<ConditionCheck> {
    let what = if named {
        place.name.clone()
    } else {
        format!("{}'s home territory", place.name)
    };
    let article = p.article.as_deref().unwrap_or("the provision");
    let mut out = Vec::new();
    if let Some(area) = &p.area {
        let matched: Vec<&str> = area
            .tags
            .iter()
            .filter(|a| place.tags.contains(a))
            .map(String::as_str)
            .collect();
        out.push(ConditionCheck {
            condition: Condition::Location,
            status: CheckStatus::Held,
            detail: format!(
                "{what} lies in the area of {article} of the {} ({})",
                t.name,
                matched.join(", ")
            ),
        });
    }
    for c in Condition::coded_in(&p.conditions) {
        let (status, detail) = match c {
            Condition::Location if p.area.is_some() => continue,
            Condition::Location => (
                CheckStatus::Unknown,
                format!(
                    "{}: ATOP codes the location but not its bounds, so whether {what} lies in it is not known",
                    c.describe()
                ),
            ),
            Condition::Adversary => (
                CheckStatus::Depends,
                format!("{}: it holds only if the attacker is that adversary", c.describe()),
            ),
            other => (CheckStatus::Depends, other.describe().to_string()),
        };
        out.push(ConditionCheck {
            condition: c,
            status,
            detail,
        });
    }
    out
}

/// The later of two dates.
fn later(a: FuzzyDate, b: FuzzyDate) -> FuzzyDate {
    if b.first_day() > a.first_day() {
        b
    } else {
        a
    }
}

/// The start of the unbroken run of spells of `code` that holds on `on`.
fn continuous_start(parties: &[Party], code: &str, on: NaiveDate) -> Option<FuzzyDate> {
    let mut spells: Vec<&Party> = parties.iter().filter(|p| p.code == code).collect();
    spells.sort_by_key(|p| p.from.first_day());
    let current = spells.iter().rposition(|p| p.holds_on(on))?;
    let mut start = current;
    while start > 0
        && spells[start - 1]
            .until
            .is_some_and(|u| u.first_day() >= spells[start].from.first_day())
    {
        start -= 1;
    }
    Some(spells[start].from)
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
