//! Sentences, actors, places, dates and quantities in cleaned documents.

pub mod actors;
pub mod dates;
pub mod quantities;
pub mod sentences;

pub use actors::{ActorDictionary, ActorInfo, ActorResolver};
