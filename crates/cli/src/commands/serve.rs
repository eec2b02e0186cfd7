//! `entente serve`: the HTTP API and web UI (crate entente-serve).

use crate::Outcome;
use anyhow::Result;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store to serve.
    #[arg(long, default_value = "entente.db", value_name = "PATH")]
    pub db: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
}

pub fn run(args: ServeArgs) -> Result<Outcome> {
    anyhow::bail!("serving {} on {} is wired in a later increment", args.db.display(), args.addr)
}
