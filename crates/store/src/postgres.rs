//! The PostgreSQL back end: opening a database by URL, its schema and
//! migrations, and its write transactions.
//!
//! The tables are SQLite's, in PostgreSQL's dialect: the same names and
//! columns, integers as `BIGINT`, reals as `DOUBLE PRECISION`, blobs as
//! `BYTEA`, text compared byte by byte (`COLLATE "C"`, SQLite's order, which
//! the listing order and the prefix ranges of codes rely on), the computed
//! columns stored, and the full-text index a `tsvector` column with a GIN
//! index. The schema version is the largest `version` in `entente_schema`
//! (SQLite's `PRAGMA user_version`) and counts the same migrations: a
//! PostgreSQL store starts at version 8, which its first script creates
//! whole, so its scripts 2 to 8 are empty; a later migration (9 on) is
//! appended to both lists.
//!
//! Writers: a batch is one transaction that first takes a transaction-level
//! advisory lock, so batches from several processes (on several machines)
//! are written one after another as they are on SQLite, and a document's
//! story is found among every document committed before it. The content id
//! stays the key: a document already stored is skipped (`ON CONFLICT DO
//! NOTHING`), and a killed writer loses only its uncommitted batch.

use crate::error::{Result, StoreError};
use crate::schema::SCHEMA_VERSION;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// `path` shown in messages: the URL without its password.
pub(crate) fn shown(path: &Path) -> PathBuf {
    let url = path.to_string_lossy();
    let Some((scheme, rest)) = url.split_once("://") else {
        return PathBuf::from(url.as_ref());
    };
    let (authority, tail) = match rest.find('/') {
        Some(i) => (
            rest.get(..i).unwrap_or_default(),
            rest.get(i..).unwrap_or_default(),
        ),
        None => (rest, ""),
    };
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{name}:***@{host}"),
            None => format!("{user}@{host}"),
        },
        None => authority.to_string(),
    };
    PathBuf::from(format!("{scheme}://{authority}{tail}"))
}

#[cfg(not(feature = "postgres"))]
pub(crate) fn open(path: &Path, _read_only: bool) -> Result<Store> {
    Err(StoreError::NoPostgres {
        url: shown(path).display().to_string(),
    })
}

#[cfg(feature = "postgres")]
pub(crate) use with_client::{blocking, open, snapshot, write};

#[cfg(feature = "postgres")]
mod with_client {
    use super::*;
    use crate::db::pg::{Pg, Run, Tx};
    use crate::db::{DbError, Exec};
    use crate::store::Backend;
    use crate::tls::{SslMode, TlsSettings};
    use std::cell::RefCell;
    use std::sync::Arc;

    /// The advisory lock every write transaction holds (any number of our
    /// own; it only has to be the same for every writer).
    const WRITE_LOCK: i64 = 0x656e_7465_6e74_6501;
    /// The advisory lock migrations hold.
    const MIGRATE_LOCK: i64 = 0x656e_7465_6e74_6502;

    fn pg_err(what: String) -> impl FnOnce(postgres::Error) -> StoreError {
        move |source| StoreError::Postgres { what, source }
    }

    /// Runs `f`, which blocks on the PostgreSQL client's own runtime, so
    /// that it may block: the client's `block_on` panics on a thread that
    /// is inside a tokio runtime (a store opened, used or dropped in async
    /// code). On a multi-threaded runtime `f` runs in
    /// [`tokio::task::block_in_place`] (which hands the worker's tasks to
    /// another thread, and on the runtime's blocking threads, where
    /// `spawn_blocking` runs the server's queries, just runs `f`); on a
    /// current-thread runtime, which cannot give its thread up, on a
    /// thread of its own for the call; elsewhere, as is.
    pub(crate) fn blocking<T: Send>(f: impl FnOnce() -> T + Send) -> T {
        use tokio::runtime::{Handle, RuntimeFlavor};
        match Handle::try_current().map(|h| h.runtime_flavor()) {
            Err(_) => f(),
            Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
            Ok(_) => std::thread::scope(|s| match s.spawn(f).join() {
                Ok(out) => out,
                // `f`'s own panic, passed on as it is.
                Err(panic) => std::panic::resume_unwind(panic),
            }),
        }
    }

