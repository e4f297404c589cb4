//! Brand and lure words in the *path* of a link whose host says nothing
//! about the page: object storage, CDN distributions, IPFS gateways, raw IP
//! addresses (`d1….cloudfront.net/paypal/login`,
//! `storage.googleapis.com/x/itau/acesso.html`, `ipfs.io/ipfs/<cid>/ing.html`).
//! There the path is the only name the page has; on an ordinary site a
//! brand in the path is most often an article about it, so the path is read
//! only on such hosts.

use super::super::canon::{Canonical, HostKind};
use super::super::rules::{HostFacts, LinkRules};
use super::brand::{alnum_runs, SHORT_BRAND_WORD};
use crate::scoring::Assessment;
use crate::verdict::{FraudType, Lang};

/// Most bytes of the path read (a phishing path names its brand early).
const MAX_PATH_BYTES: usize = 512;
/// Most path tokens looked up.
const MAX_PATH_TOKENS: usize = 48;

/// A host whose name tells nothing about the page it serves: a storage or
/// CDN host (`storage_hosts`, `infrastructure_domains`), a raw IP address,
/// or an IPFS content address. Other user-content hosts (`t.me`,
/// `docs.google.com`) are left out: a channel or a form named after a brand
/// is often the brand's own.
fn nameless(c: &Canonical, facts: &HostFacts, ipfs: bool) -> bool {
    ipfs || facts.storage || facts.infrastructure || c.host_kind != HostKind::Domain
}

/// True when the link serves IPFS content: a gateway path
/// `/ipfs/<cid>` or a content id as the leftmost label (`<cid>.ipfs.…`).
fn ipfs_content(c: &Canonical) -> bool {
    // CIDv1 in base32 (`bafy…`, 59 characters) or CIDv0 (`Qm…`, 46).
    let cid_like = |s: &str| s.len() >= 46 && (s.starts_with("bafy") || s.starts_with("Qm"));
    let in_path = c
        .path
        .strip_prefix("/ipfs/")
        .map(|rest| rest.split('/').next().unwrap_or(""))
        .is_some_and(cid_like);
    let in_host = {
        let mut labels = c.host.split('.');
        let first = labels.next().unwrap_or("");
        labels.next() == Some("ipfs") && cid_like(first)
    };
    in_path || in_host
}

/// The path signals: `link.ipfs` for IPFS content, and on a nameless host
/// `link.brand_lure_in_path` (a brand and a lure word in the path) or
/// `link.brand_in_path` (a brand alone). A path segment with a software
/// word (`/npm/paypal-js@5`, `/gh/x/stripe-sdk/`) or an asset file (`.js`,
/// `.css`, images, fonts) names a library or a logo, not a page.
pub(super) fn path_signals(
    rules: &LinkRules,
    lang: Lang,
    c: &Canonical,
    facts: &HostFacts,
    a: &mut Assessment,
) {
    let ipfs = ipfs_content(c);
    if ipfs {
        a.add(
            "link.ipfs",
            rules.weight("link.ipfs"),
            "Served from IPFS, where anyone publishes pages that cannot be taken down",
        );
    }
    if !nameless(c, facts, ipfs) {
        return;
    }
    let path = c.path.get(..MAX_PATH_BYTES.min(c.path.len())).unwrap_or("");
    let mut brand: Option<(usize, String)> = None;
    let mut lure = false;
    let mut n = 0;
    for segment in path.split('/') {
        if segment.is_empty() || segment.contains('@') || segment.contains('%') {
            continue;
        }
        let (stem, ext) = match segment.rsplit_once('.') {
            Some((s, e)) if !s.is_empty() => (s, e),
            _ => (segment, ""),
        };
        if rules.is_asset_ext(ext) || rules.is_software_label(&stem.to_ascii_lowercase()) {
            continue;
        }
        for token in stem.split(|ch: char| !ch.is_ascii_alphanumeric()) {
            if token.is_empty() || token.len() > 40 {
                continue;
            }
            n += 1;
            if n > MAX_PATH_TOKENS {
                break;
            }
            let token = token.to_ascii_lowercase();
            let facts = rules.word(&token);
            lure |= facts.lure;
            if let Some(b) = facts.brand {
                // Words of three letters or fewer (jd, ups, ing) are too
                // ambiguous in a path, unless they are the page's whole
                // name (`ccb.html`).
                if (token.len() > 3 || token.len() == stem.len()) && brand.is_none() {
                    brand = Some((b as usize, token.clone()));
                }
                continue;
            }
            if let Some((b, bw, lw)) = rules.brand_lure_split(&token) {
                lure |= rules.word(lw).lure;
                if bw.len() > 3 && brand.is_none() {
                    brand = Some((b, bw.to_string()));
                }
                continue;
            }
            for run in alnum_runs(&token) {
                let f = rules.word(run);
                lure |= f.lure;
                if let (Some(b), true, true) =
                    (f.brand, run.len() > SHORT_BRAND_WORD, brand.is_none())
                {
                    brand = Some((b as usize, run.to_string()));
                }
            }
        }
    }
    let Some((b, word)) = brand else {
        return;
    };
    let name = rules.brand(b).name_en.clone();
    a.set_name(rules.brand(b).name(lang));
    let (code, detail) = if lure {
        (
            "link.brand_lure_in_path",
            format!("A page named \"{word}\" ({name}) with sign-in or verify words, on a storage or CDN host {name} does not use"),
        )
    } else {
        (
            "link.brand_in_path",
            format!(
                "A page named \"{word}\" ({name}) on a storage or CDN host {name} does not use"
            ),
        )
    };
    a.add_typed(
        code,
        rules.weight(code) + rules.bonus(b),
        detail,
        FraudType::Phishing,
    );
}
