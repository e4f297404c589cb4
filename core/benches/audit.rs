//! The cost of a warning on the check path with a store (issue 20 (b)),
//! before and after the audit log moved off it, in one run.
//!
//!     cargo bench -p fanzha-core --bench audit
//!
//! Each sample times a batch of checks of a warned number (a spoofed 95588
//! hotline: `dangerous`, so every check is a recorded warning) and prints
//! the median and p90 per check:
//!
//! - `before (sync write)`: the old path — the check, then the record
//!   written in its own transaction (one sync to disk) before the verdict
//!   returns: exactly what the guard did before (`Store::add_audit` per
//!   warning, on a guard without the writer);
//! - `after (queued)`: the check on a guard opened on the store; the
//!   record is queued and written by the guard's writer thread in batches
//!   (the queue is flushed between samples, untimed, so it never fills);
//! - `after + flush each`: the check and a flush of the queue each time —
//!   the worst case, when the host reads the log after every warning.

use fanzha_core::store::{AuditRecord, FileKeyProvider, KeyProvider, Store};
use fanzha_core::{Guard, Lang, NumberContext, Settings};
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

const SAMPLES: usize = 31;
const BATCH: usize = 100;
const WARNED: &str = "+86 95588 0000";

fn settings() -> Settings {
    Settings {
        region: "CN".into(),
        lang: Lang::ZhHans,
    }
}

fn report(name: &str, mut per_check: Vec<Duration>) {
    per_check.sort();
    let median = per_check[per_check.len() / 2];
    let p90 = per_check[per_check.len() * 9 / 10];
    println!(
        "{name:<24} median {:>9.1} µs   p90 {:>9.1} µs   per warned check",
        median.as_secs_f64() * 1e6,
        p90.as_secs_f64() * 1e6
    );
}

fn main() {
    let dir = std::env::temp_dir().join(format!("fanzha-bench-audit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let keys: Arc<dyn KeyProvider> = Arc::new(FileKeyProvider::from_bytes(&[3; 32]));
    let ctx = NumberContext::default();

    // Before: the check, then one synchronous write per warning.
    {
        let store = Store::open(dir.join("before.db"), keys.as_ref()).expect("store");
        let g = Guard::new(settings()).expect("guard");
        let mut n = 0u64;
        let mut samples = Vec::new();
        for _ in 0..SAMPLES {
            let t = Instant::now();
            for _ in 0..BATCH {
                let v = g.check_number(black_box(WARNED), &ctx).expect("checks");
                n += 1;
                let rec = AuditRecord::of_verdict(format!("{n:032x}"), 0, &v, v.normalized.clone());
                store.add_audit(&rec).expect("writes");
                black_box(v);
            }
            samples.push(t.elapsed() / BATCH as u32);
        }
        report("before (sync write)", samples);
    }

    // After: the guard on the store queues the warning.
    let g = Guard::open(settings(), dir.join("after.db"), keys.clone()).expect("guard");
    let mut samples = Vec::new();
    for _ in 0..SAMPLES {
        let t = Instant::now();
        for _ in 0..BATCH {
            let v = g.check_number(black_box(WARNED), &ctx).expect("checks");
            assert!(v.id.is_some());
            black_box(v);
        }
        samples.push(t.elapsed() / BATCH as u32);
        g.flush_audit().expect("flushes");
    }
    report("after (queued)", samples);

    let mut samples = Vec::new();
    for _ in 0..SAMPLES {
        let t = Instant::now();
        for _ in 0..BATCH {
            black_box(g.check_number(black_box(WARNED), &ctx).expect("checks"));
            g.flush_audit().expect("flushes");
        }
        samples.push(t.elapsed() / BATCH as u32);
    }
    report("after + flush each", samples);
    let stats = g.audit_stats().expect("stats");
    println!(
        "writer: {} written, {} dropped, {} failed",
        stats.written, stats.dropped, stats.failed
    );
    drop(g);
    let _ = std::fs::remove_dir_all(&dir);
}
