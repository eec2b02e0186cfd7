//! The verb-pattern dictionary (`data/verbs.txt`, converted from the
//! PETRARCH-2 CAMEO dictionary by `scripts/build_verbs.py`) and the nominal
//! event lexicon (`data/nominals.tsv`).

use crate::error::DictionaryError;
use entente_core::{lexicon, CameoCode};
use std::collections::HashMap;
use std::sync::OnceLock;

const VERBS_TXT: &str = include_str!("../data/verbs.txt");
const NOMINALS_TSV: &str = include_str!("../data/nominals.tsv");
/// Words a pattern may skip between two of its words (determiners,
/// adjectives, an actor's name).
const MAX_GAP: usize = 4;
/// Put before the verb of an infinitive clause in the words after a verb:
/// pattern words match that verb but are not sought beyond it.
pub const CLAUSE_BARRIER: &str = "|";
/// How far after the verb a prepositional phrase of a pattern may start.
const PP_GAP: usize = 8;

/// How a verb form is inflected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inflection {
    /// The lemma itself ("attack"): also a noun, often.
    Base,
    /// Third person ("attacks").
    Present,
    /// "attacking".
    Gerund,
    /// Past or participle ("attacked", "sent").
    Past,
}

/// One form of a dictionary verb.
#[derive(Debug, Clone)]
pub struct VerbForm {
    pub lemma: String,
    pub block: usize,
    /// The verb's own code, when it has one; otherwise the block's.
    pub code: Option<String>,
    /// Further words of a multi-word form ("ask for" → `["for"]`).
    pub rest: Vec<String>,
    pub inflection: Inflection,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PatternWord {
    Prefix(String),
    Exact(String),
    Set(String),
}

#[derive(Debug, Clone)]
struct Pattern {
    code: Option<String>,
    pre: Vec<PatternWord>,
    post: Vec<PatternWord>,
}

#[derive(Debug, Clone, Default)]
struct Block {
    code: Option<String>,
    patterns: Vec<Pattern>,
}

/// How a nominal event finds its actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// X's N of/against/on Y; N of Y by X.
    Act,
    /// N from X; the target is the other party in the sentence.
    Ask,
    /// Like `Act`, for a show of force ("military drills") that becomes
    /// military cooperation (CAMEO 062) when done jointly: with a partner,
    /// by several actors, or called "joint".
    Joint,
    /// Collective action; the source is where it happens.
    Mass,
    /// N between/with/among actors.
    Meet,
}

/// A noun that reports an event.
#[derive(Debug, Clone)]
pub struct Nominal {
    pub words: Vec<String>,
    pub code: String,
    pub frame: Frame,
    /// The code when a verb of ending governs the noun ("lifted the
    /// embargo": 085), from the optional fourth column.
    pub eased: Option<String>,
}

/// A synonym set of a pattern (`&WEAPON`): its phrases in order, and
/// which of them open with each word, so that a sentence's word is
/// compared with the few phrases it could begin rather than all of them.
#[derive(Debug, Clone, Default)]
struct PhraseSet {
    phrases: Vec<Vec<String>>,
    /// First word of a phrase → the indices of the phrases it opens, in order.
    by_first: HashMap<String, Vec<usize>>,
}

impl PhraseSet {
    fn new(phrases: Vec<Vec<String>>) -> PhraseSet {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, phrase) in phrases.iter().enumerate() {
            if let Some(first) = phrase.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        PhraseSet { phrases, by_first }
    }

