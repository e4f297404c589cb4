//! The bank's flow (issue 20): the warning audit log, the person's
//! decision, "not a scam" feedback, and the payee-name check input. A
//! child module of `guard` (it reads `Guard::inner`); conversions only.

use super::Guard;
use crate::error::FanzhaError;
use crate::types::{Action, CheckKind, FraudType, Level};
use fanzha_core as core;

/// What the person did after a warning, as the app reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Decision {
    /// Did not go on (hung up, cancelled the payment).
    Cancelled,
    /// Went on despite the warning.
    Proceeded,
    /// Asked for help (called the bank or 96110, asked family).
    AskedForHelp,
    /// Did not answer the warning in time.
    TimedOut,
}

impl From<Decision> for core::Decision {
    fn from(d: Decision) -> core::Decision {
        match d {
            Decision::Cancelled => core::Decision::Cancelled,
            Decision::Proceeded => core::Decision::Proceeded,
            Decision::AskedForHelp => core::Decision::AskedForHelp,
            Decision::TimedOut => core::Decision::TimedOut,
        }
    }
}

impl From<core::Decision> for Decision {
    fn from(d: core::Decision) -> Decision {
        match d {
            core::Decision::Cancelled => Decision::Cancelled,
            core::Decision::Proceeded => Decision::Proceeded,
            core::Decision::AskedForHelp => Decision::AskedForHelp,
            core::Decision::TimedOut => Decision::TimedOut,
        }
    }
}

/// One recorded warning.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditEntry {
    /// The verdict's id.
    pub id: String,
    /// When the warning was given, ms since the Unix epoch.
    pub time_ms: i64,
    /// The kind of check.
    pub kind: CheckKind,
    /// The verdict's level.
    pub level: Level,
    /// The verdict's action.
    pub action: Action,
    /// The verdict's fraud type.
    pub fraud_type: Option<FraudType>,
    /// Reason codes, in the verdict's order.
    pub reasons: Vec<String>,
    /// The title shown.
    pub title: String,
    /// Version of the protection data that gave the verdict.
    pub feed_version: String,
    /// What the person did, once reported.
    pub decision: Option<Decision>,
    /// When the decision was recorded (ms since the Unix epoch).
    pub decided_ms: Option<i64>,
    /// The person said it was not a scam.
    pub not_scam: bool,
    /// The checked value; none unless the export asked for values.
    pub value: Option<String>,
}

impl From<core::AuditRecord> for AuditEntry {
    fn from(r: core::AuditRecord) -> AuditEntry {
        AuditEntry {
            id: r.id,
            time_ms: r.time_ms,
            kind: r.kind.into(),
            level: r.level.into(),
            action: r.action.into(),
            fraud_type: r.fraud_type.map(Into::into),
            reasons: r.reasons,
            title: r.title,
            feed_version: r.feed_version,
            decision: r.decision.map(Into::into),
            decided_ms: r.decided_ms,
            not_scam: r.not_scam,
            value: r.value,
        }
    }
}

/// What `markNotScam` did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NotScamResult {
    /// A local allow rule was added (numbers, links, payees; not messages).
    pub allowed: bool,
    /// The id of the queued `false_alarm` report.
    pub report_id: i64,
}

/// What the audit log's writer has done since the guard opened its store.
/// Warnings are written off the check path; none is lost silently: one
/// that could not be queued (the queue stayed full) is counted in
/// `dropped` and its verdict has no id, one the store refused is counted
/// in `failed` (and logged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct AuditWriterStats {
    /// Warnings waiting to be written now.
    pub queued: i64,
    /// Warnings written to the store.
    pub written: i64,
    /// Warnings not recorded because the queue stayed full.
    pub dropped: i64,
    /// Warnings the store refused to write.
    pub failed: i64,
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[uniffi::export]
impl Guard {
    /// Waits until every warning given so far is in the audit log.
    /// `recordDecision`, `exportAudit` and `markNotScam` do this
    /// themselves, and so does `close`; call it when the app goes to the
    /// background. No-op without a store.
    pub fn flush_audit(&self) -> Result<(), FanzhaError> {
        self.inner.flush_audit()?;
        Ok(())
    }

    /// The audit writer's counters; null without a store.
    pub fn audit_stats(&self) -> Option<AuditWriterStats> {
        self.inner.audit_stats().map(|s| AuditWriterStats {
            queued: count(s.queued),
            written: count(s.written),
            dropped: count(s.dropped),
            failed: count(s.failed),
        })
    }

    /// Records what the person did after the warning with verdict id `id`
    /// (`Verdict.id`). Throws for an id that is not a recorded warning; a
    /// later decision replaces an earlier one. Needs a store.
    pub fn record_decision(&self, id: String, decision: Decision) -> Result<(), FanzhaError> {
        self.inner.record_decision(&id, decision.into())?;
        Ok(())
    }

    /// The warning audit log, oldest first. Checked values (numbers, links,
    /// accounts, message previews) only when `include_values`.
    pub fn export_audit(&self, include_values: bool) -> Result<Vec<AuditEntry>, FanzhaError> {
        let log = self.inner.export_audit(include_values)?;
        Ok(log.into_iter().map(Into::into).collect())
    }

    /// The audit log as a JSON array (the CLI's `audit export` form), for
    /// the bank's own systems.
    pub fn export_audit_json(&self, include_values: bool) -> Result<String, FanzhaError> {
        Ok(self.inner.export_audit_json(include_values)?)
    }

    /// The person says the warning with verdict id `id` was wrong: adds a
    /// local allow rule for its number, link or payee and queues a
    /// `false_alarm` report. Throws for an unknown id or one already marked.
    pub fn mark_not_scam(&self, id: String) -> Result<NotScamResult, FanzhaError> {
        let done = self.inner.mark_not_scam(&id)?;
        Ok(NotScamResult {
            allowed: done.allowed.is_some(),
            report_id: done.report_id,
        })
    }
}
