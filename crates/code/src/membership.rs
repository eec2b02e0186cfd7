//! Membership changes told as events: a state joining or leaving an
//! organisation or a treaty ("Sweden joined NATO", "became the 32nd member
//! of NATO", "Mali, Burkina Faso and Niger left ECOWAS", "Russia withdrew
//! from the treaty").
//!
//! The phrases come from the shared lexicon (`entente_core::lexicon`), the
//! same list the knowledge base reads its updates with. The codes follow
//! the CAMEO codebook and PETRARCH-2's verb dictionary: joining an
//! organisation is diplomatic cooperation (050), joining a treaty is
//! signing it (057), and leaving either reduces relations (161, as the
//! dictionary codes "withdraw from a treaty / coalition"). PETRARCH-2 codes
//! "join" and "leave" as consultation (040), which reads "Sweden joined
//! NATO" as a meeting; these rules come first.
//!
//! What this does not do: intentions stay with the general coder's frame
//! ("will join" is an intent only where the lexicon phrase is done-tense),
//! and an organisation must be named (a mention) or the object must be a
//! treaty word.

use crate::analysis::{frame, Doc, Focus, Sent};
use crate::events::{clause_end, intent_code, Action};
use entente_core::lexicon::{self, MembershipChange};
use entente_core::{ActorKind, Span};

/// How far (tokens) after the phrase its object may stand.
const OBJECT_REACH: usize = 8;

/// The membership changes told in sentence `s`, one action per phrase.
pub(crate) fn membership_in(doc: &Doc, s: &Sent, focus: &Focus) -> Vec<Action> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < s.len() {
        let Some((change, end)) = phrase_at(s, k) else {
            k += 1;
            continue;
        };
        if let Some(a) = action(doc, s, focus, change, k, end) {
            out.push(a);
        }
        k = end;
    }
    out
}

/// The membership phrase starting at token `k`, and the token after it.
fn phrase_at(s: &Sent, k: usize) -> Option<(MembershipChange, usize)> {
    for change in [MembershipChange::Accession, MembershipChange::Withdrawal] {
        for phrase in lexicon::membership_phrases(change) {
            let n = phrase.split(' ').count();
            if phrase
                .split(' ')
                .enumerate()
                .all(|(i, w)| s.word(k + i) == w)
            {
                return Some((change, k + n));
            }
        }
    }
    // "became the 32nd member of": a form of "become", then "member of"
    // within a few words; "became NATO's 30th member": the organisation
    // before "member", as its possessor.
    // "was admitted as ASEAN's 11th member": a phrase of several words.
    let becoming = lexicon::becoming_words().iter().find_map(|phrase| {
        let n = phrase.split(' ').count();
        phrase
            .split(' ')
            .enumerate()
            .all(|(i, w)| s.word(k + i) == w)
            .then_some(k + n)
    });
    if let Some(after) = becoming {
        let member = (after..(after + 5).min(s.len())).find(|&j| s.word(j) == "member")?;
        if s.word(member + 1) == "of" {
            return Some((MembershipChange::Accession, member + 2));
        }
        if (after..member).any(|j| s.mention_at[j].is_some()) {
            return Some((MembershipChange::Accession, after));
        }
    }
    None
}

fn action(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    change: MembershipChange,
    at: usize,
    end: usize,
) -> Option<Action> {
    let stop = clause_end(s, end).min(end + OBJECT_REACH);
    let organisation = (end..stop).find_map(|j| {
        let m = s.mention_at[j]?;
        (doc.mentions[m].kind == ActorKind::Igo).then_some(m)
    });
    let treaty = organisation.is_none() && (end..stop).any(|j| lexicon::treaty_noun(s.word(j)));
    if organisation.is_none() && !treaty {
        return None;
    }
    let f = frame(doc, s, focus, at, true, 0);
    if f.negated || f.unrealised {
        return None;
    }
    let sources: Vec<usize> = f
        .subjects
        .iter()
        .copied()
        .filter(|&m| Some(m) != organisation && doc.mentions[m].kind != ActorKind::Igo)
        .collect();
    if sources.is_empty() {
        return None;
    }
    let code = match (change, organisation.is_some()) {
        (MembershipChange::Accession, true) => "050",
        (MembershipChange::Accession, false) => "057",
        (MembershipChange::Withdrawal, _) => "161",
    };
    let code = if f.intent {
        intent_code(code)
    } else {
        code.to_string()
    };
    let start = match f.reported_from {
        Some(r) if r < at => s.toks[r].span.start,
        _ => s.span.start,
    };
    Some(Action {
        sentence: s.index,
        sources,
        targets: organisation.map(|m| doc.actor(m)).into_iter().collect(),
        code,
        negated: false,
        at_token: at,
        evidence: Span::new(start, s.span.end),
        background: crate::events::subordinate_clause(s, f.aux_start),
        clause_subject: None,
        verbal: true,
    })
}
