//! The host's parts per the Public Suffix List and the signals of its
//! shape: risky TLD, subdomain depth, random tokens, hyphen
//! chains, digit runs, accented-Latin punycode. Each is weak alone.

use super::super::canon::Canonical;
use super::super::host_cache::HostStanding;
use super::super::rules::{HostFacts, LinkRules};
use super::brand::brand_signals;
use super::idn::{idn_signals, MAX_IDN_LABELS};
use super::parts::{decode_label, HostParts};
use crate::scoring::Assessment;
use crate::verdict::Lang;
use unicode_script::{Script, UnicodeScript};

/// The signals of a domain host: TLD, depth, then (unless the
/// domain is official) IDN, shape and brand signals.
pub(super) fn domain_signals(
    rules: &LinkRules,
    lang: Lang,
    c: &Canonical,
    facts: &HostFacts,
    a: &mut Assessment,
) -> HostStanding {
    let official = facts.official.is_some();
    let w = |code: &str| rules.weight(code);
    let host = c.host.as_str();
    let mut parts = HostParts::of(host);
    if !parts.shared {
        if let Some(len) = facts.site_platform {
            parts = HostParts::on_platform(host, &host[host.len() - len..]);
        }
    }
    parts.cut_deploy_name(rules, host);

    // On a shared platform the TLD is the platform's, not the site's.
    if !official && !parts.shared {
        let tld = host.rsplit('.').next().unwrap_or(host);
        let tw = rules.tld_weight(tld);
        if tw > 0 {
            a.add(
                "link.risky_tld",
                tw,
                format!(".{tld} is a cheap top-level domain often used for fraud"),
            );
        }
    }
    if let Some(sub) = parts.sub {
        let depth = sub.split('.').count();
        if depth >= rules.max_subdomain_depth && !official {
            a.add(
                "link.deep_subdomains",
                w("link.deep_subdomains"),
                format!("{depth} levels of subdomains: long hosts hide the real site"),
            );
        }
    }
    let standing = |known| HostStanding {
        shared: parts.shared,
        known,
        protected: false,
    };
    // The host is the well-known domain itself, not a subdomain someone
    // may have been given on it (nor a site under a platform's suffix,
    // x.s3.amazonaws.com).
    let itself = !parts.shared && parts.sub.is_none_or(|s| s == "www");
    if official {
        // A brand's own domain is as well known as a protected one.
        return HostStanding {
            protected: itself,
            ..standing(false)
        };
    }
    if facts.tunnel {
        a.add(
            "link.tunnel_host",
            w("link.tunnel_host"),
            "A temporary tunnel address to someone's own computer: anyone opens one in seconds, and real services do not send them",
        );
    }
    idn_signals(rules, host, &parts, a);
    // A well-known site (the protected list) is not judged on its name.
    if parts
        .registrable
        .is_some_and(|r| rules.protected.contains(r))
    {
        return HostStanding {
            protected: itself,
            ..standing(!facts.user_content && !facts.storage)
        };
    }
    shape_signals(rules, host, &parts, a);
    brand_signals(rules, lang, host, &parts, facts, a);
    // After the brand signals: both give way to a brand's own domain
    // recognised in the same place.
    if !facts.storage && !facts.infrastructure && !facts.user_content {
        domain_in_subdomain(rules, &parts, a);
        domain_dressed(rules, &parts, a);
    }
    super::platform::brand_on_page_builder(rules, host, a);
    standing(false)
}

/// A host dressed as another domain across the dot before its site label:
/// `usps.com-track.top` reads as "usps.com", `smbc-card.jp-aaxz.cn` as
/// "smbc-card.jp". The site's label starts with a domain ending and a
/// hyphen (`dressed_tails`), and the subdomain before it names something
/// (not `www`, `shop`, `api` …: `generic_host_labels`). An ending of two
/// letters (a country's) counts only under another suffix: `x.jp-y.jp`
/// is an ordinary Japanese name. Not when a brand's own domain was
/// already recognised there (the brand signal says it, with its name).
fn domain_dressed(rules: &LinkRules, parts: &HostParts, a: &mut Assessment) {
    let (Some(sub), Some(site), Some(registrable)) =
        (parts.sub, parts.site_label, parts.registrable)
    else {
        return;
    };
    let Some((tail, rest)) = site.split_once('-') else {
        return;
    };
    if rest.is_empty() || !rules.dressed_tails.iter().any(|t| t == tail) {
        return;
    }
    let suffix = registrable.get(site.len() + 1..).unwrap_or_default();
    if tail.len() == 2 && suffix.rsplit('.').next() == Some(tail) {
        return;
    }
    let before = sub.rsplit('.').next().unwrap_or_default();
    if before.len() < 2 || rules.generic_host_labels.contains(before) {
        return;
    }
    let named = a.has_reason("link.brand_domain_in_label")
        || a.has_reason("link.brand_domain_in_subdomain");
    if !named {
        a.add(
            "link.domain_dressed",
            rules.weight("link.domain_dressed"),
            format!("\"{before}.{tail}\" is written up front to look like the address; the real site is {registrable}"),
        );
    }
}

