//! Hashed n-gram featurizers.

use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
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
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::new();
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into a reused buffer (cleared first).
fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    let mut end = text.len().min(MAX_FEATURE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    // CJK ideographs are neither numeric nor cased: skip those lookups.
    let fold = |c: char| -> char {
        if is_cjk(c) {
            c
        } else if c.is_numeric() {
            '0'
        } else {
            c
        }
    };
    // Most text is already in NFKC: then only case and digits change
    // (the same characters as through `nfkc()`, without its buffering).
    if nfkc_quick(text) == IsNormalized::Yes {
        for c in text.chars() {
            if c.is_ascii() {
                out.push(if c.is_ascii_digit() {
                    '0'
                } else {
                    c.to_ascii_lowercase()
                });
            } else if is_cjk(c) {
                out.push(c);
            } else {
                out.extend(c.to_lowercase().map(fold));
            }
        }
    } else {
        out.extend(text.nfkc().flat_map(char::to_lowercase).map(fold));
    }
}

/// `is_nfkc_quick(text.chars())`, with the characters most text is made
/// of (ASCII, CJK unified ideographs, common CJK punctuation) answered
/// without the Unicode tables. Each of them is a starter (combining class
/// 0) whose NFKC quick-check value is `Yes`, so the quick check's state
/// after one of them is its initial state: the table lookup starts at the
/// first other character, on the rest of the text, with the same answer.
fn nfkc_quick(text: &str) -> IsNormalized {
    match text.char_indices().find(|&(_, c)| !nfkc_stable(c)) {
        None => IsNormalized::Yes,
        Some((i, _)) => is_nfkc_quick(text[i..].chars()),
    }
}

/// Characters known to be NFKC starters with quick-check `Yes` (the unit
/// test checks every one against the Unicode tables).
fn nfkc_stable(c: char) -> bool {
    matches!(
        c as u32,
        0..=0x7F
            | 0x3001..=0x3002
            | 0x3008..=0x3011
            | 0x3014..=0x301B
            | 0x2013..=0x2014
            | 0x2018..=0x2019
            | 0x201C..=0x201D
            | 0x00A5
            | 0x00B7
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0x20000..=0x2A6DF
    )
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// The features of `text` for a model of `kind` with `1 << bits` buckets,
/// deduplicated by n-gram, in a deterministic order.
pub fn featurize(kind: FeatureKind, text: &str, bits: u8) -> Vec<Feature> {
    let text = model_text(kind, text);
    let norm = normalize(&text);
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
    let (host, path) = split_link(norm);
    each_link_gram(host, path, &mut LinkGramBuf::default(), |g| {
        out.push(String::from_utf8_lossy(g).into_owned())
    });
}

/// The text a model of `kind` reads: a link's host with its punycode
/// labels decoded ([`link_unicode_host`]), anything else as given.
fn model_text(kind: FeatureKind, text: &str) -> Cow<'_, str> {
    match kind {
        FeatureKind::Link => link_unicode_host(text),
        FeatureKind::Message => Cow::Borrowed(text),
    }
}

/// Whether `host` has a punycode label (`xn--…`, any case).
pub(crate) fn has_punycode_label(host: &[u8]) -> bool {
    host.split(|&c| c == b'.')
        .any(|l| l.len() > 4 && l[..4].eq_ignore_ascii_case(b"xn--"))
}

/// `text` (a link) with its host's punycode labels decoded, so the link
/// model reads a host the same whether it was written in Unicode or as the
/// punycode of its canonical form: `http://xn--0zwm56d.com/` reads as
/// `http://测试.com/`. Before, the punycode spelling of ordinary
/// Chinese, Cyrillic or accented names read as phishing (the `xn--` grams
/// of spoofed crypto hosts in the training data) while the same names
/// written in Unicode did not; the spoof checks, not the model, judge
/// which letters a name is written in. A host that does not decode
/// cleanly is read as given.
pub(crate) fn link_unicode_host(text: &str) -> Cow<'_, str> {
    let (host, _) = split_link(text);
    if !has_punycode_label(host.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let (uni, result) = idna::domain_to_unicode(host);
    if result.is_err() {
        return Cow::Borrowed(text);
    }
    // `host` is a slice of `text`.
    let start = host.as_ptr() as usize - text.as_ptr() as usize;
    let mut out = String::with_capacity(text.len() + uni.len());
    out.push_str(&text[..start]);
    out.push_str(&uni);
    out.push_str(&text[start + host.len()..]);
    Cow::Owned(out)
}

