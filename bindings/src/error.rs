//! The one error type that crosses the boundary, and the one place core
//! errors become it.
//!
//! Kotlin sees `FanzhaException` (with a subclass per variant), Swift sees
//! `FanzhaError`. Messages never carry a checked value — no number, URL,
//! account or message text — because they end up in host logs and crash
//! reports: every field here is either a fixed phrase from the core or a
//! description of protection data / storage, never of user input.

use crate::types::CheckKind;
use fanzha_core as core;
use fanzha_core::store::{KeyProviderError, StoreError};

/// Why a call into the SDK failed. A fraud finding is never an error.
///
/// `#[non_exhaustive]`: new variants may appear; hosts should keep a
/// catch-all branch.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[non_exhaustive]
pub enum FanzhaError {
    /// The input can't be checked (empty, too long, not a number at all …).
    /// `why` says what is wrong without repeating the input.
    #[error("invalid {kind:?} input: {why}")]
    InvalidInput {
        /// The kind of check the input was for.
        kind: CheckKind,
        /// What is wrong with it.
        why: String,
    },

    /// Settings the guard can't work with (an unknown region, …).
    #[error("invalid settings: {why}")]
    InvalidSettings {
        /// What is wrong with them.
        why: String,
    },

    /// Protection rules (embedded or from a feed) could not be loaded.
    #[error("protection rules ({part}) are invalid: {why}")]
    Rules {
        /// Which rules (`numbers`, `links`, `patterns`, `payments`, `scoring` …).
        part: String,
        /// Why they don't load.
        why: String,
    },

    /// The store could not be opened with the key the host provided.
    #[error("the store key is wrong")]
    WrongKey,

    /// The host's `KeyProvider` failed (key missing, keystore locked …).
    #[error("the key provider failed: {why}")]
    KeyProvider {
        /// The provider's explanation.
        why: String,
    },

    /// The store could not be used: damaged, missing, written by a newer
    /// version, busy, full … `problem` is what a host branches on; `why`
    /// is for logs.
    #[error("store error ({problem:?}): {why}")]
    Store {
        /// The kind of failure.
        problem: StoreProblem,
        /// What failed, for logs.
        why: String,
    },

    /// A feed was refused (bad signature, rollback, wrong base, too big, …);
    /// nothing was written. `reason` is what a host branches on (a
    /// rollback or a replay is routine; a bad signature is not).
    #[error("feed refused ({reason:?}): {why}")]
    Feed {
        /// Why, as a kind.
        reason: FeedRefusal,
        /// Why, for logs.
        why: String,
    },

    /// A host callback (`KeyProvider`, `LogSink`) threw something other than
    /// a `FanzhaException`. `exception` is its class name only: the message
    /// is dropped, since it may carry anything.
    #[error("a host callback threw {exception}")]
    HostCallback {
        /// The exception's class name.
        exception: String,
    },

    /// Anything else the core reported (a new kind of failure this layer
    /// does not know yet). Same rule: no user data in `why`.
    #[error("internal error: {why}")]
    Internal {
        /// What the core said.
        why: String,
    },

    /// This build does not provide the operation yet.
    #[error("not available in this build: {what}")]
    Unavailable {
        /// The operation.
        what: String,
    },
}

/// What kind of store failure a [`FanzhaError::Store`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
#[non_exhaustive]
pub enum StoreProblem {
    /// No store at the path (and the call does not create one).
    NotFound,
    /// The file is damaged or truncated; the guard falls back to the
    /// embedded protection and says so in every verdict.
    Damaged,
    /// Written by a newer version of the SDK.
    TooNew,
    /// Another connection (this process or another) held the store's lock
    /// too long: transient, try again.
    Busy,
    /// A size or count limit was hit; nothing was written.
    Limit,
    /// A value handed to the store can't be stored (empty, too long …).
    InvalidValue,
    /// This guard has no usable store.
    Unavailable,
    /// Reading or writing the file failed (disk full, permissions …).
    Io,
    /// Anything else SQLite reported.
    Other,
}

