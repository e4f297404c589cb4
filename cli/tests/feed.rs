//! `fanzha feed …`: the publisher tools end to end through the binary.

use std::path::{Path, PathBuf};
mod common;

use common::{fanzha_in as fanzha, feed_build, json, ok_in as ok};
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

struct Publisher {
    dir: tempfile::TempDir,
}

impl Publisher {
    fn new() -> Publisher {
        let p = Publisher {
            dir: tempfile::tempdir().unwrap(),
        };
        ok(p.path(), &["feed", "keygen", "--out", "key"]);
        p
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }
}

const NUMBERS: &str = "\u{feff}number,fraud_type,severity,label,reports\n\
138 0013 8000,impersonate_authority,95,冒充公检法,120\n\
# a comment\n\
\n\
\"+86 138-0013-8001\",rebate_task,85,\"刷单, 返利\",33\r\n";

#[test]
fn keygen_writes_a_secret_and_a_public_key() {
    let p = Publisher::new();
    let secret = std::fs::read_to_string(p.path().join("key")).unwrap();
    let public = std::fs::read_to_string(p.path().join("key.pub")).unwrap();
    assert!(secret.starts_with("fanzha-feed-secret-key-v1 "));
    assert!(public.starts_with("fanzha-feed-public-key-v1 "));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(p.path().join("key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "secret key readable by others");
    }
    // Never silently overwrites a key.
    let again = fanzha(p.path(), &["feed", "keygen", "--out", "key"]);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn build_verify_inspect_and_delta() {
    let p = Publisher::new();
    p.write("numbers.csv", NUMBERS);
    p.write(
        "links.csv",
        "evil.example,phishing,90,fake bank login,5\nhttp://host.example/a/login.html\n",
    );
    p.write("accounts.csv", "6222 0212 3456 7890,fake_investment\n");
    let rules = format!(
        "{{\"_comment\": \"x\", \"scoring\": {}}}",
        include_str!("../../core/data/scoring.json")
    );
    p.write("rules.json", &rules);
    ok(
        p.path(),
        &feed_build(
            "1",
            &[
                "--numbers",
                "numbers.csv",
                "--links",
                "links.csv",
                "--accounts",
                "accounts.csv",
                "--rules",
                "rules.json",
                "--out",
                "v1.feed",
            ],
        ),
    );
    let bytes = std::fs::read(p.path().join("v1.feed")).unwrap();
    for plain in [
        "13800138000",
        "evil.example",
        "host.example",
        "6222021234567890",
    ] {
        assert!(
            !bytes.windows(plain.len()).any(|w| w == plain.as_bytes()),
            "{plain} in the feed"
        );
    }

    let out = ok(
        p.path(),
        &["feed", "verify", "--pubkey", "key.pub", "v1.feed"],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("ok: feed cn-test v1 (full), 5 entries")
    );

    let v = json(&ok(p.path(), &["feed", "inspect", "v1.feed"]));
    assert_eq!(v["id"], "cn-test");
    assert_eq!(v["kind"], "full");
    assert_eq!(v["counts"]["numbers"], 2);
    assert_eq!(v["counts"]["urls"], 2);
    assert_eq!(v["counts"]["accounts"], 1);
    assert_eq!(v["by_fraud_type"]["phishing"], 1);
    assert_eq!(v["by_fraud_type"]["other"], 1);
    assert_eq!(v["body_hash_ok"], true);
    assert!(v["rules"]["scoring"]["json_bytes"].as_u64().unwrap() > 10);
    assert_eq!(v["expired"], false);

    // v2: one number's metadata changes, the other number and the account
    // go away, the links stay, the rules stay.
    p.write(
        "numbers2.csv",
        "+8613800138000,impersonate_authority,95,冒充公检法,130\n",
    );
    ok(
        p.path(),
        &feed_build(
            "2",
            &[
                "--numbers",
                "numbers2.csv",
                "--links",
                "links.csv",
                "--rules",
                "rules.json",
                "--base",
                "v1.feed",
                "--out",
                "v2.delta",
            ],
        ),
    );
    let v = json(&ok(p.path(), &["feed", "inspect", "v2.delta"]));
    assert_eq!(v["kind"], "delta");
    assert_eq!(v["base"], 1);
    assert_eq!(v["counts"]["numbers"], 1);
    assert_eq!(v["counts"]["urls"], 0);
    assert_eq!(v["counts"]["removals"], 2);
    assert_eq!(v["counts"]["rules"], 0);
    ok(
        p.path(),
        &["feed", "verify", "--pubkey", "key.pub", "v2.delta"],
    );

    // A delta can't drop a rule set.
    let out = fanzha(
        p.path(),
        &feed_build(
            "2",
            &[
                "--numbers",
                "numbers2.csv",
                "--base",
                "v1.feed",
                "--out",
                "x.delta",
            ],
        ),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("full feed"));
    // Nor use a base that isn't older.
    let out = fanzha(
        p.path(),
        &feed_build("1", &["--base", "v1.feed", "--out", "x.delta"]),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!p.path().join("x.delta").exists());
}

#[test]
fn verify_refuses_a_wrong_key_and_a_damaged_feed() {
    let p = Publisher::new();
    p.write("numbers.csv", NUMBERS);
    ok(
        p.path(),
        &[
            "feed",
            "build",
            "--key",
            "key",
            "--id",
            "t",
            "--version",
            "1",
            "--numbers",
            "numbers.csv",
            "--out",
            "f",
        ],
    );
    ok(p.path(), &["feed", "keygen", "--out", "other"]);
    let out = fanzha(p.path(), &["feed", "verify", "--pubkey", "other.pub", "f"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("untrusted key"), "{}", stderr(&out));

    let mut bytes = std::fs::read(p.path().join("f")).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(p.path().join("g"), &bytes).unwrap();
    let out = fanzha(p.path(), &["feed", "verify", "--pubkey", "key.pub", "g"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("does not match its signed hash"),
        "{}",
        stderr(&out)
    );
    // inspect still describes it, and says the body doesn't match.
    let v = json(&ok(p.path(), &["feed", "inspect", "g"]));
    assert_eq!(v["body_hash_ok"], false);

    std::fs::write(p.path().join("h"), &bytes[..100]).unwrap();
    let out = fanzha(p.path(), &["feed", "inspect", "h"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("truncated"));
}

#[test]
fn bad_csv_rows_name_the_line_not_the_value() {
    let p = Publisher::new();
    for (csv, why) in [
        (
            "+8613800138000\n+86 1380013800012345678901234,other\n",
            "line 2",
        ),
        ("+8613800138000,not_a_type\n", "unknown fraud_type"),
        ("+8613800138000,other,101\n", "severity must be 0-100"),
        (
            "+8613800138000,other,90,\"unterminated\n",
            "unterminated quote",
        ),
        ("number,colour\n", "unknown column"),
    ] {
        p.write("bad.csv", csv);
        let out = fanzha(
            p.path(),
            &[
                "feed",
                "build",
                "--key",
                "key",
                "--id",
                "t",
                "--version",
                "1",
                "--numbers",
                "bad.csv",
                "--out",
                "f",
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{csv}");
        let err = stderr(&out);
        assert!(err.contains(why), "{csv}: {err}");
        assert!(!err.contains("13800138000"), "value leaked: {err}");
        assert!(
            !p.path().join("f").exists(),
            "half-written feed left behind"
        );
        assert!(
            !p.path().join("f.tmp").exists(),
            "temporary file left behind"
        );
    }
}

#[test]
fn expired_feeds_verify_but_say_so() {
    let p = Publisher::new();
    p.write("numbers.csv", NUMBERS);
    ok(
        p.path(),
        &feed_build(
            "1",
            &[
                "--numbers",
                "numbers.csv",
                "--created-ms",
                "1000",
                "--expires-in",
                "1",
                "--out",
                "f",
            ],
        ),
    );
    let out = ok(p.path(), &["feed", "verify", "--pubkey", "key.pub", "f"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("EXPIRED"));
    let v = json(&ok(p.path(), &["feed", "inspect", "f"]));
    assert_eq!(v["expired"], true);
    assert_eq!(v["created"], "1970-01-01T00:00:01Z");
}

#[test]
fn rotated_key_is_accepted_through_the_statement() {
    let p = Publisher::new();
    p.write("numbers.csv", NUMBERS);
    ok(p.path(), &["feed", "keygen", "--out", "new"]);
    ok(
        p.path(),
        &[
            "feed",
            "rotate",
            "--key",
            "key",
            "--new-pubkey",
            "new.pub",
            "--out",
            "key-to-new.rot",
        ],
    );
    ok(
        p.path(),
        &[
            "feed",
            "build",
            "--key",
            "new",
            "--rotation",
            "key-to-new.rot",
            "--id",
            "t",
            "--version",
            "2",
            "--numbers",
            "numbers.csv",
            "--out",
            "f",
        ],
    );
    let out = ok(p.path(), &["feed", "verify", "--pubkey", "key.pub", "f"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("via a key rotation"));
    let v = json(&ok(p.path(), &["feed", "inspect", "f"]));
    assert_eq!(v["rotations"].as_array().unwrap().len(), 1);

    // Without the statement the new key is a stranger to old apps.
    ok(
        p.path(),
        &[
            "feed",
            "build",
            "--key",
            "new",
            "--id",
            "t",
            "--version",
            "2",
            "--numbers",
            "numbers.csv",
            "--out",
            "g",
        ],
    );
    let out = fanzha(p.path(), &["feed", "verify", "--pubkey", "key.pub", "g"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn delta_against_a_base_with_a_repeated_value_keeps_the_later_row() {
    let p = Publisher::new();
    p.write(
        "v1.csv",
        "+8613800138000,other,80,first\n+8613800138001\n+86 138 0013 8000,other,80,second\n",
    );
    p.write("v2.csv", "+8613800138000,other,80,second\n+8613800138001\n");
    ok(
        p.path(),
        &[
            "feed",
            "build",
            "--key",
            "key",
            "--id",
            "t",
            "--version",
            "1",
            "--numbers",
            "v1.csv",
            "--out",
            "v1",
        ],
    );
    ok(
        p.path(),
        &[
            "feed",
            "build",
            "--key",
            "key",
            "--id",
            "t",
            "--version",
            "2",
            "--numbers",
            "v2.csv",
            "--base",
            "v1",
            "--out",
            "v2",
        ],
    );
    let v = json(&ok(p.path(), &["feed", "inspect", "v2"]));
    assert_eq!(v["counts"]["numbers"], 0, "{v}");
    assert_eq!(v["counts"]["removals"], 0, "{v}");
}
