//! Conversations: a call transcript or a chat thread, judged as a whole.
//!
//! A scam call is rarely one damning sentence; it is an arc. Someone claims
//! authority (police, a platform's customer service, the bank, a boss or an
//! old friend), makes the person afraid or in a hurry (a crime, a frozen
//! account, a fee, an emergency), cuts them off (keep it secret, stay on the
//! line, share your screen), and asks for money or credentials (transfer to
//! a "safe account", read me the code). Each step alone is ordinary; the
//! run of them is the scam.
//!
//! How a conversation is scored (weights and words are data,
//! `data/conversation.json`):
//! 1. every turn is normalized as the message check does it and matched
//!    against the message pattern set's groups and the stages' own keywords;
//!    a **stage** (`conversation.authority`, `.fear`, `.secrecy`,
//!    `.transfer`, plus the user's `conversation.compliance` and the remote
//!    side's `conversation.protective_advice`) counts once, with the turns
//!    it came from as evidence;
//! 2. the **arc** (`conversation.arc`): the longest run of arc stages that
//!    appear in arc order (by the turn each first appears in) adds a weight
//!    by its length;
//! 3. the **message check** on the remote side's text as one message
//!    (patterns across turns, links and numbers with their own checks):
//!    its evidence, scaled, is one reason (`conversation.message`) and its
//!    fraud type a vote;
//! 4. the **message model** of the snapshot, when there is one, on the
//!    remote side's text (`conversation.model`, with its top n-grams);
//! 5. fraud-type cues on the remote side vote for the type.
//!
//! The verdict has kind `message` (its actions and thresholds), its input a
//! preview of the dialogue, and its reasons name the stages and turns.
//!
//! ```
//! use fanzha_core::conversation::{Speaker, Turn};
//! use fanzha_core::{FraudType, Guard, Level, Settings};
//!
//! let guard = Guard::new(Settings::default()).unwrap();
//! let call = [
//!     Turn::remote("喂 这里是市公安局刑侦大队 你的身份证涉嫌一起洗钱案"),
//!     Turn::local("不可能吧 我该怎么做"),
//!     Turn::remote("案件保密 不要告诉任何人 找个没人的地方"),
//!     Turn::remote("把你卡里的钱转到安全账户配合调查"),
//! ];
//! let v = guard.check_conversation(&call).unwrap();
//! assert_eq!(v.level, Level::Dangerous);
//! assert_eq!(v.fraud_type, Some(FraudType::ImpersonateAuthority));
//! assert!(v.has_reason("conversation.arc"));
//!
//! let ok = guard
//!     .check_conversation(&[
//!         Turn::remote("你好 顺丰快递 你的件到了 在家吗"),
//!         Turn::local("在 放门口就行"),
//!     ])
//!     .unwrap();
//! assert_eq!(ok.level, Level::Clear);
//! ```
//!
//! Bounds: at most [`MAX_TURNS`] turns and [`MAX_BYTES`] bytes of text in
//! all; more is refused (`InvalidInput`), as is a conversation with no
//! visible text. Cost: linear in the text (one normalization and pattern
//! match per turn, one message check and one model pass over the remote
//! side).

mod rules;

use crate::error::{Error, Result};
use crate::message::{self, Normalized, MAX_REGEX_BYTES};
use crate::scoring::Assessment;
use crate::snapshot::Snapshot;
use crate::verdict::{FraudType, Kind, Lang, Level, Verdict};
use rules::ConversationRules;
use std::sync::OnceLock;

/// Most turns in one conversation.
pub const MAX_TURNS: usize = 500;
/// Most bytes of text in one conversation, all turns together (256 KiB:
/// about an hour of transcribed Chinese speech).
pub const MAX_BYTES: usize = 256 << 10;
/// Characters of the dialogue kept in `Verdict.input`.
const PREVIEW_CHARS: usize = 160;
/// Turns named as evidence per stage.
const MAX_EVIDENCE_TURNS: usize = 3;

/// Who spoke a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// The other party: the caller, the chat contact.
    Remote,
    /// The user of the device.
    Local,
}

impl Speaker {
    /// `remote` or `local`.
    pub fn as_str(self) -> &'static str {
        match self {
            Speaker::Remote => "remote",
            Speaker::Local => "local",
        }
    }

    /// Parses `remote` / `local`.
    pub fn parse(s: &str) -> Option<Speaker> {
        match s {
            "remote" => Some(Speaker::Remote),
            "local" => Some(Speaker::Local),
            _ => None,
        }
    }
}

/// One turn of a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Who said it.
    pub speaker: Speaker,
    /// What was said.
    pub text: String,
}

impl Turn {
    /// A turn of the other party.
    pub fn remote(text: impl Into<String>) -> Turn {
        Turn {
            speaker: Speaker::Remote,
            text: text.into(),
        }
    }

    /// A turn of the user.
    pub fn local(text: impl Into<String>) -> Turn {
        Turn {
            speaker: Speaker::Local,
            text: text.into(),
        }
    }
}

