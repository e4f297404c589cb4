//! IDN labels: decoding (punycode, percent-escaped bytes), the spoof checks
//! of [`super::super::spoof`] on every label, and the registrable domain's
//! skeleton against the protected domains.

use super::super::rules::LinkRules;
use super::super::spoof::Spoof;
use super::host::HostParts;
use crate::scoring::Assessment;
use crate::verdict::FraudType;
use std::borrow::Cow;

/// A punycode label decoded (lowercase Unicode); an ASCII label as it is.
/// `None`: punycode that does not decode.
/// `None`: punycode that does not decode to a proper IDN label (no
/// non-ASCII letter, or not its own canonical encoding: `xn--example-`), or
/// percent-escaped bytes (a host IDNA refused, kept as bytes by
/// canonicalization) that are not UTF-8 or are control characters.
pub(super) fn decode_label(label: &str) -> Option<Cow<'_, str>> {
    if let Some(p) = label.strip_prefix("xn--") {
        let uni = idna::punycode::decode_to_string(p)?.to_lowercase();
        let canonical = idna::punycode::encode_str(&uni).is_some_and(|e| e == p);
        return (canonical && !uni.is_ascii()).then_some(Cow::Owned(uni));
    }
    if label.contains('%') {
        let bytes = percent_decode(label)?;
        let s = String::from_utf8(bytes).ok()?;
        if s.chars().any(char::is_control) {
            return None;
        }
        return Some(Cow::Owned(s.to_lowercase()));
    }
    Some(Cow::Borrowed(label))
}

/// `%41%D9%A3` → bytes; `None` for a malformed escape.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The IDN spoof checks ([`super::spoof`]) on every label of the host, and
/// the registrable domain's skeleton against the protected domains. One
/// reason per kind of finding, the strongest first.
pub(super) fn idn_signals(rules: &LinkRules, host: &str, parts: &HostParts, a: &mut Assessment) {
    let idn = &rules.idn;
    let tld = host.rsplit('.').next().unwrap_or(host);
    let mut found: Option<Spoof> = None;
    if host.contains("xn--") || host.contains('%') || !host.is_ascii() {
        let tld_unicode = decode_label(tld).unwrap_or(Cow::Borrowed(tld));
        for label in host.split('.').take(MAX_IDN_LABELS) {
            let finding = match decode_label(label) {
                None => Some(Spoof::Unusual),
                Some(uni) => idn.check_label(&uni, tld, &tld_unicode),
            };
            if let Some(f) = finding {
                found = Some(found.map_or(f, |g| g.min(f)));
            }
        }
    }
    let lookalike = parts.registrable.is_some_and(|reg| {
        let mut skel = String::with_capacity(reg.len() + 4);
        for (i, label) in reg.split('.').enumerate() {
            if i > 0 {
                skel.push('.');
            }
            match decode_label(label) {
                Some(uni) => idn.skeleton_into(&uni, &mut skel),
                None => return false,
            }
        }
        rules.protected.imitates(reg, &skel)
    });
    if lookalike {
        a.add_typed(
            "link.lookalike_domain",
            rules.weight("link.lookalike_domain"),
            "The address is written to look like a well-known site's, but it is another site",
            FraudType::Phishing,
        );
    }
    let Some(f) = found else {
        return;
    };
    let (code, detail) = match f {
        Spoof::WholeScript => (
            "link.whole_script",
            "Written wholly in look-alike letters of another alphabet, so it reads as a Latin name",
        ),
        Spoof::Mixed => (
            "link.mixed_script",
            "Mixes letters of different alphabets in one name, a way to imitate another address",
        ),
        Spoof::Digits => (
            "link.foreign_digits",
            "Uses digits of another script, or letters that look like digits",
        ),
        Spoof::Invisible => (
            "link.invisible_marks",
            "Carries invisible or stacked accent marks that hide what the name really is",
        ),
        Spoof::Unusual => (
            "link.unusual_characters",
            "Uses characters that do not belong in a web address (symbols, rare letters, look-alike dashes)",
        ),
    };
    a.add_typed(code, rules.weight(code), detail, FraudType::Phishing);
}

/// Most labels of a host run through the IDN checks.
pub(super) const MAX_IDN_LABELS: usize = 32;
