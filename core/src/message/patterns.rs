//! The pattern set: keyword groups (one Aho–Corasick automaton), regex
//! groups (each regex compiled with size limits), extraction regexes,
//! and the rules that turn matched groups and facts into weighted,
//! typed reasons. All of it is data (`data/patterns.json`), replaceable by a
//! feed; compiling refuses anything malformed instead of panicking later.
//!
//! Regexes run one by one rather than as one `RegexSet`: measured on this
//! set, the combined automaton outgrew its lazy-DFA cache and fell back to
//! the PikeVM (two thirds of the check's time). Each regex is gated instead:
//! the literals every match must start with (extracted from the regex at
//! compile time) are found over the regex window, with the literals every
//! match must end with, by the keywords' automaton (one pass over the text
//! finds both: the triggers are its patterns after the keywords); a regex
//! is only tried, anchored,
//! where one of its prefixes occurred, when one of its suffixes occurred
//! too, until its group matched. Regexes with no usable prefixes scan the
//! window (when their suffixes occurred).
//!
//! A *feature* is anything a rule can test: a group (matched in the body), a
//! group matched inside the message's signature (`sig.<group>`), or a fact
//! the check establishes (`link`, `phone_untrusted`, `sender_mobile`, …, see
//! [`FACTS`]). A rule fires when every term of `all` holds (a term is one
//! feature or alternatives `a|b|c`) and no feature of `none` does.

use super::normalize::{compact_with, Normalized, SymbolWords};
use crate::error::{Error, Result};
use crate::fasthash::FastMap;
use crate::rules_json::{self, Fields, FromJson, Read, ReadError};
use crate::verdict::FraudType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_syntax::hir::literal::{ExtractKind, Extractor as LiteralExtractor};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// Compiled size limit of each regex (bytes).
const REGEX_SIZE_LIMIT: usize = 2 << 20;
/// Lazy-DFA cache limit of each regex (bytes).
const REGEX_DFA_LIMIT: usize = 4 << 20;
/// Caps on what a (feed-supplied) pattern set may hold.
const MAX_KEYWORDS: usize = 200_000;
const MAX_REGEXES: usize = 2_000;
const MAX_RULES: usize = 10_000;
/// Most prefix literals a regex may be gated on; with more it always runs.
const MAX_TRIGGERS: usize = 64;
/// Anchored regex attempts per message; past this the remaining gated
/// regexes scan the text once each instead (bounded either way).
const MAX_ANCHORED_TRIES: usize = 256;
/// Longest phrase quoted as evidence, in characters.
const MAX_EVIDENCE_CHARS: usize = 24;

/// Facts the check establishes, usable as rule features.
pub const FACTS: &[&str] = &[
    // Links: any; one not known to be safe (no verdict, or not trusted); one
    // the link check calls suspicious / dangerous; a direct APK download.
    "link",
    "link_unverified",
    "link_suspicious",
    "link_dangerous",
    "link_apk",
    // Phone numbers: any; one that is not an official number; an official
    // one; a personal mobile line.
    "phone",
    "phone_untrusted",
    "phone_official",
    "mobile",
    // Other extracted items.
    "im_id",
    "bank_card",
    "code",
    "email",
    "many_links",
    // A keyword of an obfuscation group was written with characters inside.
    "obfuscated",
    // The sender: a personal mobile (or virtual-operator / IoT) number; an
    // official number; another service number (95xxx, 106…, 400…); a number
    // from abroad; an alphanumeric sender id; no sender given; a landline
    // or a number that fits no range.
    "sender_mobile",
    "sender_official",
    "sender_service",
    "sender_international",
    "sender_alpha",
    "sender_none",
    "sender_other",
];

