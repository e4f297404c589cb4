//! A small driver for counting instructions per message check under
//! callgrind: builds the guard, reads the bench's messages, then checks the
//! first `COUNT` of them in one `check_messages` batch (`parallelism = 1`)
//! through this crate's `Guard`, the work behind a Kotlin batch call.
//!
//! Before the batch it checks every message of the file one by one (the
//! lazily built tables and DFA states are built once per process). Run it twice, with `COUNT` 0 (the
//! setup and warm-up alone) and with `COUNT` N; the difference in
//! instructions over N is the cost of one message:
//!
//! ```sh
//! cargo build --profile bench -p fanzha-ffi --example profile_messages
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0 target/release/examples/profile_messages 0 target/kotlin-bench-messages.tsv
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.1000 target/release/examples/profile_messages 1000 target/kotlin-bench-messages.tsv
//! ```
//!
//! Usage: `profile_messages COUNT MESSAGES_TSV [brief]` (one
//! "sender<TAB>text" per line; `brief` calls `check_messages_brief`).

use fanzha_ffi::{Guard, GuardSettings, MessageInput};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let path = args.next().unwrap_or_default();
    let mode = args.next().unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let messages: Vec<MessageInput> = text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(s, b)| MessageInput {
            sender: (!s.is_empty()).then(|| s.to_string()),
            body: b.to_string(),
        })
        .take(count)
        .collect();
    let guard = Guard::new(GuardSettings {
        region: "CN".into(),
        locale: "zh-Hans".into(),
        trusted_keys: Vec::new(),
    })
    .expect("embedded guard");
    // Warm-up outside the measured batch, on every message of the file:
    // the lazily built tables (the Public Suffix List, the regexes' lazy
    // DFA states, the pattern automata) are built once per process, as in
    // a long-running app, and must not be counted in the batch.
    let all: Vec<(&str, &str)> = text.lines().filter_map(|l| l.split_once('\t')).collect();
    for (s, b) in &all {
        black_box(guard.check_message(Some(s.to_string()), b.to_string()).ok());
    }
    if messages.is_empty() {
        return;
    }
    let n = messages.len();
    // FANZHA_PARALLELISM=0: the batch on every core (the first such call of
    // the process, as an app's first inbox scan).
    let parallelism: u32 = std::env::var("FANZHA_PARALLELISM")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let start = std::time::Instant::now();
    if mode == "brief" {
        black_box(guard.check_messages_brief(messages, parallelism));
    } else {
        black_box(guard.check_messages(messages, parallelism));
    }
    let secs = start.elapsed().as_secs_f64();
    // The batch's wall time too (not meaningful under callgrind).
    println!(
        "checked {n} in {:.3} s: {:.2} µs a message",
        secs,
        secs * 1e6 / n.max(1) as f64
    );
}
