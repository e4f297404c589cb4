//! Feed diffing: what a delta must carry to turn its base (the previous full
//! feed) into the new list.
//!
//! [`DeltaBase`] holds the base's entries (about 32 bytes each, not their
//! values: a feed carries only hash keys) in an open-addressing table keyed
//! by (list, key at the base's width): a lookup per new row costs one or two
//! memory reads.
//! Each row of the new list asks [`DeltaBase::unchanged`]: an entry the base
//! already lists with the same metadata is left out of the delta, a new or
//! changed one goes in; what no new row claimed is a removal
//! ([`DeltaBase::removals`]).

use super::{FeedEntry, FeedRemoval, RuleKind, VerifiedFeed};
use crate::blocklist::{fast_hash, hash_key, ListEntry, ListKind};
use std::collections::BTreeMap;

/// Most entries a base may hold to be diffed against.
pub const MAX_BASE_ENTRIES: u64 = (u32::MAX / 2) as u64 - 1;

/// The base can't be diffed against.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DiffError {
    /// The base holds more than [`MAX_BASE_ENTRIES`] entries.
    #[error("the base has too many entries to diff ({entries})")]
    TooManyEntries {
        /// Entries the base declares.
        entries: u64,
    },
}

/// One entry of the base: what a diff needs.
#[derive(Debug)]
struct BaseEntry {
    /// The hash key, left-aligned at the base's width.
    key: u64,
    /// Digest of the metadata, to notice a changed label or severity.
    meta: u64,
    kind: ListKind,
    /// The new list has it (or a later base entry shadows it).
    seen: bool,
}

/// The base feed of a delta, ready to diff the new list against.
#[derive(Debug)]
pub struct DeltaBase {
    entries: Vec<BaseEntry>,
    /// Entry index + 1 (0 = empty), by the key's top bits.
    table: Vec<u32>,
    rules: BTreeMap<RuleKind, Vec<u8>>,
    buf: String,
    /// The base's key width; the delta must use the same.
    key_bits: u8,
}

/// The metadata digest: the same fields the store keeps per entry.
fn meta_digest(e: &ListEntry, buf: &mut String) -> u64 {
    use std::fmt::Write as _;
    buf.clear();
    let _ = write!(
        buf,
        "{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}",
        e.category,
        e.fraud_type.as_str(),
        e.severity,
        e.reports,
        e.label,
        e.confirmed
    );
    fast_hash(buf)
}

impl DeltaBase {
    /// Loads the entries and rule sets of a verified base feed.
    pub fn load(feed: &VerifiedFeed<'_>) -> Result<DeltaBase, DiffError> {
        DeltaBase::from_parts(
            feed.header().key_bits,
            feed.header().entries(),
            feed.entries(),
            feed.rules().iter().map(|(k, j)| (*k, j.to_vec())),
        )
    }

    /// A base from its entries (`declared`: how many there are, to size
    /// the table) and rule sets.
    pub fn from_parts(
        key_bits: u8,
        declared: u64,
        entries: impl IntoIterator<Item = FeedEntry>,
        rules: impl IntoIterator<Item = (RuleKind, Vec<u8>)>,
    ) -> Result<DeltaBase, DiffError> {
        if declared > MAX_BASE_ENTRIES {
            return Err(DiffError::TooManyEntries { entries: declared });
        }
        let size = (declared as usize * 2).next_power_of_two().max(16);
        let mut base = DeltaBase {
            entries: Vec::with_capacity(declared as usize),
            table: vec![0; size],
            rules: rules.into_iter().collect(),
            buf: String::new(),
            key_bits,
        };
        for e in entries {
            let idx = base.entries.len();
            if idx as u64 >= declared || idx as u64 >= MAX_BASE_ENTRIES {
                // More entries than declared: the table would fill up.
                return Err(DiffError::TooManyEntries {
                    entries: idx as u64 + 1,
                });
            }
            let meta = meta_digest(&e.entry, &mut base.buf);
            let key = crate::blocklist::truncate_key(e.key, key_bits);
            base.entries.push(BaseEntry {
                key,
                meta,
                kind: e.kind,
                seen: false,
            });
            let slot = base.slot(e.kind, key);
            if base.table[slot] != 0 {
                // The same value twice: the later row wins, as when a full
                // feed is applied; the earlier one is never a removal.
                base.entries[base.table[slot] as usize - 1].seen = true;
            }
            base.table[slot] = idx as u32 + 1;
        }
        Ok(base)
    }

    /// The base's rule sets and models, by kind (compact JSON or FZML bytes,
    /// as the feed carries them).
    pub fn rules(&self) -> &BTreeMap<RuleKind, Vec<u8>> {
        &self.rules
    }

    /// Entries in the base.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the base lists nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The base's key width (a delta's entries must be keyed the same).
    pub fn key_bits(&self) -> u8 {
        self.key_bits
    }

