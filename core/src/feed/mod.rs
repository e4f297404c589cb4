//! Signed protection feeds: the files a publisher builds and signs, and the
//! hostile-input parser that verifies them before anything is written.
//!
//! A feed carries hashed blocklist entries (numbers, URL expressions, payee
//! accounts), removals (in a delta), rule sets as JSON and learned models
//! (FZML, see [`crate::model`]). It never lists a
//! plaintext value: every entry is keyed by the SHA-256 of the canonical value
//! (see [`canonical`]) plus its XXH3-64 [`crate::blocklist::fast_hash`], the
//! key of the store's in-memory index. The byte layout is documented in
//! `docs/feed-format.md`.
//!
//! The pieces:
//! - [`keys`]: Ed25519 publisher keys (ring), key ids, pinned [`TrustedKeys`]
//!   and [`Rotation`] statements (a new key vouched for by the old one).
//! - [`FeedWriter`]: streams records into a feed and signs it; memory is
//!   bounded by the string table, not by the number of entries.
//! - [`FeedFile::parse`] → [`FeedFile::verify`] → [`VerifiedFeed`]: structure
//!   and caps first, then signature, body hash and a full body scan. Only a
//!   `VerifiedFeed` hands out entries.
//! - [`check_update`]: the policy on top — no rollback, a delta only on its
//!   base, an expired feed is applied but marked stale.
//! - [`csv`]: the publisher's blocklist CSV files, read row by row and
//!   canonicalized; [`diff`]: what a delta carries against its base.
//!
//! ```
//! use fanzha_core::blocklist::{ListEntry, ListKind};
//! use fanzha_core::feed::{FeedFile, FeedMeta, FeedWriter, Limits, PublisherKey, TrustedKeys};
//! use fanzha_core::FraudType;
//!
//! let key = PublisherKey::generate().unwrap();
//! let mut w = FeedWriter::new(std::io::Cursor::new(Vec::new()), FeedMeta::full("cn-demo", 1, 0, 86_400_000)).unwrap();
//! let entry = ListEntry {
//!     category: "fraud".into(),
//!     fraud_type: FraudType::ImpersonateAuthority,
//!     severity: 90,
//!     reports: 12,
//!     label: "冒充公检法".into(),
//!     confirmed: false,
//!     match_bits: 0,
//! };
//! w.entry(ListKind::Number, "+8613800000000", &entry).unwrap();
//! let (bytes, _header) = w.finish(&key).unwrap();
//! let bytes = bytes.into_inner();
//!
//! let trust = TrustedKeys::new([key.public_key()]);
//! let feed = FeedFile::parse(&bytes, &Limits::default()).unwrap().verify(&trust).unwrap();
//! assert_eq!(feed.header().version, 1);
//! assert_eq!(feed.entries().count(), 1);
//! ```

mod apply;
pub mod canonical;
mod compact;
pub mod csv;
pub mod diff;
mod format;
pub mod keys;
mod policy;
mod reader;
mod writer;

pub use crate::error::FeedError;
/// Entries and removals as a verified feed hands them to the store.
pub use crate::store::{FeedEntry, FeedRemoval};
pub use apply::{apply, effective_trust, Applied, RETIRED_KEYS_SETTING, ROTATED_KEYS_SETTING};
pub use format::{
    FeedHeader, FeedKind, RuleKind, FORMAT_V1, FORMAT_VERSION, HEADER_LEN, MAGIC,
    MAX_CATEGORY_BYTES, MAX_KEY_BITS, MIN_KEY_BITS,
};
pub use keys::{KeyId, PublicKey, PublisherKey, Rotation, TrustedKeys};
pub use policy::{check_update, UpdatePlan, MAX_MODEL_BYTES};
pub use reader::{BodySummary, FeedFile, VerifiedFeed};
pub use writer::{FeedMeta, FeedWriter, DEFAULT_KEY_BITS, DEFAULT_MAX_BUFFERED};

/// Caps on what a feed may declare and contain. Every declared count and
/// length is checked against these before anything is read, and every actual
/// count against the declared one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Whole file, in bytes.
    pub max_file_bytes: u64,
    /// Blocklist entries (all kinds together).
    pub max_entries: u64,
    /// Removals (deltas only).
    pub max_removals: u64,
    /// Distinct strings (categories and labels).
    pub max_strings: u32,
    /// Bytes of one string (a label; categories are capped at
    /// [`MAX_CATEGORY_BYTES`]).
    pub max_string_bytes: usize,
    /// Bytes of one rule set's JSON.
    pub max_rule_bytes: u32,
    /// Bytes of one model (message or link; FZML). Default
    /// [`MAX_MODEL_BYTES`] (4 MiB, the model format's own cap).
    pub max_model_bytes: u32,
    /// Key-rotation statements carried in one feed.
    pub max_rotations: u32,
    /// Groups of a compact feed (distinct kind, category, fraud type,
    /// severity, label and confirmed flag); the store keeps as many labels
    /// per feed.
    pub max_groups: u32,
}

impl Default for Limits {
    /// Room for a national list (tens of millions of entries, about 45 bytes
    /// each) while refusing anything a phone can't hold.
    fn default() -> Limits {
        Limits {
            max_file_bytes: 2 << 30,
            max_entries: 40_000_000,
            max_removals: 40_000_000,
            max_strings: 1 << 20,
            max_string_bytes: 256,
            max_rule_bytes: 8 << 20,
            max_model_bytes: policy::MAX_MODEL_BYTES,
            max_rotations: 16,
            max_groups: crate::store::MAX_LABELS_PER_FEED as u32,
        }
    }
}