    /// The indices of the phrases whose first word `word` matches as a
    /// noun ([`noun_match`]), in order.
    fn opened_by(&self, word: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        for ending in NOUN_ENDINGS {
            if let Some(ix) = word
                .strip_suffix(ending)
                .and_then(|stem| self.by_first.get(stem))
            {
                found.extend_from_slice(ix);
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Verbs with their forms and patterns, and nominal events.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    forms: HashMap<String, Vec<VerbForm>>,
    blocks: Vec<Block>,
    sets: HashMap<String, PhraseSet>,
    nominals: HashMap<String, Vec<Nominal>>,
}

impl VerbDictionary {
    /// The dictionaries compiled into the crate.
    pub fn embedded() -> &'static VerbDictionary {
        static DICT: OnceLock<VerbDictionary> = OnceLock::new();
        DICT.get_or_init(|| {
            let mut d = VerbDictionary::parse("data/verbs.txt", VERBS_TXT).unwrap_or_default();
            // The embedded files are tested to parse; a failure leaves the
            // dictionary empty rather than aborting the pipeline.
            let _ = d.add_nominals("data/nominals.tsv", NOMINALS_TSV);
            d
        })
    }

    /// Parses the `verbs.txt` format (see `scripts/build_verbs.py`).
    pub fn parse(file: &str, text: &str) -> Result<VerbDictionary, DictionaryError> {
        let mut d = VerbDictionary::default();
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let code = |s: &str| (s != "-").then(|| s.to_string());
            match f.as_slice() {
                ["S", name, words] => {
                    let phrases = words
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .map(|w| {
                            w.split('_')
                                .filter(|p| !p.is_empty())
                                .map(str::to_string)
                                .collect()
                        })
                        .collect();
                    d.sets.insert(
                        name.trim_end_matches('_').to_string(),
                        PhraseSet::new(phrases),
                    );
                }
                ["B", c] => d.blocks.push(Block {
                    code: code(c),
                    patterns: Vec::new(),
                }),
                ["V", lemma, c, forms] => {
                    let block = d.blocks.len().checked_sub(1).ok_or_else(|| {
                        DictionaryError::malformed(file, line_no, "verb before any block")
                    })?;
                    let lemma_words: Vec<&str> = lemma.split('_').collect();
                    for form in forms.split(' ').filter(|f| !f.is_empty()) {
                        let mut words = form.split('_').map(str::to_string);
                        let Some(first) = words.next() else { continue };
                        let inflection = inflect(lemma_words[0], &first);
                        d.forms.entry(first).or_default().push(VerbForm {
                            lemma: lemma.to_string(),
                            block,
                            code: code(c),
                            rest: words.collect(),
                            inflection,
                        });
                    }
                }
                ["P", c, body] => {
                    let block = d.blocks.last_mut().ok_or_else(|| {
                        DictionaryError::malformed(file, line_no, "pattern before any block")
                    })?;
                    let mut pre = Vec::new();
                    let mut post = Vec::new();
                    let mut seen_star = false;
                    for w in body.split(' ').filter(|w| !w.is_empty()) {
                        if w == "*" {
                            seen_star = true;
                            continue;
                        }
                        let pw = if let Some(s) = w.strip_prefix('&') {
                            PatternWord::Set(format!("&{}", s.trim_end_matches('_')))
                        } else if let Some(e) = w.strip_suffix('_') {
                            PatternWord::Exact(e.to_string())
                        } else {
                            PatternWord::Prefix(w.to_string())
                        };
                        if seen_star {
                            post.push(pw)
                        } else {
                            pre.push(pw)
                        }
                    }
                    if !seen_star {
                        return Err(DictionaryError::malformed(
                            file,
                            line_no,
                            "pattern without '*'",
                        ));
                    }
                    block.patterns.push(Pattern {
                        code: code(c),
                        pre,
                        post,
                    });
                }
                _ => {
                    return Err(DictionaryError::malformed(
                        file,
                        line_no,
                        format!("unknown record {:?}", f.first().unwrap_or(&"")),
                    ))
                }
            }
        }
        Ok(d)
    }

    /// Adds nominal events in the `nominals.tsv` format.
    pub fn add_nominals(&mut self, file: &str, tsv: &str) -> Result<(), DictionaryError> {
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let (noun, code, frame, eased) = match f.as_slice() {
                [noun, code, frame] => (noun, code, frame, None),
                [noun, code, frame, eased] => (noun, code, frame, Some(eased.to_string())),
                _ => {
                    return Err(DictionaryError::malformed(
                        file,
                        n + 1,
                        "expected noun, code, frame and an optional eased code",
                    ))
                }
            };
            let frame = match *frame {
                "act" => Frame::Act,
                "joint" => Frame::Joint,
                "ask" => Frame::Ask,
                "mass" => Frame::Mass,
                "meet" => Frame::Meet,
                other => {
                    return Err(DictionaryError::malformed(
                        file,
                        n + 1,
                        format!("unknown frame {other:?}"),
                    ))
                }
            };
            let words: Vec<String> = noun.split(' ').map(str::to_string).collect();
            let key = words[0].clone();
            self.nominals.entry(key).or_default().push(Nominal {
                words,
                code: code.to_string(),
                frame,
                eased,
            });
        }
        Ok(())
    }

