//! The whole pipeline (clean, annotate, code, proposed updates) on the seed
//! article as scraped, in articles per second, one core; cleaning alone in
//! the same run as the baseline to quote it as a ratio of.
//! `cargo bench -p entente-pipeline --bench throughput`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_core::{Origin, RawDocument};
use entente_pipeline::Pipeline;
use std::hint::black_box;

const SCRAPED: &str = include_str!("../../../tests/data/seed/article.txt");

fn throughput(c: &mut Criterion) {
    let pipeline = Pipeline::embedded().expect("the embedded pipeline builds");
    let raw = RawDocument::from_text(
        Origin::file("article.txt"),
        chrono::NaiveDate::from_ymd_opt(2022, 4, 8),
        SCRAPED,
    );
    // Warm the models outside the measurements.
    let _ = pipeline.process(raw.clone());
    let mut g = c.benchmark_group("whole pipeline");
    g.throughput(Throughput::Elements(1));
    g.bench_function("baseline: clean only (elements = articles)", |b| {
        b.iter(|| black_box(pipeline.clean(black_box(&raw)).ok()))
    });
    g.bench_function("clean+annotate+code (elements = articles)", |b| {
        b.iter(|| black_box(pipeline.process(black_box(raw.clone())).ok()))
    });
    g.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
