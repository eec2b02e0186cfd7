//! The HTTP API and web UI over the entente store and knowledge base:
//! `entente serve`.
//!
//! One process serves one store file. The JSON API under `/api` answers
//! full-text search, whole articles with every span (mentions, events,
//! quotations, deployments, dates, quantities), events filtered by actor,
//! type, quad class, place and date with cursor paging and CSV / JSON lines
//! / GDELT downloads, actor profiles, the actor network, event counts per
//! country, deployments, the knowledge base's answers (members of a treaty,
//! who must defend whom, partners) and the queue of proposed updates. It is
//! described at `/api/openapi.json`. The web UI at `/` is plain HTML, CSS and
//! JavaScript compiled into the binary, with no outside resources.
//!
//! It is read-only unless started with a token: then `POST /api/documents`
//! runs a document through `entente_pipeline::Pipeline`
//! ([`ServeConfig::with_posting`]) and stores it, and
//! `POST /api/updates/{id}/accept`, `/reject` and `/reopen` decide a
//! proposed knowledge-base update as `entente updates` does
//! (`entente_pipeline::knowledge::decide`). It does not sequence the
//! stages itself, and sends no CORS headers, so other sites' pages cannot
//! read it. Its knowledge-base answers come from the knowledge base the
//! command line answers from (`entente_pipeline::knowledge`): the embedded
//! facts plus the accepted updates, rebuilt when those change.
//!
//! The types that matter:
//! - [`ServeConfig`]: the store, address, token and pipeline.
//! - [`AppState`]: the shared state of a running server; [`router`] turns it
//!   into an [`axum::Router`] (what tests drive with `oneshot`).
//! - [`serve_on`]: serves on a bound listener, with the Host check and
//!   the connection time limits ([`Timeouts`]).
//! - [`serve_blocking`]: starts a runtime and serves until killed.
//! - [`ServeError`] for start-up, [`ApiError`] for a request.
//!
//! ```
//! use entente_serve::{router, AppState, ServeConfig};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let db = dir.path().join("entente.db");
//! entente_store::Store::open(&db)?; // an empty store
//! let state = AppState::open(&ServeConfig::new(&db, "127.0.0.1:0"))?;
//! let app: axum::Router = router(state);
//! # let _ = app;
//! # Ok(())
//! # }
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]
#![doc(test(attr(deny(warnings))))]

mod api;
mod config;
mod error;
mod guard;
mod server;
mod state;
mod ui;

pub use api::OPENAPI;
pub use config::{Pipeline, ServeConfig, Timeouts, DEFAULT_BODY_LIMIT, MAX_PAGE};
pub use error::{ApiError, ServeError};
pub use server::serve_on;
pub use state::AppState;

use axum::Router;

/// How often the server looks for events stored by other processes (to
/// log them: every query reads the store, so they are served at once).
const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// The whole application: API, UI, limits and security headers; a handler
/// slower than the request timeout is answered 503, a panicking one 500.
/// The Host check needs the bound address: [`serve_on`] adds it.
pub fn router(state: AppState) -> Router {
    let limit = state.body_limit();
    let timeout = state.timeouts().request;
    guard::guarded(routes(state), limit, timeout, None)
}

/// The routes alone, without the guards.
fn routes(state: AppState) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(ui::routes())
        .fallback(|| async { ApiError::not_found("no such route") })
        .with_state(state)
}

/// Serves `config` until the process is stopped: opens the store, binds
/// the address and runs a multi-threaded runtime.
pub fn serve_blocking(mut config: ServeConfig) -> Result<(), ServeError> {
    // A host name given to listen on is a name this server answers to.
    if let Some((name, _)) = config.addr.rsplit_once(':') {
        let name = name.trim_start_matches('[').trim_end_matches(']');
        if name.parse::<std::net::IpAddr>().is_err() && !name.is_empty() {
            config.allow_hosts.push(name.to_string());
        }
    }
    let state = AppState::open(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(config.readers.max(1))
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&config.addr)
            .await
            .map_err(|source| ServeError::Listen {
                addr: config.addr.clone(),
                source,
            })?;
        let local = listener.local_addr()?;
        // The one line scripts wait for: where to connect.
        println!("listening on http://{local}");
        // Events that other processes store are served at once; this
        // only logs that they came.
        let watched = state.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(REFRESH_EVERY).await;
                if let Err(e) = watched.refresh().await {
                    tracing::warn!("cannot count the stored events: {}", e.message);
                }
            }
        });
        serve_on(listener, state).await
    })
}
