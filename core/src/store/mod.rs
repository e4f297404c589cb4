//! The encrypted local store: feed state, hashed blocklists, the user's own
//! rules, reports queued for upload, payee history and recent events — in
//! one SQLite file (bundled SQLite, WAL), with nothing readable at rest.
//!
//! See `README.md` in this directory for what each file does and for the
//! write API the feed module uses ([`Store::apply_feed`]).
//!
//! ```
//! use fanzha_core::store::{FileKeyProvider, Store, RuleAction};
//! use fanzha_core::blocklist::ListKind;
//!
//! let dir = std::env::temp_dir().join(format!("fanzha-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let path = dir.join("store.db");
//! # let _ = std::fs::remove_file(&path);
//! let key = FileKeyProvider::from_bytes(&[42; 32]);
//! let store = Store::open(&path, &key).unwrap();
//! store.set_rule(ListKind::Number, "+8613800000000", RuleAction::Block).unwrap();
//! assert_eq!(store.rules().unwrap().len(), 1);
//!
//! // Another key does not open it, and nothing is decrypted.
//! let other = FileKeyProvider::from_bytes(&[7; 32]);
//! assert!(Store::open(&path, &other).is_err());
//! # drop(store); let _ = std::fs::remove_dir_all(&dir);
//! ```

mod apply;
mod audit;
mod audit_queue;
mod blocks;
mod crypto;
mod db;
mod error;
mod history;
mod index;
mod keyset;
mod schema;
mod segment;
mod user;

pub use apply::{
    ApplyOutcome, FeedChange, FeedEntry, FeedRemoval, FeedState, ListCounts, SourceError,
    MAX_CATEGORY_BYTES, MAX_CHANGE_ENTRIES, MAX_FEED_ID_BYTES, MAX_LABELS_PER_FEED,
    MAX_LABEL_BYTES, MAX_RULES_BYTES,
};
pub use audit::{AuditRecord, Decision, MAX_AUDIT_AGE_MS, MAX_AUDIT_ENTRIES, MAX_AUDIT_ID_BYTES};
pub use audit_queue::{AuditStats, AuditWriter, AUDIT_FULL_WAIT, AUDIT_QUEUE_CAPACITY};
pub use crypto::{FileKeyProvider, KeyProvider, DATA_KEY_LEN};
pub use error::{KeyProviderError, StoreError};
pub use history::{StoreHistory, MAX_HISTORY_PAYEES, MAX_RECENT_PAYMENTS};
pub use index::StoreIndex;
pub use schema::VERSION as SCHEMA_VERSION;
pub use user::{
    canonical_link_host, NewReport, Report, ReportCategory, RuleAction, UserRule, UserRules,
    MAX_EVENTS, MAX_REPORTS, MAX_RULES,
};

use crate::blocklist::ListKind;
use crate::clock::{Clock, SystemClock};
use crate::snapshot::RuleSources;
use crypto::Keys;
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// An open store.
///
/// `Store` is `Send + Sync`. Writes (feed applies, rules, reports …) take
/// the writer connection in turn, each in one IMMEDIATE transaction; reads
/// use a second connection and, thanks to WAL, never wait for a write in
/// progress. A crash at any point leaves the last committed state.
pub struct Store {
    path: PathBuf,
    keys: Arc<Keys>,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
    clock: Arc<dyn Clock>,
    found_version: u32,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// What a guard needs from the store, read in one transaction.
#[derive(Debug)]
pub struct Loaded {
    /// The blocklist index (implements [`crate::blocklist::BlockIndex`]).
    pub index: StoreIndex,
    /// Rule JSON that feeds supplied, by part; `None` = embedded default.
    pub rules: RuleSources,
    /// The applied feeds.
    pub feeds: Vec<FeedState>,
    /// The user's block and allow rules.
    pub user_rules: UserRules,
}

impl Loaded {
    /// `id@version` of each feed joined by `+`; `None` without feeds.
    pub fn feed_version(&self) -> Option<String> {
        apply::version_string(&self.feeds)
    }

