//! The feed format as a hostile-input parser: round trips, every single-bit
//! flip in header, rotations and signature, body flips, truncation, caps,
//! untrusted keys, and property tests that no input panics.

use fanzha_core::blocklist::{hash_key, ListEntry, ListKind};
use fanzha_core::feed::{
    check_update, FeedError, FeedFile, FeedKind, FeedMeta, FeedWriter, Limits, PublisherKey,
    Rotation, RuleKind, TrustedKeys, HEADER_LEN,
};
use fanzha_core::{FraudType, RuleSources};
use proptest::prelude::*;
use std::io::Cursor;
use std::sync::OnceLock;

const DAY: i64 = 86_400_000;

fn entry(label: &str, fraud_type: FraudType) -> ListEntry {
    ListEntry {
        category: "fraud".into(),
        fraud_type,
        severity: 90,
        reports: 1234,
        label: label.into(),
        confirmed: false,
        match_bits: 0,
    }
}

/// Verification compiles every rule kind a feed carries, so the delta's
/// rules must be valid ones; scoring's are small, which keeps the every-bit
/// body flip test quick.
const SCORING_RULES: &str = include_str!("../data/scoring.json");

struct Fixture {
    key: PublisherKey,
    full: Vec<u8>,
    /// A delta signed by a rotated key, carrying the rotation statement.
    delta: Vec<u8>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let key = PublisherKey::generate().unwrap();
        let mut w = FeedWriter::new(
            Cursor::new(Vec::new()),
            FeedMeta::full("cn-test", 3, 1_000, 1_000 + 7 * DAY),
        )
        .unwrap();
        w.entry(
            ListKind::Number,
            "+8613800138000",
            &entry("冒充公检法", FraudType::ImpersonateAuthority),
        )
        .unwrap();
        w.entry(
            ListKind::Number,
            "+8613800138001",
            &entry("刷单", FraudType::RebateTask),
        )
        .unwrap();
        w.entry(
            ListKind::Url,
            "evil.example/",
            &entry("phishing kit", FraudType::Phishing),
        )
        .unwrap();
        w.entry(
            ListKind::Account,
            "6222021234567890",
            &entry("", FraudType::FakeInvestment),
        )
        .unwrap();
        w.rules(RuleKind::Scoring, include_str!("../data/scoring.json"))
            .unwrap();
        let full = w.finish(&key).unwrap().0.into_inner();

        let new_key = PublisherKey::generate().unwrap();
        let mut meta = FeedMeta::delta("cn-test", 4, 3, 2_000, 2_000 + 7 * DAY);
        meta.rotations
            .push(Rotation::sign(&key, new_key.public_key(), 1_500));
        let mut w = FeedWriter::new(Cursor::new(Vec::new()), meta).unwrap();
        w.entry(
            ListKind::Number,
            "+8613800138002",
            &entry("冒充客服", FraudType::ImpersonateCustomerService),
        )
        .unwrap();
        w.removal_of(ListKind::Number, "+8613800138001").unwrap();
        w.rules(RuleKind::Scoring, SCORING_RULES).unwrap();
        let delta = w.finish(&new_key).unwrap().0.into_inner();
        Fixture { key, full, delta }
    })
}

fn trust() -> TrustedKeys {
    TrustedKeys::new([fixture().key.public_key()])
}

fn verify(bytes: &[u8]) -> Result<(), FeedError> {
    FeedFile::parse(bytes, &Limits::default())?
        .verify(&trust())
        .map(|_| ())
}

