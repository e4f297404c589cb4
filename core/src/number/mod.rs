//! Phone numbers: parse any way people write them into E.164, classify them
//! against the region's numbering plan, and turn what that shows — plus the
//! host's facts about the call — into a verdict.
//!
//! All knowledge (official numbers, ranges, weights, region plans) lives in
//! `data/numbers.json`, replaceable by a feed.
//!
//! - `rules.rs`: that file compiled ([`NumberRules`]);
//! - `parse.rs`: reading a number as written ([`parse`]);
//! - here: the host's facts about a call ([`NumberContext`]) and the check.

use crate::blocklist::ListKind;
use crate::error::Result;
use crate::scoring::{Assessment, CheckData};
use crate::verdict::{FraudType, Kind, Lang, Level, Verdict};
use serde::{Deserialize, Serialize};

mod parse;
mod rules;

pub(crate) use parse::written_in_text;
pub use parse::{parse, NumberClass, Parsed, ParsedNumber};
pub use rules::{NumberRules, Official};
// The unit tests (`tests.rs`) reach the plan's private parts.
#[cfg(test)]
use rules::*;

pub(crate) static EMBEDDED: &crate::model::PackedText = crate::packed_json!("numbers");

/// How the number reached the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A phone call.
    #[default]
    Call,
    /// A text message (SMS).
    Sms,
}

/// The network's caller-ID attestation (STIR/SHAKEN or equivalent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StirResult {
    /// The network verified the caller ID.
    Verified,
    /// The verification failed: the caller ID may be spoofed.
    Failed,
    /// The network did not verify the caller ID.
    NotVerified,
}

/// Facts the host app knows about this call or SMS.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberContext {
    /// A call or an SMS.
    pub channel: Channel,
    /// The number is in the user's contacts.
    pub in_contacts: bool,
    /// The network's caller-ID attestation, when the host has one.
    pub stir: Option<StirResult>,
    /// Calls from this number in the last hour, this one included.
    pub calls_last_hour: u32,
}

/// What the number check reads: the numbering plan, besides what every
/// check reads. [`crate::Snapshot`] implements it.
pub(crate) trait NumberData: CheckData {
    /// The numbering plan, ranges and number rules.
    fn numbers(&self) -> &NumberRules;
}

/// The number check.
pub(crate) fn check(
    snap: &impl NumberData,
    region: &str,
    lang: Lang,
    input: &str,
    ctx: &NumberContext,
) -> Result<Verdict> {
    let rules = snap.numbers();
    let parsed = parse(rules, region, input)?;
    let mut a = Assessment::new(Kind::Number, input);
    let w = |code: &str| rules.weight(code);
    match &parsed {
        Parsed::Withheld => {
            a.add(
                "number.withheld",
                w("number.withheld"),
                "The caller withheld their number",
            );
        }
        Parsed::Number(p) => {
            a.set_normalized(p.normalized.clone());
            assess_number(&mut a, rules, region, lang, p, ctx);
            if let Some(hit) = snap.blocklist().lookup(ListKind::Number, &p.normalized) {
                a.add_blocklist_hit("number", "On", &hit);
            }
        }
    }
    assess_context(&mut a, rules, ctx);
    Ok(a.finish(snap, lang))
}

