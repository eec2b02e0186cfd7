//! Generated documents and records shared by the integration tests.
#![allow(dead_code)]

pub mod backends;

use chrono::NaiveDate;
use entente_core::{
    ActorKind, ActorRef, DatePrecision, Deployment, DeploymentStatus, DocId, Document, DropKind,
    Dropped, Event, Evidence, Mention, OffsetMap, Origin, Paragraph, Personnel, Quotation,
    RelatedLink, Span, Speaker,
};
use entente_store::{DateSpan, DocumentRecord, QuantitySpan, TextSpans};

pub const MENTIONS_PER_DOC: usize = 3;
pub const EVENTS_PER_DOC: usize = 2;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
}

/// Document number `n`: distinct text, so a distinct content id.
pub fn document(n: usize) -> Document {
    let first = format!("New Zealand will send {n} troops to Iraq, the prime minister said.");
    let second = format!("\"We stand with our partners,\" Ardern said on day {n}.");
    let text = format!("{first}\n\n{second}");
    let mut offsets = OffsetMap::new();
    offsets.push(0, 120);
    offsets.push(first.len() + 2, first.len() + 200);
    Document {
        id: DocId::from_content(&text),
        origin: Origin::record("news.jsonl", format!("line {}", n + 1)),
        external_id: Some(format!("ext-{n}")),
        url: Some(format!("https://news.example/{n}")),
        title: Some(format!("New Zealand deploys troops ({n})")),
        published: Some(date(2015, 2, 24)),
        source: Some("wire".into()),
        paragraphs: vec![
            Paragraph {
                span: Span::new(0, first.len()),
                original: Some(Span::new(120, 120 + first.len())),
            },
            Paragraph {
                span: Span::new(first.len() + 2, text.len()),
                original: None,
            },
        ],
        related_links: vec![RelatedLink {
            text: "Iraq war explained".into(),
            url: Some("https://news.example/explained".into()),
        }],
        dropped: vec![Dropped {
            kind: DropKind::Boilerplate,
            reason: "share buttons".into(),
            text: "Share on Twitter".into(),
            original: Some(Span::new(0, 16)),
        }],
        offsets,
        text,
    }
}

fn evidence(doc: &Document, start: usize, end: usize) -> Evidence {
    Evidence::from_span(&doc.text, Span::new(start, end))
}

/// Record number `n`: document `n` with mentions, events, a quotation and a
/// deployment covering every optional field one way or the other.
pub fn record(n: usize) -> DocumentRecord {
    let doc = document(n);
    let public = doc.public_id().to_string();
    let nzl = ActorRef {
        code: "NZLGOV".into(),
        actor: "NZL".into(),
        name: "New Zealand".into(),
    };
    let irq = ActorRef {
        code: "IRQ".into(),
        actor: "IRQ".into(),
        name: "Iraq".into(),
    };
    let mentions = (0..MENTIONS_PER_DOC)
        .map(|i| Mention {
            text: "New Zealand".into(),
            start: 0,
            end: 11,
            code: if i == 0 {
                "NZL".into()
            } else {
                String::new().into()
            },
            actor: "NZL".into(),
            kind: [ActorKind::State, ActorKind::Person, ActorKind::Igo][i % 3],
            name: "New Zealand".into(),
            role: (i == 1).then(|| "prime minister".into()),
            sector: (i == 2).then(|| "GOV".into()),
            affiliation: (i == 1).then(|| "NZL".into()),
            confidence: 0.75,
            candidates: if i == 2 {
                vec!["NZL".into(), "AUS".into()]
            } else {
                vec![]
            },
        })
        .collect();
    let events = (0..EVENTS_PER_DOC)
        .map(|i| Event {
            id: 0,
            doc: public.clone().into(),
            sentence: i,
            source: nzl.clone(),
            target: (i == 0).then(|| irq.clone()),
            cameo: if i == 0 { "0874".into() } else { "043".into() },
            plover: (i == 0).then(|| "AID".into()),
            quad_class: 2,
            goldstein: 7.5,
            date: (i == 0).then(|| date(2015, 2, 24 + (n % 4) as u32)),
            date_precision: if i == 0 {
                DatePrecision::Day
            } else {
                DatePrecision::Publication
            },
            negated: i == 1,
            evidence: evidence(&doc, 0, 20),
            // The first event is told again further on.
            retold: if i == 0 {
                vec![evidence(&doc, 20, 40)]
            } else {
                Vec::new()
            },
            // The first event happened at a named place; the others have
            // none (as events stored before schema v8).
            location: (i == 0).then(|| entente_core::Location {
                name: "Honiara".into(),
                full_name: "Honiara, Guadalcanal, Solomon Islands".into(),
                country: "SLB".into(),
                adm1: "BP08".into(),
                lat: -9.4333,
                lon: 159.95,
                precision: entente_core::LocationPrecision::City,
                feature_id: "2108502".into(),
                basis: entente_core::LocationBasis::Clause,
                start: Some(0),
                end: Some(7),
            }),
        })
        .collect();
    let quote_start = doc.text.find('"').unwrap_or(0);
    let quotations = vec![Quotation {
        doc: public.clone().into(),
        sentence: 1,
        speaker: Some(Speaker {
            name: "Jacinda Ardern".into(),
            code: if n.is_multiple_of(2) {
                Some("NZLGOV".into())
            } else {
                None
            },
        }),
        target: None,
        text: "We stand with our partners,".into(),
        evidence: evidence(&doc, quote_start, doc.text.len()),
    }];
    let deployments = vec![Deployment {
        doc: public.into(),
        sentence: 0,
        by: "NZLMIL".into(),
        to: vec!["IRQ".into(), "KWT".into()],
        personnel: Some(
            [
                Personnel::Exactly(n as u64),
                Personnel::AtMost(143),
                Personnel::AtLeast(1),
                Personnel::About(100),
            ][n % 4],
        ),
        role: Some("troops".into()),
        status: DeploymentStatus::New,
        start: Some(date(2015, 5, 1)),
        start_precision: Some(DatePrecision::Month),
        review_date: None,
        end: Some(date(2017, 5, 1)),
        requested_by: Some("IRQGOV".into()),
        purpose: None,
        evidence: evidence(&doc, 0, 40),
    }];
    // Every third document proposes a knowledge-base update.
    let updates = if n.is_multiple_of(3) {
        vec![entente_store::ProposedUpdate {
            kind: "accession".into(),
            payload: serde_json::json!({"state": "FIN", "organisation": "NATO", "n": n}),
            doc: Some(doc.public_id().to_string()),
            sentence: Some(0),
            evidence: Some(evidence(&doc, 0, 10)),
            fact: None,
        }]
    } else {
        Vec::new()
    };
    // Even documents carry their dates and quantities, odd ones were
    // written without looking for them.
    let count = n.to_string();
    let spans = n.is_multiple_of(2).then(|| TextSpans {
        dates: vec![DateSpan {
            span: Span::new(0, 11),
            date: date(2015, 2, 24),
            precision: DatePrecision::Day,
        }],
        quantities: vec![QuantitySpan {
            span: Span::new(22, 22 + count.len()),
            value: n as f64,
        }],
    });
    let mut record = DocumentRecord {
        document: doc,
        mentions,
        events,
        quotations,
        deployments,
        updates,
        spans,
    };
    record.number_events();
    record
}

/// Records `range`, as a batch.
pub fn records(range: std::ops::Range<usize>) -> Vec<DocumentRecord> {
    range.map(record).collect()
}
