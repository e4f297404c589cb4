//! The blocklist on disk and in memory.
//!
//! Blocklist entries live in **segments**: immutable, sorted runs of entries
//! of one feed and one list kind. A full feed writes one base segment per
//! kind; a delta writes a small delta segment (additions and tombstones)
//! that takes precedence over older ones; deltas are merged, and merged into
//! the base when they grow (see `apply.rs`).
//!
//! Each segment has two parts:
//!
//! - **the compact index** ([`HashSet16`]), loaded into memory at open: the
//!   segment's sorted 64-bit fast hashes ([`crate::blocklist::fast_hash`])
//!   bucketed by their top `b` bits (about 16–32 entries a bucket) with only
//!   the next 16 bits kept per entry. 2 bytes an entry plus a 4-byte offset a
//!   bucket: about 2.2 bytes an entry. A negative lookup is a shift, two
//!   offset reads and a search of a few `u16`s, without touching disk; about
//!   one lookup in 2 000–4 000 finds a false candidate.
//! - **the blocks**: entries in index order, [`PER_BLOCK`] to a block (224;
//!   the segment records its own size, older ones used 512), each
//!   sealed with AES-256-GCM. An entry is the delta-coded full fast hash, the
//!   first 8 bytes of the SHA-256 of the value, a label id (0 marks a
//!   removal) and the report count, as LEB128 varints — about 16 bytes. A
//!   candidate at index position `p` is confirmed by decoding entry `p` of
//!   block `p / per_block` and comparing both hashes, so a hit costs one
//!   block read and one SHA-256.
//!
//! Labels (category, fraud type, severity, label text) repeat across many
//! entries, so they live in a dictionary table and entries carry its id.

use super::crypto::{Keys, SEAL_OVERHEAD};
use super::error::StoreError;
use crate::blocklist::{fast_hash, keep_most_severe, BlockIndex, IndexHealth, ListEntry, ListKind};
use crate::verdict::FraudType;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Mutex;

/// Entries per sealed block in segments written now. A hit reads, decrypts
/// and decodes one block, so smaller blocks make hits cheaper; 224 entries
/// (about 3.7 KB) fill one 4 KB SQLite page without overflow pages.
/// Measured on 1 M link entries: a hit ~10 µs (512: ~19 µs; 64: ~8.5 µs,
/// but three blocks a page wasted a fifth of the disk), 20.4 bytes an entry
/// on disk (512: 19.1; 64: 23.5). Each segment records its own size
/// ([`SegmentMeta::per_block`]); segments written before it was recorded
/// used [`LEGACY_PER_BLOCK`].
pub(crate) const PER_BLOCK: usize = 224;
/// Entries per block of segments whose meta has no `per_block`.
pub(crate) const LEGACY_PER_BLOCK: usize = 512;
/// Largest block size a segment meta may declare.
const MAX_PER_BLOCK: u32 = 1 << 16;

fn legacy_per_block() -> u32 {
    LEGACY_PER_BLOCK as u32
}
/// Bytes per sealed chunk of a serialized index.
const INDEX_CHUNK: usize = 1 << 20;
/// Average bucket size the index aims for (between this and twice this).
const TARGET_BUCKET: usize = 16;
/// Most entries one segment may hold (offsets are `u32`).
pub(crate) const MAX_SEGMENT_ENTRIES: usize = 1 << 31;
const INDEX_MAGIC: &[u8; 4] = b"FZX2";

/// The list kinds, in the order segments are grouped.
pub(crate) const KINDS: [ListKind; 3] = [ListKind::Number, ListKind::Url, ListKind::Account];

pub(crate) fn kind_slot(kind: ListKind) -> usize {
    match kind {
        ListKind::Number => 0,
        ListKind::Url => 1,
        ListKind::Account => 2,
    }
}

