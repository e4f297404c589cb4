//! The bank's flow through the public API: the payee-name check, the
//! payee account's age and the device-risk inputs (issue 20).

// Amounts are written as major_minor (20_000_00 = 20000.00 CNY).
#![allow(clippy::inconsistent_digit_grouping)]

use fanzha_core::clock::ManualClock;
use fanzha_core::payment::{
    AccountKind, CallContext, NameCheck, NameCheckResult, PaymentIntent, MAX_APP_IDS,
};
use fanzha_core::{Error, Guard, Lang, Level, Settings, Verdict};
use std::sync::Arc;

/// 2024-05-01 10:00 in China (02:00 UTC).
const DAY: i64 = 1_714_528_800_000;
const HOUR: i64 = 3_600_000;

fn guard_at(now_ms: i64) -> Guard {
    let mut g = Guard::new(Settings {
        region: "CN".into(),
        lang: Lang::En,
    })
    .unwrap();
    g.set_clock(Arc::new(ManualClock::new(now_ms)));
    g
}

fn codes(v: &Verdict) -> Vec<&str> {
    v.reasons.iter().map(|r| r.code.as_str()).collect()
}

/// 20,000 CNY to a new payee (a valid card), no context.
fn transfer(result: Option<NameCheckResult>) -> PaymentIntent {
    let mut i = PaymentIntent::new(
        "6222 0212 3456 7890 128",
        AccountKind::Card,
        20_000_00,
        "CNY",
    );
    i.new_payee = Some(true);
    i.name_check = result.map(|result| NameCheck {
        result,
        returned_name: None,
    });
    i
}

fn unknown_call() -> Option<CallContext> {
    Some(CallContext {
        number: Some("+86 170 1234 5678".into()),
        duration_secs: 120,
        in_contacts: false,
    })
}

#[test]
fn no_match_to_a_new_payee_during_an_unknown_call_is_dangerous() {
    let g = guard_at(DAY);
    let mut i = transfer(Some(NameCheckResult::NoMatch));
    i.context.call = unknown_call();
    let v = g.check_payment(&i).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{:?}", v.reasons);
    assert!(codes(&v).contains(&"payment.name_no_match"));
    // A withheld caller too.
    i.context.call = Some(CallContext::default());
    let v = g.check_payment(&i).unwrap();
    assert_eq!(v.level, Level::Dangerous, "{:?}", v.reasons);
}

#[test]
fn match_without_a_call_is_at_most_suspicious() {
    let g = guard_at(DAY);
    for hour in 0..24 {
        let g2 = guard_at(DAY + hour * HOUR);
        let v = g2
            .check_payment(&transfer(Some(NameCheckResult::Match)))
            .unwrap();
        assert!(v.level <= Level::Suspicious, "{hour}: {:?}", v.reasons);
        assert!(codes(&v).contains(&"payment.name_match"));
    }
    // Lower than the same payment with no name check at all.
    let with = g
        .check_payment(&transfer(Some(NameCheckResult::Match)))
        .unwrap();
    let without = g.check_payment(&transfer(None)).unwrap();
    assert!(with.score < without.score);
}

#[test]
fn close_match_names_the_returned_holder_and_no_match_alone_warns() {
    let g = guard_at(DAY);
    let mut i = transfer(Some(NameCheckResult::CloseMatch));
    i.name_check.as_mut().unwrap().returned_name = Some("张三丰".into());
    let v = g.check_payment(&i).unwrap();
    let r = v
        .reasons
        .iter()
        .find(|r| r.code == "payment.name_close_match")
        .expect("close match reason");
    assert!(r.detail.contains("张三丰"));
    let v = g
        .check_payment(&transfer(Some(NameCheckResult::NoMatch)))
        .unwrap();
    assert!(v.level >= Level::Suspicious, "{:?}", v.reasons);
    let v = g
        .check_payment(&transfer(Some(NameCheckResult::Unavailable)))
        .unwrap();
    assert!(codes(&v).contains(&"payment.name_unavailable"));
}

