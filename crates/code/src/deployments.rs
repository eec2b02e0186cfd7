//! Forces sent abroad, stationed, extended or withdrawn.
//!
//! A deployment is a trigger and a force noun. Triggers are verbs (deploy,
//! send, dispatch, station, move, transfer, relocate, post, base, position,
//! rotate, extend, withdraw, pull out/back) and their nouns ("the
//! deployment of 300 troops", "the dispatch of two frigates", "troop
//! deployments"). Force nouns come from `data/forces.tsv`: personnel,
//! vessels, aircraft, weapons and units ("troops", "warships", "tactical
//! nuclear weapons", "a battalion"). Without a force noun ("send aid",
//! "moved its headquarters") there is no deployment.
//!
//! The force is after an active trigger ("sent 300 troops") or before a
//! passive one ("troops were sent ... by Poland"); nouns joined by "and"
//! are each a deployment ("weapons and troops"). The sender is, in order:
//! the actor written in the force's noun phrase ("French troops", "Japan's
//! Self-Defense Forces personnel", "its marines"), the possessor of a
//! trigger noun ("Russia's deployment"), the agent of a passive ("by
//! Poland"), the subject of the trigger verb. Its code is the country's
//! code with the noun's sector (MIL for troops, COP for police) when the
//! sender is a country; otherwise the actor's own code.
//!
//! Destinations are read from the obliques after the trigger and the
//! force: "to/into/towards X", "in/at/inside X"; every country of a list
//! ("to Britain and Belgium") is one. "from X" is an origin, except for a
//! withdrawal, whose `to` names where the forces leave (the country the
//! deployment that ends was in). A border phrase is a deployment to the
//! border's owner: "its border with China" and "the border with China" are
//! the sender's own border (the neighbour is the event's target, not a
//! destination) when the two states share a land border ("US troops near
//! the Russian border" are somewhere the phrase does not name), "Ukraine's
//! border" is Ukraine's. A named place that is no
//! country ("the Red Sea", "the border") gives no destination and no
//! fallback; with no place named at all, a place inside the purpose ("to
//! help restore order in X"), the requester, then the previous
//! deployment's destinations stand in.

use crate::analysis::{after_determiner, compound, frame, possessor, Doc, Focus, Sent};
use crate::events::{intent_code, Action};
use entente_core::lexicon::{Auxiliary, DeploymentVerb, DeploymentWord};
use entente_core::{lexicon, ActorKind, DatePrecision, Deployment, DeploymentStatus, Span};
use std::collections::HashMap;
use std::sync::OnceLock;

const FORCES_TSV: &str = include_str!("../data/forces.tsv");

/// What a force is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ForceClass {
    Personnel,
    Vessels,
    Aircraft,
    Weapons,
    Units,
}

/// One written form of a force noun.
#[derive(Debug, Clone)]
pub(crate) struct Force {
    /// The words, lower case.
    pub words: Vec<String>,
    pub class: ForceClass,
    /// The CAMEO sector ("MIL", "COP") the noun gives a sending country.
    pub sector: Option<String>,
}

/// The force vocabulary: every written form, keyed by its last word,
/// longest first.
pub(crate) struct Forces {
    by_last: HashMap<String, Vec<Force>>,
}

impl Forces {
    /// The vocabulary of `data/forces.tsv`, parsed once.
    pub fn embedded() -> &'static Forces {
        static FORCES: OnceLock<Forces> = OnceLock::new();
        FORCES.get_or_init(|| Forces::parse(FORCES_TSV))
    }

    /// Parses the TSV; malformed rows are skipped (the file is ours and its
    /// unit test checks that every row is read).
    pub fn parse(tsv: &str) -> Forces {
        let mut by_last: HashMap<String, Vec<Force>> = HashMap::new();
        for line in tsv.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [singular, plural, class, sector] = cols.as_slice() else {
                continue;
            };
            let class = match *class {
                "personnel" => ForceClass::Personnel,
                "vessels" => ForceClass::Vessels,
                "aircraft" => ForceClass::Aircraft,
                "weapons" => ForceClass::Weapons,
                "units" => ForceClass::Units,
                _ => continue,
            };
            let sector = (*sector != "-").then(|| sector.to_string());
            let base: Vec<String> = singular.split(' ').map(str::to_lowercase).collect();
            let mut forms = vec![base.clone()];
            match *plural {
                "-" | "=" => {}
                "+s" => {
                    let mut p = base.clone();
                    if let Some(last) = p.last_mut() {
                        last.push('s');
                    }
                    forms.push(p);
                }
                other => forms.push(other.split(' ').map(str::to_lowercase).collect()),
            }
            for words in forms {
                let Some(last) = words.last().cloned() else {
                    continue;
                };
                by_last.entry(last).or_default().push(Force {
                    words,
                    class,
                    sector: sector.clone(),
                });
            }
        }
        for v in by_last.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        Forces { by_last }
    }

    /// The longest force noun ending at token `j`, with its first token.
    pub fn ending_at<'f>(&'f self, s: &Sent, j: usize) -> Option<(usize, &'f Force)> {
        let cands = self.by_last.get(s.word(j))?;
        cands.iter().find_map(|f| {
            let n = f.words.len();
            let first = (j + 1).checked_sub(n)?;
            (f.words
                .iter()
                .enumerate()
                .all(|(i, w)| s.word(first + i) == w))
            .then_some((first, f))
        })
    }

    /// The force noun whose head is token `j` ("military aid" and
    /// "aircraft carrier" have none at "military" and "aircraft").
    pub fn head_at<'f>(&'f self, s: &Sent, j: usize) -> Option<(usize, &'f Force)> {
        let hit = self.ending_at(s, j)?;
        let next = s.word(j + 1);
        if lexicon::deployment_word(next, DeploymentWord::NotAfterHead) {
            return None;
        }
        // A longer compound goes on ("fighter" in "fighter jets"), and a
        // force noun before another is its modifier ("Self-Defense Forces
        // personnel").
        if self.ending_at(s, j + 1).is_some() {
            return None;
        }
        // "the Intermediate-Range Nuclear Forces Treaty", "the Conventional
        // Armed Forces in Europe treaty": a force noun in a treaty's name.
        let capital = |k: usize| s.capital.get(k).copied().unwrap_or(false);
        if capital(j)
            && (lexicon::treaty_name_ahead((j + 1..s.len()).map(|k| (s.word(k), capital(k))))
                || lexicon::treaty_name_behind((0..hit.0).rev().map(|k| (s.word(k), capital(k)))))
        {
            return None;
        }
        // A bare adjective-like noun ("military", "naval") heads its phrase
        // only at its end.
        if hit.1.words.len() == 1
            && matches!(s.word(j), "military" | "police" | "special")
            && next.chars().next().is_some_and(char::is_alphabetic)
            && !is_phrase_end(next)
        {
            return None;
        }
        Some(hit)
    }
}

