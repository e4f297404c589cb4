use super::*;
use crate::verdict::Level;

fn snap() -> Snapshot {
    Snapshot::embedded().expect("embedded data loads")
}

fn check_zh(sender: Option<&str>, body: &str) -> Verdict {
    check(&snap(), "CN", Lang::ZhHans, sender, body).expect("checkable")
}

#[test]
fn embedded_patterns_compile() {
    let p = PatternSet::from_json(EMBEDDED).unwrap();
    assert!(!p.rules.is_empty());
}

#[test]
fn safe_account_is_dangerous_authority() {
    let v = check_zh(
        Some("+8617012345678"),
        "【公安局】您的身份证涉嫌洗钱案件，请立即将资金转入安全账户配合资金清查，否则将冻结您名下所有账户。",
    );
    assert_eq!(v.level, Level::Dangerous, "{v:#?}");
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
}
