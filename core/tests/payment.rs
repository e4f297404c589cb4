//! The payment check through the public API: one test per signal, journeys
//! over time on a manual clock (never sleeping), answers, feeds replacing
//! the rules, and bad input.

// Amounts are written as major_minor (5_000_00 = 5000.00 CNY).
#![allow(clippy::inconsistent_digit_grouping)]

use fanzha_core::blocklist::{ListEntry, ListKind, MemoryIndex};
use fanzha_core::clock::ManualClock;
use fanzha_core::payment::{
    normalize_account, AccountKind, Answer, CallContext, Event, EventKind, HistoryStore,
    HistorySummary, PayeeKey, PaymentIntent,
};
use fanzha_core::{
    Action, Channel, Error, FraudType, Guard, Lang, Level, NumberContext, RuleSources, Settings,
    Snapshot, Verdict,
};
use std::sync::Arc;

/// 2024-05-01 10:00 in China (02:00 UTC): daytime.
const DAY: i64 = 1_714_528_800_000;
/// 2024-05-01 02:30 in China (18:30 UTC the day before): night.
const NIGHT: i64 = 1_714_501_800_000;
const MIN: i64 = 60;

fn guard_at(now_ms: i64) -> (Guard, Arc<ManualClock>) {
    guard_with(Snapshot::embedded().unwrap(), now_ms)
}

fn guard_with(snap: Snapshot, now_ms: i64) -> (Guard, Arc<ManualClock>) {
    let mut g = Guard::with_snapshot(
        Settings {
            region: "CN".into(),
            lang: Lang::En,
        },
        snap,
    )
    .unwrap();
    let clock = Arc::new(ManualClock::new(now_ms));
    g.set_clock(clock.clone());
    (g, clock)
}

/// A valid card (published test number), 100.00 CNY, not new, no context.
fn routine() -> PaymentIntent {
    let mut i = PaymentIntent::new("4111 1111 1111 1111", AccountKind::Card, 100_00, "CNY");
    i.new_payee = Some(false);
    i
}

fn codes(v: &Verdict) -> Vec<&str> {
    v.reasons.iter().map(|r| r.code.as_str()).collect()
}

fn on_call(number: Option<&str>, secs: u32) -> Option<CallContext> {
    Some(CallContext {
        number: number.map(str::to_string),
        duration_secs: secs,
        in_contacts: false,
    })
}

