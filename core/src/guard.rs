//! [`Guard`]: the one thread-safe entry point hosts hold.
//!
//! This file holds the guard, its snapshot and the check entry points with
//! the hook every verdict goes through (`finish`); the rest is by job:
//! `open` (on a store), `feeds` (apply a feed, reload, `refresh`), `rules`
//! (the user's block / allow rules), `journey` (what hosts record, the call
//! directory), `models`, `audit_log` (verdict ids, the warning log).

use crate::blocklist::IndexHealth;
use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use crate::number::{Channel, NumberContext};
use crate::payment::{
    self, Answer, EventKind, HistoryStore, Journey, MemoryHistory, PaymentIntent,
};
use crate::snapshot::Snapshot;
use crate::store::{AuditWriter, Store, UserRules};
use crate::verdict::{Kind, Lang, Level, Protection, Reason, Verdict};
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex, RwLock};

mod audit_log;
mod feeds;
mod journey;
mod models;
mod open;
mod rules;

use audit_log::stamp;
use rules::apply_user_rules;

/// Settings a host passes when it opens a guard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// ISO 3166 alpha-2 region used to read national numbers (default `CN`).
    pub region: String,
    /// Language of titles and advice.
    pub lang: Lang,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            region: "CN".to_string(),
            lang: Lang::ZhHans,
        }
    }
}

/// The engine: four checks over a shared, swappable [`Snapshot`].
///
/// `Guard` is `Send + Sync`; share one per process (e.g. in an `Arc`). Checks
/// take a read of the current snapshot (an `Arc` clone) and never wait for a
/// feed update, which builds a new snapshot and swaps it in.
#[derive(Debug)]
pub struct Guard {
    settings: Settings,
    snapshot: RwLock<Arc<Snapshot>>,
    clock: Arc<dyn Clock>,
    /// What the SDK saw recently (calls, flagged messages and links,
    /// payments checked), bounded by the payment rules.
    journey: Mutex<Journey>,
    /// The user's payment history (in memory unless a store provides one).
    history: Arc<dyn HistoryStore>,
    /// The encrypted store, when the guard was opened on one that could be
    /// read.
    store: Option<Arc<Store>>,
    /// Why the store's protection data is unavailable (damage found at open
    /// or reload): every verdict then carries `store.unavailable`.
    store_problem: RwLock<Option<String>>,
    /// The user's own block / allow rules (copy-on-write).
    user_rules: RwLock<Arc<UserRules>>,
    /// Serializes reloads of the store into a new snapshot.
    reloading: Mutex<()>,
    /// The store's `data_version` read just before the current snapshot was
    /// loaded (`i64::MIN`: never loaded); [`Guard::refresh`] compares it.
    loaded_data_version: AtomicI64,
    /// Writes warnings to the store's audit log off the check path (issue
    /// 20); `None` without a store. Dropped (flushed) with the guard.
    audit: Option<AuditWriter>,
}

impl Guard {
    /// A guard on the embedded default protection data.
    pub fn new(settings: Settings) -> Result<Guard> {
        Guard::with_snapshot(settings, Snapshot::embedded()?)
    }

    /// A guard on given protection data.
    pub fn with_snapshot(settings: Settings, snapshot: Snapshot) -> Result<Guard> {
        let region = settings.region.to_ascii_uppercase();
        if !snapshot.numbers.knows_region(&region) {
            return Err(Error::rules("settings", format!("unknown region {region}")));
        }
        Ok(Guard {
            settings: Settings { region, ..settings },
            snapshot: RwLock::new(Arc::new(snapshot)),
            clock: Arc::new(SystemClock),
            journey: Mutex::new(Journey::new()),
            history: Arc::new(MemoryHistory::new()),
            store: None,
            store_problem: RwLock::new(None),
            user_rules: RwLock::new(Arc::new(UserRules::default())),
            reloading: Mutex::new(()),
            loaded_data_version: AtomicI64::new(i64::MIN),
            audit: None,
        })
    }

    /// The settings this guard was made with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The current protection data.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        // A poisoned lock only means a writer panicked between two complete
        // states; the Arc inside is always a complete snapshot.
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Swaps in new protection data; checks already running finish on the old.
    pub fn replace_snapshot(&self, snapshot: Snapshot) {
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    }

