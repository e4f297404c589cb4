use super::*;
use crate::{Guard, Settings};

fn guard() -> Guard {
    Guard::new(Settings::default()).unwrap()
}

#[test]
fn embedded_rules_compile_and_name_known_pattern_groups() {
    let r = ConversationRules::from_json(rules::EMBEDDED).unwrap();
    let snap = Snapshot::embedded().unwrap();
    assert!(
        r.unknown_groups(&snap.patterns).is_empty(),
        "{:?}",
        r.unknown_groups(&snap.patterns)
    );
    assert!(r.stages.iter().filter(|s| s.arc).count() >= 4);
}

#[test]
fn bad_rules_are_refused() {
    let good: serde_json::Value = serde_json::from_str(rules::EMBEDDED).unwrap();
    let mutate = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        ConversationRules::from_json(&v.to_string())
    };
    assert!(mutate(&|_| {}).is_ok());
    assert!(mutate(&|v| v["stages"][0]["weight"] = 500.into()).is_err());
    assert!(mutate(&|v| v["arc"]["weights"] = serde_json::json!([0, 1])).is_err());
    assert!(mutate(&|v| v["types"][0]["type"] = "no_such_type".into()).is_err());
    assert!(mutate(&|v| v["stages"][0]["speakers"] = serde_json::json!(["caller"])).is_err());
    assert!(mutate(&|v| v["stages"][0]["keywords"] = serde_json::json!([" "])).is_err());
    assert!(mutate(&|v| v["message"]["factor"] = 2.0.into()).is_err());
    assert!(mutate(&|v| v["stages"][1]["id"] = "authority".into()).is_err());
    assert!(mutate(&|v| v["surprise"] = 1.into()).is_err());
}

#[test]
fn empty_and_oversized_conversations_are_refused() {
    let g = guard();
    for turns in [
        vec![],
        vec![Turn::remote(""), Turn::local(" \u{200b} ")],
        (0..=MAX_TURNS).map(|_| Turn::remote("hi")).collect(),
        vec![Turn::remote("啊".repeat(MAX_BYTES / 3 + 1))],
    ] {
        match g.check_conversation(&turns) {
            Err(Error::InvalidInput {
                kind: Kind::Message,
                why,
            }) => {
                assert!(!why.contains("hi"), "{why}")
            }
            other => panic!("not refused: {other:?}"),
        }
    }
    // At the bounds: fine.
    let many: Vec<Turn> = (0..MAX_TURNS).map(|_| Turn::local("ok")).collect();
    assert!(g.check_conversation(&many).is_ok());
}

#[test]
fn the_arc_across_turns_is_what_makes_it_dangerous() {
    let g = guard();
    let call = [
        Turn::remote("您好 我是京东客服 您开通了百万保障会员"),
        Turn::local("我没开过啊"),
        Turn::remote("不关闭的话每个月自动扣费 还会影响征信"),
        Turn::remote("这个操作要保密 不要告诉别人 我们开个会议共享屏幕"),
        Turn::remote("您打开借呗 把额度转到我们的验证账户 核实完马上退回"),
        Turn::local("转了 多久退回来"),
    ];
    let v = g.check_conversation(&call).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{v:#?}");
    assert_eq!(v.kind, Kind::Message);
    for code in [
        "conversation.authority",
        "conversation.fear",
        "conversation.secrecy",
        "conversation.transfer",
        "conversation.arc",
        "conversation.compliance",
    ] {
        assert!(v.has_reason(code), "{code}: {:#?}", v.reasons);
    }
    let arc = v
        .reasons
        .iter()
        .find(|r| r.code == "conversation.arc")
        .unwrap();
    assert!(arc.detail.contains("authority (turn 1)"), "{}", arc.detail);
    assert!(arc.detail.contains("transfer (turn 5)"), "{}", arc.detail);
    let fear = v
        .reasons
        .iter()
        .find(|r| r.code == "conversation.fear")
        .unwrap();
    assert!(fear.detail.contains("turn 3 (remote)"), "{}", fear.detail);
    let compliance = v
        .reasons
        .iter()
        .find(|r| r.code == "conversation.compliance")
        .unwrap();
    assert!(
        compliance.detail.contains("turn 6 (local)"),
        "{}",
        compliance.detail
    );
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateCustomerService));
    assert!(v.input.starts_with("remote: 您好"), "{}", v.input);

    // The same words out of order — the transfer talk first, the claim of
    // authority last — make a shorter arc.
    let mut reversed = call.to_vec();
    reversed.reverse();
    let r = g.check_conversation(&reversed).unwrap();
    let arc_weight = |v: &Verdict| {
        v.reasons
            .iter()
            .find(|r| r.code == "conversation.arc")
            .map_or(0, |r| r.weight)
    };
    assert!(arc_weight(&r) < arc_weight(&v), "{:#?}", r.reasons);

    // One ordinary line with a transfer in it is not a scam.
    let family = g
        .check_conversation(&[
            Turn::remote("妈 我这个月房租交了 给你转了500 买点水果"),
            Turn::local("好 收到了"),
        ])
        .unwrap();
    assert!(family.level < Level::Suspicious, "{family:#?}");
}

