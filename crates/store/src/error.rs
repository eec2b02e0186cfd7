//! The one error type of the store.

use std::path::PathBuf;

/// Everything that can go wrong opening, writing or reading a store.
///
/// Every variant names what failed: the database file, the document id,
/// the update id.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or configured.
    #[error("cannot open store {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// A schema migration failed; the file stays at the previous version.
    #[error("cannot migrate store {path} to schema version {version}: {source}")]
    Migrate {
        path: PathBuf,
        version: u32,
        #[source]
        source: rusqlite::Error,
    },
    /// The file was written by a newer entente.
    #[error("store {path} has schema version {found}, this build reads up to {supported}: upgrade entente")]
    SchemaTooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// A file opened read-only is not at this build's schema version
    /// (version 0: not an entente store, or never opened for writing).
    #[error("store {path} has schema version {found}, expected {expected}: open it for writing once to migrate it")]
    SchemaMismatch {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    /// A statement failed; `what` says what was being done.
    #[error("{what}: {source}")]
    Sqlite {
        what: String,
        #[source]
        source: rusqlite::Error,
    },
    /// A record was rejected before it was written; its whole batch is
    /// rolled back.
    #[error("invalid record for document {doc}: {reason}")]
    InvalidRecord { doc: String, reason: String },
    /// A stored value could not be read back into its type.
    #[error("cannot decode {what} in store {path}: {reason}")]
    Decode {
        path: PathBuf,
        what: String,
        reason: String,
    },
    /// `PRAGMA integrity_check` or `foreign_key_check` found problems.
    #[error("store {path} is damaged: {}", problems.join("; "))]
    Corrupt {
        path: PathBuf,
        problems: Vec<String>,
    },
    /// A PostgreSQL statement failed, or the server could not be reached;
    /// `what` says what was being done and in which store.
    #[cfg(feature = "postgres")]
    #[error("{what}: {source}")]
    Postgres {
        what: String,
        #[source]
        source: postgres::Error,
    },
    /// The TLS settings of a PostgreSQL URL (`sslmode`, `sslrootcert`)
    /// cannot be used: an unknown mode, a CA file that cannot be read.
    #[cfg(feature = "postgres")]
    #[error("cannot open store {url}: {reason}")]
    TlsSetting { url: String, reason: String },
    /// The TLS connection to a PostgreSQL server failed: the server refused
    /// TLS, or its certificate was not trusted. `url` has no password.
    #[cfg(feature = "postgres")]
    #[error("cannot open store {url}: no TLS connection as sslmode={mode} asks: {reason}")]
    Tls {
        url: String,
        mode: &'static str,
        reason: String,
        #[source]
        source: postgres::Error,
    },
    /// `--db postgres://...` with a build that has no PostgreSQL client.
    #[error("store {url} is a PostgreSQL database, and this build has no PostgreSQL support (the store's `postgres` feature)")]
    NoPostgres { url: String },
    /// The store was used in a way its back end cannot serve.
    #[error("{what} in store {path}: {reason}")]
    Backend {
        path: PathBuf,
        what: String,
        reason: String,
    },
    /// No knowledge-base update has this id.
    #[error("no knowledge-base update with id {id} in store {path}")]
    UpdateNotFound { path: PathBuf, id: i64 },
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, StoreError>;
