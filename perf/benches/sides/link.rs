//! Link check with N blocked hosts vs Brave's adblock-rust loaded with the
//! same hosts as `||host^` rules, on the same URL stream.

use super::{build_store, open_guard, Rng, Scratch};
use crate::{emit, measure_build, median_ns, Line, Plan};
use fanzha_core::blocklist::ListKind;
use std::hint::black_box;

/// A made-up host; no real domain is named.
fn host(i: u64) -> String {
    const WORDS: [&str; 8] = [
        "secure", "verify", "kefu", "refund", "pay", "wallet", "login", "service",
    ];
    const TLDS: [&str; 8] = ["top", "xyz", "vip", "icu", "cyou", "shop", "cc", "com"];
    format!(
        "{}-{}{:x}.{}",
        WORDS[(i % 8) as usize],
        WORDS[((i / 8) % 8) as usize],
        i.wrapping_mul(2_654_435_761) % 0x0FFF_FFFF,
        TLDS[((i / 64) % 8) as usize]
    )
}

/// The URL stream: 10 % on blocked hosts (some on subdomains and deep
/// paths), the rest ordinary made-up sites and a few official ones.
/// `fresh`: the same shapes, but no host twice (the numbers in the names
/// count up, the official site's URLs go to numbered subdomains of it), so
/// nothing kept per host helps.
fn urls(n_hosts: u64, count: usize, fresh: bool) -> Vec<String> {
    let mut rng = Rng(42);
    (0..count)
        .map(|i| {
            if fresh {
                fresh_url(&mut rng, n_hosts, i)
            } else {
                match i % 10 {
                    0 => format!(
                        "https://{}/login?id={}",
                        host(rng.below(n_hosts)),
                        rng.below(1000)
                    ),
                    1 => "https://www.icbc.com.cn/icbc/perbank/index.jsp".to_string(),
                    2 => format!(
                        "https://m.shop{}.example.com/item/{}.html?src=sms",
                        rng.below(5000),
                        rng.below(100000)
                    ),
                    3 => format!(
                        "http://news.site{}.cn/2024/05/{}.htm",
                        rng.below(5000),
                        rng.below(10000)
                    ),
                    4 => format!(
                        "https://cdn{}.assets-example.net/static/js/app.{}.js",
                        rng.below(50),
                        rng.below(1 << 20)
                    ),
                    5 => format!(
                        "https://blog{}.example.org/posts/{}/comments#c{}",
                        rng.below(5000),
                        rng.below(9999),
                        rng.below(50)
                    ),
                    6 => format!("https://www.example{}.com/", rng.below(100000)),
                    7 => format!(
                        "https://a.b.c.example{}.com/x/y/z?q={}",
                        rng.below(1000),
                        rng.below(1000)
                    ),
                    8 => format!(
                        "https://docs{}.example.io/guide/start.html",
                        rng.below(1000)
                    ),
                    _ => format!(
                        "https://video{}.example.tv/watch?v={:x}",
                        rng.below(1000),
                        rng.next()
                    ),
                }
            }
        })
        .collect()
}

/// The `i`-th URL of the stream where every host is new (one in ten on a
/// blocked host, as in the other stream).
fn fresh_url(rng: &mut Rng, n_hosts: u64, i: usize) -> String {
    let u = i / 10;
    match i % 10 {
        0 => format!(
            "https://{}/login?id={}",
            host(u as u64 % n_hosts),
            rng.below(1000)
        ),
        1 => format!("https://u{u}.icbc.com.cn/icbc/perbank/index.jsp"),
        2 => format!(
            "https://m.shop{u}.example.com/item/{}.html?src=sms",
            rng.below(100000)
        ),
        3 => format!("http://news.site{u}.cn/2024/05/{}.htm", rng.below(10000)),
        4 => format!(
            "https://cdn{u}.assets-example.net/static/js/app.{}.js",
            rng.below(1 << 20)
        ),
        5 => format!(
            "https://blog{u}.example.org/posts/{}/comments#c{}",
            rng.below(9999),
            rng.below(50)
        ),
        6 => format!("https://www.example{u}.com/"),
        7 => format!("https://a.b.c.example{u}.com/x/y/z?q={}", rng.below(1000)),
        8 => format!("https://docs{u}.example.io/guide/start.html"),
        _ => format!("https://video{u}.example.tv/watch?v={:x}", rng.next()),
    }
}