/// Index of a feature in a [`Features`] table.
pub type FeatureId = u16;

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
#[cfg_attr(test, serde(untagged))]
enum RawGroup {
    Keywords(Vec<String>),
    Full {
        #[cfg_attr(test, serde(default))]
        keywords: Vec<String>,
        #[cfg_attr(test, serde(default))]
        regex: Vec<String>,
    },
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
struct RawRule {
    id: String,
    code: String,
    weight: i32,
    #[cfg_attr(test, serde(default, rename = "type"))]
    fraud_type: Option<String>,
    #[cfg_attr(test, serde(default))]
    vote: Option<i32>,
    all: Vec<String>,
    #[cfg_attr(test, serde(default))]
    none: Vec<String>,
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
struct RawExtractor {
    kind: String,
    #[cfg_attr(test, serde(default))]
    platform: Option<String>,
    regex: String,
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
struct RawPatterns {
    version: String,
    weights: HashMap<String, i32>,
    groups: BTreeMap<String, RawGroup>,
    rules: Vec<RawRule>,
    #[cfg_attr(test, serde(default))]
    obfuscation_groups: Vec<String>,
    extractors: Vec<RawExtractor>,
    #[cfg_attr(test, serde(default))]
    bare_domain_tlds: Vec<String>,
    /// Symbols read as words before matching (`"➕": "加"`).
    #[cfg_attr(test, serde(default))]
    symbol_words: BTreeMap<String, String>,
    /// Labels that name the digits after them as an id (`户号`, `order no`).
    #[cfg_attr(test, serde(default))]
    id_labels: Vec<String>,
    /// Words that say the digits after them are to be called (`致电`, `call`).
    #[cfg_attr(test, serde(default))]
    phone_labels: Vec<String>,
    /// How the message model combines with the rules (absent: the model
    /// never overrules a rule).
    #[cfg_attr(test, serde(default))]
    model: Option<super::combine::ModelCombination>,
}

impl FromJson for RawGroup {
    fn from_json(v: &Value) -> Read<RawGroup> {
        if v.is_array() {
            return Ok(RawGroup::Keywords(Vec::from_json(v)?));
        }
        let f = Fields::of(v)
            .map_err(|_| ReadError::new("expected a list of keywords or {keywords, regex}"))?;
        Ok(RawGroup::Full {
            keywords: f.opt("keywords")?,
            regex: f.opt("regex")?,
        })
    }
}

impl FromJson for RawRule {
    fn from_json(v: &Value) -> Read<RawRule> {
        let f = Fields::of(v)?;
        Ok(RawRule {
            id: f.req("id")?,
            code: f.req("code")?,
            weight: f.req("weight")?,
            fraud_type: f.opt("type")?,
            vote: f.opt("vote")?,
            all: f.req("all")?,
            none: f.opt("none")?,
        })
    }
}

impl FromJson for RawExtractor {
    fn from_json(v: &Value) -> Read<RawExtractor> {
        let f = Fields::of(v)?;
        Ok(RawExtractor {
            kind: f.req("kind")?,
            platform: f.opt("platform")?,
            regex: f.req("regex")?,
        })
    }
}

impl FromJson for super::combine::ModelCombination {
    fn from_json(v: &Value) -> Read<Self> {
        let f = Fields::only(
            v,
            &[
                "strong_codes",
                "weak_factor",
                "loose_codes",
                "precise_below",
                "sure_below",
                "overrule_below",
                "min_known",
                "suspicious_weight",
                "dangerous_weight",
                "type_confidence",
                "type_vote",
                "_comment",
            ],
        )?;
        Ok(super::combine::ModelCombination {
            strong_codes: f.req("strong_codes")?,
            weak_factor: f.req("weak_factor")?,
            loose_codes: f.opt("loose_codes")?,
            precise_below: f.opt("precise_below")?,
            sure_below: f.opt("sure_below")?,
            overrule_below: f.req("overrule_below")?,
            min_known: f.opt("min_known")?,
            suspicious_weight: f.req("suspicious_weight")?,
            dangerous_weight: f.req("dangerous_weight")?,
            type_confidence: f.req("type_confidence")?,
            type_vote: f.req("type_vote")?,
            comment: f.opt("_comment")?,
        })
    }
}

impl FromJson for RawPatterns {
    fn from_json(v: &Value) -> Read<RawPatterns> {
        let f = Fields::of(v)?;
        Ok(RawPatterns {
            version: f.req("version")?,
            weights: f.req("weights")?,
            groups: f.req("groups")?,
            rules: f.req("rules")?,
            obfuscation_groups: f.opt("obfuscation_groups")?,
            extractors: f.req("extractors")?,
            bare_domain_tlds: f.opt("bare_domain_tlds")?,
            symbol_words: f.opt("symbol_words")?,
            id_labels: f.opt("id_labels")?,
            phone_labels: f.opt("phone_labels")?,
            model: f.opt("model")?,
        })
    }
}

/// Weights the check applies itself (not through rules).
const REQUIRED_WEIGHTS: &[&str] = &[
    "message.dangerous_link",
    "message.suspicious_link",
    "message.dangerous_number",
    "message.suspicious_number",
    "message.dangerous_sender",
    "message.item_type_vote",
];

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub code: String,
    pub weight: i32,
    pub fraud_type: Option<FraudType>,
    /// How strongly a firing rule votes for `fraud_type` (default: `weight`).
    pub vote: i32,
    /// Every inner list must have one feature present.
    pub all: Vec<Vec<FeatureId>>,
    pub none: Vec<FeatureId>,
}

/// How an extraction regex's match becomes an item.
#[derive(Debug)]
pub struct Extractor {
    /// `im_id`, `verification_code`, …
    pub kind: String,
    /// Prefix for the value (`qq`, `wechat`): `qq:12345678`.
    pub platform: Option<String>,
    /// The value is capture group `id` (or the whole match).
    pub regex: Regex,
}

/// Evidence for one feature of one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Keyword number `n` of the automaton.
    Keyword(u32),
    /// A regex match: byte span in the compact text.
    Span(u32, u32),
    /// A fact (see [`FACTS`]); described by its name.
    Fact,
}

/// Which features a message has, with the first evidence of each.
///
/// Sparse: a message has a few of the set's hundreds of features, so the
/// table is a bit per feature (what `has` reads) and the evidence of those
/// present, in the order they were set. A dense table of one evidence slot
/// per feature was 4.4 KB allocated and filled per message, an allocation
/// large enough to make the allocator consolidate its small-chunk caches on
/// every check.
#[derive(Debug, Clone)]
pub struct Features {
    len: usize,
    present: Vec<u64>,
    hits: Vec<(FeatureId, Evidence)>,
}

impl Features {
    fn with_len(len: usize) -> Self {
        Features {
            len,
            present: vec![0; len.div_ceil(64)],
            hits: Vec::new(),
        }
    }

