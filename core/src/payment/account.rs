//! Payee accounts: the canonical form every list and history keys on, and
//! validation (Luhn for cards, ISO 13616 mod-97 and the country's length for
//! IBANs).
//!
//! # Canonical form ([`normalize_account`])
//!
//! Feeds hash payee accounts with SHA-256 of exactly this form
//! ([`crate::blocklist::value_hash`]), so publishers must normalize the same
//! way — call this function, don't reimplement it. The form does not depend
//! on the account's kind (a feed lists accounts without one, and users pick
//! kinds loosely):
//!
//! 1. Full-width ASCII (`６２２２`, `ＤＥ`) becomes ASCII. Whitespace (also
//!    U+3000), invisible characters, dashes and dots are removed. Control
//!    characters are refused.
//! 2. A phone number becomes E.164 (`+8613812345678`) when it is
//!    unambiguous: written with `+` or an international prefix, or a mobile
//!    number of the region's plan (China's 1xx ranges), and of a valid
//!    length. National numbers of other regions stay as written, since they
//!    can't be told from account numbers.
//! 3. Otherwise ASCII letters are upper-cased (IBANs, e-mails and WeChat ids
//!    are case-insensitive) and a leading `IBAN` in front of an IBAN is
//!    dropped.
//!
//! `6222 0212-3456 7890 128` → `6222021234567890128`;
//! `de89 3704 0044 0532 0130 00` → `DE89370400440532013000`;
//! `138-1234-5678` → `+8613812345678`; `Someone@Example.com` →
//! `SOMEONE@EXAMPLECOM`.

use super::rules::PaymentRules;
use crate::error::{Error, Result};
use crate::number::{self, NumberClass, NumberRules, Parsed};
use crate::verdict::Kind;

use super::intent::AccountKind;

/// Longest account accepted, in bytes (the longest IBAN has 34 characters;
/// this leaves room for spacing and full-width forms).
pub const MAX_ACCOUNT_BYTES: usize = 128;

/// The canonical form of a payee account (see the module docs), used as the
/// blocklist key and, hashed, as the payee-history key.
///
/// `numbers` and `region` turn phone-number accounts into E.164 the way the
/// number check does. Errors (`InvalidInput`) for an empty, oversized or
/// control-character account; never repeats the account. Validity (Luhn,
/// IBAN) is a separate question: see [`validate_account`].
pub fn normalize_account(numbers: &NumberRules, region: &str, raw: &str) -> Result<String> {
    if raw.len() > MAX_ACCOUNT_BYTES {
        return Err(Error::input(Kind::Payment, "account is too long"));
    }
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_control() && !c.is_whitespace() {
            return Err(Error::input(
                Kind::Payment,
                "account contains control characters",
            ));
        }
        if c.is_whitespace()
            || matches!(
                c,
                '-' | '.' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        {
            continue;
        }
        s.push(c);
    }
    if s.is_empty() {
        return Err(Error::input(Kind::Payment, "account is empty"));
    }
    if let Some(e164) = phone(numbers, region, &s) {
        return Ok(e164);
    }
    s.make_ascii_uppercase();
    if let Some(rest) = s.strip_prefix("IBAN") {
        let r = rest.strip_prefix(':').unwrap_or(rest).as_bytes();
        if r.len() >= 15
            && r[..2].iter().all(u8::is_ascii_uppercase)
            && r[2..4].iter().all(u8::is_ascii_digit)
        {
            s = String::from_utf8_lossy(r).into_owned();
        }
    }
    Ok(s)
}

/// E.164 of an account that is unambiguously a phone number (see the
/// module docs), `None` otherwise.
fn phone(numbers: &NumberRules, region: &str, s: &str) -> Option<String> {
    let cleaned: String = s.chars().filter(|c| !matches!(c, '(' | ')')).collect();
    let international = cleaned.starts_with('+') || cleaned.starts_with("00");
    let body = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    if !(5..=20).contains(&body.len()) || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match number::parse(numbers, region, &cleaned) {
        Ok(Parsed::Number(p))
            if p.length_ok
                && p.normalized.starts_with('+')
                && (international
                    || matches!(
                        p.class,
                        NumberClass::Mobile | NumberClass::VirtualOperator | NumberClass::Iot
                    )) =>
        {
            Some(p.normalized)
        }
        _ => None,
    }
}

