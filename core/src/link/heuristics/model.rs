//! The link model's signal, scored on the link check's hot path without
//! allocating.
//!
//! The model (`crate::model`, FZML) reads a link as hashed n-grams: host
//! character 2–5-grams between `^` and `$` (`h:`), its labels (`l:`), TLD
//! (`tld:`), last two labels (`d:`), label count (`depth:`) and path
//! character 3-grams (`p:`), deduplicated by hash, each worth
//! `1/sqrt(count)`. [`Model::link_fraud_probability`] and
//! [`Model::predict`] build them through Unicode normalization and owned
//! strings. For an ASCII link (nearly every link: the host is punycode) the
//! normalization is only lowercasing and digits to `0`, so [`Normalized`] hashes
//! the same grams from stack buffers, and writes the grams' texts (the
//! evidence of the reason) only when the model flags the link. Anything
//! outside that fast path (non-ASCII, very long, very many grams) goes to the
//! model's own functions. The unit tests check both give the same
//! probability, bit for bit, and the same evidence on every link corpus.

use super::super::host_cache::{HostEntry, HostGrams, HOST_CLASSES};
use super::super::model_table::ModelTable;
use super::super::rules::LinkRules;
use crate::model::features;
use crate::model::features::LinkGrams;
use crate::model::{FeatureKind, Model};
use crate::scoring::Assessment;
use crate::verdict::FraudType;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Longest link (bytes, after trimming) scored on the fast path.
const MAX_TEXT: usize = 512;
/// Per-thread buffers of [`Normalized::probability`], grown once, so
/// scoring does not allocate.
#[derive(Default)]
struct Buffers {
    /// The gram hashes of the link being scored.
    hashes: Vec<u64>,
    /// The open-addressing set that deduplicates them (0: empty slot).
    seen: Vec<u64>,
    /// A buffer for long label grams.
    grams: Vec<u8>,
    /// The one-pass scoring's set: a slot holds a hash when its stamp is
    /// the current one, so the set is never cleared.
    slots: Vec<u64>,
    stamps: Vec<u32>,
    stamp: u32,
}

impl Buffers {
    /// An empty set of at least `cap` slots (a power of two): the next
    /// stamp, the stamps cleared only when they wrap.
    fn fresh_set(&mut self, cap: usize) -> (&mut [u64], &mut [u32], u32) {
        if self.slots.len() < cap {
            self.slots.resize(cap, 0);
            self.stamps.resize(cap, 0);
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.stamps.iter_mut().for_each(|s| *s = 0);
            self.stamp = 1;
        }
        (&mut self.slots[..cap], &mut self.stamps[..cap], self.stamp)
    }
}

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers {
        hashes: Vec::with_capacity(4 * MAX_TEXT + 64),
        ..Buffers::default()
    });
}

/// `f` on this thread's [`Buffers`]. A re-entrant call (none today) would
/// find them taken: it gets fresh ones.
fn with_buffers<R>(f: impl FnOnce(&mut Buffers) -> R) -> R {
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut b) => f(&mut b),
        Err(_) => f(&mut Buffers::default()),
    })
}

/// Keeps the first of each distinct value of `hashes` (in place, first-seen
/// order), through `seen` as an open-addressing set: the same set of
/// hashes as a sort and `dedup`, in linear time. The scoring sums integer
/// weights, so the order does not change the result.
fn dedup_hashes(hashes: &mut Vec<u64>, seen: &mut Vec<u64>) {
    let cap = (hashes.len() * 2).next_power_of_two().max(64);
    seen.clear();
    seen.resize(cap, 0);
    let mask = cap - 1;
    let mut zero = false;
    let mut kept = 0usize;
    for i in 0..hashes.len() {
        let h = hashes[i];
        let fresh = if h == 0 {
            !std::mem::replace(&mut zero, true)
        } else {
            insert(seen, mask, h)
        };
        if fresh {
            hashes[kept] = h;
            kept += 1;
        }
    }
    hashes.truncate(kept);
}
/// Puts `h` (not 0) in the open-addressing set `seen` (`mask + 1` slots,
/// 0 marks an empty one, never full); whether it was not there yet.
#[inline]
fn insert(seen: &mut [u64], mask: usize, h: u64) -> bool {
    // The high bits: the low ones also pick the model's bucket.
    let mut slot = (h >> 40) as usize & mask;
    loop {
        match seen[slot] {
            0 => {
                seen[slot] = h;
                return true;
            }
            s if s == h => return false,
            _ => slot = (slot + 1) & mask,
        }
    }
}

