//! Keeping the knowledge base current from the news: updates proposed from
//! coded events, and applying the accepted ones.

use crate::date::{FuzzyDate, Precision};
use crate::error::{KnowError, Result};
use crate::knowledge_base::KnowledgeBase;
use crate::organisation::Membership;
use crate::treaty::{
    DateBasis, Obligations, Origin, Party, Provision, ProvisionKind, Suspension, Treaty,
};
use chrono::NaiveDate;
use entente_core::lexicon::{self, MembershipChange};
use entente_core::{text, ActorCode};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a proposed update changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdateKind {
    /// `state` joined `organisation`.
    Accession,
    /// `state` left `organisation`.
    Withdrawal,
    /// `state` and `other` signed `treaty`.
    TreatySigned,
    /// `state` suspended its obligations towards `other` under `treaty`.
    TreatySuspended,
    /// `state` recognised `other` (switching from `over`).
    Recognition,
    /// `state` ended `treaty` (denounced, terminated, scrapped it), with
    /// `other` when the report names the partner.
    TreatyTerminated,
}

impl fmt::Display for UpdateKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UpdateKind::Accession => "accession",
            UpdateKind::Withdrawal => "withdrawal",
            UpdateKind::TreatySigned => "treaty_signed",
            UpdateKind::TreatySuspended => "treaty_suspended",
            UpdateKind::Recognition => "recognition",
            UpdateKind::TreatyTerminated => "treaty_terminated",
        })
    }
}

/// A change to the knowledge base read from a news report, waiting for review.
/// The store keeps it as opaque JSON; [`KnowledgeBase::apply`] makes it a fact.
/// One fact is proposed once however often a report repeats it: see
/// [`KnowledgeUpdate::same_fact`] and [`KnowledgeUpdate::absorb`].
///
/// This is the change itself; the store's review queue wraps it, as JSON,
/// in an `entente_store::ProposedUpdate` with the evidence that prompted it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnowledgeUpdate {
    pub kind: UpdateKind,
    /// The organisation joined or left, as the knowledge base names it.
    pub organisation: Option<String>,
    /// The treaty signed, suspended, ended, or joined or left (when no
    /// organisation rests on it), as named in the text or the knowledge base.
    pub treaty: Option<String>,
    /// The acting state (ISO alpha-3).
    pub state: String,
    /// The other state: the treaty partner, the state recognised.
    pub other: Option<String>,
    /// For a recognition: the state whose recognition was withdrawn.
    pub over: Option<String>,
    pub date: NaiveDate,
    /// The words of the report.
    pub evidence: String,
    /// The document's public id.
    pub doc: String,
    /// For a treaty signed: what the report says it binds the parties to
    /// (`defence` for a "mutual defence pact", `consultation` for a
    /// "security pact"); none when the report does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionKind>,
}

/// One key for the names a report gives one treaty: "the Japan-Philippines
/// Reciprocal Access Agreement", "the Reciprocal Access Agreement" and "the
/// RAA" are all `raa`; "AUKUS" and "the AUKUS pact" are both `aukus`. The
/// parties' hyphenated or possessive names ("Japan-Philippines",
/// "U.S.-Japan", "Japan's") and function words ("the", "of") are left out; the rest gives its initials,
/// or, for an acronym with at most treaty nouns after it, the acronym. Two
/// treaties between the same parties whose names share their initials share
/// a key; the kind and the parties keep every other fact apart.
pub fn treaty_key(name: &str) -> String {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut words: Vec<&str> = Vec::new();
    for word in name.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        // "Japan's": a party, as a hyphenated pair of names is.
        if word.ends_with("'s") || word.ends_with("\u{2019}s") {
            continue;
        }
        let parts: Vec<&str> = word.split(['-', '\u{2013}', '\u{2014}']).collect();
        // "Japan-Philippines": the parties, whom the fact names already.
        if parts.len() > 1 && parts.iter().all(|p| capitalised(p)) {
            continue;
        }
        words.extend(
            parts
                .iter()
                .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty() && !lexicon::function_word(w)),
        );
    }
    let acronym = |w: &str| {
        w.chars().count() > 1 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    match words.split_first() {
        None => name.trim().to_lowercase(),
        Some((first, rest))
            if rest.is_empty()
                || (acronym(first) && rest.iter().all(|w| lexicon::treaty_noun(w))) =>
        {
            first.to_lowercase()
        }
        Some(_) => words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect(),
    }
}

