//! The store's API end to end: apply feeds, look up, rules, reports.

use fanzha_core::blocklist::{BlockIndex, ListEntry, ListKind};
use fanzha_core::store::{
    FeedChange, FeedEntry, FeedRemoval, FileKeyProvider, NewReport, Store, StoreError,
};
use fanzha_core::{FraudType, Guard, Kind, Level, NumberContext, Settings};
use std::path::PathBuf;
use std::sync::Arc;

fn tmp(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("fanzha-store-basic-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn entry(kind: ListKind, value: &str, label: &str) -> FeedEntry {
    FeedEntry::new(
        kind,
        value,
        ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::ImpersonateAuthority,
            severity: 90,
            reports: 7,
            label: label.into(),
            confirmed: false,
            match_bits: 0,
        },
    )
}

fn removal(kind: ListKind, value: &str) -> FeedRemoval {
    FeedRemoval::new(kind, value)
}

#[test]
fn full_then_deltas() {
    let dir = tmp("deltas");
    let key = FileKeyProvider::from_bytes(&[1; 32]);
    let store = Store::open(dir.join("s.db"), &key).unwrap();
    let numbers: Vec<String> = (0..5000).map(|i| format!("+86138{:08}", i * 7)).collect();
    let change = FeedChange::full("test", 1, 0, i64::MAX).with_entries(
        numbers
            .iter()
            .map(|n| entry(ListKind::Number, n, "冒充公检法"))
            .collect::<Vec<_>>(),
    );
    let out = store.apply_feed(change).unwrap();
    assert_eq!(out.entries.numbers, 5000);
    let loaded = store.load().unwrap();
    for n in numbers.iter().step_by(97) {
        let hit = loaded.index.lookup(ListKind::Number, n).expect("listed");
        assert_eq!(hit.label, "冒充公检法");
        assert_eq!(hit.reports, 7);
    }
    assert!(loaded
        .index
        .lookup(ListKind::Number, "+8613900000000")
        .is_none());
    assert!(loaded.index.lookup(ListKind::Url, &numbers[0]).is_none());

    // Rollback and wrong base refused.
    assert!(matches!(
        store.apply_feed(FeedChange::full("test", 1, 0, i64::MAX)),
        Err(StoreError::Rollback { .. })
    ));
    assert!(matches!(
        store.apply_feed(FeedChange::delta("test", 3, 2, 0, i64::MAX)),
        Err(StoreError::BaseMismatch { .. })
    ));

    // Deltas: remove some, add some, many times (merging kicks in).
    for round in 0..6u64 {
        let version = round + 1;
        let adds: Vec<FeedEntry> = (0..300)
            .map(|i| {
                entry(
                    ListKind::Number,
                    &format!("+86139{:04}{:04}", round, i),
                    "new",
                )
            })
            .collect();
        let rems: Vec<FeedRemoval> = numbers[(round as usize * 100)..(round as usize * 100 + 100)]
            .iter()
            .map(|n| removal(ListKind::Number, n))
            .collect();
        store
            .apply_feed(
                FeedChange::delta("test", version + 1, version, 0, i64::MAX)
                    .with_entries(adds)
                    .with_removals(rems),
            )
            .unwrap();
        let loaded = store.load().unwrap();
        for r in 0..=round {
            assert!(
                loaded
                    .index
                    .lookup(ListKind::Number, &numbers[r as usize * 100 + 5])
                    .is_none(),
                "removed"
            );
            assert_eq!(
                loaded
                    .index
                    .lookup(ListKind::Number, &format!("+86139{:04}{:04}", r, 17))
                    .map(|e| e.label),
                Some("new".to_string())
            );
        }
        assert!(loaded
            .index
            .lookup(ListKind::Number, &numbers[4999])
            .is_some());
    }
    store.compact().unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.index.count(ListKind::Number), 5000 - 600 + 1800);
    store.verify().unwrap();
}

