//! The signals of the link check, turned into reasons of an [`Assessment`],
//! one file per job:
//! - here: [`check`], the assessment that runs and combines them;
//! - [`model`]: the link model's signal, without allocating on ASCII links;
//! - [`address`]: the blocklist, IP hosts, userinfo tricks;
//! - [`host`]: the host's parts per the Public Suffix List, TLD,
//!   depth and shape (random tokens, hyphen chains, digit runs, punycode);
//! - [`idn`]: the IDN spoof checks on the labels and the look-alike of a
//!   protected domain;
//! - [`brand`]: brand names, official domains written up front, typosquats,
//!   look-alike labels, lure words;
//! - [`platform`]: free hosting and code-hosting platforms (never evidence
//!   by themselves);
//! - [`path`]: brand and lure words in the path of a host whose name says
//!   nothing (storage, CDN, IPFS, IP addresses), and IPFS content;
//! - [`download`]: installers, profiles and remote-control apps;
//! - [`redirect`]: a web address carried inside the link (an open
//!   redirector on an official site), followed once.
//!
//! Everything here is local: the canonical URL, the Public Suffix List
//! (compiled in, private section included, so `x.pages.dev` is its own site
//! and `pages.dev` itself is never judged), and the rules' data.

mod address;
mod brand;
mod download;
mod host;
mod idn;
mod model;
mod parts;
mod path;
mod platform;
mod redirect;

use super::canon::{self, HostKind, HOSTLESS_SCHEMES, MAX_URL_BYTES};
use super::host_cache::{HostSignals, HostStanding};
use super::rules::HostFacts;
use super::LinkData;
use crate::error::{Error, Result};
use crate::scoring::Assessment;
use crate::verdict::{FraudType, Kind, Lang, Verdict};
use address::{blocklist, ip_signals, userinfo};
use download::{download, remote_app};
use host::domain_signals;
use model::model_signal;

/// How many carried addresses are followed (`a.com/?u=https://b.com/…`):
/// one, so a link nested in itself a thousand times costs two checks.
const MAX_REDIRECT_DEPTH: u8 = 1;

pub(crate) fn check(snap: &impl LinkData, lang: Lang, url: &str) -> Result<Verdict> {
    check_at(snap, lang, url, 0)
}

/// The domain signals of `c`'s host on an assessment of their own, as the
/// parts the check adds to its own (the host cache keeps them).
fn host_signals(
    rules: &super::LinkRules,
    lang: Lang,
    c: &canon::Canonical,
    facts: &HostFacts,
) -> Option<HostSignals> {
    let mut own = Assessment::new(Kind::Link, String::new());
    let standing = domain_signals(rules, lang, c, facts, &mut own);
    let (reasons, votes, name) = own.into_parts()?;
    Some(HostSignals {
        reasons,
        votes,
        name,
        standing,
    })
}

fn check_at(snap: &impl LinkData, lang: Lang, url: &str, depth: u8) -> Result<Verdict> {
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
    // The host's cached parts (facts, domain signals), when it was seen
    // before; else they are computed here.
    let entry = if is_domain {
        rules
            .host_cache
            .entry(host, lang, || rules.host_facts(host))
    } else {
        None
    };
    let facts = match &entry {
        Some(e) => e.facts,
        None if is_domain => rules.host_facts(host),
        None => HostFacts::default(),
    };
    let official = facts.official;
    let user_content = facts.user_content;
    // An address carried inside this one, on another host: the outer
    // site's standing does not vouch for where the link goes.
    let carried = redirect::carried_target(host, &c.path, c.query.as_deref());
    match (official, user_content) {
        (_, true) => a.add(
            "link.user_content",
            w("link.user_content"),
            "Anyone can publish pages on this site; its owner does not vouch for them",
        ),
        (Some(b), false) if carried.is_some() => {
            let brand = rules.brand(b);
            a.add(
                "link.redirect",
                w("link.redirect"),
                format!(
                    "Passes through {}'s site on to another address",
                    brand.name_en
                ),
            );
        }
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
    let trusted = official.is_some() && !user_content && carried.is_none();
    let dl = if trusted {
        None
    } else {
        download(rules, lang, &c, &mut a)
    };
    let HostStanding {
        shared,
        known,
        protected,
    } = match &entry {
        Some(e) => {
            let s = e
                .signals
                .get_or_init(|| host_signals(rules, lang, &c, &facts));
            match s {
                Some(s) => {
                    a.extend_parts(&s.reasons, &s.votes, s.name.as_deref());
                    s.standing
                }
                // Never today: the host signals set more than these parts.
                None => domain_signals(rules, lang, &c, &facts, &mut a),
            }
        }
        // A host seen for the first time: straight into the assessment,
        // the same reasons in the same order as the cached parts give.
        None if is_domain => domain_signals(rules, lang, &c, &facts, &mut a),
        None => HostStanding::default(),
    };
    // A short link hides where it leads only when it carries a code: the
    // shortener's own home page (`https://bit.ly/`) leads nowhere else.
    // Not a host signal, so not in the host cache.
    if facts.shortener && official.is_none() && carries_code(&c) {
        a.add(
            "link.shortener",
            w("link.shortener"),
            "A short link hides where it really leads",
        );
    }
    if !trusted {
        path::path_signals(rules, lang, &c, &facts, &mut a);
    }
    remote_app(rules, &c, &facts, dl.is_some(), trusted, &mut a);
    // A well-known site is not judged on how its name reads, by the rules
    // (above) or by the model: the model only knows letters, and a real
    // exchange's name reads like the phishing that imitates it. On a
    // well-known site open to anyone's files (dropbox.com) the model still
    // reads a link's path, but not the site's bare home page: there it would
    // judge the name alone. A subdomain there (x.s3.amazonaws.com) is read.
    let home = c.path == "/" && c.query.is_none();
    if let Some(m) = snap
        .link_model()
        .filter(|_| !(trusted || known || (protected && home)))
    {
        model_signal(rules, m, url, entry.as_deref(), &mut a);
    }
    if shared && official.is_none() && !user_content {
        platform::shared_hosting_combo(rules, &mut a);
    }
    if let Some(target) = carried.filter(|_| depth < MAX_REDIRECT_DEPTH) {
        if let Ok(v) = check_at(snap, lang, &target, depth + 1) {
            if v.level >= crate::verdict::Level::Suspicious {
                let to = v.normalized.clone().unwrap_or(target);
                a.add_typed(
                    "link.redirect_target",
                    i32::from(v.score),
                    format!("It leads on to {to}, rated {}", v.level.as_str()),
                    v.fraud_type.unwrap_or(FraudType::Phishing),
                );
            }
        }
    }
    Ok(a.finish(snap, lang))
}

/// Whether a link says more than its host: a path other than `/` or a
/// non-empty query (what a short link's code is written in).
fn carries_code(c: &canon::Canonical) -> bool {
    c.path.len() > 1 || c.query.as_deref().is_some_and(|q| !q.is_empty())
}
