//! The warning audit log: every verdict at `warn` or above that a guard on
//! this store gave, with the person's decision, for the bank's own records.
//!
//! One row per warning in the `audit` table: `seq` (insertion order), `id`
//! = HMAC of the verdict id (so a guessed id can't be tested against the
//! file), and the sealed [`AuditRecord`]. Bounded: at most
//! [`MAX_AUDIT_ENTRIES`] rows and none older than [`MAX_AUDIT_AGE_MS`]; the
//! oldest go first when a new warning is recorded.
//!
//! The record keeps the value the warning was about (canonical number, link,
//! account, or a message's preview) sealed like every other payload, only
//! so that "not a scam" can add the allow rule and the `false_alarm`
//! report; [`Store::audit_entries`] leaves it out unless the caller asks
//! for it explicitly.

use super::db::aad;
use super::error::StoreError;
use super::Store;
use crate::verdict::{Action, FraudType, Kind, Level, Verdict};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Most warnings kept; the oldest are dropped first.
pub const MAX_AUDIT_ENTRIES: usize = 10_000;
/// Warnings older than this (400 days) are dropped.
pub const MAX_AUDIT_AGE_MS: i64 = 400 * 24 * 3_600_000;
/// Longest verdict id accepted.
pub const MAX_AUDIT_ID_BYTES: usize = 64;

/// What the person did after a warning, as the host app reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Did not go on (hung up, cancelled the payment, closed the link).
    Cancelled,
    /// Went on despite the warning.
    Proceeded,
    /// Chose to ask for help (called the bank or 96110, asked family).
    AskedForHelp,
    /// Did not answer the warning in time.
    TimedOut,
}

impl Decision {
    /// Every decision, in declaration order.
    pub const ALL: [Decision; 4] = [
        Decision::Cancelled,
        Decision::Proceeded,
        Decision::AskedForHelp,
        Decision::TimedOut,
    ];

    /// The stable id (`cancelled`, `proceeded`, `asked_for_help`, `timed_out`).
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Cancelled => "cancelled",
            Decision::Proceeded => "proceeded",
            Decision::AskedForHelp => "asked_for_help",
            Decision::TimedOut => "timed_out",
        }
    }

    /// Parses a stable id; `None` when unknown.
    pub fn parse(id: &str) -> Option<Decision> {
        Decision::ALL.iter().copied().find(|d| d.as_str() == id)
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One recorded warning, as exported. `value` is `None` unless the export
/// asked for values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// The verdict's id.
    pub id: String,
    /// When the warning was given, ms since the Unix epoch.
    pub time_ms: i64,
    /// The kind of check.
    pub kind: Kind,
    /// The verdict's level.
    pub level: Level,
    /// The verdict's action.
    pub action: Action,
    /// The verdict's fraud type.
    pub fraud_type: Option<FraudType>,
    /// Reason codes, in the verdict's order.
    pub reasons: Vec<String>,
    /// The title shown.
    pub title: String,
    /// Version of the protection data that gave the verdict.
    pub feed_version: String,
    /// What the person did, once reported.
    pub decision: Option<Decision>,
    /// When the decision was recorded (ms since the Unix epoch).
    pub decided_ms: Option<i64>,
    /// The person said this was not a scam.
    #[serde(default)]
    pub not_scam: bool,
    /// The checked value (canonical number, link, account, or a message's
    /// preview): sealed in the store, exported only on request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl AuditRecord {
    /// The record of the warning `v`, not yet decided: its `id`, when it
    /// was given (`time_ms`), and the `value` it was about (sealed; see
    /// the module's docs).
    pub fn of_verdict(id: String, time_ms: i64, v: &Verdict, value: Option<String>) -> Self {
        AuditRecord {
            id,
            time_ms,
            kind: v.kind,
            level: v.level,
            action: v.action,
            fraud_type: v.fraud_type,
            reasons: v.reasons.iter().map(|r| r.code.clone()).collect(),
            title: v.title.clone(),
            feed_version: v.feed_version.clone(),
            decision: None,
            decided_ms: None,
            not_scam: false,
            value,
        }
    }
}

/// The row bound in force (a small one in unit tests, so the bound is
/// exercised without writing ten thousand rows).
fn max_entries() -> usize {
    if cfg!(test) {
        5
    } else {
        MAX_AUDIT_ENTRIES
    }
}