impl KnowledgeUpdate {
    /// Whether `other` reports the same fact: the same change to the same
    /// organisation or treaty by the same states (a treaty's two parties in
    /// either order), whatever the words, sentence or date of the report.
    pub fn same_fact(&self, other: &KnowledgeUpdate) -> bool {
        fn pair(u: &KnowledgeUpdate) -> [Option<&str>; 2] {
            let mut p = [Some(u.state.as_str()), u.other.as_deref()];
            if u.kind == UpdateKind::TreatySigned {
                p.sort_unstable();
            }
            p
        }
        self.kind == other.kind
            && self.organisation == other.organisation
            && self.treaty.as_deref().map(treaty_key) == other.treaty.as_deref().map(treaty_key)
            && self.over == other.over
            && pair(self) == pair(other)
    }

    /// A key naming the fact, equal for two updates exactly when
    /// [`KnowledgeUpdate::same_fact`] holds (the date aside): the kind, the
    /// organisation, the treaty (by [`treaty_key`]), the states. The store keeps
    /// one proposal per key and close dates across documents.
    pub fn fact_key(&self) -> String {
        let mut pair = [self.state.as_str(), self.other.as_deref().unwrap_or("")];
        if self.kind == UpdateKind::TreatySigned {
            pair.sort_unstable();
        }
        let fold = |s: &Option<String>| s.as_deref().unwrap_or("").to_lowercase();
        format!(
            "{}|{}|{}|{}|{}|{}",
            self.kind,
            fold(&self.organisation),
            self.treaty.as_deref().map(treaty_key).unwrap_or_default(),
            pair[0],
            pair[1],
            self.over.as_deref().unwrap_or("")
        )
    }

    /// Takes from `other`, a report of the same fact, what its words add:
    /// the stronger provision ("a security treaty" in the headline, "a
    /// mutual defence treaty" in the body: defence).
    pub fn absorb(&mut self, other: &KnowledgeUpdate) {
        if let Some(k) = other.provision {
            // `ProvisionKind` orders defence first.
            if self.provision.is_none_or(|mine| k < mine) {
                self.provision = Some(k);
            }
        }
    }
}

/// The little of a coded event that proposing updates needs.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedEvent {
    /// CAMEO actor code of the source (`FINGOV`); its first three letters are the state.
    pub source: String,
    pub target: Option<String>,
    /// CAMEO event code (`057`).
    pub cameo: String,
    pub date: NaiveDate,
    pub negated: bool,
    /// The evidence span's text.
    pub evidence: String,
    /// The whole sentence.
    pub sentence: String,
    /// The texts of the same event told again later in the document ("a
    /// security treaty" in the headline, "a mutual defence treaty" in the
    /// body).
    pub retold: Vec<String>,
    pub doc: String,
}

impl CodedEvent {
    /// From a coded event and the text of its sentence; `None` without a date.
    pub fn from_event(e: &entente_core::Event, sentence: &str) -> Option<CodedEvent> {
        Some(CodedEvent {
            source: e.source.code.to_string(),
            target: e.target.as_ref().map(|t| t.code.to_string()),
            cameo: e.cameo.to_string(),
            date: e.date?,
            negated: e.negated,
            evidence: e.evidence.text.to_string(),
            sentence: sentence.to_string(),
            retold: e.retold.iter().map(|r| r.text.to_string()).collect(),
            doc: e.doc.to_string(),
        })
    }
}

/// A recognition of one state by another, accepted from the news.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recognition {
    pub by: String,
    pub recognised: String,
    pub over: Option<String>,
    pub on: NaiveDate,
    pub origin: Origin,
    pub source: String,
}

const RECOGNITION: &[&str] = &[
    "recognised",
    "recognized",
    "recognises",
    "recognizes",
    "switched recognition",
    "switches recognition",
    "switched diplomatic recognition",
    "switches diplomatic recognition",
];
const SUSPENSION: &[&str] = &["suspended", "suspends", "suspending"];
const SIGNING: &[&str] = &["signed", "signs", "sign", "inked", "concluded", "concludes"];
/// Verbs that end a treaty ("Ukraine terminated the friendship treaty").
const TERMINATION: &[&str] = &[
    "terminated",
    "terminates",
    "denounced",
    "denounces",
    "scrapped",
    "scraps",
    "revoked",
    "revokes",
    "tore up",
    "ended",
    "ends",
];
/// Words that make a pact a defence pact, else a security pact.
const DEFENCE_WORDS: &[&str] = &[
    "mutual defence",
    "mutual defense",
    "defence pact",
    "defense pact",
    "defence treaty",
    "defense treaty",
    "mutual assistance",
    "each other's defence",
    "each other's defense",
];
const SECURITY_WORDS: &[&str] = &[
    "security pact",
    "security treaty",
    "security agreement",
    "security guarantees",
];
const AGREEMENT: &[&str] = &["treaty", "pact", "agreement", "accord", "alliance"];
/// Words just before a verb that make it an intention, not a fact.
const INTENT: &[&str] = &[
    "to",
    "will",
    "would",
    "could",
    "may",
    "might",
    "not",
    "never",
    "wants",
    "seeks",
    "plans",
    "hopes",
    "bid",
    "applied",
    "application",
    "apply",
    "intends",
    "aims",
    "refused",
];

