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

/// Trains a small message model in `dir` with `fanzha model train`.
fn small_model(dir: &common::Tmp) -> String {
    let mut lines = String::new();
    for i in 0..20 {
        let pad = "。".repeat(i % 3);
        for (t, l) in [
            ("恭喜您获得一等奖，请于三日内到一楼领取", "benign"),
            ("本周六超市会员抽奖，一等奖电饭煲，凭会员卡领取", "benign"),
            ("您的快递已到驿站，请凭取件码取件", "benign"),
            (
                "老同学是我，最近手头有点紧，能帮个忙吗",
                "impersonate_acquaintance",
            ),
            (
                "老同学好久不见最近手头有点紧能不能帮个忙",
                "impersonate_acquaintance",
            ),
        ] {
            lines.push_str(
                &serde_json::json!({"label": l, "text": format!("{t}{pad}")}).to_string(),
            );
            lines.push('\n');
        }
    }
    let corpus = dir.path("corpus.jsonl");
    std::fs::write(&corpus, lines).unwrap();
    let model = dir.path("m.fzml");
    let out = fanzha(&[
        "model", "train", "--input", &corpus, "--out", &model, "--bits", "14",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    model
}

#[test]
fn check_and_scan_use_the_model_given_with_model() {
    let dir = common::Tmp::new("msg-model");
    let model = small_model(&dir);
    let prize = "恭喜您获得一等奖，请于三日内到一楼领取";
    let friend = "王哥，老同学是我，手头有点紧，能不能帮个忙";
    let check = |text: &str, extra: &[&str]| {
        let mut args = vec!["check", "message", text, "--json", "--lang", "en"];
        args.extend_from_slice(extra);
        let out = fanzha(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        common::json(&out)
    };
    // The pattern set alone: the prize line is flagged, the friend's is not.
    let v = check(prize, &["--no-model"]);
    assert_ne!(v["level"], "clear", "{v}");
    assert!(!common::codes(&v).contains(&"message.model"));
    assert_eq!(check(friend, &["--no-model"])["level"], "clear");
    // With the model: the other way round, and the model explains itself.
    let v = check(prize, &["--model", &model]);
    assert_eq!(v["level"], "clear", "{v}");
    assert!(common::codes(&v).contains(&"message.model"));
    let v = check(friend, &["--model", &model]);
    assert_ne!(v["level"], "clear", "{v}");
    assert_eq!(v["fraud_type"], "impersonate_acquaintance");
    assert!(common::codes(&v).contains(&"message.model"));

    // `scan` the same way.
    let input = format!("{prize}\n{friend}\n");
    let out = fanzha_stdin(
        &["scan", "--kind", "message", "--model", &model],
        input.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let levels: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["level"].to_string())
        .collect();
    assert_eq!(levels.len(), 2);
    assert_eq!(levels[0], "\"clear\"");
    assert_ne!(levels[1], "\"clear\"");
}

#[test]
fn a_bad_model_file_is_a_usage_error() {
    let dir = common::Tmp::new("msg-bad-model");
    let bad = dir.path("bad.fzml");
    std::fs::write(&bad, b"FZML not really a model").unwrap();
    let out = fanzha(&["check", "message", "你好", "--model", &bad]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.fzml"));
    let out = fanzha(&[
        "check",
        "message",
        "你好",
        "--model",
        &dir.path("missing.fzml"),
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    // A link model is not a message model.
    let mut lines = String::new();
    for i in 0..10 {
        lines.push_str(&format!(
            "{{\"label\":\"phishing\",\"url\":\"http://icbc-verify{i}.top/login\"}}\n{{\"label\":\"benign\",\"url\":\"https://www.icbc.com.cn/{i}\"}}\n"
        ));
    }
    let lm = common::train_link_model(&dir, &lines);
    let out = fanzha_stdin(
        &["scan", "--kind", "message", "--model", &lm],
        "你好\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("link model"));
    // A link model is what `scan --kind link --model` takes.
    let out = fanzha_stdin(&["scan", "--kind", "link", "--model", &lm], b"a.com\n");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
