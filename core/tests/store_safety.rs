//! The store's safety contract: nothing readable at rest, wrong keys and
//! damaged files are typed errors (never a silent "clear"), a crash mid-write
//! leaves the previous state, readers never wait for a writer, old schemas
//! upgrade.

mod common;

use fanzha_core::blocklist::{fast_hash, value_hash, BlockIndex, ListEntry, ListKind};
use fanzha_core::payment::{HistoryStore, PayeeKey};
use fanzha_core::snapshot::RuleSources;
use fanzha_core::store::{
    shm_path, wal_path, FeedChange, FeedEntry, FeedRemoval, FileKeyProvider, KeyProvider,
    NewReport, RuleAction, Store, StoreError, StoreHistory,
};
use fanzha_core::{
    Error, FraudType, Guard, Kind, Lang, Level, NumberContext, Protection, Settings,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn tmp(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("fanzha-store-safety-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn key(b: u8) -> Arc<dyn KeyProvider> {
    Arc::new(FileKeyProvider::from_bytes(&[b; 32]))
}

fn listed(kind: ListKind, value: &str, label: &str) -> FeedEntry {
    FeedEntry::new(
        kind,
        value,
        ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::ImpersonateAuthority,
            severity: 95,
            reports: 12,
            label: label.into(),
            confirmed: false,
            match_bits: 0,
        },
    )
}

fn removal(kind: ListKind, value: &str) -> FeedRemoval {
    FeedRemoval::new(kind, value)
}

fn settings() -> Settings {
    Settings {
        lang: Lang::En,
        ..Settings::default()
    }
}

/// Every encoding a value could appear in.
fn encodings(s: &str) -> Vec<Vec<u8>> {
    let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    vec![s.as_bytes().to_vec(), le, be]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

fn store_files(db: &Path) -> Vec<(String, Vec<u8>)> {
    [db.to_path_buf(), wal_path(db), shm_path(db)]
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p.display().to_string(), b)))
        .collect()
}

fn assert_nothing_readable(db: &Path, needles: &[&str], hashed: &[&str]) {
    let files = store_files(db);
    assert!(!files.is_empty());
    for (name, bytes) in &files {
        for needle in needles {
            for enc in encodings(needle) {
                assert!(
                    !contains(bytes, &enc),
                    "{needle:?} readable in {name} ({} bytes)",
                    enc.len()
                );
            }
        }
        // The user's own values are keyed: their plain hashes are not there
        // either, so the file can't be tested against a guessed number.
        for value in hashed {
            let sha = value_hash(value);
            assert!(!contains(bytes, &sha[..8]), "sha256 of {value:?} in {name}");
            let fast = fast_hash(value);
            assert!(
                !contains(bytes, &fast.to_le_bytes()),
                "xxh3 of {value:?} in {name}"
            );
            assert!(
                !contains(bytes, &fast.to_be_bytes()),
                "xxh3 of {value:?} in {name}"
            );
        }
    }
}

