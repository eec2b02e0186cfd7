//! Verb and nominal events of one sentence.

use crate::analysis::{
    after_determiner, compound, conditional, frame, possessor, reporting_speaker, resolve_thing,
    Doc, Focus, Frame, Sent,
};
use crate::codes::CodeTable;
use crate::tree::passive_agent;
use crate::verbs::{
    Frame as NomFrame, Inflection, Nominal, VerbDictionary, VerbForm, CLAUSE_BARRIER,
};
use entente_annotate::actors::ActorDictionary;
use entente_core::lexicon::{
    self, Auxiliary, ClauseGovernor, DeploymentVerb, EventNoun, EventPreposition, PlaceNoun,
    SectorClass,
};
use entente_core::{ActorCode, ActorKind, ActorRef, CameoCode, Event, Span};

/// CAMEO roots whose events are complete without a target.
const SELF_CONTAINED_ROOTS: &[&str] = &[
    "02", "08", "10", "11", "12", "14", "15", "17", "18", "19", "20",
];
/// CAMEO codes, outside those roots, complete without a target: claiming
/// (015) or denying (016) responsibility names no other party.
const SELF_CONTAINED_CODES: &[&str] = &["015", "016"];
/// CAMEO roots of reactions to what others did or said: appeals, praise,
/// demands, disapproval, rejection, threats. What such a verb's object
/// names ("condemned the strikes") is somebody else's act, or none yet.
const REACTION_ROOTS: &[&str] = &["02", "05", "10", "11", "12", "13"];

/// Whether an event of CAMEO `code` stands without a target.
fn self_contained(code: &str) -> bool {
    SELF_CONTAINED_CODES.contains(&code)
        || CameoCode::root_of(code).is_some_and(|root| SELF_CONTAINED_ROOTS.contains(&root))
}

/// Whether CAMEO `code` uses force on its target: assault, fight or mass
/// violence (roots 18, 19, 20).
fn use_of_force(code: &str) -> bool {
    matches!(CameoCode::root_of(code), Some("18" | "19" | "20"))
}

/// Whether CAMEO `code` is a reaction (see [`REACTION_ROOTS`]).
pub(crate) fn reaction(code: &str) -> bool {
    CameoCode::root_of(code).is_some_and(|root| REACTION_ROOTS.contains(&root))
}

/// CAMEO roots of acts that joint actors do with each other.
const RECIPROCAL_ROOTS: &[&str] = &["03", "04", "05", "06"];

/// A coded action before it becomes [`Event`]s.
#[derive(Debug, Clone)]
pub(crate) struct Action {
    pub sentence: usize,
    pub sources: Vec<usize>,
    pub targets: Vec<ActorRef>,
    pub code: String,
    pub negated: bool,
    pub at_token: usize,
    pub evidence: Span,
    /// Told as background to the sentence's main event (a relative or
    /// adverbial clause, a noun inside a coded verb's object): dropped when
    /// the sentence has a main event.
    pub background: bool,
    /// For verb events: the token of the clause's subject in this sentence,
    /// if it is written there (not a pronoun or an earlier sentence's actor).
    pub clause_subject: Option<usize>,
    pub verbal: bool,
}

/// Verb positions found in a sentence, with their dictionary form.
pub(crate) struct VerbHit<'d> {
    pub start: usize,
    pub end: usize,
    pub form: &'d VerbForm,
}

/// Finds the dictionary verbs of a sentence used as verbs.
pub(crate) fn find_verbs<'d>(dict: &'d VerbDictionary, doc: &Doc, s: &Sent) -> Vec<VerbHit<'d>> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < s.len() {
        if s.mention_at[k].is_some() {
            k += 1;
            continue;
        }
        let forms = dict.verb_forms(s.word(k));
        // Among the forms that fit the words and read as a verb here: the
        // longest, then one with a code of its own.
        let form = forms
            .iter()
            .filter(|f| {
                f.rest
                    .iter()
                    .enumerate()
                    .all(|(i, r)| s.word(k + 1 + i) == r)
            })
            .filter(|f| {
                // The word reads as a verb here, and the tagger (trained
                // on the treebank) agrees: "naval exercises" is a noun.
                // "was hit": a base form after "be" that the tagger reads
                // as a participle.
                let tag = || doc.xpos(s, k);
                let participle = f.inflection == Inflection::Base
                    && k > 0
                    && matches!(s.word(k - 1), "was" | "were" | "been" | "be" | "is" | "are")
                    && tag() == Some("VBN");
                // "began rounding up and deporting": the -ing form after a
                // verb of beginning or going on, or coordinated with one.
                let aspectual = f.inflection == Inflection::Gerund && {
                    let lemma_at = |j: usize| {
                        doc.tagging(s)
                            .tokens
                            .get(j)
                            .map(|t| t.lemma.as_str())
                            .unwrap_or("")
                    };
                    k > 0
                        && (lexicon::aspect_verb(lemma_at(k - 1))
                            || matches!(s.word(k - 1), "and" | "or")
                                && out.last().is_some_and(|h: &VerbHit| {
                                    h.end + 4 >= k && s.word(h.start).ends_with("ing")
                                }))
                };
                // "Washington cast the lone veto": an actor, the verb, a
                // determiner is a clause whatever the tagger says.
                // So is an actor, the verb, a count or a named actor
                // ("troops killed 12 fighters", "Russia attacked Ukraine"),
                // or a verb of killing's result ("troops shot dead two
                // youths").
                // An object opens after the word: a determiner or
                // possessive, an actor, a count, or `also` ("dead", "all").
                let object_after = |also: &str| {
                    let w = s.word(k + 1);
                    matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her")
                        || w == also
                        || s.mention_at.get(k + 1).is_some_and(Option::is_some)
                        || doc.xpos(s, k + 1) == Some("CD")
                };
                let clausal = k > 0
                    && s.mention_at[k - 1].is_some()
                    && !modifier_mention(s, k - 1)
                    && object_after("dead");
                // "issued a statement backing X": what the statement does,
                // though the tagger may read a noun compound.
                let reported = f.inflection == Inflection::Gerund
                    && k > 0
                    && s.mention_at[k - 1].is_none()
                    && doc
                        .tagging(s)
                        .tokens
                        .get(k - 1)
                        .is_some_and(|t| lexicon::discourse_noun(&t.lemma));
                // "protested to X, accusing Y of ...": an -ing clause set
                // off by a comma after a finite verb is an adverbial
                // participle whose subject is the main clause's (the tree
                // hangs it on an earlier verb).
                let adverbial = f.inflection == Inflection::Gerund
                    && k > 0
                    && s.word(k - 1) == ","
                    && tag() == Some("VBG")
                    && {
                        let tree = doc.tree(s);
                        tree.tokens.get(k).is_some_and(|t| {
                            t.deprel == "advcl"
                                && t.head.is_some_and(|h| {
                                    // "accused X of violating ..., ignoring
                                    // ...": a list of -ing complements.
                                    let listed = (h + 1..k).any(|j| {
                                        doc.xpos(s, j) == Some("VBG")
                                            && doc.xpos(s, j - 1) == Some("IN")
                                    });
                                    h < k
                                        && !listed
                                        && tree.tokens.get(h).is_some_and(|g| {
                                            matches!(
                                                g.xpos.as_str(),
                                                "VBD" | "VBZ" | "VBP" | "VBN" | "VB"
                                            )
                                        })
                                })
                        })
                    };
                // A phrasal verb whose particle follows ("set free",
                // "pulled out") reads as a verb where the linear context
                // says so, whatever the tagger says.
                let phrasal = !f.rest.is_empty();
                // "drones hit a plant": a form that is both base and past
                // ("hit", "cast", "set") is the past where the tagger reads
                // a finite past.
                let inflection = match (f.inflection, tag()) {
                    (Inflection::Base, Some("VBD")) => Inflection::Past,
                    (Inflection::Base, Some("VBP")) => Inflection::Present,
                    (i, _) => i,
                };
                // "resumed bombing Kurdish positions": after a verb of
                // beginning or going on, an -ing word with an object is a
                // verb, though the tagger may read the noun "bombing".
                let with_object = aspectual
                    && (s.mention_at.get(k + 1).is_some_and(Option::is_some)
                        || doc.xpos(s, k + 1).is_some_and(|t| {
                            matches!(
                                t,
                                "DT" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "PRP$" | "CD"
                            )
                        }));
                // "pledged to free the sailors", "would free them": a base
                // form after the infinitive's "to" or a modal, with an
                // object after it, is a verb, though the tagger may read an
                // adjective ("free").
                let infinitive = f.inflection == Inflection::Base
                    && k > 0
                    && (s.word(k - 1) == "to"
                        || lexicon::auxiliary(s.word(k - 1), Auxiliary::Modal))
                    && object_after("all");
                // "Prime Minister Shinzo Abe spoke by phone": a past form
                // right after its subject, before no noun it could modify,
                // is the finite verb, though the tagger may read a noun
                // ("spoke") after a long opening clause.
                let after_subject = f.inflection == Inflection::Past
                    && f.rest.is_empty()
                    && k > 0
                    && s.mention_at[k - 1].is_some()
                    && !modifier_mention(s, k - 1)
                    && doc.tagging(s).tokens.get(k + 1).is_some_and(|t| {
                        matches!(t.upos.as_str(), "ADP" | "DET" | "ADV" | "PRON" | "NUM")
                    });
                reported
                    || adverbial
                    || after_subject
                    || (used_as_verb(s, k, inflection) || participle || aspectual)
                        && (tag().is_some_and(|t| t.starts_with("VB"))
                            || clausal
                            || phrasal
                            || with_object
                            || infinitive)
                        && !prenominal_participle(doc, s, k)
            })
            .max_by_key(|f| {
                (
                    f.rest.len(),
                    f.code.is_some(),
                    f.inflection != Inflection::Base,
                )
            });
        let Some(form) = form else {
            k += 1;
            continue;
        };
        let end = k + 1 + form.rest.len();
        // "staged rallies", "send arms": a bare form right after a verb is
        // its object.
        let adjacent = out.last().map(|h: &VerbHit| h.end == k).unwrap_or(false);
        if adjacent && matches!(form.inflection, Inflection::Present | Inflection::Base) {
            k = end;
            continue;
        }
        // "forces launched", "troops pushed": an -s form right before a
        // verb in the past is the plural noun that is its subject; two
        // finite verbs do not stand side by side.
        if adjacent
            && form.inflection == Inflection::Past
            && out
                .last()
                .is_some_and(|h| h.form.inflection == Inflection::Present && h.end == h.start + 1)
        {
            out.pop();
        }
        out.push(VerbHit {
            start: k,
            end,
            form,
        });
        k = end;
    }
    out
}

/// Whether the participle at token `k` modifies the noun after it
/// ("hammered suspected militant hideouts", "the promised aid"): a VBN
/// with no auxiliary before it, after a verb, a determiner, a preposition
/// or an adjective, and before a noun or an adjective.
fn prenominal_participle(doc: &Doc, s: &Sent, k: usize) -> bool {
    if k == 0 || doc.xpos(s, k) != Some("VBN") || s.mention_at[k - 1].is_some() {
        return false;
    }
    let prev = s.word(k - 1);
    if matches!(
        prev,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "having"
            | "get"
            | "got"
            | "gets"
            | "getting"
    ) {
        return false;
    }
    let before = doc.xpos(s, k - 1).unwrap_or("");
    let after = doc.xpos(s, k + 1).unwrap_or("");
    matches!(
        before,
        "VB" | "VBD" | "VBZ" | "VBP" | "VBG" | "DT" | "IN" | "JJ" | "PRP$" | "POS" | "CD"
    ) && (after.starts_with("NN") || after == "JJ")
}

/// Whether the mention ending at token `k` is written in lower case and
/// singular ("military", "official"), so reads as a modifier.
fn modifier_mention(s: &Sent, k: usize) -> bool {
    let Some((a, _)) = s.mention_range(k) else {
        return false;
    };
    let lower = (a..=k).all(|j| !s.capital[j]);
    lower && !s.word(k).ends_with('s')
}

fn used_as_verb(s: &Sent, k: usize, inflection: Inflection) -> bool {
    // Look past adverbs: "routinely beat".
    let mut p = k;
    while p > 0 && s.word(p - 1).len() > 4 && s.word(p - 1).ends_with("ly") {
        p -= 1;
    }
    let prev = if p > 0 { s.word(p - 1) } else { "" };
    // "military aid", "official contact": a singular common noun or
    // adjective naming an actor modifies the word after it.
    let prev_is_actor =
        p > 0 && s.mention_at[p - 1].is_some() && !(p == k && modifier_mention(s, p - 1));
    match inflection {
        Inflection::Base => {
            prev_is_actor
                || matches!(
                    prev,
                    "to" | "will"
                        | "would"
                        | "shall"
                        | "may"
                        | "might"
                        | "could"
                        | "can"
                        | "must"
                        | "should"
                        | "not"
                        | "n't"
                        | "did"
                        | "do"
                        | "does"
                        | "and"
                        | "or"
                        | "also"
                        | "we"
                        | "they"
                        | "i"
                        | "you"
                        | "never"
                        | "jointly"
                        | "\""
                )
                || prev.ends_with("n't")
        }
        Inflection::Gerund => {
            matches!(
                prev,
                "is" | "are" | "was" | "were" | "been" | "be" | "am" | "not" | "also"
            )
        }
        // "a suspension of air links": a noun after a preposition or
        // determiner and a modifier is a noun too.
        Inflection::Present if p == k && p >= 2 && !prev_is_actor && after_determiner(s, p - 1) => {
            false
        }
        Inflection::Present | Inflection::Past => !after_determiner(s, k) || prev == "and",
    }
}

