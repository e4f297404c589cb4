//! `fanzha link …`: the link canonicalizer and its lookup expressions, for
//! feed publishers and for anyone checking what the SDK hashes.

use crate::Failure;
use clap::Subcommand;
use fanzha_core::blocklist::{fast_hash, value_hash};
use std::io::Write;

#[derive(Subcommand, Debug)]
pub enum LinkCommand {
    /// Print the Safe Browsing canonical form of a URL.
    Canon {
        /// The URL (a scheme-less `example.com/x` is read as http); bytes
        /// that are not UTF-8 are read as raw bytes.
        url: std::ffi::OsString,
    },
    /// Print the lookup expressions (host suffix × path prefix) of a URL,
    /// one per line.
    Expressions {
        /// The URL (a scheme-less `example.com/x` is read as http); bytes
        /// that are not UTF-8 are read as raw bytes.
        url: std::ffi::OsString,
        /// Also print each expression's SHA-256 (the feed key) and its
        /// 64-bit fast hash (the index key), tab-separated, in hex.
        #[arg(long)]
        hashes: bool,
    },
    /// Raise a link model's threshold so that at most `--max-fp` of the
    /// given benign links (JSON lines with `url`, none of them trained on)
    /// score at or above it; prints the thresholds. Used for the embedded
    /// default model (tests/corpus/links/train_default.sh).
    CalibrateModel {
        /// The model (FZML, kind link).
        #[arg(long)]
        model: std::path::PathBuf,
        /// Benign links the model was not trained on (JSON lines).
        #[arg(long, required = true)]
        benign: Vec<std::path::PathBuf>,
        /// Largest share of them the model may flag.
        #[arg(long, default_value_t = 0.003)]
        max_fp: f32,
        /// Where to write the recalibrated model.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Build the protected-domain file (`core/data/protected_domains.bin`)
    /// from a list of domains, one a line (`#` comments), and write it to
    /// stdout: 8-byte hashes of each domain's skeleton and of the domain.
    ProtectedDomains {
        /// The list (`core/data/protected_domains.txt`).
        list: std::path::PathBuf,
    },
}

pub fn run(cmd: LinkCommand) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cmd {
        LinkCommand::Canon { url } => {
            let c = fanzha_core::link::canonicalize_bytes(url.as_encoded_bytes())?;
            writeln!(out, "{}", c.url())?;
        }
        LinkCommand::Expressions { url, hashes } => {
            let c = fanzha_core::link::canonicalize_bytes(url.as_encoded_bytes())?;
            for e in fanzha_core::link::expressions(&c) {
                if hashes {
                    let sha: String = value_hash(&e).iter().map(|b| format!("{b:02x}")).collect();
                    writeln!(out, "{e}\t{sha}\t{:016x}", fast_hash(&e))?;
                } else {
                    writeln!(out, "{e}")?;
                }
            }
        }
        LinkCommand::CalibrateModel {
            model,
            benign,
            max_fp,
            out: path,
        } => {
            use fanzha_core::model::{FeatureKind, Model};
            let read = |p: &std::path::Path| {
                std::fs::read(p)
                    .map_err(|e| Failure::usage(format!("cannot read {}: {e}", p.display())))
            };
            let mut m = Model::from_bytes(&read(&model)?, FeatureKind::Link)
                .map_err(|e| Failure::usage(format!("{}: {e}", model.display())))?;
            let mut scores = Vec::new();
            for b in &benign {
                let text = String::from_utf8_lossy(&read(b)?).into_owned();
                for (i, line) in text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                {
                    let v: serde_json::Value = serde_json::from_str(line)
                        .map_err(|e| Failure::usage(format!("{}:{}: {e}", b.display(), i + 1)))?;
                    let url = v["url"].as_str().ok_or_else(|| {
                        Failure::usage(format!("{}:{}: needs \"url\"", b.display(), i + 1))
                    })?;
                    scores.push(m.predict(url).fraud_probability());
                }
            }
            if scores.is_empty() || !(0.0..1.0).contains(&max_fp) {
                return Err(Failure::usage("need benign links and 0 <= --max-fp < 1"));
            }
            scores.sort_by(f32::total_cmp);
            // The threshold above all but `max_fp` of the benign scores.
            let keep = ((scores.len() as f32) * max_fp).floor() as usize;
            let above = scores[scores.len() - 1 - keep.min(scores.len() - 1)];
            let s = m.calibration.suspicious_at.max(next_up(above)).min(0.9999);
            m.calibration.suspicious_at = s;
            m.calibration.dangerous_at = m.calibration.dangerous_at.max(s).min(0.99999);
            std::fs::write(&path, m.to_bytes())?;
            let flagged = scores.iter().filter(|&&x| x >= s).count();
            writeln!(
                out,
                "{}",
                serde_json::json!({
                    "benign": scores.len(),
                    "flagged": flagged,
                    "suspicious_at": s,
                    "dangerous_at": m.calibration.dangerous_at,
                })
            )?;
        }
        LinkCommand::ProtectedDomains { list } => {
            let text = std::fs::read_to_string(&list)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", list.display())))?;
            let domains = text
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty());
            out.write_all(&fanzha_core::link::protected_domains_file(domains)?)?;
        }
    }
    Ok(())
}

/// The smallest f32 above `x` (for 0 <= x < 1).
fn next_up(x: f32) -> f32 {
    f32::from_bits(x.to_bits() + 1)
}
