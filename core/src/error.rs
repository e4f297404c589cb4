//! Errors. A fraud finding is never an error (it is a [`crate::Verdict`]);
//! errors are for input that cannot be checked and for protection data or a
//! store that cannot be used.
//!
//! Error messages never carry the checked value (a number, URL, account or
//! message text): they cross into host apps' logs and crash reports.
//!
//! This module is a leaf of the crate's layers (it imports only
//! `crate::verdict::Kind`): every layer returns [`Error`], and the store's
//! and the feed's own error types, which [`Error`] wraps, are defined here
//! too and re-exported by their modules (`crate::store::StoreError`,
//! `crate::feed::FeedError`).

use crate::verdict::Kind;

mod feed;
mod store;

pub use feed::{FeedError, KeyId};
pub use store::{KeyProviderError, StoreError};

/// The core's error type.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input can't be checked. `why` says what is wrong with it without
    /// repeating it.
    #[error("invalid {kind} input: {why}", kind = kind.as_str())]
    InvalidInput {
        /// The kind of check the input was for.
        kind: Kind,
        /// What is wrong with it.
        why: &'static str,
    },

    /// Embedded or feed-supplied rules could not be loaded.
    #[error("protection rules ({part}) are invalid: {why}")]
    Rules {
        /// Which rules (`numbers`, `links`, `patterns`, `payments`,
        /// `scoring`, `texts`, a model, or `settings`).
        part: &'static str,
        /// Why they don't load.
        why: String,
    },

    /// The encrypted store failed.
    #[error(transparent)]
    Store(#[from] StoreError),

    /// A feed was refused.
    #[error(transparent)]
    Feed(#[from] FeedError),
}

impl Error {
    pub(crate) fn input(kind: Kind, why: &'static str) -> Error {
        Error::InvalidInput { kind, why }
    }

    pub(crate) fn rules(part: &'static str, why: impl std::fmt::Display) -> Error {
        Error::Rules {
            part,
            why: why.to_string(),
        }
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
