//! What the link check derives from the host alone, kept for the last
//! hosts seen: an inbox or a browsing session repeats hosts, and most of a
//! check's work (the rules' facts about the host and its parents, the PSL
//! split, the IDN, shape, brand, typosquat and lure signals) depends on the
//! host and nothing else.
//!
//! One cache per [`super::LinkRules`], so per snapshot: a feed, a reload or
//! new rules build a new snapshot and start with an empty cache. It is
//! bounded ([`SLOTS`] entries, direct-mapped by a hash of the host: a new
//! host replaces the one in its slot) and thread-safe without a shared
//! lock: each slot has its own lock, only ever tried (a slot another thread
//! holds is a miss, the check computes the host's parts itself). What it
//! holds is exactly what the check would compute, so a verdict is
//! byte-identical with or without it (the tests compare every corpus link
//! both ways).

use crate::verdict::{FraudType, Lang, Reason};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use xxhash_rust::xxh3::xxh3_64;

/// What the rules say about a host, merged over its parent domains.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct HostFacts {
    /// The brand owning the host (the longest listed parent wins).
    pub official: Option<usize>,
    pub user_content: bool,
    pub infrastructure: bool,
    /// Object storage, CDN or IPFS gateway (`storage_hosts`): the host's
    /// name says nothing about the page.
    pub storage: bool,
    /// The length of the site platform's domain (`site_platforms`) the
    /// host is a site of, when it is one.
    pub site_platform: Option<usize>,
    pub shortener: bool,
    /// A name on a quick-tunnel service (`tunnel_hosts`): a page served
    /// from someone's own computer through a temporary address.
    pub tunnel: bool,
    pub remote_app: Option<usize>,
}

/// Entries kept (a power of two).
pub(crate) const SLOTS: usize = 1024;

/// Longest host kept (bytes); longer ones are computed each time.
const MAX_HOST: usize = 253;

/// What the domain signals found out about the host besides its reasons.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct HostStanding {
    /// A subdomain of a shared platform (a private PSL suffix).
    pub shared: bool,
    /// Its registrable domain is a well-known site (the protected list),
    /// and the host is not open to anyone's content or files.
    pub known: bool,
    /// The host is a protected or official domain itself (or its `www.`),
    /// whether or not anyone's content is served there (`dropbox.com`); a
    /// subdomain (`x.s3.amazonaws.com`, `onedrive.live.com`) is not.
    pub protected: bool,
}

/// What the host's signals added to the assessment, in order.
#[derive(Debug, Default)]
pub(crate) struct HostSignals {
    pub(crate) reasons: Vec<Reason>,
    pub(crate) votes: Vec<(FraudType, i32)>,
    pub(crate) name: Option<String>,
    /// Shared platform, well-known site.
    pub(crate) standing: HostStanding,
}

/// Most model classes kept per host.
pub(crate) const HOST_CLASSES: usize = 8;

/// The host's part of the link model's score: the distinct hashes of the
/// host's grams (sorted, about 0.6 KB for a 25-byte host) and the sums of
/// their rows.
#[derive(Debug)]
pub(crate) struct HostGrams {
    /// `^host$` as the model reads it (lowercase, digits as `0`).
    pub(crate) text: Box<[u8]>,
    /// The model and table the sums come from.
    pub(crate) key: super::model_table::TableKey,
    pub(crate) hashes: Box<[u64]>,
    pub(crate) acc: [i32; HOST_CLASSES],
}

impl HostGrams {
    /// Whether `h` is one of the host's gram hashes.
    #[inline]
    pub(crate) fn contains(&self, h: u64) -> bool {
        self.hashes.binary_search(&h).is_ok()
    }
}

/// One host's cached parts.
#[derive(Debug)]
pub(crate) struct HostEntry {
    host: Box<str>,
    lang: Lang,
    /// The rules' facts about the host.
    pub(crate) facts: HostFacts,
    /// The domain signals, computed the first time a check needs them.
    pub(crate) signals: OnceLock<Option<HostSignals>>,
    /// The link model's host part, computed when a check needs it and the
    /// host was seen before (a host seen once costs no more than without
    /// the cache).
    pub(crate) model: OnceLock<Option<HostGrams>>,
    /// The entry was found in the cache at least once.
    seen_again: AtomicBool,
}

impl HostEntry {
    /// A fresh entry, not kept anywhere (the cache is off or the host too
    /// long).
    pub(crate) fn new(host: &str, lang: Lang, facts: HostFacts) -> HostEntry {
        HostEntry {
            host: host.into(),
            lang,
            facts,
            signals: OnceLock::new(),
            model: OnceLock::new(),
            seen_again: AtomicBool::new(false),
        }
    }

