//! The user's own data: block / allow rules, reports queued for upload,
//! payee history, recent events, and named settings.
//!
//! Rules, payees and settings are named by a keyed hash (HMAC under a key
//! derived from the data key) of their value, so the file can't be tested
//! against a guessed number; every payload is sealed.

use super::crypto::{Keys, MAC_LEN};
use super::db::aad;
use super::error::StoreError;
use super::Store;
use crate::blocklist::ListKind;
use crate::verdict::{FraudType, Kind};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Most user rules kept.
pub const MAX_RULES: usize = 100_000;
/// Most reports kept (uploaded ones included; delete them after upload).
pub const MAX_REPORTS: usize = 10_000;
/// Longest reported value, in bytes (a message body counts as the value).
pub const MAX_REPORT_VALUE_BYTES: usize = 16 * 1024;
/// Longest report note, in bytes.
pub const MAX_REPORT_NOTE_BYTES: usize = 4 * 1024;
/// Longest rule value, in bytes.
pub const MAX_RULE_VALUE_BYTES: usize = 2048;
/// Most recent events kept; older ones are dropped as new ones arrive.
pub const MAX_EVENTS: usize = 1_000;
/// Largest serialized event or setting, in bytes.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;

/// What a user rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleAction {
    /// Always `dangerous`, action `block`.
    Block,
    /// Always `trusted`.
    Allow,
}

impl RuleAction {
    /// The stable id (`block`, `allow`).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleAction::Block => "block",
            RuleAction::Allow => "allow",
        }
    }
}

/// A user's block or allow rule. `value` is canonical: E.164 for numbers
/// (as the number check normalizes them), a lower-case ASCII host for links
/// (it matches the host and its subdomains), `payment::normalize_account`'s
/// form for accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRule {
    /// The list the rule is for.
    pub kind: ListKind,
    /// The canonical value (see above).
    pub value: String,
    /// Block or allow.
    pub action: RuleAction,
    /// When it was made (ms since the Unix epoch).
    pub created_ms: i64,
}

/// The user's rules in memory, for the checks.
#[derive(Debug, Clone, Default)]
pub struct UserRules {
    map: HashMap<(ListKind, String), RuleAction>,
}

impl UserRules {
    /// The rules in memory.
    pub fn from_rules(rules: impl IntoIterator<Item = UserRule>) -> UserRules {
        UserRules {
            map: rules
                .into_iter()
                .map(|r| ((r.kind, r.value), r.action))
                .collect(),
        }
    }

    /// How many rules.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there is no rule.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The rule for an exact canonical value.
    pub fn get(&self, kind: ListKind, canonical: &str) -> Option<RuleAction> {
        if self.map.is_empty() {
            return None;
        }
        self.map.get(&(kind, canonical.to_string())).copied()
    }

    /// The rule for a URL: its host's, else the nearest parent domain's.
    pub fn for_url(&self, url: &str) -> Option<RuleAction> {
        if self.map.is_empty() {
            return None;
        }
        let host = canonical_link_host(url)?;
        let mut h = host.as_str();
        loop {
            if let Some(a) = self.map.get(&(ListKind::Url, h.to_string())) {
                return Some(*a);
            }
            match h.find('.') {
                Some(i) => h = &h[i + 1..],
                None => return None,
            }
        }
    }

    /// Adds or replaces a rule in memory.
    pub fn insert(&mut self, kind: ListKind, canonical: String, action: RuleAction) {
        self.map.insert((kind, canonical), action);
    }

    /// Removes a rule from memory.
    pub fn remove(&mut self, kind: ListKind, canonical: &str) {
        self.map.remove(&(kind, canonical.to_string()));
    }
}

/// The host of a link or host name as the link check sees it
/// ([`crate::link::canonicalize`]: lower-case ASCII (IDNA), IPv4 in dotted
/// decimal), without a trailing dot; `None` when there is none.
pub fn canonical_link_host(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() || v.len() > MAX_RULE_VALUE_BYTES {
        return None;
    }
    let canonical = crate::link::canonicalize(v).ok()?;
    let host = canonical.host.trim_end_matches('.');
    if host.is_empty() {
        None
    } else {
        Some(host.to_string())
    }
}

/// What a report says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportCategory {
    /// "This is a scam" (the default; reports stored before categories
    /// existed read as this).
    #[default]
    Scam,
    /// "This warning was wrong": the person marked a verdict not a scam.
    FalseAlarm,
}

impl ReportCategory {
    /// The stable id (`scam`, `false_alarm`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReportCategory::Scam => "scam",
            ReportCategory::FalseAlarm => "false_alarm",
        }
    }
}