#[test]
fn a_routine_payment_is_clear() {
    let (g, _) = guard_at(DAY);
    let v = g.check_payment(&routine()).unwrap();
    assert_eq!(v.level, Level::Clear, "{:?}", v.reasons);
    assert_eq!(v.action, Action::Allow);
    assert_eq!(v.normalized.as_deref(), Some("4111111111111111"));
    assert!(v.cool_off_seconds.is_none() && v.questions.is_empty());
    assert!(!v.title.is_empty() && !v.advice.is_empty());
    // Same JSON contract as the other checks.
    let j = v.to_json();
    assert_eq!(j["kind"], "payment");
    for key in [
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
    ] {
        assert!(j.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn signal_account_invalid() {
    let (g, _) = guard_at(DAY);
    let mut i = routine();
    i.account = "4111 1111 1111 1112".into();
    let v = g.check_payment(&i).unwrap();
    assert!(v.has_reason("payment.account_invalid"), "{:?}", codes(&v));
    assert_eq!(v.level, Level::Suspicious);
    // The detail explains without repeating the account.
    let r = v
        .reasons
        .iter()
        .find(|r| r.code == "payment.account_invalid")
        .unwrap();
    assert!(
        r.detail.contains("Luhn") && !r.detail.contains("4111"),
        "{}",
        r.detail
    );

    i.account_kind = AccountKind::Iban;
    i.account = "DE89 3704 0044 0532 0130 01".into();
    assert!(g
        .check_payment(&i)
        .unwrap()
        .has_reason("payment.account_invalid"));
    i.account = "DE89 3704 0044 0532 0130 00".into();
    assert!(!g
        .check_payment(&i)
        .unwrap()
        .has_reason("payment.account_invalid"));
}

#[test]
fn unionpay_cards_failing_luhn_are_not_invalid() {
    let (g, _) = guard_at(DAY);
    let mut i = routine();
    i.account = "6200 0000 0000 0006".into();
    let v = g.check_payment(&i).unwrap();
    assert!(!v.has_reason("payment.account_invalid"), "{:?}", codes(&v));
    assert_eq!(v.level, Level::Clear);
}

#[test]
fn signal_blocklisted_payee() {
    let snap0 = Snapshot::embedded().unwrap();
    let account = normalize_account(&snap0.numbers, "CN", "6222-0212 3456 7890 128").unwrap();
    let mut index = MemoryIndex::new();
    index.insert(
        ListKind::Account,
        &account,
        ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::RebateTask,
            severity: 90,
            reports: 12,
            label: "刷单".into(),
            confirmed: false,
            match_bits: 0,
        },
    );
    let snap = Snapshot::build(&RuleSources::default(), Arc::new(index), "test-1".into()).unwrap();
    let (g, _) = guard_with(snap, DAY);
    let mut i = routine();
    i.account = "6222 0212 3456 7890 128".into(); // written differently, same account
    let v = g.check_payment(&i).unwrap();
    assert!(v.has_reason("payment.blocklisted"), "{:?}", codes(&v));
    assert_eq!(v.level, Level::Dangerous);
    assert_eq!(v.action, Action::Confirm);
    assert_eq!(v.fraud_type, Some(FraudType::RebateTask));
    assert_eq!(v.feed_version, "test-1");
}

#[test]
fn signal_memo_patterns() {
    let (g, _) = guard_at(DAY);
    let cases = [
        (
            "请转入安全账户配合调查",
            "payment.memo_safe_account",
            FraudType::ImpersonateAuthority,
        ),
        (
            "transfer to safe account",
            "payment.memo_safe_account",
            FraudType::ImpersonateAuthority,
        ),
        ("刷单垫付", "payment.memo_rebate", FraudType::RebateTask),
        ("贷款保证金", "payment.memo_deposit", FraudType::FakeLoan),
        ("账户解冻", "payment.memo_deposit", FraudType::FakeLoan),
        (
            "投资充值",
            "payment.memo_investment",
            FraudType::FakeInvestment,
        ),
        (
            "资金验证",
            "payment.memo_verification",
            FraudType::ImpersonateCustomerService,
        ),
    ];
    for (memo, code, fraud) in cases {
        let mut i = routine();
        i.memo = Some(memo.into());
        i.new_payee = Some(true);
        i.amount_minor = 6_000_00;
        let v = g.check_payment(&i).unwrap();
        assert!(v.has_reason(code), "{memo}: {:?}", codes(&v));
        assert!(v.level >= Level::Suspicious, "{memo}: {:?}", v.level);
        assert_eq!(v.fraud_type, Some(fraud), "{memo}");
        g.forget_journey();
    }
    // The safe-account memo alone is dangerous, and asks the police question.
    let mut i = routine();
    i.memo = Some("安全账户".into());
    let v = g.check_payment(&i).unwrap();
    assert_eq!(v.level, Level::Dangerous);
    assert_eq!(v.questions[0].id, "payment.q.police_safe_account");
    // An ordinary memo says nothing.
    i.memo = Some("三月房租".into());
    assert_eq!(g.check_payment(&i).unwrap().level, Level::Clear);
}

#[test]
fn signal_new_payee_large() {
    let (g, _) = guard_at(DAY);
    let mut i = routine();
    i.new_payee = Some(true);
    i.amount_minor = 5_000_00;
    let v = g.check_payment(&i).unwrap();
    assert!(v.has_reason("payment.new_payee_large"), "{:?}", codes(&v));
    i.amount_minor = 4_999_99;
    assert!(!g
        .check_payment(&i)
        .unwrap()
        .has_reason("payment.new_payee_large"));
    // Thresholds are per currency: 1000 USD is large, 1000 JPY is not.
    let usd = PaymentIntent {
        currency: "usd".into(),
        amount_minor: 1_000_00,
        new_payee: Some(true),
        ..routine()
    };
    assert!(g
        .check_payment(&usd)
        .unwrap()
        .has_reason("payment.new_payee_large"));
    let jpy = PaymentIntent {
        currency: "JPY".into(),
        amount_minor: 1_000,
        new_payee: Some(true),
        ..routine()
    };
    assert!(!g
        .check_payment(&jpy)
        .unwrap()
        .has_reason("payment.new_payee_large"));
}

#[test]
fn history_decides_new_payee_unusual_amounts_and_known_payees() {
    let (g, clock) = guard_at(DAY);
    let rent = PaymentIntent {
        new_payee: None,
        ..PaymentIntent::new("6222021234567890128", AccountKind::Card, 3_000_00, "CNY")
    };
    // Never paid through the SDK: new, and 6000 is large for a new payee.
    let big = PaymentIntent {
        amount_minor: 6_000_00,
        ..rent.clone()
    };
    assert!(g
        .check_payment(&big)
        .unwrap()
        .has_reason("payment.new_payee_large"));
    for _ in 0..3 {
        g.record_payment(&rent).unwrap();
        clock.advance_secs(86_400);
    }
    let v = g.check_payment(&rent).unwrap();
    assert!(v.has_reason("payment.known_payee"), "{:?}", codes(&v));
    assert!(!v.has_reason("payment.new_payee_large"));
    assert!(
        v.reasons
            .iter()
            .find(|r| r.code == "payment.known_payee")
            .unwrap()
            .weight
            < 0
    );
    // Four times the largest earlier payment to this payee is unusual.
    let v = g
        .check_payment(&PaymentIntent {
            amount_minor: 12_000_00,
            ..rent.clone()
        })
        .unwrap();
    assert!(v.has_reason("payment.amount_unusual"), "{:?}", codes(&v));
    assert!(!v.has_reason("payment.known_payee"));

    // Overall: many small payments, then a big one to someone else.
    for k in 0..5 {
        g.record_payment(&PaymentIntent::new(
            format!("wx{k}"),
            AccountKind::Wechat,
            50_00 + k,
            "CNY",
        ))
        .unwrap();
    }
    let other = PaymentIntent {
        new_payee: Some(false),
        ..PaymentIntent::new("wxid_new", AccountKind::Wechat, 40_000_00, "CNY")
    };
    let v = g.check_payment(&other).unwrap();
    assert!(v.has_reason("payment.amount_unusual"), "{:?}", codes(&v));
    // Other currencies have their own history.
    let v = g
        .check_payment(&PaymentIntent {
            currency: "HKD".into(),
            ..other
        })
        .unwrap();
    assert!(!v.has_reason("payment.amount_unusual"));
}

#[test]
fn signal_device_context() {
    let (g, _) = guard_at(DAY);
    for (set, code) in [
        ((true, false, false), "payment.screen_sharing"),
        ((false, true, false), "payment.remote_access"),
        ((false, false, true), "payment.accessibility_service"),
    ] {
        let mut i = routine();
        (
            i.context.screen_sharing,
            i.context.remote_access,
            i.context.accessibility_service,
        ) = set;
        let v = g.check_payment(&i).unwrap();
        assert!(v.has_reason(code), "{:?}", codes(&v));
        assert_eq!(codes(&v).len(), 1, "{:?}", codes(&v));
    }
    let mut i = routine();
    i.context.remote_access = true;
    let v = g.check_payment(&i).unwrap();
    assert!(v.level >= Level::Suspicious);
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateCustomerService));
}

