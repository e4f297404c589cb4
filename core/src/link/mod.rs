//! Links: canonicalize as Google Safe Browsing does, look the host-suffix ×
//! path-prefix expressions up in the blocklist, and judge the URL with
//! heuristics that need no list (raw IPs, userinfo tricks, IDN homographs,
//! typosquats, brands on unrelated domains, shorteners, risky TLDs, APK and
//! remote-control-app downloads, odd ports, `data:` / `javascript:`).
//!
//! The check never touches the network: no DNS, no redirect following.
//! Knowledge (brands and their official domains, shorteners, TLD weights,
//! lure words, download types, remote apps, weights) lives in
//! `data/links.json`, replaceable by a feed.
//!
//! Submodules: [`canon`] (canonicalization), [`mod@expressions`] (lookup
//! expressions), `rules` (the compiled data), `spoof` (IDN spoof checks),
//! `heuristics` (the signals, one file per job: address, host shape, IDN,
//! brands and lures, free-hosting platforms, downloads, and the assessment
//! that combines them).

pub mod canon;
pub mod expressions;
mod heuristics;
mod host_cache;
mod model_table;
mod rules;
mod spoof;
#[cfg(test)]
mod tests;

pub use canon::{canonicalize, canonicalize_bytes, Canonical, HostKind, MAX_URL_BYTES};
pub use expressions::expressions;
pub use rules::LinkRules;

use crate::error::Result;
use crate::scoring::CheckData;
use crate::verdict::{Lang, Verdict};

pub(crate) static EMBEDDED: &crate::model::PackedText = crate::packed_json!("links");

/// The link check: see the module docs. Accepts anything a message may
/// carry, including a bare `abc.top/x` (read as `http://`).
///
/// Errors ([`crate::Error::InvalidInput`]): empty input, over
/// [`MAX_URL_BYTES`], no valid host, a non-web scheme (`mailto:`, `tel:` …).
/// `javascript:` and `data:` URLs are not errors: they get a verdict.
/// The protected-domain file (`data/protected_domains.bin`) for `domains`
/// (one domain per item, ASCII or Unicode): 8-byte hashes of each domain's
/// skeleton under the embedded IDN rules and of the domain itself.
/// `fanzha link protected-domains` writes it.
pub fn protected_domains_file<'a>(domains: impl IntoIterator<Item = &'a str>) -> Result<Vec<u8>> {
    let rules = LinkRules::from_json(EMBEDDED)?;
    Ok(spoof::Protected::build(&rules.idn, domains))
}

/// What the link check reads: the link rules, besides what every check
/// reads. [`crate::Snapshot`] implements it.
pub(crate) trait LinkData: CheckData {
    /// Brands, hosts, words and weights of the link check.
    fn links(&self) -> &LinkRules;
    /// The link model, when the data has one.
    fn link_model(&self) -> Option<&crate::model::Model>;
}

pub(crate) fn check(snap: &impl LinkData, lang: Lang, url: &str) -> Result<Verdict> {
    heuristics::check(snap, lang, url)
}