/// The shape of the host's own labels (left of the public suffix): random
/// tokens, hyphen chains, long digit runs, punycode. Each is weak alone.
fn shape_signals(rules: &LinkRules, host: &str, parts: &HostParts, a: &mut Assessment) {
    let shape = &rules.shape;
    let generated = |t: &str| rules.generated_tokens.iter().any(|g| g.matches(host, t));
    let own = parts
        .sub
        .into_iter()
        .flat_map(|sub| sub.split('.'))
        .chain(parts.site_label);
    let (mut random, mut chain, mut digits, mut puny) = (None, false, false, false);
    for label in own.take(MAX_IDN_LABELS) {
        if label.starts_with("xn--") {
            // Accented Latin is how a punycode name imitates an ASCII one;
            // names in other scripts are ordinary.
            puny |= decode_label(label).is_some_and(|u| {
                u.chars()
                    .any(|c| !c.is_ascii() && c.is_alphabetic() && c.script() == Script::Latin)
            });
            continue;
        }
        chain |= label.bytes().filter(|&b| b == b'-').count() >= shape.hyphen_chain_min;
        // A token the platform generated says nothing about who made the
        // site: no randomness and no digit run from it.
        // The platform's tokens are asked about only for a token with a
        // digit run (the answer is the same, at a fraction of the cost).
        digits |= label.split(['-', '_']).any(|t| {
            longest_run(t, |b| b.is_ascii_digit()) >= shape.digit_run_min && !generated(t)
        }) && label.bytes().any(|b| b.is_ascii_alphabetic());
        if random.is_none() {
            random = label
                .split(['-', '_'])
                .find(|t| random_token(t, shape) && !generated(t));
        }
    }
    let w = |code: &str| rules.weight(code);
    if let Some(t) = random {
        a.add(
            "link.random_label",
            w("link.random_label"),
            format!("\"{t}\" looks random, as throwaway phishing hosts do"),
        );
    }
    if chain {
        a.add(
            "link.hyphen_chain",
            w("link.hyphen_chain"),
            "A long chain of words joined by hyphens, typical of throwaway hosts",
        );
    }
    if digits {
        a.add(
            "link.digit_run",
            w("link.digit_run"),
            "A long run of digits inside the name, typical of mass-registered hosts",
        );
    }
    let spoof = a.reasons().iter().any(|r| {
        matches!(
            r.code.as_str(),
            "link.whole_script"
                | "link.mixed_script"
                | "link.foreign_digits"
                | "link.unusual_characters"
                | "link.invisible_marks"
                | "link.mixed_orthography"
        )
    });
    if puny && !spoof {
        a.add(
            "link.punycode",
            w("link.punycode"),
            "The name is written with accented Latin letters (punycode), as imitations of ASCII names are",
        );
    }
}

/// A domain name written up front of another (`mygov.com.alert.xyz.ru`,
/// `mercari.co.jp.gar.pro`, `au.co.jp-x.cfd`): a label of the subdomain,
/// after its first, is a domain ending (`com`, `co`, `net`;
/// `domain_tail_labels`). Storage, CDN and user-content hosts are left
/// out (an S3 bucket named `www.example.com` is ordinary).
fn domain_in_subdomain(rules: &LinkRules, parts: &HostParts, a: &mut Assessment) {
    let Some(sub) = parts.sub else {
        return;
    };
    let written = sub
        .split('.')
        .skip(1)
        .take(MAX_IDN_LABELS)
        .any(|l| rules.domain_tail_labels.iter().any(|t| t == l));
    if written && !a.has_reason("link.brand_domain_in_subdomain") {
        a.add(
            "link.domain_in_subdomain",
            rules.weight("link.domain_in_subdomain"),
            "Another domain name is written at the start of the address; the real site is at its end",
        );
    }
}

fn longest_run(s: &str, f: impl Fn(u8) -> bool) -> usize {
    let mut best = 0;
    let mut cur = 0;
    for b in s.bytes() {
        if f(b) {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// A token that reads as random: long hex, letters and digits alternating,
/// too few vowels, or a run of consonants no language has.
fn random_token(t: &str, shape: &super::super::rules::Shape) -> bool {
    let n = t.len();
    if n < shape.random_min_len || !t.is_ascii() {
        return false;
    }
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    if n >= 16 && digits >= 3 && t.bytes().all(|c| c.is_ascii_hexdigit()) {
        return true;
    }
    let b = t.as_bytes();
    let switches = b
        .windows(2)
        .filter(|w| w[0].is_ascii_digit() != w[1].is_ascii_digit())
        .count();
    if switches >= 4 {
        return true;
    }
    let letters = t.bytes().filter(u8::is_ascii_alphabetic).count();
    let vowels = t.bytes().filter(|&c| b"aeiouy".contains(&c)).count();
    if letters >= shape.random_min_len && vowels * 100 < letters * shape.random_max_vowel_pct {
        return true;
    }
    let consonant = |c: u8| c.is_ascii_alphabetic() && !b"aeiouy".contains(&c);
    longest_run(t, consonant) > shape.random_max_consonant_run
}
