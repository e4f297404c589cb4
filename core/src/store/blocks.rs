//! The on-disk half of a blocklist segment: its entries in sealed blocks.
//!
//! **Format 2** (written now): a block holds [`PER_BLOCK`] entries in index
//! order. The index in memory ([`super::keyset::HashSet16`]) already holds
//! the top `p` bits of every key, so a block keeps only the remaining
//! `r = key_bits - p` bits, a label, and optional extras:
//!
//! ```text
//! labels     varint n, then n varint label ids (0 = a removal) in order of
//!            first use
//! entries    count × (r bits remainder, ⌈log2 n⌉ bits label index,
//!            1 bit "has extras"), packed most significant bit first,
//!            padded to a byte
//! extras     for each entry with the bit, in order: flags (1: reports,
//!            2: SHA-256 prefix), [varint reports], [8 bytes SHA-256 prefix]
//! ```
//!
//! At 1 M keys of 56 bits (p = 32) an entry is 24 + 1 + (0–4) bits: about
//! 3.5 bytes. Entry `j` is at a fixed bit offset, so confirming a candidate
//! decrypts one block of a few hundred bytes and decodes one entry.
//!
//! **Format 1** (stores written before): the full 64-bit fast hash
//! delta-coded, the first 8 bytes of the SHA-256, label and reports as
//! varints (about 16 bytes an entry). Still read.

use super::error::StoreError;
use crate::golomb::{BitReader, BitWriter};

/// Entries per sealed block of format 2: about 1 KB at 1 M entries, one
/// AES-GCM open and one SQLite row a hit.
pub(crate) const PER_BLOCK: usize = 256;

/// One blocklist entry while applying or merging: 24 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Packed {
    /// The hash key, left-aligned (its segment's `key_bits` kept).
    pub key: u64,
    /// The first 8 bytes of the value's SHA-256 (big-endian) when the feed
    /// carried it; 0 when not (a real prefix of 0 then just isn't checked).
    pub sha8: u64,
    /// Label dictionary id; 0 marks a removal (tombstone).
    pub label: u32,
    pub reports: u32,
}

impl Packed {
    pub(crate) fn is_tombstone(&self) -> bool {
        self.label == 0
    }
}

/// One decoded entry of a format-2 block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BlockEntry {
    /// The key bits below the index's prefix, right-aligned.
    pub rem: u64,
    pub label: u32,
    pub reports: u32,
    pub sha8: u64,
}

const EXTRA_REPORTS: u8 = 1;
const EXTRA_SHA8: u8 = 2;

fn label_bits(n: usize) -> u32 {
    if n <= 1 {
        0
    } else {
        usize::BITS - (n - 1).leading_zeros()
    }
}

/// Encodes a format-2 block: `entries` in index order, `prefix_bits` of
/// each key held by the index, `key_bits` in all.
pub(crate) fn encode_block(entries: &[Packed], prefix_bits: u32, key_bits: u32) -> Vec<u8> {
    let rbits = key_bits.saturating_sub(prefix_bits);
    let mut labels: Vec<u32> = Vec::new();
    let mut index_of = std::collections::HashMap::new();
    for e in entries {
        index_of.entry(e.label).or_insert_with(|| {
            labels.push(e.label);
            labels.len() - 1
        });
    }
    let mut out = Vec::with_capacity(entries.len() * 4 + 16);
    put_varint(&mut out, labels.len() as u64);
    for &l in &labels {
        put_varint(&mut out, u64::from(l));
    }
    let lbits = label_bits(labels.len());
    let mut w = BitWriter::new();
    for e in entries {
        let rem = if rbits == 0 {
            0
        } else {
            (e.key << prefix_bits) >> (64 - rbits)
        };
        w.wide(rem, rbits);
        w.bits(index_of[&e.label] as u64, lbits);
        w.bits(u64::from(e.reports != 0 || e.sha8 != 0), 1);
    }
    out.extend_from_slice(&w.finish());
    for e in entries.iter().filter(|e| e.reports != 0 || e.sha8 != 0) {
        let flags = if e.reports != 0 { EXTRA_REPORTS } else { 0 }
            | if e.sha8 != 0 { EXTRA_SHA8 } else { 0 };
        out.push(flags);
        if e.reports != 0 {
            put_varint(&mut out, u64::from(e.reports));
        }
        if e.sha8 != 0 {
            out.extend_from_slice(&e.sha8.to_be_bytes());
        }
    }
    out
}

/// A parsed format-2 block, for decoding one entry or all of them.
struct Block<'a> {
    labels: Vec<u32>,
    bits: &'a [u8],
    extras: &'a [u8],
    rbits: u32,
    lbits: u32,
    count: usize,
}

fn bad() -> StoreError {
    StoreError::corrupt("blocklist block")
}

