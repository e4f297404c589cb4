use super::*;
use crate::snapshot::{RuleSources, Snapshot};
use crate::verdict::Level;
use proptest::prelude::*;
use std::sync::{Arc, OnceLock};

fn snap() -> &'static Snapshot {
    static S: OnceLock<Snapshot> = OnceLock::new();
    S.get_or_init(|| Snapshot::embedded().expect("embedded data loads"))
}

/// The embedded data without the message model: the pattern set alone.
fn rules_only() -> &'static Snapshot {
    static S: OnceLock<Snapshot> = OnceLock::new();
    S.get_or_init(|| {
        let mut s = Snapshot::embedded().expect("embedded data loads");
        s.message_model = None;
        s
    })
}

fn zh(sender: Option<&str>, body: &str) -> Verdict {
    check(snap(), "CN", Lang::ZhHans, sender, body).expect("checkable")
}

fn en(sender: Option<&str>, body: &str) -> Verdict {
    check(snap(), "GB", Lang::En, sender, body).expect("checkable")
}

fn items<'a>(v: &'a Verdict, kind: &str) -> Vec<&'a Extracted> {
    v.extracted.iter().filter(|e| e.kind == kind).collect()
}

#[test]
fn embedded_patterns_compile() {
    let p = PatternSet::from_json(EMBEDDED).unwrap();
    assert!(!p.rules.is_empty());
    assert!(!p.extractors.is_empty());
}

#[test]
fn every_fraud_type_has_a_rule() {
    let p = PatternSet::from_json(EMBEDDED).unwrap();
    for t in FraudType::ALL {
        assert!(
            p.rules
                .iter()
                .any(|r| r.fraud_type == Some(t) && r.weight > 0),
            "no rule votes for {}",
            t.as_str()
        );
    }
}

#[test]
fn safe_account_is_dangerous_authority_with_110_advice() {
    let v = zh(
        Some("+8617012345678"),
        "【公安局】您的身份证涉嫌洗钱案件，请立即将资金转入安全账户配合资金清查，否则将冻结您名下所有账户。",
    );
    assert_eq!(v.level, Level::Dangerous, "{v:#?}");
    assert_eq!(v.action, crate::verdict::Action::Block);
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
    let safe = v
        .reasons
        .iter()
        .find(|r| r.code == "message.safe_account")
        .expect("safe account reason");
    // Evidence: the rule id and the phrase that matched.
    assert!(
        safe.detail.contains("authority.safe_account"),
        "{}",
        safe.detail
    );
    assert!(safe.detail.contains("安全账户"), "{}", safe.detail);
    assert!(v.advice.iter().any(|a| a.contains("110")), "{:?}", v.advice);
    assert!(
        v.advice.iter().any(|a| a.contains("安全账户")),
        "{:?}",
        v.advice
    );
}

#[test]
fn english_advice_for_authority() {
    let v = en(
        None,
        "IRS: There is an arrest warrant in your name for unpaid tax. Call 202-555-0175 now.",
    );
    assert!(v.level >= Level::Suspicious, "{v:#?}");
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
    assert!(
        v.advice
            .iter()
            .any(|a| a.contains("110") || a.contains("police")),
        "{:?}",
        v.advice
    );
}

#[test]
fn ordinary_messages_stay_clear() {
    for (sender, body) in [
        (Some("95588"), "【工商银行】您尾号1234卡3月5日支出(消费)500.00元，余额12,345.67元。"),
        (Some("1069012345"), "【微信】您的验证码是 123456，5分钟内有效，请勿泄露。"),
        (None, "验证码123456，5分钟内有效，请勿泄露"),
        (None, "【菜鸟驿站】您的包裹已到阳光小区菜鸟驿站，请凭取件码5-3-2108于21点前取件。"),
        (Some("13912345678"), "妈，我下周五回家，车票已经买好了"),
        (None, "刚刚有个电话说我涉嫌洗钱，一听就是骗子，我直接挂了"),
        (Some("96110"), "【国家反诈中心】提醒您：凡是自称公检法要求转账到安全账户的都是诈骗！如接到可疑电话请拨打96110咨询。"),
        (None, "这个月工资到账了，给你转了2000生活费，记得查收"),
    ] {
        let v = zh(sender, body);
        assert!(v.level <= Level::Clear, "{body}: {v:#?}");
        assert_eq!(v.fraud_type, None);
        assert_ne!(v.level, Level::Trusted, "a message is never 'trusted'");
    }
}