    pub fn get(&self, id: FeatureId) -> Option<Evidence> {
        if !self.has(id) {
            return None;
        }
        self.hits
            .iter()
            .find_map(|&(f, ev)| (f == id).then_some(ev))
    }

    pub fn has(&self, id: FeatureId) -> bool {
        let i = usize::from(id);
        self.present
            .get(i / 64)
            .is_some_and(|w| w & (1u64 << (i % 64)) != 0)
    }

    /// Records `ev` for `id` unless the feature already has evidence (the
    /// first one is kept) or `id` is not a feature of the set.
    pub fn set(&mut self, id: FeatureId, ev: Evidence) {
        let i = usize::from(id);
        if i >= self.len {
            return;
        }
        if let Some(w) = self.present.get_mut(i / 64) {
            let bit = 1u64 << (i % 64);
            if *w & bit == 0 {
                *w |= bit;
                self.hits.push((id, ev));
            }
        }
    }
}

/// The tables one message's match needs, kept per thread so a check does
/// not allocate and zero them anew (a third of the allocations of a short
/// message's check).
#[derive(Default)]
struct Scratch {
    /// `seen[k] == epoch`: keyword `k` was seen in this call (no clearing
    /// of the whole table per call).
    seen: Vec<u32>,
    epoch: u32,
    triggered: Vec<bool>,
    ends: Vec<bool>,
    starts: Vec<(u32, u32)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// `v` as `len` copies of `value`, reusing its allocation.
fn reset<T: Copy>(v: &mut Vec<T>, len: usize, value: T) -> &mut Vec<T> {
    v.clear();
    v.resize(len, value);
    v
}

/// The compiled message patterns of a snapshot.
#[derive(Debug)]
pub struct PatternSet {
    /// The patterns file's own version (`version` in `patterns.json`).
    pub version: String,
    weights: FastMap<String, i32>,
    /// Feature names: groups, then `sig.<group>` for each group, then facts.
    names: Vec<String>,
    ids: FastMap<String, FeatureId>,
    group_count: usize,
    keywords: Vec<String>,
    /// For each keyword: the groups it belongs to, and whether any of them
    /// is an obfuscation group.
    keyword_groups: Vec<(Vec<FeatureId>, bool)>,
    /// The keywords (patterns `0..keywords.len()`), then the regex
    /// triggers (prefix and suffix literals, pattern `keywords.len() + t`
    /// for trigger `t`; matches count only inside the regex window): one
    /// pass over a message finds both.
    automaton: Option<AhoCorasick>,
    regexes: Vec<(Regex, FeatureId)>,
    /// The same regexes anchored at the start (`\A(?:…)`), tried where a
    /// trigger occurred.
    anchored: Vec<Regex>,
    /// Groups used as `sig.<group>` by some rule: the only ones matched in
    /// signatures.
    sig_groups: Vec<bool>,
    /// For each trigger pattern: the regexes it may start (prefix) or end
    /// (suffix, flagged `true`).
    triggers: Vec<Vec<(u32, bool)>>,
    /// Regexes gated on suffix literals as well.
    has_suffix: Vec<bool>,
    /// Regexes with no usable prefix literals: always run.
    ungated: Vec<u32>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) extractors: Vec<Extractor>,
    /// Every extractor's regex in one set, in `extractors`' order: one pass
    /// over a message says which of them match at all (most match none).
    pub(crate) extractor_set: RegexSet,
    pub(crate) bare_domain_tlds: Vec<String>,
    pub(crate) symbol_words: SymbolWords,
    /// Id labels and call words of the number extraction (lower-case).
    pub(crate) id_labels: Vec<String>,
    pub(crate) phone_labels: Vec<String>,
    /// How the message model combines with these rules.
    pub model: super::combine::ModelCombination,
}

fn err(why: impl std::fmt::Display) -> Error {
    Error::rules("patterns", why)
}

impl PatternSet {
    /// Compiles a pattern set from its JSON form (`data/patterns.json`).
    ///
    /// Refuses unknown features or fraud types in rules, empty or oversized
    /// groups, regexes that do not compile within the size limits, weights
    /// outside −100..=100 and missing check weights.
    pub fn from_json(json: &str) -> Result<PatternSet> {
        let raw: RawPatterns = rules_json::from_str(json).map_err(err)?;
        for w in REQUIRED_WEIGHTS {
            if !raw.weights.contains_key(*w) {
                return Err(err(format!("missing weight {w}")));
            }
        }
        if raw.weights.values().any(|w| !(-100..=100).contains(w)) {
            return Err(err("weights must be within -100..=100"));
        }
        if raw.rules.len() > MAX_RULES {
            return Err(err("too many rules"));
        }

        // Feature names.
        let group_names: Vec<&String> = raw.groups.keys().collect();
        let mut names: Vec<String> = group_names.iter().map(|g| g.to_string()).collect();
        names.extend(group_names.iter().map(|g| format!("sig.{g}")));
        names.extend(FACTS.iter().map(|f| f.to_string()));
        if names.len() >= usize::from(FeatureId::MAX) {
            return Err(err("too many groups"));
        }
        let mut ids = FastMap::default();
        for (i, n) in names.iter().enumerate() {
            if ids.insert(n.clone(), i as FeatureId).is_some() {
                return Err(err(format!("group {n} shadows a fact")));
            }
        }
        let group_count = group_names.len();
        for g in &raw.obfuscation_groups {
            if !raw.groups.contains_key(g) {
                return Err(err(format!("unknown obfuscation group {g}")));
            }
        }

        let mut symbol_words = SymbolWords::default();
        for (sym, word) in &raw.symbol_words {
            let mut chars = sym.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return Err(err(format!("symbol_words: {sym} is not one character")));
            };
            if c.is_alphanumeric()
                || c.is_ascii()
                || word.is_empty()
                || !word.chars().all(char::is_alphanumeric)
            {
                return Err(err(format!("symbol_words: bad entry for {sym}")));
            }
            symbol_words.insert(c, word.to_lowercase());
        }