/// Characters of a link's path the model reads.
pub(crate) const LINK_PATH_CHARS: usize = 256;

/// A normalized link's host and path as the model reads them: trimmed,
/// after any `scheme://`, the host cut at the first `/`, `?` or `#`,
/// without user info (`…@`) or port (`:…`).
pub(crate) fn split_link(norm: &str) -> (&str, &str) {
    let s = norm.trim();
    let s = s.split_once("://").map(|(_, r)| r).unwrap_or(s);
    let (host, path) = match s.find(['/', '?', '#']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    (host, path)
}

/// Buffers of [`each_link_gram`], reused from one link to the next.
#[derive(Debug, Default)]
pub(crate) struct LinkGramBuf {
    /// `^host$`, the path's first [`LINK_PATH_CHARS`] characters, then
    /// zeros (a gram of up to 5 ASCII bytes is copied with a fixed-size
    /// copy).
    text: Vec<u8>,
    /// A label gram (`l:`, `tld:`, `d:`, `depth:`) being written.
    gram: Vec<u8>,
}

/// Every n-gram of the model's link features, each as its full text
/// (`h:^ab`, `l:example`, `tld:com`, `d:example.com`, `depth:2`, `p:/ab`):
/// host character 2–5-grams between `^` and `$`, labels, TLD, last two
/// labels, label count, path character 3-grams. `host` and `path` come
/// from [`split_link`] on a normalized link. The one implementation behind
/// the model's featurization, its scoring, and the link check's fast path
/// (`link::heuristics::model`); `f` sees each gram's bytes (valid UTF-8).
pub(crate) fn each_link_gram(host: &str, path: &str, b: &mut LinkGramBuf, f: impl FnMut(&[u8])) {
    // At most LINK_PATH_CHARS bytes hold at most that many characters.
    let path = match path.len() > LINK_PATH_CHARS {
        true => match path.char_indices().nth(LINK_PATH_CHARS) {
            Some((i, _)) => &path[..i],
            None => path,
        },
        false => path,
    };
    let text = &mut b.text;
    text.clear();
    text.push(b'^');
    text.extend_from_slice(host.as_bytes());
    text.push(b'$');
    text.extend_from_slice(path.as_bytes());
    text.extend_from_slice(&[0; 8]);
    each_link_gram_marked(&b.text, host.len() + 2, path.len(), &mut b.gram, f);
}

/// [`each_link_gram`] on a link already written out: `text` holds `^host$`
/// (`marked` bytes), the path's first [`LINK_PATH_CHARS`] characters
/// (`path` bytes), then at least 8 bytes of padding; `gram` is a buffer
/// for long label grams.
pub(crate) fn each_link_gram_marked(
    text: &[u8],
    marked: usize,
    path: usize,
    gram: &mut Vec<u8>,
    f: impl FnMut(&[u8]),
) {
    each_link_gram_of(text, marked, path, LinkGrams::All, gram, f);
}

/// Which of a link's grams [`each_link_gram_of`] enumerates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkGrams {
    All,
    /// Those of the host alone (`h:`, `l:`, `tld:`, `d:`, `depth:`).
    Host,
    /// Those of the path alone (`p:`).
    Path,
    /// The host's label grams alone (`l:`, `tld:`, `d:`, `depth:`): the
    /// link check's fast path hashes the character grams itself.
    Labels,
}

impl LinkGrams {
    /// Whether the selection has the host's character grams, the path's
    /// character grams, the host's label grams.
    pub(crate) fn parts(self) -> (bool, bool, bool) {
        match self {
            LinkGrams::All => (true, true, true),
            LinkGrams::Host => (true, false, true),
            LinkGrams::Path => (false, true, false),
            LinkGrams::Labels => (false, false, true),
        }
    }
}