/// The first 8 bytes of a SHA-256, as a big-endian integer.
pub(crate) fn sha8(sha256: &[u8; 32]) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&sha256[..8]);
    u64::from_be_bytes(b)
}

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

    /// Builds from hashes in ascending order.
    pub(crate) fn build(sorted: &[u64]) -> HashSet16 {
        debug_assert!(sorted.windows(2).all(|w| w[0] <= w[1]));
        let mut bits = HashSet16::bits_for(sorted.len());
        let max_bits = (bits + 3).min(30);
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
            checkpoints: HashSet16::checkpoints_for(&counts),
            counts,
            suffixes: Vec::with_capacity(sorted.len()),
        };
        for &h in sorted {
            set.suffixes.push(set.suffix(h));
        }
        set
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
        self.checkpoints.capacity() * 4 + self.counts.capacity() + self.suffixes.capacity() * 2
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
            checkpoints,
            counts,
            suffixes,
        })
    }
}

/// One blocklist entry as stored: 24 bytes in memory while writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Packed {
    pub fast: u64,
    pub sha8: u64,
    /// Label dictionary id; 0 marks a removal (tombstone).
    pub label: u32,
    pub reports: u32,
}

impl Packed {
    pub(crate) fn is_tombstone(&self) -> bool {
        self.label == 0
    }

    pub(crate) fn order_key(&self) -> (u64, u64) {
        (self.fast, self.sha8)
    }
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

/// Encodes a block of entries sorted by `(fast, sha8)`.
pub(crate) fn encode_block(entries: &[Packed]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 18);
    let mut prev = 0u64;
    for (i, e) in entries.iter().enumerate() {
        if i == 0 {
            out.extend_from_slice(&e.fast.to_le_bytes());
        } else {
            put_varint(&mut out, e.fast - prev);
        }
        prev = e.fast;
        out.extend_from_slice(&e.sha8.to_be_bytes());
        put_varint(&mut out, u64::from(e.label));
        put_varint(&mut out, u64::from(e.reports));
    }
    out
}

/// Decodes entries of a block until `upto` (inclusive) or `count`.
fn decode_block_upto(
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
            fast,
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

/// What a segment is, sealed in the `segments` table.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct SegmentMeta {
    /// The feed it belongs to.
    pub slot: u32,
    pub kind: ListKind,
    /// Order within the feed and kind: higher is newer and wins.
    pub seq: u64,
    /// A base segment has no tombstones.
    pub base: bool,
    /// Entries, tombstones included.
    pub n: u64,
    /// Tombstones among them.
    pub removals: u64,
    pub blocks: u32,
    /// Entries per block (the last one may hold fewer).
    #[serde(default = "legacy_per_block")]
    pub per_block: u32,
    pub chunks: u32,
    /// Bytes of the serialized index (all chunks).
    pub index_bytes: u64,
}

impl SegmentMeta {
    /// Entries per block, checked against the entry and block counts (a
    /// damaged or forged meta must not send a lookup out of range).
    pub(crate) fn block_size(&self) -> Result<usize, StoreError> {
        let per = self.per_block;
        let blocks = u64::from(self.blocks);
        if per == 0 || per > MAX_PER_BLOCK || self.n.div_ceil(u64::from(per)) != blocks {
            return Err(StoreError::corrupt("segment record"));
        }
        Ok(per as usize)
    }
}

pub(crate) fn seg_aad(id: i64) -> Vec<u8> {
    format!("segment:{id}").into_bytes()
}

fn block_aad(seg: i64, block: u32) -> Vec<u8> {
    format!("block:{seg}:{block}").into_bytes()
}

fn chunk_aad(seg: i64, chunk: u32, total: u32) -> Vec<u8> {
    format!("index:{seg}:{chunk}:{total}").into_bytes()
}

pub(crate) fn row_id(seg: i64, part: u32) -> i64 {
    (seg << 32) | i64::from(part)
}

/// Where a new segment goes and what it is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NewSegment {
    pub id: i64,
    pub slot: u32,
    pub kind: ListKind,
    pub seq: u64,
    pub base: bool,
}