    /// Whether a check found this entry in the cache before.
    pub(crate) fn seen_again(&self) -> bool {
        self.seen_again.load(Ordering::Relaxed)
    }
}

/// What a slot holds.
#[derive(Debug, Default)]
enum Slot {
    #[default]
    Empty,
    /// A host seen once: only a fingerprint of it and its language. A host
    /// gets an entry the second time it is seen, so a host seen once costs
    /// nothing to keep (most hosts of a stream of new ones).
    Seen(u64),
    Kept(Arc<HostEntry>),
}

/// The cache; see the module docs.
pub(crate) struct HostCache {
    slots: Box<[Mutex<Slot>]>,
}

impl Default for HostCache {
    /// [`SLOTS`] slots; the environment variable
    /// `FANZHA_LINK_HOST_CACHE_SLOTS` (read once per process) sets another
    /// size, 0 for none: a knob to measure what the cache buys.
    fn default() -> HostCache {
        static SIZE: OnceLock<usize> = OnceLock::new();
        HostCache::with_slots(*SIZE.get_or_init(|| {
            std::env::var("FANZHA_LINK_HOST_CACHE_SLOTS")
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
                .map_or(SLOTS, |n| n.min(1 << 20))
        }))
    }
}

impl std::fmt::Debug for HostCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HostCache")
            .field("slots", &self.slots.len())
            .finish()
    }
}

impl HostCache {
    /// A cache of `n` slots (rounded up to a power of two); 0: off.
    pub(crate) fn with_slots(n: usize) -> HostCache {
        let n = if n == 0 { 0 } else { n.next_power_of_two() };
        HostCache {
            slots: (0..n).map(|_| Mutex::new(Slot::Empty)).collect(),
        }
    }

