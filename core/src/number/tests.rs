use super::*;
use crate::error::Error;
use crate::verdict::{Action, Level};
use crate::{Guard, Settings};
use proptest::prelude::*;

fn rules() -> NumberRules {
    NumberRules::from_json(EMBEDDED).expect("embedded number rules load")
}

fn parsed(input: &str) -> ParsedNumber {
    match parse(&rules(), "CN", input).expect("parses") {
        Parsed::Number(p) => p,
        Parsed::Withheld => panic!("{input} parsed as withheld"),
    }
}

fn guard(lang: Lang) -> Guard {
    Guard::new(Settings {
        region: "CN".into(),
        lang,
    })
    .expect("guard")
}

fn check(input: &str) -> Verdict {
    guard(Lang::En)
        .check_number(input, &NumberContext::default())
        .expect("checks")
}

fn check_ctx(input: &str, ctx: NumberContext) -> Verdict {
    guard(Lang::En).check_number(input, &ctx).expect("checks")
}

fn codes(v: &Verdict) -> Vec<&str> {
    v.reasons.iter().map(|r| r.code.as_str()).collect()
}

// ---- normalization -------------------------------------------------------

#[test]
fn mobile_in_every_common_notation() {
    for input in [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "138.1234.5678",
        "(138) 1234 5678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "0086 13812345678",
        "86 13812345678",
        "8613812345678",
        "+86(0)13812345678",
        "１３８１２３４５６７８",
        "＋８６ １３８－１２３４－５６７８",
        "  13812345678  ",
    ] {
        let p = parsed(input);
        assert_eq!(p.normalized, "+8613812345678", "{input}");
        assert_eq!(p.class, NumberClass::Mobile, "{input}");
        assert!(p.length_ok, "{input}");
    }
}

#[test]
fn landlines_with_trunk_zero() {
    let p = parsed("010-12345678");
    assert_eq!(p.normalized, "+861012345678");
    assert_eq!(p.class, NumberClass::Landline);
    assert!(p.length_ok);
    let p = parsed("0755-8888 9999");
    assert_eq!(p.normalized, "+8675588889999");
    assert!(p.length_ok);
    let p = parsed("(0571) 8765 4321");
    assert_eq!(p.normalized, "+8657187654321");
    let p = parsed("+86 10 1234 5678");
    assert_eq!(p.normalized, "+861012345678");
    assert_eq!(p.class, NumberClass::Landline);
    // A seven-digit subscriber number in a three-digit area.
    let p = parsed("0917-1234567");
    assert_eq!(p.normalized, "+869171234567");
    assert!(p.length_ok);
}

#[test]
fn extensions_are_split_off() {
    for (input, ext) in [
        ("010-12345678 ext 123", "123"),
        ("010-12345678 ext. 123", "123"),
        ("010-12345678x123", "123"),
        ("010-12345678转123", "123"),
        ("010-12345678 分机 8001", "8001"),
        ("010-12345678#9", "9"),
        ("010-12345678,,55", "55"),
    ] {
        let p = parsed(input);
        assert_eq!(p.normalized, "+861012345678", "{input}");
        assert_eq!(p.extension.as_deref(), Some(ext), "{input}");
    }
}

#[test]
fn service_numbers_are_dialled_as_they_are() {
    for (input, label_part) in [
        ("95588", None),
        ("95105888", None),
        ("96110", None),
        ("12381", None),
        ("12399", Some("12xxx")),
        ("95123", Some("95xxx")),
        ("961234", Some("96xxx")),
        ("400-123-4567", Some("400")),
        ("800 123 4567", Some("800")),
        ("1069 0000 1234", Some("106")),
        ("10690000123412345678", Some("106")),
        ("110", None),
        ("119", None),
        ("120", None),
        ("10086", None),
    ] {
        let r = rules();
        let Parsed::Number(p) = parse(&r, "CN", input).unwrap() else {
            panic!()
        };
        let digits: String = input.chars().filter(|c| c.is_ascii_digit()).collect();
        if input == "95105888" {
            // Eight digits starting 95: not a service shape, not a spoof of a
            // known hotline — a local landline-looking number.
            assert_ne!(p.class, NumberClass::Service);
            continue;
        }
        assert_eq!(p.class, NumberClass::Service, "{input}");
        assert_eq!(p.normalized, digits, "{input}");
        assert!(p.spoofs.is_none(), "{input}");
        if let Some(part) = label_part {
            assert!(
                p.service_label.as_deref().unwrap_or("").contains(part),
                "{input}: {:?}",
                p.service_label
            );
        }
    }
}

