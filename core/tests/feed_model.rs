//! Learned models shipped in signed feeds (issue 15, item 3): a feed's
//! message or link model replaces the embedded default once applied, stays
//! across a reopen, survives a delta that doesn't carry one and goes back to
//! the default with a full feed that doesn't; a malformed, oversized, wrong
//! version or wrong kind model refuses the whole feed and changes nothing.

use fanzha_core::blocklist::{ListEntry, ListKind};
use fanzha_core::clock::ManualClock;
use fanzha_core::feed::{
    self, FeedError, FeedMeta, FeedWriter, Limits, PublisherKey, RuleKind, TrustedKeys,
};
use fanzha_core::model::{self, FeatureKind, Model, ModelError, TrainOptions};
use fanzha_core::store::{FileKeyProvider, Store};
use fanzha_core::{Error, FraudType, Guard, Lang, Settings};
use std::io::Cursor;
use std::sync::Arc;

const DAY: i64 = 86_400_000;
const NOW: i64 = 1_800_000_000_000;

/// A small trained model of `kind`; a `variant` above 0 adds a training
/// example, so two variants have different ids.
fn trained(kind: FeatureKind, variant: usize) -> Vec<u8> {
    let (fraud, benign) = match kind {
        FeatureKind::Message => (
            vec![
                "请将资金转入安全账户配合调查",
                "您涉嫌洗钱 立即转账到监管账户",
                "刷单返利 日赚300 加微信",
            ],
            vec![
                "您的快递已到驿站请取件",
                "明天下午三点开会",
                "妈妈晚上回家吃饭吗",
            ],
        ),
        FeatureKind::Link => (
            vec![
                "http://icbc-verify.top/login",
                "http://bank-secure.xyz/a",
                "http://apple-id.cn.com/x",
            ],
            vec![
                "https://www.icbc.com.cn/",
                "https://www.taobao.com/",
                "https://news.qq.com/a",
            ],
        ),
    };
    let fraud_label = match kind {
        FeatureKind::Message => "impersonate_authority",
        FeatureKind::Link => "phishing",
    };
    let mut ex: Vec<(String, String)> = Vec::new();
    for t in &fraud {
        ex.push((t.to_string(), fraud_label.into()));
    }
    if variant > 0 {
        ex.push(("交保证金 解冻费 马上办理".into(), fraud_label.into()));
    }
    for t in benign {
        ex.push((t.to_string(), "benign".into()));
    }
    let opts = TrainOptions {
        holdback_every: 0,
        bits: 12,
        ..TrainOptions::default()
    };
    model::train(kind, &ex, &opts).unwrap().0.to_bytes()
}

/// The checksum id of FZML bytes, as status reports it.
fn id_of(bytes: &[u8]) -> String {
    let mut tail = [0u8; 8];
    tail.copy_from_slice(&bytes[bytes.len() - 8..]);
    format!("{:016x}", u64::from_le_bytes(tail))
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    guard: Guard,
    key: PublisherKey,
}

fn provider() -> Arc<FileKeyProvider> {
    Arc::new(FileKeyProvider::from_bytes(&[7; 32]))
}

fn settings() -> Settings {
    Settings {
        region: "CN".into(),
        lang: Lang::En,
    }
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut guard = Guard::open(settings(), &path, provider()).unwrap();
    guard.set_clock(Arc::new(ManualClock::new(NOW)));
    Fixture {
        _dir: dir,
        path,
        guard,
        key: PublisherKey::generate().unwrap(),
    }
}

fn entry() -> ListEntry {
    ListEntry {
        category: "fraud".into(),
        fraud_type: FraudType::Other,
        severity: 90,
        reports: 1,
        label: String::new(),
        confirmed: false,
        match_bits: 0,
    }
}

impl Fixture {
    fn trust(&self) -> TrustedKeys {
        TrustedKeys::new([self.key.public_key()])
    }

    /// A feed with one number entry and the given models.
    fn feed(&self, meta: FeedMeta, models: &[(RuleKind, &[u8])], limits: Limits) -> Vec<u8> {
        let mut w = FeedWriter::with_limits(Cursor::new(Vec::new()), meta, limits).unwrap();
        for (kind, bytes) in models {
            w.model(*kind, bytes).unwrap();
        }
        w.entry(ListKind::Number, "+8613900000001", &entry())
            .unwrap();
        w.finish(&self.key).unwrap().0.into_inner()
    }

    fn full(&self, version: u64, models: &[(RuleKind, &[u8])]) -> Vec<u8> {
        self.feed(
            FeedMeta::full("cn-test", version, NOW - DAY, NOW + 7 * DAY),
            models,
            Limits::default(),
        )
    }

