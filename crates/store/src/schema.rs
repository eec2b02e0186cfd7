//! The schema and its migrations.
//!
//! Each migration is one SQL script; the file's `PRAGMA user_version` is the
//! number of scripts applied. A migration and the version bump commit
//! together, so a crash mid-migration leaves the previous version. Add a
//! migration by appending a script: never edit one that has shipped.

use crate::error::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// Migration scripts, in order. Version `n` is the first `n` scripts.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Version 1: documents with their paragraphs and full-text index, the
/// facts found in them, and the knowledge-base update queue.
///
/// Documents are keyed by content id (`id`); the other tables reference them
/// by their integer `seq`, which keeps fact rows and their indexes small.
/// Facts keep their position in the record (`ord`): `UNIQUE (document, ord)`
/// makes storing a fact twice impossible and serves look-ups by document.
/// Dates are ISO `YYYY-MM-DD` text and enums their serde names, so the file
/// reads well from the `sqlite3` shell.
const V1: &str = r#"
CREATE TABLE documents (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
    external_id    TEXT,
    origin_path    TEXT NOT NULL,
    origin_locator TEXT,
    url            TEXT,
    title          TEXT,
    published      TEXT,
    source         TEXT,
    text           TEXT NOT NULL,
    related_links  TEXT NOT NULL CHECK (json_valid(related_links)),
    dropped        TEXT NOT NULL CHECK (json_valid(dropped)),
    offsets        TEXT NOT NULL CHECK (json_valid(offsets)),
    stored_at      TEXT NOT NULL
);
CREATE INDEX documents_external_id ON documents (external_id);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_source ON documents (source);

CREATE TABLE paragraphs (
    document       INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL CHECK (span_end >= span_start),
    original_start INTEGER,
    original_end   INTEGER,
    PRIMARY KEY (document, ord)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text,
    content = 'documents', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    document    INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL CHECK (span_end >= span_start),
    code        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT,
    sector      TEXT,
    affiliation TEXT,
    confidence  REAL NOT NULL,
    candidates  TEXT NOT NULL CHECK (json_valid(candidates)),
    UNIQUE (document, ord)
);
CREATE INDEX mentions_actor ON mentions (actor);
CREATE INDEX mentions_code ON mentions (code);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    document       INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,
    doc            TEXT NOT NULL,
    sentence       INTEGER NOT NULL,
    source_code    TEXT NOT NULL,
    source_actor   TEXT NOT NULL,
    source_name    TEXT NOT NULL,
    target_code    TEXT,
    target_actor   TEXT,
    target_name    TEXT,
    cameo          TEXT NOT NULL,
    plover         TEXT,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    date           TEXT,
    date_precision TEXT NOT NULL,
    negated        INTEGER NOT NULL CHECK (negated IN (0, 1)),
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
    evidence_text  TEXT NOT NULL,
    UNIQUE (document, ord)
);
CREATE INDEX events_source ON events (source_code);
CREATE INDEX events_target ON events (target_code);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_doc ON events (doc);

CREATE TABLE quotations (
    id             INTEGER PRIMARY KEY,
    document       INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,
    doc            TEXT NOT NULL,
    sentence       INTEGER NOT NULL,
    speaker_name   TEXT,
    speaker_code   TEXT,
    target_code    TEXT,
    target_actor   TEXT,
    target_name    TEXT,
    text           TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
    evidence_text  TEXT NOT NULL,
    UNIQUE (document, ord)
);
CREATE INDEX quotations_speaker_name ON quotations (speaker_name);
CREATE INDEX quotations_speaker_code ON quotations (speaker_code);

CREATE TABLE deployments (
    id              INTEGER PRIMARY KEY,
    document        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord             INTEGER NOT NULL,
    doc             TEXT NOT NULL,
    sentence        INTEGER NOT NULL,
    by_code         TEXT NOT NULL,
    personnel_kind  TEXT,
    personnel_count INTEGER,
    role            TEXT,
    status          TEXT NOT NULL,
    start_date      TEXT,
    start_precision TEXT,
    review_date     TEXT,
    end_date        TEXT,
    requested_by    TEXT,
    purpose         TEXT,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
    evidence_text   TEXT NOT NULL,
    UNIQUE (document, ord),
    CHECK ((personnel_kind IS NULL) = (personnel_count IS NULL))
);
CREATE INDEX deployments_by ON deployments (by_code);

