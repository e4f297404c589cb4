//! Signed protection feeds (issue: signed feeds). Placeholder until that
//! work lands.

/// Errors of feed parsing, verification and apply.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FeedError {
    #[error("feeds are not available in this build")]
    Unavailable,
}
