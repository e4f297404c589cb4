//! `fanzha scan --kind conversation`: one JSON dialogue per line in, one
//! verdict (or error) per line out.

mod common;

use common::{fanzha, fanzha_stdin};

#[test]
fn check_takes_the_turns_as_arguments() {
    let out = fanzha(&[
        "check",
        "conversation",
        "remote:喂 这里是市公安局刑侦大队 你的身份证涉嫌一起洗钱案",
        "local:我该怎么做",
        "remote:案件保密 不要告诉任何人 把你卡里的钱转到安全账户",
        "--json",
        "--lang",
        "en",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["level"], "dangerous", "{v}");
    let bad = fanzha(&["check", "conversation", "caller:hi"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn scan_reads_one_dialogue_a_line_and_reports_bad_lines() {
    let input = [
        r#"{"label": "impersonate_authority", "turns": [{"speaker": "remote", "text": "喂 这里是市公安局刑侦大队 你的身份证涉嫌一起洗钱案"}, {"speaker": "local", "text": "我该怎么做"}, {"speaker": "remote", "text": "案件保密 不要告诉任何人"}, {"speaker": "remote", "text": "把你卡里的钱转到安全账户配合调查"}]}"#,
        r#"{"turns": [{"speaker": "remote", "text": "你好 顺丰快递 你的件到了 在家吗"}, {"speaker": "local", "text": "放门口就行"}]}"#,
        r#"{"turns": []}"#,
        r#"{"turns": [{"speaker": "caller", "text": "hi"}]}"#,
        r#"not json 13812345678"#,
    ]
    .join("\n");
    let out = fanzha_stdin(
        &["scan", "--kind", "conversation", "--lang", "en"],
        input.as_bytes(),
    );
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
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["level"], "dangerous", "{}", lines[0]);
    assert_eq!(lines[0]["fraud_type"], "impersonate_authority");
    let codes: Vec<&str> = lines[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"conversation.arc"), "{codes:?}");
    assert!(codes.contains(&"conversation.authority"), "{codes:?}");
    assert_eq!(lines[1]["level"], "clear", "{}", lines[1]);
    for (i, why) in [(2, "empty conversation"), (3, "speaker"), (4, "not JSON")] {
        let e = lines[i]["error"].as_str().unwrap_or_default();
        assert!(e.contains(why), "line {}: {}", i + 1, lines[i]);
        assert_eq!(lines[i]["kind"], "conversation");
    }
    // An error never repeats what was said.
    assert!(!lines[4]["error"].as_str().unwrap().contains("13812345678"));
}