/// Words that can follow the head of a noun phrase.
fn is_phrase_end(w: &str) -> bool {
    matches!(
        w,
        "to" | "into"
            | "in"
            | "at"
            | "on"
            | "near"
            | "along"
            | "from"
            | "and"
            | "or"
            | "as"
            | "for"
            | "under"
            | "with"
            | "by"
            | "after"
            | "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "that"
            | "who"
            | "which"
            | "towards"
            | "toward"
            | "there"
            | "last"
            | "this"
            | "next"
            | "inside"
            | "across"
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// Handing forces over or sending them off: send, dispatch, transfer.
    Send,
    /// Moving one's own forces: deploy, move, relocate, rotate.
    Move,
    /// Keeping forces where they are put: station, base, position, post.
    Station,
    Extend,
    Withdraw,
    /// Forces moving themselves, the force the verb's subject: "advanced
    /// toward", "sailed into".
    Advance,
    /// Forces leaving the place that is the verb's object: "left Niger".
    Leave,
    /// A noun ("deployment"), with the status its verb would give.
    Noun(Status),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    New,
    Withdrawn,
}

/// The trigger at token `k`: verbs used as verbs, nouns after a
/// determiner or before "of" (the words are the lexicon's
/// `deployment_triggers.tsv`).
fn trigger(s: &Sent, k: usize) -> Option<Trigger> {
    let w = s.word(k);
    if let Some(withdrawn) = lexicon::deployment_noun(w) {
        return Some(Trigger::Noun(if withdrawn {
            Status::Withdrawn
        } else {
            Status::New
        }));
    }
    let next = s.word(k + 1);
    let nominal = after_determiner(s, k) && !w.ends_with("ing") || next == "of";
    if nominal {
        // "the dispatch of two frigates"; "a move", "the base": no trigger.
        return lexicon::deployment_nominal(w).then_some(Trigger::Noun(Status::New));
    }
    let t = match lexicon::deployment_verb(w)? {
        // Ordering is checked by the caller: only with a destination after
        // the force.
        DeploymentVerb::Send | DeploymentVerb::Order => Trigger::Send,
        DeploymentVerb::Move => Trigger::Move,
        DeploymentVerb::Station => Trigger::Station,
        DeploymentVerb::Extend => Trigger::Extend,
        DeploymentVerb::Withdraw => Trigger::Withdraw,
        // "pulled out", "pulled its troops out of Mali".
        DeploymentVerb::Pull
            if matches!(next, "out" | "back")
                || (k + 2..(k + 9).min(s.len())).any(|j| {
                    matches!(s.word(j), "out" | "back") && matches!(s.word(j + 1), "of" | "from")
                }) =>
        {
            Trigger::Withdraw
        }
        DeploymentVerb::Pull => return None,
        DeploymentVerb::Advance => Trigger::Advance,
        DeploymentVerb::Leave => Trigger::Leave,
    };
    Some(t)
}

/// Whether the trigger at token `k` is a verb of ordering, which sends
/// forces only when it names where to.
fn ordering(s: &Sent, k: usize) -> bool {
    lexicon::deployment_verb(s.word(k)) == Some(DeploymentVerb::Order)
}

/// A force noun of one deployment: its head token and the first token of
/// its noun phrase (where a count or a modifier may stand).
#[derive(Debug, Clone, Copy)]
struct ForceHit<'f> {
    head: usize,
    phrase_start: usize,
    force: &'f Force,
}

/// A deployment with what the event coder needs.
pub(crate) struct Found {
    pub deployment: Deployment,
    /// The event of the deployment.
    pub action: Option<Action>,
    /// Whether the verb's own code, where the verb dictionary has one,
    /// comes first: forces that move themselves ("Russian troops moved
    /// into Ukraine" is the dictionary's entry into territory, not a
    /// cooperation with Ukraine), unless it is a visit or a promise, which
    /// forces do not make ("bombers flew to Venezuela").
    pub verb_first: bool,
    /// The trigger's token.
    pub at_token: usize,
    /// Tokens the verb coder must leave alone.
    pub consumed: Vec<usize>,
}

