//! The store bench: builds a store with N blocklisted numbers, then (in a
//! fresh process, so memory figures are not polluted by the build) opens it
//! and measures open-to-first-answer, check medians, memory and size.
//!
//! ```text
//! cargo bench -p fanzha-core --bench store                          # 200 000 entries
//! FANZHA_BENCH_ENTRIES=10000000 cargo bench -p fanzha-core --bench store
//! ```
//!
//! Budgets (DESIGN.md): 10 M entries → number check ≤ 1 µs median, ≤ 3 bytes
//! of RAM per entry, open to first answer ≤ 150 ms, ≤ 24 bytes on disk per
//! entry.

use fanzha_core::blocklist::{ListEntry, ListKind};
use fanzha_core::store::{FeedChange, FeedEntry, FileKeyProvider, KeyProvider, Store};
use fanzha_core::{Channel, FraudType, Guard, NumberContext, Settings};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

const KEY: [u8; 32] = [0x42; 32];

/// A deterministic stream of distinct-looking CN mobile numbers.
struct Numbers(u64);

impl Iterator for Numbers {
    type Item = String;
    fn next(&mut self) -> Option<String> {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let prefixes = [
            "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "157",
            "158", "159", "166", "177", "180", "186", "188", "199",
        ];
        let p = prefixes[(self.0 % prefixes.len() as u64) as usize];
        Some(format!("+86{p}{:08}", (self.0 >> 8) % 100_000_000))
    }
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn median_ns(mut v: Vec<u64>) -> (f64, f64) {
    v.sort_unstable();
    let med = v[v.len() / 2] as f64;
    let p99 = v[v.len() * 99 / 100] as f64;
    (med, p99)
}

fn build(path: &Path, n: u64) {
    let _ = std::fs::remove_file(path);
    let key = FileKeyProvider::from_bytes(&KEY);
    let store = Store::open(path, &key).expect("create store");
    let labels = ["冒充公检法", "刷单返利", "虚假投资", "冒充客服"];
    let types = [
        FraudType::ImpersonateAuthority,
        FraudType::RebateTask,
        FraudType::FakeInvestment,
        FraudType::ImpersonateCustomerService,
    ];
    let t = Instant::now();
    let entries = Numbers(0x9E37_79B9_7F4A_7C15)
        .take(n as usize)
        .enumerate()
        .map(move |(i, num)| {
            FeedEntry::new(
                ListKind::Number,
                &num,
                ListEntry {
                    category: "fraud".into(),
                    fraud_type: types[i % 4],
                    severity: 90,
                    reports: (i % 50) as u32,
                    label: labels[i % 4].into(),
                    confirmed: false,
                    match_bits: 0,
                },
            )
        });
    let out = store
        .apply_feed(FeedChange::full("bench", 1, 0, i64::MAX).with_entries(entries))
        .expect("apply");
    store.checkpoint().expect("checkpoint");
    let secs = t.elapsed().as_secs_f64();
    drop(store);
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    println!(
        "build: {} entries applied in {:.2} s ({:.0} k entries/s)",
        out.entries.numbers,
        secs,
        n as f64 / secs / 1000.0
    );
    println!(
        "disk: {} bytes = {:.2} bytes per entry (budget 24)",
        bytes,
        bytes as f64 / n as f64
    );
}

fn measure(path: &Path, n: u64) {
    let key: Arc<dyn KeyProvider> = Arc::new(FileKeyProvider::from_bytes(&KEY));
    let settings = Settings::default();
    // Compile the embedded rules once so their one-time cost (regexes,
    // allocator growth) is not counted as the store's.
    let baseline = Guard::new(settings.clone()).expect("guard");
    let sms = NumberContext {
        channel: Channel::Sms,
        ..NumberContext::default()
    };
    black_box(baseline.check_number("13800000000", &sms).expect("check"));

    let rss0 = rss_kb();
    let t = Instant::now();
    let guard = Guard::open(settings, path, key.clone()).expect("open");
    let first = guard.check_number("+8613912345678", &sms).expect("check");
    let open_ms = t.elapsed().as_secs_f64() * 1000.0;
    black_box(first);
    let rss1 = rss_kb();
    assert!(guard.store_problem().is_none());
    let snap = guard.snapshot();
    println!(
        "open to first answer: {:.1} ms (budget 150; page cache warm)",
        open_ms
    );
    println!(
        "memory: RSS +{} KB over the open = {:.2} bytes per entry (budget 3)",
        rss1.saturating_sub(rss0),
        (rss1.saturating_sub(rss0) * 1024) as f64 / n as f64
    );
    // Where the open's time goes (second time round, same page cache).
    let t = Instant::now();
    let store = Store::open_existing(path, key.as_ref()).expect("open store");
    let t_open = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let loaded = store.load().expect("load");
    let t_load = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    black_box(Guard::new(Settings::default()).expect("guard"));
    let t_rules = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "  of which: Store::open {t_open:.1} ms, Store::load (index) {t_load:.1} ms, compiling the rules {t_rules:.1} ms"
    );
    println!(
        "index heap: {} bytes = {:.2} bytes per entry",
        loaded.index.heap_bytes(),
        loaded.index.heap_bytes() as f64 / n as f64
    );
    drop(loaded);
    drop(store);

