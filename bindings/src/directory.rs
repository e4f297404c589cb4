//! Plaintext numbers for a platform call directory (iOS CallKit's Call
//! Directory extension): see `fanzha_core::directory`. A child module of
//! `guard` (it reads `Guard::inner`); conversions only.

use super::Guard;
use crate::error::FanzhaError;
use fanzha_core::directory as core_directory;

/// One labelled number, in CallKit's form.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DirectoryEntry {
    /// Country code and national number as one integer, no `+`
    /// (`+86 95588` → 8695588): CallKit's `CXCallDirectoryPhoneNumber`.
    pub number: i64,
    /// The caller's name in the guard's language.
    pub label: String,
}

/// What a Call Directory extension loads: both lists ascending and
/// without duplicates, as CallKit requires.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CallDirectoryEntries {
    /// The region's official numbers (95588, 96110, 110 …) with their names.
    pub identification: Vec<DirectoryEntry>,
    /// The user's own blocked numbers (the store's blocklists are hashes
    /// only, so they can't be listed here).
    pub blocking: Vec<i64>,
}

impl From<core_directory::CallDirectory> for CallDirectoryEntries {
    fn from(d: core_directory::CallDirectory) -> CallDirectoryEntries {
        CallDirectoryEntries {
            identification: d
                .identification
                .into_iter()
                .map(|e| DirectoryEntry {
                    number: e.number,
                    label: e.label,
                })
                .collect(),
            blocking: d.blocking,
        }
    }
}

#[uniffi::export]
impl Guard {
    /// Plaintext numbers for the iOS Call Directory extension: the
    /// region's official numbers to label, the user's blocked numbers to
    /// block — sorted ascending, no duplicates. Reads the store's rules
    /// when the guard has a store.
    pub fn call_directory_entries(&self) -> Result<CallDirectoryEntries, FanzhaError> {
        Ok(self.inner.call_directory()?.into())
    }
}
