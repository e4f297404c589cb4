//! Applying a 100 k-entry delta (budget ≤ 300 ms) to a store that holds a
//! large full feed, while a reader thread keeps checking numbers (readers
//! must never be blocked).
//!
//!     cargo bench -p fanzha-core --bench feed_apply
//!     FANZHA_BENCH_BASE=10000000 cargo bench -p fanzha-core --bench feed_apply
//!
//! Prints, per delta: verification alone, the whole apply (verification,
//! policy and the store transaction), the guard's reload, and the reader's check
//! latencies while the apply ran. Deltas are applied one after another, so
//! the store's periodic merge of deltas into the base shows up in the
//! numbers as it would on a phone.

use fanzha_core::blocklist::{ListEntry, ListKind};
use fanzha_core::feed::{FeedFile, FeedMeta, FeedWriter, Limits, PublisherKey, TrustedKeys};
use fanzha_core::store::FileKeyProvider;
use fanzha_core::{FraudType, Guard, NumberContext, Settings};
use std::io::Cursor;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const DELTA: u64 = 100_000;
const REMOVED: u64 = 10_000;
const DELTAS: u64 = 4;

fn number(i: u64) -> String {
    format!("+86138{:08}", i)
}

fn entry(i: u64) -> ListEntry {
    ListEntry {
        category: "fraud".into(),
        fraud_type: FraudType::ALL[(i % 16) as usize],
        severity: 70 + (i % 30) as u8,
        reports: (i % 1000) as u32,
        label: ["冒充公检法", "刷单返利", "虚假投资", "冒充客服"][(i % 4) as usize].into(),
        confirmed: false,
        match_bits: 0,
    }
}

/// The slowest of the checks one reader makes in `span`.
fn read_for(guard: &Guard, base: u64, span: Duration) -> Duration {
    let ctx = NumberContext::default();
    let end = Instant::now() + span;
    let mut max = Duration::ZERO;
    let mut i = 1u64;
    while Instant::now() < end {
        let n = number((i * 7919) % (base * 2));
        let t = Instant::now();
        let _ = guard.check_number(&n, &ctx).expect("check");
        max = max.max(t.elapsed());
        i += 1;
    }
    max
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo test --benches` runs benches with --bench absent; keep it quick.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let base: u64 = std::env::var("FANZHA_BENCH_BASE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let guard = Arc::new(
        Guard::open(
            Settings::default(),
            dir.path().join("bench.db"),
            Arc::new(FileKeyProvider::from_bytes(&[9; 32])),
        )
        .expect("store opens"),
    );
    let key = PublisherKey::generate().expect("key");
    let trust = TrustedKeys::new([key.public_key()]);
    let now = guard.now_ms();

    // The full feed.
    let t = Instant::now();
    let mut w = FeedWriter::new(
        Cursor::new(Vec::new()),
        FeedMeta::full("bench", 1, now, now + 86_400_000),
    )
    .expect("writer");
    for i in 0..base {
        w.entry(ListKind::Number, &number(i), &entry(i))
            .expect("entry");
    }
    let full = w.finish(&key).expect("finish").0.into_inner();
    let built = t.elapsed();
    let t = Instant::now();
    guard.apply_feed(&full, &trust).expect("full feed applies");
    println!(
        "full feed: {base} entries, {:.1} MB, built in {:.0} ms, applied + reloaded in {:.0} ms",
        full.len() as f64 / 1e6,
        ms(built),
        ms(t.elapsed())
    );
    drop(full);

    let mut next_new = base;
    let mut next_removed = 0u64;
    for d in 0..DELTAS {
        let version = d + 2;
        let mut w = FeedWriter::new(
            Cursor::new(Vec::new()),
            FeedMeta::delta("bench", version, version - 1, now, now + 86_400_000),
        )
        .expect("writer");
        for _ in 0..DELTA - REMOVED {
            w.entry(ListKind::Number, &number(next_new), &entry(next_new))
                .expect("entry");
            next_new += 1;
        }
        for _ in 0..REMOVED {
            let n = number(next_removed);
            w.removal_of(ListKind::Number, &n).expect("removal");
            next_removed += 1;
        }
        let delta = w.finish(&key).expect("finish").0.into_inner();

        let t = Instant::now();
        let file = FeedFile::parse(&delta, &Limits::default()).expect("parses");
        let verified = file.verify(&trust).expect("verifies");
        let verify = t.elapsed();
        drop(verified);

        // Baseline: the same reader for 300 ms with nothing being applied;
        // its max is the machine's scheduling noise.
        let quiet = read_for(&guard, base, Duration::from_millis(300));

        // A reader checking listed and unlisted numbers the whole time.
        let stop = Arc::new(AtomicBool::new(false));
        let reader = {
            let guard = guard.clone();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let ctx = NumberContext::default();
                let mut lat = Vec::new();
                let mut i = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let n = number((i * 7919) % (base * 2));
                    let t = Instant::now();
                    let _ = guard.check_number(&n, &ctx).expect("check");
                    lat.push(t.elapsed());
                    i += 1;
                }
                lat
            })
        };
        std::thread::sleep(Duration::from_millis(20));
        let t = Instant::now();
        let store = guard.store().expect("store");
        let applied = fanzha_core::feed::apply(store, &delta, &trust, &Limits::default(), now)
            .expect("delta applies");
        let apply = t.elapsed();
        let t = Instant::now();
        guard.reload_store().expect("reload");
        let reload = t.elapsed();
        std::thread::sleep(Duration::from_millis(20));
        stop.store(true, Ordering::Relaxed);
        let mut lat = reader.join().expect("reader");
        lat.sort();
        let pct = |p: f64| lat[((lat.len() - 1) as f64 * p) as usize];
        println!(
            "delta v{version} ({} adds, {} removals, {:.1} MB): verify {:.0} ms, apply (verify + write) {:.0} ms{}, reload {:.0} ms; \
             reader meanwhile: {} checks, median {:.1} µs, p99 {:.1} µs, max {:.1} ms (with no apply running: max {:.1} ms)",
            DELTA - REMOVED,
            REMOVED,
            delta.len() as f64 / 1e6,
            ms(verify),
            ms(apply),
            if applied.outcome.merged { " (merged deltas into the base)" } else { "" },
            ms(reload),
            lat.len(),
            pct(0.5).as_secs_f64() * 1e6,
            pct(0.99).as_secs_f64() * 1e6,
            ms(*lat.last().expect("some checks")),
            ms(quiet),
        );
    }
}
