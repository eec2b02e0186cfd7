//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over
//! word, affix, shape and context features, predicting a UPOS and XPOS
//! pair at once; frequent unambiguous words come from a tag dictionary.
//! The words to the right are seen through their ambiguity classes (the
//! tags a word was seen with in training), the words to the left through
//! the tags already given, including how far back the last verb is.

use super::features::{prefix, shape, suffix, Key};
use super::perceptron::{argmax, KeyMap, Perceptron, Trainer};

/// The learned tagger.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tagger {
    pub model: Perceptron,
    /// Lower-case word → its one tag, for frequent unambiguous words.
    pub dictionary: KeyMap<u16>,
    /// Lower-case word → its ambiguity class (a hash of the tags that make
    /// up at least a tenth of its uses), for words seen [`LEXICON_MIN`]
    /// times or more.
    pub lexicon: KeyMap<u64>,
}

/// How often a word must have been seen to have an ambiguity class: words
/// seen less often look unknown in training too, as new words will.
const LEXICON_MIN: u32 = 3;

/// The ambiguity classes of word `i` and the next two (0: unknown; 1: past
/// the end).
fn classes(lexicon: &KeyMap<u64>, lower: &[String], i: usize) -> [u64; 3] {
    let c = |k: usize| {
        lower
            .get(k)
            .map_or(1, |l| lexicon.get(&word_key(l)).copied().unwrap_or(0))
    };
    [c(i), c(i + 1), c(i + 2)]
}

/// The key of a word in the tag dictionary.
pub(crate) fn word_key(lower: &str) -> u64 {
    Key::new(0).str(lower).done()
}

/// What the tagger knows of the words around word `i`, beyond the words
/// themselves.
pub(crate) struct Context<'a> {
    /// The tags of the previous two words.
    pub prev: (&'a str, &'a str),
    /// The nearest earlier verb or modal: how far back (1–4; 5 further
    /// away, with the tag "far"; 6 for none, with "none") and its tag.
    pub verb: (u32, &'a str),
    /// The ambiguity classes of this word and the next two.
    pub classes: [u64; 3],
}

/// The features of word `i` given the tags before it.
pub(crate) fn features(
    lower: &[String],
    forms: &[&str],
    i: usize,
    ctx: &Context,
    out: &mut Vec<u64>,
) {
    let prev = ctx.prev;
    out.clear();
    let w = |j: isize| -> &str {
        let k = i as isize + j;
        if k < 0 {
            "<s>"
        } else {
            lower.get(k as usize).map(String::as_str).unwrap_or("</s>")
        }
    };
    let form = forms.get(i).copied().unwrap_or("");
    let word = w(0);
    out.push(Key::new(1).done());
    out.push(Key::new(2).str(word).done());
    for n in 1..=4 {
        out.push(Key::new(3).num(n as u32).str(suffix(word, n)).done());
    }
    for n in 1..=3 {
        out.push(Key::new(4).num(n as u32).str(prefix(word, n)).done());
    }
    out.push(Key::new(5).str(&shape(form)).done());
    let first = i == 0;
    let capital = form.chars().next().is_some_and(char::is_uppercase);
    out.push(
        Key::new(6)
            .num(u32::from(first) * 2 + u32::from(capital))
            .done(),
    );
    out.push(
        Key::new(7)
            .num(u32::from(form.contains('-')))
            .num(u32::from(form.chars().any(|c| c.is_numeric())))
            .done(),
    );
    out.push(Key::new(8).str(w(-1)).done());
    out.push(Key::new(9).str(w(1)).done());
    out.push(Key::new(10).str(w(-2)).done());
    out.push(Key::new(11).str(w(2)).done());
    out.push(Key::new(12).str(suffix(w(-1), 3)).done());
    out.push(Key::new(13).str(suffix(w(1), 3)).done());
    out.push(Key::new(14).str(prev.0).done());
    out.push(Key::new(15).str(prev.0).str(prev.1).done());
    out.push(Key::new(16).str(prev.0).str(word).done());
    out.push(Key::new(17).str(word).str(w(1)).done());
    out.push(Key::new(18).str(w(-1)).str(word).done());
    out.push(Key::new(19).str(prev.0).str(w(1)).done());
    out.push(Key::new(20).str(w(-1)).str(w(1)).done());
    out.push(Key::new(21).str(suffix(word, 5)).done());
    out.push(Key::new(22).str(prev.0).str(suffix(word, 3)).done());
    let next = forms.get(i + 1).copied().unwrap_or("");
    out.push(Key::new(23).str(&shape(next)).str(suffix(word, 2)).done());
    out.push(Key::new(24).str(prev.1).str(prev.0).str(word).done());
    // The form as written: "US" and "us", "May" and "may".
    out.push(Key::new(25).str(form).done());
    // Capitalised words inside the sentence are names whatever their
    // ending ("Beijing"); at its start they need not be.
    out.push(
        Key::new(26)
            .num(u32::from(first) * 2 + u32::from(capital))
            .str(suffix(word, 3))
            .done(),
    );
    // A past participle follows an auxiliary or another verb; a noun
    // followed by "-ed" with no verb before is a finite verb ("jets
    // hammered hideouts").
    let (d, v) = ctx.verb;
    out.push(Key::new(27).num(d).str(v).str(suffix(word, 2)).done());
    out.push(
        Key::new(28)
            .num(u32::from(d >= 6))
            .str(prev.0)
            .str(suffix(word, 2))
            .done(),
    );
    // What the words ahead could be. (The word's own class alone, or with
    // the previous tag, lowers accuracy on EWT and turns finite verbs of
    // news reports into participles: "Rebels attacked/VBN a convoy".)
    let [c0, c1, c2] = ctx.classes;
    out.push(Key::new(30).hash(c1).done());
    out.push(Key::new(31).hash(c1).hash(c2).done());
    out.push(Key::new(33).hash(c0).hash(c1).done());
}

