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

/// A table from feature keys to values, built once for prediction: open
/// addressing with linear probing over one array of (key, value) slots,
/// so that a lookup usually reads one cache line where a general hash map
/// reads its control bytes, then its bucket. The models are far larger
/// than the caches, and these reads are most of the time a sentence takes.
#[derive(Debug, Clone)]
pub(crate) struct Table<V> {
    /// Key [`FREE`] marks a free slot; the length is a power of two.
    slots: Vec<(u64, V)>,
    /// 64 minus the base-2 logarithm of the number of slots.
    shift: u32,
    /// The value of key [`FREE`] itself, which no slot can hold.
    free_key: Option<V>,
    len: usize,
}

/// The key of a free slot.
const FREE: u64 = 0;

impl<V: Copy + Default> Table<V> {
    /// An empty table for `n` keys (at most 5/8 of its slots taken).
    pub fn with_capacity(n: usize) -> Table<V> {
        let slots = (n.saturating_mul(8) / 5 + 1).next_power_of_two().max(8);
        // Written, not allocated zeroed: the zeroed pages of a large
        // allocation are the shared zero page until written, so the first
        // probe of each page (a read) would fault once to map it and the
        // insert after it (a write) once more to copy it.
        let mut free = Vec::with_capacity(slots);
        free.resize(slots, (FREE, V::default()));
        Table {
            slots: free,
            shift: 64 - slots.trailing_zeros(),
            free_key: None,
            len: 0,
        }
    }

