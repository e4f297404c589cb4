//! The warning audit log, decisions and "not a scam" through the public
//! API, on a real store file (issue 20).

// Amounts are written as major_minor (20_000_00 = 20000.00 CNY).
#![allow(clippy::inconsistent_digit_grouping)]

use fanzha_core::payment::{AccountKind, CallContext, NameCheck, NameCheckResult};
use fanzha_core::store::{FileKeyProvider, KeyProvider, ReportCategory};
use fanzha_core::{Decision, Error, Guard, Lang, Level, NumberContext, PaymentIntent, Settings};
use std::path::Path;
use std::sync::Arc;

const SPOOFED: &str = "+86 95588 0000";
const ACCOUNT: &str = "6222021234567890128";
const MESSAGE: &str = "【公安局】您涉嫌洗钱，请将资金转入安全账户配合调查 http://gov-check.top/a";

fn open(path: &Path) -> Guard {
    let keys: Arc<dyn KeyProvider> = Arc::new(FileKeyProvider::from_bytes(&[9; 32]));
    Guard::open(
        Settings {
            region: "CN".into(),
            lang: Lang::En,
        },
        path,
        keys,
    )
    .unwrap()
}

fn scam_payment() -> PaymentIntent {
    let mut i = PaymentIntent::new(ACCOUNT, AccountKind::Card, 20_000_00, "CNY");
    i.new_payee = Some(true);
    i.name_check = Some(NameCheck {
        result: NameCheckResult::NoMatch,
        returned_name: None,
    });
    i.context.call = Some(CallContext::default());
    i
}

#[test]
fn warnings_are_recorded_with_decisions_and_survive_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let (number_id, payment_id) = {
        let g = open(&db);
        let v = g.check_number(SPOOFED, &NumberContext::default()).unwrap();
        assert_eq!(v.level, Level::Dangerous);
        let number_id = v.id.clone().expect("an id on a checked verdict");
        let p = g.check_payment(&scam_payment()).unwrap();
        assert_eq!(p.level, Level::Dangerous);
        let payment_id = p.id.clone().unwrap();
        let m = g.check_message(Some("10690000"), MESSAGE).unwrap();
        assert!(m.level >= Level::Suspicious);
        // A clear verdict has an id too, but is not a recorded warning.
        let clear = g
            .check_number("+86 138 0013 8000", &NumberContext::default())
            .unwrap();
        let clear_id = clear.id.clone().expect("clear verdicts carry an id");
        assert_ne!(clear_id, number_id);
        assert!(g.record_decision(&clear_id, Decision::Cancelled).is_err());

        let rec = g.record_decision(&number_id, Decision::Cancelled).unwrap();
        assert_eq!(rec.decision, Some(Decision::Cancelled));
        g.record_decision(&payment_id, Decision::AskedForHelp)
            .unwrap();
        (number_id, payment_id)
    };
    let g = open(&db);
    let log = g.export_audit(false).unwrap();
    assert_eq!(log.len(), 3, "{log:?}");
    let n = log.iter().find(|r| r.id == number_id).unwrap();
    assert_eq!(n.decision, Some(Decision::Cancelled));
    assert_eq!(n.level, Level::Dangerous);
    assert!(n.reasons.iter().any(|c| c.starts_with("number.")));
    assert!(!n.title.is_empty() && !n.feed_version.is_empty());
    let p = log.iter().find(|r| r.id == payment_id).unwrap();
    assert_eq!(p.decision, Some(Decision::AskedForHelp));
    assert!(p.reasons.contains(&"payment.name_no_match".to_string()));
    assert!(log.iter().all(|r| r.value.is_none()));
    let json = serde_json::to_string(&log).unwrap();
    for plain in ["95588", ACCOUNT, "安全账户", "gov-check"] {
        assert!(!json.contains(plain), "{plain} in the export");
    }
    // Only on explicit request.
    let with = g.export_audit(true).unwrap();
    assert!(with.iter().any(|r| r.value.as_deref() == Some(ACCOUNT)));
    drop(g);

    // A byte scan of the store (and its WAL) finds none of the values.
    let mut bytes = std::fs::read(&db).unwrap();
    if let Ok(wal) = std::fs::read(fanzha_core::store::wal_path(&db)) {
        bytes.extend(wal);
    }
    for plain in [
        "955880000".as_bytes(),
        ACCOUNT.as_bytes(),
        "安全账户".as_bytes(),
        b"gov-check",
        b"payment.name_no_match",
    ] {
        assert!(
            !bytes.windows(plain.len()).any(|w| w == plain),
            "plaintext found in the store"
        );
    }
}

