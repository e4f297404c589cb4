//! Payee accounts: the canonical form every list and history keys on, and
//! validation (Luhn for cards, ISO 13616 mod-97 and the country's length for
//! IBANs).
//!
//! # Canonical form ([`normalize_account`])
//!
//! Feeds hash payee accounts with SHA-256 of exactly this form
//! ([`crate::blocklist::value_hash`]), so publishers must normalize the same
//! way — call this function, don't reimplement it:
//!
//! 1. Full-width ASCII (`６２２２`, `ＤＥ`) becomes ASCII; whitespace (also
//!    U+3000) and invisible characters are removed. Control characters are
//!    refused.
//! 2. Per kind:
//!    - `card`: dashes removed → the digits (`6222021234567890128`).
//!    - `iban`: dashes removed, upper case, a leading `IBAN` dropped
//!      (`DE89370400440532013000`).
//!    - `phone`: dashes, dots and parentheses removed, then E.164 in the
//!      given region when it parses as a number of the right length
//!      (`+8613812345678`); otherwise the cleaned text.
//!    - `alipay`: an e-mail is lower-cased; a phone number becomes E.164 as
//!      above; anything else is lower-cased.
//!    - `wechat`: a phone number becomes E.164; a WeChat id is lower-cased.
//!    - `other`: dashes removed, upper case.

use super::rules::PaymentRules;
use crate::error::{Error, Result};
use crate::number::{self, NumberRules, Parsed};
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
pub fn normalize_account(
    numbers: &NumberRules,
    region: &str,
    kind: AccountKind,
    raw: &str,
) -> Result<String> {
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
                '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        {
            continue;
        }
        s.push(c);
    }
    let strip =
        |s: &str, chars: &[char]| -> String { s.chars().filter(|c| !chars.contains(c)).collect() };
    let out = match kind {
        AccountKind::Card => strip(&s, &['-']),
        AccountKind::Iban => {
            let up = strip(&s, &['-']).to_ascii_uppercase();
            match up.strip_prefix("IBAN") {
                Some(rest) if !rest.is_empty() => rest.trim_start_matches(':').to_string(),
                _ => up,
            }
        }
        AccountKind::Phone => {
            phone(numbers, region, &s).unwrap_or_else(|| strip(&s, &['-', '.', '(', ')']))
        }
        AccountKind::Alipay => {
            if s.contains('@') {
                s.to_lowercase()
            } else {
                phone(numbers, region, &s).unwrap_or_else(|| s.to_lowercase())
            }
        }
        AccountKind::Wechat => phone(numbers, region, &s).unwrap_or_else(|| s.to_lowercase()),
        AccountKind::Other => strip(&s, &['-']).to_uppercase(),
    };
    if out.is_empty() {
        return Err(Error::input(Kind::Payment, "account is empty"));
    }
    // Case mapping can lengthen text (`Ⱥ` → `ⱥ`): the canonical form obeys
    // the same bound, so normalizing it again gives it back.
    if out.len() > MAX_ACCOUNT_BYTES {
        return Err(Error::input(Kind::Payment, "account is too long"));
    }
    Ok(out)
}

/// E.164 of a phone-number-looking account, when it parses with a valid length.
fn phone(numbers: &NumberRules, region: &str, s: &str) -> Option<String> {
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, '-' | '.' | '(' | ')'))
        .collect();
    let body = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    if body.len() < 5 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match number::parse(numbers, region, &cleaned) {
        Ok(Parsed::Number(p)) if p.length_ok && p.normalized.starts_with('+') => Some(p.normalized),
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

/// Validates a normalized account of `kind` ([`normalize_account`]).
pub fn validate_account(rules: &PaymentRules, kind: AccountKind, normalized: &str) -> Validity {
    match kind {
        AccountKind::Card => validate_card(normalized),
        AccountKind::Iban => match validate_iban(rules, normalized) {
            Ok(()) => Validity::Valid,
            Err(why) => Validity::Invalid(why),
        },
        AccountKind::Phone => {
            let digits = normalized.strip_prefix('+').unwrap_or("");
            if (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
                Validity::Valid
            } else {
                Validity::Invalid("not a phone number of a valid length")
            }
        }
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
