//! Payment intents: the check a bank calls inside its transfer flow, and the
//! scam journey it reads.
//!
//! A [`PaymentIntent`] (payee account and kind, name, amount, currency, memo,
//! new-payee flag, and what the phone is doing — a call, screen sharing, a
//! remote-access app) is checked against:
//!
//! - the payee blocklist (hashed lookup of the canonical account,
//!   [`normalize_account`]) — `payment.blocklisted`;
//! - account validity (Luhn for cards, with UnionPay `62` cards exempt; IBAN
//!   mod-97 and the country's length) — `payment.account_invalid`;
//! - memo and payee-name patterns (安全账户, 保证金, 解冻, 刷单, 返利, 垫付,
//!   投资, 充值, 验证, "safe account" …) — `payment.memo_*`;
//! - the user's own history with this payee and overall
//!   ([`HistoryStore`]) — `payment.amount_unusual`, `payment.known_payee`;
//!   a large first payment to a new payee — `payment.new_payee_large`;
//! - the live context — `payment.in_call_unknown`, `payment.in_call_flagged`,
//!   `payment.in_call_official`, `payment.in_call_new_payee`, `payment.in_call_long`,
//!   `payment.screen_sharing`, `payment.remote_access`,
//!   `payment.accessibility_service`;
//! - the journey ([`Event`]s the guard recorded) — `payment.after_flagged_call`,
//!   `payment.after_flagged_message`, `payment.after_flagged_link`,
//!   `payment.velocity`; and the clock — `payment.night`.
//!
//! A dangerous payment's action is `confirm` with `cool_off_seconds`; a
//! warning carries scam-specific `questions` whose answers
//! ([`crate::Guard::answer_payment_questions`]) re-score it. Every weight,
//! threshold, pattern and question is data (`data/payments.json`).
//!
//! ```
//! use fanzha_core::{Guard, Settings, Level, Action, FraudType};
//! use fanzha_core::payment::{AccountKind, CallContext, PaymentIntent};
//!
//! let guard = Guard::new(Settings::default()).unwrap();
//! let mut intent = PaymentIntent::new("6222 0212 3456 7890 128", AccountKind::Card, 5_000_00, "CNY");
//! intent.new_payee = Some(true);
//! intent.context.call = Some(CallContext { number: None, duration_secs: 900, in_contacts: false });
//! let v = guard.check_payment(&intent).unwrap();
//! assert_eq!(v.level, Level::Dangerous);
//! assert_eq!(v.action, Action::Confirm);
//! assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
//! assert!(v.cool_off_seconds.is_some() && !v.questions.is_empty());
//! ```

mod account;
pub(crate) mod history;
mod intent;
mod journey;
mod rules;

pub use account::{
    iban_mod97, luhn_valid, normalize_account, validate_account, validate_card, validate_iban,
    Validity, MAX_ACCOUNT_BYTES,
};
pub use history::{HistoryStore, HistorySummary, MemoryHistory, PayeeKey};
pub use intent::{
    AccountKind, Answer, CallContext, NameCheck, NameCheckResult, PaymentContext, PaymentIntent,
    MAX_APP_IDS, MAX_APP_ID_BYTES, MAX_INTENT_JSON_BYTES, MAX_MEMO_BYTES, MAX_PAYEE_NAME_BYTES,
};
pub use journey::{Event, EventKind};
pub use rules::PaymentRules;
use rules::{AppRisk, Field, RiskyApp};

pub(crate) use journey::{payment_key, subject_hash, Journey, JourneyFacts};

use crate::error::{Error, Result};
use crate::number::{Channel, NumberContext, NumberData};
use crate::scoring::Assessment;
use crate::verdict::{Action, Kind, Lang, Level, Question, Verdict};
use journey::Seen;

pub(crate) static EMBEDDED: &crate::model::PackedText = crate::packed_json!("payments");

/// Most answers accepted in one call (there are at most 64 questions).
const MAX_ANSWERS: usize = 64;

/// An intent validated and normalized, with the in-call number checked.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// Canonical account.
    pub account: String,
    pub validity: Validity,
    pub payee: PayeeKey,
    /// Upper-case ISO 4217 code.
    pub currency: String,
    pub exponent: u8,
    /// Hash of the in-call number's canonical form.
    pub call_subject: Option<u64>,
    /// The in-call number's own verdict (when there is a number and it parsed).
    pub call_verdict: Option<Verdict>,
    /// Key of this attempt in the journey (payee, currency, amount).
    pub attempt: u64,
    pub utc_offset_minutes: i32,
}

