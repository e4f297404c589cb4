//! The comparisons, one module each, and the data they share. All data is
//! made up here (no real scammer data, no third-party lists).

pub mod feed;
pub mod link;
pub mod message;
pub mod number;

use fanzha_core::blocklist::{ListEntry, ListKind};
use fanzha_core::store::{FeedChange, FeedEntry, FileKeyProvider, Store};
use fanzha_core::{FraudType, Guard, Lang, RuleSources, Settings};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A scratch directory removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("fanzha-compare-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The key of every store in these benches.
pub fn keys() -> Arc<FileKeyProvider> {
    Arc::new(FileKeyProvider::from_bytes(&[7u8; 32]))
}

pub fn entry() -> ListEntry {
    ListEntry {
        category: "fraud".into(),
        fraud_type: FraudType::ImpersonateCustomerService,
        severity: 90,
        reports: 3,
        label: "bench".into(),
        confirmed: false,
        match_bits: 0,
    }
}

/// Applies one full feed of `values` (canonical forms of `kind`) to a new
/// store at `path`; returns the seconds the apply took.
pub fn build_store(path: &Path, kind: ListKind, values: impl Iterator<Item = String>) -> f64 {
    let store = Store::open(path, keys().as_ref()).expect("store opens");
    let entries = values.map(move |v| Ok(FeedEntry::new(kind, &v, entry())));
    let t = std::time::Instant::now();
    store
        .apply_feed(FeedChange {
            feed_id: "bench".into(),
            version: 1,
            base: None,
            created_ms: 0,
            expires_ms: i64::MAX,
            entries: Box::new(entries),
            removals: Box::new(std::iter::empty()),
            rules: RuleSources::default(),
            settings: Vec::new(),
        })
        .expect("feed applies");
    let secs = t.elapsed().as_secs_f64();
    store.checkpoint().expect("checkpoint");
    secs
}

/// A guard on the store at `path`.
pub fn open_guard(path: &Path) -> Guard {
    Guard::open(
        Settings {
            region: "CN".into(),
            lang: Lang::ZhHans,
        },
        path,
        keys(),
    )
    .expect("guard opens")
}

/// Size of a SQLite database and its WAL.
pub fn db_bytes(path: &Path) -> u64 {
    let size = |p: PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    size(path.to_path_buf()) + size(fanzha_core::store::wal_path(path))
}

/// A cheap deterministic generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
