//! Issue 2: a 50 MB single document is stored like any other. In its own
//! module, named to sort first: libtest starts tests in name order, and
//! this one takes longer than any other (one document of half a million
//! sentences is coded on one thread), so it starts first and runs beside
//! the others instead of after them.

use super::errors::Batch;
use super::*;

#[test]
fn fifty_megabyte_document_is_stored() {
    let batch = Batch::new();
    let paragraph = "Norway said on Monday that it would raise its contribution to the joint fund for the Arctic.\n";
    let mut big = String::with_capacity(50 << 20);
    let mut i = 0u64;
    while big.len() < 50 << 20 {
        // Every paragraph differs, so none is dropped as a repeat.
        big.push_str(&format!("{i}. {paragraph}"));
        i += 1;
    }
    let path = batch.file("big.txt", big.as_bytes());
    let small = batch.good("small.txt", "Sweden");
    let out = batch.run(&[path, small]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(batch.stored_documents(), 2);
}
