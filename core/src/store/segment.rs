//! Blocklist segments on disk: what a segment is ([`SegmentMeta`]), writing
//! one from sorted entries, reading its index and entries back, deleting
//! it, and the label dictionary its entries point to.
//!
//! A segment is an immutable, sorted run of entries of one feed and one
//! list kind, keyed by truncated hash keys ([`crate::blocklist::hash_key`]).
//! It is stored as sealed rows: its meta (`segments`), its in-memory index
//! in chunks (`seg_index`, [`HashSet16`]) and its entries in blocks
//! (`seg_blocks`, `blocks.rs`). Labels (category, fraud type, severity,
//! label text, confirmed) repeat across many entries, so they live in a
//! dictionary table and entries carry its id.

use super::blocks::{self, decode_legacy_block_upto, BlockEntry, Packed, PER_BLOCK};
use super::crypto::{Keys, SEAL_OVERHEAD};
use super::error::StoreError;
use super::keyset::{HashSet16, MAX_SEGMENT_ENTRIES};
use crate::blocklist::ListKind;
use crate::verdict::FraudType;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Entries per block of segments whose meta has no `per_block`.
pub(crate) const LEGACY_PER_BLOCK: usize = 512;
/// Largest block size a segment meta may declare.
const MAX_PER_BLOCK: u32 = 1 << 16;
/// Block formats.
pub(crate) const FORMAT_LEGACY: u8 = 1;
pub(crate) const FORMAT_COMPACT: u8 = 2;
/// Bytes per sealed chunk of a serialized index.
const INDEX_CHUNK: usize = 1 << 20;

fn legacy_per_block() -> u32 {
    LEGACY_PER_BLOCK as u32
}

fn legacy_format() -> u8 {
    FORMAT_LEGACY
}

fn legacy_key_bits() -> u8 {
    64
}

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
    /// Block format: 1 (full fast hash and SHA-256 prefix per entry, stores
    /// written before compact feeds) or 2 (compact: see `blocks.rs`).
    #[serde(default = "legacy_format")]
    pub format: u8,
    /// Width of the keys (format 1: 64).
    #[serde(default = "legacy_key_bits")]
    pub key_bits: u8,
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
        let known = match self.format {
            FORMAT_LEGACY => self.key_bits == 64,
            FORMAT_COMPACT => (32..=64).contains(&self.key_bits),
            _ => false,
        };
        if !known {
            return Err(StoreError::corrupt("segment record"));
        }
        Ok(per as usize)
    }
}

pub(crate) fn seg_aad(id: i64) -> Vec<u8> {
    format!("segment:{id}").into_bytes()
}

pub(crate) fn block_aad(seg: i64, block: u32) -> Vec<u8> {
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
    /// Width of the entries' keys (32–64; every key already truncated).
    pub key_bits: u8,
}

