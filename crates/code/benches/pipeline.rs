//! Pipeline throughput in sentences and articles per second, one core: the
//! seed article as scraped (clean, annotate, code), its kept paragraphs
//! (annotate + code; code only), and a baseline in the same run that only
//! splits sentences and tokens, to quote the others as ratios of it.
//! `cargo bench -p entente-code --bench pipeline`

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_annotate::actors::ActorResolver;
use entente_annotate::sentences::{split_sentences, tokenize};
use entente_code::code_text;
use entente_core::{Content, Origin, RawDocument};
use std::hint::black_box;

const TEXT: &str = include_str!("../tests/data/seed_kept.txt");
const SCRAPED: &str = include_str!("../../../tests/data/seed/article.txt");

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

    // The whole pipeline on the article as scraped, in articles/s.
    let raw = RawDocument {
        origin: Origin::file("article.txt"),
        external_id: None,
        url: None,
        title: None,
        published: day,
        source: None,
        content: Content::Text(SCRAPED.to_string()),
    };
    let mut g = c.benchmark_group("whole pipeline");
    g.throughput(Throughput::Elements(1));
    g.bench_function("clean+annotate+code (elements = articles)", |b| {
        b.iter(|| {
            let doc = entente_clean::clean(black_box(&raw));
            let mentions = resolver.find_mentions(&doc.text, doc.published);
            black_box(entente_code::code_document(&doc, &mentions))
        })
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
