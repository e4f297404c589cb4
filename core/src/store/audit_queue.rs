//! The audit log's writer: warnings are queued on the check path and
//! written by one background thread in batched transactions (issue 20),
//! so a check never waits for a sync to disk. The guard owns one per store
//! (`Guard::flush_audit`, `Guard::audit_stats`).

use super::audit::AuditRecord;
use super::error::StoreError;
use super::Store;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Most warnings waiting for the writer. A check that finds the queue full
/// waits up to [`AUDIT_FULL_WAIT`] for room; then the warning is counted
/// in [`AuditStats::dropped`], logged, and its verdict carries no id.
pub const AUDIT_QUEUE_CAPACITY: usize = 4096;
/// How long a check waits for room in a full queue.
pub const AUDIT_FULL_WAIT: Duration = Duration::from_millis(200);
/// Most warnings the writer puts in one transaction (one sync to disk).
const AUDIT_BATCH: usize = 256;
/// How long `Guard::flush_audit` waits for the writer.
const FLUSH_WAIT: Duration = Duration::from_secs(30);
/// Written records a queued warning drops (see `QueueState::spent`).
const SPENT_PER_PUSH: usize = 16;
/// Most written records kept for the checks to drop; the writer drops
/// those beyond (when warnings stop coming, at most this many wait).
const SPENT_MAX: usize = 2 * AUDIT_BATCH;
/// Once a warning is queued, how long the writer gathers more before it
/// writes them, in one transaction (one sync to disk), unless
/// [`AUDIT_BATCH`] are queued first, a flush asks for them, or the queue
/// closes. Warnings then reach the disk in one sync per burst instead of
/// one per warning or two: each sync is I/O and an interrupt, and during a
/// run of warnings (a bank's app checking a list of links) they took about
/// 20 µs a warning from the checks themselves (`compare` bench, mean per
/// check 6.5 µs with the writer syncing as warnings came, 4.5 µs without a
/// log, on a 2-core VM).
const AUDIT_GATHER: Duration = Duration::from_millis(50);

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
    /// The writer is blocked on [`Shared::work`] with nothing queued: only
    /// then does a queued warning need to wake it (a wake is a system call
    /// on the check path; while the writer is busy writing a batch, it
    /// looks at the queue again before it waits).
    writer_waiting: bool,
    /// The writer is gathering a batch ([`AUDIT_GATHER`]): a warning wakes
    /// it only when it fills a batch.
    gathering: bool,
    /// `flush` callers waiting: the writer stops gathering for them.
    flushing: u32,
    /// Transactions the writer started (batches), for tests.
    batches: u64,
    /// Written records, dropped by the checks that queue the next warnings
    /// (a few each): the records were allocated on a check's thread, and
    /// freeing them on the writer's made its frees and the checks'
    /// allocations wait on the allocator's lock for the same memory.
    spent: Vec<AuditRecord>,
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
/// is a process killed outright (no drop) with warnings still queued: at
/// most [`AUDIT_GATHER`] (50 ms) after a warning plus the time its batch
/// takes to write. A host that must not lose even those calls
/// `Guard::flush_audit` after a warning it acts on (a decision, an export
/// and dropping the guard do it themselves).
#[derive(Debug)]
pub struct AuditWriter {
    shared: Arc<Shared>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// No thread could be started: write on the check path as before.
    store: Option<Arc<Store>>,
}

