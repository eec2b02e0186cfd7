//! Annotate + code throughput in sentences per second: the seed article's
//! kept paragraphs, actors found by the real resolver, then coded.
//! `cargo bench -p entente-code --bench pipeline`

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_annotate::actors::ActorResolver;
use entente_annotate::sentences::split_sentences;
use entente_code::code_text;
use std::hint::black_box;

const TEXT: &str = include_str!("../tests/data/seed_kept.txt");

fn pipeline(c: &mut Criterion) {
    let resolver = ActorResolver::embedded();
    let day = NaiveDate::from_ymd_opt(2022, 4, 8);
    let sentences = split_sentences(TEXT).len() as u64;
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Elements(sentences));
    g.bench_function("annotate+code (elements = sentences)", |b| {
        b.iter(|| {
            let mentions = resolver.find_mentions(black_box(TEXT), day);
            black_box(code_text("seed", TEXT, day, &mentions))
        })
    });
    let mentions = resolver.find_mentions(TEXT, day);
    g.bench_function("code only (elements = sentences)", |b| {
        b.iter(|| black_box(code_text("seed", black_box(TEXT), day, &mentions)))
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
