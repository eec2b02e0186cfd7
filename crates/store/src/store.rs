//! The store handle: opening, configuring, counting and checking.

use crate::db::{DbError, Dialect, Exec};
use crate::error::{Result, StoreError};
use crate::events::EventTotals;
use crate::schema;
use entente_core::DocId;
use rusqlite::{Connection, OpenFlags, ToSql, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The default file name of a store.
pub const DEFAULT_PATH: &str = "entente.db";

/// How long a statement waits for another connection's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The page cache per connection, in KiB (as a negative `cache_size`).
const CACHE_KIB: i64 = -64 * 1024;

/// The page cache of a read-only connection, in KiB (as a negative `cache_size`).
const READ_CACHE_KIB: i64 = -4 * 1024;

/// An open store: one SQLite connection to one file, or one PostgreSQL
/// connection to one database (a `postgres://` or `postgresql://` URL given
/// as the path; see `docs/postgres.md`).
///
/// Open several on the same file to read while one writes (WAL lets readers
/// see the last committed state without waiting). Writes from several
/// handles are serialised by SQLite's lock; on PostgreSQL by a lock the
/// store takes for each batch, so that several processes on several
/// machines can write to one database at once.
pub struct Store {
    pub(crate) backend: Backend,
    pub(crate) path: PathBuf,
    /// The totals [`Store::event_page`] counted, kept so that the next
    /// page of a filter does not count its matches again.
    pub(crate) totals: Arc<EventTotals>,
}

/// How many rows each table holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub mentions: u64,
    pub events: u64,
    pub quotations: u64,
    pub deployments: u64,
    /// Knowledge-base updates, whatever their status.
    pub updates: u64,
}

/// The connection behind a store.
pub(crate) enum Backend {
    Sqlite(Connection),
    #[cfg(feature = "postgres")]
    Postgres(Box<std::cell::RefCell<crate::db::pg::Pg>>),
}

/// Whether `path` names a PostgreSQL database (`postgres://...` or
/// `postgresql://...`) rather than an SQLite file.
pub fn is_postgres(path: &Path) -> bool {
    path.to_str()
        .is_some_and(|p| p.starts_with("postgres://") || p.starts_with("postgresql://"))
}

/// `path` as messages show it: a PostgreSQL URL without its password, a
/// file's path as it is.
pub fn display_path(path: &Path) -> PathBuf {
    if is_postgres(path) {
        crate::postgres::shown(path)
    } else {
        path.to_path_buf()
    }
}