#[test]
fn signal_in_call() {
    let (g, _) = guard_at(DAY);
    // A number not in contacts, known payee: in_call_unknown only.
    let mut i = routine();
    i.context.call = on_call(Some("138 1234 5678"), 60);
    let v = g.check_payment(&i).unwrap();
    assert_eq!(codes(&v), ["payment.in_call_unknown"]);
    // In contacts: nothing.
    i.context.call.as_mut().unwrap().in_contacts = true;
    assert!(g.check_payment(&i).unwrap().reasons.is_empty());
    // A withheld number, a long call, a new payee.
    i.context.call = on_call(None, 15 * 60);
    i.new_payee = Some(true);
    let v = g.check_payment(&i).unwrap();
    for code in [
        "payment.in_call_unknown",
        "payment.in_call_new_payee",
        "payment.in_call_long",
    ] {
        assert!(v.has_reason(code), "{code}: {:?}", codes(&v));
    }
    // A spoofed bank hotline on the line: flagged, fake customer service.
    i.context.call = on_call(Some("+86 95588 0000"), 120);
    i.new_payee = Some(false);
    let v = g.check_payment(&i).unwrap();
    assert!(v.has_reason("payment.in_call_flagged"), "{:?}", codes(&v));
    assert!(!v.has_reason("payment.in_call_unknown"));
    assert!(v.level >= Level::Suspicious);
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateCustomerService));
    // Caller ID showing an official number still counts (it can be forged).
    i.context.call = on_call(Some("110"), 120);
    i.new_payee = Some(true);
    i.amount_minor = 20_000_00;
    let v = g.check_payment(&i).unwrap();
    assert!(v.has_reason("payment.in_call_official"), "{:?}", codes(&v));
    assert_eq!(v.level, Level::Dangerous);
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
    // A number that can't be read is an unknown caller, not an error.
    i.context.call = on_call(Some(&"9".repeat(10_000)), 10);
    assert!(g
        .check_payment(&i)
        .unwrap()
        .has_reason("payment.in_call_unknown"));
}

