//! Unit tests: account validation, normalization, amounts, memo patterns,
//! rules loading. Journeys over time are in `core/tests/payment.rs`.

use super::*;
use crate::number::NumberRules;
use crate::snapshot::Snapshot;
use proptest::prelude::*;

fn rules() -> PaymentRules {
    PaymentRules::default()
}

fn numbers() -> NumberRules {
    NumberRules::from_json(crate::number::EMBEDDED).unwrap()
}

// Published test card numbers of the card networks (they pass Luhn and are
// never issued).
const VALID_CARDS: &[&str] = &[
    "4111111111111111",    // Visa
    "4012888888881881",    // Visa
    "4222222222222",       // Visa, 13 digits
    "5555555555554444",    // Mastercard
    "5105105105105100",    // Mastercard
    "2223003122003222",    // Mastercard 2-series
    "378282246310005",     // American Express
    "371449635398431",     // American Express
    "6011111111111117",    // Discover
    "3530111333300000",    // JCB
    "30569309025904",      // Diners Club
    "6200000000000005",    // UnionPay
    "6205500000000000004", // UnionPay, 19 digits
];

#[test]
fn published_test_cards_are_valid() {
    for card in VALID_CARDS {
        assert!(luhn_valid(card), "{card} should pass Luhn");
        assert_eq!(validate_card(card), Validity::Valid, "{card}");
    }
}

#[test]
fn broken_cards_are_invalid() {
    for card in [
        "4111111111111112",
        "5555555555554445",
        "378282246310006",
        "6011111111111118",
        "3530111333300001",
    ] {
        assert!(!luhn_valid(card), "{card} should fail Luhn");
        assert!(
            matches!(validate_card(card), Validity::Invalid(_)),
            "{card}"
        );
    }
    assert!(
        matches!(validate_card("41111111111"), Validity::Invalid(_)),
        "11 digits"
    );
    assert!(
        matches!(validate_card("41111111111111111111"), Validity::Invalid(_)),
        "20 digits"
    );
    assert!(
        matches!(validate_card("4111x11111111111"), Validity::Invalid(_)),
        "a letter"
    );
    assert!(!luhn_valid(""));
    assert!(
        !luhn_valid("4111 1111 1111 1111"),
        "luhn_valid takes bare digits"
    );
}

#[test]
fn unionpay_62_cards_failing_luhn_are_never_invalid() {
    for card in [
        "6200000000000006",
        "6222021234567890123",
        "6228480402564890018",
        "62148300000000000",
    ] {
        if !luhn_valid(card) {
            assert!(
                matches!(validate_card(card), Validity::Unverifiable(_)),
                "{card}"
            );
        } else {
            assert_eq!(validate_card(card), Validity::Valid, "{card}");
        }
    }
    // … but a 62 card of an impossible length still is.
    assert!(matches!(validate_card("62000000006"), Validity::Invalid(_)));
    // Only 62: a 63… card failing Luhn is invalid.
    assert!(matches!(
        validate_card("6300000000000006"),
        Validity::Invalid(_)
    ));
}

// Example IBANs published by the countries' banking associations and the
// IBAN registry.
const VALID_IBANS: &[&str] = &[
    "AD1200012030200359100100",
    "AE070331234567890123456",
    "AL47212110090000000235698741",
    "AT611904300234573201",
    "AZ21NABZ00000000137010001944",
    "BA391290079401028494",
    "BE68539007547034",
    "BG80BNBG96611020345678",
    "BH67BMAG00001299123456",
    "BR1800360305000010009795493C1",
    "BY13NBRB3600900000002Z00AB00",
    "CH9300762011623852957",
    "CR05015202001026284066",
    "CY17002001280000001200527600",
    "CZ6508000000192000145399",
    "DE89370400440532013000",
    "DK5000400440116243",
    "DO28BAGR00000001212453611324",
    "EE382200221020145685",
    "ES9121000418450200051332",
    "FI2112345600000785",
    "FO6264600001631634",
    "FR1420041010050500013M02606",
    "GB29NWBK60161331926819",
    "GB82WEST12345698765432",
    "GE29NB0000000101904917",
    "GI75NWBK000000007099453",
    "GL8964710001000206",
    "GR1601101250000000012300695",
    "GT82TRAJ01020000001210029690",
    "HR1210010051863000160",
    "HU42117730161111101800000000",
    "IE29AIBK93115212345678",
    "IT60X0542811101000000123456",
    "LU280019400644750000",
    "MT84MALT011000012345MTLCAST001S",
    "NL91ABNA0417164300",
    "NO9386011117947",
    "PL61109010140000071219812874",
    "PT50000201231234567890154",
    "SA0380000000608010167519",
    "SE4550000000058398257466",
    "LC55HEMM000100010012001200023015",
];

