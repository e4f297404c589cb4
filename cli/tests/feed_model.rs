//! Models in signed feeds through the binary: `fanzha model train` →
//! `fanzha feed build --model` → `fanzha store apply` → `fanzha store
//! status` names the model in use; a feed whose model is damaged is refused
//! by `store apply` and leaves the store exactly as it was.

mod common;

use common::{fanzha_in as fanzha, feed_build, ok_in};
use fanzha_core::feed::{FeedMeta, FeedWriter, PublisherKey, RuleKind};
use std::path::Path;

const STORE: [&str; 4] = ["--store", "s.db", "--key-file", "k"];

fn ok(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = ok_in(dir, args);
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

fn status(dir: &Path) -> serde_json::Value {
    let mut args = vec!["store", "status"];
    args.extend_from_slice(&STORE);
    ok(dir, &args)
}

/// The checksum id of a model file, as status reports it.
fn id_of(bytes: &[u8]) -> String {
    let mut tail = [0u8; 8];
    tail.copy_from_slice(&bytes[bytes.len() - 8..]);
    format!("{:016x}", u64::from_le_bytes(tail))
}

#[test]
fn build_with_a_model_apply_status_then_a_damaged_model_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["feed", "keygen", "--out", "key"]);
    let mut init = vec!["store", "init"];
    init.extend_from_slice(&STORE);
    ok(d, &init);
    let corpus = [
        (r#"impersonate_authority"#, "请将资金转入安全账户配合调查"),
        ("impersonate_authority", "您涉嫌洗钱 立即转账到监管账户"),
        ("rebate_task", "刷单返利 日赚300 加微信"),
        ("benign", "您的快递已到驿站请取件"),
        ("benign", "明天下午三点开会"),
        ("benign", "妈妈晚上回家吃饭吗"),
    ]
    .iter()
    .map(|(l, t)| serde_json::json!({"label": l, "text": t}).to_string() + "\n")
    .collect::<String>();
    std::fs::write(d.join("corpus.jsonl"), corpus).unwrap();
    ok_in(
        d,
        &[
            "model",
            "train",
            "--input",
            "corpus.jsonl",
            "--out",
            "m.fzml",
            "--bits",
            "12",
        ],
    );
    let model = std::fs::read(d.join("m.fzml")).unwrap();
    std::fs::write(d.join("numbers.csv"), "13900000001,other,90,x,1\n").unwrap();

    // Before: no feed model.
    let before = status(d);
    assert!(
        before["models"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["source"] == "embedded"),
        "{before}"
    );

    // A link model where the message model belongs: refused at build.
    let out = fanzha(
        d,
        &feed_build(
            "1",
            &[
                "--numbers",
                "numbers.csv",
                "--link-model",
                "m.fzml",
                "--out",
                "bad",
            ],
        ),
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("link model"), "{err}");
    assert!(!d.join("bad").exists());

    ok_in(
        d,
        &feed_build(
            "1",
            &[
                "--numbers",
                "numbers.csv",
                "--model",
                "m.fzml",
                "--out",
                "v1",
            ],
        ),
    );
    let inspect = ok(d, &["feed", "inspect", "v1"]);
    assert_eq!(
        inspect["rules"]["message_model"]["model_bytes"],
        model.len(),
        "{inspect}"
    );
    let mut apply = vec!["store", "apply"];
    apply.extend_from_slice(&STORE);
    apply.extend_from_slice(&["--trust", "key.pub", "v1"]);
    let applied = ok(d, &apply);
    assert_eq!(applied["rules_replaced"][0], "message_model", "{applied}");

    let after = status(d);
    let m = &after["models"][0];
    assert_eq!(m["kind"], "message", "{after}");
    assert_eq!(m["source"], "feed");
    assert_eq!(m["id"], id_of(&model));
    assert_eq!(m["classes"], 3);
    assert_eq!(after["feeds"][0]["rules"][0], "message_model");

    // A v2 whose model is damaged (signed anyway, as a hostile or broken
    // publisher could): refused, nothing changes.
    let key = PublisherKey::from_text(&std::fs::read_to_string(d.join("key")).unwrap()).unwrap();
    let mut damaged = model.clone();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0x5a;
    let mut w = FeedWriter::new(
        std::io::Cursor::new(Vec::new()),
        FeedMeta::full("cn-test", 2, 0, i64::MAX / 2),
    )
    .unwrap();
    w.model(RuleKind::MessageModel, &damaged).unwrap();
    std::fs::write(d.join("v2"), w.finish(&key).unwrap().0.into_inner()).unwrap();
    let store_before = std::fs::read(d.join("s.db")).unwrap();
    let mut apply = vec!["store", "apply"];
    apply.extend_from_slice(&STORE);
    apply.extend_from_slice(&["--trust", "key.pub", "v2"]);
    let out = fanzha(d, &apply);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("model") && err.contains("checksum"), "{err}");
    let again = status(d);
    assert_eq!(again["feeds"], after["feeds"]);
    assert_eq!(again["models"], after["models"]);
    assert_eq!(std::fs::read(d.join("s.db")).unwrap(), store_before);
}