#[test]
fn journey_unknown_caller_new_payee_large_amount_is_the_safe_account_scam() {
    let (g, _) = guard_at(DAY);
    let mut i = PaymentIntent::new(
        "6222 0212 3456 7890 128",
        AccountKind::Card,
        5_000_00,
        "CNY",
    );
    i.new_payee = Some(true);
    i.context.call = on_call(Some("170 1234 5678"), 25 * 60);
    let v = g.check_payment(&i).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{:?}", v.reasons);
    assert_eq!(v.action, Action::Confirm);
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
    assert_eq!(v.cool_off_seconds, Some(300));
    let ids: Vec<&str> = v.questions.iter().map(|q| q.id.as_str()).collect();
    assert!(ids.contains(&"payment.q.police_safe_account"), "{ids:?}");
    assert!(ids.len() <= 3);
    assert!(v.questions.iter().all(|q| q.text.ends_with('?')));
    assert_eq!(v.title, "A caller may be telling you to pay a new payee");

    // Same call, but the screen is shared: the fake customer-service scam.
    i.context.screen_sharing = true;
    let v = g.check_payment(&i).unwrap();
    assert_eq!(v.level, Level::Dangerous);
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateCustomerService));
    assert!(v.questions.iter().any(|q| q.id == "payment.q.refund_agent"));
}

#[test]
fn journey_payment_minutes_after_a_flagged_call() {
    let (g, clock) = guard_at(DAY);
    // The guard checks an incoming call from a spoofed police number…
    let call = g
        .check_number("+86 110 0000", &NumberContext::default())
        .unwrap();
    assert_eq!(call.level, Level::Dangerous);
    // …the call ends; ten minutes later the user pays a new payee.
    clock.advance_secs(10 * MIN);
    let mut i = routine();
    i.new_payee = Some(true);
    i.amount_minor = 5_000_00;
    let v = g.check_payment(&i).unwrap();
    assert!(
        v.has_reason("payment.after_flagged_call"),
        "{:?}",
        codes(&v)
    );
    assert!(v.level >= Level::Suspicious);
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
    let r = v
        .reasons
        .iter()
        .find(|r| r.code == "payment.after_flagged_call")
        .unwrap();
    assert!(r.detail.starts_with("10 min after"), "{}", r.detail);
    // Outside the window (30 min for calls) it no longer counts.
    clock.advance_secs(21 * MIN);
    assert!(!g
        .check_payment(&i)
        .unwrap()
        .has_reason("payment.after_flagged_call"));
}

