//! ingest: arbitrary bytes as JSONL (ids, text/html, published dates, ...).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::ingest_all("fuzz.jsonl", data);
});