/// What the payment check reads: the payment rules, and the number rules
/// for phone-number accounts and the caller, besides what every check
/// reads. [`crate::Snapshot`] implements it.
pub(crate) trait PaymentData: NumberData {
    /// Thresholds, signals and questions of the payment check.
    fn payments(&self) -> &PaymentRules;
}

/// Validates and normalizes an intent. Bad input is `InvalidInput` with a
/// message that never repeats it.
pub(crate) fn prepare(
    snap: &impl PaymentData,
    region: &str,
    lang: Lang,
    intent: &PaymentIntent,
) -> Result<Prepared> {
    let rules = snap.payments();
    let bad = |why| Error::input(Kind::Payment, why);
    let account = normalize_account(snap.numbers(), region, &intent.account)?;
    if intent.amount_minor <= 0 {
        return Err(bad("amount must be positive"));
    }
    if intent.amount_minor > rules.max_amount_minor {
        return Err(bad("amount is larger than any real payment"));
    }
    let currency = intent.currency.trim().to_ascii_uppercase();
    let exponent = rules::is_currency_code(&currency)
        .then(|| rules.currency_exponent(&currency))
        .flatten()
        .ok_or(bad("unknown currency (expected an ISO 4217 code)"))?;
    if intent
        .memo
        .as_ref()
        .is_some_and(|m| m.len() > MAX_MEMO_BYTES)
    {
        return Err(bad("memo is too long"));
    }
    if intent
        .payee_name
        .as_ref()
        .is_some_and(|n| n.len() > MAX_PAYEE_NAME_BYTES)
    {
        return Err(bad("payee name is too long"));
    }
    if intent
        .name_check
        .as_ref()
        .and_then(|n| n.returned_name.as_ref())
        .is_some_and(|n| n.len() > MAX_PAYEE_NAME_BYTES)
    {
        return Err(bad("returned payee name is too long"));
    }
    for apps in [
        &intent.context.running_apps,
        &intent.context.recent_sideloaded_apps,
    ] {
        if apps.len() > MAX_APP_IDS {
            return Err(bad("too many app ids"));
        }
        if apps
            .iter()
            .any(|a| a.trim().is_empty() || a.len() > MAX_APP_ID_BYTES)
        {
            return Err(bad("an app id is empty or too long"));
        }
    }
    let utc_offset_minutes = match intent.context.utc_offset_minutes {
        Some(o) if (-14 * 60..=14 * 60).contains(&o) => o,
        Some(_) => return Err(bad("UTC offset must be within ±14 hours")),
        None => rules.region_utc_offset(region).unwrap_or(0),
    };
    let (call_subject, call_verdict) = match &intent.context.call {
        Some(call) => match call
            .number
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            Some(number) => {
                let ctx = NumberContext {
                    channel: Channel::Call,
                    in_contacts: call.in_contacts,
                    ..NumberContext::default()
                };
                // A number that can't be read is an unknown caller, not an
                // error: the payment still gets checked.
                match crate::number::check(snap, region, lang, number, &ctx) {
                    Ok(v) => (
                        Some(subject_hash(v.normalized.as_deref().unwrap_or(number))),
                        Some(v),
                    ),
                    Err(_) => (None, None),
                }
            }
            None => (None, None),
        },
        None => (None, None),
    };
    Ok(Prepared {
        validity: validate_account(rules, snap.numbers(), region, intent.account_kind, &account),
        payee: PayeeKey::of(&account),
        attempt: payment_key(&account, &currency, intent.amount_minor),
        account,
        currency,
        exponent,
        call_subject,
        call_verdict,
        utc_offset_minutes,
    })
}

/// Formats minor units as a decimal in major units (`500000`, 2 → `5000.00`).
pub fn format_minor(amount_minor: i64, exponent: u8) -> String {
    if exponent == 0 {
        return amount_minor.to_string();
    }
    let scale = 10i64.pow(u32::from(exponent));
    let sign = if amount_minor < 0 { "-" } else { "" };
    let a = amount_minor.unsigned_abs();
    let s = scale.unsigned_abs();
    format!(
        "{sign}{}.{:0width$}",
        a / s,
        a % s,
        width = usize::from(exponent)
    )
}

/// Everything the check reads besides the intent.
pub(crate) struct Inputs<'a> {
    pub lang: Lang,
    pub now_ms: i64,
    pub history: Result<HistorySummary>,
    pub facts: JourneyFacts,
    pub answers: &'a [Answer],
}

