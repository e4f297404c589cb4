//! What a bank app hands the payment check: the intent and its live context.
//!
//! # JSON schema (`fanzha scan --kind payment`, one object per line)
//!
//! ```json
//! {
//!   "account": "6222 0212 3456 7890 128",   // required: payee account as shown
//!   "account_kind": "card",                  // card | iban | alipay | wechat | phone | other (default other)
//!   "payee_name": "张三",                     // optional
//!   "amount_minor": 500000,                  // required: integer, minor units (500000 = 5000.00 CNY)
//!   "currency": "CNY",                       // required: ISO 4217
//!   "memo": "货款",                           // optional
//!   "new_payee": true,                       // optional: omitted = the SDK's own payee history decides
//!   "name_check": {                          // optional: the bank's payee-name check (Confirmation /
//!     "result": "no_match",                  //   Verification of Payee): match | close_match | no_match | unavailable
//!     "returned_name": null                  //   the name the bank returned (close_match)
//!   },
//!   "payee_account_age_days": 3,             // optional: age of the account at the receiving bank
//!   "context": {                             // optional: what the phone is doing right now
//!     "call": {                              // on a call right now (omit when not)
//!       "number": "+8617012345678",          // omitted or null = unknown / withheld caller
//!       "duration_secs": 420,
//!       "in_contacts": false
//!     },
//!     "screen_sharing": false,
//!     "remote_access": false,                // a remote-control app is running
//!     "accessibility_service": false,        // a third-party accessibility service is enabled
//!     "running_apps": ["com.example.app"],   // package ids of apps active now (matched against the
//!                                            // remote-control / screen-share list in payments.json)
//!     "recent_sideloaded_apps": [],          // package ids installed lately from outside an app store
//!     "developer_options": false,            // developer options / USB debugging are on
//!     "utc_offset_minutes": 480              // device's offset; omitted = the region's default
//!   }
//! }
//! ```
//!
//! Unknown fields are refused (a typo such as `amount` for `amount_minor`
//! must not silently check a different payment).

use crate::error::{Error, Result};
use crate::verdict::Kind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest memo accepted, in bytes. Bank memos are far shorter; a longer one
/// is refused rather than scanned.
pub const MAX_MEMO_BYTES: usize = 2048;
/// Longest payee name accepted, in bytes.
pub const MAX_PAYEE_NAME_BYTES: usize = 256;
/// Most package ids accepted in `running_apps` or `recent_sideloaded_apps`.
pub const MAX_APP_IDS: usize = 256;
/// Longest package id accepted, in bytes.
pub const MAX_APP_ID_BYTES: usize = 256;
/// Longest JSON intent accepted by [`PaymentIntent::from_json`], in bytes.
pub const MAX_INTENT_JSON_BYTES: usize = 16 * 1024;

/// What kind of account the payee has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A bank card number (PAN), 12–19 digits.
    Card,
    /// An International Bank Account Number.
    Iban,
    /// An Alipay account (phone number, e-mail or id).
    Alipay,
    /// A WeChat Pay account (WeChat id or phone number).
    Wechat,
    /// A phone number used as a payment id.
    Phone,
    /// Anything else: a domestic account number, a wallet id.
    #[default]
    Other,
}

impl AccountKind {
    /// Every kind, in declaration order.
    pub const ALL: [AccountKind; 6] = [
        AccountKind::Card,
        AccountKind::Iban,
        AccountKind::Alipay,
        AccountKind::Wechat,
        AccountKind::Phone,
        AccountKind::Other,
    ];

    /// The stable id (`card`, `iban`, `alipay`, `wechat`, `phone`, `other`).
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Card => "card",
            AccountKind::Iban => "iban",
            AccountKind::Alipay => "alipay",
            AccountKind::Wechat => "wechat",
            AccountKind::Phone => "phone",
            AccountKind::Other => "other",
        }
    }

    /// Parses a stable id; `None` when unknown.
    pub fn parse(id: &str) -> Option<AccountKind> {
        AccountKind::ALL.iter().copied().find(|k| k.as_str() == id)
    }
}

impl fmt::Display for AccountKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The call the user is on while paying.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallContext {
    /// The other party's number as shown; `None` when unknown or withheld.
    #[serde(default)]
    pub number: Option<String>,
    /// How long the call has lasted so far.
    #[serde(default)]
    pub duration_secs: u32,
    /// The number is in the user's contacts.
    #[serde(default)]
    pub in_contacts: bool,
}

/// What the phone is doing while the user pays, as the host app knows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentContext {
    /// On a call right now.
    #[serde(default)]
    pub call: Option<CallContext>,
    /// Screen sharing or casting is on.
    #[serde(default)]
    pub screen_sharing: bool,
    /// A remote-access / remote-control app is running.
    #[serde(default)]
    pub remote_access: bool,
    /// A third-party accessibility service is enabled.
    #[serde(default)]
    pub accessibility_service: bool,
    /// Package ids of apps active right now (foreground, running a
    /// service, holding a screen capture). Matched against the
    /// remote-control / screen-share list in the payment rules.
    #[serde(default)]
    pub running_apps: Vec<String>,
    /// Package ids of apps installed recently from outside an app store
    /// (sideloaded), as the host knows it (e.g. Play Integrity's
    /// app-access risk verdict or the package installer source).
    #[serde(default)]
    pub recent_sideloaded_apps: Vec<String>,
    /// Developer options (or USB debugging) are on.
    #[serde(default)]
    pub developer_options: bool,
    /// The device's offset from UTC in minutes (for "night"); `None` uses
    /// the region's default from the rules.
    #[serde(default)]
    pub utc_offset_minutes: Option<i32>,
}

