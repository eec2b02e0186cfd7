//! Start-up: every embedded model loaded from scratch (the actor
//! dictionary and its name trie, the gazetteer, the syntax model, the
//! knowledge base, the verb patterns and the CAMEO codes), one after
//! another and as the command line does it (the syntax model on a second
//! thread); and in the same run, as the baseline to quote them as a ratio
//! of, reading the bytes of the data files the models are made from.
//! `cargo bench -p entente-pipeline --bench startup`

use criterion::{criterion_group, criterion_main, Criterion};
use entente_annotate::actors::ActorDictionary;
use entente_annotate::places::Gazetteer;
use entente_annotate::syntax::Syntax;
use entente_code::{CodeTable, VerbDictionary};
use entente_know::{DataFiles, KnowledgeBase};
use std::hint::black_box;
use std::path::Path;

const SYNTAX: &[u8] = include_bytes!("../../annotate/data/syntax/ewt.model");
const VERBS: &str = include_str!("../../code/data/verbs.txt");
const NOMINALS: &str = include_str!("../../code/data/nominals.tsv");
const CODES: &str = include_str!("../../code/data/cameo_codes.tsv");

/// The data files the models are made from, as the workspace holds them.
const FILES: &[&str] = &[
    "annotate/data/syntax/ewt.model",
    "annotate/data/actors/states.tsv",
    "annotate/data/actors/curated_states.tsv",
    "annotate/data/actors/orgs.tsv",
    "annotate/data/actors/curated_orgs.tsv",
    "annotate/data/actors/people.tsv",
    "annotate/data/actors/curated_people.tsv",
    "annotate/data/actors/agents.tsv",
    "annotate/data/actors/curated_agents.tsv",
    "annotate/data/actors/places.tsv",
    "annotate/data/places/places.tsv",
    "annotate/data/places/names.tsv",
    "annotate/data/places/water.tsv",
    "know/data/states.tsv",
    "know/data/treaties.tsv",
    "know/data/provisions.tsv",
    "know/data/parties.tsv",
    "know/data/suspensions.tsv",
    "know/data/orgs.tsv",
    "know/data/memberships.tsv",
    "know/data/partners.tsv",
    "know/data/places.tsv",
    "code/data/verbs.txt",
    "code/data/nominals.tsv",
    "code/data/cameo_codes.tsv",
];

/// Every model but the syntax model.
fn dictionaries() {
    black_box(ActorDictionary::load_embedded().expect("the actor dictionary loads"));
    black_box(Gazetteer::load_embedded().expect("the gazetteer loads"));
    black_box(KnowledgeBase::parse(DataFiles::embedded()).expect("the knowledge base loads"));
    let mut verbs = VerbDictionary::parse("verbs.txt", VERBS).expect("the verbs load");
    verbs
        .add_nominals("nominals.tsv", NOMINALS)
        .expect("the nominals load");
    black_box(verbs);
    black_box(CodeTable::parse("cameo_codes.tsv", CODES).expect("the codes load"));
}

fn syntax() {
    black_box(Syntax::from_bytes(SYNTAX).expect("the syntax model loads"));
}

fn startup(c: &mut Criterion) {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("baseline: read the data files' bytes", |b| {
        b.iter(|| {
            FILES
                .iter()
                .map(|f| std::fs::read(crates.join(f)).map_or(0, |bytes| black_box(bytes).len()))
                .sum::<usize>()
        })
    });
    g.bench_function("every model, one after another", |b| {
        b.iter(|| {
            syntax();
            dictionaries();
        })
    });
    g.bench_function("every model, syntax on a second thread", |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                s.spawn(syntax);
                dictionaries();
            })
        })
    });
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