    /// The earliest expiry among the feeds.
    pub fn expires_ms(&self) -> Option<i64> {
        self.feeds.iter().map(|f| f.expires_ms).min()
    }
}

/// Which learned model is meant: for status screens and `store status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelStatus {
    /// `message` or `link`.
    pub kind: String,
    /// Short id: the model file's own checksum (xxh3-64 of the FZML body,
    /// 16 hex digits), the same whichever feed or build carried it.
    pub id: String,
    /// Classes (`benign` plus the fraud types it tells apart).
    pub classes: u32,
    /// Size of the model file.
    pub bytes: u64,
    /// `feed` (shipped in a signed feed, kept in the store), `embedded`
    /// (the library's default) or `custom` (given to the guard directly).
    pub source: String,
}

impl ModelStatus {
    /// The status of FZML `bytes` (not parsed: the id is the checksum in
    /// the last 8 bytes, the class count byte 8 of the header). `None` for
    /// bytes too short to be a model.
    pub fn of_bytes(kind: &str, bytes: &[u8], source: &str) -> Option<ModelStatus> {
        let classes = *bytes.get(8)?;
        let tail: [u8; 8] = bytes.get(bytes.len().checked_sub(8)?..)?.try_into().ok()?;
        Some(ModelStatus {
            kind: kind.to_string(),
            id: format!("{:016x}", u64::from_le_bytes(tail)),
            classes: u32::from(classes),
            bytes: bytes.len() as u64,
            source: source.to_string(),
        })
    }
}

/// A summary of the store (`fanzha store status`).
#[derive(Debug, Clone, Serialize)]
pub struct StoreStatus {
    /// The file's schema version.
    pub schema_version: u32,
    /// Bytes of the database file plus its WAL.
    pub file_bytes: u64,
    /// The applied feeds.
    pub feeds: Vec<FeedState>,
    /// Models feeds shipped (kept in the store and used instead of the
    /// embedded defaults); empty when no feed carries one.
    pub models: Vec<ModelStatus>,
    /// Blocklist entries over all feeds.
    pub entries: ListCounts,
    /// Blocklist segments.
    pub segments: usize,
    /// User rules.
    pub rules: usize,
    /// Reports.
    pub reports: usize,
    /// Reports not uploaded yet.
    pub pending_reports: usize,
    /// Payees in the payment history.
    pub payees: usize,
    /// Recorded events.
    pub events: usize,
}

/// What [`Store::verify`] read.
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyReport {
    /// Blocklist segments read.
    pub segments: usize,
    /// Entries read in them.
    pub entries: u64,
    /// Records read in all (feeds, rules, reports, payees …).
    pub records: usize,
}

impl Store {
    /// Opens the store at `path`, creating it (with a new random data key
    /// wrapped by `provider`) when the file does not exist.
    ///
    /// Refuses: a wrong key ([`StoreError::WrongKey`], nothing decrypted),
    /// a damaged or truncated file ([`StoreError::Corrupt`],
    /// [`StoreError::Truncated`]), a newer schema ([`StoreError::TooNew`]).
    /// Upgrades an older schema in one transaction.
    pub fn open(path: impl AsRef<Path>, provider: &dyn KeyProvider) -> Result<Store, StoreError> {
        Store::open_inner(path.as_ref(), provider, true)
    }

    /// Like [`Store::open`] but never creates: [`StoreError::NotFound`] when
    /// there is no file.
    pub fn open_existing(
        path: impl AsRef<Path>,
        provider: &dyn KeyProvider,
    ) -> Result<Store, StoreError> {
        Store::open_inner(path.as_ref(), provider, false)
    }

    fn open_inner(
        path: &Path,
        provider: &dyn KeyProvider,
        create: bool,
    ) -> Result<Store, StoreError> {
        let (mut writer, found_version) = db::open_writer(path, create)?;
        let keys = db::unlock(&mut writer, provider)?;
        let reader = db::connect(path, false)?;
        Ok(Store {
            path: path.to_path_buf(),
            keys: Arc::new(keys),
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            clock: Arc::new(SystemClock),
            found_version,
        })
    }

