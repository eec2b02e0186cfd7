//! Sentences, actors, places, dates and quantities in cleaned documents.

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]

pub mod actors;
pub mod dates;
pub mod quantities;
pub mod sentences;

pub use actors::{ActorDictionary, ActorInfo, ActorResolver};
