//! Message scanning: normalize a message, extract what it carries (links,
//! phone numbers, bank cards, IM ids, verification codes), check each item
//! with its own check, look at the sender, and match the pattern set's
//! keyword groups, regexes and rules into an explained verdict.
//!
//! ```
//! use fanzha_core::{Guard, Settings, Level, FraudType};
//!
//! let guard = Guard::new(Settings::default()).unwrap();
//! let v = guard
//!     .check_message(Some("+8617012345678"), "【公安局】您涉嫌洗钱案件，请立即将资金转入安全账户配合资金清查。")
//!     .unwrap();
//! assert_eq!(v.level, Level::Dangerous);
//! assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
//! assert!(v.has_reason("message.safe_account"));
//!
//! let ok = guard.check_message(Some("95588"), "【工商银行】您尾号1234卡3月5日支出500.00元，余额1,234.56元。").unwrap();
//! assert_eq!(ok.level, Level::Clear);
//! ```
//!
//! Cost: linear in the text. Bodies longer than [`MAX_SCAN_BYTES`] are
//! scanned up to that length (and say so); regexes look at the first
//! [`MAX_REGEX_BYTES`] of the compact form; at most [`MAX_CHECKED_LINKS`]
//! links and [`MAX_CHECKED_NUMBERS`] numbers are checked individually.

mod combine;
mod extract;
mod normalize;
mod patterns;
mod sender;

pub use combine::{Adjustment, ModelCombination, Stance};
pub(crate) use extract::ItemKind;
pub use normalize::Normalized;
pub use patterns::{PatternSet, FACTS};

use crate::error::{Error, Result};
use crate::link::LinkData;
use crate::number::NumberData;
use crate::number::{self, Channel, NumberClass, NumberContext, Parsed};
use crate::scoring::Assessment;
use crate::verdict::{Extracted, FraudType, Kind, Lang, Level, Verdict};
use patterns::{floor_char_boundary, Evidence, Features};
use sender::SenderClass;

pub(crate) static EMBEDDED: &crate::model::PackedText = crate::packed_json!("patterns");

/// Longest body scanned, in bytes (1 MiB); the rest is ignored and the
/// verdict carries `message.truncated`.
pub const MAX_SCAN_BYTES: usize = 1 << 20;
/// Regexes read at most this much of the compact text (keywords read all).
pub const MAX_REGEX_BYTES: usize = 16 << 10;
/// Links checked individually per message.
pub const MAX_CHECKED_LINKS: usize = 8;
/// Numbers checked individually per message.
pub const MAX_CHECKED_NUMBERS: usize = 8;
/// From this many links on, a message has `many_links`.
const MANY_LINKS: usize = 6;
/// Characters of the body kept in `Verdict.input`.
const PREVIEW_CHARS: usize = 160;
/// Longest signature (`【…】`) looked at, in characters.
const MAX_SIGNATURE_CHARS: usize = 24;

/// What the message check reads: its patterns, and the number and link
/// rules for the sender and the items it extracts, besides what every check
/// reads. [`crate::Snapshot`] implements it.
pub(crate) trait MessageData: NumberData + LinkData {
    /// The compiled message patterns.
    fn patterns(&self) -> &PatternSet;
    /// The message model, when the data has one.
    fn message_model(&self) -> Option<&crate::model::Model>;
}

