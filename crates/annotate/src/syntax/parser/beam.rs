//! Beam search over the parser's transitions, and the global training that
//! makes it pay (Zhang & Clark 2008; Zhang & Nivre 2011).
//!
//! A greedy parser commits to each transition as it is made; a beam keeps
//! the `width` best partial parses, scored by the sum of their
//! transitions' scores, so that a transition that looked best locally can
//! lose to a sequence that is better as a whole. The transition weights
//! are learned for that sum: a structured perceptron with early update
//! (Collins & Roark 2004), where the "gold" sequence is any sequence the
//! dynamic oracle finds correct, the best-scoring one in the beam
//! (spurious ambiguity left to the model). Arc labels are given by the
//! labeller trained greedily, as the greedy parser gives them.

use super::{
    cost, finish, label_features, transition_features, Input, State, Tree, LEFT, NONE, RIGHT,
};
use crate::syntax::perceptron::{KeyMap, Perceptron, Trainer, DENSE};

/// One partial parse in the beam.
struct Item {
    state: State,
    score: f32,
    /// The transitions made, with the label of each arc (0 otherwise).
    history: Vec<(u8, u16)>,
    /// Every transition made had zero cost (training only).
    correct: bool,
    finished: bool,
}

impl Clone for Item {
    fn clone(&self) -> Item {
        Item {
            state: self.state.clone(),
            score: self.score,
            history: self.history.clone(),
            correct: self.correct,
            finished: self.finished,
        }
    }

    fn clone_from(&mut self, source: &Item) {
        self.state.clone_from(&source.state);
        self.score = source.score;
        self.history.clone_from(&source.history);
        self.correct = source.correct;
        self.finished = source.finished;
    }
}

/// Scores of the transition classes of a state; what a beam needs from
/// a trained model and from one in training alike.
pub(super) trait Scorer {
    /// The weights of one feature for the four transitions.
    fn row(&self, feature: u64) -> [f32; DENSE];

    /// Brings the rows of `features` into the cache together, before
    /// they are read one by one.
    fn touch(&self, _features: impl Iterator<Item = u64>) {}
}

impl Scorer for Perceptron {
    fn row(&self, feature: u64) -> [f32; DENSE] {
        self.dense_row(feature)
    }

    fn touch(&self, features: impl Iterator<Item = u64>) {
        self.touch_dense(features);
    }
}

impl Scorer for Trainer {
    fn row(&self, feature: u64) -> [f32; DENSE] {
        self.dense_row(feature)
    }
}

/// A candidate expansion: the item it extends, the transition (NONE for a
/// finished item carried over) and the total score.
#[derive(Clone, Copy)]
struct Candidate {
    item: usize,
    transition: usize,
    score: f32,
    correct: bool,
}

/// What a beam step needs besides the beam.
struct Search<'a, S: Scorer> {
    inp: &'a Input,
    transitions: &'a S,
    labeller: &'a Perceptron,
    root_label: usize,
    fallback: usize,
    width: usize,
    feats: Vec<u64>,
    scores: Vec<f32>,
    label_scores: Vec<f32>,
    /// The labels given in this sentence, by a hash of their features.
    labelled: KeyMap<u16>,
    /// The labeller's scores behind each label given: the entry of a
    /// hash of the features in `scored_labels`.
    scored: KeyMap<usize>,
    scored_labels: Vec<f32>,
}

