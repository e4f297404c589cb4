use super::*;

fn small() -> Vec<(String, String)> {
    let rows = [
        (
            "【公安局】您涉嫌洗钱，请将资金转入安全账户配合调查",
            "impersonate_authority",
        ),
        (
            "警方通知：你的账户涉案，立即转账到安全账户",
            "impersonate_authority",
        ),
        ("刷单兼职，日赚300，一单一结，加QQ", "rebate_task"),
        ("点赞兼职，佣金日结，先垫付后返还", "rebate_task"),
        (
            "【工商银行】您尾号1234卡支出500.00元，余额1,234.56元",
            "benign",
        ),
        ("您的快递已到驿站，请凭取件码取件", "benign"),
        (
            "Your parcel is held, pay the fee at dhl-resched.net",
            "phishing",
        ),
        ("Hi mum, I lost my phone, this is my new number", "benign"),
        ("明天下午三点开会，记得带材料", "benign"),
    ];
    rows.iter()
        .map(|(t, l)| (t.to_string(), l.to_string()))
        .collect()
}

fn opts() -> TrainOptions {
    TrainOptions {
        bits: 12,
        holdback_every: 0,
        ..TrainOptions::default()
    }
}

#[test]
fn same_input_same_seed_same_bytes() {
    let (a, _) = train(FeatureKind::Message, &small(), &opts()).unwrap();
    let (b, _) = train(FeatureKind::Message, &small(), &opts()).unwrap();
    assert_eq!(a.to_bytes(), b.to_bytes());
    let other = TrainOptions { seed: 99, ..opts() };
    let (c, _) = train(FeatureKind::Message, &small(), &other).unwrap();
    assert_eq!(c.classes, a.classes);
}

#[test]
fn round_trip_and_predict_with_evidence() {
    let (m, _) = train(FeatureKind::Message, &small(), &opts()).unwrap();
    assert_eq!(m.classes[0], BENIGN);
    let back = Model::from_bytes(&m.to_bytes(), FeatureKind::Message).unwrap();
    assert_eq!(back, m);
    let p = back.predict("请马上把钱转入安全账户");
    assert_eq!(p.top_class, "impersonate_authority");
    assert!(p.fraud_probability() > 0.5, "{p:?}");
    assert!(p.evidence.iter().any(|(g, _)| g.contains("安全")), "{p:?}");
    let ok = back.predict("明天开会记得带材料");
    assert!(ok.fraud_probability() < 0.5, "{ok:?}");
}

#[test]
fn reader_refuses_bad_files() {
    let (m, _) = train(FeatureKind::Message, &small(), &opts()).unwrap();
    let bytes = m.to_bytes();
    let kind = FeatureKind::Message;
    assert_eq!(Model::from_bytes(b"", kind), Err(ModelError::Truncated));
    assert_eq!(
        Model::from_bytes(b"NOPE....", kind),
        Err(ModelError::BadMagic)
    );
    assert_eq!(
        Model::from_bytes(&bytes, FeatureKind::Link),
        Err(ModelError::WrongKind {
            expected: "link",
            found: "message".into()
        })
    );
    let mut v = bytes.clone();
    v[4] = 9;
    assert_eq!(Model::from_bytes(&v, kind), Err(ModelError::Version(9)));
    let mut flipped = bytes.clone();
    let mid = bytes.len() / 2;
    flipped[mid] ^= 1;
    assert_eq!(Model::from_bytes(&flipped, kind), Err(ModelError::Checksum));
    for cut in 0..bytes.len() {
        assert!(Model::from_bytes(&bytes[..cut], kind).is_err());
    }
    let big = vec![0u8; format::MAX_MODEL_BYTES + 1];
    assert!(matches!(
        Model::from_bytes(&big, kind),
        Err(ModelError::Oversized(_))
    ));
}

#[test]
fn link_featurizer_reads_host_and_path() {
    let f = featurize(FeatureKind::Link, "https://dhl-resched.net/uk/pay", 16);
    let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
    assert!(texts.contains(&"d:dhl-resched.net"));
    assert!(texts.contains(&"tld:net"));
    assert!(texts.contains(&"p:pay"));
    let rows = vec![
        (
            "http://icbc-verify.top/login".to_string(),
            "phishing".to_string(),
        ),
        ("https://www.icbc.com.cn/".to_string(), "benign".to_string()),
    ];
    let (m, _) = train(
        FeatureKind::Link,
        &rows,
        &TrainOptions {
            bits: 12,
            holdback_every: 0,
            ..TrainOptions::default()
        },
    )
    .unwrap();
    assert!(
        m.predict("http://icbc-verify.top/login")
            .fraud_probability()
            > 0.5
    );
}

