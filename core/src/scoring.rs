//! Turning evidence into a verdict: one vocabulary for every check.
//!
//! A check collects [`Reason`]s into an [`Assessment`], may name the
//! institution it identified, force a minimum level (a spoofed hotline is
//! dangerous whatever else is true) and vote for fraud types; then
//! [`Assessment::finish`] computes score, level, action, title and advice
//! from the snapshot's scoring rules and texts.

use crate::blocklist::{BlockIndex, ListEntry};
use crate::error::{Error, Result};
use crate::fasthash::FastMap;
use crate::rules_json::{self, Fields, FromJson, Read};
use crate::text::Texts;
use crate::verdict::{Action, FraudType, Kind, Lang, Level, Reason, Verdict};
use serde_json::Value;

/// Reason codes whose advice is always shown, after the rest.
const NOTICES: [&str; 2] = ["feed.stale", "store.unavailable"];

pub(crate) const EMBEDDED: &str = include_str!("../data/scoring.json");

/// `<kind>.<level>`: the fallback title and advice key of a check.
fn level_key(kind: Kind, level: Level) -> &'static str {
    use Kind::*;
    use Level::*;
    match (kind, level) {
        (Number, Trusted) => "number.trusted",
        (Number, Clear) => "number.clear",
        (Number, Suspicious) => "number.suspicious",
        (Number, Dangerous) => "number.dangerous",
        (Link, Trusted) => "link.trusted",
        (Link, Clear) => "link.clear",
        (Link, Suspicious) => "link.suspicious",
        (Link, Dangerous) => "link.dangerous",
        (Message, Trusted) => "message.trusted",
        (Message, Clear) => "message.clear",
        (Message, Suspicious) => "message.suspicious",
        (Message, Dangerous) => "message.dangerous",
        (Payment, Trusted) => "payment.trusted",
        (Payment, Clear) => "payment.clear",
        (Payment, Suspicious) => "payment.suspicious",
        (Payment, Dangerous) => "payment.dangerous",
    }
}

/// `fraud.<fraud_type>`: the title and advice key of a scam.
pub(crate) fn fraud_key(t: FraudType) -> &'static str {
    match t {
        FraudType::RebateTask => "fraud.rebate_task",
        FraudType::FakeInvestment => "fraud.fake_investment",
        FraudType::FakeLoan => "fraud.fake_loan",
        FraudType::ImpersonateCustomerService => "fraud.impersonate_customer_service",
        FraudType::ImpersonateAuthority => "fraud.impersonate_authority",
        FraudType::FakeCreditRepair => "fraud.fake_credit_repair",
        FraudType::FakeShopping => "fraud.fake_shopping",
        FraudType::ImpersonateAcquaintance => "fraud.impersonate_acquaintance",
        FraudType::GameTrading => "fraud.game_trading",
        FraudType::RomanceInvestment => "fraud.romance_investment",
        FraudType::FakeJob => "fraud.fake_job",
        FraudType::PrizeLottery => "fraud.prize_lottery",
        FraudType::VerificationCode => "fraud.verification_code",
        FraudType::Phishing => "fraud.phishing",
        FraudType::MalwareApp => "fraud.malware_app",
        FraudType::Other => "fraud.other",
    }
}

/// Thresholds and the level → action table (`data/scoring.json`).
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct ScoringRules {
    /// Lowest score that is `suspicious`.
    pub suspicious_at: u8,
    /// Lowest score that is `dangerous`.
    pub dangerous_at: u8,
    /// Most advice lines in a verdict.
    pub max_advice: usize,
    actions: FastMap<Kind, FastMap<Level, Action>>,
}

impl FromJson for ScoringRules {
    fn from_json(v: &Value) -> Read<ScoringRules> {
        let f = Fields::of(v)?;
        Ok(ScoringRules {
            suspicious_at: f.req("suspicious_at")?,
            dangerous_at: f.req("dangerous_at")?,
            max_advice: f.req("max_advice")?,
            actions: f.req("actions")?,
        })
    }
}

