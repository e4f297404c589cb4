//! The signals of the link check, turned into reasons of an [`Assessment`].
//!
//! Everything here is local: the canonical URL, the Public Suffix List
//! (compiled in, private section included, so `x.pages.dev` is its own site
//! and `pages.dev` itself is never judged), and the rules' data.

use super::canon::{self, Canonical, HostKind, HOSTLESS_SCHEMES, MAX_URL_BYTES};
use super::expressions::Expressions;
use super::rules::{HostFacts, LinkRules, WordFacts};
use super::spoof::Spoof;
use super::LinkData;
use crate::blocklist::ListKind;
use crate::error::{Error, Result};
use crate::model::Model;
use crate::scoring::Assessment;
use crate::verdict::{FraudType, Kind, Lang, Verdict};
use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};
use unicode_script::{Script, UnicodeScript};

/// Most labels of a subdomain searched for an embedded official domain.
const MAX_WINDOW_LABELS: usize = 4;
/// Most hyphen-separated tokens of a label analysed.
const MAX_TOKENS: usize = 32;
/// Most labels of a host analysed for brands (the rightmost ones).
const MAX_ANALYSED_LABELS: usize = 12;

pub(crate) fn check(snap: &impl LinkData, lang: Lang, url: &str) -> Result<Verdict> {
    if url.len() > MAX_URL_BYTES {
        return Err(Error::input(Kind::Link, "longer than 1 MiB"));
    }
    let rules = snap.links();
    let w = |code: &str| rules.weight(code);
    let mut a = Assessment::new(Kind::Link, url);

    let c = match canon::canonicalize(url) {
        Ok(c) => c,
        // No host: a script or data URL gets a verdict, any other reason
        // stays an error.
        Err(e) => {
            match canon::leading_scheme(url.as_bytes()).as_deref() {
                Some("javascript") | Some("vbscript") => a.add_typed(
                    "link.javascript_scheme",
                    w("link.javascript_scheme"),
                    "A script link runs code instead of opening a page",
                    FraudType::Phishing,
                ),
                Some("data") => a.add_typed(
                    "link.data_scheme",
                    w("link.data_scheme"),
                    "A data: link carries a whole page inside itself, with no address to check",
                    FraudType::Phishing,
                ),
                Some(s) if HOSTLESS_SCHEMES.contains(&s) => {
                    return Err(Error::input(Kind::Link, "is not a web link"));
                }
                _ => return Err(e),
            }
            return Ok(a.finish(snap, lang));
        }
    };
    a.set_normalized(c.url());
    let host = c.host.as_str();
    let is_domain = c.host_kind == HostKind::Domain;
    let facts = if is_domain {
        rules.host_facts(host)
    } else {
        HostFacts::default()
    };
    let official = facts.official;
    let user_content = facts.user_content;
    match (official, user_content) {
        (_, true) => a.add(
            "link.user_content",
            w("link.user_content"),
            "Anyone can publish pages on this site; its owner does not vouch for them",
        ),
        (Some(b), false) => {
            let brand = rules.brand(b);
            a.identify(
                "link.official",
                w("link.official"),
                format!("Official site of {}", brand.name_en),
                brand.name(lang),
            );
        }
        (None, false) => {}
    }

    blocklist(snap, &c, &mut a);
    ip_signals(rules, &c, &mut a);
    if c.obfuscated_host {
        a.add_typed(
            "link.obfuscated_host",
            w("link.obfuscated_host"),
            "The address is disguised (percent-encoded, or an IP address written as a number)",
            FraudType::Phishing,
        );
    }
    if let Some(port) = c.port.filter(|&p| !rules.is_standard_port(p)) {
        a.add(
            "link.port",
            w("link.port"),
            format!("Uses the unusual port {port}"),
        );
    }
    if let Some(ui) = c.userinfo.as_deref().filter(|u| !u.is_empty()) {
        userinfo(rules, lang, ui, &mut a);
    }
    // A brand's own domain is never judged for brand imitation; only a
    // trusted one (not open to anyone's content) is spared the download
    // signals.
    let trusted = official.is_some() && !user_content;
    let dl = if trusted {
        None
    } else {
        download(rules, lang, &c, &mut a)
    };
    let shared = is_domain && domain_signals(rules, lang, &c, &facts, &mut a);
    remote_app(rules, &c, &facts, dl.is_some(), trusted, &mut a);
    if let Some(m) = snap.link_model().filter(|_| !trusted) {
        model_signal(rules, m, url, &mut a);
    }
    // A free-hosting subdomain is never evidence by itself (most project and
    // personal sites live there too); with other evidence it adds weight.
    let other_risk: i32 = a
        .reasons()
        .iter()
        .filter(|r| {
            r.weight > 0
                && !matches!(
                    r.code.as_str(),
                    "link.brand_on_shared_hosting" | "link.lure_words"
                )
        })
        .map(|r| r.weight)
        .sum();
    if shared && official.is_none() && !user_content && other_risk >= rules.shape.combo_min_risk {
        a.add(
            "link.shared_hosting_combo",
            w("link.shared_hosting_combo"),
            "On a free hosting platform, where phishing pages are set up in minutes",
        );
    }
    Ok(a.finish(snap, lang))
}

