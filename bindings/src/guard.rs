//! [`Guard`]: the one object hosts hold. A thin wrapper over
//! `fanzha_core::Guard` (kept as `inner`): it converts records in and out
//! and errors once, and decides nothing itself.

use crate::error::FanzhaError;
use crate::keys::{HostKeys, KeyProvider};
use crate::payment::{Answer, Event, PaymentIntent};
use crate::store::{NewReport, Report, RuleKind, UserRule};
use crate::types::{NumberContext, Verdict};
use fanzha_core as core;
use fanzha_core::feed::{PublicKey, TrustedKeys};
use std::sync::Arc;

/// Settings a host passes when it opens a guard.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct GuardSettings {
    /// ISO 3166 alpha-2 region used to read national numbers.
    #[uniffi(default = "CN")]
    pub region: String,
    /// BCP-47 locale of titles and advice (`zh-Hans`, `zh-CN`, `en-US` …);
    /// languages without texts fall back to English.
    #[uniffi(default = "zh-Hans")]
    pub locale: String,
    /// The feed publishers' public keys the app pins, as `fanzha feed
    /// keygen` writes them (`fanzha-feed-public-key-v1 <hex>`). Feeds signed
    /// by any other key are refused (keys vouched for by a signed rotation
    /// are added by the store).
    #[uniffi(default = [])]
    pub trusted_keys: Vec<String>,
}

impl GuardSettings {
    /// The pinned publisher keys; a malformed one is a settings error.
    fn trusted(&self) -> core::Result<TrustedKeys> {
        let keys = self
            .trusted_keys
            .iter()
            .map(|text| {
                PublicKey::from_text(text).map_err(|e| core::Error::Rules {
                    part: "settings",
                    why: format!("trusted key: {e}"),
                })
            })
            .collect::<core::Result<Vec<PublicKey>>>()?;
        Ok(TrustedKeys::new(keys))
    }

    fn to_core(&self) -> core::Settings {
        core::Settings {
            region: self.region.clone(),
            lang: core::Lang::from_locale(&self.locale),
        }
    }
}

// Call-directory entries (iOS CallKit) live in their own file; a child
// module so they can reach `inner`.
#[path = "directory.rs"]
mod directory;
pub use directory::{CallDirectoryEntries, DirectoryEntry};

// The bank's flow (audit log, decisions, "not a scam"): a child module for
// the same reason.
#[path = "audit.rs"]
mod audit;
pub use audit::{AuditEntry, Decision, NotScamResult};
// Batch checks (a list in, a list out) live in their own file, likewise.
#[path = "batch.rs"]
mod batch;
pub use batch::{CheckResult, MessageInput, MessageOutcome};
// Conversations (call transcripts, chat threads), likewise.
#[path = "conversation.rs"]
mod conversation;
pub use conversation::{Speaker, Turn};

/// The anti-fraud engine: checks numbers, links, messages and payments.
///
/// Thread-safe: share one instance across the app (checks run in parallel
/// and never wait for a feed update). Every method is synchronous and fast
/// (microseconds) except opening a store and applying a feed — call those
/// off the main thread.
#[derive(Debug, uniffi::Object)]
pub struct Guard {
    inner: core::Guard,
    /// Publisher keys pinned by the app (from the settings).
    trusted: TrustedKeys,
}

#[uniffi::export]
impl Guard {
    /// A guard on the embedded default protection data only (no store, no
    /// feed): useful at once, with no setup.
    #[uniffi::constructor]
    pub fn new(settings: GuardSettings) -> Result<Arc<Guard>, FanzhaError> {
        let trusted = settings.trusted()?;
        let inner = core::Guard::new(settings.to_core())?;
        log::info!(
            "guard ready: region {}, protection data {}",
            inner.settings().region,
            inner.snapshot().feed_version
        );
        Ok(Arc::new(Guard { inner, trusted }))
    }

