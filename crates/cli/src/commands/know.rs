//! Knowledge-base queries: members, obligations, partners, treaties.
//!
//! The knowledge base is the one the API answers from too
//! (`entente_pipeline::knowledge`): the embedded one (datasets and curated
//! lines) plus every update a person accepted from the news, read from the
//! store when it exists. "Today" is the date in UTC.

use crate::args::{
    MembersArgs, ObligationsArgs, PartnersArgs, QueryFormat, StoreArgs, TreatiesArgs,
};
use crate::output::stdout;
use crate::{Outcome, UsageError};
use anyhow::{Context, Result};
use entente_know::{KnowError, KnowledgeBase};
use entente_pipeline::knowledge::CurrentKnowledge;
use entente_pipeline::shapes::{self, today};
use entente_store::Store;
use serde::Serialize;
use std::io::Write;

/// The knowledge base with the store's accepted updates applied; an
/// accepted update that no longer applies is an error.
pub fn knowledge_base(store: &StoreArgs) -> Result<KnowledgeBase> {
    let db = &store.db;
    let current = if db.exists() || entente_store::is_postgres(db) {
        let store = Store::open_read_only(db).with_context(|| {
            format!(
                "cannot read the store {}",
                entente_store::display_path(db).display()
            )
        })?;
        CurrentKnowledge::from_store(&store)
    } else {
        CurrentKnowledge::embedded()
    }
    .context("cannot load the knowledge base")?;
    current.strict().with_context(|| {
        format!(
            "cannot apply an accepted update from {}",
            entente_store::display_path(db).display()
        )
    })
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
        // The answer, plus how many states each treaty binds, as the API gives it.
        QueryFormat::Json => print(args.format, &shapes::obligations(&answer), |_| {
            String::new()
        }),
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
