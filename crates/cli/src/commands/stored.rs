//! Queries over what `entente run` stored: deployments, quotations, and
//! the knowledge-base updates the news proposed.

use super::report;
use crate::args::{
    DeploymentsArgs, QueryFormat, QuotesArgs, StoreArgs, UpdatesAction, UpdatesArgs,
};
use crate::output::stdout;
use crate::{Outcome, UsageError};
use anyhow::{Context, Result};
use entente_pipeline::knowledge::{self, DecisionError};
use entente_pipeline::shapes;
use entente_store::{DeploymentFilter, Store, UpdateId, UpdateStatus};
use serde_json::json;
use std::io::Write;

pub(crate) fn open_for_reading(store: &StoreArgs) -> Result<Store> {
    if !store.db.exists() && !entente_store::is_postgres(&store.db) {
        return Err(UsageError(format!(
            "no store at {}: run `entente run PATH... --db {}` first",
            entente_store::display_path(&store.db).display(),
            entente_store::display_path(&store.db).display()
        ))
        .into());
    }
    Store::open_read_only(&store.db).with_context(|| {
        format!(
            "cannot read the store {}",
            entente_store::display_path(&store.db).display()
        )
    })
}

pub fn deployments(args: DeploymentsArgs) -> Result<Outcome> {
    let store = open_for_reading(&args.store)?;
    let found = store.deployments(&DeploymentFilter {
        by: args.by.clone(),
        to: args.to.clone(),
        active_on: args.active_on,
        limit: None,
    })?;
    let mut out = stdout();
    match args.format {
        QueryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &json!({ "deployments": found }))?;
            writeln!(out)?;
        }
        QueryFormat::Table => {
            for d in &found {
                report::deployment(&mut out, d)?;
                writeln!(
                    out,
                    "      evidence: \"{}\" ({} sentence {})",
                    d.evidence.text, d.doc, d.sentence
                )?;
            }
            writeln!(out, "({} deployment(s))", found.len())?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

pub fn quotes(args: QuotesArgs) -> Result<Outcome> {
    let store = open_for_reading(&args.store)?;
    let mut found = store.quotations(None)?;
    if let Some(speaker) = &args.speaker {
        let wanted = speaker.to_lowercase();
        found.retain(|q| {
            q.speaker.as_ref().is_some_and(|s| {
                s.name.to_lowercase().contains(&wanted)
                    || s.code
                        .as_deref()
                        .is_some_and(|c| c.eq_ignore_ascii_case(speaker))
            })
        });
    }
    let mut out = stdout();
    match args.format {
        QueryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &json!({ "quotations": found }))?;
            writeln!(out)?;
        }
        QueryFormat::Table => {
            for q in &found {
                report::quotation(&mut out, q)?;
            }
            writeln!(out, "({} quotation(s))", found.len())?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

pub fn updates(args: UpdatesArgs) -> Result<Outcome> {
    let (id, status) = match args.action {
        None => return list_updates(&args),
        Some(UpdatesAction::Accept { id }) => (id, UpdateStatus::Accepted),
        Some(UpdatesAction::Reject { id }) => (id, UpdateStatus::Rejected),
        Some(UpdatesAction::Reopen { id }) => (id, UpdateStatus::Proposed),
    };
    let mut store = Store::open(&args.store.db).with_context(|| {
        format!(
            "cannot open the store {}",
            entente_store::display_path(&args.store.db).display()
        )
    })?;
    let mut out = stdout();
    let decided = match knowledge::decide(&mut store, UpdateId(id), status) {
        Ok(decided) => decided,
        Err(DecisionError::NotFound(_)) => {
            return Err(UsageError(format!(
                "no update {id} in {}: `entente updates` lists them",
                entente_store::display_path(&args.store.db).display()
            ))
            .into())
        }
        Err(DecisionError::Decided {
            status: was,
            decided_at,
            ..
        }) => {
            return Err(UsageError(format!(
                "update {id} was {} on {decided_at}: the decision stands; `entente updates reopen {id}` puts it back among the proposed ones",
                was.as_str(),
            ))
            .into());
        }
        Err(DecisionError::RejectedFact { rejected, .. }) => {
            return Err(UsageError(format!(
                "update {id} reports the same fact as update {rejected}, which was rejected: \
                 the decision stands; `entente updates reopen {rejected}` puts it back among the proposed ones"
            ))
            .into());
        }
        Err(e @ DecisionError::CannotApply(_)) => {
            return Err(anyhow::Error::new(e).context(format!(
                "update {id} cannot be applied to the knowledge base of {}",
                entente_store::display_path(&args.store.db).display()
            )))
        }
        Err(e) => return Err(e.into()),
    };
    let note = decided.note();
    let update = decided.update;
    if !decided.changed {
        writeln!(
            out,
            "update {id} ({}) is already {}",
            update.update.kind,
            update.status.as_str()
        )?;
        out.flush()?;
        return Ok(Outcome::Success);
    }
    writeln!(
        out,
        "update {id} ({}) {}",
        update.update.kind,
        match status {
            UpdateStatus::Accepted => "accepted: the knowledge base now includes it",
            UpdateStatus::Rejected => "rejected: it stays out of the knowledge base until reopened",
            UpdateStatus::Proposed =>
                "reopened: proposed again, out of the knowledge base until accepted",
        }
    )?;
    if let Some(note) = note {
        writeln!(out, "  note: {note}")?;
    }
    out.flush()?;
    Ok(Outcome::Success)
}

fn list_updates(args: &UpdatesArgs) -> Result<Outcome> {
    let store = open_for_reading(&args.store)?;
    let all = store.updates(None)?;
    let mut out = stdout();
    match args.format {
        QueryFormat::Json => {
            let list: Vec<_> = all.iter().map(shapes::stored_update).collect();
            serde_json::to_writer_pretty(&mut out, &json!({ "updates": list }))?;
            writeln!(out)?;
        }
        QueryFormat::Table => {
            for u in &all {
                let p = &u.update.payload;
                let what = [
                    p["state"].as_str(),
                    p["organisation"].as_str().or(p["treaty"].as_str()),
                    p["other"].as_str(),
                    p["date"].as_str(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
                writeln!(
                    out,
                    "{:>4}  {:<9} {:<17} {}",
                    u.id.0,
                    u.status.as_str(),
                    u.update.kind,
                    what
                )?;
                if let Some(e) = &u.update.evidence {
                    writeln!(
                        out,
                        "      \"{}\" ({})",
                        e.text,
                        u.update.doc.as_deref().unwrap_or("-")
                    )?;
                }
            }
            writeln!(out, "({} update(s))", all.len())?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}
