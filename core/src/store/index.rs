//! Blocklist lookups: [`StoreIndex`], every feed's segments loaded for
//! lookups with a private connection (in a read transaction held for the
//! index's life) to confirm candidates.
//!
//! A lookup hashes the canonical value once ([`crate::blocklist::fast_hash`]),
//! keeps each segment's `key_bits` of it and asks the segment's filter
//! (half a byte a key, held inline in the index for the first six segments
//! of a kind: one word read turns away about 84 % of values that aren't
//! listed, with no other pointer followed), then the segment's in-memory
//! [`HashSet16`] (about 2.1 bytes a key: the top `b + 16` bits) for
//! candidates. Nothing else happens for most values that aren't listed — about one in
//! 2 000–4 000 finds a candidate by chance. A candidate at
//! index position `p` is confirmed by decrypting block `p / per_block`
//! (format 2: about 1 KB) and comparing the rest of the key; an entry that
//! carries its SHA-256 prefix is confirmed against that too. A hit reports
//! how many bits matched ([`ListEntry::match_bits`]), so the chance that it
//! is a different value is `entries / 2^match_bits`.
//!
//! Segment layout and writing: `segment.rs`; blocks: `blocks.rs`; the
//! in-memory set: `keyset.rs`. Deltas and merging: `apply.rs`.

use super::blocks::{self, decode_legacy_block_upto, Packed};
use super::crypto::Keys;
use super::error::StoreError;
use super::keyset::{HashSet16, PrefixFilter};
use super::segment::{
    block_aad, kind_slot, load_set, read_label, row_id, sha8, LabelRecord, SegmentMeta,
    FORMAT_COMPACT,
};
use crate::blocklist::{
    fast_hash, keep_most_severe, truncate_key, value_hash, BlockIndex, IndexHealth, ListEntry,
    ListKind,
};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Mutex;

/// A segment loaded for lookups.
#[derive(Debug)]
pub(crate) struct Segment {
    id: i64,
    meta: SegmentMeta,
    set: HashSet16,
}

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

/// The segments of one feed and one kind, newest first.
#[derive(Debug)]
struct Group {
    segments: Vec<Segment>,
    /// The position of the first segment's gate in its kind's [`Gates`].
    first_gate: usize,
}

/// Segments of one kind whose filters live inline in [`StoreIndex`]: two
/// feeds with a base and the two deltas kept before a merge each
/// (`apply/segments.rs`).
const INLINE_GATES: usize = 6;

/// One segment's filter with what it takes to key it, held inline so that
/// an unlisted value's lookup reads the index itself and one filter word
/// per segment, and nothing else: no pointer to a group, its segments or a
/// set (each one more dependent read when the caches are cold, as for an
/// isolated lookup on a phone).
#[derive(Debug, Default)]
struct Gate {
    key_bits: u8,
    /// `key >> shift` is the prefix the filter is keyed by.
    shift: u32,
    /// No entries: nothing passes.
    empty: bool,
    filter: PrefixFilter,
}

impl Gate {
    #[inline]
    fn passes(&self, fast: u64) -> bool {
        !self.empty
            && self
                .filter
                .may_contain(truncate_key(fast, self.key_bits) >> self.shift)
    }
}

/// A kind's gates, in lookup order (feed by feed, newest segment first).
#[derive(Debug, Default)]
struct Gates {
    /// Segments of the kind; only the first [`INLINE_GATES`] have gates
    /// (the others keep their filters in their sets).
    segments: usize,
    gates: [Gate; INLINE_GATES],
}

impl Gates {
    /// False when no segment of the kind can hold `fast`.
    #[inline]
    fn may_hit(&self, fast: u64) -> bool {
        self.segments > INLINE_GATES || self.gates[..self.segments].iter().any(|g| g.passes(fast))
    }

