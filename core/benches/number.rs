//! Number check, median per check (Criterion).
//!
//! `cargo bench -p fanzha-core --bench number`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use fanzha_core::{Guard, NumberContext, Settings};

fn bench(c: &mut Criterion) {
    let guard = Guard::new(Settings::default()).expect("guard");
    let ctx = NumberContext::default();
    let mut g = c.benchmark_group("number_check");
    for (name, input) in [
        ("mobile", "+86 138 1234 5678"),
        ("official_95588", "95588"),
        ("spoofed", "+86 95588 0000"),
        ("landline_ext", "0755-8888 9999 转 123"),
        ("international", "+855 12 345 678"),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| guard.check_number(black_box(input), &ctx).expect("checks"))
        });
    }
    g.finish();
    let rules = &guard.snapshot().numbers;
    c.bench_function("number_parse_only", |b| {
        b.iter(|| {
            fanzha_core::number::parse(rules, "CN", black_box("+86 138 1234 5678")).expect("parses")
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
