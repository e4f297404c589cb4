//! The in-memory half of a blocklist segment: [`HashSet16`], a sorted
//! multiset of hash keys that keeps only each key's top `b + 16` bits —
//! the bucket (top `b` bits) implicitly, the next 16 bits explicitly — at
//! about 2.1 bytes a key. The rest of each key lives in the segment's
//! sealed blocks on disk (`blocks.rs`), so memory and disk together hold
//! the key once.
//!
//! In front of it, built at load and never stored, a [`PrefixFilter`]: one
//! 64-bit word per [`FILTER_KEYS_PER_WORD`] keys, three bits set per key's
//! in-memory prefix (half a byte a key). Most values that are not listed are
//! turned away by one read of one word, instead of a read of the bucket
//! directory and one of the suffixes (two or three cache misses at 10 M
//! entries); a value the filter passes goes on to the exact check, so the
//! filter changes the speed of a lookup, never its answer. The store's
//! index takes the filter out of the set at load and keeps it inline
//! (`index.rs`, `Gate`); a set without one checks its bucket directly.

use super::error::StoreError;

/// Average bucket size the index aims for (between this and twice this).
const TARGET_BUCKET: usize = 16;
/// Most entries one segment may hold (offsets are `u32`).
pub(crate) const MAX_SEGMENT_ENTRIES: usize = 1 << 31;
const INDEX_MAGIC: &[u8; 4] = b"FZX2";

/// A sorted multiset of 64-bit hashes: `2^bits` buckets keyed by the top
/// bits, each holding the next 16 bits of its hashes in ascending order.
///
/// Where a bucket starts is a checkpoint (one `u32` per 16 buckets, small
/// enough to stay in cache) plus the sizes of the buckets before it in its
/// group (one byte a bucket, one cache line a group), so a lookup touches
/// the large suffix array once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HashSet16 {
    bits: u32,
    /// Built from the prefixes at construction (not part of the format).
    filter: PrefixFilter,
    /// Entries before each group of [`GROUP`] buckets (`groups + 1` values).
    checkpoints: Vec<u32>,
    /// Entries in each bucket.
    counts: Vec<u8>,
    suffixes: Vec<u16>,
}

/// Buckets per checkpoint: a lookup sums at most `GROUP - 1` bucket sizes.
/// Checkpoints are rebuilt at load, so this is not part of the format.
const GROUP: usize = 16;
const INDEX_MAGIC_V1: &[u8; 4] = b"FZX1";

impl HashSet16 {
    /// Bucket bits for `n` entries: the largest `b` with `n / 2^b >= 16`.
    fn bits_for(n: usize) -> u32 {
        let mut b = 0;
        while b < 30 && (n >> (b + 1)) >= TARGET_BUCKET {
            b += 1;
        }
        b
    }

    #[inline]
    fn bucket_of(bits: u32, h: u64) -> usize {
        if bits == 0 {
            0
        } else {
            (h >> (64 - bits)) as usize
        }
    }

    #[inline]
    fn bucket(&self, h: u64) -> usize {
        HashSet16::bucket_of(self.bits, h)
    }

    #[inline]
    fn suffix(&self, h: u64) -> u16 {
        ((h << self.bits) >> 48) as u16
    }

    fn checkpoints_for(counts: &[u8]) -> Vec<u32> {
        let mut out = Vec::with_capacity(counts.len() / GROUP + 2);
        let mut total = 0u32;
        out.push(0);
        for group in counts.chunks(GROUP) {
            total += group.iter().map(|&c| u32::from(c)).sum::<u32>();
            out.push(total);
        }
        out
    }

    /// Builds from hashes in ascending order, filter included.
    #[cfg(test)]
    pub(crate) fn build(sorted: &[u64]) -> HashSet16 {
        HashSet16::build_capped(sorted, 30).with_filter()
    }

