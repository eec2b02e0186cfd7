//! Forces and personnel sent abroad.
//!
//! A deployment is read from a trigger ("deploy", "dispatch", "send",
//! "station", "extend the deployment", "withdraw", the noun "deployment")
//! followed by a personnel phrase ("up to five Defence Force personnel",
//! "nine analysts", "troops"). Without a personnel noun ("send aid") there
//! is no deployment. The sender is the actor named inside the personnel
//! phrase, else the clause subject (with the MIL sector when the personnel
//! are military); the destinations follow "to"/"in"; with none named, the
//! requester, then the previous deployment's destination, stand in.

use crate::analysis::{compound, frame, possessor, Doc, Focus, Sent};
use crate::events::{intent_code, Action, PERSONNEL_NOUNS};
use entente_core::{DatePrecision, Deployment, DeploymentStatus, Span};

const MILITARY: &[&str] = &[
    "troops",
    "soldiers",
    "marines",
    "sailors",
    "airmen",
    "paratroopers",
    "servicemen",
    "servicemembers",
    "forces",
    "military",
    "battalion",
    "battalions",
    "warships",
    "troop",
    "soldier",
    "force",
    "contingent",
];
const AID_WORDS: &[&str] = &[
    "assist",
    "help",
    "support",
    "protect",
    "secure",
    "security",
    "peace",
    "peacekeeping",
    "relief",
    "humanitarian",
    "stabilise",
    "stabilize",
    "restore",
    "train",
    "rebuild",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    Send,
    Extend,
    Withdraw,
    Noun,
}

fn trigger(w: &str, next: &str) -> Option<Trigger> {
    Some(match w {
        "deploy" | "deploys" | "deployed" | "deploying" | "dispatch" | "dispatches"
        | "dispatched" | "dispatching" | "send" | "sends" | "sent" | "sending" | "station"
        | "stationed" | "stationing" | "redeploy" | "redeployed" | "despatched" => Trigger::Send,
        "extend" | "extends" | "extended" | "extending" | "prolong" | "prolonged" | "renew"
        | "renewed" => Trigger::Extend,
        "withdraw" | "withdraws" | "withdrew" | "withdrawn" | "withdrawing" | "recall"
        | "recalled" => Trigger::Withdraw,
        "pull" | "pulls" | "pulled" | "pulling" if next == "out" => Trigger::Withdraw,
        "deployment" | "deployments" | "dispatch_" => Trigger::Noun,
        _ => return None,
    })
}

/// A deployment with what the event coder needs.
pub(crate) struct Found {
    pub deployment: Deployment,
    pub action: Action,
    /// Tokens the verb coder must leave alone.
    pub consumed: Vec<usize>,
}

