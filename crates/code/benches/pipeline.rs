//! Coding throughput in sentences per second, one core: the seed article's
//! kept paragraphs (annotate + code; code only), news sentences written for this bench
//! (annotate + code, parsing where the coder asks for a tree; and with every
//! sentence parsed), and a baseline in the same run that only splits
//! sentences and tokens, to quote the others as ratios of it.
//! `cargo bench -p entente-code --bench pipeline`; the whole pipeline on
//! the article as scraped is `cargo bench -p entente-pipeline --bench throughput`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_annotate::actors::ActorResolver;
use entente_annotate::sentences::{split_sentences, tokenize};
use entente_annotate::syntax::Syntax;
use entente_code::code_text;
use std::hint::black_box;

const TEXT: &str = include_str!("../tests/data/seed_kept.txt");

/// News-like sentences written for this benchmark, one paragraph each.
const NEWS: &str = "Russia moved tactical nuclear weapons and troops to Belarus, the defence ministry said on Tuesday.

The foreign ministers of the Group of Seven condemned the missile launch as a reckless provocation.

Japan and the Philippines signed a reciprocal access agreement in Manila on Monday.

Sweden became the 32nd member of NATO after Hungary's parliament ratified its bid.

Mali, Burkina Faso and Niger said they would leave the regional bloc with immediate effect.

The convoy was attacked by militants near the border, killing at least 12 soldiers.

The European Union agreed on Monday to scrap its sanctions on Syria.

Egypt and Sudan held joint air force drills in Khartoum.

Protesters set fire to government buildings in several cities as anger over the new law grew.

The president told reporters that talks with the rebels would resume next week in Geneva.

Beijing criticised the pact, saying it would fuel an arms race in the Asia-Pacific region.

Ukraine was attacked by Russian drones overnight, officials in Kyiv said.

Turkey's parliament approved Finland's application after months of delay.

France will withdraw its ambassador and its troops from Niger by the end of the year.

Poland's president attacked the European Commission's migration plan.

India and China agreed to pull back their forces from a disputed stretch of the border.";

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
    g.bench_function("baseline: sentences and tokens only", |b| {
        b.iter(|| {
            split_sentences(black_box(TEXT))
                .into_iter()
                .map(|s| tokenize(TEXT, s).len())
                .sum::<usize>()
        })
    });
    g.finish();

    // News sentences: the coder parses the sentences its rules ask about;
    // the second run parses every sentence first, as a bound.
    let sentences = split_sentences(NEWS).len() as u64;
    let mut g = c.benchmark_group("news");
    g.throughput(Throughput::Elements(sentences));
    g.bench_function("baseline: sentences and tokens only", |b| {
        b.iter(|| {
            split_sentences(black_box(NEWS))
                .into_iter()
                .map(|s| tokenize(NEWS, s).len())
                .sum::<usize>()
        })
    });
    g.bench_function("annotate+code (elements = sentences)", |b| {
        b.iter(|| {
            let mentions = resolver.find_mentions(black_box(NEWS), day);
            black_box(code_text("news", NEWS, day, &mentions))
        })
    });
    let syntax = Syntax::embedded();
    g.bench_function("annotate+parse all+code (elements = sentences)", |b| {
        b.iter(|| {
            for s in split_sentences(black_box(NEWS)) {
                black_box(syntax.analyse(NEWS.get(s.start..s.end).unwrap_or("")));
            }
            let mentions = resolver.find_mentions(NEWS, day);
            black_box(code_text("news", NEWS, day, &mentions))
        })
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
