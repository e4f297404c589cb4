//! The deterministic trainer: softmax regression by AdaGrad SGD with L2,
//! seeded shuffling, single-threaded (same input + seed → same bytes).

use super::features::{featurize, Feature, FeatureKind};
use super::{softmax, Model, ModelError, BENIGN};
use xxhash_rust::xxh3::xxh3_64;

/// Thresholds on `1 - P(benign)` calibrated on the held-back split.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// At or above: the model says suspicious.
    pub suspicious_at: f32,
    /// At or above: the model is confident.
    pub dangerous_at: f32,
}

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Shuffling seed.
    pub seed: u64,
    /// Passes over the data.
    pub epochs: u32,
    /// Hash buckets: `1 << bits` (1..=24).
    pub bits: u8,
    /// AdaGrad learning rate.
    pub learning_rate: f32,
    /// L2 penalty per update.
    pub l2: f32,
    /// One example in this many (by a hash of its text) is held back for
    /// calibration and the report; 0 holds none back.
    pub holdback_every: u64,
    /// Largest share of held-back benign examples the calibrated
    /// `suspicious_at` may flag (it stays within 0.5..=0.95).
    pub target_fp: f32,
    /// Rows whose quantized weights are all within `±prune` are dropped
    /// (a smaller file; 0 keeps every nonzero row).
    pub prune: u8,
    /// Buckets seen in fewer than this many training examples are not
    /// learnt (a smaller file, less memorized noise; 1 keeps all).
    pub min_count: u32,
    /// Calibrate across folds instead of on one held-back split: with
    /// `k >= 2`, the examples are cut into `k` folds (by the same hash of
    /// the text as the held-back split, `holdback_every` ignored), a model
    /// trained without each fold scores that fold, the threshold comes
    /// from those out-of-fold scores of every benign example, and the
    /// model returned is trained on all the examples. `k + 1` trainings
    /// instead of one; every benign example counts for the threshold (not
    /// one in `holdback_every`), so a small benign set gives a threshold
    /// that holds on new data, and nothing is left out of training.
    /// 0 or 1: the held-back split.
    pub cross_folds: u32,
}

/// True when `text` is in the held-back split of a trainer run with
/// `holdback_every` (the same split `fanzha model calibrate` reads).
pub fn is_held_back(text: &str, holdback_every: u64) -> bool {
    holdback_every > 0 && xxh3_64(text.as_bytes()) % holdback_every == 0
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 1,
            epochs: 8,
            bits: 18,
            learning_rate: 0.5,
            l2: 1e-6,
            holdback_every: 7,
            target_fp: 0.002,
            prune: 0,
            min_count: 1,
            cross_folds: 0,
        }
    }
}