/// [`insert`] into a set whose slots count only under the current `stamp`.
#[inline]
fn insert_stamped(slots: &mut [u64], stamps: &mut [u32], stamp: u32, mask: usize, h: u64) -> bool {
    let mut slot = (h >> 40) as usize & mask;
    loop {
        if stamps[slot] != stamp {
            stamps[slot] = stamp;
            slots[slot] = h;
            return true;
        }
        if slots[slot] == h {
            return false;
        }
        slot = (slot + 1) & mask;
    }
}

/// The dense table and its classes, when `rows` is one this model's
/// scoring reads directly.
fn dense<'a>(m: &Model, rows: Rows<'a>) -> Option<(&'a [i8], usize)> {
    let classes = m.bias.len();
    match rows {
        Rows::Dense(t, c)
            if c == classes
                && classes > 0
                && classes <= MAX_CLASSES
                && m.scale.len() == classes =>
        {
            Some((t, c))
        }
        _ => None,
    }
}

/// Adds the row of hash `h` to `acc`.
#[inline]
fn add_row(t: &[i8], c: usize, mask: u64, h: u64, acc: &mut [i32; MAX_CLASSES]) {
    let at = (h & mask) as usize * c;
    if let Some(row) = t.get(at..at + c) {
        for (a, &w) in acc[..c].iter_mut().zip(row) {
            *a += i32::from(w);
        }
    }
}

/// XXH3's 64-bit hash of a 4–8-byte input, held little-endian in the low
/// `len` bytes of `v` (the bytes above them zero), with `seed`: the same
/// value as `xxh3_64_with_seed` on those bytes (a unit test compares them
/// on every length), computed from a register. The fast path's character
/// grams (`h:` and 2–5 characters, `p:` and 3) are all 4–7 bytes long, so
/// none is written out and read back, which the processor cannot forward
/// from its store buffer when the reads straddle the writes.
#[inline(always)]
fn xxh3_short(v: u64, len: u32, seed: u64) -> u64 {
    // The default secret's bytes 8..16 and 16..24, little-endian.
    const SECRET_8: u64 = 0x1cad_21f7_2c81_017c;
    const SECRET_16: u64 = 0xdb97_9083_e96d_d4de;
    const MUL: u64 = 0x9fb2_1c65_1e98_df25;
    let seed = seed ^ (u64::from((seed as u32).swap_bytes()) << 32);
    let first = v & 0xffff_ffff;
    let last = (v >> (8 * (len - 4))) & 0xffff_ffff;
    let mut h = (last.wrapping_add(first << 32)) ^ (SECRET_8 ^ SECRET_16).wrapping_sub(seed);
    h ^= h.rotate_left(49) ^ h.rotate_left(24);
    h = h.wrapping_mul(MUL);
    h ^= (h >> 35).wrapping_add(u64::from(len));
    h = h.wrapping_mul(MUL);
    h ^ (h >> 28)
}

/// Sums the rows of the distinct values of `hashes` into `acc` and keeps
/// each value once (in place, first-seen order), through the stamped set
/// (`zero` says whether 0 was already seen). With two classes (the link
/// models') the sums stay in registers and the table reads overlap.
#[allow(clippy::too_many_arguments)]
fn dedup_and_sum(
    hashes: &mut Vec<u64>,
    (slots, stamps, stamp): (&mut [u64], &mut [u32], u32),
    seen: impl Fn(u64) -> bool,
    zero: &mut bool,
    t: &[i8],
    c: usize,
    mask: u64,
    acc: &mut [i32; MAX_CLASSES],
) {
    let set_mask = slots.len() - 1;
    let mut kept = 0usize;
    let (mut a0, mut a1) = (acc[0], acc[1]);
    for i in 0..hashes.len() {
        let h = hashes[i];
        let new = if h == 0 {
            !std::mem::replace(zero, true)
        } else {
            !seen(h) && insert_stamped(slots, stamps, stamp, set_mask, h)
        };
        if !new {
            continue;
        }
        hashes[kept] = h;
        kept += 1;
        if c == 2 {
            let at = (h & mask) as usize * 2;
            if let Some(row) = t.get(at..at + 2) {
                a0 += i32::from(row[0]);
                a1 += i32::from(row[1]);
            }
        } else {
            add_row(t, c, mask, h, acc);
        }
    }
    if c == 2 {
        acc[0] = a0;
        acc[1] = a1;
    }
    hashes.truncate(kept);
}

/// Most classes on the fast path.
const MAX_CLASSES: usize = HOST_CLASSES;
/// Path characters read by the model.
const PATH_CHARS: usize = features::LINK_PATH_CHARS;

