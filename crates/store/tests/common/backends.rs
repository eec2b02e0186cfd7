//! The back ends the conformance tests run against: SQLite always, and
//! PostgreSQL when `ENTENTE_TEST_POSTGRES` holds a server's URL (CI sets
//! it: `scripts/test` starts a throwaway cluster). Each test gets a fresh,
//! empty store: a file in a temporary directory, or a schema of its own in
//! the PostgreSQL database, dropped when the test ends.

use entente_store::Store;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The environment variable naming the PostgreSQL server to test against.
pub const POSTGRES_ENV: &str = "ENTENTE_TEST_POSTGRES";

/// Which store a test runs against.
#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    /// The server's URL, as `ENTENTE_TEST_POSTGRES` gives it.
    Postgres(String),
}

impl Backend {
    /// PostgreSQL, when `ENTENTE_TEST_POSTGRES` is set; otherwise `None`,
    /// with a line saying the test was skipped.
    pub fn postgres(test: &str) -> Option<Backend> {
        match std::env::var(POSTGRES_ENV) {
            Ok(url) if !url.is_empty() && cfg!(feature = "postgres") => {
                Some(Backend::Postgres(url))
            }
            Ok(url) if !url.is_empty() => {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "SKIPPED: {test} on PostgreSQL: built without the store's `postgres` feature"
                );
                None
            }
            _ => {
                // Straight to stderr, past the test harness's capture.
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "SKIPPED: {test} on PostgreSQL: set {POSTGRES_ENV}=postgres://... \
                     (scripts/postgres start DIR starts a server)"
                );
                None
            }
        }
    }

    /// A fresh, empty store's place (nothing is created until it is opened).
    pub fn place(&self) -> Place {
        match self {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary directory");
                Place {
                    path: dir.path().join("entente.db"),
                    cleanup: Cleanup::Dir(dir),
                }
            }
            Backend::Postgres(url) => {
                static NEXT: AtomicUsize = AtomicUsize::new(0);
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.subsec_nanos())
                    .unwrap_or(0);
                let schema = format!(
                    "test_{}_{}_{nanos}",
                    std::process::id(),
                    NEXT.fetch_add(1, Ordering::Relaxed)
                );
                let mut admin = ::postgres::Client::connect(url, ::postgres::NoTls)
                    .expect("the test server answers");
                admin
                    .batch_execute(&format!("CREATE SCHEMA {schema}"))
                    .expect("a schema for the test");
                let sep = if url.contains('?') { '&' } else { '?' };
                Place {
                    path: PathBuf::from(format!("{url}{sep}options=-csearch_path%3D{schema}")),
                    cleanup: Cleanup::Schema {
                        url: url.clone(),
                        schema,
                    },
                }
            }
        }
    }
}

/// Where a test's store lives; removed when dropped.
pub struct Place {
    /// The file's path, or the database's URL: what `--db` would be given.
    pub path: PathBuf,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(#[allow(dead_code)] tempfile::TempDir),
    Schema { url: String, schema: String },
}

impl Place {
    /// The store, opened (and created) for writing.
    pub fn open(&self) -> Store {
        Store::open(&self.path).expect("the test store opens")
    }

    /// Breaks the store under whoever has it open, so that reading
    /// documents fails in SQL: SQLite's pages after the first (the schema)
    /// overwritten with garbage; PostgreSQL's `documents` table renamed.
    pub fn break_store(&self) {
        match &self.cleanup {
            Cleanup::Dir(_) => {
                let mut bytes = std::fs::read(&self.path).expect("the store file");
                for b in bytes.iter_mut().skip(4096) {
                    *b = 0xA5;
                }
                std::fs::write(&self.path, bytes).expect("overwrites the store file");
            }
            Cleanup::Schema { url, schema } => {
                let mut admin = ::postgres::Client::connect(url, ::postgres::NoTls)
                    .expect("the test server answers");
                admin
                    .batch_execute(&format!("ALTER TABLE {schema}.documents RENAME TO gone"))
                    .expect("renames the documents table");
            }
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        if let Cleanup::Schema { url, schema } = &self.cleanup {
            if let Ok(mut admin) = ::postgres::Client::connect(url, ::postgres::NoTls) {
                let _ = admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"));
            }
        }
    }
}

/// Runs each named test function (`fn name(backend: &Backend)`) once per
/// back end: `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    super::$name(&$crate::common::backends::Backend::Sqlite);
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    if let Some(b) = $crate::common::backends::Backend::postgres(stringify!($name)) {
                        super::$name(&b);
                    }
                }
            )*
        }
    };
}
