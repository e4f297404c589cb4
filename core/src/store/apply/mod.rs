//! The write path for protection feeds: [`FeedChange`] in, one transaction,
//! [`ApplyOutcome`] out.
//!
//! The feed module parses and verifies a signed feed, then hands the store a
//! `FeedChange` whose entries it streams from the verified body. The store
//! checks the version against the applied one (no rollback, deltas only on
//! the current version), writes new segments, rules and the feed state in
//! one IMMEDIATE transaction, and commits — or leaves everything as it was.
//!
//! By job, each step below the one before it:
//! - [`change`]: what a change is, its limits, the state it leaves;
//! - [`verify`]: feed id and version checks, entries decoded and checked;
//! - [`labels`]: the per-feed label dictionary;
//! - [`rules`]: rule JSON and model parts, written and compiled;
//! - [`segments`]: blocklist segments written, merged, compacted;
//! - [`feeds`]: the feed records, written last (the new generation).

mod change;
mod feeds;
mod labels;
mod rules;
mod segments;
mod verify;

pub use change::{
    ApplyOutcome, FeedChange, FeedEntry, FeedRemoval, FeedState, ListCounts, SourceError,
    MAX_CATEGORY_BYTES, MAX_CHANGE_ENTRIES, MAX_FEED_ID_BYTES, MAX_LABELS_PER_FEED,
    MAX_LABEL_BYTES, MAX_RULES_BYTES,
};
pub(crate) use feeds::{check_segments, read_feeds, version_string};
pub(crate) use rules::read_rules;
pub(crate) use segments::compact;

use super::crypto::Keys;
use super::error::StoreError;
use labels::LabelDict;
use rusqlite::Connection;

/// Applies a change inside `tx` (the caller commits): checks, then the
/// rules, the segments and last the feed's record.
pub(crate) fn apply(
    tx: &Connection,
    keys: &Keys,
    now_ms: i64,
    change: FeedChange<'_>,
) -> Result<ApplyOutcome, StoreError> {
    let FeedChange {
        feed_id,
        version,
        base,
        created_ms,
        expires_ms,
        entries,
        removals,
        rules,
        settings,
    } = change;
    verify::check_feed_id(&feed_id)?;
    let full = base.is_none();
    let feeds = read_feeds(tx, keys)?;
    let (slot, existing) = verify::place(&feeds, &feed_id, version, base)?;
    let previous_version = existing.map(|f| f.version);

    let mut dict = LabelDict::load(tx, keys, slot)?;
    let decoded = verify::decode(tx, keys, &mut dict, full, entries, removals)?;
    let rules_replaced = rules::write_rules(tx, keys, slot, full, &rules)?;
    let merged = segments::write_segments(tx, keys, slot, full, decoded.lists, decoded.widths)?;
    if full {
        dict.collect_garbage(tx)?;
    }

    let state = FeedState {
        feed_id: feed_id.clone(),
        version,
        full_version: if full {
            version
        } else {
            existing.map_or(version, |f| f.full_version)
        },
        deltas_since_full: if full {
            0
        } else {
            existing
                .map_or(0, |f| f.deltas_since_full)
                .saturating_add(1)
        },
        created_ms,
        expires_ms,
        applied_ms: now_ms,
        entries: ListCounts::default(),
        rules: rules::owned_parts(tx, keys, slot)?,
    };
    let state = feeds::write_record(tx, keys, slot, state)?;

    for (name, value) in &settings {
        super::user::write_setting(tx, keys, name, value.as_deref())?;
    }

    Ok(ApplyOutcome {
        feed_id,
        previous_version,
        version,
        full,
        added: decoded.added,
        removed: decoded.removed,
        entries: state.entries,
        rules_replaced,
        merged: merged || full,
    })
}
