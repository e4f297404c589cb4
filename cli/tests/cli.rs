//! The CLI contract: output shape, exit codes, scan behaviour.

mod common;

use common::{fanzha, fanzha_stdin, json};

#[test]
fn check_number_json_is_one_object_with_the_contract_fields() {
    let out = fanzha(&[
        "check",
        "number",
        "+86 95588 0000",
        "--json",
        "--lang",
        "en",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "exactly one line: {text}");
    let v = json(&out);
    for key in [
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
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["kind"], "number");
    assert_eq!(v["input"], "+86 95588 0000");
    assert_eq!(v["level"], "dangerous");
    assert_eq!(v["action"], "block");
    assert_eq!(v["reasons"][0]["code"], "number.spoofed_service");
    assert!(v["reasons"][0]["weight"].is_i64());
    assert!(v["advice"].is_array());
}

#[test]
fn check_number_options() {
    let v = json(&fanzha(&[
        "check",
        "number",
        "17012345678",
        "--contact",
        "--json",
    ]));
    assert_eq!(v["level"], "clear");
    let v = json(&fanzha(&[
        "check",
        "number",
        "10690000123",
        "--channel",
        "sms",
        "--json",
    ]));
    assert_eq!(v["level"], "clear");
    let v = json(&fanzha(&[
        "check",
        "number",
        "10690000123",
        "--channel",
        "call",
        "--json",
    ]));
    assert_eq!(v["level"], "suspicious");
    let v = json(&fanzha(&[
        "check",
        "number",
        "650 253 0000",
        "--region",
        "US",
        "--json",
    ]));
    assert_eq!(v["normalized"], "+16502530000");
    let zh = json(&fanzha(&[
        "check", "number", "95588", "--lang", "zh", "--json",
    ]));
    assert!(zh["title"].as_str().unwrap().contains("中国工商银行"));
}

#[test]
fn human_output_explains() {
    let out = fanzha(&["check", "number", "+95588", "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("DANGEROUS"), "{text}");
    assert!(text.contains("number.spoofed_service"));
    assert!(text.contains("advice"));
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    for args in [
        vec!["check", "number", "hello"],
        vec!["check", "number", ""],
        vec!["check", "number", "13812345678", "--region", "ZZ"],
        vec!["check", "number", "13812345678", "--channel", "fax"],
        vec!["check", "number"],
        vec!["check", "teapot", "x"],
        vec!["scan", "--kind", "number", "--input", "/nonexistent/file"],
        vec!["frobnicate"],
    ] {
        let out = fanzha(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // The error does not echo the value back.
    let out = fanzha(&["check", "number", "13812345678abc"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("13812345678"));
}

#[test]
fn scan_keeps_order_and_goes_on_after_bad_lines() {
    let mut input = "95588\nhello\n+86 95588 0000\n\n\u{FF11}38 1234 5678\r\n"
        .as_bytes()
        .to_vec();
    input.extend_from_slice(b"\xff\xfe\n");
    let out = fanzha_stdin(&["scan", "--kind", "number"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["level"], "trusted");
    assert_eq!(lines[1]["input"], "hello");
    assert!(lines[1]["error"].as_str().unwrap().contains("letters"));
    assert_eq!(lines[2]["level"], "dangerous");
    assert!(lines[3]["error"].is_string());
    assert_eq!(lines[4]["normalized"], "+8613812345678");
    assert!(lines[5]["error"].is_string());
    for l in &lines {
        assert_eq!(l["kind"], "number");
    }
}

#[test]
fn scan_reads_a_file() {
    let dir = std::env::temp_dir().join(format!("fanzha-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("numbers.txt");
    std::fs::write(&path, "96110\n+8617012345678\n").unwrap();
    let out = fanzha(&[
        "scan",
        "--kind",
        "number",
        "--input",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text
        .lines()
        .nth(1)
        .unwrap()
        .contains("number.virtual_operator"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn demo_runs() {
    let out = fanzha(&["demo", "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("TRUSTED") && text.contains("DANGEROUS"),
        "{text}"
    );
}