#[test]
fn full_feed_round_trips() {
    let f = fixture();
    let feed = FeedFile::parse(&f.full, &Limits::default())
        .unwrap()
        .verify(&trust())
        .unwrap();
    let h = feed.header();
    assert_eq!(
        (h.id.as_str(), h.version, h.kind),
        ("cn-test", 3, FeedKind::Full)
    );
    assert_eq!(
        (h.numbers, h.urls, h.accounts, h.removals, h.rules),
        (2, 1, 1, 0, 1)
    );
    let entries: Vec<_> = feed.entries().collect();
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0].kind, ListKind::Number);
    // Entries come in key order within their group; this one is alone.
    assert_eq!(entries[0].sha256, None);
    assert_eq!(entries[0].key_bits, 56);
    assert_eq!(entries[0].key, hash_key("+8613800138000", 56));
    assert_eq!(
        entries[0].entry,
        entry("冒充公检法", FraudType::ImpersonateAuthority)
    );
    assert_eq!(entries[3].entry.label, "");
    assert_eq!(feed.removals().count(), 0);
    assert!(matches!(feed.rules(), [(RuleKind::Scoring, _)]));
    let sources = feed.rule_sources();
    assert!(sources.scoring.is_some() && sources.numbers.is_none());
    // A full feed returns kinds it doesn't carry to the embedded default.
    let before = RuleSources {
        numbers: Some("{}".into()),
        ..RuleSources::default()
    };
    let after = feed.merged_rule_sources(&before);
    assert!(after.scoring.is_some() && after.numbers.is_none());
    // A feed never carries the plaintext.
    for needle in ["13800138000", "evil.example", "6222021234567890"] {
        assert!(
            !f.full.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} in feed"
        );
    }
}

#[test]
fn delta_signed_by_a_rotated_key_verifies_through_the_statement() {
    let f = fixture();
    let feed = FeedFile::parse(&f.delta, &Limits::default())
        .unwrap()
        .verify(&trust())
        .unwrap();
    assert_eq!(feed.kind(), FeedKind::Delta { base: 3 });
    assert_eq!(feed.entries().count(), 1);
    let removals: Vec<_> = feed.removals().collect();
    assert_eq!(removals.len(), 1);
    assert_eq!(removals[0].key, hash_key("+8613800138001", 56));
    // A delta replaces the kinds it carries and keeps the others.
    let before = RuleSources {
        scoring: Some("{\"x\":1}".into()),
        links: Some("{\"x\":2}".into()),
        ..RuleSources::default()
    };
    let after = feed.merged_rule_sources(&before);
    assert_eq!(after.scoring.as_deref(), Some(SCORING_RULES));
    assert_eq!(after.links, before.links);

    // Without the statement's signer pinned, the new key is untrusted.
    let stranger = TrustedKeys::new([PublisherKey::generate().unwrap().public_key()]);
    let err = FeedFile::parse(&f.delta, &Limits::default())
        .unwrap()
        .verify(&stranger)
        .unwrap_err();
    assert!(matches!(err, FeedError::UntrustedKey(_)), "{err}");
}

#[test]
fn untrusted_key_is_refused() {
    let f = fixture();
    let err = FeedFile::parse(&f.full, &Limits::default())
        .unwrap()
        .verify(&TrustedKeys::new([PublisherKey::generate()
            .unwrap()
            .public_key()]))
        .unwrap_err();
    assert!(matches!(err, FeedError::UntrustedKey(_)), "{err}");
    let err = FeedFile::parse(&f.full, &Limits::default())
        .unwrap()
        .verify(&TrustedKeys::default())
        .unwrap_err();
    assert!(matches!(err, FeedError::UntrustedKey(_)), "{err}");
}

fn prefix_len(bytes: &[u8]) -> usize {
    let h = FeedFile::parse(bytes, &Limits::default()).unwrap();
    HEADER_LEN + h.rotations().len() * Rotation::LEN + 72
}

#[test]
fn every_bit_flip_in_header_rotations_and_signature_is_refused() {
    for bytes in [&fixture().full, &fixture().delta] {
        let prefix = prefix_len(bytes);
        let mut m = bytes.clone();
        for i in 0..prefix {
            for bit in 0..8 {
                m[i] ^= 1 << bit;
                let r = verify(&m);
                assert!(r.is_err(), "flip of byte {i} bit {bit} accepted");
                m[i] ^= 1 << bit;
            }
        }
        assert!(verify(&m).is_ok());
    }
}

