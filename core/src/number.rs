//! Phone numbers: parse any way people write them into E.164, classify them
//! against the region's numbering plan, and turn what that shows — plus the
//! host's facts about the call — into a verdict.
//!
//! All knowledge (official numbers, ranges, weights, region plans) lives in
//! `data/numbers.json`, replaceable by a feed.

use crate::blocklist::ListKind;
use crate::error::{Error, Result};
use crate::fasthash::{FastMap, FastSet};
use crate::scoring::Assessment;
use crate::snapshot::Snapshot;
use crate::verdict::{FraudType, Kind, Lang, Level, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub(crate) const EMBEDDED: &str = include_str!("../data/numbers.json");

/// Longest input accepted, in bytes. Anything longer is not a phone number.
const MAX_INPUT_BYTES: usize = 128;
/// Most digits a number (with extension stripped) may have; the longest real
/// ones are China's 106 SMS gateway numbers (up to 20 digits).
const MAX_DIGITS: usize = 24;
const MAX_EXTENSION_DIGITS: usize = 8;

/// How the number reached the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Call,
    Sms,
}

/// The network's caller-ID attestation (STIR/SHAKEN or equivalent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StirResult {
    Verified,
    Failed,
    NotVerified,
}

/// Facts the host app knows about this call or SMS.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberContext {
    pub channel: Channel,
    /// The number is in the user's contacts.
    pub in_contacts: bool,
    pub stir: Option<StirResult>,
    /// Calls from this number in the last hour, this one included.
    pub calls_last_hour: u32,
}

/// What kind of line a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberClass {
    Mobile,
    VirtualOperator,
    Iot,
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
    pub extension: Option<String>,
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
    Number(ParsedNumber),
}

#[derive(Debug, Clone, Deserialize)]
struct RegionPlan {
    region: String,
    cc: String,
    trunk: String,
    intl_prefixes: Vec<String>,
    nsn_min: usize,
    nsn_max: usize,
    #[serde(default)]
    plan: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct ServicePattern {
    prefix: String,
    min: usize,
    max: usize,
    label: String,
    #[serde(default)]
    sms_only: bool,
}

#[derive(Debug, Clone, Deserialize)]
struct CnPlan {
    mobile_prefixes: Vec<String>,
    virtual_operator_prefixes: Vec<String>,
    iot_prefixes: Vec<String>,
    iot_length: usize,
    two_digit_area_codes: Vec<String>,
    service_patterns: Vec<ServicePattern>,
}

/// An official number of a region.
#[derive(Debug, Clone, Deserialize)]
pub struct Official {
    pub region: String,
    pub number: String,
    pub name_en: String,
    pub name_zh: String,
    pub category: String,
    #[serde(default)]
    area_dialable: bool,
    /// The institution owns every number that starts with this one
    /// (carriers' 1008611, 10010xx …): longer forms are its own lines.
    #[serde(default)]
    subnumbers: bool,
    #[serde(default)]
    advice_en: Vec<String>,
    #[serde(default)]
    advice_zh: Vec<String>,
}

impl Official {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::ZhHans => &self.name_zh,
        }
    }

    /// The scam someone imitating this institution is running.
    fn impersonation_type(&self) -> FraudType {
        match self.category.as_str() {
            "police" | "government" | "anti_fraud" | "emergency" => FraudType::ImpersonateAuthority,
            _ => FraudType::ImpersonateCustomerService,
        }
    }
}

/// The official numbers of one region, indexed for prefix matching.
#[derive(Debug)]
struct RegionOfficials {
    region: String,
    by_number: FastMap<String, Official>,
    /// Lengths of the numbers, longest first.
    lengths: Vec<usize>,
    /// `leads[d0 * 10 + d1]`: some number starts with digits d0 d1 — a fast
    /// negative for the common case (an ordinary mobile number).
    leads: [bool; 100],
}

#[derive(Debug, Clone, Deserialize)]
struct RepeatedCalls {
    threshold: u32,
    max_weight: i32,
}

#[derive(Debug, Deserialize)]
struct RawRules {
    weights: HashMap<String, i32>,
    repeated_calls: RepeatedCalls,
    regions: Vec<RegionPlan>,
    country_codes: Vec<String>,
    cn_plan: CnPlan,
    official: Vec<Official>,
    #[serde(default = "default_withheld")]
    withheld_markers: Vec<String>,
}

