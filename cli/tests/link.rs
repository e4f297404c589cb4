//! The `fanzha link …`, `check link` and `scan --kind link` contract.

use std::io::Write;
mod common;

use common::{fanzha, fanzha_stdin};
use std::process::{Command, Output, Stdio};

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn link_canon_prints_the_canonical_url() {
    let out = fanzha(&["link", "canon", "http://3279880203/a/./b/../c#frag"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "http://195.127.0.11/a/c\n");
    let out = fanzha(&["link", "canon", "abc.top/x"]);
    assert_eq!(stdout(&out), "http://abc.top/x\n");
}

/// Safe Browsing's example with a control byte and a byte that is not
/// UTF-8, given as raw bytes on the command line and on stdin.
#[cfg(unix)]
#[test]
fn raw_non_utf8_bytes_canonicalize_as_safe_browsing_says() {
    use std::os::unix::ffi::OsStrExt;
    let raw = std::ffi::OsStr::from_bytes(b"http://\x01\x80.com/");
    let out = Command::new(env!("CARGO_BIN_EXE_fanzha"))
        .arg("link")
        .arg("canon")
        .arg(raw)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(stdout(&out), "http://%01%80.com/\n");
    let out = Command::new(env!("CARGO_BIN_EXE_fanzha"))
        .args(["check", "link", "--json"])
        .arg(raw)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v["normalized"], "http://%01%80.com/");
    let out = fanzha_stdin(
        &["scan", "--kind", "link"],
        b"http://\x01\x80.com/\nhttp://a\xe4\xb8\xad\xff.com/x\n",
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines[0]["normalized"], "http://%01%80.com/");
    assert_eq!(
        lines[1]["normalized"],
        fanzha_core::link::canonicalize_bytes(b"http://a\xe4\xb8\xad\xff.com/x")
            .expect("canonicalizes")
            .url()
    );
}

#[test]
fn link_without_a_host_exits_2_with_a_clear_error() {
    for bad in ["http:///", "javascript:alert(1)", "", "http://.../"] {
        let out = fanzha(&["link", "canon", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("host") || err.contains("empty"),
            "{bad:?}: {err}"
        );
        assert!(out.stdout.is_empty());
        let out = fanzha(&["link", "expressions", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn link_expressions_one_per_line() {
    let out = fanzha(&["link", "expressions", "http://a.b.c/1/2.html?param=1"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "a.b.c/1/2.html?param=1\na.b.c/1/2.html\na.b.c/\na.b.c/1/\nb.c/1/2.html?param=1\nb.c/1/2.html\nb.c/\nb.c/1/\n"
    );
    let out = fanzha(&["link", "expressions", "--hashes", "http://a.b.c/"]);
    let text = stdout(&out);
    let first = text.lines().next().expect("a line");
    let cols: Vec<&str> = first.split('\t').collect();
    assert_eq!(cols.len(), 3, "{first}");
    assert_eq!(cols[0], "a.b.c/");
    assert_eq!(cols[1].len(), 64);
    assert_eq!(cols[2].len(), 16);
}

#[test]
fn check_link_json_has_the_contract_fields() {
    let out = fanzha(&[
        "check",
        "link",
        "https://www.icbc.com.cn@evil.top/",
        "--json",
        "--lang",
        "en",
    ]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    // Field order is the contract: check it in the text itself.
    let positions: Vec<usize> = [
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
    ]
    .iter()
    .map(|k| {
        text.find(&format!("\"{k}\":"))
            .unwrap_or_else(|| panic!("{k} missing"))
    })
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert_eq!(v["kind"], "link");
    assert_eq!(v["normalized"], "https://evil.top/");
    assert_eq!(v["level"], "dangerous");
    let human = fanzha(&["check", "link", "paypa1.com", "--lang", "en"]);
    assert!(human.status.success());
    assert!(stdout(&human).contains("link.typosquat"));
    let bad = fanzha(&["check", "link", "mailto:a@b.c"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn scan_links_one_verdict_per_line_and_errors_inline() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fanzha"))
        .args(["scan", "--kind", "link", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"https://www.icbc.com.cn/\r\nhttp:///\nicbc-secure-login.top\n\xff\xfe.top\n")
        .expect("writes");
    let out = child.wait_with_output().expect("waits");
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["level"], "trusted");
    assert_eq!(lines[1]["kind"], "link");
    assert!(lines[1]["error"].as_str().expect("error").contains("host"));
    assert_eq!(lines[2]["level"], "dangerous");
    assert!(lines[3].get("level").is_some() || lines[3].get("error").is_some());
}

/// The link model reads names; a well-known site's own name (the
/// protected list) is not judged by it, while the same letters on any
/// other domain are.
#[test]
fn the_link_model_does_not_judge_a_well_known_sites_name() {
    let dir = common::Tmp::new("link-model-known");
    let mut lines = String::new();
    for i in 0..60 {
        lines.push_str(&format!(
            "{{\"label\":\"phishing\",\"url\":\"ethereum-org{i}.net\"}}\n{{\"label\":\"benign\",\"url\":\"garden{i}.com\"}}\n"
        ));
    }
    let model = common::train_link_model(&dir, &lines);
    let out = fanzha_stdin(
        &["scan", "--kind", "link", "--model", &model],
        b"ethereum-orgs.net\nethereum.org\n",
    );
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("\"link.model"), "{}", lines[0]);
    assert!(!lines[1].contains("\"link.model"), "{}", lines[1]);
}

/// A well-known site's bare home page is not judged by a link model on its
/// name, even where anyone's files are served (dropbox.com): a model
/// trained on scams that borrow the name would flag the real site. Links
/// into the site, and other sites with the name, are still read.
#[test]
fn a_model_does_not_judge_a_well_known_sites_home_page_by_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let train = dir.path().join("train.jsonl");
    let mut lines = String::new();
    let words = [
        "verify", "secure", "login", "share", "files", "docs", "account", "update", "view", "open",
    ];
    let tlds = [
        "top", "xyz", "online", "site", "info", "live", "shop", "icu",
    ];
    for (i, w) in words.iter().enumerate() {
        for (j, t) in tlds.iter().enumerate() {
            lines.push_str(&format!(
                "{{\"label\":\"phishing\",\"url\":\"dropbox-{w}{}.{t}\"}}\n",
                i * 10 + j
            ));
            lines.push_str(&format!(
                "{{\"label\":\"benign\",\"url\":\"garden{}-{w}.com\"}}\n",
                i * 10 + j
            ));
        }
    }
    std::fs::write(&train, lines).expect("write training set");
    let model = dir.path().join("m.fzml");
    let out = fanzha(&[
        "model",
        "train",
        "--kind",
        "link",
        "--input",
        train.to_str().expect("path"),
        "--out",
        model.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{out:?}");
    let verdicts = fanzha_stdin(
        &[
            "scan",
            "--kind",
            "link",
            "--model",
            model.to_str().expect("path"),
        ],
        b"dropbox.com\nhttps://www.dropbox.com/\ndropbox-files.top\n",
    );
    let levels: Vec<String> = stdout(&verdicts)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON verdict");
            let codes: Vec<&str> = v["reasons"]
                .as_array()
                .map(|r| r.iter().filter_map(|x| x["code"].as_str()).collect())
                .unwrap_or_default();
            format!("{} {:?}", v["level"].as_str().unwrap_or(""), codes)
        })
        .collect();
    assert_eq!(levels.len(), 3, "{levels:?}");
    assert!(!levels[0].contains("link.model"), "{levels:?}");
    assert!(!levels[1].contains("link.model"), "{levels:?}");
    assert!(levels[2].contains("link.model"), "{levels:?}");
}