        // Keywords: normalized like message text, deduplicated, each mapped
        // to its groups.
        let mut keywords: Vec<String> = Vec::new();
        let mut keyword_index: HashMap<String, usize> = HashMap::new();
        let mut keyword_groups: Vec<(Vec<FeatureId>, bool)> = Vec::new();
        let mut regexes: Vec<(Regex, FeatureId)> = Vec::new();
        let mut anchored: Vec<Regex> = Vec::new();
        let mut regex_sources: Vec<&str> = Vec::new();
        for (gi, (name, group)) in raw.groups.iter().enumerate() {
            let gid = gi as FeatureId;
            let obfuscation = raw.obfuscation_groups.contains(name);
            let (kws, rxs): (&[String], &[String]) = match group {
                RawGroup::Keywords(k) => (k, &[]),
                RawGroup::Full { keywords, regex } => (keywords, regex),
            };
            if kws.is_empty() && rxs.is_empty() {
                return Err(err(format!("group {name} is empty")));
            }
            for kw in kws {
                let (norm, _) = compact_with(&super::normalize::clean(kw), &symbol_words);
                if norm.is_empty() {
                    return Err(err(format!(
                        "group {name} has a keyword that normalizes to nothing"
                    )));
                }
                let idx = *keyword_index.entry(norm.clone()).or_insert_with(|| {
                    keywords.push(norm);
                    keyword_groups.push((Vec::new(), false));
                    keywords.len() - 1
                });
                let entry = &mut keyword_groups[idx];
                if !entry.0.contains(&gid) {
                    entry.0.push(gid);
                }
                entry.1 |= obfuscation;
            }
            for rx in rxs {
                let compiled = RegexBuilder::new(rx)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .dfa_size_limit(REGEX_DFA_LIMIT)
                    .build()
                    .map_err(|e| err(format!("group {name}: {e}")))?;
                let anchored_rx = RegexBuilder::new(&format!("\\A(?:{rx})"))
                    .size_limit(REGEX_SIZE_LIMIT)
                    .dfa_size_limit(REGEX_DFA_LIMIT)
                    .build()
                    .map_err(|e| err(format!("group {name}: {e}")))?;
                regexes.push((compiled, gid));
                anchored.push(anchored_rx);
                regex_sources.push(rx.as_str());
            }
        }
        if keywords.len() > MAX_KEYWORDS {
            return Err(err("too many keywords"));
        }
        if regexes.len() > MAX_REGEXES {
            return Err(err("too many regexes"));
        }
        // Regex triggers: the prefix and suffix literals of each regex.
        let mut trigger_index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut trigger_patterns: Vec<Vec<u8>> = Vec::new();
        let mut triggers: Vec<Vec<(u32, bool)>> = Vec::new();
        let mut ungated: Vec<u32> = Vec::new();
        let mut has_suffix = vec![false; regex_sources.len()];
        for (i, src) in regex_sources.iter().enumerate() {
            let prefixes = literals(src, ExtractKind::Prefix);
            let suffixes = literals(src, ExtractKind::Suffix);
            if prefixes.is_none() {
                ungated.push(i as u32);
            }
            has_suffix[i] = suffixes.is_some();
            let tagged = prefixes
                .into_iter()
                .flatten()
                .map(|l| (l, false))
                .chain(suffixes.into_iter().flatten().map(|l| (l, true)));
            for (lit, suffix) in tagged {
                let t = *trigger_index.entry(lit.clone()).or_insert_with(|| {
                    trigger_patterns.push(lit);
                    triggers.push(Vec::new());
                    triggers.len() - 1
                });
                if !triggers[t].contains(&(i as u32, suffix)) {
                    triggers[t].push((i as u32, suffix));
                }
            }
        }
        let build = |patterns: &[&[u8]]| -> Result<Option<AhoCorasick>> {
            if patterns.is_empty() {
                return Ok(None);
            }
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .map(Some)
                .map_err(|e| err(format!("keywords: {e}")))
        };
        let automaton = build(
            &keywords
                .iter()
                .map(|k| k.as_bytes())
                .chain(trigger_patterns.iter().map(|t| t.as_slice()))
                .collect::<Vec<_>>(),
        )?;

