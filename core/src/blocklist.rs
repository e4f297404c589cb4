//! Hashed blocklists: what the feeds and the store know about bad numbers,
//! URL expressions and payee accounts.
//!
//! Entries are keyed by SHA-256 of the canonical value (E.164 number, Safe
//! Browsing URL expression, normalized account), so neither a feed nor the
//! store holds plaintext. Checks look values up through [`BlockIndex`]; the
//! embedded default is empty (we ship no made-up scammer data), the store
//! provides the compact on-disk-backed index.

use crate::verdict::FraudType;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Which list a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// E.164 numbers (or service numbers as dialled).
    Number,
    /// Safe Browsing lookup expressions (`host/path`).
    Url,
    /// Normalized payee accounts.
    Account,
}

impl ListKind {
    /// The stable id (`number`, `url`, `account`).
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Number => "number",
            ListKind::Url => "url",
            ListKind::Account => "account",
        }
    }
}

/// What a list says about a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListEntry {
    /// Free-form category from the publisher (`fraud`, `spam`, `phishing` …).
    pub category: String,
    /// The fraud type a hit votes for.
    pub fraud_type: FraudType,
    /// 0–100; becomes the reason's weight.
    pub severity: u8,
    /// How many users reported it.
    pub reports: u32,
    /// Publisher's label, e.g. "冒充客服".
    pub label: String,
    /// The publisher marked this listing as confirmed (investigated, not
    /// just reported): it outranks a user's own "not a scam" allow rule.
    #[serde(default)]
    pub confirmed: bool,
    /// On a lookup hit: how many hash bits matched — the key width of a
    /// compact entry (e.g. 56), that plus 64 when the entry carried its
    /// SHA-256 and that matched too, 256 for an index keyed by the whole
    /// SHA-256. A value that is not listed still hits with probability
    /// about `entries / 2^match_bits` ([`false_hit_rate`]). Ignored when
    /// building a feed.
    #[serde(default)]
    pub match_bits: u16,
}

/// SHA-256 of a canonical value: the key of every list entry.
pub fn value_hash(canonical: &str) -> [u8; 32] {
    let d = ring::digest::digest(&ring::digest::SHA256, canonical.as_bytes());
    let mut out = [0u8; 32];
    out.copy_from_slice(d.as_ref());
    out
}

/// A fast 64-bit hash of a canonical value (XXH3, seed 0 — a published,
/// stable algorithm, so feeds built anywhere agree). Indexes key on it and
/// confirm a candidate with [`value_hash`].
pub fn fast_hash(canonical: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(canonical.as_bytes())
}

/// The key width compact feeds are built with unless the publisher
/// chooses: at 1 M entries a value that is not listed hits one by chance
/// about once in 7 × 10¹⁰ lookups (`entries / 2^56`), and a key costs about
/// 4.7 bytes in a feed.
pub const DEFAULT_KEY_BITS: u8 = 56;

/// The key of a canonical value in a compact feed and in the store: the top
/// `bits` (32–64) of [`fast_hash`], kept in the high bits of the `u64` with
/// the low bits zero.
pub fn hash_key(canonical: &str, bits: u8) -> u64 {
    truncate_key(fast_hash(canonical), bits)
}

/// Keeps the top `bits` of a 64-bit hash (the rest zero).
pub fn truncate_key(hash: u64, bits: u8) -> u64 {
    match bits {
        0 => 0,
        b if b >= 64 => hash,
        b => hash & !(u64::MAX >> b),
    }
}

/// The chance that a value not on a list of `entries` hashed entries hits
/// one of them when `match_bits` bits are compared: `entries / 2^bits`.
pub fn false_hit_rate(entries: u64, match_bits: u16) -> f64 {
    entries as f64 / 2f64.powi(i32::from(match_bits))
}

/// Whether an index could answer every lookup so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum IndexHealth {
    /// Every lookup can be answered.
    Ok,
    /// A newer feed apply replaced data this index points to: reload.
    Outdated,
    /// Stored data failed its checks: some lookups could not be confirmed.
    Damaged,
}

/// Answers "is this value listed?". Implementations are immutable once built
/// (a feed update builds a new one) and shared between threads.
pub trait BlockIndex: Send + Sync + std::fmt::Debug {
    /// Looks up one canonical value.
    fn lookup(&self, kind: ListKind, canonical: &str) -> Option<ListEntry>;

    /// Looks up several canonical values of one kind (a link's lookup
    /// expressions) and answers the most severe hit; on equal severity the
    /// earliest value wins. Indexes whose lookups wait on memory override
    /// this to let those waits overlap.
    fn lookup_most_severe(&self, kind: ListKind, values: &[&str]) -> Option<ListEntry> {
        let mut best: Option<ListEntry> = None;
        for v in values {
            keep_most_severe(&mut best, self.lookup(kind, v));
        }
        best
    }

    /// Number of entries, for status.
    fn len(&self) -> usize;

    /// True when nothing is listed (lookups can be skipped).
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Anything but [`IndexHealth::Ok`] means a lookup's `None` may not be
    /// a real "not listed": the guard then marks verdicts
    /// `store.unavailable`. In-memory indexes are always healthy.
    fn health(&self) -> IndexHealth {
        IndexHealth::Ok
    }
}

/// Keeps in `best` the more severe of it and `hit` (the earlier on a tie).
pub(crate) fn keep_most_severe(best: &mut Option<ListEntry>, hit: Option<ListEntry>) {
    if let Some(hit) = hit {
        if best.as_ref().is_none_or(|b| hit.severity > b.severity) {
            *best = Some(hit);
        }
    }
}

/// A plain in-memory index keyed by SHA-256: the embedded default (empty)
/// and small lists in tests.
#[derive(Debug, Default)]
pub struct MemoryIndex {
    entries: HashMap<(ListKind, [u8; 32]), ListEntry>,
}

impl MemoryIndex {
    /// An empty index.
    pub fn new() -> MemoryIndex {
        MemoryIndex::default()
    }

    /// Adds an entry by its SHA-256 key (a hit reports 256 matched bits).
    pub fn insert_hash(&mut self, kind: ListKind, hash: [u8; 32], mut entry: ListEntry) {
        entry.match_bits = 256;
        self.entries.insert((kind, hash), entry);
    }

    /// Adds an entry by its canonical value.
    pub fn insert(&mut self, kind: ListKind, canonical: &str, entry: ListEntry) {
        self.insert_hash(kind, value_hash(canonical), entry);
    }
}

impl BlockIndex for MemoryIndex {
    fn lookup(&self, kind: ListKind, canonical: &str) -> Option<ListEntry> {
        if self.entries.is_empty() {
            return None;
        }
        self.entries.get(&(kind, value_hash(canonical))).cloned()
    }

    fn len(&self) -> usize {
        self.entries.len()
    }
}