/// Codes the verbs of sentence `s`; `consumed` tokens (deployment
/// triggers) are left to their own coder.
pub(crate) fn code_verbs(
    doc: &Doc,
    s: &Sent,
    focus: &mut Focus,
    consumed: &[usize],
    dict: &VerbDictionary,
    previous: &[Action],
) -> Vec<Action> {
    let verbs = find_verbs(dict, doc, s);
    let mut out: Vec<Action> = Vec::new();
    // Governors whose complement was coded: their own event is replaced.
    let mut superseded: Vec<usize> = Vec::new();
    let mut request_targets: Vec<usize> = Vec::new();
    // Objects of earlier verbs: "help X combat Y" does not code X's act.
    let mut object_of: Vec<usize> = Vec::new();
    let mut last_subjects: Option<Vec<usize>> = None;
    let mut prev_verb: Option<usize> = None;
    let mut pending: Vec<(usize, Action)> = Vec::new();
    for hit in &verbs {
        if std::env::var_os("ENTENTE_DEBUG").is_some() {
            eprintln!("  verb {:?} at {}", hit.form.lemma, hit.start);
        }
        // "was hit", "were put": a form the dictionary lists as a base is a
        // participle when the tagger reads it as one.
        let past = hit.form.inflection == Inflection::Past || doc.xpos(s, hit.start) == Some("VBN");
        let mut f = frame(doc, s, focus, hit.start, past, 0);
        // ", killing ...": a participle after the main clause shares its subject.
        if hit.form.inflection == Inflection::Gerund
            && hit.start > 0
            && s.word(hit.start - 1) == ","
        {
            if let Some(prev) = &last_subjects {
                f.subjects = prev.clone();
            }
        }
        // "killed X and wounded Y": a verb coordinated right after an
        // earlier verb's object shares that verb's subject, not the object.
        if f.aux_start > 0 && matches!(s.word(f.aux_start - 1), "and" | "or") {
            let object = subject_token(s, &f, hit.start)
                .map(|t| prev_verb.map(|v| t > v).unwrap_or(false))
                .unwrap_or(false);
            if object {
                f.subjects = last_subjects.clone().unwrap_or_default();
            }
        }
        prev_verb = Some(hit.start);
        if !f.subjects.is_empty() && !lexicon::speech_verb(s.word(hit.start)) {
            last_subjects = Some(f.subjects.clone());
        }
        for &m in &f.subjects {
            focus.note_subject(doc, m);
        }
        if lexicon::speech_verb(s.word(hit.start)) || consumed.contains(&hit.start) {
            continue;
        }
        // "shunned work to protest at X", "stayed home to protest": an act
        // done in order to protest is a protest (CAMEO 14), where the act
        // is coded as no more than coercion or not at all.
        // (Only a verb of protest is coded here first: the others once, below.)
        let protest_verb = dict
            .default_code(hit.form)
            .is_some_and(|c| c.starts_with("14"));
        let code_as = |fr: &Frame| code_verb(doc, s, hit, fr, dict, previous, &out);
        if protest_verb && !f.negated && purpose_protest(s, hit, &f, code_as, &mut pending) {
            continue;
        }
        if f.unrealised || requested_clause(s, f.aux_start) || denied_clause(doc, s, f.aux_start) {
            continue;
        }
        // A subject that a request in this sentence addressed: the act
        // asked for, not done ("asked that the Solomons give").
        let bare = f.aux_start == hit.start || f.governor.is_some();
        if f.subjects
            .iter()
            .any(|m| request_targets.contains(m) || (bare && object_of.contains(m)))
            && matches!(hit.form.inflection, Inflection::Base)
        {
            continue;
        }
        let action = if f.obligation {
            // "X said Y must act": X demands it of Y.
            obligation(doc, s, focus, hit, &f)
        } else {
            code_verb(doc, s, hit, &f, dict, previous, &out)
        };
        if std::env::var("ENTENTE_DEBUG").is_ok() {
            eprintln!(
                "{} {:?} {:?} -> {:?}",
                s.index,
                s.word(hit.start),
                f,
                action.as_ref().map(|a| (&a.code, &a.targets))
            );
        }
        let Some(action) = action else {
            continue;
        };
        let request = action.code.starts_with("02") || action.code.starts_with("10");
        for t in &action.targets {
            if let Some(k) = (hit.end..s.len()).find(|&k| {
                s.mention_at[k]
                    .map(|m| doc.mentions[m].code == t.code)
                    .unwrap_or(false)
            }) {
                if request {
                    request_targets.extend(compound(s, k));
                }
                object_of.extend(compound(s, k));
            }
        }
        if let Some(g) = f.governor {
            superseded.push(g);
        }
        if let Some(g) = publishing_container(doc, s, &verbs, hit) {
            superseded.push(g);
        }
        pending.push((hit.start, action.clone()));
        out.push(action);
    }
    violent_protest(doc, s, &mut pending);
    pending
        .into_iter()
        .filter(|(start, _)| !superseded.contains(start))
        .map(|(_, a)| a)
        .collect()
}

/// "Protesters hurled stones at police, demanding the king's
/// resignation": violence by civilians, students, workers or the
/// opposition who, in the same sentence, demand or protest is a violent
/// protest (CAMEO 145), with the sub-code of what they demand (1041–1044
/// give 1451–1454); their demand is its purpose, not an event of its own.
fn violent_protest(doc: &Doc, s: &Sent, pending: &mut Vec<(usize, Action)>) {
    let popular = |a: &Action| {
        !a.sources.is_empty()
            && a.sources.iter().all(|&k| {
                // The subject's first mention ("Berber protesters in
                // Algeria": its head).
                (k..(k + 3).min(s.len()))
                    .find_map(|j| s.mention_at[j])
                    .and_then(|m| doc.mentions.get(m))
                    .and_then(|m| m.sector.as_deref())
                    .is_some_and(|sec| lexicon::sector_opens_with(sec, &[SectorClass::Popular]))
            })
    };
    let violent =
        |a: &Action| !a.negated && matches!(CameoCode::root_of(&a.code), Some("18" | "19"));
    let Some(i) = pending.iter().position(|(_, a)| violent(a) && popular(a)) else {
        return;
    };
    let purpose = pending.iter().position(|(_, d)| {
        !d.negated
            && d.sources == pending[i].1.sources
            && matches!(CameoCode::root_of(&d.code), Some("10" | "14"))
    });
    // Or the sentence says so in words the coder codes nothing for
    // ("Protesters demanding an end to his rule hurled stones").
    let tags = doc.tagging(s);
    let protesting = (0..s.len()).any(|k| {
        tags.tokens
            .get(k)
            .is_some_and(|t| t.xpos == "VBG" && matches!(t.lemma.as_str(), "demand" | "protest"))
            || s.word(k) == "in" && s.word(k + 1) == "protest"
    });
    if purpose.is_none() && !protesting {
        return;
    }
    let code = match purpose.map(|j| pending[j].1.code.as_str()) {
        Some("1041") => "1451",
        Some("1042") => "1452",
        Some("1043") => "1453",
        Some("1044") => "1454",
        _ => "145",
    };
    pending[i].1.code = code.to_string();
    if let Some(j) = purpose {
        pending.remove(j);
    }
}

/// Codes an act done "to protest" as the protest: the latest earlier action
/// of the same subjects (in `pending`) takes the protest's code and, when
/// it names them, its targets, if it was coded as coercion (CAMEO 17) at
/// most; with no earlier action, an infinitive of purpose is the protest
/// itself. `code_as` codes the protest verb in a frame. Whether the protest
/// at `hit` was told so.
fn purpose_protest(
    s: &Sent,
    hit: &VerbHit,
    f: &Frame,
    code_as: impl Fn(&Frame) -> Option<Action>,
    pending: &mut Vec<(usize, Action)>,
) -> bool {
    // Only a purpose: "to protest" after the act's clause.
    if hit.start < 1 || s.word(hit.start - 1) != "to" || f.subjects.is_empty() {
        return false;
    }
    let mut realised = f.clone();
    realised.unrealised = false;
    let Some(protest) = code_as(&realised) else {
        return false;
    };
    if !protest.code.starts_with("14") {
        return false;
    }
    let act = pending
        .iter_mut()
        .rev()
        .find(|(at, a)| *at < hit.start && a.sources == f.subjects);
    match act {
        Some((_, a)) if a.code.starts_with("17") => {
            a.code = protest.code;
            if !protest.targets.is_empty() {
                a.targets = protest.targets;
            }
            true
        }
        Some(_) => false,
        None if f.unrealised => {
            pending.push((hit.start, protest));
            true
        }
        None => false,
    }
}

/// The verb that put out the words an -ing clause describes: in "issued a
/// statement condemning X" the statement's content (condemning) is the
/// event, and the issuing (at the returned token) is only its vehicle.
/// `hit` is the -ing verb right after a discourse noun that is the object
/// of an earlier verb of publishing.
fn publishing_container(doc: &Doc, s: &Sent, verbs: &[VerbHit], hit: &VerbHit) -> Option<usize> {
    if hit.form.inflection != Inflection::Gerund || hit.start == 0 {
        return None;
    }
    let noun = hit.start - 1;
    let tags = doc.tagging(s);
    if !tags
        .tokens
        .get(noun)
        .is_some_and(|t| t.xpos.starts_with("NN") && lexicon::discourse_noun(&t.lemma))
    {
        return None;
    }
    // The nearest verb before the noun, with only its object's words
    // (determiners, adjectives, nouns) between.
    let container = verbs.iter().rev().find(|v| v.end <= noun)?;
    let object_only = (container.end..noun).all(|k| {
        tags.tokens.get(k).is_some_and(|t| {
            matches!(t.upos.as_str(), "DET" | "ADJ" | "NOUN" | "NUM" | "PROPN")
                && s.mention_at[k].is_none()
        })
    });
    (object_only && lexicon::publishing_verb(&container.form.lemma)).then_some(container.start)
}

/// The dictionary form that codes a command sending its object away
/// ("ordered the U.N. inspectors out", "directed the ambassador to leave"):
/// "expel", or "withdraw" when the object is a force of the commander's own
/// state ("ordered its troops out of Lebanon"). `None` for any other verb
/// or complement.
fn sent_away<'d>(
    doc: &Doc,
    s: &Sent,
    f: &Frame,
    hit: &VerbHit,
    dict: &'d VerbDictionary,
    phrase_end: usize,
) -> Option<&'d VerbForm> {
    if !lexicon::command_verb(&hit.form.lemma) || f.passive {
        return None;
    }
    // The object: the subject's own ("its troops"), or the first actor
    // after the verb, with only its determiners and modifiers between.
    let tags = doc.tagging(s);
    let own = matches!(s.word(hit.end), "its" | "their" | "his" | "her");
    let object = if own {
        None
    } else {
        Some((hit.end..phrase_end.min(hit.end + 6)).find(|&k| s.mention_at[k].is_some())?)
    };
    // Nouns that head the object after the actor or the possessive ("the
    // U.N. nuclear inspectors", "the army's last units"), then "out" or
    // "to" and a verb of departure.
    let mut k = match object {
        Some(o) => s.mention_range(o)?.1,
        None => hit.end + 1,
    };
    while k < phrase_end
        && tags.tokens.get(k).is_some_and(|t| {
            matches!(t.upos.as_str(), "NOUN" | "ADJ" | "PROPN" | "NUM") || t.xpos == "POS"
        })
    {
        k += 1;
    }
    let departure = |j: usize| {
        s.word(j.wrapping_sub(1)) == "to"
            && tags
                .tokens
                .get(j)
                .is_some_and(|t| lexicon::departure_verb(&t.lemma))
    };
    let away = match s.word(k) {
        "out" => true,
        "to" => departure(k + 1),
        // "the French ambassador to | leave": a title's "to" read into the
        // actor's name.
        _ if departure(k) => true,
        // "ordered the inspectors still in the country to leave": the tree
        // hangs the infinitive of departure on the verb of command.
        _ => {
            let tree = doc.tree(s);
            (k..s.len())
                .any(|j| departure(j) && tree.tokens.get(j).and_then(|t| t.head) == Some(hit.start))
        }
    };
    if !away {
        return None;
    }
    let mention = |k: usize| s.mention_at[k].and_then(|m| doc.mentions.get(m));
    let own_forces = own
        || object.and_then(mention).is_some_and(|o| {
            o.sector
                .as_deref()
                .is_some_and(|x| lexicon::sector_has(x, &[SectorClass::Armed]))
                && f.subjects
                    .iter()
                    .filter_map(|&j| mention(j))
                    .any(|m| m.code.get(..3).is_some() && m.code.get(..3) == o.code.get(..3))
        });
    let verb = if own_forces { "withdraw" } else { "expel" };
    dict.verb_forms(verb)
        .iter()
        .find(|v| v.lemma == verb && v.rest.is_empty())
}

/// What stands in a verb's words for a noun of force used as a figure of
/// speech: no pattern names it.
const FIGURE: &str = "~figure~";