/// What the bank's name check and the account's age say about the payee.
fn payee_signals(
    rules: &rules::PaymentRules,
    intent: &PaymentIntent,
    a: &mut Assessment,
    sig: &dyn Fn(&mut Assessment, &str, String),
) {
    if let Some(nc) = &intent.name_check {
        let (code, detail) = match nc.result {
            NameCheckResult::Match => (
                "payment.name_match",
                "The bank confirmed the payee's name".to_string(),
            ),
            NameCheckResult::CloseMatch => {
                (
                    "payment.name_close_match",
                    match nc.returned_name.as_deref().map(str::trim) {
                        Some(n) if !n.is_empty() => {
                            format!("The payee's name is only a close match; the account holder is “{n}”")
                        }
                        _ => "The payee's name is only a close match".to_string(),
                    },
                )
            }
            NameCheckResult::NoMatch => (
                "payment.name_no_match",
                "The name does not match the account holder's".to_string(),
            ),
            NameCheckResult::Unavailable => (
                "payment.name_unavailable",
                "The bank could not check the payee's name".to_string(),
            ),
        };
        sig(a, code, detail);
    }
    if let Some(days) = intent.payee_account_age_days {
        if days < rules.new_account_days {
            sig(
                a,
                "payment.payee_account_new",
                format!("The payee's account was opened {days} days ago"),
            );
        }
    }
}

/// What the device says: remote-control and screen-share apps by package
/// id, sideloaded apps, developer options.
fn device_signals(
    rules: &rules::PaymentRules,
    ctx: &PaymentContext,
    a: &mut Assessment,
    sig: &dyn Fn(&mut Assessment, &str, String),
) {
    let label = |app: &RiskyApp| {
        if app.name.is_empty() {
            app.id.clone()
        } else {
            format!("{} ({})", app.name, app.id)
        }
    };
    let mut remote = None;
    let mut share = None;
    for id in &ctx.running_apps {
        match rules.risky_app(id.trim()) {
            Some(app) if app.risk == AppRisk::RemoteControl && remote.is_none() => {
                remote = Some(label(app))
            }
            Some(app) if app.risk == AppRisk::ScreenShare && share.is_none() => {
                share = Some(label(app))
            }
            _ => {}
        }
    }
    if let Some(app) = remote {
        if !ctx.remote_access {
            sig(
                a,
                "payment.remote_access",
                format!("A remote-control app is active: {app}"),
            );
        }
    }
    if let Some(app) = share {
        sig(
            a,
            "payment.screen_share_app",
            format!("An app that can share the screen is active: {app}"),
        );
    }
    if let Some(first) = ctx.recent_sideloaded_apps.first() {
        let n = ctx.recent_sideloaded_apps.len();
        let detail = if n == 1 {
            format!("An app was installed lately from outside an app store: {first}")
        } else {
            format!("{n} apps were installed lately from outside an app store")
        };
        sig(a, "payment.sideloaded_app", detail);
    }
    if ctx.developer_options {
        sig(
            a,
            "payment.developer_options",
            "Developer options are on".into(),
        );
    }
}

