//! The bank's flow around a verdict: an id on every verdict checked with a
//! store, the warning audit log ([`crate::store::AuditRecord`]), the
//! person's decision, and "not a scam" feedback.
//!
//! Every verdict at action `warn` or above is recorded in the store (time,
//! kind, level, action, fraud type, reason codes, the title shown, feed
//! version). The host reports what the person did by the verdict's id
//! ([`Guard::record_decision`]); [`Guard::export_audit`] gives the log to
//! the bank's own systems, without the checked values unless asked.
//! [`Guard::mark_not_scam`] adds a local allow rule for the value (numbers,
//! links, payees) and queues a `false_alarm` report for upload.

use crate::blocklist::ListKind;
use crate::error::Result;
use crate::store::{
    AuditRecord, Decision, NewReport, ReportCategory, Store, StoreError, MAX_AUDIT_ID_BYTES,
};
use crate::verdict::{Action, Kind, Verdict};
use crate::Guard;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// A fresh verdict id: 128 random bits as 32 hex digits.
fn new_id() -> Option<String> {
    use ring::rand::SecureRandom;
    let mut b = [0u8; 16];
    ring::rand::SystemRandom::new().fill(&mut b).ok()?;
    let mut s = String::with_capacity(32);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    debug_assert!(s.len() <= MAX_AUDIT_ID_BYTES);
    Some(s)
}

/// Most warnings waiting for the writer. A check that finds the queue full
/// waits up to [`AUDIT_FULL_WAIT`] for room; then the warning is counted
/// in [`AuditStats::dropped`], logged, and its verdict carries no id.
pub const AUDIT_QUEUE_CAPACITY: usize = 4096;
/// How long a check waits for room in a full queue.
pub const AUDIT_FULL_WAIT: Duration = Duration::from_millis(200);
/// Most warnings the writer puts in one transaction (one sync to disk).
const AUDIT_BATCH: usize = 256;
/// How long [`Guard::flush_audit`] waits for the writer.
const FLUSH_WAIT: Duration = Duration::from_secs(30);

/// What the audit writer has done since the guard opened its store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct AuditStats {
    /// Warnings waiting to be written now.
    pub queued: u64,
    /// Warnings written to the store.
    pub written: u64,
    /// Warnings not recorded because the queue stayed full for
    /// [`AUDIT_FULL_WAIT`] (their verdicts carry no id).
    pub dropped: u64,
    /// Warnings the store refused to write (I/O error, full disk), after a
    /// retry one by one; each is logged.
    pub failed: u64,
}

#[derive(Debug, Default)]
struct QueueState {
    queue: VecDeque<AuditRecord>,
    /// Warnings ever queued; the writer has finished (written or failed)
    /// the first `finished` of them, in order.
    queued_total: u64,
    finished: u64,
    written: u64,
    dropped: u64,
    failed: u64,
    closed: bool,
}

