//! Side by side: our checks against what a user would pick instead, on the
//! same data, in one run. Prints one JSON object per line per comparison:
//! both sides named, both medians, `ratio` = ours / theirs (below 1: we are
//! faster), and memory for each side.
//!
//! ```sh
//! cargo bench -p fanzha-perf --bench compare -- --quick   # < 2 min
//! cargo bench -p fanzha-perf --bench compare              # full sizes (README table)
//! ```
//!
//! Medians: each side runs `ROUNDS` timed batches over the same input
//! stream; the per-operation median over the batches is reported. Memory:
//! heap bytes held after building, measured by a counting global allocator
//! (Rust allocations only — SQLite's own allocations are not seen, so the
//! SQLite side reports its file size and the process RSS growth instead).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

mod sides;

/// Counts live heap bytes.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(
                new_size as isize - layout.size() as isize,
                Ordering::Relaxed,
            );
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Live Rust heap bytes now.
pub fn heap_bytes() -> isize {
    LIVE.load(Ordering::Relaxed)
}

/// Resident set size of this process, in bytes (Linux; 0 elsewhere).
pub fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u64>().ok())
        })
        .map(|pages| pages * 4096)
        .unwrap_or(0)
}

/// Builds something and reports the heap bytes it holds.
pub fn measure_build<T>(build: impl FnOnce() -> T) -> (T, u64, f64) {
    let before = heap_bytes();
    let t = Instant::now();
    let value = build();
    let secs = t.elapsed().as_secs_f64();
    let held = (heap_bytes() - before).max(0) as u64;
    (value, held, secs)
}

/// Per-operation timing of `rounds × batch` calls of `op(i)`, `i` walking
/// the input stream, after one warm-up batch. Each call is timed on its own
/// (the clock read, ~20–30 ns here, is included on both sides alike), so the
/// median is the typical call and the mean shows the cost of rare slow ones
/// (blocklist hits that decrypt a block).
pub fn timings(rounds: usize, batch: usize, mut op: impl FnMut(usize)) -> Timing {
    for i in 0..batch {
        op(i);
    }
    let mut ns: Vec<f64> = Vec::with_capacity(rounds * batch);
    for i in 0..rounds * batch {
        let start = Instant::now();
        op(i);
        ns.push(start.elapsed().as_nanos() as f64);
    }
    let mean = ns.iter().sum::<f64>() / ns.len() as f64;
    ns.sort_by(|a, b| a.total_cmp(b));
    Timing {
        median: ns[ns.len() / 2],
        p99: ns[ns.len() * 99 / 100],
        mean,
    }
}

/// Nanoseconds per call.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    pub median: f64,
    pub p99: f64,
    pub mean: f64,
}

/// The median alone (see [`timings`]).
pub fn median_ns(rounds: usize, batch: usize, op: impl FnMut(usize)) -> Timing {
    timings(rounds, batch, op)
}

/// One output line.
pub struct Line<'a> {
    pub comparison: &'a str,
    pub entries: usize,
    pub ours: &'a str,
    pub theirs: &'a str,
    pub ours_ns: Timing,
    pub theirs_ns: Timing,
    pub extra: serde_json::Value,
}

pub fn emit(line: Line<'_>) {
    let mut obj = serde_json::json!({
        "comparison": line.comparison,
        "entries": line.entries,
        "ours": line.ours,
        "theirs": line.theirs,
        "ours_median_ns": r1(line.ours_ns.median),
        "theirs_median_ns": r1(line.theirs_ns.median),
        "ratio": ((line.ours_ns.median / line.theirs_ns.median) * 1000.0).round() / 1000.0,
        "ours_mean_ns": r1(line.ours_ns.mean),
        "theirs_mean_ns": r1(line.theirs_ns.mean),
        "ours_p99_ns": r1(line.ours_ns.p99),
        "theirs_p99_ns": r1(line.theirs_ns.p99),
    });
    if let (Some(o), serde_json::Value::Object(extra)) = (obj.as_object_mut(), line.extra) {
        o.extend(extra);
    }
    println!("{obj}");
}

fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Sizes for a run.
pub struct Plan {
    pub quick: bool,
    pub link_hosts: usize,
    pub number_sizes: Vec<usize>,
    pub feed_entries: usize,
    pub rounds: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes `--bench`; ignore what we don't know.
    let quick = args.iter().any(|a| a == "--quick");
    let only: Option<String> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1).cloned());
    let plan = if quick {
        Plan {
            quick,
            link_hosts: 1_000_000,
            number_sizes: vec![1_000_000],
            feed_entries: 100_000,
            rounds: 15,
        }
    } else {
        Plan {
            quick,
            link_hosts: 1_000_000,
            number_sizes: vec![1_000_000, 10_000_000],
            feed_entries: 1_000_000,
            rounds: 31,
        }
    };
    eprintln!(
        "compare: {} mode (cpu: {}, {} cores)",
        if quick { "quick" } else { "full" },
        cpu_name(),
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
    black_box(&plan);
    let run = |name: &str| only.as_deref().is_none_or(|o| o == name);
    if run("link") {
        sides::link::compare(&plan);
    }
    if run("number") {
        sides::number::compare(&plan);
    }
    if run("message") {
        sides::message::compare(&plan);
    }
    if run("feed") {
        sides::feed::compare(&plan);
    }
}

fn cpu_name() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
