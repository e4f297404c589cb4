//! Writing the blocklist segments of an apply, and keeping each feed's
//! kind at one base and a few deltas (merging, explicit compaction).

use super::feeds::{check_segments, read_feeds};
use crate::blocklist::{truncate_key, ListKind};
use crate::store::blocks::Packed;
use crate::store::crypto::Keys;
use crate::store::db::aad;
use crate::store::error::StoreError;
use crate::store::segment::{self as index, kind_slot, NewSegment, SegmentMeta, KINDS};
use rusqlite::Connection;

/// Delta segments kept per feed and kind before they are merged.
const MAX_DELTAS: usize = 2;
/// Deltas are merged into the base once they hold more than 1/RATIO of it.
const COMPACT_RATIO: u64 = 8;

/// Keeps `key_bits` of every key, sorts by key and keeps the last of equal
/// keys (stable sort: later input wins, removals come after additions).
/// Two listed values whose keys agree in all `key_bits` (about `n² / 2^(w+1)`
/// pairs in a list of `n`: 0.007 at 1 M and 56 bits) become one entry, which
/// both then hit.
fn sort_dedup(v: &mut Vec<Packed>, key_bits: u8) {
    if key_bits < 64 {
        for p in v.iter_mut() {
            p.key = truncate_key(p.key, key_bits);
        }
    }
    v.sort_by_key(|p| p.key);
    let mut w = 0usize;
    for r in 0..v.len() {
        if r + 1 < v.len() && v[r + 1].key == v[r].key {
            continue;
        }
        v[w] = v[r];
        w += 1;
    }
    v.truncate(w);
}

/// Writes a change's entries as segments of the feed in `slot`, one per
/// kind: a full feed replaces the feed's segments by one base per kind; a
/// delta adds a delta segment, then merges as [`maintain`] says. Returns
/// whether a base was rewritten.
pub(super) fn write_segments(
    tx: &Connection,
    keys: &Keys,
    slot: u32,
    full: bool,
    mut lists: [Vec<Packed>; 3],
    widths: [u8; 3],
) -> Result<bool, StoreError> {
    let metas = index::read_segment_metas(tx, keys)?;
    let mut next_id = metas.iter().map(|(id, _)| *id).max().unwrap_or(0) + 1;
    let mut merged = false;
    for kind in KINDS {
        let mut list = std::mem::take(&mut lists[kind_slot(kind)]);
        let key_bits = widths[kind_slot(kind)];
        let mine: Vec<&(i64, SegmentMeta)> = metas
            .iter()
            .filter(|(_, m)| m.slot == slot && m.kind == kind)
            .collect();
        if full {
            for (id, _) in &mine {
                index::delete_segment(tx, *id)?;
            }
        }
        if !list.is_empty() {
            sort_dedup(&mut list, key_bits);
            // A full feed's segment is the new base; a delta's goes on top
            // of the others and may merge them.
            let seq = if full {
                0
            } else {
                mine.iter().map(|(_, m)| m.seq).max().unwrap_or(0) + 1
            };
            index::write_segment(
                tx,
                keys,
                NewSegment {
                    id: next_id,
                    slot,
                    kind,
                    seq,
                    base: full,
                    key_bits,
                },
                &list,
            )?;
            next_id += 1;
            if !full {
                drop(list);
                merged |= maintain(tx, keys, slot, kind, &mut next_id)?;
            }
        }
    }
    Ok(merged)
}

/// Keeps a feed's kind at one base and at most [`MAX_DELTAS`] deltas:
/// merges deltas together, and into the base once they are large. Returns
/// whether the base was rewritten.
fn maintain(
    tx: &Connection,
    keys: &Keys,
    slot: u32,
    kind: ListKind,
    next_id: &mut i64,
) -> Result<bool, StoreError> {
    let metas = index::read_segment_metas(tx, keys)?;
    let mut mine: Vec<(i64, SegmentMeta)> = metas
        .into_iter()
        .filter(|(_, m)| m.slot == slot && m.kind == kind)
        .collect();
    mine.sort_by_key(|(_, m)| m.seq);
    let base = mine.iter().find(|(_, m)| m.base).cloned();
    let deltas: Vec<(i64, SegmentMeta)> = mine.iter().filter(|(_, m)| !m.base).cloned().collect();
    let delta_n: u64 = deltas.iter().map(|(_, m)| m.n).sum();
    let into_base = match &base {
        None => true,
        Some((_, b)) => delta_n.saturating_mul(COMPACT_RATIO) > b.n,
    };
    if !into_base && deltas.len() <= MAX_DELTAS {
        return Ok(false);
    }
    let parts: &[(i64, SegmentMeta)] = if into_base { &mine } else { &deltas };
    merge_segments(tx, keys, parts, slot, kind, into_base, next_id)?;
    Ok(into_base)
}