#[test]
fn verification_code_request_vs_plain_code() {
    let v = zh(
        None,
        "不好意思，刚才手机号输错了，验证码发到你手机上了，麻烦把收到的6位数字发给我一下",
    );
    assert_eq!(v.fraud_type, Some(FraudType::VerificationCode), "{v:#?}");
    assert!(v.level >= Level::Suspicious);
    let plain = zh(
        Some("95188"),
        "【支付宝】验证码384721，您正在进行登录操作，切勿告知他人。",
    );
    assert_eq!(plain.level, Level::Clear, "{plain:#?}");
    // The code itself is extracted, masked.
    let codes = items(&plain, "verification_code");
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].value, "******");
}

#[test]
fn official_claims_with_contacts_are_dangerous() {
    // Claims to be the 12381 warning line, carries a link.
    let v = zh(
        None,
        "【12381】您的手机号涉嫌诈骗已被举报，请点击 fz-jb.top/x 申诉，否则停机",
    );
    assert_eq!(v.level, Level::Dangerous, "{v:#?}");
    assert!(v.has_reason("message.fake_antifraud_center"));
    // Claims to be the police, carries a private mobile number.
    let v = zh(
        None,
        "【公安局】您有一起案件需要配合调查，请立即联系办案民警 13098765432",
    );
    assert!(v.level >= Level::Suspicious, "{v:#?}");
    assert!(v.has_reason("message.fake_official_contact"));
    // Says it is 96110 and gives a chat id.
    let v = zh(
        None,
        "我是96110反诈中心的，您的账户存在风险，请添加民警微信 fzzx110 核实",
    );
    assert!(v.has_reason("message.fake_official_contact"), "{v:#?}");
}

#[test]
fn bank_signature_from_a_mobile_number() {
    let body = "【招商银行】尊敬的客户，您的账户积分即将过期，请尽快兑换。";
    let from_mobile = zh(Some("13812345678"), body);
    assert!(
        from_mobile.has_reason("message.institution_from_mobile"),
        "{from_mobile:#?}"
    );
    assert!(from_mobile.level >= Level::Suspicious);
    let from_bank = zh(Some("95555"), body);
    assert!(!from_bank.has_reason("message.institution_from_mobile"));
    assert_eq!(from_bank.level, Level::Clear, "{from_bank:#?}");
    // The sender is listed with its own number verdict.
    let sender = items(&from_bank, "sender");
    assert_eq!(sender.len(), 1);
    assert_eq!(
        sender[0].verdict.as_ref().map(|v| v.level),
        Some(Level::Trusted)
    );
}

#[test]
fn spoofed_sender_is_dangerous() {
    let v = zh(
        Some("+8695588"),
        "【工商银行】您的账户存在异常，请联系客服处理。",
    );
    assert!(v.has_reason("message.dangerous_sender"), "{v:#?}");
    assert!(v.level >= Level::Suspicious);
}

#[test]
fn extracted_items_carry_their_own_verdicts() {
    let v = zh(
        Some("+8617012345678"),
        "兼职刷单日结，详情 abc.top/x 或 https://t.cn/A6xYz ，电话 13812345678，薇信：kefu_888，QQ 2837461952，验证码 4821",
    );
    let links = items(&v, "link");
    assert_eq!(
        links.iter().map(|e| e.value.as_str()).collect::<Vec<_>>(),
        ["abc.top/x", "https://t.cn/A6xYz"]
    );
    let numbers = items(&v, "number");
    assert_eq!(numbers.len(), 1);
    let nv = numbers[0].verdict.as_ref().expect("numbers are checked");
    assert_eq!(nv.normalized.as_deref(), Some("+8613812345678"));
    let ids: Vec<&str> = items(&v, "im_id")
        .iter()
        .map(|e| e.value.as_str())
        .collect();
    assert!(ids.contains(&"wechat:kefu_888"), "{ids:?}");
    assert!(ids.contains(&"qq:2837461952"), "{ids:?}");
    assert_eq!(items(&v, "verification_code").len(), 1);
    assert_eq!(v.fraud_type, Some(FraudType::RebateTask));
    // The JSON contract carries them.
    let json = v.to_json();
    assert!(
        json["extracted"].as_array().is_some_and(|a| a.len() >= 6),
        "{json}"
    );
}