/// Figures on the held-back split.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainReport {
    /// Examples trained on.
    pub trained: usize,
    /// Examples held back.
    pub held_back: usize,
    /// Held-back fraud examples scoring ≥ `suspicious_at`, over all fraud ones.
    pub fraud_recall: f32,
    /// Held-back benign examples scoring ≥ `suspicious_at`, over all benign ones.
    pub benign_fp_rate: f32,
    /// Held-back fraud examples whose top class is their label.
    pub type_accuracy: f32,
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Trains a model on `(text, label)` pairs. Labels become classes (sorted,
/// [`BENIGN`] first; it must be present along with at least one other).
pub fn train(
    kind: FeatureKind,
    examples: &[(String, String)],
    opts: &TrainOptions,
) -> Result<(Model, TrainReport), ModelError> {
    if opts.bits == 0 || opts.bits > 24 {
        return Err(ModelError::Training("bits must be 1..=24"));
    }
    let mut classes: Vec<String> = examples.iter().map(|(_, l)| l.clone()).collect();
    classes.sort();
    classes.dedup();
    let Some(bi) = classes.iter().position(|c| c == BENIGN) else {
        return Err(ModelError::Training("no benign examples"));
    };
    let benign = classes.remove(bi);
    classes.insert(0, benign);
    if classes.len() < 2 {
        return Err(ModelError::Training(
            "need benign and at least one other label",
        ));
    }
    if classes.len() > 255 || classes.iter().any(|c| c.len() > 255) {
        return Err(ModelError::Training(
            "too many classes or a class id too long",
        ));
    }
    let labelled: Vec<(&str, usize)> = examples
        .iter()
        .map(|(text, label)| {
            let y = classes.iter().position(|c| c == label).unwrap_or(0);
            (text.as_str(), y)
        })
        .collect();
    let score = |model: &Model, text: &str, y: usize| {
        let p = model.predict(text);
        let top = model
            .classes
            .iter()
            .position(|c| *c == p.top_class)
            .unwrap_or(0);
        (p.fraud_probability(), y, top == y)
    };
    let folds = u64::from(opts.cross_folds);
    // (probability, class, top class right) of each example scored by a
    // model that did not train on it.
    let mut scored: Vec<(f32, usize, bool)> = Vec::new();
    let (mut model, trained) = if folds >= 2 {
        let fold = |text: &str| xxh3_64(text.as_bytes()) % folds;
        for f in 0..folds {
            let rest = labelled.iter().filter(|(t, _)| fold(t) != f).copied();
            let Some(m) = fit(kind, &classes, rest, opts) else {
                continue;
            };
            scored.extend(
                labelled
                    .iter()
                    .filter(|(t, _)| fold(t) == f)
                    .map(|&(t, y)| score(&m, t, y)),
            );
        }
        let all = fit(kind, &classes, labelled.iter().copied(), opts)
            .ok_or(ModelError::Training("no training examples"))?;
        (all, labelled.len())
    } else {
        let held = |t: &str| is_held_back(t, opts.holdback_every);
        let rest = labelled.iter().filter(|(t, _)| !held(t)).copied();
        let m =
            fit(kind, &classes, rest, opts).ok_or(ModelError::Training("no training examples"))?;
        scored.extend(
            labelled
                .iter()
                .filter(|(t, _)| held(t))
                .map(|&(t, y)| score(&m, t, y)),
        );
        let trained = labelled.len() - scored.len();
        (m, trained)
    };
    let mut benign_scores: Vec<f32> = scored.iter().filter(|s| s.1 == 0).map(|s| s.0).collect();
    benign_scores.sort_by(f32::total_cmp);
    if let Some(&max) = benign_scores.last() {
        // Links: most benign links are everyday sites, so a false alarm
        // costs more there: at most `target_fp`, never above 0.5 %, of the
        // held-back benign ones, and
        // the threshold may go up to 0.999 (a link model is confident).
        let (target_fp, top, dangerous_top) = match kind {
            FeatureKind::Link => (opts.target_fp.min(0.005), 0.999, 0.99999),
            FeatureKind::Message => (opts.target_fp, 0.95, 0.99),
        };
        // Allow `target_fp` of the held-back benign examples at or above
        // the threshold: it sits just above the (allowed + 1)-th highest.
        let n = benign_scores.len();
        let allowed = ((target_fp.clamp(0.0, 1.0) * n as f32) as usize).min(n - 1);
        let kth = benign_scores[n - 1 - allowed];
        let s = (kth + 1e-4).clamp(0.5, top);
        model.calibration = Calibration {
            suspicious_at: s,
            dangerous_at: (max + 0.01)
                .clamp((s + 0.02).max(0.85).min(dangerous_top), dangerous_top),
        };
    }
    let s = model.calibration.suspicious_at;
    let frac = |num: usize, den: usize| {
        if den == 0 {
            0.0
        } else {
            num as f32 / den as f32
        }
    };
    let fraud: Vec<_> = scored.iter().filter(|x| x.1 != 0).collect();
    let benign_n = scored.len() - fraud.len();
    let report = TrainReport {
        trained,
        held_back: scored.len(),
        fraud_recall: frac(fraud.iter().filter(|x| x.0 >= s).count(), fraud.len()),
        benign_fp_rate: frac(
            scored.iter().filter(|x| x.1 == 0 && x.0 >= s).count(),
            benign_n,
        ),
        type_accuracy: frac(fraud.iter().filter(|x| x.2).count(), fraud.len()),
    };
    Ok((model, report))
}

/// One model fitted on `examples` (text, class index), quantized, not yet
/// calibrated (`suspicious_at` 0.5, `dangerous_at` 0.9); `None` when there
/// is nothing to fit.
fn fit<'a>(
    kind: FeatureKind,
    classes: &[String],
    examples: impl Iterator<Item = (&'a str, usize)>,
    opts: &TrainOptions,
) -> Option<Model> {
    let n = classes.len();
    let mut train_set: Vec<(Vec<Feature>, usize)> = examples
        .map(|(text, y)| (featurize(kind, text, opts.bits), y))
        .collect();
    if train_set.is_empty() {
        return None;
    }
    let buckets = 1usize << opts.bits;
    if opts.min_count > 1 {
        let mut df = vec![0u32; buckets];
        for (feats, _) in &train_set {
            for f in feats {
                df[f.bucket as usize] = df[f.bucket as usize].saturating_add(1);
            }
        }
        for (feats, _) in &mut train_set {
            feats.retain(|f| df[f.bucket as usize] >= opts.min_count);
        }
    }
    let mut w = vec![0f32; buckets * n];
    let mut g2 = vec![1e-8f32; buckets * n];
    let mut b = vec![0f32; n];
    let mut bg2 = vec![1e-8f32; n];
    let mut order: Vec<usize> = (0..train_set.len()).collect();
    let mut rng = Rng(opts.seed);
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let (feats, y) = &train_set[k];
            let mut logits = b.clone();
            for f in feats {
                let row = f.bucket as usize * n;
                for c in 0..n {
                    logits[c] += w[row + c] * f.value;
                }
            }
            let p = softmax(&logits);
            for c in 0..n {
                let g = p[c] - if c == *y { 1.0 } else { 0.0 };
                bg2[c] += g * g;
                b[c] -= opts.learning_rate * g / bg2[c].sqrt();
                for f in feats {
                    let i = f.bucket as usize * n + c;
                    let gi = g * f.value + opts.l2 * w[i];
                    g2[i] += gi * gi;
                    w[i] -= opts.learning_rate * gi / g2[i].sqrt();
                }
            }
        }
    }
    // Quantize: per class, i8 with scale max|w|/127; all-zero rows dropped.
    let scale: Vec<f32> = (0..n)
        .map(|c| {
            let m = (0..buckets)
                .map(|r| w[r * n + c].abs())
                .fold(0f32, f32::max);
            if m > 0.0 {
                m / 127.0
            } else {
                1.0
            }
        })
        .collect();
    let mut rows = Vec::new();
    let mut weights = Vec::new();
    for r in 0..buckets {
        let q: Vec<i8> = (0..n)
            .map(|c| (w[r * n + c] / scale[c]).round().clamp(-127.0, 127.0) as i8)
            .collect();
        if q.iter().any(|&x| x.unsigned_abs() > opts.prune) {
            rows.push(r as u32);
            weights.extend(q);
        }
    }
    let calibration = Calibration {
        suspicious_at: 0.5,
        dangerous_at: 0.9,
    };
    let model = Model {
        kind,
        bits: opts.bits,
        classes: classes.to_vec(),
        calibration,
        bias: b,
        scale,
        buckets: rows,
        weights,
        index: super::RowIndex::default(),
    }
    .indexed();
    Some(model)
}