/// Writes a segment of entries sorted by `(fast, sha8)` and returns its meta.
pub(crate) fn write_segment(
    conn: &Connection,
    keys: &Keys,
    new: NewSegment,
    entries: &[Packed],
) -> Result<SegmentMeta, StoreError> {
    let NewSegment {
        id,
        slot,
        kind,
        seq,
        base,
    } = new;
    if entries.len() > MAX_SEGMENT_ENTRIES {
        return Err(StoreError::Limit {
            what: "entries in one list",
        });
    }
    let mut ins_block =
        conn.prepare_cached("INSERT INTO seg_blocks (id, payload) VALUES (?1, ?2)")?;
    let mut blocks = 0u32;
    for (i, chunk) in entries.chunks(PER_BLOCK).enumerate() {
        let i = i as u32;
        let sealed = keys.seal(&block_aad(id, i), &encode_block(chunk))?;
        ins_block.execute(rusqlite::params![row_id(id, i), sealed])?;
        blocks += 1;
    }
    let fasts: Vec<u64> = entries.iter().map(|e| e.fast).collect();
    let set = HashSet16::build(&fasts);
    drop(fasts);
    if !set.is_exact() {
        // More than 255 entries share 30 top bits: not hashes of distinct
        // values (a feed with forged fast hashes).
        return Err(StoreError::InvalidValue {
            what: "feed entries",
            why: "fast hashes are not spread like hashes",
        });
    }
    let bytes = set.to_bytes();
    drop(set);
    let total = bytes.len().div_ceil(INDEX_CHUNK) as u32;
    let mut ins_chunk =
        conn.prepare_cached("INSERT INTO seg_index (id, payload) VALUES (?1, ?2)")?;
    for (i, chunk) in bytes.chunks(INDEX_CHUNK).enumerate() {
        let i = i as u32;
        let sealed = keys.seal(&chunk_aad(id, i, total), chunk)?;
        ins_chunk.execute(rusqlite::params![row_id(id, i), sealed])?;
    }
    let meta = SegmentMeta {
        slot,
        kind,
        seq,
        base,
        n: entries.len() as u64,
        removals: entries.iter().filter(|e| e.is_tombstone()).count() as u64,
        blocks,
        per_block: PER_BLOCK as u32,
        chunks: total,
        index_bytes: bytes.len() as u64,
    };
    let payload = keys.seal(
        &seg_aad(id),
        &serde_json::to_vec(&meta).expect("segment meta serializes"),
    )?;
    conn.prepare_cached("INSERT INTO segments (id, payload) VALUES (?1, ?2)")?
        .execute(rusqlite::params![id, payload])?;
    Ok(meta)
}

/// Deletes a segment and all its rows.
pub(crate) fn delete_segment(conn: &Connection, id: i64) -> Result<(), StoreError> {
    let lo = row_id(id, 0);
    let hi = row_id(id, u32::MAX);
    conn.prepare_cached("DELETE FROM seg_blocks WHERE id BETWEEN ?1 AND ?2")?
        .execute([lo, hi])?;
    conn.prepare_cached("DELETE FROM seg_index WHERE id BETWEEN ?1 AND ?2")?
        .execute([lo, hi])?;
    conn.prepare_cached("DELETE FROM segments WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Reads every segment's meta.
pub(crate) fn read_segment_metas(
    conn: &Connection,
    keys: &Keys,
) -> Result<Vec<(i64, SegmentMeta)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, payload FROM segments ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, payload) = row?;
        let plain = keys.open(&seg_aad(id), &payload, "segment record")?;
        let meta: SegmentMeta =
            serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("segment record"))?;
        meta.block_size()?;
        out.push((id, meta));
    }
    Ok(out)
}

