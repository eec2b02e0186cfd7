//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over
//! word, affix, shape and context features, predicting a UPOS and XPOS
//! pair at once; frequent unambiguous words come from a tag dictionary.

use super::features::{prefix, shape, suffix, Key};
use super::perceptron::{KeyMap, Perceptron, Trainer};

/// The learned tagger.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tagger {
    pub model: Perceptron,
    /// Lower-case word → its one tag, for frequent unambiguous words.
    pub dictionary: KeyMap<u16>,
}

/// The key of a word in the tag dictionary.
pub(crate) fn word_key(lower: &str) -> u64 {
    Key::new(0).str(lower).done()
}

/// The features of word `i` given the tags before it.
pub(crate) fn features(
    lower: &[String],
    forms: &[&str],
    i: usize,
    prev: (&str, &str),
    out: &mut Vec<u64>,
) {
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

impl Tagger {
    /// The tag (index into the tag table) of each form.
    pub fn tag(&self, forms: &[&str], names: &[String]) -> Vec<usize> {
        let lower = normalise(forms);
        let mut tags: Vec<usize> = Vec::with_capacity(forms.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0.0; self.model.classes];
        for i in 0..forms.len() {
            if let Some(&t) = self.dictionary.get(&word_key(&lower[i])) {
                tags.push(t as usize);
                continue;
            }
            let name = |j: Option<usize>| {
                j.and_then(|j| tags.get(j))
                    .and_then(|&t| names.get(t))
                    .map(String::as_str)
                    .unwrap_or("<s>")
            };
            let prev = (name(i.checked_sub(1)), name(i.checked_sub(2)));
            features(&lower, forms, i, prev, &mut feats);
            let t = self.model.best(&feats, &mut scores, |_| true).unwrap_or(0);
            tags.push(t);
        }
        tags
    }
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
    for (w, row) in &counts {
        let total: u32 = row.iter().sum();
        if let Some((t, &n)) = row.iter().enumerate().max_by_key(|(_, n)| **n) {
            if total >= 20 && f64::from(n) / f64::from(total) >= 0.99 {
                dictionary.insert(word_key(w), t as u16);
            }
        }
    }
    let mut trainer = Trainer::new(names.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = seed;
    let mut feats = Vec::with_capacity(32);
    let mut scores = vec![0.0; names.len()];
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &si in &order {
            let s = &sentences[si];
            let forms: Vec<&str> = s.iter().map(|(f, _)| f.as_str()).collect();
            let lower = normalise(&forms);
            let mut tags: Vec<usize> = Vec::with_capacity(s.len());
            for (i, (_, truth)) in s.iter().enumerate() {
                if let Some(&t) = dictionary.get(&word_key(&lower[i])) {
                    tags.push(t as usize);
                    continue;
                }
                let name = |j: Option<usize>| {
                    j.and_then(|j| tags.get(j))
                        .map(|&t| names[t].as_str())
                        .unwrap_or("<s>")
                };
                let prev = (name(i.checked_sub(1)), name(i.checked_sub(2)));
                features(&lower, &forms, i, prev, &mut feats);
                let guess = trainer.best(&feats, &mut scores, |_| true).unwrap_or(0);
                trainer.update(*truth, guess, &feats);
                tags.push(guess);
            }
        }
    }
    Tagger {
        model: trainer.finish(prune),
        dictionary,
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