static RULES: OnceLock<std::result::Result<ConversationRules, String>> = OnceLock::new();

/// The embedded conversation rules, compiled once per process.
fn rules() -> Result<&'static ConversationRules> {
    RULES
        .get_or_init(|| ConversationRules::from_json(rules::EMBEDDED).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|why| Error::rules("conversation", why))
}

/// The version of the conversation rules in use.
pub fn rules_version() -> Result<&'static str> {
    Ok(rules()?.version.as_str())
}

/// Where a stage was seen: every turn, and the evidence of the first few.
#[derive(Debug, Default, Clone)]
struct Seen {
    turns: Vec<usize>,
    evidence: Vec<(usize, String)>,
}

/// Checks the bounds (visible text is checked while matching).
fn validate(turns: &[Turn]) -> Result<()> {
    let bad = |why| Err(Error::input(Kind::Message, why));
    if turns.is_empty() {
        return bad("empty conversation: no turns");
    }
    if turns.len() > MAX_TURNS {
        return bad("conversation has more than 500 turns");
    }
    let bytes: usize = turns.iter().map(|t| t.text.len()).sum();
    if bytes > MAX_BYTES {
        return bad("conversation text is over 256 KiB");
    }
    Ok(())
}

/// The conversation check (see the module docs).
pub(crate) fn check(snap: &Snapshot, region: &str, lang: Lang, turns: &[Turn]) -> Result<Verdict> {
    validate(turns)?;
    let r = rules()?;
    let p = &snap.patterns;
    // Pattern-group ids of each stage in this snapshot's pattern set.
    let stage_groups: Vec<Vec<_>> = r
        .stages
        .iter()
        .map(|s| s.groups.iter().filter_map(|g| p.feature(g)).collect())
        .collect();

    let mut seen: Vec<Seen> = vec![Seen::default(); r.stages.len()];
    let mut type_hits: Vec<bool> = vec![false; r.types.len()];
    let mut remote_text = String::new();
    let mut visible = 0usize;
    for (i, turn) in turns.iter().enumerate() {
        let norm = Normalized::with_symbols(&turn.text, &p.symbol_words);
        if norm.compact.trim().is_empty() {
            continue;
        }
        visible += 1;
        let remote = turn.speaker == Speaker::Remote;
        if remote {
            if !remote_text.is_empty() {
                remote_text.push('\n');
            }
            remote_text.push_str(&turn.text);
        }
        let mut features = p.features();
        p.match_body(&norm, MAX_REGEX_BYTES, &mut features);
        // Words inside a negated phrase count for no risk stage; stages
        // that lower the score (protective advice) read every word.
        let negated = r.negated.spans(&norm.compact, r.negation_reach);
        let risky = r
            .stage_keywords
            .find(&norm.compact, r.stages.len(), &negated);
        let every = r.stage_keywords.find(&norm.compact, r.stages.len(), &[]);
        for (si, stage) in r.stages.iter().enumerate() {
            if !(remote && stage.remote || !remote && stage.local) {
                continue;
            }
            let negatable = stage.weight > 0;
            let group = stage_groups[si].iter().find_map(|&g| {
                let text = p.evidence_text(features.get(g)?, &norm.compact, g);
                // A pattern's words inside a negated phrase don't count.
                let phrase = text.trim_matches('"').trim_end_matches('…');
                let at = norm.compact.find(phrase);
                match at {
                    Some(s)
                        if negatable
                            && !phrase.is_empty()
                            && rules::inside(&negated, s, s + phrase.len()) =>
                    {
                        None
                    }
                    _ => Some(text),
                }
            });
            let keyword = if negatable { risky[si] } else { every[si] };
            let evidence = group.or_else(|| keyword.map(|k| format!("\"{k}\"")));
            if let Some(ev) = evidence {
                let s = &mut seen[si];
                s.turns.push(i);
                if s.evidence.len() < MAX_EVIDENCE_TURNS {
                    s.evidence.push((i, ev));
                }
            }
        }
        if remote {
            for (ti, hit) in r
                .type_keywords
                .find(&norm.compact, r.types.len(), &negated)
                .into_iter()
                .enumerate()
            {
                type_hits[ti] |= hit.is_some();
            }
        }
    }

    if visible == 0 {
        return Err(Error::input(
            Kind::Message,
            "empty conversation: no turn has visible text",
        ));
    }
    let mut a = Assessment::new(Kind::Message, preview(turns));

    // 1. Stages.
    for (si, stage) in r.stages.iter().enumerate() {
        let s = &seen[si];
        if s.turns.is_empty() || stage.weight == 0 {
            continue;
        }
        let detail = s
            .evidence
            .iter()
            .map(|(t, ev)| format!("turn {} ({}): {ev}", t + 1, turns[*t].speaker.as_str()))
            .collect::<Vec<_>>()
            .join("; ");
        a.add(&stage.code, stage.weight, format!("{}: {detail}", stage.id));
    }

    // 2. The arc: the longest run of arc stages in arc order, each at a
    // turn not before the previous one's.
    let arc: Vec<(usize, &[usize])> = r
        .stages
        .iter()
        .enumerate()
        .filter(|(_, s)| s.arc)
        .map(|(si, _)| (si, seen[si].turns.as_slice()))
        .collect();
    let run = longest_ordered_run(&arc);
    let mut run_turns: Vec<usize> = run.iter().map(|&(_, t)| t).collect();
    run_turns.dedup();
    let arc_weight = if run_turns.len() < r.arc_min_turns {
        0
    } else {
        r.arc_weights.get(run.len()).copied().unwrap_or(0)
    };
    if arc_weight != 0 {
        let detail = run
            .iter()
            .map(|&(si, t)| format!("{} (turn {})", r.stages[si].id, t + 1))
            .collect::<Vec<_>>()
            .join(" → ");
        a.add(&r.arc_code, arc_weight, detail);
    }

    // 3. The message check on the remote side as one message.
    if !remote_text.trim().is_empty() {
        if let Ok(v) = message::check(snap, region, lang, None, &remote_text) {
            let evidence: Vec<&crate::verdict::Reason> = v
                .reasons
                .iter()
                .filter(|x| x.weight > 0 && !x.code.starts_with("message.model"))
                .collect();
            let total: i32 = v
                .reasons
                .iter()
                .filter(|x| !x.code.starts_with("message.model"))
                .map(|x| x.weight)
                .sum::<i32>()
                .clamp(0, 100);
            let weight = (total as f32 * r.message_factor).round() as i32;
            if weight > 0 && !evidence.is_empty() {
                let codes: Vec<&str> = evidence.iter().map(|x| x.code.as_str()).collect();
                a.add(
                    &r.message_code,
                    weight,
                    format!(
                        "the remote side's text as one message: {}",
                        codes.join(", ")
                    ),
                );
                if let Some(t) = v.fraud_type {
                    a.vote(t, weight);
                }
            }
        }
    }

    // 4. The message model on the remote side.
    if let (Some(model), false) = (&snap.message_model, remote_text.trim().is_empty()) {
        let pred = model.predict(&remote_text);
        let prob = pred.fraud_probability();
        let cal = &model.calibration;
        let weight = if prob >= cal.dangerous_at {
            r.model_dangerous
        } else if prob >= cal.suspicious_at {
            r.model_suspicious
        } else {
            0
        };
        if weight != 0 {
            let grams: Vec<String> = pred
                .evidence
                .iter()
                .map(|(g, _)| format!("\"{g}\""))
                .collect();
            a.add(
                &r.model_code,
                weight,
                format!(
                    "model: {} at {:.0} %: {}",
                    pred.top_class,
                    prob * 100.0,
                    grams.join(", ")
                ),
            );
            if let Some(t) = FraudType::parse(&pred.top_class) {
                a.vote(t, r.model_vote);
            }
        }
    }

    // 5. Fraud-type cues.
    for (ti, &(t, vote)) in r.types.iter().enumerate() {
        if type_hits[ti] {
            a.vote(t, vote);
        }
    }
    let mut v = a.finish(snap, lang);
    if v.level < Level::Suspicious {
        v.fraud_type = None;
    }
    Ok(v)
}

