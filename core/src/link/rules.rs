//! The link check's protection data (`data/links.json`), compiled into the
//! indexes the heuristics read: official domains, brand keywords (exact,
//! embedded, look-alike folded, typo candidates, TR39 skeletons), shorteners,
//! TLD weights, lure words, download types and remote-control apps.

use crate::error::{Error, Result};
use crate::rules_json::{self, Fields, FromJson, Read};
use crate::verdict::Lang;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde_json::Value;
use std::collections::HashMap;

use super::spoof::{IdnData, IdnRules, Protected};
use crate::fasthash::{FastMap, FastSet};

/// Hashes of the skeletons of protected domains (and of the domains), built
/// by `fanzha link protected-domains` from `data/protected_domains.txt`.
pub(crate) const PROTECTED_DOMAINS: &[u8] = include_bytes!("../../data/protected_domains.bin");

/// A label token a hosting platform generates itself (a CDN's distribution
/// name, a deploy preview's commit hash): random by construction, so no
/// evidence of a throwaway host (`generated_tokens` in `links.json`).
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(crate) struct GeneratedToken {
    /// The platform's domain (`cloudfront.net`); the host must end with it.
    pub suffix: String,
    /// What the token starts with (`d` for CloudFront), possibly empty.
    #[cfg_attr(test, serde(default))]
    pub prefix: String,
    /// `hex` (0-9a-f) or `alnum` (0-9a-z) for the rest of the token.
    pub chars: String,
    /// Shortest and longest token, prefix included.
    pub min_len: usize,
    pub max_len: usize,
}

impl GeneratedToken {
    /// True when `token` of a label of `host` is one this platform makes.
    pub(crate) fn matches(&self, host: &str, token: &str) -> bool {
        let on_platform = host
            .strip_suffix(self.suffix.as_str())
            .is_some_and(|h| h.ends_with('.'));
        let body_ok = |c: u8| match self.chars.as_str() {
            "hex" => c.is_ascii_hexdigit() && !c.is_ascii_uppercase(),
            _ => c.is_ascii_lowercase() || c.is_ascii_digit(),
        };
        on_platform
            && (self.min_len..=self.max_len).contains(&token.len())
            && token
                .strip_prefix(self.prefix.as_str())
                .is_some_and(|rest| rest.bytes().all(body_ok))
    }
}

impl FromJson for GeneratedToken {
    fn from_json(v: &Value) -> Read<GeneratedToken> {
        let f = Fields::of(v)?;
        Ok(GeneratedToken {
            suffix: f.req("suffix")?,
            prefix: f.opt("prefix")?,
            chars: f.req("chars")?,
            min_len: f.req("min_len")?,
            max_len: f.req("max_len")?,
        })
    }
}

/// How a platform names a deployment of a site (`deploy_names` in
/// `links.json`): Netlify's `deploy-preview-12--site` and `branch--site`,
/// Vercel's `site-git-branch-team`. The part the platform adds is no
/// evidence; the site's own name is what is judged.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(crate) struct DeployName {
    /// The platform's domain (`netlify.app`).
    pub suffix: String,
    /// What separates the site's name from the platform's part.
    pub separator: String,
    /// `after` (the site's name follows the separator) or `before`.
    pub keep: String,
}

impl DeployName {
    /// The site's own name in `label` of `host`, when the label is a
    /// deployment name of this platform.
    pub(crate) fn site_name<'l>(&self, host: &str, label: &'l str) -> Option<&'l str> {
        let on_platform = host
            .strip_suffix(self.suffix.as_str())
            .is_some_and(|h| h.ends_with('.'));
        if !on_platform {
            return None;
        }
        let name = if self.keep == "before" {
            label.split_once(self.separator.as_str())?.0
        } else {
            label.rsplit_once(self.separator.as_str())?.1
        };
        (!name.is_empty()).then_some(name)
    }
}

impl FromJson for DeployName {
    fn from_json(v: &Value) -> Read<DeployName> {
        let f = Fields::of(v)?;
        Ok(DeployName {
            suffix: f.req("suffix")?,
            separator: f.req("separator")?,
            keep: f.req("keep")?,
        })
    }
}

