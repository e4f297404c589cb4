//! The encrypted store's errors ([`StoreError`], re-exported as
//! `crate::store::StoreError`). They are defined here, below every layer, so
//! the crate's [`crate::Error`] wraps them without importing the store; the
//! store classifies SQLite's own errors into them (`store/error.rs`).
//!
//! Their messages never carry a stored value (number, URL, account, name or
//! message text): they end up in host apps' logs and crash reports.

use std::fmt;

/// What went wrong in the host's key provider (Android Keystore, iOS
/// Keychain, a key file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyProviderError {
    /// The wrapped key was not made by this provider's key (another key file,
    /// a reinstalled app, a keystore entry that was replaced).
    #[error("the key provider refused the wrapped data key (wrong key)")]
    WrongKey,
    /// The provider can't be used right now (keystore locked, user not
    /// authenticated, key permanently invalidated, key file unreadable).
    /// `why` is the provider's own explanation; it must not carry user data.
    #[error("the key provider is unavailable: {why}")]
    Unavailable {
        /// The provider's explanation.
        why: String,
    },
}

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// There is no store at the given path (and the call does not create one).
    #[error("no store at this path")]
    NotFound,

    /// The key does not open this store: nothing was decrypted.
    #[error("the key does not open this store (wrong key)")]
    WrongKey,

    /// The host's key provider failed.
    #[error(transparent)]
    KeyProvider(#[from] KeyProviderError),

    /// The file is damaged: a page, a record or the header fails its checks.
    /// `what` names the part that failed, never its content.
    #[error("the store is damaged ({what})")]
    Corrupt {
        /// The part that failed its checks.
        what: &'static str,
    },

    /// The file is shorter than its own header says.
    #[error("the store is truncated ({actual} of {expected} bytes)")]
    Truncated {
        /// Bytes the header declares.
        expected: u64,
        /// Bytes the file has.
        actual: u64,
    },

    /// The file was written by a newer version of the library.
    #[error("the store has schema version {found}; this build reads up to {supported}")]
    TooNew {
        /// The file's schema version.
        found: u32,
        /// The newest schema version this build reads.
        supported: u32,
    },

    /// A feed version not newer than the one applied (rollback or replay).
    #[error("feed version {offered} is not newer than the applied version {current}")]
    Rollback {
        /// The applied version.
        current: u64,
        /// The feed's version.
        offered: u64,
    },

    /// A delta whose base is not the applied version.
    #[error("delta is based on version {base} but the applied version is {}", DisplayVersion(*.current))]
    BaseMismatch {
        /// The applied version, if any.
        current: Option<u64>,
        /// The version the delta applies to.
        base: u64,
    },

    /// A size or count limit was hit; nothing was written.
    #[error("limit exceeded: {what}")]
    Limit {
        /// The limit that was hit.
        what: &'static str,
    },

    /// A value handed to the store can't be stored (empty, too long …).
    #[error("invalid {what}: {why}")]
    InvalidValue {
        /// What the value is (a rule value, a report note …).
        what: &'static str,
        /// What is wrong with it.
        why: &'static str,
    },

    /// Rules carried by a feed do not compile; nothing was written.
    #[error("feed rules ({part}) are invalid: {why}")]
    Rules {
        /// The rule kind.
        part: &'static str,
        /// Why they don't compile.
        why: String,
    },

    /// The iterator feeding [`crate::store::Store::apply_feed`] failed; the
    /// transaction was rolled back. Downcast the source to get the caller's
    /// own error back.
    #[error("the change being applied failed: {0}")]
    Source(#[source] Box<dyn std::error::Error + Send + Sync>),

    /// This guard has no usable store (none was opened, or it was damaged).
    #[error("no usable store")]
    Unavailable,

    /// The file could not be read or written.
    #[error("store I/O error: {0}")]
    Io(#[from] std::io::Error),

    /// SQLite failed for a reason other than damage (busy, full disk …).
    #[error("store database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// True for damage (corrupt or truncated file): the guard falls back to
    /// the embedded protection and says so in every verdict.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. } | StoreError::Truncated { .. }
        )
    }

    pub(crate) fn corrupt(what: &'static str) -> StoreError {
        StoreError::Corrupt { what }
    }
}

struct DisplayVersion(Option<u64>);

impl fmt::Display for DisplayVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => write!(f, "{v}"),
            None => f.write_str("none"),
        }
    }
}