/// The link model (feed-supplied or the embedded default) on the link as it
/// was given, the same text `fanzha model train|eval --kind link` reads.
/// Its calibrated thresholds pick the weight: `link.model` from
/// `suspicious_at`, `link.model_confident` from `dangerous_at`.
fn model_signal(rules: &LinkRules, m: &Model, url: &str, a: &mut Assessment) {
    let text = url.trim();
    let prob = m.link_fraud_probability(text);
    let code = if prob >= m.calibration.dangerous_at {
        "link.model_confident"
    } else if prob >= m.calibration.suspicious_at {
        "link.model"
    } else {
        return;
    };
    // Flagged: now the n-grams behind the score.
    let p = m.predict(text);
    let grams: Vec<&str> = p
        .evidence
        .iter()
        .take(3)
        .map(|(g, _)| g.split_once(':').map_or(g.as_str(), |(_, t)| t))
        .collect();
    a.add_typed(
        "link.model",
        rules.weight(code),
        format!(
            "Reads like known phishing addresses ({:.0} %; closest parts: {})",
            prob * 100.0,
            grams.join(", ")
        ),
        FraudType::Phishing,
    );
}

/// The blocklist, through the index's own fast path: one `lookup` per
/// expression (at most 30); the most severe hit wins.
fn blocklist(snap: &impl LinkData, c: &Canonical, a: &mut Assessment) {
    if snap.blocklist().is_empty() {
        return;
    }
    // All expressions in one buffer, then one batched lookup.
    let exprs = Expressions::of(c);
    let best = snap
        .blocklist()
        .lookup_most_severe(ListKind::Url, &exprs.values());
    if let Some(hit) = best {
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
            "link.blocklisted",
            i32::from(hit.severity),
            detail,
            hit.fraud_type,
        );
        if hit.confirmed {
            a.add(
                "link.blocklist_confirmed",
                0,
                "The publisher confirmed this listing; it stands over your own allow rule",
            );
        }
    }
}

fn ip_signals(rules: &LinkRules, c: &Canonical, a: &mut Assessment) {
    let private = match c.host_kind {
        HostKind::Domain => return,
        HostKind::Ipv4 => c.host.parse::<Ipv4Addr>().is_ok_and(|ip| {
            ip.is_private() || ip.is_loopback() || ip.is_link_local() || ip.is_unspecified()
        }),
        HostKind::Ipv6 => c
            .host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<Ipv6Addr>()
            .is_ok_and(|ip| {
                let s0 = ip.segments()[0];
                ip.is_loopback()
                    || ip.is_unspecified()
                    || s0 & 0xfe00 == 0xfc00
                    || s0 & 0xffc0 == 0xfe80
            }),
    };
    if private {
        a.add(
            "link.private_ip",
            rules.weight("link.private_ip"),
            "Points to a device on a local network (a router or a computer nearby)",
        );
    } else {
        a.add_typed(
            "link.raw_ip",
            rules.weight("link.raw_ip"),
            "Uses a bare IP address instead of a domain name",
            FraudType::Phishing,
        );
    }
}