    fn home(&self, key: u64) -> usize {
        // Fibonacci hashing: the key's bits spread over the high bits.
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// Inserts or replaces the value of `key`.
    pub fn insert(&mut self, key: u64, value: V) {
        if key == FREE {
            if self.free_key.replace(value).is_none() {
                self.len += 1;
            }
            return;
        }
        if (self.len + 1) * 8 > self.slots.len() * 5 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == key {
                slot.1 = value;
                return;
            }
            if slot.0 == FREE {
                *slot = (key, value);
                self.len += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// A table of the `n` entries `entry(0)`, …, `entry(n - 1)`, a later
    /// entry of a key replacing an earlier one: the table that
    /// [`Table::with_capacity`] and [`Table::insert`] in that order make,
    /// with the same value found under each key. Inserted in file order, a
    /// model of a million features writes its slots at random places, each
    /// write a cache miss; here the entries are first grouped (in one
    /// sequential pass, keeping their order within a group; `entry` is
    /// called twice for each) by the block of
    /// about a thousand slots their home falls in, then inserted group by
    /// group, so that the writes stay within a block that is in the cache.
    pub fn from_fn(n: usize, entry: impl Fn(usize) -> (u64, V)) -> Table<V> {
        Table::from_fns(n, |i| entry(i).0, &entry)
    }

    /// [`Table::from_fn`] with `key(i)` the key of `entry(i)`, for entries
    /// whose key is cheaper to find than the whole entry: the grouping pass
    /// needs the keys only.
    pub fn from_fns(
        n: usize,
        key: impl Fn(usize) -> u64,
        entry: impl Fn(usize) -> (u64, V),
    ) -> Table<V> {
        let mut table = Table::with_capacity(n);
        let bits = table.slots.len().trailing_zeros();
        let group_bits = bits.saturating_sub(10);
        let group = |key: u64| table.home(key) >> (bits - group_bits);
        let mut starts = vec![0usize; (1 << group_bits) + 1];
        for i in 0..n {
            if let Some(s) = starts.get_mut(group(key(i)) + 1) {
                *s += 1;
            }
        }
        for g in 1..starts.len() {
            starts[g] += starts[g - 1];
        }
        let mut grouped = vec![(FREE, V::default()); n];
        for i in 0..n {
            let (key, value) = entry(i);
            if let Some(at) = starts.get_mut(group(key)) {
                if let Some(slot) = grouped.get_mut(*at) {
                    *slot = (key, value);
                }
                *at += 1;
            }
        }
        for (key, value) in grouped {
            table.insert(key, value);
        }
        table
    }

    fn grow(&mut self) {
        let mut bigger = Table::with_capacity(self.slots.len());
        for (k, v) in self.iter() {
            bigger.insert(k, v);
        }
        *self = bigger;
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        if key == FREE {
            return self.free_key;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let &(k, v) = self.slots.get(i)?;
            if k == key {
                return Some(v);
            }
            if k == FREE {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Brings the first slot of each key into the cache ([`prefetch`]),
    /// so that the lookups that follow find them there.
    #[inline]
    pub fn touch(&self, keys: impl Iterator<Item = u64>) {
        for key in keys {
            if let Some(slot) = self.slots.get(self.home(key)) {
                prefetch(slot);
            }
        }
    }

    /// Every (key, value), in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, V)> + '_ {
        self.free_key
            .map(|v| (FREE, v))
            .into_iter()
            .chain(self.slots.iter().copied().filter(|&(k, _)| k != FREE))
    }
}

impl<V: Copy + Default + PartialEq> PartialEq for Table<V> {
    fn eq(&self, other: &Table<V>) -> bool {
        self.len == other.len && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

/// Asks for the cache line of `x` to be brought into the cache, without
/// waiting for it. A load would do it too, but the processor keeps a
/// load that misses until its data comes, and with some tens of them
/// outstanding it stops taking new instructions: the prefetches of all of
/// a state's features are sent at once, and their misses overlap.
#[inline(always)]
fn prefetch<T: Copy>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch is only a hint: it reads nothing into the
        // program, cannot fault, and `x` is a valid reference anyway.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    std::hint::black_box(*x);
}

/// How many features a classifier looks up at once before adding their
/// votes: the lookups of a batch do not wait for each other, so their
/// cache misses overlap.
const BATCH: usize = 64;

/// A trained classifier: for each feature, the classes it votes for.
///
/// Weights are kept quantised, as the model file holds them: a weight is
/// `f32::from(q) * scale` for its `i16` q, worked out as it is added into
/// a score (the same product, so the same sums, as when the weights were
/// kept as `f32`). The tables are half the size or less, so fewer of the
/// lookups that make most of a sentence's time miss the cache.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Perceptron {
    pub classes: usize,
    /// The weight of one step of a quantised weight.
    scale: f32,
    /// Feature → (offset, length) into `votes`.
    index: Table<(u32, u16)>,
    /// (class, quantised weight) pairs, grouped by feature.
    votes: Vec<(u16, i16)>,
    /// For a classifier of at most [`DENSE`] classes (the parser's
    /// transitions), each feature's quantised weights in its own table
    /// entry: one memory access per feature instead of two, where the beam
    /// spends most of its time. Made from `index` and `votes` by
    /// [`Perceptron::densify`].
    dense: Table<[i16; DENSE]>,
}

/// The scale of the quantised weights of `weights`: the largest magnitude
/// is 32767 steps.
fn scale_of(weights: impl Iterator<Item = f32>) -> f32 {
    let max = weights
        .map(f32::abs)
        .fold(0.0f32, f32::max)
        .max(f32::MIN_POSITIVE);
    max / 32767.0
}

/// `w` in steps of `scale`.
fn quantise(w: f32, scale: f32) -> i16 {
    (w / scale).round().clamp(-32767.0, 32767.0) as i16
}

/// The most classes a perceptron keeps dense rows for.
pub(crate) const DENSE: usize = 4;

impl Perceptron {
    /// A classifier from its sparse votes, with dense rows when it has few
    /// classes: the weights quantised as the model file keeps them (the
    /// largest magnitude 32767 steps; votes of zero steps dropped).
    pub fn new(classes: usize, index: KeyMap<(u32, u16)>, votes: Vec<(u16, f32)>) -> Perceptron {
        let mut entries: Vec<(u64, (u32, u16))> = index.into_iter().collect();
        entries.sort_unstable_by_key(|&(k, _)| k);
        let row = |at: u32, n: u16| {
            let at = at as usize;
            votes.get(at..at + usize::from(n)).unwrap_or_default()
        };
        let scale = scale_of(
            entries
                .iter()
                .flat_map(|&(_, (at, n))| row(at, n).iter().map(|v| v.1)),
        );
        let mut quantised = Vec::with_capacity(votes.len());
        let entries: Vec<(u64, (u32, u16))> = entries
            .iter()
            .map(|&(key, (at, n))| {
                let from = quantised.len();
                quantised.extend(
                    row(at, n)
                        .iter()
                        .map(|&(c, w)| (c, quantise(w, scale)))
                        .filter(|&(_, q)| q != 0),
                );
                (key, (from as u32, (quantised.len() - from) as u16))
            })
            .collect();
        Perceptron::from_entries(classes, scale, &entries, quantised)
    }

    /// A classifier from its features' (key, (offset, length) into
    /// `votes`), a later entry of a key replacing an earlier one; a vote's
    /// weight is its quantised weight times `scale`.
    pub fn from_entries(
        classes: usize,
        scale: f32,
        entries: &[(u64, (u32, u16))],
        votes: Vec<(u16, i16)>,
    ) -> Perceptron {
        let mut p = Perceptron {
            classes,
            scale,
            index: Table::with_capacity(0),
            votes,
            dense: Table::with_capacity(0),
        };
        if classes > DENSE {
            p.index = Table::from_fn(entries.len(), |i| entries[i]);
        } else {
            p.densify(entries);
        }
        p
    }

    /// A classifier of at most [`DENSE`] classes from the `n` dense rows
    /// `row(0)`, …, `row(n - 1)` ((key, weights), `key(i)` the key of
    /// `row(i)`; a later row of a key
    /// replacing an earlier one): what [`Perceptron::from_entries`] makes
    /// of the same rows as votes, without making the votes first.
    pub fn dense_from_fn(
        classes: usize,
        scale: f32,
        n: usize,
        key: impl Fn(usize) -> u64,
        row: impl Fn(usize) -> (u64, [i16; DENSE]),
    ) -> Perceptron {
        Perceptron {
            classes,
            scale,
            index: Table::with_capacity(0),
            votes: Vec::new(),
            dense: Table::from_fns(n, key, row),
        }
    }

    /// Whether the classifier has no sparse rows (none at all, or dense
    /// rows only).
    pub fn sparse_is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The weights of one feature for the first [`DENSE`] classes of a
    /// classifier with dense rows (zeros for an unknown feature).
    #[inline]
    pub fn dense_row(&self, feature: u64) -> [f32; DENSE] {
        let q = self.dense.get(feature).unwrap_or_default();
        q.map(|q| f32::from(q) * self.scale)
    }

    /// The weight of one step of the quantised weights.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Brings the dense rows of `features` into the cache together
    /// ([`Table::touch`]).
    pub fn touch_dense(&self, features: impl Iterator<Item = u64>) {
        self.dense.touch(features);
    }

    /// The quantised dense rows of `features`, written into `rows` in
    /// order (the lookups made together, see [`BATCH`]).
    fn dense_rows(&self, features: &[u64], rows: &mut [[i16; DENSE]]) {
        self.dense.touch(features.iter().copied());
        for (f, r) in features.iter().zip(rows.iter_mut()) {
            *r = self.dense.get(*f).unwrap_or_default();
        }
    }

    /// Every feature with its (class, quantised weight) votes, in key
    /// order, whichever way they are kept.
    pub fn rows(&self) -> Vec<(u64, Vec<(u16, i16)>)> {
        let mut out: Vec<(u64, Vec<(u16, i16)>)> = self
            .index
            .iter()
            .map(|(k, (at, n))| {
                let v = self
                    .votes
                    .get(at as usize..at as usize + n as usize)
                    .unwrap_or_default();
                (k, v.to_vec())
            })
            .chain(self.dense.iter().map(|(k, row)| {
                let v = row
                    .iter()
                    .enumerate()
                    .take(self.classes)
                    .filter(|(_, q)| **q != 0)
                    .map(|(c, &w)| (c as u16, w))
                    .collect();
                (k, v)
            }))
            .collect();
        out.sort_unstable_by_key(|(k, _)| *k);
        out
    }

    /// The same classifier without the weights smaller than `min_weight`
    /// (the others kept in the same steps).
    pub fn pruned(&self, min_weight: f32) -> Perceptron {
        let mut entries = Vec::new();
        let mut votes = Vec::new();
        for (key, row) in self.rows() {
            let at = votes.len();
            votes.extend(
                row.into_iter()
                    .filter(|&(_, q)| (f32::from(q) * self.scale).abs() >= min_weight),
            );
            let n = votes.len() - at;
            if n > 0 {
                entries.push((key, (at as u32, n as u16)));
            }
        }
        Perceptron::from_entries(self.classes, self.scale, &entries, votes)
    }

    /// Moves the votes of a classifier of [`DENSE`] classes or fewer into
    /// dense rows.
    fn densify(&mut self, entries: &[(u64, (u32, u16))]) {
        let votes = &self.votes;
        self.dense = Table::from_fn(entries.len(), |i| {
            let (key, (at, n)) = entries[i];
            let mut row = [0; DENSE];
            for &(c, w) in votes
                .get(at as usize..at as usize + n as usize)
                .unwrap_or_default()
            {
                if let Some(x) = row.get_mut(c as usize) {
                    *x = w;
                }
            }
            (key, row)
        });
        self.index = Table::with_capacity(0);
        self.votes = Vec::new();
    }

    /// Adds the votes of `features` into `scores` (one slot per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let scale = self.scale;
        if self.classes <= DENSE && scores.len() >= self.classes {
            let mut rows = [[0; DENSE]; BATCH];
            for batch in features.chunks(BATCH) {
                self.dense_rows(batch, &mut rows);
                for row in &rows[..batch.len()] {
                    for (s, &q) in scores.iter_mut().zip(row) {
                        *s += f32::from(q) * scale;
                    }
                }
            }
            return;
        }
        // The features' entries first, then their votes in feature order:
        // the sums are made in the same order as one feature at a time.
        let mut found = [(0u32, 0u16); BATCH];
        for batch in features.chunks(BATCH) {
            self.index.touch(batch.iter().copied());
            for (f, e) in batch.iter().zip(found.iter_mut()) {
                *e = self.index.get(*f).unwrap_or((0, 0));
            }
            for &(at, _) in &found[..batch.len()] {
                if let Some(v) = self.votes.get(at as usize) {
                    prefetch(v);
                }
            }
            for &(at, n) in &found[..batch.len()] {
                let at = at as usize;
                for &(c, q) in self.votes.get(at..at + n as usize).unwrap_or_default() {
                    if let Some(s) = scores.get_mut(c as usize) {
                        *s += f32::from(q) * scale;
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
    fn a_table_built_at_once_holds_what_inserts_in_order_give() {
        // Keys spread like hashes, repeated keys (the later value wins) and
        // the free-slot key itself.
        let entries: Vec<(u64, u32)> = (0..5000u64)
            .map(|i| (i.wrapping_mul(0x2545_f491_4f6c_dd1d) % 3001, i as u32))
            .chain([(0, 7), (0, 8)])
            .collect();
        for n in [0, 1, 2, 9, 100, entries.len()] {
            let mut one_by_one = Table::with_capacity(n);
            for &(k, v) in &entries[..n] {
                one_by_one.insert(k, v);
            }
            let at_once = Table::from_fn(n, |i| entries[i]);
            assert_eq!(at_once.slots.len(), one_by_one.slots.len(), "{n}");
            assert_eq!(at_once.len, one_by_one.len, "{n}");
            for k in 0..3100 {
                assert_eq!(at_once.get(k), one_by_one.get(k), "{n} {k}");
            }
        }
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
            // Each model's weights are quantised: within a step or so of
            // each weight (three features here).
            let step = m.scale().max(pa.scale()).max(pb.scale());
            for c in 0..2 {
                assert!(
                    (sm[c] - (sa[c] + sb[c]) / 2.0).abs() <= 6.0 * step,
                    "{f:?} {c}"
                );
            }
        }
    }
}
