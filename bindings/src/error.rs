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

    /// The store is damaged, unreadable or was written by a newer version.
    #[error("store error: {why}")]
    Store {
        /// What failed.
        why: String,
    },

    /// A feed was refused (bad signature, rollback, wrong base, too big, …);
    /// nothing was written.
    #[error("feed refused: {why}")]
    Feed {
        /// Why it was refused.
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
                other => FanzhaError::Store {
                    why: other.to_string(),
                },
            },
            core::Error::Feed(e) => FanzhaError::Feed { why: e.to_string() },
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
}
