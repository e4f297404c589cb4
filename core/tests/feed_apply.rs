//! Feeds applied to the encrypted store through the guard: every refused
//! feed leaves the store exactly as it was; an expired feed protects but is
//! stale; key rotation is remembered; and end to end, a feed's numbers,
//! links and accounts turn their checks dangerous, and a delta removing
//! them turns them back.

#![allow(clippy::inconsistent_digit_grouping)]

use fanzha_core::blocklist::{ListEntry, ListKind};
use fanzha_core::clock::ManualClock;
use fanzha_core::feed::{
    canonical, FeedError, FeedMeta, FeedWriter, Limits, PublisherKey, Rotation, RuleKind,
    TrustedKeys, HEADER_LEN,
};
use fanzha_core::payment::{AccountKind, PaymentIntent};
use fanzha_core::store::{FileKeyProvider, Store, StoreError};
use fanzha_core::{Error, FraudType, Guard, Lang, Level, NumberContext, Settings, Snapshot};
use std::io::Cursor;
use std::sync::Arc;

const DAY: i64 = 86_400_000;
const NOW: i64 = 1_800_000_000_000;

const NUMBER: &str = "138 0013 8000";
const LINK: &str = "http://login.bank-verify.example/secure";
const ACCOUNT: &str = "6222 0212 3456 7890 128";

fn entry(fraud_type: FraudType, label: &str) -> ListEntry {
    ListEntry {
        category: "fraud".into(),
        fraud_type,
        severity: 90,
        reports: 42,
        label: label.into(),
        confirmed: false,
        match_bits: 0,
    }
}

fn numbers_rules() -> fanzha_core::number::NumberRules {
    Snapshot::embedded().unwrap().numbers
}

/// The three values, canonical.
fn canon() -> [(ListKind, String, ListEntry); 3] {
    let rules = numbers_rules();
    [
        (
            ListKind::Number,
            canonical::number(&rules, "CN", NUMBER).unwrap(),
            entry(FraudType::ImpersonateAuthority, "冒充公检法"),
        ),
        (
            ListKind::Url,
            canonical::url_expression(LINK).unwrap(),
            entry(FraudType::Phishing, "仿冒银行"),
        ),
        (
            ListKind::Account,
            canonical::account(&rules, "CN", ACCOUNT).unwrap(),
            entry(FraudType::RebateTask, "刷单收款账户"),
        ),
    ]
}

fn build(
    key: &PublisherKey,
    meta: FeedMeta,
    fill: impl FnOnce(&mut FeedWriter<Cursor<Vec<u8>>>),
) -> Vec<u8> {
    let mut w = FeedWriter::new(Cursor::new(Vec::new()), meta).unwrap();
    fill(&mut w);
    w.finish(key).unwrap().0.into_inner()
}

/// Full v1: the three values plus filler numbers.
fn full_v1(key: &PublisherKey) -> Vec<u8> {
    build(
        key,
        FeedMeta::full("cn-test", 1, NOW - DAY, NOW + 7 * DAY),
        |w| {
            for (kind, value, e) in canon() {
                w.entry(kind, &value, &e).unwrap();
            }
            for i in 0..500 {
                let n = format!("+86139{:08}", i);
                w.entry(ListKind::Number, &n, &entry(FraudType::Other, ""))
                    .unwrap();
            }
        },
    )
}

/// Delta v1 → v2 removing the three values.
fn delta_v2(key: &PublisherKey) -> Vec<u8> {
    build(
        key,
        FeedMeta::delta("cn-test", 2, 1, NOW, NOW + 7 * DAY),
        |w| {
            for (kind, value, _) in canon() {
                w.removal_of(kind, &value).unwrap();
            }
        },
    )
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    guard: Guard,
    clock: Arc<ManualClock>,
    key: PublisherKey,
}

fn provider() -> Arc<FileKeyProvider> {
    Arc::new(FileKeyProvider::from_bytes(&[5; 32]))
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut guard = Guard::open(
        Settings {
            region: "CN".into(),
            lang: Lang::En,
        },
        &path,
        provider(),
    )
    .unwrap();
    let clock = Arc::new(ManualClock::new(NOW));
    guard.set_clock(clock.clone());
    Fixture {
        _dir: dir,
        path,
        guard,
        clock,
        key: PublisherKey::generate().unwrap(),
    }
}