    /// Opens (and, unless `read_only`, migrates) the database at the URL `path`.
    pub(crate) fn open(path: &Path, read_only: bool) -> Result<Store> {
        let shown = shown(path);
        let url = path.to_string_lossy();
        let client = blocking(|| connect(&url, &shown, read_only))?;
        Ok(Store {
            backend: Backend::Postgres(Box::new(RefCell::new(Pg {
                client: Some(client),
                statements: Default::default(),
            }))),
            path: shown,
            totals: Arc::default(),
        })
    }

    /// Connects to `url`, with TLS as its `sslmode` asks (see
    /// [`crate::tls`]), and checks (`read_only`) or migrates its schema.
    fn connect(url: &str, shown: &Path, read_only: bool) -> Result<postgres::Client> {
        let tls = TlsSettings::from_url(url, shown)?;
        let mut config: postgres::Config = tls
            .url
            .parse()
            .map_err(pg_err(format!("cannot open store {}", shown.display())))?;
        config.ssl_mode(tls.client_mode());
        let connected = if tls.mode == SslMode::Disable {
            config.connect(postgres::NoTls)
        } else {
            config.connect(tls.connector(shown)?)
        };
        let mut client = connected.map_err(|e| tls.connect_error(shown, e))?;
        if read_only {
            let found = version(&mut client)
                .map_err(pg_err(format!("cannot open store {}", shown.display())))?;
            if found != i64::from(SCHEMA_VERSION) {
                return Err(StoreError::SchemaMismatch {
                    path: shown.to_path_buf(),
                    found: u32::try_from(found).unwrap_or(u32::MAX),
                    expected: SCHEMA_VERSION,
                });
            }
            client
                .batch_execute("SET default_transaction_read_only = on")
                .map_err(pg_err(format!("cannot open store {}", shown.display())))?;
        } else {
            migrate(&mut client, shown)?;
        }
        Ok(client)
    }

    /// The schema version of the database; 0 when it has none.
    fn version<C: postgres::GenericClient>(
        client: &mut C,
    ) -> std::result::Result<i64, postgres::Error> {
        let exists: bool = client
            .query_one("SELECT to_regclass('entente_schema') IS NOT NULL", &[])?
            .try_get(0)?;
        if !exists {
            return Ok(0);
        }
        client
            .query_one("SELECT coalesce(max(version), 0) FROM entente_schema", &[])?
            .try_get(0)
    }