#[test]
fn dangerous_links_make_the_message_dangerous_and_official_ones_do_not() {
    let v = zh(
        None,
        "您的账户存在异常，请登录 http://www.icbc.com.cn.verify-account.top/login 核实",
    );
    assert_eq!(v.level, Level::Dangerous, "{v:#?}");
    let r = v
        .reasons
        .iter()
        .find(|r| r.code == "message.dangerous_link")
        .expect("dangerous link reason");
    assert!(
        r.detail.contains("link."),
        "names the link's own reason: {}",
        r.detail
    );
    let link = items(&v, "link")[0];
    assert_eq!(
        link.verdict.as_ref().map(|v| v.level),
        Some(Level::Dangerous)
    );
    // The carrier's own site: a trusted link, no alarm.
    let v = zh(
        None,
        "【中国电信】您的话费余额不足，为避免停机，请及时充值。充值网址：https://www.189.cn",
    );
    assert_eq!(v.level, Level::Clear, "{v:#?}");
    assert_eq!(
        items(&v, "link")[0].verdict.as_ref().map(|v| v.level),
        Some(Level::Trusted)
    );
}

#[test]
fn a_link_the_link_check_rejects_is_kept_without_verdict() {
    // Whatever the link check thinks of it, the item is listed; when the check
    // can't rate it, it has no verdict and counts as "not known to be safe".
    let v = zh(None, "请登录 http://[::1 查看");
    for e in items(&v, "link") {
        assert!(
            e.verdict.is_none()
                || e.verdict
                    .as_ref()
                    .is_some_and(|v| v.kind == crate::Kind::Link)
        );
    }
}

#[test]
fn obfuscations_are_seen_through() {
    for body in [
        "刷 单 兼 职，日 结 百 元，手 机 就 能 做，加 微 ：zk66886",
        "刷-单-兼-职，佣-金-日-结，加V：zk66886",
        "ＱＱ：２８３７４６１９５２，刷单兼职，日结佣金",
        "➕V：zk66886 点👍一个视频1.5元，日结",
    ] {
        let v = zh(None, body);
        assert!(v.level >= Level::Suspicious, "{body}: {v:#?}");
        assert_eq!(v.fraud_type, Some(FraudType::RebateTask), "{body}");
    }
    let v = zh(None, "刷 单 兼 职，日 结 百 元，加 微 ：zk66886");
    assert!(v.has_reason("message.obfuscated"), "{v:#?}");
    let v = zh(None, "加薇信 kefu001 领取");
    assert!(v.has_reason("message.im_variant"));
}

#[test]
fn english_scams() {
    for (body, t) in [
        ("Royal Mail: Your parcel could not be delivered due to an unpaid shipping fee of £1.45. Pay at royalmail-redelivery.com/pay", FraudType::Phishing),
        ("HSBC: Your account has been locked due to unusual activity. Verify your identity at hsbc-secure-login.com", FraudType::Phishing),
        ("Congratulations! You've been selected to receive a $1000 gift card. Claim now: wm-rewards.win", FraudType::PrizeLottery),
        ("HMRC: You are eligible for a tax refund of £264.37. Claim here: hmrc-refund.uk.com", FraudType::Phishing),
        ("Invest $500 in Bitcoin today and get guaranteed daily profit of 5%. Join our VIP group", FraudType::FakeInvestment),
        ("Hi Mum, this is my new number, I dropped my phone. Can you pay a bill for me today?", FraudType::ImpersonateAcquaintance),
    ] {
        let v = en(None, body);
        assert!(v.level >= Level::Suspicious, "{body}: {v:#?}");
        assert_eq!(v.fraud_type, Some(t), "{body}");
    }
    for body in [
        "Your Amazon order has shipped and will arrive Thursday.",
        "Your verification code is 482913. Don't share it with anyone.",
        "Hi mum, landed safely! Will call you tomorrow",
    ] {
        assert_eq!(en(None, body).level, Level::Clear, "{body}");
    }
}

