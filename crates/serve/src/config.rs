//! What `entente serve` is started with.

use entente_core::RawDocument;
use entente_store::DocumentRecord;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// The per-document pipeline (clean → annotate → code) the server runs on
/// a posted document. It lives in the CLI; the server only calls it. An
/// `Err` is a message naming why the document yields nothing to store.
pub type Pipeline = Arc<dyn Fn(RawDocument) -> Result<DocumentRecord, String> + Send + Sync>;

/// Largest request body accepted, in bytes (a posted article).
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Largest page of events, search hits or deployments one request returns.
pub const MAX_PAGE: usize = 1000;

/// How the server is started.
#[derive(Clone)]
pub struct ServeConfig {
    /// The store file; it must exist (build it with `entente run`).
    pub db: PathBuf,
    /// Where to listen, e.g. `127.0.0.1:8080`.
    pub addr: String,
    /// When set, `POST /api/documents` accepts documents bearing
    /// `Authorization: Bearer TOKEN`; when `None` the server is read-only.
    pub token: Option<String>,
    /// Runs posted documents through the pipeline; without it posting is off.
    pub pipeline: Option<Pipeline>,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Read connections to the store (and worker threads).
    pub readers: usize,
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
        }
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
            .finish()
    }
}