    /// A guard on the encrypted store at `store_path` (created when
    /// missing): the store's blocklists, feed rules and the user's own
    /// rules and reports, on top of the embedded default. The store's data
    /// key is wrapped by the host's `keys` (Android Keystore, iOS Keychain).
    ///
    /// Throws `WrongKey` when `keys` does not open this store, `KeyProvider`
    /// when the provider can't be used, `Store` for a store written by a
    /// newer version. A damaged file is not an error: the guard falls back
    /// to the embedded default, every verdict carries `store.unavailable`,
    /// and `status().storeProblem` says why. Does file I/O: call it off the
    /// main thread.
    #[uniffi::constructor]
    pub fn open(
        settings: GuardSettings,
        store_path: String,
        keys: Arc<dyn KeyProvider>,
    ) -> Result<Arc<Guard>, FanzhaError> {
        let trusted = settings.trusted()?;
        let inner = core::Guard::open(settings.to_core(), &store_path, Arc::new(HostKeys(keys)))?;
        log::info!(
            "guard ready on a store: region {}, protection data {}",
            inner.settings().region,
            inner.snapshot().feed_version
        );
        Ok(Arc::new(Guard { inner, trusted }))
    }

    /// Checks a phone number (caller ID or SMS sender), written any way
    /// people write numbers.
    pub fn check_number(
        &self,
        number: String,
        context: NumberContext,
    ) -> Result<Verdict, FanzhaError> {
        self.check_number_str(&number, &context)
    }

    /// Checks a link (a URL as the user saw it).
    pub fn check_link(&self, url: String) -> Result<Verdict, FanzhaError> {
        self.check_link_str(&url)
    }

    /// Checks a message body and its sender (a number or an alphanumeric id).
    pub fn check_message(
        &self,
        sender: Option<String>,
        body: String,
    ) -> Result<Verdict, FanzhaError> {
        self.check_message_str(sender.as_deref(), &body)
    }

    /// Checks a payment the user is about to make, with its live context
    /// (a call in progress, screen sharing …) and what the guard saw lately
    /// (the journey). The verdict may carry `questions` to ask and a
    /// `cool_off_seconds`. The attempt is remembered for velocity checks.
    pub fn check_payment(&self, intent: PaymentIntent) -> Result<Verdict, FanzhaError> {
        Ok(self.inner.check_payment(&intent.to_core()?)?.into())
    }

    /// Re-scores a payment with the user's answers to the verdict's
    /// questions (a "yes" usually makes it dangerous with a longer
    /// cool-off). The attempt is not counted again. `InvalidInput` for an
    /// unknown question id.
    pub fn answer_payment_questions(
        &self,
        intent: PaymentIntent,
        answers: Vec<Answer>,
    ) -> Result<Verdict, FanzhaError> {
        let answers: Vec<fanzha_core::Answer> = answers.into_iter().map(Into::into).collect();
        Ok(self
            .inner
            .answer_payment_questions(&intent.to_core()?, &answers)?
            .into())
    }

    /// Remembers that a payment went through, for the amount and new-payee
    /// checks of later payments.
    pub fn record_payment(&self, intent: PaymentIntent) -> Result<(), FanzhaError> {
        Ok(self.inner.record_payment(&intent.to_core()?)?)
    }

    /// Records something the app saw but did not ask the guard to check
    /// (a call, a flagged message or link) into the payment journey.
    pub fn record_event(&self, event: Event) {
        self.inner.record_event(event.into())
    }

    /// Forgets the journey (sign-out, a new session).
    pub fn forget_journey(&self) {
        self.inner.forget_journey()
    }

    /// The version of the protection data checks use now.
    pub fn feed_version(&self) -> String {
        self.inner.snapshot().feed_version.clone()
    }

    /// What protects the user right now: the data version, whether it is
    /// stale, the store and its feeds. Reads the store (cheap, but I/O).
    pub fn status(&self) -> Result<ProtectionStatus, FanzhaError> {
        let snap = self.inner.snapshot();
        let stale = snap.is_stale(self.inner.now_ms());
        let mut status = ProtectionStatus {
            feed_version: snap.feed_version.clone(),
            stale,
            has_store: self.inner.store().is_some(),
            store_problem: self.inner.store_problem(),
            models: self
                .inner
                .models()
                .into_iter()
                .map(ModelStatus::from)
                .collect(),
            feeds: Vec::new(),
            user_rules: 0,
            reports: 0,
            pending_reports: 0,
            store_bytes: 0,
        };
        if let Some(store) = self.inner.store() {
            let now = self.inner.now_ms();
            let s = store.status().map_err(core::Error::from)?;
            status.feeds = s
                .feeds
                .into_iter()
                .map(|f| FeedStatus {
                    expired: f.is_expired(now),
                    feed_id: f.feed_id,
                    version: saturating_i64(f.version),
                    created_ms: f.created_ms,
                    expires_ms: f.expires_ms,
                    applied_ms: f.applied_ms,
                    numbers: saturating_i64(f.entries.numbers),
                    links: saturating_i64(f.entries.urls),
                    accounts: saturating_i64(f.entries.accounts),
                })
                .collect();
            status.user_rules = saturating_i64(s.rules as u64);
            status.reports = saturating_i64(s.reports as u64);
            status.pending_reports = saturating_i64(s.pending_reports as u64);
            status.store_bytes = saturating_i64(s.file_bytes);
        }
        Ok(status)
    }

