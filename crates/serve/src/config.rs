//! What `entente serve` is started with.

use entente_core::RawDocument;
use entente_store::DocumentRecord;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// What the server runs on a posted document: normally
/// [`entente_pipeline::Pipeline`], given with [`ServeConfig::with_posting`];
/// any function for tests and embedders. An `Err` is a message, sent to the
/// client, naming why the document yields nothing to store.
pub type Pipeline = Arc<dyn Fn(RawDocument) -> Result<DocumentRecord, String> + Send + Sync>;

/// Largest request body accepted, in bytes (a posted article).
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Largest page of events, search hits or deployments one request returns.
pub const MAX_PAGE: usize = 1000;

/// How long the server waits on a client or on itself before giving up.
///
/// A connection that has not sent a whole request head within
/// `header_read` (counted from when the server starts waiting for one,
/// so also between the requests of a kept-alive connection) is closed;
/// so is one on which no byte moves either way for `idle`. A request whose
/// answer (its body read, the handler run) takes longer than `request` is
/// answered 503. `idle` should be longer than `request`, so a slow handler
/// gets its 503 rather than a closed connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub header_read: Duration,
    pub idle: Duration,
    pub request: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            header_read: Duration::from_secs(5),
            idle: Duration::from_secs(60),
            request: Duration::from_secs(30),
        }
    }
}

/// How the server is started.
#[derive(Clone)]
pub struct ServeConfig {
    /// The store file; it must exist (build it with `entente run`).
    pub db: PathBuf,
    /// Where to listen, e.g. `127.0.0.1:8080`.
    pub addr: String,
    /// When set, requests bearing `Authorization: Bearer TOKEN` may decide
    /// proposed updates (`POST /api/updates/{id}/accept`, ...) and, with a
    /// pipeline, post documents; when `None` the server is read-only.
    pub token: Option<String>,
    /// Runs posted documents through the pipeline; without it posting is off.
    pub pipeline: Option<Pipeline>,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Read connections to the store (and worker threads).
    pub readers: usize,
    /// Host header values accepted besides the bound address and the
    /// loopback names (`127.0.0.1`, `localhost`, `[::1]`) with its port:
    /// `name` accepts that name on any port, `name:port` on that port only.
    /// Any other Host is refused, which defeats DNS rebinding.
    pub allow_hosts: Vec<String>,
    /// Connection and request time limits.
    pub timeouts: Timeouts,
}

impl ServeConfig {
    /// A read-only configuration with the defaults.
    pub fn new(db: impl Into<PathBuf>, addr: impl Into<String>) -> ServeConfig {
        let readers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
            .clamp(2, 16);
        ServeConfig {
            db: db.into(),
            addr: addr.into(),
            token: None,
            pipeline: None,
            body_limit: DEFAULT_BODY_LIMIT,
            readers,
            allow_hosts: Vec::new(),
            timeouts: Timeouts::default(),
        }
    }
}

impl ServeConfig {
    /// Accepts `POST /api/documents` bearing `token`, and runs each posted
    /// document through `pipeline`. What the client is told when a document
    /// fails is what is wrong with the document, never where the server got
    /// it or what broke inside (that goes to the log).
    pub fn with_posting(
        mut self,
        token: impl Into<String>,
        pipeline: entente_pipeline::Pipeline,
    ) -> ServeConfig {
        let run: Pipeline = Arc::new(move |raw| {
            pipeline.process(raw).map_err(|e| {
                if e.is_internal() {
                    tracing::error!("{e}");
                    "the document could not be processed".to_string()
                } else {
                    e.reason.to_string()
                }
            })
        });
        self.token = Some(token.into());
        self.pipeline = Some(run);
        self
    }
}

impl fmt::Debug for ServeConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServeConfig")
            .field("db", &self.db)
            .field("addr", &self.addr)
            .field("token", &self.token.as_ref().map(|_| "<set>"))
            .field("pipeline", &self.pipeline.as_ref().map(|_| "<set>"))
            .field("body_limit", &self.body_limit)
            .field("readers", &self.readers)
            .field("allow_hosts", &self.allow_hosts)
            .field("timeouts", &self.timeouts)
            .finish()
    }
}
