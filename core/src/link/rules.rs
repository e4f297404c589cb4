//! The link check's protection data (`data/links.json`), compiled into the
//! indexes the heuristics read: official domains, brand keywords (exact,
//! embedded, look-alike folded, typo candidates, TR39 skeletons), shorteners,
//! TLD weights, lure words, download types and remote-control apps.

use crate::error::{Error, Result};
use crate::verdict::Lang;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// Reason codes whose weight the data must define.
pub(crate) const REQUIRED_WEIGHTS: &[&str] = &[
    "link.official",
    "link.user_content",
    "link.javascript_scheme",
    "link.data_scheme",
    "link.raw_ip",
    "link.private_ip",
    "link.obfuscated_host",
    "link.userinfo",
    "link.userinfo_disguise",
    "link.port",
    "link.deep_subdomains",
    "link.homograph",
    "link.mixed_script",
    "link.typosquat",
    "link.brand_domain_in_subdomain",
    "link.brand_in_subdomain",
    "link.brand_in_domain",
    "link.brand_on_shared_hosting",
    "link.lure_words",
    "link.brand_lure",
    "link.shortener",
    "link.apk",
    "link.ios_profile",
    "link.download",
    "link.remote_app",
];

/// A protected brand: its official domains and the words phishers borrow.
#[derive(Debug, Clone, Deserialize)]
pub struct Brand {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
    /// `bank`, `payment`, `ecommerce`, `government`, `carrier`, `logistics`,
    /// `global` — selects the category bonus.
    pub category: String,
    /// Registrable domains (or public suffixes such as `gov.cn`) owned by
    /// the brand; subdomains included.
    pub domains: Vec<String>,
    /// Words matched as whole tokens of a host (`icbc` in `icbc-login.top`).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Distinctive words matched anywhere inside a label (`icbc` in
    /// `myicbcbank.top`).
    #[serde(default)]
    pub embedded: Vec<String>,
    /// Words distinctive enough that one edit away is a typosquat.
    #[serde(default)]
    pub typo: Vec<String>,
    /// Names in other scripts (Chinese) matched inside IDN labels.
    #[serde(default)]
    pub names: Vec<String>,
}

impl Brand {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::ZhHans => &self.name_zh,
        }
    }
}

/// A remote-control or screen-sharing app.
#[derive(Debug, Clone, Deserialize)]
pub struct RemoteApp {
    pub name: String,
    pub keywords: Vec<String>,
    pub domains: Vec<String>,
    /// Any page of the app's own site is worth a warning (remote-control
    /// tools); `false` for meeting apps, flagged only for downloads.
    #[serde(default)]
    pub site_is_signal: bool,
}

#[derive(Debug, Deserialize)]
struct RawRules {
    weights: HashMap<String, i32>,
    #[serde(default)]
    category_bonus: HashMap<String, i32>,
    max_subdomain_depth: usize,
    standard_ports: Vec<u16>,
    risky_tlds: HashMap<String, i32>,
    shorteners: Vec<String>,
    lure_words: Vec<String>,
    #[serde(default)]
    typo_exempt: Vec<String>,
    #[serde(default)]
    user_content_hosts: Vec<String>,
    #[serde(default)]
    infrastructure_domains: Vec<String>,
    download_types: HashMap<String, String>,
    remote_apps: Vec<RemoteApp>,
    brands: Vec<Brand>,
}

/// Compiled link rules. Built once per snapshot; read-only afterwards.
#[derive(Debug)]
pub struct LinkRules {
    weights: HashMap<String, i32>,
    category_bonus: HashMap<String, i32>,
    pub(crate) max_subdomain_depth: usize,
    standard_ports: Vec<u16>,
    risky_tlds: HashMap<String, i32>,
    shorteners: HashSet<String>,
    lure_ascii: HashSet<String>,
    lure_unicode: Option<AhoCorasick>,
    typo_exempt: HashSet<String>,
    user_content: HashSet<String>,
    infrastructure: HashSet<String>,
    downloads: HashMap<String, &'static str>,
    pub(crate) remote_apps: Vec<RemoteApp>,
    remote_domains: HashMap<String, usize>,
    remote_keywords: Vec<(String, usize)>,
    pub(crate) brands: Vec<Brand>,
    official: HashMap<String, usize>,
    tokens: HashMap<String, usize>,
    folded: HashMap<String, usize>,
    skeletons: HashMap<String, usize>,
    /// Typo words by length: (word, brand).
    typo_by_len: Vec<Vec<(String, usize)>>,
    embedded: Option<AhoCorasick>,
    embedded_brand: Vec<usize>,
    names: Option<AhoCorasick>,
    names_brand: Vec<usize>,
}