impl ScoringRules {
    pub(crate) fn from_json(json: &str) -> Result<ScoringRules> {
        let rules: ScoringRules =
            rules_json::from_str(json).map_err(|e| Error::rules("scoring", e))?;
        if rules.suspicious_at == 0
            || rules.suspicious_at >= rules.dangerous_at
            || rules.dangerous_at > 100
        {
            return Err(Error::rules(
                "scoring",
                "need 0 < suspicious_at < dangerous_at <= 100",
            ));
        }
        for kind in [Kind::Number, Kind::Link, Kind::Message, Kind::Payment] {
            let table = rules.actions.get(&kind).ok_or_else(|| {
                Error::rules("scoring", format!("no actions for {}", kind.as_str()))
            })?;
            for level in [
                Level::Trusted,
                Level::Clear,
                Level::Suspicious,
                Level::Dangerous,
            ] {
                if !table.contains_key(&level) {
                    return Err(Error::rules(
                        "scoring",
                        format!("no action for {} {}", kind.as_str(), level),
                    ));
                }
            }
        }
        Ok(rules)
    }

    /// The level of a score.
    pub fn level_for(&self, score: u8) -> Level {
        if score >= self.dangerous_at {
            Level::Dangerous
        } else if score >= self.suspicious_at {
            Level::Suspicious
        } else {
            Level::Clear
        }
    }

    /// The action for a level of a kind of check.
    pub fn action_for(&self, kind: Kind, level: Level) -> Action {
        self.actions[&kind][&level]
    }
}

/// Evidence collected by a check, not yet a verdict.
#[derive(Debug)]
pub(crate) struct Assessment {
    kind: Kind,
    input: String,
    normalized: Option<String>,
    reasons: Vec<Reason>,
    /// Weight of legitimacy that comes from identifying the source; dropped
    /// when risk signals contradict the identity.
    identity: Option<Identity>,
    floor: Option<Level>,
    fraud_votes: Vec<(FraudType, i32)>,
    extra_advice: Vec<String>,
    name: Option<String>,
}

/// Reasons, fraud-type votes and name: see [`Assessment::into_parts`].
pub(crate) type Parts = (Vec<Reason>, Vec<(FraudType, i32)>, Option<String>);

#[derive(Debug)]
struct Identity {
    reason_index: usize,
}

impl Assessment {
    pub fn new(kind: Kind, input: impl Into<String>) -> Assessment {
        Assessment {
            kind,
            input: input.into(),
            normalized: None,
            reasons: Vec::new(),
            identity: None,
            floor: None,
            fraud_votes: Vec::new(),
            extra_advice: Vec::new(),
            name: None,
        }
    }

    pub fn set_normalized(&mut self, normalized: impl Into<String>) {
        self.normalized = Some(normalized.into());
    }

    /// Adds a reason.
    pub fn add(&mut self, code: &str, weight: i32, detail: impl Into<String>) {
        self.reasons.push(Reason::new(code, weight, detail));
    }

    /// Adds a reason that also votes for a fraud type with its weight.
    pub fn add_typed(
        &mut self,
        code: &str,
        weight: i32,
        detail: impl Into<String>,
        fraud_type: FraudType,
    ) {
        self.add(code, weight, detail);
        self.vote(fraud_type, weight.max(1));
    }

    /// Votes for a fraud type without a reason of its own.
    pub fn vote(&mut self, fraud_type: FraudType, weight: i32) {
        self.fraud_votes.push((fraud_type, weight));
    }

    /// Adds a reason that identifies a legitimate source (`name`). The verdict
    /// is `trusted` unless risk signals reach the suspicious threshold, in
    /// which case the identity is treated as contradicted (a spoofed caller ID
    /// looks exactly like the real one) and its negative weight is ignored.
    pub fn identify(
        &mut self,
        code: &str,
        weight: i32,
        detail: impl Into<String>,
        name: impl Into<String>,
    ) {
        self.add(code, weight, detail);
        self.identity = Some(Identity {
            reason_index: self.reasons.len() - 1,
        });
        self.name = Some(name.into());
    }

    /// Sets the name used in titles (`{name}`) without claiming identity.
    pub fn set_name(&mut self, name: impl Into<String>) {
        self.name = Some(name.into());
    }

    /// The verdict will be at least `level` (score raised to match).
    pub fn at_least(&mut self, level: Level) {
        self.floor = Some(self.floor.map_or(level, |f| f.max(level)));
    }

    /// Advice lines shown before the generic ones (already localized).
    pub fn push_advice(&mut self, line: impl Into<String>) {
        self.extra_advice.push(line.into());
    }

