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

pub(crate) mod features;
mod format;
mod pack;
mod train;

pub(crate) use features::MAX_FEATURE_BYTES;
pub use features::{featurize, FeatureKind};
pub use format::ModelError;
pub(crate) use pack::decompress;
pub use pack::PackedText;
pub use train::{is_held_back, train, Calibration, TrainOptions, TrainReport};

/// Embedded rules JSON `name` (`data/NAME.json`), as `build.rs` packed it.
#[macro_export]
#[doc(hidden)]
macro_rules! packed_json {
    ($name:literal) => {{
        static PACKED: $crate::model::PackedText = $crate::model::PackedText::new(include_bytes!(
            concat!(env!("OUT_DIR"), "/", $name, ".json.z")
        ));
        &PACKED
    }};
}

/// The embedded default models, packed by `build.rs` (`pack.rs`): the
/// message model trained by `fanzha model train` on `tests/corpus/train/`
/// (`core/data/models/regenerate.sh`); the link model by
/// tests/corpus/links/train_default.sh (see its header for the data).
const PACKED_MESSAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/message.fzml.z"));
const PACKED_LINK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/link.fzml.z"));

/// The embedded default model of a kind (FZML bytes), if this build ships
/// one. Feeds can replace it ([`crate::RuleSources`]). Unpacked on first
/// use (tens of milliseconds once per process), then kept.
pub fn embedded(kind: FeatureKind) -> Option<&'static [u8]> {
    use std::sync::OnceLock;
    static MESSAGE: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    static LINK: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    let (cell, packed) = match kind {
        FeatureKind::Message => (&MESSAGE, PACKED_MESSAGE),
        FeatureKind::Link => (&LINK, PACKED_LINK),
    };
    cell.get_or_init(|| pack::unpack(packed)).as_deref()
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
    /// The buckets that have a row, ascending.
    pub(crate) buckets: Vec<u32>,
    /// The rows' weights: row `i` is `weights[i * classes .. (i + 1) * classes]`.
    pub(crate) weights: Vec<i8>,
    /// How a bucket finds its row (see [`Model::indexed`]).
    pub(crate) index: RowIndex,
}

/// Finds a bucket's row. Up to 2^20 buckets: a bitmap of the buckets that
/// have a row and the number of rows before each 64-bucket word (the row
/// is a popcount away: no search, one cache miss for the weights). Beyond:
/// a directory over `buckets` by their top [`DIR_BITS`] bits (the rows of
/// `k` are `dir[k]..dir[k + 1]`), then a binary search.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct RowIndex {
    bitmap: Vec<u64>,
    rank: Vec<u32>,
    dir: Vec<u32>,
}

/// Largest bucket bits indexed by bitmap (2^20 bits: 128 KB + 64 KB).
const BITMAP_BITS: u8 = 20;

/// Bits of a bucket the row directory splits on (at most).
const DIR_BITS: u8 = 12;

/// What a model says about one input, without the evidence (see
/// [`Model::score`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Probabilities in the model's class order.
    pub probabilities: Vec<f32>,
    /// Index of the most likely non-benign class.
    pub top: usize,
    /// How many of the input's distinct n-grams the model has weights for
    /// (how much of the text it recognizes).
    pub known: u32,
}

impl Score {
    /// `1 - P(benign)`.
    pub fn fraud_probability(&self) -> f32 {
        1.0 - self.probabilities.first().copied().unwrap_or(0.0)
    }

    /// `P(top class)`.
    pub fn top_probability(&self) -> f32 {
        self.probabilities.get(self.top).copied().unwrap_or(0.0)
    }
}

/// What a model says about one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// `(class id, probability)`, in the model's class order.
    pub probabilities: Vec<(String, f32)>,
    /// The most likely non-benign class.
    pub top_class: String,
    /// The n-grams that pushed most toward `top_class` over benign:
    /// `(n-gram text, contribution)`, largest first (at most 10). Latin
    /// word n-grams carry a `w:` prefix.
    pub evidence: Vec<(String, f32)>,
    /// How many of the input's distinct n-grams the model has weights for.
    pub known: u32,
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

thread_local! {
    static SCRATCH: std::cell::Cell<features::Scratch> =
        std::cell::Cell::new(features::Scratch::default());
}

/// Runs `f` with this thread's featurization buffers (fresh ones if they
/// are in use further up the stack or the thread is exiting).
fn with_scratch<R>(f: impl FnOnce(&mut features::Scratch) -> R) -> R {
    let mut s = SCRATCH.try_with(std::cell::Cell::take).unwrap_or_default();
    let r = f(&mut s);
    let _ = SCRATCH.try_with(|c| c.set(s));
    r
}