/// What validation says about a normalized account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// Passes every check its kind has.
    Valid,
    /// Its kind has no check we can run, or the check does not apply (a
    /// UnionPay `62` card failing Luhn is legitimate). Not evidence of anything.
    Unverifiable(&'static str),
    /// Can't be a real account of its kind; the reason in words (never the
    /// account).
    Invalid(&'static str),
}

/// Validates a canonical account ([`normalize_account`]) as an account of
/// `kind`. Phone numbers are read with `numbers` in `region`.
pub fn validate_account(
    rules: &PaymentRules,
    numbers: &NumberRules,
    region: &str,
    kind: AccountKind,
    canonical: &str,
) -> Validity {
    match kind {
        AccountKind::Card => validate_card(canonical),
        AccountKind::Iban => match validate_iban(rules, canonical) {
            Ok(()) => Validity::Valid,
            Err(why) => Validity::Invalid(why),
        },
        AccountKind::Phone => match number::parse(numbers, region, canonical) {
            Ok(Parsed::Number(p)) if p.length_ok => Validity::Valid,
            _ => Validity::Invalid("not a phone number of a valid length"),
        },
        AccountKind::Alipay | AccountKind::Wechat | AccountKind::Other => {
            Validity::Unverifiable("no public check exists for this kind of account")
        }
    }
}

/// Card numbers: 12–19 digits passing Luhn. China UnionPay cards (IIN `62`)
/// are not all Luhn-valid, so a `62` card failing Luhn is `Unverifiable`,
/// never `Invalid`.
pub fn validate_card(digits: &str) -> Validity {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Validity::Invalid("a card number has only digits");
    }
    if !(12..=19).contains(&digits.len()) {
        return Validity::Invalid("a card number has 12 to 19 digits");
    }
    if luhn_valid(digits) {
        Validity::Valid
    } else if digits.starts_with("62") {
        Validity::Unverifiable("UnionPay card: not every 62 card uses the Luhn check digit")
    } else {
        Validity::Invalid("the card number's check digit (Luhn) does not match")
    }
}

/// The Luhn (mod 10) check over ASCII digits; false for anything else or an
/// empty string.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() {
        return false;
    }
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// IBAN: two letters of a country in the rules' length table, two check
/// digits, the country's exact length, alphanumerics only, and ISO 7064
/// mod 97-10 remainder 1.
pub fn validate_iban(rules: &PaymentRules, iban: &str) -> std::result::Result<(), &'static str> {
    let b = iban.as_bytes();
    if b.len() < 5
        || !b
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return Err("an IBAN has only letters and digits");
    }
    if !b[0].is_ascii_uppercase()
        || !b[1].is_ascii_uppercase()
        || !b[2].is_ascii_digit()
        || !b[3].is_ascii_digit()
    {
        return Err("an IBAN starts with a country code and two check digits");
    }
    let expected = rules
        .iban_length(&iban[..2])
        .ok_or("the IBAN's country does not use IBANs")?;
    if b.len() != expected {
        return Err("wrong length for the IBAN's country");
    }
    if iban_mod97(iban) != Some(1) {
        return Err("the IBAN's check digits do not match (mod 97)");
    }
    Ok(())
}

/// ISO 7064 mod 97-10 of an IBAN (first four characters moved to the end,
/// letters as 10–35). `None` for a character that is not A–Z / 0–9.
pub fn iban_mod97(iban: &str) -> Option<u32> {
    if iban.len() < 4 {
        return None;
    }
    let (head, tail) = iban.split_at(4);
    let mut rem: u32 = 0;
    for c in tail.bytes().chain(head.bytes()) {
        match c {
            b'0'..=b'9' => rem = (rem * 10 + u32::from(c - b'0')) % 97,
            b'A'..=b'Z' => rem = (rem * 100 + u32::from(c - b'A') + 10) % 97,
            _ => return None,
        }
    }
    Some(rem)
}