fn default_withheld() -> Vec<String> {
    [
        "anonymous",
        "private",
        "private number",
        "unknown",
        "unknown number",
        "withheld",
        "restricted",
        "unavailable",
        "hidden",
        "no caller id",
        "blocked",
        "隐藏号码",
        "未知号码",
        "私人号码",
        "匿名",
        "未知",
        "号码隐藏",
        "-1",
        "-2",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The compiled number rules of a snapshot.
#[derive(Debug)]
pub struct NumberRules {
    weights: FastMap<String, i32>,
    repeated: RepeatedCalls,
    regions: FastMap<String, RegionPlan>,
    country_codes: FastSet<String>,
    cn: CnPlan,
    /// Official numbers per region (few regions: a linear scan beats hashing).
    official: Vec<RegionOfficials>,
    withheld: FastSet<String>,
}

const REQUIRED_WEIGHTS: &[&str] = &[
    "number.official",
    "number.spoofed_service",
    "number.malformed_prefix",
    "number.international",
    "number.virtual_operator",
    "number.iot_range",
    "number.withheld",
    "number.invalid_length",
    "number.sms_gateway_call",
    "number.service",
    "number.in_contacts",
    "number.stir_verified",
    "number.stir_failed",
    "number.stir_unverified",
    "number.repeated_calls",
];

impl NumberRules {
    /// Compiles rules from their JSON form (`data/numbers.json`).
    pub fn from_json(json: &str) -> Result<NumberRules> {
        let raw: RawRules = serde_json::from_str(json).map_err(|e| Error::rules("numbers", e))?;
        for w in REQUIRED_WEIGHTS {
            if !raw.weights.contains_key(*w) {
                return Err(Error::rules("numbers", format!("missing weight {w}")));
            }
        }
        let mut regions = FastMap::default();
        for r in raw.regions {
            if r.cc.is_empty() || !r.cc.bytes().all(|b| b.is_ascii_digit()) || r.nsn_min > r.nsn_max
            {
                return Err(Error::rules(
                    "numbers",
                    format!("bad region plan {}", r.region),
                ));
            }
            regions.insert(r.region.to_ascii_uppercase(), r);
        }
        let mut official: Vec<RegionOfficials> = Vec::new();
        for o in raw.official {
            if o.number.is_empty() || !o.number.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::rules("numbers", "official number must be digits"));
            }
            let region = o.region.to_ascii_uppercase();
            if o.number.len() < 2 {
                return Err(Error::rules("numbers", "official number too short"));
            }
            let idx = match official.iter().position(|r| r.region == region) {
                Some(i) => i,
                None => {
                    official.push(RegionOfficials {
                        region: region.clone(),
                        by_number: FastMap::default(),
                        lengths: Vec::new(),
                        leads: [false; 100],
                    });
                    official.len() - 1
                }
            };
            let r = &mut official[idx];
            if !r.lengths.contains(&o.number.len()) {
                r.lengths.push(o.number.len());
                r.lengths.sort_by_key(|&n| std::cmp::Reverse(n));
            }
            let b = o.number.as_bytes();
            r.leads[usize::from(b[0] - b'0') * 10 + usize::from(b[1] - b'0')] = true;
            r.by_number.insert(o.number.clone(), o);
        }
        Ok(NumberRules {
            weights: raw.weights.into_iter().collect(),
            repeated: raw.repeated_calls,
            regions,
            country_codes: raw.country_codes.into_iter().collect(),
            cn: raw.cn_plan,
            official,
            withheld: raw
                .withheld_markers
                .into_iter()
                .map(|s| s.to_lowercase())
                .collect(),
        })
    }

    fn weight(&self, code: &str) -> i32 {
        self.weights.get(code).copied().unwrap_or(0)
    }

    /// Whether `region` is a region these rules know.
    pub fn knows_region(&self, region: &str) -> bool {
        self.regions.contains_key(&region.to_ascii_uppercase())
    }

    /// Every official number of `region` (in no particular order).
    pub fn officials<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a Official> + 'a {
        self.official
            .iter()
            .filter(move |r| r.region == region)
            .flat_map(|r| r.by_number.values())
    }

    /// The country calling code of `region` (`86` for CN), if known.
    pub fn country_code(&self, region: &str) -> Option<&str> {
        self.regions
            .get(&region.to_ascii_uppercase())
            .map(|p| p.cc.as_str())
    }

    /// The official entry for a number as dialled in `region`.
    pub fn official(&self, region: &str, number: &str) -> Option<&Official> {
        self.official
            .iter()
            .find(|r| r.region == region)?
            .by_number
            .get(number)
    }

    /// The official number `digits` starts with (longest match), if any.
    fn official_prefix(&self, region: &str, digits: &str) -> Option<&str> {
        let r = self.official.iter().find(|r| r.region == region)?;
        let b = digits.as_bytes();
        if b.len() < 2 || !b[0].is_ascii_digit() || !b[1].is_ascii_digit() {
            return None;
        }
        if !r.leads[usize::from(b[0] - b'0') * 10 + usize::from(b[1] - b'0')] {
            return None;
        }
        r.lengths
            .iter()
            .filter_map(|&len| digits.get(..len))
            .find_map(|prefix| r.by_number.get_key_value(prefix).map(|(k, _)| k.as_str()))
    }

    fn service_pattern(&self, nsn: &str) -> Option<&ServicePattern> {
        self.cn
            .service_patterns
            .iter()
            .filter(|p| nsn.starts_with(&p.prefix) && (p.min..=p.max).contains(&nsn.len()))
            .max_by_key(|p| p.prefix.len())
    }

    fn split_country_code<'a>(&self, digits: &'a str) -> Option<(&'a str, &'a str)> {
        (1..=3)
            .filter(|&n| digits.len() > n)
            .map(|n| digits.split_at(n))
            .find(|(cc, _)| self.country_codes.contains(*cc))
    }

    fn plan_for_cc(&self, cc: &str) -> Option<&RegionPlan> {
        // NANP is shared; any region with this code gives the right lengths.
        self.regions.values().find(|r| r.cc == cc)
    }
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

