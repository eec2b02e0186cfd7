//! Measures how many documents per second the store writes.
//!
//! ```text
//! cargo run --release -p entente-store --example write_throughput -- [DOCUMENTS] [BATCH] [DB]
//! ```
//!
//! Each document has a few paragraphs, 8 mentions, 3 events, a quotation and
//! a deployment, roughly what the pipeline finds in a news article. The
//! database is a fresh file in a temporary directory, or `DB` when given
//! (which must not exist yet).

use entente_core::{
    ActorKind, ActorRef, DatePrecision, Deployment, DeploymentStatus, DocId, Document, Event,
    Evidence, Mention, OffsetMap, Origin, Paragraph, Quotation, Span, Speaker,
};
use entente_store::{BatchOutcome, DocumentRecord, Store, DEFAULT_BATCH_SIZE};
use std::time::Instant;

fn record(n: usize) -> DocumentRecord {
    let para = |i: usize| {
        format!(
            "Paragraph {i} of article {n}: New Zealand agreed to send troops to Iraq after \
             talks with Australia, officials said on Tuesday, citing the coalition's request."
        )
    };
    let paras: Vec<String> = (0..6).map(para).collect();
    let text = paras.join("\n\n");
    let mut paragraphs = Vec::new();
    let mut at = 0;
    for p in &paras {
        paragraphs.push(Paragraph {
            span: Span::new(at, at + p.len()),
            original: None,
        });
        at += p.len() + 2;
    }
    let ev = Evidence::from_span(&text, Span::new(0, 60));
    let actor = ActorRef {
        code: "NZLGOV".into(),
        actor: "NZL".into(),
        name: "New Zealand".into(),
    };
    let doc_id = DocId::from_content(&text);
    let public = doc_id.to_string();
    DocumentRecord {
        updates: Vec::new(),
        mentions: (0..8)
            .map(|i| Mention {
                text: "New Zealand".into(),
                start: 20 + i,
                end: 31 + i,
                code: "NZL".into(),
                actor: "NZL".into(),
                kind: ActorKind::State,
                name: "New Zealand".into(),
                role: None,
                sector: None,
                affiliation: None,
                confidence: 1.0,
                candidates: Vec::new(),
            })
            .collect(),
        events: (0..3)
            .map(|i| Event {
                id: 0,
                doc: public.clone().into(),
                sentence: i,
                source: actor.clone(),
                target: Some(actor.clone()),
                cameo: "0874".into(),
                plover: Some("AID".into()),
                quad_class: 2,
                goldstein: 7.4,
                date: None,
                date_precision: DatePrecision::Publication,
                negated: false,
                evidence: ev.clone(),
                retold: Vec::new(),
                location: None,
            })
            .collect(),
        quotations: vec![Quotation {
            doc: public.clone().into(),
            sentence: 2,
            speaker: Some(Speaker {
                name: "John Key".into(),
                code: Some("NZLGOV".into()),
            }),
            target: None,
            text: "We will help".into(),
            evidence: ev.clone(),
        }],
        deployments: vec![Deployment {
            doc: public.into(),
            sentence: 0,
            by: "NZLMIL".into(),
            to: vec!["IRQ".into()],
            personnel: None,
            role: Some("troops".into()),
            status: DeploymentStatus::New,
            start: None,
            start_precision: None,
            review_date: None,
            end: None,
            requested_by: None,
            purpose: None,
            evidence: ev,
        }],
        document: Document {
            id: doc_id,
            origin: Origin::record("bench.jsonl", format!("line {n}")),
            external_id: Some(format!("bench-{n}")),
            url: None,
            title: Some(format!("Article {n}")),
            published: None,
            source: None,
            text,
            paragraphs,
            related_links: Vec::new(),
            dropped: Vec::new(),
            offsets: OffsetMap::identity(),
        },
        spans: None,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let documents: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(20_000);
    let batch: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(DEFAULT_BATCH_SIZE)
        .max(1);
    let dir = tempfile::tempdir()?;
    let path = match args.next() {
        Some(p) if std::path::Path::new(&p).exists() => return Err(format!("{p} exists").into()),
        Some(p) => std::path::PathBuf::from(p),
        None => dir.path().join("entente.db"),
    };
    let mut store = Store::open(&path)?;
    let records: Vec<_> = (0..documents).map(record).collect();

    let start = Instant::now();
    let mut outcome = BatchOutcome::default();
    for chunk in records.chunks(batch) {
        outcome += store.write_batch(chunk)?;
    }
    let elapsed = start.elapsed().as_secs_f64();
    assert_eq!(outcome.stored, documents, "every generated document is new");
    let size = std::fs::metadata(&path)?.len()
        + std::fs::metadata(path.with_extension("db-wal")).map_or(0, |m| m.len());
    println!(
        "{documents} documents in batches of {batch}: {elapsed:.2} s, {:.0} documents/s, {:.1} MiB",
        documents as f64 / elapsed,
        size as f64 / (1 << 20) as f64
    );

    let start = Instant::now();
    for chunk in records.chunks(batch) {
        store.write_batch(chunk)?;
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "rewriting them (all duplicates): {elapsed:.2} s, {:.0} documents/s",
        documents as f64 / elapsed
    );
    store.integrity_check()?;
    Ok(())
}