#[test]
fn journey_the_call_you_are_on_is_not_also_an_earlier_call() {
    let (g, clock) = guard_at(DAY);
    g.check_number("+86 95588 0000", &NumberContext::default())
        .unwrap();
    clock.advance_secs(3 * MIN);
    let mut i = routine();
    i.context.call = on_call(Some("+86955880000"), 3 * 60);
    let v = g.check_payment(&i).unwrap();
    assert!(v.has_reason("payment.in_call_flagged"));
    assert!(
        !v.has_reason("payment.after_flagged_call"),
        "{:?}",
        codes(&v)
    );
}

#[test]
fn journey_a_call_flagged_earlier_flags_the_same_call_now() {
    let (g, clock) = guard_at(DAY);
    // The host's own call screening judged this (otherwise ordinary) number.
    let mut e = Event::call(Some("+86 138 1234 5678"), Level::Dangerous);
    e.fraud_type = Some(FraudType::ImpersonateAuthority);
    g.record_event(e);
    clock.advance_secs(45 * MIN); // beyond the after-call window, still on the line
    let mut i = routine();
    i.context.call = on_call(Some("13812345678"), 45 * 60);
    let v = g.check_payment(&i).unwrap();
    assert!(v.has_reason("payment.in_call_flagged"), "{:?}", codes(&v));
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
}

#[test]
fn journey_flagged_messages_and_links() {
    let (g, clock) = guard_at(DAY);
    g.record_event(Event::flagged(
        EventKind::Link,
        Level::Dangerous,
        Some(FraudType::Phishing),
    ));
    g.record_event(
        Event::flagged(
            EventKind::Message,
            Level::Suspicious,
            Some(FraudType::RebateTask),
        )
        .at(DAY - 5 * 60_000),
    );
    clock.advance_secs(20 * MIN);
    let v = g.check_payment(&routine()).unwrap();
    assert!(
        v.has_reason("payment.after_flagged_link"),
        "{:?}",
        codes(&v)
    );
    assert!(
        v.has_reason("payment.after_flagged_message"),
        "{:?}",
        codes(&v)
    );
    assert!(v.level >= Level::Suspicious);
    // A clear message is not a flag.
    g.forget_journey();
    g.record_event(Event::flagged(EventKind::Message, Level::Clear, None));
    assert!(g.check_payment(&routine()).unwrap().reasons.is_empty());
    // An SMS from a flagged sender, checked by the guard, is a flagged message.
    let sms = NumberContext {
        channel: Channel::Sms,
        ..NumberContext::default()
    };
    assert_eq!(
        g.check_number("+86 95588 0000", &sms).unwrap().level,
        Level::Dangerous
    );
    clock.advance_secs(MIN);
    let v = g.check_payment(&routine()).unwrap();
    assert_eq!(codes(&v), ["payment.after_flagged_message"]);
    // An ordinary SMS sender is not remembered at all.
    g.forget_journey();
    g.check_number("95588", &sms).unwrap();
    assert!(g.check_payment(&routine()).unwrap().reasons.is_empty());
    // Events beyond the journey's age are forgotten; a future time is "now".
    g.forget_journey();
    g.record_event(
        Event::flagged(EventKind::Link, Level::Dangerous, None).at(DAY + 365 * 86_400_000),
    );
    assert!(g
        .check_payment(&routine())
        .unwrap()
        .has_reason("payment.after_flagged_link"));
    clock.advance_secs(3 * 3600);
    assert!(!g
        .check_payment(&routine())
        .unwrap()
        .has_reason("payment.after_flagged_link"));
}

#[test]
fn signal_night() {
    let (g, _) = guard_at(NIGHT);
    let v = g.check_payment(&routine()).unwrap();
    assert!(v.has_reason("payment.night"), "{:?}", codes(&v));
    let r = v
        .reasons
        .iter()
        .find(|r| r.code == "payment.night")
        .unwrap();
    assert!(r.detail.contains("02:00"), "{}", r.detail);
    // The device's own offset wins: 18:30 in London is evening.
    let mut i = routine();
    i.context.utc_offset_minutes = Some(0);
    assert!(!g.check_payment(&i).unwrap().has_reason("payment.night"));
    let (g, _) = guard_at(DAY);
    assert!(!g
        .check_payment(&routine())
        .unwrap()
        .has_reason("payment.night"));
}

