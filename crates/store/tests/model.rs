//! Model-based test: random sequences of writes, rewrites, failing batches,
//! update proposals and reopens, checked after every step against a plain
//! in-memory model of what should be stored. On each back end
//! (`common::backends`).

mod common;

use common::backends::Backend;
use common::{record, EVENTS_PER_DOC, MENTIONS_PER_DOC};
use entente_store::{BatchOutcome, ProposedUpdate, Store};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Documents are drawn from a small pool so rewrites are frequent.
const POOL: usize = 10;

#[derive(Debug, Clone)]
enum Op {
    /// Write these documents as one batch (repeats allowed).
    Write(Vec<usize>),
    /// Write these documents with an invalid record at `bad % (len + 1)`;
    /// the whole batch must fail.
    WriteInvalid(Vec<usize>, usize),
    ProposeUpdate,
    Reopen,
}

fn op() -> impl Strategy<Value = Op> {
    let docs = prop::collection::vec(0..POOL, 0..6);
    prop_oneof![
        4 => docs.clone().prop_map(Op::Write),
        1 => (docs, any::<usize>()).prop_map(|(d, b)| Op::WriteInvalid(d, b)),
        1 => Just(Op::ProposeUpdate),
        1 => Just(Op::Reopen),
    ]
}

#[derive(Default)]
struct Model {
    stored: BTreeSet<usize>,
    updates: u64,
}

impl Model {
    fn write(&mut self, docs: &[usize]) -> BatchOutcome {
        let mut outcome = BatchOutcome::default();
        for &d in docs {
            if self.stored.insert(d) {
                outcome.stored += 1;
                // A document's own proposed updates are stored with it.
                self.updates += record(d).updates.len() as u64;
            } else {
                outcome.duplicates += 1;
            }
        }
        outcome
    }
}

fn check(store: &Store, model: &Model) -> Result<(), TestCaseError> {
    let c = store
        .counts()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let n = model.stored.len() as u64;
    prop_assert_eq!(c.documents, n);
    prop_assert_eq!(c.mentions, n * MENTIONS_PER_DOC as u64);
    prop_assert_eq!(c.events, n * EVENTS_PER_DOC as u64);
    prop_assert_eq!(c.quotations, n);
    prop_assert_eq!(c.deployments, n);
    prop_assert_eq!(c.updates, model.updates);
    for d in 0..POOL {
        let id = record(d).document.id;
        let contains = store
            .contains(&id)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(contains, model.stored.contains(&d), "document {}", d);
        if contains {
            let got = store
                .record(id.as_str())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(got, Some(record(d)), "document {} read back", d);
        }
    }
    Ok(())
}

/// Runs `ops` on a fresh store of `backend`, checking it against the model
/// after each.
fn agrees(backend: &Backend, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let place = backend.place();
    let path = place.path.clone();
    let mut store = Store::open(&path).expect("store opens");
    let mut model = Model::default();
    for op in ops {
        match op {
            Op::Write(docs) => {
                let batch: Vec<_> = docs.iter().map(|&d| record(d)).collect();
                let got = store.write_batch(&batch).expect("valid batch writes");
                prop_assert_eq!(got, model.write(&docs));
            }
            Op::WriteInvalid(docs, bad) => {
                let mut batch: Vec<_> = docs.iter().map(|&d| record(d)).collect();
                let mut invalid = record(POOL);
                invalid.mentions[0].end = invalid.document.text.len() + 1;
                batch.insert(bad % (batch.len() + 1), invalid);
                prop_assert!(store.write_batch(&batch).is_err());
            }
            Op::ProposeUpdate => {
                store
                    .propose_update(&ProposedUpdate {
                        kind: "note".into(),
                        payload: serde_json::json!({"n": model.updates}),
                        doc: None,
                        sentence: None,
                        evidence: None,
                        fact: None,
                    })
                    .expect("update proposed");
                model.updates += 1;
            }
            Op::Reopen => {
                drop(store);
                store = Store::open(&path).expect("store reopens");
            }
        }
        check(&store, &model)?;
    }
    store.integrity_check().expect("sound at the end");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn store_agrees_with_model(ops in prop::collection::vec(op(), 1..12)) {
        agrees(&Backend::Sqlite, ops)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn postgres_store_agrees_with_model(ops in prop::collection::vec(op(), 1..12)) {
        if let Some(backend) = POSTGRES.as_ref() {
            agrees(backend, ops)?;
        }
    }
}

/// PostgreSQL, asked once (its SKIPPED line printed once, not per case).
static POSTGRES: std::sync::LazyLock<Option<Backend>> =
    std::sync::LazyLock::new(|| Backend::postgres("postgres_store_agrees_with_model"));