        // Rules.
        let feature = |name: &str, rule: &str| -> Result<FeatureId> {
            ids.get(name)
                .copied()
                .ok_or_else(|| err(format!("rule {rule}: unknown feature {name}")))
        };
        let mut rules = Vec::with_capacity(raw.rules.len());
        for r in &raw.rules {
            if !(-100..=100).contains(&r.weight) {
                return Err(err(format!("rule {}: weight out of range", r.id)));
            }
            if !r.code.starts_with("message.") {
                return Err(err(format!("rule {}: code must start with message.", r.id)));
            }
            if r.all.is_empty() {
                return Err(err(format!("rule {} has no conditions", r.id)));
            }
            let fraud_type = match &r.fraud_type {
                Some(t) => Some(
                    FraudType::parse(t)
                        .ok_or_else(|| err(format!("rule {}: unknown type {t}", r.id)))?,
                ),
                None => None,
            };
            let mut all = Vec::with_capacity(r.all.len());
            for term in &r.all {
                let alts = term
                    .split('|')
                    .map(|f| feature(f.trim(), &r.id))
                    .collect::<Result<Vec<_>>>()?;
                all.push(alts);
            }
            let none = r
                .none
                .iter()
                .map(|f| feature(f, &r.id))
                .collect::<Result<Vec<_>>>()?;
            rules.push(Rule {
                id: r.id.clone(),
                code: r.code.clone(),
                weight: r.weight,
                fraud_type,
                vote: r.vote.unwrap_or(r.weight).max(0),
                all,
                none,
            });
        }

