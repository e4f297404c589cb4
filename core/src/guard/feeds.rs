//! Feed apply orchestration and moving to a new generation of the store:
//! load the next snapshot, then swap it in.

use super::Guard;
use crate::blocklist::BlockIndex;
use crate::error::{Error, Result};
use crate::snapshot::{RuleSources, Snapshot, EMBEDDED_VERSION};
use crate::store::{Store, StoreError, UserRules};
use std::sync::atomic::Ordering;
use std::sync::Arc;

impl Guard {
    /// Rebuilds the snapshot from the store (after a feed apply) and swaps
    /// it in; checks running meanwhile finish on the old one. On damage the
    /// previous snapshot stays, verdicts carry `store.unavailable`, and the
    /// error is returned.
    pub fn reload_store(&self) -> Result<()> {
        let store = self.store.as_ref().ok_or(StoreError::Unavailable)?;
        let _one = self.reloading.lock().unwrap_or_else(|e| e.into_inner());
        let data_version = store.data_version()?;
        let (snap, rules, problem) = match snapshot_from_store(store) {
            Ok(built) => built,
            Err(Error::Store(e)) if e.is_damage() => {
                log::warn!("store unavailable, keeping the previous protection data: {e}");
                *self
                    .store_problem
                    .write()
                    .unwrap_or_else(|e| e.into_inner()) = Some(e.to_string());
                return Err(e.into());
            }
            Err(e) => return Err(e),
        };
        self.replace_snapshot(snap);
        *self.user_rules.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(rules);
        self.loaded_data_version
            .store(data_version, Ordering::SeqCst);
        *self
            .store_problem
            .write()
            .unwrap_or_else(|e| e.into_inner()) = problem;
        Ok(())
    }

    /// Moves to the store's newest generation when another process (or
    /// another `Guard` on the same file) changed it since this guard loaded:
    /// an Android call-screening service or an iOS extension calls this
    /// before a check, or on a timer, while the app applies feeds.
    ///
    /// Cheap when nothing changed (one `PRAGMA data_version` on an open
    /// connection, no decryption). When something did, the next snapshot is
    /// loaded in one read transaction and swapped in; checks running
    /// meanwhile finish on the previous one, which keeps reading the
    /// generation it was loaded from — never half of each. Returns whether a
    /// new snapshot was loaded. Checks never reload on their own.
    ///
    /// Errors: [`Error::Store`] when there is no store or it could not be
    /// read (damage: the previous snapshot stays and verdicts report the
    /// protection as unavailable).
    pub fn refresh(&self) -> Result<bool> {
        let store = self.store.as_ref().ok_or(StoreError::Unavailable)?;
        let now = store.data_version()?;
        if now == self.loaded_data_version.load(Ordering::SeqCst) {
            return Ok(false);
        }
        self.reload_store()?;
        Ok(true)
    }

    /// Verifies a signed feed and applies it to the store, then reloads the
    /// protection data so checks see it.
    ///
    /// `trusted` are the publisher keys the app pins; keys that earlier
    /// rotation statements vouched for are added and the keys they retired
    /// removed (see [`crate::feed::apply`]). Everything is verified before
    /// anything is written — signature, body hash, every record, the rules,
    /// no rollback, a delta only on its base — and the store writes the feed
    /// in one transaction, so a refused feed or a crash leaves the previous
    /// version. An already-expired feed is applied and marked stale.
    ///
    /// Readers never wait: checks running meanwhile finish on the previous
    /// snapshot. Errors: [`Error::Feed`] for a refused feed,
    /// [`Error::Store`] for a store that can't be written (or none).
    pub fn apply_feed(
        &self,
        feed: &[u8],
        trusted: &crate::feed::TrustedKeys,
    ) -> Result<crate::feed::Applied> {
        let store = self.store.as_ref().ok_or(StoreError::Unavailable)?;
        let applied = crate::feed::apply(
            store,
            feed,
            trusted,
            &crate::feed::Limits::default(),
            self.now_ms(),
        )?;
        // The feed is committed; a reload that fails (damage) is reported by
        // `store_problem` and `store.unavailable` on every verdict.
        if let Err(e) = self.reload_store() {
            log::warn!("feed applied, but the store could not be reloaded: {e}");
        }
        Ok(applied)
    }

    /// True when the protection data has expired: every verdict carries
    /// `feed.stale` until a newer feed is applied.
    pub fn is_stale(&self) -> bool {
        self.snapshot().is_stale(self.now_ms())
    }
}

/// The protection data a store holds, compiled: the snapshot, the user's
/// rules, and a problem to report when the feed's rules could not be
/// compiled (the lists are kept, the embedded rules used).
pub(super) fn snapshot_from_store(store: &Store) -> Result<(Snapshot, UserRules, Option<String>)> {
    let loaded = store.load()?;
    let version = loaded
        .feed_version()
        .unwrap_or_else(|| EMBEDDED_VERSION.to_string());
    let expires = loaded.expires_ms();
    let index: Arc<dyn BlockIndex> = Arc::new(loaded.index);
    let (mut snap, problem) = match Snapshot::build(&loaded.rules, index.clone(), version.clone()) {
        Ok(s) => (s, None),
        // Rules are compiled before a feed is applied, so this means a
        // newer rule format in an older library.
        Err(e) => (
            Snapshot::build(&RuleSources::default(), index, version)?,
            Some(format!("feed rules unusable: {e}")),
        ),
    };
    snap.expires_ms = expires;
    Ok((snap, loaded.user_rules, problem))
}
