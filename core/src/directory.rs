//! Entries for a platform call directory — iOS CallKit's Call Directory
//! extension, which blocks and labels calls *before* they ring, from lists
//! of plaintext numbers the app hands over ahead of time.
//!
//! The store never holds the blocklists' numbers in the clear (feeds list
//! SHA-256 digests), so a call directory can only carry what the SDK can
//! name in plaintext:
//!
//! - **identification**: the official numbers of the guard's region
//!   (95588 → the bank's name, 96110 → the anti-fraud line), from the
//!   protection data (embedded, or a feed's `numbers` rules);
//! - **blocking**: the user's own blocked numbers (kept encrypted, not
//!   hashed, in the store).
//!
//! Numbers are in CallKit's form — country code and national number as
//! one integer, no `+` (`+86 95588` → `8695588`) — sorted ascending with no
//! duplicates, as CallKit requires (anything else fails the whole load).

use crate::number::NumberRules;
use crate::verdict::Lang;

/// E.164 allows at most 15 digits.
const MAX_DIGITS: usize = 15;

/// One labelled number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryEntry {
    /// CallKit's `CXCallDirectoryPhoneNumber`: country code + national number.
    pub number: i64,
    /// What the phone shows for the caller (in the guard's language).
    pub label: String,
}

/// What a Call Directory extension loads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallDirectory {
    /// Ascending, unique numbers, each with its label.
    pub identification: Vec<DirectoryEntry>,
    /// Ascending, unique numbers to block.
    pub blocking: Vec<i64>,
}

/// `+8613800000000` → 8613800000000; `95588` (national, as official
/// numbers are written) → `cc` + 95588. `None` for anything that is not
/// digits (after an optional `+`) or too long.
fn callkit_number(value: &str, cc: &str) -> Option<i64> {
    let (international, digits) = match value.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let full = if international {
        digits.to_string()
    } else {
        format!("{cc}{digits}")
    };
    if full.len() > MAX_DIGITS || full.starts_with('0') {
        return None;
    }
    full.parse().ok()
}

/// Builds the directory from the number rules and the user's blocked
/// numbers (canonical E.164 values). Values that can't be written as a
/// CallKit number are left out.
pub(crate) fn build(
    rules: &NumberRules,
    region: &str,
    lang: Lang,
    blocked: &[String],
) -> CallDirectory {
    let region = region.to_ascii_uppercase();
    let Some(cc) = rules.country_code(&region) else {
        return CallDirectory::default();
    };
    let mut identification: Vec<DirectoryEntry> = rules
        .officials(&region)
        .filter_map(|o| {
            Some(DirectoryEntry {
                number: callkit_number(&o.number, cc)?,
                label: o.name(lang).to_string(),
            })
        })
        .collect();
    // Sort by number, then label, so the kept label is deterministic.
    // (A total order on every field: the unstable sort gives the same result.)
    identification
        .sort_unstable_by(|a, b| a.number.cmp(&b.number).then_with(|| a.label.cmp(&b.label)));
    identification.dedup_by_key(|e| e.number);
    let mut blocking: Vec<i64> = blocked
        .iter()
        .filter_map(|v| callkit_number(v, cc))
        .collect();
    blocking.sort_unstable();
    blocking.dedup();
    CallDirectory {
        identification,
        blocking,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Snapshot;

    #[test]
    fn callkit_numbers() {
        assert_eq!(callkit_number("+8613800000000", "86"), Some(8613800000000));
        assert_eq!(callkit_number("95588", "86"), Some(8695588));
        assert_eq!(callkit_number("+", "86"), None);
        assert_eq!(callkit_number("", "86"), None);
        assert_eq!(callkit_number("+86 138", "86"), None);
        assert_eq!(callkit_number("abc", "86"), None);
        assert_eq!(callkit_number("+1234567890123456", "86"), None);
        assert_eq!(callkit_number("0123", "86"), Some(860123));
        assert_eq!(callkit_number("+0123", "86"), None);
    }

    #[test]
    fn official_numbers_are_labelled_sorted_and_unique() {
        let snap = Snapshot::embedded().expect("embedded data loads");
        let d = build(&snap.numbers, "cn", Lang::ZhHans, &[]);
        assert!(d.blocking.is_empty());
        let find = |n: i64| d.identification.iter().find(|e| e.number == n);
        assert_eq!(
            find(8695588).map(|e| e.label.as_str()),
            Some("中国工商银行")
        );
        assert!(find(8696110).is_some(), "96110 missing");
        assert!(
            d.identification
                .windows(2)
                .all(|w| w[0].number < w[1].number),
            "not strictly ascending"
        );
        let en = build(&snap.numbers, "CN", Lang::En, &[]);
        assert_eq!(en.identification.len(), d.identification.len());
        assert!(en.identification.iter().any(|e| e.label.contains("ICBC")));
    }

    #[test]
    fn blocked_numbers_are_sorted_deduplicated_and_cleaned() {
        let snap = Snapshot::embedded().expect("embedded data loads");
        let blocked = [
            "+8617012345678",
            "+8613800000000",
            "+8617012345678",
            "not a number",
            "+1999",
        ]
        .map(String::from);
        let d = build(&snap.numbers, "CN", Lang::En, &blocked);
        assert_eq!(d.blocking, vec![1999, 8613800000000, 8617012345678]);
    }

    #[test]
    fn the_guard_lists_the_users_blocked_numbers_from_its_store() {
        use crate::blocklist::ListKind;
        use crate::store::FileKeyProvider;
        use crate::{Guard, Settings};
        use std::sync::Arc;

        let dir = tempfile::tempdir().expect("temp dir");
        let keys = Arc::new(FileKeyProvider::from_bytes(&[3; 32]));
        let guard = Guard::open(Settings::default(), dir.path().join("store.db"), keys)
            .expect("store opens");
        guard
            .block(ListKind::Number, "138 0000 0000")
            .expect("rule stored");
        guard
            .allow(ListKind::Number, "139 0000 0000")
            .expect("rule stored");
        let d = guard.call_directory().expect("directory");
        assert_eq!(
            d.blocking,
            vec![8613800000000],
            "only the blocked number, in CallKit form"
        );
        assert!(!d.identification.is_empty());
        // Without a store: official numbers only.
        let plain = Guard::new(Settings::default()).expect("guard");
        assert!(plain
            .call_directory()
            .expect("directory")
            .blocking
            .is_empty());
    }

    #[test]
    fn an_unknown_region_gives_an_empty_directory() {
        let snap = Snapshot::embedded().expect("embedded data loads");
        assert_eq!(
            build(&snap.numbers, "ZZ", Lang::En, &[]),
            CallDirectory::default()
        );
    }
}