impl<'a> Block<'a> {
    fn parse(buf: &'a [u8], count: usize, rbits: u32) -> Result<Block<'a>, StoreError> {
        let mut pos = 0usize;
        let n = get_varint(buf, &mut pos).ok_or_else(bad)?;
        if n == 0 || n > count as u64 || rbits > 64 {
            return Err(bad());
        }
        let mut labels = Vec::with_capacity(n as usize);
        for _ in 0..n {
            labels.push(
                u32::try_from(get_varint(buf, &mut pos).ok_or_else(bad)?).map_err(|_| bad())?,
            );
        }
        let lbits = label_bits(labels.len());
        let width = u64::from(rbits + lbits + 1);
        let len = (count as u64 * width).div_ceil(8) as usize;
        let bits = buf.get(pos..pos + len).ok_or_else(bad)?;
        Ok(Block {
            labels,
            bits,
            extras: &buf[pos + len..],
            rbits,
            lbits,
            count,
        })
    }

    /// Remainder, label and extras flag of entry `j`.
    fn fixed(&self, r: &mut BitReader<'_>) -> Result<(u64, u32, bool), StoreError> {
        let rem = r.bits(self.rbits).map_err(|_| bad())?;
        let li = r.bits(self.lbits).map_err(|_| bad())? as usize;
        let label = *self.labels.get(li).ok_or_else(bad)?;
        let extra = r.bits(1).map_err(|_| bad())? == 1;
        Ok((rem, label, extra))
    }

    fn extra(&self, pos: &mut usize) -> Result<(u32, u64), StoreError> {
        let flags = *self.extras.get(*pos).ok_or_else(bad)?;
        *pos += 1;
        if flags == 0 || flags & !(EXTRA_REPORTS | EXTRA_SHA8) != 0 {
            return Err(bad());
        }
        let reports = if flags & EXTRA_REPORTS != 0 {
            u32::try_from(get_varint(self.extras, pos).ok_or_else(bad)?).map_err(|_| bad())?
        } else {
            0
        };
        let sha8 = if flags & EXTRA_SHA8 != 0 {
            let b = self.extras.get(*pos..*pos + 8).ok_or_else(bad)?;
            *pos += 8;
            u64::from_be_bytes(b.try_into().map_err(|_| bad())?)
        } else {
            0
        };
        Ok((reports, sha8))
    }

    /// Entry `j`: skips the fixed-width part to it, and the extras of the
    /// entries before it that have them.
    fn entry(&self, j: usize) -> Result<BlockEntry, StoreError> {
        if j >= self.count {
            return Err(bad());
        }
        let mut before = 0usize;
        let mut r = BitReader::new(self.bits);
        for _ in 0..j {
            r.bits(self.rbits).map_err(|_| bad())?;
            r.bits(self.lbits).map_err(|_| bad())?;
            before += r.bits(1).map_err(|_| bad())? as usize;
        }
        let (rem, label, extra) = self.fixed(&mut r)?;
        let (mut reports, mut sha8) = (0, 0);
        if extra {
            let mut pos = 0usize;
            for _ in 0..before {
                self.extra(&mut pos)?;
            }
            (reports, sha8) = self.extra(&mut pos)?;
        }
        Ok(BlockEntry {
            rem,
            label,
            reports,
            sha8,
        })
    }

    fn all(&self, out: &mut Vec<BlockEntry>) -> Result<(), StoreError> {
        let mut r = BitReader::new(self.bits);
        let mut pos = 0usize;
        for _ in 0..self.count {
            let (rem, label, extra) = self.fixed(&mut r)?;
            let (reports, sha8) = if extra { self.extra(&mut pos)? } else { (0, 0) };
            out.push(BlockEntry {
                rem,
                label,
                reports,
                sha8,
            });
        }
        r.finish().map_err(|_| bad())?;
        if pos != self.extras.len() {
            return Err(bad());
        }
        Ok(())
    }
}

/// Decodes entry `j` of a format-2 block of `count` entries whose keys
/// keep `rbits` bits here.
pub(crate) fn decode_entry(
    buf: &[u8],
    count: usize,
    rbits: u32,
    j: usize,
) -> Result<BlockEntry, StoreError> {
    Block::parse(buf, count, rbits)?.entry(j)
}

/// Decodes every entry of a format-2 block, checking that nothing is left.
pub(crate) fn decode_block(
    buf: &[u8],
    count: usize,
    rbits: u32,
    out: &mut Vec<BlockEntry>,
) -> Result<(), StoreError> {
    Block::parse(buf, count, rbits)?.all(out)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(buf: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*pos)?;
        *pos += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
/// Encodes a format-1 block of entries sorted by `(key, sha8)` (tests:
/// only old stores hold them).
pub(crate) fn encode_legacy_block(entries: &[Packed]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 18);
    let mut prev = 0u64;
    for (i, e) in entries.iter().enumerate() {
        if i == 0 {
            out.extend_from_slice(&e.key.to_le_bytes());
        } else {
            put_varint(&mut out, e.key - prev);
        }
        prev = e.key;
        out.extend_from_slice(&e.sha8.to_be_bytes());
        put_varint(&mut out, u64::from(e.label));
        put_varint(&mut out, u64::from(e.reports));
    }
    out
}

/// Decodes entries of a block until `upto` (inclusive) or `count`.
pub(crate) fn decode_legacy_block_upto(
    buf: &[u8],
    count: usize,
    upto: usize,
    out: &mut Vec<Packed>,
) -> Result<(), StoreError> {
    let bad = || StoreError::corrupt("blocklist block");
    let mut pos = 0usize;
    let mut prev = 0u64;
    for i in 0..count.min(upto.saturating_add(1)) {
        let fast = if i == 0 {
            let b = buf.get(0..8).ok_or_else(bad)?;
            pos = 8;
            u64::from_le_bytes(b.try_into().map_err(|_| bad())?)
        } else {
            prev.checked_add(get_varint(buf, &mut pos).ok_or_else(bad)?)
                .ok_or_else(bad)?
        };
        prev = fast;
        let s = buf.get(pos..pos + 8).ok_or_else(bad)?;
        pos += 8;
        let sha8 = u64::from_be_bytes(s.try_into().map_err(|_| bad())?);
        let label = u32::try_from(get_varint(buf, &mut pos).ok_or_else(bad)?).map_err(|_| bad())?;
        let reports =
            u32::try_from(get_varint(buf, &mut pos).ok_or_else(bad)?).map_err(|_| bad())?;
        out.push(Packed {
            key: fast,
            sha8,
            label,
            reports,
        });
    }
    if upto >= count && pos != buf.len() {
        return Err(bad());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn compact_blocks_round_trip(
            mut v in proptest::collection::vec((any::<u64>(), any::<u64>(), 0u32..6, any::<u32>()), 1..300),
            key_bits in 32u32..=64,
            prefix in 16u32..=32,
        ) {
            let prefix = prefix.min(key_bits);
            let keep = if key_bits == 64 { u64::MAX } else { !(u64::MAX >> key_bits) };
            v.sort_unstable();
            let entries: Vec<Packed> = v
                .iter()
                .map(|&(key, sha8, label, reports)| Packed {
                    key: key & keep,
                    sha8: if label % 2 == 0 { sha8 } else { 0 },
                    label,
                    reports: if label % 3 == 0 { reports } else { 0 },
                })
                .collect();
            let rbits = key_bits - prefix;
            let buf = encode_block(&entries, prefix, key_bits);
            let mut out = Vec::new();
            decode_block(&buf, entries.len(), rbits, &mut out).unwrap();
            for (j, (e, d)) in entries.iter().zip(&out).enumerate() {
                let rem = if rbits == 0 { 0 } else { (e.key << prefix) >> (64 - rbits) };
                prop_assert_eq!(*d, BlockEntry { rem, label: e.label, reports: e.reports, sha8: e.sha8 });
                prop_assert_eq!(decode_entry(&buf, entries.len(), rbits, j).unwrap(), *d);
            }
        }

        #[test]
        fn compact_decoder_never_panics(buf in proptest::collection::vec(any::<u8>(), 0..300), count in 0usize..40, rbits in 0u32..70, j in 0usize..40) {
            let mut out = Vec::new();
            let _ = decode_block(&buf, count, rbits, &mut out);
            let _ = decode_entry(&buf, count, rbits, j);
        }

        #[test]
        fn legacy_block_codec_roundtrips(mut v in proptest::collection::vec((any::<u64>(), any::<u64>(), any::<u32>(), any::<u32>()), 1..100)) {
            v.sort_unstable();
            let entries: Vec<Packed> = v.iter().map(|&(key, sha8, label, reports)| Packed { key, sha8, label, reports }).collect();
            let buf = encode_legacy_block(&entries);
            let mut out = Vec::new();
            decode_legacy_block_upto(&buf, entries.len(), usize::MAX, &mut out).unwrap();
            prop_assert_eq!(&out, &entries);
            let mut some = Vec::new();
            decode_legacy_block_upto(&buf, entries.len(), 0, &mut some).unwrap();
            prop_assert_eq!(some[0], entries[0]);
        }

        #[test]
        fn legacy_block_decoder_never_panics(buf in proptest::collection::vec(any::<u8>(), 0..300), count in 0usize..40) {
            let mut out = Vec::new();
            let _ = decode_legacy_block_upto(&buf, count, usize::MAX, &mut out);
        }
    }
}
