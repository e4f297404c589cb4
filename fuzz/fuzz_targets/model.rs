//! Model files are hostile input (a publisher's model rides in a feed; a
//! damaged file on disk): `Model::from_bytes` for both feature kinds, then
//! `predict`. Byte 0 picks the kind and how the rest is used:
//!
//! - raw bytes as a file;
//! - raw bytes behind a valid header, with a valid checksum appended (so the
//!   parser gets past the magic, kind and checksum checks);
//! - a small trained model with the bytes as (offset, xor) mutations and the
//!   checksum fixed up (reaches every field of a real file).
//!
//! Nothing may panic; a model that loads must give finite probabilities in
//! 0..=1 that sum to 1, finite evidence, and must survive a round trip.
#![no_main]

use fanzha_core::model::{train, FeatureKind, Model, TrainOptions};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// A small trained model of each kind (built once, deterministic).
fn trained(kind: FeatureKind) -> &'static [u8] {
    static MSG: OnceLock<Vec<u8>> = OnceLock::new();
    static LINK: OnceLock<Vec<u8>> = OnceLock::new();
    let (cell, ex): (_, &[(&str, &str)]) = match kind {
        FeatureKind::Message => (
            &MSG,
            &[
                ("请将资金转入安全账户配合调查", "impersonate_authority"),
                ("刷单返利日结佣金", "rebate_task"),
                ("您的快递已到驿站请取件", "benign"),
                ("Your parcel is at the locker, code 1234", "benign"),
            ],
        ),
        FeatureKind::Link => (
            &LINK,
            &[
                ("http://icbc-verify-login.top/a", "phishing"),
                ("http://secure-95588.xyz/login", "phishing"),
                ("https://www.icbc.com.cn/", "benign"),
                ("https://example.org/docs", "benign"),
            ],
        ),
    };
    cell.get_or_init(|| {
        let ex: Vec<(String, String)> = ex
            .iter()
            .map(|(t, c)| (t.to_string(), c.to_string()))
            .collect();
        let opts = TrainOptions {
            holdback_every: 0,
            bits: 10,
            ..TrainOptions::default()
        };
        train(kind, &ex, &opts).expect("trains").0.to_bytes()
    })
}

fn with_checksum(mut body: Vec<u8>) -> Vec<u8> {
    let sum = xxhash_rust::xxh3::xxh3_64(&body);
    body.extend_from_slice(&sum.to_le_bytes());
    body
}

const TEXTS: [&str; 4] = [
    "",
    "请将资金转入安全账户 http://a.top/x 13800138000",
    "http://icbc.com.cn@evil.top:8080/%2e%2e/login?x=1",
    "ＵＲＧＥＮＴ 中奖 won a prize 𝟙𝟚𝟛 \u{200b}",
];

fn check(bytes: &[u8], kind: FeatureKind) {
    let Ok(m) = Model::from_bytes(bytes, kind) else {
        return;
    };
    for text in TEXTS {
        let p = m.predict(text);
        let mut sum = 0.0f32;
        for (class, prob) in &p.probabilities {
            assert!(
                prob.is_finite() && (0.0..=1.0).contains(prob),
                "probability {prob} for {class}"
            );
            sum += prob;
        }
        assert!((sum - 1.0).abs() < 1e-3, "probabilities sum to {sum}");
        let f = p.fraud_probability();
        assert!(f.is_finite() && (-1e-3..=1.0 + 1e-3).contains(&f), "{f}");
        assert!(p.evidence.iter().all(|(_, w)| w.is_finite()));
    }
    let again = Model::from_bytes(&m.to_bytes(), kind).expect("a loaded model re-loads");
    assert_eq!(again, m, "round trip");
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let kind = if mode & 1 == 0 {
        FeatureKind::Message
    } else {
        FeatureKind::Link
    };
    match (mode >> 1) % 3 {
        0 => {
            check(rest, FeatureKind::Message);
            check(rest, FeatureKind::Link);
        }
        1 => {
            // Magic, version and kind of a real file, then the fuzz bytes.
            let mut body = trained(kind)[..7].to_vec();
            body.extend_from_slice(rest);
            check(&with_checksum(body), kind);
        }
        _ => {
            let real = trained(kind);
            let mut body = real[..real.len() - 8].to_vec();
            for m in rest.chunks_exact(3) {
                let at = usize::from(u16::from_le_bytes([m[0], m[1]])) % body.len();
                body[at] ^= m[2];
            }
            // A trailing odd byte cuts the file there (or not).
            if rest.len() % 3 == 1 {
                body.truncate(usize::from(rest[rest.len() - 1]) * 4 % (body.len() + 1));
            }
            check(&with_checksum(body), kind);
        }
    }
});
