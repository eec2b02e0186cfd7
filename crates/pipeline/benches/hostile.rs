//! Inputs that were once quadratic or worse, each beside a baseline of the
//! same size without the hostile shape, through the whole per-document
//! pipeline (clean, annotate, code): the ratio says what the shape costs.
//!
//! - 8,000 repeated lines of `NATO.` vs 8,000 distinct lines of the same length
//!   (repeated-block detection once took 99 s);
//! - 100,000 nested `<div>`s vs 100,000 sibling `<div>`s (parsing once took 52 s);
//! - 100,000 attributes on one tag vs the same bytes as text;
//! - a 280 KB paragraph with no sentence end vs the same words in sentences
//!   (coding once took 21.5 s).
//!
//! `cargo bench -p entente-pipeline --bench hostile`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use entente_core::{Content, Origin, RawDocument};
use entente_pipeline::Pipeline;
use std::hint::black_box;

fn doc(content: Content) -> RawDocument {
    RawDocument {
        origin: Origin::file("bench"),
        external_id: None,
        url: None,
        title: None,
        published: chrono::NaiveDate::from_ymd_opt(2022, 4, 8),
        source: None,
        content,
    }
}

fn pair(
    c: &mut Criterion,
    pipeline: &Pipeline,
    name: &str,
    hostile: RawDocument,
    baseline: RawDocument,
) {
    let mut g = c.benchmark_group(name);
    g.sample_size(10);
    for (label, raw) in [("baseline", &baseline), ("hostile", &hostile)] {
        g.bench_with_input(BenchmarkId::from_parameter(label), raw, |b, raw| {
            b.iter(|| black_box(pipeline.process(black_box(raw.clone())).ok()))
        });
    }
    g.finish();
}

fn hostile(c: &mut Criterion) {
    // Warm the dictionaries outside the measurements.
    let pipeline = Pipeline::embedded().expect("the embedded pipeline builds");
    let _ = pipeline.process(doc(Content::Text("NATO met.".into())));

    let repeated = "NATO.\n".repeat(8000);
    let distinct: String = (0..8000).map(|i| format!("N{:04}\n", i % 10000)).collect();
    pair(
        c,
        &pipeline,
        "repeated_lines_8000",
        doc(Content::Text(repeated)),
        doc(Content::Text(distinct)),
    );

    let text = "NATO agreed to help.";
    let nested = format!(
        "<html><body>{}{text}{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let flat = format!(
        "<html><body>{}{text}</body></html>",
        "<div></div>".repeat(100_000)
    );
    pair(
        c,
        &pipeline,
        "nested_divs_100000",
        doc(Content::Html(nested)),
        doc(Content::Html(flat)),
    );

    let attrs: Vec<String> = (0..100_000).map(|i| format!("a{i}=\"x\"")).collect();
    let attrs = attrs.join(" ");
    let many = format!("<html><body><p {attrs}>{text}</p></body></html>");
    let as_text = format!("<html><body><p>{text}</p><p>{attrs}</p></body></html>");
    pair(
        c,
        &pipeline,
        "attributes_100000",
        doc(Content::Html(many)),
        doc(Content::Html(as_text)),
    );

    let clause = "Russia attacked Ukraine and China urged Australia to respect the sovereignty of Solomon Islands while NATO said ";
    let long = clause.repeat(2500);
    let sentences = clause
        .trim_end()
        .replace(" while NATO said", ". NATO said so. ")
        .repeat(2500);
    pair(
        c,
        &pipeline,
        "paragraph_280kb",
        doc(Content::Text(long)),
        doc(Content::Text(sentences)),
    );
}

criterion_group!(benches, hostile);
criterion_main!(benches);