#[test]
fn the_banks_own_fraud_callback_is_not_flagged() {
    let g = guard();
    let v = g
        .check_conversation(&[
            Turn::remote("hello it's Pete from Chase fraud team I'm calling to check a payment of $1500 to Superdrug"),
            Turn::local("no that wasn't me"),
            Turn::remote("ok I've stopped the card a new one will arrive you don't need to do anything remember we never ask you to move money"),
        ])
        .unwrap();
    assert!(v.level < Level::Suspicious, "{v:#?}");
    let v = g
        .check_conversation(&[
            Turn::remote("喂 我是北京反诈中心的民警 您今天有没有接到自称客服的电话"),
            Turn::local("对 说我账户有问题"),
            Turn::remote(
                "那是个诈骗电话 一定别给他验证码 公安机关不会在电话里让您转账 有情况打96110",
            ),
        ])
        .unwrap();
    assert!(v.level < Level::Suspicious, "{v:#?}");
}

#[test]
fn longest_run_keeps_order() {
    assert_eq!(longest_ordered_run(&[]), vec![]);
    // authority at 3, fear at 1, secrecy at 2, transfer at 5: fear →
    // secrecy → transfer.
    let run = longest_ordered_run(&[(0, &[3]), (1, &[1]), (2, &[2]), (3, &[5])]);
    assert_eq!(run, vec![(1, 1), (2, 2), (3, 5)]);
    // A later occurrence keeps the run going; a shared turn counts.
    let run = longest_ordered_run(&[(0, &[0]), (1, &[0]), (2, &[]), (3, &[1, 4])]);
    assert_eq!(run, vec![(0, 0), (1, 0), (3, 1)]);
    let run = longest_ordered_run(&[(0, &[2]), (1, &[3]), (2, &[4]), (3, &[0, 6])]);
    assert_eq!(run.len(), 4);
}

#[test]
fn words_inside_a_negated_phrase_count_for_no_risk_stage() {
    let g = guard();
    let v = g
        .check_conversation(&[
            Turn::remote("各位家长好 我是实验小学王老师 下周开家长会"),
            Turn::local("老师好"),
            Turn::remote("班费统一在学校APP里交 不要私下转给任何人"),
        ])
        .unwrap();
    assert!(!v.has_reason("conversation.transfer"), "{:#?}", v.reasons);
    assert!(!v.has_reason("conversation.secrecy"), "{:#?}", v.reasons);
    assert!(v.level < Level::Suspicious, "{v:#?}");
    // The same words without the negation are a request.
    let v = g
        .check_conversation(&[
            Turn::remote("各位家长好 我是实验小学王老师 下周开家长会"),
            Turn::local("老师好"),
            Turn::remote("班费私下转给我 别跟其他家长说"),
        ])
        .unwrap();
    assert!(v.has_reason("conversation.transfer"), "{:#?}", v.reasons);
}

#[test]
fn the_message_model_reads_the_remote_side() {
    use crate::model::{train, FeatureKind, TrainOptions};
    let mut ex: Vec<(String, String)> = Vec::new();
    for t in [
        "你的快递丢了 我们给你理赔 先开通备用金",
        "理赔需要你先转一笔验证金 核实后退回",
        "打开借呗看一下额度 转到验证账户",
    ] {
        ex.push((t.into(), "impersonate_customer_service".into()));
    }
    for t in ["晚上回家吃饭吗", "会议改到下午三点", "快递放门口就行 谢谢"] {
        ex.push((t.into(), "benign".into()));
    }
    let opts = TrainOptions {
        holdback_every: 0,
        bits: 12,
        ..TrainOptions::default()
    };
    let (m, _) = train(FeatureKind::Message, &ex, &opts).unwrap();
    let sources = crate::RuleSources {
        message_model: Some(std::sync::Arc::new(m.to_bytes())),
        ..Default::default()
    };
    let snap = Snapshot::build(
        &sources,
        std::sync::Arc::new(crate::blocklist::MemoryIndex::new()),
        "t".into(),
    )
    .unwrap();
    let g = Guard::with_snapshot(Settings::default(), snap).unwrap();
    let turns = [
        Turn::remote("你好 你的快递丢了 我们给你理赔"),
        Turn::local("好的"),
        Turn::remote("理赔前先转一笔验证金 核实后退回"),
    ];
    let v = g.check_conversation(&turns).unwrap();
    let r = v
        .reasons
        .iter()
        .find(|r| r.code == "conversation.model")
        .unwrap_or_else(|| panic!("{:#?}", v.reasons));
    assert!(
        r.detail.contains("impersonate_customer_service"),
        "{}",
        r.detail
    );
    assert!(r.weight > 0);
    // Without a model (the embedded default taken out), no model reason.
    let mut bare = Snapshot::embedded().unwrap();
    bare.message_model = None;
    let plain = Guard::with_snapshot(Settings::default(), bare)
        .unwrap()
        .check_conversation(&turns)
        .unwrap();
    assert!(!plain.has_reason("conversation.model"));
}