/// Force nouns from token `from` on: the first head within a short window
/// and those joined to it by "and" or commas ("weapons and troops").
fn forces_after<'f>(forces: &'f Forces, s: &Sent, from: usize) -> Vec<ForceHit<'f>> {
    let barrier = |j: usize| {
        let w = s.word(j);
        // "up to five" is a count, not a destination.
        lexicon::deployment_word(w, DeploymentWord::Barrier)
            && !(w == "to" && j > 0 && s.word(j - 1) == "up")
            || j > from && trigger(s, j).is_some_and(|t| !matches!(t, Trigger::Noun(_)))
    };
    let mut out: Vec<ForceHit<'f>> = Vec::new();
    let Some(mut first) = (from..(from + 9).min(s.len()))
        .take_while(|&j| !barrier(j))
        .find_map(|j| forces.head_at(s, j).map(|(a, f)| (j, a, f)))
    else {
        return out;
    };
    // "a brigade of 4,800 troops", "a contingent of 200 soldiers": a unit
    // of personnel is sent as the people it holds, counted as they are.
    if first.2.class == ForceClass::Units && s.word(first.0 + 1) == "of" {
        let inner = (first.0 + 2..(first.0 + 7).min(s.len()))
            .take_while(|&j| !barrier(j))
            .find_map(|j| forces.head_at(s, j).map(|(a, f)| (j, a, f)))
            .filter(|(_, _, f)| f.class == ForceClass::Personnel);
        if let Some((head, _, force)) = inner {
            first = (head, first.1, force);
        }
    }
    out.push(ForceHit {
        head: first.0,
        phrase_start: from.min(first.1),
        force: first.2,
    });
    // "tactical nuclear weapons and troops", "troops, tanks and jets".
    let mut last = first.0;
    while matches!(s.word(last + 1), "and" | "," | "or") {
        let lo = last + 2;
        let next = (lo..(lo + 5).min(s.len()))
            .take_while(|&j| !barrier(j) && !matches!(s.word(j), "and" | "or"))
            .find_map(|j| forces.head_at(s, j).map(|(a, f)| (j, a, f)));
        let Some((head, a, force)) = next else {
            break;
        };
        out.push(ForceHit {
            head,
            phrase_start: lo.min(a),
            force,
        });
        last = head;
    }
    out
}

/// Words of a count or a determiner before a force noun.
fn count_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            w,
            "the"
                | "its"
                | "their"
                | "some"
                | "about"
                | "around"
                | "nearly"
                | "almost"
                | "roughly"
                | "approximately"
                | "more"
                | "than"
                | "over"
                | "up"
                | "to"
                | "at"
                | "least"
                | "a"
                | "an"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozen"
                | "dozens"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "additional"
                | "extra"
                | "further"
                | "tactical"
                | "nuclear"
        )
}

/// The force of a passive trigger at `k`: "(Russian) troops were sent",
/// "two frigates have been dispatched".
fn force_before<'f>(forces: &'f Forces, s: &Sent, k: usize) -> Option<ForceHit<'f>> {
    let mut j = k;
    let mut be = false;
    while j > 0 && lexicon::auxiliary(s.word(j - 1), Auxiliary::Passive) {
        be |= lexicon::auxiliary(s.word(j - 1), Auxiliary::PassiveBe);
        j -= 1;
    }
    if !be || j == 0 {
        return None;
    }
    force_phrase(forces, s, j - 1)
}

/// The force noun phrase whose head is token `head`: a count,
/// determiners and actor modifiers before it, and a unit it is "of" ("a
/// German brigade of 4,800 soldiers").
fn force_phrase<'f>(forces: &'f Forces, s: &Sent, head: usize) -> Option<ForceHit<'f>> {
    let (a, force) = forces.ending_at(s, head)?;
    let mut start = a;
    while start > 0 && start + 8 > a {
        let w = s.word(start - 1);
        if !(s.mention_at[start - 1].is_some() || count_word(w)) {
            if w == "of" && start > 1 {
                if let Some((u, _)) = forces.ending_at(s, start - 2) {
                    start = u;
                    continue;
                }
            }
            break;
        }
        start -= 1;
    }
    Some(ForceHit {
        head,
        phrase_start: start,
        force,
    })
}

/// The force that is the subject of an active trigger at `k`: "Russian
/// troops moved into ...", "two destroyers have arrived in ...", "US
/// forces will withdraw from ...". Auxiliaries and adverbs may stand
/// between them.
fn force_subject<'f>(forces: &'f Forces, s: &Sent, k: usize) -> Option<ForceHit<'f>> {
    let mut j = k;
    while j > 0 && (k - j) < 4 {
        let w = s.word(j - 1);
        let aux = lexicon::auxiliary(w, Auxiliary::Passive)
            || matches!(
                w,
                "will"
                    | "would"
                    | "could"
                    | "might"
                    | "may"
                    | "shall"
                    | "should"
                    | "can"
                    | "also"
                    | "then"
                    | "later"
                    | "finally"
                    | "not"
                    | "already"
            )
            || w.len() > 4 && w.ends_with("ly");
        if !aux {
            break;
        }
        j -= 1;
    }
    if j == 0
        || (j < k
            && (k - j) == 1
            && lexicon::auxiliary(s.word(j), Auxiliary::PassiveBe)
            && s.word(k).ends_with("ed"))
    {
        // "troops were moved": a passive, read by `force_before`.
        return None;
    }
    force_phrase(forces, s, j - 1)
}

/// Whether mention `m` stands for a country (a state, or a person or body
/// of one), so that a force's sector can be added to its code.
fn national(doc: &Doc, m: usize) -> bool {
    let mention = &doc.mentions[m];
    let p = doc.prefix(m);
    matches!(mention.kind, ActorKind::State | ActorKind::Person)
        && p.len() == 3
        && p.chars().all(|c| c.is_ascii_uppercase())
        && !matches!(p, "IGO" | "NGO" | "MNC")
        // A sector or role with no country ("ELI" for a UN chief, "REB").
        && !lexicon::role_code(p)
}

/// Actors written in a force's noun phrase.
#[derive(Debug, Default, Clone, Copy)]
struct PhraseActors {
    /// An actor modifier ("French troops", "Defence Force personnel") or a
    /// possessor ("its marines", "Japan's troops").
    sender: Option<usize>,
    /// A place a force mention swallowed after the noun ("marines from
    /// Iraq").
    origin: Option<usize>,
    /// Where a force mention with no owner of its own says the force is
    /// ("base fighter jets in Romania"): a destination, not the sender.
    placed: Option<usize>,
}

/// Words that end a force's noun phrase on its left: before them the
/// words belong to something else ("$300 million in weapons").
fn phrase_break(w: &str) -> bool {
    matches!(
        w,
        "in" | "of" | "worth" | "with" | "for" | "including" | "such" | "as" | "$" | "€" | "£"
    )
}

