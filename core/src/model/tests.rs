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
fn cross_fold_calibration_scores_every_example_out_of_fold() {
    // Many made-up links, two classes: each fold's model scores only the
    // examples it did not train on, and the model returned learns from all.
    let mut ex: Vec<(String, String)> = Vec::new();
    for i in 0..300 {
        ex.push((
            format!("secure-login-{i}.top/verify?id={i}"),
            "phishing".into(),
        ));
        ex.push((
            format!("https://docs{i}.example.org/guide/{i}.html"),
            "benign".into(),
        ));
    }
    let base = TrainOptions {
        bits: 14,
        ..TrainOptions::default()
    };
    let (held, held_report) = train(FeatureKind::Link, &ex, &base).unwrap();
    assert!(held_report.held_back > 0 && held_report.held_back < ex.len() / 4);
    assert_eq!(held_report.trained + held_report.held_back, ex.len());
    let folds = TrainOptions {
        cross_folds: 7,
        ..base.clone()
    };
    let (m, report) = train(FeatureKind::Link, &ex, &folds).unwrap();
    assert_eq!(
        report.held_back,
        ex.len(),
        "every example scored out of fold"
    );
    assert_eq!(report.trained, ex.len(), "the model trains on all of them");
    assert!(report.fraud_recall > 0.9, "{report:?}");
    assert!(report.benign_fp_rate <= 0.01, "{report:?}");
    // Deterministic, and not the held-back split's model.
    let (again, _) = train(FeatureKind::Link, &ex, &folds).unwrap();
    assert_eq!(m.to_bytes(), again.to_bytes());
    assert_ne!(m.to_bytes(), held.to_bytes());
    assert!(
        m.predict("secure-login-77.top/verify?id=5")
            .fraud_probability()
            >= m.calibration.suspicious_at
    );
    // One fold or none: the held-back split, as before.
    let one = TrainOptions {
        cross_folds: 1,
        ..base.clone()
    };
    let (same, _) = train(FeatureKind::Link, &ex, &one).unwrap();
    assert_eq!(same.to_bytes(), held.to_bytes());
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

/// The buckets hashed without n-gram texts are the buckets of `featurize`
/// (as a multiset), for every text of the corpus and some odd inputs.
#[test]
fn hashed_buckets_are_the_featurize_buckets() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut texts: Vec<String> = [
        "",
        " ",
        "ＡＢＣ１２３，全角文字测试",
        "a",
        "中",
        "中文",
        "mixed中文and english words 123 在一起",
        "x--y__z .. 𠀀𠀁𠀂 ﬁ ǅ İ ß",
        "HTTPS://User@Exämple.COM:8080/a/b?c=1#d",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    texts.push("长".repeat(10_000));
    texts.push("word ".repeat(5_000));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for f in files {
        let body = std::fs::read_to_string(&f).unwrap();
        for line in body.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v["text"].as_str() {
                    texts.push(t.to_string());
                }
            }
        }
    }
    assert!(texts.len() > 1000, "the corpus was read: {}", texts.len());
    for t in &texts {
        assert_eq!(
            super::features::normalize(t),
            reference_normalize(t),
            "{t:?}"
        );
    }
    let mut s = super::features::Scratch::default();
    for kind in [FeatureKind::Message, FeatureKind::Link] {
        for bits in [12, 18] {
            for t in &texts {
                s.buckets(kind, t, bits);
                let mut fast = s.buckets.clone();
                fast.sort_unstable();
                let mut slow: Vec<u32> =
                    featurize(kind, t, bits).iter().map(|f| f.bucket).collect();
                slow.sort_unstable();
                assert_eq!(fast, slow, "{kind:?} {bits} {t:?}");
                if kind == FeatureKind::Message {
                    s.message_grams(t);
                    let mask = (1u64 << bits) - 1;
                    let mut scored: Vec<u32> =
                        s.grams.iter().map(|g| (g.0 & mask) as u32).collect();
                    scored.sort_unstable();
                    assert_eq!(scored, slow, "message_grams {bits} {t:?}");
                }
            }
        }
    }
}