/// Reads all entries of a segment (for merging).
pub(crate) fn read_segment_entries(
    conn: &Connection,
    keys: &Keys,
    id: i64,
    meta: &SegmentMeta,
) -> Result<Vec<Packed>, StoreError> {
    let mut out = Vec::with_capacity(meta.n as usize);
    let mut stmt = conn.prepare_cached(
        "SELECT id, payload FROM seg_blocks WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map([row_id(id, 0), row_id(id, u32::MAX)], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let per = meta.block_size()?;
    let mut expect = 0u32;
    for row in rows {
        let (rid, payload) = row?;
        if rid != row_id(id, expect) || expect >= meta.blocks {
            return Err(StoreError::corrupt("blocklist block"));
        }
        let plain = keys.open(&block_aad(id, expect), &payload, "blocklist block")?;
        let count = (meta.n as usize - expect as usize * per).min(per);
        decode_block_upto(&plain, count, usize::MAX, &mut out)?;
        expect += 1;
    }
    if expect != meta.blocks || out.len() as u64 != meta.n {
        return Err(StoreError::corrupt("blocklist block"));
    }
    Ok(out)
}

/// Loads a segment's compact index.
fn load_set(
    conn: &Connection,
    keys: &Keys,
    id: i64,
    meta: &SegmentMeta,
) -> Result<HashSet16, StoreError> {
    let bad = || StoreError::corrupt("blocklist index");
    let mut buf: Vec<u8> = Vec::with_capacity(meta.index_bytes as usize + SEAL_OVERHEAD);
    for chunk in 0..meta.chunks {
        // Incremental blob I/O reads the pages straight into our buffer,
        // where the chunk is decrypted in place: one copy instead of four.
        let blob = conn
            .blob_open(
                rusqlite::MAIN_DB,
                c"seg_index",
                c"payload",
                row_id(id, chunk),
                true,
            )
            .map_err(|e| match StoreError::from(e) {
                StoreError::Sqlite(_) => bad(),
                other => other,
            })?;
        let len = blob.len();
        let start = buf.len();
        if (start + len) as u64 > meta.index_bytes + SEAL_OVERHEAD as u64 * u64::from(meta.chunks) {
            return Err(bad());
        }
        buf.resize(start + len, 0);
        blob.read_at_exact(&mut buf[start..], 0)?;
        drop(blob);
        let plain = keys.open_in_place(
            &chunk_aad(id, chunk, meta.chunks),
            &mut buf[start..],
            "blocklist index",
        )?;
        buf.truncate(start + plain);
    }
    if buf.len() as u64 != meta.index_bytes {
        return Err(bad());
    }
    let set = HashSet16::from_bytes(&buf)?;
    if set.len() as u64 != meta.n {
        return Err(bad());
    }
    Ok(set)
}

/// A label dictionary record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct LabelRecord {
    pub slot: u32,
    pub category: String,
    pub fraud_type: FraudType,
    pub severity: u8,
    pub label: String,
    /// The publisher confirmed the listing (see [`ListEntry::confirmed`]).
    /// Absent in labels written before it existed: `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confirmed: bool,
}

pub(crate) fn label_aad(id: i64) -> Vec<u8> {
    format!("label:{id}").into_bytes()
}

pub(crate) fn read_label(
    conn: &Connection,
    keys: &Keys,
    id: u32,
) -> Result<Option<LabelRecord>, StoreError> {
    let payload: Option<Vec<u8>> = conn
        .prepare_cached("SELECT payload FROM labels WHERE id = ?1")?
        .query_row([i64::from(id)], |r| r.get(0))
        .optional()?;
    let Some(payload) = payload else {
        return Ok(None);
    };
    let plain = keys.open(&label_aad(i64::from(id)), &payload, "blocklist label")?;
    serde_json::from_slice(&plain)
        .map(Some)
        .map_err(|_| StoreError::corrupt("blocklist label"))
}

/// A segment loaded for lookups.
#[derive(Debug)]
pub(crate) struct Segment {
    id: i64,
    meta: SegmentMeta,
    set: HashSet16,
}

/// The segments of one feed and one kind, newest first.
#[derive(Debug)]
struct Group {
    segments: Vec<Segment>,
}

impl Group {
    /// Entries listed: additions minus removals (exact once deltas are
    /// merged into the base; an addition that updates an entry or a removal
    /// of an unlisted value makes it approximate until then).
    fn count(&self) -> usize {
        let net: i64 = self
            .segments
            .iter()
            .map(|s| s.meta.n as i64 - 2 * s.meta.removals as i64)
            .sum();
        net.max(0) as usize
    }
}

enum Found {
    Entry(Packed),
    Removed,
}