-- The destinations of a deployment, one row each, so "deployments to X"
-- is an index look-up.
CREATE TABLE deployment_destinations (
    deployment_id INTEGER NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
    ord           INTEGER NOT NULL,
    country       TEXT NOT NULL,
    PRIMARY KEY (deployment_id, ord)
) WITHOUT ROWID;
CREATE INDEX deployment_destinations_country ON deployment_destinations (country);

-- Proposed changes to the knowledge base. The payload is opaque JSON whose
-- meaning the `know` crate defines; `doc` is the public id facts carry.
CREATE TABLE kb_updates (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    kind           TEXT NOT NULL,
    payload        TEXT NOT NULL CHECK (json_valid(payload)),
    doc            TEXT,
    sentence       INTEGER,
    evidence_start INTEGER,
    evidence_end   INTEGER,
    evidence_text  TEXT,
    status         TEXT NOT NULL DEFAULT 'proposed'
                   CHECK (status IN ('proposed', 'accepted', 'rejected')),
    proposed_at    TEXT NOT NULL,
    decided_at     TEXT
);
CREATE INDEX kb_updates_status ON kb_updates (status);
CREATE INDEX kb_updates_kind ON kb_updates (kind);
"#;

/// Version 2: an event told again later in its document (headline, lead,
/// body) is stored once, with the spans of its other tellings as a JSON
/// array of evidence.
const V2: &str = r#"
ALTER TABLE events ADD COLUMN retold TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(retold));
"#;

/// Version 3: the columns and indexes event queries page and filter by.
///
/// `sort_key` is the event's date, or `~` (after every digit) when it has
/// none: events are listed by `(sort_key, id)`, dated first, and a page's
/// cursor is that pair. `source_country` and `target_country` are the
/// country an actor code belongs to (its first three letters, unless they
/// name a kind of organisation), what a place filter and the map ask for.
/// All three are computed by SQLite from the stored columns (virtual: they
/// take no room in the rows, only in their indexes), so existing rows get
/// them on migration and no writer can store them wrong.
const V3: &str = r#"
ALTER TABLE events ADD COLUMN sort_key TEXT
    GENERATED ALWAYS AS (coalesce(date, '~')) VIRTUAL;
ALTER TABLE events ADD COLUMN source_country TEXT
    GENERATED ALWAYS AS (CASE
        WHEN substr(source_code, 1, 3) GLOB '[A-Z][A-Z][A-Z]'
         AND substr(source_code, 1, 3) NOT IN ('IGO', 'NGO', 'MNC', 'UIS', 'IMG', 'NGM')
        THEN substr(source_code, 1, 3) END) VIRTUAL;
ALTER TABLE events ADD COLUMN target_country TEXT
    GENERATED ALWAYS AS (CASE
        WHEN substr(target_code, 1, 3) GLOB '[A-Z][A-Z][A-Z]'
         AND substr(target_code, 1, 3) NOT IN ('IGO', 'NGO', 'MNC', 'UIS', 'IMG', 'NGM')
        THEN substr(target_code, 1, 3) END) VIRTUAL;
CREATE INDEX events_order ON events (sort_key, id);
CREATE INDEX events_source_country ON events (source_country, sort_key, id);
CREATE INDEX events_target_country ON events (target_country, sort_key, id);
CREATE INDEX events_source_actor ON events (source_actor);
CREATE INDEX events_target_actor ON events (target_actor);
CREATE INDEX events_plover ON events (plover, sort_key, id);
CREATE INDEX events_quad ON events (quad_class, sort_key, id);
"#;

/// Version 4: the dates and quantities found in a document's text, with
/// their spans, so that the article reader need not find them again.
/// `spans_found` says whether they were stored with the document (a
/// document stored earlier, or by a writer that did not look, has none:
/// readers find them on demand).
const V4: &str = r#"
ALTER TABLE documents ADD COLUMN spans_found INTEGER NOT NULL DEFAULT 0
    CHECK (spans_found IN (0, 1));

CREATE TABLE dates (
    document   INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL CHECK (span_end >= span_start),
    date       TEXT NOT NULL,
    precision  TEXT NOT NULL,
    PRIMARY KEY (document, ord)
) WITHOUT ROWID;

CREATE TABLE quantities (
    document   INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL CHECK (span_end >= span_start),
    value      REAL NOT NULL,
    PRIMARY KEY (document, ord)
) WITHOUT ROWID;
"#;