impl Store {
    /// Opens the store at `path`, creating the file and migrating its schema
    /// to the current version as needed. A `postgres://` URL opens (and
    /// migrates) a PostgreSQL database instead.
    pub fn open(path: &Path) -> Result<Store> {
        if is_postgres(path) {
            return crate::postgres::open(path, false);
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::configure(conn, path.to_path_buf())
    }

    /// Opens an existing store for reading only: a missing file is an
    /// error rather than a new empty store, and nothing is migrated (a file
    /// of another schema version is refused). Writing through it fails.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if is_postgres(path) {
            return crate::postgres::open(path, true);
        }
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        let found: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(open_err)?;
        if found != schema::SCHEMA_VERSION {
            return Err(StoreError::SchemaMismatch {
                path: path.to_path_buf(),
                found,
                expected: schema::SCHEMA_VERSION,
            });
        }
        // Reads walk the same index pages again and again: keep a few more
        // than SQLite's default 2 MiB. Not as many as a writer: a larger
        // cache served no faster under load, and it grows a server with
        // its store (the rest of the file is in the OS's cache anyway).
        conn.pragma_update(None, "cache_size", READ_CACHE_KIB)
            .map_err(open_err)?;
        Ok(Store {
            backend: Backend::Sqlite(conn),
            path: path.to_path_buf(),
            totals: Arc::default(),
        })
    }

    /// A store that lives in memory and disappears when dropped (tests,
    /// one-shot runs).
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Store::configure(conn, path)
    }

    fn configure(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let open_err = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // WAL: readers do not block the writer, and a killed writer leaves
        // only whole transactions. NORMAL sync is durable against a process
        // crash; a power cut may lose the last commits, never corrupt.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(open_err)?;
        // Fact tables carry several indexes; a larger page cache keeps
        // their hot pages in memory during bulk writes.
        conn.pragma_update(None, "cache_size", CACHE_KIB)
            .map_err(open_err)?;
        schema::migrate(&mut conn, &path)?;
        Ok(Store {
            backend: Backend::Sqlite(conn),
            path,
            totals: Arc::default(),
        })
    }

    /// Shares `totals` with the other connections that hold it: a filter's
    /// total counted through one of them is not counted again through
    /// another (a server's readers share one).
    pub fn share_totals(&mut self, totals: Arc<EventTotals>) {
        self.totals = totals;
    }

    /// The file this store lives in (`:memory:` for an in-memory store; the
    /// URL, without its password, for a PostgreSQL database).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the file (or database).
    pub fn schema_version(&self) -> Result<u32> {
        let sql = match self.dialect() {
            Dialect::Sqlite => "PRAGMA user_version",
            Dialect::Postgres => "SELECT coalesce(max(version), 0) FROM entente_schema",
        };
        self.one("reading the schema version", sql, &[], |r| {
            r.get::<_, i64>(0)
                .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
        })
    }

    /// Whether a document with this content id is stored.
    pub fn contains(&self, id: &DocId) -> Result<bool> {
        self.opt(
            &format!("looking up document {id}"),
            "SELECT 1 FROM documents WHERE id = ?1",
            &[&id.as_str()],
            |_| Ok(()),
        )
        .map(|found| found.is_some())
    }

    /// The number of rows in each table, as of one moment.
    pub fn counts(&self) -> Result<Counts> {
        // One statement, so one snapshot: the counts agree with each other
        // even while another connection writes.
        let count = |r: &crate::db::Row, i| r.get::<_, i64>(i).map(|n| n.max(0) as u64);
        self.one(
            "counting rows",
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions),
                    (SELECT count(*) FROM events), (SELECT count(*) FROM quotations),
                    (SELECT count(*) FROM deployments), (SELECT count(*) FROM kb_updates)",
            &[],
            |r| {
                Ok(Counts {
                    documents: count(r, 0)?,
                    mentions: count(r, 1)?,
                    events: count(r, 2)?,
                    quotations: count(r, 3)?,
                    deployments: count(r, 4)?,
                    updates: count(r, 5)?,
                })
            },
        )
    }

    /// Runs SQLite's `integrity_check` and `foreign_key_check`, and checks
    /// the full-text index against the documents. PostgreSQL enforces its
    /// constraints and keeps its search column itself: there, the check
    /// only looks for documents without story rows' documents and for
    /// stories that point nowhere.
    pub fn integrity_check(&self) -> Result<()> {
        let mut problems = Vec::new();
        let what = "checking integrity";
        match &self.backend {
            Backend::Sqlite(conn) => {
                let mut st = conn
                    .prepare("PRAGMA integrity_check")
                    .map_err(|source| self.sql_err(what, source))?;
                let rows = st
                    .query_map([], |r| r.get::<_, String>(0))
                    .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                    .map_err(|source| self.sql_err(what, source))?;
                problems.extend(rows.into_iter().filter(|r| r != "ok"));
                let mut st = conn
                    .prepare("PRAGMA foreign_key_check")
                    .map_err(|source| self.sql_err(what, source))?;
                let rows = st
                    .query_map([], |r| {
                        Ok(format!(
                            "row {} of {} references a missing {}",
                            r.get::<_, Option<i64>>(1)?.unwrap_or(-1),
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(2)?
                        ))
                    })
                    .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                    .map_err(|source| self.sql_err(what, source))?;
                problems.extend(rows);
                if let Err(e) = conn.execute(
                    "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)",
                    [],
                ) {
                    problems.push(format!("full-text index: {e}"));
                }
            }
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => {
                let orphans = self.one(
                    what,
                    "SELECT count(*) FROM documents d
                     WHERE d.story IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM documents s WHERE s.seq = d.story)",
                    &[],
                    |r| r.get::<_, i64>(0),
                )?;
                if orphans > 0 {
                    problems.push(format!("{orphans} documents of a missing story"));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone(),
                problems,
            })
        }
    }

    /// The SQL this store speaks.
    pub(crate) fn dialect(&self) -> Dialect {
        match &self.backend {
            Backend::Sqlite(_) => Dialect::Sqlite,
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs `f` on this store's connection.
    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&mut Exec) -> std::result::Result<T, DbError>,
    ) -> std::result::Result<T, DbError> {
        match &self.backend {
            Backend::Sqlite(conn) => f(&mut Exec::Sqlite(conn)),
            #[cfg(feature = "postgres")]
            Backend::Postgres(pg) => {
                let mut pg = pg.try_borrow_mut().map_err(|_| DbError::Reentrant)?;
                f(&mut Exec::Postgres(&mut *pg))
            }
        }
    }

    /// Every row of `sql`, through `map`; `what` names the reading in errors.
    pub(crate) fn rows<T>(
        &self,
        what: &str,
        sql: &str,
        params: &[&dyn ToSql],
        map: impl FnMut(&crate::db::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        self.with(|ex| ex.query(sql, params, map))
            .map_err(|e| self.decode_err(what, e))
    }

    /// The first row of `sql`, if any, through `map`.
    pub(crate) fn opt<T>(
        &self,
        what: &str,
        sql: &str,
        params: &[&dyn ToSql],
        map: impl FnMut(&crate::db::Row) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        self.with(|ex| ex.query_opt(sql, params, map))
            .map_err(|e| self.decode_err(what, e))
    }

    /// The first row of `sql` through `map`; no row is an error.
    pub(crate) fn one<T>(
        &self,
        what: &str,
        sql: &str,
        params: &[&dyn ToSql],
        map: impl FnMut(&crate::db::Row) -> rusqlite::Result<T>,
    ) -> Result<T> {
        self.with(|ex| ex.query_one(sql, params, map))
            .map_err(|e| self.decode_err(what, e))
    }

    /// Runs `f` in one write transaction, committed when it succeeds and
    /// rolled back when it fails. It holds the store's write lock from its
    /// start (SQLite's `BEGIN IMMEDIATE`; on PostgreSQL a transaction-level
    /// advisory lock), so concurrent writers wait instead of failing midway.
    pub(crate) fn write<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&mut Exec) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let err = |source: DbError| sql_error(&path, what, source);
        match &mut self.backend {
            Backend::Sqlite(conn) => {
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(|e| err(e.into()))?;
                let out = f(&mut Exec::Sqlite(&tx))?;
                tx.commit().map_err(|e| err(e.into()))?;
                Ok(out)
            }
            #[cfg(feature = "postgres")]
            Backend::Postgres(pg) => crate::postgres::write(pg.get_mut(), f, err),
        }
    }

    pub(crate) fn sql_err(
        &self,
        what: impl Into<String>,
        source: impl Into<DbError>,
    ) -> StoreError {
        sql_error(&self.path, &what.into(), source.into())
    }

    pub(crate) fn decode_err(
        &self,
        what: impl Into<String>,
        source: impl Into<DbError>,
    ) -> StoreError {
        match source.into() {
            DbError::Sqlite(rusqlite::Error::FromSqlConversionFailure(idx, _, e)) => {
                StoreError::Decode {
                    path: self.path.clone(),
                    what: format!("{} (column {idx})", what.into()),
                    reason: e.to_string(),
                }
            }
            other => self.sql_err(what, other),
        }
    }
}

