//! Speed of the syntax layer on news sentences: tokenising alone (the
//! same-run baseline), then tokenising, tagging, lemmatising and parsing.
//! Also the time to decode the embedded model.
//!
//! `cargo bench -p entente-annotate --bench syntax`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use entente_annotate::sentences::tokenize;
use entente_annotate::syntax::Syntax;
use entente_core::Span;

/// News-like sentences written for this benchmark.
const SENTENCES: &[&str] = &[
    "Russia moved tactical nuclear weapons and troops to Belarus, the defence ministry said on Tuesday.",
    "The foreign ministers of the Group of Seven condemned the missile launch as a reckless provocation.",
    "Japan and the Philippines signed a reciprocal access agreement in Manila on Monday.",
    "Sweden became the 32nd member of NATO after Hungary's parliament ratified its bid.",
    "Mali, Burkina Faso and Niger said they would leave the regional bloc with immediate effect.",
    "The convoy was attacked by militants near the border, killing at least 12 soldiers.",
    "China's foreign ministry urged Australia to respect the sovereignty of the Solomon Islands.",
    "New Zealand will extend the deployment of up to five Defence Force personnel until the end of May.",
    "Protesters set fire to government buildings in several cities as anger over the new law grew.",
    "The president told reporters that talks with the rebels would resume next week in Geneva.",
    "Beijing criticised the pact, saying it would fuel an arms race in the Asia-Pacific region.",
    "Officials in Kyiv said the strikes had damaged power stations across the country overnight.",
    "Turkey's parliament approved Finland's application after months of delay.",
    "France will withdraw its ambassador and its troops from Niger by the end of the year.",
    "The United Nations Security Council failed to agree on a resolution calling for a ceasefire.",
    "India and China agreed to pull back their forces from a disputed stretch of the border.",
];

fn syntax(c: &mut Criterion) {
    let mut g = c.benchmark_group("syntax");
    g.throughput(Throughput::Elements(SENTENCES.len() as u64));
    g.bench_function("baseline: tokenise only (elements = sentences)", |b| {
        b.iter(|| {
            for s in SENTENCES {
                black_box(tokenize(s, Span::new(0, s.len())));
            }
        })
    });
    let syntax = Syntax::embedded();
    g.bench_function("tokenise+tag+lemma+parse (elements = sentences)", |b| {
        b.iter(|| {
            for s in SENTENCES {
                black_box(syntax.analyse(s));
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("syntax model");
    g.sample_size(10);
    g.bench_function("decode the embedded model", |b| {
        b.iter(|| black_box(Syntax::from_bytes(include_bytes!("../data/syntax/ewt.model")).is_ok()))
    });
    g.finish();
}

criterion_group!(benches, syntax);
criterion_main!(benches);
