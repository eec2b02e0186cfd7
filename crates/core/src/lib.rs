//! Domain types shared by every entente stage.
//!
//! entente reads news and keeps a model of who did what to whom, every fact
//! traced to the sentence it came from. The data flows one way:
//!
//! ```text
//! RawDocument (ingest) → Document with Paragraphs (clean) → Sentences, Mentions (annotate)
//!   → Events, Quotations, Deployments (code) → facts in the knowledge base (know)
//! ```
//!
//! This crate holds only those types and the few pure functions that define
//! them (the content id, span arithmetic), and the English [`lexicon`] of
//! closed word lists that every stage shares. It does no I/O and has no
//! knowledge of formats, actor dictionaries or storage.
//!
//! The types that matter:
//! - [`RawDocument`]: one article as read from a file, record or stream.
//! - [`Document`]: the cleaned article: kept paragraphs, related links, what was dropped.
//! - [`Span`]: a byte range into a text; offsets are kept both in the cleaned
//!   text and in the original.
//! - [`Mention`], [`Event`], [`Quotation`], [`Deployment`]: what the later stages find.
//! - [`Location`]: where an event happened, with its precision.
//! - [`ActorCode`], [`CameoCode`]: actor and event codes read by their parts.
//!
//! ```
//! use entente_core::{DocId, Span};
//! let a = DocId::from_content("NATO agreed.\n\nChina urged.");
//! let b = DocId::from_content("  NATO   agreed.\n\nChina urged.  ");
//! assert_eq!(a, b); // the id depends on normalised content only
//! let s = Span::new(0, 4);
//! assert_eq!(s.slice("NATO agreed."), "NATO");
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]

mod actor_code;
mod cameo_code;
mod document;
mod facts;
pub mod lexicon;
mod location;
pub mod published;
mod span;
pub mod story;
pub mod text;

pub use actor_code::ActorCode;
pub use cameo_code::CameoCode;
pub use document::{
    Content, DocId, Document, DropKind, Dropped, Origin, Paragraph, RawDocument, RelatedLink,
};
pub use ecow::EcoString;
pub use facts::{
    ActorKind, ActorRef, DatePrecision, Deployment, DeploymentStatus, Event, Evidence, Mention,
    Personnel, Quotation, Speaker,
};
pub use location::{distance_km, Location, LocationBasis, LocationPrecision};
pub use span::{OffsetMap, Span};