/// An ASCII link as the model normalizes it (lowercase, digits as `0`),
/// written `^host$path`.
pub(super) struct Normalized {
    /// `^host$path`, then zeros (at least 8 bytes: a gram of up to 5
    /// bytes is copied with a fixed-size copy).
    text: [u8; MAX_TEXT + 10],
    /// Length of `^host$`.
    host: usize,
    /// Length of the path (at most [`PATH_CHARS`]).
    path: usize,
}

impl Normalized {
    /// `text` (trimmed or not) as the model reads it, or `None` when it is
    /// not on the fast path (not ASCII, too long).
    pub(super) fn of(raw: &str) -> Option<Normalized> {
        let b = raw.as_bytes();
        if !raw.is_ascii() || b.len() > MAX_TEXT {
            return None;
        }
        // ASCII is its own NFKC; the model then lowercases and turns every
        // numeric character into 0, and trims Unicode white space.
        let norm = |c: u8| {
            if c.is_ascii_digit() {
                b'0'
            } else {
                c.to_ascii_lowercase()
            }
        };
        let ws = |c: &u8| char::from(*c).is_whitespace();
        let first = b.iter().position(|c| !ws(c)).unwrap_or(b.len());
        let last = b.iter().rposition(|c| !ws(c)).map_or(first, |i| i + 1);
        let s = &b[first..last];
        let s = match s.windows(3).position(|w| w == b"://") {
            Some(i) => &s[i + 3..],
            None => s,
        };
        let (host, path) = match s.iter().position(|&c| matches!(c, b'/' | b'?' | b'#')) {
            Some(i) => s.split_at(i),
            None => (s, &s[s.len()..]),
        };
        let host = match host.iter().rposition(|&c| c == b'@') {
            Some(i) => &host[i + 1..],
            None => host,
        };
        let host = match host.iter().position(|&c| c == b':') {
            Some(i) => &host[..i],
            None => host,
        };
        // A punycode host is read decoded (`features::link_unicode_host`):
        // not on the fast path.
        if features::has_punycode_label(host) {
            return None;
        }
        let path = &path[..path.len().min(PATH_CHARS)];
        let mut n = Normalized {
            text: [0; MAX_TEXT + 10],
            host: host.len() + 2,
            path: path.len(),
        };
        n.text[0] = b'^';
        for (d, &c) in n.text[1..].iter_mut().zip(host) {
            *d = norm(c);
        }
        n.text[n.host - 1] = b'$';
        for (d, &c) in n.text[n.host..].iter_mut().zip(path) {
            *d = norm(c);
        }
        Some(n)
    }

    /// Every n-gram of the model's link features, as its full text
    /// (`h:^ab`, `l:example`, `tld:com`, `d:example.com`, `depth:2`,
    /// `p:/ab`): the model's own enumeration
    /// ([`features::each_link_gram`]) on this link's host and path.
    fn each_gram(&self, gram: &mut Vec<u8>, f: impl FnMut(&[u8])) {
        // `text` is laid out as the enumeration reads it (`^host$path`,
        // the path cut at PATH_CHARS ASCII characters, zeros after).
        features::each_link_gram_marked(&self.text, self.host, self.path, gram, f);
    }

    /// The hashes of `which` of the link's grams (as
    /// [`Normalized::each_gram`] enumerates them, hashed with `seed`),
    /// appended to `out`, duplicates kept. The character grams are hashed
    /// from the text in registers ([`xxh3_short`]); the label grams, a
    /// handful, through the enumeration.
    fn gram_hashes(&self, which: LinkGrams, seed: u64, gram: &mut Vec<u8>, out: &mut Vec<u64>) {
        let t = &self.text;
        // The 8 bytes from `i` on (the text is followed by zeros).
        let word = |i: usize| {
            let mut w = [0u8; 8];
            if let Some(b) = t.get(i..i + 8) {
                w.copy_from_slice(b);
            }
            u64::from_le_bytes(w)
        };
        let (host, path, labels) = which.parts();
        let marked = self.host;
        if host {
            for n in 2..=5u32 {
                let len = n + 2;
                let keep = (1u64 << (8 * len)) - 1;
                for i in 0..(marked + 1).saturating_sub(n as usize) {
                    let v = (u64::from(u16::from_le_bytes(*b"h:")) | (word(i) << 16)) & keep;
                    out.push(xxh3_short(v, len, seed));
                }
            }
        }
        if path {
            for i in marked..(marked + self.path).saturating_sub(2) {
                let v = (u64::from(u16::from_le_bytes(*b"p:")) | (word(i) << 16)) & 0xff_ffff_ffff;
                out.push(xxh3_short(v, 5, seed));
            }
        }
        if labels {
            features::each_link_gram_of(t, marked, self.path, LinkGrams::Labels, gram, |g| {
                out.push(xxh3_64_with_seed(g, seed))
            });
        }
    }