/// The actors of `hit`'s noun phrase.
fn phrase_actors(doc: &Doc, s: &Sent, focus: &Focus, hit: &ForceHit) -> PhraseActors {
    let mut out = PhraseActors::default();
    let mut modifiers_end = hit.head;
    if let Some((a, b)) = s.mention_range(hit.head) {
        let m = s.mention_at[hit.head];
        if a < hit.head && b > hit.head + 1 && s.word(hit.head + 1) == "in" {
            // "fighter jets in Romania": the resolver's one mention holds
            // the force and where it is; whose it is is read from the words
            // before the mention, or from the clause.
            out.placed = m;
            modifiers_end = a;
        } else if a < hit.head {
            out.sender = m;
            return out;
        }
        if b > hit.head + 1 {
            // "marines from Iraq": the mention's country is a place.
            out.origin = m;
        } else if m.is_some_and(|m| {
            // A bare "police" whose country the resolver only guessed from
            // the article is no sender: the clause's subject is.
            doc.mentions[m].kind != ActorKind::Group && doc.mentions[m].confidence >= 0.5
        }) {
            out.sender = m;
            return out;
        }
    }
    // Right to left: modifiers stand next to the noun, a count or a
    // determiner before them; a mention before a count is a recipient
    // (see `dative`).
    let mut saw_count = false;
    for p in (hit.phrase_start..modifiers_end).rev() {
        let w = s.word(p);
        if let Some(v) = possessor(doc, s, focus, p) {
            out.sender = v.first().copied();
            return out;
        }
        if let Some(m) = s.mention_at[p] {
            if !saw_count {
                out.sender = Some(m);
            }
            return out;
        }
        // "a German brigade of 4,800 soldiers": the unit the force is
        // "of" (taken into the phrase by `force_before`) has modifiers of
        // its own, before a count of its own.
        if w == "of" && p > hit.phrase_start {
            saw_count = false;
            continue;
        }
        if phrase_break(w) {
            break;
        }
        saw_count |= count_word(w) || w == "another";
    }
    out
}

/// The indirect object of an active trigger ("send Kyiv another $300
/// million in weapons", "sent Ukraine 50 tanks"): a mention right after
/// the verb with a count or a determiner between it and the force.
fn dative(s: &Sent, from: usize, head: usize) -> Option<usize> {
    let mut m = from;
    if s.word(m) == "the" {
        m += 1;
    }
    let (_, b) = s.mention_range(m)?;
    if b >= head || s.word(b - 1).ends_with("'s") {
        return None;
    }
    (b..head)
        .any(|j| count_word(s.word(j)) || matches!(s.word(j), "another" | "$" | "€" | "£"))
        .then_some(m)
}

/// "by X" after a passive trigger.
fn agent(s: &Sent, from: usize) -> Option<usize> {
    let by = (from..s.len())
        .take_while(|&j| !matches!(s.word(j), ";" | "." | ","))
        .find(|&j| s.word(j) == "by")?;
    let mut m = by + 1;
    while s.word(m) == "the" {
        m += 1;
    }
    s.mention_at.get(m).copied().flatten()
}

/// Where the destinations of a deployment were read from.
#[derive(Debug, Default)]
struct Places {
    /// Destination mentions ("to Britain and Belgium").
    to: Vec<usize>,
    /// Origin mentions ("from Iraq").
    from: Vec<usize>,
    /// A border phrase: its owner (None: the sender's own border) and the
    /// neighbour it faces.
    border: Option<(Option<usize>, Option<usize>)>,
    /// A place was named that is no country ("the Red Sea").
    named_place: bool,
    /// The destination is only approached ("near Taiwan"): forces shown,
    /// not sent to a partner.
    near: bool,
    purpose: Option<(usize, usize)>,
}

/// The first mention of the noun phrase at `j`, past determiners and
/// place adjectives.
fn mention_after(s: &Sent, j: usize) -> Option<usize> {
    let mut m = j;
    while m < s.len()
        && m < j + 3
        && lexicon::deployment_word(s.word(m), DeploymentWord::PlaceAdjective)
    {
        if s.mention_at[m].is_some() {
            break;
        }
        m += 1;
    }
    s.mention_at.get(m).copied().flatten().map(|_| m)
}

/// The obliques from token `from` to the end of the deployment's clause.
fn places(s: &Sent, from: usize) -> Places {
    let mut out = Places::default();
    let mut in_clause = true;
    let mut j = from;
    while j < s.len() {
        let w = s.word(j);
        if matches!(w, ";" | ".") {
            break;
        }
        if lexicon::clause_boundary(w) {
            in_clause = false;
        }
        if j > from && trigger(s, j).is_some_and(|t| !matches!(t, Trigger::Noun(_))) && in_clause {
            // Another deployment's verb: its places are its own.
            if s.word(j.saturating_sub(1)) != "to" {
                break;
            }
        }
        let destination = matches!(
            w,
            "to" | "into" | "towards" | "toward" | "in" | "inside" | "at" | "on" | "near" | "along"
        );
        if in_clause && destination && out.to.is_empty() && out.border.is_none() {
            if let Some(b) = border_at(s, j) {
                out.border = Some(b);
                j += 1;
                continue;
            }
            if let Some(m) = mention_after(s, j + 1) {
                out.to = compound(s, m);
                out.near = matches!(w, "near" | "along");
                j = m + 1;
                continue;
            }
            // "to the Red Sea", "into the Mediterranean": a place that is
            // no country.
            let place_noun = |x: usize| {
                s.capital.get(x).copied().unwrap_or(false)
                    || matches!(
                        s.word(x),
                        "border"
                            | "borders"
                            | "boundary"
                            | "frontier"
                            | "front"
                            | "region"
                            | "sea"
                            | "gulf"
                    )
            };
            if matches!(w, "to" | "into" | "towards" | "toward")
                && s.word(j + 1) == "the"
                && place_noun(j + 2)
            {
                out.named_place = true;
            }
        }
        // "from Mali", "out of Mali".
        let from_at = match w {
            "from" => Some(j + 1),
            "out" if s.word(j + 1) == "of" => Some(j + 2),
            _ => None,
        };
        if let (true, Some(at)) = (in_clause, from_at) {
            if let Some(m) = mention_after(s, at) {
                out.from = compound(s, m);
                j = m + 1;
                continue;
            }
        }
        // "for joint drills": a purpose of exercise.
        if w == "for"
            && in_clause
            && out.purpose.is_none()
            && (j + 1..(j + 4).min(s.len()))
                .any(|x| lexicon::deployment_word(s.word(x), DeploymentWord::Exercise))
        {
            let end = (j..s.len())
                .find(|&e| matches!(s.word(e), ";" | "." | ","))
                .unwrap_or(s.len());
            out.purpose = Some((j, end));
            j += 1;
            continue;
        }
        if w == "to"
            && in_clause
            && out.purpose.is_none()
            && s.mention_at.get(j + 1).copied().flatten().is_none()
            && !matches!(
                s.word(j + 1),
                "the" | "be" | "a" | "an" | "its" | "their" | ""
            )
            && !s.capital.get(j + 1).copied().unwrap_or(true)
        {
            let end = (j..s.len())
                .find(|&e| matches!(s.word(e), ";" | "."))
                .unwrap_or(s.len());
            out.purpose = Some((j, end));
            break;
        }
        j += 1;
    }
    out
}

