//! How sure a blocklist hit is: a compact entry is keyed by a truncated
//! hash, so a value that is not listed hits one of `n` entries with
//! probability `n / 2^key_bits` (`docs/feed-format.md`). Measured here on
//! 10 million values that are not listed, through the store's real lookup
//! path, at a narrow width where false hits are common enough to count and
//! at the default width where there should be none.

use fanzha_core::blocklist::{false_hit_rate, hash_key, BlockIndex, ListEntry, ListKind};
use fanzha_core::store::{FeedChange, FeedEntry, FileKeyProvider, Store};
use fanzha_core::FraudType;

const LISTED: u64 = 100_000;
const MISSES: u64 = 10_000_000;

fn listed(i: u64) -> String {
    format!("+86138{i:08}")
}

fn entry(i: u64, bits: u8, confirmed: bool) -> FeedEntry {
    let v = listed(i);
    FeedEntry {
        kind: ListKind::Number,
        key: hash_key(&v, bits),
        key_bits: bits,
        sha256: None,
        entry: ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::FakeLoan,
            severity: 90,
            reports: 0,
            label: String::new(),
            confirmed,
            match_bits: 0,
        },
    }
}

/// Counts the hits among `MISSES` values none of which is listed.
fn false_hits(index: &dyn BlockIndex) -> u64 {
    let mut s = String::new();
    let mut hits = 0;
    for i in 0..MISSES {
        use std::fmt::Write as _;
        s.clear();
        let _ = write!(s, "+1555{i:08}");
        if let Some(hit) = index.lookup(ListKind::Number, &s) {
            hits += 1;
            assert!(hit.match_bits > 0);
        }
    }
    hits
}

#[test]
fn false_hit_rate_is_as_documented_on_ten_million_misses() {
    let dir = tempfile::tempdir().unwrap();
    let key = FileKeyProvider::from_bytes(&[3; 32]);
    for (bits, confirmed) in [(32u8, true), (56, false)] {
        let path = dir.path().join(format!("s{bits}.db"));
        let store = Store::open(&path, &key).unwrap();
        store
            .apply_feed(
                FeedChange::full("t", 1, 0, i64::MAX)
                    .with_entries((0..LISTED).map(move |i| entry(i, bits, confirmed))),
            )
            .unwrap();
        let loaded = store.load().unwrap();
        // The index in memory: at most 4 bytes an entry.
        let per_entry = loaded.index.heap_bytes() as f64 / LISTED as f64;
        eprintln!("{bits}-bit keys: index heap {per_entry:.2} bytes an entry");
        assert!(per_entry <= 4.0, "{per_entry} bytes an entry");
        // Every listed value is found, with the width and flag it was
        // listed with.
        for i in (0..LISTED).step_by(97) {
            let hit = loaded
                .index
                .lookup(ListKind::Number, &listed(i))
                .expect("listed");
            assert_eq!(hit.match_bits, u16::from(bits));
            assert_eq!(hit.confirmed, confirmed);
        }
        let got = false_hits(&loaded.index);
        let expected = MISSES as f64 * false_hit_rate(LISTED, u16::from(bits));
        eprintln!(
            "{bits}-bit keys, {LISTED} listed: {got} false hits in {MISSES} misses (expected {expected:.4})"
        );
        // Poisson: within five standard deviations (and at least one).
        let slack = 5.0 * expected.sqrt().max(1.0);
        assert!(
            (got as f64 - expected).abs() <= slack,
            "{got} false hits, expected {expected:.1} ± {slack:.1}"
        );
    }
}