#[allow(clippy::too_many_arguments)]
fn code_verb(
    doc: &Doc,
    s: &Sent,
    hit: &VerbHit,
    f: &Frame,
    dict: &VerbDictionary,
    previous: &[Action],
    this_sentence: &[Action],
) -> Option<Action> {
    let clause_end = clause_end(s, hit.end);
    let before: Vec<String> = s.words[f.aux_start.saturating_sub(3)..hit.start].to_vec();
    // The verb's own phrase: a "that" clause after it has verbs of its own,
    // and so has a clause a subordinator opens ("summoned the envoy after
    // protesters stormed the embassy").
    let opens_clause = |k: usize| {
        lexicon::subordinator(s.word(k))
            && (k + 1..(k + 6).min(clause_end))
                .any(|j| matches!(doc.xpos(s, j), Some("VBD" | "VBZ" | "VBP")))
    };
    let phrase_end = (hit.end..clause_end)
        .find(|&k| s.word(k) == "that" || opens_clause(k))
        .unwrap_or(clause_end)
        .min(hit.end + 12);
    // A passive verb's agent is its source, not its object: "was attacked
    // by drones" is not "attacked drones".
    let agent = if f.passive {
        passive_agent_at(doc, s, hit)
    } else {
        None
    };
    let mut after: Vec<String> = Vec::new();
    // "admitted a team of UN observers": the people after a group noun
    // head the phrase, so "team of" is no word between verb and object.
    let group_of = |k: usize| {
        lexicon::group_noun(s.word(k)) && s.word(k + 1) == "of"
            || k > hit.end && s.word(k) == "of" && lexicon::group_noun(s.word(k - 1))
    };
    for k in (hit.end..phrase_end)
        .filter(|&k| agent.map(|(by, end)| k < by || k >= end).unwrap_or(true))
        .filter(|&k| !group_of(k))
    {
        // "agreed to scrap sanctions": the infinitive's verb heads a clause
        // of its own.
        if k > hit.end && s.word(k - 1) == "to" && doc.xpos(s, k) == Some("VB") {
            after.push(CLAUSE_BARRIER.to_string());
        }
        // "launched a charm offensive": a noun of force as a figure of
        // speech is no pattern's word of force.
        let figure = k > 0
            && lexicon::event_noun(s.word(k - 1), EventNoun::Figurative)
            && dict
                .nominals(s.word(k))
                .iter()
                .any(|n| matches!(CameoCode::root_of(&n.code), Some("18" | "19" | "20")));
        if figure {
            after.push(FIGURE.to_string());
            continue;
        }
        after.push(s.words[k].clone());
    }
    if std::env::var_os("ENTENTE_DEBUG").is_some() {
        eprintln!("  before {before:?} after {after:?}");
    }
    // "ordered the inspectors out", "directed the ambassador to leave": a
    // command that sends its object away is coded as the dictionary codes
    // "expel" (or "withdraw", for the commander's own forces) with the same
    // words after it.
    let form = sent_away(doc, s, f, hit, dict, phrase_end).unwrap_or(hit.form);
    let pattern = dict.pattern_code(form, &before, &after);
    if std::env::var_os("ENTENTE_DEBUG").is_some() {
        eprintln!("  pattern code {pattern:?}");
    }
    let from_pattern = matches!(pattern, Some(Some(_)));
    let mut code = match pattern {
        Some(code) => code?,
        // "vowed to work closely with X": a verb of promise filed as a
        // threat ("vowed revenge") promises, with an infinitive its
        // patterns do not name, what the infinitive says; an act of force
        // there is coded in its own clause as the threat it is.
        None if s.word(
            (hit.end..s.len())
                .find(|&k| !time_between(s.word(k)))
                .unwrap_or(hit.end),
        ) == "to"
            && lexicon::clause_governor(s.word(hit.start), ClauseGovernor::Intent)
            && dict
                .default_code(form)
                .is_some_and(|c| CameoCode::root_of(&c) == Some("13")) =>
        {
            "030".to_string()
        }
        // "staged joint drills", "cast a veto": with no pattern of its own
        // for the words after it, a support verb means what its object
        // noun means, and the nominal coder codes that noun.
        None if lexicon::support_verb(&hit.form.lemma)
            && event_noun_after(dict, s, hit.end).is_some() =>
        {
            return None
        }
        // "Sanctions were imposed on X by Y": the passive's subject is the
        // event noun, coded by the nominal coder with its agent.
        None if lexicon::support_verb(&hit.form.lemma)
            && f.passive
            && (f.aux_start.saturating_sub(4)..f.aux_start)
                .any(|k| s.mention_at[k].is_none() && nominals_at(dict, s, k).next().is_some()) =>
        {
            return None
        }
        // "scrapped sanctions", "ended the blockade": a verb of ending with
        // no pattern of its own eases what its object names, and the
        // nominal coder codes that easing.
        None if lexicon::ending_verb(&hit.form.lemma)
            && event_noun_after(dict, s, hit.end)
                .is_some_and(|k| nominals_at(dict, s, k).any(|n| n.eased.is_some())) =>
        {
            return None
        }
        // "is preparing to invade", "prepared to send aid": getting ready
        // to act is told by the act, coded in its own clause as intended
        // (or, for force, readied); the verb of getting ready names none.
        None if lexicon::preparation_verb(&hit.form.lemma) && s.word(hit.end) == "to" => {
            return None
        }
        // "the African Union suspended Niger", "excluded Russia from the
        // talks": a party shut out of a body or its work (CAMEO 160).
        None if lexicon::exclusion_verb(&hit.form.lemma) && party_object(doc, s, hit.end) => {
            "160".to_string()
        }
        // "Erdogan and Mitsotakis spoke by phone": joint subjects of a verb
        // of speaking talk with each other, when the verb's "with" pattern
        // says that is consultation.
        None if f.subjects.len() > 1
            && !after.iter().any(|w| w == "with")
            && (hit.end..phrase_end).all(|k| s.mention_at.get(k).is_some_and(Option::is_none)) =>
        {
            let with: Vec<String> = std::iter::once("with".to_string())
                .chain(after.iter().cloned())
                .collect();
            match dict.pattern_code(hit.form, &before, &with).flatten() {
                Some(c) if CameoCode::root_of(&c) == Some("04") => c,
                _ => dict.default_code(hit.form)?,
            }
        }
        // "denied that its troops had crossed the border": denying what a
        // clause tells is denying responsibility (CAMEO 016), not refusing
        // a request (the block's 120).
        None if lexicon::denial_verb(&hit.form.lemma) && denies_clause(doc, s, hit.end) => {
            "016".to_string()
        }
        None => dict.default_code(form)?,
    };
    // "Mbeki flew into Harare for talks", "flew to Pyongyang for a
    // summit": an official who travels somewhere for talks visits it
    // (CAMEO 042), whatever the verb of motion codes for forces.
    if lexicon::deployment_verb(s.word(hit.start)) == Some(DeploymentVerb::Advance)
        && !f.passive
        && !f.intent
        && f.subjects
            .iter()
            .filter_map(|&j| s.mention_at[j])
            .any(|m| official(doc, m))
    {
        let for_talks = (hit.end..phrase_end).any(|k| {
            s.word(k) == "for"
                && (k + 1..(k + 5).min(phrase_end)).any(|j| {
                    nominals_at(dict, s, j).any(|n| {
                        n.frame == NomFrame::Meet && CameoCode::root_of(&n.code) == Some("04")
                    })
                })
        });
        if for_talks {
            code = "042".to_string();
        }
    }
    // "allowed the Red Cross to visit", "permitted a UN convoy to enter":
    // an international organisation let in is international involvement
    // allowed (CAMEO 086), where no pattern names what it does.
    if code == "080" && lexicon::permission_verb(&hit.form.lemma) {
        let object = (hit.end..phrase_end.min(hit.end + 5))
            .find_map(|k| s.mention_at[k])
            .and_then(|m| doc.mentions.get(m));
        let international = object.is_some_and(|o| {
            o.kind == ActorKind::Igo || o.code.starts_with("IGO") || o.code.starts_with("NGO")
        });
        if international {
            code = "086".to_string();
        }
    }
    // "retaliated with export controls", "responded with air strikes": the
    // act named after "with" is the event, coded by the nominal coder with
    // this verb's subject.
    // So is "hit back with tariffs": a verb of striking with "back".
    let back =
        s.word(hit.end) == "back" && lexicon::response_verb(&format!("{}_back", hit.form.lemma));
    let with = if back { hit.end + 1 } else { hit.end };
    if (back || lexicon::response_verb(&hit.form.lemma))
        && s.word(with) == "with"
        && event_noun_after(dict, s, with + 1).is_some()
    {
        return None;
    }
    // "fired back at US criticism": striking back at words is criticising
    // them (CAMEO 111), not using force.
    if back {
        let tags = doc.tagging(s);
        let at = (with..(with + 4).min(s.len())).find(|&k| s.word(k) == "at");
        let words_hit = at.is_some_and(|at| {
            (at + 1..(at + 8).min(s.len()))
                .find(|&k| {
                    s.mention_at[k].is_none()
                        && tags.tokens.get(k).is_some_and(|t| t.upos == "NOUN")
                })
                .and_then(|k| tags.tokens.get(k))
                .is_some_and(|t| lexicon::discourse_noun(&t.lemma))
        });
        if words_hit {
            code = "111".to_string();
        }
    }
    // "fired the army chief", "sacked his defence minister": an official
    // as the direct object of a verb of dismissal is put out of office.
    if lexicon::dismissal_verb(&hit.form.lemma) {
        // The direct object: after determiners, possessives and adjectives
        // only ("fired at X", "fired rockets into X" are no dismissals).
        let tags = doc.tagging(s);
        let object = (hit.end..(hit.end + 4).min(s.len()))
            .find(|&k| {
                s.mention_at[k].is_some()
                    || !tags
                        .tokens
                        .get(k)
                        .is_some_and(|t| matches!(t.upos.as_str(), "DET" | "PRON" | "ADJ"))
            })
            .and_then(|k| s.mention_at[k]);
        let holds_office = |m: usize| {
            official(doc, m)
                || doc.mentions[m].sector.as_deref().is_some_and(|sec| {
                    lexicon::sector_has(
                        sec,
                        &[
                            SectorClass::Government,
                            SectorClass::Elite,
                            SectorClass::Armed,
                        ],
                    )
                })
        };
        if object.is_some_and(holds_office) {
            return None;
        }
    }
    // "twelve people died in an attack by X": the noun of force is the
    // event, coded with its own agent and the verb's subject as victims.
    if suffered(s, hit)
        && matches!(s.word(hit.end), "in" | "during")
        && (hit.end + 1..(hit.end + 6).min(s.len())).any(|k| {
            dict.nominals(s.word(k)).iter().any(|n| {
                use_of_force(&n.code) && n.words.iter().enumerate().all(|(i, w)| s.word(k + i) == w)
            })
        })
    {
        return None;
    }
    // "began sharing data": a verb of beginning or going on means what its
    // -ing complement means, and that verb is coded on its own.
    if lexicon::aspect_verb(&hit.form.lemma) && doc.xpos(s, hit.end) == Some("VBG") {
        return None;
    }
    // "opened the war games", "began exercises": a support verb's show of
    // force whose object is an exercise noun is coded by the nominal
    // coder, which tells joint exercises (062) from a force's own (150).
    if code.starts_with("15")
        && event_noun_after(dict, s, hit.end)
            .is_some_and(|k| nominals_at(dict, s, k).any(|n| n.frame == NomFrame::Joint))
        && lexicon::support_verb(&hit.form.lemma)
    {
        return None;
    }
    // Disapproving a proposal is rejecting it: "dismissed an appeal"; an
    // explicit denunciation ("attacked the plan") stays criticism.
    if code == "110"
        && after
            .iter()
            .take(4)
            .any(|w| lexicon::event_noun(w, EventNoun::Proposal))
    {
        // "answered a request for help": a reply is neither criticism nor
        // refusal; the request is the event.
        if lexicon::reply_verb(&hit.form.lemma) {
            return None;
        }
        code = "120".to_string();
    }
    // "released a statement", "released a report": words released are a
    // statement (CAMEO 010), not people or property set free.
    if code.starts_with("084") {
        let tags = doc.tagging(s);
        let object = (hit.end..(hit.end + 4).min(s.len()))
            .filter_map(|j| tags.tokens.get(j))
            .find(|t| t.xpos.starts_with("NN"));
        if object.is_some_and(|t| lexicon::discourse_noun(&t.lemma)) {
            code = "010".to_string();
        }
    }
    // "attacked the plan", "hammered the decision": force against words or
    // decisions is criticism (CAMEO 111).
    if matches!(CameoCode::root_of(&code), Some("18" | "19")) && !f.passive {
        let tree = doc.tree(s);
        let object = tree
            .dependents(hit.start, "obj")
            .next()
            .and_then(|o| tree.tokens.get(o));
        if object.is_some_and(|o| o.upos == "NOUN" && lexicon::discourse_noun(&o.lemma)) {
            code = "111".to_string();
        }
    }
    let mut sources = f.subjects.clone();
    let armed = |m: usize| {
        let c = &doc.mentions[m].code;
        ActorCode::parse(c)
            .and_then(ActorCode::sector)
            .is_some_and(|rest| lexicon::sector_has(rest, &[SectorClass::Armed]))
    };
    // "rebels attacked government positions": a pattern that reads the
    // object as words ("* positions", criticism) does not hold when armed
    // forces do what the verb itself names, a material attack.
    if from_pattern
        && code.starts_with("11")
        && !sources.is_empty()
        && sources.iter().all(|&m| armed(m))
    {
        if let Some(own) = dict
            .default_code(hit.form)
            .filter(|c| matches!(CameoCode::root_of(c), Some("18" | "19")))
        {
            code = own;
        }
    }
    // "thousands rallied", "crowds poured into the capital": a show of
    // force by civilians is a demonstration (CAMEO 141); the codebook keeps
    // 15 for military and police power.
    if code.starts_with("15") && !sources.is_empty() && sources.iter().all(|&m| civilian(doc, m)) {
        code = "141".to_string();
    }
    // "Japan protested to China": a government's protest is an official
    // complaint (CAMEO 114); the codebook keeps 14 for civilians' dissent.
    // Strikes, rallies and riots stay collective action whoever does them,
    // as does what a support verb stages ("staged a hunger strike").
    if code == "140"
        && hit.form.lemma == "protest"
        && !sources.is_empty()
        && sources.iter().all(|&m| official(doc, m))
    {
        code = "114".to_string();
    }
    // "rebels surrendered": armed actors yielding retreat or surrender
    // militarily (CAMEO 0874), as the codebook puts it.
    if code == "080" && !sources.is_empty() && sources.iter().all(|&m| armed(m)) {
        code = "0874".to_string();
    }
    let target_at = first_target(doc, s, hit.end, clause_end, &sources);
    // "condemned the violation of Polish airspace by Russian drones":
    // disapproval is aimed at who did the act its object names, the agent
    // after "by", not the party named inside the act.
    let target_at = if code.starts_with("11") && !f.passive {
        nominal_agent(doc, s, hit.end, clause_end, &sources).or(target_at)
    } else {
        target_at
    };
    if f.passive {
        // "X was attacked by Y": Y acts on X.
        let (by, end) = agent?;
        let agent = (by + 1..end).find(|&k| s.mention_at[k].is_some())?;
        let agents = compound(s, agent);
        let patients = sources;
        sources = agents;
        return Some(build(
            doc,
            s,
            f,
            hit,
            code,
            sources,
            patients.iter().map(|&m| doc.actor(m)).collect(),
        ));
    }
    // "Prisoners rioted at a jail in X": with no actor named, collective
    // protest is coded to the place it happens, as the nominal "riots in X".
    if sources.is_empty() && code.starts_with("14") {
        sources = place_of(s, hit.end, clause_end).unwrap_or_default();
    }
    if sources.is_empty() {
        return None;
    }
    // "shared data on North Korean launches", "cooperate on Syria": the
    // object of "on" or "about" is the topic of cooperation, not a party.
    let topic = |k: usize| {
        let mut j = k;
        while j > hit.end && matches!(s.word(j - 1), "the" | "a" | "an") {
            j -= 1;
        }
        j > 0 && matches!(s.word(j - 1), "on" | "about" | "regarding")
    };
    // "signed a trade agreement in Hanoi": where joint actors cooperate,
    // a place in the source's own country is where, not whom.
    let own_place = |k: usize| {
        let own: Vec<&str> = sources.iter().map(|&m| doc.prefix(m)).collect();
        locative(s, k) && s.mention_at[k].is_some_and(|m| own.contains(&doc.prefix(m)))
    };
    // "Greek and Turkish leaders met on the sidelines of the NATO summit":
    // joint actors who meet at an organisation's meeting meet each other;
    // the organisation names the occasion.
    let occasion = |k: usize| {
        sources.len() > 1
            && s.mention_range(k).is_some_and(|(_, b)| {
                dict.nominals(s.word(b))
                    .iter()
                    .any(|n| n.words.len() == 1 && n.frame == NomFrame::Meet)
            })
    };
    // "China and India held talks in Kazan": a place is where joint actors
    // meet, not a party.
    let joint_place = |k: usize| {
        sources.len() > 1
            && locative(s, k)
            && s.mention_at[k].is_some_and(|m| {
                doc.mentions[m].kind == ActorKind::State && doc.mentions[m].sector.is_none()
            })
    };
    let target_at = target_at.filter(|&k| {
        !(matches!(CameoCode::root_of(&code), Some("03" | "04" | "05" | "06"))
            && (topic(k) || own_place(k) || occasion(k) || joint_place(k)))
    });
    let mut targets: Vec<ActorRef> = match target_at {
        Some(k) => {
            let t = compound(s, k);
            // Communication "with" an actor is consultation.
            if code.starts_with("01") && k > 0 && s.word(k - 1) == "with" {
                code = "040".to_string();
            }
            t.into_iter()
                .filter(|m| !sources.contains(m))
                .map(|m| doc.actor(m))
                .collect()
        }
        None => Vec::new(),
    };
    if targets.is_empty() {
        // "our partners": the partners this source last acted towards.
        let group = s.words[hit.end..clause_end]
            .iter()
            .any(|w| lexicon::event_noun(w, EventNoun::GroupAnaphor));
        if group {
            if let Some(t) = antecedent_target(doc, &sources, previous, this_sentence) {
                targets.push(t);
            }
        }
    }
    // "Poland condemned the move", "Lukashenko welcomed the deployment": a
    // reaction to an act named by a definite noun and no actor reacts to
    // whoever last acted in the story.
    // So does approving it: "Hungary's parliament ratified the accession".
    let approval = CameoCode::root_of(&code) == Some("05");
    if targets.is_empty()
        && (reaction(&code) || approval)
        && event_anaphor(doc, s, hit.end, clause_end, dict)
    {
        if let Some(t) = acting_antecedent(doc, s, &sources, previous, this_sentence) {
            targets.push(t);
        }
    }
    // "X and Y agreed": with no other party, joint actors act on each other;
    // so do any joint actors whose object is "each other" or "one another"
    // ("accused each other of violating the truce").
    let each_other = (hit.end..clause_end.min(hit.end + 4)).any(|k| {
        matches!(
            (s.word(k), s.word(k + 1)),
            ("each", "other") | ("one", "another")
        )
    });
    // A target that is one of the joint actors themselves ("Vietnam and
    // Australia upgraded their ties during a visit by Australia's prime
    // minister") is the other of them: they act on each other.
    let head_of = |c: &str| ActorCode::parse(c).map_or(c.to_string(), |a| a.head().to_string());
    let own_heads: Vec<String> = sources.iter().map(|&m| doc.prefix(m).to_string()).collect();
    let only_own_targets = sources.len() > 1
        && !targets.is_empty()
        && targets
            .iter()
            .all(|t| own_heads.contains(&head_of(t.code.as_str())));
    if only_own_targets {
        targets = sources.iter().map(|&m| doc.actor(m)).collect();
    }
    if targets.is_empty()
        && sources.len() > 1
        && (RECIPROCAL_ROOTS.contains(&CameoCode::root_of(&code).unwrap_or_default())
            || lexicon::reciprocal_verb(&hit.form.lemma)
            || each_other)
    {
        targets = sources.iter().map(|&m| doc.actor(m)).collect();
    }
    // "Kurdish militants attacked their convoy": force used on what a
    // possessive names is used on its owner, an actor named before the
    // verb other than the one using it.
    if targets.is_empty() && matches!(CameoCode::root_of(&code), Some("17" | "18" | "19" | "20")) {
        if let Some(owner) = possessive_object_owner(doc, s, hit, &sources) {
            targets.push(owner);
        }
    }
    // "shelled Kherson", "bombed Aleppo": force used on a city named as the
    // object, with no actor as target, is used on the state it lies in.
    if targets.is_empty() && use_of_force(&code) {
        let own: Vec<&str> = sources.iter().map(|&m| doc.prefix(m)).collect();
        if let Some(place) =
            attacked_place(doc, s, hit.start).filter(|p| !own.contains(&p.code.as_str()))
        {
            targets.push(place);
        }
    }
    // Without a target, only acts that need none stand alone: protests,
    // mobilisation, concessions (a resignation), violence.
    // Repression stands without a target only when it falls on something
    // named ("banned all rallies"), not as an intransitive verb of its
    // block ("the old agreement still holds").
    let repression_on_nothing = CameoCode::root_of(&code) == Some("17")
        && doc.tree(s).dependents(hit.start, "obj").next().is_none();
    if targets.is_empty() && (!self_contained(&code) || repression_on_nothing) {
        // "denounced sanctions" is listed as rallying support for the
        // sanctioned (053): with no party named, a verb of reaction means
        // what it means on its own (111), when that stands alone. Other
        // verbs' patterns say what the verb does not mean ("dominate
        // relations" is no fighting) and are not undone.
        match dict.default_code(hit.form) {
            Some(general) if self_contained(&general) && reaction(&general) => code = general,
            _ => return None,
        }
    }
    Some(build(doc, s, f, hit, code, sources, targets))
}

