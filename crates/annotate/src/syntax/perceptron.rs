//! An averaged perceptron over hashed features: the learner of the tagger,
//! the transition classifier and the label classifier.
//!
//! Training keeps dense rows (one weight per class) with running totals for
//! the average; [`Trainer::finish`] averages, prunes the weights that do not
//! matter and gives a sparse, quantised [`Perceptron`] for prediction.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Feature keys are already hashes: hash them no further.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// The highest-scoring class that `allowed` accepts; the lowest index on a tie.
pub(crate) fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    scores
        .iter()
        .enumerate()
        .filter(|&(c, _)| allowed(c))
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        .map(|(c, _)| c)
}

/// A trained classifier: for each feature, the classes it votes for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Perceptron {
    pub classes: usize,
    /// Feature → (offset, length) into `votes`.
    pub index: KeyMap<(u32, u16)>,
    /// (class, weight) pairs, grouped by feature.
    pub votes: Vec<(u16, f32)>,
    /// For a classifier of at most [`DENSE`] classes (the parser's
    /// transitions), each feature's weights in its own table entry: one
    /// memory access per feature instead of two, where the beam spends
    /// most of its time. Made from `index` and `votes` by [`Perceptron::densify`].
    pub dense: KeyMap<[f32; DENSE]>,
}

/// The most classes a perceptron keeps dense rows for.
pub(crate) const DENSE: usize = 4;

impl Perceptron {
    /// A classifier from its sparse votes, with dense rows when it has few
    /// classes.
    pub fn new(classes: usize, index: KeyMap<(u32, u16)>, votes: Vec<(u16, f32)>) -> Perceptron {
        let mut p = Perceptron {
            classes,
            index,
            votes,
            dense: KeyMap::default(),
        };
        p.densify();
        p
    }

    /// Every feature with its (class, weight) votes, in key order,
    /// whichever way they are kept.
    pub fn rows(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        let mut out: Vec<(u64, Vec<(u16, f32)>)> = self
            .index
            .iter()
            .map(|(&k, &(at, n))| {
                let v = self
                    .votes
                    .get(at as usize..at as usize + n as usize)
                    .unwrap_or_default();
                (k, v.to_vec())
            })
            .chain(self.dense.iter().map(|(&k, row)| {
                let v = row
                    .iter()
                    .enumerate()
                    .take(self.classes)
                    .filter(|(_, w)| **w != 0.0)
                    .map(|(c, &w)| (c as u16, w))
                    .collect();
                (k, v)
            }))
            .collect();
        out.sort_unstable_by_key(|(k, _)| *k);
        out
    }

    /// The same classifier without the weights smaller than `min_weight`.
    pub fn pruned(&self, min_weight: f32) -> Perceptron {
        let mut index = KeyMap::default();
        let mut votes = Vec::new();
        for (key, row) in self.rows() {
            let at = votes.len();
            votes.extend(row.into_iter().filter(|(_, w)| w.abs() >= min_weight));
            let n = votes.len() - at;
            if n > 0 {
                index.insert(key, (at as u32, n as u16));
            }
        }
        Perceptron::new(self.classes, index, votes)
    }

    /// Moves the votes of a classifier of [`DENSE`] classes or fewer into
    /// dense rows.
    fn densify(&mut self) {
        self.dense = KeyMap::default();
        if self.classes > DENSE {
            return;
        }
        self.dense.reserve(self.index.len());
        for (&key, &(at, n)) in &self.index {
            let mut row = [0.0; DENSE];
            for &(c, w) in self
                .votes
                .get(at as usize..at as usize + n as usize)
                .unwrap_or_default()
            {
                if let Some(x) = row.get_mut(c as usize) {
                    *x = w;
                }
            }
            self.dense.insert(key, row);
        }
        self.index = KeyMap::default();
        self.votes = Vec::new();
    }