impl Model {
    /// The model with its row index built (after its buckets are set:
    /// ascending, one row of weights per class each).
    pub(crate) fn indexed(mut self) -> Model {
        let mut index = RowIndex::default();
        if self.bits <= BITMAP_BITS {
            let words = (1usize << self.bits).div_ceil(64);
            index.bitmap = vec![0u64; words];
            for &b in &self.buckets {
                if let Some(w) = index.bitmap.get_mut((b >> 6) as usize) {
                    *w |= 1 << (b & 63);
                }
            }
            let mut before = 0u32;
            index.rank = index
                .bitmap
                .iter()
                .map(|w| {
                    let r = before;
                    before += w.count_ones();
                    r
                })
                .collect();
        } else {
            let dir_bits = self.bits.min(DIR_BITS);
            let shift = self.bits - dir_bits;
            let mut dir = Vec::with_capacity((1usize << dir_bits) + 1);
            let mut i = 0usize;
            for k in 0..(1u32 << dir_bits) {
                while i < self.buckets.len() && (self.buckets[i] >> shift) < k {
                    i += 1;
                }
                dir.push(i as u32);
            }
            dir.push(self.buckets.len() as u32);
            index.dir = dir;
        }
        self.index = index;
        self
    }

    /// Rows in the model.
    pub fn rows(&self) -> usize {
        self.buckets.len()
    }

    pub(crate) fn row(&self, bucket: u32) -> Option<&[i8]> {
        let n = self.classes.len();
        let ix = &self.index;
        let i = if ix.bitmap.is_empty() {
            let shift = self.bits - self.bits.min(DIR_BITS);
            let k = (bucket >> shift) as usize;
            let (lo, hi) = (*ix.dir.get(k)? as usize, *ix.dir.get(k + 1)? as usize);
            lo + self.buckets.get(lo..hi)?.binary_search(&bucket).ok()?
        } else {
            let k = (bucket >> 6) as usize;
            let word = *ix.bitmap.get(k)?;
            let bit = 1u64 << (bucket & 63);
            if word & bit == 0 {
                return None;
            }
            *ix.rank.get(k)? as usize + (word & (bit - 1)).count_ones() as usize
        };
        self.weights.get(i * n..(i + 1) * n)
    }

    /// Class probabilities and the top non-benign class for `text`,
    /// without the evidence: the n-grams are hashed without building their
    /// texts and the weights summed as integers (exact, in any order), so
    /// this allocates only the probabilities. [`Model::predict`] gives the
    /// same probabilities with the evidence.
    pub fn score(&self, text: &str) -> Score {
        self.score_then_explain(text, |_| false).0
    }

    /// [`Model::score`], then, when `want` says so for that score, the
    /// evidence toward its top class ([`Model::explain`]) from the same
    /// featurization (a message model hashes the n-grams once for both).
    pub fn score_then_explain(
        &self,
        text: &str,
        want: impl FnOnce(&Score) -> bool,
    ) -> (Score, Option<Vec<(String, f32)>>) {
        if self.kind != FeatureKind::Message {
            let score = with_scratch(|s| {
                s.buckets(self.kind, text, self.bits);
                self.score_buckets(&s.buckets, &mut s.acc)
            });
            let evidence = want(&score).then(|| self.explain(text, score.top));
            return (score, evidence);
        }
        with_scratch(|s| {
            s.message_grams(text);
            let mask = (1u64 << self.bits.min(24)) - 1;
            s.buckets.clear();
            s.buckets
                .extend(s.grams.iter().map(|&(h, _)| (h & mask) as u32));
            let score = self.score_buckets(&s.buckets, &mut s.acc);
            let evidence = want(&score).then(|| self.message_evidence(s, score.top));
            (score, evidence)
        })
    }

