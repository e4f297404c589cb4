//! The scam journey: what the SDK saw recently — calls it checked, messages
//! and links it flagged, payments it was asked about — with times, so a
//! payment made minutes after a flagged call or link escalates.
//!
//! The journey lives in the [`crate::Guard`] behind a mutex. It is bounded
//! (at most `journey.max_events` entries, none older than
//! `journey.max_age_secs`, both from the rules) and holds no plaintext: a
//! call's number is kept as a 64-bit hash, only to tell "the call you are on"
//! from "an earlier call".

use super::rules::PaymentRules;
use crate::blocklist::fast_hash;
use crate::verdict::{FraudType, Kind, Level, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// What kind of thing was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A call (incoming or outgoing) the host or the SDK checked.
    Call,
    /// A message (SMS, chat) that was flagged.
    Message,
    /// A link that was flagged (opened, tapped, scanned).
    Link,
}

/// Something the host app saw, reported through
/// [`crate::Guard::record_event`]. The SDK records its own checks
/// (`check_number`, `check_message`, `check_link`) itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// How risky it was (a verdict's level, or the host's own judgement).
    pub level: Level,
    /// The fraud type, when the host (or a verdict) named one.
    #[serde(default)]
    pub fraud_type: Option<FraudType>,
    /// Calls: the other party's number as shown. Hashed when recorded,
    /// never kept.
    #[serde(default)]
    pub subject: Option<String>,
    /// When it happened, ms since the Unix epoch; `None` = now (the guard's
    /// clock). A time in the future is taken as now.
    #[serde(default)]
    pub at_ms: Option<i64>,
}

impl Event {
    /// A call with `number` (`None`: withheld) judged `level`, happening now.
    pub fn call(number: Option<&str>, level: Level) -> Event {
        Event {
            kind: EventKind::Call,
            level,
            fraud_type: None,
            subject: number.map(str::to_string),
            at_ms: None,
        }
    }

    /// A flagged message or link of `level` and `fraud_type`, happening now.
    pub fn flagged(kind: EventKind, level: Level, fraud_type: Option<FraudType>) -> Event {
        Event {
            kind,
            level,
            fraud_type,
            subject: None,
            at_ms: None,
        }
    }

    /// Sets when it happened.
    pub fn at(mut self, at_ms: i64) -> Event {
        self.at_ms = Some(at_ms);
        self
    }