/// A report the user is filing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReport {
    /// What was reported: a number, link, message or payment (payee).
    pub kind: Kind,
    /// The reported value (number, URL, message body, account) as the user
    /// saw it.
    pub value: String,
    /// The fraud type the user picked, if any.
    pub fraud_type: Option<FraudType>,
    /// The user's own words.
    #[serde(default)]
    pub note: String,
    /// A scam report or a false alarm.
    #[serde(default)]
    pub category: ReportCategory,
}

/// A stored report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The report's id in the store.
    pub id: i64,
    /// What was reported.
    pub kind: Kind,
    /// The reported value as the user saw it.
    pub value: String,
    /// The fraud type the user picked, if any.
    pub fraud_type: Option<FraudType>,
    /// The user's own words.
    pub note: String,
    /// A scam report or a false alarm.
    pub category: ReportCategory,
    /// When it was filed (ms since the Unix epoch).
    pub created_ms: i64,
    /// When the host app reported it uploaded; `None` while pending.
    pub uploaded_ms: Option<i64>,
}

#[derive(Serialize, Deserialize)]
struct ReportBody {
    kind: Kind,
    value: String,
    fraud_type: Option<FraudType>,
    note: String,
    #[serde(default)]
    category: ReportCategory,
    created_ms: i64,
    uploaded_ms: Option<i64>,
}

#[derive(Serialize, Deserialize)]
struct SettingBody {
    name: String,
    value: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct EventBody {
    at_ms: i64,
    event: serde_json::Value,
}

fn rule_domain(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Number => "rule:number",
        ListKind::Url => "rule:url",
        ListKind::Account => "rule:account",
    }
}

const RULES_DIGEST_AAD: &[u8] = b"meta:rules_digest";

/// Count and XOR of the rule ids, sealed in `meta`: a rule lost to damage
/// must not silently turn a blocked number back to "clear".
fn read_digest(conn: &Connection, keys: &Keys) -> Result<(u64, [u8; MAC_LEN]), StoreError> {
    let raw: Option<Vec<u8>> = conn
        .query_row(
            "SELECT value FROM meta WHERE name = 'rules_digest'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let Some(raw) = raw else {
        return Ok((0, [0; MAC_LEN]));
    };
    let plain = keys.open(RULES_DIGEST_AAD, &raw, "user rules digest")?;
    if plain.len() != 8 + MAC_LEN {
        return Err(StoreError::corrupt("user rules digest"));
    }
    let count = u64::from_be_bytes(plain[..8].try_into().expect("8 bytes"));
    let mut xor = [0u8; MAC_LEN];
    xor.copy_from_slice(&plain[8..]);
    Ok((count, xor))
}

fn update_digest(
    conn: &Connection,
    keys: &Keys,
    id: &[u8; MAC_LEN],
    added: bool,
) -> Result<(), StoreError> {
    let (count, mut xor) = read_digest(conn, keys)?;
    let count = if added {
        count + 1
    } else {
        count.saturating_sub(1)
    };
    for (x, b) in xor.iter_mut().zip(id) {
        *x ^= b;
    }
    let mut plain = count.to_be_bytes().to_vec();
    plain.extend_from_slice(&xor);
    let sealed = keys.seal(RULES_DIGEST_AAD, &plain)?;
    conn.execute(
        "INSERT OR REPLACE INTO meta (name, value) VALUES ('rules_digest', ?1)",
        [sealed],
    )?;
    Ok(())
}

pub(crate) fn read_rules(conn: &Connection, keys: &Keys) -> Result<Vec<UserRule>, StoreError> {
    let (want_count, want_xor) = read_digest(conn, keys)?;
    let mut count = 0u64;
    let mut xor = [0u8; MAC_LEN];
    let mut stmt = conn.prepare_cached("SELECT id, payload FROM rules")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, payload) = row?;
        count += 1;
        for (x, b) in xor.iter_mut().zip(&id) {
            *x ^= b;
        }
        let plain = keys.open(&aad("rules", &id), &payload, "user rule")?;
        let rule: UserRule =
            serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("user rule"))?;
        out.push(rule);
    }
    if count != want_count || xor != want_xor {
        return Err(StoreError::corrupt("user rules"));
    }
    out.sort_by(|a, b| {
        a.created_ms
            .cmp(&b.created_ms)
            .then_with(|| a.value.cmp(&b.value))
    });
    Ok(out)
}

