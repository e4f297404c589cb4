//! Issue 20 through the CLI, one test per "Must show" bullet: the
//! payee-name check, screen sharing / remote control, the warning audit log
//! (ids, decisions, export, reopen, no plaintext at rest), "not a scam", and
//! malformed input refused with nothing lost.

mod common;

use common::{codes, fanzha, fanzha_stdin, json, Tmp};

/// A fresh store; returns (db, key).
fn store(t: &Tmp) -> (String, String) {
    let (db, key) = (t.path("s.db"), t.path("k"));
    let out = fanzha(&["store", "init", "--store", &db, "--key-file", &key]);
    assert!(out.status.success());
    (db, key)
}

fn run(args: &[&str], db: &str, key: &str) -> std::process::Output {
    let mut v = args.to_vec();
    v.extend(["--store", db, "--key-file", key]);
    fanzha(&v)
}

fn ok(args: &[&str], db: &str, key: &str) -> serde_json::Value {
    let out = run(args, db, key);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out)
}

const ACCOUNT: &str = "6222 0212 3456 7890 128";
const PAY: &[&str] = &[
    "check",
    "payment",
    "--account",
    ACCOUNT,
    "--kind",
    "card",
    "--amount",
    "20000",
    "--currency",
    "CNY",
    "--new-payee",
    "--json",
];

fn level_rank(level: &serde_json::Value) -> u8 {
    match level.as_str().unwrap() {
        "trusted" => 0,
        "clear" => 1,
        "suspicious" => 2,
        "dangerous" => 3,
        other => panic!("level {other}"),
    }
}

#[test]
fn name_check_no_match_during_an_unknown_call_is_dangerous_match_without_a_call_is_not() {
    let t = Tmp::new("name");
    let (db, key) = store(&t);
    let mut args = PAY.to_vec();
    args.extend(["--name-check", "no_match", "--in-call-unknown"]);
    let v = ok(&args, &db, &key);
    assert_eq!(v["level"], "dangerous", "{v}");
    assert!(v["id"].as_str().is_some_and(|s| !s.is_empty()));
    let codes = codes(&v);
    assert!(codes.contains(&"payment.name_no_match"));
    // A caller's number not in contacts is an unknown number too.
    let mut args = PAY.to_vec();
    args.extend(["--name-check", "no_match", "--in-call", "+86 170 1234 5678"]);
    assert_eq!(ok(&args, &db, &key)["level"], "dangerous");

    let mut args = PAY.to_vec();
    args.extend(["--name-check", "match"]);
    let v = ok(&args, &db, &key);
    assert!(level_rank(&v["level"]) <= 2, "{v}");

    let mut args = PAY.to_vec();
    args.extend(["--name-check", "close_match", "--name-returned", "张三丰"]);
    let v = ok(&args, &db, &key);
    assert!(v["reasons"].to_string().contains("张三丰"), "{v}");

    // scan --kind payment carries the same input as JSON.
    let line = r#"{"account":"6222021234567890128","account_kind":"card","amount_minor":2000000,"currency":"CNY","new_payee":true,"name_check":{"result":"no_match","returned_name":null},"context":{"call":{"number":null}}}"#;
    let out = fanzha_stdin(
        &[
            "scan",
            "--kind",
            "payment",
            "--store",
            &db,
            "--key-file",
            &key,
        ],
        format!("{line}\n").as_bytes(),
    );
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["level"], "dangerous", "{v}");
    assert!(v["id"].is_string());
}

#[test]
fn screen_sharing_or_a_remote_control_app_on_a_large_new_payee_is_dangerous() {
    let t = Tmp::new("screen");
    let (db, key) = store(&t);
    // The CLI uses the real clock; the core tests cover all 24 hours with
    // a manual clock. Noon and 3 a.m. China time here, by UTC offset.
    for offset in ["0", "480", "-300"] {
        let mut args = PAY.to_vec();
        args.extend(["--screen-sharing", "--utc-offset", offset]);
        assert_eq!(ok(&args, &db, &key)["level"], "dangerous", "{offset}");
        let mut args = PAY.to_vec();
        args.extend([
            "--running-app",
            "com.tencent.mm",
            "--running-app",
            "com.anydesk.anydeskandroid",
            "--utc-offset",
            offset,
        ]);
        let v = ok(&args, &db, &key);
        assert_eq!(v["level"], "dangerous", "{v}");
        assert!(v["reasons"].to_string().contains("AnyDesk"));
    }
}