    /// Verb forms whose first word is `word` (lower case).
    pub fn verb_forms(&self, word: &str) -> &[VerbForm] {
        self.forms.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Nominal events whose first word is `word` (lower case).
    pub fn nominals(&self, word: &str) -> &[Nominal] {
        self.nominals.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The code of verb `form` given the words before and after it in its
    /// clause: the longest matching pattern of its block, else the verb's or
    /// block's own code. `None`: not an event.
    pub fn code(&self, form: &VerbForm, before: &[String], after: &[String]) -> Option<String> {
        match self.pattern_code(form, before, after) {
            Some(c) => c,
            None => self.default_code(form),
        }
    }

    /// The code of the longest pattern of `form`'s block that matches the
    /// words `before` and `after` the verb: `Some(None)` for a pattern that
    /// says "no event", `None` when no pattern matches.
    pub fn pattern_code(
        &self,
        form: &VerbForm,
        before: &[String],
        after: &[String],
    ) -> Option<Option<String>> {
        let block = self.blocks.get(form.block)?;
        // Longest first; between equally long patterns, the one whose words
        // match more exactly ("lifted sanctions": `* sanctions` before
        // `* sanction`), then the one whose words after the verb start
        // nearer to it ("attacked the proposal as a violation": the object,
        // not the oblique), then the first.
        let mut best: Option<(usize, (usize, usize), &Option<String>)> = None;
        for p in &block.patterns {
            let len = p.pre.len() + p.post.len();
            if best.is_some_and(|(l, _, _)| len < l) {
                continue;
            }
            let Some((post, at, end)) = self.matches_in_order(&p.post, after) else {
                continue;
            };
            // "pressed on", "called off": a pattern that is a bare particle
            // follows its verb ("urged restraint on Sunday" is no "urge on").
            if let [PatternWord::Exact(w) | PatternWord::Prefix(w)] = p.post.as_slice() {
                // Only a day or an adverb may stand between ("called
                // Thursday on Arabs to unite").
                let adverbial = |x: &String| {
                    lexicon::weekday(x).is_some()
                        || x.len() > 4 && x.ends_with("ly")
                        || matches!(x.as_str(), "today" | "yesterday" | "again" | "also")
                };
                if lexicon::verb_particle(w) && !after[..at.min(after.len())].iter().all(adverbial)
                {
                    continue;
                }
                // A particle that heads a time phrase is a preposition
                // ("demanded on Monday that ..." is no "pressed on").
                let time_word = |x: &String| {
                    lexicon::weekday(x).is_some()
                        || lexicon::month(x).is_some()
                        || x.chars().all(|c| c.is_ascii_digit())
                };
                if lexicon::verb_particle(w) && after.get(end).is_some_and(time_word) {
                    continue;
                }
            }
            // "captured part of a stronghold": a pattern ending on a
            // partitive noun ("* part", the idiom "take part") does not
            // match a partitive phrase, whose head follows "of".
            if end > 0
                && after.get(end).is_some_and(|w| w == "of")
                && lexicon::partitive_noun(&after[end - 1])
            {
                continue;
            }
            let Some((pre, _, _)) = self.matches_in_order_rev(&p.pre, before) else {
                continue;
            };
            // A verb of saying with a code of its own ("accuse", 112) does
            // not take the material acts its block's other verbs have
            // ("charged X of crimes" is an arrest, 173; "accused X of
            // crimes" is an accusation).
            let verbal = |c: &str| {
                matches!(
                    CameoCode::root_of(c),
                    Some("01" | "10" | "11" | "12" | "13")
                )
            };
            let material =
                |c: &str| matches!(CameoCode::root_of(c), Some("17" | "18" | "19" | "20"));
            // Nor does a demand, criticism, refusal or threat of its own
            // ("order", 100) take the block's cooperation or travel
            // ("ordered the troops to leave" is neither a promise, "* to"
            // 030, nor a visit, 042): only words said.
            let said = |c: &str| {
                matches!(
                    CameoCode::root_of(c),
                    Some("01" | "02" | "10" | "11" | "12" | "13")
                )
            };
            let hostile =
                |c: &str| matches!(CameoCode::root_of(c), Some("10" | "11" | "12" | "13"));
            // A pattern that names only the subject's kind ("&MILITARY *")
            // refines a verb of its own code within that code's kind
            // ("aircraft attacked", 195) but does not change what the verb
            // means ("the army arrested" stays an arrest, not the block's
            // "captured" 192).
            let subject_only = p.post.is_empty();
            if let (Some(own), Some(pc)) = (&form.code, &p.code) {
                if verbal(own) && material(pc)
                    || hostile(own) && !said(pc)
                    || subject_only && CameoCode::root_of(own) != CameoCode::root_of(pc)
                {
                    continue;
                }
            }
            let rank = (post + pre, at);
            if best.is_some_and(|(l, r, _)| len == l && rank >= r) {
                continue;
            }
            best = Some((len, rank, &p.code));
        }
        best.map(|(_, _, c)| c.clone())
    }

    /// The code of `form` when no pattern matches: its own, else its block's.
    pub fn default_code(&self, form: &VerbForm) -> Option<String> {
        let block = self.blocks.get(form.block)?;
        form.code.clone().or_else(|| block.code.clone())
    }

    /// Whether pattern word `pw` matches at `words[at]`: the number of
    /// words it covers and the number of them matched by inflection rather
    /// than exactly.
    fn word_matches(
        &self,
        pw: &PatternWord,
        words: &[String],
        at: usize,
    ) -> Option<(usize, usize)> {
        let w = words.get(at)?;
        match pw {
            PatternWord::Exact(e) => (w == e).then_some((1, 0)),
            PatternWord::Prefix(p) => stem_match(w, p).then_some((1, usize::from(w != p))),
            PatternWord::Set(name) => {
                let set = self.sets.get(name)?;
                // Only a phrase whose first word `w` matches can match.
                set.opened_by(w)
                    .into_iter()
                    .filter_map(|i| set.phrases.get(i))
                    .find_map(|phrase| phrase_matches(phrase, words, at))
            }
        }
    }

    /// [`VerbDictionary::word_matches`] of a set word, trying every
    /// phrase of the set in order: what the index of [`PhraseSet`] must
    /// agree with.
    #[cfg(test)]
    fn set_matches_every_phrase(
        &self,
        name: &str,
        words: &[String],
        at: usize,
    ) -> Option<(usize, usize)> {
        words.get(at)?;
        self.sets
            .get(name)?
            .phrases
            .iter()
            .find_map(|phrase| phrase_matches(phrase, words, at))
    }

    /// All of `pattern` in `words`, in order, each word within a few words
    /// of the previous match (the verb phrase, roughly): the number of
    /// words matched by inflection, where the first pattern word matched
    /// and where the match ends, `None` when the pattern does not match.
    fn matches_in_order(
        &self,
        pattern: &[PatternWord],
        words: &[String],
    ) -> Option<(usize, usize, usize)> {
        let mut inexact = 0;
        let mut first = None;
        let mut at = 0;
        for (i, pw) in pattern.iter().enumerate() {
            let mut found = false;
            // A pattern opening with "against" ("* against criticism") is a
            // phrase that may follow the whole object.
            let gap = match pw {
                PatternWord::Exact(e) | PatternWord::Prefix(e) if i == 0 && e == "against" => {
                    PP_GAP
                }
                _ => MAX_GAP,
            };
            let limit = (at + gap + 1).min(words.len());
            while at < limit {
                // The verb of a clause of its own: a pattern may name it
                // ("* to provide aid") but not reach past it ("agreed to
                // scrap sanctions" is not "agreed to sanctions").
                if words[at] == CLAUSE_BARRIER {
                    match self.word_matches(pw, words, at + 1) {
                        Some((n, x)) => {
                            first.get_or_insert(at + 1);
                            at += 1 + n;
                            inexact += x;
                            found = true;
                        }
                        None => return None,
                    }
                    break;
                }
                if let Some((n, x)) = self.word_matches(pw, words, at) {
                    first.get_or_insert(at);
                    at += n;
                    inexact += x;
                    found = true;
                    break;
                }
                at += 1;
            }
            if !found {
                return None;
            }
        }
        Some((inexact, first.unwrap_or(0), at))
    }

    /// `pattern` in `before` (words nearest the verb last), in order.
    fn matches_in_order_rev(
        &self,
        pattern: &[PatternWord],
        before: &[String],
    ) -> Option<(usize, usize, usize)> {
        if pattern.is_empty() {
            return Some((0, 0, 0));
        }
        // Anchor at the verb: the last pattern word must be near its end.
        let from = before.len().saturating_sub(pattern.len() + MAX_GAP);
        self.matches_in_order(pattern, &before[from..])
    }
}

/// Whether a set's phrase matches `words` from `at`, each word as a noun
/// ([`noun_match`]): the words it takes and how many of them by inflection.
fn phrase_matches(phrase: &[String], words: &[String], at: usize) -> Option<(usize, usize)> {
    let ok = !phrase.is_empty()
        && phrase
            .iter()
            .enumerate()
            .all(|(k, p)| words.get(at + k).map(|x| noun_match(x, p)).unwrap_or(false));
    let inexact = phrase
        .iter()
        .enumerate()
        .filter(|&(k, p)| words.get(at + k).is_some_and(|x| x != p))
        .count();
    ok.then_some((phrase.len(), inexact))
}

/// The endings by which a word is a form of a set's noun
/// ([`noun_match`]): those of [`stem_match`] but `d`, `ed`, `er` and `ers`.
const NOUN_ENDINGS: [&str; 6] = ["", "s", "es", "ing", "ies", "'s"];

/// A pattern word matches its inflections, not every longer word
/// ("austral" is a currency, "Australia" is not).
fn stem_match(word: &str, stem: &str) -> bool {
    word.strip_prefix(stem)
        .map(|rest| {
            matches!(
                rest,
                "" | "s" | "es" | "d" | "ed" | "ing" | "er" | "ers" | "ies" | "'s"
            )
        })
        .unwrap_or(false)
}

/// Whether `word` is the noun `stem` of a synonym set or one of its
/// forms: as [`stem_match`], but a past participle is no noun
/// ("suspected militants" names no suspect; "fighting" stays a noun).
fn noun_match(word: &str, stem: &str) -> bool {
    // Nor does an agent noun name its stem's thing: "prisoners" are not a
    // "prison", "bombers" no "bomb".
    stem_match(word, stem)
        && !word
            .strip_prefix(stem)
            .is_some_and(|rest| matches!(rest, "d" | "ed" | "er" | "ers"))
}

fn inflect(lemma: &str, form: &str) -> Inflection {
    if form == lemma {
        Inflection::Base
    } else if form.ends_with("ing") {
        Inflection::Gerund
    } else if form.ends_with('s') && form.len() <= lemma.len() + 3 && !form.ends_with("ss") {
        Inflection::Present
    } else {
        Inflection::Past
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_word_matches_the_first_phrase_that_fits_as_trying_every_phrase_does() {
        let d = VerbDictionary::embedded();
        assert!(!d.sets.is_empty());
        let mut tried = 0;
        for (name, set) in &d.sets {
            for phrase in &set.phrases {
                let Some((first, rest)) = phrase.split_first() else {
                    continue;
                };
                for ending in NOUN_ENDINGS
                    .iter()
                    .chain(&["d", "ed", "x", "ly", "er", "ers"])
                {
                    // The phrase with its first word inflected, alone, cut
                    // short, and after another word.
                    let mut words = vec![format!("{first}{ending}")];
                    words.extend(rest.iter().cloned());
                    let cut = words.len().saturating_sub(1).max(1);
                    let before: Vec<String> = std::iter::once("the".to_string())
                        .chain(words.iter().cloned())
                        .collect();
                    for (ws, at) in [(&words, 0), (&words[..cut].to_vec(), 0), (&before, 1)] {
                        let pw = PatternWord::Set(name.clone());
                        assert_eq!(
                            d.word_matches(&pw, ws, at),
                            d.set_matches_every_phrase(name, ws, at),
                            "{name} {ws:?} at {at}"
                        );
                        tried += 1;
                    }
                }
            }
        }
        assert!(tried > 1000);
    }

    #[test]
    fn noun_endings_are_those_noun_match_accepts() {
        for ending in NOUN_ENDINGS {
            assert!(noun_match(&format!("arm{ending}"), "arm"), "{ending}");
        }
        for ending in ["d", "ed", "x", "ly", "ment", "er", "ers"] {
            assert!(!noun_match(&format!("arm{ending}"), "arm"), "{ending}");
        }
    }

    #[test]
    fn a_participle_is_no_noun_of_a_set() {
        assert!(noun_match("suspects", "suspect"));
        assert!(noun_match("fighting", "fight"));
        assert!(!noun_match("suspected", "suspect"));
        assert!(!noun_match("armed", "arm"));
        assert!(stem_match("suspected", "suspect"));
    }

    #[test]
    fn embedded_dictionary_parses() {
        let d = VerbDictionary::parse("data/verbs.txt", VERBS_TXT);
        assert!(
            d.is_ok(),
            "help: re-run scripts/build_verbs.py: {:?}",
            d.err()
        );
        let d = VerbDictionary::embedded();
        assert!(!d.verb_forms("urged").is_empty());
        assert!(
            !d.verb_forms("recognised").is_empty(),
            "help: -ise spellings come from the script"
        );
        assert!(!d.nominals("invasion").is_empty());
    }

    #[test]
    fn patterns_choose_code() {
        let d = VerbDictionary::embedded();
        let ask = &d.verb_forms("asked")[0];
        let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(d.code(ask, &[], &words("for help")).as_deref(), Some("020"));
        // Equally long patterns: the exact word beats an inflection of a
        // shorter one ("* sanctions", not "* sanction").
        let lift = &d.verb_forms("lifted")[0];
        let agree = &d.verb_forms("agreed")[0];
        assert_eq!(
            d.code(agree, &[], &words("to sanctions")).as_deref(),
            Some("163")
        );
        assert_eq!(
            d.code(agree, &[], &words("to | scrap sanctions"))
                .as_deref(),
            Some("030")
        );
        for object in ["sanctions on Cuba", "the sanctions", "economic sanctions"] {
            assert_eq!(
                d.code(lift, &[], &words(object)).as_deref(),
                Some("085"),
                "{object}"
            );
        }
    }

    #[test]
    fn errors_name_line() {
        let e = VerbDictionary::parse("v.txt", "B\t010\nQ\tx\n")
            .err()
            .map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("v.txt:2: unknown record \"Q\""));
    }
}
