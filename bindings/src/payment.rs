//! Payment intents, their live context, answers and journey events as
//! records, converted into the core's types. No checks here: amounts,
//! accounts and currencies are validated by the core.

use crate::types::{FraudType, Level};
use fanzha_core as core;

/// What kind of account the payee has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum AccountKind {
    /// A bank card number (PAN).
    Card,
    /// An International Bank Account Number.
    Iban,
    /// An Alipay account.
    Alipay,
    /// A WeChat Pay account.
    Wechat,
    /// A phone number used as a payment id.
    Phone,
    /// Anything else: a domestic account number, a wallet id.
    Other,
}

impl From<AccountKind> for core::AccountKind {
    fn from(k: AccountKind) -> core::AccountKind {
        match k {
            AccountKind::Card => core::AccountKind::Card,
            AccountKind::Iban => core::AccountKind::Iban,
            AccountKind::Alipay => core::AccountKind::Alipay,
            AccountKind::Wechat => core::AccountKind::Wechat,
            AccountKind::Phone => core::AccountKind::Phone,
            AccountKind::Other => core::AccountKind::Other,
        }
    }
}

/// The call the user is on while paying.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CallContext {
    /// The other party's number as shown; none when unknown or withheld.
    #[uniffi(default = None)]
    pub number: Option<String>,
    /// How long the call has lasted so far (≥ 0).
    #[uniffi(default = 0)]
    pub duration_secs: i32,
    /// The number is in the user's contacts.
    #[uniffi(default = false)]
    pub in_contacts: bool,
}

/// What the phone is doing while the user pays, as the host app knows it.
/// `PaymentContext()` means "nothing special".
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PaymentContext {
    /// On a call right now.
    #[uniffi(default = None)]
    pub call: Option<CallContext>,
    /// Screen sharing or casting is on.
    #[uniffi(default = false)]
    pub screen_sharing: bool,
    /// A remote-access / remote-control app is running.
    #[uniffi(default = false)]
    pub remote_access: bool,
    /// A third-party accessibility service is enabled.
    #[uniffi(default = false)]
    pub accessibility_service: bool,
    /// The device's offset from UTC in minutes (for "night"); none uses the
    /// region's default.
    #[uniffi(default = None)]
    pub utc_offset_minutes: Option<i32>,
    /// Package ids of apps active now; remote-control and screen-share apps
    /// are recognised from the payment rules' list.
    #[uniffi(default = [])]
    pub running_apps: Vec<String>,
    /// Package ids of apps installed lately from outside an app store.
    #[uniffi(default = [])]
    pub recent_sideloaded_apps: Vec<String>,
    /// Developer options are on.
    #[uniffi(default = false)]
    pub developer_options: bool,
}

/// The outcome of the bank's payee-name check (Confirmation / Verification
/// of Payee).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum NameCheckResult {
    /// The name matches the account holder's.
    Match,
    /// The name is close to the account holder's (the bank returns the real one).
    CloseMatch,
    /// The name does not match.
    NoMatch,
    /// The check could not be made.
    Unavailable,
}

/// The bank's payee-name check: result and the name it returned.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NameCheck {
    /// What the bank's check found.
    pub result: NameCheckResult,
    /// The account holder's name the bank returned (close match).
    #[uniffi(default = None)]
    pub returned_name: Option<String>,
}

impl From<&NameCheck> for core::payment::NameCheck {
    fn from(n: &NameCheck) -> core::payment::NameCheck {
        use core::payment::NameCheckResult as R;
        core::payment::NameCheck {
            result: match n.result {
                NameCheckResult::Match => R::Match,
                NameCheckResult::CloseMatch => R::CloseMatch,
                NameCheckResult::NoMatch => R::NoMatch,
                NameCheckResult::Unavailable => R::Unavailable,
            },
            returned_name: n.returned_name.clone(),
        }
    }
}