    fn delta(&self, version: u64, base: u64, models: &[(RuleKind, &[u8])]) -> Vec<u8> {
        self.feed(
            FeedMeta::delta("cn-test", version, base, NOW - DAY, NOW + 7 * DAY),
            models,
            Limits::default(),
        )
    }

    fn apply(&self, bytes: &[u8]) -> Result<feed::Applied, Error> {
        self.guard.apply_feed(bytes, &self.trust())
    }

    /// The message model's id the guard uses now, if any.
    fn message_model_id(&self) -> Option<String> {
        self.guard
            .models()
            .into_iter()
            .find(|m| m.kind == "message")
            .map(|m| m.id)
    }

    /// The store as a fresh handle reads it.
    fn fingerprint(&self) -> String {
        let store = Store::open_existing(&self.path, provider().as_ref()).unwrap();
        let s = store.status().unwrap();
        format!("{:?} {:?} {:?}", s.feeds, s.entries, s.models)
    }
}

/// The embedded default's id of a kind (none while the build ships none).
fn embedded_id(kind: FeatureKind) -> Option<String> {
    model::embedded(kind).map(id_of)
}

#[test]
fn a_feed_model_is_used_kept_across_reopen_and_a_delta_and_dropped_by_a_full_feed() {
    let f = fixture();
    let m1 = trained(FeatureKind::Message, 0);
    let link = trained(FeatureKind::Link, 0);
    assert_eq!(f.message_model_id(), embedded_id(FeatureKind::Message));

    let applied = f
        .apply(&f.full(
            1,
            &[(RuleKind::MessageModel, &m1), (RuleKind::LinkModel, &link)],
        ))
        .unwrap();
    assert_eq!(
        applied.outcome.rules_replaced,
        vec!["message_model", "link_model"]
    );
    // The guard's snapshot holds exactly the feed's models.
    let snap = f.guard.snapshot();
    assert_eq!(snap.message_model.as_ref().unwrap().to_bytes(), m1);
    assert_eq!(snap.link_model.as_ref().unwrap().to_bytes(), link);
    let models = f.guard.models();
    assert_eq!(models.len(), 2, "{models:?}");
    assert_eq!(models[0].kind, "message");
    assert_eq!(models[0].id, id_of(&m1));
    assert_eq!(models[0].source, "feed");
    assert_eq!(models[0].classes, 2);
    assert_eq!(models[0].bytes, m1.len() as u64);
    assert_eq!(models[1].kind, "link");
    assert_eq!(models[1].id, id_of(&link));
    // The store reports what it keeps, and the feed that owns it.
    let store = f.guard.store().unwrap();
    let status = store.status().unwrap();
    assert_eq!(status.models.len(), 2);
    assert_eq!(status.models[0].id, id_of(&m1));
    assert!(status.feeds[0].rules.contains(&"message_model".to_string()));

    // Reopen: the store's model, not the default.
    let reopened = Guard::open(settings(), &f.path, provider()).unwrap();
    assert_eq!(
        reopened
            .snapshot()
            .message_model
            .as_ref()
            .unwrap()
            .to_bytes(),
        m1
    );
    assert_eq!(
        reopened.snapshot().link_model.as_ref().unwrap().to_bytes(),
        link
    );
    drop(reopened);

    // A delta without a model keeps the current ones.
    f.apply(&f.delta(2, 1, &[])).unwrap();
    assert_eq!(f.message_model_id(), Some(id_of(&m1)));
    // A delta with a new message model replaces that one only.
    let m2 = trained(FeatureKind::Message, 5);
    assert_ne!(id_of(&m1), id_of(&m2));
    f.apply(&f.delta(3, 2, &[(RuleKind::MessageModel, &m2)]))
        .unwrap();
    assert_eq!(f.message_model_id(), Some(id_of(&m2)));
    assert_eq!(
        f.guard.snapshot().link_model.as_ref().unwrap().to_bytes(),
        link
    );

    // A full feed without models returns both to the embedded default.
    f.apply(&f.full(4, &[])).unwrap();
    assert_eq!(f.message_model_id(), embedded_id(FeatureKind::Message));
    assert_eq!(
        f.guard.snapshot().link_model.as_ref().map(|m| m.to_bytes()),
        model::embedded(FeatureKind::Link).map(<[u8]>::to_vec)
    );
    assert!(f.guard.store().unwrap().status().unwrap().models.is_empty());
    let reopened = Guard::open(settings(), &f.path, provider()).unwrap();
    assert_eq!(
        reopened
            .models()
            .iter()
            .find(|m| m.kind == "message")
            .map(|m| m.id.clone()),
        embedded_id(FeatureKind::Message)
    );
}

