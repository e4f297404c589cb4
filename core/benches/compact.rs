//! Compact protection data at 100 k, 1 M and 10 M numbers, side by side with
//! a plain sorted SHA-256 list and a `HashSet<u64>`, all in one run.
//!
//! ```text
//! cargo bench -p fanzha-core --bench compact -- --quick          # 100 k + 1 M
//! cargo bench -p fanzha-core --bench compact                     # 100 k, 1 M, 10 M
//! cargo bench -p fanzha-core --bench compact -- --size 10000000  # one size (repeatable)
//! cargo bench -p fanzha-core --bench compact -- --model          # cache model only
//! ```
//!
//! Every step runs in its own child process so that its peak memory
//! (`VmHWM`) is its own: building and signing the format-2 feed (streamed to
//! a file), applying it to a new store (verify + write), applying a 1 %
//! delta, then opening the store and looking values up through the store's
//! index (hits decrypt one block; misses are numbers that are not listed).
//! The two baselines hash the same values: a sorted `Vec<[u8; 32]>` of
//! SHA-256s with binary search (written to a file of 32 bytes an entry and
//! read back) and a `HashSet<u64>` of XXH3 hashes. Lookup times include
//! hashing the value for all three. Temporary files are deleted at the end.
//!
//! A fourth row times today's index before the prefix filter (issue 18:
//! "10 M lookup not slower than today at 1 M"): `common/today_index.rs`
//! keeps that set, bench-only, built from the same 56-bit keys; its lookup
//! is hash + truncate + candidate range of one segment, so it does less
//! than the store's (which also walks the feed's delta segment). The last
//! lines print the 10 M store lookup over this reference at 1 M, both from
//! this run.
//!
//! The store and today's set are timed by the same function
//! (`time_regimes`), through `&dyn BlockIndex` as the guard calls an
//! index, on the same probe strings, in the same order of regimes:
//! *after load* (misses right after the structure was loaded or built),
//! hits back to back, *steady* (misses after 500 000 lookups of other
//! unlisted numbers: a long stream of lookups, the structure's hot parts
//! settled in the caches) and *cold* (64 MB read before each lookup: an
//! isolated lookup when a call or message arrives, nothing of the index
//! in the caches or the TLB). Every timing is a median of single lookups,
//! each timed on its own, after 1 000 untimed ones; the timer's resolution
//! on the development VM is about 10 ns.

mod common {
    pub mod today_index;
}

use common::today_index::{TodayIndex, TodaySet};
use fanzha_core::blocklist::{
    fast_hash, truncate_key, value_hash, BlockIndex, ListEntry, ListKind,
};
use fanzha_core::feed::{self, FeedMeta, FeedWriter, Limits, PublisherKey, TrustedKeys};
use fanzha_core::store::{FileKeyProvider, Store};
use fanzha_core::FraudType;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::hint::black_box;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const STORE_KEY: [u8; 32] = [0x42; 32];
const PREFIXES: [&str; 20] = [
    "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158",
    "159", "166", "177", "180", "186", "188", "199",
];
/// Lookups timed per kind (hit, miss).
const PROBES: u64 = 20_000;
const NOW_MS: i64 = 1_790_000_000_000;

/// The `i`-th listed number: distinct for every `i < 2 × 10⁹` (the suffix is
/// a bijection of `i / 20` modulo 10⁸).
fn listed(i: u64) -> String {
    let mut s = String::new();
    write_listed(&mut s, i);
    s
}

fn write_listed(buf: &mut String, i: u64) {
    let p = PREFIXES[(i % 20) as usize];
    let _ = write!(
        buf,
        "+86{p}{:08}",
        ((i / 20) * 48_271 + 12_345) % 100_000_000
    );
}

/// The `j`-th unlisted number (prefix 170 is never listed).
fn unlisted(j: u64) -> String {
    let mut s = String::new();
    write_unlisted(&mut s, j);
    s
}

fn write_unlisted(buf: &mut String, j: u64) {
    let _ = write!(buf, "+86170{:08}", (j * 7_907 + 99) % 100_000_000);
}

