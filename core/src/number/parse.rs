//! Parsing: any way people write a number, read in a region's numbering
//! plan, into E.164 (or the service number as dialled) and a class.

use super::rules::{NumberRules, RegionPlan};
use crate::error::{Error, Result};
use crate::verdict::Kind;
use serde::{Deserialize, Serialize};

/// Longest input accepted, in bytes. Anything longer is not a phone number.
const MAX_INPUT_BYTES: usize = 128;
/// Most digits a number (with extension stripped) may have; the longest real
/// ones are China's 106 SMS gateway numbers (up to 20 digits).
const MAX_DIGITS: usize = 24;
const MAX_EXTENSION_DIGITS: usize = 8;

/// What kind of line a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberClass {
    /// A mobile number.
    Mobile,
    /// A mobile number of a virtual operator (`virtual_operator_prefixes` in
    /// `numbers.json`); the check weighs it as `number.virtual_operator`.
    VirtualOperator,
    /// An IoT (machine-to-machine) number: should never call a person.
    Iot,
    /// A landline with its area code.
    Landline,
    /// A subscriber number dialled locally, without its area code.
    LocalLandline,
    /// A service number dialled as it is (95xxx, 12xxx, 400, 106 …).
    Service,
    /// Outside the configured region.
    International,
    /// In the region's calling code but fits no known range.
    Unknown,
}

/// A parsed number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedNumber {
    /// The canonical form used for lookups and shown as `normalized`: E.164
    /// (`+8613812345678`), or the service number as dialled (`95588`).
    pub normalized: String,
    /// Calling code without `+`.
    pub country_code: String,
    /// National significant number (no trunk prefix, no calling code).
    pub national: String,
    /// The extension written after the number (`ext 12`, `转12`), digits only.
    pub extension: Option<String>,
    /// What kind of line it is.
    pub class: NumberClass,
    /// Length fits the region's plan for this class.
    pub length_ok: bool,
    /// Written with a broken international prefix such as `+0086`.
    pub malformed_prefix: bool,
    /// Set when the number imitates a service number: the number imitated.
    pub spoofs: Option<String>,
    /// The imitation is the service number with extra digits and no country
    /// code ("955880000"). Carriers and banks legitimately send SMS from
    /// such sub-numbers (1008611), so this is only a spoof on calls.
    pub padded: bool,
    /// Label of the service range (service numbers only).
    pub service_label: Option<String>,
    /// Service number that can only send SMS (China's 106 gateways).
    pub sms_only: bool,
}

/// The result of parsing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Parsed {
    /// The caller withheld their number ("Private", "Unknown", "隐藏号码" …).
    Withheld,
    /// A number, parsed.
    Number(ParsedNumber),
}