#[test]
fn screen_sharing_or_a_remote_control_app_on_a_large_new_payee_is_dangerous_at_any_hour() {
    for hour in 0..24 {
        let g = guard_at(DAY + hour * HOUR);
        let mut i = transfer(None);
        i.context.screen_sharing = true;
        let v = g.check_payment(&i).unwrap();
        assert_eq!(v.level, Level::Dangerous, "screen, {hour}: {:?}", v.reasons);

        let mut i = transfer(None);
        i.context.running_apps = vec!["com.tencent.mm".into(), "com.anydesk.anydeskandroid".into()];
        let v = g.check_payment(&i).unwrap();
        assert_eq!(v.level, Level::Dangerous, "remote, {hour}: {:?}", v.reasons);
        let r = v
            .reasons
            .iter()
            .find(|r| r.code == "payment.remote_access")
            .expect("remote-control reason");
        assert!(r.detail.contains("AnyDesk"));
    }
}

#[test]
fn ordinary_running_apps_add_nothing() {
    let g = guard_at(DAY);
    let mut i = transfer(None);
    let base = g.check_payment(&i).unwrap();
    i.context.running_apps = vec![
        "com.tencent.mm".into(),
        "com.eg.android.AlipayGphone".into(),
    ];
    let v = g.check_payment(&i).unwrap();
    assert_eq!(v.score, base.score);
    assert_eq!(codes(&v), codes(&base));
}

#[test]
fn device_risk_signals() {
    let g = guard_at(DAY);
    let mut i = transfer(None);
    i.context.recent_sideloaded_apps = vec!["com.example.fakebank".into()];
    i.context.developer_options = true;
    i.context.running_apps = vec!["com.tencent.wemeet.app".into()];
    i.payee_account_age_days = Some(3);
    let v = g.check_payment(&i).unwrap();
    for c in [
        "payment.sideloaded_app",
        "payment.developer_options",
        "payment.screen_share_app",
        "payment.payee_account_new",
    ] {
        assert!(codes(&v).contains(&c), "{c}: {:?}", v.reasons);
    }
    // An old account is not new.
    let mut j = transfer(None);
    j.payee_account_age_days = Some(3650);
    let v = g.check_payment(&j).unwrap();
    assert!(!codes(&v).contains(&"payment.payee_account_new"));
    // A sideloaded app while a stranger on the line asks for a new payee.
    let mut k = transfer(None);
    k.amount_minor = 500_00;
    k.context.call = unknown_call();
    k.context.recent_sideloaded_apps = vec!["com.example.fakebank".into()];
    assert_eq!(g.check_payment(&k).unwrap().level, Level::Dangerous);
}

#[test]
fn intent_json_carries_the_name_check() {
    let json = r#"{"account":"6222021234567890128","account_kind":"card","amount_minor":2000000,
        "currency":"CNY","new_payee":true,"name_check":{"result":"no_match","returned_name":null},
        "payee_account_age_days":2,
        "context":{"call":{"number":null},"running_apps":["com.anydesk.anydeskandroid"],
        "recent_sideloaded_apps":[],"developer_options":true}}"#;
    let i = PaymentIntent::from_json(json).unwrap();
    assert_eq!(
        i.name_check.as_ref().unwrap().result,
        NameCheckResult::NoMatch
    );
    let v = guard_at(DAY).check_payment(&i).unwrap();
    assert_eq!(v.level, Level::Dangerous);
    for bad in [
        r#"{"account":"6222021234567890128","amount_minor":1,"currency":"CNY","name_check":{"result":"nomatch"}}"#,
        r#"{"account":"6222021234567890128","amount_minor":1,"currency":"CNY","name_check":"no_match"}"#,
        r#"{"account":"6222021234567890128","amount_minor":1,"currency":"CNY","payee_account_age_days":-1}"#,
    ] {
        assert!(matches!(
            PaymentIntent::from_json(bad),
            Err(Error::InvalidInput { .. })
        ));
    }
}

#[test]
fn oversized_device_inputs_are_refused() {
    let g = guard_at(DAY);
    let mut i = transfer(None);
    i.context.running_apps = vec!["a.b".into(); MAX_APP_IDS + 1];
    assert!(matches!(
        g.check_payment(&i),
        Err(Error::InvalidInput { .. })
    ));
    let mut i = transfer(None);
    i.context.recent_sideloaded_apps = vec![String::new()];
    assert!(matches!(
        g.check_payment(&i),
        Err(Error::InvalidInput { .. })
    ));
    let mut i = transfer(Some(NameCheckResult::CloseMatch));
    i.name_check.as_mut().unwrap().returned_name = Some("x".repeat(10_000));
    assert!(matches!(
        g.check_payment(&i),
        Err(Error::InvalidInput { .. })
    ));
}
