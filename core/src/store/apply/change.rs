//! What a feed apply takes and gives: [`FeedChange`] (entries and removals
//! streamed from a verified feed, its rules and settings), the limits one
//! change must keep, and the [`FeedState`] / [`ApplyOutcome`] it leaves.

use crate::blocklist::{ListEntry, ListKind};
use crate::snapshot::RuleSources;
use serde::{Deserialize, Serialize};

/// The error type an entry source may fail with; it comes back inside
/// [`crate::store::StoreError::Source`].
pub type SourceError = Box<dyn std::error::Error + Send + Sync>;

/// Most entries (additions plus removals) one change may carry.
pub const MAX_CHANGE_ENTRIES: u64 = 100_000_000;
/// Most distinct (category, fraud type, severity, label, confirmed) tuples
/// per feed.
pub const MAX_LABELS_PER_FEED: usize = 65_536;
/// Longest category, in bytes.
pub const MAX_CATEGORY_BYTES: usize = 64;
/// Longest label, in bytes.
pub const MAX_LABEL_BYTES: usize = 256;
/// Longest rule JSON of one part, in bytes.
pub const MAX_RULES_BYTES: usize = 8 << 20;
/// Longest model (FZML bytes) of one part, in bytes (the model format's cap).
pub const MAX_MODEL_BYTES: usize = 4 << 20;
/// Longest feed id, in bytes.
pub const MAX_FEED_ID_BYTES: usize = 128;

/// One blocklist entry of a feed: the value's list, its hash key (the
/// identity and index key: the top `key_bits` of the canonical value's
/// [`crate::blocklist::fast_hash`], see [`crate::blocklist::hash_key`]),
/// its SHA-256 when the feed carries it, and what the list says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// The list it belongs to.
    pub kind: ListKind,
    /// High `key_bits` bits of the fast hash; the low bits are zero.
    pub key: u64,
    /// 32–64.
    pub key_bits: u8,
    /// The SHA-256 of the canonical value, when the publisher included it:
    /// a hit is then confirmed against it too.
    pub sha256: Option<[u8; 32]>,
    /// What the list says about it.
    pub entry: ListEntry,
}

impl FeedEntry {
    /// An entry for a canonical value as a compact feed carries it by
    /// default: a [`crate::blocklist::DEFAULT_KEY_BITS`]-bit key, no SHA-256.
    pub fn new(kind: ListKind, canonical: &str, entry: ListEntry) -> FeedEntry {
        let bits = crate::blocklist::DEFAULT_KEY_BITS;
        FeedEntry {
            kind,
            key: crate::blocklist::hash_key(canonical, bits),
            key_bits: bits,
            sha256: None,
            entry,
        }
    }

    /// An entry with a 64-bit key and the value's SHA-256 (a publisher's
    /// full-hash entry, or a format-1 feed's).
    pub fn with_full_hash(kind: ListKind, canonical: &str, entry: ListEntry) -> FeedEntry {
        FeedEntry {
            kind,
            key: crate::blocklist::fast_hash(canonical),
            key_bits: 64,
            sha256: Some(crate::blocklist::value_hash(canonical)),
            entry,
        }
    }
}

/// A removal carried by a delta: the key of the value to remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedRemoval {
    /// The list it is removed from.
    pub kind: ListKind,
    /// High `key_bits` bits of the fast hash; the low bits are zero.
    pub key: u64,
    /// 32–64.
    pub key_bits: u8,
}

impl FeedRemoval {
    /// The removal of a canonical value, by its key at
    /// [`crate::blocklist::DEFAULT_KEY_BITS`].
    pub fn new(kind: ListKind, canonical: &str) -> FeedRemoval {
        let bits = crate::blocklist::DEFAULT_KEY_BITS;
        FeedRemoval {
            kind,
            key: crate::blocklist::hash_key(canonical, bits),
            key_bits: bits,
        }
    }
}

/// A verified feed, ready to be written.
///
/// `entries` and `removals` are streamed once each, entries first; an
/// `Err` from either aborts the apply (rolled back) and comes back as
/// [`crate::store::StoreError::Source`]. Entries sorted by `(kind, fast)` are cheapest,
/// but any order works (they are sorted in memory, 24 bytes an entry).
///
/// A **full** change (`base == None`) replaces everything this feed listed:
/// lists of a kind it carries no entries for become empty, and rule parts
/// it supplied before but not now revert to the embedded default. A
/// **delta** (`base == Some(v)`, `v` the applied version) adds or updates
/// entries, removes entries, and replaces the rule parts it carries. When a
/// delta both adds and removes the same value, the removal wins.
pub struct FeedChange<'a> {
    /// The publisher's feed id (e.g. `cn-national`). At most 128 bytes.
    pub feed_id: String,
    /// Must be greater than the applied version of this feed.
    pub version: u64,
    /// `None` for a full feed; the version this delta applies to.
    pub base: Option<u64>,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// After this, verdicts carry `feed.stale` (the data keeps protecting).
    pub expires_ms: i64,
    /// The entries, streamed once (an error aborts and rolls back the change).
    pub entries: Box<dyn Iterator<Item = Result<FeedEntry, SourceError>> + 'a>,
    /// The removals (a delta's), streamed once after the entries.
    pub removals: Box<dyn Iterator<Item = Result<FeedRemoval, SourceError>> + 'a>,
    /// Rule JSON and models by part; `Some` replaces that part's embedded
    /// default. The merged rules are compiled (and models parsed) before
    /// anything is committed: rules that don't compile or a model that
    /// doesn't parse refuse the whole change ([`crate::store::StoreError::Rules`]).
    pub rules: RuleSources,
    /// Named settings written in the same transaction (`None` deletes),
    /// e.g. the publisher key after a rotation. See [`crate::store::Store::setting`].
    pub settings: Vec<(String, Option<Vec<u8>>)>,
}

