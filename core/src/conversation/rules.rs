//! The conversation rules (`data/conversation.json`), compiled: stages with
//! their pattern groups and keywords, the arc table, fraud-type cues, and
//! the weights of the message check's and the model's evidence.

use crate::error::{Error, Result};
use crate::message::Normalized;
#[cfg(test)]
use crate::message::PatternSet;
use crate::rules_json::{self, Fields, FromJson, Read};
use crate::verdict::FraudType;
use aho_corasick::AhoCorasick;
use serde_json::Value;

pub(crate) static EMBEDDED: &crate::model::PackedText = crate::packed_json!("conversation");

/// Most stages, keywords of one list, and characters of one keyword: a
/// rule file can't make matching slow.
const MAX_STAGES: usize = 32;
const MAX_KEYWORDS: usize = 2_000;
const MAX_KEYWORD_CHARS: usize = 64;

fn err(why: impl std::fmt::Display) -> Error {
    Error::rules("conversation", why)
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
#[cfg_attr(test, serde(deny_unknown_fields))]
struct RawRules {
    #[cfg_attr(test, serde(rename = "_comment", default))]
    _comment: serde_json::Value,
    version: String,
    stages: Vec<RawStage>,
    arc: RawArc,
    types: Vec<RawType>,
    /// Phrases that say the opposite of a stage's words ("老师不会私下收钱",
    /// "we will never ask for your PIN"): stage words inside one don't count.
    #[cfg_attr(test, serde(default))]
    negated: Vec<String>,
    /// How far past a negated phrase its negation reaches, in bytes of the
    /// compact form (6: two CJK characters).
    #[cfg_attr(test, serde(default))]
    negation_reach_bytes: usize,
    message: RawMessage,
    model: RawModel,
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
#[cfg_attr(test, serde(deny_unknown_fields))]
struct RawStage {
    id: String,
    code: String,
    arc: bool,
    weight: i32,
    #[cfg_attr(test, serde(default = "remote_only"))]
    speakers: Vec<String>,
    #[cfg_attr(test, serde(default))]
    groups: Vec<String>,
    #[cfg_attr(test, serde(default))]
    keywords: Vec<String>,
}

fn remote_only() -> Vec<String> {
    vec!["remote".to_string()]
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
#[cfg_attr(test, serde(deny_unknown_fields))]
struct RawArc {
    code: String,
    #[cfg_attr(test, serde(default = "one"))]
    min_turns: usize,
    weights: Vec<i32>,
}

fn one() -> usize {
    1
}

impl FromJson for RawRules {
    fn from_json(v: &Value) -> Read<RawRules> {
        let f = Fields::only(
            v,
            &[
                "_comment",
                "version",
                "stages",
                "arc",
                "types",
                "negated",
                "negation_reach_bytes",
                "message",
                "model",
            ],
        )?;
        Ok(RawRules {
            _comment: f.opt("_comment")?,
            version: f.req("version")?,
            stages: f.req("stages")?,
            arc: f.req("arc")?,
            types: f.req("types")?,
            negated: f.opt("negated")?,
            negation_reach_bytes: f.opt("negation_reach_bytes")?,
            message: f.req("message")?,
            model: f.req("model")?,
        })
    }
}

impl FromJson for RawStage {
    fn from_json(v: &Value) -> Read<RawStage> {
        let f = Fields::only(
            v,
            &[
                "id", "code", "arc", "weight", "speakers", "groups", "keywords",
            ],
        )?;
        Ok(RawStage {
            id: f.req("id")?,
            code: f.req("code")?,
            arc: f.req("arc")?,
            weight: f.req("weight")?,
            speakers: f.or_else("speakers", remote_only)?,
            groups: f.opt("groups")?,
            keywords: f.opt("keywords")?,
        })
    }
}

impl FromJson for RawArc {
    fn from_json(v: &Value) -> Read<RawArc> {
        let f = Fields::only(v, &["code", "min_turns", "weights"])?;
        Ok(RawArc {
            code: f.req("code")?,
            min_turns: f.or_else("min_turns", one)?,
            weights: f.req("weights")?,
        })
    }
}

impl FromJson for RawType {
    fn from_json(v: &Value) -> Read<RawType> {
        let f = Fields::only(v, &["type", "vote", "keywords"])?;
        Ok(RawType {
            fraud_type: f.req("type")?,
            vote: f.req("vote")?,
            keywords: f.req("keywords")?,
        })
    }
}

impl FromJson for RawMessage {
    fn from_json(v: &Value) -> Read<RawMessage> {
        let f = Fields::only(v, &["code", "factor"])?;
        Ok(RawMessage {
            code: f.req("code")?,
            factor: f.req("factor")?,
        })
    }
}

impl FromJson for RawModel {
    fn from_json(v: &Value) -> Read<RawModel> {
        let f = Fields::only(
            v,
            &["code", "suspicious_weight", "dangerous_weight", "vote"],
        )?;
        Ok(RawModel {
            code: f.req("code")?,
            suspicious_weight: f.req("suspicious_weight")?,
            dangerous_weight: f.req("dangerous_weight")?,
            vote: f.req("vote")?,
        })
    }
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
#[cfg_attr(test, serde(deny_unknown_fields))]
struct RawType {
    #[cfg_attr(test, serde(rename = "type"))]
    fraud_type: String,
    vote: i32,
    keywords: Vec<String>,
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
#[cfg_attr(test, serde(deny_unknown_fields))]
struct RawMessage {
    code: String,
    factor: f32,
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
#[cfg_attr(test, serde(deny_unknown_fields))]
struct RawModel {
    code: String,
    suspicious_weight: i32,
    dangerous_weight: i32,
    vote: i32,
}

/// One compiled stage.
#[derive(Debug)]
pub(crate) struct Stage {
    pub id: String,
    pub code: String,
    /// Part of the arc (in the order of the file).
    pub arc: bool,
    pub weight: i32,
    pub remote: bool,
    pub local: bool,
    /// Pattern-group names (resolved against the snapshot's pattern set at
    /// check time: a feed may replace the patterns).
    pub groups: Vec<String>,
}

/// A keyword list compiled into one automaton: each pattern maps to the
/// owners (stages or types) listing it.
#[derive(Debug)]
pub(crate) struct Keywords {
    automaton: Option<AhoCorasick>,
    /// Per pattern: its compact text and its owners.
    patterns: Vec<(String, Vec<usize>)>,
}

impl Keywords {
    fn build(lists: &[&[String]]) -> Result<Keywords> {
        let mut patterns: Vec<(String, Vec<usize>)> = Vec::new();
        for (owner, list) in lists.iter().enumerate() {
            if list.len() > MAX_KEYWORDS {
                return Err(err(format!("more than {MAX_KEYWORDS} keywords in a list")));
            }
            for kw in list.iter() {
                if kw.chars().count() > MAX_KEYWORD_CHARS {
                    return Err(err(format!("keyword over {MAX_KEYWORD_CHARS} characters")));
                }
                let compact = Normalized::new(kw).compact.trim().to_string();
                if compact.is_empty() {
                    return Err(err("an empty keyword"));
                }
                match patterns.iter_mut().find(|(p, _)| *p == compact) {
                    Some((_, owners)) if !owners.contains(&owner) => owners.push(owner),
                    Some(_) => {}
                    None => patterns.push((compact, vec![owner])),
                }
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::Standard)
                    .build(patterns.iter().map(|(p, _)| p.as_str()))
                    .map_err(err)?,
            )
        };
        Ok(Keywords {
            automaton,
            patterns,
        })
    }

    /// For each owner, the first keyword of its list found in `compact`
    /// (Latin keywords only at word edges), leaving out matches inside one
    /// of the `negated` byte spans.
    pub fn find<'k>(
        &'k self,
        compact: &str,
        owners: usize,
        negated: &[(usize, usize)],
    ) -> Vec<Option<&'k str>> {
        let mut found: Vec<Option<&str>> = vec![None; owners];
        let Some(ac) = &self.automaton else {
            return found;
        };
        for m in ac.find_overlapping_iter(compact) {
            let (text, who) = &self.patterns[m.pattern().as_usize()];
            if !at_word_edges(compact, m.start(), m.end()) || inside(negated, m.start(), m.end()) {
                continue;
            }
            for &o in who {
                if let Some(slot) = found.get_mut(o) {
                    slot.get_or_insert(text.as_str());
                }
            }
        }
        found
    }

    /// The byte spans of every match in `compact` (word edges as [`find`]),
    /// each extended by `reach` bytes past its end.
    ///
    /// [`find`]: Keywords::find
    pub fn spans(&self, compact: &str, reach: usize) -> Vec<(usize, usize)> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        ac.find_overlapping_iter(compact)
            .filter(|m| at_word_edges(compact, m.start(), m.end()))
            .map(|m| (m.start(), m.end().saturating_add(reach)))
            .collect()
    }
}

/// True when `start..end` lies within one of `spans`.
pub(crate) fn inside(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(s, e)| s <= start && end <= e)
}

/// A match of ASCII letters or digits must not continue a word on either
/// side (`pin` is not in `shopping`); CJK has no word edges.
fn at_word_edges(hay: &str, start: usize, end: usize) -> bool {
    let b = hay.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric();
    let starts_word = b.get(start).is_some_and(|&c| word(c));
    let ends_word = end > 0 && b.get(end - 1).is_some_and(|&c| word(c));
    let glued_before = starts_word && start > 0 && word(b[start - 1]);
    let glued_after = ends_word && b.get(end).is_some_and(|&c| word(c));
    !glued_before && !glued_after
}

/// The compiled conversation rules.
#[derive(Debug)]
pub(crate) struct ConversationRules {
    pub version: String,
    pub stages: Vec<Stage>,
    /// Stage keywords; owners are stage indexes.
    pub stage_keywords: Keywords,
    pub arc_code: String,
    /// Distinct turns a run must span to count.
    pub arc_min_turns: usize,
    /// Weight by the length of the longest in-order run of arc stages.
    pub arc_weights: Vec<i32>,
    /// `(type, vote)`; keywords in `type_keywords` (owners: these indexes).
    pub types: Vec<(FraudType, i32)>,
    pub type_keywords: Keywords,
    /// Negated phrases (one owner).
    pub negated: Keywords,
    /// Bytes past a negated phrase its negation reaches.
    pub negation_reach: usize,
    pub message_code: String,
    pub message_factor: f32,
    pub model_code: String,
    pub model_suspicious: i32,
    pub model_dangerous: i32,
    pub model_vote: i32,
}

impl ConversationRules {
    /// Compiles the rules. Refuses unknown fields, fraud types and
    /// speakers, weights outside −100..=100, an arc table that isn't one
    /// entry per possible run length, a factor outside 0..=1, oversized
    /// keyword lists and duplicate stage ids.
    pub fn from_json(json: &str) -> Result<ConversationRules> {
        let raw: RawRules = rules_json::from_str(json).map_err(err)?;
        let weight_ok = |w: i32| (-100..=100).contains(&w);
        if raw.stages.is_empty() || raw.stages.len() > MAX_STAGES {
            return Err(err(format!("need 1 to {MAX_STAGES} stages")));
        }
        let mut stages = Vec::new();
        for s in &raw.stages {
            if !weight_ok(s.weight) {
                return Err(err(format!("stage {}: weight outside -100..=100", s.id)));
            }
            if !s.code.starts_with("conversation.") {
                return Err(err(format!(
                    "stage {}: code must start with conversation.",
                    s.id
                )));
            }
            if stages.iter().any(|t: &Stage| t.id == s.id) {
                return Err(err(format!("stage {} given twice", s.id)));
            }
            let mut remote = false;
            let mut local = false;
            for sp in &s.speakers {
                match sp.as_str() {
                    "remote" => remote = true,
                    "local" => local = true,
                    other => return Err(err(format!("stage {}: unknown speaker {other}", s.id))),
                }
            }
            stages.push(Stage {
                id: s.id.clone(),
                code: s.code.clone(),
                arc: s.arc,
                weight: s.weight,
                remote,
                local,
                groups: s.groups.clone(),
            });
        }
        let arc_len = stages.iter().filter(|s| s.arc).count();
        if raw.arc.weights.len() != arc_len + 1 || !raw.arc.weights.iter().all(|&w| weight_ok(w)) {
            return Err(err(format!(
                "arc weights: one per run length 0..={arc_len}, each within -100..=100"
            )));
        }
        let lists: Vec<&[String]> = raw.stages.iter().map(|s| s.keywords.as_slice()).collect();
        let stage_keywords = Keywords::build(&lists)?;
        let mut types = Vec::new();
        for t in &raw.types {
            let ft = FraudType::parse(&t.fraud_type)
                .ok_or_else(|| err(format!("unknown fraud type {}", t.fraud_type)))?;
            if !weight_ok(t.vote) {
                return Err(err("type vote outside -100..=100"));
            }
            types.push((ft, t.vote));
        }
        let lists: Vec<&[String]> = raw.types.iter().map(|t| t.keywords.as_slice()).collect();
        let type_keywords = Keywords::build(&lists)?;
        let negated = Keywords::build(&[raw.negated.as_slice()])?;
        if !(0.0..=1.0).contains(&raw.message.factor) {
            return Err(err("message factor outside 0..=1"));
        }
        let m = &raw.model;
        if ![m.suspicious_weight, m.dangerous_weight, m.vote]
            .into_iter()
            .all(weight_ok)
        {
            return Err(err("model weights outside -100..=100"));
        }
        for code in [&raw.arc.code, &raw.message.code, &m.code] {
            if !code.starts_with("conversation.") {
                return Err(err("codes must start with conversation."));
            }
        }
        Ok(ConversationRules {
            version: raw.version,
            stages,
            stage_keywords,
            arc_code: raw.arc.code,
            arc_min_turns: raw.arc.min_turns,
            arc_weights: raw.arc.weights,
            types,
            type_keywords,
            negated,
            negation_reach: raw.negation_reach_bytes.min(64),
            message_code: raw.message.code,
            message_factor: raw.message.factor,
            model_code: m.code.clone(),
            model_suspicious: m.suspicious_weight,
            model_dangerous: m.dangerous_weight,
            model_vote: m.vote,
        })
    }

    /// Pattern groups a stage names that the pattern set doesn't have (a
    /// feed's patterns may drop a group: the stage then keeps its keywords).
    #[cfg(test)]
    pub fn unknown_groups<'a>(&'a self, p: &PatternSet) -> Vec<&'a str> {
        self.stages
            .iter()
            .flat_map(|s| s.groups.iter())
            .filter(|g| p.feature(g).is_none())
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;
    use crate::rules_json::derive_check::{both_refuse, read_alike, same_as_derive};

    /// The hand-written reader loads what serde's derive loads, and refuses
    /// what it refuses (unknown fields included).
    #[test]
    fn reads_as_the_serde_derive_does() {
        let embedded: &str = EMBEDDED;
        let good = same_as_derive::<RawRules>(embedded);
        both_refuse::<RawRules>(
            &good,
            &[
                ("/stages/0/arc", 1.into()),
                ("/stages/0/weight", 0.5.into()),
                ("/arc/weights", "x".into()),
                ("/types/0/vote", Value::Null),
                ("/message/factor", "x".into()),
                ("/model/vote", 3_000_000_000u64.into()),
                ("/version", 1.into()),
            ],
        );
        for at in ["", "/stages/0", "/arc", "/types/0", "/message", "/model"] {
            let mut v = good.clone();
            v.pointer_mut(at).unwrap()["surprise"] = 1.into();
            let text = v.to_string();
            assert!(rules_json::from_str::<RawRules>(&text).is_err(), "{at}");
            assert!(serde_json::from_str::<RawRules>(&text).is_err(), "{at}");
        }
        let mut v = good.clone();
        v.as_object_mut().unwrap().remove("_comment");
        v["arc"].as_object_mut().unwrap().remove("min_turns");
        v["stages"][0].as_object_mut().unwrap().remove("speakers");
        read_alike::<RawRules>(&v);
    }
}
