//! `fanzha check …` and `fanzha scan …`.

use crate::common::CommonArgs;
use crate::output;
use crate::Failure;
use clap::{Args, Subcommand, ValueEnum};
use fanzha_core::{Channel, Guard, NumberContext, StirResult};
use std::io::{BufRead, BufReader, BufWriter, Write};

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ChannelArg {
    Call,
    Sms,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum StirArg {
    Verified,
    Failed,
    Unverified,
}

#[derive(Args, Debug)]
pub struct NumberArgs {
    /// The number as it was shown or written.
    pub number: String,
    #[arg(long, value_enum, default_value = "call")]
    pub channel: ChannelArg,
    /// The number is in the user's contacts.
    #[arg(long)]
    pub contact: bool,
    /// Caller-ID attestation from the network.
    #[arg(long, value_enum)]
    pub stir: Option<StirArg>,
    /// Calls from this number in the last hour (this one included).
    #[arg(long, default_value_t = 0)]
    pub calls_last_hour: u32,
    /// Print exactly one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl NumberArgs {
    fn context(&self) -> NumberContext {
        NumberContext {
            channel: match self.channel {
                ChannelArg::Call => Channel::Call,
                ChannelArg::Sms => Channel::Sms,
            },
            in_contacts: self.contact,
            stir: self.stir.map(|s| match s {
                StirArg::Verified => StirResult::Verified,
                StirArg::Failed => StirResult::Failed,
                StirArg::Unverified => StirResult::NotVerified,
            }),
            calls_last_hour: self.calls_last_hour,
        }
    }
}

/// `fanzha check link`.
#[derive(Args, Debug)]
pub struct LinkArgs {
    /// Use this link model (FZML, from `fanzha model train --kind link`)
    /// instead of the embedded one (or the store's).
    #[arg(long, value_name = "MODEL")]
    pub model: Option<std::path::PathBuf>,
    /// The link as it was shown (a scheme-less `example.com/x` is read as http).
    /// Bytes that are not UTF-8 are read as the bytes they are (Safe
    /// Browsing canonicalization: `http://\x01\x80.com/` → `http://%01%80.com/`).
    pub url: std::ffi::OsString,
    /// Print exactly one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `fanzha check message`.
#[derive(Args, Debug)]
pub struct MessageArgs {
    /// The message text.
    pub text: String,
    /// The sender as shown (a number or an alphanumeric id).
    #[arg(long = "from", value_name = "SENDER")]
    pub from: Option<String>,
    /// Print exactly one JSON object (with `extracted`: each link, number and
    /// id found in the text with its own verdict).
    #[arg(long)]
    pub json: bool,
    /// Use this message model (FZML, from `fanzha model train`) instead of
    /// the embedded one (or the store's).
    #[arg(long, value_name = "MODEL", conflicts_with = "no_model")]
    pub model: Option<std::path::PathBuf>,
    /// Use no message model: the pattern set alone.
    #[arg(long)]
    pub no_model: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Subcommand, Debug)]
pub enum CheckCommand {
    /// Check a phone number.
    Number(NumberArgs),
    /// Check a link (URL).
    Link(LinkArgs),
    /// Check a message (SMS or chat) and its sender.
    Message(MessageArgs),
    /// Check a payment the user is about to make.
    Payment(crate::payment::PaymentArgs),
    /// Check a conversation (call transcript or chat thread) as a whole:
    /// turns in order, each `remote:TEXT` or `local:TEXT`.
    Conversation(crate::conversation::ConversationArgs),
}

pub fn run_check(cmd: CheckCommand) -> Result<(), Failure> {
    match cmd {
        CheckCommand::Number(args) => {
            let guard = args.common.guard()?;
            let verdict = guard.check_number(&args.number, &args.context())?;
            output::print_verdict(&verdict, args.json, guard.settings().lang)
        }
        CheckCommand::Link(args) => {
            let guard = args.common.guard()?;
            set_model(
                &guard,
                fanzha_core::model::FeatureKind::Link,
                args.model.as_deref(),
                false,
            )?;
            let verdict = guard.check_link(&link_text(args.url.as_encoded_bytes()))?;
            output::print_verdict(&verdict, args.json, guard.settings().lang)
        }
        CheckCommand::Message(args) => {
            let guard = args.common.guard()?;
            set_message_model(&guard, args.model.as_deref(), args.no_model)?;
            let verdict = guard.check_message(args.from.as_deref(), &args.text)?;
            output::print_verdict(&verdict, args.json, guard.settings().lang)
        }
        CheckCommand::Payment(args) => crate::payment::run(args),
        CheckCommand::Conversation(args) => crate::conversation::run(args),
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanKind {
    Number,
    Link,
    /// One message per line (no sender).
    Message,
    /// One JSON payment intent per line (schema: fanzha_core::payment::PaymentIntent).
    Payment,
    /// One JSON dialogue per line: {"turns": [{"speaker": "remote"|"local",
    /// "text": "…"}, …]} (other fields ignored).
    Conversation,
}

#[derive(Args, Debug)]
pub struct ScanArgs {
    /// What each line holds.
    #[arg(long, value_enum)]
    pub kind: ScanKind,
    /// Read from FILE instead of stdin.
    #[arg(long)]
    pub input: Option<std::path::PathBuf>,
    /// For numbers: the channel they arrived on.
    #[arg(long, value_enum, default_value = "call")]
    pub channel: ChannelArg,
    /// For messages and links: use this model (FZML, from `fanzha model
    /// train [--kind link]`) instead of the embedded one (or the store's).
    #[arg(long, value_name = "MODEL", conflicts_with = "no_model")]
    pub model: Option<std::path::PathBuf>,
    /// For messages and links: use no model, the rules alone.
    #[arg(long)]
    pub no_model: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Applies `--model M` / `--no-model` for messages: see [`set_model`].
pub fn set_message_model(
    guard: &Guard,
    path: Option<&std::path::Path>,
    none: bool,
) -> Result<(), Failure> {
    set_model(guard, fanzha_core::model::FeatureKind::Message, path, none)
}

/// Applies `--model M` / `--no-model`: replaces the guard's model of `kind`
/// (message or link) with the one in `path`, or removes it (the rules
/// alone). The rest of the protection data — the store's lists and rules, or
/// the embedded ones — stays. A file that is not a model of that kind is a
/// usage error.
pub fn set_model(
    guard: &Guard,
    kind: fanzha_core::model::FeatureKind,
    path: Option<&std::path::Path>,
    none: bool,
) -> Result<(), Failure> {
    use fanzha_core::model::{FeatureKind, Model};
    if path.is_none() && !none {
        return Ok(());
    }
    let bytes = match path {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
            Model::from_bytes(&bytes, kind)
                .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
            Some(bytes)
        }
        None => None,
    };
    let current = guard.snapshot();
    let mut sources = match guard.store() {
        Some(store) => {
            store
                .load()
                .map_err(|e| Failure::runtime(e.to_string()))?
                .rules
        }
        None => fanzha_core::RuleSources::default(),
    };
    if let Some(b) = bytes {
        let b = Some(std::sync::Arc::new(b));
        match kind {
            FeatureKind::Message => sources.message_model = b,
            FeatureKind::Link => sources.link_model = b,
        }
    }
    let mut snap = fanzha_core::Snapshot::build(
        &sources,
        current.blocklist.clone(),
        current.feed_version.clone(),
    )?;
    if none {
        match kind {
            FeatureKind::Message => snap.message_model = None,
            FeatureKind::Link => snap.link_model = None,
        }
    }
    snap.stale = current.stale;
    snap.expires_ms = current.expires_ms;
    guard.replace_snapshot(snap);
    Ok(())
}

/// A link's bytes as text for the link check: UTF-8 as it is, and every
/// byte of an invalid UTF-8 sequence percent-escaped. Canonicalization
/// unescapes and re-escapes, so the result is exactly that of the raw bytes
/// (a lossy conversion would turn `\x80` into U+FFFD and change the host).
fn link_text(raw: &[u8]) -> std::borrow::Cow<'_, str> {
    use std::fmt::Write as _;
    let mut rest = raw;
    let mut out = String::new();
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) if out.is_empty() && rest.len() == raw.len() => {
                return std::borrow::Cow::Borrowed(s);
            }
            Ok(s) => {
                out.push_str(s);
                return std::borrow::Cow::Owned(out);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).expect("valid up to here"));
                let n = e.error_len().unwrap_or(bad.len());
                for b in &bad[..n] {
                    let _ = write!(out, "%{b:02X}");
                }
                rest = &bad[n..];
            }
        }
    }
}