/// `https://www.icbc.com.cn@evil.top/`: what is written before `@` is not
/// where the link goes.
fn userinfo(rules: &LinkRules, lang: Lang, ui: &str, a: &mut Assessment) {
    let user = ui.split(':').next().unwrap_or("").to_ascii_lowercase();
    let brand = rules.official_multi_label(&user).or_else(|| {
        user.split(['.', '-', '_'])
            .find_map(|t| rules.token_brand(t).filter(|_| t.len() > 3))
    });
    let hostlike = user.contains('.')
        && !user.ends_with('.')
        && psl::suffix(user.as_bytes()).is_some_and(|s| s.typ().is_some());
    if hostlike || brand.is_some() {
        let bonus = brand.map_or(0, |b| rules.bonus(b));
        if let Some(b) = brand {
            a.set_name(rules.brand(b).name(lang));
        }
        let detail = match brand {
            Some(b) => format!(
                "Shows {} before an @, but the link goes to the host after it",
                rules.brand(b).name_en
            ),
            None => "Shows a web address before an @, but the link goes to the host after it"
                .to_string(),
        };
        a.add_typed(
            "link.userinfo_disguise",
            rules.weight("link.userinfo_disguise") + bonus,
            detail,
            FraudType::Phishing,
        );
    } else {
        a.add(
            "link.userinfo",
            rules.weight("link.userinfo"),
            "The link carries a user name or password before the address",
        );
    }
}

/// The registrable domain (`icbc-login.top`, `x.pages.dev`) and what
/// surrounds it, per the Public Suffix List. Empty when the host is itself a
/// public suffix (`pages.dev`, `com.cn`).
struct HostParts<'a> {
    /// The suffix comes from the PSL's private section (a shared platform).
    shared: bool,
    /// The registrable domain without its suffix: `icbc-login`, `x`.
    site_label: Option<&'a str>,
    /// Everything left of the registrable domain: `www.icbc.com.cn`.
    sub: Option<&'a str>,
    /// The registrable domain: `icbc-login.top`, `x.pages.dev`.
    registrable: Option<&'a str>,
}

impl<'a> HostParts<'a> {
    fn of(host: &'a str) -> HostParts<'a> {
        let none = HostParts {
            shared: false,
            site_label: None,
            sub: None,
            registrable: None,
        };
        let Some(d) = psl::domain(host.as_bytes()) else {
            return none;
        };
        let reg_len = d.as_bytes().len();
        let suffix_len = d.suffix().as_bytes().len();
        if reg_len > host.len() || suffix_len + 1 > reg_len || !host.is_ascii() {
            return none;
        }
        let registrable = &host[host.len() - reg_len..];
        HostParts {
            shared: d.suffix().typ() == Some(psl::Type::Private),
            site_label: Some(&registrable[..reg_len - suffix_len - 1]),
            sub: (host.len() > reg_len + 1).then(|| &host[..host.len() - reg_len - 1]),
            registrable: Some(registrable),
        }
    }
}

/// Lure words found in the host: strong ones (login, verify, kefu) count on
/// their own; weak ones (short pinyin abbreviations such as `jf`, `rz`)
/// only next to a brand.
#[derive(Default)]
struct Lures {
    strong: Option<String>,
    weak: bool,
}

impl Lures {
    fn note(&mut self, word: &str, facts: WordFacts) {
        if facts.lure && self.strong.is_none() {
            self.strong = Some(word.to_string());
        }
        self.weak |= facts.weak_lure;
    }
}

/// A brand signal found in the host, before it becomes a reason.
/// The detail text is only written for the signals that become reasons.
struct Found<'a> {
    code: &'static str,
    brand: usize,
    weight: i32,
    /// The word (or domain) of the host that carries the signal.
    word: Cow<'a, str>,
}

impl Found<'_> {
    fn detail(&self, rules: &LinkRules) -> String {
        let name = &rules.brand(self.brand).name_en;
        let word = &self.word;
        match self.code {
            "link.brand_domain_in_subdomain" => {
                format!("Starts with {word}, the domain of {name}, but is another site")
            }
            "link.homograph" => {
                format!("\"{word}\" is written with look-alike characters to imitate {name}")
            }
            "link.typosquat" => format!("\"{word}\" imitates {name}"),
            "link.brand_on_shared_hosting" => {
                format!("Uses \"{word}\" ({name}) on a free hosting platform")
            }
            "link.brand_in_domain" => {
                format!("Uses \"{word}\" ({name}) in a domain {name} does not own")
            }
            _ => format!("Puts \"{word}\" ({name}) in front of a domain {name} does not own"),
        }
    }
}