#[test]
fn empty_and_invisible_bodies_are_refused() {
    for body in ["", "   ", "\n\t", "\u{200b}\u{200d}\u{feff}", "\u{202e}"] {
        let e = check(snap(), "CN", Lang::ZhHans, None, body).unwrap_err();
        assert!(
            matches!(
                e,
                Error::InvalidInput {
                    kind: Kind::Message,
                    ..
                }
            ),
            "{e:?}"
        );
        // The error never repeats the input.
        assert!(!e.to_string().contains(body) || body.trim().is_empty());
    }
}

#[test]
fn a_megabyte_and_more() {
    let unit = "您好，这是一条普通的通知消息，没有任何风险。";
    let big = unit.repeat((1 << 20) / unit.len() + 1);
    let v = zh(None, &big);
    assert!(v.input.chars().count() <= 161, "input is a bounded preview");
    let bigger = unit.repeat((2 << 20) / unit.len());
    let v = zh(None, &bigger);
    assert!(v.has_reason("message.truncated"));
    // A scam buried in a long text is still found (keywords read everything scanned).
    let scam = format!("{}请将资金转入安全账户配合调查", unit.repeat(10_000));
    assert_eq!(
        zh(None, &scam).fraud_type,
        Some(FraudType::ImpersonateAuthority)
    );
}

#[test]
fn thousands_of_links() {
    let body = (0..5000)
        .map(|i| format!("http://x{i}.top/a "))
        .collect::<String>();
    let v = zh(None, &body);
    let links = items(&v, "link");
    assert!(links.len() <= extract::MAX_PER_KIND);
    assert!(links.iter().filter(|e| e.verdict.is_some()).count() <= MAX_CHECKED_LINKS);
    assert!(v.has_reason("message.many_links"), "{:?}", v.reasons);
    let numbers = (0..5000)
        .map(|i| format!("1381234{:04} ", i))
        .collect::<String>();
    let v = zh(None, &numbers);
    assert!(items(&v, "number").len() <= extract::MAX_PER_KIND);
    assert!(
        items(&v, "number")
            .iter()
            .filter(|e| e.verdict.is_some())
            .count()
            <= MAX_CHECKED_NUMBERS
    );
}

#[test]
fn odd_unicode_from_the_host() {
    for body in [
        "\u{fffd}\u{fffd}\u{fffd}",
        "a\u{fffd}安全\u{fffd}账户",
        "\u{202e}户账全安\u{202c}",
        "👨\u{200d}👩\u{200d}👧\u{fe0f}",
        "e\u{301}\u{301}\u{301}\u{301}",
        "\u{1100}\u{1161}\u{11a8}",
        "\u{e0001}\u{e0041}",
        "\u{10ffff}\u{fdd0}",
        "\u{0}\u{1}\u{7f}文字",
        "【】【【】】[[]]",
        "http://",
        "https://[",
        "@.top/",
        "+",
        "qq:",
        "验证码",
    ] {
        let r = check(snap(), "CN", Lang::ZhHans, Some("\u{fffd}"), body);
        if let Ok(v) = r {
            assert_eq!(v.kind, Kind::Message);
        }
    }
}

#[test]
fn same_input_same_verdict() {
    let body = "您好，您的贷款申请已通过，因银行卡号填写错误导致资金冻结，请缴纳3000元解冻金";
    assert_eq!(zh(None, body), zh(None, body));
}