impl<S: Scorer> Search<'_, S> {
    /// The label the labeller gives the arc transition `t` would make.
    fn label(&mut self, st: &State, t: usize) -> usize {
        if t != LEFT && t != RIGHT {
            return 0;
        }
        let (h, d) = if t == LEFT {
            (st.buffer(0), st.s0())
        } else {
            (st.s0(), st.buffer(0))
        };
        if h == 0 {
            return self.root_label;
        }
        if h == NONE || d == NONE {
            return self.fallback;
        }
        label_features(self.inp, st, h, d, &mut self.feats);
        // Items of a beam often make the same arc in the same context:
        // the label is the labeller's answer to the features, once.
        let key = features_key(&self.feats);
        if let Some(&l) = self.labelled.get(&key) {
            return usize::from(l);
        }
        let root = self.root_label;
        let label = self
            .labeller
            .best(&self.feats, &mut self.label_scores, |l| l != root)
            .unwrap_or(self.fallback);
        self.labelled.insert(key, label as u16);
        self.scored.insert(
            key,
            self.scored_labels.len() / self.label_scores.len().max(1),
        );
        self.scored_labels.extend_from_slice(&self.label_scores);
        label
    }

    /// The candidates of the next step, best first; `gold` gives the
    /// training heads, to know which expansions stay correct.
    fn expand(&mut self, beam: &[Item], gold: Option<&[usize]>) -> Vec<Candidate> {
        let mut out = Vec::with_capacity(beam.len() * 4);
        for (i, item) in beam.iter().enumerate() {
            if item.finished {
                out.push(Candidate {
                    item: i,
                    transition: NONE,
                    score: item.score,
                    correct: item.correct,
                });
                continue;
            }
            transition_features(self.inp, &item.state, &mut self.feats);
            // The rows of the features, looked up together so that their
            // cache misses overlap; then added in feature order, as one at
            // a time would. (A table of the rows met in the sentence cost
            // more to look in than it saved: the model's rows met in the
            // sentence are still in the processor's cache. Scoring each
            // feature list once, a third of them met again, did not pay
            // either.)
            self.transitions.touch(self.feats.iter().copied());
            let mut scores = [0.0f32; DENSE];
            for &f in &self.feats {
                let row = self.transitions.row(f);
                for (s, w) in scores.iter_mut().zip(row.iter()) {
                    *s += w;
                }
            }
            self.scores.clear();
            self.scores.extend_from_slice(&scores);
            for t in 0..4 {
                if !item.state.valid(t) {
                    continue;
                }
                let correct = item.correct && gold.is_some_and(|g| cost(&item.state, g, t) == 0);
                out.push(Candidate {
                    item: i,
                    transition: t,
                    score: item.score + self.scores[t],
                    correct,
                });
            }
        }
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.item.cmp(&b.item))
                .then(a.transition.cmp(&b.transition))
        });
        out
    }

    /// The item a candidate makes.
    fn make(&mut self, beam: &[Item], c: &Candidate) -> Item {
        let mut item = beam[c.item].clone();
        self.extend(&mut item, c);
        item
    }

    /// The next beam: the best `width` candidates, made in the items of
    /// `spare` (the beam before last), whose vectors are reused.
    fn step(&mut self, beam: &[Item], kept: &[Candidate], spare: &mut Vec<Item>) -> Vec<Item> {
        let mut next = Vec::with_capacity(kept.len());
        for c in kept {
            let mut item = match spare.pop() {
                Some(mut old) => {
                    old.clone_from(&beam[c.item]);
                    old
                }
                None => beam[c.item].clone(),
            };
            self.extend(&mut item, c);
            next.push(item);
        }
        next
    }

    /// Applies a candidate's transition to a copy of its item.
    fn extend(&mut self, item: &mut Item, c: &Candidate) {
        if c.transition != NONE {
            let label = self.label(&item.state, c.transition);
            item.state.apply(c.transition, label);
            item.history.push((c.transition as u8, label as u16));
            item.finished = item.state.done();
        }
        item.score = c.score;
        item.correct = c.correct;
    }

    fn start(n: usize) -> Item {
        let mut state = State::new(n);
        let finished = state.done();
        Item {
            state,
            score: 0.0,
            history: Vec::new(),
            correct: true,
            finished,
        }
    }
}

/// Parses with a beam of `width` (at least 1, which is greedy search).
pub(super) fn parse(
    transitions: &Perceptron,
    labeller: &Perceptron,
    inp: &Input,
    root_label: usize,
    fallback: usize,
    width: usize,
) -> (Tree, Vec<(u8, u16)>, LabelScores) {
    let n = inp.words.len().saturating_sub(1);
    let mut search = Search {
        inp,
        transitions,
        labeller,
        root_label,
        fallback,
        width: width.max(1),
        feats: Vec::with_capacity(96),
        scores: vec![0.0; transitions.classes.max(4)],
        label_scores: vec![0.0; labeller.classes.max(1)],
        labelled: KeyMap::with_capacity_and_hasher(4 * n + 16, Default::default()),
        scored: KeyMap::default(),
        scored_labels: Vec::new(),
    };
    let mut beam = vec![Search::<Perceptron>::start(n)];
    let mut spare: Vec<Item> = Vec::new();
    // Every step makes a transition in some item; a sentence of n words
    // takes fewer than 4n + 4 of them.
    for _ in 0..4 * n + 4 {
        if beam.iter().all(|it| it.finished) {
            break;
        }
        let candidates = search.expand(&beam, None);
        let kept = &candidates[..candidates.len().min(search.width)];
        let next = search.step(&beam, kept, &mut spare);
        spare = std::mem::replace(&mut beam, next);
    }
    let best = beam
        .into_iter()
        .next()
        .unwrap_or_else(|| Search::<Perceptron>::start(n));
    let scored = LabelScores {
        entries: search.scored,
        scores: search.scored_labels,
        classes: search.label_scores.len(),
    };
    (
        finish(best.state, root_label, fallback),
        best.history,
        scored,
    )
}

