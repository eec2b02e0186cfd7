//! Search latency over a store holding one very long document, against a
//! same-run baseline of a store of ordinary articles.
//!
//! ```text
//! cargo run --release -p entente-serve --example search_large [MB] [QUERIES]
//! ```
//!
//! Writes two temporary stores: one of 50 articles of a few hundred words,
//! and the same plus one document of MB megabytes (default 2) in which the
//! query word occurs tens of thousands of times — what once made a search
//! take a minute (SQLite's snippet() grows with the square of the
//! matches). Then sends `GET /api/search?q=troops` QUERIES times (default
//! 20) to each and prints the median and the slowest. No timing is
//! asserted: it measures.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use entente_core::{DocId, Document, OffsetMap, Origin, Paragraph, Span};
use entente_serve::{router, AppState, ServeConfig};
use entente_store::{DocumentRecord, Store};
use std::time::{Duration, Instant};
use tower::ServiceExt;

fn record(title: &str, text: String) -> DocumentRecord {
    DocumentRecord {
        document: Document {
            id: DocId::from_content(&text),
            origin: Origin::file("search_large"),
            external_id: None,
            url: None,
            title: Some(title.to_string()),
            published: None,
            source: None,
            paragraphs: vec![Paragraph {
                span: Span::new(0, text.len()),
                original: None,
            }],
            text,
            related_links: Vec::new(),
            dropped: Vec::new(),
            offsets: OffsetMap::identity(),
        },
        mentions: Vec::new(),
        events: Vec::new(),
        quotations: Vec::new(),
        deployments: Vec::new(),
        updates: Vec::new(),
        spans: None,
    }
}

fn articles() -> Vec<DocumentRecord> {
    (0..50)
        .map(|i| {
            let text = format!("Article {i}. Troops were deployed to the border as allies met. ")
                .repeat(40);
            record(&format!("article {i}"), text)
        })
        .collect()
}

fn huge(megabytes: usize) -> DocumentRecord {
    let sentence = "Troops were deployed to the border as allies met in Brussels. ";
    let text = sentence.repeat(megabytes * 1_000_000 / sentence.len());
    record("transcript", text)
}

/// Median and slowest of `queries` searches on the store `records` make.
async fn measure(records: &[DocumentRecord], queries: usize) -> (Duration, Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("search.db");
    Store::open(&db)
        .and_then(|mut s| s.write_batch(records))
        .expect("store written");
    let app = router(AppState::open(&ServeConfig::new(&db, "127.0.0.1:0")).expect("opens"));
    let mut times = Vec::with_capacity(queries);
    for _ in 0..queries {
        let req = Request::get("/api/search?q=troops&limit=100")
            .body(Body::empty())
            .expect("request");
        let started = Instant::now();
        let resp = app.clone().oneshot(req).await.expect("answers");
        let status = resp.status();
        axum::body::to_bytes(resp.into_body(), 1 << 24)
            .await
            .expect("body");
        times.push(started.elapsed());
        assert_eq!(status, StatusCode::OK);
    }
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("MB and QUERIES are numbers"))
        .collect();
    let megabytes = args.first().copied().unwrap_or(2);
    let queries = args.get(1).copied().unwrap_or(20).max(1);
    let base = articles();
    let (median, slowest) = measure(&base, queries).await;
    println!("baseline, 50 articles:          median {median:?}, slowest {slowest:?}");
    let mut with_huge = base;
    with_huge.push(huge(megabytes));
    let (median, slowest) = measure(&with_huge, queries).await;
    println!("with one {megabytes} MB document:  median {median:?}, slowest {slowest:?}");
}