#[test]
fn a_feed_can_replace_the_pattern_set() {
    let json = r#"{
        "version": "test-1",
        "weights": {"message.dangerous_link": 70, "message.suspicious_link": 25, "message.dangerous_number": 45,
                    "message.suspicious_number": 10, "message.dangerous_sender": 45, "message.item_type_vote": 10},
        "groups": {"marker": ["特别暗号"]},
        "rules": [{"id": "t.marker", "code": "message.test_marker", "type": "other", "weight": 80, "all": ["marker"]}],
        "extractors": []
    }"#;
    let sources = RuleSources {
        patterns: Some(json.to_string()),
        ..RuleSources::default()
    };
    let s = Snapshot::build(
        &sources,
        Arc::new(crate::blocklist::MemoryIndex::new()),
        "feed-1".into(),
    )
    .unwrap();
    let v = check(&s, "CN", Lang::ZhHans, None, "这里有个特·别·暗·号").unwrap();
    assert_eq!(v.level, Level::Dangerous);
    assert!(v.has_reason("message.test_marker"), "{v:#?}");
    assert_eq!(v.feed_version, "feed-1");
    // The feed's rule types the message (the embedded model, which has its
    // own opinion of so short a text, set aside).
    let mut rules_alone = Snapshot::build(
        &sources,
        Arc::new(crate::blocklist::MemoryIndex::new()),
        "feed-1".into(),
    )
    .unwrap();
    rules_alone.message_model = None;
    let v = check(
        &rules_alone,
        "CN",
        Lang::ZhHans,
        None,
        "这里有个特·别·暗·号",
    )
    .unwrap();
    assert_eq!(v.fraud_type, Some(FraudType::Other));
    // The default rules are gone (the embedded message model stays: a feed
    // replaces it only with a model of its own).
    let v = check(&s, "CN", Lang::ZhHans, None, "请将资金转入安全账户").unwrap();
    assert!(
        v.reasons.iter().all(|r| r.code == "message.model"),
        "{v:#?}"
    );
    let mut s = s;
    s.message_model = None;
    let v = check(&s, "CN", Lang::ZhHans, None, "请将资金转入安全账户").unwrap();
    assert_eq!(v.level, Level::Clear);
}

