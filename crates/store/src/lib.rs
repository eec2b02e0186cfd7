//! The store: documents, the facts found in them, and the queue of
//! knowledge-base updates, in one SQLite file (default `entente.db`) or, with
//! the `postgres` feature, in a PostgreSQL database shared by several
//! writers and servers ([`Store::open`] given a `postgres://` URL; see
//! `docs/postgres.md`). Callers do not see the difference: every method
//! answers the same on both.
//!
//! The store is the pipeline's durable sink. It writes a batch of
//! [`DocumentRecord`]s (a cleaned document with its mentions, events,
//! quotations and deployments) in one transaction, so a crash loses at most
//! the batch in flight and never leaves half a document. Writing is
//! idempotent: documents are keyed by their content id ([`DocId`]), a
//! document already stored is skipped whole, and rerunning an interrupted
//! run completes it without duplicating anything. Two documents that share
//! an external id but differ in content are both stored; [`Store::document`]
//! then answers the external id with the first one stored.
//!
//! It also answers the queries later stages need: a document or a whole
//! record by content or external id; events by actor, CAMEO code, PLOVER
//! type, quad class, date range, place and document ([`EventFilter`]), as
//! lists, as pages by cursor ([`Store::event_page`], keyset paging through
//! an index whatever the page), as counts and as aggregates counted in SQL
//! (per day and quad class, per country, the actor network, an actor's
//! profile); deployments by sender, destination and date in force,
//! quotations by speaker, and full-text search (SQLite FTS5) over document
//! titles and text. Nothing is held in memory between queries: a server
//! over the store stays the same size however many events it holds.
//!
//! It does not clean, annotate, code or decide anything: the payload of a
//! knowledge-base update is opaque JSON whose meaning the `know` crate
//! defines, and the store only records its status.
//!
//! The types that matter:
//! - [`Store`]: an open file (or memory, or PostgreSQL database);
//!   [`Store::open`] creates and migrates it, [`Store::open_read_only`] only
//!   reads an existing one.
//! - [`DocumentRecord`]: the unit of writing; [`BatchOutcome`] says what a batch did.
//!   Its [`TextSpans`] (dates and quantities with their spans) are stored
//!   so that readers need not find them again.
//! - [`EventFilter`], [`DeploymentFilter`]: what to read back; an
//!   [`EventPage`] and its [`EventCursor`] page through events.
//! - [`ProposedUpdate`], [`StoredUpdate`], [`UpdateStatus`]: the update queue.
//!
//! The file uses WAL journaling (readers in other processes see the last
//! committed batch while a writer works) with foreign keys enforced; its
//! schema version is `PRAGMA user_version` and migrations run on open. A
//! PostgreSQL database holds the same tables in its dialect, its version in
//! the table `entente_schema`.
//!
//! ```
//! use entente_core::{DocId, Document, OffsetMap, Origin};
//! use entente_store::{DocumentRecord, Store};
//!
//! let text = "NATO agreed to send troops.".to_string();
//! let document = Document {
//!     id: DocId::from_content(&text),
//!     origin: Origin::file("a.txt"),
//!     external_id: None,
//!     url: None,
//!     title: Some("Troops".into()),
//!     published: None,
//!     source: None,
//!     text,
//!     paragraphs: Vec::new(),
//!     related_links: Vec::new(),
//!     dropped: Vec::new(),
//!     offsets: OffsetMap::identity(),
//! };
//! let mut store = Store::open_in_memory()?;
//! let batch = vec![DocumentRecord::new(document.clone())];
//! assert_eq!(store.write_batch(&batch)?.stored, 1);
//! assert_eq!(store.write_batch(&batch)?.duplicates, 1); // stored once
//! assert_eq!(store.document(document.id.as_str())?, Some(document));
//! assert_eq!(store.search("troop", 10)?.len(), 1);
//! # Ok::<(), entente_store::StoreError>(())
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]
#![deny(rustdoc::broken_intra_doc_links)]
#![doc(test(attr(deny(warnings))))]

mod aggregates;
mod codec;
mod db;
mod documents;
mod error;
mod events;
mod facts;
mod postgres;
mod schema;
mod spans;
mod store;
mod stories;
#[cfg(feature = "postgres")]
mod tls;
mod updates;
mod write;

pub use aggregates::{
    ActorProfile, Counterpart, CountryCount, DayCount, Edge, MonthCount, Network, Node, PlaceCount,
};
pub use documents::SearchHit;
pub use entente_core::DocId;
pub use error::{Result, StoreError};
pub use events::{country_of, EventCursor, EventFilter, EventGeneration, EventPage, EventTotals};
pub use facts::DeploymentFilter;
pub use schema::SCHEMA_VERSION;
pub use spans::{DateSpan, QuantitySpan, TextSpans};
pub use store::{display_path, is_postgres, Counts, Store, DEFAULT_PATH};
pub use stories::{Story, StoryDocument};
pub use updates::{
    FactKey, ProposedUpdate, StoredUpdate, UpdateEvidence, UpdateId, UpdateStatus, SAME_FACT_DAYS,
};
pub use write::{BatchOutcome, DocumentRecord, DEFAULT_BATCH_SIZE};
