//! What can go wrong reading the data or answering a question.

use thiserror::Error;

/// An error of the knowledge base: a data file that does not parse, or a
/// question naming something the knowledge base does not know.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KnowError {
    /// A line of a data file is malformed.
    #[error("{file}:{line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
    /// No state with this ISO code or name.
    #[error("unknown state {0:?}: give an ISO 3166 alpha-3 code (BEL) or a name (Belgium)")]
    UnknownState(String),
    /// No organisation with this name or abbreviation.
    #[error("unknown organisation {0:?}: give its abbreviation (NATO) or full name")]
    UnknownOrganisation(String),
    /// No treaty with this id, name or alias.
    #[error("unknown treaty {0:?}: give its name, an alias (ANZUS) or its id (atop:3180)")]
    UnknownTreaty(String),
    /// No place with this name.
    #[error("unknown place {0:?}: give a state or a listed territory (Hawaii, Greenland, ...)")]
    UnknownPlace(String),
    /// An update that lacks what its kind needs.
    #[error("cannot apply {kind} update from document {doc}: {message}")]
    Update {
        kind: String,
        doc: String,
        message: String,
    },
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, KnowError>;
