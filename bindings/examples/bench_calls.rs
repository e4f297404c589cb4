//! The Rust side of `bindings/scripts/bench-kotlin.sh`: the same checks the
//! Kotlin bench calls, timed inside Rust through this crate's `Guard` (the
//! work behind each Kotlin call, without the binding), so the two sets of
//! figures come from the same machine in the same run. Prints medians of
//! individually timed calls; a figure to quote, never an assertion.
//!
//! Usage: `bench_calls [RUNS] [MESSAGES_TSV]` (one "sender<TAB>text" per line).

use fanzha_ffi::{Channel, Guard, GuardSettings, MessageInput, NumberContext};
use std::hint::black_box;
use std::time::Instant;

fn measure(label: &str, runs: usize, mut call: impl FnMut(usize)) {
    for i in 0..runs / 2 {
        call(i);
    }
    let mut samples: Vec<u128> = (0..runs)
        .map(|i| {
            let t0 = Instant::now();
            call(i);
            t0.elapsed().as_nanos()
        })
        .collect();
    samples.sort_unstable();
    println!(
        "rust  {label:<44} median {:8.2} µs  p99 {:9.2} µs  ({runs} calls)",
        samples[runs / 2] as f64 / 1000.0,
        samples[runs * 99 / 100] as f64 / 1000.0
    );
}

/// Nanoseconds of CPU time this thread has used (`CLOCK_THREAD_CPUTIME_ID`);
/// `None` where the clock is missing. On a loaded machine the scheduler's
/// waits land in wall time, not here: the per-core figure.
fn thread_cpu_ns() -> Option<u64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}

fn measure_batch(label: &str, items: usize, rounds: usize, mut call: impl FnMut()) {
    call();
    let mut wall: Vec<u128> = Vec::with_capacity(rounds);
    let mut cpu: Vec<u64> = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let c0 = thread_cpu_ns();
        let t0 = Instant::now();
        call();
        wall.push(t0.elapsed().as_nanos());
        if let (Some(c0), Some(c1)) = (c0, thread_cpu_ns()) {
            cpu.push(c1.saturating_sub(c0));
        }
    }
    wall.sort_unstable();
    cpu.sort_unstable();
    let w = wall[rounds / 2] as f64;
    let cpu = match cpu.get(cpu.len() / 2) {
        Some(&c) => format!(
            "calling-thread cpu {:7.2} µs/item = {:9.0} items/s",
            c as f64 / 1000.0 / items as f64,
            items as f64 * 1e9 / c.max(1) as f64
        ),
        None => "calling-thread cpu unknown".to_string(),
    };
    println!(
        "rust  {label:<44} wall median {:8.2} µs/item = {:9.0} items/s | {cpu}  ({items} items × {rounds} rounds)",
        w / 1000.0 / items as f64,
        items as f64 * 1e9 / w
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000)
        .max(100);
    let messages: Vec<MessageInput> = args
        .next()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map(|text| {
            text.lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(s, b)| MessageInput {
                    sender: (!s.is_empty()).then(|| s.to_string()),
                    body: b.to_string(),
                })
                .collect()
        })
        .filter(|m: &Vec<MessageInput>| !m.is_empty())
        .unwrap_or_else(|| {
            vec![MessageInput {
                sender: Some("95588".into()),
                body: "【工商银行】您的账户存在异常，请点击 http://icbc-verify.top 验证".into(),
            }]
        });
    let guard = Guard::new(GuardSettings {
        region: "CN".into(),
        locale: "zh-Hans".into(),
        trusted_keys: Vec::new(),
    })
    .expect("embedded guard");
    let ctx = NumberContext {
        channel: Channel::Call,
        in_contacts: false,
        stir: None,
        calls_last_hour: 0,
    };
    let numbers: Vec<String> = (0..1024)
        .map(|i| format!("+86 138 {} 5678", 1000 + i))
        .collect();
    let links: Vec<String> = (0..1024)
        .map(|i| match i % 4 {
            0 => format!("https://www.example{i}.com/"),
            1 => format!("https://m.shop{i}.example.com/item/{}.html?src=sms", i * 7),
            2 => format!("http://icbc.com.cn@evil{i}.top/login"),
            _ => format!("https://docs{i}.example.io/guide/start.html"),
        })
        .collect();

    measure("feedVersion (floor)", runs, |_| {
        black_box(guard.feed_version());
    });
    measure("checkNumber (clear mobile)", runs, |i| {
        black_box(
            guard
                .check_number(numbers[i & 1023].clone(), ctx.clone())
                .ok(),
        );
    });
    measure("checkNumber (spoofed hotline)", runs, |_| {
        black_box(
            guard
                .check_number("+86 95588 0000".to_string(), ctx.clone())
                .ok(),
        );
    });
    measure("checkLink (mixed)", runs, |i| {
        black_box(guard.check_link(links[i & 1023].clone()).ok());
    });
    measure("checkMessage (corpus)", runs, |i| {
        let m = &messages[i % messages.len()];
        black_box(guard.check_message(m.sender.clone(), m.body.clone()).ok());
    });

    let batch = 1000;
    let rounds = (runs / 5000).max(5);
    let batch_msgs: Vec<MessageInput> = (0..batch)
        .map(|i| messages[i % messages.len()].clone())
        .collect();
    let batch_numbers: Vec<String> = (0..batch).map(|i| numbers[i & 1023].clone()).collect();
    let batch_links: Vec<String> = (0..batch).map(|i| links[i & 1023].clone()).collect();
    measure_batch("checkMessages ×1000, parallelism 1", batch, rounds, || {
        black_box(guard.check_messages(batch_msgs.clone(), 1));
    });
    measure_batch("checkMessages ×1000, every core", batch, rounds, || {
        black_box(guard.check_messages(batch_msgs.clone(), 0));
    });
    measure_batch("checkNumbers ×1000, parallelism 1", batch, rounds, || {
        black_box(
            guard
                .check_numbers(batch_numbers.clone(), ctx.clone(), 1)
                .ok(),
        );
    });
    measure_batch("checkLinks ×1000, parallelism 1", batch, rounds, || {
        black_box(guard.check_links(batch_links.clone(), 1));
    });
}