    /// Builds from keys in ascending order using at most `cap` bucket bits
    /// (so that `cap + 16` bits of a key are in memory at most: a key of
    /// `w` bits needs `cap ≤ w - 16`), without the filter: writing a
    /// segment needs only the set's bytes; [`HashSet16::from_bytes`] (the
    /// load) and [`HashSet16::with_filter`] add it.
    pub(crate) fn build_capped(sorted: &[u64], cap: u32) -> HashSet16 {
        debug_assert!(sorted.windows(2).all(|w| w[0] <= w[1]));
        let cap = cap.min(30);
        let mut bits = HashSet16::bits_for(sorted.len()).min(cap);
        let max_bits = (bits + 3).min(cap);
        // A bucket holds at most 255 entries: with uniform hashes and 16-32
        // a bucket this never binds; skewed input gets up to 8 times more
        // buckets, and beyond that saturates (see `is_exact`).
        let counts = loop {
            let mut counts = vec![0u32; 1usize << bits];
            for &h in sorted {
                counts[HashSet16::bucket_of(bits, h)] += 1;
            }
            if bits >= max_bits || counts.iter().all(|&c| c <= 255) {
                break counts;
            }
            bits += 1;
        };
        let counts: Vec<u8> = counts.into_iter().map(|c| c.min(255) as u8).collect();
        let mut set = HashSet16 {
            bits,
            filter: PrefixFilter::default(),
            checkpoints: HashSet16::checkpoints_for(&counts),
            counts,
            suffixes: Vec::with_capacity(sorted.len()),
        };
        for &h in sorted {
            set.suffixes.push(set.suffix(h));
        }
        set
    }

    /// The set with its [`PrefixFilter`] built (lookups without one check
    /// the bucket directly, with the same answers).
    pub(crate) fn with_filter(mut self) -> HashSet16 {
        self.filter = PrefixFilter::build(&self);
        self
    }

    /// Moves the filter out (the store's index keeps it inline, next to the
    /// other segments' filters, and checks it before calling
    /// [`HashSet16::candidates`], which then goes straight to the bucket).
    pub(crate) fn take_filter(&mut self) -> PrefixFilter {
        std::mem::take(&mut self.filter)
    }

    /// The shift that turns a key into the prefix its filter is keyed by
    /// (`key >> shift`; [`PrefixFilter::may_contain`]).
    pub(crate) fn filter_shift(&self) -> u32 {
        48 - self.bits
    }

    /// Bits of a key held in memory: the bucket bits plus 16.
    pub(crate) fn prefix_bits(&self) -> u32 {
        self.bits + 16
    }

    /// Each position's in-memory bits (the top [`HashSet16::prefix_bits`]
    /// of its key, the rest zero), in order.
    pub(crate) fn prefixes(&self) -> impl Iterator<Item = u64> + '_ {
        let bits = self.bits;
        let mut pos = 0usize;
        self.counts
            .iter()
            .enumerate()
            .flat_map(move |(bucket, &c)| {
                let top = if bits == 0 {
                    0
                } else {
                    (bucket as u64) << (64 - bits)
                };
                let start = pos;
                pos += usize::from(c);
                self.suffixes[start..pos]
                    .iter()
                    .map(move |&s| top | (u64::from(s) << (48 - bits)))
            })
    }

    pub(crate) fn len(&self) -> usize {
        self.suffixes.len()
    }

    /// Whether every bucket fits (see [`HashSet16::build`]).
    pub(crate) fn is_exact(&self) -> bool {
        self.checkpoints.last().copied().unwrap_or(0) as usize == self.suffixes.len()
    }

    /// Index positions whose kept bits equal `h`'s (contiguous).
    #[inline]
    pub(crate) fn candidates(&self, h: u64) -> std::ops::Range<usize> {
        if !self.filter.may_contain(h >> self.filter_shift()) {
            return 0..0;
        }
        let b = self.bucket(h);
        let g = b / GROUP;
        // Validated at load: checkpoints and counts agree with the length.
        let before: u32 = self.counts[g * GROUP..b]
            .iter()
            .map(|&c| u32::from(c))
            .sum();
        let lo = (self.checkpoints[g] + before) as usize;
        let hi = lo + usize::from(self.counts[b]);
        let s = self.suffix(h);
        let slice = &self.suffixes[lo..hi];
        let start = slice.partition_point(|&x| x < s);
        let mut end = start;
        while end < slice.len() && slice[end] == s {
            end += 1;
        }
        lo + start..lo + end
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.checkpoints.capacity() * 4
            + self.counts.capacity()
            + self.suffixes.capacity() * 2
            + self.filter.heap_bytes()
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.counts.len() + self.suffixes.len() * 2);
        out.extend_from_slice(INDEX_MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.suffixes.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.counts);
        for s in &self.suffixes {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out
    }

    /// Parses [`HashSet16::to_bytes`] (and the first layout, `FZX1`, which
    /// stored a `u32` offset per bucket), validating the bucket sizes
    /// against the length so a lookup can never slice out of range.
    pub(crate) fn from_bytes(buf: &[u8]) -> Result<HashSet16, StoreError> {
        let bad = || StoreError::corrupt("blocklist index");
        if buf.len() < 16 {
            return Err(bad());
        }
        let v1 = &buf[..4] == INDEX_MAGIC_V1;
        if !v1 && &buf[..4] != INDEX_MAGIC {
            return Err(bad());
        }
        let bits = u32::from_le_bytes(buf[4..8].try_into().map_err(|_| bad())?);
        let n = u64::from_le_bytes(buf[8..16].try_into().map_err(|_| bad())?);
        if bits > 30 || n > MAX_SEGMENT_ENTRIES as u64 {
            return Err(bad());
        }
        let n = n as usize;
        let buckets = 1usize << bits;
        let (counts, rest) = if v1 {
            let table = (buckets + 1) * 4;
            if buf.len() != 16 + table + n * 2 {
                return Err(bad());
            }
            let offsets: Vec<u32> = buf[16..16 + table]
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            if offsets[0] != 0 || offsets[buckets] as usize != n {
                return Err(bad());
            }
            let mut counts = Vec::with_capacity(buckets);
            for w in offsets.windows(2) {
                let c = w[1].checked_sub(w[0]).ok_or_else(bad)?;
                counts.push(u8::try_from(c).map_err(|_| bad())?);
            }
            (counts, &buf[16 + table..])
        } else {
            if buf.len() != 16 + buckets + n * 2 {
                return Err(bad());
            }
            (buf[16..16 + buckets].to_vec(), &buf[16 + buckets..])
        };
        let checkpoints = HashSet16::checkpoints_for(&counts);
        if checkpoints.last().copied().unwrap_or(0) as usize != n {
            return Err(bad());
        }
        let suffixes = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(HashSet16 {
            bits,
            filter: PrefixFilter::default(),
            checkpoints,
            counts,
            suffixes,
        }
        .with_filter())
    }
}