    /// False when segment `i` (in lookup order) cannot hold `fast`.
    #[inline]
    fn passes(&self, i: usize, fast: u64) -> bool {
        self.gates.get(i).is_none_or(|g| g.passes(fast))
    }
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
    /// The entry and the bits that matched.
    Entry(Packed, u16),
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
    gates: [Gates; 3],
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
        let mut kinds = groups.map(|by_slot| {
            let mut slots: Vec<(u32, Vec<Segment>)> = by_slot.into_iter().collect();
            slots.sort_by_key(|(slot, _)| *slot);
            let mut first_gate = 0;
            slots
                .into_iter()
                .map(|(_, mut segments)| {
                    segments.sort_by_key(|s| std::cmp::Reverse(s.meta.seq));
                    let group = Group {
                        first_gate,
                        segments,
                    };
                    first_gate += group.segments.len();
                    group
                })
                .collect::<Vec<Group>>()
        });
        let mut gates: [Gates; 3] = Default::default();
        for (groups, gates) in kinds.iter_mut().zip(&mut gates) {
            gates.segments = groups.iter().map(|g| g.segments.len()).sum();
            let segs = groups.iter_mut().flat_map(|g| g.segments.iter_mut());
            for (gate, seg) in gates.gates.iter_mut().zip(segs) {
                *gate = Gate {
                    key_bits: seg.meta.key_bits,
                    shift: seg.set.filter_shift(),
                    empty: seg.set.len() == 0,
                    filter: seg.set.take_filter(),
                };
            }
        }
        let len = kinds.iter().flatten().map(Group::count).sum();
        StoreIndex {
            gates,
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
            .sum::<usize>()
            + self
                .gates
                .iter()
                .flat_map(|g| &g.gates)
                .map(|g| g.filter.heap_bytes())
                .sum::<usize>()
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

    /// Confirms a candidate position in `seg`: `key` is the value's key at
    /// the segment's width, `sha` its SHA-256 prefix (computed when first
    /// needed).
    fn confirm(
        &self,
        conn: &Connection,
        seg: &Segment,
        pos: usize,
        key: u64,
        sha: &mut Option<u64>,
        canonical: &str,
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
        let mut value_sha = || *sha.get_or_insert_with(|| sha8(&value_hash(canonical)));
        let key_bits = u16::from(seg.meta.key_bits);
        let (p, bits) = if seg.meta.format == FORMAT_COMPACT {
            let prefix = seg.set.prefix_bits();
            let rbits = u32::from(seg.meta.key_bits).saturating_sub(prefix);
            let e = blocks::decode_entry(&plain, count, rbits, within)?;
            let want = if rbits == 0 {
                0
            } else {
                (key << prefix) >> (64 - rbits)
            };
            if e.rem != want {
                return Ok(None);
            }
            if e.sha8 != 0 && e.sha8 != value_sha() {
                return Ok(None);
            }
            let bits = if e.sha8 != 0 { key_bits + 64 } else { key_bits };
            let p = Packed {
                key,
                sha8: e.sha8,
                label: e.label,
                reports: e.reports,
            };
            (p, bits)
        } else {
            let mut entries = Vec::with_capacity(within + 1);
            decode_legacy_block_upto(&plain, count, within, &mut entries)?;
            let e = *entries
                .last()
                .ok_or_else(|| StoreError::corrupt("blocklist block"))?;
            if e.key != key || e.sha8 != value_sha() {
                return Ok(None);
            }
            (e, 64 + 64)
        };
        Ok(Some(if p.is_tombstone() {
            Found::Removed
        } else {
            Found::Entry(p, bits)
        }))
    }

    fn entry(&self, conn: &Connection, p: Packed, bits: u16) -> Result<ListEntry, StoreError> {
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
            match_bits: bits,
        })
    }

    /// The rest of [`BlockIndex::lookup`] for a value some segment's
    /// filter passed (kept out of line so that the path most values that
    /// aren't listed take is a few instructions: less code to fetch when
    /// the caches are cold).
    #[inline(never)]
    fn lookup_passed(&self, slot: usize, fast: u64, canonical: &str) -> Option<ListEntry> {
        let gates = &self.gates[slot];
        let mut sha: Option<u64> = None;
        let mut best: Option<ListEntry> = None;
        for group in &self.kinds[slot] {
            for (i, seg) in group.segments.iter().enumerate() {
                if !gates.passes(group.first_gate + i, fast) {
                    continue;
                }
                let key = truncate_key(fast, seg.meta.key_bits);
                let range = seg.set.candidates(key);
                if range.is_empty() {
                    continue;
                }
                // A poisoned lock only means another lookup panicked; the
                // connection itself is still usable.
                let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
                let mut found = None;
                for pos in range {
                    match self.confirm(&conn, seg, pos, key, &mut sha, canonical) {
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
                    Some(Found::Entry(p, bits)) => {
                        match self.entry(&conn, p, bits) {
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
}

impl BlockIndex for StoreIndex {
    fn lookup(&self, kind: ListKind, canonical: &str) -> Option<ListEntry> {
        let slot = kind_slot(kind);
        let fast = fast_hash(canonical);
        if !self.gates[slot].may_hit(fast) {
            return None;
        }
        self.lookup_passed(slot, fast, canonical)
    }

    /// Two passes: first every value through every segment's filter, with
    /// no lookup depending on another's, so the processor overlaps their
    /// cache misses (a link's 4–30 expressions cost about one miss instead
    /// of one each); then the full lookup, only for the values a filter
    /// passed (about one in six for a miss).
    fn lookup_most_severe(&self, kind: ListKind, values: &[&str]) -> Option<ListEntry> {
        const BATCH: usize = 32;
        let gates = &self.gates[kind_slot(kind)];
        if gates.segments == 0 {
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
            for (c, &f) in candidate.iter_mut().zip(fast) {
                *c = gates.may_hit(f);
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