/// Why a feed was refused, as a kind ([`FanzhaError::Feed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
#[non_exhaustive]
pub enum FeedRefusal {
    /// Not a feed, truncated, or its structure is wrong.
    Malformed,
    /// A feed format this build can't read (update the SDK).
    UnsupportedFormat,
    /// Over a size or count cap.
    TooLarge,
    /// Signed by a key that is not pinned (nor vouched for by one).
    UntrustedKey,
    /// The signature, the body hash or a key rotation does not verify.
    BadSignature,
    /// Not newer than the installed feed (a replay or a rollback).
    Rollback,
    /// A delta whose base is not the installed version: fetch the full feed.
    WrongBase,
    /// The feed's rules don't load.
    InvalidRules,
    /// A model the feed carries can't be used.
    InvalidModel,
    /// Building: a key file or the metadata is invalid.
    InvalidInput,
    /// Reading the feed failed.
    Io,
}

impl FeedRefusal {
    fn of(e: &core::feed::FeedError) -> FeedRefusal {
        use core::feed::FeedError as F;
        match e {
            F::Truncated { .. } | F::BadMagic | F::Malformed(_) => FeedRefusal::Malformed,
            F::UnsupportedFormat(_) => FeedRefusal::UnsupportedFormat,
            F::TooLarge { .. } => FeedRefusal::TooLarge,
            F::UntrustedKey(_) => FeedRefusal::UntrustedKey,
            F::BadSignature | F::BodyHash | F::BadRotation(_) => FeedRefusal::BadSignature,
            F::Rules { .. } => FeedRefusal::InvalidRules,
            F::Model { .. } => FeedRefusal::InvalidModel,
            F::Rollback { .. } => FeedRefusal::Rollback,
            F::WrongBase { .. } => FeedRefusal::WrongBase,
            F::Key(_) | F::Meta(_) => FeedRefusal::InvalidInput,
            F::Io(_) => FeedRefusal::Io,
            // New variants: the structure is what a host can act on least.
            _ => FeedRefusal::Malformed,
        }
    }
}

impl StoreProblem {
    fn of(e: &StoreError) -> StoreProblem {
        match e {
            StoreError::NotFound => StoreProblem::NotFound,
            e if e.is_damage() => StoreProblem::Damaged,
            e if e.is_busy() => StoreProblem::Busy,
            StoreError::TooNew { .. } => StoreProblem::TooNew,
            StoreError::Limit { .. } => StoreProblem::Limit,
            StoreError::InvalidValue { .. } => StoreProblem::InvalidValue,
            StoreError::Unavailable => StoreProblem::Unavailable,
            StoreError::Io(_) => StoreProblem::Io,
            _ => StoreProblem::Other,
        }
    }
}

/// The single conversion from core errors. Every exported function returns
/// `Result<_, FanzhaError>` and reaches this through `?`.
impl From<core::Error> for FanzhaError {
    fn from(e: core::Error) -> FanzhaError {
        match e {
            core::Error::InvalidInput { kind, why } => FanzhaError::InvalidInput {
                kind: kind.into(),
                why: why.to_string(),
            },
            core::Error::Rules {
                part: "settings",
                why,
            } => FanzhaError::InvalidSettings { why },
            core::Error::Rules { part, why } => FanzhaError::Rules {
                part: part.to_string(),
                why,
            },
            core::Error::Store(e) => match e {
                StoreError::WrongKey | StoreError::KeyProvider(KeyProviderError::WrongKey) => {
                    FanzhaError::WrongKey
                }
                StoreError::KeyProvider(KeyProviderError::Unavailable { why }) => {
                    FanzhaError::KeyProvider { why }
                }
                // A feed the store refuses while applying it is a feed
                // refusal to the host, like one the reader refused.
                e @ StoreError::Rollback { .. } => FanzhaError::Feed {
                    reason: FeedRefusal::Rollback,
                    why: e.to_string(),
                },
                e @ StoreError::BaseMismatch { .. } => FanzhaError::Feed {
                    reason: FeedRefusal::WrongBase,
                    why: e.to_string(),
                },
                e @ StoreError::Rules { .. } => FanzhaError::Feed {
                    reason: FeedRefusal::InvalidRules,
                    why: e.to_string(),
                },
                other => FanzhaError::Store {
                    problem: StoreProblem::of(&other),
                    why: other.to_string(),
                },
            },
            core::Error::Feed(e) => FanzhaError::Feed {
                reason: FeedRefusal::of(&e),
                why: e.to_string(),
            },
            // The core may grow variants; their Display follows the same rule.
            other => FanzhaError::Internal {
                why: other.to_string(),
            },
        }
    }
}

