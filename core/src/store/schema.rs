//! The store's SQLite schema and its migrations.
//!
//! `VERSION` is kept in `PRAGMA user_version`; `application_id` marks the
//! file as ours. Opening runs [`init`] in one IMMEDIATE transaction: a fresh
//! file gets [`SQL`], an older one is upgraded step by step by
//! [`upgrade_from`], a newer one is refused with [`StoreError::TooNew`] (its
//! layout may mean things this build can't read).
//!
//! No column holds plaintext user data. Row keys are either integers we
//! allocate or keyed hashes (HMAC) of the value; every payload is sealed
//! with AES-256-GCM (see `crypto.rs`). The only plaintext besides ids is the
//! `uploaded` flag of reports and the opaque wrapped data key.

use super::error::StoreError;
use rusqlite::{Connection, TransactionBehavior};

/// Schema version this build writes.
///
/// History:
/// 1. meta, settings, feeds, feed_rules, labels, segments, seg_index,
///    seg_blocks, rules, reports.
/// 2. payees and events (payee history and recent events behind the payment
///    journey).
/// 3. audit (the warning audit log).
pub const VERSION: u32 = 3;

/// `PRAGMA application_id` of a Fanzha store ("FZH1").
pub const APPLICATION_ID: i32 = 0x465A_4831;

/// The whole schema at [`VERSION`].
pub const SQL: &str = "
-- Store-level values: the wrapped data key and a sealed marker that tells
-- a wrong key from a damaged file.
CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
-- Small named values (e.g. the feed publisher's pinned keys); id = HMAC(name).
CREATE TABLE settings (
    id      BLOB PRIMARY KEY,
    payload BLOB NOT NULL
) WITHOUT ROWID;
-- One row per feed: sealed FeedState.
CREATE TABLE feeds (
    slot    INTEGER PRIMARY KEY,
    payload BLOB NOT NULL
);
-- Rule JSON or a model that replaces an embedded default, one row per part
-- (0 numbers, 1 links, 2 patterns, 3 payments, 4 scoring: JSON; 5 message
-- model, 6 link model: FZML bytes).
CREATE TABLE feed_rules (
    part    INTEGER PRIMARY KEY,
    payload BLOB NOT NULL
);
-- Blocklist metadata dictionary: (category, fraud type, severity, label).
CREATE TABLE labels (
    id      INTEGER PRIMARY KEY,
    payload BLOB NOT NULL
);
-- Blocklist segments (immutable once written): sealed SegmentMeta.
CREATE TABLE segments (
    id      INTEGER PRIMARY KEY,
    payload BLOB NOT NULL
);
-- The compact in-memory index of each segment, in sealed chunks;
-- id = segment << 32 | chunk.
CREATE TABLE seg_index (
    id      INTEGER PRIMARY KEY,
    payload BLOB NOT NULL
);
-- The entries of each segment, in sealed blocks; id = segment << 32 | block.
CREATE TABLE seg_blocks (
    id      INTEGER PRIMARY KEY,
    payload BLOB NOT NULL
);
-- The user's own block / allow rules; id = HMAC(kind, canonical value).
CREATE TABLE rules (
    id      BLOB PRIMARY KEY,
    payload BLOB NOT NULL
) WITHOUT ROWID;
-- Reports the user filed, queued for the host app to upload.
CREATE TABLE reports (
    id       INTEGER PRIMARY KEY,
    uploaded INTEGER NOT NULL DEFAULT 0,
    payload  BLOB NOT NULL
);
-- Payee history; id = HMAC(normalized account).
CREATE TABLE payees (
    id      BLOB PRIMARY KEY,
    payload BLOB NOT NULL
) WITHOUT ROWID;
-- Recent events (flagged calls, messages, links, payments), oldest first.
CREATE TABLE events (
    seq     INTEGER PRIMARY KEY,
    payload BLOB NOT NULL
);
-- The warning audit log, oldest first; id = HMAC(verdict id).
CREATE TABLE audit (
    seq     INTEGER PRIMARY KEY,
    id      BLOB NOT NULL UNIQUE,
    payload BLOB NOT NULL
);
";

/// Creates, upgrades or validates the schema in one IMMEDIATE transaction.
/// Returns the version found before (0 for a new file).
pub(crate) fn init(conn: &mut Connection) -> Result<u32, StoreError> {
    // The common case — a current store — needs no write lock, so opening
    // never waits for another connection's write.
    let found: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if found == VERSION && app == APPLICATION_ID {
        return Ok(found);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app: i32 = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if found == 0 {
        let tables: i64 = tx.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables != 0 || app != 0 {
            return Err(StoreError::corrupt("not a Fanzha store"));
        }
        tx.execute_batch(SQL)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", VERSION)?;
    } else if app != APPLICATION_ID {
        return Err(StoreError::corrupt("not a Fanzha store"));
    } else if found > VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: VERSION,
        });
    } else if found < VERSION {
        upgrade_from(&tx, found)?;
        tx.pragma_update(None, "user_version", VERSION)?;
    }
    tx.commit()?;
    Ok(found)
}