/// The longest run of arc stages — `(stage, turns it was seen in, ascending)`
/// given in arc order — that can be read in order: each stage at a turn not
/// before the previous stage's (two stages may share a turn). Returns
/// `(stage, turn)` pairs, earliest turns chosen. Tries every subset of the
/// stages seen (arc stages are a handful; at most 2^16 subsets are tried).
fn longest_ordered_run(stages: &[(usize, &[usize])]) -> Vec<(usize, usize)> {
    let present: Vec<(usize, &[usize])> = stages
        .iter()
        .filter(|(_, t)| !t.is_empty())
        .take(16)
        .copied()
        .collect();
    let mut best: Vec<(usize, usize)> = Vec::new();
    for mask in 1u32..(1u32 << present.len()) {
        if (mask.count_ones() as usize) <= best.len() {
            continue;
        }
        let mut run = Vec::new();
        let mut at = 0usize;
        let feasible = present.iter().enumerate().all(|(i, (si, turns))| {
            if mask & (1 << i) == 0 {
                return true;
            }
            match turns.iter().find(|&&t| t >= at) {
                Some(&t) => {
                    at = t;
                    run.push((*si, t));
                    true
                }
                None => false,
            }
        });
        if feasible {
            best = run;
        }
    }
    best
}

/// The start of the dialogue (`remote: … / local: …`), for `Verdict.input`.
fn preview(turns: &[Turn]) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for t in turns {
        if chars >= PREVIEW_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push_str(" / ");
        }
        out.push_str(t.speaker.as_str());
        out.push_str(": ");
        for c in t.text.chars() {
            if chars >= PREVIEW_CHARS {
                break;
            }
            out.push(c);
            chars += 1;
        }
    }
    let total: usize = turns.iter().map(|t| t.text.chars().count()).sum();
    if total > chars {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
