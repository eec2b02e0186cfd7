//! ingest: arbitrary bytes as a WARC file (plain or gzip, detected from
//! the content).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::ingest_all("fuzz.warc", data);
});
