//! A store opened, used and dropped from async code: on a tokio runtime's
//! threads, where PostgreSQL's synchronous client cannot block on its own
//! runtime, the store must neither panic nor fail. On each back end
//! (`common::backends`).

mod common;

use common::backends::{Backend, Place};
use common::records;
use entente_store::Store;
use std::path::Path;

conformance!(
    a_store_works_inside_a_current_thread_runtime,
    a_store_works_inside_a_multi_thread_runtime,
    a_store_works_in_a_task_on_a_worker_thread,
    a_failed_write_inside_a_runtime_is_an_error,
);

/// Opens the store for writing and reading, writes and reads, drops both.
fn use_store(path: &Path, from: usize) {
    let mut store = Store::open(path).expect("help: the store opens inside a runtime");
    let outcome = store
        .write_batch(&records(from..from + 5))
        .expect("help: a batch is written inside a runtime");
    assert_eq!(outcome.stored, 5);
    let reader = Store::open_read_only(path).expect("a reader opens");
    assert_eq!(
        reader.counts().expect("counts").documents,
        (from + 5) as u64
    );
    drop(reader);
    drop(store);
}

fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime")
}

fn multi_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .expect("a runtime")
}

fn a_store_works_inside_a_current_thread_runtime(backend: &Backend) {
    let place = backend.place();
    let path = place.path.clone();
    current_thread().block_on(async move { use_store(&path, 0) });
}

fn a_store_works_inside_a_multi_thread_runtime(backend: &Backend) {
    let place = backend.place();
    let path = place.path.clone();
    multi_thread().block_on(async move { use_store(&path, 0) });
}

fn a_store_works_in_a_task_on_a_worker_thread(backend: &Backend) {
    let place = backend.place();
    let rt = multi_thread();
    for from in [0, 5] {
        let path = place.path.clone();
        rt.block_on(async move {
            tokio::spawn(async move { use_store(&path, from) })
                .await
                .expect("help: the task did not panic");
        });
    }
}

/// A write that fails (its transaction rolled back) inside a runtime is an
/// error, not a panic; so is a store dropped there after it.
fn a_failed_write_inside_a_runtime_is_an_error(backend: &Backend) {
    if matches!(backend, Backend::Sqlite) {
        // Only PostgreSQL's client blocks on a runtime of its own.
        return;
    }
    for rt in [current_thread(), multi_thread()] {
        let place: Place = backend.place();
        let path = place.path.clone();
        let store = rt.block_on(async move {
            let mut store = Store::open(&path).expect("opens");
            store.write_batch(&records(0..2)).expect("writes");
            store
        });
        place.break_store();
        rt.block_on(async move {
            let mut store = store;
            let err = store
                .write_batch(&records(2..4))
                .expect_err("help: the documents table is gone");
            assert!(err.to_string().contains("in store postgres://"), "{err}");
            drop(store);
        });
    }
}
