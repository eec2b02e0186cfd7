//! A bounded load test of the events API.
//!
//! ```text
//! # a store of 10,000 generated documents, 5 events each
//! cargo run --release -p entente-serve --example load -- generate /tmp/load.db 10000
//! entente serve --db /tmp/load.db --addr 127.0.0.1:18090 &
//! # 64 keep-alive connections, 20,000 requests in all
//! cargo run --release -p entente-serve --example load -- bench 127.0.0.1:18090 64 20000
//! # the same-run baseline: one fixed path, benched the same way
//! cargo run --release -p entente-serve --example load -- bench 127.0.0.1:18090 64 20000 \
//!     --path /api/openapi.json
//! # readers while documents are posted (serve started with --token TOKEN)
//! cargo run --release -p entente-serve --example load -- bench 127.0.0.1:18090 64 20000 \
//!     --post TOKEN
//! ```
//!
//! `bench` sends `GET /api/events` with varied filters (actor, actor and
//! quad class, CAMEO or PLOVER type in a month, quad class in a month,
//! place and PLOVER type, PLOVER type alone, none; pages of 50), each as a
//! first page and as its second page by the cursor the first gave, over
//! plain HTTP/1.1, and reports requests per second, latency percentiles and
//! errors (any status but 200, or a broken connection). `--path` benches
//! one path instead. `--post TOKEN` also posts a document every 200 ms
//! while the readers run, and reports the posts' latencies apart. It
//! prints serve's resident memory when given its process id with `--pid`.
//! No timing is asserted: it measures.

use chrono::{Duration, NaiveDate};
use entente_core::{
    ActorKind, ActorRef, DatePrecision, DocId, Document, Event, Evidence, Mention, OffsetMap,
    Origin, Paragraph, Span,
};
use entente_store::{DocumentRecord, Store};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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
            id: 0,
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
            location: None,
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
    record.number_events();
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

/// The first pages the bench cycles through; it adds each one's second page.
fn paths() -> Vec<String> {
    let mut v = Vec::new();
    for (i, (code, _)) in STATES.iter().enumerate() {
        let month = i % 12 + 1;
        v.push(format!("/api/events?actor={code}&limit=50"));
        v.push(format!(
            "/api/events?actor={code}GOV&quad={}&limit=50",
            i % 4 + 1
        ));
        v.push(format!(
            "/api/events?type={}&from=2022-{month:02}-01&to=2022-{month:02}-28&limit=50",
            CODES[i % CODES.len()].0,
        ));
        v.push(format!("/api/events?place={code}&type=CONSULT&limit=50"));
        v.push(format!(
            "/api/events?type={}&from=2022-{month:02}-01&to=2022-{month:02}-28&limit=50",
            CODES[(i + 3) % CODES.len()].3,
        ));
        v.push(format!(
            "/api/events?quad={}&from=2022-{month:02}-01&to=2022-{month:02}-28&limit=50",
            (i + 1) % 4 + 1
        ));
        v.push(format!(
            "/api/events?type={}&limit=50",
            CODES[i % CODES.len()].3
        ));
    }
    v.push("/api/events?limit=50".into());
    v.push("/api/events?limit=50&cursor=2022-06-01.1000".into());
    v
}

/// `paths`, each followed by its second page (when it has one), whose
/// cursor is read from the first.
fn with_second_pages(addr: &str, paths: Vec<String>) -> std::io::Result<Vec<String>> {
    let mut conn = connect(addr)?;
    let mut out = Vec::with_capacity(paths.len() * 2);
    for path in paths {
        let (status, body) = request(&mut conn, addr, "GET", &path, None)?;
        if status != 200 {
            return Err(std::io::Error::other(format!("{path}: status {status}")));
        }
        let next = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v["next_cursor"].as_str().map(str::to_string));
        out.push(path.clone());
        if let (Some(cursor), false) = (next, path.contains("cursor=")) {
            out.push(format!("{path}&cursor={cursor}"));
        }
    }
    Ok(out)
}

fn connect(addr: &str) -> std::io::Result<BufReader<TcpStream>> {
    let s = TcpStream::connect(addr)?;
    s.set_nodelay(true)?;
    s.set_read_timeout(Some(StdDuration::from_secs(30)))?;
    Ok(BufReader::new(s))
}

/// One GET on a keep-alive connection; the status, after reading the body.
fn get(conn: &mut BufReader<TcpStream>, host: &str, path: &str) -> std::io::Result<u16> {
    request(conn, host, "GET", path, None).map(|(status, _)| status)
}