/// The key of a list of features as a whole.
pub(super) fn features_key(feats: &[u64]) -> u64 {
    feats.iter().fold(0xcbf2_9ce4_8422_2325u64, |k, &f| {
        (k ^ f).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The labeller's scores for the arcs a beam search labelled, by
/// [`features_key`] of their features.
pub(super) struct LabelScores {
    entries: KeyMap<usize>,
    scores: Vec<f32>,
    classes: usize,
}

impl LabelScores {
    /// The scores the labeller gave features `feats`, if it was asked.
    pub fn get(&self, feats: &[u64]) -> Option<&[f32]> {
        let &e = self.entries.get(&features_key(feats))?;
        self.scores.get(e * self.classes..(e + 1) * self.classes)
    }
}

/// Trains the transition weights for a beam of `width` by the structured
/// perceptron with early update, the labels given by `labeller`.
pub(super) fn train(
    examples: &[(Input, &[usize])],
    labeller: &Perceptron,
    root_label: usize,
    epochs: usize,
    width: usize,
    seed: u64,
) -> Trainer {
    let mut trainer = Trainer::new(4);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed;
    for _ in 0..epochs {
        crate::syntax::tagger::shuffle(&mut order, &mut rng);
        for &e in &order {
            let (inp, gold) = &examples[e];
            let update = search_with_update(&trainer, labeller, inp, gold, root_label, width);
            trainer.tick();
            if let Some((good, bad)) = update {
                adjust(&mut trainer, inp, &good, 1.0);
                adjust(&mut trainer, inp, &bad, -1.0);
            }
        }
    }
    trainer
}

/// Decodes one training sentence; where the correct sequences fall out of
/// the beam (or lose at the end), the best correct sequence and the beam's
/// best to update with ("early update", Collins & Roark 2004); none when
/// the beam's best is right.
#[allow(clippy::type_complexity)]
fn search_with_update(
    trainer: &Trainer,
    labeller: &Perceptron,
    inp: &Input,
    gold: &[usize],
    root_label: usize,
    width: usize,
) -> Option<(Vec<(u8, u16)>, Vec<(u8, u16)>)> {
    let n = inp.words.len().saturating_sub(1);
    let mut search = Search {
        inp,
        transitions: trainer,
        labeller,
        root_label,
        fallback: 0,
        width: width.max(1),
        feats: Vec::with_capacity(96),
        scores: vec![0.0; 4],
        label_scores: vec![0.0; labeller.classes.max(1)],
        labelled: KeyMap::with_capacity_and_hasher(4 * n + 16, Default::default()),
        scored: KeyMap::default(),
        scored_labels: Vec::new(),
    };
    let mut beam = vec![Search::<Trainer>::start(n)];
    let mut spare: Vec<Item> = Vec::new();
    for _ in 0..4 * n + 4 {
        if beam.iter().all(|it| it.finished) {
            break;
        }
        let candidates = search.expand(&beam, Some(gold));
        let kept = &candidates[..candidates.len().min(search.width)];
        if !kept.iter().any(|c| c.correct) {
            let good = candidates.iter().find(|c| c.correct)?;
            let good = search.make(&beam, good).history;
            let bad = search.make(&beam, kept.first()?).history;
            return Some((good, bad));
        }
        let next = search.step(&beam, kept, &mut spare);
        spare = std::mem::replace(&mut beam, next);
    }
    let best = beam.first()?;
    if best.correct {
        return None;
    }
    let good = beam.iter().find(|it| it.correct)?;
    Some((good.history.clone(), best.history.clone()))
}

/// Adds `delta` to the weights of every transition of `history`, replayed
/// from the start so that each is seen in the state it was made in.
fn adjust(trainer: &mut Trainer, inp: &Input, history: &[(u8, u16)], delta: f32) {
    let n = inp.words.len().saturating_sub(1);
    let mut st = State::new(n);
    st.done();
    let mut feats = Vec::with_capacity(96);
    for &(t, label) in history {
        transition_features(inp, &st, &mut feats);
        trainer.adjust(usize::from(t), delta, &feats);
        st.apply(usize::from(t), usize::from(label));
        st.done();
    }
}
