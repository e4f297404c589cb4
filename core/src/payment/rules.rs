//! The payment check's protection data (`data/payments.json`): signal
//! weights, escalation floors, amount thresholds, memo patterns, questions,
//! the ISO 4217 currency table and the IBAN length table. Parsed and
//! validated once per snapshot; a feed carrying `payments` rules replaces the
//! whole set.

use crate::error::{Error, Result};
use crate::rules_json::{self, enum_id, Fields, FromJson, Read};
use crate::verdict::{FraudType, Level};
use aho_corasick::{AhoCorasick, MatchKind};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// Reason codes the check emits with a data weight. Each must be present in
/// `signals`, so a feed can't silently switch one off by forgetting it
/// (a feed that wants a signal off sets its weight to 0).
pub(crate) const SIGNALS: &[&str] = &[
    "payment.account_invalid",
    "payment.new_payee_large",
    "payment.amount_unusual",
    "payment.known_payee",
    "payment.screen_sharing",
    "payment.remote_access",
    "payment.accessibility_service",
    "payment.in_call_unknown",
    "payment.in_call_flagged",
    "payment.in_call_official",
    "payment.in_call_new_payee",
    "payment.in_call_long",
    "payment.after_flagged_call",
    "payment.after_flagged_message",
    "payment.after_flagged_link",
    "payment.night",
    "payment.velocity",
];

/// Signals added after the first rule format, with the weight (and fraud
/// type) they take when a feed's rules predate them: an older feed keeps
/// working and does not switch them off by omission.
pub(crate) const LATER_SIGNALS: &[(&str, i32, Option<FraudType>)] = &[
    ("payment.name_no_match", 35, None),
    ("payment.name_close_match", 10, None),
    ("payment.name_match", -15, None),
    ("payment.name_unavailable", 0, None),
    ("payment.payee_account_new", 20, None),
    (
        "payment.screen_share_app",
        20,
        Some(FraudType::ImpersonateCustomerService),
    ),
    ("payment.sideloaded_app", 25, Some(FraudType::MalwareApp)),
    ("payment.developer_options", 5, None),
];

/// Longest list of device apps a feed may carry.
const MAX_DEVICE_APPS: usize = 4096;

/// Limits on what a feed may ask for, so hostile or broken rules can't make
/// a check slow or huge.
const MAX_PATTERN_TERMS: usize = 4096;
const MAX_TERM_BYTES: usize = 256;
const MAX_QUESTIONS: usize = 64;
const MAX_JOURNEY_EVENTS: usize = 4096;

/// One signal's weight and the fraud type it votes for.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct Signal {
    pub weight: i32,
    #[cfg_attr(test, serde(default))]
    pub fraud_type: Option<FraudType>,
}

/// "When all these reasons are present, the verdict is at least `level`."
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct Floor {
    pub all: Vec<String>,
    pub level: Level,
}

#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct AmountHistory {
    /// Payments in this currency the history must hold before an amount can
    /// be called unusual for the user overall.
    pub min_overall_payments: u32,
    /// Unusual overall: above this many times the median and above the
    /// largest recent payment.
    pub overall_median_factor: f64,
    /// Unusual for a payee paid before: above this many times the largest
    /// payment to them.
    pub payee_max_factor: f64,
    /// Payments to a payee before it counts as a routine payee.
    pub known_payee_min_payments: u32,
}

/// Local hours `[start_hour, end_hour)` that count as night (wraps midnight
/// when `start_hour > end_hour`).
#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct Night {
    pub start_hour: u8,
    pub end_hour: u8,
}

impl Night {
    pub fn contains(&self, hour: u8) -> bool {
        if self.start_hour <= self.end_hour {
            hour >= self.start_hour && hour < self.end_hour
        } else {
            hour >= self.start_hour || hour < self.end_hour
        }
    }
}

#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct Velocity {
    pub window_secs: u32,
    /// Distinct payments (this one included) within the window that count as
    /// "many".
    pub count: u32,
}

