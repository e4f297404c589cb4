//! Learned text models: hashed n-gram features, a deterministic multinomial
//! logistic regression trainer, a versioned checksummed quantized file
//! format, and inference that names the n-grams behind a score.
//!
//! The module sits below the checks (it knows nothing of `Guard`): the
//! message check asks a [`Model`] of [`FeatureKind::Message`] for a score;
//! a link check can use a model of [`FeatureKind::Link`] the same way.
//!
//! ```
//! use fanzha_core::model::{train, FeatureKind, TrainOptions, Model};
//!
//! let ex: Vec<(String, String)> = vec![
//!     ("请将资金转入安全账户".into(), "impersonate_authority".into()),
//!     ("您的快递已到驿站请取件".into(), "benign".into()),
//! ];
//! let opts = TrainOptions { holdback_every: 0, ..TrainOptions::default() };
//! let (m, _report) = train(FeatureKind::Message, &ex, &opts).unwrap();
//! let bytes = m.to_bytes();
//! let back = Model::from_bytes(&bytes, FeatureKind::Message).unwrap();
//! assert_eq!(back.to_bytes(), bytes);
//! let p = back.predict("请把资金转入安全账户");
//! assert!(p.fraud_probability() > 0.5);
//! ```

mod features;
mod format;
mod train;

pub use features::{featurize, FeatureKind};
pub use format::ModelError;
pub use train::{is_held_back, train, Calibration, TrainOptions, TrainReport};

/// The embedded default message model: trained by `fanzha model train` on
/// `tests/corpus/train/` (`core/data/models/regenerate.sh`).
const EMBEDDED_MESSAGE: &[u8] = include_bytes!("../../data/models/message.fzml");

/// The embedded default model of a kind (FZML bytes), if this build ships
/// one. Feeds can replace it ([`crate::RuleSources`]).
pub fn embedded(kind: FeatureKind) -> Option<&'static [u8]> {
    match kind {
        FeatureKind::Message => Some(EMBEDDED_MESSAGE),
        // Trained by tests/corpus/links/train_default.sh (see its header
        // for the data); 2^16 buckets, ~190 KB.
        FeatureKind::Link => Some(include_bytes!("../../data/models/link.fzml")),
    }
}

/// The xxh3-64 of a model file's bytes (what `fanzha model train` prints
/// and `core/data/models/message.fzml.xxh3` records).
pub fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The class every model has besides the fraud types (or `phishing`).
pub const BENIGN: &str = "benign";

/// A trained, quantized model (see the module docs).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Which featurizer the model reads.
    pub kind: FeatureKind,
    /// Hash buckets: `1 << bits`.
    pub bits: u8,
    /// Class ids; `classes[0]` is [`BENIGN`].
    pub classes: Vec<String>,
    /// Score thresholds on `1 - P(benign)`, calibrated on held-back data.
    pub calibration: Calibration,
    /// One bias per class.
    pub(crate) bias: Vec<f32>,
    /// One dequantization scale per class.
    pub(crate) scale: Vec<f32>,
    /// Sparse rows: bucket → one i8 weight per class (sorted by bucket).
    pub(crate) rows: Vec<(u32, Vec<i8>)>,
}

/// What a model says about one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// `(class id, probability)`, in the model's class order.
    pub probabilities: Vec<(String, f32)>,
    /// The most likely non-benign class.
    pub top_class: String,
    /// The n-grams that pushed most toward `top_class` over benign:
    /// `(n-gram text, contribution)`, largest first (at most 5).
    pub evidence: Vec<(String, f32)>,
}

impl Prediction {
    /// `1 - P(benign)`.
    pub fn fraud_probability(&self) -> f32 {
        1.0 - self
            .probabilities
            .iter()
            .find(|(c, _)| c == BENIGN)
            .map(|(_, p)| *p)
            .unwrap_or(0.0)
    }
}

impl Model {
    fn row(&self, bucket: u32) -> Option<&[i8]> {
        self.rows
            .binary_search_by_key(&bucket, |(b, _)| *b)
            .ok()
            .map(|i| self.rows[i].1.as_slice())
    }

    /// Class probabilities and evidence for `text`.
    pub fn predict(&self, text: &str) -> Prediction {
        let feats = featurize(self.kind, text, self.bits);
        let n = self.classes.len();
        let mut logits = self.bias.clone();
        let mut contrib: Vec<(&str, u32, f32)> = Vec::new();
        for f in &feats {
            if let Some(row) = self.row(f.bucket) {
                for c in 0..n {
                    logits[c] += f32::from(row[c]) * self.scale[c] * f.value;
                }
                contrib.push((&f.text, f.bucket, f.value));
            }
        }
        let probs = softmax(&logits);
        let top = (1..n)
            .max_by(|&a, &b| probs[a].total_cmp(&probs[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        let mut evidence: Vec<(String, f32)> = contrib
            .iter()
            .filter_map(|&(t, b, v)| {
                let row = self.row(b)?;
                let d =
                    (f32::from(row[top]) * self.scale[top] - f32::from(row[0]) * self.scale[0]) * v;
                (d > 0.0).then(|| (t.to_string(), d))
            })
            .collect();
        evidence.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        evidence.dedup_by(|a, b| a.0 == b.0);
        evidence.truncate(5);
        Prediction {
            probabilities: self.classes.iter().cloned().zip(probs).collect(),
            top_class: self.classes.get(top).cloned().unwrap_or_default(),
            evidence,
        }
    }
}

impl Model {
    /// `1 - P(benign)` for a link, as [`Model::predict`] computes it, without
    /// building the n-gram texts (the link check's hot path; call
    /// `predict` for the evidence). Other kinds go through `predict`.
    pub fn link_fraud_probability(&self, text: &str) -> f32 {
        if self.kind != FeatureKind::Link {
            return self.predict(text).fraud_probability();
        }
        let mut buckets = Vec::new();
        features::link_buckets(text, self.bits, &mut buckets);
        let value = 1.0 / (buckets.len().max(1) as f32).sqrt();
        let mut logits = self.bias.clone();
        for b in &buckets {
            if let Some(row) = self.row(*b) {
                for (c, l) in logits.iter_mut().enumerate() {
                    *l += f32::from(row[c]) * self.scale[c] * value;
                }
            }
        }
        let probs = softmax(&logits);
        1.0 - probs.first().copied().unwrap_or(0.0)
    }
}

pub(crate) fn softmax(logits: &[f32]) -> Vec<f32> {
    // Bounded parameters keep logits finite; clamp anyway so no input can
    // turn a probability into NaN (inf - inf).
    let logits: Vec<f32> = logits
        .iter()
        .map(|&l| {
            if l.is_nan() {
                0.0
            } else {
                l.clamp(-1e30, 1e30)
            }
        })
        .collect();
    let m = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = logits.iter().map(|&l| (l - m).exp()).collect();
    let s: f32 = e.iter().sum();
    e.iter().map(|&x| x / s).collect()
}

#[cfg(test)]
mod tests;