    /// The store's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the clock used for timestamps (tests).
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    pub(crate) fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// The schema version the file had when opened (0: created now).
    pub fn found_schema_version(&self) -> u32 {
        self.found_version
    }

    /// A number that changes whenever another connection — another `Store`
    /// in this process or another process — commits a change to the store
    /// (SQLite's `data_version`, read on this store's writer connection, so
    /// this store's own writes — audit records, user rules, payee history —
    /// don't count: the guard that made them already holds their effect).
    /// Cheap: no decryption, no table read; waits only for a write of this
    /// store in progress. `Guard::refresh` compares it with the value seen
    /// at load.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        let conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Reads what a guard needs — blocklist index, feed rules, feed states,
    /// user rules — in one read transaction on a new connection, which the
    /// index keeps to confirm candidates. Costs about the size of the
    /// compact indexes (≈2.1 bytes an entry) in reads and decryption, and
    /// half a byte an entry for the filter built in memory.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let conn = db::connect(&self.path, false)?;
        conn.execute_batch("BEGIN")?;
        let read = (|| {
            let feeds = apply::read_feeds(&conn, &self.keys)?;
            let (rules, _) = apply::read_rules(&conn, &self.keys)?;
            let metas = segment::read_segment_metas(&conn, &self.keys)?;
            apply::check_segments(&feeds, &metas)?;
            let segments = index::load_segments(&conn, &self.keys, metas)?;
            let user = user::read_rules(&conn, &self.keys)?;
            Ok::<_, StoreError>((feeds, rules, segments, user))
        })();
        // On success the read transaction stays open for the index's whole
        // life: every later confirmation (a sealed block, a label) reads the
        // same database generation as the segment list it was loaded with,
        // even after an apply in this or another process has replaced and
        // deleted those rows (WAL keeps the pinned pages readable). The
        // transaction ends when the index is dropped, i.e. when the last
        // check on its snapshot finishes after a reload or `refresh`.
        let (feeds, rules, segments, user) = match read {
            Ok(read) => read,
            Err(e) => {
                conn.execute_batch("ROLLBACK")?;
                return Err(e);
            }
        };
        Ok(Loaded {
            index: StoreIndex::new(conn, self.keys.clone(), segments),
            rules,
            feeds: feeds.into_iter().map(|f| f.state).collect(),
            user_rules: UserRules::from_rules(user),
        })
    }

    /// Applies a verified feed in one transaction: all of it or nothing.
    ///
    /// Refuses (writing nothing) a version not newer than the applied one
    /// ([`StoreError::Rollback`]), a delta whose base is not the applied
    /// version ([`StoreError::BaseMismatch`]), rules that don't compile
    /// ([`StoreError::Rules`]), entries over the limits
    /// ([`StoreError::Limit`], [`StoreError::InvalidValue`]), and any error
    /// from the change's iterators ([`StoreError::Source`]).
    ///
    /// Readers (other connections, loaded indexes) never wait for it. A
    /// guard sees the new data after `Guard::reload_store`.
    ///
    /// Cost: a delta writes only its own entries (about 16 bytes each,
    /// sealed in blocks) plus their compact index; every few deltas the
    /// deltas are merged, and once they hold more than 1/8 of the base they
    /// are merged into it (a rewrite of that list). A full feed rewrites its
    /// lists.
    pub fn apply_feed(&self, change: FeedChange<'_>) -> Result<ApplyOutcome, StoreError> {
        let now = self.now_ms();
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcome = apply::apply(&tx, &self.keys, now, change)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// The applied state of a feed, if it was ever applied.
    pub fn feed_state(&self, feed_id: &str) -> Result<Option<FeedState>, StoreError> {
        Ok(self.feeds()?.into_iter().find(|f| f.feed_id == feed_id))
    }

    /// Every applied feed.
    pub fn feeds(&self) -> Result<Vec<FeedState>, StoreError> {
        self.read(|c| apply::read_feeds(c, &self.keys))
            .map(|v| v.into_iter().map(|f| f.state).collect())
    }

    /// Merges every delta into its base, so counts are exact and lookups
    /// check one segment per feed and kind. Costs a rewrite of the lists
    /// that have deltas.
    pub fn compact(&self) -> Result<(), StoreError> {
        self.write(|tx| apply::compact(tx, &self.keys))
    }

    /// A summary: schema, size, feeds, counts.
    pub fn status(&self) -> Result<StoreStatus, StoreError> {
        let file_bytes = file_len(&self.path) + file_len(&wal_path(&self.path));
        self.read(|conn| {
            let feeds: Vec<FeedState> = apply::read_feeds(conn, &self.keys)?
                .into_iter()
                .map(|f| f.state)
                .collect();
            let mut entries = ListCounts::default();
            for f in &feeds {
                entries.numbers += f.entries.numbers;
                entries.urls += f.entries.urls;
                entries.accounts += f.entries.accounts;
            }
            let (rules, _) = apply::read_rules(conn, &self.keys)?;
            let models = [
                ("message", rules.message_model.as_deref()),
                ("link", rules.link_model.as_deref()),
            ]
            .into_iter()
            .filter_map(|(kind, bytes)| ModelStatus::of_bytes(kind, bytes?, "feed"))
            .collect();
            let segments: i64 =
                conn.query_row("SELECT count(*) FROM segments", [], |r| r.get(0))?;
            let [rules, reports, pending_reports, payees, events] = self.user_counts(conn)?;
            let schema_version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            Ok(StoreStatus {
                schema_version,
                file_bytes,
                feeds,
                models,
                entries,
                segments: segments as usize,
                rules,
                reports,
                pending_reports,
                payees,
                events,
            })
        })
    }

    /// Reads and checks everything: SQLite's page checks, then every sealed
    /// record and block. Costs a full read of the file.
    pub fn verify(&self) -> Result<VerifyReport, StoreError> {
        let mut report = self.read(|conn| {
            let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
            if check != "ok" {
                return Err(StoreError::corrupt("database pages"));
            }
            conn.execute_batch("BEGIN")?;
            let r = (|| {
                let mut report = VerifyReport::default();
                let feeds = apply::read_feeds(conn, &self.keys)?;
                report.records += feeds.len();
                apply::read_rules(conn, &self.keys)?;
                let metas = segment::read_segment_metas(conn, &self.keys)?;
                apply::check_segments(&feeds, &metas)?;
                for (id, meta) in &metas {
                    let entries = segment::read_segment_entries(conn, &self.keys, *id, meta)?;
                    for p in entries.iter().filter(|p| !p.is_tombstone()) {
                        if segment::read_label(conn, &self.keys, p.label)?.is_none() {
                            return Err(StoreError::corrupt("blocklist label"));
                        }
                    }
                    report.entries += entries.len() as u64;
                }
                report.segments = metas.len();
                index::load_segments(conn, &self.keys, metas)?;
                report.records += user::read_rules(conn, &self.keys)?.len();
                Ok(report)
            })();
            conn.execute_batch(if r.is_ok() { "COMMIT" } else { "ROLLBACK" })?;
            r
        })?;
        report.records += self.reports(false)?.len();
        report.records += StoreHistory::load_rows(self)?;
        report.records += self.events::<serde_json::Value>(i64::MIN)?.len();
        Ok(report)
    }

    /// Moves the WAL's content into the database file and truncates the
    /// WAL (e.g. before copying the file).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        let conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Number of blocklist entries of `kind` over all feeds.
    pub fn count(&self, kind: ListKind) -> Result<u64, StoreError> {
        Ok(self.feeds()?.iter().map(|f| f.entries.get(kind)).sum())
    }
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// The WAL file next to a database.
pub fn wal_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push("-wal");
    PathBuf::from(s)
}

/// The shared-memory file next to a database.
pub fn shm_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push("-shm");
    PathBuf::from(s)
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Store>();
    assert_send_sync::<StoreIndex>();
};
