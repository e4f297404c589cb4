//! Errors. A fraud finding is never an error (it is a [`crate::Verdict`]);
//! errors are for input that cannot be checked and for protection data or a
//! store that cannot be used.
//!
//! Error messages never carry the checked value (a number, URL, account or
//! message text): they cross into host apps' logs and crash reports.

use crate::verdict::Kind;

/// The core's error type.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input can't be checked. `why` says what is wrong with it without
    /// repeating it.
    #[error("invalid {kind} input: {why}", kind = kind.as_str())]
    InvalidInput { kind: Kind, why: &'static str },

    /// Embedded or feed-supplied rules could not be loaded.
    #[error("protection rules ({part}) are invalid: {why}")]
    Rules { part: &'static str, why: String },

    /// The encrypted store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),

    /// A feed was refused.
    #[error(transparent)]
    Feed(#[from] crate::feed::FeedError),
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

pub type Result<T, E = Error> = std::result::Result<T, E>;
