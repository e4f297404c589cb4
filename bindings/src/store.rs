//! The user's own data in the encrypted store, as records: block / allow
//! rules and the reports queue. Conversions only; the store does the work.

use crate::types::{CheckKind, FraudType};
use fanzha_core as core;
use fanzha_core::blocklist::ListKind;
use fanzha_core::store as cstore;

/// Which kind of value a user rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RuleKind {
    /// A phone number (stored as E.164 in the guard's region).
    Number,
    /// A link's host: blocking `evil.example` covers every URL on it.
    Link,
    /// A payee account (without separators).
    Account,
}

impl From<RuleKind> for ListKind {
    fn from(k: RuleKind) -> ListKind {
        match k {
            RuleKind::Number => ListKind::Number,
            RuleKind::Link => ListKind::Url,
            RuleKind::Account => ListKind::Account,
        }
    }
}

impl From<ListKind> for RuleKind {
    fn from(k: ListKind) -> RuleKind {
        match k {
            ListKind::Number => RuleKind::Number,
            ListKind::Url => RuleKind::Link,
            ListKind::Account => RuleKind::Account,
        }
    }
}

/// What a user rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RuleAction {
    /// Checks of the value are `dangerous` with action `block`.
    Block,
    /// Checks of the value are `trusted`.
    Allow,
}

/// One of the user's own rules.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UserRule {
    /// Numbers, links or payee accounts.
    pub kind: RuleKind,
    /// The canonical value the rule is stored under.
    pub value: String,
    /// Block or allow.
    pub action: RuleAction,
}

impl From<cstore::UserRule> for UserRule {
    fn from(r: cstore::UserRule) -> UserRule {
        UserRule {
            kind: r.kind.into(),
            value: r.value,
            action: match r.action {
                cstore::RuleAction::Block => RuleAction::Block,
                cstore::RuleAction::Allow => RuleAction::Allow,
            },
        }
    }
}

/// A report the user is filing (queued in the store for the app to upload).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewReport {
    /// What is reported: a number, link, message or payment (payee).
    pub kind: CheckKind,
    /// The value as the user saw it (number, URL, message body, account).
    pub value: String,
    /// The fraud type the user picked, if any.
    #[uniffi(default = None)]
    pub fraud_type: Option<FraudType>,
    /// The user's own words.
    #[uniffi(default = "")]
    pub note: String,
}

impl From<NewReport> for cstore::NewReport {
    fn from(r: NewReport) -> cstore::NewReport {
        cstore::NewReport {
            kind: r.kind.into(),
            value: r.value,
            fraud_type: r.fraud_type.map(Into::into),
            note: r.note,
            category: cstore::ReportCategory::Scam,
        }
    }
}

/// A stored report.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Report {
    /// The report's id in the store.
    pub id: i64,
    /// What was reported.
    pub kind: CheckKind,
    /// The reported value as the user saw it.
    pub value: String,
    /// The fraud type the user picked, if any.
    pub fraud_type: Option<FraudType>,
    /// The user's own words.
    pub note: String,
    /// `false_alarm` for a "not a scam" report (`markNotScam`), else `scam`.
    #[uniffi(default = "scam")]
    pub category: String,
    /// When it was filed, ms since the Unix epoch.
    pub created_ms: i64,
    /// When the app said it uploaded it; none while pending.
    pub uploaded_ms: Option<i64>,
}

impl From<cstore::Report> for Report {
    fn from(r: cstore::Report) -> Report {
        Report {
            id: r.id,
            kind: r.kind.into(),
            value: r.value,
            fraud_type: r.fraud_type.map(Into::into),
            note: r.note,
            category: r.category.as_str().to_string(),
            created_ms: r.created_ms,
            uploaded_ms: r.uploaded_ms,
        }
    }
}

impl From<CheckKind> for core::Kind {
    fn from(k: CheckKind) -> core::Kind {
        match k {
            CheckKind::Number => core::Kind::Number,
            CheckKind::Link => core::Kind::Link,
            CheckKind::Message => core::Kind::Message,
            CheckKind::Payment => core::Kind::Payment,
        }
    }
}
