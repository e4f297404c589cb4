//! The feed's errors ([`FeedError`], re-exported as
//! `crate::feed::FeedError`) and the key id they name. Defined here, below
//! every layer, so the crate's [`crate::Error`] wraps them without importing
//! the feed.

use std::fmt;

/// The first 8 bytes of SHA-256("fanzha-key-id-v1\0" ‖ public key): names a
/// key in a feed without carrying it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(pub [u8; 8]);

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyId({self})")
    }
}

/// Errors of feed parsing, verification, policy and building. Messages never
/// carry a listed value; they name the part of the feed that is wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FeedError {
    /// The file ends before a part it declares.
    #[error("feed is truncated ({part})")]
    Truncated {
        /// The part that is cut off.
        part: &'static str,
    },

    /// Not a feed file at all.
    #[error("not a fanzha feed (bad magic)")]
    BadMagic,

    /// A feed of a format this build can't read.
    #[error("unsupported feed format version {0}")]
    UnsupportedFormat(u16),

    /// The structure is wrong: a reserved field set, a count that doesn't
    /// match, an unknown record, a string that isn't UTF-8 …
    #[error("malformed feed: {0}")]
    Malformed(&'static str),

    /// A declared or actual size is over the cap.
    #[error("feed too large: {what} is over the limit of {limit}")]
    TooLarge {
        /// What is too large.
        what: &'static str,
        /// The limit it is over.
        limit: u64,
    },

    /// Signed by a key that is neither pinned nor vouched for by a pinned
    /// key's rotation statement.
    #[error("feed signed by an untrusted key {0}")]
    UntrustedKey(KeyId),

    /// The signature does not verify.
    #[error("feed signature is invalid")]
    BadSignature,

    /// The body does not match the signed hash (or length).
    #[error("feed body does not match its signed hash")]
    BodyHash,

    /// A key-rotation statement is malformed or its signature is invalid.
    #[error("key rotation statement is invalid: {0}")]
    BadRotation(&'static str),

    /// The feed's rules for a kind don't load.
    #[error("feed rules ({kind}) are invalid: {why}")]
    Rules {
        /// The rule kind (`numbers`, `links` …).
        kind: &'static str,
        /// Why they don't load.
        why: String,
    },

    /// A model the feed carries can't be used: not a model file, another
    /// format version, a link model where a message model belongs (or the
    /// reverse), damaged (checksum) or over the size cap. The whole feed
    /// is refused; the current model stays.
    #[error("feed model ({kind}) refused: {error}")]
    Model {
        /// `message_model` or `link_model`.
        kind: &'static str,
        /// Why the model was refused.
        error: crate::model::ModelError,
    },

    /// The feed is not newer than the installed one.
    #[error("feed version {offered} is not newer than the installed version {current} (rollback refused)")]
    Rollback {
        /// The installed version.
        current: u64,
        /// The feed's version.
        offered: u64,
    },

    /// A delta whose base is not the installed version.
    #[error("delta from version {base} does not apply to the installed version {}", current.map_or("none".to_string(), |v| v.to_string()))]
    WrongBase {
        /// The version the delta applies to.
        base: u64,
        /// The installed version, if any.
        current: Option<u64>,
    },

    /// A key file can't be used.
    #[error("key file is invalid: {0}")]
    Key(&'static str),

    /// Building: the feed's metadata is invalid.
    #[error("invalid feed metadata: {0}")]
    Meta(&'static str),

    /// Reading or writing a feed file failed.
    #[error("feed I/O error: {0}")]
    Io(#[from] std::io::Error),
}