/// A border phrase opening at preposition `j`: "along its border with
/// China", "near the border with X", "on Ukraine's border", "to the
/// Polish border". Returns its owner (None: the sender) and neighbour.
fn border_at(s: &Sent, j: usize) -> Option<(Option<usize>, Option<usize>)> {
    let b = (j + 1..(j + 5).min(s.len()))
        .take_while(|&x| !matches!(s.word(x), "," | ";" | "."))
        .find(|&x| {
            matches!(
                s.word(x),
                "border" | "borders" | "boundary" | "boundaries" | "frontier" | "frontiers"
            )
        })?;
    let mut owner = None;
    let mut neighbour = None;
    let mut own_said = false;
    for x in j + 1..b {
        let w = s.word(x);
        // "its border", "the southern border": a border named by its side
        // alone is the sender's own.
        if matches!(
            w,
            "its" | "their" | "own" | "our" | "southern" | "northern" | "eastern" | "western"
        ) {
            own_said = true;
        } else if let Some(m) = s.mention_at[x] {
            if w.ends_with("'s") || s.word(x + 1) == "'" {
                owner = Some(m);
            } else {
                neighbour = Some(m);
            }
        }
    }
    if matches!(s.word(b + 1), "with" | "near") {
        if let Some(m) = mention_after(s, b + 2) {
            neighbour = s.mention_at[m];
        }
    }
    // "the border" with no owner and no neighbour: whose it is is unknown.
    if owner.is_none() && neighbour.is_none() && !own_said {
        return None;
    }
    Some((owner, neighbour))
}

