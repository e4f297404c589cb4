//! The message model's cost beside the pattern set (harness-less; prints a
//! table).
//!
//! `cargo bench -p fanzha-core --bench message_model`
//!
//! Over 100-byte messages cut from `tests/corpus/` (every split's text, each
//! cut at the last character boundary at or before 100 bytes, shorter ones
//! skipped), in the same run:
//! - the pattern set path: the message check with no model;
//! - the full check with the embedded default model;
//! - the model's score alone (`Model::score`: the n-grams hashed straight
//!   from the normalized text, what the check runs on every message);
//! - the model's inference with the n-gram texts (`Model::predict`: score
//!   plus evidence, which builds a `String` per n-gram: what every check
//!   paid before the evidence was made lazy);
//!
//! heap allocations per message of each (a counting allocator), and the
//! embedded model's size (file bytes, rows, classes, buckets).

use fanzha_core::model::{embedded, FeatureKind, Model};
use fanzha_core::{Guard, Settings, Snapshot};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The system allocator, counting allocations.
struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Heap allocations per message of one pass of `f` over `msgs`.
fn allocs(msgs: &[String], mut f: impl FnMut(&str)) -> f64 {
    let before = ALLOCS.load(Ordering::Relaxed);
    for m in msgs {
        f(m);
    }
    (ALLOCS.load(Ordering::Relaxed) - before) as f64 / msgs.len() as f64
}

fn messages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut files = Vec::new();
    for split in std::fs::read_dir(&dir).expect("tests/corpus").flatten() {
        if let Ok(entries) = std::fs::read_dir(split.path()) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "jsonl")),
            );
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("corpus file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("json line");
            let Some(body) = v["text"].as_str() else {
                continue;
            };
            if body.len() < 100 {
                continue;
            }
            let mut end = 100;
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            out.push(body[..end].to_string());
        }
    }
    out
}

/// Median time per message over `rounds` passes of `f` over `msgs`.
fn per_message(msgs: &[String], rounds: usize, mut f: impl FnMut(&str)) -> Duration {
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        for m in msgs {
            f(m);
        }
        times.push(t.elapsed() / msgs.len() as u32);
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let bytes = embedded(FeatureKind::Message).expect("this build embeds a message model");
    let model = Model::from_bytes(bytes, FeatureKind::Message).expect("embedded model loads");
    let with = Guard::new(Settings::default()).expect("guard");
    let mut snap = Snapshot::embedded().expect("snapshot");
    snap.message_model = None;
    let without = Guard::with_snapshot(Settings::default(), snap).expect("guard");
    let msgs = messages();
    // Warm up.
    for m in msgs.iter().take(300) {
        black_box(with.check_message(None, m).expect("checks"));
        black_box(without.check_message(None, m).expect("checks"));
    }
    let rounds = 5;
    let rules = per_message(&msgs, rounds, |m| {
        black_box(without.check_message(None, black_box(m)).expect("checks"));
    });
    let full = per_message(&msgs, rounds, |m| {
        black_box(with.check_message(None, black_box(m)).expect("checks"));
    });
    let score = per_message(&msgs, rounds, |m| {
        black_box(model.score(black_box(m)));
    });
    let predict = per_message(&msgs, rounds, |m| {
        black_box(model.predict(black_box(m)));
    });
    let a_rules = allocs(&msgs, |m| {
        black_box(without.check_message(None, m).expect("checks"));
    });
    let a_full = allocs(&msgs, |m| {
        black_box(with.check_message(None, m).expect("checks"));
    });
    let a_score = allocs(&msgs, |m| {
        black_box(model.score(m));
    });
    let a_predict = allocs(&msgs, |m| {
        black_box(model.predict(m));
    });
    println!(
        "{} messages of 100 bytes (cut from tests/corpus)",
        msgs.len()
    );
    println!(
        "  pattern set path (no model)      {:>10.2?} per message",
        rules
    );
    println!(
        "  full check with the model        {:>10.2?} per message ({:.2}x the pattern set path)",
        full,
        full.as_secs_f64() / rules.as_secs_f64()
    );
    println!(
        "  model score alone                {:>10.2?} per message ({:.2}x the pattern set path)",
        score,
        score.as_secs_f64() / rules.as_secs_f64()
    );
    println!(
        "  model predict (n-gram texts)     {:>10.2?} per message ({:.2}x the pattern set path)",
        predict,
        predict.as_secs_f64() / rules.as_secs_f64()
    );
    println!(
        "heap allocations per message: pattern set path {a_rules:.1}, full check {a_full:.1}, \
         score {a_score:.1}, predict {a_predict:.1}"
    );
    println!(
        "embedded model: {} bytes, {} rows, {} classes, 2^{} buckets",
        bytes.len(),
        model.rows(),
        model.classes.len(),
        model.bits
    );
}
