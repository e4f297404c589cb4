//! `fanzha model train` and `fanzha model eval`.

use crate::Failure;
use clap::{Args, Subcommand};
use fanzha_core::model::{train, FeatureKind, Model, TrainOptions, BENIGN};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ModelCommand {
    /// Train a model on JSON lines (`{"label":…,"text":…}` for messages,
    /// `{"label":"phishing|benign","url":…}` for links); prints held-back figures.
    Train(TrainArgs),
    /// Score a model on JSON lines: recall per type, type accuracy, FP rate (JSON).
    Eval(EvalArgs),
}

#[derive(Args)]
pub struct TrainArgs {
    /// Corpus files (JSON lines); repeatable.
    #[arg(long, required = true)]
    input: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Shuffling seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// `message` or `link`.
    #[arg(long, default_value = "message")]
    kind: String,
    /// Hash buckets: 1 << bits.
    #[arg(long, default_value_t = 18)]
    bits: u8,
    /// Passes over the data.
    #[arg(long, default_value_t = 8)]
    epochs: u32,
}

#[derive(Args)]
pub struct EvalArgs {
    /// The model file.
    #[arg(long)]
    model: PathBuf,
    /// Corpus files (JSON lines); repeatable.
    #[arg(long, required = true)]
    input: Vec<PathBuf>,
    /// `message` or `link`.
    #[arg(long, default_value = "message")]
    kind: String,
}

fn kind(s: &str) -> Result<FeatureKind, Failure> {
    FeatureKind::parse(s)
        .ok_or_else(|| Failure::usage(format!("--kind must be message or link, not {s}")))
}

/// Reads `(text, label)` pairs; link files keep `url`, message files `text`.
fn read(inputs: &[PathBuf], kind: FeatureKind) -> Result<Vec<(String, String)>, Failure> {
    let field = match kind {
        FeatureKind::Link => "url",
        FeatureKind::Message => "text",
    };
    let mut out = Vec::new();
    for path in inputs {
        let data = std::fs::read_to_string(path)?;
        for (i, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
                Failure::usage(format!("{}:{}: not JSON: {e}", path.display(), i + 1))
            })?;
            let (Some(label), Some(text)) = (v["label"].as_str(), v[field].as_str()) else {
                return Err(Failure::usage(format!(
                    "{}:{}: needs string \"label\" and \"{field}\"",
                    path.display(),
                    i + 1
                )));
            };
            out.push((text.to_string(), label.to_string()));
        }
    }
    Ok(out)
}

pub fn run(cmd: ModelCommand) -> Result<(), Failure> {
    match cmd {
        ModelCommand::Train(a) => {
            let k = kind(&a.kind)?;
            let ex = read(&a.input, k)?;
            let opts = TrainOptions {
                seed: a.seed,
                bits: a.bits,
                epochs: a.epochs,
                ..TrainOptions::default()
            };
            let (m, r) = train(k, &ex, &opts).map_err(|e| Failure::usage(e.to_string()))?;
            let bytes = m.to_bytes();
            std::fs::write(&a.out, &bytes)?;
            let out = serde_json::json!({
                "kind": k.as_str(),
                "classes": m.classes,
                "examples": ex.len(),
                "trained": r.trained,
                "held_back": r.held_back,
                "held_back_fraud_recall": r.fraud_recall,
                "held_back_benign_fp_rate": r.benign_fp_rate,
                "held_back_type_accuracy": r.type_accuracy,
                "suspicious_at": m.calibration.suspicious_at,
                "dangerous_at": m.calibration.dangerous_at,
                "bytes": bytes.len(),
            });
            println!("{out}");
            Ok(())
        }
        ModelCommand::Eval(a) => {
            let k = kind(&a.kind)?;
            let m = Model::from_bytes(&std::fs::read(&a.model)?, k)
                .map_err(|e| Failure::usage(format!("{}: {e}", a.model.display())))?;
            let ex = read(&a.input, k)?;
            let mut per: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
            let (mut fraud, mut typed, mut benign, mut fp) = (0usize, 0usize, 0usize, 0usize);
            for (text, label) in &ex {
                let p = m.predict(text);
                let hit = p.fraud_probability() >= m.calibration.suspicious_at;
                if label == BENIGN {
                    benign += 1;
                    fp += usize::from(hit);
                } else {
                    fraud += 1;
                    typed += usize::from(p.top_class == *label);
                    let e = per.entry(label.clone()).or_default();
                    e.0 += 1;
                    e.1 += usize::from(hit);
                }
            }
            let frac = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            let recall: serde_json::Map<String, serde_json::Value> = per
                .iter()
                .map(|(k, (n, h))| (k.clone(), serde_json::json!(frac(*h, *n))))
                .collect();
            let out = serde_json::json!({
                "examples": ex.len(),
                "fraud": fraud,
                "benign": benign,
                "recall": frac(per.values().map(|x| x.1).sum(), fraud),
                "recall_per_type": recall,
                "type_accuracy": frac(typed, fraud),
                "fp_rate": frac(fp, benign),
                "suspicious_at": m.calibration.suspicious_at,
            });
            println!("{out}");
            Ok(())
        }
    }
}