#[test]
fn warnings_have_ids_decisions_export_survive_reopen_and_leave_no_plaintext() {
    let t = Tmp::new("audit");
    let (db, key) = store(&t);
    let number = "+86 95588 0000";
    let v = ok(&["check", "number", number, "--json"], &db, &key);
    assert_eq!(v["level"], "dangerous");
    let id = v["id"].as_str().unwrap().to_string();
    let mut args = PAY.to_vec();
    args.extend(["--name-check", "no_match", "--in-call-unknown"]);
    let pid = ok(&args, &db, &key)["id"].as_str().unwrap().to_string();
    let message = "【公安局】您涉嫌洗钱，请将资金转入安全账户配合调查";
    let m = ok(&["check", "message", message, "--json"], &db, &key);
    assert!(m["id"].is_string());

    for d in ["cancelled", "proceeded", "asked_for_help", "timed_out"] {
        let r = ok(
            &["audit", "decide", "--id", &id, "--decision", d],
            &db,
            &key,
        );
        assert_eq!(r["decision"], d);
    }
    ok(
        &["audit", "decide", "--id", &pid, "--decision", "cancelled"],
        &db,
        &key,
    );
    // Each command is its own process: every read is a reopen.
    let log = ok(&["audit", "export"], &db, &key);
    let log = log.as_array().unwrap();
    assert!(log.len() >= 2, "{log:?}");
    let n = log.iter().find(|r| r["id"] == id.as_str()).unwrap();
    for field in [
        "id",
        "time_ms",
        "kind",
        "level",
        "fraud_type",
        "reasons",
        "title",
        "feed_version",
        "decision",
    ] {
        assert!(n.get(field).is_some(), "{field} missing: {n}");
    }
    assert_eq!(n["decision"], "timed_out");
    assert_eq!(n["kind"], "number");
    let p = log.iter().find(|r| r["id"] == pid.as_str()).unwrap();
    assert_eq!(p["decision"], "cancelled");
    let text = serde_json::to_string(log).unwrap();
    for plain in ["95588", "6222021234567890128", "安全账户"] {
        assert!(!text.contains(plain), "{plain} exported without opt-in");
    }
    let with = ok(&["audit", "export", "--include-values"], &db, &key);
    assert!(with.to_string().contains("6222021234567890128"));

    let mut bytes = std::fs::read(&db).unwrap();
    if let Ok(wal) = std::fs::read(format!("{db}-wal")) {
        bytes.extend(wal);
    }
    for plain in [
        "955880000".as_bytes(),
        b"6222021234567890128",
        "安全账户".as_bytes(),
        "洗钱".as_bytes(),
        b"payment.name_no_match",
    ] {
        assert!(
            !bytes.windows(plain.len()).any(|w| w == plain),
            "plaintext in the store"
        );
    }
}

