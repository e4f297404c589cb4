//! How the message model's score combines with the pattern set's evidence.
//!
//! The pattern set gives *strong* evidence (a listed or dangerous sender,
//! link or number; rules that never fire on ordinary text, such as a "safe
//! account" with a transfer) and *weak* evidence (everything else: words
//! that also appear in real marketing and notices). The model gives a fraud
//! probability `p` (`1 - P(benign)`) with its own calibrated thresholds
//! (`suspicious_at`, `dangerous_at`, stored in the model file) and a fraud
//! type.
//!
//! - `p ≥ dangerous_at`: a `message.model` reason of `dangerous_weight`;
//! - `p ≥ suspicious_at`: a `message.model` reason of `suspicious_weight`;
//! - `p < overrule_below × suspicious_at`: the model overrules *loose*
//!   weak evidence (codes that fired on ordinary messages of the
//!   calibration corpus, `loose_codes`): a `message.model` reason of
//!   `−(1 − weak_factor) × loose`;
//! - `p < precise_below` as well: the other weak codes (*precise*: never
//!   seen on an ordinary message there — a fee demand, a transfer to a
//!   personal account, an install from outside the store) are cut the same
//!   way. `precise_below` is as sure as the model is of nearly every
//!   ordinary message (a high quantile of its fraud probability on the
//!   held-back ordinary messages), so a model that has merely not seen a
//!   scam's wording (unsure, a few per cent) cannot talk a precise rule
//!   down, while a model that knows the traffic (a publisher's, trained on
//!   real reports) still clears the ordinary message a precise rule trips;
//! - otherwise the model adds nothing and the rules decide.
//!
//! The model's fraud type wins (`type_vote`) when the model flags the
//! message and its top class holds at least `type_confidence` of `p`;
//! otherwise it votes with its reason's weight beside the rules.
//!
//! All of it is data: the `model` section of `data/patterns.json`, written
//! by `fanzha model calibrate` on a held-back split of the training corpus.

use crate::model::{Model, Prediction, Score};
use crate::verdict::{FraudType, Reason};
use serde::Deserialize;

/// The `model` section of the pattern set (see the module docs).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelCombination {
    /// Reason codes that count whatever the model says.
    pub strong_codes: Vec<String>,
    /// Share of weak rule weight kept when the model rates a message benign
    /// (for the codes in `loose_codes`, or all weak codes when that list is
    /// absent).
    pub weak_factor: f32,
    /// Weak codes seen on ordinary messages of the calibration corpus
    /// (`fanzha model calibrate`). `None` (a section written before the
    /// list existed): every weak code is loose.
    #[serde(default)]
    pub loose_codes: Option<Vec<String>>,
    /// Fraud probability under which weak codes not in `loose_codes` are
    /// cut too. `None`: `overrule_below × suspicious_at` (every weak code
    /// cut alike).
    #[serde(default)]
    pub precise_below: Option<f32>,
    /// Fraud probability under which the model is as sure as it is of a
    /// typical ordinary message (`fanzha model calibrate`: the median on the
    /// held-back ordinary messages): there the loose codes are cut
    /// entirely, not to `weak_factor` (a brand's promotion with a short
    /// link stacks four or five loose codes, and a quarter of their sum
    /// still crossed the warning line). `None`: no such cut.
    #[serde(default)]
    pub sure_below: Option<f32>,
    /// Below `overrule_below × suspicious_at` the model rates a message
    /// benign.
    pub overrule_below: f32,
    /// A fraud call of the model counts only when it recognizes at least
    /// this many of the text's n-grams (`Score::known`). A short line
    /// ("thanks for yesterday", "hello") gives the model one to five
    /// n-grams, each weighing as much as a long script's whole text, so a
    /// single word seen in scams can tip it; below this the rules decide
    /// alone. `None`: no minimum.
    #[serde(default)]
    pub min_known: Option<u32>,
    /// Weight of `message.model` at or above the model's `suspicious_at`.
    pub suspicious_weight: i32,
    /// Weight of `message.model` at or above the model's `dangerous_at`.
    pub dangerous_weight: i32,
    /// The model's type wins when `P(top class) / p` reaches this.
    pub type_confidence: f32,
    /// The winning vote.
    pub type_vote: i32,
    /// Free-form provenance (how the section was calibrated).
    #[serde(default, rename = "_comment")]
    pub comment: Option<String>,
}