/// The store's blocklist index: every feed's segments, loaded at open, with
/// a private connection to confirm candidates.
///
/// Lookups that find no candidate never touch the database or a lock. A
/// candidate takes the connection's mutex, reads one sealed block and one
/// label. If a block can't be read or opened, the lookup answers `None` and
/// the index reports [`IndexHealth::Damaged`] (or [`IndexHealth::Outdated`]
/// when a newer apply replaced the segment) so verdicts say the protection
/// data was unavailable instead of silently clearing.
pub struct StoreIndex {
    kinds: [Vec<Group>; 3],
    conn: Mutex<Connection>,
    /// Labels read so far (ids are never reused, so they never go stale).
    labels: Mutex<HashMap<u32, LabelRecord>>,
    keys: std::sync::Arc<Keys>,
    health: AtomicU8,
    len: usize,
}

impl std::fmt::Debug for StoreIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreIndex")
            .field("len", &self.len)
            .field("heap_bytes", &self.heap_bytes())
            .field("health", &self.health())
            .finish_non_exhaustive()
    }
}

/// Labels cached per index at most.
const LABEL_CACHE: usize = 4096;

const HEALTH_OK: u8 = 0;
const HEALTH_OUTDATED: u8 = 1;
const HEALTH_DAMAGED: u8 = 2;

/// Loads the compact index of every segment listed in `metas` (call inside
/// the read transaction that read `metas`).
pub(crate) fn load_segments(
    conn: &Connection,
    keys: &Keys,
    metas: Vec<(i64, SegmentMeta)>,
) -> Result<Vec<Segment>, StoreError> {
    metas
        .into_iter()
        .map(|(id, meta)| {
            Ok(Segment {
                id,
                set: load_set(conn, keys, id, &meta)?,
                meta,
            })
        })
        .collect()
}

impl StoreIndex {
    /// An index over loaded segments; `conn` is kept for confirmations.
    pub(crate) fn new(
        conn: Connection,
        keys: std::sync::Arc<Keys>,
        segments: Vec<Segment>,
    ) -> StoreIndex {
        let mut groups: [HashMap<u32, Vec<Segment>>; 3] = Default::default();
        for seg in segments {
            groups[kind_slot(seg.meta.kind)]
                .entry(seg.meta.slot)
                .or_default()
                .push(seg);
        }
        let kinds = groups.map(|by_slot| {
            let mut slots: Vec<(u32, Vec<Segment>)> = by_slot.into_iter().collect();
            slots.sort_by_key(|(slot, _)| *slot);
            slots
                .into_iter()
                .map(|(_, mut segments)| {
                    segments.sort_by_key(|s| std::cmp::Reverse(s.meta.seq));
                    Group { segments }
                })
                .collect()
        });
        let len = kinds.iter().flatten().map(Group::count).sum();
        StoreIndex {
            kinds,
            conn: Mutex::new(conn),
            labels: Mutex::new(HashMap::new()),
            keys,
            health: AtomicU8::new(HEALTH_OK),
            len,
        }
    }

    /// Bytes of memory the compact indexes hold.
    pub fn heap_bytes(&self) -> usize {
        self.kinds
            .iter()
            .flatten()
            .flat_map(|g| &g.segments)
            .map(|s| s.set.heap_bytes())
            .sum()
    }

    /// Entries per kind (tombstones subtracted; exact after a full apply or
    /// a compaction).
    pub fn count(&self, kind: ListKind) -> usize {
        self.kinds[kind_slot(kind)].iter().map(Group::count).sum()
    }

    fn mark(&self, e: &StoreError, conn: &Connection, seg: i64) {
        let gone = matches!(
            conn.query_row("SELECT 1 FROM segments WHERE id = ?1", [seg], |_| Ok(()))
                .optional(),
            Ok(None)
        );
        let state = if gone {
            HEALTH_OUTDATED
        } else {
            HEALTH_DAMAGED
        };
        log::warn!("blocklist lookup could not confirm a candidate: {e}");
        self.health.fetch_max(state, Ordering::SeqCst);
    }