/// Thresholds of the host-shape signals (`shape` in `links.json`).
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(crate) struct Shape {
    /// Shortest hyphen-separated token judged for randomness.
    pub random_min_len: usize,
    /// Most vowels per 100 letters of a random-looking token.
    pub random_max_vowel_pct: usize,
    /// Longest run of consonants an ordinary token has.
    pub random_max_consonant_run: usize,
    /// Hyphens in one label that make a hyphen chain.
    pub hyphen_chain_min: usize,
    /// Digits in a row, among letters, worth a signal.
    pub digit_run_min: usize,
    /// Risk (brand-on-platform mentions not counted) from which a free
    /// hosting subdomain adds `link.shared_hosting_combo`.
    pub combo_min_risk: i32,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape {
            random_min_len: 10,
            random_max_vowel_pct: 18,
            random_max_consonant_run: 6,
            hyphen_chain_min: 3,
            digit_run_min: 5,
            combo_min_risk: 20,
        }
    }
}

/// A piece of a run-together token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ComboPart {
    Brand(usize),
    Lure,
}

/// What the rules say about one ASCII word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordFacts {
    /// The word is this brand's keyword.
    pub brand: Option<u32>,
    /// The word is the look-alike fold of this brand's keyword.
    pub folded_brand: Option<u32>,
    /// A word phishing hosts use (login, verify, kefu …).
    pub lure: bool,
    /// A short lure (pinyin abbreviation such as `jf` 积分, `rz` 认证) that
    /// counts only next to a brand.
    pub weak_lure: bool,
    /// A real word one edit from a brand's: never a typosquat.
    pub exempt: bool,
    /// A word brands name their own services with (`bank`, `pay`): run
    /// together with the brand as a site's whole name (`chasebank.com`) it
    /// is the brand's naming, not a lure.
    pub service: bool,
}

/// What the rules say about one listed domain (all lists in one table, so a
/// host's parent domains are looked up once).
#[derive(Debug, Clone, Copy, Default)]
struct DomainFacts {
    official: Option<u32>,
    user_content: bool,
    infrastructure: bool,
    storage: bool,
    site_platform: bool,
    shortener: bool,
    tunnel: bool,
    remote_app: Option<u32>,
}

// `HostFacts` lives with the host cache, which keeps it per host (so the
// cache needs nothing from this module); it is still `rules::HostFacts`.
pub(crate) use super::host_cache::HostFacts;

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
    "link.whole_script",
    "link.mixed_orthography",
    "link.foreign_digits",
    "link.invisible_marks",
    "link.unusual_characters",
    "link.lookalike_domain",
    "link.random_label",
    "link.hyphen_chain",
    "link.digit_run",
    "link.punycode",
    "link.shared_hosting_combo",
    "link.model",
    "link.model_confident",
    "link.typosquat",
    "link.brand_domain_in_subdomain",
    "link.brand_domain_in_label",
    "link.brand_in_subdomain",
    "link.brand_in_domain",
    "link.brand_on_shared_hosting",
    "link.brand_on_page_builder",
    "link.tunnel_host",
    "link.lure_words",
    "link.lure_stack",
    "link.brand_lure",
    "link.shortener",
    "link.apk",
    "link.ios_profile",
    "link.download",
    "link.brand_download",
    "link.remote_app",
    "link.redirect",
    "link.ipfs",
    "link.brand_in_path",
    "link.brand_lure_in_path",
    "link.brand_digits",
    "link.brand_on_project_host",
    "link.domain_in_subdomain",
    "link.domain_dressed",
];