/// Version 5: what keeps counted totals honest, and the indexes pages of
/// an actor's events are read from.
///
/// What keeps totals honest: Events are appended with
/// increasing ids, so a total counted up to an id stays right once the
/// events after it are counted too, unless an event was deleted: this row
/// counts deletions (the store never deletes, but a user's `sqlite3` shell
/// may), and a total counted before one is counted again.
const V5: &str = r#"
CREATE TABLE event_deletions (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    deleted INTEGER NOT NULL
);
INSERT INTO event_deletions (id, deleted) VALUES (1, 0);
CREATE TRIGGER events_deleted AFTER DELETE ON events BEGIN
    UPDATE event_deletions SET deleted = deleted + 1 WHERE id = 1;
END;

-- Every index a page is read from holds the listing order after its
-- column, then the other columns filters ask about: walking it in order,
-- SQLite checks those on the index entry and reads a table row only for
-- the events it returns. The actor filter's four columns get such an index
-- each (a page of an actor's events is read from each in order); they
-- still serve look-ups by their column alone.
DROP INDEX events_order;
DROP INDEX events_plover;
DROP INDEX events_quad;
DROP INDEX events_source_country;
DROP INDEX events_target_country;
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_source_actor;
DROP INDEX events_target_actor;
DROP INDEX events_cameo;
-- Dates are asked as ranges of sort_key (events_order): no query reads
-- this one, which every write kept up.
DROP INDEX events_date;
CREATE INDEX events_order ON events
    (sort_key, id, cameo, plover, quad_class, source_country, target_country);
CREATE INDEX events_plover ON events
    (plover, sort_key, id, cameo, quad_class, source_country, target_country);
CREATE INDEX events_quad ON events
    (quad_class, sort_key, id, cameo, plover, source_country, target_country);
CREATE INDEX events_source_country ON events
    (source_country, sort_key, id, cameo, plover, quad_class, target_country);
CREATE INDEX events_target_country ON events
    (target_country, sort_key, id, cameo, plover, quad_class, source_country);
CREATE INDEX events_source_order ON events
    (source_code, sort_key, id, cameo, plover, quad_class, source_country,
     target_country);
CREATE INDEX events_target_order ON events
    (target_code, sort_key, id, cameo, plover, quad_class, source_country,
     target_country);
CREATE INDEX events_source_actor ON events
    (source_actor, sort_key, id, cameo, plover, quad_class, source_country,
     target_country);
CREATE INDEX events_target_actor ON events
    (target_actor, sort_key, id, cameo, plover, quad_class, source_country,
     target_country);
-- A CAMEO prefix is a range of codes: its page is sorted from this index
-- (or read walking events_order, when the prefix is common).
CREATE INDEX events_cameo ON events
    (cameo, sort_key, id, plover, quad_class, source_country, target_country);
"#;

/// Version 6: one proposal per fact across documents. A proposal carries
/// the key `know` gives its fact and the date it reports; another
/// document's report of the same fact is kept as further evidence of the
/// first proposal instead of being queued again.
const V6: &str = r#"
ALTER TABLE kb_updates ADD COLUMN fact_key TEXT;
ALTER TABLE kb_updates ADD COLUMN fact_date TEXT;
CREATE INDEX kb_updates_fact ON kb_updates (fact_key);
CREATE TABLE kb_update_evidence (
    update_id      INTEGER NOT NULL REFERENCES kb_updates (id),
    doc            TEXT,
    sentence       INTEGER,
    evidence_start INTEGER,
    evidence_end   INTEGER,
    evidence_text  TEXT,
    added_at       TEXT NOT NULL
);
CREATE INDEX kb_update_evidence_update ON kb_update_evidence (update_id);
CREATE INDEX kb_update_evidence_doc ON kb_update_evidence (doc);
"#;

/// Version 7: story groups (near-duplicate documents, see
/// `entente_core::story` and `stories.rs`).
///
/// `documents.story` is the `seq` of the first document of the story a
/// document is a copy of, NULL for a document that starts its own story
/// (and for every document stored before this version, which is grouped
/// with nothing). `story_signatures` keeps each grouped document's MinHash
/// signature (128 little-endian 64-bit minima) and `story_bands` its 32
/// band keys, which a new document looks its candidates up by. An event of
/// a copy is marked `copy`, so that a story's events count once; every
/// index a page or a count is read from ends with it, so the mark is
/// checked on index entries.
const V7: &str = r#"
ALTER TABLE documents ADD COLUMN story INTEGER;
CREATE INDEX documents_story ON documents (story) WHERE story IS NOT NULL;

CREATE TABLE story_signatures (
    document INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
    minhash  BLOB NOT NULL CHECK (length(minhash) = 1024)
);
CREATE TABLE story_bands (
    band_key INTEGER NOT NULL,
    document INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    PRIMARY KEY (band_key, document)
) WITHOUT ROWID;
CREATE INDEX story_bands_document ON story_bands (document);

ALTER TABLE events ADD COLUMN copy INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1));