impl Fixture {
    fn trust(&self) -> TrustedKeys {
        TrustedKeys::new([self.key.public_key()])
    }

    fn apply(&self, bytes: &[u8]) -> Result<fanzha_core::feed::Applied, Error> {
        self.guard.apply_feed(bytes, &self.trust())
    }

    /// What the store holds, read from a fresh handle: feed states, counts,
    /// segments.
    fn fingerprint(&self) -> String {
        let store = Store::open_existing(&self.path, provider().as_ref()).unwrap();
        let s = store.status().unwrap();
        format!("{:?} {:?} {}", s.feeds, s.entries, s.segments)
    }
}

fn feed_err(r: Result<fanzha_core::feed::Applied, Error>) -> FeedError {
    match r {
        Err(Error::Feed(e)) => e,
        Err(other) => panic!("not a feed error: {other}"),
        Ok(_) => panic!("accepted"),
    }
}

#[test]
fn end_to_end_numbers_links_accounts_then_a_delta_removes_them() {
    let f = fixture();
    let ctx = NumberContext::default();
    let payment = PaymentIntent::new(ACCOUNT, AccountKind::Card, 100_00, "CNY");
    // Before: nothing listed.
    assert_ne!(
        f.guard.check_number(NUMBER, &ctx).unwrap().level,
        Level::Dangerous
    );
    assert!(!f
        .guard
        .check_payment(&payment)
        .unwrap()
        .has_reason("payment.blocklisted"));

    let applied = f.apply(&full_v1(&f.key)).unwrap();
    assert_eq!(applied.header.version, 1);
    assert!(!applied.stale);
    assert_eq!(applied.outcome.entries.numbers, 501);

    let v = f.guard.check_number(NUMBER, &ctx).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{v:?}");
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
    assert!(v
        .reasons
        .iter()
        .any(|r| r.code == "number.blocklisted" && r.detail.contains("冒充公检法")));
    assert_eq!(v.feed_version, "cn-test@1");

    let v = f.guard.check_payment(&payment).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{v:?}");
    assert_eq!(v.fraud_type, Some(FraudType::RebateTask));
    assert!(v
        .reasons
        .iter()
        .any(|r| r.code == "payment.blocklisted" && r.detail.contains("刷单收款账户")));

    let v = f.guard.check_link(LINK).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{v:?}");
    assert_eq!(v.fraud_type, Some(FraudType::Phishing));
    assert!(
        v.reasons
            .iter()
            .any(|r| r.code == "link.blocklisted" && r.detail.contains("仿冒银行")),
        "{v:?}"
    );

    // The delta removes all three.
    let applied = f.apply(&delta_v2(&f.key)).unwrap();
    assert_eq!(applied.outcome.removed, 3);
    let v = f.guard.check_number(NUMBER, &ctx).unwrap();
    assert!(!v.has_reason("number.blocklisted"), "{v:?}");
    assert_ne!(v.level, Level::Dangerous);
    assert_eq!(v.feed_version, "cn-test@2");
    assert!(!f
        .guard
        .check_payment(&payment)
        .unwrap()
        .has_reason("payment.blocklisted"));
    assert!(!f
        .guard
        .check_link(LINK)
        .unwrap()
        .has_reason("link.blocklisted"));
    // The filler is still there.
    let v = f.guard.check_number("+8613900000007", &ctx).unwrap();
    assert!(v.has_reason("number.blocklisted"));
}