    /// Adds the votes of `features` into `scores` (one slot per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        if self.classes <= DENSE && scores.len() >= self.classes {
            for f in features {
                if let Some(row) = self.dense.get(f) {
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
            }
            return;
        }
        for f in features {
            if let Some(&(at, n)) = self.index.get(f) {
                let at = at as usize;
                for &(c, w) in self.votes.get(at..at + n as usize).unwrap_or_default() {
                    if let Some(s) = scores.get_mut(c as usize) {
                        *s += w;
                    }
                }
            }
        }
    }

    /// The best class among those `allowed` accepts (all when it accepts all).
    pub fn best(
        &self,
        features: &[u64],
        scores: &mut [f32],
        allowed: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.score(features, scores);
        argmax(scores, allowed)
    }
}

/// Dense rows with the sums an averaged perceptron needs.
pub(crate) struct Trainer {
    classes: usize,
    rows: KeyMap<usize>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
    /// Updates seen so far: the clock of the averages.
    clock: u64,
}

impl Trainer {
    pub fn new(classes: usize) -> Trainer {
        Trainer {
            classes,
            rows: KeyMap::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            clock: 0,
        }
    }

    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&r) = self.rows.get(f) {
                let row = &self.weights[r..r + self.classes];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    pub fn best(
        &self,
        features: &[u64],
        scores: &mut [f32],
        allowed: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.score(features, scores);
        argmax(scores, allowed)
    }

    /// One example seen: `truth` gains and `guess` loses on `features`.
    pub fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        self.clock += 1;
        if truth == guess {
            return;
        }
        for &f in features {
            let r = self.row_of(f);
            self.bump(r + truth, 1.0);
            self.bump(r + guess, -1.0);
        }
    }

    /// The offset of a feature's row, made (all zeros) if it is new.
    fn row_of(&mut self, feature: u64) -> usize {
        let next = self.weights.len();
        let r = *self.rows.entry(feature).or_insert(next);
        if r == next {
            self.weights.resize(next + self.classes, 0.0);
            self.totals.resize(next + self.classes, 0.0);
            self.stamps.resize(next + self.classes, 0);
        }
        r
    }

    /// Adds `delta` to weight `i`, bringing its running total up to now.
    fn bump(&mut self, i: usize, delta: f32) {
        self.totals[i] += (self.clock - self.stamps[i]) as f64 * f64::from(self.weights[i]);
        self.stamps[i] = self.clock;
        self.weights[i] += delta;
    }

    /// The weights of one feature for the first [`DENSE`] classes.
    pub fn dense_row(&self, feature: u64) -> [f32; DENSE] {
        let mut row = [0.0; DENSE];
        if let Some(&r) = self.rows.get(&feature) {
            for (x, w) in row.iter_mut().zip(&self.weights[r..r + self.classes]) {
                *x = *w;
            }
        }
        row
    }

    /// One example seen, for updates made with [`Trainer::adjust`]: the
    /// clock of the averages moves on.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Adds `delta` to the weights of class `class` on `features` (a
    /// structured update is made of several of these, then one tick).
    pub fn adjust(&mut self, class: usize, delta: f32, features: &[u64]) {
        if class >= self.classes {
            return;
        }
        for &f in features {
            let r = self.row_of(f);
            self.bump(r + class, delta);
        }
    }

    /// The averaged weights, without those smaller than `min_weight`.
    pub fn finish(self, min_weight: f32) -> Perceptron {
        sparse(self.classes, &self.rows, |r| self.averaged(r), min_weight)
    }

    fn averaged(&self, r: usize) -> impl Iterator<Item = f32> + '_ {
        let clock = self.clock.max(1) as f64;
        (r..r + self.classes).map(move |i| {
            let total =
                self.totals[i] + (self.clock - self.stamps[i]) as f64 * f64::from(self.weights[i]);
            (total / clock) as f32
        })
    }
}

/// The mean of the averaged weights of several trainers. The scores of a
/// linear model are linear in its weights, so the mixed model scores as
/// the ensemble of its members does, at the cost of one model.
pub(crate) struct Mix {
    classes: usize,
    rows: KeyMap<usize>,
    weights: Vec<f32>,
    members: u32,
}