#[test]
fn nothing_readable_at_rest() {
    let dir = tmp("plaintext");
    let db = dir.join("s.db");
    let k = key(1);
    // Values the user typed: rules, reports, notes, payees, events.
    let user_values = [
        "+8613812345678",
        "evil-phish.example.top",
        "+8617055554444",
        "6222021234567890128",
        "DE89370400440532013000",
    ];
    let needles = [
        "+8613812345678",
        "13812345678",
        "138 1234 5678",
        "evil-phish.example.top",
        "https://evil-phish.example.top/login?acct=1",
        "phish",
        "17055554444",
        "6222021234567890128",
        "6222 0212 3456 7890 128",
        "DE89370400440532013000",
        "someone@example.com",
        "您的账户涉嫌洗钱，请立即转账到安全账户",
        "安全账户",
        "自称是公安局的王警官",
        "王警官",
        "Officer Wang said my account was frozen",
        "frozen",
        "冒充公检法专用标签",
        "scammer-label-xyz",
        "fanzha-feed-id-secret",
        "95588",
    ];
    {
        let guard = Guard::open(settings(), &db, k.clone()).unwrap();
        guard.block(ListKind::Number, "138 1234 5678").unwrap();
        guard
            .block(ListKind::Url, "https://evil-phish.example.top/login?acct=1")
            .unwrap();
        guard.allow(ListKind::Number, "+86 170 5555 4444").unwrap();
        guard
            .block(ListKind::Account, "6222 0212 3456 7890 128")
            .unwrap();
        guard
            .allow(ListKind::Account, "DE89370400440532013000")
            .unwrap();
        let store = guard.store().unwrap().clone();
        for (kind, value, note) in [
            (Kind::Number, "138 1234 5678", "自称是公安局的王警官"),
            (
                Kind::Link,
                "https://evil-phish.example.top/login?acct=1",
                "Officer Wang said my account was frozen",
            ),
            (Kind::Message, "您的账户涉嫌洗钱，请立即转账到安全账户", ""),
            (Kind::Payment, "someone@example.com", "安全账户"),
        ] {
            store
                .add_report(NewReport {
                    kind,
                    value: value.into(),
                    fraud_type: Some(FraudType::ImpersonateAuthority),
                    note: note.into(),
                    category: fanzha_core::store::ReportCategory::Scam,
                })
                .unwrap();
        }
        let history = StoreHistory::load(store.clone()).unwrap();
        history
            .record(&PayeeKey::of("6222021234567890128"), "CNY", 500_000, 1)
            .unwrap();
        store
            .push_event(
                1,
                &serde_json::json!({"kind": "call", "number": "+8613812345678", "text": "安全账户"}),
            )
            .unwrap();
        store
            .put_setting("publisher", Some(b"fanzha-feed-id-secret"))
            .unwrap();
        // A feed: hashed entries, a label, rules JSON carrying numbers.
        let numbers_json = include_str!("../data/numbers.json");
        store
            .apply_feed(
                FeedChange::full("fanzha-feed-id-secret", 1, 0, i64::MAX)
                    .with_entries(vec![
                        listed(ListKind::Number, "+8613900001111", "冒充公检法专用标签"),
                        listed(ListKind::Url, "bad.example/", "scammer-label-xyz"),
                    ])
                    .with_rules(RuleSources {
                        numbers: Some(numbers_json.to_string()),
                        ..RuleSources::default()
                    }),
            )
            .unwrap();
        guard.reload_store().unwrap();
        // Use it while the WAL is live.
        let v = guard
            .check_number("138 1234 5678", &NumberContext::default())
            .unwrap();
        assert!(v.has_reason("number.user_blocked"));
        assert!(wal_path(&db).exists(), "the WAL is part of what we search");
        assert_nothing_readable(&db, &needles, &user_values);
    }
    // After close (checkpointed into the main file).
    assert_nothing_readable(&db, &needles, &user_values);
    // And the data is all there.
    let store = Store::open_existing(&db, k.as_ref()).unwrap();
    assert_eq!(store.rules().unwrap().len(), 5);
    assert_eq!(store.reports(false).unwrap().len(), 4);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn wrong_key_is_a_typed_error() {
    let dir = tmp("wrongkey");
    let db = dir.join("s.db");
    {
        let store = Store::open(&db, key(1).as_ref()).unwrap();
        store
            .set_rule(ListKind::Number, "+8613812345678", RuleAction::Block)
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    assert!(matches!(
        Store::open(&db, key(2).as_ref()),
        Err(StoreError::WrongKey)
    ));
    assert!(matches!(
        Guard::open(settings(), &db, key(2)),
        Err(Error::Store(StoreError::WrongKey))
    ));
    // A provider that can't be reached is its own error.
    #[derive(Debug)]
    struct Locked;
    impl KeyProvider for Locked {
        fn wrap(&self, _: &[u8]) -> Result<Vec<u8>, fanzha_core::store::KeyProviderError> {
            Err(fanzha_core::store::KeyProviderError::Unavailable {
                why: "locked".into(),
            })
        }
        fn unwrap(&self, _: &[u8]) -> Result<Vec<u8>, fanzha_core::store::KeyProviderError> {
            Err(fanzha_core::store::KeyProviderError::Unavailable {
                why: "locked".into(),
            })
        }
    }
    assert!(matches!(
        Store::open(&db, &Locked),
        Err(StoreError::KeyProvider(_))
    ));
    // A provider that returns garbage of the right length is caught by the
    // sealed marker.
    #[derive(Debug)]
    struct Liar;
    impl KeyProvider for Liar {
        fn wrap(&self, k: &[u8]) -> Result<Vec<u8>, fanzha_core::store::KeyProviderError> {
            Ok(k.to_vec())
        }
        fn unwrap(&self, _: &[u8]) -> Result<Vec<u8>, fanzha_core::store::KeyProviderError> {
            Ok(vec![0x55; 32])
        }
    }
    assert!(matches!(Store::open(&db, &Liar), Err(StoreError::WrongKey)));
    // Nothing was changed by the failed opens, and the right key still works.
    let store = Store::open(&db, key(1).as_ref()).unwrap();
    assert_eq!(store.rules().unwrap().len(), 1);
    drop(store);
    let after = std::fs::read(&db).unwrap();
    assert_eq!(before.len(), after.len());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A store with a feed, user rules and reports, checkpointed into one file.
fn build_reference(db: &Path) -> (Vec<String>, Vec<String>) {
    let listed_numbers: Vec<String> = (0..3000).map(|i| format!("+86139{:08}", i * 13)).collect();
    let blocked: Vec<String> = vec!["+8613812345678".into(), "+8615000001111".into()];
    let guard = Guard::open(settings(), db, key(3)).unwrap();
    let store = guard.store().unwrap().clone();
    store
        .apply_feed(
            FeedChange::full("ref", 1, 0, i64::MAX).with_entries(
                listed_numbers
                    .iter()
                    .map(|n| listed(ListKind::Number, n, "ref"))
                    .collect::<Vec<_>>(),
            ),
        )
        .unwrap();
    store
        .apply_feed(
            FeedChange::delta("ref", 2, 1, 0, i64::MAX).with_entries(vec![listed(
                ListKind::Number,
                "+8613700000000",
                "delta",
            )]),
        )
        .unwrap();
    for b in &blocked {
        guard.block(ListKind::Number, b).unwrap();
    }
    for i in 0..20 {
        store
            .add_report(NewReport {
                kind: Kind::Number,
                value: format!("+86139{i:08}"),
                fraud_type: None,
                note: "x".repeat(300),
                category: fanzha_core::store::ReportCategory::Scam,
            })
            .unwrap();
    }
    store.checkpoint().unwrap();
    drop(store);
    drop(guard);
    (listed_numbers, blocked)
}

/// Opens a possibly damaged copy through a guard: a typed error, or
/// verdicts for listed and blocked numbers that are never a silent clear.
fn guard_never_silently_clear(
    db: &Path,
    listed_numbers: &[String],
    blocked: &[String],
) -> &'static str {
    match Guard::open(settings(), db, key(3)) {
        Err(Error::Store(e)) => {
            assert!(
                !matches!(e, StoreError::WrongKey),
                "damage reported as a wrong key"
            );
            "refused"
        }
        Err(e) => panic!("untyped failure: {e}"),
        Ok(guard) => {
            let ctx = NumberContext::default();
            let mut degraded = guard.store_problem().is_some();
            for n in listed_numbers.iter().step_by(41).chain(blocked) {
                let v = guard.check_number(n, &ctx).unwrap();
                let flagged = v.level == Level::Dangerous;
                let notice = v.has_reason("store.unavailable");
                assert_eq!(
                    notice,
                    v.protection == Protection::Unavailable,
                    "the typed status and the notice disagree: {v:?}"
                );
                degraded |= notice;
                assert!(flagged || notice, "silent clear for a listed number: {v:?}");
            }
            if degraded {
                "degraded"
            } else {
                "intact"
            }
        }
    }
}

/// The same property one level down (what the guard builds its verdicts
/// from), without compiling the rules for every copy: the store refuses, or
/// every listed number is found or the index says it is not healthy, and
/// every blocked number keeps its rule.
fn never_silently_clear(db: &Path, listed_numbers: &[String], blocked: &[String]) -> &'static str {
    let store = match Store::open_existing(db, key(3).as_ref()) {
        Err(e) => {
            assert!(e.is_damage(), "damage not reported as damage: {e}");
            return "refused";
        }
        Ok(s) => s,
    };
    let loaded = match store.load() {
        Err(e) => {
            assert!(e.is_damage(), "damage not reported as damage: {e}");
            return "refused";
        }
        Ok(l) => l,
    };
    let mut degraded = false;
    for n in listed_numbers.iter().step_by(41) {
        let found = loaded.index.lookup(ListKind::Number, n).is_some();
        degraded |= !found;
        assert!(
            found || loaded.index.health() != fanzha_core::blocklist::IndexHealth::Ok,
            "silent miss for a listed number"
        );
    }
    for b in blocked {
        assert_eq!(
            loaded.user_rules.get(ListKind::Number, b),
            Some(RuleAction::Block)
        );
    }
    if degraded {
        "degraded"
    } else {
        "intact"
    }
}

#[test]
fn corrupted_pages_are_detected_never_a_silent_clear() {
    let dir = tmp("corrupt");
    let reference = dir.join("ref.db");
    let (listed_numbers, blocked) = build_reference(&reference);
    let bytes = std::fs::read(&reference).unwrap();
    let page = 4096;
    let pages = bytes.len() / page;
    assert!(pages > 10);
    let mut outcomes = std::collections::BTreeMap::<&str, usize>::new();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // Every page, at a random spot past the page header area, several bytes.
    for p in 0..pages {
        let db = dir.join(format!("c{p}.db"));
        let mut copy = bytes.clone();
        for _ in 0..8 {
            let off = p * page + 16 + (next() as usize % (page - 16));
            copy[off] ^= 1 << (next() % 8);
        }
        std::fs::write(&db, &copy).unwrap();
        let outcome = never_silently_clear(&db, &listed_numbers, &blocked);
        *outcomes.entry(outcome).or_default() += 1;
        let _ = std::fs::remove_file(&db);
        let _ = std::fs::remove_file(wal_path(&db));
        let _ = std::fs::remove_file(shm_path(&db));
    }
    // A whole page of zeros, and a page of garbage, at a few places.
    for p in [1, pages / 3, pages / 2, pages - 1] {
        for fill in [0u8, 0xA5] {
            let db = dir.join(format!("z{p}-{fill}.db"));
            let mut copy = bytes.clone();
            copy[p * page..(p + 1) * page].fill(fill);
            std::fs::write(&db, &copy).unwrap();
            let outcome = guard_never_silently_clear(&db, &listed_numbers, &blocked);
            *outcomes.entry(outcome).or_default() += 1;
            let _ = std::fs::remove_file(&db);
        }
    }
    eprintln!("corruption outcomes over {pages} pages: {outcomes:?}");
    let caught = outcomes.get("refused").copied().unwrap_or(0)
        + outcomes.get("degraded").copied().unwrap_or(0);
    assert!(caught > 0);
    // Store::verify reads everything: it finds at least what lookups found.
    let mut verify_caught = 0;
    for p in 0..pages {
        let db = dir.join(format!("v{p}.db"));
        let mut copy = bytes.clone();
        copy[p * page + 100..(p + 1) * page].fill(0xA5);
        std::fs::write(&db, &copy).unwrap();
        match Store::open_existing(&db, key(3).as_ref()) {
            Err(e) => {
                assert!(e.is_damage(), "page {p}: {e}");
                verify_caught += 1;
            }
            Ok(store) => {
                if let Err(e) = store.verify() {
                    assert!(e.is_damage(), "page {p}: {e}");
                    verify_caught += 1;
                }
            }
        }
        let _ = std::fs::remove_file(&db);
        let _ = std::fs::remove_file(wal_path(&db));
        let _ = std::fs::remove_file(shm_path(&db));
    }
    eprintln!("verify caught {verify_caught} of {pages} overwritten pages");
    assert!(verify_caught >= caught.min(pages));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn truncation_is_detected_never_a_silent_clear() {
    let dir = tmp("truncate");
    let reference = dir.join("ref.db");
    let (listed_numbers, blocked) = build_reference(&reference);
    let bytes = std::fs::read(&reference).unwrap();
    let len = bytes.len();
    let mut cuts: Vec<usize> = vec![
        0,
        1,
        50,
        99,
        100,
        512,
        4096,
        4097,
        len / 2,
        len - 4096,
        len - 1,
    ];
    cuts.extend((1..20).map(|i| len * i / 20));
    for cut in cuts {
        let db = dir.join(format!("t{cut}.db"));
        std::fs::write(&db, &bytes[..cut]).unwrap();
        match Store::open_existing(&db, key(3).as_ref()) {
            Err(e) => assert!(e.is_damage(), "cut at {cut}: {e}"),
            Ok(_) => panic!("cut at {cut} of {len} opened as if whole"),
        }
        let outcome = if cut % 7 == 0 || cut == len / 2 {
            guard_never_silently_clear(&db, &listed_numbers, &blocked)
        } else {
            never_silently_clear(&db, &listed_numbers, &blocked)
        };
        assert_ne!(outcome, "intact", "cut at {cut}");
        let _ = std::fs::remove_file(&db);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- crash safety -----------------------------------------------------

const CHILD_ENV: &str = "FANZHA_STORE_CRASH_CHILD";
const FULL_N: u64 = 6000;
const DELTA_N: u64 = 400;

fn number_of(version: u64, i: u64) -> String {
    format!("+86{:011}", 13_000_000_000 + version * 100_000 + i)
}

/// The change that takes the store from `version - 1` to `version`: odd
/// versions are full feeds, even ones deltas that remove the first DELTA_N
/// numbers of the full before and add DELTA_N of their own.
fn change_for(version: u64) -> FeedChange<'static> {
    let label = format!("v{version}");
    if version % 2 == 1 {
        FeedChange::full("crash", version, 0, i64::MAX).with_entries(
            (0..FULL_N).map(move |i| listed(ListKind::Number, &number_of(version, i), &label)),
        )
    } else {
        FeedChange::delta("crash", version, version - 1, 0, i64::MAX)
            .with_entries(
                (0..DELTA_N).map(move |i| listed(ListKind::Number, &number_of(version, i), &label)),
            )
            .with_removals(
                (0..DELTA_N).map(move |i| removal(ListKind::Number, &number_of(version - 1, i))),
            )
    }
}

/// Asserts the store is exactly at `version`.
fn assert_at_version(store: &Store, version: u64) {
    let loaded = store.load().unwrap();
    let idx = &loaded.index;
    let label = |n: &str| idx.lookup(ListKind::Number, n).map(|e| e.label);
    if version == 0 {
        assert!(idx.is_empty());
        return;
    }
    if version % 2 == 1 {
        assert_eq!(label(&number_of(version, 0)), Some(format!("v{version}")));
        assert_eq!(
            label(&number_of(version, FULL_N - 1)),
            Some(format!("v{version}"))
        );
        if version > 2 {
            assert_eq!(
                label(&number_of(version - 1, 0)),
                None,
                "previous delta gone"
            );
            assert_eq!(
                label(&number_of(version - 2, FULL_N - 1)),
                None,
                "previous full gone"
            );
        }
    } else {
        assert_eq!(
            label(&number_of(version - 1, 0)),
            None,
            "removed by the delta"
        );
        assert_eq!(
            label(&number_of(version - 1, FULL_N - 1)),
            Some(format!("v{}", version - 1))
        );
        assert_eq!(
            label(&number_of(version, DELTA_N - 1)),
            Some(format!("v{version}"))
        );
    }
    assert_eq!(idx.health(), fanzha_core::blocklist::IndexHealth::Ok);
}

/// The child: applies changes forever (until killed).
#[test]
#[ignore = "run by crash_mid_write_leaves_the_previous_state"]
fn crash_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let store = Store::open(&path, key(4).as_ref()).unwrap();
    loop {
        let v = store.feed_state("crash").unwrap().map_or(0, |s| s.version);
        store.apply_feed(change_for(v + 1)).unwrap();
        store
            .add_report(NewReport {
                kind: Kind::Number,
                value: number_of(v, 1),
                fraud_type: None,
                note: String::new(),
                category: fanzha_core::store::ReportCategory::Scam,
            })
            .unwrap();
    }
}

#[test]
fn crash_mid_write_leaves_the_previous_state() {
    let dir = tmp("crash");
    let db = dir.join("s.db");
    let mut seed = 12345u64;
    let mut versions_seen = std::collections::BTreeSet::new();
    let version_now = |db: &Path| -> Option<u64> {
        let store = Store::open_existing(db, key(4).as_ref()).ok()?;
        Some(store.feed_state("crash").ok()??.version)
    };
    for round in 0..6 {
        let before = version_now(&db).unwrap_or(0);
        let mut child =
            common::spawn_child_test("crash_child", CHILD_ENV, &db, std::process::Stdio::null());
        // Let the child commit at least once (however slow the machine),
        // then kill it at a random moment of the writes that follow.
        let mut waited = 0;
        while version_now(&db).unwrap_or(0) == before {
            assert!(waited < 6000, "the child made no progress in 120 s");
            std::thread::sleep(std::time::Duration::from_millis(20));
            waited += 1;
        }
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(std::time::Duration::from_millis((seed >> 33) % 400));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let store = Store::open_existing(&db, key(4).as_ref())
            .unwrap_or_else(|e| panic!("round {round}: store does not open after a kill: {e}"));
        let version = store.feed_state("crash").unwrap().map_or(0, |s| s.version);
        assert_at_version(&store, version);
        store.verify().unwrap();
        versions_seen.insert(version);
    }
    eprintln!("versions after kills: {versions_seen:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- concurrency --------------------------------------------------------

#[test]
fn readers_never_wait_for_a_writer() {
    let dir = tmp("readers");
    let db = dir.join("s.db");
    let store = Arc::new(Store::open(&db, key(5).as_ref()).unwrap());
    store.apply_feed(change_for(1)).unwrap();
    store
        .add_report(NewReport {
            kind: Kind::Number,
            value: "+8613800000000".into(),
            fraud_type: None,
            note: String::new(),
            category: fanzha_core::store::ReportCategory::Scam,
        })
        .unwrap();

    // A writer stopped in the middle of its transaction (its entry source
    // blocks) while readers read.
    let (reached_tx, reached_rx) = std::sync::mpsc::channel::<()>();
    let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
    let writer_store = store.clone();
    let writer = std::thread::spawn(move || {
        let mut sent = false;
        let entries = (0..FULL_N).map(move |i| {
            if i == FULL_N / 2 && !sent {
                sent = true;
                reached_tx.send(()).unwrap();
                go_rx.recv().unwrap();
            }
            Ok(listed(ListKind::Number, &number_of(3, i), "v3"))
        });
        let mut change = FeedChange::full("crash", 3, 0, i64::MAX);
        change.entries = Box::new(entries);
        writer_store.apply_feed(change).unwrap();
    });
    reached_rx.recv().unwrap();
    // The write transaction is open now. Readers, in other threads, must
    // finish; a deadlock would show as a timeout here.
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let reader_store = store.clone();
    let db2 = db.clone();
    std::thread::spawn(move || {
        assert_at_version(&reader_store, 1);
        assert_eq!(reader_store.reports(false).unwrap().len(), 1);
        assert_eq!(
            reader_store.feed_state("crash").unwrap().unwrap().version,
            1
        );
        // Another process-like reader: a second handle on the file.
        let other = Store::open_existing(&db2, key(5).as_ref()).unwrap();
        assert_at_version(&other, 1);
        done_tx.send(()).unwrap();
    });
    done_rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("readers blocked by an open write transaction");
    go_tx.send(()).unwrap();
    writer.join().unwrap();
    assert_at_version(&store, 3);

    // Many readers while many writes commit: each read sees one version.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let s = store.clone();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut reads = 0;
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    let loaded = s.load().unwrap();
                    let v = loaded.feeds[0].version;
                    let idx = &loaded.index;
                    // A loaded index answers for its own version while newer
                    // versions commit — or, once an apply has replaced the
                    // data it points to, says it is outdated (never a
                    // silent miss).
                    let want = if v % 2 == 1 { v } else { v - 1 };
                    match idx.lookup(ListKind::Number, &number_of(want, FULL_N - 1)) {
                        Some(e) => assert_eq!(e.label, format!("v{want}")),
                        None => {
                            assert_eq!(idx.health(), fanzha_core::blocklist::IndexHealth::Outdated)
                        }
                    }
                    reads += 1;
                }
                reads
            })
        })
        .collect();
    for v in 4..=8 {
        store.apply_feed(change_for(v)).unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for r in readers {
        assert!(r.join().unwrap() > 0);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_guard_keeps_its_generation_until_refresh() {
    let dir = tmp("outdated");
    let db = dir.join("s.db");
    let k = key(6);
    let guard = Guard::open(settings(), &db, k.clone()).unwrap();
    let other = Store::open_existing(&db, k.as_ref()).unwrap();
    other.apply_feed(change_for(1)).unwrap();
    assert!(guard.refresh().unwrap(), "another handle applied a feed");
    assert!(!guard.refresh().unwrap(), "nothing changed since");
    let ctx = NumberContext::default();
    let hit = number_of(1, 5);
    assert!(guard
        .check_number(&hit, &ctx)
        .unwrap()
        .has_reason("number.blocklisted"));
    // Another handle replaces the feed and deletes the rows this guard's
    // snapshot was loaded from: the guard still reads its own generation,
    // completely, and says nothing is wrong.
    other.apply_feed(change_for(2)).unwrap();
    other.apply_feed(change_for(3)).unwrap();
    let v = guard.check_number(&hit, &ctx).unwrap();
    assert!(v.has_reason("number.blocklisted"), "{v:?}");
    assert_eq!(v.protection, Protection::Full);
    assert_eq!(v.feed_version, "crash@1");
    // Checks never reload by themselves; `refresh` moves to version 3.
    assert!(guard.refresh().unwrap());
    let v = guard.check_number(&number_of(3, 5), &ctx).unwrap();
    assert!(v.has_reason("number.blocklisted"), "{v:?}");
    assert!(!v.has_reason("store.unavailable"));
    assert_eq!(v.protection, Protection::Full);
    assert_eq!(v.feed_version, "crash@3");
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- migrations ---------------------------------------------------------

fn schema_of(db: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .map(|(n, s)| (n, s.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    rows
}

const FIXTURE_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-v1.db");
const FIXTURE_V1_KEY: [u8; 32] = [0x11; 32];

#[test]
fn migrates_a_version_1_store() {
    let dir = tmp("migrate");
    let db = dir.join("old.db");
    std::fs::copy(FIXTURE_V1, &db).unwrap();
    let k: Arc<dyn KeyProvider> = Arc::new(FileKeyProvider::from_bytes(&FIXTURE_V1_KEY));
    let store = Store::open_existing(&db, k.as_ref()).unwrap();
    assert_eq!(store.found_schema_version(), 1);
    drop(store);
    let fresh = dir.join("fresh.db");
    drop(Store::open(&fresh, k.as_ref()).unwrap());
    assert_eq!(schema_of(&db), schema_of(&fresh));

    // The old data reads back, and the new tables work.
    let guard = Guard::open(settings(), &db, k.clone()).unwrap();
    assert!(guard.store_problem().is_none());
    let ctx = NumberContext::default();
    let v = guard.check_number("+8613812345678", &ctx).unwrap();
    assert!(v.has_reason("number.user_blocked"), "{v:?}");
    let v = guard.check_number("+8613900001111", &ctx).unwrap();
    assert!(v.has_reason("number.blocklisted"), "{v:?}");
    assert_eq!(v.feed_version, "fixture@1");
    let store = guard.store().unwrap();
    let reports = store.reports(false).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].note, "fixture report");
    let history = StoreHistory::load(store.clone()).unwrap();
    history.record(&PayeeKey::of("X"), "CNY", 100, 1).unwrap();
    store.verify().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes `tests/fixtures/store-v1.db`: a store as schema version 1 wrote
/// it (version 2 only added the `payees` and `events` tables). Run with
/// `FANZHA_WRITE_FIXTURES=1 cargo test -p fanzha-core --test store_safety
/// write_v1_fixture -- --ignored`.
#[test]
#[ignore = "writes the fixture"]
fn write_v1_fixture() {
    if std::env::var("FANZHA_WRITE_FIXTURES").is_err() {
        return;
    }
    let _ = std::fs::remove_file(FIXTURE_V1);
    let k = FileKeyProvider::from_bytes(&FIXTURE_V1_KEY);
    {
        let store = Store::open(FIXTURE_V1, &k).unwrap();
        store
            .set_rule(ListKind::Number, "+8613812345678", RuleAction::Block)
            .unwrap();
        store
            .add_report(NewReport {
                kind: Kind::Number,
                value: "+8613812345678".into(),
                fraud_type: Some(FraudType::ImpersonateAuthority),
                note: "fixture report".into(),
                category: fanzha_core::store::ReportCategory::Scam,
            })
            .unwrap();
        store
            .apply_feed(
                FeedChange::full("fixture", 1, 0, i64::MAX).with_entries(vec![listed(
                    ListKind::Number,
                    "+8613900001111",
                    "fixture",
                )]),
            )
            .unwrap();
        store.checkpoint().unwrap();
    }
    let conn = rusqlite::Connection::open(FIXTURE_V1).unwrap();
    conn.execute_batch(
        "DROP TABLE payees; DROP TABLE events; PRAGMA user_version = 1;
         PRAGMA journal_mode = DELETE; VACUUM;",
    )
    .unwrap();
}