    /// `1 - P(benign)`, as [`Model::link_fraud_probability`] computes it;
    /// `None` when the model is not one this path reads.
    #[cfg(test)]
    pub(super) fn probability(&self, m: &Model, rows: Rows) -> Option<f32> {
        self.scored(m, rows, |_, _, _| ()).map(|(p, ())| p)
    }

    /// The probability as [`Normalized::probability`], then `then` called
    /// with it, the link's deduplicated gram hashes and the class
    /// probabilities (the evidence reads them: no second hashing pass).
    ///
    /// With the dense table, each gram is hashed, put in the
    /// open-addressing set and, when it is new, its row added at once: one
    /// pass, no separate deduplication or summing pass. The sums are
    /// integers, so the order does not change the result.
    fn scored<R>(
        &self,
        m: &Model,
        rows: Rows,
        then: impl FnOnce(f32, &[u64], &[f32]) -> R,
    ) -> Option<(f32, R)> {
        with_buffers(|b| {
            b.hashes.clear();
            let seed = u64::from(FeatureKind::Link.code());
            let classes = m.bias.len();
            let mut probs = [0f32; MAX_CLASSES];
            let n = match rows {
                Rows::Dense(t, c)
                    if c == classes
                        && classes > 0
                        && classes <= MAX_CLASSES
                        && m.scale.len() == classes =>
                {
                    let mask = (1u64 << m.bits.min(24)) - 1;
                    // At most 4 grams per host byte, one per path byte,
                    // one per label and three more: the set stays at most
                    // half full.
                    let most = 5 * self.host + self.path + 8;
                    let cap = (most * 2).next_power_of_two().max(64);
                    let mut acc = [0i32; MAX_CLASSES];
                    let mut hashes = std::mem::take(&mut b.hashes);
                    let mut grams = std::mem::take(&mut b.grams);
                    self.gram_hashes(LinkGrams::All, seed, &mut grams, &mut hashes);
                    dedup_and_sum(
                        &mut hashes,
                        b.fresh_set(cap),
                        |_| false,
                        &mut false,
                        t,
                        c,
                        mask,
                        &mut acc,
                    );
                    b.hashes = hashes;
                    b.grams = grams;
                    finish(m, &acc, b.hashes.len(), &mut probs)
                }
                _ => {
                    let hashes = &mut b.hashes;
                    self.each_gram(&mut b.grams, |g| hashes.push(xxh3_64_with_seed(g, seed)));
                    dedup_hashes(&mut b.hashes, &mut b.seen);
                    probabilities(m, rows, &b.hashes, &mut probs)?
                }
            };
            let p = 1.0 - probs[..n].first().copied().unwrap_or(0.0);
            let r = then(p, &b.hashes, &probs[..n]);
            Some((p, r))
        })
    }

    /// The host's part of the score (its grams' distinct hashes and their
    /// rows' sums), to keep per host; `None` off the dense table.
    pub(super) fn host_grams(&self, m: &Model, rows: Rows) -> Option<HostGrams> {
        let (t, c) = dense(m, rows)?;
        let seed = u64::from(FeatureKind::Link.code());
        let mask = (1u64 << m.bits.min(24)) - 1;
        let mut hashes = Vec::new();
        self.gram_hashes(LinkGrams::Host, seed, &mut Vec::new(), &mut hashes);
        hashes.sort_unstable();
        hashes.dedup();
        let mut acc = [0i32; HOST_CLASSES];
        for &h in &hashes {
            add_row(t, c, mask, h, &mut acc);
        }
        Some(HostGrams {
            text: self.text[..self.host].into(),
            key: ModelTable::key(m),
            hashes: hashes.into_boxed_slice(),
            acc,
        })
    }

