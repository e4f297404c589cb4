//! Hashed n-gram featurizers.

use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Longest input featurized, in bytes; the rest is ignored.
pub const MAX_FEATURE_BYTES: usize = 16 << 10;

/// Which featurizer a model reads (stored in the file: a link model is
/// refused where a message model is expected).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeatureKind {
    /// Message text: CJK character 1–3-grams and Latin word 1–2-grams on
    /// NFKC-folded, lowercased text with digits collapsed to `0`.
    Message,
    /// URLs: host character 2–5-grams, host labels, the last two labels,
    /// and path character 3-grams.
    Link,
}

impl FeatureKind {
    pub(crate) fn code(self) -> u8 {
        match self {
            FeatureKind::Message => 1,
            FeatureKind::Link => 2,
        }
    }

    pub(crate) fn from_code(c: u8) -> Option<FeatureKind> {
        match c {
            1 => Some(FeatureKind::Message),
            2 => Some(FeatureKind::Link),
            _ => None,
        }
    }

    /// `message` or `link`.
    pub fn as_str(self) -> &'static str {
        match self {
            FeatureKind::Message => "message",
            FeatureKind::Link => "link",
        }
    }

    /// Parses `message` / `link`.
    pub fn parse(s: &str) -> Option<FeatureKind> {
        match s {
            "message" => Some(FeatureKind::Message),
            "link" => Some(FeatureKind::Link),
            _ => None,
        }
    }
}

/// One hashed feature of an input, with the n-gram it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Bucket in `0..1 << bits`.
    pub bucket: u32,
    /// Value (presence, scaled by `1/sqrt(number of features)`).
    pub value: f32,
    /// The n-gram text (for explanations).
    pub text: String,
}

/// Normalizes like the message check: NFKC (full-width → half-width),
/// lowercase, every digit → `0`.
fn normalize(text: &str) -> String {
    let mut end = text.len().min(MAX_FEATURE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end]
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_numeric() { '0' } else { c })
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// The features of `text` for a model of `kind` with `1 << bits` buckets,
/// deduplicated by n-gram, in a deterministic order.
pub fn featurize(kind: FeatureKind, text: &str, bits: u8) -> Vec<Feature> {
    let norm = normalize(text);
    let mut grams: Vec<String> = Vec::new();
    match kind {
        FeatureKind::Message => message_grams(&norm, &mut grams),
        FeatureKind::Link => link_grams(&norm, &mut grams),
    }
    grams.sort();
    grams.dedup();
    let value = 1.0 / (grams.len().max(1) as f32).sqrt();
    let mask = (1u64 << bits.min(24)) - 1;
    let seed = u64::from(kind.code());
    grams
        .into_iter()
        .map(|g| Feature {
            bucket: (xxh3_64_with_seed(g.as_bytes(), seed) & mask) as u32,
            value,
            text: g,
        })
        .collect()
}

fn message_grams(norm: &str, out: &mut Vec<String>) {
    // CJK runs: character 1–3-grams.
    let chars: Vec<char> = norm.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_cjk(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_cjk(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        for n in 1..=3 {
            for w in run.windows(n) {
                out.push(w.iter().collect());
            }
        }
    }
    // Latin / digit words: 1–2-grams (digits are already `0`).
    let words: Vec<&str> = norm
        .split(|c: char| !c.is_alphanumeric() || is_cjk(c))
        .filter(|w| !w.is_empty())
        .collect();
    for w in &words {
        out.push(format!("w:{w}"));
    }
    for p in words.windows(2) {
        out.push(format!("w:{} {}", p[0], p[1]));
    }
}

fn link_grams(norm: &str, out: &mut Vec<String>) {
    let s = norm.trim();
    let s = s.split_once("://").map(|(_, r)| r).unwrap_or(s);
    let (host, path) = match s.find(['/', '?', '#']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let marked: Vec<char> = format!("^{host}$").chars().collect();
    for n in 2..=5 {
        for w in marked.windows(n) {
            out.push(format!("h:{}", w.iter().collect::<String>()));
        }
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    for l in &labels {
        out.push(format!("l:{l}"));
    }
    if let Some(tld) = labels.last() {
        out.push(format!("tld:{tld}"));
    }
    if labels.len() >= 2 {
        out.push(format!(
            "d:{}.{}",
            labels[labels.len() - 2],
            labels[labels.len() - 1]
        ));
    }
    out.push(format!("depth:{}", labels.len().min(6)));
    let pchars: Vec<char> = path.chars().take(256).collect();
    for w in pchars.windows(3) {
        out.push(format!("p:{}", w.iter().collect::<String>()));
    }
}

/// The buckets of [`featurize`] for a link, without the n-gram texts: the
/// same grams hashed straight from one reusable buffer, deduplicated by
/// hash. `out` is cleared first. Used on the link check's hot path; the
/// texts are only needed to explain a score.
pub(crate) fn link_buckets(text: &str, bits: u8, out: &mut Vec<u32>) {
    out.clear();
    let norm = normalize(text);
    let s = norm.trim();
    let s = s.split_once("://").map(|(_, r)| r).unwrap_or(s);
    let (host, path) = match s.find(['/', '?', '#']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let seed = u64::from(FeatureKind::Link.code());
    let mut hashes: Vec<u64> = Vec::with_capacity(4 * host.len() + 64);
    let mut g = String::with_capacity(64);
    let mut hash = |g: &str| hashes.push(xxh3_64_with_seed(g.as_bytes(), seed));
    let marked: Vec<char> = std::iter::once('^')
        .chain(host.chars())
        .chain(std::iter::once('$'))
        .collect();
    for n in 2..=5 {
        for w in marked.windows(n) {
            g.clear();
            g.push_str("h:");
            g.extend(w);
            hash(&g);
        }
    }
    let mut labels = 0usize;
    let mut last: Option<&str> = None;
    let mut prev: Option<&str> = None;
    for l in host.split('.').filter(|l| !l.is_empty()) {
        g.clear();
        g.push_str("l:");
        g.push_str(l);
        hash(&g);
        labels += 1;
        prev = last;
        last = Some(l);
    }
    if let Some(tld) = last {
        g.clear();
        g.push_str("tld:");
        g.push_str(tld);
        hash(&g);
        if let Some(p) = prev {
            g.clear();
            g.push_str("d:");
            g.push_str(p);
            g.push('.');
            g.push_str(tld);
            hash(&g);
        }
    }
    g.clear();
    g.push_str("depth:");
    g.push_str(&labels.min(6).to_string());
    hash(&g);
    let pchars: Vec<char> = path.chars().take(256).collect();
    for w in pchars.windows(3) {
        g.clear();
        g.push_str("p:");
        g.extend(w);
        hash(&g);
    }
    hashes.sort_unstable();
    hashes.dedup();
    let mask = (1u64 << bits.min(24)) - 1;
    out.extend(hashes.iter().map(|h| (h & mask) as u32));
}
