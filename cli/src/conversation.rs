//! `fanzha scan --kind conversation`: one JSON dialogue per line,
//! `{"turns": [{"speaker": "remote"|"local", "text": "…"}, …]}` (other
//! fields, such as a corpus label, are ignored); and `fanzha check
//! conversation remote:TEXT local:TEXT …`.

use crate::Failure;
use clap::Args;
use fanzha_core::conversation::{Speaker, Turn};
use fanzha_core::{Guard, Verdict};

#[derive(Args, Debug)]
pub struct ConversationArgs {
    /// The turns in order, each `remote:TEXT` (the other party) or
    /// `local:TEXT` (the user).
    #[arg(required = true, value_name = "SPEAKER:TEXT")]
    pub turns: Vec<String>,
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub common: crate::common::CommonArgs,
}

/// `fanzha check conversation`.
pub fn run(args: ConversationArgs) -> Result<(), Failure> {
    let turns = args
        .turns
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (who, text) = t.split_once(':').unwrap_or(("", t));
            Speaker::parse(who.trim())
                .map(|speaker| Turn {
                    speaker,
                    text: text.to_string(),
                })
                .ok_or_else(|| {
                    Failure::usage(format!(
                        "turn {}: write it as remote:TEXT or local:TEXT",
                        i + 1
                    ))
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let guard = args.common.guard()?;
    let verdict = guard.check_conversation(&turns)?;
    crate::output::print_verdict(&verdict, args.json, guard.settings().lang)
}

/// Longest line read as one dialogue (the core's own cap on the text, plus
/// room for JSON escapes).
const MAX_LINE_BYTES: usize = 4 * fanzha_core::conversation::MAX_BYTES;

/// Why a line is not a dialogue (never repeats the line's text).
#[derive(Debug)]
pub struct BadLine(pub String);

impl std::fmt::Display for BadLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid conversation line: {}", self.0)
    }
}

/// The turns of one JSON line.
pub fn parse_line(line: &str) -> Result<Vec<Turn>, BadLine> {
    if line.len() > MAX_LINE_BYTES {
        return Err(BadLine("line too long".into()));
    }
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        BadLine(format!(
            "not JSON (line {} column {})",
            e.line(),
            e.column()
        ))
    })?;
    let turns = v
        .get("turns")
        .and_then(|t| t.as_array())
        .ok_or_else(|| BadLine("expected an object with a \"turns\" array".into()))?;
    turns
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let speaker = t
                .get("speaker")
                .and_then(|s| s.as_str())
                .and_then(Speaker::parse)
                .ok_or_else(|| {
                    BadLine(format!(
                        "turn {}: speaker must be \"remote\" or \"local\"",
                        i + 1
                    ))
                })?;
            let text = t
                .get("text")
                .and_then(|s| s.as_str())
                .ok_or_else(|| BadLine(format!("turn {}: text must be a string", i + 1)))?;
            Ok(Turn {
                speaker,
                text: text.to_string(),
            })
        })
        .collect()
}

/// Checks one line; a malformed line is an error value, not a failure of
/// the run.
pub fn scan_line(guard: &Guard, line: &str) -> Result<Verdict, String> {
    let turns = parse_line(line).map_err(|e| e.to_string())?;
    guard.check_conversation(&turns).map_err(|e| e.to_string())
}