/// Whether a tag name (`VBD/VERB`) is a verb's or a modal's.
fn is_verb(name: &str) -> bool {
    name.starts_with("VB") || name.starts_with("MD")
}

/// Lower-cased forms, numbers folded to a digit pattern.
pub(crate) fn normalise(forms: &[&str]) -> Vec<String> {
    forms
        .iter()
        .map(|f| {
            if f.chars().any(|c| c.is_ascii_digit())
                && f.chars().all(|c| c.is_ascii_digit() || ",.:/-".contains(c))
            {
                "<num>".to_string()
            } else {
                f.to_lowercase()
            }
        })
        .collect()
}

/// One greedy left-to-right pass over a sentence: dictionary words get
/// their tag, the others what `choose` makes of their features (given the
/// word's index).
fn pass(
    tagger: (&KeyMap<u16>, &KeyMap<u64>),
    names: &[String],
    forms: &[&str],
    lower: &[String],
    feats: &mut Vec<u64>,
    mut choose: impl FnMut(&[u64], usize) -> usize,
) -> Vec<usize> {
    let (dictionary, lexicon) = tagger;
    let name = |t: usize| names.get(t).map(String::as_str).unwrap_or("");
    let mut tags: Vec<usize> = Vec::with_capacity(forms.len());
    let mut verb: Option<usize> = None;
    for i in 0..forms.len() {
        let t = match dictionary.get(&word_key(&lower[i])) {
            Some(&t) => usize::from(t),
            None => {
                let before =
                    |j: Option<usize>| j.and_then(|j| tags.get(j)).map_or("<s>", |&t| name(t));
                let ctx = Context {
                    prev: (before(i.checked_sub(1)), before(i.checked_sub(2))),
                    verb: match verb {
                        Some(j) if i - j <= 4 => ((i - j) as u32, name(tags[j])),
                        Some(_) => (5, "far"),
                        None => (6, "none"),
                    },
                    classes: classes(lexicon, lower, i),
                };
                features(lower, forms, i, &ctx, feats);
                choose(feats, i)
            }
        };
        if is_verb(name(t)) {
            verb = Some(i);
        }
        tags.push(t);
    }
    tags
}

impl Tagger {
    /// The tag (index into the tag table) of each form.
    ///
    /// `verb_form` tells which finite-verb tag (`VBD`, `VBZ`) a lower-case
    /// word can have, if any. A sentence of several words whose greedy tags
    /// hold no finite verb ("Israel struck targets", with "struck" read as
    /// a noun) gets one where a reading with one scores nearly as well:
    /// each such word in turn is given that tag and the sentence is tagged
    /// again around it; the best of these readings is taken if its summed
    /// scores are within [`FINITE_MARGIN`] of the greedy one's.
    pub fn tag(
        &self,
        forms: &[&str],
        names: &[String],
        verb_form: &dyn Fn(&str) -> Option<&'static str>,
    ) -> Vec<usize> {
        let lower = normalise(forms);
        let (tags, greedy) = self.tag_forcing(forms, &lower, names, None);
        if forms.len() < 3
            || tags
                .iter()
                .any(|&t| names.get(t).is_some_and(|n| finite(n)))
        {
            return tags;
        }
        let mut best: Option<(f32, Vec<usize>)> = None;
        for (i, form) in forms.iter().enumerate() {
            let capital = form.chars().next().is_some_and(char::is_uppercase);
            if (capital && i > 0)
                || !form.chars().all(char::is_alphabetic)
                || self.dictionary.contains_key(&word_key(&lower[i]))
            {
                continue;
            }
            // A participle with no finite verb about is a past ("missiles
            // hit Lviv"), whatever the lemmatiser knows of the word.
            let participle = names.get(tags[i]).is_some_and(|n| xpos_of(n) == "VBN");
            let Some(xpos) = verb_form(&lower[i]).or(participle.then_some("VBD")) else {
                continue;
            };
            let (alt, total) = self.tag_forcing(forms, &lower, names, Some((i, xpos)));
            if greedy - total <= FINITE_MARGIN && best.as_ref().is_none_or(|(t, _)| total > *t) {
                best = Some((total, alt));
            }
        }
        best.map_or(tags, |(_, alt)| alt)
    }

