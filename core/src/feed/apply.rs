//! Applying a feed to the store: verify everything first, then hand the
//! store one change it writes in one transaction.
//!
//! Order matters and is the point of this module:
//! 1. parse and check every declared size ([`FeedFile::parse`]);
//! 2. resolve the signing key against the pinned keys, the keys earlier
//!    rotations added and minus the keys they retired;
//! 3. verify signature, body hash, every record and every rule set;
//! 4. check the update policy against the store's current version of the
//!    feed id (no rollback, a delta only on its base);
//! 5. only then stream the entries into [`Store::apply_feed`], which writes
//!    them, the rules, the feed state and any rotation in one transaction
//!    and re-checks the version inside it.
//!
//! Nothing is written when any step fails; a crash during step 5 leaves
//! the previous version (SQLite's transaction).

use super::keys::{KeyId, PublicKey, TrustedKeys};
use super::{check_update, FeedFile, FeedHeader, Limits};
use crate::error::Result;
use crate::store::{ApplyOutcome, FeedChange, Store};

/// Store setting holding public keys that rotation statements vouched for
/// (32 bytes each, concatenated).
pub const ROTATED_KEYS_SETTING: &str = "feed.rotated_keys";
/// Store setting holding ids of keys a rotation retired (8 bytes each).
pub const RETIRED_KEYS_SETTING: &str = "feed.retired_keys";

/// What applying a feed did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The applied feed's header.
    pub header: FeedHeader,
    /// The key that signed it.
    pub signer: KeyId,
    /// The feed had already expired: it was applied, and verdicts say the
    /// protection is stale.
    pub stale: bool,
    /// Keys this feed's rotation statements retired (now refused).
    pub retired: Vec<KeyId>,
    /// What the store changed.
    pub outcome: ApplyOutcome,
}

/// The keys a store trusts: `pinned` (what the app ships), plus keys that
/// earlier rotations vouched for, minus keys they retired.
pub fn effective_trust(store: &Store, pinned: &TrustedKeys) -> Result<TrustedKeys> {
    let rotated = store.setting(ROTATED_KEYS_SETTING)?.unwrap_or_default();
    let retired = retired_ids(store)?;
    let mut keys: Vec<PublicKey> = pinned.keys().to_vec();
    for chunk in rotated.chunks_exact(32) {
        let mut k = [0u8; 32];
        k.copy_from_slice(chunk);
        keys.push(PublicKey(k));
    }
    Ok(TrustedKeys::new(
        keys.into_iter().filter(|k| !retired.contains(&k.id())),
    ))
}

fn retired_ids(store: &Store) -> Result<Vec<KeyId>> {
    let raw = store.setting(RETIRED_KEYS_SETTING)?.unwrap_or_default();
    Ok(raw
        .chunks_exact(8)
        .map(|c| {
            let mut id = [0u8; 8];
            id.copy_from_slice(c);
            KeyId(id)
        })
        .collect())
}

/// Verifies `bytes` as a feed and applies it to `store`.
///
/// Errors: every [`super::FeedError`] of parsing, verification and policy (wrapped
/// in [`crate::Error::Feed`]) before anything is written; store errors from
/// the transaction (rolled back). `now_ms` decides staleness.
pub fn apply(
    store: &Store,
    bytes: &[u8],
    pinned: &TrustedKeys,
    limits: &Limits,
    now_ms: i64,
) -> Result<Applied> {
    let file = FeedFile::parse(bytes, limits)?;
    let trust = effective_trust(store, pinned)?;
    let feed = file.verify(&trust)?;
    let header = feed.header().clone();
    let current = store.feed_state(&header.id)?.map(|s| s.version);
    let plan = check_update(&header, current, now_ms)?;

    // A feed signed by a key reached through rotation statements: remember
    // the chain's keys and retire the keys it rotated away from, in the
    // same transaction as the feed.
    let mut settings = Vec::new();
    let mut retired = Vec::new();
    if !feed.rotation_chain().is_empty() {
        let mut rotated = store.setting(ROTATED_KEYS_SETTING)?.unwrap_or_default();
        let mut retired_raw = store.setting(RETIRED_KEYS_SETTING)?.unwrap_or_default();
        for r in feed.rotation_chain() {
            if !rotated.chunks_exact(32).any(|k| k == r.new.0) {
                rotated.extend_from_slice(&r.new.0);
            }
            if !retired_raw.chunks_exact(8).any(|k| k == r.old.0) {
                retired_raw.extend_from_slice(&r.old.0);
                retired.push(r.old);
            }
        }
        settings.push((ROTATED_KEYS_SETTING.to_string(), Some(rotated)));
        settings.push((RETIRED_KEYS_SETTING.to_string(), Some(retired_raw)));
    }

    let rules = feed.rule_sources();
    let change = FeedChange {
        feed_id: header.id.clone(),
        version: header.version,
        base: header.kind.base(),
        created_ms: header.created_ms,
        expires_ms: header.expires_ms,
        entries: Box::new(feed.entries().map(Ok)),
        removals: Box::new(feed.removals().map(Ok)),
        rules,
        settings,
    };
    let outcome = store.apply_feed(change)?;
    Ok(Applied {
        header,
        signer: feed.signer(),
        stale: plan.stale,
        retired,
        outcome,
    })
}