/// One request on a keep-alive connection; the status and the body.
fn request(
    conn: &mut BufReader<TcpStream>,
    host: &str,
    method: &str,
    path: &str,
    post: Option<(&str, &str)>,
) -> std::io::Result<(u16, Vec<u8>)> {
    let mut req =
        format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n");
    if let Some((token, body)) = post {
        req.push_str(&format!(
            "Authorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ));
    } else {
        req.push_str("\r\n");
    }
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
    let mut body = Vec::new();
    if let Some(n) = length {
        body.resize(n, 0);
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
            body.extend_from_slice(&chunk[..size]);
        }
    }
    Ok((status, body))
}

/// What `bench` does besides its command line's three numbers.
#[derive(Default)]
struct BenchOptions {
    /// Bench this one path instead of the mix.
    path: Option<String>,
    /// Post documents with this token while the readers run.
    post: Option<String>,
    /// serve's process id, to report its resident memory.
    pid: Option<u32>,
}

impl BenchOptions {
    fn parse(args: &[&str]) -> Result<BenchOptions, Box<dyn std::error::Error>> {
        let mut o = BenchOptions::default();
        let mut it = args.iter();
        while let Some(&flag) = it.next() {
            let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
            match flag {
                "--path" => o.path = Some(value.to_string()),
                "--post" => o.post = Some(value.to_string()),
                "--pid" => o.pid = Some(value.parse()?),
                _ => return Err(format!("unknown option {flag}").into()),
            }
        }
        Ok(o)
    }
}

/// Latency percentiles of sorted `all`, in milliseconds.
fn percentile(all: &[StdDuration], p: f64) -> f64 {
    all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// Posts a new document every 200 ms until `stop`; the latencies and how
/// many failed.
fn poster(addr: String, token: String, stop: Arc<AtomicBool>) -> (Vec<StdDuration>, usize) {
    let mut latencies = Vec::new();
    let mut failed = 0;
    let mut conn = connect(&addr).ok();
    let run = std::process::id();
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        n += 1;
        let (a, b) = (STATES[n % STATES.len()], STATES[(n + 5) % STATES.len()]);
        let body = serde_json::json!({
            "id": format!("post-{run}-{n}"),
            "title": format!("Posted report {n}"),
            "published": "2022-05-10",
            "text": format!(
                "{} sent aid to {} on 3 May, officials said in posted report {run}-{n}. \
                 {} accused {} of delaying the talks.",
                a.1, b.1, b.1, a.1
            ),
        })
        .to_string();
        let t = Instant::now();
        let ok = match conn.as_mut() {
            Some(c) => matches!(
                request(c, &addr, "POST", "/api/documents", Some((&token, &body))),
                Ok((200 | 201, _))
            ),
            None => false,
        };
        latencies.push(t.elapsed());
        if !ok {
            failed += 1;
            conn = connect(&addr).ok();
        }
        std::thread::sleep(StdDuration::from_millis(200));
    }
    (latencies, failed)
}

/// serve's resident memory, from `/proc` (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn bench(
    addr: &str,
    conns: usize,
    total: usize,
    options: BenchOptions,
) -> Result<(), Box<dyn std::error::Error>> {
    let paths = match &options.path {
        Some(p) => vec![p.clone()],
        None => with_second_pages(addr, paths())?,
    };
    let paths = Arc::new(paths);
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let posting = options.post.clone().map(|token| {
        let (addr, stop) = (addr.to_string(), stop.clone());
        std::thread::spawn(move || poster(addr, token, stop))
    });
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..conns {
        let (paths, next, errors) = (paths.clone(), next.clone(), errors.clone());
        let addr = addr.to_string();
        workers.push(std::thread::spawn(move || {
            let mut latencies = Vec::new();
            let mut conn = connect(&addr).ok();
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
                    conn = connect(&addr).ok();
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
    stop.store(true, Ordering::Relaxed);
    all.sort();
    println!(
        "{} requests ({} paths) over {conns} connections in {:.2} s: {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} errors",
        all.len(),
        paths.len(),
        elapsed.as_secs_f64(),
        all.len() as f64 / elapsed.as_secs_f64(),
        percentile(&all, 0.50),
        percentile(&all, 0.99),
        percentile(&all, 1.0),
        errors.load(Ordering::Relaxed)
    );
    if let Some(posting) = posting {
        let (mut posts, failed) = posting.join().map_err(|_| "the posting thread panicked")?;
        posts.sort();
        println!(
            "{} documents posted meanwhile: latency p50 {:.2} ms, max {:.2} ms; {failed} failed",
            posts.len(),
            percentile(&posts, 0.50),
            percentile(&posts, 1.0),
        );
    }
    if let Some(pid) = options.pid {
        match rss_kib(pid) {
            Some(kib) => println!("serve (pid {pid}) resident memory: {} KiB", kib),
            None => println!("serve (pid {pid}): no resident memory found"),
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: load generate DB N | load bench HOST:PORT CONNECTIONS REQUESTS \
                 [--path PATH] [--post TOKEN] [--pid PID]";
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", db, n] => generate(db, n.parse()?),
        ["bench", addr, conns, total, options @ ..] => bench(
            addr,
            conns.parse()?,
            total.parse()?,
            BenchOptions::parse(options)?,
        ),
        _ => Err(usage.into()),
    }
}
