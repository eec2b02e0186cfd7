//! Human-readable reports of what the pipeline found in a document.

use entente_core::{ActorRef, Deployment, Event, Personnel, Quotation};
use entente_store::DocumentRecord;
use std::io::{self, Write};

/// Writes what was found in one document: its actors, events, quotations
/// and deployments, each with its evidence.
pub fn record(out: &mut impl Write, r: &DocumentRecord) -> io::Result<()> {
    let doc = &r.document;
    let title = doc.title.as_deref().unwrap_or("(untitled)");
    writeln!(out, "document {} — {}", doc.public_id(), title)?;
    writeln!(
        out,
        "  from {}, published {}, {} paragraph(s), {} related link(s) set apart",
        doc.origin,
        doc.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into()),
        doc.paragraphs.len(),
        doc.related_links.len()
    )?;
    let mut actors: Vec<String> = Vec::new();
    for m in &r.mentions {
        let label = if m.code.is_empty() {
            format!("{} (?)", m.text)
        } else {
            format!("{} {}", m.text, m.code)
        };
        if !actors.contains(&label) {
            actors.push(label);
        }
    }
    if !actors.is_empty() {
        writeln!(out, "\n  actors: {}", actors.join(", "))?;
    }
    if !r.events.is_empty() {
        writeln!(out, "\n  events:")?;
        for e in &r.events {
            event(out, e)?;
        }
    }
    if !r.quotations.is_empty() {
        writeln!(out, "\n  quotations:")?;
        for q in &r.quotations {
            quotation(out, q)?;
        }
    }
    if !r.deployments.is_empty() {
        writeln!(out, "\n  deployments:")?;
        for d in &r.deployments {
            deployment(out, d)?;
        }
    }
    writeln!(out)
}

fn actor(a: Option<&ActorRef>) -> String {
    a.map(|a| a.code.to_string()).unwrap_or_else(|| "-".into())
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{cut}…")
}

pub fn event(out: &mut impl Write, e: &Event) -> io::Result<()> {
    let date = e
        .date
        .map(|d| format!("{d} ({:?})", e.date_precision).to_lowercase())
        .unwrap_or_else(|| "undated".into());
    writeln!(
        out,
        "    {:<10} {:<4} {:<9} {:<10} {}{}  \"{}\"",
        e.source.code,
        e.cameo,
        e.plover.as_deref().unwrap_or("-"),
        actor(e.target.as_ref()),
        date,
        if e.negated { " NOT" } else { "" },
        short(&e.evidence.text, 70)
    )
}

pub fn quotation(out: &mut impl Write, q: &Quotation) -> io::Result<()> {
    let speaker = q
        .speaker
        .as_ref()
        .map(|s| match &s.code {
            Some(code) => format!("{} ({code})", s.name),
            None => s.name.clone(),
        })
        .unwrap_or_else(|| "unknown speaker".into());
    writeln!(out, "    {speaker}: \"{}\"", short(&q.text, 90))
}

pub fn personnel(p: Option<Personnel>) -> String {
    match p {
        Some(Personnel::Exactly(n)) => n.to_string(),
        Some(Personnel::AtMost(n)) => format!("up to {n}"),
        Some(Personnel::AtLeast(n)) => format!("at least {n}"),
        Some(Personnel::About(n)) => format!("about {n}"),
        None => "?".into(),
    }
}

pub fn deployment(out: &mut impl Write, d: &Deployment) -> io::Result<()> {
    let mut extra = Vec::new();
    if let Some(s) = d.start {
        extra.push(format!("from {s}"));
    }
    if let Some(r) = d.review_date {
        extra.push(format!("review {r}"));
    }
    if let Some(e) = d.end {
        extra.push(format!("until {e}"));
    }
    if let Some(r) = &d.requested_by {
        extra.push(format!("requested by {r}"));
    }
    writeln!(
        out,
        "    {} → {}: {} {} ({:?}){}",
        d.by,
        d.to.join(", "),
        personnel(d.personnel),
        d.role.as_deref().unwrap_or("personnel"),
        d.status,
        if extra.is_empty() {
            String::new()
        } else {
            format!(", {}", extra.join(", "))
        }
    )?;
    if let Some(p) = &d.purpose {
        writeln!(out, "      purpose: {}", short(p, 90))?;
    }
    Ok(())
}