DROP INDEX events_order;
DROP INDEX events_plover;
DROP INDEX events_quad;
DROP INDEX events_source_country;
DROP INDEX events_target_country;
DROP INDEX events_source_order;
DROP INDEX events_target_order;
DROP INDEX events_source_actor;
DROP INDEX events_target_actor;
DROP INDEX events_cameo;
CREATE INDEX events_order ON events
    (sort_key, id, cameo, plover, quad_class, source_country, target_country, copy);
CREATE INDEX events_plover ON events
    (plover, sort_key, id, cameo, quad_class, source_country, target_country, copy);
CREATE INDEX events_quad ON events
    (quad_class, sort_key, id, cameo, plover, source_country, target_country, copy);
CREATE INDEX events_source_country ON events
    (source_country, sort_key, id, cameo, plover, quad_class, target_country, copy);
CREATE INDEX events_target_country ON events
    (target_country, sort_key, id, cameo, plover, quad_class, source_country, copy);
CREATE INDEX events_source_order ON events
    (source_code, sort_key, id, cameo, plover, quad_class, source_country,
     target_country, copy);
CREATE INDEX events_target_order ON events
    (target_code, sort_key, id, cameo, plover, quad_class, source_country,
     target_country, copy);
CREATE INDEX events_source_actor ON events
    (source_actor, sort_key, id, cameo, plover, quad_class, source_country,
     target_country, copy);
CREATE INDEX events_target_actor ON events
    (target_actor, sort_key, id, cameo, plover, quad_class, source_country,
     target_country, copy);
CREATE INDEX events_cameo ON events
    (cameo, sort_key, id, plover, quad_class, source_country, target_country, copy);
"#;

/// Brings the schema of `conn` up to [`SCHEMA_VERSION`].
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let open_err = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    let found: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(open_err)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, script) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let version = i as u32 + 1;
        let migrate_err = |source| StoreError::Migrate {
            path: path.to_path_buf(),
            version,
            source,
        };
        // Immediate: take the write lock before reading the version.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(migrate_err)?;
        // Another process may have migrated while we waited for the lock.
        let now: u32 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(migrate_err)?;
        if now >= version {
            continue;
        }
        tx.execute_batch(script).map_err(migrate_err)?;
        tx.pragma_update(None, "user_version", version)
            .map_err(migrate_err)?;
        tx.commit().map_err(migrate_err)?;
    }
    Ok(())
}

/// Version 8: where each event happened (`entente_core::Location`, as
/// JSON; NULL for events stored before, and for events with no place and
/// no actor country).
///
/// `place_country` is the country a place filter and the map ask for: the
/// location's country, else (for events stored before this version, which
/// have none) the target's, else the source's country, the order in which
/// the coder falls back when no place is named. Computed by SQLite, it
/// takes room only in its index.
const V8: &str = r#"
ALTER TABLE events ADD COLUMN location TEXT
    CHECK (location IS NULL OR json_valid(location));
ALTER TABLE events ADD COLUMN place_country TEXT
    GENERATED ALWAYS AS (coalesce(
        nullif(json_extract(location, '$.country'), ''),
        target_country, source_country)) VIRTUAL;
CREATE INDEX events_place ON events
    (place_country, sort_key, id, cameo, plover, quad_class, source_country,
     target_country, copy);
"#;

