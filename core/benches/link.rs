//! Link check with 1 M blocked hosts loaded, median per check.
//!
//! `cargo bench -p fanzha-core --bench link`
//!
//! The blocklist is a stand-in for the store's compact index: a sorted
//! `Vec<u64>` of [`fast_hash`] values searched by binary search (8 MB for
//! 1 M hosts), so a check pays the index's real cost — one XXH3 and one
//! search per lookup expression, no SHA-256 on a miss. Prints, per URL
//! kind, the median of 101 batches of 2 000 checks, then the same URLs
//! without a blocklist (the heuristics alone) and the canonicalizer alone.

use fanzha_core::blocklist::{fast_hash, BlockIndex, ListEntry, ListKind};
use fanzha_core::{FraudType, Guard, Lang, RuleSources, Settings, Snapshot};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

const BLOCKED_HOSTS: usize = 1_000_000;
const BATCH: usize = 2_000;
const SAMPLES: usize = 101;

#[derive(Debug)]
struct SortedHashIndex {
    hashes: Vec<u64>,
}

impl BlockIndex for SortedHashIndex {
    fn lookup(&self, kind: ListKind, canonical: &str) -> Option<ListEntry> {
        if kind != ListKind::Url {
            return None;
        }
        self.hashes
            .binary_search(&fast_hash(canonical))
            .ok()
            .map(|_| ListEntry {
                category: "phishing".into(),
                fraud_type: FraudType::Phishing,
                severity: 90,
                reports: 3,
                label: String::new(),
                confirmed: false,
                match_bits: 0,
            })
    }

    fn len(&self) -> usize {
        self.hashes.len()
    }
}

/// A made-up blocked host; no real domain is named.
fn blocked_host(i: usize) -> String {
    let words = [
        "secure", "verify", "kefu", "refund", "pay", "wallet", "login", "service",
    ];
    let tlds = ["top", "xyz", "vip", "icu", "cyou", "shop", "cc", "com"];
    format!(
        "{}-{}{:x}.{}",
        words[i % words.len()],
        words[(i / 8) % words.len()],
        i.wrapping_mul(2_654_435_761) % 0x0FFF_FFFF,
        tlds[(i / 64) % tlds.len()]
    )
}

fn guard(index: Arc<dyn BlockIndex>) -> Guard {
    let snap = Snapshot::build(&RuleSources::default(), index, "bench".into()).expect("snapshot");
    Guard::with_snapshot(
        Settings {
            region: "CN".into(),
            lang: Lang::ZhHans,
        },
        snap,
    )
    .expect("guard")
}

fn median_ns(mut f: impl FnMut()) -> f64 {
    for _ in 0..BATCH {
        f();
    }
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..BATCH {
                f();
            }
            t.elapsed().as_nanos() as f64 / BATCH as f64
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[SAMPLES / 2]
}

/// The compare bench's URL stream (`perf/benches/sides/link.rs`), same
/// shapes and generator, for instruction counts of the real mix.
fn stream_urls(n_hosts: u64, count: usize) -> Vec<String> {
    let mut state = 42u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    (0..count)
        .map(|i| match i % 10 {
            0 => {
                let h = blocked_host((next() % n_hosts) as usize);
                format!("https://{h}/login?id={}", next() % 1000)
            }
            1 => "https://www.icbc.com.cn/icbc/perbank/index.jsp".to_string(),
            2 => {
                let a = next() % 5000;
                format!(
                    "https://m.shop{a}.example.com/item/{}.html?src=sms",
                    next() % 100000
                )
            }
            3 => {
                let a = next() % 5000;
                format!("http://news.site{a}.cn/2024/05/{}.htm", next() % 10000)
            }
            4 => {
                let a = next() % 50;
                format!(
                    "https://cdn{a}.assets-example.net/static/js/app.{}.js",
                    next() % (1 << 20)
                )
            }
            5 => {
                let a = next() % 5000;
                let b = next() % 9999;
                format!(
                    "https://blog{a}.example.org/posts/{b}/comments#c{}",
                    next() % 50
                )
            }
            6 => format!("https://www.example{}.com/", next() % 100000),
            7 => {
                let a = next() % 1000;
                format!("https://a.b.c.example{a}.com/x/y/z?q={}", next() % 1000)
            }
            8 => format!("https://docs{}.example.io/guide/start.html", next() % 1000),
            _ => {
                let a = next() % 1000;
                format!("https://video{a}.example.tv/watch?v={:x}", next())
            }
        })
        .collect()
}