/// The byte span of the first occurrence of one of `phrases` as whole words,
/// not preceded by a word of intent.
fn find_fact(lower: &str, phrases: &[&str]) -> Option<(usize, usize)> {
    for phrase in phrases {
        let mut from = 0;
        while let Some(i) = lower
            .get(from..)
            .unwrap_or_default()
            .find(phrase)
            .map(|i| i + from)
        {
            from = i + phrase.len();
            if !is_word_at(lower, i, phrase.len()) {
                continue;
            }
            let before = lower
                .get(..i)
                .unwrap_or_default()
                .split_whitespace()
                .next_back()
                .unwrap_or("");
            if !INTENT.contains(&before.trim_matches(|c: char| !c.is_alphanumeric())) {
                return Some((i, i + phrase.len()));
            }
        }
    }
    None
}

/// "became the 31st member of": the span of "member of" when one of the
/// three words before it is a form of "become" not itself preceded by intent.
fn find_becoming_member(lower: &str) -> Option<(usize, usize)> {
    let (start, end) = find_fact(lower, &["member of"])?;
    let before: Vec<&str> = lower
        .get(..start)
        .unwrap_or_default()
        .split_whitespace()
        .rev()
        .take(4)
        .collect();
    let at = before
        .iter()
        .position(|w| lexicon::becoming_words().contains(w))?;
    let intent = before.get(at + 1).is_some_and(|w| INTENT.contains(w));
    (!intent).then_some((start, end))
}