/// Replaces `parts` (one feed's segments of one kind, oldest first) by one
/// segment holding their entries, newest winning on equal keys; a base
/// drops the tombstones. Nothing is written when no entry is left.
fn merge_segments(
    tx: &Connection,
    keys: &Keys,
    parts: &[(i64, SegmentMeta)],
    slot: u32,
    kind: ListKind,
    base: bool,
    next_id: &mut i64,
) -> Result<(), StoreError> {
    let mut all = Vec::new();
    for (id, m) in parts {
        // Oldest first; the stable sort keeps the newest of equal keys.
        all.extend(index::read_segment_entries(tx, keys, *id, m)?);
    }
    let key_bits = parts.iter().map(|(_, m)| m.key_bits).min().unwrap_or(64);
    sort_dedup(&mut all, key_bits);
    if base {
        all.retain(|p| !p.is_tombstone());
    }
    let seq = parts.iter().map(|(_, m)| m.seq).max().unwrap_or(0);
    for (id, _) in parts {
        index::delete_segment(tx, *id)?;
    }
    if !all.is_empty() {
        index::write_segment(
            tx,
            keys,
            NewSegment {
                id: *next_id,
                slot,
                kind,
                seq,
                base,
                key_bits,
            },
            &all,
        )?;
        *next_id += 1;
    }
    Ok(())
}

/// Merges every feed's deltas into its base (explicit compaction).
pub(crate) fn compact(tx: &Connection, keys: &Keys) -> Result<(), StoreError> {
    let feeds = read_feeds(tx, keys)?;
    let metas = index::read_segment_metas(tx, keys)?;
    check_segments(&feeds, &metas)?;
    let mut groups: Vec<(u32, ListKind)> = metas
        .iter()
        .filter(|(_, m)| !m.base)
        .map(|(_, m)| (m.slot, m.kind))
        .collect();
    groups.sort_by_key(|(s, k)| (*s, kind_slot(*k)));
    groups.dedup();
    let mut next_id = metas.iter().map(|(id, _)| *id).max().unwrap_or(0) + 1;
    for (slot, kind) in groups {
        // Each group's segments are distinct, so merging one group leaves
        // the metas of the others as read above.
        let mut mine: Vec<(i64, SegmentMeta)> = metas
            .iter()
            .filter(|(_, m)| m.slot == slot && m.kind == kind)
            .cloned()
            .collect();
        mine.sort_by_key(|(_, m)| m.seq);
        merge_segments(tx, keys, &mine, slot, kind, true, &mut next_id)?;
    }
    let after = index::read_segment_metas(tx, keys)?;
    for mut row in feeds {
        row.segments = after
            .iter()
            .filter(|(_, m)| m.slot == row.slot)
            .map(|(id, _)| *id)
            .collect();
        let payload = keys.seal(
            &aad("feeds", &row.slot.to_be_bytes()),
            &serde_json::to_vec(&row).expect("feed record serializes"),
        )?;
        tx.prepare_cached("UPDATE feeds SET payload = ?2 WHERE slot = ?1")?
            .execute(rusqlite::params![row.slot, payload])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_dedup_keeps_last() {
        let p = |key, label| Packed {
            key,
            sha8: 1,
            label,
            reports: 0,
        };
        let mut v = vec![p(3, 1), p(1, 1), p(3, 0), p(2, 5), p(1, 2)];
        sort_dedup(&mut v, 64);
        assert_eq!(v, vec![p(1, 2), p(2, 5), p(3, 0)]);
    }
}
