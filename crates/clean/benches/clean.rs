//! Cleaning throughput on the dev pages: gzipped HTML bytes to cleaned
//! paragraphs (gunzip, decode, parse, extract, clean), one core.
//!
//! Pages come from `ENTENTE_BENCH_HTML` (a directory of `*.html.gz` or
//! `*.html`), by default the project's shared dev set; the bench does
//! nothing when neither is there.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_core::{Content, Origin, RawDocument};
use std::path::PathBuf;

fn pages() -> Vec<Vec<u8>> {
    let dir = std::env::var_os("ENTENTE_BENCH_HTML")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/dev/extract/html")
        });
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no pages at {}: skipping", dir.display());
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".html.gz") || n.ends_with(".html")
        })
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn clean_pages(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        return;
    }
    let html_bytes: usize = pages
        .iter()
        .map(|p| entente_clean::decode::gunzip(p).len())
        .sum();
    let mut g = c.benchmark_group("clean");
    g.sample_size(10);
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function("pages", |b| b.iter(|| run(&pages)));
    g.throughput(Throughput::Bytes(html_bytes as u64));
    g.bench_function("html_bytes", |b| b.iter(|| run(&pages)));
    // The baseline, in the same run: what any extractor pays before it
    // starts (gunzip, decode, parse the page into a DOM). Quote cleaning
    // as a ratio of this.
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function("baseline_decode_and_parse", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|bytes| {
                    let html = entente_clean::decode::decode_html(bytes);
                    dom_query::Document::from(html.as_str())
                        .root()
                        .children()
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

fn run(pages: &[Vec<u8>]) -> usize {
    pages
        .iter()
        .map(|bytes| {
            let raw = RawDocument {
                origin: Origin::file("bench"),
                external_id: None,
                url: None,
                title: None,
                published: None,
                source: None,
                content: Content::Html(entente_clean::decode::decode_html(bytes)),
            };
            entente_clean::clean(&raw).paragraphs.len()
        })
        .sum()
}

criterion_group!(benches, clean_pages);
criterion_main!(benches);