#[test]
fn refused_feeds_leave_the_store_unchanged() {
    let f = fixture();
    f.apply(&full_v1(&f.key)).unwrap();
    let before = f.fingerprint();
    let ctx = NumberContext::default();
    let listed = |g: &Guard| {
        g.check_number(NUMBER, &ctx)
            .unwrap()
            .has_reason("number.blocklisted")
    };
    assert!(listed(&f.guard));

    let good = delta_v2(&f.key);
    let prefix = HEADER_LEN + 72;
    let mut refused = 0;
    let mut check = |bytes: &[u8], what: &str| {
        let e = feed_err(f.apply(bytes));
        assert!(!e.to_string().contains("13800138000"), "{what}: {e}");
        refused += 1;
    };

    // Every single-bit flip in header and signature.
    for i in 0..prefix {
        for bit in 0..8 {
            let mut m = good.clone();
            m[i] ^= 1 << bit;
            check(&m, "header/signature flip");
        }
    }
    // Flips spread over the body.
    for i in (prefix..good.len()).step_by(7) {
        let mut m = good.clone();
        m[i] ^= 0x10;
        assert!(matches!(feed_err(f.apply(&m)), FeedError::BodyHash));
    }
    // Truncation at many lengths.
    for len in (0..good.len()).step_by(5) {
        check(&good[..len], "truncated");
    }
    // Untrusted key.
    let stranger = PublisherKey::generate().unwrap();
    assert!(matches!(
        feed_err(f.apply(&delta_v2(&stranger))),
        FeedError::UntrustedKey(_)
    ));
    // Older and same version.
    let old = build(&f.key, FeedMeta::full("cn-test", 1, NOW, NOW + DAY), |_| {});
    assert!(matches!(
        feed_err(f.apply(&old)),
        FeedError::Rollback {
            current: 1,
            offered: 1
        }
    ));
    // Delta on the wrong base.
    let wrong = build(
        &f.key,
        FeedMeta::delta("cn-test", 5, 4, NOW, NOW + DAY),
        |_| {},
    );
    assert!(matches!(
        feed_err(f.apply(&wrong)),
        FeedError::WrongBase {
            base: 4,
            current: Some(1)
        }
    ));
    // Rules that don't load.
    let bad_rules = build(&f.key, FeedMeta::full("cn-test", 9, NOW, NOW + DAY), |w| {
        w.rules(RuleKind::Scoring, r#"{"suspicious_at": 0}"#)
            .unwrap();
    });
    assert!(matches!(
        feed_err(f.apply(&bad_rules)),
        FeedError::Rules { .. }
    ));
    // Oversized: declared over the caps (through the library with small
    // limits, as a phone with less room would set them).
    let store = f.guard.store().unwrap();
    let small = Limits {
        max_entries: 2,
        ..Limits::default()
    };
    let e = fanzha_core::feed::apply(store, &full_v1(&f.key), &f.trust(), &small, NOW).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Feed(FeedError::TooLarge {
                what: "entries",
                ..
            })
        ),
        "{e}"
    );

    assert!(refused > 1000);
    assert_eq!(f.fingerprint(), before, "a refused feed changed the store");
    assert!(listed(&f.guard));
    // And the good delta still applies afterwards…
    f.apply(&good).unwrap();
    assert!(!listed(&f.guard));
    // …after which the older full feed is a rollback.
    let after = f.fingerprint();
    assert!(matches!(
        feed_err(f.apply(&full_v1(&f.key))),
        FeedError::Rollback {
            current: 2,
            offered: 1
        }
    ));
    assert_eq!(f.fingerprint(), after);
}

#[test]
fn a_feeds_rules_replace_the_embedded_default_of_that_kind() {
    let f = fixture();
    let ctx = NumberContext::default();
    let mut moderate = entry(FraudType::FakeLoan, "网贷");
    moderate.severity = 50;
    let embedded = include_str!("../data/scoring.json");
    let stricter = embedded.replace("\"dangerous_at\": 70", "\"dangerous_at\": 45");
    assert_ne!(
        stricter, embedded,
        "scoring.json changed shape; update this test"
    );

    // v1: the entry alone — suspicious under the embedded thresholds.
    let v1 = build(&f.key, FeedMeta::full("cn-test", 1, NOW, NOW + DAY), |w| {
        w.entry(ListKind::Number, "+8613800138000", &moderate)
            .unwrap();
    });
    f.apply(&v1).unwrap();
    assert_eq!(
        f.guard.check_number(NUMBER, &ctx).unwrap().level,
        Level::Suspicious
    );

    // v2 (delta) carries stricter scoring: the same entry is now dangerous.
    let v2 = build(
        &f.key,
        FeedMeta::delta("cn-test", 2, 1, NOW, NOW + DAY),
        |w| {
            w.rules(RuleKind::Scoring, &stricter).unwrap();
        },
    );
    let applied = f.apply(&v2).unwrap();
    assert_eq!(applied.outcome.rules_replaced, vec!["scoring".to_string()]);
    assert_eq!(
        f.guard.check_number(NUMBER, &ctx).unwrap().level,
        Level::Dangerous
    );

    // v3 (delta) without rules keeps them.
    f.apply(&build(
        &f.key,
        FeedMeta::delta("cn-test", 3, 2, NOW, NOW + DAY),
        |_| {},
    ))
    .unwrap();
    assert_eq!(
        f.guard.check_number(NUMBER, &ctx).unwrap().level,
        Level::Dangerous
    );

    // v4 (full) without rules returns scoring to the embedded default.
    let v4 = build(&f.key, FeedMeta::full("cn-test", 4, NOW, NOW + DAY), |w| {
        w.entry(ListKind::Number, "+8613800138000", &moderate)
            .unwrap();
    });
    f.apply(&v4).unwrap();
    assert_eq!(
        f.guard.check_number(NUMBER, &ctx).unwrap().level,
        Level::Suspicious
    );
}