#[test]
fn link_fast_path_matches_predict() {
    let ex: Vec<(String, String)> = vec![
        ("secure-login-paypal.top/verify".into(), "phishing".into()),
        ("https://www.example.org/about".into(), "benign".into()),
        ("metamask-wallet.web.app".into(), "phishing".into()),
        ("rust-lang.github.io/book/".into(), "benign".into()),
    ];
    let opts = TrainOptions {
        holdback_every: 0,
        bits: 12,
        ..TrainOptions::default()
    };
    let (m, _) = train(FeatureKind::Link, &ex, &opts).unwrap();
    for url in [
        "secure-login-paypal.top/verify",
        "HTTPS://User@Exämple.COM:8080/a/b?c=1#d",
        "http://192.168.0.1/login.php",
        "",
        "   ",
        "x",
        "xn--80ak6aa92e.com",
        "a.b.c.d.e.f.g.h.example.co.uk/path/with/many/segments/and/more",
    ] {
        let slow = m.predict(url).fraud_probability();
        let fast = m.link_fraud_probability(url);
        assert!((slow - fast).abs() < 1e-5, "{url}: {slow} vs {fast}");
    }
}

#[test]
fn the_embedded_message_model_loads_and_is_the_recorded_one() {
    let bytes = super::embedded(FeatureKind::Message).expect("a message model is embedded");
    assert!(
        bytes.len() <= 1 << 20,
        "over the 1 MB budget: {}",
        bytes.len()
    );
    let m = Model::from_bytes(bytes, FeatureKind::Message).unwrap();
    assert_eq!(m.classes[0], BENIGN);
    assert_eq!(m.classes.len(), 17, "benign + every fraud type but one");
    for c in &m.classes[1..] {
        assert!(
            crate::FraudType::parse(c).is_some(),
            "{c} is not a fraud type"
        );
    }
    // The file is what core/data/models/regenerate.sh wrote (its `--check`
    // re-trains and compares byte for byte; that takes a release build).
    let recorded = include_str!("../../data/models/message.fzml.xxh3").trim();
    assert_eq!(
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes)),
        recorded,
        "message.fzml changed: run core/data/models/regenerate.sh and record its xxh3"
    );
    assert!(
        m.predict("请将资金转入安全账户配合调查")
            .fraud_probability()
            > 0.5
    );
    assert!(
        m.predict("【顺丰速运】您的快递已到驿站，取件码1234")
            .fraud_probability()
            < 0.5
    );
}

/// Regression (fuzz target `model`): one flipped exponent byte in a bias
/// made every probability NaN. Out-of-range parameters are refused, and
/// the largest accepted ones still give finite probabilities.
#[test]
fn huge_parameters_are_refused_and_never_give_nan() {
    let (m, _) = train(FeatureKind::Message, &small(), &opts()).unwrap();
    for (b, s) in [(3.0e38f32, 1.0f32), (0.0, 3.0e38), (-2.0e4, 1.0)] {
        let mut bad = m.clone();
        bad.bias[0] = b;
        bad.scale[1] = s;
        assert_eq!(
            Model::from_bytes(&bad.to_bytes(), FeatureKind::Message),
            Err(ModelError::Malformed("bias or scale out of range"))
        );
    }
    let mut edge = m.clone();
    for v in edge.bias.iter_mut() {
        *v = -format::MAX_PARAM;
    }
    edge.bias[1] = format::MAX_PARAM;
    for v in edge.scale.iter_mut() {
        *v = format::MAX_PARAM;
    }
    let edge = Model::from_bytes(&edge.to_bytes(), FeatureKind::Message).unwrap();
    let text = "请将资金转入安全账户".repeat(2_000);
    for p in [edge.predict(&text), edge.predict("")] {
        let sum: f32 = p.probabilities.iter().map(|(_, p)| p).sum();
        assert!(p.probabilities.iter().all(|(_, p)| p.is_finite()), "{p:?}");
        assert!((sum - 1.0).abs() < 1e-3, "{sum}");
    }
    let s = softmax(&[f32::INFINITY, f32::INFINITY, f32::NAN, f32::NEG_INFINITY]);
    assert!(s.iter().all(|p| p.is_finite()), "{s:?}");
}
