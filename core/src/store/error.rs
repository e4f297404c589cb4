//! Errors of the encrypted store.
//!
//! One enum, [`StoreError`], wrapped by `crate::Error::Store`; the types
//! live in `crate::error` (below every layer, so the crate error can wrap
//! them without an import cycle) and are re-exported here. Its messages
//! never carry a stored value (number, URL, account, name or message text):
//! they end up in host apps' logs and crash reports. SQLite's own errors are
//! classified here, in one place, so "the file is damaged" is always the same
//! variant whichever layer noticed it.

pub use crate::error::{KeyProviderError, StoreError};

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        use rusqlite::ffi::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) => StoreError::corrupt("database pages"),
            Some(ErrorCode::NotADatabase) => StoreError::corrupt("database header"),
            // Bad types or missing columns in our own tables mean the file
            // is not what our schema wrote.
            _ => match e {
                rusqlite::Error::InvalidColumnType(..)
                | rusqlite::Error::InvalidColumnIndex(_)
                | rusqlite::Error::InvalidColumnName(_)
                | rusqlite::Error::IntegralValueOutOfRange(..) => {
                    StoreError::corrupt("record layout")
                }
                other => StoreError::Sqlite(other),
            },
        }
    }
}