/// A failed statement as the store's error.
pub(crate) fn sql_error(path: &Path, what: &str, source: DbError) -> StoreError {
    let what = format!("{what} in store {}", path.display());
    match source {
        DbError::Sqlite(source) => StoreError::Sqlite { what, source },
        #[cfg(feature = "postgres")]
        DbError::Postgres(source) => StoreError::Postgres { what, source },
        DbError::Reentrant => StoreError::Backend {
            path: path.to_path_buf(),
            what,
            reason: "a statement was started while another was being read".into(),
        },
        DbError::Closed => StoreError::Backend {
            path: path.to_path_buf(),
            what,
            reason: "the connection was closed".into(),
        },
    }
}

impl Drop for Store {
    // Irrefutable without the `postgres` feature.
    #[allow(irrefutable_let_patterns)]
    fn drop(&mut self) {
        // SQLite's advice for long-lived files: refresh the planner's
        // statistics on close. Cheap; a failure (a read-only file) is moot.
        if let Backend::Sqlite(conn) = &self.backend {
            let _ = conn.execute_batch("PRAGMA optimize");
        }
    }
}

#[cfg(test)]
impl Store {
    /// The SQLite connection of a store the tests opened on a file.
    pub(crate) fn sqlite(&self) -> &Connection {
        match &self.backend {
            Backend::Sqlite(conn) => conn,
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => panic!("an SQLite store was expected"),
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_store_is_empty_and_sound() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.counts().unwrap(), Counts::default());
        assert_eq!(store.schema_version().unwrap(), schema::SCHEMA_VERSION);
        store.integrity_check().unwrap();
        assert!(!store.contains(&DocId("nope".into())).unwrap());
    }

