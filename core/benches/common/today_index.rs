//! Bench-only reference: the store's in-memory blocklist set as it was
//! before the prefix filter (commit 2f9f277, `core/src/store/keyset.rs`;
//! the pre-format-2 index of `72344c3^` used the same set): buckets keyed
//! by the top `b` bits holding the next 16 bits of each key, found through
//! a checkpoint every 16 buckets plus one byte a bucket. Kept here, our own
//! code, so that the compact bench can time today's lookup beside the new
//! one in the same run. Only building and the miss path are kept.
//!
//! [`TodayIndex`] puts the set behind [`BlockIndex`], the way the guard
//! calls an index (`&dyn BlockIndex`), so that the bench times both sides
//! through the same call: a value with a candidate answers a clone of one
//! prebuilt entry (today's index then read a block; not timed here).

use fanzha_core::blocklist::{fast_hash, truncate_key, BlockIndex, ListEntry, ListKind};

/// Average bucket size (between this and twice this).
const TARGET_BUCKET: usize = 16;
/// Buckets per checkpoint.
const GROUP: usize = 16;

/// The set: `2^bits` buckets of 16-bit suffixes.
pub struct TodaySet {
    bits: u32,
    checkpoints: Vec<u32>,
    counts: Vec<u8>,
    suffixes: Vec<u16>,
}

impl TodaySet {
    /// Builds from keys in ascending order with at most `cap` bucket bits.
    pub fn build_capped(sorted: &[u64], cap: u32) -> TodaySet {
        let mut bits = 0;
        while bits < 30 && (sorted.len() >> (bits + 1)) >= TARGET_BUCKET {
            bits += 1;
        }
        let bits = bits.min(cap.min(30));
        let mut counts = vec![0u8; 1usize << bits];
        for &h in sorted {
            let c = &mut counts[bucket_of(bits, h)];
            *c = c.saturating_add(1);
        }
        let mut checkpoints = vec![0u32];
        let mut total = 0u32;
        for g in counts.chunks(GROUP) {
            total += g.iter().map(|&c| u32::from(c)).sum::<u32>();
            checkpoints.push(total);
        }
        let suffixes = sorted.iter().map(|&h| ((h << bits) >> 48) as u16).collect();
        TodaySet {
            bits,
            checkpoints,
            counts,
            suffixes,
        }
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.checkpoints.capacity() * 4 + self.counts.capacity() + self.suffixes.capacity() * 2
    }

    /// Index positions whose kept bits equal `h`'s.
    #[inline]
    pub fn candidates(&self, h: u64) -> std::ops::Range<usize> {
        let b = bucket_of(self.bits, h);
        let g = b / GROUP;
        let before: u32 = self.counts[g * GROUP..b]
            .iter()
            .map(|&c| u32::from(c))
            .sum();
        let lo = (self.checkpoints[g] + before) as usize;
        let hi = lo + usize::from(self.counts[b]);
        let s = ((h << self.bits) >> 48) as u16;
        let slice = &self.suffixes[lo..hi];
        let start = slice.partition_point(|&x| x < s);
        let mut end = start;
        while end < slice.len() && slice[end] == s {
            end += 1;
        }
        lo + start..lo + end
    }
}

#[inline]
fn bucket_of(bits: u32, h: u64) -> usize {
    if bits == 0 {
        0
    } else {
        (h >> (64 - bits)) as usize
    }
}

/// [`TodaySet`] of one kind's keys behind [`BlockIndex`].
#[derive(Debug)]
pub struct TodayIndex {
    /// The set.
    pub set: TodaySet,
    /// Key width the set was built from.
    pub key_bits: u8,
    /// What a value with a candidate answers.
    pub entry: ListEntry,
}

impl std::fmt::Debug for TodaySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TodaySet")
            .field("entries", &self.suffixes.len())
            .finish_non_exhaustive()
    }
}

impl BlockIndex for TodayIndex {
    fn lookup(&self, kind: ListKind, canonical: &str) -> Option<ListEntry> {
        if kind != ListKind::Number {
            return None;
        }
        let key = truncate_key(fast_hash(canonical), self.key_bits);
        (!self.set.candidates(key).is_empty()).then(|| self.entry.clone())
    }

    fn len(&self) -> usize {
        self.set.suffixes.len()
    }
}