    /// Brings the database's schema up to [`SCHEMA_VERSION`], in one
    /// transaction that holds the migration lock (two workers starting at
    /// once migrate once).
    fn migrate(client: &mut postgres::Client, path: &Path) -> Result<()> {
        let what = |version: u32| {
            format!(
                "cannot migrate store {} to schema version {version}",
                path.display()
            )
        };
        let mut tx = client.transaction().map_err(pg_err(what(SCHEMA_VERSION)))?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])
            .map_err(pg_err(what(SCHEMA_VERSION)))?;
        let found = version(&mut tx).map_err(pg_err(what(SCHEMA_VERSION)))?;
        if found > i64::from(SCHEMA_VERSION) {
            return Err(StoreError::SchemaTooNew {
                path: path.to_path_buf(),
                found: u32::try_from(found).unwrap_or(u32::MAX),
                supported: SCHEMA_VERSION,
            });
        }
        if found == i64::from(SCHEMA_VERSION) {
            return tx.commit().map_err(pg_err(what(SCHEMA_VERSION)));
        }
        tx.batch_execute("CREATE TABLE IF NOT EXISTS entente_schema (version BIGINT NOT NULL)")
            .map_err(pg_err(what(1)))?;
        let skip = usize::try_from(found).unwrap_or(0);
        for (i, script) in MIGRATIONS.iter().enumerate().skip(skip) {
            let version = i as u32 + 1;
            tx.batch_execute(script).map_err(pg_err(what(version)))?;
        }
        tx.execute("DELETE FROM entente_schema", &[])
            .and_then(|_| {
                tx.execute(
                    "INSERT INTO entente_schema (version) VALUES ($1)",
                    &[&i64::from(SCHEMA_VERSION)],
                )
            })
            .map_err(pg_err(what(SCHEMA_VERSION)))?;
        tx.commit().map_err(pg_err(what(SCHEMA_VERSION)))
    }

    /// Runs `f` in one transaction holding the write lock.
    pub(crate) fn write<T>(
        pg: &mut Pg,
        f: impl FnOnce(&mut Exec) -> Result<T>,
        err: impl Fn(DbError) -> StoreError,
    ) -> Result<T> {
        let (client, statements) = pg.parts().map_err(&err)?;
        let tx = blocking(|| client.transaction()).map_err(|e| err(e.into()))?;
        let mut tx = Tx { tx, statements };
        let out = tx
            .run_execute(&format!("SELECT pg_advisory_xact_lock({WRITE_LOCK})"), &[])
            .map_err(&err)
            .and_then(|_| f(&mut Exec::Postgres(&mut tx)));
        let Tx { tx, .. } = tx;
        match out {
            Ok(out) => {
                blocking(move || tx.commit()).map_err(|e| err(e.into()))?;
                Ok(out)
            }
            Err(e) => {
                // Dropping the transaction rolls it back, which blocks.
                blocking(move || drop(tx));
                Err(e)
            }
        }
    }

    /// Runs `f` in one read-only transaction that sees one snapshot.
    pub(crate) fn snapshot<T>(
        store: &Store,
        pg: &RefCell<Pg>,
        what: &str,
        f: impl FnOnce(&Store) -> Result<T>,
    ) -> Result<T> {
        let run = |sql: &str| -> Result<()> {
            let mut pg = pg
                .try_borrow_mut()
                .map_err(|_| store.sql_err(what, DbError::Reentrant))?;
            let (client, _) = pg.parts().map_err(|e| store.sql_err(what, e))?;
            blocking(|| client.batch_execute(sql)).map_err(|e| store.sql_err(what, e))
        };
        run("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
        let out = f(store);
        match out {
            Ok(v) => {
                run("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                // The error is what matters; a failed rollback leaves the
                // connection to the next statement, which reports it.
                let _ = run("ROLLBACK");
                Err(e)
            }
        }
    }
}

/// Migration scripts, in order; as many as SQLite's (see the module's doc).
#[cfg_attr(not(feature = "postgres"), allow(dead_code))]
const MIGRATIONS: [&str; SCHEMA_VERSION as usize] = [V8, "", "", "", "", "", "", "", V9];

/// Version 9, as SQLite's: `place_country` falls back only on an actor
/// code's country, never on a sector or religion code it starts with
/// ("SPY", "REB"); the codes are `entente_core::lexicon::role_codes` (a
/// test keeps the two lists in step).
#[cfg_attr(not(feature = "postgres"), allow(dead_code))]
const V9: &str = r#"
DROP INDEX events_place;
ALTER TABLE events DROP COLUMN place_country;
ALTER TABLE events ADD COLUMN place_country TEXT COLLATE "C" GENERATED ALWAYS AS (coalesce(
        nullif(location::jsonb ->> 'country', ''),
        CASE WHEN substr(target_code, 1, 3) ~ '^[A-Z]{3}$'
              AND substr(target_code, 1, 3) NOT IN ('IGO', 'NGO', 'MNC', 'UIS', 'IMG', 'NGM')
              AND substr(target_code, 1, 3) NOT IN (
                  'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY',
                  'UAF', 'AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI', 'ENV',
                  'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'MOD', 'RAD', 'REF', 'SET',
                  'PTY', 'PPL', 'REL', 'ADR', 'ALE', 'ATH', 'BAH', 'BUD', 'CHR',
                  'CON', 'CPT', 'CTH', 'DOX', 'ITH', 'HIN', 'JAN', 'JEW', 'JHW',
                  'LDS', 'MOS', 'MRN', 'NRM', 'PAG', 'PRO', 'SFI', 'SHI', 'SIK',
                  'SUN', 'TAO', 'ZRO')
             THEN substr(target_code, 1, 3) END,
        CASE WHEN substr(source_code, 1, 3) ~ '^[A-Z]{3}$'
              AND substr(source_code, 1, 3) NOT IN ('IGO', 'NGO', 'MNC', 'UIS', 'IMG', 'NGM')
              AND substr(source_code, 1, 3) NOT IN (
                  'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY',
                  'UAF', 'AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI', 'ENV',
                  'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'MOD', 'RAD', 'REF', 'SET',
                  'PTY', 'PPL', 'REL', 'ADR', 'ALE', 'ATH', 'BAH', 'BUD', 'CHR',
                  'CON', 'CPT', 'CTH', 'DOX', 'ITH', 'HIN', 'JAN', 'JEW', 'JHW',
                  'LDS', 'MOS', 'MRN', 'NRM', 'PAG', 'PRO', 'SFI', 'SHI', 'SIK',
                  'SUN', 'TAO', 'ZRO')
             THEN substr(source_code, 1, 3) END)) STORED;
CREATE INDEX events_place ON events (place_country, sort_key, id);
"#;

/// The schema of version 8 (SQLite's scripts 1 to 8), in PostgreSQL's
/// dialect. See `schema.rs` for what each table and column is.
#[cfg_attr(not(feature = "postgres"), allow(dead_code))]
const V8: &str = r#"
CREATE TABLE documents (
    seq            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    id             TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(id) > 0),
    external_id    TEXT COLLATE "C",
    origin_path    TEXT COLLATE "C" NOT NULL,
    origin_locator TEXT COLLATE "C",
    url            TEXT COLLATE "C",
    title          TEXT COLLATE "C",
    published      TEXT COLLATE "C",
    source         TEXT COLLATE "C",
    text           TEXT COLLATE "C" NOT NULL,
    related_links  TEXT NOT NULL CHECK (related_links::jsonb IS NOT NULL),
    dropped        TEXT NOT NULL CHECK (dropped::jsonb IS NOT NULL),
    offsets        TEXT NOT NULL CHECK (offsets::jsonb IS NOT NULL),
    stored_at      TEXT COLLATE "C" NOT NULL,
    spans_found    BIGINT NOT NULL DEFAULT 0 CHECK (spans_found IN (0, 1)),
    story          BIGINT,
    -- The full-text index: title and text stemmed as English, kept by
    -- documents_fts_update.
    fts            tsvector NOT NULL
);
-- A tsvector holds at most 1 MiB: a text whose words do not fit (a few MiB
-- of distinct words; the 64 MiB document limit allows it) is indexed by its
-- first 256 Ki characters instead of failing to be stored.
CREATE FUNCTION entente_documents_fts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        NEW.fts := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
                   || to_tsvector('english', NEW.text);
    EXCEPTION WHEN program_limit_exceeded THEN
        NEW.fts := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
                   || to_tsvector('english', left(NEW.text, 262144));
    END;
    RETURN NEW;