pub(crate) fn write_setting(
    conn: &Connection,
    keys: &Keys,
    name: &str,
    value: Option<&[u8]>,
) -> Result<(), StoreError> {
    if name.is_empty() || name.len() > 256 {
        return Err(StoreError::InvalidValue {
            what: "setting name",
            why: "must be 1-256 bytes",
        });
    }
    let id = keys.mac("setting", name);
    match value {
        Some(v) => {
            if v.len() > MAX_RECORD_BYTES {
                return Err(StoreError::Limit {
                    what: "setting size",
                });
            }
            let body = SettingBody {
                name: name.to_string(),
                value: v.to_vec(),
            };
            let payload = keys.seal(
                &aad("settings", &id),
                &serde_json::to_vec(&body).expect("setting serializes"),
            )?;
            conn.prepare_cached("INSERT OR REPLACE INTO settings (id, payload) VALUES (?1, ?2)")?
                .execute(rusqlite::params![id.as_slice(), payload])?;
        }
        None => {
            conn.prepare_cached("DELETE FROM settings WHERE id = ?1")?
                .execute([id.as_slice()])?;
        }
    }
    Ok(())
}

fn count(conn: &Connection, table: &str) -> Result<usize, StoreError> {
    let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
    Ok(n as usize)
}

fn check_len(what: &'static str, v: &str, max: usize) -> Result<(), StoreError> {
    if v.len() > max {
        return Err(StoreError::InvalidValue {
            what,
            why: "too long",
        });
    }
    Ok(())
}

impl Store {
    // ---- rules -------------------------------------------------------

    /// Stores a block or allow rule for a canonical value (replacing any
    /// rule for it). The guard's `block` / `allow` canonicalize first; call
    /// this directly only with canonical values (see [`UserRule`]).
    pub fn set_rule(
        &self,
        kind: ListKind,
        canonical: &str,
        action: RuleAction,
    ) -> Result<(), StoreError> {
        if canonical.is_empty() {
            return Err(StoreError::InvalidValue {
                what: "rule value",
                why: "empty",
            });
        }
        check_len("rule value", canonical, MAX_RULE_VALUE_BYTES)?;
        let rule = UserRule {
            kind,
            value: canonical.to_string(),
            action,
            created_ms: self.now_ms(),
        };
        let id = self.keys.mac(rule_domain(kind), canonical);
        let payload = self.keys.seal(
            &aad("rules", &id),
            &serde_json::to_vec(&rule).expect("rule serializes"),
        )?;
        self.write(|tx| {
            let exists: bool = tx
                .query_row("SELECT 1 FROM rules WHERE id = ?1", [id.as_slice()], |_| {
                    Ok(())
                })
                .optional()?
                .is_some();
            if !exists && count(tx, "rules")? >= MAX_RULES {
                return Err(StoreError::Limit { what: "user rules" });
            }
            tx.execute(
                "INSERT OR REPLACE INTO rules (id, payload) VALUES (?1, ?2)",
                rusqlite::params![id.as_slice(), payload],
            )?;
            if !exists {
                update_digest(tx, &self.keys, &id, true)?;
            }
            Ok(())
        })
    }

    /// Removes the rule for a canonical value; `false` if there was none.
    pub fn remove_rule(&self, kind: ListKind, canonical: &str) -> Result<bool, StoreError> {
        let id = self.keys.mac(rule_domain(kind), canonical);
        self.write(|tx| {
            let removed = tx.execute("DELETE FROM rules WHERE id = ?1", [id.as_slice()])? > 0;
            if removed {
                update_digest(tx, &self.keys, &id, false)?;
            }
            Ok(removed)
        })
    }

    /// Every user rule, oldest first.
    pub fn rules(&self) -> Result<Vec<UserRule>, StoreError> {
        self.read(|conn| read_rules(conn, &self.keys))
    }

    // ---- reports -----------------------------------------------------