    /// Moves to the store's newest data when another process (the app
    /// applying feeds while this call-screening service or extension runs)
    /// changed it. Cheap when nothing changed; never shows half an update:
    /// checks running meanwhile finish on the data they started with.
    /// Returns true when new data was loaded. Checks never reload on their
    /// own, so a long-lived guard in a second process should call this
    /// before a check or on a timer. Throws `Store` without a store.
    pub fn refresh(&self) -> Result<bool, FanzhaError> {
        Ok(self.inner.refresh()?)
    }

    /// Verifies a signed feed (the bytes of the file) against the pinned
    /// keys and applies it to the store in one transaction, then swaps the
    /// new protection data in. Checks running meanwhile finish on the old
    /// data and never wait. A refused feed (bad signature, untrusted key,
    /// older or same version, delta on the wrong base, damaged, too big)
    /// throws `Feed` and changes nothing. Needs a store; does file I/O and
    /// may take a while for a big feed: call it off the main thread.
    pub fn apply_feed(&self, feed: Vec<u8>) -> Result<FeedApplied, FanzhaError> {
        let applied = self.inner.apply_feed(&feed, &self.trusted)?;
        Ok(FeedApplied {
            feed_id: applied.header.id.clone(),
            version: saturating_i64(applied.header.version),
            previous_version: applied.outcome.previous_version.map(saturating_i64),
            full: applied.outcome.full,
            added: saturating_i64(applied.outcome.added),
            removed: saturating_i64(applied.outcome.removed),
            stale: applied.stale,
            feed_version: self.inner.snapshot().feed_version.clone(),
        })
    }

    /// The user blocks a value: its checks become `dangerous` with action
    /// `block`. Returns the canonical value stored (E.164 for a number, the
    /// host for a link). Needs a store.
    pub fn block(&self, kind: RuleKind, value: String) -> Result<String, FanzhaError> {
        Ok(self.inner.block(kind.into(), &value)?)
    }

    /// The user trusts a value: its checks become `trusted`. Returns the
    /// canonical value stored. Needs a store.
    pub fn allow(&self, kind: RuleKind, value: String) -> Result<String, FanzhaError> {
        Ok(self.inner.allow(kind.into(), &value)?)
    }

    /// Removes the user's rule for a value; `false` if there was none.
    pub fn remove_rule(&self, kind: RuleKind, value: String) -> Result<bool, FanzhaError> {
        Ok(self.inner.remove_rule(kind.into(), &value)?)
    }

    /// The user's own rules.
    pub fn rules(&self) -> Result<Vec<UserRule>, FanzhaError> {
        let rules = self.store()?.rules().map_err(core::Error::from)?;
        Ok(rules.into_iter().map(Into::into).collect())
    }

    /// Files a report (kept encrypted in the store until the app uploads
    /// it). Returns its id.
    pub fn add_report(&self, report: NewReport) -> Result<i64, FanzhaError> {
        Ok(self
            .store()?
            .add_report(report.into())
            .map_err(core::Error::from)?)
    }

    /// The reports filed, oldest first; only those not yet uploaded when
    /// `pending_only`.
    pub fn reports(&self, pending_only: bool) -> Result<Vec<Report>, FanzhaError> {
        let reports = self
            .store()?
            .reports(pending_only)
            .map_err(core::Error::from)?;
        Ok(reports.into_iter().map(Into::into).collect())
    }

    /// Marks reports as uploaded; returns how many were marked.
    pub fn mark_reports_uploaded(&self, ids: Vec<i64>) -> Result<i32, FanzhaError> {
        let n = self
            .store()?
            .mark_uploaded(&ids)
            .map_err(core::Error::from)?;
        Ok(i32::try_from(n).unwrap_or(i32::MAX))
    }

    /// Deletes a report; `false` if there was none with this id.
    pub fn delete_report(&self, id: i64) -> Result<bool, FanzhaError> {
        Ok(self.store()?.delete_report(id).map_err(core::Error::from)?)
    }

