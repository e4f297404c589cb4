//! [`Guard`]: the one object hosts hold. A thin wrapper over
//! `fanzha_core::Guard` (kept as `inner`): it converts records in and out
//! and errors once, and decides nothing itself.

use crate::error::FanzhaError;
use crate::payment::{Answer, Event, PaymentIntent};
use crate::types::{NumberContext, Verdict};
use fanzha_core as core;
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
}

impl GuardSettings {
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

/// The anti-fraud engine: checks numbers, links, messages and payments.
///
/// Thread-safe: share one instance across the app (checks run in parallel
/// and never wait for a feed update). Every method is synchronous and fast
/// (microseconds) except opening a store and applying a feed — call those
/// off the main thread.
#[derive(Debug, uniffi::Object)]
pub struct Guard {
    inner: core::Guard,
}

#[uniffi::export]
impl Guard {
    /// A guard on the embedded default protection data only (no store, no
    /// feed): useful at once, with no setup.
    #[uniffi::constructor]
    pub fn new(settings: GuardSettings) -> Result<Arc<Guard>, FanzhaError> {
        let inner = core::Guard::new(settings.to_core())?;
        log::info!(
            "guard ready: region {}, protection data {}",
            inner.settings().region,
            inner.snapshot().feed_version
        );
        Ok(Arc::new(Guard { inner }))
    }

    /// Checks a phone number (caller ID or SMS sender), written any way
    /// people write numbers.
    pub fn check_number(
        &self,
        number: String,
        context: NumberContext,
    ) -> Result<Verdict, FanzhaError> {
        let ctx = context.to_core()?;
        Ok(self.inner.check_number(&number, &ctx)?.into())
    }

    /// Checks a link (a URL as the user saw it).
    pub fn check_link(&self, url: String) -> Result<Verdict, FanzhaError> {
        Ok(self.inner.check_link(&url)?.into())
    }

    /// Checks a message body and its sender (a number or an alphanumeric id).
    pub fn check_message(
        &self,
        sender: Option<String>,
        body: String,
    ) -> Result<Verdict, FanzhaError> {
        Ok(self.inner.check_message(sender.as_deref(), &body)?.into())
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
}
