//! `entente serve`: the HTTP API and web UI (crate entente-serve).

use crate::Outcome;
use anyhow::{Context, Result};
use clap::Args;
use entente_pipeline::Pipeline;
use entente_serve::{serve_blocking, ServeConfig};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store to serve (build it with `entente run`).
    #[arg(long, default_value = "entente.db", value_name = "PATH")]
    pub db: PathBuf,
    /// Address to listen on; port 0 picks a free port (printed on start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Accept POST /api/documents and decisions on proposed updates
    /// (POST /api/updates/ID/accept, reject, reopen) with
    /// `Authorization: Bearer TOKEN`. Without it the server is read-only.
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = entente_serve::DEFAULT_BODY_LIMIT, value_name = "BYTES")]
    pub body_limit: usize,
    /// Also answer requests whose Host header is HOST (`name` on any port,
    /// `name:port` on that one), e.g. behind a proxy; repeatable. Without
    /// it only the loopback names and the listening address are answered,
    /// which keeps other sites' pages out (DNS rebinding).
    #[arg(long = "allow-host", value_name = "HOST")]
    pub allow_hosts: Vec<String>,
}

pub fn run(args: ServeArgs) -> Result<Outcome> {
    if args.token.as_deref().is_some_and(|t| t.trim().len() < 8) {
        return Err(crate::UsageError("--token must be at least 8 characters".into()).into());
    }
    let mut config = ServeConfig::new(args.db, args.addr);
    config.body_limit = args.body_limit;
    config.allow_hosts = args.allow_hosts;
    if let Some(token) = args.token {
        let pipeline = Pipeline::builder()
            .build()
            .context("cannot start the pipeline")?;
        config = config.with_posting(token, pipeline);
    }
    serve_blocking(config)?;
    Ok(Outcome::Success)
}