#[test]
fn published_example_ibans_are_valid() {
    let r = rules();
    for iban in VALID_IBANS {
        assert_eq!(iban_mod97(iban), Some(1), "{iban} mod 97");
        assert_eq!(validate_iban(&r, iban), Ok(()), "{iban}");
    }
}

#[test]
fn broken_ibans_are_invalid() {
    let r = rules();
    let cases = [
        ("DE89370400440532013001", "check digits"),
        ("DE88370400440532013000", "check digits"),
        ("GB82WEST1234569876543", "length"),
        ("DE8937040044053201300000", "length"),
        ("XX89370400440532013000", "country"),
        ("US64SVBKUS6S3300958879", "country"),
        ("DE8937040044053201300-", "letters"),
        ("1234567890123456", "country code"),
        ("DE", "letters"),
        ("", "letters"),
    ];
    for (iban, what) in cases {
        assert!(
            validate_iban(&r, iban).is_err(),
            "{iban} should be refused ({what})"
        );
    }
    // Swapping two digits is caught by mod 97.
    assert!(validate_iban(&r, "DE89370400440532031000").is_err());
}

#[test]
fn every_country_in_the_length_table_has_a_sane_length() {
    let r = rules();
    for cc in ["DE", "FR", "GB", "NO", "LC", "RU", "MT", "BI", "YE"] {
        assert!(
            r.iban_length(cc).is_some_and(|l| (15..=34).contains(&l)),
            "{cc}"
        );
    }
    assert_eq!(r.iban_length("NO"), Some(15));
    assert_eq!(r.iban_length("RU"), Some(33));
    assert_eq!(r.iban_length("CN"), None, "China does not use IBANs");
}

#[test]
fn normalizes_accounts_whatever_their_kind() {
    let n = numbers();
    let norm = |s| normalize_account(&n, "CN", s).unwrap();
    assert_eq!(norm("6222 0212-3456 7890 128"), "6222021234567890128");
    assert_eq!(
        norm("６２２２　０２１２"),
        "62220212",
        "full-width digits and space"
    );
    assert_eq!(
        norm("de89 3704 0044 0532 0130 00"),
        "DE89370400440532013000"
    );
    assert_eq!(
        norm("IBAN DE89-3704-0044-0532-0130-00"),
        "DE89370400440532013000"
    );
    assert_eq!(
        norm("IBAN: DE89 3704 0044 0532 0130 00"),
        "DE89370400440532013000"
    );
    assert_eq!(norm("IBANK"), "IBANK", "not an IBAN after the prefix");
    // Phone numbers: every way of writing a mobile number is one account.
    for written in [
        "138-1234-5678",
        "+86 138 1234 5678",
        "0086 13812345678",
        "(+86) 138.1234.5678",
        "１３８１２３４５６７８",
    ] {
        assert_eq!(norm(written), "+8613812345678", "{written}");
    }
    assert_eq!(norm("+44 20 7946 0000"), "+442079460000");
    // A national landline and numbers of other lengths stay as written.
    assert_eq!(norm("010 1234 5678"), "01012345678");
    assert_eq!(norm("1381234567"), "1381234567");
    assert_eq!(norm(" Someone@Example.COM "), "SOMEONE@EXAMPLECOM");
    assert_eq!(norm("wxid_Abc-123"), "WXID_ABC123");
    assert_eq!(norm("ab-12 34\u{200B}"), "AB1234");
    assert_eq!(norm("张三-账户"), "张三账户");
}

#[test]
fn canonical_form_matches_across_regions_for_international_numbers() {
    let n = numbers();
    for region in ["CN", "HK", "US", "GB"] {
        assert_eq!(
            normalize_account(&n, region, "+86 138 1234 5678").unwrap(),
            "+8613812345678",
            "{region}"
        );
        assert_eq!(
            normalize_account(&n, region, "6222021234567890128").unwrap(),
            "6222021234567890128",
            "{region}"
        );
    }
}