/// Keys per filter word: 4 bits a key.
pub(crate) const FILTER_KEYS_PER_WORD: usize = 16;

/// A register-blocked Bloom filter over the in-memory prefixes of a
/// [`HashSet16`] (its top `bits + 16` bits): each prefix picks one 64-bit
/// word and sets three bits in it, so a check reads one word. With 16 keys
/// a word, about 16 % of values whose prefix is not in the set pass (15.7 %
/// measured by the `filter_passes_few_strangers` test; 8 keys a word gave
/// about 4 % but, at 10 MB for 10 M keys, a slower median lookup), and none
/// whose prefix is in it are turned away.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct PrefixFilter {
    words: Vec<u64>,
}

impl PrefixFilter {
    /// The filter of every prefix `set` holds.
    fn build(set: &HashSet16) -> PrefixFilter {
        let n = set.suffixes.len();
        if n == 0 {
            return PrefixFilter::default();
        }
        let mut f = PrefixFilter {
            words: vec![0; n.div_ceil(FILTER_KEYS_PER_WORD)],
        };
        let shift = 64 - set.prefix_bits();
        for p in set.prefixes() {
            let (w, mask) = f.slot(p >> shift);
            f.words[w] |= mask;
        }
        f
    }

    /// The word and bits of a prefix (right-aligned).
    #[inline]
    fn slot(&self, prefix: u64) -> (usize, u64) {
        // MurmurHash3's 64-bit finalizer: the prefix's bits spread over all 64.
        let mut m = prefix;
        m ^= m >> 33;
        m = m.wrapping_mul(0xff51_afd7_ed55_8ccd);
        m ^= m >> 33;
        m = m.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        m ^= m >> 33;
        let w = (((m >> 32) * self.words.len() as u64) >> 32) as usize;
        let mask = (1u64 << (m & 63)) | (1u64 << ((m >> 6) & 63)) | (1u64 << ((m >> 12) & 63));
        (w, mask)
    }