fn lower_all(v: Vec<String>) -> impl Iterator<Item = String> {
    v.into_iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
}

fn automaton(words: &[String]) -> Result<Option<AhoCorasick>> {
    if words.is_empty() {
        return Ok(None);
    }
    // A contiguous NFA builds in a fraction of a DFA's time (snapshots are
    // rebuilt on every feed update) and is fast enough on host labels.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(words)
        .map(Some)
        .map_err(|e| Error::rules("links", e))
}

impl LinkRules {
    /// Compiles rules from their JSON form (`data/links.json`). Refuses a
    /// file missing a weight, naming an unknown reason code for a download
    /// type, or listing a brand without domains.
    pub fn from_json(json: &str) -> Result<LinkRules> {
        let raw: RawRules = serde_json::from_str(json).map_err(|e| Error::rules("links", e))?;
        for w in REQUIRED_WEIGHTS {
            if !raw.weights.contains_key(*w) {
                return Err(Error::rules("links", format!("missing weight {w}")));
            }
        }
        let mut downloads = HashMap::new();
        for (ext, code) in raw.download_types {
            let code: &'static str = match code.as_str() {
                "link.apk" => "link.apk",
                "link.ios_profile" => "link.ios_profile",
                "link.download" => "link.download",
                _ => {
                    return Err(Error::rules(
                        "links",
                        format!("unknown download code {code}"),
                    ))
                }
            };
            downloads.insert(ext.to_ascii_lowercase(), code);
        }

        let mut official = HashMap::new();
        let mut tokens = HashMap::new();
        let mut folded = HashMap::new();
        let mut skeletons = HashMap::new();
        let mut typo_by_len: Vec<Vec<(String, usize)>> = Vec::new();
        let mut embedded_words = Vec::new();
        let mut embedded_brand = Vec::new();
        let mut name_words = Vec::new();
        let mut names_brand = Vec::new();
        let mut brands = Vec::new();
        for (i, mut b) in raw.brands.into_iter().enumerate() {
            if b.domains.is_empty() {
                return Err(Error::rules(
                    "links",
                    format!("brand {} has no domains", b.id),
                ));
            }
            b.domains = lower_all(std::mem::take(&mut b.domains)).collect();
            b.keywords = lower_all(std::mem::take(&mut b.keywords)).collect();
            b.embedded = lower_all(std::mem::take(&mut b.embedded)).collect();
            b.typo = lower_all(std::mem::take(&mut b.typo)).collect();
            for d in &b.domains {
                official.entry(d.clone()).or_insert(i);
                // The registrable label of an official domain is a keyword
                // too (`cmbchina` of cmbchina.com).
            }
            for k in &b.keywords {
                tokens.entry(k.clone()).or_insert(i);
                if k.len() >= 4 {
                    folded.entry(fold(k)).or_insert(i);
                    skeletons.entry(skeleton_key(k)).or_insert(i);
                }
            }
            for k in &b.typo {
                let len = k.len();
                if typo_by_len.len() <= len {
                    typo_by_len.resize_with(len + 1, Vec::new);
                }
                typo_by_len[len].push((k.clone(), i));
                folded.entry(fold(k)).or_insert(i);
                skeletons.entry(skeleton_key(k)).or_insert(i);
            }
            for k in &b.embedded {
                embedded_words.push(k.clone());
                embedded_brand.push(i);
            }
            for n in &b.names {
                name_words.push(n.clone());
                names_brand.push(i);
            }
            brands.push(b);
        }

        let mut remote_domains = HashMap::new();
        let mut remote_keywords = Vec::new();
        for (i, app) in raw.remote_apps.iter().enumerate() {
            for d in &app.domains {
                remote_domains.insert(d.to_lowercase(), i);
            }
            for k in &app.keywords {
                remote_keywords.push((k.to_lowercase(), i));
            }
        }

        let (lure_ascii, lure_other): (Vec<String>, Vec<String>) =
            lower_all(raw.lure_words).partition(|w| w.is_ascii());

