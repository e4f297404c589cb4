//! Brand and lure words in the *path* of a link whose host says nothing
//! about the page: object storage, CDN distributions, IPFS gateways, raw IP
//! addresses (`d1….cloudfront.net/paypal/login`,
//! `storage.googleapis.com/x/itau/acesso.html`, `ipfs.io/ipfs/<cid>/ing.html`).
//! There the path is the only name the page has; on an ordinary site a
//! brand in the path is most often an article about it, so the path is read
//! only on such hosts, and on other sites only after one of the site's own
//! system folders (`kit_folders`: `/wp-content/`, `/cgi-bin/` …), where
//! phishing kits are uploaded to hacked sites and a site's own pages about
//! a brand never are.

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

/// The part of `path` after its first system folder (`kit_folders`, any
/// case), if it has one: only segment starts are compared.
fn after_kit_folder<'a>(rules: &LinkRules, path: &'a str) -> Option<&'a str> {
    if rules.kit_folders.is_empty() {
        return None;
    }
    let bytes = path.as_bytes();
    for (i, _) in bytes.iter().enumerate().filter(|(_, &b)| b == b'/') {
        let rest = &bytes[i..];
        for k in &rules.kit_folders {
            if rest.len() >= k.len() && rest[..k.len()].eq_ignore_ascii_case(k.as_bytes()) {
                return path.get(i + k.len()..);
            }
        }
    }
    None
}

/// True when the last segment of `path` names a page: no extension, or a
/// page's (`.html`, `.php`, …).
fn is_page(path: &str) -> bool {
    const PAGE_EXTS: [&str; 7] = ["html", "htm", "shtml", "php", "asp", "aspx", "jsp"];
    let last = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or("");
    match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => {
            PAGE_EXTS.iter().any(|p| p.eq_ignore_ascii_case(ext))
        }
        _ => true,
    }
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
    // On a host with a name of its own, only what follows a system folder;
    // on a host of anyone's documents, forms and sites, only a brand with
    // sign-in or verify words (a brand's own channel or form is named after
    // it, but does not ask to verify in its name).
    let (path, kit, lure_needed) = if nameless(c, facts, ipfs) {
        (c.path.as_str(), false, false)
    } else if facts.user_content {
        (c.path.as_str(), false, true)
    } else {
        match after_kit_folder(rules, &c.path) {
            Some(rest) => (rest, true, false),
            None => return,
        }
    };
    // Under a system folder only a page counts (no extension, or a page
    // script's): a PDF or an archive there is the site's own upload.
    if kit && !is_page(path) {
        return;
    }
    let path = path.get(..MAX_PATH_BYTES.min(path.len())).unwrap_or("");
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
    if lure_needed && !lure {
        return;
    }
    let name = rules.brand(b).name_en.clone();
    a.set_name(rules.brand(b).name(lang));
    let code = if lure {
        "link.brand_lure_in_path"
    } else {
        "link.brand_in_path"
    };
    let words = if lure {
        " with sign-in or verify words"
    } else {
        ""
    };
    let detail = if lure_needed {
        format!("A page named \"{word}\" ({name}){words}, on a host where anyone publishes documents, forms or sites")
    } else if kit {
        format!("A page named \"{word}\" ({name}){words} inside a website's system folder, where phishing pages are put on hacked sites")
    } else if lure {
        format!(
            "A page named \"{word}\" ({name}){words}, on a storage or CDN host {name} does not use"
        )
    } else {
        format!("A page named \"{word}\" ({name}) on a storage or CDN host {name} does not use")
    };
    // A brand alone under a system folder is often a plugin or a theme
    // named after it (`/wp-content/plugins/woocommerce-paypal-payments/`):
    // there it counts only beside other evidence, without the brand's
    // category bonus.
    let bonus = if kit && !lure { 0 } else { rules.bonus(b) };
    a.add_typed(
        code,
        rules.weight(code) + bonus,
        detail,
        FraudType::Phishing,
    );
}