    /// False when no prefix of the set is `prefix` (right-aligned); true
    /// for a filter not built (no words: an empty set, or one built only to
    /// be written), whose set then answers on its own.
    #[inline]
    pub(crate) fn may_contain(&self, prefix: u64) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let (w, mask) = self.slot(prefix);
        self.words[w] & mask == mask
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(sorted: &[u64], h: u64, set: &HashSet16) -> Vec<usize> {
        // Same kept bits as the set.
        let key = |x: u64| (set.bucket(x), set.suffix(x));
        sorted
            .iter()
            .enumerate()
            .filter(|(_, &x)| key(x) == key(h))
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn filter_passes_few_strangers() {
        // 1 M keys, then 1 M other keys: every member passes, about 16 % of
        // the others do (the rest never reach the bucket directory).
        let mix = |i: u64| {
            let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            x ^= x >> 29;
            x.wrapping_mul(0xBF58_476D_1CE4_E5B9)
        };
        let mut v: Vec<u64> = (0..1_000_000u64).map(mix).collect();
        v.sort_unstable();
        let set = HashSet16::build_capped(&v, 40).with_filter();
        let shift = 48 - set.bits;
        assert!(v.iter().all(|&h| set.filter.may_contain(h >> shift)));
        let strangers = 1_000_000u64;
        let passed = (0..strangers)
            .map(|i| mix(i + (1 << 40)))
            .filter(|&h| set.filter.may_contain(h >> shift))
            .count();
        let rate = passed as f64 / strangers as f64;
        assert!((0.12..0.20).contains(&rate), "filter pass rate {rate}");
        // Half a byte a key on top of the set's 2.1.
        let per_key = set.heap_bytes() as f64 / v.len() as f64;
        assert!(per_key < 2.7, "{per_key} B/key");
    }

    #[test]
    fn bits_keep_buckets_between_16_and_32() {
        for n in [0usize, 1, 15, 16, 31, 32, 33, 1000, 10_000_000] {
            let b = HashSet16::bits_for(n);
            if n >= 32 {
                let per = n as f64 / (1u64 << b) as f64;
                assert!((16.0..32.0).contains(&per), "n={n} b={b} per={per}");
            } else {
                assert_eq!(b, 0);
            }
        }
    }

    proptest! {
        #[test]
        fn set_finds_members_and_positions(mut v in proptest::collection::vec(any::<u64>(), 0..600), probes in proptest::collection::vec(any::<u64>(), 0..50)) {
            v.sort_unstable();
            let set = HashSet16::build(&v);
            prop_assert_eq!(set.len(), v.len());
            for (i, &h) in v.iter().enumerate() {
                prop_assert!(set.candidates(h).contains(&i));
            }
            // Built to be written (no filter): the same answers.
            let bare = HashSet16::build_capped(&v, 30);
            prop_assert!(bare.filter.words.is_empty());
            for h in probes {
                let got: Vec<usize> = set.candidates(h).collect();
                prop_assert_eq!(&got, &naive(&v, h, &set));
                prop_assert_eq!(bare.candidates(h).collect::<Vec<_>>(), got);
            }
            let back = HashSet16::from_bytes(&set.to_bytes()).unwrap();
            prop_assert_eq!(back, set);
        }

        #[test]
        fn index_parser_never_panics(buf in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = HashSet16::from_bytes(&buf);
        }


        #[test]
        fn prefixes_are_the_kept_bits(mut v in proptest::collection::vec(any::<u64>(), 0..600), cap in 0u32..20) {
            v.sort_unstable();
            let set = HashSet16::build_capped(&v, cap);
            prop_assume!(set.is_exact());
            let mask = !(u64::MAX >> set.prefix_bits());
            let got: Vec<u64> = set.prefixes().collect();
            let want: Vec<u64> = v.iter().map(|h| h & mask).collect();
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn corrupt_offsets_refused() {
        let set = HashSet16::build(
            &(0..1000u64)
                .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
                .collect::<Vec<_>>()
                .tap_sort(),
        );
        let mut bytes = set.to_bytes();
        // A bucket size that no longer adds up.
        bytes[16 + 3] = bytes[16 + 3].wrapping_add(1);
        assert!(HashSet16::from_bytes(&bytes).is_err());
    }

    #[test]
    fn first_layout_still_reads() {
        let mut v: Vec<u64> = (0..5000u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        v.sort_unstable();
        let set = HashSet16::build(&v);
        // FZX1: a u32 cumulative offset per bucket instead of u8 sizes.
        let mut old = Vec::new();
        old.extend_from_slice(b"FZX1");
        old.extend_from_slice(&set.bits.to_le_bytes());
        old.extend_from_slice(&(v.len() as u64).to_le_bytes());
        let mut acc = 0u32;
        old.extend_from_slice(&acc.to_le_bytes());
        for &c in &set.counts {
            acc += u32::from(c);
            old.extend_from_slice(&acc.to_le_bytes());
        }
        for s in &set.suffixes {
            old.extend_from_slice(&s.to_le_bytes());
        }
        assert_eq!(HashSet16::from_bytes(&old).unwrap(), set);
    }

    #[test]
    fn skewed_hashes_are_flagged_not_indexed_wrongly() {
        let v = vec![42u64; 300];
        let set = HashSet16::build(&v);
        assert!(!set.is_exact());
        let mut ok: Vec<u64> = (0..300u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        ok.sort_unstable();
        assert!(HashSet16::build(&ok).is_exact());
    }

    trait TapSort {
        fn tap_sort(self) -> Self;
    }
    impl TapSort for Vec<u64> {
        fn tap_sort(mut self) -> Self {
            self.sort_unstable();
            self
        }
    }
}