/// Order in which brand reasons are reported (strongest evidence first).
const BRAND_CODES: [&str; 6] = [
    "link.homograph",
    "link.brand_domain_in_subdomain",
    "link.typosquat",
    "link.brand_on_shared_hosting",
    "link.brand_in_domain",
    "link.brand_in_subdomain",
];

/// Returns whether the host is a subdomain of a shared platform (a private
/// PSL suffix).
fn domain_signals(
    rules: &LinkRules,
    lang: Lang,
    c: &Canonical,
    facts: &HostFacts,
    a: &mut Assessment,
) -> bool {
    let official = facts.official.is_some();
    let w = |code: &str| rules.weight(code);
    let host = c.host.as_str();
    let parts = HostParts::of(host);

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
    if !official && facts.shortener {
        a.add(
            "link.shortener",
            w("link.shortener"),
            "A short link hides where it really leads",
        );
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
    if official {
        return parts.shared;
    }
    idn_signals(rules, host, &parts, a);
    // A well-known site (the protected list) is not judged on its name.
    if parts
        .registrable
        .is_some_and(|r| rules.protected.contains(r))
    {
        return parts.shared;
    }
    shape_signals(rules, &parts, a);

    let mut found: Vec<Found> = Vec::new();
    let mut lure = Lures::default();
    let infrastructure = facts.infrastructure;
    let project_host = parts.shared
        && rules.project_hosts.iter().any(|p| {
            host.len() > p.len() + 1
                && host.ends_with(p.as_str())
                && host.as_bytes()[host.len() - p.len() - 1] == b'.'
        });

    // An official domain written as the leading labels of another host:
    // www.icbc.com.cn.verify.xyz, paypal.com.secure-login.top.
    if let (Some(sub), false) = (parts.sub, infrastructure) {
        if let Some((b, name)) = official_inside(rules, sub) {
            found.push(Found {
                code: "link.brand_domain_in_subdomain",
                brand: b,
                weight: w("link.brand_domain_in_subdomain") + rules.bonus(b),
                word: Cow::Borrowed(name),
            });
        }
    }

    let mut labels: Vec<(&str, bool)> = Vec::new();
    if let Some(sub) = parts.sub.filter(|_| !infrastructure) {
        let all: Vec<&str> = sub.split('.').collect();
        let skip = all.len().saturating_sub(MAX_ANALYSED_LABELS);
        labels.extend(all[skip..].iter().map(|l| (*l, false)));
    }
    if let Some(site) = parts.site_label {
        labels.push((site, true));
    }
    for (label, in_site) in labels {
        if label.starts_with("xn--") {
            unicode_label(rules, label, in_site, parts.shared, &mut found, &mut lure);
        } else {
            ascii_label(
                rules,
                label,
                in_site,
                parts.shared,
                project_host,
                &mut found,
                &mut lure,
            );
        }
    }

    let mut named = false;
    let mut any_brand = false;
    // A brand already caught imitated (look-alike, its domain up front, a
    // typo) is not reported again as a mere mention.
    let imitated: Vec<usize> = found
        .iter()
        .filter(|f| BRAND_CODES[..3].contains(&f.code))
        .map(|f| f.brand)
        .collect();
    found.retain(|f| BRAND_CODES[..3].contains(&f.code) || !imitated.contains(&f.brand));
    for code in BRAND_CODES {
        let Some(best) = found
            .iter()
            .filter(|f| f.code == code)
            .max_by_key(|f| f.weight)
        else {
            continue;
        };
        if !named {
            a.set_name(rules.brand(best.brand).name(lang));
            named = true;
        }
        any_brand = true;
        a.add_typed(code, best.weight, best.detail(rules), FraudType::Phishing);
    }
    if let Some(word) = &lure.strong {
        a.add(
            "link.lure_words",
            w("link.lure_words"),
            format!("The address uses the word \"{word}\", common in phishing"),
        );
    }
    if any_brand && (lure.strong.is_some() || lure.weak) {
        a.add_typed(
            "link.brand_lure",
            w("link.brand_lure"),
            "A brand name together with words such as login, verify or refund",
            FraudType::Phishing,
        );
    }
    parts.shared
}

/// The shape of the host's own labels (left of the public suffix): random
/// tokens, hyphen chains, long digit runs, punycode. Each is weak alone.
fn shape_signals(rules: &LinkRules, parts: &HostParts, a: &mut Assessment) {
    let shape = &rules.shape;
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
        digits |= longest_run(label, |b| b.is_ascii_digit()) >= shape.digit_run_min
            && label.bytes().any(|b| b.is_ascii_alphabetic());
        if random.is_none() {
            random = label.split(['-', '_']).find(|t| random_token(t, shape));
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
fn random_token(t: &str, shape: &super::rules::Shape) -> bool {
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

/// A punycode label decoded (lowercase Unicode); an ASCII label as it is.
/// `None`: punycode that does not decode.
/// `None`: punycode that does not decode to a proper IDN label (no
/// non-ASCII letter, or not its own canonical encoding: `xn--example-`), or
/// percent-escaped bytes (a host IDNA refused, kept as bytes by
/// canonicalization) that are not UTF-8 or are control characters.
fn decode_label(label: &str) -> Option<Cow<'_, str>> {
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
fn idn_signals(rules: &LinkRules, host: &str, parts: &HostParts, a: &mut Assessment) {
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
const MAX_IDN_LABELS: usize = 32;

/// An official multi-label domain written inside `sub` at label boundaries.
fn official_inside<'a>(rules: &LinkRules, sub: &'a str) -> Option<(usize, &'a str)> {
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(sub.match_indices('.').map(|(i, _)| i + 1));
    let starts = bounds.len();
    bounds.push(sub.len() + 1);
    let first = starts.saturating_sub(MAX_ANALYSED_LABELS);
    for s in first..starts {
        for n in 2..=MAX_WINDOW_LABELS {
            let e = s + n;
            if e > starts {
                break;
            }
            let window = &sub[bounds[s]..bounds[e] - 1];
            if let Some(b) = rules.official_exact(window) {
                return Some((b, window));
            }
        }
    }
    None
}

/// Splits `icbc95588` into `icbc` and `95588`.
fn alnum_runs(token: &str) -> impl Iterator<Item = &str> {
    let bytes = token.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            i += 1;
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[i - 1].is_ascii_digit() {
                let run = &token[start..i];
                start = i;
                return Some(run);
            }
        }
        None
    })
}

fn mention_code(in_site: bool, shared: bool) -> &'static str {
    match (in_site, shared) {
        (false, _) => "link.brand_in_subdomain",
        (true, true) => "link.brand_on_shared_hosting",
        (true, false) => "link.brand_in_domain",
    }
}