/// Deployments of sentence `s`. `last_to`: destinations of the previous
/// deployment in the document, updated.
pub(crate) fn deployments_in(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    last_to: &mut Vec<usize>,
) -> Vec<Found> {
    let forces = Forces::embedded();
    let mut out = Vec::new();
    let mut k = 0;
    let mut taken_until = 0;
    while k < s.len() {
        let Some(kind) = trigger(s, k) else {
            k += 1;
            continue;
        };
        // A verb of motion ("left", "head", "land") is a trigger only with
        // a force right before it, which makes it a verb whatever the
        // tagger says ("Chadian troops quit Mali"). Checked first: most
        // such words are no trigger, and the sentence need not be tagged.
        let moving = matches!(kind, Trigger::Advance | Trigger::Leave);
        if moving && force_subject(forces, s, k).is_none() {
            k += 1;
            continue;
        }
        // "struck a Russian air base with drones": a verb's form that the
        // tagger reads as a noun names a place or a thing, not a sending.
        let noun = !moving
            && doc
                .tagging(s)
                .tokens
                .get(k)
                .is_some_and(|t| matches!(t.upos.as_ref(), "NOUN" | "PROPN"));
        if k < taken_until || noun && !matches!(kind, Trigger::Noun(_)) {
            k += 1;
            continue;
        }
        let mut consumed = vec![k];
        let mut from = k + 1;
        // "pulled out 300 troops"; "pulled 300 troops out of Mali" reads
        // the force right after the verb.
        if lexicon::deployment_verb(s.word(k)) == Some(DeploymentVerb::Pull)
            && matches!(s.word(k + 1), "out" | "back")
        {
            from = k + 2;
        }
        // "extend the deployment of ...": one record, from the verb.
        if matches!(kind, Trigger::Extend | Trigger::Withdraw) {
            if let Some(n) = (k + 1..(k + 4).min(s.len()))
                .find(|&j| matches!(trigger(s, j), Some(Trigger::Noun(_))))
            {
                consumed.push(n);
                from = n + 1;
            }
        }
        let passive_force = if matches!(kind, Trigger::Noun(_) | Trigger::Advance | Trigger::Leave)
        {
            None
        } else {
            force_before(forces, s, k)
        };
        // Forces that move themselves, the trigger's subject: "Russian
        // troops moved into ...", "US forces withdrew from ...", "French
        // soldiers left Niger".
        let subject_force = match kind {
            Trigger::Advance | Trigger::Leave => force_subject(forces, s, k),
            Trigger::Move | Trigger::Withdraw if passive_force.is_none() => {
                force_subject(forces, s, k).filter(|_| forces_after(forces, s, from).is_empty())
            }
            _ => None,
        };
        // "left Niger": the place left is the verb's object; "entered
        // Ukraine", "crossed Philippine waters": the place entered.
        let object_place = match kind {
            Trigger::Leave | Trigger::Advance => {
                mention_after(s, k + 1).and_then(|m| s.mention_at[m].map(|_| m))
            }
            _ => None,
        };
        let left = object_place.filter(|_| kind == Trigger::Leave);
        let entered = object_place.filter(|_| kind == Trigger::Advance);
        if matches!(kind, Trigger::Advance | Trigger::Leave) && subject_force.is_none()
            || kind == Trigger::Leave && left.is_none()
        {
            k += 1;
            continue;
        }
        let hits = match (kind, passive_force.or(subject_force)) {
            (_, Some(h)) => vec![h],
            // A noun trigger's force is its "of" phrase, or the noun
            // before it ("troop deployments").
            (Trigger::Noun(_), None) if s.word(from) == "of" => forces_after(forces, s, from + 1),
            (Trigger::Noun(_), None) => k
                .checked_sub(1)
                .and_then(|p| forces.ending_at(s, p).map(|(a, force)| (p, a, force)))
                .map(|(head, phrase_start, force)| ForceHit {
                    head,
                    phrase_start,
                    force,
                })
                .into_iter()
                .collect(),
            (_, None) => forces_after(forces, s, from),
        };
        let Some(&first) = hits.first() else {
            k += 1;
            continue;
        };
        let last_head = hits.iter().map(|h| h.head).max().unwrap_or(first.head);
        // "ordered 3,000 troops to Poland" sends them; "ordered troops to
        // withdraw" or "ordered the troops" alone commands, and the event
        // coder codes the command.
        if ordering(s, k) {
            let to = last_head + 1;
            let destination = matches!(s.word(to), "to" | "into" | "toward" | "towards")
                && doc
                    .tagging(s)
                    .tokens
                    .get(to + 1)
                    .is_some_and(|t| !matches!(t.upos.as_ref(), "VERB" | "AUX" | "PART"));
            if passive_force.is_some() || !destination {
                k += 1;
                continue;
            }
        }
        taken_until = taken_until.max(last_head.max(k) + 1);
        let f = (!matches!(kind, Trigger::Noun(_))).then(|| frame(doc, s, focus, k, true, 0));
        // "refused to deploy", "urged X to send", "demanded that X
        // withdraw its troops", "denied reports that it sent troops":
        // nothing was sent or withdrawn.
        if f.as_ref().is_some_and(|f| {
            f.negated
                || f.unrealised
                || crate::events::requested_clause(s, f.aux_start)
                || crate::events::denied_clause(doc, s, f.aux_start)
        }) {
            k = last_head.max(k) + 1;
            continue;
        }
        let passive = passive_force.is_some();
        // Forces that move themselves into or towards a place: the verb
        // dictionary codes the move ("advanced into" is an assault, "moved
        // into" an occupation), the deployment records it.
        let verb_codes =
            subject_force.is_some() && matches!(kind, Trigger::Move | Trigger::Advance);
        let subject = match kind {
            Trigger::Noun(_) => {
                if k > 0 {
                    let p = if first.head + 1 == k && first.phrase_start > 0 {
                        first.phrase_start - 1
                    } else {
                        k - 1
                    };
                    possessor(doc, s, focus, p).and_then(|v| v.first().copied())
                } else {
                    None
                }
            }
            // "Britain announced that 500 troops would be deployed": with
            // no agent, the passive's force is the announcer's.
            _ if passive => agent(s, k + 1).or_else(|| {
                f.as_ref()
                    .filter(|f| f.reported_from.is_some())
                    .and_then(|f| f.subjects.first().copied())
                    .filter(|&m| national(doc, m) || doc.prefix(m) == "IGO")
            }),
            // The force is the subject: whose it is, its own words say.
            _ if subject_force.is_some() => None,
            _ => f.as_ref().and_then(|f| f.subjects.first().copied()),
        };
        let after = last_head.max(k) + 1;
        let dative = if passive || matches!(kind, Trigger::Noun(_)) {
            None
        } else {
            dative(s, from, first.head)
        };
        let pl = places(s, after);
        let purpose = pl.purpose.and_then(|(a, e)| {
            let span = Span::new(
                s.toks.get(a)?.span.start,
                s.toks.get(e.checked_sub(1)?)?.span.end,
            );
            doc.text.get(span.start..span.end).map(str::to_string)
        });
        let requested_by = requester(s, k);
        let status = match kind {
            Trigger::Extend => DeploymentStatus::Extended,
            Trigger::Withdraw | Trigger::Leave | Trigger::Noun(Status::Withdrawn) => {
                DeploymentStatus::Withdrawn
            }
            _ if f.as_ref().is_some_and(|f| f.intent) => DeploymentStatus::Planned,
            _ => DeploymentStatus::New,
        };
        let withdrawn = status == DeploymentStatus::Withdrawn;
        let intent = f.as_ref().is_some_and(|f| f.intent);
        let trig_at = s.toks[k].span.start;
        let ev_start =
            if matches!(kind, Trigger::Noun(_)) && k > 0 && matches!(s.word(k - 1), "the" | "a") {
                k - 1
            } else {
                k
            };
        let ev_start = if passive {
            first.phrase_start.min(ev_start)
        } else {
            ev_start
        };
        let evidence = Span::new(s.toks[ev_start].span.start, s.span.end);
        let (start, end, review_date) = dates_after(doc, s, trig_at);
        let before = out.len();
        let mut first_action: Option<(String, Vec<usize>)> = None;
        for hit in &hits {
            let PhraseActors {
                sender: inside,
                origin: swallowed,
                placed,
            } = phrase_actors(doc, s, focus, hit);
            let Some(sender) = inside.or(subject) else {
                continue;
            };
            let mut by = doc.mentions[sender].code.to_string();
            // A country's armed forces are its military, whatever the
            // resolver calls them ("Self-Defense Forces" as UAF).
            let armed = doc.mentions[sender].code.ends_with("UAF").then_some("MIL");
            if let Some(sector) = hit.force.sector.as_deref().or(armed) {
                if national(doc, sender) {
                    by = format!("{}{}", doc.prefix(sender), sector);
                }
            }
            let sender_country = doc.prefix(sender).to_string();
            // Destinations as mentions (the event's targets) and as codes
            // (the record's).
            let mut to: Vec<usize> = Vec::new();
            let mut to_codes: Vec<String> = Vec::new();
            let mut targets: Vec<usize> = Vec::new();
            if let Some(m) = left {
                to = compound(s, m);
            } else if withdrawn {
                to = if pl.from.is_empty() {
                    swallowed.into_iter().collect()
                } else {
                    pl.from.clone()
                };
                if to.is_empty() {
                    to = pl.to.clone();
                }
            } else if let Some((owner, neighbour)) = pl.border {
                // "the Ukrainian border" is the sender's own border with
                // Ukraine only when the two share one: US troops "near the
                // Russian border" are in a third country the phrase does not
                // name.
                let own_border = neighbour.is_none_or(|n| {
                    let theirs = doc.prefix(n);
                    theirs.len() != 3
                        || entente_annotate::places::share_border(&sender_country, theirs)
                });
                match owner {
                    Some(o) => to.push(o),
                    None if national(doc, sender) && own_border => {
                        to_codes.push(sender_country.clone())
                    }
                    None => {}
                }
                targets.extend(neighbour.or(owner));
            } else {
                to = pl.to.clone();
                if to.is_empty() {
                    to.extend(entered.map(|m| compound(s, m)).unwrap_or_default());
                }
                if to.is_empty() {
                    to.extend(dative.map(|m| compound(s, m)).unwrap_or_default());
                }
                if to.is_empty() {
                    to.extend(placed);
                }
            }
            let named =
                !to.is_empty() || !to_codes.is_empty() || pl.border.is_some() || pl.named_place;
            if !named {
                if let Some(m) = pl
                    .purpose
                    .and_then(|(a, e)| {
                        (a..e).find(|&x| {
                            matches!(s.word(x), "in" | "to") && mention_after(s, x + 1).is_some()
                        })
                    })
                    .and_then(|x| mention_after(s, x + 1))
                {
                    to = compound(s, m);
                } else if let Some(r) = requested_by {
                    to = vec![r];
                } else {
                    to = last_to.clone();
                }
            }
            // Never the sender, unless the text says so (a border phrase).
            to.retain(|&m| doc.prefix(m) != sender_country);
            if !to.is_empty() {
                *last_to = to.clone();
            }
            if pl.border.is_none() {
                targets = to.clone();
            }
            targets.retain(|&m| doc.prefix(m) != sender_country);
            to_codes.extend(to.iter().map(|&m| destination_code(doc, m)));
            to_codes.dedup();
            let lo = s.toks[hit.phrase_start].span.start;
            let hi = s.toks[hit.head].span.start;
            // A count is the number of what is sent: people for personnel,
            // hulls, airframes, launchers or units for the rest ("two
            // frigates" gives exactly 2).
            let personnel = doc
                .quantities
                .iter()
                .skip(doc.quantities.partition_point(|q| q.span.start < lo))
                .take_while(|q| q.span.start < hi)
                .filter(|q| q.span.end <= hi)
                .find(|q| {
                    // Not money ("$300 million in weapons").
                    let gap = doc.text.get(q.span.end..hi).unwrap_or("");
                    let own = doc.text.get(q.span.start..q.span.end).unwrap_or("");
                    let before = doc.text.get(..q.span.start).unwrap_or("").trim_end();
                    !gap.split_whitespace()
                        .any(|w| matches!(w, "in" | "of" | "worth"))
                        && !own.contains(['$', '€', '£'])
                        && !before.ends_with(['$', '€', '£'])
                })
                .and_then(|q| q.personnel());
            // The head as written, lower case: the plural stays ("troops"),
            // a compound stays whole ("fighter jets").
            let role = hit.force.words.join(" ");
            let aid = requested_by.is_some()
                || purpose
                    .as_deref()
                    .is_some_and(|p| lexicon::aid_stems().iter().any(|w| p.contains(w)));
            let exercise = purpose.as_deref().is_some_and(exercise_purpose);
            let mut code = if withdrawn {
                "087".to_string()
            } else if aid {
                "074".to_string()
            } else if exercise && !targets.is_empty() {
                // "crossed into Belarus for joint drills": military
                // cooperation with the host.
                "062".to_string()
            } else if targets.is_empty()
                || pl.border.is_some()
                || pl.near
                || hit.force.class == ForceClass::Weapons && kind != Trigger::Send
                || entered.is_some() && pl.to.is_empty()
            {
                // Forces moved to a border, to a sea, near a country or to
                // no partner, arms placed abroad, or forces that entered
                // another's territory or waters ("destroyers entered
                // Philippine waters"): a force posture (CAMEO "deploy arms",
                // "rush troops to the border").
                "154".to_string()
            } else if hit.force.class == ForceClass::Weapons {
                // Arms sent to another country: military aid.
                "072".to_string()
            } else {
                "062".to_string()
            };
            if intent {
                // "will withdraw its force unless ...": a threat;
                // "will withdraw its peacekeepers": involvement halted.
                code = if crate::events::on_condition_after(s, k + 1) {
                    crate::events::threat_code(&code)
                } else {
                    crate::events::withdrawal_intent(s, k + 1)
                        .filter(|_| withdrawn)
                        .map(str::to_string)
                        .unwrap_or_else(|| intent_code(&code))
                };
            }
            let deployment = Deployment {
                doc: doc.id.clone(),
                sentence: s.index,
                by,
                to: to_codes,
                personnel,
                role: Some(role),
                status,
                start: start.map(|s| s.0),
                start_precision: start
                    .map(|s| s.1)
                    .filter(|p| *p != DatePrecision::Publication),
                review_date,
                end,
                requested_by: requested_by.map(|m| doc.mentions[m].code.to_string()),
                purpose: purpose.clone(),
                evidence: doc.evidence(evidence),
            };
            // One event per trigger: the forces of a list are one act
            // (the same code and targets), so the event coder keeps one.
            let (code, targets) = first_action.get_or_insert((code, targets)).clone();
            let action = Action {
                sentence: s.index,
                sources: vec![sender],
                // A destination is the state, whatever sector its mention
                // took from the force noun ("withdrew soldiers from
                // Estonia": Estonia, not Estonia's military).
                targets: targets
                    .iter()
                    .map(|&m| {
                        let mut a = doc.actor(m);
                        a.code = destination_code(doc, m).into();
                        a
                    })
                    .collect(),
                code,
                negated: false,
                at_token: k,
                // "... after three Russian jets entered its airspace":
                // background to the main clause's event.
                background: f
                    .as_ref()
                    .is_some_and(|f| crate::events::subordinate_clause(s, f.aux_start)),
                clause_subject: None,
                verbal: false,
                evidence,
            };
            consumed.push(hit.head);
            out.push(Found {
                deployment,
                action: Some(action),
                verb_first: verb_codes,
                at_token: k,
                consumed: Vec::new(),
            });
        }
        if let Some(f) = out.get_mut(before) {
            if !verb_codes {
                f.consumed = consumed;
            }
        }
        k = last_head.max(k) + 1;
    }
    out
}