    /// Confirms a candidate position in `seg`.
    fn confirm(
        &self,
        conn: &Connection,
        seg: &Segment,
        pos: usize,
        fast: u64,
        sha: u64,
    ) -> Result<Option<Found>, StoreError> {
        let per = seg.meta.block_size()?;
        let block = (pos / per) as u32;
        if block >= seg.meta.blocks {
            return Err(StoreError::corrupt("blocklist index"));
        }
        let payload: Option<Vec<u8>> = conn
            .prepare_cached("SELECT payload FROM seg_blocks WHERE id = ?1")?
            .query_row([row_id(seg.id, block)], |r| r.get(0))
            .optional()?;
        let payload = payload.ok_or_else(|| StoreError::corrupt("blocklist block"))?;
        let plain = self
            .keys
            .open(&block_aad(seg.id, block), &payload, "blocklist block")?;
        let count = (seg.meta.n as usize - block as usize * per).min(per);
        let within = pos % per;
        let mut entries = Vec::with_capacity(within + 1);
        decode_block_upto(&plain, count, within, &mut entries)?;
        let e = *entries
            .last()
            .ok_or_else(|| StoreError::corrupt("blocklist block"))?;
        if e.fast != fast || e.sha8 != sha {
            return Ok(None);
        }
        Ok(Some(if e.is_tombstone() {
            Found::Removed
        } else {
            Found::Entry(e)
        }))
    }

    fn entry(&self, conn: &Connection, p: Packed) -> Result<ListEntry, StoreError> {
        let mut labels = self.labels.lock().unwrap_or_else(|e| e.into_inner());
        let rec = match labels.get(&p.label) {
            Some(rec) => rec.clone(),
            None => {
                let rec = read_label(conn, &self.keys, p.label)?
                    .ok_or_else(|| StoreError::corrupt("blocklist label"))?;
                if labels.len() >= LABEL_CACHE {
                    labels.clear();
                }
                labels.insert(p.label, rec.clone());
                rec
            }
        };
        Ok(ListEntry {
            category: rec.category,
            fraud_type: rec.fraud_type,
            severity: rec.severity,
            reports: p.reports,
            label: rec.label,
            confirmed: rec.confirmed,
        })
    }
}

impl BlockIndex for StoreIndex {
    fn lookup(&self, kind: ListKind, canonical: &str) -> Option<ListEntry> {
        let groups = &self.kinds[kind_slot(kind)];
        if groups.is_empty() {
            return None;
        }
        let fast = fast_hash(canonical);
        let mut sha: Option<u64> = None;
        let mut best: Option<ListEntry> = None;
        for group in groups {
            for seg in &group.segments {
                let range = seg.set.candidates(fast);
                if range.is_empty() {
                    continue;
                }
                let sha =
                    *sha.get_or_insert_with(|| sha8(&crate::blocklist::value_hash(canonical)));
                // A poisoned lock only means another lookup panicked; the
                // connection itself is still usable.
                let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
                let mut found = None;
                for pos in range {
                    match self.confirm(&conn, seg, pos, fast, sha) {
                        Ok(Some(f)) => {
                            found = Some(f);
                            break;
                        }
                        Ok(None) => {}
                        Err(e) => {
                            self.mark(&e, &conn, seg.id);
                            return best;
                        }
                    }
                }
                match found {
                    // Newest segment decides for this feed.
                    Some(Found::Removed) => break,
                    Some(Found::Entry(p)) => {
                        match self.entry(&conn, p) {
                            Ok(e) => keep_most_severe(&mut best, Some(e)),
                            Err(err) => self.mark(&err, &conn, seg.id),
                        }
                        break;
                    }
                    None => {}
                }
            }
        }
        best
    }

    /// Two passes: first every value's candidate range in every segment,
    /// with no lookup depending on another's, so the processor overlaps
    /// their cache misses (a link's 4–30 expressions cost about one miss
    /// instead of one each); then the full lookup, only for the values with
    /// a candidate (rare for a miss).
    fn lookup_most_severe(&self, kind: ListKind, values: &[&str]) -> Option<ListEntry> {
        const BATCH: usize = 32;
        let groups = &self.kinds[kind_slot(kind)];
        if groups.is_empty() {
            return None;
        }
        let mut best: Option<ListEntry> = None;
        for chunk in values.chunks(BATCH) {
            let mut fast = [0u64; BATCH];
            for (f, v) in fast.iter_mut().zip(chunk) {
                *f = fast_hash(v);
            }
            let fast = &fast[..chunk.len()];
            let mut candidate = [false; BATCH];
            for seg in groups.iter().flat_map(|g| &g.segments) {
                for (c, &f) in candidate.iter_mut().zip(fast) {
                    *c |= !seg.set.candidates(f).is_empty();
                }
            }
            for (v, _) in chunk.iter().zip(candidate).filter(|(_, c)| *c) {
                keep_most_severe(&mut best, self.lookup(kind, v));
            }
        }
        best
    }