impl Default for ModelCombination {
    /// Used when a pattern set has no `model` section: the model adds its
    /// weight and its type but never overrules a rule.
    fn default() -> Self {
        ModelCombination {
            strong_codes: Vec::new(),
            weak_factor: 1.0,
            loose_codes: None,
            precise_below: None,
            sure_below: None,
            overrule_below: 0.0,
            min_known: None,
            suspicious_weight: 40,
            dangerous_weight: 70,
            type_confidence: 0.6,
            type_vote: 100,
            comment: None,
        }
    }
}

impl ModelCombination {
    pub(crate) fn validate(&self) -> Result<(), String> {
        let unit = 0.0..=1.0;
        if !unit.contains(&self.weak_factor)
            || !unit.contains(&self.precise_below.unwrap_or(0.0))
            || !(0.0..=1.0).contains(&self.overrule_below)
            || !unit.contains(&self.type_confidence)
        {
            return Err(
                "model: weak_factor, precise_below, overrule_below and type_confidence must be 0..=1"
                    .into(),
            );
        }
        for w in [
            self.suspicious_weight,
            self.dangerous_weight,
            self.type_vote,
        ] {
            if !(0..=1000).contains(&w) {
                return Err("model: weights must be 0..=1000".into());
            }
        }
        Ok(())
    }

    /// True for a code that counts whatever the model says.
    pub fn is_strong(&self, code: &str) -> bool {
        self.strong_codes.iter().any(|c| c == code)
    }

    /// True for a weak code seen on ordinary messages when the section was
    /// calibrated (every weak code when the section has no list).
    pub fn is_loose(&self, code: &str) -> bool {
        self.loose_codes
            .as_ref()
            .is_none_or(|l| l.iter().any(|c| c == code))
    }

    /// How much weak evidence the model's benign call at fraud probability
    /// `pf` removes: the loose codes' weight, and the precise codes' weight
    /// when `pf` is under `precise_below`, cut to `weak_factor`.
    fn weak_cut(&self, reasons: &[Reason], pf: f32, overrule_at: f32) -> i32 {
        let precise_too = pf < self.precise_below.unwrap_or(overrule_at);
        let sure = self.sure_below.is_some_and(|b| pf < b);
        let (mut loose, mut precise) = (0i32, 0i32);
        for r in reasons
            .iter()
            .filter(|r| r.weight > 0 && !self.is_strong(&r.code))
        {
            if self.is_loose(&r.code) {
                loose = loose.saturating_add(r.weight);
            } else if precise_too {
                precise = precise.saturating_add(r.weight);
            }
        }
        if sure {
            loose.saturating_add(((1.0 - self.weak_factor) * precise as f32).round() as i32)
        } else {
            ((1.0 - self.weak_factor) * loose.saturating_add(precise) as f32).round() as i32
        }
    }

    /// The `message.model` contribution for rule `reasons` and a model's
    /// prediction `p` with thresholds `(suspicious_at, dangerous_at)`.
    pub fn adjust(&self, reasons: &[Reason], p: &Prediction, thresholds: (f32, f32)) -> Adjustment {
        let pf = p.fraud_probability();
        let top = p
            .probabilities
            .iter()
            .find(|(c, _)| *c == p.top_class)
            .map(|(_, q)| *q)
            .unwrap_or(0.0);
        self.adjust_parts(reasons, pf, &p.top_class, top, p.known, thresholds)
    }

    /// [`ModelCombination::adjust`] for a [`Score`] of `model` (no evidence
    /// needed: the message check's path).
    pub fn adjust_score(
        &self,
        reasons: &[Reason],
        model: &Model,
        p: &Score,
        thresholds: (f32, f32),
    ) -> Adjustment {
        let top_class = model.classes.get(p.top).map_or("", String::as_str);
        self.adjust_parts(
            reasons,
            p.fraud_probability(),
            top_class,
            p.top_probability(),
            p.known,
            thresholds,
        )
    }