/// Writes a segment of entries sorted by key (each key distinct) and
/// returns its meta.
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
        key_bits,
    } = new;
    if entries.len() > MAX_SEGMENT_ENTRIES {
        return Err(StoreError::Limit {
            what: "entries in one list",
        });
    }
    let fasts: Vec<u64> = entries.iter().map(|e| e.key).collect();
    let set = HashSet16::build_capped(&fasts, u32::from(key_bits) - 16);
    drop(fasts);
    if !set.is_exact() {
        // More than 255 entries share the top bits: not hashes of distinct
        // values (a feed with forged keys).
        return Err(StoreError::InvalidValue {
            what: "feed entries",
            why: "hash keys are not spread like hashes",
        });
    }
    let prefix = set.prefix_bits();
    let mut ins_block =
        conn.prepare_cached("INSERT INTO seg_blocks (id, payload) VALUES (?1, ?2)")?;
    let mut blocks = 0u32;
    for (i, chunk) in entries.chunks(PER_BLOCK).enumerate() {
        let i = i as u32;
        let plain = blocks::encode_block(chunk, prefix, u32::from(key_bits));
        let sealed = keys.seal(&block_aad(id, i), &plain)?;
        ins_block.execute(rusqlite::params![row_id(id, i), sealed])?;
        blocks += 1;
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
        format: FORMAT_COMPACT,
        key_bits,
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

/// Reads all entries of a segment (for merging and verification), keys
/// rebuilt from the index's prefixes and the blocks' remainders.
pub(crate) fn read_segment_entries(
    conn: &Connection,
    keys: &Keys,
    id: i64,
    meta: &SegmentMeta,
) -> Result<Vec<Packed>, StoreError> {
    let mut out = Vec::with_capacity(meta.n as usize);
    let set = match meta.format {
        FORMAT_COMPACT => Some(load_set(conn, keys, id, meta)?),
        _ => None,
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, payload FROM seg_blocks WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map([row_id(id, 0), row_id(id, u32::MAX)], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let per = meta.block_size()?;
    let mut expect = 0u32;
    let mut prefixes = set.as_ref().map(|s| s.prefixes());
    let mut decoded: Vec<BlockEntry> = Vec::with_capacity(per);
    for row in rows {
        let (rid, payload) = row?;
        if rid != row_id(id, expect) || expect >= meta.blocks {
            return Err(StoreError::corrupt("blocklist block"));
        }
        let plain = keys.open(&block_aad(id, expect), &payload, "blocklist block")?;
        let count = (meta.n as usize - expect as usize * per).min(per);
        match (&set, prefixes.as_mut()) {
            (Some(set), Some(prefixes)) => {
                let rbits = u32::from(meta.key_bits).saturating_sub(set.prefix_bits());
                decoded.clear();
                blocks::decode_block(&plain, count, rbits, &mut decoded)?;
                for d in &decoded {
                    let prefix = prefixes
                        .next()
                        .ok_or_else(|| StoreError::corrupt("blocklist index"))?;
                    let low = if rbits == 0 {
                        0
                    } else {
                        d.rem << (64 - u32::from(meta.key_bits))
                    };
                    out.push(Packed {
                        key: prefix | low,
                        sha8: d.sha8,
                        label: d.label,
                        reports: d.reports,
                    });
                }
            }
            _ => decode_legacy_block_upto(&plain, count, usize::MAX, &mut out)?,
        }
        expect += 1;
    }
    if expect != meta.blocks || out.len() as u64 != meta.n {
        return Err(StoreError::corrupt("blocklist block"));
    }
    Ok(out)
}

/// Loads a segment's compact index.
pub(crate) fn load_set(
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
    /// The publisher confirmed the listing (see `ListEntry::confirmed`).
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

#[cfg(test)]
mod tests {
    use super::*;

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
        // A meta written before block sizes, formats and key widths were
        // recorded reads as 512 entries a block, format 1, 64-bit keys.
        let old = r#"{"slot":0,"kind":"number","seq":1,"base":true,"n":1000,"removals":0,"blocks":2,"chunks":1,"index_bytes":10}"#;
        let meta: SegmentMeta = serde_json::from_str(old).expect("old meta parses");
        assert_eq!(meta.block_size().expect("consistent"), 512);
        assert_eq!((meta.format, meta.key_bits), (FORMAT_LEGACY, 64));
        let new = SegmentMeta {
            per_block: 64,
            blocks: 16,
            format: FORMAT_COMPACT,
            key_bits: 56,
            ..meta.clone()
        };
        assert_eq!(new.block_size().expect("consistent"), 64);
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
                key_bits: 56,
                ..meta.clone()
            },
            SegmentMeta {
                format: 3,
                ..meta.clone()
            },
            SegmentMeta {
                format: FORMAT_COMPACT,
                key_bits: 31,
                ..meta.clone()
            },
        ] {
            assert!(bad.block_size().is_err(), "{bad:?}");
        }
    }
}