    /// Now, from the guard's clock (milliseconds since the epoch).
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Checks a phone number (caller ID or SMS sender).
    pub fn check_number(&self, number: &str, ctx: &NumberContext) -> Result<Verdict> {
        let snap = self.snapshot();
        let v = crate::number::check(
            &*snap,
            &self.settings.region,
            self.settings.lang,
            number,
            ctx,
        )?;
        let v = self.finish(&snap, v);
        // Journey: every call checked; SMS senders only when flagged.
        match ctx.channel {
            Channel::Call => self.remember(&snap, &v, EventKind::Call),
            Channel::Sms if v.level >= Level::Suspicious => {
                self.remember(&snap, &v, EventKind::Message)
            }
            Channel::Sms => {}
        }
        Ok(v)
    }

    /// Checks a link.
    pub fn check_link(&self, url: &str) -> Result<Verdict> {
        let snap = self.snapshot();
        let v = crate::link::check(&*snap, self.settings.lang, url)?;
        let v = self.finish(&snap, v);
        if v.level >= Level::Suspicious {
            self.remember(&snap, &v, EventKind::Link);
        }
        Ok(v)
    }

    /// Checks a message body and its sender (a number or an alphanumeric id).
    pub fn check_message(&self, sender: Option<&str>, body: &str) -> Result<Verdict> {
        let snap = self.snapshot();
        let v = crate::message::check(
            &*snap,
            &self.settings.region,
            self.settings.lang,
            sender,
            body,
        )?;
        let v = self.finish(&snap, v);
        if v.level >= Level::Suspicious {
            self.remember(&snap, &v, EventKind::Message);
        }
        Ok(v)
    }

    /// Checks a conversation — a call transcript or a chat thread, turns
    /// with their speaker — as a whole: the arc of a scam (authority → fear
    /// → secrecy → transfer or credential request) across turns, the
    /// message check and the message model on the remote side. See
    /// [`crate::conversation`]. The verdict has kind `message`; a flagged
    /// conversation is remembered in the journey as a flagged message.
    ///
    /// `InvalidInput` for no turns, no visible text, more than
    /// [`crate::conversation::MAX_TURNS`] turns or
    /// [`crate::conversation::MAX_BYTES`] bytes.
    pub fn check_conversation(&self, turns: &[crate::conversation::Turn]) -> Result<Verdict> {
        let snap = self.snapshot();
        let v =
            crate::conversation::check(&snap, &self.settings.region, self.settings.lang, turns)?;
        let v = self.finish(&snap, v);
        if v.level >= Level::Suspicious {
            self.remember(&snap, &v, EventKind::Message);
        }
        Ok(v)
    }

    /// Checks a payment the user is about to make, in the light of what the
    /// guard saw recently (the journey) and the user's payment history; the
    /// attempt itself is remembered for `payment.velocity`. See
    /// [`crate::payment`].
    ///
    /// `InvalidInput` for an intent that can't be checked (empty or oversized
    /// account, amount ≤ 0 or absurd, unknown currency, oversized memo or
    /// name); the message never repeats the input.
    pub fn check_payment(&self, intent: &PaymentIntent) -> Result<Verdict> {
        self.payment(intent, &[], true)
    }

    /// Re-scores a payment with the user's answers to the verdict's
    /// questions. A "yes" adds its reason (and usually makes the payment
    /// dangerous, with a longer cool-off); a "no" adds nothing. The attempt
    /// is not counted again. `InvalidInput` for an unknown question id.
    pub fn answer_payment_questions(
        &self,
        intent: &PaymentIntent,
        answers: &[Answer],
    ) -> Result<Verdict> {
        self.payment(intent, answers, false)
    }

