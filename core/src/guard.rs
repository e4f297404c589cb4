//! [`Guard`]: the one thread-safe entry point hosts hold.

use crate::blocklist::{BlockIndex, IndexHealth, ListKind};
use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use crate::number::{Channel, NumberContext};
use crate::payment::{
    self, Answer, Event, EventKind, HistoryStore, Journey, MemoryHistory, PaymentIntent,
};
use crate::snapshot::{RuleSources, Snapshot, EMBEDDED_VERSION};
use crate::store::{
    AuditRecord, AuditWriter, KeyProvider, RuleAction, Store, StoreError, UserRules,
    MAX_AUDIT_ID_BYTES,
};
use crate::verdict::{Action, Kind, Lang, Level, Protection, Reason, Verdict};
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

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
    /// A guard on the encrypted store at `path` (created when missing, its
    /// data key wrapped by `keys`): the store's blocklists, feed rules and
    /// the user's own rules.
    ///
    /// A wrong key, a key provider failure or a store written by a newer
    /// version is an error. A damaged or truncated file is not: the guard
    /// falls back to the embedded default, every verdict carries the reason
    /// `store.unavailable`, and [`Guard::store_problem`] says why — the
    /// checks never silently answer "clear" for data they could not read.
    pub fn open(
        settings: Settings,
        path: impl AsRef<Path>,
        keys: Arc<dyn KeyProvider>,
    ) -> Result<Guard> {
        let store = match Store::open(path, keys.as_ref()) {
            Ok(s) => Arc::new(s),
            Err(e) if e.is_damage() => {
                log::warn!("store unavailable, using the embedded protection: {e}");
                let guard = Guard::new(settings)?;
                *guard
                    .store_problem
                    .write()
                    .unwrap_or_else(|e| e.into_inner()) = Some(e.to_string());
                return Ok(guard);
            }
            Err(e) => return Err(e.into()),
        };
        // Compile the rules once, from what the store holds. The data
        // version is read first: a commit that lands during the load makes
        // the next `refresh` load again (never one that is missed).
        let data_version = store.data_version()?;
        let (mut guard, problem) = match snapshot_from_store(&store) {
            Ok((snap, rules, problem)) => {
                let guard = Guard::with_snapshot(settings, snap)?;
                *guard.user_rules.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(rules);
                (guard, problem)
            }
            Err(Error::Store(e)) if e.is_damage() => {
                log::warn!("store unavailable, using the embedded protection: {e}");
                (Guard::new(settings)?, Some(e.to_string()))
            }
            Err(e) => return Err(e),
        };
        let problem = match crate::store::StoreHistory::load(store.clone()) {
            Ok(h) => {
                guard.history = Arc::new(h);
                problem
            }
            Err(e) if e.is_damage() => {
                log::warn!("payee history unavailable: {e}");
                problem.or(Some(e.to_string()))
            }
            Err(e) => return Err(e.into()),
        };
        guard.audit = Some(AuditWriter::start(store.clone()));
        guard.store = Some(store);
        guard
            .loaded_data_version
            .store(data_version, Ordering::SeqCst);
        *guard
            .store_problem
            .get_mut()
            .unwrap_or_else(|e| e.into_inner()) = problem;
        Ok(guard)
    }

    pub(crate) fn audit_writer(&self) -> Option<&AuditWriter> {
        self.audit.as_ref()
    }

    /// The store this guard was opened on, if it could be read.
    pub fn store(&self) -> Option<&Arc<Store>> {
        self.store.as_ref()
    }

    /// Why the store's data is unavailable, if it is.
    pub fn store_problem(&self) -> Option<String> {
        self.store_problem
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Rebuilds the snapshot from the store (after a feed apply) and swaps
    /// it in; checks running meanwhile finish on the old one. On damage the
    /// previous snapshot stays, verdicts carry `store.unavailable`, and the
    /// error is returned.
    pub fn reload_store(&self) -> Result<()> {
        let store = self.store.as_ref().ok_or(StoreError::Unavailable)?;
        let _one = self.reloading.lock().unwrap_or_else(|e| e.into_inner());
        let data_version = store.data_version()?;
        let (snap, rules, problem) = match snapshot_from_store(store) {
            Ok(built) => built,
            Err(Error::Store(e)) if e.is_damage() => {
                log::warn!("store unavailable, keeping the previous protection data: {e}");
                *self
                    .store_problem
                    .write()
                    .unwrap_or_else(|e| e.into_inner()) = Some(e.to_string());
                return Err(e.into());
            }
            Err(e) => return Err(e),
        };
        self.replace_snapshot(snap);
        *self.user_rules.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(rules);
        self.loaded_data_version
            .store(data_version, Ordering::SeqCst);
        *self
            .store_problem
            .write()
            .unwrap_or_else(|e| e.into_inner()) = problem;
        Ok(())
    }

    /// Moves to the store's newest generation when another process (or
    /// another `Guard` on the same file) changed it since this guard loaded:
    /// an Android call-screening service or an iOS extension calls this
    /// before a check, or on a timer, while the app applies feeds.
    ///
    /// Cheap when nothing changed (one `PRAGMA data_version` on an open
    /// connection, no decryption). When something did, the next snapshot is
    /// loaded in one read transaction and swapped in; checks running
    /// meanwhile finish on the previous one, which keeps reading the
    /// generation it was loaded from — never half of each. Returns whether a
    /// new snapshot was loaded. Checks never reload on their own.
    ///
    /// Errors: [`Error::Store`] when there is no store or it could not be
    /// read (damage: the previous snapshot stays and verdicts report the
    /// protection as unavailable).
    pub fn refresh(&self) -> Result<bool> {
        let store = self.store.as_ref().ok_or(StoreError::Unavailable)?;
        let now = store.data_version()?;
        if now == self.loaded_data_version.load(Ordering::SeqCst) {
            return Ok(false);
        }
        self.reload_store()?;
        Ok(true)
    }

    /// Verifies a signed feed and applies it to the store, then reloads the
    /// protection data so checks see it.
    ///
    /// `trusted` are the publisher keys the app pins; keys that earlier
    /// rotation statements vouched for are added and the keys they retired
    /// removed (see [`crate::feed::apply`]). Everything is verified before
    /// anything is written — signature, body hash, every record, the rules,
    /// no rollback, a delta only on its base — and the store writes the feed
    /// in one transaction, so a refused feed or a crash leaves the previous
    /// version. An already-expired feed is applied and marked stale.
    ///
    /// Readers never wait: checks running meanwhile finish on the previous
    /// snapshot. Errors: [`Error::Feed`] for a refused feed,
    /// [`Error::Store`] for a store that can't be written (or none).
    pub fn apply_feed(
        &self,
        feed: &[u8],
        trusted: &crate::feed::TrustedKeys,
    ) -> Result<crate::feed::Applied> {
        let store = self.store.as_ref().ok_or(StoreError::Unavailable)?;
        let applied = crate::feed::apply(
            store,
            feed,
            trusted,
            &crate::feed::Limits::default(),
            self.now_ms(),
        )?;
        // The feed is committed; a reload that fails (damage) is reported by
        // `store_problem` and `store.unavailable` on every verdict.
        if let Err(e) = self.reload_store() {
            log::warn!("feed applied, but the store could not be reloaded: {e}");
        }
        Ok(applied)
    }

    /// True when the protection data has expired: every verdict carries
    /// `feed.stale` until a newer feed is applied.
    pub fn is_stale(&self) -> bool {
        self.snapshot().is_stale(self.now_ms())
    }

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

    /// Replaces the clock (tests, replays).
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    /// Replaces where payee history lives (the encrypted store provides a
    /// persistent one). History recorded so far is not carried over.
    pub fn set_history_store(&mut self, history: Arc<dyn HistoryStore>) {
        self.history = history;
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

    /// Remembers that a payment went through, for the amount and new-payee
    /// checks of later payments.
    pub fn record_payment(&self, intent: &PaymentIntent) -> Result<()> {
        let snap = self.snapshot();
        let p = payment::prepare(&*snap, &self.settings.region, self.settings.lang, intent)?;
        self.history
            .record(&p.payee, &p.currency, intent.amount_minor, self.now_ms())
    }

    /// Records something the host saw (a call, a flagged message or link)
    /// into the journey. A call's number is kept only as a hash. The guard
    /// records its own checks; use this for what it did not check.
    pub fn record_event(&self, event: Event) {
        let snap = self.snapshot();
        let subject = match (event.kind, event.subject.as_deref()) {
            (EventKind::Call, Some(raw)) => Some(
                crate::number::parse(&snap.numbers, &self.settings.region, raw)
                    .ok()
                    .and_then(|p| match p {
                        crate::number::Parsed::Number(n) => Some(n.normalized),
                        crate::number::Parsed::Withheld => None,
                    })
                    .unwrap_or_else(|| raw.trim().to_string()),
            ),
            _ => None,
        };
        let now = self.now_ms();
        self.journey()
            .record_seen(&snap.payments, now, &event, subject.as_deref());
    }

    /// Forgets the journey (sign-out; a batch of unrelated inputs).
    pub fn forget_journey(&self) {
        self.journey().clear();
    }

    /// Plaintext numbers for a platform call directory (iOS CallKit): the
    /// region's official numbers with their names, and the user's own
    /// blocked numbers. See [`crate::directory`].
    pub fn call_directory(&self) -> Result<crate::directory::CallDirectory> {
        let blocked: Vec<String> = match self.store() {
            Some(store) => store
                .rules()?
                .into_iter()
                .filter(|r| r.kind == ListKind::Number && r.action == RuleAction::Block)
                .map(|r| r.value)
                .collect(),
            None => Vec::new(),
        };
        let snap = self.snapshot();
        Ok(crate::directory::build(
            &snap.numbers,
            &self.settings.region,
            self.settings.lang,
            &blocked,
        ))
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

    fn journey(&self) -> MutexGuard<'_, Journey> {
        // A poisoned journey is still a list of complete entries.
        self.journey.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Journey hook of the guard's own checks.
    fn remember(&self, snap: &Snapshot, v: &Verdict, kind: EventKind) {
        if let Some(mut event) = Event::from_verdict(v) {
            event.kind = kind;
            let subject = if kind == EventKind::Call {
                v.normalized.clone()
            } else {
                None
            };
            self.journey()
                .record_seen(&snap.payments, self.now_ms(), &event, subject.as_deref());
        }
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

    /// The learned models checks use now (message, then link), with their
    /// short ids: a feed's model after an apply, else the embedded default;
    /// none of a kind when this build ships no default and no feed carried
    /// one. Costs a re-encoding of each model (about a millisecond per MB).
    pub fn models(&self) -> Vec<crate::store::ModelStatus> {
        let snap = self.snapshot();
        let mut out = Vec::new();
        for (kind, model) in [
            (crate::model::FeatureKind::Message, &snap.message_model),
            (crate::model::FeatureKind::Link, &snap.link_model),
        ] {
            let Some(model) = model else { continue };
            let bytes = model.to_bytes();
            let embedded = crate::model::embedded(kind).is_some_and(|e| e == bytes.as_slice());
            let source = if embedded {
                "embedded"
            } else if self.store.is_some() {
                "feed"
            } else {
                "custom"
            };
            out.extend(crate::store::ModelStatus::of_bytes(
                kind.as_str(),
                &bytes,
                source,
            ));
        }
        out
    }

    /// The kinds this build can check.
    pub fn kinds(&self) -> &'static [Kind] {
        &[Kind::Number, Kind::Link, Kind::Message, Kind::Payment]
    }
}

/// The protection data a store holds, compiled: the snapshot, the user's
/// rules, and a problem to report when the feed's rules could not be
/// compiled (the lists are kept, the embedded rules used).
fn snapshot_from_store(store: &Store) -> Result<(Snapshot, UserRules, Option<String>)> {
    let loaded = store.load()?;
    let version = loaded
        .feed_version()
        .unwrap_or_else(|| EMBEDDED_VERSION.to_string());
    let expires = loaded.expires_ms();
    let index: Arc<dyn BlockIndex> = Arc::new(loaded.index);
    let (mut snap, problem) = match Snapshot::build(&loaded.rules, index.clone(), version.clone()) {
        Ok(s) => (s, None),
        // Rules are compiled before a feed is applied, so this means a
        // newer rule format in an older library.
        Err(e) => (
            Snapshot::build(&RuleSources::default(), index, version)?,
            Some(format!("feed rules unusable: {e}")),
        ),
    };
    snap.expires_ms = expires;
    Ok((snap, loaded.user_rules, problem))
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
fn apply_user_rules(snap: &Snapshot, lang: Lang, rules: &UserRules, v: &mut Verdict) {
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

// The guard is shared across threads by every host.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Guard>();
    assert_send_sync::<Snapshot>();
};

// Issue 20: verdict ids and the warning audit log (the rest of the bank's
// flow, over the log, is in `audit.rs`).

/// A fresh verdict id: 128 random bits as 32 hex digits.
fn new_id() -> Option<String> {
    let s = crate::ids::verdict_id()?;
    debug_assert!(s.len() <= MAX_AUDIT_ID_BYTES);
    Some(s)
}

/// Gives a verdict its id and queues it for the audit log when it is a
/// warning (written off the check path by the store's [`AuditWriter`]). A
/// warning that could not be queued (see [`AuditWriter::push`]) leaves the
/// verdict without an id, so the host never holds an id the store does
/// not know; the verdict itself still stands.
pub(crate) fn stamp(audit: &AuditWriter, now_ms: i64, v: &mut Verdict) {
    let Some(id) = new_id() else {
        log::warn!("no random source for a verdict id");
        return;
    };
    if v.action >= Action::Warn {
        let value = match v.kind {
            Kind::Message => Some(v.input.clone()),
            _ => v.normalized.clone().or_else(|| Some(v.input.clone())),
        };
        let rec = AuditRecord {
            id: id.clone(),
            time_ms: now_ms,
            kind: v.kind,
            level: v.level,
            action: v.action,
            fraud_type: v.fraud_type,
            reasons: v.reasons.iter().map(|r| r.code.clone()).collect(),
            title: v.title.clone(),
            feed_version: v.feed_version.clone(),
            decision: None,
            decided_ms: None,
            not_scam: false,
            value,
        };
        if !audit.push(rec) {
            return;
        }
    }
    v.id = Some(id);
}

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