        let mut sig_groups = vec![false; group_count];
        for r in &rules {
            for f in r.all.iter().flatten().chain(r.none.iter()) {
                let f = usize::from(*f);
                if (group_count..2 * group_count).contains(&f) {
                    sig_groups[f - group_count] = true;
                }
            }
        }

        let mut extractors = Vec::with_capacity(raw.extractors.len());
        for x in &raw.extractors {
            let regex = RegexBuilder::new(&x.regex)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(REGEX_DFA_LIMIT)
                .build()
                .map_err(|e| err(format!("extractor {}: {e}", x.kind)))?;
            extractors.push(Extractor {
                kind: x.kind.clone(),
                platform: x.platform.clone(),
                regex,
            });
        }
        // Each regex is held to the limits above: the set of them gets the
        // sum, so that any extractors valid one by one also form a set.
        let extractor_set = RegexSetBuilder::new(raw.extractors.iter().map(|x| &x.regex))
            .size_limit(REGEX_SIZE_LIMIT.saturating_mul(raw.extractors.len() + 1))
            .dfa_size_limit(REGEX_DFA_LIMIT)
            .build()
            .map_err(|e| err(format!("extractors: {e}")))?;

        let model = raw.model.unwrap_or_default();
        model.validate().map_err(err)?;
        Ok(PatternSet {
            version: raw.version,
            weights: raw.weights.into_iter().collect(),
            names,
            ids,
            group_count,
            keywords,
            keyword_groups,
            automaton,
            regexes,
            anchored,
            sig_groups,
            triggers,
            has_suffix,
            ungated,
            rules,
            extractors,
            extractor_set,
            bare_domain_tlds: raw
                .bare_domain_tlds
                .iter()
                .map(|t| t.to_ascii_lowercase())
                .collect(),
            symbol_words,
            id_labels: raw.id_labels.iter().map(|w| w.to_lowercase()).collect(),
            phone_labels: raw.phone_labels.iter().map(|w| w.to_lowercase()).collect(),
            model,
        })
    }

    /// A weight the check applies itself; 0 when absent.
    pub fn weight(&self, code: &str) -> i32 {
        self.weights.get(code).copied().unwrap_or(0)
    }

    /// The id of a feature by name.
    pub fn feature(&self, name: &str) -> Option<FeatureId> {
        self.ids.get(name).copied()
    }

    pub(crate) fn feature_name(&self, id: FeatureId) -> &str {
        self.names
            .get(usize::from(id))
            .map(String::as_str)
            .unwrap_or("?")
    }

    /// An empty feature table.
    pub fn features(&self) -> Features {
        Features::with_len(self.names.len())
    }