    /// The event a verdict stands for: number → call, message → message,
    /// link → link; `None` for payments.
    pub fn from_verdict(v: &Verdict) -> Option<Event> {
        let kind = match v.kind {
            Kind::Number => EventKind::Call,
            Kind::Message => EventKind::Message,
            Kind::Link => EventKind::Link,
            Kind::Payment => return None,
        };
        Some(Event {
            kind,
            level: v.level,
            fraud_type: v.fraud_type,
            subject: if kind == EventKind::Call {
                v.normalized.clone()
            } else {
                None
            },
            at_ms: None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Seen {
        kind: EventKind,
        level: Level,
        fraud_type: Option<FraudType>,
        subject: Option<u64>,
    },
    /// A payment the SDK checked: hash of (payee, amount, currency).
    Payment { key: u64 },
}

/// A flagged thing seen earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seen {
    pub age_ms: i64,
    pub level: Level,
    pub fraud_type: Option<FraudType>,
}

/// What the journey says about a payment being checked now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct JourneyFacts {
    /// The most severe (then most recent) flagged call within its window,
    /// other than the call the user is on.
    pub flagged_call: Option<Seen>,
    pub flagged_message: Option<Seen>,
    pub flagged_link: Option<Seen>,
    /// The call the user is on was flagged earlier.
    pub current_call_flagged: Option<Seen>,
    /// Distinct other payments checked within the velocity window.
    pub recent_payments: u32,
}

/// The hash a call subject is kept as (and compared by).
pub(crate) fn subject_hash(subject: &str) -> u64 {
    fast_hash(subject)
}

/// The hash a payment attempt is kept as.
pub(crate) fn payment_key(canonical_account: &str, currency: &str, amount_minor: i64) -> u64 {
    fast_hash(&format!(
        "{canonical_account}\u{1f}{currency}\u{1f}{amount_minor}"
    ))
}

/// The bounded, time-ordered record.
#[derive(Debug, Default)]
pub(crate) struct Journey {
    /// Ordered by time, oldest first.
    entries: VecDeque<(i64, Entry)>,
}

impl Journey {
    pub fn new() -> Journey {
        Journey::default()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Records a seen event. `subject` must already be canonical (E.164 when
    /// it parsed).
    pub fn record_seen(
        &mut self,
        rules: &PaymentRules,
        now_ms: i64,
        event: &Event,
        subject: Option<&str>,
    ) {
        let at = event.at_ms.map_or(now_ms, |t| t.min(now_ms));
        let entry = Entry::Seen {
            kind: event.kind,
            level: event.level,
            fraud_type: event.fraud_type,
            subject: subject.map(subject_hash),
        };
        self.insert(rules, now_ms, at, entry);
    }

    /// Records a payment attempt (for velocity).
    pub fn record_payment(&mut self, rules: &PaymentRules, now_ms: i64, key: u64) {
        self.insert(rules, now_ms, now_ms, Entry::Payment { key });
    }

    fn insert(&mut self, rules: &PaymentRules, now_ms: i64, at_ms: i64, entry: Entry) {
        self.age_out(rules, now_ms);
        let max_age = i64::from(rules.journey.max_age_secs) * 1000;
        if now_ms.saturating_sub(at_ms) > max_age {
            return;
        }
        // Usually appended; an event reported late goes in its place.
        let pos = self.entries.partition_point(|(t, _)| *t <= at_ms);
        self.entries.insert(pos, (at_ms, entry));
        while self.entries.len() > rules.journey.max_events.max(1) {
            self.entries.pop_front();
        }
    }

    fn age_out(&mut self, rules: &PaymentRules, now_ms: i64) {
        let max_age = i64::from(rules.journey.max_age_secs) * 1000;
        while let Some((t, _)) = self.entries.front() {
            if now_ms.saturating_sub(*t) > max_age {
                self.entries.pop_front();
            } else {
                break;
            }
        }
    }

    /// What the journey says about a payment checked now, while on a call
    /// with `current_call` (hash of its canonical number), with attempt key
    /// `payment`.
    pub fn facts(
        &self,
        rules: &PaymentRules,
        now_ms: i64,
        current_call: Option<u64>,
        payment: u64,
    ) -> JourneyFacts {
        let w = &rules.journey.flagged_window_secs;
        let max_age = i64::from(rules.journey.max_age_secs) * 1000;
        let velocity_ms = i64::from(rules.velocity.window_secs) * 1000;
        let mut facts = JourneyFacts::default();
        let mut payments: Vec<u64> = Vec::new();
        for (t, entry) in self.entries.iter().rev() {
            let age = now_ms.saturating_sub(*t).max(0);
            if age > max_age {
                break;
            }
            match *entry {
                Entry::Seen {
                    kind,
                    level,
                    fraud_type,
                    subject,
                } => {
                    if level < Level::Suspicious {
                        continue;
                    }
                    let seen = Seen {
                        age_ms: age,
                        level,
                        fraud_type,
                    };
                    let (slot, window) = match kind {
                        EventKind::Call if current_call.is_some() && subject == current_call => {
                            // The call the user is on: flagged at any time in the journey.
                            (&mut facts.current_call_flagged, u32::MAX)
                        }
                        EventKind::Call => (&mut facts.flagged_call, w.call),
                        EventKind::Message => (&mut facts.flagged_message, w.message),
                        EventKind::Link => (&mut facts.flagged_link, w.link),
                    };
                    if age <= i64::from(window) * 1000
                        && !matches!(slot, Some(s) if s.level >= level)
                    {
                        *slot = Some(seen);
                    }
                }
                Entry::Payment { key } => {
                    if age <= velocity_ms
                        && key != payment
                        && !payments.contains(&key)
                        && payments.len() < 1024
                    {
                        payments.push(key);
                    }
                }
            }
        }
        facts.recent_payments = payments.len() as u32;
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> PaymentRules {
        PaymentRules::default()
    }

    #[test]
    fn ages_out_and_stays_bounded() {
        let r = rules();
        let mut j = Journey::new();
        let max = r.journey.max_events;
        for i in 0..(max as i64 + 10) {
            j.record_seen(
                &r,
                i,
                &Event::call(Some("+8613800000000"), Level::Clear),
                Some("+8613800000000"),
            );
        }
        assert_eq!(j.len(), max);
        // Everything is older than max_age an hour later… plus some.
        let later = i64::from(r.journey.max_age_secs) * 1000 + max as i64 + 20;
        j.record_payment(&r, later, 1);
        assert_eq!(j.len(), 1);
        // An event reported as older than max_age is ignored.
        j.record_seen(
            &r,
            later,
            &Event::flagged(EventKind::Link, Level::Dangerous, None).at(0),
            None,
        );
        assert_eq!(j.len(), 1);
    }

    #[test]
    fn picks_the_most_severe_flagged_event_in_its_window() {
        let r = rules();
        let mut j = Journey::new();
        let t0 = 1_000_000_000;
        j.record_seen(
            &r,
            t0,
            &Event::flagged(EventKind::Link, Level::Dangerous, Some(FraudType::Phishing)),
            None,
        );
        j.record_seen(
            &r,
            t0 + 1000,
            &Event::flagged(EventKind::Link, Level::Suspicious, None),
            None,
        );
        j.record_seen(
            &r,
            t0 + 1000,
            &Event::flagged(EventKind::Message, Level::Clear, None),
            None,
        );
        let f = j.facts(&r, t0 + 60_000, None, 0);
        let link = f.flagged_link.expect("flagged link");
        assert_eq!(
            (link.level, link.fraud_type, link.age_ms),
            (Level::Dangerous, Some(FraudType::Phishing), 60_000)
        );
        assert_eq!(f.flagged_message, None, "a clear message is not flagged");
        // Outside the link window it no longer counts.
        let past = t0 + 1000 + i64::from(r.journey.flagged_window_secs.link) * 1000 + 1;
        assert_eq!(j.facts(&r, past, None, 0).flagged_link, None);
    }

    #[test]
    fn tells_the_current_call_from_earlier_ones() {
        let r = rules();
        let mut j = Journey::new();
        let n = "+8617012345678";
        j.record_seen(&r, 0, &Event::call(Some(n), Level::Dangerous), Some(n));
        let f = j.facts(&r, 1000, Some(subject_hash(n)), 0);
        assert!(f.current_call_flagged.is_some());
        assert!(f.flagged_call.is_none());
        let g = j.facts(&r, 1000, Some(subject_hash("+8613800000000")), 0);
        assert!(g.flagged_call.is_some());
    }

    #[test]
    fn counts_distinct_other_payments_in_the_window() {
        let r = rules();
        let mut j = Journey::new();
        j.record_payment(&r, 0, 1);
        j.record_payment(&r, 1000, 1);
        j.record_payment(&r, 2000, 2);
        j.record_payment(&r, 3000, 3);
        assert_eq!(j.facts(&r, 4000, None, 3).recent_payments, 2);
        let late = i64::from(r.velocity.window_secs) * 1000 + 2500;
        assert_eq!(j.facts(&r, late, None, 9).recent_payments, 1);
    }
}
