//! Several handles on one store: writers serialise on the store's lock and
//! never store a document twice; readers see only whole batches. On each
//! back end (`common::backends`).

mod common;

use common::backends::Backend;
use common::{records, MENTIONS_PER_DOC};
use entente_store::Store;
use std::thread;

conformance!(concurrent_writers_store_each_document_once);

fn concurrent_writers_store_each_document_once(backend: &Backend) {
    let place = backend.place();
    let path = place.path.clone();
    drop(Store::open(&path).expect("store opens"));

    // Two writers over the same 300 documents, in opposite orders.
    let writers: Vec<_> = [false, true]
        .into_iter()
        .map(|reverse| {
            let path = path.clone();
            thread::spawn(move || {
                let mut store = Store::open(&path).expect("writer opens");
                let mut starts: Vec<usize> = (0..300).step_by(20).collect();
                if reverse {
                    starts.reverse();
                }
                let mut stored = 0;
                for s in starts {
                    stored += store
                        .write_batch(&records(s..s + 20))
                        .expect("batch")
                        .stored;
                }
                stored
            })
        })
        .collect();
    let reader = {
        let path = path.clone();
        thread::spawn(move || {
            let store = Store::open_read_only(&path).expect("reader opens");
            for _ in 0..50 {
                let c = store.counts().expect("counts");
                assert_eq!(
                    c.mentions,
                    c.documents * MENTIONS_PER_DOC as u64,
                    "help: a reader saw half a batch"
                );
            }
        })
    };
    let stored: usize = writers
        .into_iter()
        .map(|w| w.join().expect("writer thread"))
        .sum();
    reader.join().expect("reader thread");
    assert_eq!(stored, 300, "help: a document was stored by both writers");
    let store = Store::open(&path).expect("store reopens");
    assert_eq!(store.counts().expect("counts").documents, 300);
    store.integrity_check().expect("sound");
}
