//! The IDN spoof set `tests/corpus/links/spoof_cases.jsonl` (issue 16):
//! hostnames written for this project after the rules UTS #39 and
//! Chromium's IDN spoof checker describe, each labelled `spoof` or `safe`
//! with the rule it exercises. Spoofed hosts flagged must be ≥ 90 %, safe
//! hosts flagged ≤ 2 %.
//!
//! A host is flagged when its verdict is suspicious or dangerous, or carries
//! a spoof finding (`SPOOF_CODES`), or the link check refuses it (a host
//! the URL rules reject cannot be shown either). `link.punycode` (accented
//! Latin, weight 10, never a level by itself) is a host-shape signal, not a
//! spoof finding: it is counted apart and printed.
//!
//! `cargo test -p fanzha-core --test link_spoof_cases -- --nocapture`
//! prints the rates per rule and every miss.

use fanzha_core::{Guard, Level, Settings};
use std::collections::BTreeMap;

const SPOOF_CODES: &[&str] = &[
    "link.whole_script",
    "link.mixed_orthography",
    "link.mixed_script",
    "link.foreign_digits",
    "link.invisible_marks",
    "link.unusual_characters",
    "link.lookalike_domain",
    "link.homograph",
];

struct Case {
    host: String,
    spoof: bool,
    rule: String,
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/corpus/links/spoof_cases.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("spoof_cases.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let label = v["label"].as_str().expect("label");
            assert!(label == "spoof" || label == "safe", "label {label}");
            Case {
                host: v["host"].as_str().expect("host").to_string(),
                spoof: label == "spoof",
                rule: v["rule"].as_str().expect("rule").to_string(),
            }
        })
        .collect()
}

#[test]
fn spoofed_hosts_are_flagged_and_safe_ones_are_not() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    let cases = cases();
    // rule -> (cases, flagged)
    let mut by_rule: BTreeMap<(bool, String), (usize, usize)> = BTreeMap::new();
    let (mut spoof, mut spoof_hit, mut safe, mut safe_hit, mut puny) = (0, 0, 0, 0, 0);
    for c in &cases {
        let (flagged, why) = match guard.check_link(&c.host) {
            Err(e) => (true, format!("refused: {e}")),
            Ok(v) => {
                puny += usize::from(!c.spoof && v.has_reason("link.punycode"));
                let codes: Vec<&str> = v.reasons.iter().map(|r| r.code.as_str()).collect();
                let f = v.level >= Level::Suspicious
                    || codes.iter().any(|code| SPOOF_CODES.contains(code));
                (f, format!("{:?} {codes:?}", v.level))
            }
        };
        let e = by_rule.entry((c.spoof, c.rule.clone())).or_default();
        e.0 += 1;
        e.1 += usize::from(flagged);
        if c.spoof {
            spoof += 1;
            spoof_hit += usize::from(flagged);
        } else {
            safe += 1;
            safe_hit += usize::from(flagged);
        }
        if flagged != c.spoof {
            println!("miss: {} {} {:?}: {why}", c.rule, c.host, c.spoof);
        }
    }
    for ((is_spoof, rule), (n, f)) in &by_rule {
        let what = if *is_spoof { "spoof" } else { "safe" };
        println!("{what:5} {rule:32} {f:3}/{n:3} flagged");
    }
    let spoof_rate = spoof_hit as f64 / spoof as f64;
    let safe_rate = safe_hit as f64 / safe as f64;
    println!(
        "spoofed flagged {spoof_hit}/{spoof} ({:.1} %), safe flagged {safe_hit}/{safe} ({:.1} %); \
         safe with link.punycode (not counted): {puny}",
        spoof_rate * 100.0,
        safe_rate * 100.0
    );
    assert!(spoof >= 100 && safe >= 100, "{spoof} spoofed, {safe} safe");
    assert!(spoof_rate >= 0.90, "spoofed flagged {spoof_rate:.3}");
    assert!(safe_rate <= 0.02, "safe flagged {safe_rate:.3}");
}