#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct FlaggedWindows {
    pub call: u32,
    pub message: u32,
    pub link: u32,
}

#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct JourneyRules {
    /// Events kept at most (oldest dropped first).
    pub max_events: usize,
    /// Events older than this are forgotten.
    pub max_age_secs: u32,
    /// How long after a flagged call / message / link a payment escalates.
    pub flagged_window_secs: FlaggedWindows,
}

#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct CoolOff {
    /// Cool-off of a `confirm` verdict.
    pub dangerous: u32,
    /// Cool-off once the user answered "yes" to a scam question.
    pub answered_yes: u32,
}

/// Which text of the intent a memo pattern looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "snake_case"))]
pub enum Field {
    Memo,
    PayeeName,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
struct RawMemoPattern {
    code: String,
    fraud_type: FraudType,
    weight: i32,
    #[cfg_attr(test, serde(default = "default_fields"))]
    fields: Vec<Field>,
    terms: Vec<String>,
}

fn default_fields() -> Vec<Field> {
    vec![Field::Memo]
}

/// A group of memo terms sharing one reason code.
#[derive(Debug, Clone)]
pub struct MemoPattern {
    pub code: String,
    pub fraud_type: FraudType,
    pub weight: i32,
    pub fields: Vec<Field>,
}

/// A question the bank app can ask before going on, and what a "yes" means.
/// The question's text is the title stored under `id` in
/// `data/texts/payment.json`.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct QuestionRule {
    pub id: String,
    /// Ask when the verdict's fraud type is one of these…
    #[cfg_attr(test, serde(default))]
    pub ask_for: Vec<FraudType>,
    /// …or when any of these reasons is present…
    #[cfg_attr(test, serde(default))]
    pub ask_when: Vec<String>,
    /// …or on every warning.
    #[cfg_attr(test, serde(default))]
    pub always: bool,
    /// Reason added when the answer is "yes". A "no" adds nothing: people
    /// being coached by a scammer are told to answer "no".
    pub yes_code: String,
    pub yes_weight: i32,
    #[cfg_attr(test, serde(default))]
    pub fraud_type: Option<FraudType>,
    /// The verdict is at least this level after a "yes".
    #[cfg_attr(test, serde(default))]
    pub yes_level: Option<Level>,
}

/// What an app on the device can do to a payment in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "snake_case"))]
pub enum AppRisk {
    /// Lets someone else see and control the phone (`payment.remote_access`).
    RemoteControl,
    /// Can show the screen to others (`payment.screen_share_app`).
    ScreenShare,
}

/// One app of the device-risk list: a package id (Android) or bundle id.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct RiskyApp {
    pub id: String,
    pub risk: AppRisk,
    /// Its name, for the reason detail.
    #[cfg_attr(test, serde(default))]
    pub name: String,
}