fn mention<'a>(
    rules: &LinkRules,
    brand: usize,
    word: Cow<'a, str>,
    in_site: bool,
    shared: bool,
) -> Found<'a> {
    let code = mention_code(in_site, shared);
    // A brand's name on a domain we don't list may still be the brand's (we
    // can't list every domain it owns), so a plain mention gets no category
    // bonus; a bank on a free hosting platform does. Words of three letters
    // or fewer (jd, ups, ccb) are too ambiguous for it either way.
    let bonus = if shared && word.chars().count() > 3 {
        rules.bonus(brand)
    } else {
        0
    };
    Found {
        code,
        brand,
        weight: rules.weight(code) + bonus,
        word,
    }
}

fn typosquat<'a>(rules: &LinkRules, brand: usize, token: &'a str) -> Found<'a> {
    Found {
        code: "link.typosquat",
        brand,
        weight: rules.weight("link.typosquat") + rules.bonus(brand),
        word: Cow::Borrowed(token),
    }
}

fn ascii_label<'a>(
    rules: &LinkRules,
    label: &'a str,
    in_site: bool,
    shared: bool,
    project_host: bool,
    found: &mut Vec<Found<'a>>,
    lure: &mut Lures,
) {
    let mut mentioned = false;
    let first_found = found.len();
    let tokens: Vec<&'a str> = label
        .split(['-', '_'])
        .filter(|t| !t.is_empty())
        .take(MAX_TOKENS)
        .collect();
    // Brand words split by hyphens first (office-365, royal-mail,
    // bank-of-china): their pieces are then not read as words of their own.
    let mut consumed = [false; MAX_TOKENS];
    if tokens.len() > 1 {
        let mut joined = String::with_capacity(label.len());
        for i in 0..tokens.len() {
            joined.clear();
            joined.push_str(tokens[i]);
            for (k, t) in tokens.iter().enumerate().skip(i + 1).take(2) {
                joined.push_str(t);
                if let Some(b) = rules.token_brand(&joined) {
                    found.push(mention(
                        rules,
                        b,
                        Cow::Owned(joined.clone()),
                        in_site,
                        shared,
                    ));
                    mentioned = true;
                    consumed[i..=k].iter_mut().for_each(|c| *c = true);
                    break;
                }
            }
        }
    }
    for (i, &token) in tokens.iter().enumerate() {
        if consumed[i] {
            continue;
        }
        let facts = rules.word(token);
        lure.note(token, facts);
        if let Some(b) = facts.brand {
            found.push(mention(
                rules,
                b as usize,
                Cow::Borrowed(token),
                in_site,
                shared,
            ));
            mentioned = true;
            continue;
        }
        if facts.exempt {
            continue;
        }
        if let Some(b) = rules.folded_brand(token, facts) {
            found.push(typosquat(rules, b, token));
            continue;
        }
        if in_site {
            if let Some(b) = rules.typo_brand(token) {
                found.push(typosquat(rules, b, token));
                continue;
            }
        }
        if let Some((b, brand_word, lure_word)) = rules.brand_lure_split(token) {
            found.push(mention(
                rules,
                b,
                Cow::Borrowed(brand_word),
                in_site,
                shared,
            ));
            mentioned = true;
            lure.note(lure_word, rules.word(lure_word));
            continue;
        }
        let mixed_digits = token.bytes().any(|b| b.is_ascii_digit())
            && token.bytes().any(|b| b.is_ascii_alphabetic());
        if mixed_digits {
            for run in alnum_runs(token) {
                let run_facts = rules.word(run);
                lure.note(run, run_facts);
                if let Some(b) = run_facts.brand {
                    found.push(mention(
                        rules,
                        b as usize,
                        Cow::Borrowed(run),
                        in_site,
                        shared,
                    ));
                    mentioned = true;
                }
            }
        }
    }
    if !mentioned {
        if let Some(b) = rules.embedded_brand(label) {
            let word = rules
                .brand(b)
                .embedded
                .iter()
                .find(|k| label.contains(k.as_str()))
                .map_or(label, |k| k.as_str());
            found.push(mention(
                rules,
                b,
                Cow::Owned(word.to_string()),
                in_site,
                shared,
            ));
        }
    }
    // On a code-hosting platform a subdomain that is exactly the brand's
    // name (`paypal.github.io`) is most often the brand's own organisation
    // page: a mention, without the imitation bonus.
    if shared && in_site && project_host {
        for f in &mut found[first_found..] {
            if f.word == label && f.code == "link.brand_on_shared_hosting" {
                f.weight = rules.weight(f.code);
            }
        }
    }
}