#[test]
fn signal_velocity() {
    let (g, clock) = guard_at(DAY);
    let pay = |k: i64| PaymentIntent {
        amount_minor: 100_00 + k,
        ..routine()
    };
    assert!(!g
        .check_payment(&pay(1))
        .unwrap()
        .has_reason("payment.velocity"));
    clock.advance_secs(MIN);
    // Checking the same payment again is not another payment.
    assert!(!g
        .check_payment(&pay(1))
        .unwrap()
        .has_reason("payment.velocity"));
    assert!(!g
        .check_payment(&pay(2))
        .unwrap()
        .has_reason("payment.velocity"));
    clock.advance_secs(MIN);
    let v = g.check_payment(&pay(3)).unwrap();
    assert!(v.has_reason("payment.velocity"), "{:?}", codes(&v));
    assert!(v.reasons.iter().any(|r| r.detail.starts_with("3 payments")));
    // Ten minutes later the window is empty again.
    clock.advance_secs(11 * MIN);
    assert!(!g
        .check_payment(&pay(4))
        .unwrap()
        .has_reason("payment.velocity"));
}

#[test]
fn answers_rescore_the_payment() {
    let (g, _) = guard_at(DAY);
    let mut i = routine();
    i.new_payee = Some(true);
    i.amount_minor = 5_000_00;
    i.context.call = on_call(None, 600);
    let first = g.check_payment(&i).unwrap();
    assert_eq!(first.level, Level::Dangerous);
    let q = "payment.q.police_safe_account";
    let yes = g.answer_payment_questions(&i, &[Answer::yes(q)]).unwrap();
    assert!(yes.has_reason("payment.answer.police_safe_account"));
    assert!(yes.score >= first.score);
    assert_eq!(yes.fraud_type, Some(FraudType::ImpersonateAuthority));
    assert_eq!(yes.cool_off_seconds, Some(1800));
    assert_eq!(
        yes.title,
        "Police never ask you to move money — this is a scam"
    );
    assert!(
        !yes.questions.iter().any(|x| x.id == q),
        "an answered question is not asked again"
    );
    // "No" never lowers the score (scammers coach people to say no).
    let no = g.answer_payment_questions(&i, &[Answer::no(q)]).unwrap();
    assert_eq!((no.level, no.score), (first.level, first.score));
    // A yes turns an otherwise clear payment dangerous.
    let v = g
        .answer_payment_questions(&routine(), &[Answer::yes("payment.q.task_fee")])
        .unwrap();
    assert_eq!(v.level, Level::Dangerous);
    assert_eq!(v.fraud_type, Some(FraudType::RebateTask));
    // Answering does not count as another payment.
    for _ in 0..5 {
        g.answer_payment_questions(&routine(), &[]).unwrap();
    }
    assert!(!g
        .check_payment(&routine())
        .unwrap()
        .has_reason("payment.velocity"));
    // Unknown ids are refused.
    let e = g
        .answer_payment_questions(&i, &[Answer::yes("payment.q.nope")])
        .unwrap_err();
    assert!(matches!(e, Error::InvalidInput { .. }), "{e}");
}

#[test]
fn a_feed_can_retune_the_rules() {
    let mut rules: serde_json::Value =
        serde_json::from_str(include_str!("../data/payments.json")).unwrap();
    rules["signals"]["payment.night"]["weight"] = 45.into();
    rules["new_payee_large_major"]["CNY"] = 100_000.into();
    let sources = RuleSources {
        payments: Some(rules.to_string()),
        ..RuleSources::default()
    };
    let snap = Snapshot::build(&sources, Arc::new(MemoryIndex::new()), "tuned".into()).unwrap();
    let (g, _) = guard_with(snap, NIGHT);
    let v = g.check_payment(&routine()).unwrap();
    assert_eq!(v.level, Level::Suspicious, "night now weighs 45");
    let big = PaymentIntent {
        new_payee: Some(true),
        amount_minor: 50_000_00,
        ..routine()
    };
    assert!(!g
        .check_payment(&big)
        .unwrap()
        .has_reason("payment.new_payee_large"));
    // Broken rules are refused when the snapshot is built.
    let sources = RuleSources {
        payments: Some("{\"signals\":{}}".into()),
        ..RuleSources::default()
    };
    assert!(Snapshot::build(&sources, Arc::new(MemoryIndex::new()), "bad".into()).is_err());
}

