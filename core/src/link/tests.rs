//! Unit tests of the link internals; behaviour tests live in
//! `core/tests/link_*.rs`.

use super::canon::{parse_ipv4, unescape_fully};
use super::rules::{fold, within_one_edit, LinkRules};
use super::*;

#[test]
fn embedded_rules_load() {
    let rules = LinkRules::from_json(EMBEDDED).expect("embedded link rules load");
    assert!(rules.host_facts("www.icbc.com.cn").official.is_some());
    assert!(rules.host_facts("beian.gov.cn").official.is_some());
    assert!(rules.host_facts("icbc.com.cn.evil.top").official.is_none());
    let f = rules.host_facts("docs.google.com");
    assert!(f.official.is_some() && f.user_content);
    assert!(rules.host_facts("w.url.cn").shortener);
    assert!(rules.host_facts("www.apple.com.edgekey.net").infrastructure);
    assert!(rules.host_facts("anydesk.com").remote_app.is_some());
}

#[test]
fn missing_weight_is_refused() {
    let json = EMBEDDED.replace("\"link.homograph\"", "\"link.homograph_x\"");
    assert!(LinkRules::from_json(&json).is_err());
    assert!(LinkRules::from_json("{}").is_err());
    assert!(LinkRules::from_json("not json").is_err());
}

#[test]
fn unescape_reaches_the_fixpoint_in_one_pass() {
    assert_eq!(unescape_fully(b"%25%32%35"), b"%");
    assert_eq!(unescape_fully(b"%2525252525252525"), b"%");
    assert_eq!(unescape_fully(b"%%%25%32%35asd%%"), b"%%%asd%%");
    assert_eq!(unescape_fully(b"%"), b"%");
    assert_eq!(unescape_fully(b"%4"), b"%4");
    assert_eq!(unescape_fully(b"%zz%41"), b"%zzA");
    assert_eq!(unescape_fully(b"%%34%31"), b"A");
}

#[test]
fn ipv4_forms() {
    assert_eq!(parse_ipv4(b"3279880203"), Some([195, 127, 0, 11]));
    assert_eq!(parse_ipv4(b"0xc3.0177.0.11"), Some([195, 127, 0, 11]));
    assert_eq!(parse_ipv4(b"1.2.3"), Some([1, 2, 0, 3]));
    assert_eq!(parse_ipv4(b"1.2"), Some([1, 0, 0, 2]));
    assert_eq!(parse_ipv4(b"012.1.1.1"), Some([10, 1, 1, 1]));
    assert_eq!(parse_ipv4(b"0x7f.1"), Some([127, 0, 0, 1]));
    assert_eq!(parse_ipv4(b"256.1.1.1"), None);
    assert_eq!(parse_ipv4(b"1.2.3.4.5"), None);
    assert_eq!(parse_ipv4(b"08.1.1.1"), None);
    assert_eq!(parse_ipv4(b"4294967296"), None);
    assert_eq!(parse_ipv4(b"99999999999999999999999999"), None);
    assert_eq!(parse_ipv4(b"example.com"), None);
    assert_eq!(parse_ipv4(b"1..2"), None);
}

#[test]
fn folding_and_edits() {
    assert_eq!(fold("paypa1"), fold("paypal"));
    assert_eq!(fold("g00gle"), "google");
    assert_eq!(fold("rnicrosoft"), fold("microsoft"));
    assert_eq!(fold("vvechat"), "wechat");
    assert!(within_one_edit(b"taoboa", b"taobao"));
    assert!(within_one_edit(b"alipey", b"alipay"));
    assert!(within_one_edit(b"aliipay", b"alipay"));
    assert!(within_one_edit(b"alpay", b"alipay"));
    assert!(!within_one_edit(b"alpy", b"alipay"));
    assert!(!within_one_edit(b"abcdef", b"badcfe"));
}

#[test]
fn expressions_are_unique_and_bounded() {
    let c = canonicalize("http://a.b.c.d.e.f.g/1/2/3/4/5/6.html?q=1").unwrap();
    let e = expressions(&c);
    assert!(e.len() <= 30);
    let mut sorted = e.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), e.len());
    assert_eq!(e.len(), 30);
}

#[test]
#[ignore]
fn time_rules_compile() {
    let t = std::time::Instant::now();
    for _ in 0..20 {
        LinkRules::from_json(EMBEDDED).unwrap();
    }
    eprintln!("from_json: {:?} each", t.elapsed() / 20);
}

#[test]
#[ignore]
fn time_rules_parts() {
    use super::rules::skeleton_key;
    let t = std::time::Instant::now();
    for _ in 0..20 {
        let _: serde_json::Value = serde_json::from_str(EMBEDDED).unwrap();
    }
    eprintln!("json: {:?}", t.elapsed() / 20);
    let t = std::time::Instant::now();
    for _ in 0..20 {
        for w in ["paypal", "icbc", "microsoft", "alipay"] {
            let _ = skeleton_key(w);
        }
    }
    eprintln!("4 skeletons: {:?}", t.elapsed() / 20);
    let words: Vec<String> = (0..100).map(|i| format!("word{i}")).collect();
    let t = std::time::Instant::now();
    for _ in 0..20 {
        let _ = aho_corasick::AhoCorasickBuilder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&words)
            .unwrap();
    }
    eprintln!("ac 100: {:?}", t.elapsed() / 20);
}

#[test]
fn protected_domains_file_is_built_from_its_list() {
    // `fanzha link protected-domains core/data/protected_domains.txt`
    // must have been rerun after the list or the IDN rules changed.
    let list = include_str!("../../data/protected_domains.txt");
    let domains = list
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty());
    let built = super::protected_domains_file(domains).expect("embedded rules");
    assert!(
        built == super::rules::PROTECTED_DOMAINS,
        "core/data/protected_domains.bin is stale: rebuild it (see protected_domains.txt)"
    );
}