/// The payment check proper: evidence → verdict.
pub(crate) fn assess(
    snap: &impl PaymentData,
    intent: &PaymentIntent,
    p: &Prepared,
    inp: Inputs<'_>,
) -> Result<Verdict> {
    let rules = snap.payments();
    if inp.answers.len() > MAX_ANSWERS {
        return Err(Error::input(Kind::Payment, "too many answers"));
    }
    let mut answered: Vec<(&rules::QuestionRule, bool)> = Vec::new();
    for ans in inp.answers {
        let q = rules
            .questions
            .iter()
            .find(|q| q.id == ans.id)
            .ok_or(Error::input(Kind::Payment, "unknown question id"))?;
        if !answered.iter().any(|(a, _)| a.id == q.id) {
            answered.push((q, ans.yes));
        }
    }

    let mut a = Assessment::new(Kind::Payment, intent.account.clone());
    a.set_normalized(p.account.clone());
    let sig = |a: &mut Assessment, code: &str, detail: String| {
        let s = rules.signal(code);
        match s.fraud_type {
            Some(t) => a.add_typed(code, s.weight, detail, t),
            None => a.add(code, s.weight, detail),
        }
    };
    let money = |minor: i64| format!("{} {}", format_minor(minor, p.exponent), p.currency);

    // The payee.
    if let Validity::Invalid(why) = p.validity {
        sig(
            &mut a,
            "payment.account_invalid",
            format!("Invalid {} account: {why}", intent.account_kind),
        );
    }
    if let Some(hit) = snap
        .blocklist()
        .lookup(crate::blocklist::ListKind::Account, &p.account)
    {
        a.add_blocklist_hit("payment", "Payee on", &hit);
    }
    let mut memo_codes: Vec<&str> = Vec::new();
    for (text, field, what) in [
        (intent.memo.as_deref(), Field::Memo, "Memo"),
        (intent.payee_name.as_deref(), Field::PayeeName, "Payee name"),
    ] {
        let Some(text) = text else { continue };
        for (pat, term) in rules.memo_matches(text, field) {
            if !memo_codes.contains(&pat.code.as_str()) {
                memo_codes.push(&pat.code);
                a.add_typed(
                    &pat.code,
                    pat.weight,
                    format!("{what} contains “{term}”"),
                    pat.fraud_type,
                );
            }
        }
    }

    // The amount, against the user's own history.
    let history = match &inp.history {
        Ok(h) => Some(*h),
        Err(e) => {
            log::warn!("payment history unavailable: {e}");
            a.add("store.unavailable", 0, "Payee history could not be read");
            None
        }
    };
    let is_new = intent
        .new_payee
        .unwrap_or(!matches!(history, Some(h) if h.payee_payments > 0));
    let amount = intent.amount_minor;
    if is_new {
        if let Some(threshold) = rules.new_payee_large_minor(&p.currency) {
            if amount >= threshold {
                sig(
                    &mut a,
                    "payment.new_payee_large",
                    format!(
                        "First payment to a new payee: {} (threshold {})",
                        money(amount),
                        money(threshold)
                    ),
                );
            }
        }
    }
    let mut unusual = false;
    if let Some(h) = history {
        let ah = &rules.amount_history;
        let ratio = |base: i64| {
            if base > 0 {
                amount as f64 / base as f64
            } else {
                f64::INFINITY
            }
        };
        // A payee paid before is judged by what the user paid them; a new one
        // by what the user usually pays.
        if h.payee_payments > 0 {
            if ratio(h.payee_max_minor) > ah.payee_max_factor {
                unusual = true;
                sig(
                    &mut a,
                    "payment.amount_unusual",
                    format!(
                        "{} is {:.1}× the largest earlier payment to this payee",
                        money(amount),
                        ratio(h.payee_max_minor)
                    ),
                );
            }
        } else if h.overall_payments >= ah.min_overall_payments
            && amount > h.overall_max_minor
            && ratio(h.overall_median_minor) > ah.overall_median_factor
        {
            unusual = true;
            sig(
                &mut a,
                "payment.amount_unusual",
                format!(
                    "{} is {:.1}× your usual payment and more than any recent one",
                    money(amount),
                    ratio(h.overall_median_minor)
                ),
            );
        }
        if !is_new && !unusual && h.payee_payments >= ah.known_payee_min_payments {
            sig(
                &mut a,
                "payment.known_payee",
                format!("Paid this payee {} times before", h.payee_payments),
            );
        }
    }

    // What the phone is doing.
    let ctx = &intent.context;
    if ctx.screen_sharing {
        sig(
            &mut a,
            "payment.screen_sharing",
            "Screen sharing or casting is on".into(),
        );
    }
    if ctx.remote_access {
        sig(
            &mut a,
            "payment.remote_access",
            "A remote-access app is running".into(),
        );
    }
    if ctx.accessibility_service {
        sig(
            &mut a,
            "payment.accessibility_service",
            "A third-party accessibility service is enabled".into(),
        );
    }
    device_signals(rules, ctx, &mut a, &sig);
    payee_signals(rules, intent, &mut a, &sig);
    if let Some(call) = &ctx.call {
        let minutes = call.duration_secs / 60;
        let on_call = if call.duration_secs == 0 {
            "On a call".to_string()
        } else {
            format!("On a call ({minutes} min)")
        };
        let number_flag = p
            .call_verdict
            .as_ref()
            .filter(|v| v.level >= Level::Suspicious)
            .map(|v| {
                (
                    v.level,
                    v.fraud_type,
                    v.reasons
                        .iter()
                        .max_by_key(|r| r.weight)
                        .map(|r| r.code.clone()),
                )
            });
        let flag = match (number_flag, inp.facts.current_call_flagged) {
            (Some((l, t, code)), _) => Some((l, t, code.unwrap_or_default())),
            (None, Some(s)) => Some((s.level, s.fraud_type, "flagged earlier".to_string())),
            (None, None) => None,
        };
        let risky = if let Some((level, fraud_type, why)) = flag {
            let s = rules.signal("payment.in_call_flagged");
            let detail = format!("{on_call} with a number judged {level} ({why})");
            match fraud_type.or(s.fraud_type) {
                Some(t) => a.add_typed("payment.in_call_flagged", s.weight, detail, t),
                None => a.add("payment.in_call_flagged", s.weight, detail),
            }
            true
        } else if call.in_contacts {
            false
        } else if p
            .call_verdict
            .as_ref()
            .is_some_and(|v| v.level == Level::Trusted)
        {
            // Caller ID can be forged exactly, and no official line asks for
            // a payment to a new account: still a call that counts.
            sig(
                &mut a,
                "payment.in_call_official",
                format!("{on_call} with a number shown as official"),
            );
            true
        } else {
            let who = if p.call_verdict.is_some() {
                "a number not in contacts"
            } else {
                "an unknown or hidden number"
            };
            sig(
                &mut a,
                "payment.in_call_unknown",
                format!("{on_call} with {who}"),
            );
            true
        };
        if risky && is_new {
            sig(
                &mut a,
                "payment.in_call_new_payee",
                "Paying a new payee during that call".into(),
            );
        }
        if risky && call.duration_secs >= rules.long_call_secs {
            sig(
                &mut a,
                "payment.in_call_long",
                format!("The call has lasted {minutes} min"),
            );
        }
    }

    // The journey.
    let ago = |s: &Seen| (s.age_ms / 60_000).max(0);
    for (seen, code, what) in [
        (inp.facts.flagged_call, "payment.after_flagged_call", "call"),
        (
            inp.facts.flagged_message,
            "payment.after_flagged_message",
            "message",
        ),
        (inp.facts.flagged_link, "payment.after_flagged_link", "link"),
    ] {
        let Some(seen) = seen else { continue };
        let s = rules.signal(code);
        let detail = match ago(&seen) {
            0 => format!("Less than a minute after a {what} judged {}", seen.level),
            m => format!("{m} min after a {what} judged {}", seen.level),
        };
        match seen.fraud_type.or(s.fraud_type) {
            Some(t) => a.add_typed(code, s.weight, detail, t),
            None => a.add(code, s.weight, detail),
        }
    }
    let attempts = inp.facts.recent_payments.saturating_add(1);
    if attempts >= rules.velocity.count {
        sig(
            &mut a,
            "payment.velocity",
            format!(
                "{attempts} payments within {} min",
                rules.velocity.window_secs / 60
            ),
        );
    }
    let local = inp
        .now_ms
        .saturating_add(i64::from(p.utc_offset_minutes) * 60_000);
    let hour = local.div_euclid(3_600_000).rem_euclid(24) as u8;
    if rules.night.contains(hour) {
        sig(
            &mut a,
            "payment.night",
            format!("Late at night ({hour:02}:00 local time)"),
        );
    }

    // Answers the user gave.
    let mut any_yes = false;
    for (q, yes) in &answered {
        if !*yes {
            continue;
        }
        any_yes = true;
        let detail = format!("Answered yes to {}", q.id);
        match q.fraud_type {
            Some(t) => a.add_typed(&q.yes_code, q.yes_weight, detail, t),
            None => a.add(&q.yes_code, q.yes_weight, detail),
        }
        if let Some(level) = q.yes_level {
            a.at_least(level);
        }
    }

    for floor in &rules.floors {
        if floor.all.iter().all(|c| a.has_reason(c)) {
            a.at_least(floor.level);
        }
    }

    let mut v = a.finish(snap, inp.lang);
    if v.action == Action::Confirm {
        let mut secs = rules.cool_off.dangerous;
        if any_yes {
            secs = secs.max(rules.cool_off.answered_yes);
        }
        v.cool_off_seconds = Some(secs);
    }
    if v.level >= Level::Suspicious {
        v.questions = rules
            .questions
            .iter()
            .filter(|q| !answered.iter().any(|(a, _)| a.id == q.id))
            .filter(|q| {
                q.always
                    || v.fraud_type.is_some_and(|t| q.ask_for.contains(&t))
                    || q.ask_when.iter().any(|c| v.has_reason(c))
            })
            .take(rules.max_questions)
            .map(|q| Question {
                id: q.id.clone(),
                text: snap
                    .texts()
                    .title(&q.id, inp.lang, None)
                    .unwrap_or_else(|| q.id.clone()),
            })
            .collect();
    }
    Ok(v)
}

#[cfg(test)]
mod tests;