#[test]
fn bad_input_is_a_clear_error_never_a_panic() {
    let (g, _) = guard_at(DAY);
    let secret = "6222021234567890128";
    let cases: Vec<(PaymentIntent, &str)> = vec![
        (
            PaymentIntent {
                amount_minor: -100,
                ..routine()
            },
            "positive",
        ),
        (
            PaymentIntent {
                amount_minor: 0,
                ..routine()
            },
            "positive",
        ),
        (
            PaymentIntent {
                amount_minor: i64::MAX,
                ..routine()
            },
            "larger than any real payment",
        ),
        (
            PaymentIntent {
                amount_minor: i64::MIN,
                ..routine()
            },
            "positive",
        ),
        (
            PaymentIntent {
                account: String::new(),
                ..routine()
            },
            "empty",
        ),
        (
            PaymentIntent {
                account: " - \u{3000}".into(),
                ..routine()
            },
            "empty",
        ),
        (
            PaymentIntent {
                account: secret.repeat(10),
                ..routine()
            },
            "too long",
        ),
        (
            PaymentIntent {
                currency: "XYZ".into(),
                ..routine()
            },
            "currency",
        ),
        (
            PaymentIntent {
                currency: "".into(),
                ..routine()
            },
            "currency",
        ),
        (
            PaymentIntent {
                currency: "人民币".into(),
                ..routine()
            },
            "currency",
        ),
        (
            PaymentIntent {
                memo: Some("安全账户".repeat(1000)),
                ..routine()
            },
            "memo is too long",
        ),
        (
            PaymentIntent {
                memo: Some("x".repeat(10 * 1024)),
                ..routine()
            },
            "memo is too long",
        ),
        (
            PaymentIntent {
                payee_name: Some("名".repeat(200)),
                ..routine()
            },
            "payee name is too long",
        ),
    ];
    for (intent, why) in cases {
        let e = g.check_payment(&intent).unwrap_err();
        match &e {
            Error::InvalidInput { .. } => {}
            other => panic!("{why}: not InvalidInput: {other}"),
        }
        let msg = e.to_string();
        assert!(msg.contains(why), "{msg} (expected {why})");
        assert!(
            !msg.contains(secret) && !msg.contains("4111") && !msg.contains("xxxx"),
            "{msg}"
        );
        assert!(g.answer_payment_questions(&intent, &[]).is_err());
        assert!(g.record_payment(&intent).is_err());
    }
    let mut i = routine();
    i.context.utc_offset_minutes = Some(15 * 60);
    assert!(g.check_payment(&i).is_err());
    // A memo at the limit is fine.
    let ok = PaymentIntent {
        memo: Some("a".repeat(fanzha_core::payment::MAX_MEMO_BYTES)),
        ..routine()
    };
    assert!(g.check_payment(&ok).is_ok());
}