#[test]
fn not_scam_allows_the_value_and_queues_a_false_alarm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let g = open(&db);
    let v = g.check_number(SPOOFED, &NumberContext::default()).unwrap();
    assert_eq!(v.level, Level::Dangerous);
    let id = v.id.unwrap();
    let done = g.mark_not_scam(&id).unwrap();
    assert_eq!(done.allowed.as_deref(), v.normalized.as_deref());
    // Marked once only: a second call queues nothing more.
    assert!(g.mark_not_scam(&id).is_err());
    let again = g.check_number(SPOOFED, &NumberContext::default()).unwrap();
    assert_eq!(again.level, Level::Trusted, "{:?}", again.reasons);
    assert!(again.has_reason("number.user_allowed"));
    let reports = g.store().unwrap().reports(true).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].id, done.report_id);
    assert_eq!(reports[0].category, ReportCategory::FalseAlarm);
    assert!(g.export_audit(false).unwrap()[0].not_scam);

    // A payee.
    let p = g.check_payment(&scam_payment()).unwrap();
    let done = g.mark_not_scam(p.id.as_deref().unwrap()).unwrap();
    assert_eq!(done.allowed.as_deref(), Some(ACCOUNT));
    let p2 = g.check_payment(&scam_payment()).unwrap();
    assert_eq!(p2.level, Level::Trusted);
    assert_eq!(g.store().unwrap().reports(true).unwrap().len(), 2);
}

#[test]
fn bad_ids_and_guards_without_a_store_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let g = open(&dir.path().join("store.db"));
    let v = g.check_number(SPOOFED, &NumberContext::default()).unwrap();
    for bad in ["", "../x", "nope", &"a".repeat(100), "a b"] {
        assert!(g.record_decision(bad, Decision::Proceeded).is_err());
        assert!(g.mark_not_scam(bad).is_err());
    }
    // Nothing lost: the real warning is still there, undecided.
    let log = g.export_audit(false).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].id, v.id.unwrap());
    assert_eq!(log[0].decision, None);
    assert!(g.store().unwrap().reports(false).unwrap().is_empty());

    let plain = Guard::new(Settings::default()).unwrap();
    let v = plain
        .check_number(SPOOFED, &NumberContext::default())
        .unwrap();
    assert!(v.id.is_none());
    assert!(matches!(
        plain.record_decision("abc", Decision::Cancelled),
        Err(Error::Store(_))
    ));
    assert!(plain.export_audit(false).is_err());
}

/// A signed full feed listing `number` (E.164), confirmed or not.
fn feed_listing(
    key: &fanzha_core::feed::PublisherKey,
    version: u64,
    number: &str,
    confirmed: bool,
) -> Vec<u8> {
    use fanzha_core::blocklist::{ListEntry, ListKind};
    use fanzha_core::feed::{FeedMeta, FeedWriter};
    let meta = FeedMeta::full("cn-test", version, 1, i64::MAX / 2);
    let mut w = FeedWriter::new(std::io::Cursor::new(Vec::new()), meta).unwrap();
    let entry = ListEntry {
        category: "fraud".into(),
        fraud_type: fanzha_core::FraudType::ImpersonateAuthority,
        severity: 90,
        reports: 3,
        label: String::new(),
        confirmed,
        match_bits: 0,
    };
    w.entry(ListKind::Number, number, &entry).unwrap();
    w.finish(key).unwrap().0.into_inner()
}

