//! Direct quotations and who said them.
//!
//! A quotation is attributed, in this order, to: the subject of a speech
//! verb after it in its sentence (`"...," she said`, `"...," said X`); the
//! subject of a speech verb before it (`X said "..."`, `X said the alliance
//! had "..."`); and, for a quotation that opens its paragraph with no
//! attribution, the person last seen as a subject or speaker. Pronoun
//! speakers resolve the same way. Quotes of fewer than four words with no
//! attribution are scare quotes and are skipped.

use crate::analysis::{compound, frame, pronoun, resolve_pronoun, Doc, Focus, Sent};
use entente_core::{lexicon, Quotation, Speaker};

/// Quotations opening in sentence `s`; records their speakers in `focus`.
pub(crate) fn quotations_in(doc: &Doc, s: &Sent, focus: &mut Focus) -> Vec<Quotation> {
    let mut out = Vec::new();
    // Quotes are in text order: only those opening inside the sentence.
    let first = doc.quotes.partition_point(|q| q.outer.start < s.span.start);
    for (qi, q) in doc.quotes.iter().enumerate().skip(first) {
        if q.outer.start >= s.span.end {
            break;
        }
        let inner = q.inner.slice(doc.text);
        // A mark with nothing quoted after it (a stray `“` at a line's end).
        if !inner.chars().any(char::is_alphanumeric) {
            continue;
        }
        let words = inner.split_whitespace().count();
        let speaker = after_quote(doc, s, focus, q.outer.end)
            .or_else(|| before_quote(doc, s, focus, q.outer.start))
            .or_else(|| continued(doc, focus, qi))
            .or_else(|| q.opens_paragraph.then_some(focus.last_person).flatten());
        let attributed = speaker.is_some();
        if words < 4 && !attributed {
            continue;
        }
        if !attributed && !q.opens_paragraph {
            continue;
        }
        if let Some(slot) = focus.quote_speakers.get_mut(qi) {
            *slot = speaker;
        }
        if let Some(m) = speaker {
            if doc.is_person(m) {
                focus.last_person = Some(m);
            }
        }
        let text = inner.trim().trim_end_matches([',', ' ']).to_string();
        let target = quote_target(doc, q.inner, speaker);
        out.push(Quotation {
            doc: doc.id.clone(),
            sentence: s.index,
            speaker: speaker.map(|m| Speaker {
                name: doc.mentions[m].name.to_string(),
                code: Some(doc.mentions[m].code.to_string()),
            }),
            target,
            text,
            evidence: doc.evidence(q.outer),
        });
    }
    out
}

/// `"We must be ready," she said. "Putin understands strength."`: a
/// quotation with no attribution of its own, in the paragraph of an
/// attributed one just before it, goes on in the same voice.
fn continued(doc: &Doc, focus: &Focus, qi: usize) -> Option<usize> {
    let prev = doc.quotes.get(qi.checked_sub(1)?)?;
    let q = doc.quotes.get(qi)?;
    let between = doc.text.get(prev.outer.end..q.outer.start)?;
    if between.contains("\n\n") || between.contains("\r\n\r\n") {
        return None;
    }
    focus.quote_speakers.get(qi - 1).copied().flatten()
}

/// `"...," she said` / `"...," said X`: a speech verb within a few tokens
/// after the closing mark, in the sentence holding it.
fn after_quote(doc: &Doc, s_open: &Sent, focus: &Focus, close: usize) -> Option<usize> {
    // Sentences are in text order: the last one starting at or before
    // `close`, when it holds `close`.
    let after = doc.sentences.partition_point(|x| x.start <= close);
    let holding = after
        .checked_sub(1)
        .filter(|&i| doc.sentences.get(i).is_some_and(|x| close <= x.end));
    let other;
    let s = match holding {
        Some(i) if i != s_open.index => {
            other = doc.sentence(i);
            &other
        }
        _ => s_open,
    };
    let k0 = s.token_at(close);
    // `"...," she told X`: a speaker named before the verb is the speaker,
    // whoever is named after it.
    let mut named_before: Option<usize> = None;
    // "..., Kremlin spokesman Dmitry Peskov said": a title and a full name
    // may stand before the verb.
    for k in k0..(k0 + 8).min(s.len()) {
        let w = s.word(k);
        if lexicon::speech_verb(w) {
            if let Some(m) = named_before {
                return Some(m);
            }
            // "said X" (inversion) or "X said"; after "told" comes whom
            // the speaker told ("Marcos told reporters").
            let telling = matches!(w, "told" | "tells" | "tell" | "telling");
            if let Some(m) = s
                .mention_at
                .get(k + 1)
                .copied()
                .flatten()
                .filter(|_| !telling)
            {
                return Some(m);
            }
            if let Some(p) = pronoun(s.word(k + 1)) {
                return resolve_pronoun(doc, s, focus, k + 1, p, 0).first().copied();
            }
            let f = frame(doc, s, focus, k, false, 0);
            return f.subjects.first().copied();
        }
        if matches!(w, "." | ";") {
            break;
        }
        if let Some(m) = s.mention_at.get(k).copied().flatten() {
            named_before = named_before.or(Some(m));
        }
    }
    None
}

/// `X said "..."`: the last speech verb before the opening mark.
fn before_quote(doc: &Doc, s: &Sent, focus: &Focus, open: usize) -> Option<usize> {
    let k0 = s.token_at(open);
    let k = (0..k0).rev().find(|&k| lexicon::speech_verb(s.word(k)))?;
    let f = frame(doc, s, focus, k, false, 0);
    f.subjects.first().copied().or_else(|| {
        // "according to X": the mention after.
        s.mention_at
            .get(k + 1)
            .copied()
            .flatten()
            .map(|m| compound(s, k + 1).first().copied().unwrap_or(m))
    })
}

/// The first actor inside the quotation that is not the speaker's own.
fn quote_target(
    doc: &Doc,
    inner: entente_core::Span,
    speaker: Option<usize>,
) -> Option<entente_core::ActorRef> {
    let own = speaker.map(|m| {
        let sm = doc.mentions[m];
        (
            sm.actor.clone(),
            sm.affiliation
                .clone()
                .unwrap_or_else(|| sm.code.chars().take(3).collect()),
        )
    });
    // Mentions are in text order: start from the first inside the quotation.
    let first = doc.mentions.partition_point(|m| m.start < inner.start);
    doc.mentions
        .iter()
        .skip(first)
        .take_while(|m| m.start < inner.end)
        .find(|m| {
            inner.contains(m.span())
                && own
                    .as_ref()
                    .map(|(a, aff)| &m.actor != a && !m.code.starts_with(aff.as_str()))
                    .unwrap_or(true)
        })
        .map(|m| m.actor_ref())
}
