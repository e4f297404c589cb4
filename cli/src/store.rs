//! `fanzha store …`, `fanzha report …` and `fanzha rule …`: the encrypted
//! local store from the command line, and `--store DB --key-file K` for
//! `check` and `scan`.
//!
//! The key file holds the 256-bit key that wraps the store's data key (64
//! hex digits); `store init` creates it when missing. A wrong key or a
//! damaged file is a message on stderr and exit code 1.

use crate::common::{store_failure, RequiredStoreArgs};
use crate::Failure;
use clap::{Args, Subcommand, ValueEnum};
use fanzha_core::blocklist::ListKind;
use fanzha_core::store::{FileKeyProvider, NewReport, Report, Store};
use fanzha_core::{FraudType, Kind, Settings};
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum StoreCommand {
    /// Create a store (and its key file when missing).
    Init(RequiredStoreArgs),
    /// Schema version, feeds, entry counts and file size, as JSON.
    Status(RequiredStoreArgs),
    /// Read and check everything in the store (a full read).
    Verify(RequiredStoreArgs),
    /// Merge feed deltas into their base lists.
    Compact(RequiredStoreArgs),
    /// Verify a signed feed against pinned publisher keys and apply it.
    Apply(crate::feed::StoreApplyArgs),
}

pub fn run_store(cmd: StoreCommand) -> Result<(), Failure> {
    match cmd {
        StoreCommand::Init(args) => {
            let (key, created) = FileKeyProvider::open_or_create(&args.key_file)
                .map_err(|e| Failure::runtime(format!("key file: {e}")))?;
            let existed = args.store.exists();
            let store = Store::open(&args.store, &key).map_err(store_failure)?;
            let status = store.status().map_err(store_failure)?;
            print_json(&serde_json::json!({
                "store": args.store.display().to_string(),
                "created": !existed,
                "key_file": args.key_file.display().to_string(),
                "key_created": created,
                "schema_version": status.schema_version,
            }))
        }
        StoreCommand::Status(args) => {
            let status = args.open()?.status().map_err(store_failure)?;
            print_json(&crate::feed::status_json(&status)?)
        }
        StoreCommand::Verify(args) => {
            let report = args.open()?.verify().map_err(store_failure)?;
            print_json(&report)
        }
        StoreCommand::Compact(args) => {
            let store = args.open()?;
            store.compact().map_err(store_failure)?;
            print_json(&store.status().map_err(store_failure)?)
        }
        StoreCommand::Apply(args) => crate::feed::store_apply(args),
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    Number,
    Link,
    Message,
    Payment,
}

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// Queue a report for the host app to upload.
    Add(ReportAddArgs),
    /// List reports (JSON array with --json).
    List(ReportListArgs),
    /// Print reports as a JSON array, for upload.
    Export(ReportExportArgs),
    /// Mark reports as uploaded.
    Uploaded(ReportIdsArgs),
    /// Delete reports.
    Delete(ReportIdsArgs),
}

#[derive(Args, Debug)]
pub struct ReportAddArgs {
    /// What is reported.
    #[arg(long, value_enum)]
    pub kind: ReportKind,
    /// The number, link, message text or payee account.
    pub value: String,
    /// Fraud type id (e.g. impersonate_authority).
    #[arg(long)]
    pub fraud_type: Option<String>,
    /// The user's own words.
    #[arg(long, default_value = "")]
    pub note: String,
    #[command(flatten)]
    pub store: RequiredStoreArgs,
}

#[derive(Args, Debug)]
pub struct ReportListArgs {
    /// Only reports not yet uploaded.
    #[arg(long)]
    pub pending: bool,
    /// Print a JSON array.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub store: RequiredStoreArgs,
}

#[derive(Args, Debug)]
pub struct ReportExportArgs {
    /// Only reports not yet uploaded.
    #[arg(long)]
    pub pending: bool,
    /// Write to FILE instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub store: RequiredStoreArgs,
}

#[derive(Args, Debug)]
pub struct ReportIdsArgs {
    /// Report ids.
    #[arg(required = true)]
    pub ids: Vec<i64>,
    #[command(flatten)]
    pub store: RequiredStoreArgs,
}

pub fn run_report(cmd: ReportCommand) -> Result<(), Failure> {
    match cmd {
        ReportCommand::Add(args) => {
            let fraud_type = match &args.fraud_type {
                Some(t) => Some(
                    FraudType::parse(t)
                        .ok_or_else(|| Failure::usage(format!("unknown fraud type {t:?}")))?,
                ),
                None => None,
            };
            let kind = match args.kind {
                ReportKind::Number => Kind::Number,
                ReportKind::Link => Kind::Link,
                ReportKind::Message => Kind::Message,
                ReportKind::Payment => Kind::Payment,
            };
            let store = args.store.open()?;
            let id = store
                .add_report(NewReport {
                    kind,
                    value: args.value,
                    fraud_type,
                    note: args.note,
                    category: fanzha_core::store::ReportCategory::Scam,
                })
                .map_err(store_failure)?;
            print_json(&serde_json::json!({ "id": id }))
        }
        ReportCommand::List(args) => {
            let reports = args
                .store
                .open()?
                .reports(args.pending)
                .map_err(store_failure)?;
            if args.json {
                return print_json(&reports);
            }
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for r in &reports {
                write_report(&mut out, r)?;
            }
            Ok(())
        }
        ReportCommand::Export(args) => {
            let json = args
                .store
                .open()?
                .export_reports(args.pending)
                .map_err(store_failure)?;
            match &args.out {
                Some(path) => std::fs::write(path, format!("{json}\n"))?,
                None => println!("{json}"),
            }
            Ok(())
        }
        ReportCommand::Uploaded(args) => {
            let n = args
                .store
                .open()?
                .mark_uploaded(&args.ids)
                .map_err(store_failure)?;
            print_json(&serde_json::json!({ "marked": n }))
        }
        ReportCommand::Delete(args) => {
            let store = args.store.open()?;
            let mut deleted = 0;
            for id in &args.ids {
                if store.delete_report(*id).map_err(store_failure)? {
                    deleted += 1;
                }
            }
            print_json(&serde_json::json!({ "deleted": deleted }))
        }
    }
}