/// The code of a destination: a state's country code, other actors' full
/// code.
fn destination_code(doc: &Doc, m: usize) -> String {
    if doc.mentions[m].kind == ActorKind::State {
        doc.prefix(m).to_string()
    } else {
        doc.mentions[m].code.to_string()
    }
}

type Dated = Option<chrono::NaiveDate>;

/// Dates after the trigger: start (with its precision), end and review.
fn dates_after(
    doc: &Doc,
    s: &Sent,
    trig_at: usize,
) -> (Option<(chrono::NaiveDate, DatePrecision)>, Dated, Dated) {
    let mut review_date = None;
    let mut end = None;
    let mut start = None;
    let first = doc.dates.partition_point(|d| d.span.start <= trig_at);
    for d in doc
        .dates
        .iter()
        .skip(first)
        .take_while(|d| d.span.start < s.span.end)
        .filter(|d| s.span.contains(d.span) && d.span.start > trig_at)
    {
        let dk = s.token_at(d.span.start);
        let cue = (dk.saturating_sub(4)..dk)
            .map(|x| s.word(x))
            .collect::<Vec<_>>();
        if cue.iter().any(|w| w.starts_with("review")) {
            review_date = review_date.or(Some(d.date));
        } else if cue.iter().any(|w| {
            matches!(
                *w,
                "until" | "till" | "through" | "end" | "ending" | "expire" | "expires"
            )
        }) {
            end = end.or(Some(d.date));
        } else if start.is_none() {
            start = Some((d.date, d.precision));
        }
    }
    (start, end, review_date)
}

