//! Story grouping (MinHash + LSH banding, `entente_core::story`): grouping
//! N and 10×N documents one at a time, in documents per second, with the
//! signatures alone at each size as the same-run baseline. Linear grouping
//! shows as the same documents per second at both sizes, a little under
//! the baseline's (the band look-ups).
//!
//! `ENTENTE_STORY_DOCS` sets N (default 10,000: the larger run groups
//! 100,000 documents).

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use entente_core::story::{Signature, StoryIndex};

/// A generated corpus of `n` articles of 200 words from a vocabulary of
/// 20,000; every fifth is a copy of an earlier one with a sentence changed.
fn corpus(n: usize) -> Vec<String> {
    let mut state: u64 = 0x5eed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut docs: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        if i % 5 == 4 {
            let of = (next() as usize) % i;
            let mut words: Vec<String> = docs[of].split(' ').map(str::to_string).collect();
            for w in words.iter_mut().take(20) {
                *w = format!("changed{}", next() % 20_000);
            }
            docs.push(words.join(" "));
        } else {
            let words: Vec<String> = (0..200).map(|_| format!("w{}", next() % 20_000)).collect();
            docs.push(words.join(" "));
        }
    }
    docs
}

fn grouping(c: &mut Criterion) {
    let n: usize = std::env::var("ENTENTE_STORY_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let mut g = c.benchmark_group("stories");
    g.sample_size(10);
    for size in [n, 10 * n] {
        let docs = corpus(size);
        g.throughput(Throughput::Elements(size as u64));
        g.bench_with_input(
            BenchmarkId::new("signatures (baseline)", size),
            &docs,
            |b, docs| b.iter(|| docs.iter().filter_map(|d| Signature::of(d)).count()),
        );
        g.bench_with_input(BenchmarkId::new("grouping", size), &docs, |b, docs| {
            b.iter_batched(
                StoryIndex::default,
                |mut index| {
                    for d in docs {
                        if let Some(s) = Signature::of(d) {
                            index.insert(s);
                        }
                    }
                    index.len()
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, grouping);
criterion_main!(benches);