#[test]
fn a_bad_model_refuses_the_whole_feed_and_changes_nothing() {
    let f = fixture();
    let good = trained(FeatureKind::Message, 0);
    f.apply(&f.full(1, &[(RuleKind::MessageModel, &good)]))
        .unwrap();
    let before = f.fingerprint();
    let version_before = f.guard.snapshot().feed_version.clone();

    let mut wrong_version = good.clone();
    wrong_version[4..6].copy_from_slice(&2u16.to_le_bytes());
    let mut damaged = good.clone();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0x55;
    let link = trained(FeatureKind::Link, 0);
    let garbage = b"not a model at all".to_vec();

    let cases: Vec<(&str, RuleKind, Vec<u8>)> = vec![
        ("wrong version", RuleKind::MessageModel, wrong_version),
        ("checksum", RuleKind::MessageModel, damaged),
        ("wrong kind", RuleKind::MessageModel, link.clone()),
        ("wrong kind (link slot)", RuleKind::LinkModel, good.clone()),
        ("garbage", RuleKind::MessageModel, garbage),
        ("empty", RuleKind::MessageModel, Vec::new()),
    ];
    for (what, kind, bytes) in cases {
        // As a full feed and as a delta: either way nothing changes.
        for feed in [
            f.full(2, &[(kind, &bytes)]),
            f.delta(2, 1, &[(kind, &bytes)]),
        ] {
            let err = match f.apply(&feed) {
                Err(Error::Feed(e)) => e,
                other => panic!("{what}: not refused as a feed error: {other:?}"),
            };
            match (&err, what) {
                (
                    FeedError::Model {
                        error: ModelError::Version(2),
                        kind: "message_model",
                    },
                    "wrong version",
                ) => {}
                (
                    FeedError::Model {
                        error: ModelError::Checksum,
                        ..
                    },
                    "checksum",
                ) => {}
                (
                    FeedError::Model {
                        error: ModelError::WrongKind { .. },
                        ..
                    },
                    "wrong kind" | "wrong kind (link slot)",
                ) => {}
                (
                    FeedError::Model {
                        error: ModelError::BadMagic | ModelError::Truncated,
                        ..
                    },
                    "garbage" | "empty",
                ) => {}
                _ => panic!("{what}: unexpected error {err:?}"),
            }
            assert!(err.to_string().contains("model"), "{what}: {err}");
            assert_eq!(f.fingerprint(), before, "{what}: the store changed");
            assert_eq!(f.message_model_id(), Some(id_of(&good)), "{what}");
            assert_eq!(f.guard.snapshot().feed_version, version_before);
        }
    }

    // Oversized: over the feed policy's cap (refused from the declared
    // length, before any model parsing) …
    let big = vec![0u8; feed::MAX_MODEL_BYTES as usize + 1];
    let lenient = Limits {
        max_model_bytes: u32::MAX,
        ..Limits::default()
    };
    let bytes = f.feed(
        FeedMeta::full("cn-test", 2, NOW - DAY, NOW + 7 * DAY),
        &[(RuleKind::MessageModel, &big)],
        lenient,
    );
    match f.apply(&bytes) {
        Err(Error::Feed(FeedError::TooLarge { what: "model", .. })) => {}
        other => panic!("oversized model not refused: {other:?}"),
    }
    // … and under a reader's stricter cap.
    let store = f.guard.store().unwrap();
    let strict = Limits {
        max_model_bytes: 64,
        ..Limits::default()
    };
    match feed::apply(
        store,
        &f.full(2, &[(RuleKind::MessageModel, &good)]),
        &f.trust(),
        &strict,
        NOW,
    ) {
        Err(Error::Feed(FeedError::TooLarge { what: "model", .. })) => {}
        other => panic!("model over the reader's cap not refused: {other:?}"),
    }
    assert_eq!(f.fingerprint(), before);
    assert_eq!(f.message_model_id(), Some(id_of(&good)));

    // The writer refuses what a reader would.
    let mut w = FeedWriter::new(
        Cursor::new(Vec::new()),
        FeedMeta::full("cn-test", 9, NOW - DAY, NOW + DAY),
    )
    .unwrap();
    assert!(w.model(RuleKind::MessageModel, &big).is_err());
    assert!(w.model(RuleKind::Scoring, &good).is_err());
    assert!(w.rules(RuleKind::MessageModel, "{}").is_err());
    w.model(RuleKind::MessageModel, &good).unwrap();
    assert!(w.model(RuleKind::MessageModel, &good).is_err(), "twice");

    // A good model parses the way the guard loaded it.
    assert!(Model::from_bytes(&good, FeatureKind::Message).is_ok());
}
