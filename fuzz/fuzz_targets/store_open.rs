//! A store file is hostile input (a damaged disk, a tampered backup): open
//! it with the right key and read everything a guard reads. Byte 0 picks
//! how the rest is used:
//!
//! - raw bytes as the whole file;
//! - a real store (a feed applied, a user rule, a report, an audit record)
//!   with the bytes as (offset, xor) mutations;
//! - the same, cut short at an offset the bytes give.
//!
//! Nothing may panic. And a damaged store must never read as a silent
//! "not listed": when the store opens, loads and its index reports itself
//! healthy, the number the real store lists must still be found (the guard
//! marks verdicts `store.unavailable` exactly when open, load or the
//! index's health fail — see `Guard::finish`).
#![no_main]

use fanzha_core::blocklist::{BlockIndex, IndexHealth, ListEntry, ListKind};
use fanzha_core::feed::{FeedMeta, FeedWriter, Limits, PublisherKey, TrustedKeys};
use fanzha_core::store::{FileKeyProvider, NewReport, ReportCategory, RuleAction, Store};
use fanzha_core::{FraudType, Kind};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

const LISTED: &str = "+8613800138000";
const KEY: [u8; 32] = [7; 32];

fn scratch(name: &str) -> PathBuf {
    let root = if std::path::Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let dir = root.join(format!("fanzha-fuzz-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// The bytes of a real store (checkpointed: no WAL needed).
fn template() -> &'static [u8] {
    static T: OnceLock<Vec<u8>> = OnceLock::new();
    T.get_or_init(|| {
        let dir = scratch("template");
        let db = dir.join("s.db");
        let key = PublisherKey::generate().expect("key");
        let mut w = FeedWriter::new(
            std::io::Cursor::new(Vec::new()),
            FeedMeta::full("fz", 1, 0, i64::MAX / 2),
        )
        .expect("writer");
        let e = ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::ImpersonateAuthority,
            severity: 95,
            reports: 3,
            label: "x".into(),
            confirmed: true,
            match_bits: 0,
        };
        w.entry(ListKind::Number, LISTED, &e).expect("entry");
        w.entry(ListKind::Url, "bad.example/", &e).expect("entry");
        let feed = w.finish(&key).expect("signs").0.into_inner();
        {
            let store = Store::open(&db, &FileKeyProvider::from_bytes(&KEY)).expect("opens");
            let trust = TrustedKeys::new([key.public_key()]);
            fanzha_core::feed::apply(&store, &feed, &trust, &Limits::default(), 0)
                .expect("applies");
            store
                .set_rule(ListKind::Number, "+8613900000000", RuleAction::Block)
                .expect("rule");
            store
                .add_report(NewReport {
                    kind: Kind::Number,
                    value: "+8613900000001".into(),
                    fraud_type: None,
                    note: "n".into(),
                    category: ReportCategory::FalseAlarm,
                })
                .expect("report");
            let rec = fanzha_core::store::AuditRecord {
                id: "0123abcd".into(),
                time_ms: 1,
                kind: Kind::Number,
                level: fanzha_core::Level::Dangerous,
                action: fanzha_core::Action::Block,
                fraud_type: None,
                reasons: vec!["number.blocklisted".into()],
                title: "t".into(),
                feed_version: "fz@1".into(),
                decision: None,
                decided_ms: None,
                not_scam: false,
                value: Some(LISTED.into()),
            };
            store.add_audit(&rec).expect("audit");
            store.checkpoint().expect("checkpoint");
        }
        let bytes = std::fs::read(&db).expect("reads");
        let _ = std::fs::remove_dir_all(&dir);
        bytes
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let file = match mode % 3 {
        0 => rest.to_vec(),
        m => {
            let mut b = template().to_vec();
            for x in rest.chunks_exact(4) {
                let at = (u32::from_le_bytes([x[0], x[1], x[2], 0]) as usize) % b.len();
                b[at] ^= x[3];
            }
            if m == 2 && rest.len() >= 3 {
                let cut = u32::from_le_bytes([rest[0], rest[1], rest[2], 0]) as usize;
                b.truncate(cut % (b.len() + 1));
            }
            b
        }
    };
    let dir = scratch("input");
    let path = dir.join("s.db");
    std::fs::write(&path, &file).expect("writes");
    let Ok(store) = Store::open(&path, &FileKeyProvider::from_bytes(&KEY)) else {
        return;
    };
    let _ = store.rules();
    let _ = store.reports(false);
    let _ = store.audit_entries(true);
    let _ = store.audit_decide("0123abcd", fanzha_core::Decision::Cancelled);
    let _ = store.status();
    let _ = store.verify();
    if let Ok(loaded) = store.load() {
        let hit = loaded.index.lookup(ListKind::Number, LISTED);
        let _ = loaded.index.lookup(ListKind::Url, "bad.example/");
        // An empty file is a new store (as a missing one is).
        if mode % 3 != 0 && !file.is_empty() && loaded.index.health() == IndexHealth::Ok {
            assert!(
                hit.is_some(),
                "a damaged store opened, loaded, reported itself healthy and no longer lists the number"
            );
        }
    }
});
