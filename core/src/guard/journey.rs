//! The journey (what the guard saw recently) and what hosts record into it;
//! the call directory.

use super::Guard;
use crate::blocklist::ListKind;
use crate::error::Result;
use crate::payment::{self, Event, EventKind, Journey, PaymentIntent};
use crate::snapshot::Snapshot;
use crate::store::RuleAction;
use crate::verdict::Verdict;
use std::sync::MutexGuard;

impl Guard {
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

    pub(super) fn journey(&self) -> MutexGuard<'_, Journey> {
        // A poisoned journey is still a list of complete entries.
        self.journey.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Journey hook of the guard's own checks.
    pub(super) fn remember(&self, snap: &Snapshot, v: &Verdict, kind: EventKind) {
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
}
