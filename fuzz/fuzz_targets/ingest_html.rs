//! ingest: arbitrary bytes as an HTML page (`.html`), and the same bytes
//! through content sniffing (a stream named `-`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::ingest_all("fuzz.html", data);
    let _ = entente_ingest::detect_format("-", data);
    entente_fuzz::ingest_all("-", data);
});
