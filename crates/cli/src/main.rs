//! The `entente` command line. Thin: every stage lives in its own crate;
//! this binary parses arguments, wires the stages and reports.
//!
//! Exit status: 0 when all went well, 1 when some inputs failed (each is
//! reported on stderr), 2 on usage errors.

mod args;
mod commands;
mod output;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// How a command ended when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went well.
    Success,
    /// Some inputs failed and were reported; the rest were processed.
    SomeFailed,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose, cli.quiet);
    // The pipeline catches a panic on one document and reports that
    // document as failed; the hook says where the defect is, once, in the log.
    std::panic::set_hook(Box::new(|info| {
        tracing::error!(
            "internal error (a defect in entente: please report it with the input): {info}"
        );
    }));
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Err(err) if output::is_closed_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(if is_usage_error(&err) { 2 } else { 1 })
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Clean(a) => commands::clean::run(a, quiet),
        Command::Run(a) => commands::run::run(a, quiet),
        Command::Serve(a) => commands::serve::run(a),
        Command::Eval(e) => commands::eval::run(e),
        Command::Members(a) => commands::know::members(a),
        Command::Obligations(a) => commands::know::obligations(a),
        Command::Partners(a) => commands::know::partners(a),
        Command::Treaties(a) => commands::know::treaties(a),
        Command::Code(a) => commands::code::run(a, quiet),
        Command::Export(a) => commands::export::run(a),
        Command::Actor(a) => commands::actor::run(a),
        Command::Deployments(a) => commands::stored::deployments(a),
        Command::Quotes(a) => commands::stored::quotes(a),
        Command::Updates(a) => commands::stored::updates(a),
    }
}

/// A usage error found after clap parsed the line (an unknown organisation,
/// a bad combination of flags).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn is_usage_error(err: &anyhow::Error) -> bool {
    err.downcast_ref::<UsageError>().is_some()
}

fn init_logging(verbose: u8, quiet: bool) {
    let default = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .without_time()
        .init();
}