    /// A blocklist hit as reasons: `{prefix}.blocklisted` weighted by the
    /// hit's severity, voting for its fraud type, with a detail that reads
    /// "{subject} on the blocklist: label (category, N reports)"; and, when
    /// the publisher confirmed the listing, `{prefix}.blocklist_confirmed`.
    /// `subject` starts the detail ("On", "Payee on").
    pub fn add_blocklist_hit(&mut self, prefix: &str, subject: &str, hit: &ListEntry) {
        let detail = if hit.label.is_empty() {
            format!(
                "{subject} the blocklist ({}, {} reports)",
                hit.category, hit.reports
            )
        } else {
            format!(
                "{subject} the blocklist: {} ({}, {} reports)",
                hit.label, hit.category, hit.reports
            )
        };
        self.add_typed(
            &format!("{prefix}.blocklisted"),
            i32::from(hit.severity),
            detail,
            hit.fraud_type,
        );
        if hit.confirmed {
            self.add(
                &format!("{prefix}.blocklist_confirmed"),
                0,
                "The publisher confirmed this listing; it stands over your own allow rule",
            );
        }
    }

    /// The reasons added so far.
    pub(crate) fn reasons(&self) -> &[Reason] {
        &self.reasons
    }

    /// What this assessment collected as reasons, fraud-type votes and
    /// name (the link check's host signals, kept per host). `None` when it
    /// holds anything else (an identity, a floor, advice, a normalized
    /// form), which those parts alone would not carry over.
    pub(crate) fn into_parts(self) -> Option<Parts> {
        (self.identity.is_none()
            && self.floor.is_none()
            && self.extra_advice.is_empty()
            && self.normalized.is_none())
        .then_some((self.reasons, self.fraud_votes, self.name))
    }

    /// Adds parts from [`Assessment::into_parts`], as if the calls that
    /// collected them were made on this assessment now.
    pub(crate) fn extend_parts(
        &mut self,
        reasons: &[Reason],
        votes: &[(FraudType, i32)],
        name: Option<&str>,
    ) {
        self.reasons.extend_from_slice(reasons);
        self.fraud_votes.extend_from_slice(votes);
        if let Some(n) = name {
            self.name = Some(n.to_string());
        }
    }

    pub fn has_reason(&self, code: &str) -> bool {
        self.reasons.iter().any(|r| r.code == code)
    }

    /// Sum of the positive weights.
    pub fn risk(&self) -> i32 {
        self.reasons.iter().map(|r| r.weight.max(0)).sum()
    }