#[test]
fn not_scam_makes_the_number_trusted_and_queues_one_false_alarm() {
    let t = Tmp::new("notscam");
    let (db, key) = store(&t);
    let number = "+86 95588 0000";
    let v = ok(&["check", "number", number, "--json"], &db, &key);
    assert_eq!(v["level"], "dangerous");
    let id = v["id"].as_str().unwrap().to_string();
    let r = ok(&["feedback", "not-scam", "--id", &id], &db, &key);
    assert_eq!(r["allowed"], true);
    let v = ok(&["check", "number", number, "--json"], &db, &key);
    assert!(v["level"] == "trusted" || v["level"] == "clear", "{v}");
    assert!(v["reasons"].to_string().contains("number.user_allowed"));
    let reports = ok(&["report", "export"], &db, &key);
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert_eq!(reports[0]["category"], "false_alarm");
    assert_eq!(reports[0]["kind"], "number");
    // Marking again queues nothing more.
    let out = run(&["feedback", "not-scam", "--id", &id], &db, &key);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        ok(&["report", "export"], &db, &key)
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn malformed_input_is_refused_and_nothing_is_lost() {
    let t = Tmp::new("bad");
    let (db, key) = store(&t);
    let v = ok(&["check", "number", "+86 95588 0000", "--json"], &db, &key);
    let id = v["id"].as_str().unwrap().to_string();
    ok(
        &["audit", "decide", "--id", &id, "--decision", "cancelled"],
        &db,
        &key,
    );
    let before = ok(&["audit", "export"], &db, &key);

    let bad: &[&[&str]] = &[
        &["audit", "decide", "--id", &id, "--decision", "maybe"],
        &["audit", "decide", "--id", "nope", "--decision", "proceeded"],
        &["audit", "decide", "--id", "", "--decision", "proceeded"],
        &[
            "audit",
            "decide",
            "--id",
            "../../etc",
            "--decision",
            "proceeded",
        ],
        &["audit", "decide", "--decision", "proceeded"],
        &["feedback", "not-scam", "--id", "nope"],
        &["feedback", "not-scam", "--id", &"a".repeat(200)],
        &["feedback", "not-scam"],
    ];
    for args in bad {
        let out = run(args, &db, &key);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.trim().is_empty(), "{args:?}: no message");
    }
    let mut args = PAY.to_vec();
    args.extend(["--name-check", "nomatch"]);
    assert_eq!(run(&args, &db, &key).status.code(), Some(2));
    let mut args = PAY.to_vec();
    args.extend(["--name-returned", "x"]);
    assert_eq!(
        run(&args, &db, &key).status.code(),
        Some(2),
        "needs --name-check"
    );
    let mut args = PAY.to_vec();
    args.extend(["--running-app", ""]);
    assert_eq!(run(&args, &db, &key).status.code(), Some(2));
    // A malformed scan line is an error line; the good line still checks.
    let out = fanzha_stdin(
        &[
            "scan", "--kind", "payment", "--store", &db, "--key-file", &key,
        ],
        b"{\"account\":\"6222021234567890128\",\"amount_minor\":100,\"currency\":\"CNY\",\"name_check\":{\"result\":\"bogus\"}}\n{\"account\":\"6222021234567890128\",\"amount_minor\":100,\"currency\":\"CNY\",\"name_check\":{\"result\":\"match\"}}\n",
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"].is_string());
    assert!(lines[1]["level"].is_string());
    // Without the key file, nothing opens.
    let out = fanzha(&["audit", "export", "--store", &db]);
    assert_eq!(out.status.code(), Some(2));

    assert_eq!(ok(&["audit", "export"], &db, &key), before);
    assert!(ok(&["report", "export"], &db, &key)
        .as_array()
        .unwrap()
        .is_empty());
}

/// Builds version `version` of feed `cn-bank` from `csv` (numbers) and
/// applies it to the store in `t`.
fn publish(t: &Tmp, db: &str, key: &str, version: u32, csv: &str) {
    let csv_path = t.path(&format!("n{version}.csv"));
    std::fs::write(&csv_path, csv).unwrap();
    let feed = t.path(&format!("f{version}.fzf"));
    let pk = t.path("pub");
    if !std::path::Path::new(&pk).exists() {
        let out = fanzha(&["feed", "keygen", "--out", &pk]);
        assert!(out.status.success());
    }
    let v = version.to_string();
    let out = fanzha(&[
        "feed",
        "build",
        "--key",
        &pk,
        "--id",
        "cn-bank",
        "--version",
        &v,
        "--numbers",
        &csv_path,
        "--out",
        &feed,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ok(
        &["store", "apply", "--trust", &format!("{pk}.pub"), &feed],
        db,
        key,
    );
}

/// Issue 20 item 4: after "not a scam", a later feed that lists the number
/// again warns only when the publisher marks the entry confirmed (the CSV's
/// `confirmed` column); an unconfirmed listing yields to the allow.
#[test]
fn a_confirmed_listing_wins_over_not_scam_an_unconfirmed_one_does_not() {
    let t = Tmp::new("confirmed");
    let (db, key) = store(&t);
    let number = "+86 139 1234 5678";
    let check = |db: &str, key: &str| ok(&["check", "number", number, "--json"], db, key);
    publish(
        &t,
        &db,
        &key,
        1,
        "number,fraud_type,severity,confirmed\n13912345678,impersonate_authority,95,false\n",
    );
    let v = check(&db, &key);
    assert_eq!(v["level"], "dangerous", "{v}");
    let id = v["id"].as_str().unwrap().to_string();
    ok(&["feedback", "not-scam", "--id", &id], &db, &key);
    assert_eq!(check(&db, &key)["level"], "trusted");

    // Listed again, unconfirmed (positional column 6 too): the allow holds.
    publish(
        &t,
        &db,
        &key,
        2,
        "13912345678,impersonate_authority,95,,,no\n",
    );
    let v = check(&db, &key);
    assert_eq!(v["level"], "trusted", "{v}");

    // Confirmed: it warns again and says why.
    publish(
        &t,
        &db,
        &key,
        3,
        "number,fraud_type,severity,confirmed\n13912345678,impersonate_authority,95,true\n",
    );
    let v = check(&db, &key);
    assert_eq!(v["level"], "dangerous", "{v}");
    let c = codes(&v);
    assert!(c.contains(&"number.blocklist_confirmed"), "{c:?}");
    assert!(c.contains(&"number.user_allow_overridden"), "{c:?}");
    assert!(!c.contains(&"number.user_allowed"), "{c:?}");

    // A bad value in the column fails the build with its line, no output.
    let bad = t.path("bad.csv");
    std::fs::write(&bad, "number,confirmed\n13912345678,perhaps\n").unwrap();
    let out_path = t.path("bad.fzf");
    let out = fanzha(&[
        "feed",
        "build",
        "--key",
        &t.path("pub"),
        "--id",
        "cn-bank",
        "--version",
        "9",
        "--numbers",
        &bad,
        "--out",
        &out_path,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("confirmed"));
    assert!(!std::path::Path::new(&out_path).exists());
}