/// "after a request for help from X", "at the request of X", "requested by X".
fn requester(s: &Sent, from: usize) -> Option<usize> {
    let k = (from..s.len()).find(|&j| {
        matches!(
            s.word(j),
            "request" | "requests" | "requested" | "invitation" | "appeal" | "plea"
        )
    })?;
    (k + 1..(k + 7).min(s.len()))
        .take_while(|&j| !matches!(s.word(j), "," | ";" | "."))
        .find(|&j| {
            matches!(s.word(j), "from" | "of" | "by") && {
                let mut m = j + 1;
                while m < s.len() && s.word(m) == "the" {
                    m += 1;
                }
                s.mention_at.get(m).copied().flatten().is_some()
            }
        })
        .and_then(|j| {
            let mut m = j + 1;
            while m < s.len() && s.word(m) == "the" {
                m += 1;
            }
            s.mention_at.get(m).copied().flatten()
        })
}

/// Whether a deployment's purpose is a joint exercise ("for joint drills").
pub(crate) fn exercise_purpose(purpose: &str) -> bool {
    purpose
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| lexicon::deployment_word(&w.to_lowercase(), DeploymentWord::Exercise))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(text: &str) -> Sent {
        Doc::new(text, "t".into(), None, &[]).sentence(0)
    }

    #[test]
    fn every_vocabulary_row_is_read() {
        let rows = FORCES_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let forces = Forces::parse(FORCES_TSV);
        let singulars = forces
            .by_last
            .values()
            .flatten()
            .filter(|f| {
                FORCES_TSV
                    .lines()
                    .any(|l| l.split('\t').next() == Some(f.words.join(" ").as_str()))
            })
            .count();
        assert_eq!(
            singulars, rows,
            "help: a row of data/forces.tsv has the wrong number of columns or an unknown class"
        );
    }

    #[test]
    fn plurals_follow_the_rule_of_the_row() {
        let f = Forces::parse("# c\nairman\tairmen\tpersonnel\tMIL\nfighter jet\t+s\taircraft\tMIL\narms\t-\tweapons\tMIL\n");
        for (text, head, role) in [
            ("airmen", 0, "airmen"),
            ("two fighter jets", 2, "fighter jets"),
            ("arms", 0, "arms"),
        ] {
            let s = sent(text);
            let hit = f.head_at(&s, head).map(|(_, f)| f.words.join(" "));
            assert_eq!(hit.as_deref(), Some(role), "{text}");
        }
        assert!(f.head_at(&sent("armss"), 0).is_none());
    }

    #[test]
    fn modifiers_are_not_heads() {
        let f = Forces::embedded();
        // (text, token, is a head)
        for (text, k, head) in [
            ("military aid", 0, false),
            ("military advisers", 1, true),
            ("aircraft carriers", 0, false),
            ("aircraft carriers", 1, true),
            ("forces personnel", 0, false),
            ("drone strikes", 0, false),
            ("the military to", 1, true),
        ] {
            assert_eq!(f.head_at(&sent(text), k).is_some(), head, "{text} at {k}");
        }
    }

    #[test]
    fn triggers_are_verbs_or_nouns_by_position() {
        for (text, k, want) in [
            ("Russia moved troops", 1, Some(Trigger::Move)),
            ("a move", 1, None),
            ("the base", 1, None),
            (
                "the dispatch of frigates",
                1,
                Some(Trigger::Noun(Status::New)),
            ),
            ("Britain dispatched frigates", 1, Some(Trigger::Send)),
            ("they stationed troops", 1, Some(Trigger::Station)),
            ("troop deployments", 1, Some(Trigger::Noun(Status::New))),
            (
                "the withdrawal of",
                1,
                Some(Trigger::Noun(Status::Withdrawn)),
            ),
            ("France pulled out", 1, Some(Trigger::Withdraw)),
            ("France pulled ahead", 1, None),
        ] {
            assert_eq!(trigger(&sent(text), k), want, "{text}");
        }
    }
}