#[test]
fn a_bit_flip_in_every_body_byte_is_refused() {
    // One bit per byte (a different one each time): every bit of every byte
    // would cost 8× the signature checks for no new path.
    for bytes in [&fixture().full, &fixture().delta] {
        let prefix = prefix_len(bytes);
        let mut m = bytes.clone();
        for i in prefix..m.len() {
            let bit = (i * 5) % 8;
            m[i] ^= 1 << bit;
            let r = verify(&m);
            assert!(
                matches!(r, Err(FeedError::BodyHash)),
                "flip of body byte {i} bit {bit}: {r:?}"
            );
            m[i] ^= 1 << bit;
        }
    }
}

#[test]
fn every_truncation_and_extension_is_refused() {
    for bytes in [&fixture().full, &fixture().delta] {
        for len in 0..bytes.len() {
            let r = verify(&bytes[..len]);
            assert!(
                matches!(
                    r,
                    Err(FeedError::Truncated { .. }) | Err(FeedError::BadMagic)
                ),
                "truncated at {len}: {r:?}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(verify(&longer), Err(FeedError::Malformed(_))));
    }
}

#[test]
fn caps_on_declared_and_actual_sizes() {
    let f = fixture();
    let small = |l: Limits| FeedFile::parse(&f.full, &l).map(|_| ()).unwrap_err();
    let d = Limits::default();
    assert!(matches!(
        small(Limits {
            max_file_bytes: 100,
            ..d
        }),
        FeedError::TooLarge { what: "file", .. }
    ));
    assert!(matches!(
        small(Limits {
            max_entries: 3,
            ..d
        }),
        FeedError::TooLarge {
            what: "entries",
            ..
        }
    ));
    assert!(matches!(
        small(Limits {
            max_strings: 2,
            ..d
        }),
        FeedError::TooLarge {
            what: "strings",
            ..
        }
    ));

    // Declared counts far beyond the caps or the body are refused before the
    // body is read (no signature needed to get there, none reached).
    let set = |at: usize, v: u64| {
        let mut m = f.full.clone();
        m[at..at + 8].copy_from_slice(&v.to_le_bytes());
        FeedFile::parse(&m, &d).map(|_| ()).unwrap_err()
    };
    assert!(matches!(
        set(80, u64::MAX),
        FeedError::TooLarge {
            what: "entries",
            ..
        }
    ));
    assert!(matches!(set(80, 1_000_000), FeedError::Malformed(_)));
    assert!(matches!(
        set(128, u64::MAX),
        FeedError::TooLarge { what: "body", .. }
    ));
    assert!(matches!(
        set(128, 1 << 30),
        FeedError::Truncated { part: "body" }
    ));

    // A rule set over the cap is refused on the actual size as well.
    let mut w = FeedWriter::new(Cursor::new(Vec::new()), FeedMeta::full("t", 1, 0, DAY)).unwrap();
    w.rules(
        RuleKind::Links,
        &format!("{{\"x\":\"{}\"}}", "a".repeat(5000)),
    )
    .unwrap();
    let big = w.finish(&f.key).unwrap().0.into_inner();
    let err = FeedFile::parse(
        &big,
        &Limits {
            max_rule_bytes: 4096,
            ..d
        },
    )
    .unwrap()
    .verify(&trust())
    .unwrap_err();
    assert!(
        matches!(
            err,
            FeedError::TooLarge {
                what: "rule set",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn rules_that_do_not_load_are_refused() {
    let key = &fixture().key;
    let mut w = FeedWriter::new(Cursor::new(Vec::new()), FeedMeta::full("t", 1, 0, DAY)).unwrap();
    w.rules(RuleKind::Scoring, r#"{"suspicious_at": 0}"#)
        .unwrap();
    let bytes = w.finish(key).unwrap().0.into_inner();
    let err = FeedFile::parse(&bytes, &Limits::default())
        .unwrap()
        .verify(&trust())
        .unwrap_err();
    assert!(
        matches!(
            err,
            FeedError::Rules {
                kind: "scoring",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn writer_refuses_what_readers_refuse() {
    let meta = |m: FeedMeta| {
        FeedWriter::new(Cursor::new(Vec::new()), m)
            .map(|_| ())
            .unwrap_err()
    };
    assert!(matches!(
        meta(FeedMeta::full("Bad Id", 1, 0, 1)),
        FeedError::Meta(_)
    ));
    assert!(matches!(
        meta(FeedMeta::full("ok", 0, 0, 1)),
        FeedError::Meta(_)
    ));
    assert!(matches!(
        meta(FeedMeta::full("ok", 1, 5, 5)),
        FeedError::Meta(_)
    ));
    assert!(matches!(
        meta(FeedMeta::delta("ok", 2, 2, 0, 1)),
        FeedError::Meta(_)
    ));

    let mut w = FeedWriter::new(Cursor::new(Vec::new()), FeedMeta::full("ok", 1, 0, 1)).unwrap();
    assert!(w.removal(ListKind::Number, 0).is_err());
    let mut e = entry("x", FraudType::Other);
    e.severity = 101;
    assert!(w.entry(ListKind::Number, "+1", &e).is_err());
    e.severity = 100;
    e.label = "x".repeat(2000);
    assert!(w.entry(ListKind::Number, "+1", &e).is_err());
    w.rules(RuleKind::Links, "{}").unwrap();
    assert!(w.rules(RuleKind::Links, "{}").is_err());
    let mut e = entry("x", FraudType::Other);
    e.category = "c".repeat(65);
    assert!(w.entry(ListKind::Number, "+1", &e).is_err());
}

#[test]
fn policy_on_verified_feeds() {
    let f = fixture();
    let full = FeedFile::parse(&f.full, &Limits::default())
        .unwrap()
        .verify(&trust())
        .unwrap();
    let h = full.header();
    assert!(!check_update(h, None, h.created_ms).unwrap().stale);
    assert!(check_update(h, None, h.expires_ms).unwrap().stale);
    assert!(matches!(
        check_update(h, Some(3), 0),
        Err(FeedError::Rollback { .. })
    ));
    let delta = FeedFile::parse(&f.delta, &Limits::default())
        .unwrap()
        .verify(&trust())
        .unwrap();
    assert!(check_update(delta.header(), Some(3), 0).is_ok());
    assert!(matches!(
        check_update(delta.header(), Some(2), 0),
        Err(FeedError::WrongBase { .. })
    ));
}

/// Parses, summarizes and verifies without ever panicking.
fn exercise(bytes: &[u8]) -> Result<(), FeedError> {
    let file = FeedFile::parse(bytes, &Limits::default())?;
    let _ = file.summary();
    let _ = file.body_hash_matches();
    let feed = file.verify(&trust())?;
    let _ = feed.entries().count() + feed.removals().count();
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        prop_assert!(exercise(&bytes).is_err());
    }

    #[test]
    fn random_bytes_behind_a_valid_magic_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut m = b"FANZFEED\x01\x00".to_vec();
        m.extend_from_slice(&bytes);
        prop_assert!(exercise(&m).is_err());
    }

    /// Any mutation of a valid feed either is refused or leaves it unchanged.
    #[test]
    fn mutations_are_refused(
        which in 0..2usize,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8),
    ) {
        let orig = if which == 0 { &fixture().full } else { &fixture().delta };
        let mut m = orig.clone();
        for (at, byte, op) in edits {
            let i = at.index(m.len().max(1));
            match op {
                0 if i < m.len() => m[i] = byte,
                1 => m.insert(i.min(m.len()), byte),
                _ if i < m.len() => { m.remove(i); }
                _ => {}
            }
        }
        let r = exercise(&m);
        prop_assert!(r.is_err() || &m == orig, "mutation accepted");
    }

    /// The unverified body walk (`inspect`) on arbitrary bodies behind a
    /// structurally valid header never panics.
    #[test]
    fn body_walk_of_garbage_never_panics(body in proptest::collection::vec(any::<u8>(), 0..400)) {
        let f = fixture();
        let prefix = prefix_len(&f.full);
        let mut m = f.full[..prefix].to_vec();
        m[128..136].copy_from_slice(&(body.len() as u64).to_le_bytes());
        m.extend_from_slice(&body);
        if let Ok(file) = FeedFile::parse(&m, &Limits::default()) {
            let _ = file.summary();
        }
    }
}

/// A body record for the structured generator, encoded by hand from
/// `docs/feed-format.md` (so this also checks the documentation).
#[derive(Debug, Clone)]
enum Rec {
    Str(String),
    Entry {
        kind: u8,
        fraud: u8,
        severity: u8,
        reports: u32,
        category: u32,
        label: u32,
    },
    Removal {
        kind: u8,
    },
    Rules {
        kind: u8,
        op: u8,
        json: String,
    },
    Junk(Vec<u8>),
}

fn varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn rec_strategy() -> impl Strategy<Value = Rec> {
    prop_oneof![
        3 => "[a-z冒充]{0,12}".prop_map(Rec::Str),
        6 => (0..5u8, 0..20u8, prop_oneof![0..=100u8, any::<u8>()], any::<u32>(), 0..6u32, 0..6u32)
            .prop_map(|(kind, fraud, severity, reports, category, label)| Rec::Entry { kind, fraud, severity, reports, category, label }),
        2 => (0..5u8).prop_map(|kind| Rec::Removal { kind }),
        1 => (0..7u8, 0..3u8, prop_oneof![Just("{}".to_string()), "[{}\":a-z0-9,]{0,20}"])
            .prop_map(|(kind, op, json)| Rec::Rules { kind, op, json }),
        1 => proptest::collection::vec(any::<u8>(), 0..8).prop_map(Rec::Junk),
    ]
}

fn encode(recs: &[Rec]) -> (Vec<u8>, [u64; 7]) {
    // counts: numbers, urls, accounts, removals, rules, strings, (unused)
    let mut counts = [0u64; 7];
    let mut b = Vec::new();
    for r in recs {
        match r {
            Rec::Str(s) => {
                b.push(1);
                varint(&mut b, s.len() as u32);
                b.extend_from_slice(s.as_bytes());
                counts[5] += 1;
            }
            Rec::Entry {
                kind,
                fraud,
                severity,
                reports,
                category,
                label,
            } => {
                b.push(2);
                b.push(*kind);
                b.extend_from_slice(&[0xab; 32]);
                b.extend_from_slice(&7u64.to_le_bytes());
                b.extend_from_slice(&[*fraud, *severity]);
                varint(&mut b, *reports);
                varint(&mut b, *category);
                varint(&mut b, *label);
                if (1..=3).contains(kind) {
                    counts[usize::from(*kind - 1)] += 1;
                }
            }
            Rec::Removal { kind } => {
                b.push(3);
                b.push(*kind);
                b.extend_from_slice(&[0xcd; 32]);
                b.extend_from_slice(&9u64.to_le_bytes());
                counts[3] += 1;
            }
            Rec::Rules { kind, op, json } => {
                b.extend_from_slice(&[4, *kind, *op]);
                b.extend_from_slice(&(json.len() as u32).to_le_bytes());
                b.extend_from_slice(json.as_bytes());
                counts[4] += 1;
            }
            Rec::Junk(j) => b.extend_from_slice(j),
        }
    }
    (b, counts)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// Structured bodies (mostly well-formed records with edge values)
    /// behind a header declaring their counts: the body walk never panics,
    /// and accepts exactly the bodies that follow the documented rules.
    #[test]
    fn structured_bodies_walk_without_panicking(recs in proptest::collection::vec(rec_strategy(), 0..24), delta in any::<bool>()) {
        if let Some((ok, valid, result)) = walk_structured(&recs, delta) {
            prop_assert_eq!(ok, valid, "{}", result);
        }
    }
}

/// Builds a format-1 feed around `recs` and reads it: `(read ok, valid by
/// the documented rules, the reader's answer)`, or `None` when the header
/// itself does not parse.
fn walk_structured(recs: &[Rec], delta: bool) -> Option<(bool, bool, String)> {
    let (body, counts) = encode(recs);
    let f = fixture();
    let src = if delta { &f.delta } else { &f.full };
    let prefix = prefix_len(src);
    let mut m = src[..prefix].to_vec();
    // These are format-1 records (still read): say so in the header.
    m[8..10].copy_from_slice(&1u16.to_le_bytes());
    m[124] = 0;
    for (i, at) in [80usize, 88, 96, 104].into_iter().enumerate() {
        m[at..at + 8].copy_from_slice(&counts[i].to_le_bytes());
    }
    m[112..116].copy_from_slice(&(counts[4] as u32).to_le_bytes());
    m[116..120].copy_from_slice(&(counts[5] as u32).to_le_bytes());
    m[128..136].copy_from_slice(&(body.len() as u64).to_le_bytes());
    m.extend_from_slice(&body);
    let Ok(file) = FeedFile::parse(&m, &Limits::default()) else {
        return None;
    };
    let result = file.summary();

    // The documented rules, checked independently.
    let mut defined = 0u32;
    let mut kinds = std::collections::HashSet::new();
    let mut valid = true;
    for r in recs {
        valid &= match r {
            Rec::Str(_) => {
                defined += 1;
                true
            }
            Rec::Entry {
                kind,
                severity,
                category,
                label,
                ..
            } => {
                (1..=3).contains(kind)
                        // Bit 7 is the publisher's "confirmed" flag (format.rs
                        // `SEVERITY_CONFIRMED`); the severity is the rest.
                        && (*severity & 0x7f) <= 100
                        && *category < defined
                        && *label < defined
            }
            Rec::Removal { kind } => delta && (1..=3).contains(kind),
            Rec::Rules { kind, op, .. } => {
                (1..=7).contains(kind) && *op == 1 && kinds.insert(*kind)
            }
            Rec::Junk(j) => j.is_empty(),
        };
    }
    valid &= counts[4] <= 5;
    Some((result.is_ok(), valid, format!("{result:?}")))
}

#[test]
fn a_confirmed_entry_reads_and_an_oversized_severity_does_not() {
    let strs = || (0..4).map(|_| Rec::Str(String::new())).collect::<Vec<_>>();
    let entry = |severity| Rec::Entry {
        kind: 1,
        fraud: 0,
        severity,
        reports: 0,
        category: 0,
        label: 0,
    };
    // 0x80 = confirmed, severity 0 (the case a stale oracle once got wrong).
    for (severity, want) in [
        (0x80u8, true),
        (0x80 | 100, true),
        (0x80 | 101, false),
        (101, false),
        (100, true),
    ] {
        let mut recs = strs();
        recs.push(entry(severity));
        let (ok, valid, result) = walk_structured(&recs, false).expect("header parses");
        assert_eq!(valid, want, "oracle for {severity:#x}");
        assert_eq!(ok, want, "reader for {severity:#x}: {result}");
    }
}

// ---- format 1 still reads ------------------------------------------------

const V1_FULL: &[u8] = include_bytes!("fixtures/feed-v1-full.fzf");
const V1_DELTA: &[u8] = include_bytes!("fixtures/feed-v1-delta.fzf");

fn v1_trust() -> TrustedKeys {
    let text = include_str!("fixtures/feed-v1.pub");
    TrustedKeys::new([fanzha_core::feed::PublicKey::from_text(text).unwrap()])
}

/// Feeds of format 1 (written by the previous build, `fixtures/feed-v1-*`)
/// still verify and hand out their entries with 64-bit keys and SHA-256s.
#[test]
fn format_1_feeds_still_read() {
    let full = FeedFile::parse(V1_FULL, &Limits::default())
        .unwrap()
        .verify(&v1_trust())
        .unwrap();
    assert_eq!(full.header().format, fanzha_core::feed::FORMAT_V1);
    assert_eq!(full.header().key_bits, 64);
    let e: Vec<_> = full.entries().collect();
    assert_eq!(e.len(), 4);
    assert_eq!(
        e[0].key,
        fanzha_core::blocklist::fast_hash("+8613800138000")
    );
    assert_eq!(
        e[0].sha256,
        Some(fanzha_core::blocklist::value_hash("+8613800138000"))
    );
    assert_eq!(e[0].entry.label, "冒充公检法");
    assert_eq!(e[0].entry.reports, 12);
    let delta = FeedFile::parse(V1_DELTA, &Limits::default())
        .unwrap()
        .verify(&v1_trust())
        .unwrap();
    let r: Vec<_> = delta.removals().collect();
    assert_eq!(r.len(), 1);
    assert_eq!(
        r[0].key,
        fanzha_core::blocklist::fast_hash("+8613800138001")
    );
    // Another format number is refused by name.
    let mut m = V1_FULL.to_vec();
    m[8] = 3;
    assert!(matches!(
        FeedFile::parse(&m, &Limits::default()),
        Err(FeedError::UnsupportedFormat(3))
    ));
}

/// Groups carry the confirmed flag; extras carry reports and, when the
/// publisher asks, the SHA-256.
#[test]
fn confirmed_flag_reports_and_full_hashes_round_trip() {
    let key = PublisherKey::generate().unwrap();
    let mut meta = FeedMeta::full("cn-x", 1, 0, DAY);
    meta.full_hashes = true;
    meta.key_bits = 48;
    let mut w = FeedWriter::new(Cursor::new(Vec::new()), meta).unwrap();
    let mut confirmed = entry("核实", FraudType::FakeLoan);
    confirmed.confirmed = true;
    confirmed.reports = 0;
    w.entry(ListKind::Number, "+8613900000001", &confirmed)
        .unwrap();
    w.entry(
        ListKind::Number,
        "+8613900000002",
        &entry("x", FraudType::FakeLoan),
    )
    .unwrap();
    let bytes = w.finish(&key).unwrap().0.into_inner();
    let feed = FeedFile::parse(&bytes, &Limits::default())
        .unwrap()
        .verify(&TrustedKeys::new([key.public_key()]))
        .unwrap();
    assert_eq!(feed.header().key_bits, 48);
    let mut e: Vec<_> = feed.entries().collect();
    e.sort_by_key(|e| e.entry.label.clone());
    assert_eq!(e.len(), 2);
    assert_eq!(e[1].entry.label, "核实");
    assert!(e[1].entry.confirmed && !e[0].entry.confirmed);
    assert_eq!(e[1].entry.reports, 0);
    assert_eq!(e[0].entry.reports, 1234);
    assert_eq!(e[0].key, hash_key("+8613900000002", 48));
    assert_eq!(
        e[0].sha256,
        Some(fanzha_core::blocklist::value_hash("+8613900000002"))
    );
    assert_eq!(feed.summary().full_hashes, 2);
}

/// The confirmed flag round-trips (format 2: in the entry's group; format 1
/// carried it in bit 7 of the severity byte), and severity stays capped at
/// 100 whatever the flag.
#[test]
fn confirmed_flag_round_trips_in_the_severity_byte() {
    let key = PublisherKey::generate().unwrap();
    let build = |confirmed: bool, severity: u8| {
        let mut w = FeedWriter::new(
            Cursor::new(Vec::new()),
            FeedMeta::full("cn-flag", 1, 1_000, 2_000),
        )
        .unwrap();
        let mut e = entry("", FraudType::Phishing);
        e.confirmed = confirmed;
        e.severity = severity;
        w.entry(ListKind::Number, "+8613800000001", &e).unwrap();
        w.finish(&key).unwrap().0.into_inner()
    };
    let trust = TrustedKeys::new([key.public_key()]);
    for confirmed in [false, true] {
        let bytes = build(confirmed, 77);
        let feed = FeedFile::parse(&bytes, &Limits::default())
            .unwrap()
            .verify(&trust)
            .unwrap();
        let got: Vec<_> = feed.entries().collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].entry.confirmed, confirmed);
        assert_eq!(got[0].entry.severity, 77);
    }
    // A writer refuses severity over 100 with or without the flag.
    let mut w = FeedWriter::new(
        Cursor::new(Vec::new()),
        FeedMeta::full("cn-flag", 1, 1_000, 2_000),
    )
    .unwrap();
    let mut e = entry("", FraudType::Phishing);
    e.severity = 101;
    e.confirmed = true;
    assert!(w.entry(ListKind::Number, "+8613800000001", &e).is_err());
}