/// The outcome of the bank's payee-name check (UK Confirmation of Payee, EU
/// Verification of Payee and similar schemes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameCheckResult {
    /// The name given matches the account holder's.
    Match,
    /// Close but not exact; the bank returns the holder's name.
    CloseMatch,
    /// The name does not match the account holder's.
    NoMatch,
    /// The check could not be made (scheme not supported, timeout).
    Unavailable,
}

impl NameCheckResult {
    /// Every result, in declaration order.
    pub const ALL: [NameCheckResult; 4] = [
        NameCheckResult::Match,
        NameCheckResult::CloseMatch,
        NameCheckResult::NoMatch,
        NameCheckResult::Unavailable,
    ];

    /// The stable id (`match`, `close_match`, `no_match`, `unavailable`).
    pub fn as_str(self) -> &'static str {
        match self {
            NameCheckResult::Match => "match",
            NameCheckResult::CloseMatch => "close_match",
            NameCheckResult::NoMatch => "no_match",
            NameCheckResult::Unavailable => "unavailable",
        }
    }

    /// Parses a stable id; `None` when unknown.
    pub fn parse(id: &str) -> Option<NameCheckResult> {
        NameCheckResult::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == id)
    }
}

/// The bank's payee-name check: its result and, for a close match, the
/// account holder's name it returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameCheck {
    /// What the bank's check found.
    pub result: NameCheckResult,
    /// The name the bank returned (usually with `close_match`).
    #[serde(default)]
    pub returned_name: Option<String>,
}

/// A payment the user is about to make.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentIntent {
    /// The payee account as shown or typed (spaces and dashes are fine).
    pub account: String,
    /// What kind of account it is (card, IBAN, wallet, phone number …).
    #[serde(default)]
    pub account_kind: AccountKind,
    /// The payee's name as the user typed or picked it.
    #[serde(default)]
    pub payee_name: Option<String>,
    /// Amount in minor units of `currency` (fen for CNY, cents for USD, yen
    /// for JPY). Must be positive.
    pub amount_minor: i64,
    /// ISO 4217 code, e.g. `CNY`.
    pub currency: String,
    /// The payment's memo (remark) as typed.
    #[serde(default)]
    pub memo: Option<String>,
    /// The payee is new to this user, as the bank knows it. `None` lets the
    /// SDK decide from its own payee history (never paid through it → new).
    #[serde(default)]
    pub new_payee: Option<bool>,
    /// The bank's payee-name check, when it made one.
    #[serde(default)]
    pub name_check: Option<NameCheck>,
    /// Days since the payee's account was opened at the receiving bank,
    /// when the bank knows it.
    #[serde(default)]
    pub payee_account_age_days: Option<u32>,
    /// What else the host knows around this payment (a call in progress, risky apps …).
    #[serde(default)]
    pub context: PaymentContext,
}

impl PaymentIntent {
    /// A minimal intent: account, kind, amount in minor units, currency.
    pub fn new(
        account: impl Into<String>,
        kind: AccountKind,
        amount_minor: i64,
        currency: impl Into<String>,
    ) -> Self {
        PaymentIntent {
            account: account.into(),
            account_kind: kind,
            amount_minor,
            currency: currency.into(),
            ..PaymentIntent::default()
        }
    }

    /// Parses one JSON intent (schema in the module docs). Errors say what
    /// is wrong in general terms and never repeat the input.
    pub fn from_json(json: &str) -> Result<PaymentIntent> {
        if json.len() > MAX_INTENT_JSON_BYTES {
            return Err(Error::input(Kind::Payment, "intent JSON is too long"));
        }
        serde_json::from_str(json).map_err(|e| {
            Error::input(
                Kind::Payment,
                match e.classify() {
                    serde_json::error::Category::Data => {
                        "intent JSON has a missing, unknown or mistyped field (see the payment intent schema)"
                    }
                    _ => "intent is not a JSON object",
                },
            )
        })
    }
}

/// An answer to one of a verdict's questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The question's id (`payment.q.police_safe_account`).
    pub id: String,
    /// The user's answer: `true` for yes.
    pub yes: bool,
}

impl Answer {
    /// A "yes" to question `id`.
    pub fn yes(id: impl Into<String>) -> Answer {
        Answer {
            id: id.into(),
            yes: true,
        }
    }

    /// A "no" to question `id`.
    pub fn no(id: impl Into<String>) -> Answer {
        Answer {
            id: id.into(),
            yes: false,
        }
    }
}
