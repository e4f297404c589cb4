//! IDN spoof rules of Chromium's checker that our first version had wrong
//! (issue 16), each with hosts written for this project:
//! - a character of no script in particular (a digit, a hyphen) is not a
//!   kana or a CJK character: `x9ヽ`, `a7一` are spoofs, as `aヽ` and
//!   `ip一address` were (a label of one script and digits, `一123`, is
//!   not judged on these patterns, as in Chromium);
//! - the kana voiced sound marks are allowed in a kana label (`カ゚ラ` is
//!   Ainu spelling), never next to another script;
//! - Hiragana へ inside a label otherwise all Katakana (and Katakana ヘ
//!   inside Hiragana) reads as the other script's letter;
//! - ideographs that read as Latin letters (丆 丫 乂) next to Latin;
//! - a script's own letters and digits under its country's TLD are
//!   ordinary (Georgian under .ge, Shan digits under .mm), and spoofs
//!   elsewhere;
//! - `ß` reads as `b` when compared with protected domains;
//! - labels IDNA 2008 does not allow (a combining mark first, `--` in the
//!   third and fourth places) are never shown as ordinary.

use fanzha_core::{Guard, Level, Settings};

fn flagged(guard: &Guard, url: &str) -> (bool, Vec<String>) {
    match guard.check_link(url) {
        Ok(v) => (
            v.level >= Level::Suspicious,
            v.reasons.iter().map(|r| r.code.clone()).collect(),
        ),
        // A host the URL rules refuse cannot be shown either.
        Err(e) => (true, vec![format!("refused: {e}")]),
    }
}

/// Each URL flagged (`want`) or not.
fn each_reads(guard: &Guard, urls: &[&str], want: bool) {
    for url in urls {
        let (f, codes) = flagged(guard, url);
        assert_eq!(f, want, "{url}: {codes:?}");
    }
}

#[test]
fn chromium_rules_on_kana_digits_and_native_tlds() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    let spoofs = [
        "http://x9\u{30fd}.jp/",
        "http://x9\u{30fe}.jp/",
        "http://a7\u{4e00}.cn/",
        "http://shop\u{3099}.com/",
        "http://\u{30b1}\u{30fc}\u{30ad}\u{3078}\u{30e4}.com/",
        "http://\u{3072}\u{3089}\u{30d8}\u{304c}\u{306a}.com/",
        "http://\u{30ab}\u{309a}ab.jp/",
        "http://b\u{4e2b}te.com/",
        "http://\u{4e06}oken.net/",
        "http://bo\u{4e42}ing.com/",
        "http://\u{10fd}\u{10ee}\u{10dd}.com/",
        "http://\u{1091}\u{1095}\u{1096}.com/",
        "http://face\u{df}ook.com/",
        "http://\u{301}abc.de/",
        "http://\u{43c}\u{430}--\u{433}\u{430}\u{437}\u{438}\u{43d}.com/",
    ];
    each_reads(&guard, &spoofs, true);
    let ordinary = [
        "http://\u{30ab}\u{309a}\u{30e9}.jp/",
        "http://\u{10fd}\u{10ee}\u{10dd}.ge/",
        "http://\u{1091}\u{1095}\u{1096}.mm/",
        "http://\u{3072}\u{3089}\u{304c}\u{306a}\u{3078}.jp/",
        "http://\u{30ab}\u{30fc}\u{91ce}\u{7403}.jp/",
        "http://stra\u{df}e.de/",
        "http://\u{4e00}\u{732b}.com/",
        "http://\u{4e00}88.cn/",
        "http://\u{30b5}\u{30ed}\u{30f3}\u{3078}\u{3088}\u{3046}\u{3053}\u{305d}.jp/",
    ];
    each_reads(&guard, &ordinary, false);
}