/// Version 9: `place_country` falls back only on an actor code's country,
/// never on a sector or religion code it starts with: "SPY" (intelligence
/// agents of no named country) or "REB" is no country on the map or in a
/// place filter. The codes are `entente_core::lexicon::role_codes` (a test
/// keeps the two lists in step); the column is dropped with its index and
/// added again, computed as before otherwise.
const V9: &str = r#"
DROP INDEX events_place;
ALTER TABLE events DROP COLUMN place_country;
ALTER TABLE events ADD COLUMN place_country TEXT
    GENERATED ALWAYS AS (coalesce(
        nullif(json_extract(location, '$.country'), ''),
        CASE WHEN target_country NOT IN (
            'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY',
            'UAF', 'AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI', 'ENV',
            'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'MOD', 'RAD', 'REF', 'SET',
            'PTY', 'PPL', 'REL', 'ADR', 'ALE', 'ATH', 'BAH', 'BUD', 'CHR',
            'CON', 'CPT', 'CTH', 'DOX', 'ITH', 'HIN', 'JAN', 'JEW', 'JHW',
            'LDS', 'MOS', 'MRN', 'NRM', 'PAG', 'PRO', 'SFI', 'SHI', 'SIK',
            'SUN', 'TAO', 'ZRO')
        THEN target_country END,
        CASE WHEN source_country NOT IN (
            'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY',
            'UAF', 'AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI', 'ENV',
            'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'MOD', 'RAD', 'REF', 'SET',
            'PTY', 'PPL', 'REL', 'ADR', 'ALE', 'ATH', 'BAH', 'BUD', 'CHR',
            'CON', 'CPT', 'CTH', 'DOX', 'ITH', 'HIN', 'JAN', 'JEW', 'JHW',
            'LDS', 'MOS', 'MRN', 'NRM', 'PAG', 'PRO', 'SFI', 'SHI', 'SIK',
            'SUN', 'TAO', 'ZRO')
        THEN source_country END)) VIRTUAL;
CREATE INDEX events_place ON events
    (place_country, sort_key, id, cameo, plover, quad_class, source_country,
     target_country, copy);
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v9_lists_the_lexicon_s_role_codes() {
        let listed: Vec<&str> = V9
            .split('\'')
            .skip(1)
            .step_by(2)
            .filter(|w| w.len() == 3)
            .collect();
        let codes: Vec<&str> = entente_core::lexicon::role_codes().collect();
        assert!(!codes.is_empty());
        // Once for the target's side, once for the source's.
        assert_eq!(listed, [codes.clone(), codes].concat());
    }

    #[test]
    fn migrates_fresh_database_to_current_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        let v: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        // Running again is a no-op.
        migrate(&mut conn, Path::new(":memory:")).unwrap();
    }

    /// A file written by the previous version (2) is migrated with its
    /// events, which then answer the queries version 3 added: by place,
    /// in listing order, by cursor.
    #[test]
    fn version_2_files_migrate_with_their_events() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(V1).unwrap();
            conn.execute_batch(V2).unwrap();
            conn.pragma_update(None, "user_version", 2).unwrap();
            conn.execute_batch(
                "INSERT INTO documents (id, origin_path, text, related_links, dropped, offsets,
                     stored_at)
                 VALUES ('d', 'a.txt', 'NATO met Fiji.', '[]', '[]', '{}', 'now');
                 INSERT INTO events (document, ord, doc, sentence, source_code, source_actor,
                     source_name, target_code, target_actor, target_name, cameo, plover,
                     quad_class, goldstein, date, date_precision, negated, evidence_start,
                     evidence_end, evidence_text)
                 VALUES (1, 0, 'd', 0, 'IGOWSTNAT', 'NATO', 'NATO', 'FJIGOV', 'FJI', 'Fiji',
                         '042', 'CONSULT', 1, 1.9, NULL, 'publication', 0, 0, 4, 'NATO'),
                        (1, 1, 'd', 0, 'FJIGOV', 'FJI', 'Fiji', NULL, NULL, NULL,
                         '043', NULL, 1, 2.8, '2022-04-08', 'day', 0, 0, 4, 'NATO');",
            )
            .unwrap();
        }
        let store = crate::Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        store.integrity_check().unwrap();
        let fiji = crate::EventFilter {
            place: Some("FJI".into()),
            ..Default::default()
        };
        let page = store.event_page(&fiji, 1).unwrap();
        assert_eq!(page.total, 2);
        assert_eq!(page.events[0].1.cameo, "043", "dated events first");
        let rest = crate::EventFilter {
            after: page.next,
            ..fiji
        };
        assert_eq!(store.events(&rest).unwrap()[0].cameo, "042");
        // Stored before locations (v8): none, and the place filter falls
        // back on the target's, else the source's country.
        assert!(page.events[0].1.location.is_none());
        let nato = crate::EventFilter {
            place: Some("IGO".into()),
            ..Default::default()
        };
        assert_eq!(store.count_events(&nato).unwrap(), 0, "IGO is no country");
        // Stored before dates and quantities were: readers find them.
        assert_eq!(store.spans_of(1, "d").unwrap(), None);
    }

    #[test]
    fn refuses_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        let err = migrate(&mut conn, Path::new("x.db")).unwrap_err();
        assert!(
            matches!(err, StoreError::SchemaTooNew { found, .. } if found == SCHEMA_VERSION + 1),
            "{err}"
        );
    }
}