        Ok(LinkRules {
            weights: raw.weights,
            category_bonus: raw.category_bonus,
            max_subdomain_depth: raw.max_subdomain_depth.max(1),
            standard_ports: raw.standard_ports,
            risky_tlds: raw
                .risky_tlds
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
            shorteners: lower_all(raw.shorteners).collect(),
            lure_ascii: lure_ascii.into_iter().collect(),
            lure_unicode: automaton(&lure_other)?,
            typo_exempt: lower_all(raw.typo_exempt).collect(),
            user_content: lower_all(raw.user_content_hosts).collect(),
            infrastructure: lower_all(raw.infrastructure_domains).collect(),
            downloads,
            remote_apps: raw.remote_apps,
            remote_domains,
            remote_keywords,
            official,
            tokens,
            folded,
            skeletons,
            typo_by_len,
            embedded: automaton(&embedded_words)?,
            embedded_brand,
            names: automaton(&name_words)?,
            names_brand,
            brands,
        })
    }

    pub(crate) fn weight(&self, code: &str) -> i32 {
        self.weights.get(code).copied().unwrap_or(0)
    }

    /// Extra weight for brand signals against brands of this category.
    pub(crate) fn bonus(&self, brand: usize) -> i32 {
        self.brands
            .get(brand)
            .and_then(|b| self.category_bonus.get(&b.category))
            .copied()
            .unwrap_or(0)
    }

    pub(crate) fn brand(&self, i: usize) -> &Brand {
        &self.brands[i]
    }

    /// The brand owning `host` (the host or one of its parent domains is
    /// official).
    pub(crate) fn official_brand(&self, host: &str) -> Option<usize> {
        suffixes(host).find_map(|s| self.official.get(s).copied())
    }

    /// Official-domain match for a multi-label domain only (`gov.cn` yes,
    /// `gov` no): used to spot a brand's domain written inside another host.
    pub(crate) fn official_multi_label(&self, name: &str) -> Option<usize> {
        suffixes(name)
            .filter(|s| s.contains('.'))
            .find_map(|s| self.official.get(s).copied())
    }

    /// The brand whose official domain is exactly `name`.
    pub(crate) fn official_exact(&self, name: &str) -> Option<usize> {
        self.official.get(name).copied()
    }

    /// Pages on this host are written by anyone (forms, storage buckets,
    /// shared documents): never `trusted`, even on a brand's domain.
    pub(crate) fn is_user_content(&self, host: &str) -> bool {
        suffixes(host).any(|s| self.user_content.contains(s))
    }

    pub(crate) fn is_infrastructure(&self, host: &str) -> bool {
        suffixes(host).any(|s| self.infrastructure.contains(s))
    }

    pub(crate) fn is_shortener(&self, host: &str) -> bool {
        suffixes(host).any(|s| self.shorteners.contains(s))
    }

    pub(crate) fn tld_weight(&self, tld: &str) -> i32 {
        self.risky_tlds.get(tld).copied().unwrap_or(0)
    }

    pub(crate) fn is_standard_port(&self, port: u16) -> bool {
        self.standard_ports.contains(&port)
    }

    pub(crate) fn is_lure(&self, token: &str) -> bool {
        self.lure_ascii.contains(token)
    }

    /// Lure words (non-ASCII, e.g. 客服) inside a Unicode label.
    pub(crate) fn unicode_lure<'a>(&self, label: &'a str) -> Option<&'a str> {
        let ac = self.lure_unicode.as_ref()?;
        ac.find(label).map(|m| &label[m.start()..m.end()])
    }

    pub(crate) fn download_code(&self, ext: &str) -> Option<&'static str> {
        self.downloads.get(ext).copied()
    }

    pub(crate) fn remote_app_of_host(&self, host: &str) -> Option<usize> {
        suffixes(host).find_map(|s| self.remote_domains.get(s).copied())
    }

    /// A remote app whose keyword equals `token`.
    pub(crate) fn remote_app_token(&self, token: &str) -> Option<usize> {
        self.remote_keywords
            .iter()
            .find(|(k, _)| k == token)
            .map(|(_, i)| *i)
    }

    /// A remote app whose keyword occurs in `name` (a file name).
    pub(crate) fn remote_app_in(&self, name: &str) -> Option<usize> {
        self.remote_keywords
            .iter()
            .find(|(k, _)| k.is_ascii() && name.contains(k.as_str()))
            .map(|(_, i)| *i)
    }

    pub(crate) fn token_brand(&self, token: &str) -> Option<usize> {
        self.tokens.get(token).copied()
    }

    /// A brand a look-alike spelling of `token` imitates (`paypa1`, `rnicrosoft`,
    /// `g00gle`), when `token` itself is not the brand's word.
    pub(crate) fn folded_brand(&self, token: &str) -> Option<usize> {
        if token.len() < 4 || self.typo_exempt.contains(token) || self.tokens.contains_key(token) {
            return None;
        }
        self.folded.get(&fold(token)).copied()
    }

    /// A brand word one edit (insertion, deletion, substitution, adjacent
    /// swap) away from `token`.
    pub(crate) fn typo_brand(&self, token: &str) -> Option<usize> {
        let len = token.len();
        if len < 5 || self.typo_exempt.contains(token) || self.tokens.contains_key(token) {
            return None;
        }
        for l in len - 1..=len + 1 {
            for (word, brand) in self.typo_by_len.get(l).into_iter().flatten() {
                if word != token && within_one_edit(token.as_bytes(), word.as_bytes()) {
                    return Some(*brand);
                }
            }
        }
        None
    }

    /// A brand whose word a non-ASCII label imitates (TR39 skeleton).
    pub(crate) fn skeleton_brand(&self, label: &str) -> Option<usize> {
        self.skeletons.get(&skeleton_key(label)).copied()
    }

    /// Brands whose distinctive words occur inside `label`.
    pub(crate) fn embedded_brand(&self, label: &str) -> Option<usize> {
        let ac = self.embedded.as_ref()?;
        ac.find(label)
            .map(|m| self.embedded_brand[m.pattern().as_usize()])
    }

    /// Brands whose names (Chinese) occur inside a Unicode label.
    pub(crate) fn name_brand(&self, label: &str) -> Option<usize> {
        let ac = self.names.as_ref()?;
        ac.find(label)
            .map(|m| self.names_brand[m.pattern().as_usize()])
    }
}