#[test]
fn guard_uses_store_and_user_rules() {
    let dir = tmp("guard");
    let path = dir.join("s.db");
    let key: Arc<dyn fanzha_core::store::KeyProvider> =
        Arc::new(FileKeyProvider::from_bytes(&[2; 32]));
    {
        let store = Store::open(&path, key.as_ref()).unwrap();
        store
            .apply_feed(
                FeedChange::full("t", 5, 0, i64::MAX).with_entries(vec![entry(
                    ListKind::Number,
                    "+8613812345678",
                    "x",
                )]),
            )
            .unwrap();
    }
    let settings = Settings {
        lang: fanzha_core::Lang::En,
        ..Settings::default()
    };
    let guard = Guard::open(settings, &path, key.clone()).unwrap();
    let ctx = NumberContext::default();
    let v = guard.check_number("138 1234 5678", &ctx).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{v:?}");
    assert!(v.has_reason("number.blocklisted"));
    assert_eq!(v.feed_version, "t@5");

    let v = guard.check_number("13900001111", &ctx).unwrap();
    assert_eq!(v.level, Level::Clear);
    guard.block(ListKind::Number, "139 0000 1111").unwrap();
    let v = guard.check_number("+86 139-0000-1111", &ctx).unwrap();
    assert_eq!(v.level, Level::Dangerous);
    assert_eq!(v.action, fanzha_core::Action::Block);
    assert!(v.has_reason("number.user_blocked"));
    assert_eq!(v.title, "You blocked this number");

    guard.allow(ListKind::Number, "13812345678").unwrap();
    let v = guard.check_number("13812345678", &ctx).unwrap();
    assert_eq!(v.level, Level::Trusted);
    assert!(v.has_reason("number.user_allowed"));

    // Rules survive reopening.
    drop(guard);
    let guard = Guard::open(Settings::default(), &path, key).unwrap();
    let v = guard.check_number("13900001111", &ctx).unwrap();
    assert!(v.has_reason("number.user_blocked"));
    assert!(guard.remove_rule(ListKind::Number, "13900001111").unwrap());
    let v = guard.check_number("13900001111", &ctx).unwrap();
    assert_eq!(v.level, Level::Clear);

    // Reports.
    let store = guard.store().unwrap();
    let id = store
        .add_report(NewReport {
            kind: Kind::Number,
            value: "13900001111".into(),
            fraud_type: Some(FraudType::ImpersonateAuthority),
            note: "said he was police".into(),
            category: fanzha_core::store::ReportCategory::Scam,
        })
        .unwrap();
    assert_eq!(store.reports(true).unwrap().len(), 1);
    assert_eq!(store.mark_uploaded(&[id]).unwrap(), 1);
    assert_eq!(store.reports(true).unwrap().len(), 0);
    let json = store.export_reports(false).unwrap();
    assert!(json.contains("said he was police"));
    assert!(store.delete_report(id).unwrap());
    assert!(store.reports(false).unwrap().is_empty());
}