/// [`each_link_gram_marked`], limited to `which` grams: the host's and the
/// path's together are all of them (the link check keeps the host's per
/// host).
pub(crate) fn each_link_gram_of(
    text: &[u8],
    marked: usize,
    path: usize,
    which: LinkGrams,
    gram: &mut Vec<u8>,
    mut f: impl FnMut(&[u8]),
) {
    let host_ascii = text[..marked].is_ascii();
    let path_ascii = text[marked..marked + path].is_ascii();
    let (host_grams, path_grams, labels) = which.parts();
    // Host 2–5-grams and path 3-grams, most of a link's grams. ASCII (nearly
    // every link: the host is punycode): a fixed 5-byte copy after the
    // prefix, then the gram's own length hashed.
    let mut small = [0u8; 24];
    small[..2].copy_from_slice(b"h:");
    if host_grams && host_ascii {
        for n in 2..=5 {
            for i in 0..(marked + 1).saturating_sub(n) {
                small[2..7].copy_from_slice(&text[i..i + 5]);
                f(&small[..2 + n]);
            }
        }
    } else if host_grams {
        char_windows(&text[..marked], &[2, 3, 4, 5], &mut small, &mut f);
    }
    small[..2].copy_from_slice(b"p:");
    if path_grams && path_ascii {
        for i in marked..(marked + path).saturating_sub(2) {
            small[2..7].copy_from_slice(&text[i..i + 5]);
            f(&small[..5]);
        }
    } else if path_grams {
        char_windows(&text[marked..marked + path], &[3], &mut small, &mut f);
    }
    if !labels {
        return;
    }
    let buf = gram;
    let mut stack = [0u8; 96];
    let mut emit = |prefix: &[u8], parts: &[&[u8]]| {
        let len = prefix.len() + parts.iter().map(|p| p.len() + 1).sum::<usize>() - 1;
        if len <= stack.len() {
            // Short grams (nearly all): written on the stack.
            stack[..prefix.len()].copy_from_slice(prefix);
            let mut n = prefix.len();
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    stack[n] = b'.';
                    n += 1;
                }
                stack[n..n + p.len()].copy_from_slice(p);
                n += p.len();
            }
            f(&stack[..n]);
            return;
        }
        buf.clear();
        buf.extend_from_slice(prefix);
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                buf.push(b'.');
            }
            buf.extend_from_slice(p);
        }
        f(buf);
    };
    let mut labels = 0usize;
    let (mut last, mut prev): (Option<&[u8]>, Option<&[u8]>) = (None, None);
    let host = &text[1..marked - 1];
    for l in host.split(|&c| c == b'.').filter(|l| !l.is_empty()) {
        emit(b"l:", &[l]);
        labels += 1;
        prev = last;
        last = Some(l);
    }
    if let Some(tld) = last {
        emit(b"tld:", &[tld]);
        if let Some(p) = prev {
            emit(b"d:", &[p, tld]);
        }
    }
    // 0..=6: one digit.
    emit(b"depth:", &[&[b'0' + labels.min(6) as u8]]);
}

/// The `n`-character windows of `text` (UTF-8) for each `n` of `sizes`,
/// each written after the 2-byte prefix already in `small` (a window of
/// 5 characters is at most 20 bytes).
fn char_windows(text: &[u8], sizes: &[usize], small: &mut [u8; 24], f: &mut impl FnMut(&[u8])) {
    let starts: Vec<usize> = (0..text.len())
        .filter(|&i| (text[i] as i8) >= -0x40)
        .chain(std::iter::once(text.len()))
        .collect();
    for &n in sizes {
        for w in starts.windows(n + 1) {
            let g = &text[w[0]..w[n]];
            small[2..2 + g.len()].copy_from_slice(g);
            f(&small[..2 + g.len()]);
        }
    }
}

/// Buffers reused from one featurization to the next, so the hot path
/// allocates nothing once they have grown to fit.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    norm: String,
    gram: String,
    hashes: Vec<u64>,
    link: LinkGramBuf,
    /// The deduplicated buckets of the last [`Scratch::buckets`] call.
    pub(crate) buckets: Vec<u32>,
    /// Per-class integer sums (used by the model's scoring).
    pub(crate) acc: Vec<i32>,
    /// The message grams of the last [`Scratch::message_grams`] call:
    /// hash and where the text is, deduplicated by hash.
    pub(crate) grams: Vec<(u64, GramRef)>,
    /// The deduplication table of [`Scratch::message_grams`].
    seen: Vec<u32>,
}

impl Scratch {
    /// The buckets of [`featurize`] for `text`, without the n-gram texts:
    /// every gram is hashed straight from the normalized text (or from one
    /// reused buffer where the gram is not a slice of it: the `w:` and
    /// link prefixes, a word pair), then deduplicated by hash. The same
    /// bytes are hashed with the same seed as in [`featurize`], so the
    /// buckets are the same set; their number gives the same feature value.
    /// Leaves them in `self.buckets` (sorted by hash, not by bucket).
    pub(crate) fn buckets(&mut self, kind: FeatureKind, text: &str, bits: u8) {
        normalize_into(&model_text(kind, text), &mut self.norm);
        self.hashes.clear();
        let seed = u64::from(kind.code());
        match kind {
            FeatureKind::Message => {
                let hashes = &mut self.hashes;
                message_hashes(&self.norm, seed, &mut self.gram, &mut |h, _| hashes.push(h))
            }
            FeatureKind::Link => link_hashes(&self.norm, seed, &mut self.link, &mut self.hashes),
        }
        self.hashes.sort_unstable();
        self.hashes.dedup();
        let mask = (1u64 << bits.min(24)) - 1;
        self.buckets.clear();
        self.buckets
            .extend(self.hashes.iter().map(|h| (h & mask) as u32));
    }
}