fn is_word_at(text: &str, i: usize, len: usize) -> bool {
    let before = text.get(..i).unwrap_or_default().chars().next_back();
    let after = text.get(i + len..).unwrap_or_default().chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn state_of(kb: &KnowledgeBase, actor: &str) -> Option<String> {
    let country = ActorCode::parse(actor)?.country()?;
    kb.state(country).ok().map(|s| s.code.clone())
}

impl KnowledgeBase {
    /// Proposes updates from coded events whose sentences report an
    /// accession, a withdrawal, a treaty signed or suspended, or a
    /// recognition. Pattern-based: a reporting verb, not in the future or
    /// negated, followed by an organisation or treaty the knowledge base knows.
    pub fn propose_updates(&self, events: &[CodedEvent]) -> Vec<KnowledgeUpdate> {
        events.iter().filter_map(|e| self.propose(e)).collect()
    }

    fn propose(&self, e: &CodedEvent) -> Option<KnowledgeUpdate> {
        if e.negated {
            return None;
        }
        let state = state_of(self, &e.source)?;
        // No state signs with, recognises or suspends towards itself.
        let other = e
            .target
            .as_deref()
            .and_then(|t| state_of(self, t))
            .filter(|o| *o != state);
        // Phrases are found in a lowercased copy; its offsets are mapped
        // back before they cut the sentence (lowercasing can change a
        // character's length: `İ`, `ẞ`).
        let (lower, fold) = text::lowercase_with_map(&e.sentence);
        let update = |kind, organisation, treaty, other, over| KnowledgeUpdate {
            kind,
            organisation,
            treaty,
            state: state.clone(),
            other,
            over,
            date: e.date,
            evidence: e.evidence.clone(),
            doc: e.doc.clone(),
            provision: None,
        };
        for (kind, verbs) in [
            (
                UpdateKind::Accession,
                lexicon::membership_phrases(MembershipChange::Accession),
            ),
            (
                UpdateKind::Withdrawal,
                lexicon::membership_phrases(MembershipChange::Withdrawal),
            ),
        ] {
            let found = find_fact(&lower, verbs).or_else(|| {
                (kind == UpdateKind::Accession)
                    .then(|| find_becoming_member(&lower))
                    .flatten()
            });
            if let Some((start, end)) = found.map(|(s, e)| fold.span_to_original(s, e)) {
                // The event's source must be who joins or leaves: one of
                // the states named together right before the verb, when
                // any is named ("Sweden joined NATO after Hungary
                // ratified" is no accession of Hungary's; "Mali, Burkina
                // Faso and Niger left ECOWAS" is a withdrawal of each).
                let subject = e
                    .sentence
                    .get(..start)
                    .map(|b| self.subject_states(b))
                    .unwrap_or_default();
                if !subject.is_empty() && !subject.contains(&state) {
                    continue;
                }
                if let Some(org) = self.organisation_after(&e.sentence, end) {
                    return Some(update(kind, Some(org), None, None, None));
                }
                // A treaty no organisation rests on ("quit the Treaty on
                // Open Skies").
                if let Some(treaty) = self.treaty_after(&e.sentence, end) {
                    return Some(update(kind, None, Some(treaty), None, None));
                }
            }
        }
        if let Some((at, _)) = find_fact(&lower, RECOGNITION) {
            let after = text::after(&e.sentence, fold.to_original(at));
            let (after_lower, after_fold) = text::lowercase_with_map(after);
            let over = ["over ", "from "]
                .iter()
                .filter_map(|w| {
                    let i = after_lower.find(w)?;
                    Some(text::after(after, after_fold.to_original(i + w.len())))
                })
                .find_map(|rest| self.state_in(rest));
            let recognised =
                other.or_else(|| self.state_in(after).filter(|s| Some(s) != over.as_ref()))?;
            return Some(update(
                UpdateKind::Recognition,
                None,
                None,
                Some(recognised),
                over,
            ));
        }
        let mentions_agreement = AGREEMENT.iter().any(|w| find_fact(&lower, &[w]).is_some());
        if let Some((at, _)) = find_fact(&lower, SUSPENSION) {
            if mentions_agreement || lower.contains("obligations") {
                let treaty = self
                    .treaty_in(text::after(&e.sentence, fold.to_original(at)))
                    .or_else(|| self.treaty_in(&e.sentence));
                return Some(update(
                    UpdateKind::TreatySuspended,
                    None,
                    treaty,
                    other,
                    None,
                ));
            }
        }
        if let Some((_, end)) = find_fact(&lower, TERMINATION) {
            // Only a treaty the knowledge base knows, named after the verb.
            if let Some(treaty) = self.treaty_after(&e.sentence, fold.to_original(end)) {
                return Some(update(
                    UpdateKind::TreatyTerminated,
                    None,
                    Some(treaty),
                    other,
                    None,
                ));
            }
        }
        if mentions_agreement
            && (e.cameo.starts_with("057") || find_fact(&lower, SIGNING).is_some())
        {
            // The partner: the event's target, else another state the
            // sentence names ("Japan and the Philippines signed a pact").
            let other = other.or_else(|| self.state_other_than(&e.sentence, &state))?;
            let treaty = self.treaty_in(&e.sentence);
            // The strongest provision any telling names.
            let told: Vec<String> = std::iter::once(lower.clone())
                .chain(e.retold.iter().map(|t| t.to_lowercase()))
                .collect();
            let names = |words: &[&str]| told.iter().any(|t| words.iter().any(|w| t.contains(w)));
            let provision = if names(DEFENCE_WORDS) {
                Some(ProvisionKind::Defence)
            } else if names(SECURITY_WORDS) {
                Some(ProvisionKind::Consultation)
            } else {
                None
            };
            let mut u = update(UpdateKind::TreatySigned, None, treaty, Some(other), None);
            u.provision = provision;
            return Some(u);
        }
        None
    }

    /// The id of the organisation named right after byte `at` of `text`
    /// (only "the" may stand between), not in the possessive ("left NATO's
    /// summit" is no withdrawal).
    fn organisation_after(&self, text: &str, at: usize) -> Option<String> {
        let rest = text.get(at..)?.trim_start();
        let rest = match rest.get(..4) {
            Some(w) if w.eq_ignore_ascii_case("the ") => rest.get(4..).unwrap_or_default(),
            _ => rest,
        };
        self.organisations
            .iter()
            .filter_map(|o| {
                std::iter::once(&o.id)
                    .chain([&o.name])
                    .chain(&o.aliases)
                    .filter(|n| find_name(rest, n) == Some(0))
                    .map(|n| n.len())
                    .max()
                    .filter(|&len| {
                        let after = rest.get(len..).unwrap_or_default();
                        !after.starts_with("'s") && !after.starts_with("\u{2019}s")
                    })
                    .map(|len| (len, o))
            })
            // The longest name; at a tie the organisation with curated aliases.
            .max_by_key(|(len, o)| (*len, !o.aliases.is_empty()))
            .map(|(_, o)| o.id.clone())
    }

    /// The name of the treaty named right after byte `at` of `text` (only
    /// "the" may stand between), not in the possessive.
    fn treaty_after(&self, text: &str, at: usize) -> Option<String> {
        let rest = text.get(at..)?.trim_start();
        let rest = match rest.get(..4) {
            Some(w) if w.eq_ignore_ascii_case("the ") => rest.get(4..).unwrap_or_default(),
            _ => rest,
        };
        self.treaties
            .iter()
            .filter(|t| !t.name_generated)
            .filter_map(|t| {
                std::iter::once(&t.name)
                    .chain(&t.aliases)
                    .filter(|n| find_name(rest, n) == Some(0))
                    .map(|n| n.len())
                    .max()
                    .filter(|&len| {
                        let after = rest.get(len..).unwrap_or_default();
                        !after.starts_with("'s") && !after.starts_with("\u{2019}s")
                    })
                    .map(|len| (len, t))
            })
            .max_by_key(|(len, _)| *len)
            .map(|(_, t)| t.name.clone())
    }

    /// The first treaty named in `text` by its name or an alias.
    fn treaty_in(&self, text: &str) -> Option<String> {
        self.treaties
            .iter()
            .filter(|t| !t.name_generated)
            .filter_map(|t| {
                std::iter::once(&t.name)
                    .chain(&t.aliases)
                    .filter_map(|n| find_name(text, n))
                    .min()
                    .map(|i| (i, t))
            })
            .min_by_key(|(i, _)| *i)
            .map(|(_, t)| t.name.clone())
    }

    /// The code of the first state named in `text`.
    fn state_in(&self, text: &str) -> Option<String> {
        self.states
            .iter()
            .filter(|s| !s.code.starts_with("COW-"))
            .filter_map(|s| find_name(text, &s.name).map(|i| (i, s)))
            .min_by_key(|(i, _)| *i)
            .map(|(_, s)| s.code.clone())
    }

    /// Every state named in `text`, as `(start, end, code)` in order of
    /// position.
    fn states_named(&self, text: &str) -> Vec<(usize, usize, String)> {
        let mut found: Vec<(usize, usize, String)> = self
            .states
            .iter()
            .filter(|s| !s.code.starts_with("COW-"))
            .flat_map(|s| {
                all_names(text, &s.name)
                    .into_iter()
                    .map(|i| (i, i + s.name.len(), s.code.clone()))
            })
            .collect();
        found.sort();
        // A name inside a longer one ("Guinea" in "Papua New Guinea") is not named.
        let mut out: Vec<(usize, usize, String)> = Vec::new();
        for f in found {
            match out.last_mut() {
                Some(last) if f.0 < last.1 => {
                    if f.1 - f.0 > last.1 - last.0 {
                        *last = f;
                    }
                }
                _ => out.push(f),
            }
        }
        out
    }

    /// The states named together at the end of `text` (the subject before a
    /// verb): the last one named, and those joined to it by commas, "and"
    /// or "the" alone ("Mali, Burkina Faso and Niger").
    fn subject_states(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut until: Option<usize> = None;
        for (start, end, code) in self.states_named(text).into_iter().rev() {
            if let Some(u) = until {
                let gap = text.get(end..u).unwrap_or_default();
                let joined = gap.split(|c: char| c == ',' || c.is_whitespace()).all(|w| {
                    w.is_empty() || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("the")
                });
                if !joined {
                    break;
                }
            }
            out.push(code);
            until = Some(start);
        }
        out
    }

    /// The first state named in `text` that is not `not`.
    fn state_other_than(&self, text: &str, not: &str) -> Option<String> {
        self.states_named(text)
            .into_iter()
            .map(|(_, _, code)| code)
            .find(|c| c != not)
    }

    /// Makes an accepted update a fact: from its date, `members`,
    /// `obligations` and `treaties_between` answer with it. An accession the
    /// knowledge base already has (the state a member or party since some
    /// date, still) changes nothing: its own date stays, and the answer,
    /// [`Applied::AlreadyMember`], names both dates so that the reviewer sees
    /// the report's date was not taken.
    pub fn apply(&mut self, u: &KnowledgeUpdate) -> Result<Applied> {
        let fail = |message: &str| KnowError::Update {
            kind: u.kind.to_string(),
            doc: u.doc.clone(),
            message: message.to_string(),
        };
        let state = self.state(&u.state)?.code.clone();
        let date = FuzzyDate::day(u.date);
        let source = format!("news:{} \"{}\"", u.doc, u.evidence.replace('\t', " "));
        match u.kind {
            UpdateKind::Accession | UpdateKind::Withdrawal => {
                // An organisation, or a treaty no organisation rests on.
                let (oi, treaty) = match (u.organisation.as_deref(), u.treaty.as_deref()) {
                    (Some(name), _) => {
                        let oi = self.organisation_index(name)?;
                        (Some(oi), self.organisations[oi].treaty)
                    }
                    (None, Some(name)) => (None, Some(self.treaty_index(name)?)),
                    (None, None) => return Err(fail("no organisation")),
                };
                let joining = u.kind == UpdateKind::Accession;
                let mut already = None;
                match treaty {
                    Some(ti) => {
                        let t = &mut self.treaties[ti];
                        let open = t
                            .parties
                            .iter_mut()
                            .find(|p| p.code == state && p.until.is_none());
                        match (joining, open) {
                            (true, Some(p)) => already = Some(p.from),
                            (false, None) => {}
                            (false, Some(p)) => p.until = Some(date),
                            (true, None) => {
                                let obligations = t.standard_obligations();
                                t.parties.push(Party {
                                    code: state,
                                    from: date,
                                    basis: DateBasis::Reported,
                                    signed: None,
                                    until: None,
                                    obligations,
                                    group: None,
                                    origin: Origin::News,
                                    source,
                                });
                            }
                        }
                    }
                    None => {
                        let oi = oi.ok_or_else(|| fail("no organisation"))?;
                        let o = &mut self.organisations[oi];
                        let open = o
                            .memberships
                            .iter_mut()
                            .find(|m| m.code == state && m.until.is_none());
                        match (joining, open) {
                            (true, Some(m)) => already = Some(m.since),
                            (false, None) => {}
                            (false, Some(m)) => m.until = Some(date),
                            (true, None) => o.memberships.push(Membership {
                                code: state,
                                status: "full".to_string(),
                                since: date,
                                until: None,
                                origin: Origin::News,
                                source,
                            }),
                        }
                    }
                }
                if let Some(known) = already {
                    return Ok(Applied::AlreadyMember {
                        known,
                        reported: u.date,
                    });
                }
            }
            UpdateKind::TreatySigned => {
                let other = self
                    .state(u.other.as_deref().ok_or_else(|| fail("no other party"))?)?
                    .code
                    .clone();
                let name = u.treaty.clone().unwrap_or_else(|| {
                    format!(
                        "Agreement between {} and {}",
                        self.state_name(&state),
                        self.state_name(&other)
                    )
                });
                // One treaty per pair and day, however many reports of it
                // were accepted.
                let mut pair = [state.clone(), other.clone()];
                pair.sort();
                let id = format!("news:{}-{}:{}", pair[0], pair[1], u.date);
                if self.treaty_index(&id).is_ok() {
                    return Ok(Applied::Added);
                }
                let obligations = u
                    .provision
                    .and_then(|k| Obligations::parse(&k.letter().to_string()))
                    .unwrap_or_default();
                let party = |code: String| Party {
                    code,
                    from: date,
                    basis: DateBasis::Reported,
                    signed: Some(date),
                    until: None,
                    obligations,
                    group: None,
                    origin: Origin::News,
                    source: source.clone(),
                };
                let provisions = u
                    .provision
                    .map(|kind| Provision {
                        kind,
                        article: None,
                        area: None,
                        conditions: format!("as reported: \"{}\"", u.evidence),
                        origin: Origin::News,
                        source: source.clone(),
                    })
                    .into_iter()
                    .collect();
                self.treaties.push(Treaty {
                    id: id.clone(),
                    name,
                    aliases: vec![id],
                    signed: Some(date),
                    in_force: None,
                    ended: None,
                    end_reason: None,
                    name_generated: false,
                    provisions,
                    parties: vec![party(state), party(other)],
                    suspensions: Vec::new(),
                    origin: Origin::News,
                    source: source.clone(),
                });
            }
            UpdateKind::TreatySuspended => {
                let other = self
                    .state(u.other.as_deref().ok_or_else(|| fail("no other party"))?)?
                    .code
                    .clone();
                let ti =
                    self.treaty_index(u.treaty.as_deref().ok_or_else(|| fail("no treaty"))?)?;
                for (a, b) in [(&state, &other), (&other, &state)] {
                    self.treaties[ti].suspensions.push(Suspension {
                        obligor: a.clone(),
                        beneficiary: b.clone(),
                        from: date,
                        until: None,
                        origin: Origin::News,
                        source: source.clone(),
                    });
                }
            }
            UpdateKind::TreatyTerminated => {
                let ti =
                    self.treaty_index(u.treaty.as_deref().ok_or_else(|| fail("no treaty"))?)?;
                let by = self.state_name(&state).to_string();
                let t = &mut self.treaties[ti];
                if t.ended.is_none_or(|e| e.first_day() > u.date) {
                    t.ended = Some(date);
                    t.end_reason = Some(format!("terminated by {by} as reported ({source})"));
                }
            }
            UpdateKind::Recognition => {
                let recognised = self
                    .state(
                        u.other
                            .as_deref()
                            .ok_or_else(|| fail("no state recognised"))?,
                    )?
                    .code
                    .clone();
                self.recognitions.push(Recognition {
                    by: state,
                    recognised,
                    over: u.over.clone(),
                    on: u.date,
                    origin: Origin::News,
                    source,
                });
            }
        }
        self.reindex();
        Ok(Applied::Added)
    }
}

/// What [`KnowledgeBase::apply`] made of an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The knowledge base holds the fact from the update's date (or held
    /// it already from that date: a treaty signed that an earlier report
    /// added).
    Added,
    /// An accession the knowledge base already had, the state a member or
    /// party since `known`: that date stays, and the update, dated
    /// `reported`, changed nothing.
    AlreadyMember {
        known: FuzzyDate,
        reported: NaiveDate,
    },
}

