//! Deltas on a store: a store holding a signed base feed (built once, copied
//! for every input), then up to three signed deltas built from the fuzz bytes (additions with any
//! severity and the confirmed flag, removals, values that collide with the
//! base and with each other), so the delta, tombstone and merge code runs
//! with real data; then the raw bytes themselves as a delta (refused).
//!
//! A model of what the lists must hold is kept beside the store: every
//! signed delta must apply, and afterwards (and after a compaction and a
//! reopen) every value the model knows must look up exactly as the model
//! says — listed with its severity and flag, or not listed.
#![no_main]

use fanzha_core::blocklist::BlockIndex;
use fanzha_core::blocklist::{ListEntry, ListKind};
use fanzha_core::feed::{FeedMeta, FeedWriter, Limits, PublisherKey, TrustedKeys};
use fanzha_core::store::{FileKeyProvider, Store};
use fanzha_core::FraudType;
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::PathBuf;
use std::sync::OnceLock;

const FEED: &str = "fz";
/// Values are drawn from a small space so deltas hit base entries and each
/// other.
const SPACE: u32 = 48;

fn key() -> &'static PublisherKey {
    static KEY: OnceLock<PublisherKey> = OnceLock::new();
    KEY.get_or_init(|| PublisherKey::generate().expect("key"))
}

fn kind_of(b: u8) -> ListKind {
    match b % 3 {
        0 => ListKind::Number,
        1 => ListKind::Url,
        _ => ListKind::Account,
    }
}

fn value(kind: ListKind, n: u32) -> String {
    match kind {
        ListKind::Number => format!("+86138{n:08}"),
        ListKind::Url => format!("h{n}.example/"),
        ListKind::Account => format!("6222{n:012}"),
    }
}

fn entry(severity: u8, confirmed: bool) -> ListEntry {
    ListEntry {
        category: "fraud".into(),
        fraud_type: FraudType::Other,
        severity,
        reports: u32::from(severity),
        label: String::new(),
        confirmed,
        match_bits: 0,
    }
}

type Lists = BTreeMap<(u8, u32), (u8, bool)>;

/// The base feed (version 1): every third value of each kind.
fn base() -> &'static (Vec<u8>, Lists) {
    static BASE: OnceLock<(Vec<u8>, Lists)> = OnceLock::new();
    BASE.get_or_init(|| {
        let meta = FeedMeta::full(FEED, 1, 0, i64::MAX / 2);
        let mut w = FeedWriter::new(Cursor::new(Vec::new()), meta).expect("writer");
        let mut lists = Lists::new();
        for k in 0..3u8 {
            let kind = kind_of(k);
            for n in (0..SPACE).step_by(3) {
                let sev = (n * 7 % 101) as u8;
                let confirmed = n % 2 == 0;
                w.entry(kind, &value(kind, n), &entry(sev, confirmed))
                    .expect("entry");
                lists.insert((k, n), (sev, confirmed));
            }
        }
        (w.finish(key()).expect("signs").0.into_inner(), lists)
    })
}

/// A delta from `version - 1` built from `part` (records of 2 bytes: op,
/// value), applied to `lists` the way the store must apply it: additions in
/// order (the last of equal values wins), then removals (a removal wins
/// over an addition of the same value).
fn delta(version: u64, part: &[u8], lists: &mut Lists) -> Vec<u8> {
    let meta = FeedMeta::delta(FEED, version, version - 1, 0, i64::MAX / 2);
    let mut w = FeedWriter::new(Cursor::new(Vec::new()), meta).expect("writer");
    let mut added = Lists::new();
    let mut removed = Vec::new();
    for r in part.chunks_exact(2) {
        let (op, n) = (r[0], u32::from(r[1]) % SPACE);
        let k = op % 3;
        let kind = kind_of(k);
        let v = value(kind, n);
        if op & 0x80 != 0 {
            w.removal_of(kind, &v).expect("removal");
            removed.push((k, n));
        } else {
            let sev = (op >> 2) % 101;
            let confirmed = op & 0x40 != 0;
            w.entry(kind, &v, &entry(sev, confirmed)).expect("entry");
            added.insert((k, n), (sev, confirmed));
        }
    }
    lists.extend(added);
    for r in removed {
        lists.remove(&r);
    }
    w.finish(key()).expect("signs").0.into_inner()
}

fn check_lists(store: &Store, lists: &Lists, when: &str) {
    let index = store.load().expect("loads").index;
    for k in 0..3u8 {
        let kind = kind_of(k);
        for n in 0..SPACE {
            let hit = index.lookup(kind, &value(kind, n));
            let want = lists.get(&(k, n));
            match (hit, want) {
                (None, None) => {}
                (Some(h), Some(&(sev, confirmed))) => {
                    assert_eq!(
                        (h.severity, h.confirmed),
                        (sev, confirmed),
                        "{when}: {kind:?} {n}"
                    )
                }
                (h, w) => panic!("{when}: {kind:?} {n}: store {h:?}, expected {w:?}"),
            }
        }
    }
}

fn scratch() -> PathBuf {
    let root = if std::path::Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    root.join(format!("fanzha-fuzz-delta-{}", std::process::id()))
}

const KEY: [u8; 32] = [9; 32];

fn apply(store: &Store, bytes: &[u8]) -> Result<(), fanzha_core::Error> {
    let trust = TrustedKeys::new([key().public_key()]);
    fanzha_core::feed::apply(store, bytes, &trust, &Limits::default(), 0).map(|_| ())
}

/// The bytes of a store holding the base feed (applied once: a full feed
/// compiles the rules, which is slow).
fn template() -> &'static [u8] {
    static T: OnceLock<Vec<u8>> = OnceLock::new();
    T.get_or_init(|| {
        let dir = scratch().with_extension("template");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        let db = dir.join("s.db");
        {
            let store = Store::open(&db, &FileKeyProvider::from_bytes(&KEY)).expect("opens");
            apply(&store, &base().0).expect("base applies");
            store.checkpoint().expect("checkpoint");
        }
        let bytes = std::fs::read(&db).expect("reads");
        let _ = std::fs::remove_dir_all(&dir);
        bytes
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let db = dir.join("s.db");
    std::fs::write(&db, template()).expect("writes");
    let keys = FileKeyProvider::from_bytes(&KEY);
    let mut lists = base().1.clone();
    {
        let store = Store::open(&db, &keys).expect("opens");
        let mut version = 1;
        for part in data.split(|&b| b == 0xff).take(3) {
            version += 1;
            let bytes = delta(version, part, &mut lists);
            apply(&store, &bytes).unwrap_or_else(|e| panic!("delta {version} refused: {e}"));
            check_lists(&store, &lists, "after a delta");
        }
        // The raw bytes as a feed: refused (unsigned), nothing changes.
        assert!(apply(&store, data).is_err());
        store.compact().expect("compacts");
        check_lists(&store, &lists, "after compaction");
        store.verify().expect("verifies");
    }
    let store = Store::open(&db, &keys).expect("reopens");
    check_lists(&store, &lists, "after reopen");
});