#[derive(Debug, Default)]
struct Shared {
    state: Mutex<QueueState>,
    /// Signalled when a warning is queued or the queue closes.
    work: Condvar,
    /// Signalled when the writer finished a batch (room, flushes).
    progress: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, QueueState> {
        // The state is counters and whole records: usable after a panic.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The guard's audit writer: warnings are queued on the check path and
/// written by one background thread, in batches of one transaction each,
/// so a check never waits for a sync to disk.
///
/// Nothing is lost silently: [`AuditWriter::flush`] (called before every
/// read or update of the log, and on drop) waits until everything queued
/// before it is written; a full queue makes a check wait briefly, then
/// counts the warning as dropped and leaves its verdict without an id (the
/// host never holds an id the store does not know); a failed write is
/// retried record by record, then counted and logged. The one window left
/// is a process killed outright (no drop) with warnings still queued —
/// at most the few milliseconds a batch takes.
#[derive(Debug)]
pub(crate) struct AuditWriter {
    shared: Arc<Shared>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// No thread could be started: write on the check path as before.
    store: Option<Arc<Store>>,
}

impl AuditWriter {
    pub(crate) fn start(store: Arc<Store>) -> AuditWriter {
        let shared = Arc::new(Shared::default());
        let worker = {
            let shared = shared.clone();
            let store = store.clone();
            std::thread::Builder::new()
                .name("fanzha-audit".into())
                .spawn(move || write_loop(&shared, &store))
        };
        match worker {
            Ok(handle) => AuditWriter {
                shared,
                thread: Mutex::new(Some(handle)),
                store: None,
            },
            Err(e) => {
                log::warn!("no audit writer thread ({e}); warnings are written on the check path");
                AuditWriter {
                    shared,
                    thread: Mutex::new(None),
                    store: Some(store),
                }
            }
        }
    }

    /// Queues a warning; `false` when it could not be (queue full for
    /// [`AUDIT_FULL_WAIT`], writer gone, or — without a writer thread — the
    /// write failed).
    fn push(&self, rec: AuditRecord) -> bool {
        if let Some(store) = &self.store {
            let written = store.add_audit(&rec);
            let mut st = self.shared.lock();
            return match written {
                Ok(()) => {
                    st.written += 1;
                    true
                }
                Err(e) => {
                    log::warn!("warning not recorded in the audit log: {e}");
                    st.failed += 1;
                    false
                }
            };
        }
        let deadline = Instant::now() + AUDIT_FULL_WAIT;
        let mut st = self.shared.lock();
        while st.queue.len() >= AUDIT_QUEUE_CAPACITY && !st.closed {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            st = self
                .shared
                .progress
                .wait_timeout(st, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        if st.closed || st.queue.len() >= AUDIT_QUEUE_CAPACITY {
            st.dropped += 1;
            log::warn!("audit queue full: a warning was not recorded (its verdict has no id)");
            return false;
        }
        st.queue.push_back(rec);
        st.queued_total += 1;
        drop(st);
        self.shared.work.notify_one();
        true
    }

    /// Waits until every warning queued before this call is written (or
    /// has failed, counted in [`AuditStats::failed`]).
    pub(crate) fn flush(&self) -> std::result::Result<(), StoreError> {
        let deadline = Instant::now() + FLUSH_WAIT;
        let mut st = self.shared.lock();
        let target = st.queued_total;
        while st.finished < target {
            let now = Instant::now();
            if now >= deadline {
                return Err(StoreError::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the audit log writer did not catch up",
                )));
            }
            st = self
                .shared
                .progress
                .wait_timeout(st, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        Ok(())
    }

    pub(crate) fn stats(&self) -> AuditStats {
        let st = self.shared.lock();
        AuditStats {
            queued: st.queue.len() as u64,
            written: st.written,
            dropped: st.dropped,
            failed: st.failed,
        }
    }
}

impl Drop for AuditWriter {
    /// Writes what is queued, then stops the thread.
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        self.shared.work.notify_all();
        let handle = self
            .thread
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(h) = handle {
            if h.join().is_err() {
                log::warn!("the audit writer panicked");
            }
        }
    }
}

/// The writer thread: takes what is queued (up to [`AUDIT_BATCH`]), writes
/// it in one transaction, repeats; exits once closed and empty.
fn write_loop(shared: &Shared, store: &Store) {
    loop {
        let batch: Vec<AuditRecord> = {
            let mut st = shared.lock();
            while st.queue.is_empty() && !st.closed {
                st = shared.work.wait(st).unwrap_or_else(|e| e.into_inner());
            }
            if st.queue.is_empty() {
                return;
            }
            let n = st.queue.len().min(AUDIT_BATCH);
            st.queue.drain(..n).collect()
        };
        let (written, failed) = match store.add_audits(&batch) {
            Ok(()) => (batch.len() as u64, 0),
            // One bad record must not take the others with it.
            Err(_) => {
                let mut ok = 0u64;
                for rec in &batch {
                    match store.add_audit(rec) {
                        Ok(()) => ok += 1,
                        Err(e) => log::warn!("warning not recorded in the audit log: {e}"),
                    }
                }
                (ok, batch.len() as u64 - ok)
            }
        };
        let mut st = shared.lock();
        st.written += written;
        st.failed += failed;
        st.finished += batch.len() as u64;
        drop(st);
        shared.progress.notify_all();
    }
}

/// Gives a verdict its id and queues it for the audit log when it is a
/// warning. A warning that could not be queued leaves the verdict without
/// an id (so the host never holds an id the store does not know); the
/// verdict itself still stands.
pub(crate) fn stamp(audit: &AuditWriter, now_ms: i64, v: &mut Verdict) {
    let Some(id) = new_id() else {
        log::warn!("no random source for a verdict id");
        return;
    };
    if v.action >= Action::Warn {
        let value = match v.kind {
            Kind::Message => Some(v.input.clone()),
            _ => v.normalized.clone().or_else(|| Some(v.input.clone())),
        };
        let rec = AuditRecord {
            id: id.clone(),
            time_ms: now_ms,
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
        };
        if !audit.push(rec) {
            return;
        }
    }
    v.id = Some(id);
}

/// What [`Guard::mark_not_scam`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotScam {
    /// The value now allowed by a user rule (canonical), when the warning
    /// was about a number, link or payee; `None` for a message.
    pub allowed: Option<String>,
    /// The id of the queued `false_alarm` report.
    pub report_id: i64,
}

impl Guard {
    /// The store, once every warning queued so far is written (so a
    /// decision, an export or "not a scam" sees every verdict given before).
    fn audit_store(&self) -> Result<&Store> {
        let store = self.store().ok_or(StoreError::Unavailable)?;
        self.flush_audit()?;
        Ok(store)
    }

    /// Waits until every warning given so far is in the audit log (the
    /// writer runs off the check path). [`Guard::record_decision`],
    /// [`Guard::export_audit`] and [`Guard::mark_not_scam`] do this
    /// themselves, and so does dropping the guard; a host may call it when
    /// the app goes to the background.
    pub fn flush_audit(&self) -> Result<()> {
        if let Some(a) = self.audit_writer() {
            a.flush()?;
        }
        Ok(())
    }

    /// What the audit writer has done (queued, written, dropped, failed);
    /// `None` without a store.
    pub fn audit_stats(&self) -> Option<AuditStats> {
        self.audit_writer().map(AuditWriter::stats)
    }

    /// Records what the person did after the warning with verdict id `id`.
    /// Refused (nothing written) for an id that is not a recorded warning;
    /// a later decision replaces an earlier one.
    pub fn record_decision(&self, id: &str, decision: Decision) -> Result<AuditRecord> {
        let mut rec = self.audit_store()?.audit_decide(id.trim(), decision)?;
        rec.value = None;
        Ok(rec)
    }

    /// The warning audit log, oldest first. The checked values (number,
    /// link, account, message preview) are included only when
    /// `include_values` is true — the host's explicit choice.
    pub fn export_audit(&self, include_values: bool) -> Result<Vec<AuditRecord>> {
        Ok(self.audit_store()?.audit_entries(include_values)?)
    }

    /// [`Guard::export_audit`] as a JSON array (the CLI's `audit export`).
    pub fn export_audit_json(&self, include_values: bool) -> Result<String> {
        let log = self.export_audit(include_values)?;
        Ok(serde_json::to_string(&log).expect("audit records serialize"))
    }

    /// The person says the warning with verdict id `id` was wrong: the
    /// value gets a local allow rule (numbers, links, payees — so the next
    /// check is `trusted` with a `*.user_allowed` reason) and a
    /// `false_alarm` report is queued for the reporting app to upload.
    ///
    /// Refused for an unknown id or one already marked. Each step can be
    /// retried: the allow rule is idempotent and the warning is marked only
    /// after the report is queued.
    pub fn mark_not_scam(&self, id: &str) -> Result<NotScam> {
        let store = self.audit_store()?;
        let id = id.trim();
        let rec = store.audit_entry(id)?;
        if rec.not_scam {
            return Err(StoreError::InvalidValue {
                what: "warning id",
                why: "already marked not a scam",
            }
            .into());
        }
        let value = rec
            .value
            .clone()
            .ok_or(StoreError::corrupt("audit record"))?;
        let list = match rec.kind {
            Kind::Number => Some(ListKind::Number),
            Kind::Link => Some(ListKind::Url),
            Kind::Payment => Some(ListKind::Account),
            Kind::Message => None,
        };
        let allowed = match list {
            Some(kind) => Some(self.allow(kind, &value)?),
            None => None,
        };
        let report_id = store.add_report(NewReport {
            kind: rec.kind,
            value,
            fraud_type: rec.fraud_type,
            note: String::new(),
            category: ReportCategory::FalseAlarm,
        })?;
        store.audit_mark_not_scam(id)?;
        Ok(NotScam { allowed, report_id })
    }
}
