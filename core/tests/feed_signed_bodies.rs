//! Compact (format 2) feeds whose body is damaged *and then validly signed*
//! — what a buggy publisher tool or a stolen key could ship. The signature
//! and body hash no longer stop them, so this reaches the body decoder
//! (`scan`, then the entry and removal iterators the store's apply reads):
//! nothing may panic, a refused feed leaves the store exactly as it was, and
//! whatever is accepted iterates to the end. Also: a replayed delta and a
//! delta on the wrong base, both compact, are refused with the store
//! unchanged (tampering and truncation of signed feeds are in
//! `feed_apply.rs` and `feed_format.rs`, which build format 2 feeds).

use fanzha_core::blocklist::{BlockIndex, ListEntry, ListKind};
use fanzha_core::feed::{
    self, FeedError, FeedFile, FeedMeta, FeedWriter, Limits, PublisherKey, TrustedKeys, HEADER_LEN,
};
use fanzha_core::store::{FileKeyProvider, Store};
use fanzha_core::{Error, FraudType};
use proptest::prelude::*;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const NOW: i64 = 1_790_000_000_000;
const DAY: i64 = 86_400_000;
/// Header plus the signature block (no rotation statements here).
const PREFIX: usize = HEADER_LEN + 72;
const STORE_KEY: [u8; 32] = [3; 32];

fn entry(i: u64) -> ListEntry {
    ListEntry {
        category: if i % 5 == 0 { "fraud" } else { "spam" }.into(),
        fraud_type: FraudType::ALL[(i % 3) as usize],
        severity: 60 + (i % 3) as u8 * 10,
        reports: if i % 4 == 0 { i as u32 } else { 0 },
        label: ["冒充公检法", "刷单返利", ""][(i % 3) as usize].into(),
        confirmed: i % 7 == 0,
        match_bits: 0,
    }
}

fn number(i: u64) -> String {
    format!("+86139{:08}", i * 7_919 % 100_000_000)
}

struct Fixture {
    key: PublisherKey,
    /// The store with the full feed v1 applied (closed, so one file).
    store: PathBuf,
    _dir: tempfile::TempDir,
    /// A compact delta v1 → v2: additions in several groups, some with
    /// report counts and full hashes, and removals of each kind.
    delta: Vec<u8>,
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

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let key = PublisherKey::generate().unwrap();
        let full = build(&key, FeedMeta::full("cn", 1, NOW, NOW + DAY), |w| {
            for i in 0..300 {
                w.entry(ListKind::Number, &number(i), &entry(i)).unwrap();
            }
            w.entry(ListKind::Url, "evil.example/", &entry(1)).unwrap();
            w.entry(ListKind::Account, "6222021234567890", &entry(2))
                .unwrap();
        });
        let mut meta = FeedMeta::delta("cn", 2, 1, NOW, NOW + DAY);
        meta.full_hashes = true;
        let delta = build(&key, meta, |w| {
            for i in 300..340 {
                w.entry(ListKind::Number, &number(i), &entry(i)).unwrap();
            }
            w.entry(ListKind::Url, "worse.example/pay", &entry(4))
                .unwrap();
            for i in 0..20 {
                w.removal_of(ListKind::Number, &number(i)).unwrap();
            }
            w.removal_of(ListKind::Url, "evil.example/").unwrap();
            w.removal_of(ListKind::Account, "6222021234567890").unwrap();
        });
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("base.db");
        {
            let s = Store::open(&store, &FileKeyProvider::from_bytes(&STORE_KEY)).unwrap();
            feed::apply(&s, &full, &trust_of(&key), &Limits::default(), NOW).unwrap();
            s.checkpoint().unwrap();
        }
        Fixture {
            key,
            store,
            _dir: dir,
            delta,
        }
    })
}

fn trust_of(key: &PublisherKey) -> TrustedKeys {
    TrustedKeys::new([key.public_key()])
}

/// `template`'s header with `body` in place of its body: body length and
/// hash updated and the header signed again with the publisher's key.
fn resign(key: &PublisherKey, template: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = template[..PREFIX].to_vec();
    out[128..136].copy_from_slice(&(body.len() as u64).to_le_bytes());
    let hash = ring::digest::digest(&ring::digest::SHA256, body);
    out[136..168].copy_from_slice(hash.as_ref());
    let text = key.to_text();
    let hex = text.split_whitespace().last().unwrap();
    let pkcs8: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let pair = ring::signature::Ed25519KeyPair::from_pkcs8_maybe_unchecked(&pkcs8).unwrap();
    let mut message = b"fanzha-feed-v2\0".to_vec();
    message.extend_from_slice(&out[..HEADER_LEN]);
    let sig = pair.sign(&message);
    out[HEADER_LEN + 8..PREFIX].copy_from_slice(sig.as_ref());
    out.extend_from_slice(body);
    out
}

