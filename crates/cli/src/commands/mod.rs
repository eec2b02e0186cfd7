//! One module per command. Each turns validated arguments into calls on
//! the stage crates and writes the results.

pub mod actor;
pub mod clean;
pub mod code;
pub mod eval;
pub mod export;
pub mod know;
pub mod run;
pub mod serve;
pub mod stored;

mod inputs;
mod report;