impl Mix {
    pub fn new(classes: usize) -> Mix {
        Mix {
            classes,
            rows: KeyMap::default(),
            weights: Vec::new(),
            members: 0,
        }
    }

    pub fn add(&mut self, t: &Trainer) {
        self.members += 1;
        for (&key, &r) in &t.rows {
            let next = self.weights.len();
            let at = *self.rows.entry(key).or_insert(next);
            if at == next {
                self.weights.resize(next + self.classes, 0.0);
            }
            for (w, a) in self.weights[at..at + self.classes]
                .iter_mut()
                .zip(t.averaged(r))
            {
                *w += a;
            }
        }
    }

    /// The mean weights, without those smaller than `min_weight`.
    pub fn finish(self, min_weight: f32) -> Perceptron {
        let members = self.members.max(1) as f32;
        let weights = &self.weights;
        sparse(
            self.classes,
            &self.rows,
            |r| {
                weights[r..r + self.classes]
                    .iter()
                    .map(move |w| w / members)
            },
            min_weight,
        )
    }
}

/// The sparse model of dense rows (`rows`: feature → offset of its
/// `classes` weights, which `row` gives), in key order, without weights
/// smaller than `min_weight`.
fn sparse<I: Iterator<Item = f32>>(
    classes: usize,
    rows: &KeyMap<usize>,
    row: impl Fn(usize) -> I,
    min_weight: f32,
) -> Perceptron {
    let mut keys: Vec<(u64, usize)> = rows.iter().map(|(&k, &r)| (k, r)).collect();
    keys.sort_unstable();
    let mut index = KeyMap::default();
    let mut votes = Vec::new();
    for (key, r) in keys {
        let at = votes.len();
        for (c, w) in row(r).enumerate() {
            if w.abs() >= min_weight {
                votes.push((c as u16, w));
            }
        }
        let n = votes.len() - at;
        if n > 0 {
            index.insert(key, (at as u32, n as u16));
        }
    }
    Perceptron::new(classes, index, votes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_keeps_it_after_averaging() {
        // Feature 1 means class 0, feature 2 means class 1.
        let mut t = Trainer::new(2);
        let mut scores = [0.0; 2];
        for _ in 0..5 {
            for (f, truth) in [(1u64, 0usize), (2, 1)] {
                let guess = t.best(&[f, 99], &mut scores, |_| true).unwrap_or(0);
                t.update(truth, guess, &[f, 99]);
            }
        }
        let p = t.finish(0.0);
        let mut s = [0.0; 2];
        assert_eq!(p.best(&[1, 99], &mut s, |_| true), Some(0));
        assert_eq!(p.best(&[2, 99], &mut s, |_| true), Some(1));
        assert_eq!(
            p.best(&[2], &mut s, |c| c == 0),
            Some(0),
            "allowed classes only"
        );
    }

    #[test]
    fn a_mix_scores_as_the_mean_of_its_members() {
        let mut a = Trainer::new(2);
        a.update(0, 1, &[1, 2]);
        let mut b = Trainer::new(2);
        b.update(1, 0, &[2, 3]);
        b.update(1, 0, &[3]);
        let mut mix = Mix::new(2);
        mix.add(&a);
        mix.add(&b);
        let m = mix.finish(0.0);
        let (pa, pb) = (a.finish(0.0), b.finish(0.0));
        let (mut sa, mut sb, mut sm) = ([0.0; 2], [0.0; 2], [0.0; 2]);
        for f in [[1u64, 2, 3], [2, 3, 4]] {
            pa.score(&f, &mut sa);
            pb.score(&f, &mut sb);
            m.score(&f, &mut sm);
            for c in 0..2 {
                assert!((sm[c] - (sa[c] + sb[c]) / 2.0).abs() < 1e-6, "{f:?} {c}");
            }
        }
    }
}