#[test]
fn malformed_pattern_sets_are_refused() {
    let base = |groups: &str, rules: &str, extra: &str| {
        format!(
            r#"{{"version":"x","weights":{{"message.dangerous_link":1,"message.suspicious_link":1,"message.dangerous_number":1,
            "message.suspicious_number":1,"message.dangerous_sender":1,"message.item_type_vote":1}},
            "groups":{groups},"rules":{rules},"extractors":[]{extra}}}"#
        )
    };
    let ok = base(
        r#"{"a":["x"]}"#,
        r#"[{"id":"r","code":"message.r","weight":10,"all":["a"]}]"#,
        "",
    );
    assert!(PatternSet::from_json(&ok).is_ok());
    for bad in [
        "not json".to_string(),
        base(
            r#"{"a":["x"]}"#,
            r#"[{"id":"r","code":"message.r","weight":10,"all":["nope"]}]"#,
            "",
        ),
        base(
            r#"{"a":["x"]}"#,
            r#"[{"id":"r","code":"message.r","type":"no_such_type","weight":10,"all":["a"]}]"#,
            "",
        ),
        base(
            r#"{"a":["x"]}"#,
            r#"[{"id":"r","code":"message.r","weight":1000,"all":["a"]}]"#,
            "",
        ),
        base(
            r#"{"a":["x"]}"#,
            r#"[{"id":"r","code":"other.r","weight":10,"all":["a"]}]"#,
            "",
        ),
        base(
            r#"{"a":["x"]}"#,
            r#"[{"id":"r","code":"message.r","weight":10,"all":[]}]"#,
            "",
        ),
        base(r#"{"a":[]}"#, r#"[]"#, ""),
        base(r#"{"a":["，。"]}"#, r#"[]"#, ""),
        base(r#"{"a":{"regex":["("]}}"#, r#"[]"#, ""),
        base(r#"{"a":{"regex":["(?:a{1000}){1000}"]}}"#, r#"[]"#, ""),
        base(r#"{"link":["x"]}"#, r#"[]"#, ""),
        base(r#"{"a":["x"]}"#, r#"[]"#, r#","symbol_words":{"ab":"加"}"#),
        base(r#"{"a":["x"]}"#, r#"[]"#, r#","symbol_words":{"a":"加"}"#),
        base(
            r#"{"a":["x"]}"#,
            r#"[]"#,
            r#","obfuscation_groups":["nope"]"#,
        ),
        r#"{"version":"x","weights":{},"groups":{},"rules":[],"extractors":[]}"#.to_string(),
    ] {
        let e = PatternSet::from_json(&bad).unwrap_err();
        assert!(
            matches!(
                e,
                Error::Rules {
                    part: "patterns",
                    ..
                }
            ),
            "{bad}: {e:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_text(body in "\\PC{0,200}", sender in proptest::option::of("\\PC{0,24}")) {
        let _ = check(snap(), "CN", Lang::ZhHans, sender.as_deref(), &body);
    }

    #[test]
    fn never_panics_on_any_chars(body in proptest::collection::vec(any::<char>(), 0..120)) {
        let body: String = body.into_iter().collect();
        let _ = check(snap(), "CN", Lang::En, None, &body);
    }

    #[test]
    fn never_panics_on_scam_shaped_text(
        body in "[刷单安全账户验证码发给我加微信qQvV薇信 0-9a-z.:/@，。！【】\u{200b}\u{3000}＋＠]{0,120}"
    ) {
        if let Ok(v) = check(snap(), "CN", Lang::ZhHans, Some("13812345678"), &body) {
            prop_assert!(v.score <= 100);
            prop_assert!(v.extracted.len() <= 6 * extract::MAX_PER_KIND + 1);
            prop_assert!(v.fraud_type.is_none() || v.level >= Level::Suspicious);
        }
    }
}

/// A snapshot whose message model was trained on `rows` (repeated so the
/// tiny set is learnt), with a known combination.
fn with_model(rows: &[(&str, &str)]) -> Snapshot {
    use crate::model::{train, FeatureKind, TrainOptions};
    let ex: Vec<(String, String)> = (0..20)
        .flat_map(|i| {
            rows.iter()
                .map(move |(t, l)| (format!("{t}{}", "。".repeat(i % 3)), l.to_string()))
        })
        .collect();
    let opts = TrainOptions {
        bits: 14,
        holdback_every: 0,
        ..TrainOptions::default()
    };
    let (m, _) = train(FeatureKind::Message, &ex, &opts).unwrap();
    let sources = RuleSources {
        message_model: Some(Arc::new(m.to_bytes())),
        ..RuleSources::default()
    };
    let mut s = Snapshot::build(
        &sources,
        Arc::new(crate::blocklist::MemoryIndex::new()),
        "t".into(),
    )
    .unwrap();
    s.patterns.model = ModelCombination {
        strong_codes: vec!["message.safe_account".into()],
        weak_factor: 0.0,
        loose_codes: None,
        precise_below: None,
        sure_below: None,
        overrule_below: 1.0,
        min_known: None,
        suspicious_weight: 40,
        dangerous_weight: 70,
        type_confidence: 0.5,
        type_vote: 1000,
        comment: None,
    };
    s
}

const MODEL_ROWS: &[(&str, &str)] = &[
    ("恭喜您获得一等奖，请于三日内到一楼领取", "benign"),
    ("本周六超市会员抽奖，一等奖电饭煲，凭会员卡领取", "benign"),
    ("您的快递已到驿站，请凭取件码取件", "benign"),
    ("明天下午三点开会，记得带材料", "benign"),
    (
        "老同学好久不见最近手头有点紧能不能帮个忙",
        "impersonate_acquaintance",
    ),
    (
        "老同学是我，最近手头有点紧，能帮个忙吗",
        "impersonate_acquaintance",
    ),
    (
        "您涉嫌洗钱，请将资金转入安全账户配合调查",
        "impersonate_authority",
    ),
];

#[test]
fn the_model_overrules_weak_rule_evidence() {
    let text = "恭喜您获得一等奖，请于三日内到一楼领取";
    // The rules alone flag it (a prize won and a claim).
    let alone = check(rules_only(), "CN", Lang::ZhHans, None, text).unwrap();
    assert!(alone.level >= Level::Suspicious, "{alone:#?}");
    let s = with_model(MODEL_ROWS);
    let v = check(&s, "CN", Lang::ZhHans, None, text).unwrap();
    assert_eq!(v.level, Level::Clear, "{v:#?}");
    let m = v
        .reasons
        .iter()
        .find(|r| r.code == "message.model")
        .unwrap();
    assert!(m.weight < 0, "{m:?}");
    assert!(m.detail.contains("discounted"), "{m:?}");
    // The rule's own reason is still listed.
    assert!(v.has_reason("message.prize_claim"));
}

#[test]
fn the_model_cuts_precise_codes_only_when_it_is_very_sure() {
    let text = "恭喜您获得一等奖，请于三日内到一楼领取";
    let prize_codes: Vec<String> = check(rules_only(), "CN", Lang::ZhHans, None, text)
        .unwrap()
        .reasons
        .iter()
        .filter(|r| r.weight > 0)
        .map(|r| r.code.clone())
        .collect();
    assert!(!prize_codes.is_empty());
    // Loose (seen on ordinary messages when calibrated): cut, as before.
    let mut loose = with_model(MODEL_ROWS);
    loose.patterns.model.loose_codes = Some(prize_codes.clone());
    loose.patterns.model.precise_below = Some(0.0);
    let v = check(&loose, "CN", Lang::ZhHans, None, text).unwrap();
    assert_eq!(v.level, Level::Clear, "{v:#?}");
    // Precise (never seen on an ordinary message): kept whole unless the
    // model is surer than `precise_below`.
    let mut precise = with_model(MODEL_ROWS);
    precise.patterns.model.loose_codes = Some(Vec::new());
    precise.patterns.model.precise_below = Some(0.0);
    let v = check(&precise, "CN", Lang::ZhHans, None, text).unwrap();
    assert!(v.level >= Level::Suspicious, "{v:#?}");
    precise.patterns.model.precise_below = Some(0.5);
    let v = check(&precise, "CN", Lang::ZhHans, None, text).unwrap();
    assert_eq!(v.level, Level::Clear, "{v:#?}");
}

#[test]
fn the_model_flags_and_types_what_no_rule_sees() {
    let text = "王哥，老同学是我，手头有点紧，能不能帮个忙";
    let alone = check(rules_only(), "CN", Lang::ZhHans, None, text).unwrap();
    assert_eq!(alone.level, Level::Clear);
    let s = with_model(MODEL_ROWS);
    let v = check(&s, "CN", Lang::ZhHans, None, text).unwrap();
    assert!(v.level >= Level::Suspicious, "{v:#?}");
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAcquaintance));
    let m = v
        .reasons
        .iter()
        .find(|r| r.code == "message.model")
        .unwrap();
    assert!(m.weight >= 40);
    // Evidence: the n-grams behind the score.
    let grams = m.detail.split("n-grams: ").nth(1).expect("n-grams listed");
    assert!(!grams.is_empty());
    for g in grams.split(", ") {
        assert!(text.contains(g), "{g} is not in the text");
    }
}

#[test]
fn strong_rule_evidence_stands_whatever_the_model_says() {
    // The model has seen this wording only as ordinary text…
    let mut rows = MODEL_ROWS.to_vec();
    rows.retain(|(_, l)| *l != "impersonate_authority");
    rows.push(("请将资金转入安全账户，谢谢", "benign"));
    rows.push(("骗子让我把资金转入安全账户，我没理", "benign"));
    rows.push(("您涉嫌洗钱请配合调查", "impersonate_authority"));
    let s = with_model(&rows);
    let v = check(&s, "CN", Lang::ZhHans, None, "请将资金转入安全账户，谢谢").unwrap();
    // …but a safe account with a transfer is strong evidence.
    assert!(v.has_reason("message.safe_account"), "{v:#?}");
    assert!(v.level >= Level::Suspicious, "{v:#?}");
}

#[test]
fn without_a_model_the_rules_decide_alone() {
    let mut s = with_model(MODEL_ROWS);
    s.message_model = None;
    let v = check(
        &s,
        "CN",
        Lang::ZhHans,
        None,
        "恭喜您获得一等奖，请于三日内到一楼领取",
    )
    .unwrap();
    assert!(!v.has_reason("message.model"));
    assert!(v.level >= Level::Suspicious);
}

/// Real marketing: a prize collected at the counter or credited in the
/// brand's own app is benign evidence (`message.brand_promotion`); the same
/// prize with a fee, a card or a private contact is not.
#[test]
fn a_prize_through_the_brands_own_channel_stays_clear() {
    for text in [
        "恭喜您获得一等奖，凭购物小票到一楼服务台领取",
        "【农业银行】恭喜您在刷卡抽奖活动中抽中20元立减金，已自动存入手机银行卡券中心，无需任何操作。",
        "【瑞幸咖啡】会员日消费满30元即可参与抽奖，100%中奖，打开瑞幸咖啡APP首页领取。",
    ] {
        let v = check(rules_only(), "CN", Lang::ZhHans, None, text).unwrap();
        assert_eq!(v.level, Level::Clear, "{v:#?}");
        assert!(v.has_reason("message.brand_promotion"), "{v:#?}");
    }
    for text in [
        "恭喜您获得一等奖，凭购物小票到一楼服务台领取，领奖前需先缴纳200元手续费",
        "恭喜您获得一等奖，请提供银行卡号和预留手机号，到一楼服务台领取",
        "【瑞幸咖啡】恭喜您抽中一等奖，请添加客服QQ12345678领取，到门店领取需先付运费",
    ] {
        let v = check(rules_only(), "CN", Lang::ZhHans, None, text).unwrap();
        assert!(!v.has_reason("message.brand_promotion"), "{v:#?}");
        assert!(v.level >= Level::Suspicious, "{v:#?}");
    }
}

/// "v" followed by a word is not a WeChat id (`voucher`, `Vodafone`).
#[test]
fn english_words_starting_with_v_are_not_wechat_ids() {
    let v = check(
        rules_only(),
        "GB",
        Lang::En,
        None,
        "Vodafone: your voucher has been added to your account",
    )
    .unwrap();
    assert!(
        !v.extracted.iter().any(|e| e.kind == "im_id"),
        "{:#?}",
        v.extracted
    );
    let v = check(
        rules_only(),
        "CN",
        Lang::ZhHans,
        None,
        "领奖请加v：lucky888",
    )
    .unwrap();
    assert!(v.extracted.iter().any(|e| e.kind == "im_id"), "{v:#?}");
}

#[test]
fn a_bad_model_section_is_refused() {
    let json = EMBEDDED.replacen(
        "\"rules\": [",
        "\"model\": {\"strong_codes\": [], \"weak_factor\": 2.0, \"overrule_below\": 1.0, \"suspicious_weight\": 40, \"dangerous_weight\": 70, \"type_confidence\": 0.5, \"type_vote\": 100},\n  \"rules\": [",
        1,
    );
    assert!(PatternSet::from_json(&json).is_err());
}

#[test]
fn asks_that_real_scripts_make_are_rules_of_their_own() {
    // Each: what the scam asks for, in words our earlier rules missed.
    let flagged = [
        // A charity that wants donations in a staff member's own account.
        ("CN", Lang::ZhHans, "我们是本市慈善基金会的，正在为受灾的孩子募捐。基金会对公账户正在年审，捐款请先转到我们工作人员的个人账户。", "message.fake_charity"),
        // An official who threatens a case and offers to settle it quietly.
        ("CN", Lang::ZhHans, "我这边是市场监督管理局 有人举报你卖假货 现在要立案处罚 想私下处理可以先交一笔保证金 这个事情不要跟别人说", "message.authority_case_demand"),
        // Fixed daily dividends and a reward for every recruit.
        ("CN", Lang::ZhHans, "这是国家扶持的投资项目，每天都有固定分红，拉人进来还有额外奖励，收益特别稳定。", "message.pyramid_scheme"),
        // A buyer who asks for "the digits in the text message".
        ("CN", Lang::ZhHans, "平台要验证你是不是真实卖家，会给你发一条短信，你把里面的数字发给我，我这边就能付款了", "message.code_request"),
        // English sextortion paid in Bitcoin.
        ("GB", Lang::En, "I have a recording of you. Transfer 1500 USD in Bitcoin to the wallet below within 48 hours or I will share it with your contacts.", "message.sextortion"),
    ];
    for (region, lang, text, code) in flagged {
        let v = check(rules_only(), region, lang, None, text).unwrap();
        assert!(v.has_reason(code), "{code} missing: {v:#?}");
        assert!(v.level >= Level::Suspicious, "{v:#?}");
    }
    // A real sign-in notice that tells you to ignore it if it was you: no
    // link, no number, no ask.
    let notice = "Your Starbucks account: we noticed a sign-in from a new device in Leeds. If this was you, you can ignore this message.";
    let v = check(rules_only(), "GB", Lang::En, None, notice).unwrap();
    assert_eq!(v.level, Level::Clear, "{v:#?}");
    // The same notice with a link to "secure" the account still counts.
    let phish = "Your Starbucks account: we noticed a sign-in from a new device in Leeds. If this was not you, secure it now: http://starbucks-secure.top/login";
    let v = check(rules_only(), "GB", Lang::En, None, phish).unwrap();
    assert!(v.has_reason("message.account_locked"), "{v:#?}");
}
