//! `fanzha check payment` and `fanzha scan --kind payment`: the CLI contract.
//! (The CLI uses the system clock, so nothing here depends on the hour.)

mod common;

use common::{codes, fanzha_stdin};
use std::process::Output;

fn fanzha(args: &[&str], stdin: Option<&str>) -> Output {
    fanzha_stdin(args, stdin.unwrap_or("").as_bytes())
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "exactly one JSON object: {text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn check_payment_json_has_the_verdict_schema() {
    let out = fanzha(
        &[
            "check",
            "payment",
            "--account",
            "6222 0212 3456 7890 128",
            "--kind",
            "card",
            "--amount",
            "5000.00",
            "--new-payee",
            "--in-call-unknown",
            "--call-secs",
            "600",
            "--json",
            "--lang",
            "en",
        ],
        None,
    );
    // Field order is the contract: check it on the raw text.
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let fields = [
        "kind",
        "input",
        "normalized",
        "level",
        "score",
        "action",
        "fraud_type",
        "reasons",
        "title",
        "advice",
        "feed_version",
        "protection",
        "cool_off_seconds",
        "questions",
    ];
    let at: Vec<usize> = fields
        .iter()
        .map(|f| text.find(&format!("\"{f}\":")).expect(f))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "field order: {text}");
    let v = json(&out);
    assert_eq!(v["kind"], "payment");
    assert_eq!(v["level"], "dangerous");
    assert_eq!(v["action"], "confirm");
    assert_eq!(v["fraud_type"], "impersonate_authority");
    assert!(v["cool_off_seconds"].as_u64().unwrap() > 0);
    assert!(!v["questions"].as_array().unwrap().is_empty());
    let codes = codes(&v);
    assert!(codes.contains(&"payment.in_call_new_payee"), "{codes:?}");
}

#[test]
fn check_payment_human_output_and_flags() {
    let out = fanzha(
        &[
            "check",
            "payment",
            "--account",
            "DE89 3704 0044 0532 0130 00",
            "--kind",
            "iban",
            "--amount",
            "20",
            "--currency",
            "EUR",
            "--in-call",
            "+86 95588 0000",
            "--screen-sharing",
            "--remote-access",
            "--lang",
            "en",
        ],
        None,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("[DANGEROUS]"), "{text}");
    for code in [
        "payment.in_call_flagged",
        "payment.screen_sharing",
        "payment.remote_access",
    ] {
        assert!(text.contains(code), "{code} missing: {text}");
    }
    assert!(
        text.contains("cool-off:") && text.contains("ask:"),
        "{text}"
    );
}

#[test]
fn bad_payment_arguments_exit_2_without_echoing_the_input() {
    for args in [
        &[
            "check",
            "payment",
            "--account",
            "4111111111111111",
            "--amount",
            "-5",
        ][..],
        &[
            "check",
            "payment",
            "--account",
            "4111111111111111",
            "--amount",
            "0",
        ],
        &[
            "check",
            "payment",
            "--account",
            "4111111111111111",
            "--amount",
            "12.345",
        ],
        &[
            "check",
            "payment",
            "--account",
            "4111111111111111",
            "--amount",
            "99999999999999999",
        ],
        &[
            "check",
            "payment",
            "--account",
            "4111111111111111",
            "--amount",
            "5",
            "--currency",
            "ABC",
        ],
        &["check", "payment", "--account", "", "--amount", "5"],
        &[
            "check",
            "payment",
            "--account",
            "4111111111111111",
            "--amount",
            "5",
            "--in-call",
            "1",
            "--in-call-unknown",
        ],
    ] {
        let out = fanzha(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("4111111111111111") || err.contains("Usage"),
            "{args:?}: {err}"
        );
    }
    let memo = "安".repeat(4000);
    let out = fanzha(
        &[
            "check",
            "payment",
            "--account",
            "4111111111111111",
            "--amount",
            "5",
            "--memo",
            &memo,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("memo is too long"));
}

#[test]
fn scan_payment_reads_one_intent_per_line() {
    let input = [
        r#"{"account":"6222 0212 3456 7890 128","account_kind":"card","amount_minor":500000,"currency":"CNY","new_payee":true,"context":{"call":{"number":null,"duration_secs":900}}}"#,
        r#"{"account":"4111111111111111","account_kind":"card","amount_minor":10000,"currency":"CNY","new_payee":false}"#,
        r#"{"account":"4111111111111111","amount":"5000"}"#,
        "not json",
        r#"{"account":"4111111111111111","amount_minor":-1,"currency":"CNY"}"#,
        r#"{"account":"DE89370400440532013000","account_kind":"iban","amount_minor":100,"currency":"EUR","memo":"转入安全账户"}"#,
    ]
    .join("\n");
    let out = fanzha(&["scan", "--kind", "payment", "--lang", "en"], Some(&input));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["level"], "dangerous");
    // Lines are independent: the second is not escalated by the first.
    assert!(lines[1]["level"] == "clear", "{}", lines[1]);
    for bad in [2, 3, 4] {
        assert_eq!(lines[bad]["kind"], "payment");
        assert!(
            lines[bad]["error"]
                .as_str()
                .unwrap()
                .starts_with("invalid payment input"),
            "{}",
            lines[bad]
        );
    }
    assert_eq!(lines[5]["level"], "dangerous");
    assert_eq!(lines[5]["fraud_type"], "impersonate_authority");
}