/// The message check (see the module docs).
///
/// Refuses a body with no visible character. Never fails because of an
/// extracted item: a link or number that its own check refuses is listed
/// without a verdict.
pub(crate) fn check(
    snap: &impl MessageData,
    region: &str,
    lang: Lang,
    sender: Option<&str>,
    body: &str,
) -> Result<Verdict> {
    let p = snap.patterns();
    let truncated = body.len() > MAX_SCAN_BYTES;
    let scanned = &body[..floor_char_boundary(body, MAX_SCAN_BYTES)];
    let (norm, exact) = Normalized::with_symbols_exact(scanned, &p.symbol_words);
    if norm.clean.trim().is_empty() {
        return Err(Error::input(Kind::Message, "empty message"));
    }

    let mut features = p.features();
    let set_fact = |features: &mut Features, name: &str| {
        if let Some(id) = p.feature(name) {
            features.set(id, Evidence::Fact);
        }
    };
    if p.match_body(&norm, MAX_REGEX_BYTES, &mut features) {
        set_fact(&mut features, "obfuscated");
    }
    for sig in signatures(&norm.clean) {
        p.match_signature(sig, &mut features);
    }

    let mut a = Assessment::new(Kind::Message, preview(body));
    let mut extracted = Vec::new();
    let item_vote = p.weight("message.item_type_vote").max(0);

    // The sender.
    let (class, sender_verdict) = sender::classify(snap, region, lang, sender);
    set_fact(&mut features, class.fact());
    if let Some(v) = sender_verdict {
        if v.level == Level::Dangerous {
            a.add(
                "message.dangerous_sender",
                p.weight("message.dangerous_sender"),
                format!("The sender's number is rated dangerous ({})", top_code(&v)),
            );
            a.vote(v.fraud_type.unwrap_or(FraudType::Other), item_vote);
        }
        extracted.push(Extracted {
            kind: "sender".to_string(),
            value: v.normalized.clone().unwrap_or_else(|| v.input.clone()),
            verdict: Some(Box::new(v)),
        });
    } else if class == SenderClass::Alpha {
        if let Some(s) = sender {
            extracted.push(Extracted {
                kind: "sender".to_string(),
                value: s.trim().chars().take(32).collect(),
                verdict: None,
            });
        }
    }

    // What the body carries, each item checked on its own.
    let ex = extract::extract(p, snap.numbers(), region, &norm.clean);
    let mut links_checked = 0;
    let mut numbers_checked = 0;
    let sms = NumberContext {
        channel: Channel::Sms,
        ..NumberContext::default()
    };
    for item in &ex.items {
        let verdict = match item.kind {
            ItemKind::Link if links_checked < MAX_CHECKED_LINKS => {
                links_checked += 1;
                crate::link::check(snap, lang, item.target.as_deref().unwrap_or(&item.value)).ok()
            }
            ItemKind::Number if numbers_checked < MAX_CHECKED_NUMBERS => {
                numbers_checked += 1;
                number::check(snap, region, lang, &item.value, &sms).ok()
            }
            _ => None,
        };
        let level = verdict.as_ref().map(|v| v.level);
        match item.kind {
            ItemKind::Link => {
                set_fact(&mut features, "link");
                if level != Some(Level::Trusted) {
                    set_fact(&mut features, "link_unverified");
                }
                if level >= Some(Level::Suspicious) {
                    set_fact(&mut features, "link_suspicious");
                }
                if level == Some(Level::Dangerous) {
                    set_fact(&mut features, "link_dangerous");
                }
                if is_apk(&item.value) {
                    set_fact(&mut features, "link_apk");
                }
            }
            ItemKind::Number => {
                set_fact(&mut features, "phone");
                set_fact(
                    &mut features,
                    if level == Some(Level::Trusted) {
                        "phone_official"
                    } else {
                        "phone_untrusted"
                    },
                );
                if is_mobile(snap, region, &item.value) {
                    set_fact(&mut features, "mobile");
                }
            }
            ItemKind::ImId => set_fact(&mut features, "im_id"),
            ItemKind::BankCard => set_fact(&mut features, "bank_card"),
            ItemKind::VerificationCode => set_fact(&mut features, "code"),
            ItemKind::Email => set_fact(&mut features, "email"),
        }
        extracted.push(Extracted {
            kind: item.kind.as_str().to_string(),
            value: item.value.clone(),
            verdict: verdict.map(Box::new),
        });
    }
    if ex.links_seen >= MANY_LINKS {
        set_fact(&mut features, "many_links");
    }

    // Dangerous items make the message dangerous.
    for kind in ["link", "number"] {
        let worst = extracted
            .iter()
            .filter(|e| e.kind == kind)
            .filter_map(|e| e.verdict.as_deref())
            .max_by_key(|v| v.level);
        let Some(v) = worst else { continue };
        let code = match v.level {
            Level::Dangerous => format!("message.dangerous_{kind}"),
            Level::Suspicious => format!("message.suspicious_{kind}"),
            _ => continue,
        };
        a.add(
            &code,
            p.weight(&code),
            format!(
                "A {kind} in the message is rated {} ({})",
                v.level,
                top_code(v)
            ),
        );
        if let Some(t) = v.fraud_type {
            a.vote(t, item_vote);
        }
    }

    // The rules.
    let mut fired: Vec<&str> = Vec::new();
    for rule in &p.rules {
        let holds = rule
            .all
            .iter()
            .all(|alts| alts.iter().any(|&f| features.has(f)))
            && !rule.none.iter().any(|&f| features.has(f));
        if !holds || fired.contains(&rule.code.as_str()) {
            continue;
        }
        fired.push(&rule.code);
        // "rule <id>: <evidence> + <evidence>…", written into one buffer.
        let mut detail = String::with_capacity(64);
        detail.push_str("rule ");
        detail.push_str(&rule.id);
        detail.push_str(": ");
        let mut first = true;
        for alts in &rule.all {
            let Some((f, ev)) = alts.iter().find_map(|&f| features.get(f).map(|ev| (f, ev))) else {
                continue;
            };
            if !first {
                detail.push_str(" + ");
            }
            first = false;
            p.write_evidence(ev, &norm.compact, f, &mut detail);
        }
        a.add(&rule.code, rule.weight, detail);
        if let (Some(t), true) = (rule.fraud_type, rule.weight > 0) {
            a.vote(t, rule.vote);
        }
    }
    if let Some(m) = snap.message_model() {
        // The model normalizes its text with NFKC (after cutting it at
        // MAX_FEATURE_BYTES). When the clean form is exactly NFKC of the
        // body and neither is cut, it reads the same as the body and is
        // already normalized, so the model's normalization takes its fast
        // path (full-width punctuation sends most Chinese bodies down the
        // slow one).
        let model_text = if exact
            && scanned.len() <= crate::model::MAX_FEATURE_BYTES
            && norm.clean.len() <= crate::model::MAX_FEATURE_BYTES
        {
            norm.clean.as_str()
        } else {
            scanned
        };
        apply_model(p, m, model_text, &mut a);
    }
    if truncated {
        a.add(
            "message.truncated",
            0,
            format!(
                "Only the first {} KiB of the message were scanned",
                MAX_SCAN_BYTES >> 10
            ),
        );
    }

    let mut verdict = a.finish(snap, lang);
    verdict.extracted = extracted;
    Ok(verdict)
}

