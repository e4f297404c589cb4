//! The user's own block / allow rules: stored, and applied to verdicts.

use super::add_notice;
use super::Guard;
use crate::blocklist::ListKind;
use crate::error::{Error, Result};
use crate::snapshot::Snapshot;
use crate::store::{RuleAction, StoreError, UserRules};
use crate::verdict::{Action, Kind, Lang, Level, Reason, Verdict};
use std::sync::Arc;

impl Guard {
    /// The canonical form a rule for `value` is stored under: a number as
    /// the number check normalizes it (E.164, with the guard's region), a
    /// link's host name, an account without separators.
    pub fn rule_value(&self, kind: ListKind, value: &str) -> Result<String> {
        match kind {
            ListKind::Number => {
                match crate::number::parse(&self.snapshot().numbers, &self.settings.region, value)?
                {
                    crate::number::Parsed::Number(p) => Ok(p.normalized),
                    crate::number::Parsed::Withheld => Err(Error::input(
                        Kind::Number,
                        "a withheld number can't have a rule",
                    )),
                }
            }
            ListKind::Url => crate::store::canonical_link_host(value)
                .ok_or_else(|| Error::input(Kind::Link, "not a link or host name")),
            ListKind::Account => crate::payment::normalize_account(
                &self.snapshot().numbers,
                &self.settings.region,
                value,
            ),
        }
    }

    /// The user blocks a value: its checks become `dangerous` with action
    /// `block`. Returns the canonical value stored.
    pub fn block(&self, kind: ListKind, value: &str) -> Result<String> {
        self.set_rule(kind, value, RuleAction::Block)
    }

    /// The user trusts a value: its checks become `trusted`. Returns the
    /// canonical value stored.
    pub fn allow(&self, kind: ListKind, value: &str) -> Result<String> {
        self.set_rule(kind, value, RuleAction::Allow)
    }

    fn set_rule(&self, kind: ListKind, value: &str, action: RuleAction) -> Result<String> {
        let store = self.store.as_ref().ok_or(StoreError::Unavailable)?;
        let canonical = self.rule_value(kind, value)?;
        store.set_rule(kind, &canonical, action)?;
        let mut rules = self.user_rules.write().unwrap_or_else(|e| e.into_inner());
        let mut next = UserRules::clone(&rules);
        next.insert(kind, canonical.clone(), action);
        *rules = Arc::new(next);
        Ok(canonical)
    }

    /// Removes the user's rule for a value; `false` if there was none.
    pub fn remove_rule(&self, kind: ListKind, value: &str) -> Result<bool> {
        let store = self.store.as_ref().ok_or(StoreError::Unavailable)?;
        let canonical = self.rule_value(kind, value)?;
        let removed = store.remove_rule(kind, &canonical)?;
        let mut rules = self.user_rules.write().unwrap_or_else(|e| e.into_inner());
        let mut next = UserRules::clone(&rules);
        next.remove(kind, &canonical);
        *rules = Arc::new(next);
        Ok(removed)
    }
}

/// The user's rule for what a verdict checked, if any.
fn rule_for(rules: &UserRules, v: &Verdict) -> Option<RuleAction> {
    let n = v.normalized.as_deref()?;
    match v.kind {
        Kind::Number => rules.get(ListKind::Number, n),
        Kind::Link => rules.for_url(n),
        Kind::Payment => rules.get(ListKind::Account, n),
        Kind::Message => None,
    }
}

/// Applies the user's rules to a verdict and the verdicts of what was
/// extracted from it. A blocked value is `dangerous` with action `block`;
/// an allowed one is `trusted`; a message carrying a blocked value is
/// `dangerous` too.
pub(super) fn apply_user_rules(snap: &Snapshot, lang: Lang, rules: &UserRules, v: &mut Verdict) {
    let mut blocked_inside = false;
    for e in &mut v.extracted {
        if let Some(ev) = e.verdict.as_deref_mut() {
            apply_user_rules(snap, lang, rules, ev);
            blocked_inside |= ev.reasons.iter().any(|r| r.code.ends_with(".user_blocked"));
        }
    }
    match rule_for(rules, v) {
        Some(RuleAction::Block) => force_user_rule(snap, lang, v, RuleAction::Block),
        // A listing the publisher marks confirmed wins over the user's own
        // allow ("not a scam"); an unconfirmed one yields to it.
        Some(RuleAction::Allow) if confirmed_listing(v) => {
            let code = format!("{}.user_allow_overridden", v.kind.as_str());
            add_notice(
                snap,
                lang,
                v,
                &code,
                "You trusted this earlier, but the publisher has confirmed it as fraud",
            );
        }
        Some(RuleAction::Allow) => force_user_rule(snap, lang, v, RuleAction::Allow),
        None if blocked_inside => force_user_rule(snap, lang, v, RuleAction::Block),
        None => {}
    }
}

/// True when the verdict rests on a publisher's confirmed listing
/// (`<kind>.blocklist_confirmed`, added by the check beside the
/// `<kind>.blocklisted` reason).
fn confirmed_listing(v: &Verdict) -> bool {
    let code = format!("{}.blocklist_confirmed", v.kind.as_str());
    v.has_reason(&code)
}

fn force_user_rule(snap: &Snapshot, lang: Lang, v: &mut Verdict, action: RuleAction) {
    let kind = v.kind.as_str();
    let code = match action {
        RuleAction::Block => format!("{kind}.user_blocked"),
        RuleAction::Allow => format!("{kind}.user_allowed"),
    };
    if v.has_reason(&code) {
        return;
    }
    let texts = &snap.texts;
    match action {
        RuleAction::Block => {
            v.reasons
                .push(Reason::new(code.clone(), 100, "Blocked by the user"));
            v.score = 100;
            v.action = Action::Block;
            let was_warning = v.level >= Level::Suspicious;
            v.level = Level::Dangerous;
            let mut advice = texts.advice(&code, lang).to_vec();
            // Advice of a clear verdict ("no signal is not a guarantee")
            // does not fit a blocked value; a warning's does.
            let earlier: Vec<String> = if was_warning {
                v.advice.drain(..).collect()
            } else {
                Vec::new()
            };
            for line in earlier
                .into_iter()
                .chain(texts.advice("level.dangerous", lang).iter().cloned())
            {
                if !advice.contains(&line) {
                    advice.push(line);
                }
            }
            advice.truncate(snap.scoring.max_advice.max(1));
            v.advice = advice;
        }
        RuleAction::Allow => {
            v.reasons
                .push(Reason::new(code.clone(), -100, "Trusted by the user"));
            v.level = Level::Trusted;
            v.score = 0;
            v.action = snap.scoring.action_for(v.kind, Level::Trusted);
            v.fraud_type = None;
            v.cool_off_seconds = None;
            v.questions.clear();
            v.advice = texts.advice(&code, lang).to_vec();
        }
    }
    if let Some(t) = texts.title(&code, lang, None) {
        v.title = t;
    }
}
