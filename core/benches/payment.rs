//! Payment check latency (DESIGN.md budget: ≤ 20 µs median).
//!
//! Harness-less: for each scenario, warms up, then times 201 samples of a
//! batch of checks and prints the median (and p90) time per check.
//!
//!     cargo bench -p fanzha-core --bench payment
//!
//! Scenarios: a routine payment; the classic scam (unknown caller on the
//! line, new payee, large amount, safe-account memo) with questions; the
//! same with a full journey (max events) and 2000 payees of history; an
//! IBAN payment with a spoofed hotline on the line.

// Amounts are written as major_minor (5_000_00 = 5000.00 CNY).
#![allow(clippy::inconsistent_digit_grouping)]

use fanzha_core::clock::ManualClock;
use fanzha_core::payment::{AccountKind, CallContext, Event, EventKind, PaymentIntent};
use fanzha_core::{FraudType, Guard, Lang, Level, Settings};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

const DAY: i64 = 1_714_528_800_000;
const SAMPLES: usize = 201;
const BATCH: usize = 200;

fn guard() -> (Guard, Arc<ManualClock>) {
    let mut g = Guard::new(Settings {
        region: "CN".into(),
        lang: Lang::ZhHans,
    })
    .expect("guard");
    let clock = Arc::new(ManualClock::new(DAY));
    g.set_clock(clock.clone());
    (g, clock)
}

fn measure(name: &str, g: &Guard, intent: &PaymentIntent) {
    for _ in 0..BATCH {
        black_box(g.check_payment(black_box(intent)).expect("checks"));
    }
    let mut per_check: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..BATCH {
                black_box(g.check_payment(black_box(intent)).expect("checks"));
            }
            t.elapsed().as_secs_f64() * 1e6 / BATCH as f64
        })
        .collect();
    per_check.sort_by(|a, b| a.total_cmp(b));
    let median = per_check[SAMPLES / 2];
    let p90 = per_check[SAMPLES * 9 / 10];
    println!("payment/{name:<28} median {median:>7.2} µs   p90 {p90:>7.2} µs   (budget 20 µs)");
}

fn main() {
    let mut routine =
        PaymentIntent::new("6222 0212 3456 7890 128", AccountKind::Card, 300_00, "CNY");
    routine.new_payee = Some(false);
    routine.memo = Some("三月房租".into());

    let mut scam = PaymentIntent::new(
        "6222 0212 3456 7890 128",
        AccountKind::Card,
        50_000_00,
        "CNY",
    );
    scam.new_payee = Some(true);
    scam.payee_name = Some("李四".into());
    scam.memo = Some("配合调查，资金转入安全账户".into());
    scam.context.call = Some(CallContext {
        number: Some("+86 170 1234 5678".into()),
        duration_secs: 1800,
        in_contacts: false,
    });

    let (g, _) = guard();
    measure("routine", &g, &routine);
    measure("classic_scam", &g, &scam);

    // A busy journey and a long history.
    let (g, clock) = guard();
    for k in 0..2000 {
        let p = PaymentIntent::new(
            format!("62220212345{k:08}"),
            AccountKind::Card,
            100_00 + k,
            "CNY",
        );
        g.record_payment(&p).expect("records");
    }
    for k in 0..1000 {
        let kind = [EventKind::Call, EventKind::Message, EventKind::Link][k % 3];
        let mut e = Event::flagged(kind, Level::Suspicious, Some(FraudType::Phishing));
        e.subject = Some(format!("+86138{k:08}"));
        g.record_event(e);
        clock.advance_secs(1);
    }
    measure("classic_scam_full_journey", &g, &scam);
    measure("routine_full_journey", &g, &routine);

    let mut iban = PaymentIntent::new(
        "DE89 3704 0044 0532 0130 00",
        AccountKind::Iban,
        2_500_00,
        "EUR",
    );
    iban.new_payee = Some(true);
    iban.context.screen_sharing = true;
    iban.context.call = Some(CallContext {
        number: Some("+86 95588 0000".into()),
        duration_secs: 300,
        in_contacts: false,
    });
    measure("iban_spoofed_hotline", &g, &iban);
}