    /// The entry of `host` for `lang`: the cached one; a new one with
    /// `facts()`, kept, when the host was seen once before; or `None` the
    /// first time (and when the cache is off, the host too long or its
    /// slot held by another thread): the check then computes the host's
    /// parts itself, as it would without a cache.
    pub(crate) fn entry(
        &self,
        host: &str,
        lang: Lang,
        facts: impl FnOnce() -> HostFacts,
    ) -> Option<Arc<HostEntry>> {
        if self.slots.is_empty() || host.len() > MAX_HOST {
            return None;
        }
        let hash = xxh3_64(host.as_bytes());
        // The language in the fingerprint: another language is another host.
        let print = hash ^ (lang as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut held = self.slots[hash as usize & (self.slots.len() - 1)]
            .try_lock()
            .ok()?;
        match &*held {
            Slot::Kept(e) if &*e.host == host && e.lang == lang => {
                e.seen_again.store(true, Ordering::Relaxed);
                Some(Arc::clone(e))
            }
            Slot::Seen(p) if *p == print => {
                let fresh = Arc::new(HostEntry::new(host, lang, facts()));
                fresh.seen_again.store(true, Ordering::Relaxed);
                *held = Slot::Kept(Arc::clone(&fresh));
                Some(fresh)
            }
            _ => {
                // The slot's last host, if any, is dropped once the lock
                // is released.
                let old = std::mem::replace(&mut *held, Slot::Seen(print));
                drop(held);
                drop(old);
                None
            }
        }
    }

    /// How many hosts have an entry now.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots
            .iter()
            .filter(|s| s.lock().is_ok_and(|s| matches!(*s, Slot::Kept(_))))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every link of the link corpora (and every spoof host), both
    /// languages, with and without the model: the verdict with the cache
    /// (checked three times, so the third check reads what the second
    /// kept) is
    /// byte-identical to the verdict without it.
    #[test]
    fn verdicts_are_the_same_with_and_without_the_cache() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/links");
        let mut urls = Vec::new();
        for e in std::fs::read_dir(dir).expect("corpus dir") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "jsonl") {
                for line in std::fs::read_to_string(&p).expect("corpus").lines() {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                        if let Some(u) = v["url"].as_str().or(v["host"].as_str()) {
                            urls.push(u.to_string());
                        }
                    }
                }
            }
        }
        assert!(urls.len() > 20_000, "{} corpus links", urls.len());
        let cached = crate::Snapshot::embedded().expect("snapshot");
        let mut off = crate::Snapshot::embedded().expect("snapshot");
        off.links.host_cache = HostCache::with_slots(0);
        let mut no_model = crate::Snapshot::embedded().expect("snapshot");
        no_model.link_model = None;
        let mut no_model_off = crate::Snapshot::embedded().expect("snapshot");
        no_model_off.link_model = None;
        no_model_off.links.host_cache = HostCache::with_slots(0);
        let text = |snap: &crate::Snapshot, lang: Lang, url: &str| {
            crate::link::check(snap, lang, url).map(|mut v| {
                v.id = None;
                serde_json::to_string(&v).expect("json")
            })
        };
        let mut hits = 0usize;
        for (with, without, lang) in [
            (&cached, &off, Lang::En),
            (&cached, &off, Lang::ZhHans),
            (&no_model, &no_model_off, Lang::En),
        ] {
            for url in &urls {
                let want = text(without, lang, url);
                // The first check only marks the host as seen, the second
                // keeps its parts, the third reads them.
                for pass in 0..3 {
                    let got = text(with, lang, url);
                    assert_eq!(got.is_ok(), want.is_ok(), "{url:?}");
                    if let (Ok(got), Ok(want)) = (got, &want) {
                        assert_eq!(&got, want, "{url:?} pass {pass}");
                    }
                }
            }
            hits += with.links.host_cache.len();
        }
        assert!(hits > 0);
    }

    /// Four threads checking the same links on one snapshot (one cache)
    /// get the verdicts a snapshot without the cache gives.
    #[test]
    fn shared_between_threads() {
        let urls: Vec<String> = (0..400)
            .map(|i| match i % 4 {
                0 => format!("https://secure-login{}.top/verify?id={i}", i % 7),
                1 => format!("https://www.icbc.com.cn/path/{i}"),
                2 => format!("http://icbc-kefu{}.xyz/a/{i}.html", i % 5),
                _ => format!("https://docs{}.example.io/guide/{i}", i % 9),
            })
            .collect();
        let mut off = crate::Snapshot::embedded().expect("snapshot");
        off.links.host_cache = HostCache::with_slots(0);
        let text = |snap: &crate::Snapshot, url: &str| {
            let mut v = crate::link::check(snap, Lang::En, url).expect("verdict");
            v.id = None;
            serde_json::to_string(&v).expect("json")
        };
        let want: Vec<String> = urls.iter().map(|u| text(&off, u)).collect();
        let shared = crate::Snapshot::embedded().expect("snapshot");
        std::thread::scope(|s| {
            for t in 0..4 {
                let (urls, want, shared) = (&urls, &want, &shared);
                s.spawn(move || {
                    for k in 0..urls.len() {
                        let i = (k * (t + 1) + t) % urls.len();
                        assert_eq!(text(shared, &urls[i]), want[i], "{}", urls[i]);
                    }
                });
            }
        });
        assert!(shared.links.host_cache.len() > 0);
    }

    #[test]
    fn bounded_and_keyed_by_host_and_language() {
        let cache = HostCache::with_slots(8);
        let facts = || HostFacts {
            shortener: true,
            ..HostFacts::default()
        };
        let never = || -> HostFacts { panic!("facts computed for a host seen once") };
        assert!(
            cache.entry("a.example.com", Lang::En, never).is_none(),
            "a host seen once has no entry"
        );
        let a = cache
            .entry("a.example.com", Lang::En, facts)
            .expect("kept the second time");
        assert!(a.facts.shortener);
        assert!(a.seen_again());
        let again = cache
            .entry("a.example.com", Lang::En, HostFacts::default)
            .expect("kept");
        assert!(Arc::ptr_eq(&a, &again));
        assert!(again.facts.shortener, "the facts of the first computation");
        // Another language is another host (and takes the slot).
        assert!(cache.entry("a.example.com", Lang::ZhHans, never).is_none());
        let zh = cache
            .entry("a.example.com", Lang::ZhHans, HostFacts::default)
            .expect("kept");
        assert!(!zh.facts.shortener);
        for i in 0..100 {
            for _ in 0..2 {
                cache.entry(&format!("h{i}.example.com"), Lang::En, HostFacts::default);
            }
        }
        assert!(cache.len() > 0 && cache.len() <= 8);
        let off = HostCache::with_slots(0);
        for _ in 0..3 {
            assert!(off.entry("a.example.com", Lang::En, never).is_none());
        }
        assert_eq!(off.len(), 0);
        let long = "a".repeat(300);
        for _ in 0..3 {
            assert!(
                cache.entry(&long, Lang::En, never).is_none(),
                "a host over {MAX_HOST} bytes is not kept"
            );
        }
    }
}