#[test]
fn refuses_unusable_accounts_without_echoing_them() {
    let n = numbers();
    for (raw, why) in [
        ("", "empty"),
        ("   - ", "empty"),
        ("\u{200B}", "empty"),
        ("12\u{0}34", "control"),
    ] {
        let e = normalize_account(&n, "CN", raw).unwrap_err();
        assert!(e.to_string().contains(why), "{raw:?}: {e}");
    }
    let long = "6".repeat(MAX_ACCOUNT_BYTES + 1);
    let e = normalize_account(&n, "CN", &long).unwrap_err();
    assert!(!e.to_string().contains("666"), "{e}");
}

#[test]
fn validates_phone_accounts() {
    let r = rules();
    let n = numbers();
    let v = |s: &str, kind| {
        validate_account(&r, &n, "CN", kind, &normalize_account(&n, "CN", s).unwrap())
    };
    assert_eq!(v("13812345678", AccountKind::Phone), Validity::Valid);
    assert_eq!(
        v("010 1234 5678", AccountKind::Phone),
        Validity::Valid,
        "a landline"
    );
    assert!(matches!(v("12", AccountKind::Phone), Validity::Invalid(_)));
    assert!(matches!(
        v("not a phone", AccountKind::Phone),
        Validity::Invalid(_)
    ));
    assert!(matches!(
        v("wxid_x", AccountKind::Wechat),
        Validity::Unverifiable(_)
    ));
    assert!(matches!(
        v("13812345678", AccountKind::Card),
        Validity::Invalid(_)
    ));
    assert_eq!(
        v("6222 0212 3456 7890 128", AccountKind::Other),
        Validity::Unverifiable("no public check exists for this kind of account")
    );
}

#[test]
fn parses_amounts_exactly() {
    let r = rules();
    assert_eq!(r.parse_amount("5000.00", "CNY").unwrap(), 500_000);
    assert_eq!(r.parse_amount("5000", "cny").unwrap(), 500_000);
    assert_eq!(r.parse_amount(" 0.1 ", "USD").unwrap(), 10);
    assert_eq!(r.parse_amount("1000", "JPY").unwrap(), 1000);
    assert_eq!(r.parse_amount("1.234", "KWD").unwrap(), 1234);
    for (text, cur, why) in [
        ("-5", "CNY", "positive"),
        ("0", "CNY", "positive"),
        ("0.00", "CNY", "positive"),
        ("5.001", "CNY", "decimals"),
        ("1.5", "JPY", "decimals"),
        ("1e5", "CNY", "decimal number"),
        ("5,000.00", "CNY", "decimal number"),
        ("5.", "CNY", "decimal number"),
        (".5", "CNY", "decimal number"),
        ("", "CNY", "decimal number"),
        ("NaN", "CNY", "decimal number"),
        ("99999999999999999999", "CNY", "larger"),
        ("1000000000000.01", "CNY", "larger"),
        ("100", "XYZ", "currency"),
        ("100", "", "currency"),
    ] {
        let e = r.parse_amount(text, cur).unwrap_err();
        assert!(e.to_string().contains(why), "{text} {cur}: {e}");
        if text.len() > 2 {
            assert!(
                !e.to_string().contains(text),
                "error repeats the amount: {e}"
            );
        }
    }
}

#[test]
fn formats_minor_units() {
    assert_eq!(format_minor(500_000, 2), "5000.00");
    assert_eq!(format_minor(5, 2), "0.05");
    assert_eq!(format_minor(1234, 3), "1.234");
    assert_eq!(format_minor(1000, 0), "1000");
    assert_eq!(format_minor(-5, 2), "-0.05");
}