/// What the store holds, read through a fresh handle: feed states, counts,
/// segments and a few lookups.
fn fingerprint(path: &Path) -> String {
    let store = Store::open_existing(path, &FileKeyProvider::from_bytes(&STORE_KEY)).unwrap();
    let s = store.status().unwrap();
    let loaded = store.load().unwrap();
    let probes: Vec<_> = [0u64, 5, 19, 20, 299, 300, 339]
        .iter()
        .map(|&i| {
            loaded
                .index
                .lookup(ListKind::Number, &number(i))
                .map(|e| e.label)
        })
        .chain([loaded
            .index
            .lookup(ListKind::Url, "evil.example/")
            .map(|e| e.label)])
        .collect();
    format!("{:?} {:?} {} {:?}", s.feeds, s.entries, s.segments, probes)
}

/// Applies `bytes` to a copy of the base store. `Err` must be a typed
/// refusal with the store unchanged; `Ok` must iterate to the end.
fn apply_to_copy(bytes: &[u8]) -> Result<(), TestCaseError> {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    std::fs::copy(&f.store, &path).unwrap();
    let before = fingerprint(&path);
    // The reader on its own first: parse, verify, iterate.
    if let Ok(file) = FeedFile::parse(bytes, &Limits::default()) {
        if let Ok(v) = file.verify(&trust_of(&f.key)) {
            let _ = v.entries().count() + v.removals().count();
        }
    }
    let store = Store::open_existing(&path, &FileKeyProvider::from_bytes(&STORE_KEY)).unwrap();
    let r = feed::apply(&store, bytes, &trust_of(&f.key), &Limits::default(), NOW);
    drop(store);
    match r {
        Err(Error::Feed(_)) | Err(Error::Store(_)) => {
            prop_assert_eq!(
                fingerprint(&path),
                before,
                "a refused feed changed the store"
            );
        }
        Err(other) => prop_assert!(false, "untyped refusal: {}", other),
        Ok(_) => {
            let _ = fingerprint(&path); // still opens and loads
        }
    }
    Ok(())
}

#[test]
fn the_unmodified_delta_resigned_applies() {
    // The re-signing helper itself is right: the same body signed again
    // is accepted and changes the store.
    let f = fixture();
    let again = resign(&f.key, &f.delta, &f.delta[PREFIX..]);
    assert_eq!(again, f.delta);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    std::fs::copy(&f.store, &path).unwrap();
    let before = fingerprint(&path);
    let store = Store::open_existing(&path, &FileKeyProvider::from_bytes(&STORE_KEY)).unwrap();
    feed::apply(&store, &again, &trust_of(&f.key), &Limits::default(), NOW).unwrap();
    drop(store);
    assert_ne!(fingerprint(&path), before);
}

#[test]
fn replayed_and_wrong_base_compact_deltas_are_refused_with_the_store_unchanged() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    std::fs::copy(&f.store, &path).unwrap();
    let provider = FileKeyProvider::from_bytes(&STORE_KEY);
    let trust = trust_of(&f.key);
    let apply = |bytes: &[u8]| {
        let store = Store::open_existing(&path, &provider).unwrap();
        feed::apply(&store, bytes, &trust, &Limits::default(), NOW)
    };
    apply(&f.delta).unwrap();
    let after = fingerprint(&path);
    // The same delta again.
    match apply(&f.delta) {
        Err(Error::Feed(FeedError::Rollback {
            current: 2,
            offered: 2,
        })) => {}
        other => panic!("replay not refused as a rollback: {other:?}"),
    }
    // A compact delta on a base this store doesn't hold.
    let wrong = build(&f.key, FeedMeta::delta("cn", 4, 3, NOW, NOW + DAY), |w| {
        w.entry(ListKind::Number, &number(999), &entry(9)).unwrap();
        w.removal_of(ListKind::Number, &number(300)).unwrap();
    });
    match apply(&wrong) {
        Err(Error::Feed(FeedError::WrongBase {
            base: 3,
            current: Some(2),
        })) => {}
        other => panic!("wrong base not refused: {other:?}"),
    }
    assert_eq!(fingerprint(&path), after);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    /// Byte edits (set, insert, delete) and a truncation of the compact
    /// body, signed again.
    #[test]
    fn signed_mutated_compact_bodies_never_panic_and_refusals_change_nothing(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..6),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let f = fixture();
        let mut body = f.delta[PREFIX..].to_vec();
        for (at, byte, op) in edits {
            let i = at.index(body.len().max(1));
            match op {
                0 if i < body.len() => body[i] = byte,
                1 => body.insert(i.min(body.len()), byte),
                _ if i < body.len() => { body.remove(i); }
                _ => {}
            }
        }
        if let Some(c) = cut {
            body.truncate(c.index(body.len() + 1));
        }
        apply_to_copy(&resign(&f.key, &f.delta, &body))?;
    }

    /// Random bodies, signed.
    #[test]
    fn signed_random_bodies_never_panic_and_refusals_change_nothing(
        body in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        let f = fixture();
        apply_to_copy(&resign(&f.key, &f.delta, &body))?;
    }
}