fn unicode_label<'a>(
    rules: &LinkRules,
    label: &'a str,
    in_site: bool,
    shared: bool,
    found: &mut Vec<Found<'a>>,
    lure: &mut Lures,
) {
    let Some(uni) = decode_label(label) else {
        return;
    };
    if uni.is_ascii() {
        return;
    }
    let whole = std::iter::once(uni.as_ref());
    let tokens = uni.split('-').filter(|t| !t.is_empty() && *t != uni);
    for token in whole.chain(tokens) {
        if token.is_ascii() {
            continue;
        }
        if let Some(b) = rules.skeleton_brand(token) {
            found.push(Found {
                code: "link.homograph",
                brand: b,
                weight: rules.weight("link.homograph") + rules.bonus(b),
                word: Cow::Owned(token.to_string()),
            });
            return;
        }
    }
    if let Some(b) = rules.name_brand(&uni) {
        let name = rules
            .brand(b)
            .names
            .iter()
            .find(|n| uni.contains(n.as_str()))
            .cloned();
        found.push(mention(
            rules,
            b,
            Cow::Owned(name.unwrap_or_else(|| uni.to_string())),
            in_site,
            shared,
        ));
    }
    if lure.strong.is_none() {
        if let Some(word) = rules.unicode_lure(&uni) {
            lure.strong = Some(word.to_string());
        }
    }
}

