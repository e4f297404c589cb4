//! Whether a verified feed may replace what is installed: no rollback, a
//! delta only on its own base, and an expired feed applied but marked stale;
//! and how big a model a feed may ship.

use super::format::{FeedHeader, FeedKind};
use super::FeedError;

/// Largest model (message or link, FZML bytes) one feed may carry: 4 MiB,
/// the same as the model format's own cap (which `Model::from_bytes`
/// enforces too). The embedded default stays under 1 MB; a
/// publisher's model may be larger (more buckets), but not so large that a
/// phone parses megabytes on every snapshot build. A bigger model refuses
/// the whole feed ([`FeedError::TooLarge`]) before anything is parsed.
pub const MAX_MODEL_BYTES: u32 = 4 << 20;

/// What applying a feed will do, once [`check_update`] accepts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpdatePlan {
    /// The feed replaces everything its id had (a full feed) rather than
    /// changing it (a delta).
    pub replaces: bool,
    /// The feed has already expired: it is applied (it is still the best
    /// data there is) and every verdict says the protection is stale.
    pub stale: bool,
}

/// Decides whether a feed with `header` may be applied over `current`, the
/// version of the same feed id installed now (`None`: none yet).
///
/// Refuses a version that is not newer ([`FeedError::Rollback`]: a replayed
/// old feed could remove entries added since) and a delta whose base is not
/// exactly `current` ([`FeedError::WrongBase`]).
pub fn check_update(
    header: &FeedHeader,
    current: Option<u64>,
    now_ms: i64,
) -> Result<UpdatePlan, FeedError> {
    if let Some(cur) = current {
        if header.version <= cur {
            return Err(FeedError::Rollback {
                current: cur,
                offered: header.version,
            });
        }
    }
    if let FeedKind::Delta { base } = header.kind {
        if current != Some(base) {
            return Err(FeedError::WrongBase { base, current });
        }
    }
    Ok(UpdatePlan {
        replaces: !header.kind.is_delta(),
        stale: now_ms >= header.expires_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(version: u64, kind: FeedKind) -> FeedHeader {
        FeedHeader {
            format: crate::feed::FORMAT_VERSION,
            key_bits: 56,
            id: "t".into(),
            version,
            kind,
            created_ms: 0,
            expires_ms: 1000,
            numbers: 0,
            urls: 0,
            accounts: 0,
            removals: 0,
            rules: 0,
            strings: 0,
            rotations: 0,
            body_len: 0,
            body_hash: [0; 32],
        }
    }

    #[test]
    fn rollback_base_and_staleness() {
        let full = header(5, FeedKind::Full);
        assert_eq!(
            check_update(&full, None, 0).unwrap(),
            UpdatePlan {
                replaces: true,
                stale: false
            }
        );
        assert_eq!(
            check_update(&full, Some(4), 1000).unwrap(),
            UpdatePlan {
                replaces: true,
                stale: true
            }
        );
        assert!(matches!(
            check_update(&full, Some(5), 0),
            Err(FeedError::Rollback {
                current: 5,
                offered: 5
            })
        ));
        assert!(matches!(
            check_update(&full, Some(9), 0),
            Err(FeedError::Rollback { .. })
        ));

        let delta = header(5, FeedKind::Delta { base: 3 });
        assert!(check_update(&delta, Some(3), 0).is_ok());
        assert!(matches!(
            check_update(&delta, Some(4), 0),
            Err(FeedError::WrongBase {
                base: 3,
                current: Some(4)
            })
        ));
        assert!(matches!(
            check_update(&delta, None, 0),
            Err(FeedError::WrongBase { current: None, .. })
        ));
        assert!(matches!(
            check_update(&delta, Some(5), 0),
            Err(FeedError::Rollback { .. })
        ));
    }
}