/// A payment the user is about to make.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PaymentIntent {
    /// The payee account as shown or typed (spaces and dashes are fine).
    pub account: String,
    /// What kind of account it is.
    pub account_kind: AccountKind,
    /// Amount in minor units of `currency` (fen for CNY); must be positive.
    pub amount_minor: i64,
    /// ISO 4217 code, e.g. `CNY`.
    pub currency: String,
    /// The payee's name as typed or picked.
    #[uniffi(default = None)]
    pub payee_name: Option<String>,
    /// The payment's memo (remark) as typed.
    #[uniffi(default = None)]
    pub memo: Option<String>,
    /// The payee is new to this user, as the bank knows it; none lets the
    /// SDK decide from its own payee history.
    #[uniffi(default = None)]
    pub new_payee: Option<bool>,
    /// The bank's payee-name check, when it made one.
    #[uniffi(default = None)]
    pub name_check: Option<NameCheck>,
    /// Days since the payee's account was opened at the receiving bank
    /// (≥ 0), when known.
    #[uniffi(default = None)]
    pub payee_account_age_days: Option<i32>,
    /// What else the host knows around this payment (a call in progress, risky apps …).
    #[uniffi(default)]
    pub context: PaymentContext,
}

impl PaymentIntent {
    /// The core's intent; a negative call duration is refused, never wrapped.
    pub(crate) fn to_core(&self) -> core::Result<core::PaymentIntent> {
        let call = match &self.context.call {
            None => None,
            Some(c) => Some(core::CallContext {
                number: c.number.clone(),
                duration_secs: u32::try_from(c.duration_secs).map_err(|_| {
                    core::Error::InvalidInput {
                        kind: core::Kind::Payment,
                        why: "call duration is negative",
                    }
                })?,
                in_contacts: c.in_contacts,
            }),
        };
        Ok(core::PaymentIntent {
            account: self.account.clone(),
            account_kind: self.account_kind.into(),
            payee_name: self.payee_name.clone(),
            amount_minor: self.amount_minor,
            currency: self.currency.clone(),
            memo: self.memo.clone(),
            new_payee: self.new_payee,
            name_check: self.name_check.as_ref().map(Into::into),
            payee_account_age_days: match self.payee_account_age_days {
                None => None,
                Some(d) => Some(u32::try_from(d).map_err(|_| core::Error::InvalidInput {
                    kind: core::Kind::Payment,
                    why: "payee account age is negative",
                })?),
            },
            context: core::PaymentContext {
                call,
                screen_sharing: self.context.screen_sharing,
                remote_access: self.context.remote_access,
                accessibility_service: self.context.accessibility_service,
                utc_offset_minutes: self.context.utc_offset_minutes,
                running_apps: self.context.running_apps.clone(),
                recent_sideloaded_apps: self.context.recent_sideloaded_apps.clone(),
                developer_options: self.context.developer_options,
            },
        })
    }
}

/// The user's answer to one of a verdict's questions.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Answer {
    /// The question's id (`Question.id`).
    pub id: String,
    /// The user's answer: `true` for yes.
    pub yes: bool,
}

impl From<Answer> for core::Answer {
    fn from(a: Answer) -> core::Answer {
        core::Answer {
            id: a.id,
            yes: a.yes,
        }
    }
}

/// What kind of thing the host saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum EventKind {
    /// A call (incoming or outgoing).
    Call,
    /// A message (SMS, chat) that was flagged.
    Message,
    /// A link that was flagged (opened, tapped, scanned).
    Link,
}

/// Something the host app saw that the SDK did not check itself, for the
/// payment journey (the SDK records its own checks).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// How risky it was (a verdict's level, or the host's own judgement).
    pub level: Level,
    /// The fraud type, when the host (or a verdict) named one.
    #[uniffi(default = None)]
    pub fraud_type: Option<FraudType>,
    /// Calls: the other party's number as shown (hashed when recorded,
    /// never kept).
    #[uniffi(default = None)]
    pub subject: Option<String>,
    /// When it happened, ms since the Unix epoch; none = now.
    #[uniffi(default = None)]
    pub at_ms: Option<i64>,
}

impl From<Event> for core::Event {
    fn from(e: Event) -> core::Event {
        core::Event {
            kind: match e.kind {
                EventKind::Call => core::EventKind::Call,
                EventKind::Message => core::EventKind::Message,
                EventKind::Link => core::EventKind::Link,
            },
            level: e.level.into(),
            fraud_type: e.fraud_type.map(Into::into),
            subject: e.subject,
            at_ms: e.at_ms,
        }
    }
}