    #[test]
    fn integrity_check_reports_orphans_and_a_stale_index() {
        let store = Store::open_in_memory().unwrap();
        store
            .sqlite()
            .execute_batch(
                "PRAGMA foreign_keys = OFF;
                 INSERT INTO paragraphs (document, ord, span_start, span_end)
                 VALUES (999, 0, 0, 1);",
            )
            .unwrap();
        let err = store.integrity_check().unwrap_err();
        assert!(err.to_string().contains("paragraphs"), "{err}");

        let store = Store::open_in_memory().unwrap();
        store
            .sqlite()
            .execute_batch(
                "INSERT INTO documents (id, origin_path, text, related_links, dropped, offsets,
                     stored_at)
                 VALUES ('d', 'a.txt', 'some text', '[]', '[]', '{}', 'now');
                 DROP TRIGGER documents_fts_delete;
                 DELETE FROM documents;",
            )
            .unwrap();
        let err = store.integrity_check().unwrap_err();
        assert!(err.to_string().contains("full-text"), "{err}");
    }

    #[test]
    fn read_only_store_refuses_missing_files_and_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("entente.db");
        let err = Store::open_read_only(&path).unwrap_err();
        assert!(err.to_string().contains("entente.db"), "{err}");
        assert!(!path.exists(), "a read-only open created the file");

        drop(Store::open(&path).unwrap());
        let mut store = Store::open_read_only(&path).unwrap();
        assert_eq!(store.counts().unwrap(), Counts::default());
        let err = store
            .propose_update(&crate::ProposedUpdate {
                kind: "note".into(),
                payload: serde_json::json!(null),
                doc: None,
                sentence: None,
                evidence: None,
                fact: None,
            })
            .unwrap_err();
        assert!(err.to_string().contains("readonly"), "{err}");
    }

    #[test]
    fn read_only_store_refuses_an_unmigrated_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let err = Store::open_read_only(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::SchemaMismatch { found: 0, .. }),
            "{err}"
        );
    }

    #[test]
    fn foreign_keys_are_enforced() {
        let store = Store::open_in_memory().unwrap();
        let err = store
            .sqlite()
            .execute(
                "INSERT INTO paragraphs (document, ord, span_start, span_end) VALUES (999, 0, 0, 1)",
                [],
            )
            .unwrap_err();
        assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    }
}
