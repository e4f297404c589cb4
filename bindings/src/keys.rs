//! The host's key, bridged to the store: a [`KeyProvider`] the app
//! implements with the Android Keystore or the iOS Keychain wraps and
//! unwraps the store's random data key. The SDK never sees the host's key.

use crate::error::FanzhaError;
use fanzha_core::store::{KeyProvider as CoreKeyProvider, KeyProviderError};
use std::fmt;
use std::sync::Arc;

/// Implemented by the host app: protects the store's data key with a key
/// the platform keeps (Android Keystore, iOS Keychain).
///
/// - `wrapKey` is called once, when a store is created, with 32 random
///   bytes; return them encrypted (e.g. AES-GCM under a non-exportable
///   Keystore key, IV included).
/// - `unwrapKey` is called at every open with what `wrapKey` returned.
///
/// Throw `FanzhaException.WrongKey` when the wrapped key was not made by
/// this key (an AEAD tag failure), `FanzhaException.KeyProvider(why)` when
/// the key can't be used now (locked, not authenticated, invalidated); `why`
/// must not carry user data. Anything else thrown counts as unavailable.
/// Called from the thread that opens the guard.
#[uniffi::export(with_foreign)]
pub trait KeyProvider: Send + Sync {
    /// Wraps (encrypts) the store's data key with the host's key.
    fn wrap_key(&self, data_key: Vec<u8>) -> Result<Vec<u8>, FanzhaError>;
    /// Unwraps a data key this provider wrapped.
    fn unwrap_key(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, FanzhaError>;
}

/// The host's provider seen as the core's.
pub(crate) struct HostKeys(pub(crate) Arc<dyn KeyProvider>);

impl fmt::Debug for HostKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HostKeys")
    }
}

fn to_core(e: FanzhaError) -> KeyProviderError {
    match e {
        FanzhaError::WrongKey => KeyProviderError::WrongKey,
        FanzhaError::KeyProvider { why } => KeyProviderError::Unavailable { why },
        other => KeyProviderError::Unavailable {
            why: other.to_string(),
        },
    }
}

impl CoreKeyProvider for HostKeys {
    fn wrap(&self, data_key: &[u8]) -> Result<Vec<u8>, KeyProviderError> {
        self.0.wrap_key(data_key.to_vec()).map_err(to_core)
    }

    fn unwrap(&self, wrapped: &[u8]) -> Result<Vec<u8>, KeyProviderError> {
        self.0.unwrap_key(wrapped.to_vec()).map_err(to_core)
    }
}
