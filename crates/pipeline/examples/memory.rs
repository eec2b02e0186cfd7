//! Peak memory of each stage on one document, as a multiple of its size.
//!
//! `cargo run --release -p entente-pipeline --example memory -- FILE [YYYY-MM-DD]`
//!
//! Reads the peak resident set (`VmHWM` in `/proc/self/status`, Linux)
//! after the document is read, then after each stage.

use entente_core::{Origin, RawDocument};
use entente_pipeline::Pipeline;

/// A memory figure of this process from `/proc/self/status`, in KiB.
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// The peak resident set so far.
fn peak_kib() -> u64 {
    status_kib("VmHWM:")
}

/// The resident set now.
fn resident_kib() -> u64 {
    status_kib("VmRSS:")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: memory FILE [YYYY-MM-DD]")?;
    let published = match args.next() {
        Some(d) => Some(entente_core::published::parse_publication_date(&d)?),
        None => chrono::NaiveDate::from_ymd_opt(2022, 4, 8),
    };
    // Dictionaries first, so that their memory is the baseline.
    let pipeline = Pipeline::embedded()?;
    let _ = pipeline.process(RawDocument::from_text(
        Origin::file("warm-up"),
        published,
        "NATO met Russia.",
    ));
    let base = peak_kib();
    let text = std::fs::read_to_string(&path)?;
    let size = text.len() as f64 / 1024.0;
    let raw = RawDocument::from_text(Origin::file(&path), published, text);
    let report = |stage: &str| {
        let used = peak_kib().saturating_sub(base) as f64;
        let now = resident_kib().saturating_sub(base) as f64;
        println!(
            "{stage:>10}: peak {:>9.1} MiB above the dictionaries = {:>5.1}x the document ({:.1} MiB); {:.1} MiB held after it",
            used / 1024.0,
            used / size,
            size / 1024.0,
            now / 1024.0
        );
    };
    report("read");
    let doc = pipeline.clean(&raw)?;
    drop(raw);
    report("clean");
    let mentions = pipeline.annotate(&doc)?;
    report("annotate");
    let record = pipeline.code_annotated(doc, mentions)?;
    report("code");
    println!(
        "{} mention(s), {} event(s), {} quotation(s), {} deployment(s), {} proposed update(s)",
        record.mentions.len(),
        record.events.len(),
        record.quotations.len(),
        record.deployments.len(),
        record.updates.len()
    );
    Ok(())
}