/// The token of the actor after "by" that follows a noun in `from..to` ("a
/// violation of Polish airspace by Russian drones": the drones), not one of
/// `sources`.
fn nominal_agent(doc: &Doc, s: &Sent, from: usize, to: usize, sources: &[usize]) -> Option<usize> {
    let tags = doc.tagging(s);
    let by = (from + 1..to).find(|&k| {
        s.word(k) == "by"
            && tags
                .tokens
                .get(k - 1)
                .is_some_and(|t| t.upos == "NOUN" || t.upos == "PROPN")
    })?;
    (by + 1..(by + 4).min(to))
        .find(|&k| s.mention_at[k].is_some())
        .filter(|&k| s.mention_at[k].is_some_and(|m| !sources.contains(&m)))
}

/// The state of the city that is the direct object of the verb at token
/// `verb` ("shelled Kherson"), from the gazetteer, when the object is a
/// proper name that no actor mention covers.
fn attacked_place(doc: &Doc, s: &Sent, verb: usize) -> Option<ActorRef> {
    let tree = doc.tree(s);
    let mut object = tree.dependents(verb, "obj").next()?;
    if s.mention_at.get(object).copied().flatten().is_some() {
        return None;
    }
    // "captured the eastern enclave of Srebrenica", "shelled the town of
    // Bakhmut": a noun of an area names the place after its "of".
    let area = tree
        .tokens
        .get(object)
        .is_some_and(|t| t.upos == "NOUN" && lexicon::place_noun(&t.lemma).is_some());
    if area {
        object = (object + 1..tree.tokens.len())
            .take(3)
            .find(|&k| {
                tree.tokens[k].head == Some(object)
                    && tree.tokens[k].deprel == "nmod"
                    && tree.tokens[k].upos == "PROPN"
                    && k > 0
                    && s.word(k - 1) == "of"
            })
            .unwrap_or(object);
        if s.mention_at.get(object).copied().flatten().is_some() {
            return None;
        }
    }
    let token = tree.tokens.get(object)?;
    if token.upos != "PROPN" {
        return None;
    }
    // The name's words: the object and the proper names joined to it.
    let words: Vec<usize> = (0..tree.tokens.len())
        .filter(|&k| {
            k == object
                || tree.tokens[k].head == Some(object)
                    && matches!(tree.tokens[k].deprel.as_str(), "flat" | "compound")
                    && tree.tokens[k].upos == "PROPN"
        })
        .collect();
    let name = words
        .iter()
        .map(|&k| tree.tokens[k].form.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let place = ActorDictionary::embedded().place(&name)?;
    Some(ActorRef {
        code: place.iso3.as_str().into(),
        actor: place.iso3.as_str().into(),
        name: name.into(),
    })
}

/// The place a noun of force ending at token `end` was used on, named
/// after "on" or "against" by a proper name the gazetteer knows ("a strike
/// on Kharkiv") that is no actor mention.
fn struck_place(doc: &Doc, s: &Sent, end: usize) -> Option<ActorRef> {
    if !matches!(s.word(end), "on" | "against") {
        return None;
    }
    let mut k = end + 1;
    if s.word(k) == "the" {
        k += 1;
    }
    if s.mention_at.get(k).copied().flatten().is_some() {
        return None;
    }
    let proper = |j: usize| {
        doc.tagging(s)
            .tokens
            .get(j)
            .is_some_and(|t| t.upos == "PROPN")
    };
    let words: Vec<&str> = (k..(k + 3).min(s.len()))
        .take_while(|&j| proper(j))
        .map(|j| s.toks[j].text(doc.text))
        .collect();
    let name = words.join(" ");
    let place = ActorDictionary::embedded().place(&name)?;
    Some(ActorRef {
        code: place.iso3.as_str().into(),
        actor: place.iso3.as_str().into(),
        name: name.into(),
    })
}

/// The agent phrase of the passive verb `hit`: the token of its "by" and
/// one past the phrase's last token. "by" next to the verb ("was attacked
/// by Y", "was attacked overnight by Y") is read from the words; further
/// away, the tree decides that the phrase belongs to this verb.
fn passive_agent_at(doc: &Doc, s: &Sent, hit: &VerbHit) -> Option<(usize, usize)> {
    let near = (hit.end..(hit.end + 3).min(s.len())).find(|&k| s.word(k) == "by");
    let by = match near {
        Some(by) => by,
        None => {
            let tree = doc.tree(s);
            let head = passive_agent(tree, hit.start)?;
            tree.dependents(head, "case").find(|&c| s.word(c) == "by")?
        }
    };
    // The phrase runs to the end of its first mention ("by two Russian
    // drones").
    let first = (by + 1..(by + 4).min(s.len()))
        .find(|&k| s.mention_at[k].is_some())
        .or_else(|| {
            // "by forces loyal to Muammar Gaddafi": the side they are loyal
            // to.
            let loyal = (by + 2..(by + 4).min(s.len()))
                .find(|&k| s.word(k) == "loyal" && s.word(k + 1) == "to")?;
            (loyal + 2..(loyal + 5).min(s.len())).find(|&k| s.mention_at[k].is_some())
        })?;
    let (_, mut end) = s.mention_range(first)?;
    // "by Russian drones": the nouns the actor's adjective modifies.
    let tags = doc.tagging(s);
    while end < s.len()
        && s.mention_at[end].is_none()
        && tags
            .tokens
            .get(end)
            .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
    {
        end += 1;
    }
    Some((by, end))
}

/// The first token of the event noun heading the object that starts at
/// token `from` ("joint naval exercises", "the lone veto", "a 14th package
/// of sanctions"): modifiers and one "of" are skipped, a clause boundary or
/// an actor stops the search.
/// The nominal events whose words all stand at token `k` ("military aid"
/// at "military", not "military exercises"): the dictionary files a
/// nominal under its first word.
fn nominals_at<'d>(
    dict: &'d VerbDictionary,
    s: &'d Sent,
    k: usize,
) -> impl Iterator<Item = &'d Nominal> + 'd {
    // "a diplomatic offensive", "a trade war": a noun of force after such a
    // modifier is a figure of speech, no use of force ("a trade embargo"
    // is still an embargo).
    let figurative = k > 0 && lexicon::event_noun(s.word(k - 1), EventNoun::Figurative);
    dict.nominals(s.word(k)).iter().filter(move |n| {
        let force = matches!(CameoCode::root_of(&n.code), Some("18" | "19" | "20"));
        !(figurative && force) && n.words.iter().enumerate().all(|(i, w)| s.word(k + i) == w)
    })
}

fn event_noun_after(dict: &VerbDictionary, s: &Sent, from: usize) -> Option<usize> {
    let mut seen_of = false;
    for k in from..(from + 6).min(s.len()) {
        if s.mention_at[k].is_some() {
            return None;
        }
        let w = s.word(k);
        if nominals_at(dict, s, k).next().is_some() {
            return Some(k);
        }
        if w == "of" && !seen_of {
            seen_of = true;
            continue;
        }
        if !w.chars().any(char::is_alphanumeric) || matches!(w, "that" | "to" | "with" | "against")
        {
            return None;
        }
    }
    None
}

/// The subjects of the support verb whose object is the event noun at
/// token `k` ("Chile and Peru staged joint drills": Chile and Peru), read
/// from the tree: the noun (or the noun it is "of") is the object of a
/// verb whose lemma is a support verb.
fn support_subjects(doc: &Doc, s: &Sent, focus: &Focus, k: usize) -> Option<Vec<usize>> {
    governing_subjects(doc, s, focus, k, lexicon::support_verb)
}

/// The subjects of the verb of ending whose object is the event noun at
/// token `k` ("the EU lifted its embargo": the EU).
fn ending_subjects(doc: &Doc, s: &Sent, focus: &Focus, k: usize) -> Option<Vec<usize>> {
    governing_subjects(doc, s, focus, k, lexicon::ending_verb)
}

/// The subjects of the verb before token `k` whose object is the noun at
/// `k` (or the noun it is a compound of or "of"), when `class` accepts the
/// verb's lemma and the clause is realised and affirmative.
fn governing_subjects(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    k: usize,
    class: fn(&str) -> bool,
) -> Option<Vec<usize>> {
    let f = governing_frame(doc, s, focus, k, class)?;
    if f.unrealised || f.negated || f.subjects.is_empty() {
        return None;
    }
    Some(f.subjects)
}

/// The clause frame of the verb before token `k` whose object is the noun
/// at `k` (or the noun it is a compound of or "of"), when `class` accepts
/// the verb's lemma.
fn governing_frame(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    k: usize,
    class: fn(&str) -> bool,
) -> Option<Frame> {
    let tree = doc.tree(s);
    let mut noun = k;
    // "a phone call": the head of a compound; "a package of sanctions":
    // the noun "sanctions" is of.
    for _ in 0..3 {
        let t = tree.tokens.get(noun)?;
        if matches!(t.deprel.as_str(), "compound" | "nmod") {
            noun = t.head?;
        } else {
            break;
        }
    }
    let t = tree.tokens.get(noun)?;
    if t.deprel != "obj" {
        return None;
    }
    let verb = t.head?;
    let v = tree.tokens.get(verb)?;
    // The verb dictionary knows the lemma of words the treebank lacks
    // ("revoked": revoke).
    let known = VerbDictionary::embedded()
        .verb_forms(s.word(verb))
        .iter()
        .any(|f| f.rest.is_empty() && class(&f.lemma));
    if !(v.xpos.starts_with("VB") && (class(&v.lemma) || known)) || verb >= k {
        return None;
    }
    let past = matches!(v.xpos.as_str(), "VBD" | "VBN");
    Some(frame(doc, s, focus, verb, past, 0))
}

fn build(
    doc: &Doc,
    s: &Sent,
    f: &Frame,
    hit: &VerbHit,
    code: String,
    sources: Vec<usize>,
    targets: Vec<ActorRef>,
) -> Action {
    let mut code = code;
    // "will withdraw its force unless ...", "would cut ties if ...": an act
    // promised on a condition the other side must meet is a threat (CAMEO
    // 13); "will attend if invited" stays an intention.
    let on_condition = f.intent
        && !f.negated
        && (hit.end..s.len())
            .take_while(|&k| !matches!(s.word(k), ";" | "\""))
            .any(|k| {
                s.word(k) == "unless"
                    || s.word(k) == "if" && (code.starts_with("16") || code.starts_with("15"))
            });
    // "would boycott all contact": promised pressure is a threat.
    let pressure = f.intent && !f.negated && lexicon::pressure_verb(&hit.form.lemma);
    if f.threat || on_condition {
        code = threat_code(&code);
    } else if f.intent && !f.negated && readying_force(doc, s, f, &code) {
        // "the army prepared to attack", "the navy is preparing to
        // blockade": force readied, CAMEO 154.
        code = "154".to_string();
    } else if pressure {
        code = threat_code(&code);
    } else if f.intent && !f.negated {
        code = withdrawal_intent(s, hit.end)
            .filter(|_| code.starts_with("087"))
            .map(str::to_string)
            .unwrap_or_else(|| intent_code(&code));
    }
    if f.negated {
        code = refusal_code(&code).unwrap_or(code);
    }
    let start = match f.reported_from {
        Some(k) if k < hit.start => s.toks[k].span.start,
        _ => s.span.start,
    };
    // "a delegation led by the vice premier arrived": a passive participle
    // right after a noun, with its agent, is a relative clause without its
    // pronoun, background to the main clause.
    let reduced_relative = f.aux_start == hit.start
        && hit.start > 0
        && s.word(hit.end) == "by"
        && doc.xpos(s, hit.start) == Some("VBN")
        && doc
            .xpos(s, hit.start - 1)
            .is_some_and(|t| t.starts_with("NN"));
    Action {
        sentence: s.index,
        sources,
        targets,
        code,
        negated: f.negated,
        at_token: hit.start,
        evidence: Span::new(start, s.span.end),
        background: subordinate_clause(s, f.aux_start) || reduced_relative,
        clause_subject: subject_token(s, f, hit.start),
        verbal: true,
    }
}

/// "X said Y must do Z": a demand by X of Y; with no speaker, nothing.
fn obligation(doc: &Doc, s: &Sent, focus: &Focus, hit: &VerbHit, f: &Frame) -> Option<Action> {
    let speaker = reporting_speaker(doc, s, focus, f.aux_start);
    if speaker.is_empty() || f.subjects.is_empty() {
        return None;
    }
    let targets: Vec<ActorRef> = f
        .subjects
        .iter()
        .filter(|m| !speaker.contains(m))
        .map(|&m| doc.actor(m))
        .collect();
    Some(Action {
        sentence: s.index,
        sources: speaker,
        targets,
        code: "100".to_string(),
        negated: false,
        at_token: hit.start,
        evidence: Span::new(s.span.start, s.span.end),
        background: subordinate_clause(s, f.aux_start),
        clause_subject: subject_token(s, f, hit.start),
        verbal: true,
    })
}

/// The token of the first subject of frame `f` before the verb at `v`.
fn subject_token(s: &Sent, f: &Frame, v: usize) -> Option<usize> {
    (0..v).rev().find(|&k| {
        s.mention_at[k]
            .map(|m| f.subjects.contains(&m))
            .unwrap_or(false)
    })
}

