//! Sentences, actors, places, dates, quantities and syntax in cleaned
//! documents.
//!
//! - [`sentences`]: the sentence splitter and tokenizer of the whole project.
//! - [`actors`]: actor mentions resolved as of the publication date
//!   ([`ActorResolver`]), with places and coreference.
//! - [`places`]: the gazetteer (GeoNames places, regions, countries, seas)
//!   and the place names a text mentions ([`places::find_places`]).
//! - [`dates`] and [`quantities`]: temporal expressions and numbers.
//! - [`syntax`]: part-of-speech tags, lemmas and dependency trees learned
//!   from the English Web Treebank ([`Syntax`]).
//!
//! What it does not do: code events (that is `entente-code`) or read
//! anything at run time: the dictionaries and models are built in.
//!
//! ```
//! use entente_annotate::{ActorResolver, Syntax};
//! let mentions = ActorResolver::embedded().find_mentions("NATO met in Brussels.", None);
//! assert_eq!(mentions[0].actor, "NATO");
//! let parse = Syntax::embedded().analyse("NATO met in Brussels.");
//! assert_eq!(parse.tokens[1].lemma, "meet");
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]

pub mod actors;
pub mod dates;
pub mod places;
pub mod quantities;
pub mod sentences;
pub mod syntax;

pub use actors::{ActorDictionary, ActorInfo, ActorResolver};
pub use syntax::{Parse, Syntax};