impl AuditWriter {
    /// Starts the writer thread for `store`.
    pub fn start(store: Arc<Store>) -> AuditWriter {
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
    pub fn push(&self, rec: AuditRecord) -> bool {
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
        let wake = st.writer_waiting || (st.gathering && st.queue.len() >= AUDIT_BATCH);
        let keep = st.spent.len().saturating_sub(SPENT_PER_PUSH);
        let spent = st.spent.split_off(keep);
        drop(st);
        if wake {
            self.shared.work.notify_one();
        }
        drop(spent);
        true
    }

    /// Waits until every warning queued before this call is written (or
    /// has failed, counted in [`AuditStats::failed`]).
    pub fn flush(&self) -> std::result::Result<(), StoreError> {
        let deadline = Instant::now() + FLUSH_WAIT;
        let mut st = self.shared.lock();
        let target = st.queued_total;
        if st.finished >= target {
            return Ok(());
        }
        // The writer stops gathering while anyone waits here.
        st.flushing += 1;
        if st.gathering {
            self.shared.work.notify_all();
        }
        let mut result = Ok(());
        while st.finished < target {
            let now = Instant::now();
            if now >= deadline {
                result = Err(StoreError::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the audit log writer did not catch up",
                )));
                break;
            }
            st = self
                .shared
                .progress
                .wait_timeout(st, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        st.flushing -= 1;
        result
    }

    /// Transactions the writer has started.
    #[cfg(test)]
    fn batches(&self) -> u64 {
        self.shared.lock().batches
    }

    /// Counters since the writer started.
    pub fn stats(&self) -> AuditStats {
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

/// Tries of a whole batch, once the writer is closing, before its records
/// are written one by one.
const BATCH_ATTEMPTS: usize = 3;

/// The writer thread: takes what is queued (up to [`AUDIT_BATCH`]), writes
/// it in one transaction, repeats; exits once closed and empty.
fn write_loop(shared: &Shared, store: &Store) {
    loop {
        let batch: Vec<AuditRecord> = {
            let mut st = shared.lock();
            while st.queue.is_empty() && !st.closed {
                st.writer_waiting = true;
                st = shared.work.wait(st).unwrap_or_else(|e| e.into_inner());
                st.writer_waiting = false;
            }
            if st.queue.is_empty() {
                return;
            }
            // Gather the burst: one transaction for the warnings of the
            // next AUDIT_GATHER, unless a batch fills, a flush waits, or
            // the queue closes (each of which wakes this wait).
            let until = Instant::now() + AUDIT_GATHER;
            while st.queue.len() < AUDIT_BATCH && !st.closed && st.flushing == 0 {
                let now = Instant::now();
                if now >= until {
                    break;
                }
                st.gathering = true;
                st = shared
                    .work
                    .wait_timeout(st, until - now)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
                st.gathering = false;
            }
            let n = st.queue.len().min(AUDIT_BATCH);
            st.batches += 1;
            st.queue.drain(..n).collect()
        };
        // Another connection holding the write lock past the busy timeout
        // is transient: an accepted batch is never given up for it while
        // the writer runs (each try waits the busy timeout; meanwhile the
        // queue fills and new warnings are counted dropped, not lost
        // silently). Once closing, the batch gets a bounded number of tries.
        let mut result = store.add_audits(&batch);
        let mut closing_tries = 1;
        while let Err(e) = &result {
            if !e.is_busy() {
                break;
            }
            if shared.lock().closed {
                if closing_tries >= BATCH_ATTEMPTS {
                    break;
                }
                closing_tries += 1;
            }
            result = store.add_audits(&batch);
        }
        let (written, failed) = match result {
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
        let done = batch.len() as u64;
        let mut st = shared.lock();
        st.written += written;
        st.failed += failed;
        st.finished += done;
        // The records go back for the checks to drop (see `spent`); beyond
        // SPENT_MAX they are dropped here, after the lock.
        let room = SPENT_MAX.saturating_sub(st.spent.len());
        let mut batch = batch;
        let over = batch.split_off(room.min(batch.len()));
        st.spent.extend(batch);
        drop(st);
        shared.progress.notify_all();
        drop(over);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::FileKeyProvider;
    use crate::verdict::{Action, Kind, Level};

    fn rec(id: &str) -> AuditRecord {
        AuditRecord {
            id: id.into(),
            time_ms: 1,
            kind: Kind::Link,
            level: Level::Dangerous,
            action: Action::Block,
            fraud_type: None,
            reasons: vec!["link.blocklisted".into()],
            title: "t".into(),
            feed_version: "embedded".into(),
            decision: None,
            decided_ms: None,
            not_scam: false,
            value: None,
        }
    }

    /// A writer on a new store (kept alive by the returned directory),
    /// and the store, to read the log back.
    fn writer() -> (tempfile::TempDir, Arc<Store>, AuditWriter) {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(
            Store::open(
                dir.path().join("s.db"),
                &FileKeyProvider::from_bytes(&[1; 32]),
            )
            .unwrap(),
        );
        let w = AuditWriter::start(store.clone());
        (dir, store, w)
    }

    #[test]
    fn a_burst_goes_in_one_transaction_and_a_flush_cuts_the_gathering_short() {
        let (_dir, store, w) = writer();
        // Three warnings a few milliseconds apart: without the gathering
        // window the writer, woken by the first, writes it alone.
        for i in 0..3 {
            assert!(w.push(rec(&format!("r{i}"))));
            std::thread::sleep(Duration::from_millis(2));
        }
        w.flush().unwrap();
        let s = w.stats();
        assert_eq!((s.written, s.queued, s.failed, s.dropped), (3, 0, 0, 0));
        assert!(
            w.batches() <= 2,
            "{} transactions for one burst",
            w.batches()
        );
        // A flush with nothing queued returns at once; later warnings are
        // written by the next flush, and by dropping the writer.
        w.flush().unwrap();
        assert!(w.push(rec("r3")));
        w.flush().unwrap();
        assert_eq!(w.stats().written, 4);
        assert!(w.push(rec("r4")));
        drop(w);
        let ids = store.audit_ids();
        assert!(ids.contains(&"r4".to_string()), "{ids:?}");
    }

    #[test]
    fn a_full_batch_is_written_without_waiting_for_the_window() {
        let (_dir, _store, w) = writer();
        for i in 0..(3 * AUDIT_BATCH) {
            assert!(w.push(rec(&format!("b{i}"))));
        }
        w.flush().unwrap();
        let s = w.stats();
        assert_eq!(s.written, 3 * AUDIT_BATCH as u64);
        assert!(w.batches() >= 3, "batches of at most {AUDIT_BATCH}");
        // The written records wait, bounded, for the next warnings to drop
        // a few each.
        let spent = w.shared.lock().spent.len();
        assert_eq!(spent, SPENT_MAX);
        assert!(w.push(rec("next")));
        assert_eq!(w.shared.lock().spent.len(), SPENT_MAX - SPENT_PER_PUSH);
    }
}