    /// [`Normalized::scored`] with the host's part already summed: only
    /// the path's grams are hashed, those not among the host's added.
    /// `then` gets the hashes only when the link is flagged (the model's
    /// `suspicious_at`), else none.
    fn scored_with_host<R>(
        &self,
        m: &Model,
        rows: Rows,
        host: &HostGrams,
        then: impl FnOnce(f32, &[u64], &[f32]) -> R,
    ) -> Option<(f32, R)> {
        if *host.text != self.text[..self.host] || host.key != ModelTable::key(m) {
            return self.scored(m, rows, then);
        }
        let (t, c) = dense(m, rows)?;
        with_buffers(|b| {
            let seed = u64::from(FeatureKind::Link.code());
            let mask = (1u64 << m.bits.min(24)) - 1;
            let cap = (2 * self.path + 16).next_power_of_two().max(64);
            let mut zero = host.contains(0);
            let mut acc = host.acc;
            let mut path_hashes = std::mem::take(&mut b.hashes);
            path_hashes.clear();
            let mut grams = std::mem::take(&mut b.grams);
            self.gram_hashes(LinkGrams::Path, seed, &mut grams, &mut path_hashes);
            dedup_and_sum(
                &mut path_hashes,
                b.fresh_set(cap),
                |h| host.contains(h),
                &mut zero,
                t,
                c,
                mask,
                &mut acc,
            );
            b.grams = grams;
            let mut probs = [0f32; MAX_CLASSES];
            let n = finish(m, &acc, host.hashes.len() + path_hashes.len(), &mut probs);
            let p = 1.0 - probs[..n].first().copied().unwrap_or(0.0);
            // The evidence (a flagged link's only) reads every distinct
            // hash: the host's and the path's new ones, in any order.
            let mut all: Vec<u64> = Vec::new();
            if p >= m.calibration.suspicious_at {
                all.reserve(host.hashes.len() + path_hashes.len());
                all.extend_from_slice(&host.hashes);
                all.extend_from_slice(&path_hashes);
            }
            let r = then(p, &all, &probs[..n]);
            b.hashes = path_hashes;
            Some((p, r))
        })
    }

    /// The first `k` n-grams of the evidence [`Model::predict`] reports,
    /// without their prefixes. Only a flagged link needs it: the grams are
    /// hashed once more, and only the few that can be among the first `k`
    /// get their text written.
    #[cfg(test)]
    pub(super) fn evidence(&self, m: &Model, rows: Rows, k: usize) -> Option<Vec<String>> {
        let seed = u64::from(FeatureKind::Link.code());
        let mut hashes: Vec<u64> = Vec::new();
        let mut grams = Vec::new();
        self.each_gram(&mut grams, |g| hashes.push(xxh3_64_with_seed(g, seed)));
        dedup_hashes(&mut hashes, &mut Vec::new());
        let mut probs = [0f32; MAX_CLASSES];
        let n = probabilities(m, rows, &hashes, &mut probs)?;
        Some(self.evidence_of(m, rows, &hashes, &probs[..n], k, &mut grams))
    }