/// Issue 20: "a later feed that lists the value again still warns" when the
/// publisher marks the entry confirmed; an unconfirmed listing yields to the
/// person's "not a scam".
#[test]
fn a_confirmed_listing_beats_not_scam_an_unconfirmed_one_yields() {
    use fanzha_core::feed::{PublisherKey, TrustedKeys};
    const LISTED: &str = "+8613912345678";
    let key = PublisherKey::generate().unwrap();
    let trust = TrustedKeys::new([key.public_key()]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let g = open(&db);
    let ctx = NumberContext::default();

    g.apply_feed(&feed_listing(&key, 1, LISTED, false), &trust)
        .unwrap();
    let v = g.check_number(LISTED, &ctx).unwrap();
    assert!(v.level >= Level::Suspicious, "{:?}", v.reasons);
    assert!(v.has_reason("number.blocklisted"));
    assert!(!v.has_reason("number.blocklist_confirmed"));
    g.mark_not_scam(v.id.as_deref().unwrap()).unwrap();
    let allowed = g.check_number(LISTED, &ctx).unwrap();
    assert_eq!(allowed.level, Level::Trusted, "{:?}", allowed.reasons);
    assert!(allowed.has_reason("number.user_allowed"));

    // The next feed lists it again, unconfirmed: the allow still holds.
    g.apply_feed(&feed_listing(&key, 2, LISTED, false), &trust)
        .unwrap();
    let v = g.check_number(LISTED, &ctx).unwrap();
    assert_eq!(v.level, Level::Trusted, "{:?}", v.reasons);

    // Confirmed by the publisher: it warns again, says why, and the allow
    // rule is still there (a later unconfirmed listing yields to it again).
    g.apply_feed(&feed_listing(&key, 3, LISTED, true), &trust)
        .unwrap();
    let v = g.check_number(LISTED, &ctx).unwrap();
    assert!(v.level >= Level::Suspicious, "{:?}", v.reasons);
    assert!(v.has_reason("number.blocklisted"));
    assert!(v.has_reason("number.blocklist_confirmed"));
    assert!(v.has_reason("number.user_allow_overridden"));
    assert!(!v.has_reason("number.user_allowed"));
    assert_ne!(v.level, Level::Trusted);

    // Survives reopen (the flag is in the store's label record).
    drop(g);
    let g = open(&db);
    let v = g.check_number(LISTED, &ctx).unwrap();
    assert!(
        v.has_reason("number.user_allow_overridden"),
        "{:?}",
        v.reasons
    );
    g.apply_feed(&feed_listing(&key, 4, LISTED, false), &trust)
        .unwrap();
    let v = g.check_number(LISTED, &ctx).unwrap();
    assert_eq!(v.level, Level::Trusted, "{:?}", v.reasons);
}

/// Issue 20 (b): warnings are written off the check path. Eight threads
/// checking at once lose none; every id can be decided right away; a
/// dropped guard has written everything it queued.
#[test]
fn queued_warnings_are_all_written_and_visible_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let ids: Vec<String> = {
        let g = Arc::new(open(&db));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let g = g.clone();
                std::thread::spawn(move || {
                    (0..40)
                        .map(|_| {
                            let v = g.check_number(SPOOFED, &NumberContext::default()).unwrap();
                            v.id.expect("every warning queued gets an id")
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let ids: Vec<String> = handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        // A decision right after the check finds its warning (the guard
        // flushes first).
        let v = g.check_number(SPOOFED, &NumberContext::default()).unwrap();
        g.record_decision(v.id.as_deref().unwrap(), Decision::Proceeded)
            .unwrap();
        // Queued but not flushed when the guard goes: the drop writes them.
        for _ in 0..20 {
            g.check_number(SPOOFED, &NumberContext::default()).unwrap();
        }
        let stats = g.audit_stats().unwrap();
        assert_eq!(stats.dropped + stats.failed, 0, "{stats:?}");
        ids
    };
    let g = open(&db);
    let log = g.export_audit(false).unwrap();
    assert_eq!(log.len(), 320 + 1 + 20);
    let logged: std::collections::HashSet<&str> = log.iter().map(|r| r.id.as_str()).collect();
    assert!(ids.iter().all(|id| logged.contains(id.as_str())));
    assert_eq!(
        log.iter()
            .filter(|r| r.decision == Some(Decision::Proceeded))
            .count(),
        1
    );
}

/// A full queue: while another connection holds the store's write lock the
/// writer can't drain it, so once it is full a check waits briefly, then
/// gives its warning no id and counts it dropped — never silently. When
/// the lock goes, everything queued is written.
#[test]
fn a_full_queue_counts_drops_and_loses_nothing_it_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let g = open(&db);
    let ctx = NumberContext::default();
    g.check_number(SPOOFED, &ctx).unwrap();
    g.flush_audit().unwrap();
    let blocker = rusqlite::Connection::open(&db).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut with_id = 1u64;
    let mut without = 0u64;
    let cap = fanzha_core::AUDIT_QUEUE_CAPACITY as u64;
    for _ in 0..cap + AUDIT_EXTRA {
        let v = g.check_number(SPOOFED, &ctx).unwrap();
        assert_eq!(v.level, Level::Dangerous, "the verdict stands");
        if v.id.is_some() {
            with_id += 1;
        } else {
            without += 1;
        }
    }
    let stats = g.audit_stats().unwrap();
    assert!(without > 0, "{stats:?}");
    assert_eq!(stats.dropped, without, "{stats:?}");
    blocker.execute_batch("COMMIT").unwrap();
    drop(blocker);
    let log = g.export_audit(false).unwrap();
    let stats = g.audit_stats().unwrap();
    assert_eq!(log.len() as u64, with_id, "{stats:?}");
    assert_eq!(stats.written, with_id);
    assert_eq!(stats.failed, 0);
    assert_eq!(stats.queued, 0);
}

/// Checks past the queue's capacity (the writer holds at most one batch of
/// 256 while blocked).
const AUDIT_EXTRA: u64 = 300;