fn check_id(id: &str) -> Result<(), StoreError> {
    if id.is_empty()
        || id.len() > MAX_AUDIT_ID_BYTES
        || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(StoreError::InvalidValue {
            what: "warning id",
            why: "must be 1-64 letters, digits or dashes",
        });
    }
    Ok(())
}

fn unknown() -> StoreError {
    StoreError::InvalidValue {
        what: "warning id",
        why: "no recorded warning has this id",
    }
}

impl Store {
    fn audit_key(&self, id: &str) -> [u8; super::crypto::MAC_LEN] {
        self.keys.mac("audit", id)
    }

    fn seal_audit(&self, key: &[u8], rec: &AuditRecord) -> Result<Vec<u8>, StoreError> {
        self.keys.seal(
            &aad("audit", key),
            &serde_json::to_vec(rec).expect("audit record serializes"),
        )
    }

    fn find_audit(
        &self,
        conn: &Connection,
        id: &str,
    ) -> Result<Option<([u8; super::crypto::MAC_LEN], AuditRecord)>, StoreError> {
        let key = self.audit_key(id);
        let payload: Option<Vec<u8>> = conn
            .query_row(
                "SELECT payload FROM audit WHERE id = ?1",
                [key.as_slice()],
                |r| r.get(0),
            )
            .optional()?;
        let Some(payload) = payload else {
            return Ok(None);
        };
        let plain = self
            .keys
            .open(&aad("audit", &key), &payload, "audit record")?;
        let rec: AuditRecord =
            serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("audit record"))?;
        Ok(Some((key, rec)))
    }

    /// Records a warning. Drops the oldest rows beyond the bounds first.
    /// An id already recorded is refused (ids are random and never reused).
    pub fn add_audit(&self, rec: &AuditRecord) -> Result<(), StoreError> {
        self.add_audits(std::slice::from_ref(rec))
    }

    /// Records several warnings in one transaction (one sync to disk: the
    /// guard's audit writer batches what queued up while it wrote). All or
    /// nothing: a bad or duplicate id refuses the whole batch.
    pub fn add_audits(&self, recs: &[AuditRecord]) -> Result<(), StoreError> {
        if recs.is_empty() {
            return Ok(());
        }
        let mut rows = Vec::with_capacity(recs.len());
        for rec in recs {
            check_id(&rec.id)?;
            let key = self.audit_key(&rec.id);
            let payload = self.seal_audit(&key, rec)?;
            rows.push((key, payload));
        }
        // More than the bound at once: the oldest would be dropped at once.
        let rows = &rows[rows.len().saturating_sub(max_entries())..];
        let now = self.now_ms();
        self.write(|tx| {
            self.prune_audit(tx, now, rows.len())?;
            let mut insert =
                tx.prepare_cached("INSERT OR IGNORE INTO audit (id, payload) VALUES (?1, ?2)")?;
            for (key, payload) in rows {
                if insert.execute(rusqlite::params![key.as_slice(), payload])? == 0 {
                    return Err(StoreError::InvalidValue {
                        what: "warning id",
                        why: "already recorded",
                    });
                }
            }
            Ok(())
        })
    }

    /// Drops rows beyond [`MAX_AUDIT_ENTRIES`] (room for `room` more) and
    /// rows older than [`MAX_AUDIT_AGE_MS`], oldest first.
    fn prune_audit(&self, tx: &Connection, now: i64, room: usize) -> Result<(), StoreError> {
        let n: i64 = tx.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?;
        let excess = n + room.min(max_entries()) as i64 - max_entries() as i64;
        if excess > 0 {
            tx.execute(
                "DELETE FROM audit WHERE seq IN (SELECT seq FROM audit ORDER BY seq LIMIT ?1)",
                [excess],
            )?;
        }
        // Rows are in time order: open the oldest until one is young enough.
        loop {
            let oldest: Option<(i64, Vec<u8>, Vec<u8>)> = tx
                .query_row(
                    "SELECT seq, id, payload FROM audit ORDER BY seq LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let Some((seq, key, payload)) = oldest else {
                return Ok(());
            };
            let plain = self
                .keys
                .open(&aad("audit", &key), &payload, "audit record")?;
            let rec: AuditRecord =
                serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("audit record"))?;
            if now.saturating_sub(rec.time_ms) <= MAX_AUDIT_AGE_MS {
                return Ok(());
            }
            tx.execute("DELETE FROM audit WHERE seq = ?1", [seq])?;
        }
    }

    /// One recorded warning (with its value, for the guard's own use).
    pub fn audit_entry(&self, id: &str) -> Result<AuditRecord, StoreError> {
        check_id(id)?;
        self.read(|c| self.find_audit(c, id))?
            .map(|(_, r)| r)
            .ok_or_else(unknown)
    }

    /// Records the person's decision on a warning (a later report replaces
    /// an earlier one). Unknown ids are refused; nothing else changes.
    pub fn audit_decide(&self, id: &str, decision: Decision) -> Result<AuditRecord, StoreError> {
        check_id(id)?;
        let now = self.now_ms();
        self.update_audit(id, |rec| {
            rec.decision = Some(decision);
            rec.decided_ms = Some(now);
            Ok(())
        })
    }

    /// Marks a warning "not a scam". Refused when already marked, so one
    /// warning never queues two reports.
    pub(crate) fn audit_mark_not_scam(&self, id: &str) -> Result<AuditRecord, StoreError> {
        check_id(id)?;
        self.update_audit(id, |rec| {
            if rec.not_scam {
                return Err(StoreError::InvalidValue {
                    what: "warning id",
                    why: "already marked not a scam",
                });
            }
            rec.not_scam = true;
            Ok(())
        })
    }

    fn update_audit(
        &self,
        id: &str,
        f: impl FnOnce(&mut AuditRecord) -> Result<(), StoreError>,
    ) -> Result<AuditRecord, StoreError> {
        self.write(|tx| {
            let (key, mut rec) = self.find_audit(tx, id)?.ok_or_else(unknown)?;
            f(&mut rec)?;
            let payload = self.seal_audit(&key, &rec)?;
            tx.execute(
                "UPDATE audit SET payload = ?2 WHERE id = ?1",
                rusqlite::params![key.as_slice(), payload],
            )?;
            Ok(rec)
        })
    }

    /// Every recorded warning, oldest first. The checked values are left
    /// out unless `include_values`.
    pub fn audit_entries(&self, include_values: bool) -> Result<Vec<AuditRecord>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare("SELECT id, payload FROM audit ORDER BY seq")?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (key, payload) = row?;
                let plain = self
                    .keys
                    .open(&aad("audit", &key), &payload, "audit record")?;
                let mut rec: AuditRecord = serde_json::from_slice(&plain)
                    .map_err(|_| StoreError::corrupt("audit record"))?;
                if !include_values {
                    rec.value = None;
                }
                out.push(rec);
            }
            Ok(out)
        })
    }

    /// The ids of the audit log's records, oldest first (tests).
    #[cfg(test)]
    pub(crate) fn audit_ids(&self) -> Vec<String> {
        self.audit_entries(false)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;
    use crate::store::FileKeyProvider;
    use std::sync::Arc;

    fn rec(id: &str, time_ms: i64) -> AuditRecord {
        AuditRecord {
            id: id.into(),
            time_ms,
            kind: Kind::Number,
            level: Level::Dangerous,
            action: Action::Block,
            fraud_type: None,
            reasons: vec!["number.spoofed_service".into()],
            title: "t".into(),
            feed_version: "embedded".into(),
            decision: None,
            decided_ms: None,
            not_scam: false,
            value: Some("+8613800000000".into()),
        }
    }

    #[test]
    fn bounded_by_count_and_age() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(
            dir.path().join("s.db"),
            &FileKeyProvider::from_bytes(&[1; 32]),
        )
        .unwrap();
        let day = 24 * 3_600_000;
        let clock = Arc::new(ManualClock::new(1000 * day));
        store.set_clock(clock.clone());
        for i in 0..8 {
            store.add_audit(&rec(&format!("r{i}"), 1000 * day)).unwrap();
        }
        assert_eq!(store.audit_ids(), ["r3", "r4", "r5", "r6", "r7"]);
        // A year and more later the old ones age out as a new one arrives.
        clock.set(1000 * day + MAX_AUDIT_AGE_MS + 1);
        store
            .add_audit(&rec("late", 1000 * day + MAX_AUDIT_AGE_MS + 1))
            .unwrap();
        let left = store.audit_entries(true).unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].value.as_deref(), Some("+8613800000000"));
        // Ids are unique and well-formed.
        assert!(store.add_audit(&rec("late", 0)).is_err());
        assert!(store.add_audit(&rec("bad id", 0)).is_err());
        assert!(matches!(
            store.audit_decide("nope", Decision::Proceeded),
            Err(StoreError::InvalidValue { .. })
        ));
    }
}
