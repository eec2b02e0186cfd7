//! Knowledge-base queries: members, obligations, partners, treaties.
//!
//! The knowledge base is the embedded one (datasets and curated lines)
//! plus every update a person accepted from the news, read from the store
//! when it exists.

use crate::args::{
    MembersArgs, ObligationsArgs, PartnersArgs, QueryFormat, StoreArgs, TreatiesArgs,
};
use crate::output::stdout;
use crate::{Outcome, UsageError};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use entente_know::{KnowError, KnowledgeBase, ProposedUpdate};
use entente_store::{Store, UpdateStatus};
use serde::Serialize;
use serde_json::json;
use std::io::Write;
use std::path::Path;

/// The knowledge base with the store's accepted updates applied.
pub fn knowledge_base(store: &StoreArgs) -> Result<KnowledgeBase> {
    let mut kb = KnowledgeBase::load().context("cannot load the knowledge base")?;
    for update in accepted_updates(&store.db)? {
        kb.apply(&update).with_context(|| {
            format!(
                "cannot apply an accepted update from {}",
                store.db.display()
            )
        })?;
    }
    Ok(kb)
}

/// Accepted updates stored in `db`; none when there is no store yet.
fn accepted_updates(db: &Path) -> Result<Vec<ProposedUpdate>> {
    if !db.exists() {
        return Ok(Vec::new());
    }
    let store = Store::open_read_only(db)
        .with_context(|| format!("cannot read the store {}", db.display()))?;
    let mut out = Vec::new();
    for stored in store.updates(Some(UpdateStatus::Accepted))? {
        let update: ProposedUpdate = serde_json::from_value(stored.update.payload.clone())
            .with_context(|| {
                format!(
                    "{}: update {} is not a knowledge-base update",
                    db.display(),
                    stored.id.0
                )
            })?;
        out.push(update);
    }
    Ok(out)
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Unknown names are the user's to correct: exit 2 with the message.
fn query<T>(r: std::result::Result<T, KnowError>) -> Result<T> {
    r.map_err(|e| match e {
        KnowError::UnknownState(_)
        | KnowError::UnknownOrganisation(_)
        | KnowError::UnknownTreaty(_)
        | KnowError::UnknownPlace(_) => anyhow::Error::new(UsageError(e.to_string())),
        other => anyhow::Error::new(other),
    })
}

fn print<T: Serialize>(
    format: QueryFormat,
    answer: &T,
    table: impl FnOnce(&T) -> String,
) -> Result<Outcome> {
    let mut out = stdout();
    match format {
        QueryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, answer)?;
            writeln!(out)?;
        }
        QueryFormat::Table => write!(out, "{}", table(answer))?,
    }
    out.flush()?;
    Ok(Outcome::Success)
}

pub fn members(args: MembersArgs) -> Result<Outcome> {
    let kb = knowledge_base(&args.store)?;
    let answer = query(kb.members(&args.organisation, args.on.unwrap_or_else(today)))?;
    print(args.format, &answer, |a| a.to_table())
}

pub fn obligations(args: ObligationsArgs) -> Result<Outcome> {
    let kb = knowledge_base(&args.store)?;
    let answer = query(kb.obligations(
        &args.attacked,
        args.on.unwrap_or_else(today),
        args.treaty.as_deref(),
        args.place.as_deref(),
    ))?;
    match args.format {
        QueryFormat::Json => {
            // The answer, plus how many states each treaty binds.
            let mut value = serde_json::to_value(&answer)?;
            let mut by_treaty: Vec<(String, usize)> = Vec::new();
            for o in &answer.obligated {
                match by_treaty.iter_mut().find(|(t, _)| *t == o.treaty) {
                    Some((_, n)) => *n += 1,
                    None => by_treaty.push((o.treaty.clone(), 1)),
                }
            }
            value["by_treaty"] = by_treaty
                .into_iter()
                .map(|(treaty, count)| json!({"treaty": treaty, "count": count}))
                .collect();
            print(args.format, &value, |_| String::new())
        }
        QueryFormat::Table => print(args.format, &answer, |a| a.to_table()),
    }
}

pub fn partners(args: PartnersArgs) -> Result<Outcome> {
    let kb = knowledge_base(&args.store)?;
    let answer = query(match args.on {
        Some(on) => kb.partners_on(&args.organisation, args.region.as_deref(), on),
        None => kb.partners(&args.organisation, args.region.as_deref()),
    })?;
    print(args.format, &answer, |a| a.to_table())
}

pub fn treaties(args: TreatiesArgs) -> Result<Outcome> {
    let kb = knowledge_base(&args.store)?;
    let [a, b] = [&args.between[0], &args.between[1]];
    let on = match (args.on, args.ever) {
        (_, true) => None,
        (Some(d), false) => Some(d),
        (None, false) => Some(today()),
    };
    let answer = query(kb.treaties_between(a, b, on))?;
    print(args.format, &answer, |a| a.to_table())
}