pub fn compare(plan: &Plan) {
    let n = plan.link_hosts as u64;
    let stream = urls(n, 20_000, false);
    // One URL per timed call and the warm-up batch: no host twice.
    let fresh = urls(n, (plan.rounds + 1) * 2_000, true);
    let scratch = Scratch::new("link");
    let db = scratch.path("links.db");

    // Ours: the store written by a full feed of the hosts' expressions
    // (`host/`, as the link check looks them up), then the guard opened on it.
    let apply_secs = build_store(&db, ListKind::Url, (0..n).map(|i| format!("{}/", host(i))));
    let rss_before = crate::rss_bytes();
    let (guard, ours_heap, open_secs) = measure_build(|| open_guard(&db));
    let ours_rss = crate::rss_bytes().saturating_sub(rss_before);
    // Sanity: a blocked host is caught, an ordinary one is not.
    let hit = guard
        .check_link(&format!("https://{}/x", host(7)))
        .expect("checks");
    assert!(
        hit.has_reason("link.blocklisted"),
        "blocked host not found: {:?}",
        hit.reasons
    );
    let ours = median_ns(plan.rounds, 2_000, |i| {
        let _ = black_box(guard.check_link(black_box(&stream[i % stream.len()])));
    });
    let ours_fresh = median_ns(plan.rounds, 2_000, |i| {
        let _ = black_box(guard.check_link(black_box(&fresh[i % fresh.len()])));
    });
    // FANZHA_LINK_KINDS=1: each of the ten URL shapes alone, on stderr
    // (where a ratio's time goes; not part of the comparison).
    if std::env::var("FANZHA_LINK_KINDS").is_ok_and(|v| v == "1") {
        for (name, urls) in [("stream", &stream), ("fresh", &fresh)] {
            for k in 0..10 {
                let pick: Vec<&String> = urls.iter().skip(k).step_by(10).collect();
                let t = median_ns(plan.rounds, 200, |i| {
                    let _ = black_box(guard.check_link(black_box(pick[i % pick.len()])));
                });
                eprintln!(
                    "{name} kind {k}: median {:.0} ns mean {:.0}  e.g. {}",
                    t.median, t.mean, pick[3]
                );
            }
        }
    }
    drop(guard);

    // Theirs: adblock-rust with `||host^` rules.
    let mut rules = String::with_capacity(n as usize * 28);
    for i in 0..n {
        rules.push_str("||");
        rules.push_str(&host(i));
        rules.push_str("^\n");
    }
    let rss_before = crate::rss_bytes();
    let (engine, theirs_heap, theirs_build) = measure_build(|| {
        let mut set = adblock::lists::FilterSet::new(false);
        set.add_filter_list(
            std::mem::take(&mut rules),
            adblock::lists::ParseOptions::default(),
        );
        adblock::Engine::new_with_filter_set(set)
    });
    let theirs_rss = crate::rss_bytes().saturating_sub(rss_before);
    let probe =
        adblock::request::Request::new(&format!("https://{}/x", host(7)), "", "document", "GET")
            .expect("request");
    assert!(
        engine.check_network_request(&probe).should_block(),
        "adblock misses a blocked host"
    );
    let theirs_on = |urls: &[String]| {
        median_ns(plan.rounds, 2_000, |i| {
            if let Ok(req) = adblock::request::Request::new(
                black_box(&urls[i % urls.len()]),
                "",
                "document",
                "GET",
            ) {
                black_box(engine.check_network_request(&req));
            }
        })
    };
    let theirs = theirs_on(&stream);
    let theirs_fresh = theirs_on(&fresh);

    emit(Line {
        comparison: "link_check",
        entries: n as usize,
        ours: "fanzha Guard::check_link (canonicalize, heuristics, 30 expressions against the store's index)",
        theirs: "adblock-rust 0.13 Engine::check_network_request (Request::new + ||host^ rules)",
        ours_ns: ours,
        theirs_ns: theirs,
        extra: serde_json::json!({
            "ours_guard_heap_bytes_per_entry": round2(ours_heap as f64 / n as f64),
            "theirs_heap_bytes_per_entry": round2(theirs_heap as f64 / n as f64),
            "ours_rss_growth_mb": round2(ours_rss as f64 / 1e6),
            "theirs_rss_growth_mb": round2(theirs_rss as f64 / 1e6),
            "ours_feed_apply_s": round2(apply_secs),
            "ours_open_s": round2(open_secs),
            "theirs_build_s": round2(theirs_build),
        }),
    });
    emit(Line {
        comparison: "link_check_new_hosts",
        entries: n as usize,
        ours:
            "the same, on the same URL shapes with no host seen twice (nothing kept per host helps)",
        theirs: "the same",
        ours_ns: ours_fresh,
        theirs_ns: theirs_fresh,
        extra: serde_json::json!({}),
    });
}

pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
