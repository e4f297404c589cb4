//! IDN labels: decoding (punycode, percent-escaped bytes), the spoof checks
//! of [`super::super::spoof`] on every label, and the registrable domain's
//! skeleton against the protected domains.

use super::super::rules::LinkRules;
use super::super::spoof::Spoof;
use super::parts::{decode_label, HostParts};
use crate::scoring::Assessment;
use crate::verdict::FraudType;
use std::borrow::Cow;

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
        Spoof::Orthography => (
            "link.mixed_orthography",
            "Mixes accented letters of several languages in one name, the way a plain name is disguised",
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
