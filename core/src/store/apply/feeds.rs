//! The feed records: each applied feed's sealed state and the segments it
//! owns, read at load (and checked against the segments on disk) and
//! written last in an apply, so a commit swaps the whole generation at
//! once.

use super::change::{FeedState, ListCounts};
use crate::store::crypto::Keys;
use crate::store::db::aad;
use crate::store::error::StoreError;
use crate::store::segment::{self as index, SegmentMeta, KINDS};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// A feed's sealed record: its public state and the segments it owns.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct FeedRow {
    #[serde(skip)]
    pub slot: u32,
    #[serde(flatten)]
    pub state: FeedState,
    /// Ids of the feed's live segments, checked at load: a segment lost to
    /// damage must not silently shrink a blocklist.
    #[serde(default)]
    pub segments: Vec<i64>,
}

/// Reads every feed's record, by slot.
pub(crate) fn read_feeds(conn: &Connection, keys: &Keys) -> Result<Vec<FeedRow>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT slot, payload FROM feeds ORDER BY slot")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (slot, payload) = row?;
        let plain = keys.open(&aad("feeds", &slot.to_be_bytes()), &payload, "feed record")?;
        let mut row: FeedRow =
            serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("feed record"))?;
        row.slot = slot;
        out.push(row);
    }
    Ok(out)
}

/// Checks that the segments on disk are exactly those the feeds own.
pub(crate) fn check_segments(
    feeds: &[FeedRow],
    metas: &[(i64, SegmentMeta)],
) -> Result<(), StoreError> {
    let mut owned: Vec<i64> = feeds
        .iter()
        .flat_map(|f| f.segments.iter().copied())
        .collect();
    owned.sort_unstable();
    let mut found: Vec<i64> = metas.iter().map(|(id, _)| *id).collect();
    found.sort_unstable();
    if owned != found {
        return Err(StoreError::corrupt("segment list"));
    }
    for (id, m) in metas {
        if !feeds
            .iter()
            .any(|f| f.slot == m.slot && f.segments.contains(id))
        {
            return Err(StoreError::corrupt("segment list"));
        }
    }
    Ok(())
}

/// The version string of the protection data: `id@version` per feed,
/// joined by `+`, or `None` with no feed.
pub(crate) fn version_string(feeds: &[FeedState]) -> Option<String> {
    if feeds.is_empty() {
        return None;
    }
    Some(
        feeds
            .iter()
            .map(|f| format!("{}@{}", f.feed_id, f.version))
            .collect::<Vec<_>>()
            .join("+"),
    )
}

/// Writes the record of the feed in `slot`: `state` with its entry counts
/// taken from the feed's segments as they are now, and the ids of those
/// segments. Returns the state written.
pub(super) fn write_record(
    tx: &Connection,
    keys: &Keys,
    slot: u32,
    mut state: FeedState,
) -> Result<FeedState, StoreError> {
    let after = index::read_segment_metas(tx, keys)?;
    let mut counts = ListCounts::default();
    for kind in KINDS {
        let net: i64 = after
            .iter()
            .filter(|(_, m)| m.slot == slot && m.kind == kind)
            .map(|(_, m)| m.n as i64 - 2 * m.removals as i64)
            .sum();
        counts.set(kind, net.max(0) as u64);
    }
    state.entries = counts;
    let row = FeedRow {
        slot,
        state: state.clone(),
        segments: after
            .iter()
            .filter(|(_, m)| m.slot == slot)
            .map(|(id, _)| *id)
            .collect(),
    };
    let payload = keys.seal(
        &aad("feeds", &slot.to_be_bytes()),
        &serde_json::to_vec(&row).expect("feed record serializes"),
    )?;
    tx.prepare_cached("INSERT OR REPLACE INTO feeds (slot, payload) VALUES (?1, ?2)")?
        .execute(rusqlite::params![slot, payload])?;
    Ok(state)
}
