//! Random and mangled inputs never panic: every result is a document or an error.

mod common;

use common::*;
use entente_ingest::{read_reader, IngestOptions};

/// A small deterministic generator, so failures reproduce.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

const NAMES: &[&str] = &[
    "x.txt",
    "x.html",
    "x.htm.gz",
    "x.jsonl",
    "x.jsonl.gz",
    "x.ndjson",
    "x.warc",
    "x.warc.gz",
    "x.rss",
    "x.atom",
    "x.xml",
    "noext",
    "-",
];

fn seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = [
        "article.txt",
        "page.html",
        "news.jsonl",
        "feed.rss",
        "feed.atom",
        "page-shift_jis.html",
    ]
    .iter()
    .map(|f| std::fs::read(data(f)).unwrap())
    .collect();
    let mut warc = warc_response(
        "https://a.example/",
        "<urn:1>",
        "text/html; charset=utf-8",
        b"<p>hi</p>",
    );
    warc.extend(warc_record(
        "resource",
        &[("Content-Type", "text/plain")],
        b"text",
    ));
    seeds.push(gzip(&warc));
    seeds.push(warc);
    seeds
}

fn read_all(name: &str, bytes: Vec<u8>) -> usize {
    let opts = IngestOptions {
        max_document_bytes: 1 << 20,
        ..IngestOptions::default()
    };
    read_reader(name, std::io::Cursor::new(bytes), &opts)
        .inspect(|r| {
            if let Err(e) = r {
                // The message must always name the input.
                assert!(e.to_string().starts_with(name), "{e}");
            }
        })
        .count()
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..300 {
        let len = [0, 1, 2, 16, 300, 5000][round % 6];
        let mut bytes = rng.bytes(len);
        if round % 3 == 0 {
            bytes = gzip(&bytes);
        }
        let name = NAMES[rng.below(NAMES.len())];
        read_all(name, bytes);
    }
}

#[test]
fn mangled_inputs_never_panic() {
    let mut rng = XorShift(42);
    let seeds = seeds();
    for _ in 0..600 {
        let mut bytes = seeds[rng.below(seeds.len())].clone();
        match rng.below(4) {
            0 => bytes.truncate(rng.below(bytes.len() + 1)),
            1 => {
                for _ in 0..1 + rng.below(8) {
                    let i = rng.below(bytes.len().max(1));
                    if let Some(b) = bytes.get_mut(i) {
                        *b = rng.next() as u8;
                    }
                }
            }
            2 => {
                let i = rng.below(bytes.len() + 1);
                let n = 1 + rng.below(40);
                let junk = rng.bytes(n);
                bytes.splice(i..i, junk);
            }
            _ => {
                let i = rng.below(bytes.len() + 1);
                let j = (i + rng.below(64)).min(bytes.len());
                bytes.drain(i..j);
            }
        }
        let name = NAMES[rng.below(NAMES.len())];
        read_all(name, bytes);
    }
}