/// `score` (integer sums) gives what the float sum over `featurize`'s
/// features gives, to rounding, and `predict` the same evidence.
#[test]
fn score_matches_a_float_sum_over_featurize() {
    let bytes = super::embedded(FeatureKind::Message).unwrap();
    let m = Model::from_bytes(bytes, FeatureKind::Message).unwrap();
    let n = m.classes.len();
    for t in [
        "请将资金转入安全账户配合调查",
        "【顺丰速运】您的快递已到驿站，取件码1234",
        "URGENT! You have won a £1000 prize, call 09061701461 now",
        "明天下午三点开会，记得带材料",
        "",
    ] {
        let feats = featurize(FeatureKind::Message, t, m.bits);
        let mut logits = m.bias.clone();
        for f in &feats {
            if let Some(row) = m.row(f.bucket) {
                for c in 0..n {
                    logits[c] += f32::from(row[c]) * m.scale[c] * f.value;
                }
            }
        }
        let want = super::softmax(&logits);
        let got = m.score(t);
        for (a, b) in want.iter().zip(&got.probabilities) {
            assert!(
                (a - b).abs() < 1e-5,
                "{t}: {want:?} vs {:?}",
                got.probabilities
            );
        }
        let p = m.predict(t);
        assert_eq!(p.top_class, m.classes[got.top]);
        assert_eq!(p.evidence, m.explain(t, got.top));
    }
}

/// The evidence built from gram positions (texts only for the top ones) is
/// the evidence built from every gram's text, for every class.
#[test]
fn explain_matches_the_evidence_of_every_gram_text() {
    let bytes = super::embedded(FeatureKind::Message).unwrap();
    let m = Model::from_bytes(bytes, FeatureKind::Message).unwrap();
    for t in [
        "请将资金转入安全账户配合调查，不要告诉任何人",
        "URGENT! You have won a £1000 prize, call 09061701461 now to claim",
        "【某某银行】您的账户存在异常，请点击链接 http://x.cn 验证 code 123456",
        "hello world hello world hello",
        "",
        "中",
    ] {
        for top in 0..m.classes.len() + 1 {
            let slow: Vec<(String, f32)> = if top < m.classes.len() {
                let ev = featurize(FeatureKind::Message, t, m.bits)
                    .into_iter()
                    .filter_map(|f| Some((f.text, m.contribution(f.bucket, top, f.value)?)));
                super::top_evidence(ev.collect())
            } else {
                Vec::new()
            };
            assert_eq!(m.explain(t, top), slow, "{t} {top}");
        }
    }
}

/// The normalization as first written (NFKC, lowercase, digits to `0`).
fn reference_normalize(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut end = text.len().min(super::features::MAX_FEATURE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end]
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_numeric() { '0' } else { c })
        .collect()
}