    /// Computes the verdict.
    pub fn finish(self, snap: &impl CheckData, lang: Lang) -> Verdict {
        let rules = snap.scoring();
        let risk = self.risk();
        let contradicted = self.identity.is_some() && risk >= i32::from(rules.suspicious_at);
        let total: i32 = self
            .reasons
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                !(contradicted
                    && self
                        .identity
                        .as_ref()
                        .is_some_and(|id| id.reason_index == *i))
            })
            .map(|(_, r)| r.weight)
            .sum();
        let mut score = total.clamp(0, 100) as u8;
        let mut level = rules.level_for(score);
        if self.identity.is_some() && !contradicted && level == Level::Clear {
            level = Level::Trusted;
        }
        if let Some(floor) = self.floor {
            if floor > level {
                level = floor;
                score = match floor {
                    Level::Dangerous => score.max(rules.dangerous_at),
                    Level::Suspicious => score.max(rules.suspicious_at),
                    _ => score,
                };
            }
        }
        let action = rules.action_for(self.kind, level);

        // Most likely fraud type: the one with the largest summed votes, only
        // when the verdict is a warning at all.
        let fraud_type = if level >= Level::Suspicious {
            let mut sums: Vec<(FraudType, i32)> = Vec::new();
            for (t, w) in &self.fraud_votes {
                match sums.iter_mut().find(|(s, _)| s == t) {
                    Some((_, sum)) => *sum += w,
                    None => sums.push((*t, *w)),
                }
            }
            // Stable: ties go to the first type voted for.
            sums.iter()
                .fold(None::<(FraudType, i32)>, |best, &(t, w)| match best {
                    Some((_, bw)) if bw >= w => best,
                    _ => Some((t, w)),
                })
                .map(|(t, _)| t)
        } else {
            None
        };

        let texts = snap.texts();
        let name = self.name.as_deref();
        // Heaviest first, equal weights in the order given (what a stable
        // sort gives), by insertion: a verdict has a few reasons, and this
        // keeps a sort instance out of the library.
        let mut by_weight: Vec<&Reason> = Vec::with_capacity(self.reasons.len());
        for r in &self.reasons {
            let at = by_weight.partition_point(|b| b.weight >= r.weight);
            by_weight.insert(at, r);
        }
        let kind_level = level_key(self.kind, level);
        let fraud_key = fraud_type.map(fraud_key);

        let title = if level >= Level::Suspicious {
            by_weight
                .iter()
                .filter(|r| r.weight > 0)
                .find_map(|r| texts.title(&r.code, lang, name))
                .or_else(|| fraud_key.and_then(|k| texts.title(k, lang, name)))
        } else if level == Level::Trusted {
            by_weight
                .iter()
                .rev()
                .find_map(|r| texts.title(&r.code, lang, name))
        } else {
            None
        }
        .or_else(|| texts.title(kind_level, lang, name))
        .unwrap_or_default();

        let mut advice: Vec<String> = self.extra_advice;
        // The advice keys in order (no list of them built): the reasons'
        // codes (only the risks of a warning), the fraud type's, the
        // kind's level, the level.
        let warning = level >= Level::Suspicious;
        let reason_keys = by_weight
            .iter()
            .filter(|r| !warning || r.weight > 0)
            .map(|r| r.code.as_str());
        let level_only = match level {
            Level::Trusted => "level.trusted",
            Level::Clear => "level.clear",
            Level::Suspicious => "level.suspicious",
            Level::Dangerous => "level.dangerous",
        };
        let keys = reason_keys
            .chain(fraud_key.filter(|_| warning))
            .chain([kind_level, level_only]);
        for key in keys {
            for line in texts.advice(key, lang) {
                if !advice.contains(line) {
                    advice.push(line.clone());
                }
            }
        }
        advice.truncate(rules.max_advice.max(1));
        // Notices that apply whatever the level (stale feed, unreadable store)
        // come last and are never cut.
        for code in NOTICES {
            if self.reasons.iter().any(|r| r.code == code) {
                advice.extend(texts.advice(code, lang).iter().cloned());
            }
        }

        Verdict {
            kind: self.kind,
            input: self.input,
            normalized: self.normalized,
            level,
            score,
            action,
            fraud_type,
            reasons: self.reasons,
            title,
            advice,
            feed_version: snap.feed_version().to_string(),
            protection: crate::verdict::Protection::Full,
            extracted: Vec::new(),
            cool_off_seconds: None,
            questions: Vec::new(),
            id: None,
        }
    }
}

/// What every check reads besides its own rules: the scoring thresholds,
/// the texts, the version of the protection data and the blocklist.
///
/// A check takes `&impl` its own data trait (`number::NumberData`,
/// `link::LinkData`, `message::MessageData`, `payment::PaymentData`), each
/// extending this one, never the snapshot itself: [`crate::Snapshot`],
/// above every check, implements them all, so no check imports it.
pub(crate) trait CheckData {
    /// Thresholds, actions and the fraud-type vocabulary.
    fn scoring(&self) -> &ScoringRules;
    /// Titles and advice by language.
    fn texts(&self) -> &Texts;
    /// Version of the protection data (the feed's, or the embedded one).
    fn feed_version(&self) -> &str;
    /// The blocklist index.
    fn blocklist(&self) -> &dyn BlockIndex;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Snapshot;

    fn snap() -> Snapshot {
        Snapshot::embedded().unwrap()
    }