/// Where a message gram's text is, in the normalized text: a slice of it
/// (a CJK gram), a word (`w:` + the slice), or two words (`w:a b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GramRef {
    Slice(usize, usize),
    Word(usize, usize),
    Pair((usize, usize), (usize, usize)),
}

impl GramRef {
    /// The gram's text, as [`featurize`] names it.
    pub(crate) fn text(self, norm: &str) -> String {
        let s = |a: usize, b: usize| norm.get(a..b).unwrap_or("");
        match self {
            GramRef::Slice(a, b) => s(a, b).to_string(),
            GramRef::Word(a, b) => format!("w:{}", s(a, b)),
            GramRef::Pair((a, b), (c, d)) => format!("w:{} {}", s(a, b), s(c, d)),
        }
    }
}

impl Scratch {
    /// The message grams of `text` with where their texts are (in
    /// [`Scratch::norm`]), deduplicated by hash, in `self.grams`.
    pub(crate) fn message_grams(&mut self, text: &str) {
        normalize_into(text, &mut self.norm);
        self.grams.clear();
        let grams = &mut self.grams;
        let seed = u64::from(FeatureKind::Message.code());
        message_hashes(&self.norm, seed, &mut self.gram, &mut |h, g| {
            grams.push((h, g))
        });
        // Deduplicate by hash through a small open-addressing table (kept
        // in first-seen order; no sort: the scoring sums in any order).
        let grams = &mut self.grams;
        let cap = (grams.len() * 2).next_power_of_two().max(16);
        self.seen.clear();
        self.seen.resize(cap, 0);
        let mut kept = 0usize;
        for i in 0..grams.len() {
            let h = grams[i].0;
            let mut slot = (h >> 32) as usize & (cap - 1);
            loop {
                match self.seen[slot] {
                    0 => {
                        self.seen[slot] = kept as u32 + 1;
                        grams[kept] = grams[i];
                        kept += 1;
                        break;
                    }
                    e if grams[e as usize - 1].0 == h => break,
                    _ => slot = (slot + 1) & (cap - 1),
                }
            }
        }
        grams.truncate(kept);
    }

    /// The normalized text of the last call.
    pub(crate) fn norm(&self) -> &str {
        &self.norm
    }
}

/// The message grams of [`message_grams`], hashed in one pass over `norm`:
/// CJK runs give character 1–3-grams (slices of `norm`), other
/// alphanumeric runs give `w:` words and `w:` word pairs (built in `gram`).
/// Calls `emit` with each gram's hash and where its text is.
fn message_hashes(norm: &str, seed: u64, gram: &mut String, emit: &mut impl FnMut(u64, GramRef)) {
    let h = |b: &[u8]| xxh3_64_with_seed(b, seed);
    // Byte offsets of the last two CJK characters of the current run.
    let (mut p1, mut p2): (Option<usize>, Option<usize>) = (None, None);
    // The current word's start, and the previous word's range.
    let mut word: Option<usize> = None;
    let mut prev: Option<(usize, usize)> = None;
    let bytes = norm.as_bytes();
    for (i, c) in norm.char_indices() {
        let e = i + c.len_utf8();
        if is_cjk(c) {
            if let Some(s) = word.take() {
                word_hashes(norm, (s, i), &mut prev, seed, gram, emit);
            }
            emit(h(&bytes[i..e]), GramRef::Slice(i, e));
            if let Some(a) = p1 {
                emit(h(&bytes[a..e]), GramRef::Slice(a, e));
                if let Some(b) = p2 {
                    emit(h(&bytes[b..e]), GramRef::Slice(b, e));
                }
            }
            p2 = p1;
            p1 = Some(i);
        } else {
            p1 = None;
            p2 = None;
            if c.is_alphanumeric() {
                word.get_or_insert(i);
            } else if let Some(s) = word.take() {
                word_hashes(norm, (s, i), &mut prev, seed, gram, emit);
            }
        }
    }
    if let Some(s) = word {
        word_hashes(norm, (s, norm.len()), &mut prev, seed, gram, emit);
    }
}