/// `.apk`, `.ipa`, `.mobileconfig`, `.exe` … as the file of the path or the
/// value of a query parameter. Returns the extension found.
fn download(rules: &LinkRules, lang: Lang, c: &Canonical, a: &mut Assessment) -> Option<String> {
    // Byte scans: `/` and `.` are ASCII, so the indexes are char boundaries.
    let file = &c.path[c.path.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1)..];
    let ext_of = |name: &str| -> Option<(String, &'static str)> {
        let ext = &name[name.bytes().rposition(|b| b == b'.')? + 1..];
        let mut buf = [0u8; 16];
        let lower = buf.get_mut(..ext.len())?;
        lower.copy_from_slice(ext.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        let code = rules.download_code(lower)?;
        Some((lower.to_string(), code))
    };
    let mut name = file;
    let hit = ext_of(file).or_else(|| {
        c.query.as_deref()?.split('&').find_map(|kv| {
            let value = kv.rsplit('=').next().unwrap_or("");
            let hit = ext_of(value)?;
            name = value;
            Some(hit)
        })
    })?;
    let (ext, code) = hit;
    let detail = match code {
        "link.apk" => format!("Downloads an Android app (.{ext}) from outside the app store"),
        "link.ios_profile" => {
            "Installs an iPhone configuration profile (.mobileconfig)".to_string()
        }
        _ => format!("Downloads a program (.{ext})"),
    };
    a.add_typed(code, rules.weight(code), detail, FraudType::MalwareApp);

    // An installer named after a bank or an app, from a site that isn't
    // theirs: `ICBC_v5.apk`, `fanzha.apk`.
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_ascii_lowercase();
    let brand = stem
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .flat_map(alnum_runs)
        .find_map(|t| rules.token_brand(t).map(|b| (b, t.len())));
    if let Some((b, len)) = brand {
        let bonus = if len > 3 { rules.bonus(b) } else { 0 };
        let brand = rules.brand(b);
        a.set_name(brand.name(lang));
        a.add_typed(
            "link.brand_download",
            rules.weight("link.brand_download") + bonus,
            format!(
                "The file is named after {}, but this site is not theirs",
                brand.name_en
            ),
            FraudType::MalwareApp,
        );
    }
    Some(ext)
}

/// Remote-control and screen-sharing apps: their download pages, their
/// installers, and hosts named after them.
fn remote_app(
    rules: &LinkRules,
    c: &Canonical,
    facts: &HostFacts,
    is_download: bool,
    official_brand: bool,
    a: &mut Assessment,
) {
    if official_brand {
        return;
    }
    let mut app = None;
    if c.host_kind == HostKind::Domain {
        if let Some(i) = facts.remote_app {
            let looks_like_download =
                is_download || c.path.to_ascii_lowercase().contains("download");
            if rules.remote_apps[i].site_is_signal || looks_like_download {
                app = Some(i);
            }
        } else {
            app = c
                .host
                .split(['.', '-', '_'])
                .filter_map(|t| rules.remote_app_token(t))
                .find(|&i| rules.remote_apps[i].site_is_signal);
        }
    }
    if app.is_none() && is_download {
        let file = c.path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
        app = rules.remote_app_in(&file);
    }
    if let Some(i) = app {
        let name = &rules.remote_apps[i].name;
        a.add_typed(
            "link.remote_app",
            rules.weight("link.remote_app"),
            format!("{name} lets another person see or control your screen"),
            FraudType::ImpersonateCustomerService,
        );
        // Installing such an app on a stranger's request is the scam, more
        // than the app itself.
        a.vote(
            FraudType::ImpersonateCustomerService,
            rules.weight("link.apk"),
        );
    }
}
