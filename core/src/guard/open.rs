//! Opening a guard on an encrypted store, and what it was opened with.

use super::feeds::snapshot_from_store;
use super::{Guard, Settings};
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::payment::HistoryStore;
use crate::store::{AuditWriter, KeyProvider, Store};
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;

impl Guard {
    /// A guard on the encrypted store at `path` (created when missing, its
    /// data key wrapped by `keys`): the store's blocklists, feed rules and
    /// the user's own rules.
    ///
    /// A wrong key, a key provider failure or a store written by a newer
    /// version is an error. A damaged or truncated file is not: the guard
    /// falls back to the embedded default, every verdict carries the reason
    /// `store.unavailable`, and [`Guard::store_problem`] says why — the
    /// checks never silently answer "clear" for data they could not read.
    pub fn open(
        settings: Settings,
        path: impl AsRef<Path>,
        keys: Arc<dyn KeyProvider>,
    ) -> Result<Guard> {
        let store = match Store::open(path, keys.as_ref()) {
            Ok(s) => Arc::new(s),
            Err(e) if e.is_damage() => {
                log::warn!("store unavailable, using the embedded protection: {e}");
                let guard = Guard::new(settings)?;
                *guard
                    .store_problem
                    .write()
                    .unwrap_or_else(|e| e.into_inner()) = Some(e.to_string());
                return Ok(guard);
            }
            Err(e) => return Err(e.into()),
        };
        // Compile the rules once, from what the store holds. The data
        // version is read first: a commit that lands during the load makes
        // the next `refresh` load again (never one that is missed).
        let data_version = store.data_version()?;
        let (mut guard, problem) = match snapshot_from_store(&store) {
            Ok((snap, rules, problem)) => {
                let guard = Guard::with_snapshot(settings, snap)?;
                *guard.user_rules.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(rules);
                (guard, problem)
            }
            Err(Error::Store(e)) if e.is_damage() => {
                log::warn!("store unavailable, using the embedded protection: {e}");
                (Guard::new(settings)?, Some(e.to_string()))
            }
            Err(e) => return Err(e),
        };
        let problem = match crate::store::StoreHistory::load(store.clone()) {
            Ok(h) => {
                guard.history = Arc::new(h);
                problem
            }
            Err(e) if e.is_damage() => {
                log::warn!("payee history unavailable: {e}");
                problem.or(Some(e.to_string()))
            }
            Err(e) => return Err(e.into()),
        };
        guard.audit = Some(AuditWriter::start(store.clone()));
        guard.store = Some(store);
        guard
            .loaded_data_version
            .store(data_version, Ordering::SeqCst);
        *guard
            .store_problem
            .get_mut()
            .unwrap_or_else(|e| e.into_inner()) = problem;
        Ok(guard)
    }

    /// The store this guard was opened on, if it could be read.
    pub fn store(&self) -> Option<&Arc<Store>> {
        self.store.as_ref()
    }

    /// Why the store's data is unavailable, if it is.
    pub fn store_problem(&self) -> Option<String> {
        self.store_problem
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Replaces the clock (tests, replays).
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    /// Replaces where payee history lives (the encrypted store provides a
    /// persistent one). History recorded so far is not carried over.
    pub fn set_history_store(&mut self, history: Arc<dyn HistoryStore>) {
        self.history = history;
    }
}