    /// The contribution for fraud probability `pf`, the top fraud class and
    /// its probability, with `known` n-grams recognized.
    fn adjust_parts(
        &self,
        reasons: &[Reason],
        pf: f32,
        top_class: &str,
        top_probability: f32,
        known: u32,
        thresholds: (f32, f32),
    ) -> Adjustment {
        let (s, d) = thresholds;
        let model_type = FraudType::parse(top_class).unwrap_or(FraudType::Other);
        let top_share = if pf > 0.0 { top_probability / pf } else { 0.0 };
        if pf >= s && known < self.min_known.unwrap_or(0) {
            return Adjustment {
                weight: 0,
                vote: None,
                stance: Stance::Unsure,
            };
        }
        if pf >= s {
            let weight = if pf >= d {
                self.dangerous_weight
            } else {
                self.suspicious_weight
            };
            let vote = if top_share >= self.type_confidence {
                self.type_vote
            } else {
                weight
            };
            return Adjustment {
                weight,
                vote: Some((model_type, vote)),
                stance: Stance::Fraud,
            };
        }
        if pf < self.overrule_below * s {
            let cut = self.weak_cut(reasons, pf, self.overrule_below * s);
            return Adjustment {
                weight: -cut,
                vote: None,
                stance: Stance::Benign,
            };
        }
        Adjustment {
            weight: 0,
            vote: None,
            stance: Stance::Unsure,
        }
    }
}

/// What the model adds to a message's evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjustment {
    /// Weight of the `message.model` reason (negative: weak evidence cut).
    pub weight: i32,
    /// The model's type vote.
    pub vote: Option<(FraudType, i32)>,
    /// Which side of its thresholds the model came down on.
    pub stance: Stance,
}

/// Which side of its thresholds the model came down on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// The fraud probability is at or above the model's suspicious
    /// threshold.
    Fraud,
    /// Between `overrule_below × suspicious` and the suspicious threshold.
    Unsure,
    /// Below `overrule_below × suspicious`: the model rates the message
    /// ordinary and weak rule evidence is discounted.
    Benign,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sure_benign_call_removes_loose_codes_and_only_cuts_precise_ones() {
        let reason = |code: &str, weight| Reason {
            code: code.into(),
            weight,
            detail: String::new(),
        };
        let reasons = [
            reason("message.brand_link", 20),
            reason("message.link_lure", 35),
            reason("message.fee_demand", 40),
            reason("message.safe_account", 60),
        ];
        let c = ModelCombination {
            strong_codes: vec!["message.safe_account".into()],
            weak_factor: 0.25,
            loose_codes: Some(vec![
                "message.brand_link".into(),
                "message.link_lure".into(),
            ]),
            precise_below: Some(0.03),
            sure_below: Some(0.002),
            overrule_below: 1.0,
            ..ModelCombination::default()
        };
        let t = (0.5, 0.85);
        let cut = |pf| -c.adjust_parts(&reasons, pf, "phishing", 0.0, 20, t).weight;
        // Unsure of it (0.1): the loose codes to a quarter (55 → 14).
        assert_eq!(cut(0.1), 41);
        // Surer than precise_below: the precise code to a quarter too.
        assert_eq!(cut(0.01), 41 + 30);
        // As sure as of a typical ordinary message: loose codes gone, the
        // precise one still to a quarter, the strong one untouched.
        assert_eq!(cut(0.001), 55 + 30);
        // Without sure_below the old cut.
        let old = ModelCombination {
            sure_below: None,
            ..c.clone()
        };
        assert_eq!(
            -old.adjust_parts(&reasons, 0.001, "phishing", 0.0, 20, t)
                .weight,
            71
        );
    }

    fn combination(min_known: Option<u32>) -> ModelCombination {
        ModelCombination {
            min_known,
            ..ModelCombination::default()
        }
    }

    #[test]
    fn a_fraud_call_on_a_text_the_model_hardly_knows_gives_no_weight() {
        let thresholds = (0.5, 0.85);
        let sure = |c: &ModelCombination, known| {
            c.adjust_parts(&[], 0.95, "rebate_task", 0.9, known, thresholds)
        };
        // No minimum: three known n-grams are enough for a dangerous call.
        let open = combination(None);
        assert_eq!(sure(&open, 3).stance, Stance::Fraud);
        assert_eq!(sure(&open, 3).weight, open.dangerous_weight);
        // With a minimum of eight: the same call on three is set aside…
        let gated = combination(Some(8));
        let a = sure(&gated, 3);
        assert_eq!((a.weight, a.vote, a.stance), (0, None, Stance::Unsure));
        // …and counts from eight on.
        assert_eq!(sure(&gated, 8).stance, Stance::Fraud);
        assert_eq!(sure(&gated, 8).weight, gated.dangerous_weight);
        // A benign call is not gated (it only ever cuts weak evidence).
        let b = gated.adjust_parts(&[], 0.0, "rebate_task", 0.0, 1, thresholds);
        assert_ne!(b.stance, Stance::Fraud);
    }
}