fn assess_number(
    a: &mut Assessment,
    rules: &NumberRules,
    region: &str,
    lang: Lang,
    p: &ParsedNumber,
    ctx: &NumberContext,
) {
    let w = |code: &str| rules.weight(code);
    if p.malformed_prefix {
        a.add(
            "number.malformed_prefix",
            w("number.malformed_prefix"),
            "Written with a broken international prefix (+00…)",
        );
    }
    if let (Some(target), true, Channel::Sms) = (&p.spoofs, p.padded, ctx.channel) {
        if let Some(o) = rules.official(region, target) {
            a.add(
                "number.service",
                w("number.service"),
                format!("SMS sub-number of {} ({})", o.name_en, o.number),
            );
            return;
        }
    }
    if let Some(target) = &p.spoofs {
        let official = rules.official(region, target);
        let (detail, fraud) = match official {
            Some(o) => {
                a.set_name(o.name(lang).to_string());
                (
                    format!(
                        "Imitates the {} hotline {} with a country code or extra digits",
                        o.name_en, o.number
                    ),
                    o.impersonation_type(),
                )
            }
            None => (
                format!("Imitates the service number {target} with a country code or extra digits"),
                FraudType::ImpersonateCustomerService,
            ),
        };
        if official.is_none() {
            a.set_name(target.clone());
        }
        a.add_typed(
            "number.spoofed_service",
            w("number.spoofed_service"),
            detail,
            fraud,
        );
        a.at_least(Level::Dangerous);
        return;
    }
    if let Some(o) = rules.official(region, &p.normalized) {
        a.identify(
            "number.official",
            w("number.official"),
            format!("Official number of {} ({})", o.name_en, o.name_zh),
            o.name(lang).to_string(),
        );
        let lines = match lang {
            Lang::En => &o.advice_en,
            Lang::ZhHans => &o.advice_zh,
        };
        for line in lines {
            a.push_advice(line.clone());
        }
        return;
    }
    match p.class {
        NumberClass::Service => {
            let label = p.service_label.as_deref().unwrap_or("service number");
            if p.sms_only && ctx.channel == Channel::Call {
                a.add_typed(
                    "number.sms_gateway_call",
                    w("number.sms_gateway_call"),
                    format!("A call from an SMS-only range ({label})"),
                    FraudType::Other,
                );
            } else {
                a.add(
                    "number.service",
                    w("number.service"),
                    format!("Service number: {label}"),
                );
            }
        }
        NumberClass::International => {
            let cc = if p.country_code.is_empty() {
                "unknown".to_string()
            } else {
                format!("+{}", p.country_code)
            };
            a.add(
                "number.international",
                w("number.international"),
                format!("International number (calling code {cc})"),
            );
        }
        NumberClass::VirtualOperator => {
            let range = &p.national[..3.min(p.national.len())];
            a.add(
                "number.virtual_operator",
                w("number.virtual_operator"),
                format!("Virtual-operator range {range}"),
            );
        }
        NumberClass::Iot => {
            let range = &p.national[..3.min(p.national.len())];
            a.add(
                "number.iot_range",
                w("number.iot_range"),
                format!("IoT range {range} (13-digit machine numbers)"),
            );
        }
        NumberClass::Mobile
        | NumberClass::Landline
        | NumberClass::LocalLandline
        | NumberClass::Unknown => {}
    }
    if !p.length_ok {
        a.add(
            "number.invalid_length",
            w("number.invalid_length"),
            format!("{} digits do not fit the numbering plan", p.national.len()),
        );
    }
}

fn assess_context(a: &mut Assessment, rules: &NumberRules, ctx: &NumberContext) {
    let w = |code: &str| rules.weight(code);
    if ctx.in_contacts {
        a.add(
            "number.in_contacts",
            w("number.in_contacts"),
            "In the user's contacts",
        );
    }
    match ctx.stir {
        Some(StirResult::Verified) => a.add(
            "number.stir_verified",
            w("number.stir_verified"),
            "Caller ID verified by the network",
        ),
        Some(StirResult::Failed) => a.add(
            "number.stir_failed",
            w("number.stir_failed"),
            "Caller ID verification failed",
        ),
        Some(StirResult::NotVerified) => a.add(
            "number.stir_unverified",
            w("number.stir_unverified"),
            "Caller ID not verified by the network",
        ),
        None => {}
    }
    if ctx.calls_last_hour >= rules.repeated.threshold {
        let extra = (ctx.calls_last_hour - rules.repeated.threshold + 1).min(100) as i32;
        let weight = (w("number.repeated_calls") * extra).min(rules.repeated.max_weight);
        a.add(
            "number.repeated_calls",
            weight,
            format!("{} calls in the last hour", ctx.calls_last_hour),
        );
    }
}

#[cfg(test)]
mod tests;