proptest::proptest! {
    #[test]
    fn normalize_is_the_reference_on_any_text(t in "\\PC{0,40}") {
        proptest::prop_assert_eq!(super::features::normalize(&t), reference_normalize(&t));
    }

    #[test]
    fn hashed_buckets_match_on_any_text(t in "[a-zA-Z0-9 中文字ａ１，.:/@?#\\-𠀀ß]{0,40}") {
        let mut s = super::features::Scratch::default();
        for kind in [FeatureKind::Message, FeatureKind::Link] {
            s.buckets(kind, &t, 16);
            let mut fast = s.buckets.clone();
            fast.sort_unstable();
            let mut slow: Vec<u32> = featurize(kind, &t, 16).iter().map(|f| f.bucket).collect();
            slow.sort_unstable();
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}

/// The packed embedded models unpack to the checked-in files; a damaged or
/// cut packed model is refused or unpacks to bytes the reader refuses.
#[test]
fn packed_models_unpack_to_the_files() {
    for (kind, file, packed) in [
        (
            FeatureKind::Message,
            &include_bytes!("../../data/models/message.fzml")[..],
            super::PACKED_MESSAGE,
        ),
        (
            FeatureKind::Link,
            &include_bytes!("../../data/models/link.fzml")[..],
            super::PACKED_LINK,
        ),
    ] {
        assert_eq!(super::embedded(kind), Some(file));
        assert!(
            packed.len() < file.len() * 3 / 4,
            "{kind:?}: {}",
            packed.len()
        );
        assert_eq!(super::pack::pack(file).as_deref(), Some(packed));
        for cut in [0, 3, 17, packed.len() / 2, packed.len() - 1] {
            assert_eq!(super::pack::unpack(&packed[..cut]), None);
        }
        for at in (0..packed.len()).step_by(packed.len() / 7) {
            let mut bad = packed.to_vec();
            bad[at] ^= 0x5a;
            if let Some(b) = super::pack::unpack(&bad) {
                assert!(
                    Model::from_bytes(&b, kind).is_err(),
                    "damage at {at} went unnoticed"
                );
            }
        }
    }
    assert_eq!(super::pack::pack(b"FZML"), None);
    assert_eq!(super::pack::pack(b"not a model"), None);
}

/// The link rules' notes (`_…` keys) are left out of the library; every
/// other member is embedded as in the file, in the file's order.
#[test]
fn embedded_link_rules_are_the_file_without_its_notes() {
    fn notes_out(v: &mut serde_json::Value) -> usize {
        match v {
            serde_json::Value::Object(m) => {
                let before = m.len();
                m.retain(|k, _| !k.starts_with('_'));
                before - m.len() + m.values_mut().map(notes_out).sum::<usize>()
            }
            serde_json::Value::Array(a) => a.iter_mut().map(notes_out).sum(),
            _ => 0,
        }
    }
    let file = include_str!("../../data/links.json");
    let mut want: serde_json::Value = serde_json::from_str(file).unwrap();
    assert!(notes_out(&mut want) > 10, "the file has its notes");
    let embedded: &str = crate::link::EMBEDDED;
    let got: serde_json::Value = serde_json::from_str(embedded).unwrap();
    assert_eq!(got, want);
    assert!(!embedded.contains("\"_"), "a note was embedded");
    assert!(embedded.len() < file.len() * 9 / 10);
    // Order kept: the brands and the weights read in the file's order.
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["brands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["id"].to_string())
            .collect()
    };
    assert_eq!(ids(&got), ids(&want));
    let keys = |t: &str| -> Vec<String> {
        let w = t.find("\"weights\"").unwrap();
        let open = w + t[w..].find('{').unwrap() + 1;
        let end = open + t[open..].find('}').unwrap();
        t[open..end]
            .split(',')
            .map(|m| m.split(':').next().unwrap().trim().to_string())
            .collect()
    };
    assert_eq!(keys(embedded).len(), keys(file).len());
    assert_eq!(keys(embedded), keys(file));
}

/// The rules' JSON is embedded compressed and reads back as the files
/// (the link rules without their notes, above).
#[test]
fn packed_json_reads_back_as_the_files() {
    use super::pack::{compress, decompress};
    let files: [(&str, &str); 1] = [(
        include_str!("../../data/patterns.json"),
        crate::message::EMBEDDED,
    )];
    for (file, embedded) in files {
        assert_eq!(file, embedded);
        let packed = compress(file.as_bytes());
        assert!(packed.len() < file.len() / 2);
        assert_eq!(decompress(&packed).as_deref(), Some(file.as_bytes()));
        // (Cutting only the last byte or two may still decode: the coder's
        // final bytes carry little.)
        for cut in [0, 3, 8, packed.len() / 2] {
            assert_ne!(decompress(&packed[..cut]).as_deref(), Some(file.as_bytes()));
        }
    }
    for data in [
        &b""[..],
        b"a",
        b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "中文中文中文".as_bytes(),
    ] {
        assert_eq!(decompress(&compress(data)).as_deref(), Some(data));
    }
}

proptest::proptest! {
    #[test]
    fn compress_round_trips_and_damage_never_panics(
        data in proptest::collection::vec(0u8..4, 0..400),
        at in 0usize..1000,
        x in 1u8..=255,
    ) {
        let packed = super::pack::compress(&data);
        proptest::prop_assert_eq!(super::pack::decompress(&packed), Some(data));
        let mut bad = packed.clone();
        let i = at % bad.len();
        bad[i] ^= x;
        let _ = super::pack::decompress(&bad);
        let _ = super::pack::unpack(&bad);
    }
}

/// Both row indexes (bitmap up to 2^20 buckets, directory beyond) find
/// exactly the rows a binary search over the buckets finds.
#[test]
fn row_index_finds_every_row_and_nothing_else() {
    let bytes = super::embedded(FeatureKind::Message).unwrap();
    let m = Model::from_bytes(bytes, FeatureKind::Message).unwrap();
    let (big, _) = train(
        FeatureKind::Message,
        &small(),
        &TrainOptions { bits: 22, ..opts() },
    )
    .unwrap();
    for m in [m, big] {
        let n = m.classes.len();
        let step = if m.bits > 20 { 97 } else { 1 };
        for b in (0..1u32 << m.bits)
            .step_by(step)
            .chain(m.buckets.iter().copied())
        {
            let want = m
                .buckets
                .binary_search(&b)
                .ok()
                .map(|i| &m.weights[i * n..(i + 1) * n]);
            assert_eq!(m.row(b), want, "bucket {b} of 2^{}", m.bits);
        }
        assert_eq!(m.row(1 << m.bits), None);
        assert_eq!(m.row(u32::MAX), None);
    }
}
