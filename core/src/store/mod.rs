//! The encrypted local store (issue: encrypted store). Placeholder until
//! that work lands.

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("the store is not available in this build")]
    Unavailable,
}
