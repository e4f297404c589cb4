//! The store commands: init, status, rules, reports, checks against a
//! store, and the exit codes for a wrong key and a damaged file.

use std::path::Path;
mod common;

use common::{fanzha, json, Tmp};

fn with_store<'a>(args: &[&'a str], db: &'a str, key: &'a str) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(["--store", db, "--key-file", key]);
    v
}

#[test]
fn init_status_rules_reports_and_checks() {
    let t = Tmp::new("flow");
    let (db, key) = (t.path("s.db"), t.path("k"));
    let out = fanzha(&with_store(&["store", "init"], &db, &key));
    assert!(out.status.success(), "{out:?}");
    let init = json(&out);
    assert_eq!(init["key_created"], true);
    assert_eq!(init["created"], true);
    assert_eq!(std::fs::read_to_string(&key).unwrap().trim().len(), 64);
    // Init again: opens, creates nothing.
    let again = json(&fanzha(&with_store(&["store", "init"], &db, &key)));
    assert_eq!(again["key_created"], false);
    assert_eq!(again["created"], false);

    let status = json(&fanzha(&with_store(&["store", "status"], &db, &key)));
    assert_eq!(status["schema_version"], 3);
    assert_eq!(status["entries"]["numbers"], 0);
    assert!(status["file_bytes"].as_u64().unwrap() > 0);

    let out = fanzha(&with_store(&["rule", "block", "138 1234 5678"], &db, &key));
    assert!(out.status.success(), "{out:?}");
    let r = json(&out);
    assert_eq!(r["kind"], "number");
    assert_eq!(r["value"], "+8613812345678");
    json(&fanzha(&with_store(
        &[
            "rule",
            "allow",
            "--kind",
            "link",
            "https://Bank.Example.CN/login",
        ],
        &db,
        &key,
    )));

    let v = json(&fanzha(&with_store(
        &["check", "number", "+86 138-1234-5678", "--json"],
        &db,
        &key,
    )));
    assert_eq!(v["level"], "dangerous");
    assert_eq!(v["action"], "block");
    assert!(v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "number.user_blocked"));

    // Scan against the store.
    std::fs::write(t.path("in.txt"), "13812345678\n13900000000\n").unwrap();
    let mut args = with_store(&["scan", "--kind", "number"], &db, &key);
    let input = t.path("in.txt");
    args.extend(["--input", &input]);
    let out = fanzha(&args);
    assert!(out.status.success(), "{out:?}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["level"], "dangerous");
    assert_eq!(lines[1]["level"], "clear");

    // Reports.
    let id = json(&fanzha(&with_store(
        &[
            "report",
            "add",
            "--kind",
            "message",
            "您的账户涉嫌洗钱",
            "--fraud-type",
            "impersonate_authority",
            "--note",
            "自称警察",
        ],
        &db,
        &key,
    )))["id"]
        .as_i64()
        .unwrap();
    let list = json(&fanzha(&with_store(
        &["report", "list", "--json"],
        &db,
        &key,
    )));
    assert_eq!(list[0]["value"], "您的账户涉嫌洗钱");
    assert_eq!(list[0]["uploaded_ms"], serde_json::Value::Null);
    let id_s = id.to_string();
    json(&fanzha(&with_store(
        &["report", "uploaded", &id_s],
        &db,
        &key,
    )));
    let pending = json(&fanzha(&with_store(
        &["report", "export", "--pending"],
        &db,
        &key,
    )));
    assert_eq!(pending, serde_json::json!([]));
    let all = json(&fanzha(&with_store(&["report", "export"], &db, &key)));
    assert!(all[0]["uploaded_ms"].is_i64());
    let del = json(&fanzha(&with_store(
        &["report", "delete", &id_s],
        &db,
        &key,
    )));
    assert_eq!(del["deleted"], 1);

    let rules = json(&fanzha(&with_store(&["rule", "list"], &db, &key)));
    assert_eq!(rules.as_array().unwrap().len(), 2);
    let status = json(&fanzha(&with_store(&["store", "status"], &db, &key)));
    assert_eq!(status["rules"], 2);
    assert_eq!(status["reports"], 0);
    let out = fanzha(&with_store(&["store", "verify"], &db, &key));
    assert!(out.status.success(), "{out:?}");
}

fn init(db: &str, key: &str) {
    let out = fanzha(&with_store(&["store", "init"], db, key));
    assert!(out.status.success(), "{out:?}");
    let out = fanzha(&with_store(&["rule", "block", "13812345678"], db, key));
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn wrong_key_missing_store_and_bad_key_file_fail_clearly() {
    let t = Tmp::new("wrong");
    let (db, key) = (t.path("s.db"), t.path("k"));
    init(&db, &key);
    let other = t.path("other");
    std::fs::write(&other, format!("{}\n", "ab".repeat(32))).unwrap();
    for args in [
        vec!["store", "status"],
        vec!["check", "number", "13812345678", "--json"],
        vec!["report", "list"],
    ] {
        let out = fanzha(&with_store(&args, &db, &other));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "no output on a wrong key");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("wrong key"), "{err}");
        assert!(!err.contains("13812345678"));
    }
    let out = fanzha(&with_store(
        &["store", "status"],
        &t.path("missing.db"),
        &key,
    ));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !Path::new(&t.path("missing.db")).exists(),
        "status never creates"
    );
    std::fs::write(&other, "not a key").unwrap();
    let out = fanzha(&with_store(&["store", "status"], &db, &other));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("key file"));
    // --store without --key-file is a usage error.
    let out = fanzha(&["check", "number", "138", "--store", &db]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn damaged_store_falls_back_with_a_notice_and_fails() {
    let t = Tmp::new("damaged");
    let (db, key) = (t.path("s.db"), t.path("k"));
    init(&db, &key);
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    let out = fanzha(&with_store(
        &["check", "number", "13812345678", "--json"],
        &db,
        &key,
    ));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert!(v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "store.unavailable"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("store unavailable"));
    let out = fanzha(&with_store(&["store", "status"], &db, &key));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("truncated"));
}