    /// Queues a report; returns its id (ids are never reused).
    pub fn add_report(&self, report: NewReport) -> Result<i64, StoreError> {
        if report.value.trim().is_empty() {
            return Err(StoreError::InvalidValue {
                what: "report value",
                why: "empty",
            });
        }
        check_len("report value", &report.value, MAX_REPORT_VALUE_BYTES)?;
        check_len("report note", &report.note, MAX_REPORT_NOTE_BYTES)?;
        let body = ReportBody {
            kind: report.kind,
            value: report.value,
            fraud_type: report.fraud_type,
            note: report.note,
            category: report.category,
            created_ms: self.now_ms(),
            uploaded_ms: None,
        };
        let plain = serde_json::to_vec(&body).expect("report serializes");
        self.write(|tx| {
            if count(tx, "reports")? >= MAX_REPORTS {
                return Err(StoreError::Limit { what: "reports" });
            }
            let next: Option<Vec<u8>> = tx
                .query_row(
                    "SELECT value FROM meta WHERE name = 'next_report'",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            let id = match next {
                Some(b) if b.len() == 8 => i64::from_be_bytes(b.try_into().expect("8 bytes")),
                Some(_) => return Err(StoreError::corrupt("report counter")),
                None => 1,
            };
            let payload = self.keys.seal(&aad("reports", &id.to_be_bytes()), &plain)?;
            tx.execute(
                "INSERT INTO reports (id, uploaded, payload) VALUES (?1, 0, ?2)",
                rusqlite::params![id, payload],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO meta (name, value) VALUES ('next_report', ?1)",
                [(id + 1).to_be_bytes().to_vec()],
            )?;
            Ok(id)
        })
    }

    /// Reports, oldest first; only those not yet uploaded with `pending_only`.
    pub fn reports(&self, pending_only: bool) -> Result<Vec<Report>, StoreError> {
        self.read(|conn| {
            let sql = if pending_only {
                "SELECT id, payload FROM reports WHERE uploaded = 0 ORDER BY id"
            } else {
                "SELECT id, payload FROM reports ORDER BY id"
            };
            let mut stmt = conn.prepare(sql)?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (id, payload) = row?;
                let plain =
                    self.keys
                        .open(&aad("reports", &id.to_be_bytes()), &payload, "report")?;
                let b: ReportBody =
                    serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("report"))?;
                out.push(Report {
                    id,
                    kind: b.kind,
                    value: b.value,
                    fraud_type: b.fraud_type,
                    note: b.note,
                    category: b.category,
                    created_ms: b.created_ms,
                    uploaded_ms: b.uploaded_ms,
                });
            }
            Ok(out)
        })
    }

    /// Marks reports as uploaded by the host app; returns how many changed.
    pub fn mark_uploaded(&self, ids: &[i64]) -> Result<usize, StoreError> {
        let now = self.now_ms();
        self.write(|tx| {
            let mut changed = 0;
            for &id in ids {
                let payload: Option<Vec<u8>> = tx
                    .query_row(
                        "SELECT payload FROM reports WHERE id = ?1 AND uploaded = 0",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?;
                let Some(payload) = payload else { continue };
                let a = aad("reports", &id.to_be_bytes());
                let plain = self.keys.open(&a, &payload, "report")?;
                let mut b: ReportBody =
                    serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("report"))?;
                b.uploaded_ms = Some(now);
                let sealed = self
                    .keys
                    .seal(&a, &serde_json::to_vec(&b).expect("report serializes"))?;
                tx.execute(
                    "UPDATE reports SET uploaded = 1, payload = ?2 WHERE id = ?1",
                    rusqlite::params![id, sealed],
                )?;
                changed += 1;
            }
            Ok(changed)
        })
    }

    /// Deletes a report; `false` if there was none with this id.
    pub fn delete_report(&self, id: i64) -> Result<bool, StoreError> {
        self.write(|tx| Ok(tx.execute("DELETE FROM reports WHERE id = ?1", [id])? > 0))
    }

    /// Reports as a JSON array (the objects of [`Report`]), for upload.
    pub fn export_reports(&self, pending_only: bool) -> Result<String, StoreError> {
        let reports = self.reports(pending_only)?;
        Ok(serde_json::to_string(&reports).expect("reports serialize"))
    }

    // ---- recent events -------------------------------------------------

    /// Appends an event (any serde type) that happened at `at_ms`; keeps
    /// the newest [`MAX_EVENTS`].
    pub fn push_event<T: Serialize>(&self, at_ms: i64, event: &T) -> Result<(), StoreError> {
        let body = EventBody {
            at_ms,
            event: serde_json::to_value(event).map_err(|_| StoreError::InvalidValue {
                what: "event",
                why: "does not serialize",
            })?,
        };
        let plain = serde_json::to_vec(&body).expect("event serializes");
        if plain.len() > MAX_RECORD_BYTES {
            return Err(StoreError::Limit { what: "event size" });
        }
        self.write(|tx| {
            let seq: i64 =
                tx.query_row("SELECT coalesce(max(seq), 0) + 1 FROM events", [], |r| {
                    r.get(0)
                })?;
            let payload = self.keys.seal(&aad("events", &seq.to_be_bytes()), &plain)?;
            tx.execute(
                "INSERT INTO events (seq, payload) VALUES (?1, ?2)",
                rusqlite::params![seq, payload],
            )?;
            tx.execute(
                "DELETE FROM events WHERE seq <= ?1",
                [seq - MAX_EVENTS as i64],
            )?;
            Ok(())
        })
    }

    /// Events at or after `since_ms`, oldest first, as (at_ms, event).
    pub fn events<T: DeserializeOwned>(&self, since_ms: i64) -> Result<Vec<(i64, T)>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare("SELECT seq, payload FROM events ORDER BY seq")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (seq, payload) = row?;
                let plain =
                    self.keys
                        .open(&aad("events", &seq.to_be_bytes()), &payload, "event")?;
                let body: EventBody =
                    serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("event"))?;
                if body.at_ms >= since_ms {
                    let ev = serde_json::from_value(body.event)
                        .map_err(|_| StoreError::corrupt("event"))?;
                    out.push((body.at_ms, ev));
                }
            }
            Ok(out)
        })
    }

    /// Deletes every event.
    pub fn clear_events(&self) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("DELETE FROM events", [])?;
            Ok(())
        })
    }

    // ---- settings ------------------------------------------------------

    /// Stores a named setting (sealed; the name is stored only as a keyed
    /// hash). `None` deletes it.
    pub fn put_setting(&self, name: &str, value: Option<&[u8]>) -> Result<(), StoreError> {
        self.write(|tx| write_setting(tx, &self.keys, name, value))
    }

    /// A named setting.
    pub fn setting(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let id = self.keys.mac("setting", name);
        let payload: Option<Vec<u8>> = self.read(|c| {
            Ok(c.query_row(
                "SELECT payload FROM settings WHERE id = ?1",
                [id.as_slice()],
                |r| r.get(0),
            )
            .optional()?)
        })?;
        let Some(payload) = payload else {
            return Ok(None);
        };
        let plain = self.keys.open(&aad("settings", &id), &payload, "setting")?;
        let body: SettingBody =
            serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("setting"))?;
        if body.name != name {
            return Err(StoreError::corrupt("setting"));
        }
        Ok(Some(body.value))
    }

    /// Rows per user table, for status.
    pub(crate) fn user_counts(&self, conn: &Connection) -> Result<[usize; 5], StoreError> {
        let pending: i64 =
            conn.query_row("SELECT count(*) FROM reports WHERE uploaded = 0", [], |r| {
                r.get(0)
            })?;
        Ok([
            count(conn, "rules")?,
            count(conn, "reports")?,
            pending as usize,
            count(conn, "payees")?,
            count(conn, "events")?,
        ])
    }

    /// Runs `f` in an IMMEDIATE transaction on the writer connection.
    pub(crate) fn write<R>(
        &self,
        f: impl FnOnce(&Connection) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let r = f(&tx)?;
        tx.commit()?;
        Ok(r)
    }

    /// Runs `f` on the reader connection: it sees committed data and never
    /// waits for a write in progress (WAL).
    pub(crate) fn read<R>(
        &self,
        f: impl FnOnce(&Connection) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let conn = self.reader.lock().unwrap_or_else(|e| e.into_inner());
        f(&conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn link_hosts() {
        assert_eq!(
            canonical_link_host("Evil.Example.TOP.").as_deref(),
            Some("evil.example.top")
        );
        assert_eq!(
            canonical_link_host("https://a.b.cn/x?y").as_deref(),
            Some("a.b.cn")
        );
        assert_eq!(
            canonical_link_host("http://例子.测试/").as_deref(),
            Some("xn--fsqu00a.xn--0zwm56d")
        );
        assert_eq!(canonical_link_host(""), None);
        // The same host the link check sees: an IPv4 address in another
        // form, a host with escapes.
        assert_eq!(
            canonical_link_host("http://3279880203/x").as_deref(),
            Some("195.127.0.11")
        );
        assert_eq!(
            canonical_link_host("http://%65vil.top/").as_deref(),
            Some("evil.top")
        );
        let rules = UserRules::from_rules([UserRule {
            kind: ListKind::Url,
            value: "evil.top".into(),
            action: RuleAction::Block,
            created_ms: 0,
        }]);
        assert_eq!(
            rules.for_url("https://login.evil.top/a"),
            Some(RuleAction::Block)
        );
        assert_eq!(rules.for_url("https://notevil.top/a"), None);
    }

    proptest! {
        #[test]
        fn canonicalizers_never_panic(s in ".{0,80}") {
            let _ = canonical_link_host(&s);
        }
    }
}