#[test]
fn memo_patterns_match_folded_text() {
    let r = rules();
    let codes = |text: &str, field| -> Vec<String> {
        r.memo_matches(text, field)
            .into_iter()
            .map(|(p, _)| p.code.clone())
            .collect()
    };
    assert_eq!(
        codes("转入安全账户", Field::Memo),
        ["payment.memo_safe_account"]
    );
    assert_eq!(
        codes("安 全-账 户", Field::Memo),
        ["payment.memo_safe_account"]
    );
    assert_eq!(
        codes("安\u{200B}全账户", Field::Memo),
        ["payment.memo_safe_account"]
    );
    assert_eq!(
        codes("Transfer to SAFE-ACCOUNT now", Field::Memo),
        ["payment.memo_safe_account"]
    );
    assert_eq!(codes("刷单返利垫付", Field::Memo), ["payment.memo_rebate"]);
    assert_eq!(
        codes("贷款保证金解冻", Field::Memo),
        ["payment.memo_deposit"]
    );
    assert_eq!(codes("投资充值", Field::Memo), ["payment.memo_investment"]);
    assert_eq!(
        codes("账户验证", Field::Memo),
        ["payment.memo_verification"]
    );
    assert_eq!(codes("房租 3月", Field::Memo), Vec::<String>::new());
    assert_eq!(codes("午饭", Field::Memo), Vec::<String>::new());
    // Only some patterns look at the payee name: an investment company is fine.
    assert_eq!(
        codes("某某投资有限公司", Field::PayeeName),
        Vec::<String>::new()
    );
    assert_eq!(
        codes("国家安全账户", Field::PayeeName),
        ["payment.memo_safe_account"]
    );
    let (_, term) = r.memo_matches("请转入安全账户", Field::Memo)[0];
    assert_eq!(term, "安全账户");
}

#[test]
fn embedded_rules_cover_every_signal_and_text() {
    let snap = Snapshot::embedded().unwrap();
    let r = &snap.payments;
    let mut codes: Vec<String> = rules::SIGNALS.iter().map(|s| s.to_string()).collect();
    codes.extend(rules::LATER_SIGNALS.iter().map(|s| s.0.to_string()));
    codes.push("payment.blocklisted".into());
    codes.extend(r.memo_patterns.iter().map(|p| p.code.clone()));
    codes.extend(r.questions.iter().map(|q| q.yes_code.clone()));
    codes.extend(r.questions.iter().map(|q| q.id.clone()));
    for level in ["clear", "suspicious", "dangerous"] {
        codes.push(format!("payment.{level}"));
    }
    for code in &codes {
        for lang in [Lang::En, Lang::ZhHans] {
            assert!(
                snap.texts
                    .title(code, lang, None)
                    .is_some_and(|t| !t.is_empty()),
                "no {} title for {code}",
                lang.as_str()
            );
        }
    }
    // Every positive reason has advice, so a warning always says what to do.
    for code in codes.iter().filter(|c| {
        !c.starts_with("payment.q.")
            && !["payment.known_payee", "payment.name_match"].contains(&c.as_str())
    }) {
        if ["payment.clear", "payment.suspicious"].contains(&code.as_str()) {
            continue;
        }
        for lang in [Lang::En, Lang::ZhHans] {
            assert!(
                !snap.texts.advice(code, lang).is_empty(),
                "no {} advice for {code}",
                lang.as_str()
            );
        }
    }
    // Floors and questions only name codes the check can emit.
    for f in &r.floors {
        for c in &f.all {
            assert!(codes.contains(c), "floor names unknown code {c}");
        }
    }
    for q in &r.questions {
        for c in &q.ask_when {
            assert!(
                codes.contains(c),
                "question {} names unknown code {c}",
                q.id
            );
        }
    }
    assert_eq!(r.currency_exponent("CNY"), Some(2));
    assert_eq!(r.currency_exponent("JPY"), Some(0));
    assert_eq!(
        r.currency_exponent("XAU"),
        None,
        "metals are not payment currencies"
    );
}

#[test]
fn refuses_broken_rules() {
    let base: serde_json::Value = serde_json::from_str(EMBEDDED).unwrap();
    let broken = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = base.clone();
        f(&mut v);
        PaymentRules::from_json(&v.to_string())
    };
    assert!(broken(&|_| {}).is_ok());
    assert!(broken(&|v| {
        v["signals"]
            .as_object_mut()
            .unwrap()
            .remove("payment.night");
    })
    .is_err());
    assert!(broken(&|v| v["signals"]["payment.night"]["weight"] = 500.into()).is_err());
    assert!(broken(&|v| v["iban_lengths"]["DE"] = 99.into()).is_err());
    assert!(broken(&|v| v["currencies"]["CNY"] = 9.into()).is_err());
    assert!(broken(&|v| v["new_payee_large_major"]["ZZZ"] = 1.into()).is_err());
    assert!(broken(&|v| v["memo_patterns"][0]["terms"][0] = " ".into()).is_err());
    assert!(broken(&|v| v["questions"][1]["id"] = v["questions"][0]["id"].clone()).is_err());
    assert!(broken(&|v| v["floors"][0]["level"] = "clear".into()).is_err());
    assert!(broken(&|v| v["journey"]["max_events"] = 0.into()).is_err());
    assert!(broken(&|v| v["velocity"]["count"] = 1.into()).is_err());
    assert!(PaymentRules::from_json("{}").is_err());
    assert!(PaymentRules::from_json("not json").is_err());
}