impl std::fmt::Debug for FeedChange<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeedChange")
            .field("feed_id", &self.feed_id)
            .field("version", &self.version)
            .field("base", &self.base)
            .field("created_ms", &self.created_ms)
            .field("expires_ms", &self.expires_ms)
            .finish_non_exhaustive()
    }
}

impl<'a> FeedChange<'a> {
    /// A full feed with no entries, rules or settings yet.
    pub fn full(
        feed_id: impl Into<String>,
        version: u64,
        created_ms: i64,
        expires_ms: i64,
    ) -> FeedChange<'a> {
        FeedChange {
            feed_id: feed_id.into(),
            version,
            base: None,
            created_ms,
            expires_ms,
            entries: Box::new(std::iter::empty()),
            removals: Box::new(std::iter::empty()),
            rules: RuleSources::default(),
            settings: Vec::new(),
        }
    }

    /// A delta from `base` with no entries, removals, rules or settings yet.
    pub fn delta(
        feed_id: impl Into<String>,
        version: u64,
        base: u64,
        created_ms: i64,
        expires_ms: i64,
    ) -> FeedChange<'a> {
        FeedChange {
            base: Some(base),
            ..FeedChange::full(feed_id, version, created_ms, expires_ms)
        }
    }

    /// Sets the entries from an infallible source.
    pub fn with_entries(
        mut self,
        entries: impl IntoIterator<Item = FeedEntry> + 'a,
    ) -> FeedChange<'a> {
        self.entries = Box::new(entries.into_iter().map(Ok));
        self
    }

    /// Sets the removals from an infallible source.
    pub fn with_removals(
        mut self,
        removals: impl IntoIterator<Item = FeedRemoval> + 'a,
    ) -> FeedChange<'a> {
        self.removals = Box::new(removals.into_iter().map(Ok));
        self
    }

    /// Sets the rule JSON the change carries.
    pub fn with_rules(mut self, rules: RuleSources) -> FeedChange<'a> {
        self.rules = rules;
        self
    }
}

/// Entry counts per list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCounts {
    /// Number entries.
    pub numbers: u64,
    /// URL entries.
    pub urls: u64,
    /// Account entries.
    pub accounts: u64,
}

impl ListCounts {
    /// The count of one list.
    pub fn get(&self, kind: ListKind) -> u64 {
        match kind {
            ListKind::Number => self.numbers,
            ListKind::Url => self.urls,
            ListKind::Account => self.accounts,
        }
    }

    pub(super) fn set(&mut self, kind: ListKind, n: u64) {
        match kind {
            ListKind::Number => self.numbers = n,
            ListKind::Url => self.urls = n,
            ListKind::Account => self.accounts = n,
        }
    }

    /// All lists together.
    pub fn total(&self) -> u64 {
        self.numbers + self.urls + self.accounts
    }
}

/// What the store knows about an applied feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    /// The feed's id.
    pub feed_id: String,
    /// The applied version.
    pub version: u64,
    /// Version of the last full feed applied.
    pub full_version: u64,
    /// Deltas applied since that full feed.
    pub deltas_since_full: u32,
    /// When the feed was built (ms since the Unix epoch).
    pub created_ms: i64,
    /// When it expires (ms since the Unix epoch).
    pub expires_ms: i64,
    /// When it was applied (store clock).
    pub applied_ms: i64,
    /// Entries listed (additions minus removals; exact after a full apply or
    /// once deltas are merged, see [`ApplyOutcome::merged`]).
    pub entries: ListCounts,
    /// Rule parts this feed supplies (`numbers`, `links`, `patterns`,
    /// `payments`, `scoring`, `message_model`, `link_model`).
    pub rules: Vec<String>,
}

impl FeedState {
    /// The feed has expired at `now_ms`.
    pub fn is_expired(&self, now_ms: i64) -> bool {
        now_ms >= self.expires_ms
    }
}

/// The result of [`crate::store::Store::apply_feed`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplyOutcome {
    /// The feed's id.
    pub feed_id: String,
    /// The version applied before, if any.
    pub previous_version: Option<u64>,
    /// The version applied now.
    pub version: u64,
    /// A full feed (it replaced the feed's data).
    pub full: bool,
    /// Entries written (additions and updates).
    pub added: u64,
    /// Removals written.
    pub removed: u64,
    /// Entries listed afterwards.
    pub entries: ListCounts,
    /// Rule parts replaced by this change.
    pub rules_replaced: Vec<String>,
    /// Delta segments were merged (counts are exact again).
    pub merged: bool,
}