/// [`stream_urls`]' shapes with every host new: the numbers in the names
/// count up, the official site's URLs go to numbered subdomains of it.
fn fresh_urls(n_hosts: usize, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let u = i / 10;
            match i % 10 {
                0 => format!(
                    "https://{}/login?id={}",
                    blocked_host(u % n_hosts),
                    i % 1000
                ),
                1 => format!("https://u{u}.icbc.com.cn/icbc/perbank/index.jsp"),
                2 => format!("https://m.shop{u}.example.com/item/{i}.html?src=sms"),
                3 => format!("http://news.site{u}.cn/2024/05/{i}.htm"),
                4 => format!("https://cdn{u}.assets-example.net/static/js/app.{i}.js"),
                5 => format!("https://blog{u}.example.org/posts/{i}/comments#c1"),
                6 => format!("https://www.example{u}.com/"),
                7 => format!("https://a.b.c.example{u}.com/x/y/z?q={i}"),
                8 => format!("https://docs{u}.example.io/guide/start.html"),
                _ => format!("https://video{u}.example.tv/watch?v={i:x}"),
            }
        })
        .collect()
}

/// `FANZHA_LINK_STREAM=N`: N checks of the compare bench's URL stream by
/// a guard opened on a store (1 000 blocked hosts, audit writer on, as in
/// `compare`), nothing else. Under callgrind, run N = 0 and N = 2000 and
/// divide the difference by 2000 for instructions per check.
fn stream_profile(n: usize) {
    use fanzha_core::store::{FeedChange, FeedEntry, FileKeyProvider, Store};
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("links.db");
    let keys = Arc::new(FileKeyProvider::from_bytes(&[7u8; 32]));
    {
        let store = Store::open(&db, keys.as_ref()).expect("store opens");
        let entry = ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::ImpersonateCustomerService,
            severity: 90,
            reports: 3,
            label: "bench".into(),
            confirmed: false,
            match_bits: 0,
        };
        let entries = (0..1000).map(move |i| {
            Ok(FeedEntry::new(
                ListKind::Url,
                &format!("{}/", blocked_host(i)),
                entry.clone(),
            ))
        });
        store
            .apply_feed(FeedChange {
                feed_id: "bench".into(),
                version: 1,
                base: None,
                created_ms: 0,
                expires_ms: i64::MAX,
                entries: Box::new(entries),
                removals: Box::new(std::iter::empty()),
                rules: RuleSources::default(),
                settings: Vec::new(),
            })
            .expect("feed applies");
    }
    let guard = Guard::open(
        Settings {
            region: "CN".into(),
            lang: Lang::ZhHans,
        },
        &db,
        keys,
    )
    .expect("guard opens");
    // FANZHA_LINK_FRESH=1: the same shapes, no host twice (as the compare
    // bench's `link_check_new_hosts`); FANZHA_LINK_REPEAT=K: the first K
    // URLs of the stream over and over (their hosts cached).
    let fresh = std::env::var("FANZHA_LINK_FRESH").is_ok_and(|v| v == "1");
    let mut urls = if fresh {
        fresh_urls(1000, n.max(1) + 1)
    } else {
        stream_urls(1000, 2000)
    };
    if let Some(k) = std::env::var("FANZHA_LINK_REPEAT")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        urls.truncate(k.max(2));
    }
    // FANZHA_LINK_UNLISTED=1: without the blocked hosts' shape (every
    // tenth URL), so a profile shows what the median check spends.
    if std::env::var("FANZHA_LINK_UNLISTED").is_ok_and(|v| v == "1") {
        urls = urls
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % 10 != 0)
            .map(|(_, u)| u)
            .collect();
    }
    // One check before counting: the link model's table is built on the first.
    black_box(guard.check_link(&urls[1]).expect("checks"));
    for i in 0..n {
        black_box(
            guard
                .check_link(black_box(&urls[i % urls.len()]))
                .expect("checks"),
        );
    }
}