#[test]
fn night_wraps_midnight() {
    let n = rules::Night {
        start_hour: 22,
        end_hour: 6,
    };
    assert!(n.contains(23) && n.contains(0) && n.contains(5));
    assert!(!n.contains(6) && !n.contains(12) && !n.contains(21));
    let d = rules::Night {
        start_hour: 0,
        end_hour: 6,
    };
    assert!(d.contains(0) && d.contains(5) && !d.contains(6) && !d.contains(23));
}

#[test]
fn intent_json_errors_are_generic() {
    let e = PaymentIntent::from_json(r#"{"account":"6222","amount":"5000","currency":"CNY"}"#)
        .unwrap_err();
    assert!(e.to_string().contains("field"), "{e}");
    let e = PaymentIntent::from_json(
        r#"{"account":"secret-acct","amount_minor":"lots","currency":"CNY"}"#,
    )
    .unwrap_err();
    assert!(
        !e.to_string().contains("secret") && !e.to_string().contains("lots"),
        "{e}"
    );
    assert!(PaymentIntent::from_json("[1,2").is_err());
    assert!(PaymentIntent::from_json(&"x".repeat(MAX_INTENT_JSON_BYTES + 1)).is_err());
    let ok = PaymentIntent::from_json(
        r#"{"account":"6222","amount_minor":100,"currency":"CNY","context":{"call":{"number":null}}}"#,
    )
    .unwrap();
    assert_eq!(ok.context.call, Some(CallContext::default()));
}

proptest! {
    #[test]
    fn normalize_never_panics(kind in 0usize..6, raw in "\\PC{0,80}") {
        let n = numbers();
        let r = rules();
        let kind = AccountKind::ALL[kind];
        if let Ok(a) = normalize_account(&n, "CN", &raw) {
            prop_assert!(!a.is_empty() && a.len() <= MAX_ACCOUNT_BYTES);
            let _ = validate_account(&r, &n, "CN", kind, &a);
            // Normalizing twice changes nothing.
            prop_assert_eq!(normalize_account(&n, "CN", &a).ok(), Some(a));
        }
    }

    #[test]
    fn separators_and_case_never_change_the_account(digits in "[0-9A-Za-z]{6,30}", cuts in proptest::collection::vec(0usize..30, 0..5)) {
        let n = numbers();
        let mut spaced = digits.clone();
        for c in cuts.iter().rev() {
            let at = (*c).min(spaced.len());
            spaced.insert_str(at, if c % 2 == 0 { " " } else { "-" });
        }
        prop_assert_eq!(
            normalize_account(&n, "CN", &spaced.to_lowercase()).ok(),
            normalize_account(&n, "CN", &digits.to_uppercase()).ok()
        );
    }

    #[test]
    fn card_and_iban_checks_never_panic(s in "[0-9A-Za-z \\-]{0,40}") {
        let r = rules();
        let _ = validate_card(&s);
        let _ = luhn_valid(&s);
        let _ = validate_iban(&r, &s);
        let _ = iban_mod97(&s);
    }

    #[test]
    fn luhn_catches_every_single_digit_error(card in proptest::sample::select(VALID_CARDS), pos in 0usize..19, delta in 1u8..10) {
        let mut digits: Vec<u8> = card.bytes().collect();
        let pos = pos % digits.len();
        digits[pos] = b'0' + (digits[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(digits).unwrap();
        prop_assert!(!luhn_valid(&changed));
    }

    #[test]
    fn parse_amount_never_panics_and_round_trips(text in "[0-9.\\-]{0,24}", minor in 1i64..10_000_000_000) {
        let r = rules();
        let _ = r.parse_amount(&text, "CNY");
        prop_assert_eq!(r.parse_amount(&format_minor(minor, 2), "CNY").ok(), Some(minor));
    }

    #[test]
    fn intent_json_never_panics(s in "\\PC{0,200}") {
        let _ = PaymentIntent::from_json(&s);
    }
}
