//! ingest: arbitrary bytes as an RSS or Atom feed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::ingest_all("fuzz.rss", data);
});