END;
$$;
CREATE TRIGGER documents_fts_update BEFORE INSERT OR UPDATE OF title, text ON documents
    FOR EACH ROW EXECUTE FUNCTION entente_documents_fts();
CREATE INDEX documents_external_id ON documents (external_id);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_source ON documents (source);
CREATE INDEX documents_story ON documents (story) WHERE story IS NOT NULL;
CREATE INDEX documents_fts ON documents USING gin (fts);

CREATE TABLE paragraphs (
    document       BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord            BIGINT NOT NULL,
    span_start     BIGINT NOT NULL,
    span_end       BIGINT NOT NULL CHECK (span_end >= span_start),
    original_start BIGINT,
    original_end   BIGINT,
    PRIMARY KEY (document, ord)
);

CREATE TABLE mentions (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document    BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord         BIGINT NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    span_start  BIGINT NOT NULL,
    span_end    BIGINT NOT NULL CHECK (span_end >= span_start),
    code        TEXT COLLATE "C" NOT NULL,
    actor       TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    role        TEXT COLLATE "C",
    sector      TEXT COLLATE "C",
    affiliation TEXT COLLATE "C",
    confidence  DOUBLE PRECISION NOT NULL,
    candidates  TEXT NOT NULL CHECK (candidates::jsonb IS NOT NULL),
    UNIQUE (document, ord)
);
CREATE INDEX mentions_actor ON mentions (actor);
CREATE INDEX mentions_code ON mentions (code);