#[test]
fn user_rules_reach_links_payments_and_messages() {
    let dir = tmp("kinds");
    let key: Arc<dyn fanzha_core::store::KeyProvider> =
        Arc::new(FileKeyProvider::from_bytes(&[3; 32]));
    let settings = Settings {
        lang: fanzha_core::Lang::En,
        ..Settings::default()
    };
    let guard = Guard::open(settings, dir.join("s.db"), key).unwrap();
    // Links: a blocked host covers its subdomains and paths. (The host
    // reads clear before: `login.` on `.top` would read dangerous by the
    // link model alone.)
    assert_ne!(
        guard
            .check_link("https://www.blocked-example.top/a?b=c")
            .unwrap()
            .level,
        Level::Dangerous
    );
    guard.block(ListKind::Url, "blocked-example.top").unwrap();
    let v = guard
        .check_link("https://www.blocked-example.top/a?b=c")
        .unwrap();
    assert_eq!(v.level, Level::Dangerous, "{v:?}");
    assert_eq!(v.action, fanzha_core::Action::Block);
    assert!(v.has_reason("link.user_blocked"));
    assert_eq!(v.title, "You blocked this website");
    guard
        .allow(ListKind::Url, "https://www.trusted-example.cn/")
        .unwrap();
    let v = guard.check_link("http://www.trusted-example.cn/x").unwrap();
    assert_eq!(v.level, Level::Trusted, "{v:?}");
    assert!(v.has_reason("link.user_allowed"));

    // A message carrying a blocked number.
    guard.block(ListKind::Number, "13812345678").unwrap();
    let v = guard
        .check_message(None, "请回电 13812345678 领取包裹")
        .unwrap();
    assert_eq!(v.level, Level::Dangerous, "{v:?}");
    assert!(v.has_reason("message.user_blocked"), "{v:?}");

    // Payments to a blocked payee.
    guard
        .block(ListKind::Account, "6222 0212 3456 7890 128")
        .unwrap();
    let intent: fanzha_core::payment::PaymentIntent = serde_json::from_value(serde_json::json!({
        "account": "6222021234567890128",
        "account_kind": "card",
        "amount_minor": 10000,
        "currency": "CNY"
    }))
    .unwrap();
    let v = guard.check_payment(&intent).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{v:?}");
    assert!(v.has_reason("payment.user_blocked"), "{v:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lookups_agree_however_many_segments_a_kind_has() {
    // Three feeds, each a base and then deltas (kept up to two before a
    // merge): from one to nine segments of numbers, past the index's inline
    // filters (six), with additions, removals and a value listed by two
    // feeds at different severities.
    let dir = tmp("many-segments");
    let key = FileKeyProvider::from_bytes(&[5; 32]);
    let store = Store::open(dir.join("s.db"), &key).unwrap();
    let listed = |feed: usize, round: usize, i: usize| format!("+86137{feed}{round:03}{i:04}");
    let shared = "+8618600000001";
    let with_severity = |value: &str, severity: u8| {
        let mut e = entry(ListKind::Number, value, "x");
        e.entry.severity = severity;
        e
    };
    let mut present: Vec<String> = Vec::new();
    let mut gone: Vec<String> = Vec::new();
    let check = |present: &[String], gone: &[String], most: u8| {
        let loaded = store.load().unwrap();
        let index = &loaded.index;
        for v in present {
            assert!(index.lookup(ListKind::Number, v).is_some(), "{v} listed");
        }
        for v in gone {
            assert!(index.lookup(ListKind::Number, v).is_none(), "{v} removed");
        }
        assert_eq!(
            index.lookup(ListKind::Number, shared).map(|e| e.severity),
            Some(most)
        );
        let refs: Vec<&str> = gone.iter().map(String::as_str).collect();
        assert!(index.lookup_most_severe(ListKind::Number, &refs).is_none());
        let mut refs: Vec<&str> = present.iter().map(String::as_str).collect();
        refs.push(shared);
        assert_eq!(
            index
                .lookup_most_severe(ListKind::Number, &refs)
                .map(|e| e.severity),
            Some(most.max(90))
        );
        for i in 0..200 {
            let stranger = format!("+8613300{i:06}");
            assert!(index.lookup(ListKind::Number, &stranger).is_none());
        }
    };
    for (feed, id) in ["a", "b", "c"].into_iter().enumerate() {
        let adds: Vec<String> = (0..500).map(|i| listed(feed, 0, i)).collect();
        let severity = if feed == 1 { 95 } else { 80 };
        store
            .apply_feed(
                FeedChange::full(id, 1, 0, i64::MAX).with_entries(
                    adds.iter()
                        .map(|v| entry(ListKind::Number, v, "x"))
                        .chain([with_severity(shared, severity)])
                        .collect::<Vec<_>>(),
                ),
            )
            .unwrap();
        present.extend(adds);
        let most = if feed == 0 { 80 } else { 95 };
        check(&present, &gone, most);
        for round in 1..=2usize {
            let adds: Vec<String> = (0..20).map(|i| listed(feed, round, i)).collect();
            let removed = listed(feed, 0, round);
            store
                .apply_feed(
                    FeedChange::delta(id, round as u64 + 1, round as u64, 0, i64::MAX)
                        .with_entries(
                            adds.iter()
                                .map(|v| entry(ListKind::Number, v, "x"))
                                .collect::<Vec<_>>(),
                        )
                        .with_removals([removal(ListKind::Number, &removed)]),
                )
                .unwrap();
            present.retain(|v| *v != removed);
            present.extend(adds);
            gone.push(removed);
            check(&present, &gone, most);
        }
    }
}