/// A protected brand: its official domains and the words phishers borrow.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
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
    #[cfg_attr(test, serde(default))]
    pub keywords: Vec<String>,
    /// Distinctive words matched anywhere inside a label (`icbc` in
    /// `myicbcbank.top`).
    #[cfg_attr(test, serde(default))]
    pub embedded: Vec<String>,
    /// Words distinctive enough that one edit away is a typosquat.
    #[cfg_attr(test, serde(default))]
    pub typo: Vec<String>,
    /// Names in other scripts (Chinese) matched inside IDN labels.
    #[cfg_attr(test, serde(default))]
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
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub struct RemoteApp {
    pub name: String,
    pub keywords: Vec<String>,
    pub domains: Vec<String>,
    /// Any page of the app's own site is worth a warning (remote-control
    /// tools); `false` for meeting apps, flagged only for downloads.
    #[cfg_attr(test, serde(default))]
    pub site_is_signal: bool,
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
struct RawRules {
    weights: HashMap<String, i32>,
    #[cfg_attr(test, serde(default))]
    category_bonus: HashMap<String, i32>,
    max_subdomain_depth: usize,
    /// Thresholds of the host-shape signals.
    #[cfg_attr(test, serde(default))]
    shape: Shape,
    /// Platforms where `brand.platform` is most often the brand's own
    /// organisation page.
    #[cfg_attr(test, serde(default))]
    project_hosts: Vec<String>,
    docs_hosts: Vec<String>,
    #[cfg_attr(test, serde(default))]
    builder_hosts: Vec<String>,
    #[cfg_attr(test, serde(default))]
    page_builders: Vec<String>,
    tunnel_hosts: Vec<String>,
    #[cfg_attr(test, serde(default))]
    domain_tail_labels: Vec<String>,
    /// Domain endings that, written before a hyphen at the start of the
    /// site's label, dress it as another domain (`usps.com-track.top`).
    #[cfg_attr(test, serde(default))]
    dressed_tails: Vec<String>,
    /// Subdomain labels every kind of site uses (`www`, `shop`, `api`).
    #[cfg_attr(test, serde(default))]
    generic_host_labels: Vec<String>,
    /// Label tokens platforms generate (never `link.random_label`).
    #[cfg_attr(test, serde(default))]
    generated_tokens: Vec<GeneratedToken>,
    /// Words that make a shared-hosting site label a software project's
    /// (`sdk`, `python`, `docs`…).
    #[cfg_attr(test, serde(default))]
    software_words: Vec<String>,
    /// IDN spoof-check data (see [`IdnData`]).
    #[cfg_attr(test, serde(default))]
    idn: IdnData,
    standard_ports: Vec<u16>,
    risky_tlds: HashMap<String, i32>,
    shorteners: Vec<String>,
    lure_words: Vec<String>,
    #[cfg_attr(test, serde(default))]
    weak_lure_words: Vec<String>,
    #[cfg_attr(test, serde(default))]
    typo_exempt: Vec<String>,
    #[cfg_attr(test, serde(default))]
    brand_service_words: Vec<String>,
    #[cfg_attr(test, serde(default))]
    user_content_hosts: Vec<String>,
    #[cfg_attr(test, serde(default))]
    infrastructure_domains: Vec<String>,
    #[cfg_attr(test, serde(default))]
    storage_hosts: Vec<String>,
    #[cfg_attr(test, serde(default))]
    site_platforms: Vec<String>,
    #[cfg_attr(test, serde(default))]
    deploy_names: Vec<DeployName>,
    #[cfg_attr(test, serde(default))]
    asset_extensions: Vec<String>,
    #[cfg_attr(test, serde(default))]
    kit_folders: Vec<String>,
    download_types: HashMap<String, String>,
    remote_apps: Vec<RemoteApp>,
    brands: Vec<Brand>,
}

impl FromJson for Shape {
    fn from_json(v: &Value) -> Read<Shape> {
        let f = Fields::of(v)?;
        Ok(Shape {
            random_min_len: f.req("random_min_len")?,
            random_max_vowel_pct: f.req("random_max_vowel_pct")?,
            random_max_consonant_run: f.req("random_max_consonant_run")?,
            hyphen_chain_min: f.req("hyphen_chain_min")?,
            digit_run_min: f.req("digit_run_min")?,
            combo_min_risk: f.req("combo_min_risk")?,
        })
    }
}

impl FromJson for Brand {
    fn from_json(v: &Value) -> Read<Brand> {
        let f = Fields::of(v)?;
        Ok(Brand {
            id: f.req("id")?,
            name_en: f.req("name_en")?,
            name_zh: f.req("name_zh")?,
            category: f.req("category")?,
            domains: f.req("domains")?,
            keywords: f.opt("keywords")?,
            embedded: f.opt("embedded")?,
            typo: f.opt("typo")?,
            names: f.opt("names")?,
        })
    }
}

impl FromJson for RemoteApp {
    fn from_json(v: &Value) -> Read<RemoteApp> {
        let f = Fields::of(v)?;
        Ok(RemoteApp {
            name: f.req("name")?,
            keywords: f.req("keywords")?,
            domains: f.req("domains")?,
            site_is_signal: f.opt("site_is_signal")?,
        })
    }
}

impl FromJson for RawRules {
    fn from_json(v: &Value) -> Read<RawRules> {
        let f = Fields::of(v)?;
        Ok(RawRules {
            weights: f.req("weights")?,
            category_bonus: f.opt("category_bonus")?,
            max_subdomain_depth: f.req("max_subdomain_depth")?,
            shape: f.opt("shape")?,
            project_hosts: f.opt("project_hosts")?,
            docs_hosts: f.opt("docs_hosts")?,
            builder_hosts: f.opt("builder_hosts")?,
            page_builders: f.opt("page_builders")?,
            tunnel_hosts: f.opt("tunnel_hosts")?,
            domain_tail_labels: f.opt("domain_tail_labels")?,
            dressed_tails: f.opt("dressed_tails")?,
            generic_host_labels: f.opt("generic_host_labels")?,
            generated_tokens: f.opt("generated_tokens")?,
            software_words: f.opt("software_words")?,
            idn: f.opt("idn")?,
            standard_ports: f.req("standard_ports")?,
            risky_tlds: f.req("risky_tlds")?,
            shorteners: f.req("shorteners")?,
            lure_words: f.req("lure_words")?,
            weak_lure_words: f.opt("weak_lure_words")?,
            typo_exempt: f.opt("typo_exempt")?,
            brand_service_words: f.opt("brand_service_words")?,
            user_content_hosts: f.opt("user_content_hosts")?,
            infrastructure_domains: f.opt("infrastructure_domains")?,
            storage_hosts: f.opt("storage_hosts")?,
            site_platforms: f.opt("site_platforms")?,
            deploy_names: f.opt("deploy_names")?,
            asset_extensions: f.opt("asset_extensions")?,
            kit_folders: f.opt("kit_folders")?,
            download_types: f.req("download_types")?,
            remote_apps: f.req("remote_apps")?,
            brands: f.req("brands")?,
        })
    }
}

/// Compiled link rules. Built once per snapshot; read-only afterwards.
#[derive(Debug)]
pub struct LinkRules {
    weights: FastMap<String, i32>,
    category_bonus: FastMap<String, i32>,
    pub(crate) max_subdomain_depth: usize,
    pub(crate) shape: Shape,
    pub(crate) generated_tokens: Vec<GeneratedToken>,
    software_words: FastSet<String>,
    asset_extensions: FastSet<String>,
    /// A website's own system folders (`/wp-content/`, `/cgi-bin/`), lower
    /// case, each starting and ending with `/`: see `kit_folders` in the data.
    pub(crate) kit_folders: Vec<String>,
    pub(crate) deploy_names: Vec<DeployName>,
    pub(crate) project_hosts: Vec<String>,
    pub(crate) docs_hosts: Vec<String>,
    pub(crate) builder_hosts: Vec<String>,
    pub(crate) page_builders: Vec<String>,
    pub(crate) domain_tail_labels: Vec<String>,
    /// See `dressed_tails` in the data (lower case).
    pub(crate) dressed_tails: Vec<String>,
    /// See `generic_host_labels` in the data (lower case).
    pub(crate) generic_host_labels: FastSet<String>,
    pub(crate) idn: IdnRules,
    pub(crate) protected: Protected,
    standard_ports: Vec<u16>,
    risky_tlds: FastMap<String, i32>,
    domains: FastMap<String, DomainFacts>,
    /// Every ASCII word the rules know (brand keywords, their look-alike
    /// folds, lure words, typo exemptions): one lookup per host token.
    words: FastMap<String, WordFacts>,
    lure_unicode: Option<AhoCorasick>,
    downloads: FastMap<String, &'static str>,
    pub(crate) remote_apps: Vec<RemoteApp>,
    remote_keywords: Vec<(String, usize)>,
    pub(crate) brands: Vec<Brand>,
    skeletons: FastMap<String, usize>,
    /// Typo words by length.
    typo_by_len: Vec<TypoWords>,
    embedded: Option<AhoCorasick>,
    embedded_brand: Vec<usize>,
    /// Brand keywords and lure words, to split run-together tokens such as
    /// `ccbjf` or `jdkefu` (pattern i: `combo_kinds[i]`).
    combo: Option<AhoCorasick>,
    combo_kinds: Vec<ComboPart>,
    names: Option<AhoCorasick>,
    names_brand: Vec<usize>,
    /// The snapshot's link model as a dense table, built on first use
    /// (`heuristics::model`).
    pub(crate) model_table: std::sync::OnceLock<super::model_table::ModelTable>,
    /// What the check derived from the last hosts seen (`host_cache`).
    pub(crate) host_cache: super::host_cache::HostCache,
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

fn overlapping_automaton(words: &[String]) -> Result<Option<AhoCorasick>> {
    if words.is_empty() {
        return Ok(None);
    }
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
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
        let raw: RawRules = rules_json::from_str(json).map_err(|e| Error::rules("links", e))?;
        for w in REQUIRED_WEIGHTS {
            if !raw.weights.contains_key(*w) {
                return Err(Error::rules("links", format!("missing weight {w}")));
            }
        }
        let idn = IdnRules::compile(raw.idn).map_err(|e| Error::rules("links", e))?;
        let protected = Protected::from_bytes(PROTECTED_DOMAINS)
            .ok_or_else(|| Error::rules("links", "malformed protected_domains.bin"))?;
        let mut downloads = FastMap::default();
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

        let mut domains: FastMap<String, DomainFacts> = FastMap::default();
        let mut words: FastMap<String, WordFacts> = FastMap::default();
        let mut skeletons = FastMap::default();
        let mut typo_by_len: Vec<TypoWords> = Vec::new();
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
                let facts = domains.entry(d.clone()).or_default();
                facts.official.get_or_insert(i as u32);
            }
            for k in &b.keywords {
                words
                    .entry(k.clone())
                    .or_default()
                    .brand
                    .get_or_insert(i as u32);
                if k.len() >= 4 {
                    words
                        .entry(fold(k))
                        .or_default()
                        .folded_brand
                        .get_or_insert(i as u32);
                    skeletons.entry(skeleton_key(k)).or_insert(i);
                }
            }
            for k in &b.typo {
                let len = k.len();
                if typo_by_len.len() <= len {
                    typo_by_len.resize_with(len + 1, TypoWords::default);
                }
                typo_by_len[len].push(k, i);
                words
                    .entry(fold(k))
                    .or_default()
                    .folded_brand
                    .get_or_insert(i as u32);
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

        let mut remote_keywords = Vec::new();
        for (i, app) in raw.remote_apps.iter().enumerate() {
            for d in &app.domains {
                domains
                    .entry(d.to_lowercase())
                    .or_default()
                    .remote_app
                    .get_or_insert(i as u32);
            }
            for k in &app.keywords {
                remote_keywords.push((k.to_lowercase(), i));
            }
        }

        for d in lower_all(raw.shorteners) {
            domains.entry(d).or_default().shortener = true;
        }
        for d in lower_all(raw.user_content_hosts) {
            domains.entry(d).or_default().user_content = true;
        }
        for d in lower_all(raw.infrastructure_domains) {
            domains.entry(d).or_default().infrastructure = true;
        }
        for d in lower_all(raw.storage_hosts) {
            domains.entry(d).or_default().storage = true;
        }
        for d in lower_all(raw.site_platforms) {
            domains.entry(d).or_default().site_platform = true;
        }
        for d in lower_all(raw.tunnel_hosts) {
            domains.entry(d).or_default().tunnel = true;
        }

        let (lure_ascii, lure_other): (Vec<String>, Vec<String>) =
            lower_all(raw.lure_words).partition(|w| w.is_ascii());
        for w in lure_ascii {
            words.entry(w).or_default().lure = true;
        }
        for w in lower_all(raw.weak_lure_words) {
            words.entry(w).or_default().weak_lure = true;
        }
        for w in lower_all(raw.typo_exempt) {
            words.entry(w).or_default().exempt = true;
        }
        for w in lower_all(raw.brand_service_words) {
            words.entry(w).or_default().service = true;
        }
        let mut combo_words = Vec::new();
        let mut combo_kinds = Vec::new();
        for (w, facts) in &words {
            if w.len() < 2 || !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                continue;
            }
            if let Some(b) = facts.brand {
                combo_words.push(w.clone());
                combo_kinds.push(ComboPart::Brand(b as usize));
            } else if facts.lure || facts.weak_lure {
                combo_words.push(w.clone());
                combo_kinds.push(ComboPart::Lure);
            }
        }

        Ok(LinkRules {
            weights: raw.weights.into_iter().collect(),
            category_bonus: raw.category_bonus.into_iter().collect(),
            max_subdomain_depth: raw.max_subdomain_depth.max(1),
            shape: raw.shape,
            generated_tokens: raw
                .generated_tokens
                .into_iter()
                .map(|mut g| {
                    g.suffix.make_ascii_lowercase();
                    g.prefix.make_ascii_lowercase();
                    g
                })
                .collect(),
            software_words: lower_all(raw.software_words).collect(),
            asset_extensions: lower_all(raw.asset_extensions).collect(),
            kit_folders: lower_all(raw.kit_folders)
                .filter(|k| k.len() > 2 && k.starts_with('/') && k.ends_with('/'))
                .collect(),
            deploy_names: raw
                .deploy_names
                .into_iter()
                .filter(|d| !d.separator.is_empty())
                .map(|mut d| {
                    d.suffix.make_ascii_lowercase();
                    d.separator.make_ascii_lowercase();
                    d
                })
                .collect(),
            project_hosts: lower_all(raw.project_hosts).collect(),
            docs_hosts: lower_all(raw.docs_hosts).collect(),
            builder_hosts: lower_all(raw.builder_hosts).collect(),
            page_builders: lower_all(raw.page_builders).collect(),
            domain_tail_labels: lower_all(raw.domain_tail_labels).collect(),
            dressed_tails: lower_all(raw.dressed_tails).collect(),
            generic_host_labels: lower_all(raw.generic_host_labels).collect(),
            idn,
            protected,
            standard_ports: raw.standard_ports,
            risky_tlds: raw
                .risky_tlds
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
            domains,
            words,
            lure_unicode: automaton(&lure_other)?,
            downloads,
            remote_apps: raw.remote_apps,
            remote_keywords,
            skeletons,
            typo_by_len,
            embedded: automaton(&embedded_words)?,
            embedded_brand,
            combo: overlapping_automaton(&combo_words)?,
            combo_kinds,
            names: automaton(&name_words)?,
            names_brand,
            brands,
            model_table: std::sync::OnceLock::new(),
            host_cache: Default::default(),
        })
    }

    /// True when a hyphen-, underscore- or digit-separated token of
    /// `label` is a software word (`python-binance`, `stripe-mock-sdk2`).
    pub(crate) fn is_software_label(&self, label: &str) -> bool {
        !self.software_words.is_empty()
            && label
                .split(['-', '_'])
                .flat_map(|t| t.split(|c: char| c.is_ascii_digit()))
                .any(|t| !t.is_empty() && self.software_words.contains(t))
    }

    /// True when `ext` (any case) names an asset file: a script, a style
    /// sheet, an image, a font (`asset_extensions`).
    pub(crate) fn is_asset_ext(&self, ext: &str) -> bool {
        let mut buf = [0u8; 8];
        let Some(lower) = buf.get_mut(..ext.len()) else {
            return false;
        };
        lower.copy_from_slice(ext.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|e| self.asset_extensions.contains(e))
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

    /// Everything the domain lists say about `host` and its parent
    /// domains, in one walk.
    pub(crate) fn host_facts(&self, host: &str) -> HostFacts {
        let mut out = HostFacts::default();
        for s in suffixes(host) {
            if let Some(f) = self.domains.get(s) {
                if out.official.is_none() {
                    out.official = f.official.map(|b| b as usize);
                }
                if out.remote_app.is_none() {
                    out.remote_app = f.remote_app.map(|b| b as usize);
                }
                out.user_content |= f.user_content;
                out.infrastructure |= f.infrastructure;
                out.storage |= f.storage;
                if f.site_platform && s.len() < host.len() && out.site_platform.is_none() {
                    out.site_platform = Some(s.len());
                }
                out.shortener |= f.shortener;
                // The tunnel service's own domain is its home page.
                out.tunnel |= f.tunnel && s.len() < host.len();
            }
        }
        out
    }

    /// Official-domain match for a multi-label domain only (`gov.cn` yes,
    /// `gov` no): used to spot a brand's domain written inside another host.
    pub(crate) fn official_multi_label(&self, name: &str) -> Option<usize> {
        suffixes(name)
            .filter(|s| s.contains('.'))
            .find_map(|s| self.official_exact(s))
    }

    /// The brand whose official domain is exactly `name`.
    pub(crate) fn official_exact(&self, name: &str) -> Option<usize> {
        self.domains.get(name)?.official.map(|b| b as usize)
    }

    pub(crate) fn tld_weight(&self, tld: &str) -> i32 {
        self.risky_tlds.get(tld).copied().unwrap_or(0)
    }

    pub(crate) fn is_standard_port(&self, port: u16) -> bool {
        self.standard_ports.contains(&port)
    }

    /// What the rules know about an ASCII word (all `false`/`None` when
    /// nothing).
    pub(crate) fn word(&self, token: &str) -> WordFacts {
        self.words.get(token).copied().unwrap_or_default()
    }

    /// Lure words (non-ASCII, e.g. 客服) inside a Unicode label.
    pub(crate) fn unicode_lure<'a>(&self, label: &'a str) -> Option<&'a str> {
        let ac = self.lure_unicode.as_ref()?;
        ac.find(label).map(|m| &label[m.start()..m.end()])
    }

    pub(crate) fn download_code(&self, ext: &str) -> Option<&'static str> {
        self.downloads.get(ext).copied()
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
        self.word(token).brand.map(|b| b as usize)
    }

    /// A brand a look-alike spelling of `token` imitates (`paypa1`,
    /// `rnicrosoft`, `g00gle`). `facts` are the token's own; the caller has
    /// ruled out the token being a brand word or exempt.
    pub(crate) fn folded_brand(&self, token: &str, facts: WordFacts) -> Option<usize> {
        if token.len() < 4 {
            return None;
        }
        let mut buf = [0u8; 64];
        let key = fold_into(token, &mut buf)?;
        let folded = if key == token { facts } else { self.word(key) };
        folded.folded_brand.map(|b| b as usize)
    }

    /// A brand word one edit (insertion, deletion, substitution, adjacent
    /// swap) away from `token`. The caller has ruled out the token being a
    /// brand word or exempt.
    pub(crate) fn typo_brand(&self, token: &str) -> Option<usize> {
        let len = token.len();
        if len < 5 {
            return None;
        }
        let mask = letter_mask(token);
        for l in len - 1..=len + 1 {
            let Some(t) = self.typo_by_len.get(l) else {
                continue;
            };
            for (i, &word_mask) in t.masks.iter().enumerate() {
                // One edit changes at most two letters of the letter set:
                // at most two bits set once the lowest two are cleared.
                let x = mask ^ word_mask;
                let y = x & x.wrapping_sub(1);
                if y & y.wrapping_sub(1) != 0 {
                    continue;
                }
                let (word, brand) = &t.words[i];
                if &**word != token && within_one_edit(token.as_bytes(), word.as_bytes()) {
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

    /// A token made of a brand word and a lure word run together (`ccbjf`,
    /// `kefutaobao`): the brand, the brand word and the lure word.
    pub(crate) fn brand_lure_split<'t>(&self, token: &'t str) -> Option<(usize, &'t str, &'t str)> {
        let ac = self.combo.as_ref()?;
        let n = token.len();
        let mut heads: Vec<(ComboPart, usize)> = Vec::new();
        let mut tails: Vec<(ComboPart, usize)> = Vec::new();
        for m in ac.find_overlapping_iter(token) {
            let part = self.combo_kinds[m.pattern().as_usize()];
            if m.start() == 0 && m.end() < n {
                heads.push((part, m.end()));
            } else if m.end() == n && m.start() > 0 {
                tails.push((part, m.start()));
            }
        }
        for (part, end) in heads {
            for &(tail, start) in &tails {
                if start != end {
                    continue;
                }
                match (part, tail) {
                    (ComboPart::Brand(b), ComboPart::Lure) => {
                        return Some((b, &token[..end], &token[end..]))
                    }
                    (ComboPart::Lure, ComboPart::Brand(b)) => {
                        return Some((b, &token[end..], &token[..end]))
                    }
                    _ => {}
                }
            }
        }
        None
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
    // Byte scans: `.` is ASCII, so every index found is a char boundary.
    let start = host
        .bytes()
        .enumerate()
        .rev()
        .filter(|&(_, b)| b == b'.')
        .nth(MAX_SUFFIX_LABELS - 1)
        .map_or(0, |(i, _)| i + 1);
    let tail = &host[start..];
    std::iter::once(tail).chain(
        tail.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'.')
            .map(move |(i, _)| &tail[i + 1..]),
    )
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

/// [`fold`] into a stack buffer; `None` for tokens longer than the buffer
/// (no brand word is that long).
pub(crate) fn fold_into<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let bytes = s.as_bytes();
    if bytes.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = match bytes[i].to_ascii_lowercase() {
            b'0' => b'o',
            b'1' | b'i' | b'|' => b'l',
            b'3' => b'e',
            c => c,
        };
        let next = bytes.get(i + 1).map(u8::to_ascii_lowercase);
        let (out, step) = match (c, next) {
            (b'r', Some(b'n')) => (b'm', 2),
            (b'v', Some(b'v')) => (b'w', 2),
            _ => (c, 1),
        };
        buf[n] = out;
        n += 1;
        i += step;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Which of the letters a–z and digits (folded into 32 bits) occur in `s`.
/// The typo words of one length, in the data's order: their letter masks
/// side by side (the scan over them is a tight loop), and the words with
/// their brands.
#[derive(Debug, Default)]
struct TypoWords {
    masks: Vec<u32>,
    words: Vec<(Box<str>, usize)>,
}

impl TypoWords {
    fn push(&mut self, word: &str, brand: usize) {
        self.masks.push(letter_mask(word));
        self.words.push((word.into(), brand));
    }
}

fn letter_mask(s: &str) -> u32 {
    s.bytes().fold(0u32, |m, b| m | 1 << (u32::from(b) % 32))
}

/// The comparison key of a label under TR39 confusables: its skeleton,
/// lower-cased, then [`fold`]ed.
pub(crate) fn skeleton_key(label: &str) -> String {
    // Diacritics off first, as a reader skims them (`mícrosoft`,
    // `pâypal`): the TR39 skeleton keeps combining marks.
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let bare: String = label.nfd().filter(|c| !is_combining_mark(*c)).collect();
    let skel: String = super::spoof::tr39_skeleton(&bare).collect();
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

#[cfg(test)]
mod read_tests {
    use super::*;
    use crate::rules_json::derive_check::{both_refuse, read_alike, same_as_derive};

    /// The hand-written reader loads what serde's derive loads, and refuses
    /// what it refuses.
    #[test]
    fn reads_as_the_serde_derive_does() {
        let embedded: &str = super::super::EMBEDDED;
        let good = same_as_derive::<RawRules>(embedded);
        both_refuse::<RawRules>(
            &good,
            &[
                ("/max_subdomain_depth", Value::Null),
                ("/shape/combo_min_risk", 1.5.into()),
                ("/standard_ports/0", 70000.into()),
                ("/brands/0/domains", "x".into()),
                ("/idn/whole_script/0/lookalikes", 3.into()),
                ("/remote_apps/0/site_is_signal", "yes".into()),
            ],
        );
        // Optional fields left out: both take the defaults.
        let mut v = good.clone();
        let o = v.as_object_mut().unwrap();
        for k in ["shape", "idn", "category_bonus", "typo_exempt"] {
            o.remove(k);
        }
        read_alike::<RawRules>(&v);
    }
}