/// Whether a word is part of a time that stands between a verb and its
/// complement ("vowed on Tuesday to ...", "demanded yesterday that ...").
fn time_between(w: &str) -> bool {
    w == "on" || lexicon::weekday(w).is_some() || matches!(w, "today" | "yesterday")
}

/// Whether the clause whose auxiliaries start at `j` is a "that" clause
/// after a request ("demanded that X end ...", "its demands that X
/// grant ..."): an act asked for, not done.
pub(crate) fn requested_clause(s: &Sent, j: usize) -> bool {
    (j.saturating_sub(8)..j)
        .rev()
        .take_while(|&k| !matches!(s.word(k), "," | ";" | ":"))
        .find(|&k| s.word(k) == "that")
        .map(|t| {
            // "demanded on Tuesday that ...": a time between the verb of
            // request and its clause.
            let mut g = t;
            while g > 0 && (time_between(s.word(g - 1)) || s.word(g - 1) == "again") {
                g -= 1;
            }
            g > 0 && lexicon::clause_governor(s.word(g - 1), ClauseGovernor::Request)
        })
        .unwrap_or(false)
}

/// Whether the clause whose auxiliaries start at token `j` tells what a
/// denial denies: "denied that its troops shelled a hospital", "dismissed
/// allegations that its agents killed ...". What it tells is a claim the
/// subject rejects, not an event.
pub(crate) fn denied_clause(doc: &Doc, s: &Sent, j: usize) -> bool {
    let Some(t) = (j.saturating_sub(8)..j)
        .rev()
        .take_while(|&k| !matches!(s.word(k), "," | ";" | ":"))
        .find(|&k| s.word(k) == "that")
    else {
        return false;
    };
    let tree = doc.tree(s);
    let lemma = |k: usize| tree.tokens.get(k).map_or("", |x| x.lemma.as_str());
    let upos = |k: usize| tree.tokens.get(k).map_or("", |x| x.upos.as_str());
    if t == 0 || !content_that(doc, s, t) {
        return false;
    }
    let denial = |k: usize| upos(k) == "VERB" && lexicon::denial_verb(lemma(k));
    // The verb itself, or the discourse noun it governs ("denied the
    // reports", "rejected Indian allegations").
    denial(t - 1)
        || upos(t - 1) == "NOUN"
            && lexicon::discourse_noun(lemma(t - 1))
            && (t.saturating_sub(5)..t - 1).any(denial)
}

/// Whether "that" at token `t` opens a content clause ("allegations that
/// its troops crossed into Guyana"), not a relative one ("the claims that
/// Russia made"): the tree's complementiser, or a "that" the tree reads as
/// the relative's object although the clause has a subject of its own and
/// its verb goes on after it (the tagger's usual slip on intransitive verbs).
fn content_that(doc: &Doc, s: &Sent, t: usize) -> bool {
    let tree = doc.tree(s);
    let Some(that) = tree.tokens.get(t) else {
        return false;
    };
    if that.deprel == "mark" {
        return true;
    }
    let Some(v) = that.head.filter(|&v| v > t + 1 && that.deprel == "obj") else {
        return false;
    };
    // "the claims that Russia made", "a statement that it issued": words
    // are made, issued and put out; such a verb's object is the "that".
    let lemma = tree.tokens.get(v).map_or("", |x| x.lemma.as_str());
    if lexicon::support_verb(lemma) || lexicon::publishing_verb(lemma) {
        return false;
    }
    let own_subject = (t + 1..v).any(|k| {
        tree.tokens
            .get(k)
            .is_some_and(|x| x.head == Some(v) && x.deprel.starts_with("nsubj"))
    });
    let goes_on = (v + 1..s.len()).any(|k| {
        tree.tokens.get(k).is_some_and(|x| {
            x.head == Some(v) && matches!(x.deprel.as_str(), "obl" | "obj" | "xcomp" | "ccomp")
        })
    });
    own_subject && goes_on
}

/// Whether a "that" clause follows the verb ending at `end`, after at most
/// an adverbial ("denied on Monday that ...").
fn denies_clause(doc: &Doc, s: &Sent, end: usize) -> bool {
    let tree = doc.tree(s);
    (end..(end + 4).min(s.len()))
        .take_while(|&k| s.mention_at[k].is_none() && s.word(k) != ",")
        .find(|&k| s.word(k) == "that")
        .is_some_and(|k| tree.tokens.get(k).is_some_and(|t| t.deprel == "mark"))
}

/// Whether the noun at token `k` is in a subordinate clause with a verb of
/// its own ("as Russian forces held joint drills"), not in a phrase a
/// preposition opens ("after a request for help").
fn in_subordinate_clause(doc: &Doc, s: &Sent, k: usize) -> bool {
    if !subordinate_clause(s, k) {
        return false;
    }
    (0..k)
        .rev()
        .take_while(|&j| !(s.mention_at[j].is_none() && lexicon::subordinator(s.word(j))))
        .any(|j| doc.xpos(s, j).is_some_and(|x| x.starts_with("VB")))
}

/// Whether the clause whose auxiliaries start at token `j` is a relative
/// or adverbial clause ("Y, who has vowed", "after X cleared him", "the
/// faction that controls").
pub(crate) fn subordinate_clause(s: &Sent, j: usize) -> bool {
    if j > 0 && s.word(j - 1) == "that" {
        return true;
    }
    let mut k = j;
    while k > 0 {
        k -= 1;
        let w = s.word(k);
        if matches!(w, "," | ";" | ":" | "\"") || lexicon::speech_verb(w) {
            return false;
        }
        if s.mention_at[k].is_none() && lexicon::subordinator(w) {
            // "such as", "as well as", "as part of": not a clause.
            let prev = if k > 0 { s.word(k - 1) } else { "" };
            let as_phrase = w == "as"
                && (matches!(prev, "such" | "well" | "so" | "same")
                    || matches!(s.word(k + 1), "well" | "part"));
            // "once again", "once more": an adverb.
            let once_adverb = w == "once" && matches!(s.word(k + 1), "again" | "more");
            if !(as_phrase || once_adverb) {
                return true;
            }
        }
    }
    false
}

/// Where the clause of a verb ending at `from` ends.
pub(crate) fn clause_end(s: &Sent, from: usize) -> usize {
    (from..s.len())
        .find(|&k| matches!(s.word(k), ";" | ":") || lexicon::speech_verb(s.word(k)))
        .unwrap_or(s.len())
}

/// The actor named as a place ("in X", "at X") within a few words after
/// token `from`, before the clause ends at `to`.
fn place_of(s: &Sent, from: usize, to: usize) -> Option<Vec<usize>> {
    (from..to.min(from + 8))
        .take_while(|&k| !matches!(s.word(k), "," | ";"))
        .find(|&k| {
            s.mention_at[k].is_some()
                && (k > 0 && matches!(s.word(k - 1), "in" | "at")
                    || k > 1 && s.word(k - 1) == "the" && matches!(s.word(k - 2), "in" | "at"))
        })
        .map(|k| vec![s.mention_at[k].unwrap_or_default()])
}

/// Whether mention `m` speaks for a state or an organisation of states: a
/// government, its officials, an IGO, or a state named as such ("Japan",
/// not "Japanese" or "Ukrainians", who are its people).
fn official(doc: &Doc, m: usize) -> bool {
    let mention = &doc.mentions[m];
    match mention.kind {
        ActorKind::Igo => true,
        ActorKind::State | ActorKind::Person => match mention.sector.as_deref() {
            Some(sec) => {
                lexicon::sector_opens_with(sec, &[SectorClass::Government, SectorClass::Elite])
            }
            None if mention.kind == ActorKind::State => {
                let text = mention.text.to_lowercase();
                let text = text.strip_prefix("the ").unwrap_or(&text);
                // "Bosnian Serbs", "Iraqi Turkmen", "Palestinians of the West
                // Bank": a people (the head, before "of"), not the state.
                let head = text.split(" of ").next().unwrap_or(text);
                let people = head.split_whitespace().last().is_some_and(|w| {
                    lexicon::ethnic_noun(w) || w.ends_with('s') || w.ends_with("ese")
                });
                text == mention.name.to_lowercase() || !people
            }
            None => false,
        },
        _ => false,
    }
}

/// Whether mention `m` is of civilians: a sector that bears no arms and
/// governs nothing ("people", "students", "opposition supporters").
fn civilian(doc: &Doc, m: usize) -> bool {
    const NOT_CIVILIAN: &[SectorClass] = &[
        SectorClass::Armed,
        SectorClass::Security,
        SectorClass::Government,
    ];
    let mention = &doc.mentions[m];
    mention.kind != ActorKind::Person
        && mention
            .sector
            .as_deref()
            .is_some_and(|sec| !lexicon::sector_has(sec, NOT_CIVILIAN))
}

/// Whether the mention at tokens `a..b` is a nationality word before a place
/// noun in a phrase of place: "at the Turkish border", "off the Japanese
/// coast", "along the Syrian frontier". ("into Turkish territory" is no such
/// phrase: what is fired into is hit.)
/// A name before an area noun ("in Montenegro province") is the place
/// itself, a party the clause may act on; only an adjective says where.
fn nationality_of_place(doc: &Doc, s: &Sent, a: usize, b: usize) -> bool {
    let at_place = |j: usize| {
        j > 0
            && (lexicon::event_preposition(s.word(j - 1), EventPreposition::Locative)
                || lexicon::event_preposition(s.word(j - 1), EventPreposition::Place))
    };
    // "near Macedonia's border": a possessor is a party to what happens
    // on its land, not only where.
    let possessive = s.word(b - 1).ends_with("'s") || matches!(s.word(b), "'s" | "'");
    let modifier_says_where = !possessive
        && match lexicon::place_noun(s.word(b)) {
            Some(PlaceNoun::Edge) => true,
            Some(PlaceNoun::Area) => {
                b > a
                    && doc
                        .tagging(s)
                        .tokens
                        .get(b - 1)
                        .is_some_and(|t| t.upos == "ADJ")
            }
            None => false,
        };
    modifier_says_where && (at_place(a) || (a > 1 && s.word(a - 1) == "the" && at_place(a - 1)))
}

/// Whether the mention starting at token `a` follows a locative
/// preposition ("in X", "at the X").
fn locative(s: &Sent, a: usize) -> bool {
    a > 0 && lexicon::event_preposition(s.word(a - 1), EventPreposition::Locative)
        || a > 1
            && s.word(a - 1) == "the"
            && lexicon::event_preposition(s.word(a - 2), EventPreposition::Locative)
}

/// The first mention after the verb that can be its target.
fn first_target(doc: &Doc, s: &Sent, from: usize, to: usize, sources: &[usize]) -> Option<usize> {
    let src_prefix: Vec<&str> = sources.iter().map(|&m| doc.prefix(m)).collect();
    let mut sector: Option<usize> = None;
    let mut foreign_place: Option<usize> = None;
    let mut located_place: Option<usize> = None;
    let mut k = from;
    while k < to.min(from + 20) {
        // ", expected to be joined by X": a new clause, not the object.
        if k > from + 1 && s.word(k) == "," && s.mention_at[k - 1].is_none() {
            break;
        }
        // "..., officials said": the reporting clause has its own actors.
        if k > from && s.word(k) == "," && reporting_clause(s, k + 1) {
            break;
        }
        // "sign a pact as China tensions rise", "amid tensions with X": a
        // subordinate clause or a circumstance has actors of its own.
        if k > from && matches!(s.word(k), "amid" | "despite") {
            break;
        }
        // "Saudi Arabia and Iran restored ties in a deal brokered by China":
        // joint actors act on each other; the agent of a passive participle
        // modifying a noun acts in that clause. (With one actor, the agent
        // may be the one acted on: "attacked a convoy protected by Turkish
        // troops".)
        if k > from && sources.len() > 1 && s.word(k + 1) == "by" && doc.xpos(s, k) == Some("VBN") {
            break;
        }
        // "denied reports that Putin would meet Zelensky", "rejected claims
        // that its ships rammed a boat", "denied that it had sent troops":
        // a clause that tells what a word, report or claim says, or what is
        // denied, has actors of its own; the target is whose word it is
        // ("rejected Indian allegations that ...").
        if k > 0 && s.word(k) == "that" && s.mention_at[k].is_none() && {
            let tree = doc.tree(s);
            content_that(doc, s, k)
                && tree.tokens.get(k - 1).is_some_and(|t| {
                    t.upos == "NOUN" && lexicon::discourse_noun(&t.lemma)
                        || t.upos == "VERB" && lexicon::denial_verb(&t.lemma)
                })
        } {
            break;
        }
        if k >= from && s.mention_at[k].is_none() && lexicon::subordinator(s.word(k)) {
            let finite = (k + 1..(k + 7).min(to))
                .take_while(|&j| s.word(j) != ",")
                .any(|j| {
                    doc.xpos(s, j)
                        .is_some_and(|t| matches!(t, "VBD" | "VBZ" | "VBP" | "MD"))
                });
            if finite {
                break;
            }
        }
        // "criticised the decision and recalled its envoy from X": a
        // coordinated predicate has objects of its own.
        if k > from
            && s.word(k) == "and"
            && s.mention_at.get(k + 1).is_some_and(Option::is_none)
            && doc
                .xpos(s, k + 1)
                .is_some_and(|t| matches!(t, "VBD" | "VBZ" | "VBP"))
        {
            break;
        }
        if let Some((a, b)) = s.mention_range(k) {
            let m = s.mention_at[k].unwrap_or_default();
            let personnel = (b..(b + 2).min(s.len()))
                .any(|j| lexicon::event_noun(s.word(j), EventNoun::Personnel));
            let own = src_prefix.contains(&doc.prefix(m));
            // "staged rallies in X": X is where, when the phrase hangs on the verb.
            let near = a <= from + 3;
            // A country or city is a place; people or an institution after
            // "at" are aimed at ("fired tear gas at opposition supporters").
            let place = near && locative(s, a) && doc.mentions[m].sector.is_none();
            // "clashed with rebels near the Turkish border": a nationality
            // word before a place noun says where, however far from the verb.
            let located = nationality_of_place(doc, s, a, b);
            // "refused to deploy peacekeepers in X", "France and Britain
            // condemned the coup in X": a foreign place is the target when
            // no actor is named (joint actors who "met in X" meet each
            // other there: the caller keeps places from their meetings).
            if place && !located && !own && !sources.contains(&m) {
                foreign_place = foreign_place.or(Some(a));
            }
            // "struck targets near the Syrian capital": with nobody named,
            // where it happened is the last resort.
            if located && !own && !sources.is_empty() && !sources.contains(&m) {
                located_place = located_place.or(Some(a));
            }
            if !(sources.contains(&m) || personnel && own || place || located) {
                // A bare sector ("military aid") or the source's own country
                // yields to a named foreign actor further on.
                // So does a common noun of the source's own country
                // ("military aid", "official contact").
                let common = own && doc.mentions[m].text.starts_with(char::is_lowercase);
                // "stormed the Iraqi parliament in Baghdad", "attacked
                // rebels in the north of Chad": the common noun stays before
                // a place of its own country, and before its country's name.
                if own && sector.is_some() && (locative(s, a) || doc.mentions[m].sector.is_none()) {
                    k = b;
                    continue;
                }
                if doc.mentions[m].kind == ActorKind::Group || common {
                    sector = sector.or(Some(a));
                    // "fired tear gas at protesters demanding the
                    // resignation of President X": a clause that modifies
                    // the object has actors of its own.
                    if common && sector == Some(a) && relative_clause_at(doc, s, b) {
                        break;
                    }
                } else {
                    return Some(a);
                }
            }
            k = b;
            continue;
        }
        k += 1;
    }
    foreign_place.or(sector).or(located_place)
}