    /// The evidence of [`Normalized::evidence`] from the link's
    /// deduplicated gram hashes and class probabilities, already computed.
    fn evidence_of(
        &self,
        m: &Model,
        rows: Rows,
        hashes: &[u64],
        probs: &[f32],
        k: usize,
        grams: &mut Vec<u8>,
    ) -> Vec<String> {
        let seed = u64::from(FeatureKind::Link.code());
        let n = probs.len();
        let top = (1..n)
            .max_by(|&a, &b| probs[a].total_cmp(&probs[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        let value = 1.0 / (hashes.len().max(1) as f32).sqrt();
        let mask = (1u64 << m.bits.min(24)) - 1;
        let mut ev: Vec<(u64, f32)> = hashes
            .iter()
            .filter_map(|&h| {
                let row = rows.get((h & mask) as u32)?;
                let d =
                    (f32::from(row[top]) * m.scale[top] - f32::from(row[0]) * m.scale[0]) * value;
                (d > 0.0).then_some((h, d))
            })
            .collect();
        let k = k.min(10);
        if k == 0 || ev.is_empty() {
            return Vec::new();
        }
        // The first k by weight (ties by text) all weigh at least the k-th
        // largest weight: only those grams need their text.
        // (The k-th largest by selection, not a sort: the texts kept are
        // sorted below.)
        let kth = k.min(ev.len()) - 1;
        let (_, at_kth, _) = ev.select_nth_unstable_by(kth, |a, b| b.1.total_cmp(&a.1));
        let floor = at_kth.1;
        ev.retain(|e| e.1.total_cmp(&floor).is_ge());
        let mut texts: Vec<Option<String>> = vec![None; ev.len()];
        self.each_gram(grams, |g| {
            let h = xxh3_64_with_seed(g, seed);
            if let Some(i) = ev.iter().position(|e| e.0 == h) {
                texts[i].get_or_insert_with(|| String::from_utf8_lossy(g).into_owned());
            }
        });
        let mut ev: Vec<(String, f32)> = ev
            .iter()
            .zip(texts)
            .filter_map(|(e, t)| Some((t?, e.1)))
            .collect();
        ev.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ev.dedup_by(|a, b| a.0 == b.0);
        ev.into_iter()
            .take(k)
            .map(|(g, _)| match g.split_once(':') {
                Some((_, t)) => t.to_string(),
                None => g,
            })
            .collect()
    }
}

/// How a model's row is found: the dense table, or a search of its rows.
#[derive(Clone, Copy)]
pub(super) enum Rows<'a> {
    Dense(&'a [i8], usize),
    Sparse(&'a Model),
}

impl<'a> Rows<'a> {
    /// The table of `rules` when it was built from `m`, else `m`'s rows.
    pub(super) fn of(rules: &'a LinkRules, m: &'a Model) -> Rows<'a> {
        let t = rules.model_table.get_or_init(|| ModelTable::build(m));
        if t.key == ModelTable::key(m) && !t.table.is_empty() {
            Rows::Dense(&t.table, t.classes)
        } else {
            Rows::Sparse(m)
        }
    }

    fn get(self, bucket: u32) -> Option<&'a [i8]> {
        match self {
            Rows::Dense(t, c) => {
                let at = bucket as usize * c;
                t.get(at..at + c)
            }
            Rows::Sparse(m) => row(m, bucket),
        }
    }
}

/// The model's class probabilities over deduplicated gram hashes, into
/// `out`; the number of classes.
fn probabilities(
    m: &Model,
    rows: Rows,
    hashes: &[u64],
    out: &mut [f32; MAX_CLASSES],
) -> Option<usize> {
    let classes = m.bias.len();
    if classes == 0 || classes > MAX_CLASSES || m.scale.len() != classes {
        return None;
    }
    // As the model scores: weights summed as integers, then scaled once.
    let mut acc = [0i32; MAX_CLASSES];
    let mask = (1u64 << m.bits.min(24)) - 1;
    match rows {
        // The common case, without a match per gram.
        Rows::Dense(t, c) if c == classes => {
            for &h in hashes {
                let at = (h & mask) as usize * c;
                if let Some(row) = t.get(at..at + c) {
                    for (a, &w) in acc[..c].iter_mut().zip(row) {
                        *a += i32::from(w);
                    }
                }
            }
        }
        _ => {
            for &h in hashes {
                if let Some(row) = rows.get((h & mask) as u32) {
                    for (a, &w) in acc[..classes].iter_mut().zip(row) {
                        *a += i32::from(w);
                    }
                }
            }
        }
    }
    Some(finish(m, &acc, hashes.len(), out))
}

/// The class probabilities from the per-class integer sums over `grams`
/// distinct grams, into `out`, as the model computes them; the number of
/// classes (checked by the caller: 1..=[`MAX_CLASSES`], one scale each).
fn finish(
    m: &Model,
    acc: &[i32; MAX_CLASSES],
    grams: usize,
    out: &mut [f32; MAX_CLASSES],
) -> usize {
    let classes = m.bias.len();
    let value = 1.0 / (grams.max(1) as f32).sqrt();
    let mut logits = [0f32; MAX_CLASSES];
    for c in 0..classes {
        logits[c] = m.bias[c] + acc[c] as f32 * m.scale[c] * value;
    }
    softmax(&logits[..classes], &mut out[..classes]);
    classes
}

fn row(m: &Model, bucket: u32) -> Option<&[i8]> {
    m.row(bucket)
}

/// The model's softmax, same operations in the same order.
fn softmax(logits: &[f32], out: &mut [f32]) {
    for (o, &l) in out.iter_mut().zip(logits) {
        *o = if l.is_nan() {
            0.0
        } else {
            l.clamp(-1e30, 1e30)
        };
    }
    let mx = out.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for o in out.iter_mut() {
        *o = (*o - mx).exp();
    }
    let s: f32 = out.iter().sum();
    for o in out.iter_mut() {
        *o /= s;
    }
}

/// The probability and, when asked, the evidence: on the fast path when
/// the link is on it, else through the model.
#[cfg(test)]
pub(super) fn fraud_probability(m: &Model, rows: Rows, text: &str) -> (f32, Option<Normalized>) {
    if m.kind == FeatureKind::Link {
        if let Some(n) = Normalized::of(text) {
            if let Some(p) = n.probability(m, rows) {
                return (p, Some(n));
            }
        }
    }
    (m.link_fraud_probability(text), None)
}

/// The link model (feed-supplied or the embedded default) on the link as it
/// was given, the same text `fanzha model train|eval --kind link` reads.
/// Its calibrated thresholds pick the weight: `link.model` from
/// `suspicious_at`, `link.model_confident` from `dangerous_at`.
pub(super) fn model_signal(
    rules: &LinkRules,
    m: &Model,
    url: &str,
    host: Option<&HostEntry>,
    a: &mut Assessment,
) {
    let text = url.trim();
    let rows = Rows::of(rules, m);
    let flagged = |p: f32| p >= m.calibration.suspicious_at;
    // On the fast path, a flagged link's evidence comes from the hashes
    // just scored; the host's part comes from the host cache.
    let fast = if m.kind == FeatureKind::Link {
        Normalized::of(text).and_then(|n| {
            let then = |p: f32, hashes: &[u64], probs: &[f32]| {
                flagged(p).then(|| {
                    let mut grams = Vec::new();
                    n.evidence_of(m, rows, hashes, probs, 3, &mut grams)
                })
            };
            let host = host.filter(|e| e.seen_again());
            match host.and_then(|e| e.model.get_or_init(|| n.host_grams(m, rows)).as_ref()) {
                Some(hg) => n.scored_with_host(m, rows, hg, then),
                None => n.scored(m, rows, then),
            }
        })
    } else {
        None
    };
    let (prob, evidence) = match fast {
        Some((p, ev)) => (p, ev),
        None => (m.link_fraud_probability(text), None),
    };
    let code = if prob >= m.calibration.dangerous_at {
        "link.model_confident"
    } else if flagged(prob) {
        "link.model"
    } else {
        return;
    };
    // Flagged: now the n-grams behind the score.
    let grams = evidence.unwrap_or_else(|| slow_evidence(m, text, 3));
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

/// The evidence through [`Model::predict`].
pub(super) fn slow_evidence(m: &Model, text: &str, k: usize) -> Vec<String> {
    m.predict(text)
        .evidence
        .iter()
        .take(k)
        .map(|(g, _)| g.split_once(':').map_or(g.as_str(), |(_, t)| t).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every link of the link corpora, the bench's shapes, and odd inputs.
    fn links() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/links");
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).expect("corpus dir") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "jsonl") {
                for line in std::fs::read_to_string(&p).expect("corpus").lines() {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                        if let Some(u) = v["url"].as_str() {
                            out.push(u.to_string());
                        }
                    }
                }
            }
        }
        for s in [
            "",
            " ",
            "\t\u{b}x.com\u{c} ",
            "HTTPS://WWW.EXAMPLE.COM:8443/A?B#C",
            "a..b.com",
            ".com",
            "x.",
            "://",
            "http://",
            "user:pw@host.com:80/p",
            "a@b@c.com/x@y",
            "https://secure-verify1a2b.top/login?id=12",
            "h.com?q",
            "h.com#f/g",
            "xn--80ak6aa92e.com/xn--p1ai",
            "12345",
            "a.b.c.d.e.f.g.h.i.j.com/",
        ] {
            out.push(s.to_string());
        }
        out.push(format!(
            "https://{}.com/{}",
            "a".repeat(200),
            "b".repeat(300)
        ));
        out.push(format!("https://{}.com/", "ab.".repeat(170)));
        out
    }

    #[test]
    fn the_fast_path_scores_as_the_model_does() {
        let m = crate::model::Model::from_bytes(
            crate::model::embedded(FeatureKind::Link).expect("embedded link model"),
            FeatureKind::Link,
        )
        .expect("model");
        let table = ModelTable::build(&m);
        assert!(!table.table.is_empty());
        let (mut fast, mut flagged) = (0, 0);
        for url in links() {
            let text = url.trim();
            let (p, n) = fraud_probability(&m, Rows::Dense(&table.table, table.classes), text);
            let (sparse, _) = fraud_probability(&m, Rows::Sparse(&m), text);
            assert_eq!(p.to_bits(), sparse.to_bits(), "sparse {url:?}");
            assert_eq!(
                p.to_bits(),
                m.link_fraud_probability(text).to_bits(),
                "probability of {url:?}"
            );
            if let Some(n) = n {
                fast += 1;
                if p >= m.calibration.suspicious_at {
                    flagged += 1;
                }
                // Every link's evidence, flagged or not, and more than the
                // three grams a reason names (ties at the cut included).
                let dense = Rows::Dense(&table.table, table.classes);
                for k in [3, 10] {
                    assert_eq!(
                        n.evidence(&m, dense, k).expect("evidence"),
                        slow_evidence(&m, text, k),
                        "evidence of {url:?}"
                    );
                }
                // The check's one pass: the same probability, and the
                // evidence from the hashes it scored.
                let (q, ev) = n
                    .scored(&m, dense, |_, hashes, probs| {
                        n.evidence_of(&m, dense, hashes, probs, 3, &mut Vec::new())
                    })
                    .expect("scored");
                assert_eq!(q.to_bits(), p.to_bits(), "one pass {url:?}");
                assert_eq!(ev, slow_evidence(&m, text, 3), "one pass {url:?}");
                // With the host's part summed once (the host cache).
                let hg = n.host_grams(&m, dense).expect("host grams");
                let (q, ev) = n
                    .scored_with_host(&m, dense, &hg, |p, hashes, probs| {
                        (p >= m.calibration.suspicious_at)
                            .then(|| n.evidence_of(&m, dense, hashes, probs, 3, &mut Vec::new()))
                    })
                    .expect("scored");
                assert_eq!(q.to_bits(), p.to_bits(), "host part {url:?}");
                if p >= m.calibration.suspicious_at {
                    assert_eq!(ev, Some(slow_evidence(&m, text, 3)), "host part {url:?}");
                }
            }
        }
        assert!(fast > 15_000, "{fast} links on the fast path");
        assert!(flagged > 1_000, "{flagged} flagged links");
    }

    #[test]
    fn the_register_hash_is_xxh3() {
        // Every length it is used for, many byte patterns, several seeds.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..20_000u32 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let bytes = x.to_le_bytes();
            for len in 4..=8u32 {
                let v = if len == 8 {
                    x
                } else {
                    x & ((1u64 << (8 * len)) - 1)
                };
                let seed = u64::from(round % 7) * 0x0101_0101_0101_0101 + u64::from(round % 3);
                assert_eq!(
                    xxh3_short(v, len, seed),
                    xxh3_64_with_seed(&bytes[..len as usize], seed),
                    "{bytes:?} {len} {seed}"
                );
            }
        }
    }

    #[test]
    fn the_register_hashes_are_the_enumerations() {
        // The same multiset of hashes as the model's own enumeration, for
        // each selection, on every link of the corpora on the fast path.
        let seed = u64::from(FeatureKind::Link.code());
        let mut checked = 0;
        for url in links() {
            let Some(n) = Normalized::of(url.trim()) else {
                continue;
            };
            for which in [LinkGrams::All, LinkGrams::Host, LinkGrams::Path] {
                let mut want = Vec::new();
                features::each_link_gram_of(&n.text, n.host, n.path, which, &mut Vec::new(), |g| {
                    want.push(xxh3_64_with_seed(g, seed))
                });
                let mut got = Vec::new();
                n.gram_hashes(which, seed, &mut Vec::new(), &mut got);
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{url:?}");
            }
            checked += 1;
        }
        assert!(checked > 15_000, "{checked}");
    }

    #[test]
    fn the_stamped_set_starts_empty_each_time() {
        let mut b = Buffers::default();
        for round in 0..3u32 {
            if round == 2 {
                // The stamp wraps: the stamps are cleared, not reused.
                b.stamp = u32::MAX;
            }
            let (slots, stamps, stamp) = b.fresh_set(64);
            assert_ne!(stamp, 0);
            for h in [5u64 << 40, 7, 1 << 40 | 1, 5 << 40 | 2] {
                let first = insert_stamped(slots, stamps, stamp, 63, h);
                let again = insert_stamped(slots, stamps, stamp, 63, h);
                assert!(first && !again, "round {round}, {h}");
            }
        }
    }

    #[test]
    fn dedup_keeps_each_hash_once() {
        let mut seen = Vec::new();
        for input in [
            vec![],
            vec![0, 0, 5, 0, 5],
            vec![3, 1, 3, 2, 1, 1 << 40, (1 << 40) + 1, 1 << 40, u64::MAX],
            (0..500u64)
                .map(|i| (i % 97) << 40 | (i % 13))
                .collect::<Vec<_>>(),
        ] {
            let mut want = input.clone();
            want.sort_unstable();
            want.dedup();
            let mut got = input.clone();
            dedup_hashes(&mut got, &mut seen);
            let first: Vec<u64> = input
                .iter()
                .enumerate()
                .filter(|(i, h)| !input[..*i].contains(h))
                .map(|(_, &h)| h)
                .collect();
            assert_eq!(got, first, "first-seen order");
            got.sort_unstable();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn the_table_serves_only_the_model_it_was_built_from() {
        let rules = LinkRules::from_json(crate::link::EMBEDDED).expect("rules");
        let m = crate::model::Model::from_bytes(
            crate::model::embedded(FeatureKind::Link).expect("embedded link model"),
            FeatureKind::Link,
        )
        .expect("model");
        assert!(matches!(Rows::of(&rules, &m), Rows::Dense(..)));
        let other = Box::new(m.clone());
        assert!(matches!(Rows::of(&rules, &other), Rows::Sparse(..)));
        let url = "https://secure-login-verify.example.top/account";
        let (p, _) = fraud_probability(&other, Rows::of(&rules, &other), url);
        assert_eq!(p.to_bits(), other.link_fraud_probability(url).to_bits());
    }
}
