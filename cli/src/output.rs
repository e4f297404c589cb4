//! Printing verdicts for people (and as the JSON contract for tools).

use crate::Failure;
use fanzha_core::{Lang, Level, Verdict};
use std::io::Write;

/// Prints a verdict: one JSON object with `json`, otherwise a readable block.
pub fn print_verdict(v: &Verdict, json: bool, lang: Lang) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer(&mut out, v).map_err(|e| Failure::runtime(e.to_string()))?;
        writeln!(out)?;
    } else {
        write_human(&mut out, v, lang)?;
    }
    Ok(())
}

fn level_label(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Trusted, Lang::En) => "TRUSTED",
        (Level::Clear, Lang::En) => "CLEAR",
        (Level::Suspicious, Lang::En) => "SUSPICIOUS",
        (Level::Dangerous, Lang::En) => "DANGEROUS",
        (Level::Trusted, Lang::ZhHans) => "可信",
        (Level::Clear, Lang::ZhHans) => "未见风险",
        (Level::Suspicious, Lang::ZhHans) => "可疑",
        (Level::Dangerous, Lang::ZhHans) => "高危",
    }
}

/// A readable block: headline, normalized form, reasons, advice.
pub fn write_human(out: &mut impl Write, v: &Verdict, lang: Lang) -> std::io::Result<()> {
    writeln!(
        out,
        "[{}] {}  (score {}, action {})",
        level_label(v.level, lang),
        v.title,
        v.score,
        v.action
    )?;
    writeln!(out, "  {:<11} {}", "input:", v.input)?;
    if let Some(n) = &v.normalized {
        writeln!(out, "  {:<11} {}", "normalized:", n)?;
    }
    if let Some(t) = v.fraud_type {
        writeln!(out, "  {:<11} {}", "fraud type:", t)?;
    }
    if !v.reasons.is_empty() {
        writeln!(out, "  reasons:")?;
        for r in &v.reasons {
            writeln!(out, "    {:>+4}  {:<32} {}", r.weight, r.code, r.detail)?;
        }
    }
    for e in &v.extracted {
        match &e.verdict {
            Some(ev) => writeln!(
                out,
                "  found {} {} → {} ({})",
                e.kind, e.value, ev.level, ev.score
            )?,
            None => writeln!(out, "  found {} {}", e.kind, e.value)?,
        }
    }
    if let Some(secs) = v.cool_off_seconds {
        writeln!(out, "  cool-off:   {secs} s")?;
    }
    for q in &v.questions {
        writeln!(out, "  ask: {}", q.text)?;
    }
    if !v.advice.is_empty() {
        writeln!(out, "  advice:")?;
        for a in &v.advice {
            writeln!(out, "    - {a}")?;
        }
    }
    writeln!(out, "  {:<11} {}", "data:", v.feed_version)?;
    if let Some(id) = &v.id {
        writeln!(out, "  {:<11} {}", "id:", id)?;
    }
    Ok(())
}