/// Scores the body with the message model and adds its `message.model`
/// reason and type vote (see [`combine`]).
fn apply_model(p: &PatternSet, m: &crate::model::Model, body: &str, a: &mut Assessment) {
    let cal = m.calibration;
    let mut adj = None;
    // The n-gram texts are built only when the model's reason names them.
    let (score, evidence) = m.score_then_explain(body, |s| {
        let x = p
            .model
            .adjust_score(a.reasons(), m, s, (cal.suspicious_at, cal.dangerous_at));
        adj = Some(x);
        x.stance == Stance::Fraud
    });
    let Some(adj) = adj else { return };
    let pf = score.fraud_probability();
    let detail = match adj.stance {
        Stance::Fraud => {
            let evidence = evidence.unwrap_or_default();
            // The longer n-grams explain better than single characters.
            let shown = |min: usize| -> Vec<&str> {
                evidence
                    .iter()
                    .map(|(g, _)| g.strip_prefix("w:").unwrap_or(g))
                    .filter(|g| g.chars().count() >= min)
                    .take(5)
                    .collect()
            };
            let mut grams = shown(2);
            if grams.is_empty() {
                grams = shown(1);
            }
            format!(
                "model: fraud {pf:.2} (threshold {:.2}), type {}; n-grams: {}",
                cal.suspicious_at,
                m.classes.get(score.top).map_or("", String::as_str),
                grams.join(", ")
            )
        }
        Stance::Benign if adj.weight < 0 => format!(
            "model: fraud {pf:.2} (threshold {:.2}): ordinary text; weak pattern evidence discounted",
            cal.suspicious_at
        ),
        _ => return,
    };
    a.add("message.model", adj.weight, detail);
    if let Some((t, w)) = adj.vote {
        a.vote(t, w);
    }
}

/// The code of a verdict's heaviest reason, for a detail line.
fn top_code(v: &Verdict) -> &str {
    v.reasons
        .iter()
        .max_by_key(|r| r.weight)
        .map(|r| r.code.as_str())
        .unwrap_or("no reason")
}

/// A link to an Android package (`….apk`, with or without a query).
fn is_apk(link: &str) -> bool {
    let path = link.split(['?', '#']).next().unwrap_or(link);
    path.len() >= 4 && path[path.len() - 4..].eq_ignore_ascii_case(".apk")
}

fn is_mobile(snap: &impl NumberData, region: &str, value: &str) -> bool {
    matches!(
        number::parse(snap.numbers(), region, value),
        Ok(Parsed::Number(p)) if matches!(p.class, NumberClass::Mobile | NumberClass::VirtualOperator | NumberClass::Iot)
    )
}

/// The message's signatures: a bracketed name at the start or end of the
/// text (`【工商银行】…`, `…【抖音】`, `[HSBC] …`).
fn signatures(clean: &str) -> Vec<&str> {
    let t = clean.trim();
    let mut out = Vec::new();
    for (open, close) in [('【', '】'), ('[', ']')] {
        if let Some(rest) = t.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                out.push(&rest[..end]);
            }
        }
        if let Some(rest) = t.strip_suffix(close) {
            if let Some(start) = rest.rfind(open) {
                out.push(&rest[start + open.len_utf8()..]);
            }
        }
    }
    out.retain(|s| !s.is_empty() && s.chars().count() <= MAX_SIGNATURE_CHARS);
    out
}

/// The start of the body, for `Verdict.input`.
fn preview(body: &str) -> String {
    // One copy of the first PREVIEW_CHARS characters, not a push per
    // character.
    let end = body
        .char_indices()
        .nth(PREVIEW_CHARS)
        .map_or(body.len(), |(i, _)| i);
    let mut out = String::with_capacity(end + '…'.len_utf8());
    out.push_str(&body[..end]);
    if out.len() < body.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
