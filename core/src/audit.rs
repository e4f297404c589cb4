//! The bank's flow around a verdict: an id on every verdict checked with a
//! store, the warning audit log ([`crate::store::AuditRecord`]), the
//! person's decision, and "not a scam" feedback.
//!
//! Every verdict at action `warn` or above is recorded in the store (time,
//! kind, level, action, fraud type, reason codes, the title shown, feed
//! version). The host reports what the person did by the verdict's id
//! ([`Guard::record_decision`]); [`Guard::export_audit`] gives the log to
//! the bank's own systems, without the checked values unless asked.
//! [`Guard::mark_not_scam`] adds a local allow rule for the value (numbers,
//! links, payees) and queues a `false_alarm` report for upload.

use crate::blocklist::ListKind;
use crate::error::Result;
use crate::store::{
    AuditRecord, AuditStats, AuditWriter, Decision, NewReport, ReportCategory, Store, StoreError,
};
use crate::verdict::Kind;
use crate::Guard;

/// What [`Guard::mark_not_scam`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotScam {
    /// The value now allowed by a user rule (canonical), when the warning
    /// was about a number, link or payee; `None` for a message.
    pub allowed: Option<String>,
    /// The id of the queued `false_alarm` report.
    pub report_id: i64,
}

impl Guard {
    /// The store, once every warning queued so far is written (so a
    /// decision, an export or "not a scam" sees every verdict given before).
    fn audit_store(&self) -> Result<&Store> {
        let store = self.store().ok_or(StoreError::Unavailable)?;
        self.flush_audit()?;
        Ok(store)
    }

    /// Waits until every warning given so far is in the audit log (the
    /// writer runs off the check path). [`Guard::record_decision`],
    /// [`Guard::export_audit`] and [`Guard::mark_not_scam`] do this
    /// themselves, and so does dropping the guard; a host may call it when
    /// the app goes to the background.
    pub fn flush_audit(&self) -> Result<()> {
        if let Some(a) = self.audit_writer() {
            a.flush()?;
        }
        Ok(())
    }

    /// What the audit writer has done (queued, written, dropped, failed);
    /// `None` without a store.
    pub fn audit_stats(&self) -> Option<AuditStats> {
        self.audit_writer().map(AuditWriter::stats)
    }

    /// Records what the person did after the warning with verdict id `id`.
    /// Refused (nothing written) for an id that is not a recorded warning;
    /// a later decision replaces an earlier one.
    pub fn record_decision(&self, id: &str, decision: Decision) -> Result<AuditRecord> {
        let mut rec = self.audit_store()?.audit_decide(id.trim(), decision)?;
        rec.value = None;
        Ok(rec)
    }

    /// The warning audit log, oldest first. The checked values (number,
    /// link, account, message preview) are included only when
    /// `include_values` is true — the host's explicit choice.
    pub fn export_audit(&self, include_values: bool) -> Result<Vec<AuditRecord>> {
        Ok(self.audit_store()?.audit_entries(include_values)?)
    }

    /// [`Guard::export_audit`] as a JSON array (the CLI's `audit export`).
    pub fn export_audit_json(&self, include_values: bool) -> Result<String> {
        let log = self.export_audit(include_values)?;
        Ok(serde_json::to_string(&log).expect("audit records serialize"))
    }

    /// The person says the warning with verdict id `id` was wrong: the
    /// value gets a local allow rule (numbers, links, payees — so the next
    /// check is `trusted` with a `*.user_allowed` reason) and a
    /// `false_alarm` report is queued for the reporting app to upload.
    ///
    /// Refused for an unknown id or one already marked. Each step can be
    /// retried: the allow rule is idempotent and the warning is marked only
    /// after the report is queued.
    pub fn mark_not_scam(&self, id: &str) -> Result<NotScam> {
        let store = self.audit_store()?;
        let id = id.trim();
        let rec = store.audit_entry(id)?;
        if rec.not_scam {
            return Err(StoreError::InvalidValue {
                what: "warning id",
                why: "already marked not a scam",
            }
            .into());
        }
        let value = rec
            .value
            .clone()
            .ok_or(StoreError::corrupt("audit record"))?;
        let list = match rec.kind {
            Kind::Number => Some(ListKind::Number),
            Kind::Link => Some(ListKind::Url),
            Kind::Payment => Some(ListKind::Account),
            Kind::Message => None,
        };
        let allowed = match list {
            Some(kind) => Some(self.allow(kind, &value)?),
            None => None,
        };
        let report_id = store.add_report(NewReport {
            kind: rec.kind,
            value,
            fraud_type: rec.fraud_type,
            note: String::new(),
            category: ReportCategory::FalseAlarm,
        })?;
        store.audit_mark_not_scam(id)?;
        Ok(NotScam { allowed, report_id })
    }
}
