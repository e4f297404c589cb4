//! The label dictionary of one feed: each distinct (category, fraud type,
//! severity, label, confirmed) tuple is sealed once in `labels` and entries
//! carry its id.

use super::change::MAX_LABELS_PER_FEED;
use crate::blocklist::ListEntry;
use crate::store::crypto::Keys;
use crate::store::error::StoreError;
use crate::store::segment::{self as index, LabelRecord};
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

/// The label dictionary of one feed, while applying.
pub(super) struct LabelDict {
    slot: u32,
    ids: HashMap<LabelRecord, u32>,
    next: u32,
    used: HashSet<u32>,
}

impl LabelDict {
    pub(super) fn load(conn: &Connection, keys: &Keys, slot: u32) -> Result<LabelDict, StoreError> {
        let mut ids = HashMap::new();
        let mut max = 0i64;
        let mut stmt = conn.prepare_cached("SELECT id, payload FROM labels")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
        for row in rows {
            let (id, payload) = row?;
            max = max.max(id);
            let plain = keys.open(&index::label_aad(id), &payload, "blocklist label")?;
            let rec: LabelRecord = serde_json::from_slice(&plain)
                .map_err(|_| StoreError::corrupt("blocklist label"))?;
            if rec.slot == slot {
                let id = u32::try_from(id).map_err(|_| StoreError::corrupt("blocklist label"))?;
                ids.insert(rec, id);
            }
        }
        let next = u32::try_from(max + 1).map_err(|_| StoreError::Limit { what: "label ids" })?;
        Ok(LabelDict {
            slot,
            ids,
            next,
            used: HashSet::new(),
        })
    }

    pub(super) fn id_for(
        &mut self,
        conn: &Connection,
        keys: &Keys,
        e: &ListEntry,
    ) -> Result<u32, StoreError> {
        let rec = LabelRecord {
            slot: self.slot,
            category: e.category.clone(),
            fraud_type: e.fraud_type,
            severity: e.severity,
            label: e.label.clone(),
            confirmed: e.confirmed,
        };
        if let Some(&id) = self.ids.get(&rec) {
            self.used.insert(id);
            return Ok(id);
        }
        if self.ids.len() >= MAX_LABELS_PER_FEED {
            return Err(StoreError::Limit {
                what: "distinct labels per feed",
            });
        }
        let id = self.next;
        self.next = self
            .next
            .checked_add(1)
            .ok_or(StoreError::Limit { what: "label ids" })?;
        let payload = keys.seal(
            &index::label_aad(i64::from(id)),
            &serde_json::to_vec(&rec).expect("label serializes"),
        )?;
        conn.prepare_cached("INSERT INTO labels (id, payload) VALUES (?1, ?2)")?
            .execute(rusqlite::params![i64::from(id), payload])?;
        self.ids.insert(rec, id);
        self.used.insert(id);
        Ok(id)
    }

    /// Deletes this feed's labels no entry uses any more (after a full apply).
    pub(super) fn collect_garbage(&self, conn: &Connection) -> Result<(), StoreError> {
        let mut del = conn.prepare_cached("DELETE FROM labels WHERE id = ?1")?;
        for &id in self.ids.values() {
            if !self.used.contains(&id) {
                del.execute([i64::from(id)])?;
            }
        }
        Ok(())
    }
}
