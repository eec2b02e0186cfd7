//! A bounded load test of the events API.
//!
//! ```text
//! # a store of 10,000 generated documents, 5 events each
//! cargo run -p entente-serve --example load -- generate /tmp/load.db 10000
//! entente serve --db /tmp/load.db --addr 127.0.0.1:18090 &
//! # 64 keep-alive connections, 20,000 requests in all
//! cargo run -p entente-serve --example load -- bench 127.0.0.1:18090 64 20000
//! ```
//!
//! `bench` sends `GET /api/events` with varied filters (actor, type, quad,
//! dates, pages of 50) over plain HTTP/1.1 and reports requests per second,
//! latency percentiles and errors (any status but 200, or a broken
//! connection). No timing is asserted: it measures.

use chrono::{Duration, NaiveDate};
use entente_core::{
    ActorKind, ActorRef, DatePrecision, DocId, Document, Event, Evidence, Mention, OffsetMap,
    Origin, Paragraph, Span,
};
use entente_store::{DocumentRecord, Store};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

const STATES: [(&str, &str); 16] = [
    ("USA", "United States"),
    ("CHN", "China"),
    ("RUS", "Russia"),
    ("FRA", "France"),
    ("DEU", "Germany"),
    ("GBR", "Britain"),
    ("JPN", "Japan"),
    ("IND", "India"),
    ("BRA", "Brazil"),
    ("NZL", "New Zealand"),
    ("AUS", "Australia"),
    ("SLB", "Solomon Islands"),
    ("UKR", "Ukraine"),
    ("TUR", "Turkey"),
    ("KEN", "Kenya"),
    ("CAN", "Canada"),
];

/// CAMEO code, quad class, Goldstein score, PLOVER type, verb.
const CODES: [(&str, u8, f32, &str, &str); 8] = [
    ("040", 1, 1.0, "CONSULT", "consulted"),
    ("042", 1, 1.9, "CONSULT", "visited"),
    ("051", 1, 3.4, "COOPERATE", "praised"),
    ("070", 2, 7.0, "AID", "sent aid to"),
    ("112", 3, -2.0, "ACCUSE", "accused"),
    ("130", 3, -4.4, "THREATEN", "threatened"),
    ("172", 4, -5.0, "SANCTION", "sanctioned"),
    ("190", 4, -10.0, "ASSAULT", "attacked"),
];

/// A deterministic pseudo-random sequence (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn generated(i: usize, rng: &mut Rng) -> DocumentRecord {
    let day0 = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    let published = day0 + Duration::days((i % 365) as i64);
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut picks = Vec::new();
    for s in 0..5 {
        let a = STATES[rng.below(STATES.len())];
        let mut b = STATES[rng.below(STATES.len())];
        if b.0 == a.0 {
            b = STATES[(rng.below(STATES.len() - 1)
                + 1
                + STATES.iter().position(|x| x.0 == a.0).unwrap_or(0))
                % STATES.len()];
        }
        let code = CODES[rng.below(CODES.len())];
        if s > 0 {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&format!(
            "{} {} {} in report {i}, officials said.",
            a.1, code.4, b.1
        ));
        paragraphs.push(Paragraph {
            span: Span::new(start, text.len()),
            original: None,
        });
        picks.push((start, a, b, code));
    }
    let id = DocId::from_content(&text);
    let mut mentions = Vec::new();
    let mut events = Vec::new();
    for (s, (start, a, b, code)) in picks.into_iter().enumerate() {
        let sentence_end = paragraphs[s].span.end;
        let actor = |st: (&str, &str)| ActorRef {
            code: format!("{}GOV", st.0).into(),
            actor: st.0.to_string().into(),
            name: st.1.to_string().into(),
        };
        mentions.push(Mention {
            text: a.1.to_string().into(),
            start,
            end: start + a.1.len(),
            code: format!("{}GOV", a.0).into(),
            actor: a.0.to_string().into(),
            kind: ActorKind::State,
            name: a.1.to_string().into(),
            role: None,
            sector: None,
            affiliation: None,
            confidence: 1.0,
            candidates: Vec::new(),
        });
        events.push(Event {
            doc: id.to_string().into(),
            sentence: s,
            source: actor(a),
            target: Some(actor(b)),
            cameo: code.0.to_string().into(),
            plover: Some(code.3.to_string().into()),
            quad_class: code.1,
            goldstein: code.2,
            date: Some(published - Duration::days(rng.below(3) as i64)),
            date_precision: DatePrecision::Day,
            negated: false,
            evidence: Evidence::from_span(&text, Span::new(start, sentence_end)),
            retold: Vec::new(),
        });
    }
    let mut record = DocumentRecord::new(Document {
        id,
        origin: Origin::record("generated", format!("document {i}")),
        external_id: Some(format!("gen-{i}")),
        url: None,
        title: Some(format!("Generated report {i}")),
        published: Some(published),
        source: Some("load generator".into()),
        text,
        paragraphs,
        related_links: Vec::new(),
        dropped: Vec::new(),
        offsets: OffsetMap::identity(),
    });
    record.mentions = mentions;
    record.events = events;
    record
}