impl Applied {
    /// For a reviewer, what became of update `u` when it changed nothing:
    /// both dates when they differ. `None` when it was added.
    pub fn note(&self, u: &KnowledgeUpdate) -> Option<String> {
        let Applied::AlreadyMember { known, reported } = self else {
            return None;
        };
        let what = u
            .organisation
            .as_deref()
            .or(u.treaty.as_deref())
            .unwrap_or("the organisation");
        let same_day = known.first_day() == *reported && known.precision() == Precision::Day;
        let state = &u.state;
        Some(if same_day {
            format!(
                "the knowledge base already had {state} in {what} from {known}, the date \
                 reported: nothing changed"
            )
        } else {
            format!(
                "the knowledge base already has {state} in {what} from {known}, not from \
                 {reported} as reported: it keeps {known}"
            )
        })
    }
}

/// The byte offset of `name` in `text` as whole words: case-sensitive for
/// abbreviations (all capitals), case-insensitive otherwise.
fn find_name(text: &str, name: &str) -> Option<usize> {
    if name.chars().count() < 2 {
        return None;
    }
    let abbreviation = name.chars().all(|c| !c.is_lowercase());
    let (hay, needle) = if abbreviation {
        (text.to_string(), name.to_string())
    } else {
        (text.to_lowercase(), name.to_lowercase())
    };
    if hay.len() != text.len() {
        return None; // lowercasing changed byte lengths: offsets would not match
    }
    let mut from = 0;
    while let Some(i) = hay
        .get(from..)
        .unwrap_or_default()
        .find(&needle)
        .map(|i| i + from)
    {
        if is_word_at(&hay, i, needle.len()) {
            return Some(i);
        }
        from = i + needle.len();
    }
    None
}

