//! Issue 20: verdict ids and the warning audit log (the rest of the bank's
//! flow, over the log, is in the crate's `audit` module).

use super::Guard;
use crate::store::{AuditRecord, AuditWriter, MAX_AUDIT_ID_BYTES};
use crate::verdict::{Action, Kind, Verdict};

impl Guard {
    pub(crate) fn audit_writer(&self) -> Option<&AuditWriter> {
        self.audit.as_ref()
    }
}

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
pub(super) fn stamp(audit: &AuditWriter, now_ms: i64, v: &mut Verdict) {
    let Some(id) = new_id() else {
        log::warn!("no random source for a verdict id");
        return;
    };
    if v.action >= Action::Warn {
        let value = match v.kind {
            Kind::Message => Some(v.input.clone()),
            _ => v.normalized.clone().or_else(|| Some(v.input.clone())),
        };
        let rec = AuditRecord::of_verdict(id.clone(), now_ms, v, value);
        if !audit.push(rec) {
            return;
        }
    }
    v.id = Some(id);
}