/// The actor named just before the noun of force at token `k`, when it is
/// who used the force: a nationality adjective ("a Russian missile strike")
/// or a group or organisation ("a Hamas attack", "a NATO air strike"), not a
/// state's or city's name, which says where or on whom ("the Kharkiv
/// attack", "the Ukraine invasion").
fn prenominal_agent(doc: &Doc, s: &Sent, k: usize) -> Option<Vec<usize>> {
    let before = k.checked_sub(1)?;
    let m = s.mention_at.get(before).copied().flatten()?;
    let (a, b) = s.mention_range(before)?;
    if b != k {
        return None;
    }
    let mention = &doc.mentions[m];
    // An abbreviated state's name is used as its adjective ("a US strike").
    let abbreviation = {
        let w = s.toks[before].text(doc.text);
        w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase())
    };
    let adjective = abbreviation
        || doc
            .tagging(s)
            .tokens
            .get(before)
            .is_some_and(|t| t.upos == "ADJ");
    let group = !matches!(mention.kind, ActorKind::State | ActorKind::Person);
    // "RSF attacks", "army raids": a force is who used force.
    let armed = mention
        .sector
        .as_deref()
        .is_some_and(|sec| lexicon::sector_has(sec, &[SectorClass::Armed, SectorClass::Security]));
    (adjective && mention.kind == ActorKind::State || group || armed).then(|| compound(s, a))
}

/// The victims of the force named by the noun at token `k` when the noun
/// says what they died or were hurt in: "five civilians were killed in a
/// missile strike", "twelve people died during an attack by X" (the
/// subject of a verb of harm in the passive, or of dying).
fn victims(s: &Sent, k: usize, verbs: &[usize], hits: &[VerbHit]) -> Option<Vec<usize>> {
    // Back over the noun phrase's own words to "in" or "during".
    let mut j = k;
    while j > 0 && k - j < 4 && !matches!(s.word(j - 1), "in" | "during") {
        if verbs.contains(&(j - 1)) || matches!(s.word(j - 1), "," | ";") {
            return None;
        }
        j -= 1;
    }
    let prep = j
        .checked_sub(1)
        .filter(|&p| matches!(s.word(p), "in" | "during"))?;
    let hit = hits.iter().find(|h| h.end == prep)?;
    suffered(s, hit).then_some(())?;
    let subject = (0..hit.start)
        .rev()
        .take_while(|&i| !matches!(s.word(i), "," | ";"))
        .find(|&i| s.mention_at[i].is_some())?;
    Some(compound(
        s,
        s.mention_range(subject).map_or(subject, |(a, _)| a),
    ))
}

/// Whether verb `hit` tells that its subject suffered force: a verb of
/// harm in the passive ("were killed", "was wounded") or a verb of dying.
fn suffered(s: &Sent, hit: &VerbHit) -> bool {
    let passive = hit.start > 0
        && matches!(
            s.word(hit.start - 1),
            "was" | "were" | "been" | "being" | "be" | "got"
        );
    passive && lexicon::harming_verb(&hit.form.lemma) || lexicon::dying_verb(&hit.form.lemma)
}

/// Whether a clause modifying the noun before it starts at token `k`: a
/// relative pronoun ("protesters who demanded"), a present participle
/// ("protesters demanding") or a passive one with its agent ("activists
/// backed by").
fn relative_clause_at(doc: &Doc, s: &Sent, k: usize) -> bool {
    k < s.len()
        && (matches!(s.word(k), "who" | "which" | "that")
            || doc.xpos(s, k) == Some("VBG")
            || doc.xpos(s, k) == Some("VBN") && s.word(k + 1) == "by")
}

