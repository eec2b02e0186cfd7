//! Speed of the actor stage: compiling the dictionary (first use) and
//! finding + resolving mentions, in bytes of text per second.
//!
//! `cargo bench -p entente-annotate --bench actors`

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use entente_annotate::actors::{ActorDictionary, ActorResolver};

/// News-like text: the seed article's kept paragraphs and dev-style
/// sentences, repeated to about 1 MB.
fn corpus() -> String {
    let seed = include_str!("../tests/data/seed_clean.txt");
    let extra = "Israeli Prime Minister Ehud Barak has agreed to US mediation in the final status talks \
with the Palestinians, a senior Israeli official said. Russian President Boris Yeltsin on Saturday \
hosted Japanese Prime Minister Ryutaro Hashimoto. The United Nations will provide nearly 25,000 tons \
of emergency food aid to refugees fleeing the civil war in Liberia. Turkish police prevented the \
demonstration staged by students near offices in Sivas to protest the decision of sending troops to Iraq.\n\n";
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(seed);
        s.push_str("\n\n");
        s.push_str(extra);
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("actors");
    g.sample_size(10);
    g.bench_function("load_dictionary", |b| {
        b.iter(|| ActorDictionary::load_embedded().expect("embedded data loads"))
    });
    let text = corpus();
    let resolver = ActorResolver::embedded();
    let day = NaiveDate::from_ymd_opt(2022, 4, 8);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find_mentions_1MB", |b| {
        b.iter(|| resolver.find_mentions(black_box(&text), day))
    });
    // The baseline, in the same run: one pass that only finds the
    // capitalised words (where any name must start). Quote mention finding
    // as a ratio of this.
    g.bench_function("baseline_capitalised_words_1MB", |b| {
        b.iter(|| {
            black_box(&text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