#[test]
fn other_regions() {
    let r = rules();
    let Parsed::Number(p) = parse(&r, "US", "(650) 253-0000").unwrap() else {
        panic!()
    };
    assert_eq!(p.normalized, "+16502530000");
    assert!(p.length_ok);
    let Parsed::Number(p) = parse(&r, "US", "011 86 138 1234 5678").unwrap() else {
        panic!()
    };
    assert_eq!(p.class, NumberClass::International);
    assert_eq!(p.country_code, "86");
    let Parsed::Number(p) = parse(&r, "GB", "020 7946 0018").unwrap() else {
        panic!()
    };
    assert_eq!(p.normalized, "+442079460018");
    let Parsed::Number(p) = parse(&r, "HK", "2345 6789").unwrap() else {
        panic!()
    };
    assert_eq!(p.normalized, "+85223456789");
    assert!(p.length_ok);
}

#[test]
fn garbage_is_a_clear_error() {
    let r = rules();
    let long = "1".repeat(200);
    for (input, why) in [
        ("", "empty"),
        ("   ", "empty"),
        ("hello", "contains letters"),
        ("call me maybe", "contains letters"),
        (long.as_str(), "too long to be a phone number"),
        ("1381234\u{0}5678", "contains control characters"),
        ("138\n12345678", "contains control characters"),
        ("\u{1b}[31m138", "contains control characters"),
        ("+", "no digits"),
        ("---", "no digits"),
        ("138+12345678", "misplaced '+'"),
        ("++8613812345678", "misplaced '+'"),
        ("1234567890123456789012345", "too many digits"),
        (
            "138😀12345678",
            "contains characters that are not part of a phone number",
        ),
    ] {
        match parse(&r, "CN", input) {
            Err(Error::InvalidInput {
                kind: Kind::Number,
                why: got,
            }) => assert_eq!(got, why, "{input:?}"),
            other => panic!("{input:?} gave {other:?}"),
        }
    }
}

#[test]
fn error_messages_never_repeat_the_input() {
    let r = rules();
    for input in ["13812345678abc", "138\u{0}12345678", "138😀12345678"] {
        let msg = parse(&r, "CN", input).unwrap_err().to_string();
        assert!(!msg.contains("138"), "{msg}");
    }
}

