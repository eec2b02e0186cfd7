//! Light coreference: "he"/"she", "the alliance", "the country" take the
//! actor that was last a sentence subject (outside quotations), with a
//! confidence below any named mention's.

use entente_core::lexicon::{self, Referent};
use entente_core::{ActorKind, Mention};

/// How far back (bytes) an antecedent may be.
const ANTECEDENT_REACH: usize = 1500;

/// Light coreference: "he"/"she" → the last person who was a sentence
/// subject; "the alliance"/"the bloc" → the last intergovernmental
/// organisation; "the country" → the last state that was a subject. Only
/// outside quotations (whose "he" is the speaker's, not the reporter's), and
/// with a confidence below any named mention's.
pub(crate) fn anaphora(text: &str, mentions: &[Mention], subjects: &[usize]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut words = Words { text, at: 0 }.peekable();
    let mut quotes = QuoteState::default();
    while let Some((s, e)) = words.next() {
        let w = text.get(s..e).unwrap_or_default();
        let (span_end, pick): (usize, Option<&Mention>) = match w {
            "he" | "He" | "she" | "She" => (
                e,
                antecedent(mentions, subjects, s, |m| {
                    m.kind == ActorKind::Person && !m.code.is_empty()
                }),
            ),
            "the" | "The" => {
                let Some(&(ns, ne)) = words.peek() else {
                    continue;
                };
                if ns != e + 1 {
                    continue;
                }
                // "the regional bloc", "the West African bloc": up to two
                // modifiers, one space apart, before an organisation's noun.
                let (ns, ne) = match lexicon::anaphoric_noun(text.get(ns..ne).unwrap_or_default()) {
                    Some(_) => (ns, ne),
                    None => {
                        let mut ahead = Words { text, at: ne };
                        let mut last = ne;
                        let mut found = None;
                        for _ in 0..2 {
                            let Some((a, b)) = ahead.next() else { break };
                            if text.get(last..a) != Some(" ") {
                                break;
                            }
                            last = b;
                            let word = text.get(a..b).unwrap_or_default();
                            if lexicon::anaphoric_noun(word) == Some(Referent::Igo) {
                                found = Some((a, b));
                                break;
                            }
                        }
                        // A name among the modifiers ("the African Union
                        // bloc") names the organisation itself.
                        let named = |a: usize| {
                            let from = mentions.partition_point(|m| m.start <= s);
                            mentions[from..]
                                .iter()
                                .take_while(|m| m.start < a)
                                .next()
                                .is_some()
                        };
                        match found {
                            Some(span) if !named(span.0) => span,
                            _ => continue,
                        }
                    }
                };
                match lexicon::anaphoric_noun(text.get(ns..ne).unwrap_or_default()) {
                    Some(Referent::Igo) => (
                        ne,
                        mentions[..mentions.partition_point(|m| m.start < s)]
                            .iter()
                            .rev()
                            .take_while(|m| s.saturating_sub(m.end) <= ANTECEDENT_REACH)
                            .find(|m| m.end <= s && (m.kind == ActorKind::Igo || igo_officer(m))),
                    ),
                    Some(Referent::State) => (
                        ne,
                        antecedent(mentions, subjects, s, |m| {
                            m.kind == ActorKind::State && m.sector.is_none()
                        }),
                    ),
                    _ => continue,
                }
            }
            _ => continue,
        };
        let Some(a) = pick else {
            continue;
        };
        // Mentions are in text order: only the few starting before `s` can cover it.
        let before = mentions.partition_point(|m| m.start <= s);
        let covered = mentions[before.saturating_sub(3)..before]
            .iter()
            .any(|m| s < m.end && m.kind != ActorKind::Group);
        quotes.advance(text, s);
        if covered || quotes.inside() {
            continue;
        }
        let mut m = a.clone();
        if igo_officer(&m) && w.eq_ignore_ascii_case("the") {
            // "NATO Secretary General Jens Stoltenberg ... the alliance":
            // the organisation the officer speaks for.
            let org = m.affiliation.take().unwrap_or_default();
            m.kind = ActorKind::Igo;
            m.actor = org.clone();
            m.name = org;
            m.sector = None;
        }
        if m.kind != ActorKind::Person {
            // The organisation or state itself, not the office it was named with.
            m.role = None;
            if m.kind == ActorKind::Igo {
                m.affiliation = None;
            }
        }
        m.text = text.get(s..span_end).unwrap_or_default().to_string().into();
        m.start = s;
        m.end = span_end;
        m.confidence = m.confidence.min(0.6);
        out.push(m);
    }
    out
}