    fn len(&self) -> usize {
        self.len
    }

    fn health(&self) -> IndexHealth {
        match self.health.load(Ordering::SeqCst) {
            HEALTH_OK => IndexHealth::Ok,
            HEALTH_OUTDATED => IndexHealth::Outdated,
            _ => IndexHealth::Damaged,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Labels written before the confirmed flag existed read as
    /// unconfirmed, and an unconfirmed label is written as it was before.
    #[test]
    fn label_records_without_the_confirmed_flag_read_as_unconfirmed() {
        let old =
            br#"{"slot":3,"category":"fraud","fraud_type":"phishing","severity":80,"label":"x"}"#;
        let rec: LabelRecord = serde_json::from_slice(old).unwrap();
        assert!(!rec.confirmed);
        assert_eq!(serde_json::to_vec(&rec).unwrap(), old.to_vec());
        let confirmed = LabelRecord {
            confirmed: true,
            ..rec
        };
        let back: LabelRecord =
            serde_json::from_slice(&serde_json::to_vec(&confirmed).unwrap()).unwrap();
        assert!(back.confirmed);
    }

    #[test]
    fn segment_meta_block_size_old_new_and_damaged() {
        // A meta written before block sizes were recorded reads as 512.
        let old = r#"{"slot":0,"kind":"number","seq":1,"base":true,"n":1000,"removals":0,"blocks":2,"chunks":1,"index_bytes":10}"#;
        let meta: SegmentMeta = serde_json::from_str(old).expect("old meta parses");
        assert_eq!(meta.block_size().expect("consistent"), 512);
        let new = SegmentMeta {
            per_block: 64,
            blocks: 16,
            ..meta.clone()
        };
        assert_eq!(new.block_size().expect("consistent"), 64);
        // Counts that disagree, or a size of 0, are a damaged record.
        for bad in [
            SegmentMeta {
                per_block: 64,
                ..meta.clone()
            },
            SegmentMeta {
                per_block: 0,
                blocks: 0,
                ..meta.clone()
            },
            SegmentMeta {
                per_block: u32::MAX,
                blocks: 1,
                ..meta.clone()
            },
        ] {
            assert!(bad.block_size().is_err(), "{bad:?}");
        }
    }

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
            for h in probes {
                let got: Vec<usize> = set.candidates(h).collect();
                prop_assert_eq!(got, naive(&v, h, &set));
            }
            let back = HashSet16::from_bytes(&set.to_bytes()).unwrap();
            prop_assert_eq!(back, set);
        }

        #[test]
        fn index_parser_never_panics(buf in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = HashSet16::from_bytes(&buf);
        }

        #[test]
        fn block_codec_roundtrips(mut v in proptest::collection::vec((any::<u64>(), any::<u64>(), any::<u32>(), any::<u32>()), 1..100)) {
            v.sort_unstable();
            let entries: Vec<Packed> = v.iter().map(|&(fast, sha8, label, reports)| Packed { fast, sha8, label, reports }).collect();
            let buf = encode_block(&entries);
            let mut out = Vec::new();
            decode_block_upto(&buf, entries.len(), usize::MAX, &mut out).unwrap();
            prop_assert_eq!(&out, &entries);
            let mut some = Vec::new();
            decode_block_upto(&buf, entries.len(), 0, &mut some).unwrap();
            prop_assert_eq!(some[0], entries[0]);
        }

        #[test]
        fn block_decoder_never_panics(buf in proptest::collection::vec(any::<u8>(), 0..300), count in 0usize..40) {
            let mut out = Vec::new();
            let _ = decode_block_upto(&buf, count, usize::MAX, &mut out);
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