#[test]
fn expired_feed_protects_but_every_verdict_is_stale() {
    let f = fixture();
    let expired = build(
        &f.key,
        FeedMeta::full("cn-test", 1, NOW - 10 * DAY, NOW - DAY),
        |w| {
            for (kind, value, e) in canon() {
                w.entry(kind, &value, &e).unwrap();
            }
        },
    );
    let applied = f.apply(&expired).unwrap();
    assert!(applied.stale);
    assert!(f.guard.is_stale());
    let v = f
        .guard
        .check_number(NUMBER, &NumberContext::default())
        .unwrap();
    assert_eq!(v.level, Level::Dangerous, "still protects");
    assert!(v.has_reason("feed.stale"));
    assert!(f
        .guard
        .check_number("95588", &NumberContext::default())
        .unwrap()
        .has_reason("feed.stale"));

    // A fresh feed ends the staleness.
    let fresh = build(&f.key, FeedMeta::full("cn-test", 2, NOW, NOW + DAY), |_| {});
    assert!(!f.apply(&fresh).unwrap().stale);
    assert!(!f.guard.is_stale());
    assert!(!f
        .guard
        .check_number(NUMBER, &NumberContext::default())
        .unwrap()
        .has_reason("feed.stale"));
    // …until it expires in turn, without any new apply.
    f.clock.set(NOW + DAY);
    assert!(f
        .guard
        .check_number("95588", &NumberContext::default())
        .unwrap()
        .has_reason("feed.stale"));
}

#[test]
fn key_rotation_is_remembered_and_retires_the_old_key() {
    let f = fixture();
    f.apply(&full_v1(&f.key)).unwrap();
    let new = PublisherKey::generate().unwrap();

    // v2 signed by the new key, carrying the old key's statement.
    let mut meta = FeedMeta::full("cn-test", 2, NOW, NOW + DAY);
    meta.rotations
        .push(Rotation::sign(&f.key, new.public_key(), NOW));
    let applied = f.apply(&build(&new, meta, |_| {})).unwrap();
    assert_eq!(applied.signer, new.id());
    assert_eq!(applied.retired, vec![f.key.id()]);

    // v3 by the new key alone: the store remembers it.
    f.apply(&build(
        &new,
        FeedMeta::full("cn-test", 3, NOW, NOW + DAY),
        |_| {},
    ))
    .unwrap();
    // v4 by the old key: retired, even though the app still pins it.
    let e = feed_err(f.apply(&build(
        &f.key,
        FeedMeta::full("cn-test", 4, NOW, NOW + DAY),
        |_| {},
    )));
    assert!(
        matches!(e, FeedError::UntrustedKey(id) if id == f.key.id()),
        "{e}"
    );
    assert_eq!(
        f.guard
            .store()
            .unwrap()
            .feed_state("cn-test")
            .unwrap()
            .unwrap()
            .version,
        3
    );
}

#[test]
fn no_store_is_a_store_error() {
    let guard = Guard::new(Settings::default()).unwrap();
    let key = PublisherKey::generate().unwrap();
    let e = guard
        .apply_feed(&full_v1(&key), &TrustedKeys::new([key.public_key()]))
        .unwrap_err();
    assert!(matches!(e, Error::Store(StoreError::Unavailable)), "{e}");
}