    /// The score of a deduplicated feature set (`acc`: a reused buffer).
    fn score_buckets(&self, buckets: &[u32], acc: &mut Vec<i32>) -> Score {
        let n = self.classes.len();
        acc.clear();
        acc.resize(n, 0);
        let mut known = 0u32;
        for &b in buckets {
            if let Some(row) = self.row(b) {
                known += 1;
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += i32::from(w);
                }
            }
        }
        let value = 1.0 / (buckets.len().max(1) as f32).sqrt();
        let mut probabilities: Vec<f32> = (0..n)
            .map(|c| self.bias[c] + acc[c] as f32 * self.scale[c] * value)
            .collect();
        softmax_in_place(&mut probabilities);
        let top = (1..n)
            .max_by(|&a, &b| {
                probabilities[a]
                    .total_cmp(&probabilities[b])
                    .then(b.cmp(&a))
            })
            .unwrap_or(0);
        Score {
            probabilities,
            top,
            known,
        }
    }

    /// The n-grams of `text` that pushed most toward class `top` over
    /// benign: `(n-gram text, contribution)`, largest first (at most 10;
    /// ties by text). Only the texts of those are built (a message model;
    /// a link model builds all of them).
    pub fn explain(&self, text: &str, top: usize) -> Vec<(String, f32)> {
        if self.kind != FeatureKind::Message {
            if top >= self.classes.len() {
                return Vec::new();
            }
            let feats = featurize(self.kind, text, self.bits);
            let ev = feats.into_iter().filter_map(|f| {
                let d = self.contribution(f.bucket, top, f.value)?;
                Some((f.text, d))
            });
            return top_evidence(ev.collect());
        }
        with_scratch(|s| {
            s.message_grams(text);
            self.message_evidence(s, top)
        })
    }

    /// [`Model::explain`] over the grams of the last
    /// [`features::Scratch::message_grams`] call.
    fn message_evidence(&self, s: &features::Scratch, top: usize) -> Vec<(String, f32)> {
        if top >= self.classes.len() {
            return Vec::new();
        }
        let value = 1.0 / (s.grams.len().max(1) as f32).sqrt();
        let mask = (1u64 << self.bits.min(24)) - 1;
        // (contribution, index into `s.grams`): 8 bytes a candidate for the
        // selection to move, not the 40 of a `GramRef`.
        let mut cand: Vec<(f32, u32)> = Vec::with_capacity(s.grams.len());
        cand.extend(s.grams.iter().enumerate().filter_map(|(i, &(h, _))| {
            Some((self.contribution((h & mask) as u32, top, value)?, i as u32))
        }));
        // Texts only for the ten largest and whatever ties the tenth (a
        // selection, not a sort: `top_evidence` orders what is kept).
        if cand.len() > 10 {
            cand.select_nth_unstable_by(9, |a, b| b.0.total_cmp(&a.0));
            let tenth = cand[9].0;
            cand.retain(|c| c.0 >= tenth);
        }
        let norm = s.norm();
        top_evidence(
            cand.into_iter()
                .map(|(d, i)| (s.grams[i as usize].1.text(norm), d))
                .collect(),
        )
    }

    /// How much a feature in `bucket` of `value` pushes toward `top` over
    /// benign, if it does.
    fn contribution(&self, bucket: u32, top: usize, value: f32) -> Option<f32> {
        let row = self.row(bucket)?;
        let d = (f32::from(*row.get(top)?) * self.scale[top] - f32::from(row[0]) * self.scale[0])
            * value;
        (d > 0.0).then_some(d)
    }

    /// Class probabilities and evidence for `text` ([`Model::score`] and
    /// [`Model::explain`]).
    pub fn predict(&self, text: &str) -> Prediction {
        let (s, evidence) = self.score_then_explain(text, |_| true);
        let evidence = evidence.unwrap_or_default();
        Prediction {
            probabilities: self.classes.iter().cloned().zip(s.probabilities).collect(),
            top_class: self.classes.get(s.top).cloned().unwrap_or_default(),
            evidence,
            known: s.known,
        }
    }

    /// `1 - P(benign)` for a link, as [`Model::predict`] computes it (the
    /// link check's hot path; call `predict` for the evidence).
    pub fn link_fraud_probability(&self, text: &str) -> f32 {
        self.score(text).fraud_probability()
    }
}

/// The evidence order: largest contribution first, ties by text; at most 10.
fn top_evidence(mut evidence: Vec<(String, f32)>) -> Vec<(String, f32)> {
    // A total order on both fields: the unstable sort gives the same result.
    evidence.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    evidence.dedup_by(|a, b| a.0 == b.0);
    evidence.truncate(10);
    evidence
}

pub(crate) fn softmax(logits: &[f32]) -> Vec<f32> {
    let mut p = logits.to_vec();
    softmax_in_place(&mut p);
    p
}

/// Turns logits into probabilities in place.
fn softmax_in_place(p: &mut [f32]) {
    // Bounded parameters keep logits finite; clamp anyway so no input can
    // turn a probability into NaN (inf - inf).
    for l in p.iter_mut() {
        *l = if l.is_nan() {
            0.0
        } else {
            l.clamp(-1e30, 1e30)
        };
    }
    let m = p.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for l in p.iter_mut() {
        *l = (*l - m).exp();
    }
    let s: f32 = p.iter().sum();
    for l in p.iter_mut() {
        *l /= s;
    }
}

#[cfg(test)]
mod tests;