/// Numbers to look up, kept as ids and written one at a time into a
/// reused buffer just before each timed call. A list of 100 000 `String`s
/// is about 5.6 MB; read through during the timing it streamed as much
/// data through the caches as the structure under test holds (for every
/// structure alike), which an app, looking up one value at a time, does
/// not do.
struct Probes {
    ids: Vec<u32>,
    listed: bool,
}

impl Probes {
    fn len(&self) -> usize {
        self.ids.len()
    }

    /// Writes probe `k` into `buf` (cleared first).
    fn write(&self, k: usize, buf: &mut String) {
        buf.clear();
        let id = u64::from(self.ids[k]);
        if self.listed {
            write_listed(buf, id);
        } else {
            write_unlisted(buf, id);
        }
    }

    /// The probes as strings (for the untimed checks).
    fn strings(&self) -> impl Iterator<Item = String> + '_ {
        (0..self.len()).map(|k| {
            let mut s = String::new();
            self.write(k, &mut s);
            s
        })
    }
}

const LABELS: [&str; 4] = ["冒充公检法", "刷单返利", "虚假投资", "冒充客服"];
const TYPES: [FraudType; 4] = [
    FraudType::ImpersonateAuthority,
    FraudType::RebateTask,
    FraudType::FakeInvestment,
    FraudType::ImpersonateCustomerService,
];

fn entry(i: u64) -> ListEntry {
    ListEntry {
        category: "fraud".into(),
        fraud_type: TYPES[(i % 4) as usize],
        severity: 90,
        reports: 0,
        label: LABELS[(i % 4) as usize].into(),
        confirmed: false,
        match_bits: 0,
    }
}

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn peak_kb() -> u64 {
    status_kb("VmHWM:")
}