/// Deployments of sentence `s`. `last_to`: destinations of the previous
/// deployment in the document, updated.
pub(crate) fn deployments_in(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    last_to: &mut Vec<usize>,
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut k = 0;
    let mut taken_until = 0;
    while k < s.len() {
        let Some(kind) = trigger(s.word(k), s.word(k + 1)) else {
            k += 1;
            continue;
        };
        if k < taken_until {
            k += 1;
            continue;
        }
        // "extend the deployment of ...": one record, from the verb.
        let mut consumed = vec![k];
        let mut from = k + 1;
        if kind == Trigger::Extend || kind == Trigger::Withdraw {
            if let Some(n) = (k + 1..(k + 4).min(s.len()))
                .find(|&j| trigger(s.word(j), "") == Some(Trigger::Noun))
            {
                consumed.push(n);
                from = n + 1;
            }
        }
        // The personnel noun within the next few tokens.
        let Some(noun) = (from..(from + 9).min(s.len()))
            .take_while(|&j| !matches!(s.word(j), "," | ";" | "."))
            .find(|&j| s.mention_at[j].is_none() && PERSONNEL_NOUNS.contains(&s.word(j)))
        else {
            k += 1;
            continue;
        };
        taken_until = noun + 1;
        let lo = s.toks[from.min(s.len() - 1)].span.start;
        let hi = s.toks[noun].span.start;
        let first = doc.quantities.partition_point(|q| q.span.start < lo);
        let personnel = doc
            .quantities
            .iter()
            .skip(first)
            .take_while(|q| q.span.start < hi)
            .find(|q| q.span.start >= lo && q.span.end <= hi)
            .and_then(|q| q.personnel());
        let inside = (from..noun).find_map(|j| s.mention_at[j]);
        let role = s.word(noun).to_string();
        let military = MILITARY.contains(&role.as_str());
        // The sender.
        let subject = if kind == Trigger::Noun {
            if k > 0 {
                possessor(doc, s, focus, k - 1).and_then(|v| v.first().copied())
            } else {
                None
            }
        } else {
            frame(doc, s, focus, k, false, 0).subjects.first().copied()
        };
        let Some(sender) = inside.or(subject) else {
            k = noun + 1;
            continue;
        };
        let mut by = doc.mentions[sender].code.clone();
        if inside.is_none() && military && by.len() == 3 {
            by.push_str("MIL");
        }
        // Destinations, the requester and the purpose.
        let mut to: Vec<usize> = Vec::new();
        let mut purpose = None;
        // A "to VERB" after a subordinate clause has begun ("after a
        // request ...", "following riots sparked by its decision to ...")
        // is that clause's, not the deployment's purpose.
        let mut in_subordinate = false;
        let mut j = noun + 1;
        while j < s.len() {
            let w = s.word(j);
            if matches!(w, ";" | ".") {
                break;
            }
            if matches!(
                w,
                "after"
                    | "following"
                    | "which"
                    | "who"
                    | "when"
                    | "while"
                    | "because"
                    | "before"
                    | "since"
                    | "sparked"
                    | "amid"
                    | "despite"
            ) {
                in_subordinate = true;
            }
            if matches!(w, "to" | "in" | "into" | "at" | "from") && to.is_empty() {
                let mut m = j + 1;
                while m < s.len() && s.word(m) == "the" {
                    m += 1;
                }
                if s.mention_at.get(m).copied().flatten().is_some() {
                    let c = compound(s, m);
                    if w != "from" || kind == Trigger::Withdraw {
                        to = c;
                    }
                    j = m + 1;
                    continue;
                }
            }
            if w == "to"
                && !in_subordinate
                && purpose.is_none()
                && j + 1 < s.len()
                && s.mention_at[j + 1].is_none()
                && s.word(j + 1) != "the"
                && s.word(j + 1) != "be"
            {
                let end = (j..s.len())
                    .find(|&e| matches!(s.word(e), ";" | "."))
                    .unwrap_or(s.len());
                let span = Span::new(s.toks[j].span.start, s.toks[end - 1].span.end);
                purpose = Some(span.slice(doc.text).to_string());
                break;
            }
            if w == "," && !to.is_empty() {
                // The destination list is over; a purpose may follow.
            }
            j += 1;
        }
        let requested_by = requester(s, k);
        if to.is_empty() {
            if let Some(r) = requested_by {
                to = vec![r];
            } else {
                to = last_to.clone();
            }
        }
        to.retain(|&m| doc.prefix(m) != doc.prefix(sender));
        if !to.is_empty() {
            *last_to = to.clone();
        }
        // Dates after the trigger: review, end and start.
        let mut review_date = None;
        let mut end = None;
        let mut start = None;
        let trig_at = s.toks[k].span.start;
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
        let f = if kind != Trigger::Noun {
            Some(frame(doc, s, focus, k, false, 0))
        } else {
            None
        };
        // "refused to deploy", "urged X to send": nothing was sent.
        if f.as_ref()
            .map(|f| f.negated || f.unrealised)
            .unwrap_or(false)
        {
            k = noun + 1;
            continue;
        }
        let intent = f.as_ref().map(|f| f.intent).unwrap_or(false);
        let status = match kind {
            Trigger::Extend => DeploymentStatus::Extended,
            Trigger::Withdraw => DeploymentStatus::Withdrawn,
            _ if intent => DeploymentStatus::Planned,
            _ => DeploymentStatus::New,
        };
        let ev_start = if kind == Trigger::Noun && k > 0 && matches!(s.word(k - 1), "the" | "a") {
            k - 1
        } else {
            k
        };
        let evidence = Span::new(s.toks[ev_start].span.start, s.span.end);
        let aid = requested_by.is_some()
            || purpose
                .as_deref()
                .map(|p| AID_WORDS.iter().any(|w| p.contains(w)))
                .unwrap_or(false);
        let mut code = match status {
            DeploymentStatus::Withdrawn => "087".to_string(),
            _ if aid => "074".to_string(),
            _ => "062".to_string(),
        };
        if intent {
            code = intent_code(&code);
        }
        let deployment = Deployment {
            doc: doc.id.clone(),
            sentence: s.index,
            by: by.to_string(),
            to: to
                .iter()
                .map(|&m| doc.mentions[m].code.to_string())
                .collect(),
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
            purpose,
            evidence: doc.evidence(evidence),
        };
        let mut source = inside.or(subject).unwrap_or(sender);
        if inside.is_none() {
            source = sender;
        }
        let action = Action {
            sentence: s.index,
            sources: vec![source],
            targets: to.iter().map(|&m| doc.actor(m)).collect(),
            code,
            negated: f.as_ref().map(|f| f.negated).unwrap_or(false),
            at_token: k,
            background: false,
            clause_subject: None,
            verbal: false,
            evidence,
        };
        consumed.push(noun);
        out.push(Found {
            deployment,
            action,
            consumed,
        });
        k = noun + 1;
    }
    out
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