fn main() {
    if let Some(n) = std::env::var("FANZHA_LINK_STREAM")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        stream_profile(n);
        return;
    }
    // `cargo test --benches` runs this binary with `--bench` absent: keep it quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let n = if quick { 10_000 } else { BLOCKED_HOSTS };

    let t = Instant::now();
    let mut hashes: Vec<u64> = (0..n)
        .map(|i| fast_hash(&format!("{}/", blocked_host(i))))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let loaded = hashes.len();
    let index = Arc::new(SortedHashIndex { hashes });
    println!(
        "index: {loaded} blocked hosts, {:.1} MB, built in {:.0} ms",
        (loaded * 8) as f64 / 1e6,
        t.elapsed().as_secs_f64() * 1e3
    );

    let blocked = format!("https://{}/login?id=1", blocked_host(n / 2));
    let urls: Vec<(&str, String)> = vec![
        (
            "official bank",
            "https://www.icbc.com.cn/icbc/perbank/index.jsp".into(),
        ),
        (
            "benign",
            "https://www.example.com/news/2024/05/article.html?ref=home".into(),
        ),
        (
            "shared hosting",
            "https://my-project.pages.dev/docs/".into(),
        ),
        ("shortener", "http://t.cn/A6abcdEf".into()),
        (
            "brand phish",
            "http://icbc-secure-login.top/verify/index.html".into(),
        ),
        (
            "domain-in-sub",
            "https://www.icbc.com.cn.verify-account.xyz/login".into(),
        ),
        ("userinfo", "https://www.icbc.com.cn@evil.top/".into()),
        ("homograph", "http://аррle.com/id".into()),
        ("typosquat", "https://paypa1.com/signin".into()),
        ("apk", "http://dl.example.cn/app/todesk.apk".into()),
        ("bare in SMS", "abc.top/x".into()),
        ("blocked", blocked),
    ];

    let with_list = guard(index);
    let without = guard(Arc::new(fanzha_core::blocklist::MemoryIndex::new()));

    // For instruction counts under a profiler (`valgrind --tool=callgrind`):
    // FANZHA_LINK_PROFILE=N runs N checks of each URL and nothing else.
    if let Some(n) = std::env::var("FANZHA_LINK_PROFILE")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let only: Option<usize> = std::env::var("FANZHA_LINK_ONLY")
            .ok()
            .and_then(|v| v.parse().ok());
        for (i, (_, url)) in urls.iter().enumerate() {
            if only.is_some_and(|o| o != i) {
                continue;
            }
            for _ in 0..n {
                black_box(with_list.check_link(black_box(url)).expect("checks"));
            }
        }
        return;
    }
    for url in &urls {
        let v = with_list.check_link(&url.1).expect("checks");
        println!(
            "  {:<15} {:<10} score {:>3}  {}",
            url.0, v.level, v.score, url.1
        );
    }

    println!("\nlink check, {loaded} blocked hosts (median of {SAMPLES} × {BATCH}):");
    let mut all = Vec::new();
    for (name, url) in &urls {
        let ns = median_ns(|| {
            black_box(with_list.check_link(black_box(url)).expect("checks"));
        });
        all.push(ns);
        println!("  {name:<15} {:>7.2} µs", ns / 1e3);
    }
    all.sort_by(|a, b| a.total_cmp(b));
    println!(
        "  median over URL kinds: {:.2} µs",
        all[all.len() / 2] / 1e3
    );

    println!("\nsame URLs, no blocklist (heuristics only):");
    for (name, url) in &urls {
        let ns = median_ns(|| {
            black_box(without.check_link(black_box(url)).expect("checks"));
        });
        println!("  {name:<15} {:>7.2} µs", ns / 1e3);
    }

    println!("\ncanonicalize + expressions only:");
    for (name, url) in &urls[..3] {
        let ns = median_ns(|| {
            let c = fanzha_core::link::canonicalize(black_box(url)).expect("canonical");
            black_box(fanzha_core::link::expressions(&c));
        });
        println!("  {name:<15} {:>7.2} µs", ns / 1e3);
    }
}