/// Like [`find_name`], every whole-word occurrence.
fn all_names(text: &str, name: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|rest| find_name(rest, name)) {
        out.push(from + i);
        from += i + name.len().max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accession() -> &'static [&'static str] {
        lexicon::membership_phrases(MembershipChange::Accession)
    }

    #[test]
    fn intent_is_not_fact() {
        assert_eq!(find_fact("finland joined nato", accession()), Some((8, 14)));
        assert!(find_becoming_member("it became the 31st member of nato").is_some());
        assert!(find_becoming_member("finland, a member of the eu, said").is_none());
        assert!(find_becoming_member("hopes to become a member of nato").is_none());
        assert!(find_fact("finland applied to join nato", accession()).is_none());
        assert!(find_fact("sweden will join nato", accession()).is_none());
        assert!(
            find_fact("rejoined", accession()).is_none(),
            "whole words only"
        );
    }

    #[test]
    fn names_match_whole_words() {
        assert_eq!(
            find_name("Finland joined NATO on Tuesday", "NATO"),
            Some(15)
        );
        assert_eq!(
            find_name("Finland joined nato", "NATO"),
            None,
            "abbreviations keep case"
        );
        assert_eq!(
            find_name("the pacific islands forum met", "Pacific Islands Forum"),
            Some(4)
        );
        assert_eq!(find_name("EUROPE", "EU"), None);
    }

    /// `fact_key` is equal exactly when `same_fact` holds: the parties of a
    /// treaty in either order, the case of its name aside, any date.
    #[test]
    fn fact_key_names_the_fact_not_the_report() {
        let signed = |state: &str, other: &str, treaty: &str, day: u32| KnowledgeUpdate {
            kind: UpdateKind::TreatySigned,
            organisation: None,
            treaty: Some(treaty.into()),
            state: state.into(),
            other: Some(other.into()),
            over: None,
            date: NaiveDate::from_ymd_opt(2024, 7, day).expect("date"),
            evidence: format!("report {day}"),
            doc: format!("doc-{day}"),
            provision: None,
        };
        let a = signed("JPN", "PHL", "Reciprocal Access Agreement", 8);
        let b = signed("PHL", "JPN", "reciprocal access agreement", 9);
        assert!(a.same_fact(&signed("PHL", "JPN", "Reciprocal Access Agreement", 9)));
        assert_eq!(a.fact_key(), b.fact_key());
        let c = signed("JPN", "AUS", "Reciprocal Access Agreement", 8);
        assert!(!a.same_fact(&c));
        assert_ne!(a.fact_key(), c.fact_key());
        let left = KnowledgeUpdate {
            kind: UpdateKind::Withdrawal,
            organisation: Some("ECOWAS".into()),
            treaty: None,
            other: None,
            ..signed("MLI", "", "", 8)
        };
        assert_ne!(left.fact_key(), a.fact_key());
    }

    /// Issue 12: a treaty's short and long names in one report are one fact,
    /// one proposal; a different treaty of the same parties stays apart.
    #[test]
    fn names_of_one_treaty_are_one_fact() {
        for (a, b) in [
            (
                "Reciprocal Access Agreement",
                "the Japan-Philippines Reciprocal Access Agreement",
            ),
            ("RAA", "Reciprocal Access Agreement"),
            (
                "the RAA accord",
                "Philippines\u{2013}Japan Reciprocal Access Agreement",
            ),
            ("AUKUS", "the AUKUS pact"),
            (
                "Treaty of Mutual Cooperation and Security",
                "U.S.-Japan Treaty of Mutual Cooperation and Security",
            ),
            (
                "Japan's Reciprocal Access Agreement",
                "reciprocal access agreement",
            ),
        ] {
            assert_eq!(treaty_key(a), treaty_key(b), "{a:?} / {b:?}");
        }
        for (a, b) in [
            ("Reciprocal Access Agreement", "Visiting Forces Agreement"),
            ("AUKUS", "ANZUS Treaty"),
            (
                "Comprehensive Strategic Partnership",
                "Reciprocal Access Agreement",
            ),
        ] {
            assert_ne!(treaty_key(a), treaty_key(b), "{a:?} / {b:?}");
        }
        assert_eq!(treaty_key(""), "");
        assert_eq!(treaty_key("\u{2013} \u{2019}s"), "s");
        let signed = |treaty: &str| KnowledgeUpdate {
            kind: UpdateKind::TreatySigned,
            organisation: None,
            treaty: Some(treaty.into()),
            state: "JPN".into(),
            other: Some("PHL".into()),
            over: None,
            date: NaiveDate::from_ymd_opt(2024, 7, 8).expect("date"),
            evidence: treaty.into(),
            doc: "d".into(),
            provision: None,
        };
        let short = signed("RAA");
        let long = signed("Japan-Philippines Reciprocal Access Agreement");
        assert!(short.same_fact(&long));
        assert_eq!(short.fact_key(), long.fact_key());
        let other = signed("Visiting Forces Agreement");
        assert!(!short.same_fact(&other));
        assert_ne!(short.fact_key(), other.fact_key());
    }

    #[test]
    fn update_serialises_as_contract() {
        let u = KnowledgeUpdate {
            kind: UpdateKind::TreatySuspended,
            organisation: None,
            treaty: Some("ANZUS Treaty".into()),
            state: "USA".into(),
            other: Some("NZL".into()),
            over: None,
            date: NaiveDate::from_ymd_opt(1986, 9, 17).unwrap(),
            evidence: "suspended".into(),
            doc: "d1".into(),
            provision: None,
        };
        let v = serde_json::to_value(&u).unwrap();
        assert_eq!(v["kind"], "treaty_suspended");
        assert_eq!(v["date"], "1986-09-17");
        let back: KnowledgeUpdate = serde_json::from_value(v).unwrap();
        assert_eq!(back, u);
    }
}
