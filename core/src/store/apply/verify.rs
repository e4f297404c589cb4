//! Checking a change before anything is written — its feed id, its version
//! against the applied one (no rollback, a delta only on its base) — and
//! decoding its streamed entries and removals into per-kind lists.

use super::change::{
    FeedEntry, FeedRemoval, FeedState, SourceError, MAX_CATEGORY_BYTES, MAX_CHANGE_ENTRIES,
    MAX_FEED_ID_BYTES, MAX_LABEL_BYTES,
};
use super::feeds::FeedRow;
use super::labels::LabelDict;
use crate::blocklist::ListEntry;
use crate::store::blocks::Packed;
use crate::store::crypto::Keys;
use crate::store::error::StoreError;
use crate::store::segment::kind_slot;
use rusqlite::Connection;

/// A feed id is 1–128 bytes without control characters.
pub(super) fn check_feed_id(feed_id: &str) -> Result<(), StoreError> {
    if feed_id.is_empty()
        || feed_id.len() > MAX_FEED_ID_BYTES
        || feed_id.chars().any(char::is_control)
    {
        return Err(StoreError::InvalidValue {
            what: "feed id",
            why: "must be 1-128 bytes without control characters",
        });
    }
    Ok(())
}

/// Where a change of `feed_id` at `version` (on `base`, for a delta) goes:
/// the feed's slot (a new one for a new feed) and its current state.
/// Refuses a version not above the applied one and a delta whose base is
/// not the applied version.
pub(super) fn place<'f>(
    feeds: &'f [FeedRow],
    feed_id: &str,
    version: u64,
    base: Option<u64>,
) -> Result<(u32, Option<&'f FeedState>), StoreError> {
    let existing = feeds
        .iter()
        .find(|f| f.state.feed_id == feed_id)
        .map(|f| (f.slot, &f.state));
    let previous_version = existing.map(|(_, f)| f.version);
    if let Some(current) = previous_version {
        if version <= current {
            return Err(StoreError::Rollback {
                current,
                offered: version,
            });
        }
    }
    if let Some(b) = base {
        if previous_version != Some(b) {
            return Err(StoreError::BaseMismatch {
                current: previous_version,
                base: b,
            });
        }
        if version <= b {
            return Err(StoreError::Rollback {
                current: b,
                offered: version,
            });
        }
    }
    let slot = match existing {
        Some((s, _)) => s,
        None => feeds.iter().map(|f| f.slot).max().map_or(Ok(1), |m| {
            m.checked_add(1).ok_or(StoreError::Limit { what: "feeds" })
        })?,
    };
    Ok((slot, existing.map(|(_, f)| f)))
}

/// A change's entries and removals, by kind ([`kind_slot`]), as read.
pub(super) struct Decoded {
    /// Additions, then removals (tombstones), per kind, unsorted.
    pub lists: [Vec<Packed>; 3],
    /// The narrowest key given per kind: every key of the kind is kept at it.
    pub widths: [u8; 3],
    /// Entries added.
    pub added: u64,
    /// Entries removed.
    pub removed: u64,
}

/// Reads a change's entries (their labels into `dict`) and removals,
/// checking each and the change's size; a full feed cannot carry removals.
pub(super) fn decode<'a>(
    tx: &Connection,
    keys: &Keys,
    dict: &mut LabelDict,
    full: bool,
    entries: Box<dyn Iterator<Item = Result<FeedEntry, SourceError>> + 'a>,
    removals: Box<dyn Iterator<Item = Result<FeedRemoval, SourceError>> + 'a>,
) -> Result<Decoded, StoreError> {
    let mut lists: [Vec<Packed>; 3] = Default::default();
    let mut widths = [64u8; 3];
    let mut added = 0u64;
    for item in entries {
        let e = item.map_err(StoreError::Source)?;
        check_entry(&e.entry)?;
        added += 1;
        if added > MAX_CHANGE_ENTRIES {
            return Err(StoreError::Limit {
                what: "entries in one change",
            });
        }
        let label = dict.id_for(tx, keys, &e.entry)?;
        let w = &mut widths[kind_slot(e.kind)];
        *w = (*w).min(check_width(e.key_bits)?);
        lists[kind_slot(e.kind)].push(Packed {
            key: e.key,
            sha8: e.sha256.as_ref().map_or(0, crate::store::segment::sha8),
            label,
            reports: e.entry.reports,
        });
    }
    let mut removed = 0u64;
    for item in removals {
        let r = item.map_err(StoreError::Source)?;
        if full {
            return Err(StoreError::InvalidValue {
                what: "feed change",
                why: "a full feed cannot carry removals",
            });
        }
        removed += 1;
        if added + removed > MAX_CHANGE_ENTRIES {
            return Err(StoreError::Limit {
                what: "entries in one change",
            });
        }
        let w = &mut widths[kind_slot(r.kind)];
        *w = (*w).min(check_width(r.key_bits)?);
        lists[kind_slot(r.kind)].push(Packed {
            key: r.key,
            sha8: 0,
            label: 0,
            reports: 0,
        });
    }
    Ok(Decoded {
        lists,
        widths,
        added,
        removed,
    })
}

/// A key is 32–64 bits wide.
fn check_width(bits: u8) -> Result<u8, StoreError> {
    if (32..=64).contains(&bits) {
        Ok(bits)
    } else {
        Err(StoreError::InvalidValue {
            what: "feed entry",
            why: "key width must be 32-64 bits",
        })
    }
}

fn check_entry(e: &ListEntry) -> Result<(), StoreError> {
    let bad = |why| StoreError::InvalidValue {
        what: "feed entry",
        why,
    };
    if e.severity > 100 {
        return Err(bad("severity above 100"));
    }
    if e.category.len() > MAX_CATEGORY_BYTES {
        return Err(bad("category too long"));
    }
    if e.label.len() > MAX_LABEL_BYTES {
        return Err(bad("label too long"));
    }
    Ok(())
}