/// Whether `m` names a person by an office in an intergovernmental
/// organisation ("NATO Secretary General Jens Stoltenberg"): coded to the
/// organisation, which it names too.
fn igo_officer(m: &Mention) -> bool {
    m.kind == ActorKind::Person && m.code.starts_with("IGO") && m.affiliation.is_some()
}

/// The last subject mention before `at` (within reach) that `ok` accepts.
fn antecedent<'m>(
    mentions: &'m [Mention],
    subjects: &[usize],
    at: usize,
    ok: impl Fn(&Mention) -> bool,
) -> Option<&'m Mention> {
    let upto = subjects.partition_point(|&i| mentions[i].start < at);
    subjects[..upto]
        .iter()
        .rev()
        .map(|&i| &mentions[i])
        .take_while(|m| at.saturating_sub(m.end) <= ANTECEDENT_REACH)
        .find(|m| m.end <= at && ok(m))
}

/// Byte spans of alphabetic words, in order.
struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let rest = self.text.get(self.at..).unwrap_or_default();
        let s = self.at + rest.find(char::is_alphabetic)?;
        let e = self
            .text
            .get(s..)
            .unwrap_or_default()
            .find(|c: char| !c.is_alphabetic())
            .map_or(self.text.len(), |i| s + i);
        self.at = e;
        Some((s, e))
    }
}

/// Whether `at` lies inside a quotation in its paragraph.
/// Whether the text read so far is inside a quotation of its paragraph,
/// read forward only: asked at increasing offsets, it reads each byte of
/// the text once (a paragraph of megabytes with many pronouns would
/// otherwise be read again for each).
#[derive(Debug, Default)]
struct QuoteState {
    at: usize,
    depth: i32,
    straight: bool,
}

impl QuoteState {
    fn advance(&mut self, text: &str, to: usize) {
        if to < self.at {
            *self = QuoteState::default();
        }
        for c in text.get(self.at..to).unwrap_or_default().chars() {
            match c {
                '\n' => {
                    self.depth = 0;
                    self.straight = false;
                }
                '"' => self.straight = !self.straight,
                '“' => self.depth += 1,
                '”' => self.depth = (self.depth - 1).max(0),
                _ => {}
            }
        }
        self.at = to.max(self.at);
    }

    fn inside(&self) -> bool {
        self.straight || self.depth > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_quotation(text: &str, at: usize) -> bool {
        let mut q = QuoteState::default();
        q.advance(text, at);
        q.inside()
    }

    #[test]
    fn quotations_close_and_paragraphs_reset() {
        let t = "\"I know he agrees,\" she said.\n\"Open quote he";
        assert!(in_quotation(t, t.find("he agrees").unwrap_or(0)));
        assert!(!in_quotation(t, t.find("she").unwrap_or(0)));
        assert!(in_quotation(t, t.rfind("he").unwrap_or(0)));
        assert!(in_quotation("“Yes, he did”", 6));
    }

    #[test]
    fn words_are_alphabetic_runs() {
        let w: Vec<(usize, usize)> = Words {
            text: "He, the—bloc",
            at: 0,
        }
        .collect();
        assert_eq!(w, vec![(0, 2), (4, 7), (10, 14)]);
    }
}