/// A foreign implementation threw an exception UniFFI did not expect.
impl From<uniffi::UnexpectedUniFFICallbackError> for FanzhaError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> FanzhaError {
        // Kotlin gives "java.lang.IllegalStateException: message", Swift the
        // error's description: keep the type, drop the free text.
        let exception = e.reason.split([':', '(']).next().unwrap_or("").trim();
        let exception = if exception.is_empty() || exception.len() > 120 || exception.contains(' ')
        {
            "an unknown exception"
        } else {
            exception
        };
        FanzhaError::HostCallback {
            exception: exception.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_exception_keeps_its_type_and_drops_its_message() {
        let e = FanzhaError::from(uniffi::UnexpectedUniFFICallbackError::new(
            "java.lang.IllegalStateException: caller +8613812345678 said so",
        ));
        let text = e.to_string();
        assert!(text.contains("java.lang.IllegalStateException"), "{text}");
        assert!(!text.contains("13812345678"), "{text}");
        let e = FanzhaError::from(uniffi::UnexpectedUniFFICallbackError::new(
            "something with spaces and 13812345678",
        ));
        assert!(!e.to_string().contains("13812345678"));
    }

    #[test]
    fn core_input_errors_keep_the_kind_and_not_the_input() {
        let guard =
            fanzha_core::Guard::new(fanzha_core::Settings::default()).expect("embedded data");
        let input = "call 13812345678 now";
        let e: FanzhaError = guard
            .check_number(input, &fanzha_core::NumberContext::default())
            .expect_err("not a number")
            .into();
        match &e {
            FanzhaError::InvalidInput { kind, .. } => assert_eq!(*kind, CheckKind::Number),
            other => panic!("unexpected {other:?}"),
        }
        assert!(!e.to_string().contains("13812345678"), "{e}");
    }

    #[test]
    fn an_unknown_region_is_a_settings_error() {
        let e: FanzhaError = fanzha_core::Guard::new(fanzha_core::Settings {
            region: "ZZ".to_string(),
            ..Default::default()
        })
        .expect_err("unknown region")
        .into();
        assert!(matches!(e, FanzhaError::InvalidSettings { .. }), "{e:?}");
    }

    #[test]
    fn store_and_feed_failures_keep_their_kind() {
        use fanzha_core::feed::FeedError;
        let kind = |e: fanzha_core::Error| match FanzhaError::from(e) {
            FanzhaError::Feed { reason, .. } => format!("feed {reason:?}"),
            FanzhaError::Store { problem, .. } => format!("store {problem:?}"),
            other => format!("{other:?}"),
        };
        let feed = |e: FeedError| kind(fanzha_core::Error::Feed(e));
        let store = |e: StoreError| kind(fanzha_core::Error::Store(e));
        assert_eq!(feed(FeedError::BadMagic), "feed Malformed");
        assert_eq!(feed(FeedError::BodyHash), "feed BadSignature");
        assert_eq!(
            feed(FeedError::Rollback {
                current: 2,
                offered: 1
            }),
            "feed Rollback"
        );
        // The store refusing a feed while applying it is still a feed refusal.
        assert_eq!(
            store(StoreError::Rollback {
                current: 2,
                offered: 1
            }),
            "feed Rollback"
        );
        assert_eq!(
            store(StoreError::BaseMismatch {
                current: None,
                base: 1
            }),
            "feed WrongBase"
        );
        assert_eq!(store(StoreError::Corrupt { what: "page" }), "store Damaged");
        assert_eq!(store(StoreError::NotFound), "store NotFound");
        assert_eq!(
            store(StoreError::TooNew {
                found: 9,
                supported: 1
            }),
            "store TooNew"
        );
    }
}