fn rss_kb() -> u64 {
    status_kb("VmRSS:")
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn median_ns(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v[v.len() / 2]
}

/// Times `f` on each probe, one call at a time; the median in ns.
fn time_each(probes: &Probes, mut f: impl FnMut(&str)) -> u64 {
    let mut buf = String::with_capacity(32);
    for k in 0..probes.len().min(1000) {
        probes.write(k, &mut buf);
        f(&buf); // warm up
    }
    let mut v = Vec::with_capacity(probes.len());
    for k in 0..probes.len() {
        probes.write(k, &mut buf);
        let t = Instant::now();
        f(black_box(&buf));
        v.push(t.elapsed().as_nanos() as u64);
    }
    median_ns(v)
}

/// Lookups timed one at a time with the caches evicted before each.
const COLD_PROBES: usize = 1000;
/// Other values looked up, untimed, before the steady-state timing.
const STEADY_WARMUP: u64 = 500_000;

/// A buffer twice the size of this VM's last-level cache (32 MB).
fn evict_buffer() -> Vec<u64> {
    (0..(64usize << 20) / 8).map(|i| i as u64 | 1).collect()
}

/// Reads one word of every cache line of `buf`, evicting (most of) what the
/// caches held.
fn evict(buf: &[u64]) -> u64 {
    buf.iter().step_by(8).fold(0, |a, &x| a ^ x)
}

/// Times `f` on the first [`COLD_PROBES`] probes with the caches evicted
/// before each call (an isolated lookup, as when a call or message
/// arrives); the median in ns.
fn time_each_cold(buf: &[u64], probes: &Probes, mut f: impl FnMut(&str)) -> u64 {
    let mut v = Vec::with_capacity(COLD_PROBES);
    let mut p = String::with_capacity(32);
    for k in 0..probes.len().min(COLD_PROBES) {
        probes.write(k, &mut p);
        black_box(evict(buf));
        let t = Instant::now();
        f(black_box(&p));
        v.push(t.elapsed().as_nanos() as u64);
    }
    median_ns(v)
}

/// Times `f` on `probes` after [`STEADY_WARMUP`] lookups of other unlisted
/// values (a long stream of lookups: the structure's hot parts settled in
/// the caches); the median in ns.
fn time_each_steady(probes: &Probes, mut f: impl FnMut(&str)) -> u64 {
    for j in PROBES * 5..PROBES * 5 + STEADY_WARMUP {
        f(&unlisted(j));
    }
    time_each(probes, f)
}

fn hit_probes(n: u64) -> Probes {
    let step = (n / PROBES).max(1);
    Probes {
        ids: (0..n).step_by(step as usize).map(|i| i as u32).collect(),
        listed: true,
    }
}

fn miss_probes() -> Probes {
    Probes {
        ids: (0..PROBES as u32 * 5).collect(),
        listed: false,
    }
}

/// Prints one `key=value` result line for the parent.
fn out(key: &str, value: impl std::fmt::Display) {
    println!("RESULT {key}={value}");
}

// ---- the steps, each in a child process ----

fn step_build(dir: &Path, n: u64) {
    let key = PublisherKey::generate().expect("key");
    std::fs::write(dir.join("key.pub"), key.public_key().to_text()).expect("write key");
    let t = Instant::now();
    let file = std::fs::File::create(dir.join("full.feed")).expect("feed file");
    let mut w = FeedWriter::new(
        BufWriter::new(file),
        FeedMeta::full("bench", 1, NOW_MS, NOW_MS + 86_400_000),
    )
    .expect("writer");
    for i in 0..n {
        w.entry(ListKind::Number, &listed(i), &entry(i))
            .expect("entry");
    }
    let (mut f, _) = w.finish(&key).expect("finish");
    f.flush().expect("flush");
    drop(f);
    out("build_s", t.elapsed().as_secs_f64());
    out("build_peak_kb", peak_kb());
    out("feed_bytes", file_len(&dir.join("full.feed")));

    // A 1 % change: n/200 numbers added, n/200 removed.
    let change = (n / 200).max(1);
    let file = std::fs::File::create(dir.join("delta.feed")).expect("delta file");
    let mut w = FeedWriter::new(
        BufWriter::new(file),
        FeedMeta::delta("bench", 2, 1, NOW_MS, NOW_MS + 86_400_000),
    )
    .expect("writer");
    for i in n..n + change {
        w.entry(ListKind::Number, &listed(i), &entry(i))
            .expect("entry");
    }
    for i in 0..change {
        w.removal_of(ListKind::Number, &listed(i * 7 % n))
            .expect("removal");
    }
    let (mut f, _) = w.finish(&key).expect("finish");
    f.flush().expect("flush");
    out("delta_bytes", file_len(&dir.join("delta.feed")));
}

fn trust(dir: &Path) -> TrustedKeys {
    let text = std::fs::read_to_string(dir.join("key.pub")).expect("key");
    TrustedKeys::new([feed::PublicKey::from_text(text.trim()).expect("public key")])
}

fn step_apply(dir: &Path) {
    let trust = trust(dir);
    let db = dir.join("store.db");
    let provider = FileKeyProvider::from_bytes(&STORE_KEY);
    let t = Instant::now();
    let bytes = std::fs::read(dir.join("full.feed")).expect("read feed");
    let store = Store::open(&db, &provider).expect("store");
    feed::apply(&store, &bytes, &trust, &Limits::default(), NOW_MS).expect("full feed applies");
    store.checkpoint().expect("checkpoint");
    out("apply_s", t.elapsed().as_secs_f64());
    out("apply_peak_kb", peak_kb());
    drop(bytes);
    out(
        "store_bytes",
        file_len(&db) + file_len(&fanzha_core::store::wal_path(&db)),
    );
    let bytes = std::fs::read(dir.join("delta.feed")).expect("read delta");
    let t = Instant::now();
    feed::apply(&store, &bytes, &trust, &Limits::default(), NOW_MS).expect("delta applies");
    out("delta_apply_s", t.elapsed().as_secs_f64());
}

fn step_lookup(dir: &Path, n: u64) {
    let db = dir.join("store.db");
    let provider = FileKeyProvider::from_bytes(&STORE_KEY);
    let store = Store::open_existing(&db, &provider).expect("open");
    let hits = hit_probes(n);
    let misses = miss_probes();
    let rss0 = rss_kb();
    let loaded = store.load().expect("load");
    let rss1 = rss_kb();
    let index = &loaded.index;
    out("index_heap_bytes", index.heap_bytes());
    out("index_rss_kb", rss1.saturating_sub(rss0));
    // Every probed listed number is found (the 1 % delta removed
    // `i * 7 % n` for i < n/200; skip those).
    let change = (n / 200).max(1);
    let removed: HashSet<u64> = (0..change).map(|i| i * 7 % n).collect();
    let mut hits = hits;
    hits.ids.retain(|&i| !removed.contains(&u64::from(i)));
    let missing = hits
        .strings()
        .filter(|h| index.lookup(ListKind::Number, h).is_none())
        .count();
    out("hits_missing", missing);
    let false_hits = misses
        .strings()
        .filter(|m| index.lookup(ListKind::Number, m).is_some())
        .count();
    out("false_hits", format!("{false_hits}/{}", misses.len()));
    time_regimes(index, &hits, &misses);
}

fn step_sha_list(dir: &Path, n: u64) {
    let t = Instant::now();
    let mut list: Vec<[u8; 32]> = (0..n).map(|i| value_hash(&listed(i))).collect();
    list.sort_unstable();
    out("build_s", t.elapsed().as_secs_f64());
    let path = dir.join("sha.list");
    {
        let mut f = BufWriter::new(std::fs::File::create(&path).expect("sha file"));
        for h in &list {
            f.write_all(h).expect("write");
        }
        f.flush().expect("flush");
    }
    out("build_peak_kb", peak_kb());
    out("file_bytes", file_len(&path));
    drop(list);
    // "Apply": read the file back into memory.
    let rss0 = rss_kb();
    let t = Instant::now();
    let mut list = vec![[0u8; 32]; (file_len(&path) / 32) as usize];
    std::fs::File::open(&path)
        .and_then(|mut f| f.read_exact(list.as_flattened_mut()))
        .expect("read");
    out("apply_s", t.elapsed().as_secs_f64());
    out("index_heap_bytes", list.capacity() * 32);
    out("index_rss_kb", rss_kb().saturating_sub(rss0));
    let _ = std::fs::remove_file(&path);
    let find = |v: &str| list.binary_search(&value_hash(v)).is_ok();
    let hits = hit_probes(n);
    let misses = miss_probes();
    out("hits_missing", hits.strings().filter(|h| !find(h)).count());
    out(
        "hit_ns",
        time_each(&hits, |p| {
            black_box(find(p));
        }),
    );
    out(
        "miss_ns",
        time_each(&misses, |p| {
            black_box(find(p));
        }),
    );
}

fn step_hash_set(n: u64) {
    let rss0 = rss_kb();
    let t = Instant::now();
    let mut set: HashSet<u64> = HashSet::new();
    for i in 0..n {
        set.insert(fast_hash(&listed(i)));
    }
    out("build_s", t.elapsed().as_secs_f64());
    out("build_peak_kb", peak_kb());
    // hashbrown: one u64 and one control byte per bucket (+ a group).
    let buckets = (set.capacity() * 8 / 7).next_power_of_two();
    out("index_heap_bytes", buckets * 9);
    out("index_rss_kb", rss_kb().saturating_sub(rss0));
    let hits = hit_probes(n);
    let misses = miss_probes();
    out(
        "hits_missing",
        hits.strings()
            .filter(|h| !set.contains(&fast_hash(h)))
            .count(),
    );
    out(
        "hit_ns",
        time_each(&hits, |p| {
            black_box(set.contains(&fast_hash(p)));
        }),
    );
    out(
        "miss_ns",
        time_each(&misses, |p| {
            black_box(set.contains(&fast_hash(p)));
        }),
    );
}

/// Today's set before the prefix filter (bench-only copy), same keys,
/// timed through the same `&dyn BlockIndex` call and regimes as the store.
fn step_today(n: u64) {
    /// The feed writer's default key width.
    const KEY_BITS: u8 = 56;
    let mut keys: Vec<u64> = (0..n)
        .map(|i| truncate_key(fast_hash(&listed(i)), KEY_BITS))
        .collect();
    keys.sort_unstable();
    let index = TodayIndex {
        set: TodaySet::build_capped(&keys, u32::from(KEY_BITS) - 16),
        key_bits: KEY_BITS,
        entry: entry(0),
    };
    drop(keys);
    out("index_heap_bytes", index.set.heap_bytes());
    let hits = hit_probes(n);
    let misses = miss_probes();
    out(
        "hits_missing",
        hits.strings()
            .filter(|h| index.lookup(ListKind::Number, h).is_none())
            .count(),
    );
    time_regimes(&index, &hits, &misses);
}

/// Times lookups through `index` in every regime, the same sequence for
/// every structure (see the module docs):
/// 1. misses *after load*: right after the structure was built or loaded
///    (1 000 untimed misses first, as every timing);
/// 2. hits, back to back;
/// 3. misses *steady*: after [`STEADY_WARMUP`] lookups of other unlisted
///    values;
/// 4. hits and misses *cold*: 64 MB read before each lookup;
/// 5. the cold floor: the timer, the probe string and the hash alone.
fn time_regimes(index: &dyn BlockIndex, hits: &Probes, misses: &Probes) {
    let look = |p: &str| {
        black_box(index.lookup(ListKind::Number, p));
    };
    out("miss_ns", time_each(misses, look));
    out("hit_ns", time_each(hits, look));
    out("miss_steady_ns", time_each_steady(misses, look));
    let buf = evict_buffer();
    out("hit_cold_ns", time_each_cold(&buf, hits, look));
    out("miss_cold_ns", time_each_cold(&buf, misses, look));
    out(
        "hash_cold_ns",
        time_each_cold(&buf, misses, |p| {
            black_box(fast_hash(p));
        }),
    );
}

// ---- a model of the two miss paths (`-- --model`) ----

/// SplitMix64: the model's array contents.
fn splitmix(i: u64) -> u64 {
    let mut z = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Index `0..len` from the top 32 bits of `h`.
fn pick(h: u64, len: usize) -> usize {
    (((h >> 32) * len as u64) >> 32) as usize
}

/// Random reads of arrays the sizes of today's set at 1 M (a 32 KB bucket
/// table, then a 2 MB suffix array) and of the store's index at 10 M (a
/// 5 MB filter; one value in six goes on to a 512 KB bucket table and a
/// 20 MB suffix array), timed like the steady regime with the same probes,
/// three times each, alternating. No code of ours beyond the hash: it
/// shows what the sizes alone cost on this machine's caches.
fn model() {
    let arr16 = |n: usize| -> Vec<u16> { (0..n as u64).map(|i| splitmix(i) as u16).collect() };
    let arr8 = |n: usize| -> Vec<u8> {
        (0..n as u64)
            .map(|i| 16 + (splitmix(i) % 16) as u8)
            .collect()
    };
    let (counts1, suffix1) = (arr8(1 << 15), arr16(1_000_000));
    let filter10: Vec<u64> = (0..625_000u64).map(splitmix).collect();
    let (counts10, suffix10) = (arr8(1 << 19), arr16(10_000_000));
    let set = |counts: &[u8], suffix: &[u16], h: u64| -> bool {
        let c = usize::from(counts[pick(h, counts.len())]);
        let lo = pick(h.rotate_left(24), suffix.len() - 64);
        suffix[lo..lo + c].contains(&(h as u16))
    };
    let today = |v: &str| -> bool {
        let h = fast_hash(v);
        set(&counts1, &suffix1, h)
    };
    let store = |v: &str| -> bool {
        let h = fast_hash(v);
        let w = filter10[pick(h.rotate_left(16), filter10.len())];
        (w ^ h) % 6 == 0 && set(&counts10, &suffix10, h)
    };
    let misses = miss_probes();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "model of the miss paths, steady regime; load average: {}",
        load.trim()
    );
    for round in 1..=3 {
        let t = time_each_steady(&misses, |p| {
            black_box(today(p));
        });
        let s = time_each_steady(&misses, |p| {
            black_box(store(p));
        });
        println!("round {round}: 1 M shape (32 KB + 2 MB) {t} ns; 10 M shape (5 MB, 1 in 6 + 512 KB + 20 MB) {s} ns");
    }
}

// ---- the parent ----

type Results = BTreeMap<String, String>;

fn run_step(step: &str, dir: &Path, n: u64) -> Results {
    let output = Command::new(std::env::current_exe().expect("exe"))
        .env("FANZHA_COMPACT_STEP", step)
        .env("FANZHA_COMPACT_DIR", dir)
        .env("FANZHA_COMPACT_N", n.to_string())
        .output()
        .expect("child process");
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
        panic!("step {step} at {n} failed");
    }
    text.lines()
        .filter_map(|l| l.strip_prefix("RESULT "))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn f(r: &Results, k: &str) -> f64 {
    r.get(k).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
}

fn human(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{} M", n / 1_000_000)
    } else {
        format!("{} k", n / 1_000)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Ok(step) = std::env::var("FANZHA_COMPACT_STEP") {
        let dir = PathBuf::from(std::env::var("FANZHA_COMPACT_DIR").expect("dir"));
        let n: u64 = std::env::var("FANZHA_COMPACT_N")
            .expect("n")
            .parse()
            .expect("n");
        match step.as_str() {
            "build" => step_build(&dir, n),
            "apply" => step_apply(&dir),
            "lookup" => step_lookup(&dir, n),
            "sha" => step_sha_list(&dir, n),
            "hashset" => step_hash_set(n),
            "today" => step_today(n),
            _ => panic!("unknown step {step}"),
        }
        return;
    }
    // `cargo test --benches` runs benches without `--bench`: nothing to do.
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    if args.iter().any(|a| a == "--model") {
        model();
        return;
    }
    let mut sizes: Vec<u64> = args
        .windows(2)
        .filter(|w| w[0] == "--size")
        .filter_map(|w| w[1].replace('_', "").parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = if args.iter().any(|a| a == "--quick") {
            vec![100_000, 1_000_000]
        } else {
            vec![100_000, 1_000_000, 10_000_000]
        };
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "compact bench, sizes {:?}; load average at start: {}",
        sizes,
        load.trim()
    );
    let mut rows = Vec::new();
    for &n in &sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        let t = Instant::now();
        let mut ours = run_step("build", d, n);
        ours.extend(run_step("apply", d, n));
        ours.extend(run_step("lookup", d, n));
        let sha = run_step("sha", d, n);
        let set = run_step("hashset", d, n);
        let today = run_step("today", d, n);
        drop(dir);
        eprintln!("{} done in {:.0} s", human(n), t.elapsed().as_secs_f64());
        rows.push((n, ours, sha, set, today));
    }

    let nf = |n: u64| n as f64;
    println!();
    println!(
        "| entries | structure | wire B/entry | disk B/entry | index B/entry (heap; RSS) | build s | build peak MB | apply s | apply peak MB | lookup median hit / miss ns | listed not found |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for (n, ours, sha, set, today) in &rows {
        let n = *n;
        println!(
            "| {} | format 2 feed + store | {:.2} | {:.2} | {:.2}; {:.2} | {:.1} | {:.0} | {:.1} | {:.0} | {:.0} / {:.0} | {} |",
            human(n),
            f(ours, "feed_bytes") / nf(n),
            f(ours, "store_bytes") / nf(n),
            f(ours, "index_heap_bytes") / nf(n),
            f(ours, "index_rss_kb") * 1024.0 / nf(n),
            f(ours, "build_s"),
            f(ours, "build_peak_kb") / 1024.0,
            f(ours, "apply_s"),
            f(ours, "apply_peak_kb") / 1024.0,
            f(ours, "hit_ns"),
            f(ours, "miss_ns"),
            ours.get("hits_missing").map_or("?", |s| s.as_str()),
        );
        println!(
            "| {} | sorted SHA-256 list | {:.2} | {:.2} | {:.2}; {:.2} | {:.1} | {:.0} | {:.1} (read file) | — | {:.0} / {:.0} | {} |",
            human(n),
            f(sha, "file_bytes") / nf(n),
            f(sha, "file_bytes") / nf(n),
            f(sha, "index_heap_bytes") / nf(n),
            f(sha, "index_rss_kb") * 1024.0 / nf(n),
            f(sha, "build_s"),
            f(sha, "build_peak_kb") / 1024.0,
            f(sha, "apply_s"),
            f(sha, "hit_ns"),
            f(sha, "miss_ns"),
            sha.get("hits_missing").map_or("?", |s| s.as_str()),
        );
        println!(
            "| {} | HashSet<u64> (memory only) | — | — | {:.2}; {:.2} | {:.1} | {:.0} | — | — | {:.0} / {:.0} | {} |",
            human(n),
            f(set, "index_heap_bytes") / nf(n),
            f(set, "index_rss_kb") * 1024.0 / nf(n),
            f(set, "build_s"),
            f(set, "build_peak_kb") / 1024.0,
            f(set, "hit_ns"),
            f(set, "miss_ns"),
            set.get("hits_missing").map_or("?", |s| s.as_str()),
        );
        println!(
            "| {} | today's index before the filter (in-memory set only) | — | — | {:.2}; — | — | — | — | — | {:.0} / {:.0} | {} |",
            human(n),
            f(today, "index_heap_bytes") / nf(n),
            f(today, "hit_ns"),
            f(today, "miss_ns"),
            today.get("hits_missing").map_or("?", |s| s.as_str()),
        );
    }
    println!();
    for (n, ours, _, _, _) in &rows {
        println!(
            "{}: 1 % delta {} bytes = {:.2} % of the full feed, applied in {:.2} s; false hits on unlisted numbers {}",
            human(*n),
            ours.get("delta_bytes").map_or("?", |s| s.as_str()),
            100.0 * f(ours, "delta_bytes") / f(ours, "feed_bytes"),
            f(ours, "delta_apply_s"),
            ours.get("false_hits").map_or("?", |s| s.as_str()),
        );
    }
    println!();
    println!(
        "| entries | structure | hit ns: after load; cold | miss ns: after load; steady; cold |"
    );
    println!("|---|---|---|---|");
    for (n, ours, _, _, today) in &rows {
        for (name, r) in [("format 2 store", ours), ("today's set (in memory)", today)] {
            println!(
                "| {} | {name} | {:.0}; {:.0} | {:.0}; {:.0}; {:.0} |",
                human(*n),
                f(r, "hit_ns"),
                f(r, "hit_cold_ns"),
                f(r, "miss_ns"),
                f(r, "miss_steady_ns"),
                f(r, "miss_cold_ns"),
            );
        }
    }
    for (n, ours, _, _, today) in &rows {
        println!(
            "{}: cold floor (timer, probe string and hash only, caches evicted) {:.0} ns in the store's step, {:.0} ns in today's",
            human(*n),
            f(ours, "hash_cold_ns"),
            f(today, "hash_cold_ns"),
        );
    }
    let at = |n: u64| rows.iter().find(|r| r.0 == n).map(|r| &r.1);
    let today_at = |n: u64| rows.iter().find(|r| r.0 == n).map(|r| &r.4);
    if let (Some(big), Some(base)) = (at(10_000_000), today_at(1_000_000)) {
        for (regime, k) in [
            ("after load", "miss_ns"),
            ("steady", "miss_steady_ns"),
            ("cold", "miss_cold_ns"),
        ] {
            println!(
                "miss lookup median ({regime}), store at 10 M / today's index before the filter at 1 M (this run): {:.0} / {:.0} ns = {:.2}",
                f(big, k),
                f(base, k),
                f(big, k) / f(base, k),
            );
        }
    }
    if let (Some(big), Some(base)) = (at(10_000_000), at(1_000_000)) {
        println!(
            "lookup median, format 2 store at 10 M / same store format at 1 M (this run): hit {:.2} (cold {:.2}), miss {:.2} (steady {:.2}, cold {:.2})",
            f(big, "hit_ns") / f(base, "hit_ns"),
            f(big, "hit_cold_ns") / f(base, "hit_cold_ns"),
            f(big, "miss_ns") / f(base, "miss_ns"),
            f(big, "miss_steady_ns") / f(base, "miss_steady_ns"),
            f(big, "miss_cold_ns") / f(base, "miss_cold_ns"),
        );
    }
}