/// Upgrades a store at schema `version` to [`VERSION`], inside the caller's
/// transaction.
fn upgrade_from(conn: &Connection, version: u32) -> Result<(), StoreError> {
    if version < 2 {
        conn.execute_batch(
            "CREATE TABLE payees (
                id      BLOB PRIMARY KEY,
                payload BLOB NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE events (
                seq     INTEGER PRIMARY KEY,
                payload BLOB NOT NULL
            );",
        )?;
    }
    if version < 3 {
        conn.execute_batch(
            "CREATE TABLE audit (
                seq     INTEGER PRIMARY KEY,
                id      BLOB NOT NULL UNIQUE,
                payload BLOB NOT NULL
            );",
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_of(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .map(|(n, s)| (n, s.split_whitespace().collect::<Vec<_>>().join(" ")))
            .collect();
        rows
    }

    #[test]
    fn fresh_schema_is_versioned() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(init(&mut conn).unwrap(), 0);
        let v: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, VERSION);
        // Idempotent.
        assert_eq!(init(&mut conn).unwrap(), VERSION);
    }

    #[test]
    fn upgrade_from_v1_matches_fresh() {
        let mut old = Connection::open_in_memory().unwrap();
        old.execute_batch(SQL).unwrap();
        old.execute_batch("DROP TABLE payees; DROP TABLE events; DROP TABLE audit;")
            .unwrap();
        old.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        old.pragma_update(None, "user_version", 1).unwrap();
        assert_eq!(init(&mut old).unwrap(), 1);
        let mut fresh = Connection::open_in_memory().unwrap();
        init(&mut fresh).unwrap();
        assert_eq!(schema_of(&old), schema_of(&fresh));
    }

    #[test]
    fn upgrade_from_v2_matches_fresh() {
        let mut old = Connection::open_in_memory().unwrap();
        old.execute_batch(SQL).unwrap();
        old.execute_batch("DROP TABLE audit;").unwrap();
        old.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        old.pragma_update(None, "user_version", 2).unwrap();
        assert_eq!(init(&mut old).unwrap(), 2);
        let mut fresh = Connection::open_in_memory().unwrap();
        init(&mut fresh).unwrap();
        assert_eq!(schema_of(&old), schema_of(&fresh));
    }

    #[test]
    fn newer_and_foreign_files_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        init(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", VERSION + 1)
            .unwrap();
        assert!(matches!(init(&mut conn), Err(StoreError::TooNew { .. })));

        let mut foreign = Connection::open_in_memory().unwrap();
        foreign.execute_batch("CREATE TABLE t(x)").unwrap();
        assert!(matches!(
            init(&mut foreign),
            Err(StoreError::Corrupt { .. })
        ));
    }
}