#[test]
fn unknown_region_is_refused() {
    assert!(parse(&rules(), "ZZ", "13812345678").is_err());
    assert!(Guard::new(Settings {
        region: "ZZ".into(),
        lang: Lang::En
    })
    .is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn parse_never_panics(s in "\\PC{0,64}") {
        let _ = parse(&rules(), "CN", &s);
    }

    #[test]
    fn parse_never_panics_on_number_like_text(s in "[+0-9０-９ ()\\-.#,;xX转分机ext]{0,40}") {
        let r = rules();
        for region in ["CN", "US", "GB", "HK"] {
            let _ = parse(&r, region, &s);
        }
    }

    #[test]
    fn normalized_numbers_are_stable(s in "(\\+86 ?)?1[3-9][0-9]{9}") {
        // Parsing the normalized form gives the same normalized form.
        let r = rules();
        if let Ok(Parsed::Number(p)) = parse(&r, "CN", &s) {
            let Ok(Parsed::Number(q)) = parse(&r, "CN", &p.normalized) else { panic!("reparse") };
            prop_assert_eq!(p.normalized, q.normalized);
        }
    }
}

// ---- signals -------------------------------------------------------------

#[test]
fn official_numbers_are_trusted_with_their_name() {
    for (n, name) in [
        ("95588", "ICBC"),
        ("95533", "China Construction Bank"),
        ("95599", "Agricultural Bank of China"),
        ("95566", "Bank of China"),
        ("95555", "China Merchants Bank"),
        ("96110", "Anti-fraud"),
        ("12381", "12381"),
        ("12321", "12321"),
        ("110", "Police"),
        ("10086", "China Mobile"),
        ("10010", "China Unicom"),
        ("10000", "China Telecom"),
    ] {
        let v = check(n);
        assert_eq!(v.level, Level::Trusted, "{n}");
        assert_eq!(v.action, Action::Allow, "{n}");
        assert!(v.has_reason("number.official"), "{n}");
        assert!(v.title.contains(name), "{n}: {}", v.title);
    }
}

#[test]
fn official_names_are_localized() {
    let v = guard(Lang::ZhHans)
        .check_number("95588", &NumberContext::default())
        .unwrap();
    assert!(v.title.contains("中国工商银行"), "{}", v.title);
}

#[test]
fn answer_96110() {
    for lang in [Lang::En, Lang::ZhHans] {
        let v = guard(lang)
            .check_number("96110", &NumberContext::default())
            .unwrap();
        assert_eq!(v.level, Level::Trusted);
        let first = &v.advice[0];
        assert!(
            first.contains("Answer") || first.contains("请接听"),
            "{first}"
        );
    }
    // Dialled with an area code it is still the warning line.
    let v = check("0755-96110");
    assert_eq!(v.level, Level::Trusted);
    assert_eq!(v.normalized.as_deref(), Some("96110"));
}

#[test]
fn spoofed_service_numbers_are_dangerous() {
    for input in [
        "+95588",
        "0095588",
        "+86 95588",
        "+86 95588 0000",
        "+0086 95588",
        "+0086 95533",
        "008695566",
        "+8610086",
        "+86 110",
        "+96110",
        "955880000",
        "+95123",
    ] {
        let v = check(input);
        assert_eq!(v.level, Level::Dangerous, "{input}: {:?}", v.reasons);
        assert_eq!(v.action, Action::Block, "{input}");
        assert!(v.has_reason("number.spoofed_service"), "{input}");
        assert!(v.fraud_type.is_some(), "{input}");
    }
    assert_eq!(
        check("+86 110").fraud_type,
        Some(FraudType::ImpersonateAuthority)
    );
    assert_eq!(
        check("+95588").fraud_type,
        Some(FraudType::ImpersonateCustomerService)
    );
    assert!(check("+0086 95588").has_reason("number.malformed_prefix"));
}

#[test]
fn genuine_numbers_that_resemble_hotlines_are_not_spoofs() {
    // A landline in area 0955 whose subscriber number starts with 88.
    let v = check("+86 955 8812345");
    assert!(!v.has_reason("number.spoofed_service"), "{:?}", v.reasons);
    // Myanmar mobile: +95 9…
    let v = check("+95 9 123 456 789");
    assert!(!v.has_reason("number.spoofed_service"));
    assert!(v.has_reason("number.international"));
    // Carrier sub-numbers.
    let v = check("1008611");
    assert!(!v.has_reason("number.spoofed_service"));
    // A bank's SMS sub-number is not a spoof on SMS.
    let v = check_ctx(
        "9555801",
        NumberContext {
            channel: Channel::Sms,
            ..Default::default()
        },
    );
    assert!(!v.has_reason("number.spoofed_service"), "{:?}", v.reasons);
    assert_ne!(v.level, Level::Dangerous);
}

#[test]
fn international_callers() {
    let v = check("+855 12 345 678");
    assert!(v.has_reason("number.international"));
    assert_eq!(v.level, Level::Suspicious);
    assert!(v.reasons[0].detail.contains("+855"));
    // Home numbers are not international.
    assert!(!check("+86 138 1234 5678").has_reason("number.international"));
    // From the US configuration, a Chinese number is international.
    let g = Guard::new(Settings {
        region: "US".into(),
        lang: Lang::En,
    })
    .unwrap();
    let v = g
        .check_number("+86 138 1234 5678", &NumberContext::default())
        .unwrap();
    assert!(v.has_reason("number.international"));
    let v = g
        .check_number("650-253-0000", &NumberContext::default())
        .unwrap();
    assert!(!v.has_reason("number.international"));
    assert_eq!(v.level, Level::Clear);
}

#[test]
fn virtual_operator_and_iot_ranges() {
    for n in [
        "17012345678",
        "17112345678",
        "16212345678",
        "16512345678",
        "16712345678",
    ] {
        let v = check(n);
        assert!(v.has_reason("number.virtual_operator"), "{n}");
        assert!(v.reasons.iter().any(|r| r.detail.contains(&n[..3])), "{n}");
    }
    for n in ["1440123456789", "1410123456789", "1480123456789"] {
        let v = check(n);
        assert!(v.has_reason("number.iot_range"), "{n}: {:?}", v.reasons);
        assert!(v.level >= Level::Suspicious, "{n}");
    }
    assert!(codes(&check("13812345678")).is_empty());
}

#[test]
fn withheld_numbers() {
    for n in [
        "Private",
        "UNKNOWN",
        "anonymous",
        "隐藏号码",
        "未知号码",
        "Withheld",
        "-2",
    ] {
        let v = check(n);
        assert!(v.has_reason("number.withheld"), "{n}");
        assert_eq!(v.level, Level::Suspicious, "{n}");
        assert_eq!(v.normalized, None);
    }
}

#[test]
fn wrong_lengths() {
    for n in ["1381234567", "138123456789", "010-123456", "0755-123"] {
        let v = check(n);
        assert!(
            v.has_reason("number.invalid_length"),
            "{n}: {:?}",
            v.reasons
        );
    }
    assert!(check("+44 20 7946").has_reason("number.invalid_length"));
    assert!(!check("+44 20 7946 0018").has_reason("number.invalid_length"));
}

#[test]
fn sms_gateways_calling_are_forged() {
    let v = check("10690000123");
    assert!(v.has_reason("number.sms_gateway_call"));
    let v = check_ctx(
        "10690000123",
        NumberContext {
            channel: Channel::Sms,
            ..Default::default()
        },
    );
    assert!(!v.has_reason("number.sms_gateway_call"));
    assert!(v.has_reason("number.service"));
    assert_eq!(v.level, Level::Clear);
}

#[test]
fn host_facts() {
    let v = check_ctx(
        "17012345678",
        NumberContext {
            in_contacts: true,
            ..Default::default()
        },
    );
    assert!(v.has_reason("number.in_contacts"));
    assert_eq!(v.level, Level::Clear);

    let v = check_ctx(
        "13812345678",
        NumberContext {
            stir: Some(StirResult::Failed),
            ..Default::default()
        },
    );
    assert!(v.has_reason("number.stir_failed"));
    assert_eq!(v.level, Level::Suspicious);
    let v = check_ctx(
        "13812345678",
        NumberContext {
            stir: Some(StirResult::Verified),
            ..Default::default()
        },
    );
    assert!(v.has_reason("number.stir_verified"));
    assert_eq!(v.level, Level::Clear);

    let v = check_ctx(
        "13812345678",
        NumberContext {
            calls_last_hour: 2,
            ..Default::default()
        },
    );
    assert!(!v.has_reason("number.repeated_calls"));
    let v = check_ctx(
        "13812345678",
        NumberContext {
            calls_last_hour: 3,
            ..Default::default()
        },
    );
    assert!(v.has_reason("number.repeated_calls"));
    let many = check_ctx(
        "13812345678",
        NumberContext {
            calls_last_hour: 1000,
            ..Default::default()
        },
    );
    let r = many
        .reasons
        .iter()
        .find(|r| r.code == "number.repeated_calls")
        .unwrap();
    assert_eq!(r.weight, 36, "capped by max_weight");
}

#[test]
fn risk_contradicts_an_official_identity() {
    // A "95588" whose caller ID failed verification is not trusted.
    let v = check_ctx(
        "95588",
        NumberContext {
            stir: Some(StirResult::Failed),
            ..Default::default()
        },
    );
    assert_ne!(v.level, Level::Trusted);
    assert!(v.level >= Level::Suspicious);
}

#[test]
fn combined_signals_reach_dangerous() {
    let v = check_ctx(
        "17012345678",
        NumberContext {
            stir: Some(StirResult::Failed),
            calls_last_hour: 4,
            ..Default::default()
        },
    );
    assert_eq!(v.level, Level::Dangerous);
    assert_eq!(v.action, Action::Block);
}

#[test]
fn blocklisted_numbers() {
    use crate::blocklist::{ListEntry, ListKind, MemoryIndex};
    use crate::snapshot::{RuleSources, Snapshot};
    use std::sync::Arc;
    let mut idx = MemoryIndex::new();
    idx.insert(
        ListKind::Number,
        "+8613812345678",
        ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::FakeInvestment,
            severity: 90,
            reports: 12,
            label: "投资诈骗".into(),
            confirmed: false,
            match_bits: 0,
        },
    );
    let snap = Snapshot::build(&RuleSources::default(), Arc::new(idx), "test-1".into()).unwrap();
    let g = Guard::with_snapshot(
        Settings {
            region: "CN".into(),
            lang: Lang::En,
        },
        snap,
    )
    .unwrap();
    let v = g
        .check_number("138 1234 5678", &NumberContext::default())
        .unwrap();
    assert_eq!(v.level, Level::Dangerous);
    assert_eq!(v.fraud_type, Some(FraudType::FakeInvestment));
    assert!(v
        .reasons
        .iter()
        .any(|r| r.code == "number.blocklisted" && r.detail.contains("投资诈骗")));
    assert_eq!(v.feed_version, "test-1");
    let v = g
        .check_number("13912345678", &NumberContext::default())
        .unwrap();
    assert_eq!(v.level, Level::Clear);
}

#[test]
fn every_reason_code_is_dotted_and_weighted_from_data() {
    let r = rules();
    for code in REQUIRED_WEIGHTS {
        assert!(code.starts_with("number."));
        assert!(r.weights.contains_key(*code));
    }
}

#[test]
fn verdict_json_has_the_contract_fields_in_order() {
    let v = check("+86 95588 0000");
    let json = serde_json::to_string(&v).unwrap();
    let keys = [
        "\"kind\"",
        "\"input\"",
        "\"normalized\"",
        "\"level\"",
        "\"score\"",
        "\"action\"",
        "\"fraud_type\"",
        "\"reasons\"",
        "\"title\"",
        "\"advice\"",
        "\"feed_version\"",
    ];
    let mut last = 0;
    for k in keys {
        let pos = json
            .find(k)
            .unwrap_or_else(|| panic!("{k} missing in {json}"));
        assert!(pos >= last, "{k} out of order");
        last = pos;
    }
    assert!(json.contains("\"kind\":\"number\""));
    assert!(json.contains("\"level\":\"dangerous\""));
    assert!(json.contains("\"action\":\"block\""));
}
