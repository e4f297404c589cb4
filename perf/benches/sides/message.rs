//! Message scan with the full default pattern set vs running each pattern
//! one after another as its own regex (what rule-based SMS blockers do), on
//! the same messages: this project's own corpus (`tests/corpus`).

use super::link::round2;
use crate::{emit, measure_build, median_ns, Line, Plan};
use fanzha_core::{Guard, Lang, Settings};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every keyword (escaped) and every regex in the pattern set, one regex each.
fn sequential_regexes(patterns: &serde_json::Value) -> Vec<regex::Regex> {
    let mut sources: Vec<String> = Vec::new();
    fn walk(v: &serde_json::Value, key: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) if key == "keywords" => out.push(regex::escape(s)),
            serde_json::Value::String(s) if key == "regex" || key == "regexes" => {
                out.push(s.clone())
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, key, out)),
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, k, out)),
            _ => {}
        }
    }
    walk(patterns, "", &mut sources);
    sources
        .iter()
        .filter_map(|s| regex::RegexBuilder::new(s).size_limit(1 << 20).build().ok())
        .collect()
}

fn corpus() -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(repo().join("tests/corpus")) else {
        return out;
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for d in dirs.flatten() {
        let p = d.path();
        if p.is_dir() {
            files.extend(
                std::fs::read_dir(&p)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path()),
            );
        } else {
            files.push(p);
        }
    }
    files.sort();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "jsonl"))
    {
        for line in std::fs::read_to_string(f).unwrap_or_default().lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(text) = v["text"].as_str() {
                    out.push((v["sender"].as_str().map(str::to_string), text.to_string()));
                }
            }
        }
    }
    out
}

pub fn compare(plan: &Plan) {
    let Ok(json) = std::fs::read_to_string(repo().join("core/data/patterns.json")) else {
        eprintln!("message: no core/data/patterns.json; skipped");
        return;
    };
    let patterns: serde_json::Value = serde_json::from_str(&json).expect("patterns.json parses");
    let messages = corpus();
    if messages.is_empty() {
        eprintln!("message: no corpus under tests/corpus; skipped");
        return;
    }
    let bytes: usize = messages.iter().map(|(_, t)| t.len()).sum();
    let guard = Guard::new(Settings {
        region: "CN".into(),
        lang: Lang::ZhHans,
    })
    .expect("guard");
    let ours = median_ns(plan.rounds, messages.len().min(2_000), |i| {
        let (sender, text) = &messages[i % messages.len()];
        let _ = black_box(guard.check_message(sender.as_deref(), black_box(text)));
    });
    let (regexes, theirs_heap, build_s) = measure_build(|| sequential_regexes(&patterns));
    let theirs = median_ns(plan.rounds.min(5), messages.len().min(1_000), |i| {
        let text = &messages[i % messages.len()].1;
        let mut hits = 0usize;
        for r in &regexes {
            hits += usize::from(r.is_match(black_box(text)));
        }
        black_box(hits);
    });
    let avg = bytes as f64 / messages.len() as f64;
    emit(Line {
        comparison: "message_scan",
        entries: regexes.len(),
        ours: "fanzha Guard::check_message (normalize, extract + check links/numbers, keyword automaton, gated regexes, rules)",
        theirs: "each pattern of the default set as its own regex::Regex, is_match one after another",
        ours_ns: ours,
        theirs_ns: theirs,
        extra: serde_json::json!({
            "messages": messages.len(),
            "avg_message_bytes": round2(avg),
            "ours_mb_per_s_at_mean": round2(avg / ours.mean * 1e3),
            "theirs_mb_per_s_at_mean": round2(avg / theirs.mean * 1e3),
            "theirs_heap_mb": round2(theirs_heap as f64 / 1e6),
            "theirs_compile_s": round2(build_s),
        }),
    });
}