    /// Matches keyword and regex groups over the compact text. Returns
    /// whether a keyword of an obfuscation group was written with
    /// characters inserted into it.
    pub fn match_body(
        &self,
        text: &Normalized,
        regex_limit: usize,
        features: &mut Features,
    ) -> bool {
        // The per-message tables, reused from the last message on this
        // thread (a fresh set if it is busy, which never happens today).
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut s) => self.match_body_with(text, regex_limit, features, &mut s),
            Err(_) => self.match_body_with(text, regex_limit, features, &mut Scratch::default()),
        })
    }

    fn match_body_with(
        &self,
        text: &Normalized,
        regex_limit: usize,
        features: &mut Features,
        scratch: &mut Scratch,
    ) -> bool {
        let hay = text.compact.as_str();
        let regex_hay = &hay[..floor_char_boundary(hay, regex_limit)];
        let mut obfuscated = false;
        // (regex, position) where a gated regex may match, in text order.
        let starts = &mut scratch.starts;
        starts.clear();
        // A gated regex saw a trigger (used when the tries ran out).
        let triggered = reset(&mut scratch.triggered, self.regexes.len(), false);
        // A suffix of the regex occurred (or it has none to wait for).
        let ends = &mut scratch.ends;
        ends.clear();
        ends.extend(self.has_suffix.iter().map(|h| !h));
        let mut overflow = false;
        if let Some(ac) = &self.automaton {
            // A keyword seen once needs no second look (except to learn
            // whether an obfuscation keyword was written with separators).
            scratch.epoch = scratch.epoch.wrapping_add(1);
            if scratch.epoch == 0 {
                scratch.seen.iter_mut().for_each(|s| *s = 0);
                scratch.epoch = 1;
            }
            if scratch.seen.len() < self.keywords.len() {
                scratch.seen.resize(self.keywords.len(), 0);
            }
            let epoch = scratch.epoch;
            let seen = &mut scratch.seen;
            let keyword_count = self.keyword_groups.len();
            for m in ac.find_overlapping_iter(hay) {
                let k = m.pattern().as_usize();
                if k >= keyword_count {
                    // A regex trigger: counts inside the regex window only.
                    if m.end() > regex_hay.len() {
                        continue;
                    }
                    for &(r, suffix) in &self.triggers[k - keyword_count] {
                        if suffix {
                            ends[r as usize] = true;
                        } else if starts.len() < MAX_ANCHORED_TRIES {
                            triggered[r as usize] = true;
                            starts.push((r, m.start() as u32));
                        } else {
                            triggered[r as usize] = true;
                            overflow = true;
                        }
                    }
                    continue;
                }
                let (groups, obf) = &self.keyword_groups[k];
                // Seen, and no fold check pending for it.
                let was_seen = seen[k] == epoch;
                if was_seen && (!*obf || obfuscated) {
                    continue;
                }
                if !at_word_edges(hay, m.start(), m.end()) {
                    continue;
                }
                if !was_seen {
                    seen[k] = epoch;
                    for &g in groups {
                        features.set(g, Evidence::Keyword(k as u32));
                    }
                }
                if *obf && !obfuscated && text.folded_inside(m.start(), m.end()) {
                    obfuscated = true;
                }
            }
        }
        // Anchored tries where a trigger occurred.
        for &(r, at) in starts.iter() {
            let (_, g) = &self.regexes[r as usize];
            if !ends[r as usize] || features.has(*g) {
                continue;
            }
            let at = at as usize;
            if let Some(m) = self.anchored[r as usize].find(&regex_hay[at..]) {
                features.set(
                    *g,
                    Evidence::Span((at + m.start()) as u32, (at + m.end()) as u32),
                );
            }
        }
        // Regexes without triggers scan; so do gated ones when tries ran out.
        if overflow {
            for &r in &self.ungated {
                triggered[r as usize] = true;
            }
        } else {
            triggered.iter_mut().for_each(|t| *t = false);
            for &r in &self.ungated {
                triggered[r as usize] = true;
            }
        }
        for (((rx, g), &scan), &end) in self.regexes.iter().zip(triggered.iter()).zip(ends.iter()) {
            if !scan || !end || features.has(*g) {
                continue;
            }
            if let Some(m) = rx.find(regex_hay) {
                features.set(*g, Evidence::Span(m.start() as u32, m.end() as u32));
            }
        }
        obfuscated
    }

    /// Matches keyword groups inside a signature (`【…】`): sets `sig.<group>`.
    pub fn match_signature(&self, signature: &str, features: &mut Features) {
        let norm = Normalized::with_symbols(signature, &self.symbol_words);
        let hay = norm.compact.as_str();
        let offset = self.group_count as FeatureId;
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(hay) {
                let k = m.pattern().as_usize();
                // Regex triggers (patterns after the keywords) are not keywords.
                if k >= self.keyword_groups.len() || !at_word_edges(hay, m.start(), m.end()) {
                    continue;
                }
                for &g in &self.keyword_groups[k].0 {
                    if self.sig_groups[usize::from(g)] {
                        features.set(g + offset, Evidence::Keyword(k as u32));
                    }
                }
            }
        }
        for (rx, g) in &self.regexes {
            if self.sig_groups[usize::from(*g)] && !features.has(g + offset) && rx.is_match(hay) {
                features.set(g + offset, Evidence::Fact);
            }
        }
    }

    /// The phrase behind a piece of evidence, for a reason's detail.
    pub fn evidence_text(&self, ev: Evidence, compact: &str, feature: FeatureId) -> String {
        let mut out = String::new();
        self.write_evidence(ev, compact, feature, &mut out);
        out
    }

    /// [`PatternSet::evidence_text`], appended to `out` (one buffer for a
    /// whole reason detail).
    pub(crate) fn write_evidence(
        &self,
        ev: Evidence,
        compact: &str,
        feature: FeatureId,
        out: &mut String,
    ) {
        let phrase: &str = match ev {
            Evidence::Keyword(k) => self.keywords.get(k as usize).map_or("", String::as_str),
            Evidence::Span(s, e) => compact.get(s as usize..e as usize).unwrap_or_default(),
            Evidence::Fact => {
                out.push_str(self.feature_name(feature));
                return;
            }
        };
        let end = phrase
            .char_indices()
            .nth(MAX_EVIDENCE_CHARS)
            .map_or(phrase.len(), |(i, _)| i);
        out.reserve(end + 5);
        out.push('"');
        out.push_str(&phrase[..end]);
        if end < phrase.len() {
            out.push('…');
        }
        out.push('"');
    }
}