#[test]
fn checks_from_many_threads_share_one_journey() {
    let (g, _) = guard_at(DAY);
    let g = Arc::new(g);
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let g = g.clone();
            std::thread::spawn(move || {
                for k in 0..50 {
                    let i = PaymentIntent {
                        amount_minor: 1_00 + t * 1000 + k,
                        ..routine()
                    };
                    g.check_payment(&i).unwrap();
                    g.record_event(Event::call(Some("13812345678"), Level::Clear));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert!(g
        .check_payment(&routine())
        .unwrap()
        .has_reason("payment.velocity"));
}

#[test]
fn chinese_texts() {
    let mut g = Guard::new(Settings::default()).unwrap();
    g.set_clock(Arc::new(ManualClock::new(DAY)));
    let mut i = routine();
    i.new_payee = Some(true);
    i.amount_minor = 5_000_00;
    i.context.call = on_call(None, 60);
    let v = g.check_payment(&i).unwrap();
    assert_eq!(v.title, "可能有人正在电话中指使您向陌生账户转账");
    assert!(v.advice.iter().any(|a| a.contains("96110")));
    assert!(v.questions.iter().any(|q| q.text.contains("安全账户")));
}

/// A history that can't be read (a locked or corrupt store).
#[derive(Debug)]
struct BrokenHistory;

impl HistoryStore for BrokenHistory {
    fn record(&self, _: &PayeeKey, _: &str, _: i64, _: i64) -> fanzha_core::Result<()> {
        Err(Error::Rules {
            part: "test",
            why: "broken".into(),
        })
    }
    fn summary(&self, _: &PayeeKey, _: &str) -> fanzha_core::Result<HistorySummary> {
        Err(Error::Rules {
            part: "test",
            why: "broken".into(),
        })
    }
    fn clear(&self) -> fanzha_core::Result<()> {
        Ok(())
    }
}

#[test]
fn an_unreadable_history_degrades_to_a_notice() {
    let mut g = Guard::with_snapshot(
        Settings {
            region: "CN".into(),
            lang: Lang::En,
        },
        Snapshot::embedded().unwrap(),
    )
    .unwrap();
    g.set_clock(Arc::new(ManualClock::new(DAY)));
    g.set_history_store(Arc::new(BrokenHistory));
    let v = g.check_payment(&routine()).unwrap();
    assert!(v.has_reason("store.unavailable"), "{:?}", codes(&v));
    assert_eq!(v.level, Level::Clear);
    assert!(
        v.advice.iter().any(|a| a.contains("could not be read")),
        "{:?}",
        v.advice
    );
    // Without history, an undeclared payee counts as new.
    let i = PaymentIntent {
        new_payee: None,
        amount_minor: 9_000_00,
        ..routine()
    };
    assert!(g
        .check_payment(&i)
        .unwrap()
        .has_reason("payment.new_payee_large"));
    assert!(g.record_payment(&i).is_err());
}

#[test]
fn the_same_payee_written_differently_shares_its_history() {
    let (g, _) = guard_at(DAY);
    let pay = |acct: &str| PaymentIntent {
        new_payee: None,
        ..PaymentIntent::new(acct, AccountKind::Alipay, 200_00, "CNY")
    };
    g.record_payment(&pay("138-0013-8000")).unwrap();
    g.record_payment(&pay("+86 138 0013 8000")).unwrap();
    let v = g.check_payment(&pay("0086 13800138000")).unwrap();
    assert!(v.has_reason("payment.known_payee"), "{:?}", codes(&v));
    assert_eq!(v.normalized.as_deref(), Some("+8613800138000"));
}

#[test]
fn a_known_payee_is_judged_by_what_was_paid_to_them() {
    let (g, _) = guard_at(DAY);
    let landlord = PaymentIntent {
        new_payee: None,
        ..PaymentIntent::new("6222021234567890128", AccountKind::Card, 3_000_00, "CNY")
    };
    for _ in 0..3 {
        g.record_payment(&landlord).unwrap();
    }
    for k in 0..10 {
        g.record_payment(&PaymentIntent::new(
            format!("shop{k}"),
            AccountKind::Other,
            50_00,
            "CNY",
        ))
        .unwrap();
    }
    // 2.7× the usual rent, 160× the usual payment: fine for this payee.
    let v = g
        .check_payment(&PaymentIntent {
            amount_minor: 8_000_00,
            ..landlord.clone()
        })
        .unwrap();
    assert!(!v.has_reason("payment.amount_unusual"), "{:?}", codes(&v));
    // The same amount to someone new is unusual.
    let v = g
        .check_payment(&PaymentIntent::new(
            "6222021234567890999",
            AccountKind::Card,
            8_000_00,
            "CNY",
        ))
        .unwrap();
    assert!(v.has_reason("payment.amount_unusual"), "{:?}", codes(&v));
}