    // Probes: numbers not listed (the common case) and listed ones.
    let negatives: Vec<String> = Numbers(0xDEAD_BEEF_1234_5678).take(100_000).collect();
    let listed: Vec<String> = Numbers(0x9E37_79B9_7F4A_7C15)
        .take(n.min(100_000) as usize)
        .collect();
    let mut false_candidates = 0u64;
    for num in &negatives {
        if snap.blocklist.lookup(ListKind::Number, num).is_some() {
            false_candidates += 1; // a random number that is really listed
        }
    }
    let time = |f: &dyn Fn(&str), probes: &[String], rounds: usize| -> Vec<u64> {
        let mut v = Vec::with_capacity(probes.len() * rounds);
        for _ in 0..rounds {
            for p in probes {
                let t = Instant::now();
                f(p);
                v.push(t.elapsed().as_nanos() as u64);
            }
        }
        v
    };
    let lookup = |p: &str| {
        black_box(snap.blocklist.lookup(ListKind::Number, black_box(p)));
    };
    let (m, p99) = median_ns(time(&lookup, &negatives, 3));
    println!("index lookup, not listed: median {m:.0} ns, p99 {p99:.0} ns");
    let (m, p99) = median_ns(time(&lookup, &listed[..listed.len().min(20_000)], 1));
    println!("index lookup, listed (confirmed on disk): median {m:.0} ns, p99 {p99:.0} ns");

    let check = |p: &str| {
        black_box(guard.check_number(black_box(p), &sms).expect("check"));
    };
    let base = |p: &str| {
        black_box(baseline.check_number(black_box(p), &sms).expect("check"));
    };
    let (m, p99) = median_ns(time(&base, &negatives, 2));
    println!("number check, embedded data only: median {m:.0} ns, p99 {p99:.0} ns");
    let (m, p99) = median_ns(time(&check, &negatives, 2));
    println!(
        "number check with the {n}-entry store, not listed: median {m:.0} ns, p99 {p99:.0} ns (budget 1000)"
    );
    let (m, p99) = median_ns(time(&check, &listed[..listed.len().min(20_000)], 1));
    println!("number check with the store, listed: median {m:.0} ns, p99 {p99:.0} ns");
    println!("({false_candidates} of the random probes were listed)");
}

fn main() {
    let n: u64 = std::env::var("FANZHA_BENCH_ENTRIES")
        .ok()
        .and_then(|s| s.replace('_', "").parse().ok())
        .unwrap_or(200_000);
    if let Ok(path) = std::env::var("FANZHA_BENCH_MEASURE") {
        measure(Path::new(&path), n);
        return;
    }
    // `cargo test --benches` runs benches with `--bench`-less args; keep it quick.
    if std::env::args().any(|a| a == "--test") || std::env::var("FANZHA_BENCH_SKIP").is_ok() {
        return;
    }
    let dir: PathBuf =
        std::env::temp_dir().join(format!("fanzha-store-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bench.db");
    println!("store bench: {n} blocklisted numbers (set FANZHA_BENCH_ENTRIES)");
    build(&path, n);
    // Measure in a fresh process: the build's allocations would hide the
    // open's memory.
    let status = std::process::Command::new(std::env::current_exe().expect("exe"))
        .env("FANZHA_BENCH_MEASURE", &path)
        .env("FANZHA_BENCH_ENTRIES", n.to_string())
        .status()
        .expect("measure process");
    assert!(status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