/// Full-width forms to ASCII, typographic dashes and spaces to plain ones.
fn fold_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' | '\u{2002}'..='\u{200a}' | '\u{202f}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30fc}' => '-',
        '\u{3002}' => '.',
        _ => c,
    }
}

/// Splits off an extension: `ext`, `ext.`, `x`, `转`, `分机`, `#`, `,`, `;`.
fn split_extension(s: &str) -> std::result::Result<(&str, Option<String>), &'static str> {
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

fn number(cc: &str, nsn: &str, class: NumberClass, length_ok: bool) -> ParsedNumber {
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
fn parse_international(
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
fn parse_national(
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

fn service(rules: &NumberRules, plan: &RegionPlan, digits: &str) -> Option<ParsedNumber> {
    let pattern = rules.service_pattern(digits)?;
    let mut p = number(&plan.cc, digits, NumberClass::Service, true);
    p.normalized = digits.to_string();
    p.service_label = Some(pattern.label.clone());
    p.sms_only = pattern.sms_only;
    Some(p)
}

/// The subscriber part of a CN landline NSN (area code removed).
fn cn_subscriber<'a>(rules: &NumberRules, nsn: &'a str) -> Option<&'a str> {
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
fn classify_home(rules: &NumberRules, plan: &RegionPlan, nsn: &str, is_cn: bool) -> ParsedNumber {
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

/// The number check.
pub(crate) fn check(
    snap: &Snapshot,
    region: &str,
    lang: Lang,
    input: &str,
    ctx: &NumberContext,
) -> Result<Verdict> {
    let rules = &snap.numbers;
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
            if let Some(hit) = snap.blocklist.lookup(ListKind::Number, &p.normalized) {
                let detail = if hit.label.is_empty() {
                    format!(
                        "On the blocklist ({}, {} reports)",
                        hit.category, hit.reports
                    )
                } else {
                    format!(
                        "On the blocklist: {} ({}, {} reports)",
                        hit.label, hit.category, hit.reports
                    )
                };
                a.add_typed(
                    "number.blocklisted",
                    i32::from(hit.severity),
                    detail,
                    hit.fraud_type,
                );
                if hit.confirmed {
                    a.add(
                        "number.blocklist_confirmed",
                        0,
                        "The publisher confirmed this listing; it stands over your own allow rule",
                    );
                }
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