fn default_new_account_days() -> u32 {
    30
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
struct RawRules {
    /// Remote-control and screen-share apps, by package id (optional in
    /// older rule files).
    #[cfg_attr(test, serde(default))]
    risky_apps: Vec<RiskyApp>,
    /// A payee account younger than this many days is `payment.payee_account_new`.
    #[cfg_attr(test, serde(default = "default_new_account_days"))]
    new_account_days: u32,
    signals: HashMap<String, Signal>,
    floors: Vec<Floor>,
    new_payee_large_major: HashMap<String, u64>,
    amount_history: AmountHistory,
    max_amount_minor: i64,
    night: Night,
    region_utc_offset_minutes: HashMap<String, i32>,
    velocity: Velocity,
    journey: JourneyRules,
    long_call_secs: u32,
    cool_off_seconds: CoolOff,
    memo_patterns: Vec<RawMemoPattern>,
    max_questions: usize,
    questions: Vec<QuestionRule>,
    currencies: HashMap<String, u8>,
    iban_lengths: HashMap<String, usize>,
}

impl FromJson for Signal {
    fn from_json(v: &Value) -> Read<Signal> {
        let f = Fields::of(v)?;
        Ok(Signal {
            weight: f.req("weight")?,
            fraud_type: f.opt("fraud_type")?,
        })
    }
}

impl FromJson for Floor {
    fn from_json(v: &Value) -> Read<Floor> {
        let f = Fields::of(v)?;
        Ok(Floor {
            all: f.req("all")?,
            level: f.req("level")?,
        })
    }
}

impl FromJson for AmountHistory {
    fn from_json(v: &Value) -> Read<AmountHistory> {
        let f = Fields::of(v)?;
        Ok(AmountHistory {
            min_overall_payments: f.req("min_overall_payments")?,
            overall_median_factor: f.req("overall_median_factor")?,
            payee_max_factor: f.req("payee_max_factor")?,
            known_payee_min_payments: f.req("known_payee_min_payments")?,
        })
    }
}

impl FromJson for Night {
    fn from_json(v: &Value) -> Read<Night> {
        let f = Fields::of(v)?;
        Ok(Night {
            start_hour: f.req("start_hour")?,
            end_hour: f.req("end_hour")?,
        })
    }
}

impl FromJson for Velocity {
    fn from_json(v: &Value) -> Read<Velocity> {
        let f = Fields::of(v)?;
        Ok(Velocity {
            window_secs: f.req("window_secs")?,
            count: f.req("count")?,
        })
    }
}

impl FromJson for FlaggedWindows {
    fn from_json(v: &Value) -> Read<FlaggedWindows> {
        let f = Fields::of(v)?;
        Ok(FlaggedWindows {
            call: f.req("call")?,
            message: f.req("message")?,
            link: f.req("link")?,
        })
    }
}

impl FromJson for JourneyRules {
    fn from_json(v: &Value) -> Read<JourneyRules> {
        let f = Fields::of(v)?;
        Ok(JourneyRules {
            max_events: f.req("max_events")?,
            max_age_secs: f.req("max_age_secs")?,
            flagged_window_secs: f.req("flagged_window_secs")?,
        })
    }
}

impl FromJson for CoolOff {
    fn from_json(v: &Value) -> Read<CoolOff> {
        let f = Fields::of(v)?;
        Ok(CoolOff {
            dangerous: f.req("dangerous")?,
            answered_yes: f.req("answered_yes")?,
        })
    }
}

impl FromJson for Field {
    fn from_json(v: &Value) -> Read<Field> {
        enum_id(v, &[Field::Memo, Field::PayeeName], |f| match f {
            Field::Memo => "memo",
            Field::PayeeName => "payee_name",
        })
    }
}

impl FromJson for RawMemoPattern {
    fn from_json(v: &Value) -> Read<RawMemoPattern> {
        let f = Fields::of(v)?;
        Ok(RawMemoPattern {
            code: f.req("code")?,
            fraud_type: f.req("fraud_type")?,
            weight: f.req("weight")?,
            fields: f.or_else("fields", default_fields)?,
            terms: f.req("terms")?,
        })
    }
}

impl FromJson for QuestionRule {
    fn from_json(v: &Value) -> Read<QuestionRule> {
        let f = Fields::of(v)?;
        Ok(QuestionRule {
            id: f.req("id")?,
            ask_for: f.opt("ask_for")?,
            ask_when: f.opt("ask_when")?,
            always: f.opt("always")?,
            yes_code: f.req("yes_code")?,
            yes_weight: f.req("yes_weight")?,
            fraud_type: f.opt("fraud_type")?,
            yes_level: f.opt("yes_level")?,
        })
    }
}

impl FromJson for AppRisk {
    fn from_json(v: &Value) -> Read<AppRisk> {
        let all = [AppRisk::RemoteControl, AppRisk::ScreenShare];
        enum_id(v, &all, |r| match r {
            AppRisk::RemoteControl => "remote_control",
            AppRisk::ScreenShare => "screen_share",
        })
    }
}

impl FromJson for RiskyApp {
    fn from_json(v: &Value) -> Read<RiskyApp> {
        let f = Fields::of(v)?;
        Ok(RiskyApp {
            id: f.req("id")?,
            risk: f.req("risk")?,
            name: f.opt("name")?,
        })
    }
}

impl FromJson for RawRules {
    fn from_json(v: &Value) -> Read<RawRules> {
        let f = Fields::of(v)?;
        Ok(RawRules {
            risky_apps: f.opt("risky_apps")?,
            new_account_days: f.or_else("new_account_days", default_new_account_days)?,
            signals: f.req("signals")?,
            floors: f.req("floors")?,
            new_payee_large_major: f.req("new_payee_large_major")?,
            amount_history: f.req("amount_history")?,
            max_amount_minor: f.req("max_amount_minor")?,
            night: f.req("night")?,
            region_utc_offset_minutes: f.req("region_utc_offset_minutes")?,
            velocity: f.req("velocity")?,
            journey: f.req("journey")?,
            long_call_secs: f.req("long_call_secs")?,
            cool_off_seconds: f.req("cool_off_seconds")?,
            memo_patterns: f.req("memo_patterns")?,
            max_questions: f.req("max_questions")?,
            questions: f.req("questions")?,
            currencies: f.req("currencies")?,
            iban_lengths: f.req("iban_lengths")?,
        })
    }
}

/// Compiled payment rules. Built once per [`crate::Snapshot`].
#[derive(Debug)]
pub struct PaymentRules {
    signals: HashMap<String, Signal>,
    risky_apps: HashMap<String, RiskyApp>,
    /// A payee account younger than this many days counts as new.
    pub(crate) new_account_days: u32,
    pub(crate) floors: Vec<Floor>,
    /// Minor units, per currency.
    new_payee_large_minor: HashMap<String, i64>,
    pub(crate) amount_history: AmountHistory,
    pub(crate) max_amount_minor: i64,
    pub(crate) night: Night,
    region_utc_offset_minutes: HashMap<String, i32>,
    pub(crate) velocity: Velocity,
    pub(crate) journey: JourneyRules,
    pub(crate) long_call_secs: u32,
    pub(crate) cool_off: CoolOff,
    pub(crate) memo_patterns: Vec<MemoPattern>,
    /// Folded terms of every memo pattern; match index → `term_owner` → pattern.
    memo_matcher: Option<AhoCorasick>,
    term_owner: Vec<usize>,
    /// Each term as written in the data (for reason details).
    terms: Vec<String>,
    pub(crate) max_questions: usize,
    pub(crate) questions: Vec<QuestionRule>,
    currencies: HashMap<String, u8>,
    iban_lengths: HashMap<String, usize>,
}

impl Default for PaymentRules {
    /// The embedded default rules.
    fn default() -> PaymentRules {
        PaymentRules::from_json(super::EMBEDDED).expect("the embedded payment rules are valid")
    }
}

impl PaymentRules {
    /// Parses and validates rules (the embedded default or a feed's).
    ///
    /// Refuses: a missing signal, weights outside −100…100, a floor below
    /// `suspicious`, an empty or oversized term, a question without text id,
    /// a currency exponent above 4, an IBAN length outside 15…34.
    pub fn from_json(json: &str) -> Result<PaymentRules> {
        let mut raw: RawRules =
            rules_json::from_str(json).map_err(|e| Error::rules("payments", e))?;
        let bad = |why: String| Error::rules("payments", why);
        for (code, weight, fraud_type) in LATER_SIGNALS {
            raw.signals.entry(code.to_string()).or_insert(Signal {
                weight: *weight,
                fraud_type: *fraud_type,
            });
        }
        if raw.risky_apps.len() > MAX_DEVICE_APPS {
            return Err(bad(format!("more than {MAX_DEVICE_APPS} risky apps")));
        }
        let mut risky_apps = HashMap::new();
        for app in std::mem::take(&mut raw.risky_apps) {
            if app.id.is_empty() || app.id.len() > super::intent::MAX_APP_ID_BYTES {
                return Err(bad("risky app: empty or oversized id".into()));
            }
            risky_apps.insert(app.id.clone(), app);
        }

        for code in SIGNALS {
            if !raw.signals.contains_key(*code) {
                return Err(bad(format!("missing signal {code}")));
            }
        }
        for (code, s) in &raw.signals {
            if !(-100..=100).contains(&s.weight) {
                return Err(bad(format!("weight of {code} is outside -100..100")));
            }
        }
        for f in &raw.floors {
            if f.all.is_empty() || f.level < Level::Suspicious {
                return Err(bad(
                    "a floor needs reasons and a level of suspicious or dangerous".into(),
                ));
            }
        }
        if raw.max_amount_minor <= 0 {
            return Err(bad("max_amount_minor must be positive".into()));
        }
        if raw.night.start_hour > 23 || raw.night.end_hour > 24 {
            return Err(bad("night hours must be 0..24".into()));
        }
        if raw.velocity.count < 2 || raw.velocity.window_secs == 0 {
            return Err(bad("velocity needs count >= 2 and a window".into()));
        }
        if raw.journey.max_events == 0 || raw.journey.max_events > MAX_JOURNEY_EVENTS {
            return Err(bad(format!(
                "journey.max_events must be 1..={MAX_JOURNEY_EVENTS}"
            )));
        }
        let ah = raw.amount_history;
        let factor_ok = |f: f64| f.is_finite() && f >= 1.0;
        if !factor_ok(ah.overall_median_factor) || !factor_ok(ah.payee_max_factor) {
            return Err(bad("amount_history factors must be finite and >= 1".into()));
        }
        for (code, exp) in &raw.currencies {
            if !is_currency_code(code) || *exp > 4 {
                return Err(bad(format!(
                    "currency {code}: need a 3-letter code and an exponent 0..4"
                )));
            }
        }
        for (cc, len) in &raw.iban_lengths {
            if cc.len() != 2
                || !cc.bytes().all(|b| b.is_ascii_uppercase())
                || !(15..=34).contains(len)
            {
                return Err(bad(format!(
                    "IBAN country {cc}: need 2 letters and a length 15..34"
                )));
            }
        }
        for offset in raw.region_utc_offset_minutes.values() {
            if !(-14 * 60..=14 * 60).contains(offset) {
                return Err(bad("UTC offsets must be within ±14 h".into()));
            }
        }
        let mut new_payee_large_minor = HashMap::new();
        for (cur, major) in &raw.new_payee_large_major {
            let exp = raw
                .currencies
                .get(cur)
                .ok_or_else(|| bad(format!("threshold for unknown currency {cur}")))?;
            let minor = i64::try_from(*major)
                .ok()
                .and_then(|m| m.checked_mul(10i64.pow(u32::from(*exp))))
                .ok_or_else(|| bad(format!("threshold for {cur} is too large")))?;
            new_payee_large_minor.insert(cur.clone(), minor);
        }

        // Memo patterns: one Aho–Corasick automaton over every folded term.
        let mut memo_patterns = Vec::with_capacity(raw.memo_patterns.len());
        let mut terms: Vec<String> = Vec::new();
        let mut term_text: Vec<String> = Vec::new();
        let mut term_owner = Vec::new();
        for p in raw.memo_patterns {
            if !p.code.starts_with("payment.")
                || !(-100..=100).contains(&p.weight)
                || p.fields.is_empty()
            {
                return Err(bad(format!(
                    "memo pattern {}: need a payment.* code, a weight -100..100, fields",
                    p.code
                )));
            }
            for t in &p.terms {
                let folded = fold(t);
                if folded.is_empty() || t.len() > MAX_TERM_BYTES {
                    return Err(bad(format!(
                        "memo pattern {}: empty or oversized term",
                        p.code
                    )));
                }
                terms.push(folded);
                term_text.push(t.clone());
                term_owner.push(memo_patterns.len());
            }
            memo_patterns.push(MemoPattern {
                code: p.code,
                fraud_type: p.fraud_type,
                weight: p.weight,
                fields: p.fields,
            });
        }
        if terms.len() > MAX_PATTERN_TERMS {
            return Err(bad(format!("more than {MAX_PATTERN_TERMS} memo terms")));
        }
        let memo_matcher = if terms.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&terms)
                    .map_err(|e| bad(format!("memo patterns: {e}")))?,
            )
        };

        if raw.questions.len() > MAX_QUESTIONS {
            return Err(bad(format!("more than {MAX_QUESTIONS} questions")));
        }
        let mut ids = HashSet::new();
        for q in &raw.questions {
            if !q.id.starts_with("payment.q.")
                || !q.yes_code.starts_with("payment.")
                || !ids.insert(q.id.as_str())
            {
                return Err(bad(format!(
                    "question {}: need a unique payment.q.* id and a payment.* yes_code",
                    q.id
                )));
            }
            if !(-100..=100).contains(&q.yes_weight) {
                return Err(bad(format!(
                    "question {}: yes_weight outside -100..100",
                    q.id
                )));
            }
        }

        Ok(PaymentRules {
            signals: raw.signals,
            risky_apps,
            new_account_days: raw.new_account_days,
            floors: raw.floors,
            new_payee_large_minor,
            amount_history: raw.amount_history,
            max_amount_minor: raw.max_amount_minor,
            night: raw.night,
            region_utc_offset_minutes: raw.region_utc_offset_minutes,
            velocity: raw.velocity,
            journey: raw.journey,
            long_call_secs: raw.long_call_secs,
            cool_off: raw.cool_off_seconds,
            memo_patterns,
            memo_matcher,
            term_owner,
            terms: term_text,
            max_questions: raw.max_questions,
            questions: raw.questions,
            currencies: raw.currencies,
            iban_lengths: raw.iban_lengths,
        })
    }

    /// The weight and fraud type of a signal (weight 0 when unknown).
    pub fn signal(&self, code: &str) -> Signal {
        self.signals.get(code).copied().unwrap_or(Signal {
            weight: 0,
            fraud_type: None,
        })
    }

    /// What the device-risk list says about an app (exact package id).
    pub fn risky_app(&self, id: &str) -> Option<&RiskyApp> {
        self.risky_apps.get(id)
    }

    /// Minor-unit exponent of an ISO 4217 code (upper case), `None` when the
    /// code is not a currency we know.
    pub fn currency_exponent(&self, code: &str) -> Option<u8> {
        self.currencies.get(code).copied()
    }

    /// IBAN length of a country (ISO 3166 alpha-2, upper case).
    pub fn iban_length(&self, country: &str) -> Option<usize> {
        self.iban_lengths.get(country).copied()
    }

    /// The "large first payment" threshold in minor units, when the data has
    /// one for this currency.
    pub fn new_payee_large_minor(&self, currency: &str) -> Option<i64> {
        self.new_payee_large_minor.get(currency).copied()
    }

    /// Default UTC offset of a region, used when the host gives none.
    pub fn region_utc_offset(&self, region: &str) -> Option<i32> {
        self.region_utc_offset_minutes.get(region).copied()
    }

    /// The memo patterns that match `text` in `field`, each once (with the
    /// first term that matched, as written in the data), in data order.
    pub fn memo_matches(&self, text: &str, field: Field) -> Vec<(&MemoPattern, &str)> {
        let Some(ac) = &self.memo_matcher else {
            return Vec::new();
        };
        let folded = fold(text);
        let mut hit: Vec<Option<usize>> = vec![None; self.memo_patterns.len()];
        for m in ac.find_overlapping_iter(folded.as_str()) {
            let term = m.pattern().as_usize();
            if let Some(&owner) = self.term_owner.get(term) {
                if self.memo_patterns[owner].fields.contains(&field) && hit[owner].is_none() {
                    hit[owner] = Some(term);
                }
            }
        }
        self.memo_patterns
            .iter()
            .zip(hit)
            .filter_map(|(p, h)| h.map(|t| (p, self.terms[t].as_str())))
            .collect()
    }

    /// Parses a decimal amount written in major units (`5000`, `5000.5`,
    /// `5000.00`) into minor units of `currency`.
    ///
    /// Exact (no floating point). Refuses signs, exponents, thousands
    /// separators, more decimals than the currency has, zero, and amounts
    /// above `max_amount_minor`. Errors never repeat the amount.
    pub fn parse_amount(&self, text: &str, currency: &str) -> Result<i64> {
        use crate::verdict::Kind;
        let cur = currency.trim().to_ascii_uppercase();
        let exp = self.currency_exponent(&cur).ok_or(Error::input(
            Kind::Payment,
            "unknown currency (expected an ISO 4217 code)",
        ))?;
        let t = text.trim();
        if t.is_empty() || t.len() > 40 {
            return Err(Error::input(
                Kind::Payment,
                "amount must be a decimal number such as 5000.00",
            ));
        }
        if t.starts_with('-') {
            return Err(Error::input(Kind::Payment, "amount must be positive"));
        }
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !digits(int) || !digits(frac) || (t.contains('.') && frac.is_empty()) {
            return Err(Error::input(
                Kind::Payment,
                "amount must be a decimal number such as 5000.00",
            ));
        }
        if frac.len() > usize::from(exp) {
            return Err(Error::input(
                Kind::Payment,
                "amount has more decimals than the currency allows",
            ));
        }
        let too_large = || Error::input(Kind::Payment, "amount is larger than any real payment");
        let mut minor: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(b - b'0')))
                .ok_or_else(too_large)?;
        }
        for _ in frac.len()..usize::from(exp) {
            minor = minor.checked_mul(10).ok_or_else(too_large)?;
        }
        if minor == 0 {
            return Err(Error::input(Kind::Payment, "amount must be positive"));
        }
        if minor > self.max_amount_minor {
            return Err(too_large());
        }
        Ok(minor)
    }
}