    /// One greedy pass, with word `i` given its best class of XPOS `x`
    /// when `force` is `Some((i, x))`; the tags and the sum of their scores.
    fn tag_forcing(
        &self,
        forms: &[&str],
        lower: &[String],
        names: &[String],
        force: Option<(usize, &str)>,
    ) -> (Vec<usize>, f32) {
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0.0; self.model.classes];
        let mut total = 0.0;
        let tags = pass(
            (&self.dictionary, &self.lexicon),
            names,
            forms,
            lower,
            &mut feats,
            |f, k| {
                self.model.score(f, &mut scores);
                let t = match force {
                    Some((i, x)) if i == k => {
                        argmax(&scores, |c| names.get(c).is_some_and(|n| xpos_of(n) == x))
                    }
                    _ => argmax(&scores, |_| true),
                }
                .unwrap_or(0);
                total += scores.get(t).copied().unwrap_or(0.0);
                t
            },
        );
        (tags, total)
    }
}

/// How much lower the summed scores of a sentence's tags may be when one of
/// its words is read as a finite verb, for that reading to be taken in a
/// sentence that would otherwise have none.
const FINITE_MARGIN: f32 = 24.0;

/// The XPOS part of a tag class's name (`VBD/VERB` → `VBD`).
fn xpos_of(name: &str) -> &str {
    name.split('/').next().unwrap_or("")
}

/// Whether a tag class (named `XPOS/UPOS`) is a finite verb or a modal.
fn finite(name: &str) -> bool {
    matches!(xpos_of(name), "VBD" | "VBZ" | "VBP" | "MD")
}

/// Trains a tagger on sentences of (form, tag index); `names` are the tag
/// names the features use for previous tags.
pub(crate) fn train(
    sentences: &[Vec<(String, usize)>],
    names: &[String],
    epochs: usize,
    seed: u64,
    prune: f32,
) -> Tagger {
    // The dictionary: words seen often with one tag nearly always.
    let mut counts: std::collections::HashMap<String, Vec<u32>> = std::collections::HashMap::new();
    for s in sentences {
        let forms: Vec<&str> = s.iter().map(|(f, _)| f.as_str()).collect();
        for ((_, t), l) in s.iter().zip(normalise(&forms)) {
            let row = counts.entry(l).or_insert_with(|| vec![0; names.len()]);
            row[*t] += 1;
        }
    }
    let mut dictionary = KeyMap::default();
    let mut lexicon = KeyMap::default();
    for (w, row) in &counts {
        let total: u32 = row.iter().sum();
        if let Some((t, &n)) = row.iter().enumerate().max_by_key(|(_, n)| **n) {
            if total >= 20 && f64::from(n) / f64::from(total) >= 0.99 {
                dictionary.insert(word_key(w), t as u16);
            }
        }
        if total >= LEXICON_MIN {
            let mut k = Key::new(40);
            for (t, &n) in row.iter().enumerate() {
                if n * 10 >= total {
                    k = k.num(t as u32);
                }
            }
            lexicon.insert(word_key(w), k.done());
        }
    }
    let mut trainer = Trainer::new(names.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = seed;
    let mut feats = Vec::with_capacity(40);
    let mut scores = vec![0.0; names.len()];
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &si in &order {
            let s = &sentences[si];
            let forms: Vec<&str> = s.iter().map(|(f, _)| f.as_str()).collect();
            let lower = normalise(&forms);
            // Learns from its own guesses, as it will tag.
            pass(
                (&dictionary, &lexicon),
                names,
                &forms,
                &lower,
                &mut feats,
                |f, i| {
                    let guess = trainer.best(f, &mut scores, |_| true).unwrap_or(0);
                    trainer.update(s[i].1, guess, f);
                    guess
                },
            );
        }
    }
    Tagger {
        model: trainer.finish(prune),
        dictionary,
        lexicon,
    }
}

/// A seeded Fisher–Yates shuffle (xorshift), so training is reproducible.
pub(crate) fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}
