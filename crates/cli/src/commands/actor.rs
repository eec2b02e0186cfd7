//! `entente actor NAME --on DATE`: who a name is on a date.

use crate::args::{ActorArgs, QueryFormat};
use crate::output::stdout;
use crate::{Outcome, UsageError};
use anyhow::Result;
use entente_annotate::ActorDictionary;
use std::io::Write;

pub fn run(args: ActorArgs) -> Result<Outcome> {
    let on = args.on.unwrap_or_else(entente_pipeline::shapes::today);
    let found = ActorDictionary::embedded().lookup(&args.name, on);
    if found.is_empty() {
        return Err(UsageError(format!(
            "no actor is known as {:?} on {on}: try a fuller name, or another date",
            args.name
        ))
        .into());
    }
    let mut out = stdout();
    match args.format {
        QueryFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &entente_pipeline::shapes::actor_answer(&args.name, on, &found),
            )?;
            writeln!(out)?;
        }
        QueryFormat::Table => {
            for a in &found {
                writeln!(
                    out,
                    "{} — {} ({:?}), code {} on {on}",
                    args.name, a.name, a.kind, a.code
                )?;
                if let Some(role) = &a.role {
                    writeln!(out, "  role on {on}: {role}")?;
                } else if let Some(r) = &a.former {
                    // No role on the date: the last one that ended before it.
                    writeln!(
                        out,
                        "  role on {on}: former {} ({}, until {})",
                        r.title.as_deref().unwrap_or_default(),
                        r.code,
                        r.to.map(|d| d.to_string()).unwrap_or_default()
                    )?;
                }
                if let Some(aff) = &a.affiliation {
                    writeln!(out, "  affiliation: {aff}")?;
                }
                for r in &a.roles {
                    let from = r.from.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
                    let to = r.to.map(|d| d.to_string()).unwrap_or_else(|| "…".into());
                    let mark = if r.current { "*" } else { " " };
                    writeln!(
                        out,
                        "  {mark} {:<10} {:<40} {from} to {to}  [{}]",
                        r.code,
                        r.title.as_deref().unwrap_or("-"),
                        r.source
                    )?;
                }
                writeln!(out, "  source: {}", a.source)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}