CREATE TABLE events (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document       BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord            BIGINT NOT NULL,
    doc            TEXT COLLATE "C" NOT NULL,
    sentence       BIGINT NOT NULL,
    source_code    TEXT COLLATE "C" NOT NULL,
    source_actor   TEXT COLLATE "C" NOT NULL,
    source_name    TEXT COLLATE "C" NOT NULL,
    target_code    TEXT COLLATE "C",
    target_actor   TEXT COLLATE "C",
    target_name    TEXT COLLATE "C",
    cameo          TEXT COLLATE "C" NOT NULL,
    plover         TEXT COLLATE "C",
    quad_class     BIGINT NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    date           TEXT COLLATE "C",
    date_precision TEXT COLLATE "C" NOT NULL,
    negated        BIGINT NOT NULL CHECK (negated IN (0, 1)),
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL CHECK (evidence_end >= evidence_start),
    evidence_text  TEXT COLLATE "C" NOT NULL,
    retold         TEXT NOT NULL DEFAULT '[]' CHECK (retold::jsonb IS NOT NULL),
    copy           BIGINT NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)),
    location       TEXT CHECK (location IS NULL OR location::jsonb IS NOT NULL),
    sort_key       TEXT COLLATE "C" GENERATED ALWAYS AS (coalesce(date, '~')) STORED,
    source_country TEXT COLLATE "C" GENERATED ALWAYS AS (CASE
        WHEN substr(source_code, 1, 3) ~ '^[A-Z]{3}$'
         AND substr(source_code, 1, 3) NOT IN ('IGO', 'NGO', 'MNC', 'UIS', 'IMG', 'NGM')
        THEN substr(source_code, 1, 3) END) STORED,
    target_country TEXT COLLATE "C" GENERATED ALWAYS AS (CASE
        WHEN substr(target_code, 1, 3) ~ '^[A-Z]{3}$'
         AND substr(target_code, 1, 3) NOT IN ('IGO', 'NGO', 'MNC', 'UIS', 'IMG', 'NGM')
        THEN substr(target_code, 1, 3) END) STORED,
    place_country  TEXT COLLATE "C" GENERATED ALWAYS AS (coalesce(
        nullif(location::jsonb ->> 'country', ''),
        CASE WHEN substr(target_code, 1, 3) ~ '^[A-Z]{3}$'
              AND substr(target_code, 1, 3) NOT IN ('IGO', 'NGO', 'MNC', 'UIS', 'IMG', 'NGM')
             THEN substr(target_code, 1, 3) END,
        CASE WHEN substr(source_code, 1, 3) ~ '^[A-Z]{3}$'
              AND substr(source_code, 1, 3) NOT IN ('IGO', 'NGO', 'MNC', 'UIS', 'IMG', 'NGM')
             THEN substr(source_code, 1, 3) END)) STORED,
    UNIQUE (document, ord)
);
CREATE INDEX events_doc ON events (doc);
CREATE INDEX events_order ON events (sort_key, id);
CREATE INDEX events_plover ON events (plover, sort_key, id);
CREATE INDEX events_quad ON events (quad_class, sort_key, id);
CREATE INDEX events_source_country ON events (source_country, sort_key, id);
CREATE INDEX events_target_country ON events (target_country, sort_key, id);
CREATE INDEX events_source_order ON events (source_code, sort_key, id);
CREATE INDEX events_target_order ON events (target_code, sort_key, id);
CREATE INDEX events_source_actor ON events (source_actor, sort_key, id);
CREATE INDEX events_target_actor ON events (target_actor, sort_key, id);
CREATE INDEX events_cameo ON events (cameo, sort_key, id);
CREATE INDEX events_place ON events (place_country, sort_key, id);

CREATE TABLE quotations (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document       BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord            BIGINT NOT NULL,
    doc            TEXT COLLATE "C" NOT NULL,
    sentence       BIGINT NOT NULL,
    speaker_name   TEXT COLLATE "C",
    speaker_code   TEXT COLLATE "C",
    target_code    TEXT COLLATE "C",
    target_actor   TEXT COLLATE "C",
    target_name    TEXT COLLATE "C",
    text           TEXT COLLATE "C" NOT NULL,
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL CHECK (evidence_end >= evidence_start),
    evidence_text  TEXT COLLATE "C" NOT NULL,
    UNIQUE (document, ord)
);
CREATE INDEX quotations_speaker_name ON quotations (speaker_name);
CREATE INDEX quotations_speaker_code ON quotations (speaker_code);

CREATE TABLE deployments (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document        BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord             BIGINT NOT NULL,
    doc             TEXT COLLATE "C" NOT NULL,
    sentence        BIGINT NOT NULL,
    by_code         TEXT COLLATE "C" NOT NULL,
    personnel_kind  TEXT COLLATE "C",
    personnel_count BIGINT,
    role            TEXT COLLATE "C",
    status          TEXT COLLATE "C" NOT NULL,
    start_date      TEXT COLLATE "C",
    start_precision TEXT COLLATE "C",
    review_date     TEXT COLLATE "C",
    end_date        TEXT COLLATE "C",
    requested_by    TEXT COLLATE "C",
    purpose         TEXT COLLATE "C",
    evidence_start  BIGINT NOT NULL,
    evidence_end    BIGINT NOT NULL CHECK (evidence_end >= evidence_start),
    evidence_text   TEXT COLLATE "C" NOT NULL,
    UNIQUE (document, ord),
    CHECK ((personnel_kind IS NULL) = (personnel_count IS NULL))
);
CREATE INDEX deployments_by ON deployments (by_code);