/// The `w:` gram of the word `norm[w.0..w.1]` and, after another word, the
/// `w:` pair; then the word becomes `prev`.
fn word_hashes(
    norm: &str,
    w: (usize, usize),
    prev: &mut Option<(usize, usize)>,
    seed: u64,
    gram: &mut String,
    emit: &mut impl FnMut(u64, GramRef),
) {
    let word = &norm[w.0..w.1];
    gram.clear();
    gram.push_str("w:");
    gram.push_str(word);
    emit(
        xxh3_64_with_seed(gram.as_bytes(), seed),
        GramRef::Word(w.0, w.1),
    );
    if let Some((a, b)) = *prev {
        gram.clear();
        gram.push_str("w:");
        gram.push_str(&norm[a..b]);
        gram.push(' ');
        gram.push_str(word);
        emit(
            xxh3_64_with_seed(gram.as_bytes(), seed),
            GramRef::Pair((a, b), w),
        );
    }
    *prev = Some(w);
}

/// The link grams of [`link_grams`], hashed from reused buffers.
fn link_hashes(norm: &str, seed: u64, b: &mut LinkGramBuf, out: &mut Vec<u64>) {
    let (host, path) = split_link(norm);
    each_link_gram(host, path, b, |g| out.push(xxh3_64_with_seed(g, seed)));
}

#[cfg(test)]
mod nfkc_tests {
    use super::*;

    /// Every character the fast scan accepts is a starter with NFKC
    /// quick-check `Yes` by the Unicode tables (alone and after a
    /// combining mark), so skipping the table for it cannot change the
    /// answer; and the fast scan gives the table's answer on mixed text.
    #[test]
    fn fast_nfkc_scan_agrees_with_the_tables() {
        let mut accepted = 0usize;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !nfkc_stable(c) {
                continue;
            }
            accepted += 1;
            assert_eq!(
                is_nfkc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "{c:?}"
            );
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
        }
        assert!(accepted > 60_000);
        for t in [
            "",
            "plain ascii 123",
            "【工商银行】您的账户，请点击",
            "全角ＡＢＣ１２３",
            "e\u{301}t\u{e9}",
            "a\u{301}\u{316}",
            "中\u{316}\u{301}文",
            "ﬁ ligature",
            "“quoted” — dash · ¥",
            "\u{3000}ideographic space",
            "\u{F900}compat",
        ] {
            assert_eq!(nfkc_quick(t), is_nfkc_quick(t.chars()), "{t:?}");
        }
    }
}

#[cfg(test)]
mod link_gram_tests {
    use super::*;

    /// The link grams as the model was first written to read them (owned
    /// strings, character windows): [`link_grams`] must give the same.
    fn reference_link_grams(norm: &str, out: &mut Vec<String>) {
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

    fn links() -> Vec<String> {
        let mut out: Vec<String> = [
            "https://例子.测试/路径/页面?q=1",
            "http://user@xn--80ak6aa92e.com:8080/a",
            "  HTTPS://WWW.Example.COM/Path/Ünïcode#frag ",
            "a",
            "",
            ".",
            "://",
            "http://a..b.../",
            "http://xn--e1afmkfd.xn--p1ai/путь/к/файлу",
            "ftp://[::1]:21/x",
            "example.com",
            "http://😀.ws/😀😀😀",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/links");
        for f in [
            "fresh.jsonl",
            "fresh2.jsonl",
            "projects.jsonl",
            "spoof_cases.jsonl",
        ] {
            let Ok(t) = std::fs::read_to_string(format!("{root}/{f}")) else {
                continue;
            };
            for l in t.lines().take(400) {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
                    for k in ["url", "text", "host", "input"] {
                        if let Some(s) = v.get(k).and_then(|x| x.as_str()) {
                            out.push(s.to_string());
                        }
                    }
                }
            }
        }
        let long = format!("http://{}.com/{}", "ab".repeat(40), "é".repeat(300));
        out.push(long);
        out
    }

    #[test]
    fn link_grams_are_the_reference_grams() {
        let links = links();
        assert!(links.len() > 100, "the link corpora were read");
        for l in &links {
            let norm = normalize(l);
            let (mut got, mut want) = (Vec::new(), Vec::new());
            link_grams(&norm, &mut got);
            reference_link_grams(&norm, &mut want);
            got.sort();
            want.sort();
            assert_eq!(got, want, "{l}");
        }
    }
}
