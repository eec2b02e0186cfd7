//! Queries over what `entente run` stored: deployments, quotations, and
//! the knowledge-base updates the news proposed.

use super::report;
use crate::args::{
    DeploymentsArgs, QueryFormat, QuotesArgs, StoreArgs, UpdatesAction, UpdatesArgs,
};
use crate::output::stdout;
use crate::{Outcome, UsageError};
use anyhow::{Context, Result};
use entente_pipeline::knowledge::knowledge_update;
use entente_pipeline::shapes;
use entente_store::{DeploymentFilter, Store, UpdateId, UpdateStatus};
use serde_json::json;
use std::io::Write;

pub(crate) fn open_for_reading(store: &StoreArgs) -> Result<Store> {
    if !store.db.exists() {
        return Err(UsageError(format!(
            "no store at {}: run `entente run PATH... --db {}` first",
            store.db.display(),
            store.db.display()
        ))
        .into());
    }
    Store::open_read_only(&store.db)
        .with_context(|| format!("cannot read the store {}", store.db.display()))
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
    let mut store = Store::open(&args.store.db)
        .with_context(|| format!("cannot open the store {}", args.store.db.display()))?;
    let Some(update) = store.update(UpdateId(id))? else {
        return Err(UsageError(format!(
            "no update {id} in {}: `entente updates` lists them",
            args.store.db.display()
        ))
        .into());
    };
    let mut out = stdout();
    // A decision stands until it is reopened: a rejected update cannot be
    // accepted later by mistake, nor an accepted one silently dropped.
    match (update.status, status) {
        (now, wanted) if now == wanted => {
            writeln!(
                out,
                "update {id} ({}) is already {}",
                update.update.kind,
                now.as_str()
            )?;
            out.flush()?;
            return Ok(Outcome::Success);
        }
        (
            UpdateStatus::Accepted | UpdateStatus::Rejected,
            UpdateStatus::Accepted | UpdateStatus::Rejected,
        ) => {
            return Err(UsageError(format!(
                "update {id} was {} on {}: the decision stands; `entente updates reopen {id}` puts it back among the proposed ones",
                update.status.as_str(),
                update.decided_at.as_deref().unwrap_or("an unknown date"),
            ))
            .into());
        }
        _ => {}
    }
    if status == UpdateStatus::Accepted {
        // Refuse what the knowledge base cannot apply, before recording it.
        let kb_update = knowledge_update(&update)?;
        // A fact rejected once stays out, whichever report proposes it again.
        for rejected in store.updates(Some(UpdateStatus::Rejected))? {
            let same = knowledge_update(&rejected).is_ok_and(|r| r.same_fact(&kb_update));
            if same {
                return Err(UsageError(format!(
                    "update {id} reports the same fact as update {}, which was rejected: \
                     the decision stands; `entente updates reopen {}` puts it back among the proposed ones",
                    rejected.id, rejected.id
                ))
                .into());
            }
        }
        let mut kb = super::know::knowledge_base(&args.store)?;
        kb.apply(&kb_update)
            .with_context(|| format!("update {id} cannot be applied"))?;
    }
    store.set_update_status(UpdateId(id), status)?;
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