/// Parses `input` as written in `region` (ISO 3166 alpha-2, e.g. `CN`).
///
/// Accepts spaces, dashes, dots, slashes, parentheses, full-width digits and
/// punctuation, `+`/`00`/`0086`/`86` prefixes, the trunk `0`, and extensions
/// (`ext 12`, `x12`, `转12`, `#12`, `,12`). Refuses empty input, control
/// characters, letters (other than withheld markers and extension words),
/// and more than 24 digits — with an error that never repeats the input.
pub fn parse(rules: &NumberRules, region: &str, input: &str) -> Result<Parsed> {
    let bad = |why| Error::input(Kind::Number, why);
    if input.len() > MAX_INPUT_BYTES {
        return Err(bad("too long to be a phone number"));
    }
    if input.chars().any(|c| c.is_control() && c != ' ') {
        return Err(bad("contains control characters"));
    }
    let mut folded = String::with_capacity(input.len());
    folded.extend(input.chars().map(fold_char));
    let trimmed = folded.trim();
    if trimmed.is_empty() {
        return Err(bad("empty"));
    }
    // Only text that is not plainly a number can be a withheld marker.
    let plain = trimmed
        .bytes()
        .all(|b| b.is_ascii_digit() || b" +-().".contains(&b));
    if (!plain || trimmed.starts_with('-')) && rules.withheld.contains(&trimmed.to_lowercase()) {
        return Ok(Parsed::Withheld);
    }
    let upper;
    let region = if region.bytes().all(|b| b.is_ascii_uppercase()) {
        region
    } else {
        upper = region.to_ascii_uppercase();
        upper.as_str()
    };
    let plan = rules
        .regions
        .get(region)
        .ok_or_else(|| bad("unknown region"))?;

    let (main, extension) = if plain {
        (trimmed, None)
    } else {
        split_extension(trimmed).map_err(bad)?
    };
    let mut digits = String::with_capacity(main.len());
    let mut plus = false;
    for (i, c) in main.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '+' => {
                if plus || !digits.is_empty() || main[..i].chars().any(|p| !matches!(p, ' ' | '('))
                {
                    return Err(bad("misplaced '+'"));
                }
                plus = true;
            }
            ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' => {}
            _ if c.is_alphabetic() => return Err(bad("contains letters")),
            _ => {
                return Err(bad(
                    "contains characters that are not part of a phone number",
                ))
            }
        }
    }
    if digits.is_empty() {
        return Err(bad("no digits"));
    }
    if digits.len() > MAX_DIGITS {
        return Err(bad("too many digits"));
    }

    let mut malformed_prefix = false;
    let international_part: Option<&str> = if plus {
        let rest = digits.trim_start_matches('0');
        if rest.len() != digits.len() {
            // "+0086…", "+00 95588": a dialling prefix written after '+'.
            malformed_prefix = true;
        }
        Some(rest)
    } else {
        plan.intl_prefixes
            .iter()
            .filter(|p| digits.starts_with(p.as_str()) && digits.len() > p.len())
            .max_by_key(|p| p.len())
            .map(|p| &digits[p.len()..])
    };

    let is_cn = plan.plan.as_deref() == Some("cn");
    let mut parsed = match international_part {
        Some(intl) => parse_international(rules, plan, region, intl, is_cn)?,
        None => parse_national(rules, plan, region, &digits, is_cn),
    };
    parsed.malformed_prefix = malformed_prefix;
    parsed.extension = extension;
    Ok(Parsed::Number(parsed))
}

/// True when a run of digits found in a text (a message), `plus` when a
/// `+` leads it, is a phone number under `region`'s numbering plan, in a
/// form people write one in: a mobile, IoT or virtual-operator number (with
/// or without the calling code), a landline with its trunk prefix or
/// calling code, a service number (95xxx, 400, 106 …), an international
/// number, or the imitation of a service number. Never a bare local
/// subscriber number or digits that fit no range (order numbers, ids): in
/// a text those are something else. The message check's extraction asks
/// this, so the plan is written once, in `numbers.json`.
pub(crate) fn written_in_text(rules: &NumberRules, region: &str, digits: &str, plus: bool) -> bool {
    let with_plus;
    let input = if plus {
        with_plus = format!("+{digits}");
        with_plus.as_str()
    } else {
        digits
    };
    let Ok(Parsed::Number(p)) = parse(rules, region, input) else {
        return false;
    };
    if p.spoofs.is_some() && !p.padded {
        return true;
    }
    if !p.length_ok {
        return false;
    }
    match p.class {
        NumberClass::Mobile
        | NumberClass::VirtualOperator
        | NumberClass::Iot
        | NumberClass::Service
        | NumberClass::International => true,
        // Written with its trunk prefix or calling code.
        NumberClass::Landline => digits.len() > p.national.len(),
        NumberClass::LocalLandline | NumberClass::Unknown => false,
    }
}

/// Full-width forms to ASCII, typographic dashes and spaces to plain ones.
pub(super) fn fold_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' | '\u{2002}'..='\u{200a}' | '\u{202f}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30fc}' => '-',
        '\u{3002}' => '.',
        _ => c,
    }
}

/// Splits off an extension: `ext`, `ext.`, `x`, `转`, `分机`, `#`, `,`, `;`.
pub(super) fn split_extension(
    s: &str,
) -> std::result::Result<(&str, Option<String>), &'static str> {
    let lower_markers = [
        "ext.",
        "ext",
        "extension",
        "x",
        "转",
        "分机",
        "#",
        ",",
        ";",
        "p",
        "w",
    ];
    let lower = s.to_ascii_lowercase();
    // The earliest marker that follows at least one digit.
    let first_digit = match lower.find(|c: char| c.is_ascii_digit()) {
        Some(i) => i,
        None => return Ok((s, None)),
    };
    let mut best: Option<(usize, usize)> = None;
    for m in lower_markers {
        if let Some(pos) = lower[first_digit..].find(m).map(|p| p + first_digit) {
            if best.is_none_or(|(b, _)| pos < b) {
                best = Some((pos, m.len()));
            }
        }
    }
    let Some((pos, len)) = best else {
        return Ok((s, None));
    };
    let ext: String = s[pos + len..]
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | ':' | '-' | ',' | ';' | '#'))
        .collect();
    if ext.is_empty() {
        return Ok((&s[..pos], None));
    }
    if !ext.bytes().all(|b| b.is_ascii_digit()) {
        return Err("contains letters");
    }
    if ext.len() > MAX_EXTENSION_DIGITS {
        return Err("extension too long");
    }
    Ok((&s[..pos], Some(ext)))
}