    /// The reports as a JSON array, for the app to upload or share.
    pub fn export_reports(&self, pending_only: bool) -> Result<String, FanzhaError> {
        Ok(self
            .store()?
            .export_reports(pending_only)
            .map_err(core::Error::from)?)
    }
}

impl Guard {
    /// The checks on borrowed strings: what the exported ones and the
    /// direct-call path (`fast.rs`) both run.
    pub(crate) fn check_number_str(
        &self,
        number: &str,
        context: &NumberContext,
    ) -> Result<Verdict, FanzhaError> {
        let ctx = context.to_core()?;
        Ok(self.inner.check_number(number, &ctx)?.into())
    }

    pub(crate) fn check_link_str(&self, url: &str) -> Result<Verdict, FanzhaError> {
        Ok(self.inner.check_link(url)?.into())
    }

    pub(crate) fn check_message_str(
        &self,
        sender: Option<&str>,
        body: &str,
    ) -> Result<Verdict, FanzhaError> {
        Ok(self.inner.check_message(sender, body)?.into())
    }

    fn store(&self) -> Result<&Arc<fanzha_core::store::Store>, FanzhaError> {
        match self.inner.store() {
            Some(store) => Ok(store),
            None => Err(match self.inner.store_problem() {
                Some(why) => FanzhaError::Store {
                    problem: crate::error::StoreProblem::Unavailable,
                    why,
                },
                None => FanzhaError::Unavailable {
                    what: "no store: open the guard with Guard.open".to_string(),
                },
            }),
        }
    }
}

fn saturating_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// What `apply_feed` did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedApplied {
    /// The feed's id.
    pub feed_id: String,
    /// The version applied now.
    pub version: i64,
    /// The version it replaced, none for a first apply.
    pub previous_version: Option<i64>,
    /// A full feed (not a delta).
    pub full: bool,
    /// Entries written (additions and updates) and removals.
    pub added: i64,
    /// Removals written.
    pub removed: i64,
    /// The feed had already expired: applied, and verdicts say the data is stale.
    pub stale: bool,
    /// The version verdicts carry from now on.
    pub feed_version: String,
}

/// Which learned model a check uses.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ModelStatus {
    /// `message` or `link`.
    pub kind: String,
    /// Short id: the model file's checksum (16 hex digits), the same
    /// whichever feed carried it.
    pub id: String,
    /// Classes (`benign` plus the fraud types it tells apart).
    pub classes: i32,
    /// Size of the model file in bytes.
    pub bytes: i64,
    /// `feed` (shipped in a signed feed), `embedded` (the library's
    /// default) or `custom`.
    pub source: String,
}

impl From<core::store::ModelStatus> for ModelStatus {
    fn from(m: core::store::ModelStatus) -> ModelStatus {
        ModelStatus {
            kind: m.kind,
            id: m.id,
            classes: i32::try_from(m.classes).unwrap_or(i32::MAX),
            bytes: saturating_i64(m.bytes),
            source: m.source,
        }
    }
}

/// One applied feed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedStatus {
    /// The feed's id.
    pub feed_id: String,
    /// The applied version.
    pub version: i64,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// When it expires (ms since the Unix epoch).
    pub expires_ms: i64,
    /// When it was applied (ms since the Unix epoch).
    pub applied_ms: i64,
    /// Past `expires_ms`: it keeps protecting, and verdicts carry `feed.stale`.
    pub expired: bool,
    /// Numbers listed.
    pub numbers: i64,
    /// Link expressions listed.
    pub links: i64,
    /// Payee accounts listed.
    pub accounts: i64,
}

/// What protects the user right now (a status screen's content).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProtectionStatus {
    /// The version verdicts carry (`embedded-…`, or the feeds' `id@version`).
    pub feed_version: String,
    /// The protection data has expired: update the feed.
    pub stale: bool,
    /// The guard was opened on a store that could be read.
    pub has_store: bool,
    /// Why the store's data is unavailable (damaged file …), if it is.
    pub store_problem: Option<String>,
    /// The learned models checks use now (message, link): a feed's after an
    /// apply, else the embedded default; empty when there is none.
    pub models: Vec<ModelStatus>,
    /// The applied feeds.
    pub feeds: Vec<FeedStatus>,
    /// The user's own block and allow rules.
    pub user_rules: i64,
    /// Reports filed.
    pub reports: i64,
    /// Reports not uploaded yet.
    pub pending_reports: i64,
    /// Size of the store on disk (database plus WAL).
    pub store_bytes: i64,
}
