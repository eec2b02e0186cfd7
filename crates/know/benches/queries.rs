//! Speed of the knowledge base: parsing the embedded data, and the queries
//! over the full data. Targets: load < 300 ms, an obligations query < 10 ms.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use entente_know::{DataFiles, KnowledgeBase};
use std::hint::black_box;

fn queries(c: &mut Criterion) {
    c.bench_function("load (parse embedded data)", |b| {
        b.iter(|| KnowledgeBase::parse(black_box(DataFiles::embedded())))
    });
    let Ok(kb) = KnowledgeBase::embedded() else {
        panic!("embedded data does not load");
    };
    let day = NaiveDate::from_ymd_opt(2022, 4, 8).unwrap_or_default();
    c.bench_function("obligations BEL all treaties", |b| {
        b.iter(|| kb.obligations(black_box("BEL"), day, None, None))
    });
    c.bench_function("obligations USA NATO Hawaii", |b| {
        b.iter(|| kb.obligations(black_box("USA"), day, Some("NATO"), Some("Hawaii")))
    });
    c.bench_function("members NATO", |b| {
        b.iter(|| kb.members(black_box("NATO"), day))
    });
    c.bench_function("treaties_between USA GBR", |b| {
        b.iter(|| kb.treaties_between(black_box("USA"), "GBR", None))
    });
}

criterion_group!(benches, queries);
criterion_main!(benches);