/// Three ASCII upper-case letters.
pub(crate) fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Folds text for memo matching: NFKC (full-width → half-width), lower case,
/// whitespace, zero-width characters and punctuation removed — so
/// "安 全-账 户" and "SAFE ACCOUNT" match "安全账户" and "safe account".
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        if c.is_whitespace() || c.is_control() || is_invisible(c) || is_punctuation(c) {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '。'
                | '，'
                | '·'
                | '・'
                | '—'
                | '–'
                | '‐'
                | '…'
                | '「'
                | '」'
                | '『'
                | '』'
                | '【'
                | '】'
                | '《'
                | '》'
                | '“'
                | '”'
                | '‘'
                | '’'
        )
}

#[cfg(test)]
mod read_tests {
    use super::*;
    use crate::rules_json::derive_check::{both_refuse, read_alike, same_as_derive};

    /// The hand-written reader loads what serde's derive loads, and refuses
    /// what it refuses.
    #[test]
    fn reads_as_the_serde_derive_does() {
        let embedded: &str = super::super::EMBEDDED;
        let good = same_as_derive::<RawRules>(embedded);
        both_refuse::<RawRules>(
            &good,
            &[
                ("/night/start_hour", 300.into()),
                ("/floors/0/level", "alarming".into()),
                ("/memo_patterns/0/fraud_type", "no_such_type".into()),
                ("/memo_patterns/0/fields", serde_json::json!(["body"])),
                ("/questions/0/yes_weight", Value::Null),
                ("/risky_apps/0/risk", "spyware".into()),
                ("/amount_history/payee_max_factor", "2".into()),
                ("/max_amount_minor", 1.5.into()),
            ],
        );
        let mut v = good.clone();
        v.as_object_mut().unwrap().remove("risky_apps");
        v.as_object_mut().unwrap().remove("new_account_days");
        v["memo_patterns"][0]
            .as_object_mut()
            .unwrap()
            .remove("fields");
        v["questions"][0]["yes_level"] = Value::Null;
        read_alike::<RawRules>(&v);
    }
}