    #[test]
    fn score_is_the_clamped_sum_and_sets_the_level() {
        let s = snap();
        let mut a = Assessment::new(Kind::Number, "x");
        a.add("number.a", 20, "");
        assert_eq!(a.finish(&s, Lang::En).level, Level::Clear);
        let mut a = Assessment::new(Kind::Number, "x");
        a.add("number.a", 20, "");
        a.add("number.b", 20, "");
        let v = a.finish(&s, Lang::En);
        assert_eq!(
            (v.score, v.level, v.action),
            (40, Level::Suspicious, Action::Warn)
        );
        let mut a = Assessment::new(Kind::Number, "x");
        a.add("number.a", 90, "");
        a.add("number.b", 90, "");
        let v = a.finish(&s, Lang::En);
        assert_eq!(
            (v.score, v.level, v.action),
            (100, Level::Dangerous, Action::Block)
        );
        let mut a = Assessment::new(Kind::Payment, "x");
        a.add("payment.a", 80, "");
        assert_eq!(a.finish(&s, Lang::En).action, Action::Confirm);
    }

    #[test]
    fn identity_gives_trusted_unless_contradicted() {
        let s = snap();
        let mut a = Assessment::new(Kind::Number, "x");
        a.identify("number.official", -60, "", "ICBC");
        a.add("number.minor", 10, "");
        assert_eq!(a.finish(&s, Lang::En).level, Level::Trusted);
        let mut a = Assessment::new(Kind::Number, "x");
        a.identify("number.official", -60, "", "ICBC");
        a.add("number.stir_failed", 45, "");
        let v = a.finish(&s, Lang::En);
        assert_eq!(v.level, Level::Suspicious);
        assert_eq!(v.score, 45);
    }

    #[test]
    fn floor_raises_level_and_score() {
        let s = snap();
        let mut a = Assessment::new(Kind::Link, "x");
        a.add("link.a", 5, "");
        a.at_least(Level::Dangerous);
        let v = a.finish(&s, Lang::En);
        assert_eq!(v.level, Level::Dangerous);
        assert!(v.score >= s.scoring.dangerous_at);
    }

    #[test]
    fn fraud_type_is_the_heaviest_vote_and_only_on_warnings() {
        let s = snap();
        let mut a = Assessment::new(Kind::Message, "x");
        a.add_typed("message.a", 20, "", FraudType::FakeLoan);
        a.add_typed("message.b", 25, "", FraudType::RebateTask);
        a.add_typed("message.c", 10, "", FraudType::FakeLoan);
        assert_eq!(a.finish(&s, Lang::En).fraud_type, Some(FraudType::FakeLoan));
        let mut a = Assessment::new(Kind::Message, "x");
        a.add_typed("message.a", 5, "", FraudType::FakeLoan);
        assert_eq!(a.finish(&s, Lang::En).fraud_type, None);
    }

    #[test]
    fn notices_are_always_shown() {
        let s = snap();
        let mut a = Assessment::new(Kind::Number, "x");
        for i in 0..10 {
            a.add_typed(&format!("number.r{i}"), 10, "", FraudType::ALL[i]);
        }
        a.add("feed.stale", 0, "");
        let v = a.finish(&s, Lang::En);
        assert!(v.advice.len() <= s.scoring.max_advice + 1);
        assert!(v.advice.last().unwrap().contains("out of date"));
    }

    #[test]
    fn keys_match_the_ids() {
        for t in FraudType::ALL {
            assert_eq!(fraud_key(t), format!("fraud.{}", t.as_str()));
        }
        for k in [Kind::Number, Kind::Link, Kind::Message, Kind::Payment] {
            for l in [
                Level::Trusted,
                Level::Clear,
                Level::Suspicious,
                Level::Dangerous,
            ] {
                assert_eq!(level_key(k, l), format!("{}.{}", k.as_str(), l.as_str()));
            }
        }
    }

    #[test]
    fn bad_scoring_rules_are_refused() {
        assert!(ScoringRules::from_json(
            r#"{"suspicious_at":80,"dangerous_at":70,"max_advice":3,"actions":{}}"#
        )
        .is_err());
        assert!(ScoringRules::from_json("{}").is_err());
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;
    use crate::rules_json::derive_check::{both_refuse, same_as_derive};

    /// The hand-written reader loads what serde's derive loads, and refuses
    /// what it refuses.
    #[test]
    fn reads_as_the_serde_derive_does() {
        let good = same_as_derive::<ScoringRules>(EMBEDDED);
        both_refuse::<ScoringRules>(
            &good,
            &[
                ("/suspicious_at", (-1).into()),
                ("/max_advice", Value::Null),
                ("/actions/link/dangerous", "shout".into()),
                ("/actions", serde_json::json!({"call": {}})),
            ],
        );
    }
}