/// Most labels of a domain compared with listed domains: no list entry is
/// longer, and it bounds the work on a hostile host of thousands of labels.
const MAX_SUFFIX_LABELS: usize = 8;

/// `a.b.c`, `b.c`, `c`: the name and its parent domains, longest first,
/// starting at most [`MAX_SUFFIX_LABELS`] labels from the right.
pub(crate) fn suffixes(host: &str) -> impl Iterator<Item = &str> {
    let start = host
        .rmatch_indices('.')
        .nth(MAX_SUFFIX_LABELS - 1)
        .map_or(0, |(i, _)| i + 1);
    let tail = &host[start..];
    std::iter::once(tail).chain(tail.match_indices('.').map(move |(i, _)| &tail[i + 1..]))
}

/// Folds look-alike ASCII spellings together: `0`→`o`, `1`/`i`/`l`/`|`→`l`,
/// `3`→`e`, `rn`→`m`, `vv`→`w`.
pub(crate) fn fold(s: &str) -> String {
    let mapped: Vec<u8> = s
        .bytes()
        .map(|b| match b.to_ascii_lowercase() {
            b'0' => b'o',
            b'1' | b'i' | b'|' => b'l',
            b'3' => b'e',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(mapped.len());
    let mut i = 0;
    while i < mapped.len() {
        match (mapped[i], mapped.get(i + 1)) {
            (b'r', Some(b'n')) => {
                out.push('m');
                i += 2;
            }
            (b'v', Some(b'v')) => {
                out.push('w');
                i += 2;
            }
            (c, _) => {
                out.push(char::from(c));
                i += 1;
            }
        }
    }
    out
}

/// The comparison key of a label under TR39 confusables: its skeleton,
/// lower-cased, then [`fold`]ed.
pub(crate) fn skeleton_key(label: &str) -> String {
    let skel: String = unicode_security::skeleton(label).collect();
    let lower = skel.to_lowercase();
    if lower.is_ascii() {
        fold(&lower)
    } else {
        lower
    }
}

/// True when `a` and `b` differ by at most one insertion, deletion,
/// substitution or swap of two adjacent bytes.
pub(crate) fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if p == a.len() && p == b.len() {
        return true;
    }
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            a[p + 1..] == b[p + 1..]
                || (p + 1 < a.len()
                    && a[p] == b[p + 1]
                    && a[p + 1] == b[p]
                    && a[p + 2..] == b[p + 2..])
        }
        std::cmp::Ordering::Greater => a[p + 1..] == b[p..],
        std::cmp::Ordering::Less => b[p + 1..] == a[p..],
    }
}