pub(super) fn number(cc: &str, nsn: &str, class: NumberClass, length_ok: bool) -> ParsedNumber {
    let mut normalized = String::with_capacity(1 + cc.len() + nsn.len());
    normalized.push('+');
    normalized.push_str(cc);
    normalized.push_str(nsn);
    ParsedNumber {
        normalized,
        country_code: cc.to_string(),
        national: nsn.to_string(),
        extension: None,
        class,
        length_ok,
        malformed_prefix: false,
        spoofs: None,
        padded: false,
        service_label: None,
        sms_only: false,
    }
}

/// Digits that followed an international prefix (`+`, `00`, …).
pub(super) fn parse_international(
    rules: &NumberRules,
    plan: &RegionPlan,
    region: &str,
    intl: &str,
    is_cn: bool,
) -> Result<ParsedNumber> {
    // A service number that arrives with a country code or padding is a
    // spoofed hotline: "+95588", "0095588", "+86 95588 0000", "+8610086".
    let spoof_target = |digits: &str| -> Option<String> {
        if let Some(o) = rules.official_prefix(region, digits) {
            // "+86 955 8812345" is a genuine landline in area 0955; a spoof
            // keeps the hotline's shape instead.
            let looks_like_landline =
                is_cn && (10..=11).contains(&digits.len()) && digits.as_bytes()[0] >= b'3';
            if !looks_like_landline || digits.len() == o.len() {
                return Some(o.to_string());
            }
        }
        if is_cn {
            if let Some(p) = rules.service_pattern(digits) {
                if !matches!(p.prefix.as_str(), "400" | "800" | "106") {
                    return Some(digits.to_string());
                }
            }
        }
        None
    };
    if intl.is_empty() {
        return Err(Error::input(
            Kind::Number,
            "no digits after the international prefix",
        ));
    }
    if let Some(target) = spoof_target(intl) {
        let mut p = number("", intl, NumberClass::International, false);
        p.normalized = format!("+{intl}");
        p.spoofs = Some(target);
        return Ok(p);
    }
    if let Some(home) = intl.strip_prefix(plan.cc.as_str()) {
        let home = if !plan.trunk.is_empty() {
            home.strip_prefix(plan.trunk.as_str()).unwrap_or(home)
        } else {
            home
        };
        if let Some(target) = spoof_target(home) {
            let mut p = number(&plan.cc, home, NumberClass::Service, false);
            p.spoofs = Some(target);
            return Ok(p);
        }
        return Ok(classify_home(rules, plan, home, is_cn));
    }
    match rules.split_country_code(intl) {
        Some((cc, nsn)) => {
            let length_ok = match rules.plan_for_cc(cc) {
                Some(p) => (p.nsn_min..=p.nsn_max).contains(&nsn.len()),
                None => (8..=15).contains(&intl.len()),
            };
            Ok(number(cc, nsn, NumberClass::International, length_ok))
        }
        None => {
            let mut p = number("", intl, NumberClass::International, false);
            p.normalized = format!("+{intl}");
            Ok(p)
        }
    }
}