CREATE TABLE deployment_destinations (
    deployment_id BIGINT NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
    ord           BIGINT NOT NULL,
    country       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (deployment_id, ord)
);
CREATE INDEX deployment_destinations_country ON deployment_destinations (country);

CREATE TABLE kb_updates (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    kind           TEXT COLLATE "C" NOT NULL,
    payload        TEXT NOT NULL CHECK (payload::jsonb IS NOT NULL),
    doc            TEXT COLLATE "C",
    sentence       BIGINT,
    evidence_start BIGINT,
    evidence_end   BIGINT,
    evidence_text  TEXT COLLATE "C",
    status         TEXT COLLATE "C" NOT NULL DEFAULT 'proposed'
                   CHECK (status IN ('proposed', 'accepted', 'rejected')),
    proposed_at    TEXT COLLATE "C" NOT NULL,
    decided_at     TEXT COLLATE "C",
    fact_key       TEXT COLLATE "C",
    fact_date      TEXT COLLATE "C"
);
CREATE INDEX kb_updates_status ON kb_updates (status);
CREATE INDEX kb_updates_kind ON kb_updates (kind);
CREATE INDEX kb_updates_fact ON kb_updates (fact_key);

-- `rowid` keeps SQLite's name for the order rows were added in.
CREATE TABLE kb_update_evidence (
    rowid          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    update_id      BIGINT NOT NULL REFERENCES kb_updates (id),
    doc            TEXT COLLATE "C",
    sentence       BIGINT,
    evidence_start BIGINT,
    evidence_end   BIGINT,
    evidence_text  TEXT COLLATE "C",
    added_at       TEXT COLLATE "C" NOT NULL
);
CREATE INDEX kb_update_evidence_update ON kb_update_evidence (update_id);
CREATE INDEX kb_update_evidence_doc ON kb_update_evidence (doc);

CREATE TABLE dates (
    document   BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord        BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end   BIGINT NOT NULL CHECK (span_end >= span_start),
    date       TEXT COLLATE "C" NOT NULL,
    precision  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (document, ord)
);

CREATE TABLE quantities (
    document   BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord        BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end   BIGINT NOT NULL CHECK (span_end >= span_start),
    value      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (document, ord)
);

CREATE TABLE event_deletions (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    deleted BIGINT NOT NULL
);
INSERT INTO event_deletions (id, deleted) VALUES (1, 0);
CREATE FUNCTION entente_count_event_deletions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_deletions SET deleted = deleted + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER events_deleted AFTER DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION entente_count_event_deletions();

CREATE TABLE story_signatures (
    document BIGINT PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
    minhash  BYTEA NOT NULL CHECK (octet_length(minhash) = 1024)
);
CREATE TABLE story_bands (
    band_key BIGINT NOT NULL,
    document BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    PRIMARY KEY (band_key, document)
);
CREATE INDEX story_bands_document ON story_bands (document);
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_shown() {
        let show = |u: &str| shown(Path::new(u)).display().to_string();
        assert_eq!(
            show("postgres://ent:secret@db.example:5432/news?sslmode=disable"),
            "postgres://ent:***@db.example:5432/news?sslmode=disable"
        );
        assert_eq!(show("postgres://ent@db/news"), "postgres://ent@db/news");
        assert_eq!(show("postgresql://db"), "postgresql://db");
        assert_eq!(show("postgres://a:b@"), "postgres://a:***@");
    }

    #[test]
    fn v9_lists_the_lexicon_s_role_codes() {
        let listed: Vec<&str> = V9
            .split('\'')
            .skip(1)
            .step_by(2)
            .filter(|w| {
                w.len() == 3 && !matches!(*w, "IGO" | "NGO" | "MNC" | "UIS" | "IMG" | "NGM")
            })
            .collect();
        let codes: Vec<&str> = entente_core::lexicon::role_codes().collect();
        assert!(!codes.is_empty());
        // Once for the target's side, once for the source's.
        assert_eq!(listed, [codes.clone(), codes].concat());
    }
}