/// Whether the parties `p` found after an event noun ending at `end` follow
/// "with" ("a ceasefire with Turkey"), not "between" or "among".
fn with_party(s: &Sent, end: usize, p: &[usize]) -> bool {
    let Some(&first) = p.first() else {
        return false;
    };
    let at = (end..s.len()).find(|&k| s.mention_at[k] == Some(first));
    at.is_some_and(|mut k| {
        while k > end && matches!(s.word(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        k > 0 && s.word(k - 1) == "with"
    })
}

/// Whether a reporting clause opens at token `k`: a speaker and a verb of
/// saying ("officials said", "the ministry said", "said X").
fn reporting_clause(s: &Sent, k: usize) -> bool {
    (k..(k + 5).min(s.len()))
        .take_while(|&j| !matches!(s.word(j), "," | ";"))
        .any(|j| lexicon::speech_verb(s.word(j)))
}

/// Whether the object after a verb at `from` is a definite noun phrase
/// naming an act and no actor ("the move", "this decision", "the
/// deployment", "these latest strikes").
fn event_anaphor(doc: &Doc, s: &Sent, from: usize, to: usize, dict: &VerbDictionary) -> bool {
    if !matches!(s.word(from), "the" | "this" | "that" | "these" | "those") {
        return false;
    }
    let tags = doc.tagging(s);
    // The head: the last noun of the phrase, up to three words on.
    let mut head = None;
    for k in from + 1..(from + 4).min(to) {
        if s.mention_at[k].is_some() {
            return false;
        }
        match tags.tokens.get(k).map(|t| t.upos.as_str()) {
            Some("NOUN") => head = Some(k),
            Some("ADJ" | "ADV" | "NUM") if head.is_none() => {}
            _ => break,
        }
    }
    let Some(h) = head else {
        return false;
    };
    // "the attack on Kyiv", "the decision by Moscow": the phrase names
    // its own actors.
    let named = (h + 1..(h + 4).min(to)).any(|k| s.mention_at[k].is_some());
    let lemma = tags.tokens.get(h).map(|t| t.lemma.as_str()).unwrap_or("");
    !named && (lexicon::discourse_noun(lemma) || nominals_at(dict, s, h).next().is_some())
}

/// The source of the latest act before this one, in this sentence or up to
/// three sentences back, by an actor other than `sources`: an act, not
/// another's words about it ("Minsk welcomed the deployment; Poland
/// condemned the move": the move is still Russia's).
fn acting_antecedent(
    doc: &Doc,
    s: &Sent,
    sources: &[usize],
    previous: &[Action],
    this: &[Action],
) -> Option<ActorRef> {
    let prefixes: Vec<&str> = sources.iter().map(|&m| doc.prefix(m)).collect();
    this.iter()
        .rev()
        .chain(previous.iter().rev())
        .take_while(|a| a.sentence + 3 >= s.index)
        .filter(|a| {
            !a.negated
                && !["01", "02", "051", "052", "10", "11", "12", "13"]
                    .iter()
                    .any(|r| a.code.starts_with(r))
        })
        .find_map(|a| {
            a.sources
                .iter()
                .find(|&&m| !prefixes.contains(&doc.prefix(m)))
                .map(|&m| doc.actor(m))
        })
}

/// The first target of the latest earlier action by the same source.
/// Whether the verb's object, right after it (past "the"), is a state, an
/// organisation or a group named as such.
fn party_object(doc: &Doc, s: &Sent, at: usize) -> bool {
    let k = if s.word(at) == "the" { at + 1 } else { at };
    s.mention_at.get(k).copied().flatten().is_some_and(|m| {
        matches!(
            doc.mentions[m].kind,
            ActorKind::State | ActorKind::Igo | ActorKind::Organisation
        )
    })
}

/// When the verb's object opens with a possessive pronoun ("attacked their
/// convoy", "seized its ships"), the nearest actor before the verb in its
/// sentence that is none of the sources: whose the object is.
fn possessive_object_owner(
    doc: &Doc,
    s: &Sent,
    hit: &VerbHit,
    sources: &[usize],
) -> Option<ActorRef> {
    let at = (hit.end..(hit.end + 2).min(s.len())).find(|&k| {
        s.mention_at[k].is_none() && matches!(s.word(k), "its" | "their" | "his" | "her")
    })?;
    if (hit.end..at).any(|k| s.word(k) != "on" && s.word(k) != "at") {
        return None;
    }
    let own: Vec<&str> = sources
        .iter()
        .map(|&m| doc.mentions[m].code.as_ref())
        .collect();
    (0..hit.start)
        .rev()
        .filter_map(|k| s.mention_at[k])
        .find(|&m| !sources.contains(&m) && !own.contains(&doc.mentions[m].code.as_ref()))
        .map(|m| doc.actor(m))
}

fn antecedent_target(
    doc: &Doc,
    sources: &[usize],
    previous: &[Action],
    this: &[Action],
) -> Option<ActorRef> {
    let prefixes: Vec<&str> = sources.iter().map(|&m| doc.prefix(m)).collect();
    let same = |a: &Action| {
        a.sources.iter().any(|&m| prefixes.contains(&doc.prefix(m)))
            && a.targets
                .iter()
                .any(|t| !prefixes.iter().any(|p| t.code.starts_with(p)))
    };
    let last = this
        .iter()
        .rev()
        .chain(previous.iter().rev())
        .find(|a| same(a))?;
    let first = previous
        .iter()
        .chain(this.iter())
        .find(|a| a.sentence == last.sentence && same(a))
        .unwrap_or(last);
    first
        .targets
        .iter()
        .find(|t| !prefixes.iter().any(|p| t.code.starts_with(p)))
        .cloned()
}

/// Whether the clause readies force for an attack: the act `code` is
/// violent (CAMEO 18, 19, 20) and its governor is a verb of getting ready
/// used as a verb ("the army prepared to attack", "troops are preparing to
/// launch an offensive"), not the adjective of willingness ("is prepared
/// to use force", a threat).
fn readying_force(doc: &Doc, s: &Sent, f: &Frame, code: &str) -> bool {
    let violent = matches!(CameoCode::root_of(code), Some("18" | "19" | "20"));
    let Some(g) = f.governor.filter(|_| violent) else {
        return false;
    };
    let tags = doc.tagging(s);
    let Some(t) = tags.tokens.get(g) else {
        return false;
    };
    let copula = g > 0
        && tags
            .tokens
            .get(g - 1)
            .is_some_and(|b| b.lemma == "be" && b.upos == "AUX" && !s.word(g).ends_with("ing"));
    t.upos == "VERB" && lexicon::preparation_verb(&t.lemma) && !copula
}

/// The intention to do what `code` codes (CAMEO 03x).
pub(crate) fn intent_code(code: &str) -> String {
    let root = CameoCode::root_of(code).unwrap_or_default();
    let c = match root {
        "04" => "036",
        "05" => "032",
        "06" => match code {
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            _ => "031",
        },
        "07" => match code {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        // "will withdraw its troops": the codebook's 0356, intent to
        // de-escalate military engagement (a threat only on a condition,
        // which the caller reads).
        "08" if code.starts_with("087") => "0356",
        // The codebook's other intentions to yield, by what is yielded.
        "08" if code.starts_with("081") => "0351",
        "08" if code.starts_with("082") => "0352",
        "08" if code.starts_with("084") => "0353",
        "08" if code.starts_with("085") => "0354",
        "08" if code.starts_with("086") => "0355",
        "08" => "035",
        // "will expel its diplomats", "would impose sanctions": a
        // reduction of relations announced is made by announcing it (CAMEO
        // 16 covers announced cuts); a condition turns it into a threat.
        "16" => return code.to_string(),
        // "will mobilise reservists", "will strengthen its presence": a
        // force posture announced is shown by announcing it (CAMEO 15);
        // promised on a condition it is a threat.
        "15" => return code.to_string(),
        "13" | "14" | "17" | "18" | "19" | "20" => return threat_code(code),
        _ => return code.to_string(),
    };
    c.to_string()
}

/// The threat to do what `code` codes (CAMEO 13x).
/// The code of a withdrawal announced for later, from what is withdrawn
/// in the clause after token `from`: an international presence
/// (peacekeepers, inspectors, aid workers) is involvement halted, the
/// codebook's threat 136; anything else is left to [`intent_code`] (0356,
/// intent to de-escalate). `None` unless the clause names a presence.
pub(crate) fn withdrawal_intent(s: &Sent, from: usize) -> Option<&'static str> {
    (from..(from + 8).min(s.len()))
        .take_while(|&k| !matches!(s.word(k), ";" | "." | "," | "\"" | "from" | "out"))
        .any(|k| lexicon::presence_noun(s.word(k)))
        .then_some("136")
}

/// Whether an act promised in the clause after token `from` hangs on a
/// condition the other side must meet ("will withdraw its force unless
/// ..."): then the promise is a threat.
pub(crate) fn on_condition_after(s: &Sent, from: usize) -> bool {
    (from..s.len())
        .take_while(|&k| !matches!(s.word(k), ";" | "\""))
        .any(|k| s.word(k) == "unless")
}

pub(crate) fn threat_code(code: &str) -> String {
    match CameoCode::root_of(code).unwrap_or_default() {
        // "will withdraw its peacekeepers unless ...": a threat to halt
        // involvement.
        "08" if code.starts_with("087") => "136",
        // The codebook's threats by what is threatened: a blockade
        // (1381), an occupation (1382).
        "19" if code.starts_with("191") => "1381",
        "19" if code.starts_with("192") => "1382",
        "18" | "19" | "20" | "15" => "138",
        "16" if code.starts_with("163") => "1312",
        "16" => "131",
        "17" => "137",
        "14" => "133",
        "13" => return code.to_string(),
        _ => "130",
    }
    .to_string()
}

/// The refusal of a cooperative act (CAMEO 12x), when there is one.
fn refusal_code(code: &str) -> Option<String> {
    let cameo = CameoCode::parse(code);
    let c = match cameo.map(CameoCode::root).unwrap_or_default() {
        "03" => match cameo.and_then(CameoCode::base).unwrap_or_default() {
            "031" => "121",
            "033" => "122",
            "034" => "123",
            "035" => "124",
            "036" => "125",
            "037" => "127",
            "038" => "126",
            _ => "120",
        },
        "04" => "125",
        "05" => "120",
        "06" => "121",
        "07" => "122",
        // The codebook's refusals to yield, by what is not yielded.
        "08" => match code.get(..3).unwrap_or_default() {
            "081" => "1241",
            "082" => "1242",
            "084" => "1243",
            "085" => "1244",
            "086" => "1245",
            "087" => "1246",
            _ => "124",
        },
        _ => return None,
    };
    Some(c.to_string())
}

/// Whether the act whose word is at token `at` opens a clause that is the
/// subject of a predicate refusing it ("removing the sanctions is out of the
/// question", "withdrawing troops was ruled out"): then it is refused, not
/// done. The phrases are `clause_governors.tsv`'s dismissals.
pub(crate) fn dismissed(doc: &Doc, s: &Sent, at: usize) -> bool {
    // The -ing word that opens the act's clause: the act's own word, or one
    // shortly before it ("lifting the sanctions": the sanctions' event).
    let finite = |k: usize| matches!(doc.xpos(s, k), Some("VBD" | "VBZ" | "VBP" | "MD"));
    let Some(at) = (at.saturating_sub(6)..=at).rev().find(|&g| {
        doc.xpos(s, g) == Some("VBG")
            && (g + 1..=at).all(|k| !finite(k) && !matches!(s.word(k), "," | ";" | ":"))
    }) else {
        return false;
    };
    // It starts its clause: after a sentence start, "that", a comma, a
    // quotation mark or a verb of saying.
    let opens = at == 0
        || matches!(s.word(at - 1), "that" | "," | ":" | "\"" | "“")
        || lexicon::speech_verb(&s.word(at - 1).to_lowercase());
    if !opens {
        return false;
    }
    // Its copula: the first form of "be" after it, with no finite verb
    // and no clause break between.
    let Some(cop) = (at + 1..s.len())
        .take_while(|&k| {
            !matches!(s.word(k), "," | ";" | ":" | "\"" | "”")
                && (matches!(doc.lemma(s, k), Some("be" | "remain")) || !finite(k))
        })
        .find(|&k| matches!(doc.lemma(s, k), Some("be" | "remain")))
    else {
        return false;
    };
    // "is currently out of the question": adverbs may stand between.
    let mut k = cop + 1;
    while k < s.len() && doc.xpos(s, k) == Some("RB") && s.word(k) != "not" {
        k += 1;
    }
    let mut phrase = String::new();
    (k..(k + 4).min(s.len())).any(|j| {
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(&s.word(j).to_lowercase());
        lexicon::clause_governor(&phrase, ClauseGovernor::Dismissal)
    })
}

/// The refusal of what action `a` codes, when `a` is [`dismissed`].
pub(crate) fn dismiss(a: &mut Action) {
    if !a.negated {
        a.negated = true;
        if let Some(c) = refusal_code(&a.code) {
            a.code = c;
        }
    }
}

/// Codes the nominal events of sentence `s` ("Russia's invasion of
/// Ukraine", "a request for help from X", "riots").
pub(crate) fn code_nominals(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    consumed: &[usize],
    hits: &[VerbHit],
    coded: &[usize],
    dict: &VerbDictionary,
) -> Vec<Action> {
    let verbs: Vec<usize> = hits.iter().map(|v| v.start).collect();
    // Verbs whose own meaning is a reaction ("condemned", "rejected"); a
    // support verb's object is its own act ("unveiled an aid package").
    let reacting: Vec<usize> = hits
        .iter()
        .filter(|v| {
            !lexicon::support_verb(&v.form.lemma)
                && dict.default_code(v.form).is_some_and(|c| reaction(&c))
        })
        .map(|v| v.start)
        .collect();
    let mut out = Vec::new();
    // One nominal per noun phrase: "hunger strike" is not also a "strike".
    let mut covered = 0;
    for k in 0..s.len() {
        if k < covered || s.mention_at[k].is_some() || consumed.contains(&k) || verbs.contains(&k) {
            continue;
        }
        let Some(nom) = nominals_at(dict, s, k).max_by_key(|n| n.words.len()) else {
            continue;
        };
        // "An Israeli strike killed a commander": a strike by a nation or a
        // force, in a sentence of force, is a military strike, not a
        // stoppage of work.
        let military_strike;
        let nom = if nom.frame == NomFrame::Mass
            && CameoCode::root_of(&nom.code) == Some("14")
            && nom.words.len() == 1
            && prenominal_agent(doc, s, k).is_some_and(|a| {
                a.iter().all(|&m| {
                    doc.mentions[m].kind == ActorKind::State
                        || doc.mentions[m]
                            .sector
                            .as_deref()
                            .is_some_and(|sec| lexicon::sector_has(sec, &[SectorClass::Armed]))
                })
            })
            && (hits.iter().any(|h| {
                h.start != k && dict.default_code(h.form).is_some_and(|c| use_of_force(&c))
            })) {
            military_strike = crate::verbs::Nominal {
                words: nom.words.clone(),
                code: "190".to_string(),
                frame: NomFrame::Act,
                eased: None,
            };
            &military_strike
        } else {
            nom
        };
        let end = k + nom.words.len();
        // "the ceasefire agreement": the head noun of the phrase is the
        // event, the noun before it a modifier; "unless X arranged a
        // ceasefire": a condition, not an event.
        let head_follows = dict.nominals(s.word(end)).iter().any(|n| {
            n.words
                .iter()
                .enumerate()
                .all(|(i, w)| s.word(end + i) == w)
        });
        // "an aircraft carrier strike group", "attack helicopters": an event
        // noun that modifies the noun after it names a kind of thing, not
        // an act (the tree makes it that noun's compound), unless that noun
        // gathers such acts ("a sanctions package").
        let modifier = nom.words.len() == 1 && {
            let tree = doc.tree(s);
            tree.tokens.get(k).is_some_and(|t| {
                t.deprel == "compound"
                    && t.head.is_some_and(|h| {
                        h == k + 1
                            && tree.tokens.get(h).is_some_and(|x| x.upos == "NOUN")
                            && s.mention_at.get(h).is_some_and(Option::is_none)
                            && !lexicon::collective_noun(s.word(h))
                    })
            })
        };
        if head_follows || modifier || conditional(s, k) {
            continue;
        }
        let poss = if k > 0 {
            possessor(doc, s, focus, k - 1)
        } else {
            None
        };
        let after = |preps: &[&str], within: usize| -> Option<Vec<usize>> {
            let mut j = end;
            while j < (end + within).min(s.len()) {
                // A phrase of the noun ends at its clause's verb ("a call
                // for talks was rejected by X": X rejected, not called),
                // unless a support verb hands the act to the noun
                // ("sanctions were imposed on X by Y").
                let clause_verb = hits
                    .iter()
                    .any(|h| h.start == j && !lexicon::support_verb(&h.form.lemma));
                if matches!(s.word(j), "," | ";" | ".") || clause_verb {
                    return None;
                }
                if preps.contains(&s.word(j)) {
                    let mut m = j + 1;
                    while m < s.len()
                        && matches!(
                            s.word(m),
                            "the" | "a" | "an" | "his" | "her" | "its" | "their"
                        )
                    {
                        m += 1;
                    }
                    if s.mention_at.get(m).copied().flatten().is_some() {
                        return Some(compound(s, m));
                    }
                }
                j += 1;
            }
            None
        };
        covered = end;
        // A source the noun names itself (a possessor, "by X", "from X"),
        // rather than one borrowed from the clause around it.
        let mut explicit = poss.is_some();
        // Joint actors with no other party act towards each other.
        let mut reciprocal = false;
        // The easing of the noun's act, when a verb of ending governs it.
        let mut eased_code: Option<String> = None;
        // A place the force was used on, named but not an actor mention.
        let mut struck: Option<ActorRef> = None;
        let (sources, targets): (Vec<usize>, Vec<usize>) = match nom.frame {
            NomFrame::Act | NomFrame::Joint => {
                let by = after(&["by"], 6);
                // A show of force is done with a partner, in a place.
                let on = if nom.frame == NomFrame::Joint {
                    after(&["with"], 6)
                } else {
                    // "announced aid for Ukraine", "unveiled a weapons
                    // package for Kyiv": "for" names whom aid (CAMEO 07)
                    // given by the verb's subject goes to. After other acts
                    // ("support for Israel") it names a cause or a standing
                    // attitude, and after an owner's aid ("blocked the EU's
                    // aid package for Moldova") a plan another verb acts on.
                    if nom.code.starts_with("07") && poss.is_none() {
                        after(
                            &["of", "against", "on", "in", "to", "into", "with", "for"],
                            6,
                        )
                    } else {
                        after(&["of", "against", "on", "in", "to", "into", "with"], 6)
                    }
                };
                // "Italy announced a suspension of ...": the object of a verb
                // is the act of that verb's subject.
                let mut d = k;
                // Up to three words between the verb and the noun ("a
                // 30-day", "in ethnic").
                while d > 0
                    && k - d < 3
                    && !verbs.contains(&(d - 1))
                    && s.mention_at[d - 1].is_none()
                    && s.word(d - 1).chars().any(char::is_alphanumeric)
                {
                    d -= 1;
                }
                let object_of_verb = d > 0 && verbs.contains(&(d - 1));
                // "responded with sanctions": the noun is the responder's
                // own act, not the act it reacts to.
                let responding = object_of_verb
                    && (d..k).any(|j| s.word(j) == "with")
                    && hits
                        .iter()
                        .any(|h| h.start == d - 1 && lexicon::response_verb(&h.form.lemma));
                let subject = || {
                    (0..d.saturating_sub(1))
                        .rev()
                        .find(|&j| s.mention_at[j].is_some())
                        .map(|j| compound(s, j))
                };
                // "lifted the embargo on X": the verb's subjects ease it.
                let ended = nom.eased.as_ref().and_then(|e| {
                    // "lifted martial law": the object is the phrase's
                    // last word, not its modifier.
                    let last = k + nom.words.len().saturating_sub(1);
                    let subjects = ending_subjects(doc, s, focus, k)
                        .or_else(|| ending_subjects(doc, s, focus, last))?;
                    Some((e, subjects))
                });
                if let Some((eased, _)) = &ended {
                    eased_code = Some((*eased).clone());
                }
                // "a Russian missile strike", "a Hamas attack": who used
                // force, named just before its noun.
                let force = use_of_force(&nom.code);
                let modifier = if force && poss.is_none() && by.is_none() {
                    prenominal_agent(doc, s, k)
                } else {
                    None
                };
                // "five civilians were killed in an Israeli air strike": the
                // subject of a verb of dying is what the force was used on.
                // "a missile strike on Kharkiv": a city named after "on" or
                // "against" is struck, before any victims.
                let aimed = after(&["on", "against"], 6);
                if aimed.is_none() && force {
                    struck = struck_place(doc, s, end);
                }
                let suffering = if force {
                    victims(s, k, &verbs, hits)
                } else {
                    None
                };
                // Whether the noun is what a verb's subject died or was
                // hurt in: the verb's subject is then no agent.
                let suffered_in = suffering.is_some();
                // Victims come before a place "in" names ("killed in attacks
                // in Darfur"); what the force was aimed at, before both.
                let on = match (aimed, &struck, suffering) {
                    (Some(t), _, Some(_)) => Some(t),
                    (_, Some(_), _) => None,
                    (None, None, Some(v)) => Some(v),
                    (_, None, None) => on,
                };
                match (poss.clone(), by.or(modifier)) {
                    _ if ended.is_some() => (
                        ended.map(|(_, subj)| subj).unwrap_or_default(),
                        on.unwrap_or_default(),
                    ),
                    (Some(p), _) => (p, on.unwrap_or_default()),
                    (None, Some(b)) => {
                        explicit = true;
                        (b, on.unwrap_or_default())
                    }
                    // "condemned the strikes", "rejected the accusations":
                    // the object of a reaction is another's act, whose
                    // actor this noun does not name.
                    (None, None)
                        if object_of_verb && reacting.contains(&(d - 1)) && !responding =>
                    {
                        continue
                    }
                    // "were killed in the attack": nobody named used it.
                    (None, None) if suffered_in => continue,
                    (None, None) if object_of_verb => match subject() {
                        Some(src) => (src, on.unwrap_or_default()),
                        None => continue,
                    },
                    (None, None) => match support_subjects(doc, s, focus, k) {
                        Some(src) => (src, on.unwrap_or_default()),
                        None => continue,
                    },
                }
            }
            NomFrame::Ask => {
                let Some(src) = after(&["from", "by"], 7).or(poss.clone()) else {
                    continue;
                };
                explicit = true;
                let src_prefix: Vec<&str> = src.iter().map(|&m| doc.prefix(m)).collect();
                let left = (0..k)
                    .rev()
                    .filter_map(|j| s.mention_at[j])
                    .find(|&m| !src_prefix.contains(&doc.prefix(m)));
                // "its demands that X grant ...": X is asked.
                let asked = (s.word(end) == "that")
                    .then(|| (end + 1..(end + 4).min(s.len())).find(|&j| s.mention_at[j].is_some()))
                    .flatten()
                    .map(|j| compound(s, j));
                // "a call for talks with Kosovo", "an appeal for a
                // ceasefire between X and Y": the parties of the act asked
                // for are asked.
                let tgt = asked
                    .or_else(|| left.map(|m| vec![m]))
                    .or_else(|| after(&["to"], 5))
                    .or_else(|| {
                        (s.word(end) == "for")
                            .then(|| after(&["with", "between", "among"], 8))
                            .flatten()
                    })
                    .unwrap_or_default();
                (src, tgt)
            }
            NomFrame::Mass => {
                let src = after(&["in"], 3)
                    .or(poss.clone())
                    .or_else(|| {
                        (0..k)
                            .rev()
                            .filter_map(|j| s.mention_at[j])
                            .find(|&m| doc.mentions[m].kind == ActorKind::State)
                            .map(|m| vec![m])
                    })
                    .or_else(|| resolve_thing(doc, s, focus, k).map(|m| vec![m]));
                // Collective action stands as an event of its own.
                explicit = true;
                // "protests against X": X is what they protest.
                let against = after(&["against"], 6).unwrap_or_default();
                match src {
                    Some(src) => (src, against),
                    None => continue,
                }
            }
            NomFrame::Meet => {
                let parts = after(&["between", "among", "with"], 7);
                // "X and Y ... for talks": the actors before it meet.
                let left = || {
                    (0..k)
                        .rev()
                        .find(|&j| s.mention_at[j].is_some())
                        .map(|j| compound(s, j))
                };
                // "X held a phone call with Y", "X and Y sealed a treaty":
                // the support verb's subjects meet, with the party after
                // "with" or with each other.
                let supported = || support_subjects(doc, s, focus, k);
                let circumstance_subject = || {
                    let tree = doc.tree(s);
                    let t = tree.tokens.get(k + nom.words.len() - 1)?;
                    let verb = t.head.filter(|_| t.deprel == "obl")?;
                    crate::analysis::tree_subject(doc, s, verb).map(|m| compound(s, m))
                };
                match (poss.clone(), parts) {
                    (Some(p), t) => (p, t.unwrap_or_default()),
                    (None, Some(p)) if s.word(end) == "with" && supported().is_some() => {
                        (supported().unwrap_or_default(), p)
                    }
                    (None, None) if supported().is_some() => {
                        reciprocal = true;
                        (supported().unwrap_or_default(), Vec::new())
                    }
                    // "The PKK declared a ceasefire with Turkey": the party
                    // "with" names is the other side; the one before acts.
                    (None, Some(p))
                        if with_party(s, end, &p)
                            && left().is_some_and(|l| {
                                l.iter().all(|&m| {
                                    p.iter()
                                        .all(|&q| doc.mentions[q].code != doc.mentions[m].code)
                                })
                            }) =>
                    {
                        (left().unwrap_or_default(), p)
                    }
                    // "After talks with Chinese officials, Australia
                    // agreed": talks named as a circumstance of a clause
                    // are that clause's subject's, with the party after
                    // "with".
                    (None, Some(p))
                        if s.word(end) == "with" && circumstance_subject().is_some() =>
                    {
                        (circumstance_subject().unwrap_or_default(), p)
                    }
                    (None, Some(mut p)) => {
                        let first = p.remove(0);
                        (vec![first], p)
                    }
                    // An agreement or ceasefire with no parties named is
                    // one already made ("violating the ceasefire
                    // agreement"), not a new event.
                    (None, None)
                        if matches!(
                            CameoCode::root_of(&nom.code).unwrap_or_default(),
                            "05" | "08"
                        ) =>
                    {
                        continue
                    }
                    (None, None) => match left() {
                        Some(l) => (l, Vec::new()),
                        None => continue,
                    },
                }
            }
        };
        let start_tok = match &poss {
            Some(_) => (0..k)
                .rev()
                .take_while(|&j| s.mention_at[j].is_some() || s.word(j) == "'")
                .last()
                .unwrap_or(k - 1),
            None if k > 0 && matches!(s.word(k - 1), "a" | "an" | "the") => k - 1,
            None => k,
        };
        let end_tok = (end..s.len())
            .find(|&j| matches!(s.word(j), "," | ";"))
            .unwrap_or(s.len());
        let evidence = Span::new(
            s.toks[start_tok].span.start,
            s.toks
                .get(end_tok.saturating_sub(1))
                .map(|t| t.span.end)
                .unwrap_or(s.span.end),
        );
        let mut targets: Vec<ActorRef> = targets
            .into_iter()
            .filter(|m| !sources.contains(m))
            .map(|m| doc.actor(m))
            .chain(struck)
            .collect();
        let mut code = eased_code.unwrap_or_else(|| nom.code.clone());
        // "plans to launch an invasion", "will hold drills with X": an act
        // its support verb promises or threatens has not happened; it is
        // coded as the intention (or threat, or force readied) that the
        // verb's clause says.
        let promised = governing_frame(doc, s, focus, k, lexicon::support_verb)
            .filter(|f| (f.intent || f.threat) && !f.negated && !f.unrealised);
        if reciprocal && targets.is_empty() && sources.len() > 1 {
            targets = sources.iter().map(|&m| doc.actor(m)).collect();
        }
        // "joint naval drills", "drills with X", "X and Y held drills":
        // military cooperation (CAMEO 062), each with the others.
        if nom.frame == NomFrame::Joint {
            let called_joint = (k.saturating_sub(3)..k).any(|j| s.word(j) == "joint");
            if called_joint || sources.len() > 1 || !targets.is_empty() {
                code = "062".to_string();
                if targets.is_empty() {
                    targets = sources.iter().map(|&m| doc.actor(m)).collect();
                }
            }
        }
        if let Some(f) = &promised {
            code = if f.threat {
                threat_code(&code)
            } else if readying_force(doc, s, f, &code) {
                "154".to_string()
            } else {
                intent_code(&code)
            };
        }
        // "rejected a US offer to host a summit", "rejected calls by X":
        // a noun in the object of a coded verb is what that verb is about,
        // not an event of its own, unless it names its own source and
        // target ("answered a request for help from X") or a named
        // possessor does it ("assist with the response to Russia's invasion").
        let named_possessor = poss.is_some() && k > 0 && s.mention_at[k - 1].is_some();
        let in_object = coded
            .iter()
            .any(|&v| v < k && !(v..k).any(|j| matches!(s.word(j), ";" | ":")));
        // "moved troops to the border as Russian forces launched war
        // games": a noun in a subordinate clause is background too.
        // "..., sparking angry protests": an event the clause brought about
        // is done by others, and is background.
        let caused = (k.saturating_sub(4)..k)
            .rev()
            .find(|&j| doc.xpos(s, j).is_some_and(|x| x.starts_with("VB")))
            .is_some_and(|j| {
                (j + 1..k).all(|i| {
                    doc.tagging(s)
                        .tokens
                        .get(i)
                        .is_some_and(|t| matches!(t.upos.as_str(), "DET" | "ADJ" | "ADV" | "NUM"))
                }) && doc
                    .tagging(s)
                    .tokens
                    .get(j)
                    .is_some_and(|t| lexicon::causative_verb(&t.lemma))
            });
        // "Serbia's call for talks", "appeals for a ceasefire": an act a
        // request asks for has not happened.
        let asked_for = (k.saturating_sub(3)..k).any(|f| {
            s.word(f) == "for"
                && f > 0
                && dict
                    .nominals(s.word(f - 1))
                    .iter()
                    .any(|n| n.frame == NomFrame::Ask && n.words.len() == 1)
        });
        // "An Israeli airstrike killed a commander": a noun that is the
        // subject of a coded verb is the act that verb tells.
        let subject_of_coded = coded.iter().any(|&v| {
            v >= end
                && v - end <= 2
                && (end..v).all(|j| {
                    doc.tagging(s)
                        .tokens
                        .get(j)
                        .is_some_and(|t| matches!(t.upos.as_str(), "ADV" | "AUX"))
                })
        });
        // "Israel's ceasefire proposal", "a peace plan": a noun modifying
        // a noun of words or plans is their topic, not an event.
        let topic = doc
            .tagging(s)
            .tokens
            .get(end)
            .is_some_and(|t| t.upos == "NOUN" && lexicon::discourse_noun(&t.lemma));
        // "days before the bloc's summit", "ahead of talks with X": a noun
        // that dates the sentence's event by an act to come is its
        // setting, not a new event.
        let setting = {
            let tags = doc.tagging(s);
            let mut j = k;
            while j > 0
                && k - j < 5
                && (s.mention_at[j - 1].is_some()
                    || matches!(s.word(j - 1), "'s" | "'")
                    || tags
                        .tokens
                        .get(j - 1)
                        .is_some_and(|t| matches!(t.upos.as_str(), "DET" | "ADJ" | "NUM")))
            {
                j -= 1;
            }
            j > 0
                && (lexicon::event_preposition(s.word(j - 1), EventPreposition::Setting)
                    || j > 1 && s.word(j - 1) == "of" && s.word(j - 2) == "ahead")
        };
        let background = in_object && !(explicit && (named_possessor || !targets.is_empty()))
            || in_subordinate_clause(doc, s, k)
            || caused
            || topic
            || setting
            || subject_of_coded
            || asked_for;
        out.push(Action {
            sentence: s.index,
            sources,
            targets,
            code,
            negated: false,
            at_token: k,
            evidence,
            background,
            clause_subject: None,
            verbal: false,
        });
    }
    out
}

/// One event per source and target, as GDELT codes compound actors.
pub(crate) fn to_events(doc: &Doc, s: &Sent, a: &Action, table: &CodeTable) -> Vec<Event> {
    let Some(info) = table.get(&a.code) else {
        return Vec::new();
    };
    let (date, date_precision) = doc.date_for(s, a.at_token);
    let targets: Vec<Option<ActorRef>> = if a.targets.is_empty() {
        vec![None]
    } else {
        a.targets.iter().cloned().map(Some).collect()
    };
    let only_self = |src: &ActorRef| {
        a.targets
            .iter()
            .all(|t| t.code == src.code && t.actor == src.actor)
    };
    let mut out = Vec::new();
    for &src in &a.sources {
        let source = doc.actor(src);
        if !a.targets.is_empty() && only_self(&source) {
            out.push(event(doc, a, &source, None, info, date, date_precision));
            continue;
        }
        for t in &targets {
            if t.as_ref()
                .map(|t| t.code == source.code && t.actor == source.actor)
                .unwrap_or(false)
            {
                continue;
            }
            out.push(event(
                doc,
                a,
                &source,
                t.clone(),
                info,
                date,
                date_precision,
            ));
        }
    }
    out
}

fn event(
    doc: &Doc,
    a: &Action,
    source: &ActorRef,
    target: Option<ActorRef>,
    info: &crate::codes::CodeInfo,
    date: Option<chrono::NaiveDate>,
    date_precision: entente_core::DatePrecision,
) -> Event {
    Event {
        id: 0,
        doc: doc.id.clone(),
        sentence: a.sentence,
        source: source.clone(),
        target,
        cameo: a.code.clone().into(),
        plover: info.plover.clone(),
        quad_class: info.quad_class,
        goldstein: info.goldstein,
        date,
        date_precision,
        negated: a.negated,
        evidence: doc.evidence(a.evidence),
        retold: Vec::new(),
        location: None,
    }
}

/// Whether action `a` is words addressed to an actor named right after its
/// verb: an appeal, praise, a demand, an accusation, a rejection or a
/// threat ("accusing Beijing of ...", "calling on the Council to ...").
fn addressed_words(doc: &Doc, s: &Sent, a: &Action) -> bool {
    reaction(&a.code)
        && (a.at_token + 1..(a.at_token + 4).min(s.len())).any(|k| {
            s.mention_at[k].is_some_and(|m| {
                let code = &doc.actor(m).code;
                a.targets.iter().any(|t| &t.code == code)
            })
        })
}

/// Whether the subject at token `k` opens a clause coordinated with the
/// verb at token `v` before it: "and", "but", ";" just before the subject
/// phrase.
fn coordinated(s: &Sent, v: usize, k: usize) -> bool {
    let (a, _) = s.mention_range(k).unwrap_or((k, k + 1));
    a > v
        && (a.saturating_sub(3).max(v + 1)..a)
            .any(|j| matches!(s.word(j), "and" | "but" | ";" | "while" | "whereas"))
}

/// Whether the verb at `k` heads a predicate coordinated with the verb at
/// `v` by "and" ("condemned the move and recalled its ambassador"), or
/// the report of one ("... and said it would expel its diplomats"). Such a
/// predicate is an event of its own when it has a target.
fn conjoined_predicate(doc: &Doc, s: &Sent, v: usize, k: usize) -> bool {
    let tree = doc.tree(s);
    let conj_of_v = |t: usize| {
        tree.tokens
            .get(t)
            .is_some_and(|x| x.deprel == "conj" && x.head == Some(v))
            && (v + 1..t).any(|j| s.word(j) == "and")
    };
    if conj_of_v(k) {
        return true;
    }
    // "X said Y had failed it and accused Z": `k` coordinated with the
    // reporting verb whose complement `v` is.
    let reporter_of_v = tree
        .tokens
        .get(v)
        .filter(|x| x.deprel == "ccomp")
        .and_then(|x| x.head)
        .filter(|&h| lexicon::speech_verb(s.word(h)));
    if let Some(h) = reporter_of_v {
        if tree
            .tokens
            .get(k)
            .is_some_and(|x| x.deprel == "conj" && x.head == Some(h))
            && (v + 1..k).any(|j| s.word(j) == "and")
        {
            return true;
        }
    }
    // The reporting verb coordinated with `v`, whose complement `k` is.
    tree.tokens.get(k).is_some_and(|x| {
        x.deprel == "ccomp"
            && x.head.is_some_and(|h| {
                conj_of_v(h)
                    && tree
                        .tokens
                        .get(h)
                        .is_some_and(|_| lexicon::speech_verb(s.word(h)))
            })
    })
}

/// Keeps a sentence's main events: background actions go when a main one
/// is there, and an action that repeats an earlier one (same source, same
/// CAMEO root, no new target) adds nothing.
pub(crate) fn keep_main(doc: &Doc, s: &Sent, actions: &mut Vec<Action>) {
    if actions.iter().any(|a| !a.background) {
        actions.retain(|a| !a.background);
    }
    // "staged joint drills ..., firing rockets at ...": what an adverbial
    // participle tells of a subject that has an event already in the
    // sentence is that event's detail, unless it is words addressed to an
    // actor (kept below).
    let participle = |a: &Action| {
        a.verbal
            && a.at_token > 0
            && s.word(a.at_token - 1) == ","
            && s.word(a.at_token).ends_with("ing")
    };
    // (A participle that names the target of a main act of its kind that
    // names none is that act told in full: "took the mayor into custody,
    // detaining Erdogan's rival".)
    let same_root = |a: &Action, b: &Action| a.code.get(..2) == b.code.get(..2);
    let detail: Vec<usize> = actions
        .iter()
        .filter(|a| {
            participle(a)
                && !addressed_words(doc, s, a)
                && actions.iter().any(|b| {
                    b.at_token != a.at_token
                        && !participle(b)
                        && !(b.targets.is_empty() && !a.targets.is_empty() && same_root(a, b))
                })
        })
        .map(|a| a.at_token)
        .collect();
    actions.retain(|a| !(participle(a) && detail.contains(&a.at_token)));
    // "issued a statement backing X", "released a declaration condemning
    // Y": a statement (CAMEO 01) whose subjects go on to act in the same
    // sentence is told by that act.
    let told: Vec<usize> = actions
        .iter()
        .filter(|a| {
            a.verbal
                && a.code.starts_with("01")
                && actions.iter().any(|b| {
                    b.verbal
                        && b.at_token > a.at_token
                        && !b.code.starts_with("01")
                        && b.sources == a.sources
                })
        })
        .map(|a| a.at_token)
        .collect();
    actions.retain(|a| !(a.verbal && told.contains(&a.at_token)));
    // The first verb event is the main one; a later verb is an event of its
    // own only when its clause names its own subject after the verb before
    // it ("X attacked Y and Z shelled W"), not when the subject is shared or
    // borrowed ("said it will support a resolution that aims to impose").
    // An adverbial participle after the main clause that addresses an actor
    // ("summoned the envoy, accusing Beijing of ...", "calling on the
    // Council to act") is a second act of the same subject, kept when of
    // another kind than the main event.
    let mut last_verb: Option<usize> = None;
    let mut main_root: Option<String> = None;
    let mut main_targetless = false;
    actions.retain(|a| {
        if !a.verbal {
            return true;
        }
        // "Somali forces, backed by AU troops, recaptured": a reduced
        // passive relative between commas is an act of its own beside the
        // main clause, not the main clause; on a noun that names no actor
        // ("the Beagle Channel, disputed by Argentina and Chile") it only
        // describes.
        let v = a.at_token;
        if v > 1 && crate::analysis::reduced_passive(doc, s, v) {
            return s.mention_at[v - 2].is_some();
        }
        let adverbial = participle(a) && addressed_words(doc, s, a);
        let keep = match last_verb {
            None => true,
            Some(v) => {
                a.clause_subject
                    .map(|k| coordinated(s, v, k))
                    .unwrap_or(false)
                    || (adverbial
                        || !a.targets.is_empty() && conjoined_predicate(doc, s, v, a.at_token))
                        && main_root.as_deref() != CameoCode::root_of(&a.code)
                    // The participle tells the main act's target (dropped
                    // below as a repeat without one).
                    || participle(a)
                        && !a.targets.is_empty()
                        && main_targetless
                        && main_root.as_deref() == CameoCode::root_of(&a.code)
            }
        };
        if main_root.is_none() {
            main_root = CameoCode::root_of(&a.code).map(str::to_string);
            main_targetless = a.targets.is_empty();
        }
        if keep {
            last_verb = Some(a.at_token);
        }
        keep
    });
    let sources = |a: &Action| -> Vec<String> {
        let mut v: Vec<String> = a
            .sources
            .iter()
            .map(|&m| doc.prefix(m).to_string())
            .collect();
        v.sort();
        v
    };
    let root = |a: &Action| a.code.chars().take(2).collect::<String>();
    let mut kept: Vec<Action> = Vec::with_capacity(actions.len());
    for a in actions.drain(..) {
        let repeats = kept.iter().any(|k| {
            sources(k) == sources(&a)
                && root(k) == root(&a)
                && a.targets.iter().all(|t| k.targets.contains(t))
        });
        if !repeats {
            kept.push(a);
        }
    }
    // "Vietnam praised China's support", "Hungary blocked the EU's aid
    // package": an event noun that needs a target and has none, in a
    // sentence whose verb is an event, is what that event is about, not an
    // event of its own ("riots sparked by the decision" stand alone).
    if kept.iter().any(|a| a.verbal) {
        kept.retain(|a| a.verbal || !a.targets.is_empty() || self_contained(&a.code));
    }
    // "took the mayor into custody in a raid, detaining him": an act with
    // no target that a later act of the same kind and source tells with its
    // target adds nothing either.
    let told_with_target: Vec<usize> = kept
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            a.targets.is_empty()
                && kept.iter().enumerate().any(|(j, b)| {
                    j != *i
                        && !b.targets.is_empty()
                        && sources(b) == sources(a)
                        && root(b) == root(a)
                })
        })
        .map(|(i, _)| i)
        .collect();
    let mut i = 0;
    kept.retain(|_| {
        let keep = !told_with_target.contains(&i);
        i += 1;
        keep
    });
    *actions = kept;
}