/// Why one scanned line has no verdict.
enum ScanError {
    Core(fanzha_core::Error),
    Line(String),
}

impl From<fanzha_core::Error> for ScanError {
    fn from(e: fanzha_core::Error) -> ScanError {
        ScanError::Core(e)
    }
}

impl std::fmt::Display for ScanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScanError::Core(e) => e.fmt(f),
            ScanError::Line(why) => f.write_str(why),
        }
    }
}

pub fn run_scan(args: ScanArgs) -> Result<(), Failure> {
    let guard = args.common.guard()?;
    let model_kind = match args.kind {
        ScanKind::Message => Some(fanzha_core::model::FeatureKind::Message),
        ScanKind::Link => Some(fanzha_core::model::FeatureKind::Link),
        _ => None,
    };
    match model_kind {
        Some(k) => set_model(&guard, k, args.model.as_deref(), args.no_model)?,
        None if args.model.is_some() || args.no_model => {
            return Err(Failure::usage(
                "--model and --no-model apply to --kind message or link only",
            ))
        }
        None => {}
    }
    let reader: Box<dyn BufRead> = match &args.input {
        Some(path) => Box::new(BufReader::with_capacity(
            1 << 16,
            std::fs::File::open(path)
                .map_err(|e| Failure::usage(format!("cannot open {}: {e}", path.display())))?,
        )),
        None => Box::new(BufReader::with_capacity(1 << 16, std::io::stdin().lock())),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let number_ctx = NumberContext {
        channel: match args.channel {
            ChannelArg::Call => Channel::Call,
            ChannelArg::Sms => Channel::Sms,
        },
        ..NumberContext::default()
    };
    let kind = match args.kind {
        ScanKind::Number => "number",
        ScanKind::Link => "link",
        ScanKind::Message => "message",
        ScanKind::Payment => "payment",
        ScanKind::Conversation => "conversation",
    };
    for line in reader.split(b'\n') {
        let raw = line?;
        // Lines are checked as written; a stray CR from a Windows file is not
        // part of the input. Invalid UTF-8 is reported, not fatal.
        let raw = raw.strip_suffix(b"\r").unwrap_or(&raw);
        let text = String::from_utf8_lossy(raw);
        let result: Result<_, ScanError> = match args.kind {
            ScanKind::Number => guard.check_number(&text, &number_ctx).map_err(Into::into),
            ScanKind::Link => guard.check_link(&link_text(raw)).map_err(Into::into),
            ScanKind::Message => guard.check_message(None, &text).map_err(Into::into),
            ScanKind::Payment => crate::payment::scan_line(&guard, &text).map_err(Into::into),
            ScanKind::Conversation => {
                crate::conversation::scan_line(&guard, &text).map_err(ScanError::Line)
            }
        };
        match result {
            Ok(v) => {
                serde_json::to_writer(&mut out, &v).map_err(|e| Failure::runtime(e.to_string()))?
            }
            Err(e) => serde_json::to_writer(
                &mut out,
                &serde_json::json!({"kind": kind, "input": text, "error": e.to_string()}),
            )
            .map_err(|e| Failure::runtime(e.to_string()))?,
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
