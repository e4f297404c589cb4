//! Localized titles and advice, loaded from `data/texts/*.json`.
//!
//! Lookup keys are reason codes (`number.spoofed_service`), fraud types
//! (`fraud.impersonate_authority`), per-check levels (`number.dangerous`) and
//! generic levels (`level.dangerous`). Each check owns one file.

use crate::error::{Error, Result};
use crate::fasthash::FastMap;
use crate::rules_json::{self, Fields, FromJson, Read};
use crate::verdict::Lang;
use serde_json::Value;

/// Embedded text files, one per check plus the shared one (compressed by
/// `build.rs`).
pub(crate) static EMBEDDED: [(&str, &crate::model::PackedText); 6] = [
    ("common", crate::packed_json!("texts/common")),
    ("number", crate::packed_json!("texts/number")),
    ("link", crate::packed_json!("texts/link")),
    ("message", crate::packed_json!("texts/message")),
    ("payment", crate::packed_json!("texts/payment")),
    ("store", crate::packed_json!("texts/store")),
];

#[derive(Debug, Clone, Default)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
struct Localized<T> {
    en: T,
    #[cfg_attr(test, serde(rename = "zh-Hans"))]
    zh: T,
}

impl<T> Localized<T> {
    fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::ZhHans => &self.zh,
        }
    }
}

#[derive(Debug, Default)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
struct TextFile {
    #[cfg_attr(test, serde(default))]
    titles: FastMap<String, Localized<String>>,
    #[cfg_attr(test, serde(default))]
    advice: FastMap<String, Localized<Vec<String>>>,
}

impl<T: FromJson> FromJson for Localized<T> {
    fn from_json(v: &Value) -> Read<Localized<T>> {
        let f = Fields::of(v)?;
        Ok(Localized {
            en: f.req("en")?,
            zh: f.req("zh-Hans")?,
        })
    }
}

impl FromJson for TextFile {
    fn from_json(v: &Value) -> Read<TextFile> {
        let f = Fields::of(v)?;
        Ok(TextFile {
            titles: f.opt("titles")?,
            advice: f.opt("advice")?,
        })
    }
}

/// All titles and advice, merged from the text files.
#[derive(Debug, Default)]
pub struct Texts {
    titles: FastMap<String, Localized<String>>,
    advice: FastMap<String, Localized<Vec<String>>>,
}

impl Texts {
    /// Loads and merges text files; a key defined twice is an error, so a
    /// typo can't silently shadow another check's text.
    pub(crate) fn from_sources(sources: &[(&str, &str)]) -> Result<Texts> {
        let mut texts = Texts::default();
        for (name, json) in sources {
            let file: TextFile = rules_json::from_str(json)
                .map_err(|e| Error::rules("texts", format!("{name}: {e}")))?;
            for (k, v) in file.titles {
                if texts.titles.insert(k.clone(), v).is_some() {
                    return Err(Error::rules("texts", format!("title {k} defined twice")));
                }
            }
            for (k, v) in file.advice {
                if texts.advice.insert(k.clone(), v).is_some() {
                    return Err(Error::rules("texts", format!("advice {k} defined twice")));
                }
            }
        }
        Ok(texts)
    }

    pub(crate) fn embedded() -> Result<Texts> {
        let sources: Vec<(&str, &str)> = EMBEDDED.iter().map(|(n, t)| (*n, &***t)).collect();
        Texts::from_sources(&sources)
    }

    /// The title for `key` in `lang`, `{name}` replaced.
    pub fn title(&self, key: &str, lang: Lang, name: Option<&str>) -> Option<String> {
        self.titles.get(key).map(|t| fill(t.get(lang), name))
    }

    /// The advice lines for `key` in `lang`.
    pub fn advice(&self, key: &str, lang: Lang) -> &[String] {
        self.advice
            .get(key)
            .map(|a| a.get(lang).as_slice())
            .unwrap_or(&[])
    }

    /// True when a title exists for `key`.
    pub fn has_title(&self, key: &str) -> bool {
        self.titles.contains_key(key)
    }
}

fn fill(template: &str, name: Option<&str>) -> String {
    if !template.contains('{') {
        return template.to_string();
    }
    match name {
        Some(n) => template.replace("{name}", n),
        None => template
            .replace("{name}", "")
            .replace("  ", " ")
            .trim()
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_texts_load_without_duplicates() {
        Texts::embedded().expect("embedded texts load");
    }

    #[test]
    fn a_key_defined_twice_is_refused() {
        let a = r#"{"titles":{"x.y":{"en":"a","zh-Hans":"甲"}}}"#;
        assert!(Texts::from_sources(&[("a", a), ("b", a)]).is_err());
    }

    #[test]
    fn every_fraud_type_has_title_and_advice_in_both_languages() {
        let t = Texts::embedded().unwrap();
        for ft in crate::FraudType::ALL {
            let key = format!("fraud.{}", ft.as_str());
            for lang in [Lang::En, Lang::ZhHans] {
                assert!(
                    t.title(&key, lang, None).is_some_and(|s| !s.is_empty()),
                    "{key}"
                );
                assert!(!t.advice(&key, lang).is_empty(), "{key}");
            }
        }
    }

    #[test]
    fn every_check_has_a_title_per_level() {
        let t = Texts::embedded().unwrap();
        for kind in ["number"] {
            for level in ["trusted", "clear", "suspicious", "dangerous"] {
                assert!(t.has_title(&format!("{kind}.{level}")), "{kind}.{level}");
            }
        }
    }

    #[test]
    fn name_placeholder() {
        let t = Texts::embedded().unwrap();
        assert_eq!(
            t.title("number.trusted", Lang::En, Some("ICBC")).unwrap(),
            "Official number: ICBC"
        );
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;

    /// The hand-written reader loads every embedded text file as serde's
    /// derive does, and refuses what it refuses.
    #[test]
    fn reads_as_the_serde_derive_does() {
        for (name, text) in &EMBEDDED {
            let text: &str = text;
            let hand: TextFile = rules_json::from_str(text).unwrap();
            let derived: TextFile = serde_json::from_str(text).unwrap();
            assert!(hand == derived, "{name}");
        }
        for bad in [
            r#"{"titles": {"a": {"en": "x"}}}"#,
            r#"{"titles": {"a": {"en": "x", "zh-Hans": 1}}}"#,
            r#"{"advice": {"a": {"en": ["x"], "zh-Hans": "y"}}}"#,
            r#"{"advice": []}"#,
        ] {
            assert!(rules_json::from_str::<TextFile>(bad).is_err(), "{bad}");
            assert!(serde_json::from_str::<TextFile>(bad).is_err(), "{bad}");
        }
    }
}
