//! `fanzha check message` and `fanzha scan --kind message`.

mod common;

use common::{fanzha, fanzha_stdin};

#[test]
fn check_message_json_has_the_contract_fields_and_extracted_items() {
    let out = fanzha(&[
        "check",
        "message",
        "【公安局】您涉嫌洗钱案件，请将资金转入安全账户，联系 13812345678 或访问 abc.top/x",
        "--from",
        "+8617012345678",
        "--json",
        "--lang",
        "en",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "exactly one line: {text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Field order is the contract (the number check's, plus `extracted`
    // last): each top-level key first appears in this order.
    let order = [
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
        "extracted",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|k| {
            text.find(&format!("\"{k}\":"))
                .unwrap_or_else(|| panic!("no {k}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert_eq!(v.as_object().unwrap().len(), order.len());
    assert_eq!(v["kind"], "message");
    assert_eq!(v["level"], "dangerous");
    assert_eq!(v["fraud_type"], "impersonate_authority");
    let extracted = v["extracted"].as_array().unwrap();
    let kinds: Vec<&str> = extracted
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"sender") && kinds.contains(&"number") && kinds.contains(&"link"),
        "{kinds:?}"
    );
    let number = extracted.iter().find(|e| e["kind"] == "number").unwrap();
    assert_eq!(number["verdict"]["kind"], "number");
}

#[test]
fn check_message_human_output() {
    let out = fanzha(&[
        "check",
        "message",
        "验证码发错了，麻烦把收到的6位数字发给我",
        "--lang",
        "zh",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("verification_code"), "{text}");
    assert!(text.contains("message.code_request"), "{text}");
}

#[test]
fn empty_message_exits_2() {
    let out = fanzha(&["check", "message", "   "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
}

#[test]
fn scan_messages_one_per_line() {
    let input = "【工商银行】您尾号1234卡支出500.00元\n\n刷单兼职，日结佣金，加QQ 2837461952\n\u{feff}\u{200b}\n";
    let out = fanzha_stdin(
        &["scan", "--kind", "message", "--lang", "en"],
        input.as_bytes(),
    );
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["level"], "clear");
    assert_eq!(lines[1]["kind"], "message");
    assert!(
        lines[1]["error"].is_string(),
        "an empty line is reported, not fatal"
    );
    assert_eq!(lines[2]["fraud_type"], "rebate_task");
    assert!(lines[3]["error"].is_string());
}