/// The literals every match of `pattern` starts (`Prefix`) or ends
/// (`Suffix`) with, or `None` when there are none usable (too many, an empty
/// one, or an unbounded class).
fn literals(pattern: &str, kind: ExtractKind) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let mut ex = LiteralExtractor::new();
    ex.kind(kind)
        .limit_class(16)
        .limit_total(MAX_TRIGGERS)
        .limit_literal_len(9);
    let seq = ex.extract(&hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.len() > MAX_TRIGGERS || lits.iter().any(|l| l.as_bytes().is_empty())
    {
        return None;
    }
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// The largest char boundary ≤ `i`.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A keyword whose first or last character is an ASCII letter (digit) must
/// not continue a word of letters (digits): `vx` does not match in `lvxing`,
/// `95588` not in `9558812`, but `qq` matches in `qq12345`.
fn at_word_edges(hay: &str, start: usize, end: usize) -> bool {
    let bytes = hay.as_bytes();
    let class = |b: u8| -> u8 {
        if b.is_ascii_alphabetic() {
            1
        } else if b.is_ascii_digit() {
            2
        } else {
            0
        }
    };
    let first = class(bytes[start]);
    if first != 0 && start > 0 && class(bytes[start - 1]) == first {
        return false;
    }
    let last = class(bytes[end - 1]);
    if last != 0 && end < bytes.len() && class(bytes[end]) == last {
        return false;
    }
    true
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
        let good = same_as_derive::<RawPatterns>(embedded);
        assert!(good["groups"]
            .as_object()
            .unwrap()
            .values()
            .any(Value::is_array));
        assert!(good["groups"]
            .as_object()
            .unwrap()
            .values()
            .any(Value::is_object));
        both_refuse::<RawPatterns>(
            &good,
            &[
                ("/rules/0/weight", 1.5.into()),
                ("/rules/0/all", Value::Null),
                ("/extractors/0/regex", 1.into()),
                ("/model/type_vote", "x".into()),
                ("/version", Value::Null),
            ],
        );
        let mut v = good.clone();
        v["model"]["surprise"] = 1.into();
        assert!(rules_json::from_str::<RawPatterns>(&v.to_string()).is_err());
        let mut v = good.clone();
        let o = v.as_object_mut().unwrap();
        for k in ["model", "symbol_words", "bare_domain_tlds"] {
            o.remove(k);
        }
        read_alike::<RawPatterns>(&v);
    }
}