fn write_report(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    let status = match r.uploaded_ms {
        Some(_) => "uploaded",
        None => "pending",
    };
    let fraud = r.fraud_type.map(|t| t.as_str()).unwrap_or("-");
    writeln!(
        out,
        "#{:<5} {:<8} {:<11} {:<8} {:<28} {}",
        r.id,
        status,
        r.category.as_str(),
        r.kind.as_str(),
        fraud,
        r.value
    )?;
    if !r.note.is_empty() {
        writeln!(out, "       note: {}", r.note)?;
    }
    Ok(())
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKindArg {
    Number,
    Link,
    Account,
}

#[derive(Subcommand, Debug)]
pub enum RuleCommand {
    /// Block a number, link (host) or payee account: its checks become
    /// dangerous with action block.
    Block(RuleArgs),
    /// Trust a number, link (host) or payee account: its checks become trusted.
    Allow(RuleArgs),
    /// Remove the rule for a value.
    Remove(RuleArgs),
    /// List the rules (JSON array).
    List(RequiredStoreArgs),
}

#[derive(Args, Debug)]
pub struct RuleArgs {
    /// The value as written: a number, a link or host name, an account.
    pub value: String,
    /// What the value is. Default: a link when it has letters and no '@', an
    /// account when it has an '@' or 16+ digits, a number otherwise.
    #[arg(long, value_enum)]
    pub kind: Option<RuleKindArg>,
    /// Region for national numbers (ISO 3166 alpha-2).
    #[arg(long, default_value = "CN")]
    pub region: String,
    #[command(flatten)]
    pub store: RequiredStoreArgs,
}

/// The kind a rule value most likely is (see [`RuleArgs::kind`]).
fn guess_kind(value: &str) -> ListKind {
    let letters = value.chars().any(|c| c.is_alphabetic());
    if value.contains('@') {
        ListKind::Account
    } else if letters || value.contains("://") {
        ListKind::Url
    } else if value.chars().filter(|c| c.is_ascii_digit()).count() >= 16 {
        ListKind::Account
    } else {
        ListKind::Number
    }
}

pub fn run_rule(cmd: RuleCommand) -> Result<(), Failure> {
    let (args, action) = match cmd {
        RuleCommand::List(store) => {
            let rules = store.open()?.rules().map_err(store_failure)?;
            return print_json(&rules);
        }
        RuleCommand::Block(a) => (a, "block"),
        RuleCommand::Allow(a) => (a, "allow"),
        RuleCommand::Remove(a) => (a, "remove"),
    };
    let kind = match args.kind {
        Some(RuleKindArg::Number) => ListKind::Number,
        Some(RuleKindArg::Link) => ListKind::Url,
        Some(RuleKindArg::Account) => ListKind::Account,
        None => guess_kind(&args.value),
    };
    let settings = Settings {
        region: args.region.clone(),
        ..Settings::default()
    };
    let guard = args.store.guard(settings)?;
    let result = match action {
        "block" => guard.block(kind, &args.value).map(|v| (v, true)),
        "allow" => guard.allow(kind, &args.value).map(|v| (v, true)),
        _ => guard.rule_value(kind, &args.value).and_then(|v| {
            let removed = guard.remove_rule(kind, &args.value)?;
            Ok((v, removed))
        }),
    };
    let (value, changed) = result.map_err(|e| match e {
        fanzha_core::Error::Store(s) => store_failure(s),
        other => Failure::from(other),
    })?;
    let kind_name = match kind {
        ListKind::Number => "number",
        ListKind::Url => "link",
        ListKind::Account => "account",
    };
    print_json(&serde_json::json!({
        "action": action,
        "kind": kind_name,
        "value": value,
        "changed": changed,
    }))
}

fn print_json<T: serde::Serialize + ?Sized>(v: &T) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer(&mut out, v).map_err(|e| Failure::runtime(e.to_string()))?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_guessed() {
        assert_eq!(guess_kind("138 1234 5678"), ListKind::Number);
        assert_eq!(guess_kind("+86 95588"), ListKind::Number);
        assert_eq!(guess_kind("evil.example.top"), ListKind::Url);
        assert_eq!(guess_kind("https://x.cn/a"), ListKind::Url);
        assert_eq!(guess_kind("6222 0212 3456 7890 128"), ListKind::Account);
        assert_eq!(guess_kind("someone@example.com"), ListKind::Account);
    }
}
