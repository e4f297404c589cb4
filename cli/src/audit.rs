//! `fanzha audit decide|export` (the warning audit log) and
//! `fanzha feedback not-scam` (a person says a warning was wrong).

use crate::common::{store_failure, RequiredStoreArgs};
use crate::Failure;
use clap::{Args, Subcommand, ValueEnum};
use fanzha_core::{Decision, Guard, Lang, Settings};
use std::path::PathBuf;

#[derive(ValueEnum, Clone, Copy, Debug)]
#[value(rename_all = "snake_case")]
pub enum DecisionArg {
    Cancelled,
    Proceeded,
    AskedForHelp,
    TimedOut,
}

impl From<DecisionArg> for Decision {
    fn from(d: DecisionArg) -> Decision {
        match d {
            DecisionArg::Cancelled => Decision::Cancelled,
            DecisionArg::Proceeded => Decision::Proceeded,
            DecisionArg::AskedForHelp => Decision::AskedForHelp,
            DecisionArg::TimedOut => Decision::TimedOut,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Record what the person did after a warning, by the verdict's id.
    Decide(DecideArgs),
    /// Print the warning audit log as a JSON array (oldest first).
    Export(AuditExportArgs),
}

#[derive(Args, Debug)]
pub struct DecideArgs {
    /// The verdict's id (the `id` of a check run with this store).
    #[arg(long)]
    pub id: String,
    #[arg(long, value_enum)]
    pub decision: DecisionArg,
    #[command(flatten)]
    pub store: RequiredStoreArgs,
}

#[derive(Args, Debug)]
pub struct AuditExportArgs {
    /// Include the checked values (numbers, links, accounts, message
    /// previews). Off by default: the log is exported without them.
    #[arg(long)]
    pub include_values: bool,
    /// Write to FILE instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub store: RequiredStoreArgs,
}

#[derive(Subcommand, Debug)]
pub enum FeedbackCommand {
    /// The warning with this id was wrong: allow the value locally and queue
    /// a `false_alarm` report.
    NotScam(NotScamArgs),
}

#[derive(Args, Debug)]
pub struct NotScamArgs {
    /// The verdict's id.
    #[arg(long)]
    pub id: String,
    /// Region the store's rules are read in (ISO 3166 alpha-2).
    #[arg(long, default_value = "CN")]
    pub region: String,
    #[command(flatten)]
    pub store: RequiredStoreArgs,
}

fn guard(store: &RequiredStoreArgs, region: &str) -> Result<Guard, Failure> {
    store.guard(Settings {
        region: region.to_string(),
        lang: Lang::En,
    })
}

fn core_failure(e: fanzha_core::Error) -> Failure {
    match e {
        fanzha_core::Error::Store(s) => store_failure(s),
        other => Failure::from(other),
    }
}

pub fn run_audit(cmd: AuditCommand) -> Result<(), Failure> {
    match cmd {
        AuditCommand::Decide(args) => {
            let g = guard(&args.store, "CN")?;
            let rec = g
                .record_decision(&args.id, args.decision.into())
                .map_err(core_failure)?;
            println!(
                "{}",
                serde_json::json!({ "id": rec.id, "decision": rec.decision })
            );
            Ok(())
        }
        AuditCommand::Export(args) => {
            let g = guard(&args.store, "CN")?;
            let log = g.export_audit(args.include_values).map_err(core_failure)?;
            let json = serde_json::to_string(&log).expect("audit records serialize");
            match &args.out {
                Some(path) => std::fs::write(path, format!("{json}\n"))?,
                None => println!("{json}"),
            }
            Ok(())
        }
    }
}

pub fn run_feedback(cmd: FeedbackCommand) -> Result<(), Failure> {
    match cmd {
        FeedbackCommand::NotScam(args) => {
            let g = guard(&args.store, &args.region)?;
            let done = g.mark_not_scam(&args.id).map_err(core_failure)?;
            println!(
                "{}",
                serde_json::json!({
                    "id": args.id.trim(),
                    "allowed": done.allowed.is_some(),
                    "report_id": done.report_id,
                })
            );
            Ok(())
        }
    }
}
