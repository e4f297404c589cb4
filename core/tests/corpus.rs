//! Measures the message check on our own labelled corpus (`tests/corpus/`):
//! recall per fraud type, fraud-type accuracy and the false-positive rate,
//! overall and per split (`dev`: written alongside the rules; `holdout`:
//! written afterwards and never used to tune them).
//!
//! Fails when any fraud type's recall is below 95 %, or more than 1 % of the
//! benign messages are flagged. `cargo test -p fanzha-core --test corpus --
//! --nocapture` prints the table; `FANZHA_CORPUS_VERBOSE=1` also lists every
//! miss, mistyped verdict and false alarm.

use fanzha_core::{FraudType, Guard, Lang, Level, Settings};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const MIN_RECALL: f64 = 0.95;
const MAX_FP_RATE: f64 = 0.01;

/// Directories under `tests/corpus/` that this rule test does not read:
/// `train` (the generated training split of the message model), `fresh4`
/// to `fresh9` (the model's first-measurement splits), `links` (URL lines,
/// another format), `conversations` (dialogues as turns), `gen` and `tools`
/// (code).
const NOT_RULE_SPLITS: &[&str] = &[
    "train",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "links",
    "conversations",
    "gen",
    "tools",
];

#[derive(Debug, Deserialize)]
struct Case {
    label: String,
    sender: Option<String>,
    text: String,
}

#[derive(Debug, Default, Clone)]
struct Tally {
    total: usize,
    flagged: usize,
    typed_right: usize,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

fn load(dir: &Path) -> Vec<(String, Case)> {
    let mut out = Vec::new();
    let mut splits: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_none_or(|n| !NOT_RULE_SPLITS.contains(&n))
        })
        .collect();
    splits.sort();
    for split in splits {
        let name = split
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&split)
            .expect("readable split")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable corpus file");
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let case: Case = serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("{}:{}: {e}", file.display(), n + 1));
                assert!(
                    case.label == "benign" || FraudType::parse(&case.label).is_some(),
                    "{}:{}: unknown label {}",
                    file.display(),
                    n + 1,
                    case.label
                );
                out.push((name.clone(), case));
            }
        }
    }
    out
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

#[test]
fn corpus_recall_accuracy_and_false_positives() {
    let cases = load(&corpus_dir());
    assert!(!cases.is_empty(), "no corpus found");
    let verbose = std::env::var_os("FANZHA_CORPUS_VERBOSE").is_some();
    let guard = Guard::new(Settings {
        region: "CN".into(),
        lang: Lang::ZhHans,
    })
    .expect("embedded guard");

    // (split, label) → tally; split "all" holds the sums.
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut problems = Vec::new();
    for (split, case) in &cases {
        let v = guard
            .check_message(case.sender.as_deref(), &case.text)
            .unwrap_or_else(|e| panic!("corpus message refused ({e}): {}", case.text));
        let flagged = v.level >= Level::Suspicious;
        let right_type = v.fraud_type.map(|t| t.as_str()) == Some(case.label.as_str());
        for s in [split.as_str(), "all"] {
            let t = tallies
                .entry((s.to_string(), case.label.clone()))
                .or_default();
            t.total += 1;
            t.flagged += usize::from(flagged);
            t.typed_right += usize::from(flagged && right_type);
        }
        let what = if case.label == "benign" {
            flagged.then_some("FALSE ALARM")
        } else if !flagged {
            Some("MISS")
        } else if !right_type {
            Some("WRONG TYPE")
        } else {
            None
        };
        if let Some(what) = what {
            let reasons: Vec<String> = v
                .reasons
                .iter()
                .map(|r| format!("{}({})", r.code, r.weight))
                .collect();
            problems.push(format!(
                "{what} [{split}] label={} got={}/{} score={} {}\n    {}",
                case.label,
                v.level,
                v.fraud_type.map(|t| t.as_str()).unwrap_or("-"),
                v.score,
                reasons.join(" "),
                case.text
            ));
        }
    }

    let mut failures = Vec::new();
    let splits: Vec<String> = {
        let mut s: Vec<String> = tallies.keys().map(|(s, _)| s.clone()).collect();
        s.dedup();
        s
    };
    for split in &splits {
        println!("== corpus split: {split}");
        println!(
            "{:<30} {:>6} {:>8} {:>9}",
            "fraud type", "n", "recall", "type ok"
        );
        let mut fraud = Tally::default();
        for ((s, label), t) in &tallies {
            if s != split || label == "benign" {
                continue;
            }
            println!(
                "{:<30} {:>6} {:>7.1}% {:>8.1}%",
                label,
                t.total,
                100.0 * pct(t.flagged, t.total),
                100.0 * pct(t.typed_right, t.flagged)
            );
            fraud.total += t.total;
            fraud.flagged += t.flagged;
            fraud.typed_right += t.typed_right;
            if split == "all" && pct(t.flagged, t.total) < MIN_RECALL {
                failures.push(format!(
                    "recall of {label} is {:.1}%",
                    100.0 * pct(t.flagged, t.total)
                ));
            }
        }
        let benign = tallies
            .get(&(split.clone(), "benign".to_string()))
            .cloned()
            .unwrap_or_default();
        println!(
            "{:<30} {:>6} {:>7.1}% {:>8.1}%",
            "ALL FRAUD",
            fraud.total,
            100.0 * pct(fraud.flagged, fraud.total),
            100.0 * pct(fraud.typed_right, fraud.flagged)
        );
        println!(
            "{:<30} {:>6} false positives {} ({:.2}%)",
            "benign",
            benign.total,
            benign.flagged,
            100.0 * pct(benign.flagged, benign.total)
        );
        if split == "all" {
            if pct(fraud.flagged, fraud.total) < MIN_RECALL {
                failures.push(format!(
                    "overall recall {:.1}%",
                    100.0 * pct(fraud.flagged, fraud.total)
                ));
            }
            if benign.total > 0 && pct(benign.flagged, benign.total) > MAX_FP_RATE {
                failures.push(format!(
                    "false-positive rate {:.2}%",
                    100.0 * pct(benign.flagged, benign.total)
                ));
            }
        }
    }
    if verbose || !failures.is_empty() {
        for p in &problems {
            println!("{p}");
        }
    }
    assert!(
        failures.is_empty(),
        "corpus thresholds not met: {failures:?}"
    );
}

/// Every fraud type of the taxonomy has at least 40 Chinese messages, and
/// there are at least 300 benign ones.
#[test]
fn corpus_is_large_enough() {
    let cases = load(&corpus_dir());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, c) in &cases {
        let chinese = c
            .text
            .chars()
            .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
        if chinese || c.label == "benign" {
            *counts.entry(c.label.as_str()).or_default() += 1;
        }
    }
    for t in FraudType::ALL {
        let n = counts.get(t.as_str()).copied().unwrap_or(0);
        assert!(n >= 40, "{} has only {n} Chinese messages", t.as_str());
    }
    let benign = counts.get("benign").copied().unwrap_or(0);
    assert!(benign >= 300, "only {benign} benign messages");
}
