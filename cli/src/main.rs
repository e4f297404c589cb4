//! `fanzha` — check numbers, links, messages and payments on the command
//! line; scan files of them; publish feeds; administer a store.
//!
//! Exit codes: 0 success, 1 a runtime failure (an unreadable store, an I/O
//! error), 2 bad arguments or input that can't be checked.

mod audit;
mod check;
mod common;
mod conversation;
mod demo;
mod feed;
mod link;
mod model;
mod output;
mod payment;
mod store;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "fanzha",
    version,
    about = "On-device anti-fraud checks (反诈)",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a handful of explained verdicts from the embedded default data.
    Demo(demo::DemoArgs),
    /// Check one number, link, message or payment.
    #[command(subcommand)]
    Check(check::CheckCommand),
    /// Check one input per line (stdin by default); one JSON verdict per line.
    Scan(check::ScanArgs),
    /// Publisher tools: keys, building, verifying and inspecting feeds.
    #[command(subcommand)]
    Feed(feed::FeedCommand),
    /// Link tools: canonical form and lookup expressions.
    #[command(subcommand)]
    Link(link::LinkCommand),
    /// Learned models: train and evaluate.
    #[command(subcommand)]
    Model(model::ModelCommand),
    /// The encrypted local store: create, status, verify.
    #[command(subcommand)]
    Store(store::StoreCommand),
    /// Reports the user filed, queued for upload (in the store).
    #[command(subcommand)]
    Report(store::ReportCommand),
    /// The user's own block / allow rules (in the store).
    #[command(subcommand)]
    Rule(store::RuleCommand),
    /// The warning audit log (in the store): decisions and export.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Feedback on a verdict: "not a scam".
    #[command(subcommand)]
    Feedback(audit::FeedbackCommand),
}

/// A failure the CLI reports: message on stderr, and an exit code.
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad arguments or input that can't be checked: exit 2.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// A runtime failure: exit 1.
    pub fn runtime(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

impl From<fanzha_core::Error> for Failure {
    fn from(e: fanzha_core::Error) -> Failure {
        match e {
            fanzha_core::Error::InvalidInput { .. } => Failure::usage(e.to_string()),
            other => Failure::runtime(other.to_string()),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::runtime(format!("I/O error: {e}"))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Demo(args) => demo::run(args),
        Command::Check(cmd) => check::run_check(cmd),
        Command::Scan(args) => check::run_scan(args),
        Command::Feed(cmd) => feed::run(cmd),
        Command::Link(cmd) => link::run(cmd),
        Command::Model(cmd) => model::run(cmd),
        Command::Store(cmd) => store::run_store(cmd),
        Command::Report(cmd) => store::run_report(cmd),
        Command::Rule(cmd) => store::run_rule(cmd),
        Command::Audit(cmd) => audit::run_audit(cmd),
        Command::Feedback(cmd) => audit::run_feedback(cmd),
    };
    // Verdicts from a damaged store were printed (carrying
    // `store.unavailable`), but the run failed.
    let result = result.and_then(|()| match common::degraded() {
        Some(message) => Err(Failure::runtime(message)),
        None => Ok(()),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("fanzha: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