    fn payment(
        &self,
        intent: &PaymentIntent,
        answers: &[Answer],
        count_attempt: bool,
    ) -> Result<Verdict> {
        let snap = self.snapshot();
        let region = &self.settings.region;
        let p = payment::prepare(&*snap, region, self.settings.lang, intent)?;
        let now = self.now_ms();
        let history = self.history.summary(&p.payee, &p.currency);
        let facts = {
            let mut journey = self.journey();
            let facts = journey.facts(&snap.payments, now, p.call_subject, p.attempt);
            if count_attempt {
                journey.record_payment(&snap.payments, now, p.attempt);
            }
            facts
        };
        let inputs = payment::Inputs {
            lang: self.settings.lang,
            now_ms: now,
            history,
            facts,
            answers,
        };
        let v = payment::assess(&*snap, intent, &p, inputs)?;
        Ok(self.finish(&snap, v))
    }

    /// Hook applied to every verdict: the user's own rules, then notices
    /// that concern the protection data rather than the input.
    fn finish(&self, snap: &Snapshot, mut v: Verdict) -> Verdict {
        let lang = self.settings.lang;
        {
            let rules = self.user_rules.read().unwrap_or_else(|e| e.into_inner());
            if !rules.is_empty() {
                apply_user_rules(snap, lang, &rules, &mut v);
            }
        }
        // Never a reload here: a check reads only its snapshot, which
        // stays readable (pinned generation) until it is dropped.
        let health = snap.blocklist.health();
        let problem = self
            .store_problem
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_some();
        if problem || health != IndexHealth::Ok {
            v.protection = Protection::Unavailable;
            add_notice(
                snap,
                lang,
                &mut v,
                "store.unavailable",
                "Protection data could not be read; built-in protection only",
            );
        }
        if snap.is_stale(self.now_ms()) {
            if v.protection == Protection::Full {
                v.protection = Protection::Stale;
            }
            // A notice about the data, not the input: weight 0, level kept.
            add_notice(
                snap,
                lang,
                &mut v,
                "feed.stale",
                "The protection feed has expired; verdicts use the last data received",
            );
        }
        // Issue 20: an id on every verdict checked with a store; warnings
        // go to the audit log (see `audit.rs`).
        if let Some(audit) = &self.audit {
            stamp(audit, self.now_ms(), &mut v);
        }
        v
    }

    /// The kinds this build can check.
    pub fn kinds(&self) -> &'static [Kind] {
        &[Kind::Number, Kind::Link, Kind::Message, Kind::Payment]
    }
}

/// Adds a notice reason (weight 0) and its advice, once.
fn add_notice(snap: &Snapshot, lang: Lang, v: &mut Verdict, code: &str, detail: &str) {
    if v.has_reason(code) {
        return;
    }
    v.reasons.push(Reason::new(code, 0, detail));
    for line in snap.texts.advice(code, lang) {
        if !v.advice.contains(line) {
            v.advice.push(line.clone());
        }
    }
}

// The guard is shared across threads by every host.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Guard>();
    assert_send_sync::<Snapshot>();
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    #[test]
    fn stale_feed_marks_every_verdict() {
        let mut snap = Snapshot::embedded().unwrap();
        snap.expires_ms = Some(10_000);
        let mut guard = Guard::with_snapshot(Settings::default(), snap).unwrap();
        let clock = Arc::new(ManualClock::new(9_999));
        guard.set_clock(clock.clone());
        let ctx = NumberContext::default();
        let fresh = guard.check_number("95588", &ctx).unwrap();
        assert!(!fresh.has_reason("feed.stale"));

        clock.set(10_000);
        let stale = guard.check_number("95588", &ctx).unwrap();
        assert!(stale.has_reason("feed.stale"));
        assert_eq!(
            stale.level, fresh.level,
            "staleness is a notice, not a risk"
        );
        assert_eq!(stale.score, fresh.score);
        let snap = guard.snapshot();
        let notice = &snap.texts.advice("feed.stale", guard.settings().lang)[0];
        assert!(stale.advice.contains(notice));

        // Built already stale: every verdict, whatever the clock says.
        let mut snap = Snapshot::embedded().unwrap();
        snap.stale = true;
        let guard = Guard::with_snapshot(Settings::default(), snap).unwrap();
        let v = guard.check_number("+8613800138000", &ctx).unwrap();
        assert!(v.has_reason("feed.stale"));
        assert_eq!(
            v.reasons.iter().filter(|r| r.code == "feed.stale").count(),
            1
        );
    }
}