    /// The table slot of (kind, key): where it is, or the empty slot where
    /// it would go.
    fn slot(&self, kind: ListKind, key: u64) -> usize {
        let mask = self.table.len() - 1;
        // The key's top bits are a hash: spread them over the table.
        let mut at = ((key >> 32) ^ (key >> 48)) as usize & mask;
        loop {
            match self.table[at] {
                0 => return at,
                i => {
                    let e = &self.entries[i as usize - 1];
                    if e.kind == kind && e.key == key {
                        return at;
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// True when the base already lists the canonical value in `kind`
    /// with the same metadata: the delta leaves it out. Marks it seen either
    /// way, so it is not a removal.
    pub fn unchanged(&mut self, kind: ListKind, canonical: &str, entry: &ListEntry) -> bool {
        self.unchanged_key(kind, hash_key(canonical, self.key_bits), entry)
    }

    /// [`DeltaBase::unchanged`] by the value's key at the base's width.
    pub fn unchanged_key(&mut self, kind: ListKind, key: u64, entry: &ListEntry) -> bool {
        let meta = meta_digest(entry, &mut self.buf);
        match self.table[self.slot(kind, key)] {
            0 => false,
            i => {
                let e = &mut self.entries[i as usize - 1];
                e.seen = true;
                e.meta == meta
            }
        }
    }

    /// The base entries no new row claimed: the delta removes them. Call
    /// after every new row went through [`DeltaBase::unchanged`].
    pub fn removals(&self) -> impl Iterator<Item = FeedRemoval> + '_ {
        self.entries
            .iter()
            .filter(|e| !e.seen)
            .map(|e| FeedRemoval {
                kind: e.kind,
                key: e.key,
                key_bits: self.key_bits,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::FraudType;

    fn entry(label: &str, severity: u8) -> ListEntry {
        ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::Phishing,
            severity,
            reports: 1,
            label: label.into(),
            confirmed: false,
            match_bits: 0,
        }
    }

    fn fe(kind: ListKind, value: &str, e: ListEntry) -> FeedEntry {
        FeedEntry::new(kind, value, e)
    }

    fn base(entries: Vec<FeedEntry>) -> DeltaBase {
        DeltaBase::from_parts(56, entries.len() as u64, entries, []).unwrap()
    }

    #[test]
    fn unchanged_changed_new_and_removed() {
        let mut b = base(vec![
            fe(ListKind::Number, "+8613800138000", entry("a", 90)),
            fe(ListKind::Number, "+8613900139000", entry("b", 90)),
            fe(ListKind::Url, "bad.example/", entry("c", 80)),
        ]);
        assert_eq!(b.len(), 3);
        // Kept as is: left out of the delta.
        assert!(b.unchanged(ListKind::Number, "+8613800138000", &entry("a", 90)));
        // Same value, new severity: carried again.
        assert!(!b.unchanged(ListKind::Number, "+8613900139000", &entry("b", 95)));
        // The same hash in another list is another entry.
        assert!(!b.unchanged(ListKind::Url, "+8613800138000", &entry("a", 90)));
        // Same value and metadata, now confirmed: carried again.
        let confirmed = ListEntry {
            confirmed: true,
            ..entry("a", 90)
        };
        assert!(!b.unchanged(ListKind::Number, "+8613800138000", &confirmed));
        // New.
        assert!(!b.unchanged(ListKind::Number, "+8613700137000", &entry("d", 90)));
        let removed: Vec<FeedRemoval> = b.removals().collect();
        assert_eq!(removed, [FeedRemoval::new(ListKind::Url, "bad.example/")]);
    }

    #[test]
    fn a_value_listed_twice_in_the_base_is_never_a_removal() {
        let mut b = base(vec![
            fe(ListKind::Number, "+8613800138000", entry("old", 90)),
            fe(ListKind::Number, "+8613800138000", entry("new", 90)),
        ]);
        assert!(b.unchanged(ListKind::Number, "+8613800138000", &entry("new", 90)));
        assert_eq!(b.removals().count(), 0);
        let b = base(vec![
            fe(ListKind::Number, "+8613800138000", entry("old", 90)),
            fe(ListKind::Number, "+8613800138000", entry("new", 90)),
        ]);
        assert_eq!(b.removals().count(), 1, "the later row is the one kept");
    }

    #[test]
    fn many_entries_and_a_dropped_list() {
        let values: Vec<String> = (0..5000).map(|i| format!("+86138{i:08}")).collect();
        let mut b = base(
            values
                .iter()
                .map(|v| fe(ListKind::Number, v, entry("x", 90)))
                .collect(),
        );
        for v in values.iter().step_by(2) {
            assert!(b.unchanged(ListKind::Number, v, &entry("x", 90)));
        }
        assert_eq!(b.removals().count(), 2500);
        assert!(base(Vec::new()).is_empty());
    }

    #[test]
    fn sizes_are_checked() {
        let e = || fe(ListKind::Number, "+8613800138000", entry("a", 90));
        assert!(matches!(
            DeltaBase::from_parts(56, MAX_BASE_ENTRIES + 1, [], []),
            Err(DiffError::TooManyEntries { .. })
        ));
        // More entries than declared can't overflow the table.
        assert!(matches!(
            DeltaBase::from_parts(56, 1, [e(), e()], []),
            Err(DiffError::TooManyEntries { entries: 2 })
        ));
        let rules = [(RuleKind::Numbers, b"{}".to_vec())];
        let b = DeltaBase::from_parts(56, 1, [e()], rules).unwrap();
        assert_eq!(
            b.rules().get(&RuleKind::Numbers).map(Vec::as_slice),
            Some(&b"{}"[..])
        );
    }
}