fn generate(db: &str, n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = Store::open(std::path::Path::new(db))?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut batch = Vec::with_capacity(256);
    let mut stored = 0;
    for i in 0..n {
        batch.push(generated(i, &mut rng));
        if batch.len() == 256 {
            stored += store.write_batch(&batch)?.stored;
            batch.clear();
        }
    }
    stored += store.write_batch(&batch)?.stored;
    let c = store.counts()?;
    println!(
        "{db}: {stored} new documents; {} documents, {} events in all",
        c.documents, c.events
    );
    Ok(())
}

/// The request paths the bench cycles through.
fn paths() -> Vec<String> {
    let mut v = Vec::new();
    for (i, (code, _)) in STATES.iter().enumerate() {
        v.push(format!("/api/events?actor={code}&limit=50"));
        v.push(format!(
            "/api/events?actor={code}GOV&quad={}&limit=50",
            i % 4 + 1
        ));
        v.push(format!(
            "/api/events?type={}&from=2022-{:02}-01&to=2022-{:02}-28&limit=50",
            CODES[i % CODES.len()].0,
            i % 12 + 1,
            i % 12 + 1
        ));
        v.push(format!("/api/events?place={code}&type=CONSULT&limit=50"));
    }
    v.push("/api/events?limit=50".into());
    v.push("/api/events?limit=50&cursor=2022-06-01.1000".into());
    v
}

/// One GET on a keep-alive connection; the status, after reading the body.
fn get(conn: &mut BufReader<TcpStream>, host: &str, path: &str) -> std::io::Result<u16> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n");
    conn.get_mut().write_all(req.as_bytes())?;
    let mut line = String::new();
    conn.read_line(&mut line)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = None;
    let mut chunked = false;
    loop {
        line.clear();
        if conn.read_line(&mut line)? == 0 {
            return Err(std::io::Error::other("connection closed in headers"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let lower = l.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    if let Some(n) = length {
        let mut body = vec![0; n];
        conn.read_exact(&mut body)?;
    } else if chunked {
        loop {
            line.clear();
            conn.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim(), 16)
                .map_err(|e| std::io::Error::other(format!("chunk size {line:?}: {e}")))?;
            let mut chunk = vec![0; size + 2];
            conn.read_exact(&mut chunk)?;
            if size == 0 {
                break;
            }
        }
    }
    Ok(status)
}

fn bench(addr: &str, conns: usize, total: usize) -> Result<(), Box<dyn std::error::Error>> {
    let paths = Arc::new(paths());
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..conns {
        let (paths, next, errors) = (paths.clone(), next.clone(), errors.clone());
        let addr = addr.to_string();
        workers.push(std::thread::spawn(move || {
            let mut latencies = Vec::new();
            let connect = || -> std::io::Result<BufReader<TcpStream>> {
                let s = TcpStream::connect(&addr)?;
                s.set_nodelay(true)?;
                s.set_read_timeout(Some(StdDuration::from_secs(30)))?;
                Ok(BufReader::new(s))
            };
            let mut conn = connect().ok();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let path = &paths[i % paths.len()];
                let t = Instant::now();
                let ok = match conn.as_mut() {
                    Some(c) => matches!(get(c, &addr, path), Ok(200)),
                    None => false,
                };
                latencies.push(t.elapsed());
                if !ok {
                    errors.fetch_add(1, Ordering::Relaxed);
                    conn = connect().ok();
                }
            }
            latencies
        }));
    }
    let mut all: Vec<StdDuration> = Vec::with_capacity(total);
    for w in workers {
        all.extend(w.join().map_err(|_| "a bench thread panicked")?);
    }
    let elapsed = started.elapsed();
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    };
    println!(
        "{} requests over {conns} connections in {:.2} s: {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} errors",
        all.len(),
        elapsed.as_secs_f64(),
        all.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        pct(1.0),
        errors.load(Ordering::Relaxed)
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: load generate DB N | load bench HOST:PORT CONNECTIONS REQUESTS";
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", db, n] => generate(db, n.parse()?),
        ["bench", addr, conns, total] => bench(addr, conns.parse()?, total.parse()?),
        _ => Err(usage.into()),
    }
}