/// Digits written without an international prefix.
pub(super) fn parse_national(
    rules: &NumberRules,
    plan: &RegionPlan,
    region: &str,
    digits: &str,
    is_cn: bool,
) -> ParsedNumber {
    if is_cn {
        // A service number with extra digits: "955880000".
        if let Some(o) = rules.official_prefix(region, digits) {
            let owned = rules.official(region, o).is_some_and(|o| o.subnumbers);
            if owned {
                let mut p = number(&plan.cc, digits, NumberClass::Service, true);
                p.normalized = digits.to_string();
                p.service_label = rules
                    .official(region, o)
                    .map(|o| format!("line of {}", o.name_en));
                return p;
            }
            if digits.len() > o.len() && rules.service_pattern(digits).is_none() {
                let mut p = number(&plan.cc, digits, NumberClass::Service, false);
                p.normalized = digits.to_string();
                p.spoofs = Some(o.to_string());
                p.padded = true;
                return p;
            }
        }
        if let Some(p) = service(rules, plan, digits) {
            return p;
        }
        // "86 138 1234 5678": the calling code without '+'.
        if let Some(rest) = digits.strip_prefix(plan.cc.as_str()) {
            let home = classify_home(rules, plan, rest, is_cn);
            if home.length_ok && home.class != NumberClass::Service {
                return home;
            }
        }
    }
    if !plan.trunk.is_empty() {
        if let Some(rest) = digits.strip_prefix(plan.trunk.as_str()) {
            if !rest.is_empty() {
                let mut p = classify_home(rules, plan, rest, is_cn);
                if is_cn && p.class == NumberClass::Landline {
                    // An official number dialled with an area code ("0755-96110").
                    if let Some(local) = cn_subscriber(rules, rest) {
                        if rules
                            .official(region, local)
                            .is_some_and(|o| o.area_dialable)
                        {
                            p.normalized = local.to_string();
                            p.class = NumberClass::Service;
                            p.length_ok = true;
                        }
                    }
                }
                return p;
            }
        }
    }
    if is_cn && (7..=8).contains(&digits.len()) && matches!(digits.as_bytes()[0], b'2'..=b'8') {
        let mut p = number(&plan.cc, digits, NumberClass::LocalLandline, true);
        p.normalized = digits.to_string();
        return p;
    }
    classify_home(rules, plan, digits, is_cn)
}

pub(super) fn service(
    rules: &NumberRules,
    plan: &RegionPlan,
    digits: &str,
) -> Option<ParsedNumber> {
    let pattern = rules.service_pattern(digits)?;
    let mut p = number(&plan.cc, digits, NumberClass::Service, true);
    p.normalized = digits.to_string();
    p.service_label = Some(pattern.label.clone());
    p.sms_only = pattern.sms_only;
    Some(p)
}

/// The subscriber part of a CN landline NSN (area code removed).
pub(super) fn cn_subscriber<'a>(rules: &NumberRules, nsn: &'a str) -> Option<&'a str> {
    let area_len = if rules
        .cn
        .two_digit_area_codes
        .iter()
        .any(|a| nsn.starts_with(a.as_str()))
    {
        2
    } else {
        3
    };
    nsn.get(area_len..)
}

/// Classifies a national significant number of the configured region.
pub(super) fn classify_home(
    rules: &NumberRules,
    plan: &RegionPlan,
    nsn: &str,
    is_cn: bool,
) -> ParsedNumber {
    if !is_cn {
        let ok = (plan.nsn_min..=plan.nsn_max).contains(&nsn.len());
        return number(&plan.cc, nsn, NumberClass::Unknown, ok);
    }
    let cn = &rules.cn;
    let starts = |list: &[String]| list.iter().any(|p| nsn.starts_with(p.as_str()));
    if starts(&cn.iot_prefixes) && nsn.len() == cn.iot_length {
        return number(&plan.cc, nsn, NumberClass::Iot, true);
    }
    if starts(&cn.virtual_operator_prefixes) {
        return number(&plan.cc, nsn, NumberClass::VirtualOperator, nsn.len() == 11);
    }
    if starts(&cn.mobile_prefixes) {
        return number(&plan.cc, nsn, NumberClass::Mobile, nsn.len() == 11);
    }
    let first = nsn.as_bytes().first().copied().unwrap_or(b'0');
    if starts(&cn.two_digit_area_codes) {
        // 2-digit area code + 8-digit subscriber.
        return number(&plan.cc, nsn, NumberClass::Landline, nsn.len() == 10);
    }
    if (b'3'..=b'9').contains(&first) {
        // 3-digit area code + 7- or 8-digit subscriber.
        return number(
            &plan.cc,
            nsn,
            NumberClass::Landline,
            (10..=11).contains(&nsn.len()),
        );
    }
    number(&plan.cc, nsn, NumberClass::Unknown, false)
}
