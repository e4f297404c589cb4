//! The verdict model shared by every check (see DESIGN.md, "The verdict").
//!
//! A fraud finding is data, not an error: every check returns a [`Verdict`]
//! whose `reasons` explain the `level`, `score` and `action`. Reason codes are
//! stable dotted ids (`number.spoofed_service`, `link.homograph`, …) and part
//! of the public contract: hosts key UI and analytics on them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether the protection data could be consulted for a verdict.
///
/// A host branches on this, not on reason codes: a `clear` verdict with
/// [`Protection::Unavailable`] means "could not check the lists", never
/// "nothing listed" — show it as such.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    /// Every list and rule of the current data was consulted.
    #[default]
    Full,
    /// Consulted, but the feed has expired (`feed.stale`): the last data
    /// received was used.
    Stale,
    /// The store's lists could not be read (damaged, missing, unreadable):
    /// only the embedded default checks ran (`store.unavailable`).
    Unavailable,
}

/// How much the user should trust what was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Positively identified legitimate source (an official bank hotline, a
    /// brand's own domain, a value the user allowed).
    Trusted,
    /// No signal. Not a guarantee.
    Clear,
    /// Some signals: warn the user.
    Suspicious,
    /// Strong signals: interrupt the user.
    Dangerous,
}

impl Level {
    /// The stable lower-case id (`trusted`, `clear`, `suspicious`, `dangerous`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Trusted => "trusted",
            Level::Clear => "clear",
            Level::Suspicious => "suspicious",
            Level::Dangerous => "dangerous",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the host app should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Let it through.
    Allow,
    /// Let it through with a warning.
    Warn,
    /// Interrupt and ask the user to confirm; payments carry a cool-off.
    Confirm,
    /// Stop it.
    Block,
}

impl Action {
    /// The stable lower-case id.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Warn => "warn",
            Action::Confirm => "confirm",
            Action::Block => "block",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The fraud taxonomy (DESIGN.md). Ids are stable snake_case strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FraudType {
    /// Paid "tasks" and order brushing with rebates (刷单返利).
    RebateTask,
    /// Fake investment and wealth management (虚假投资理财).
    FakeInvestment,
    /// Fake loans (虚假贷款).
    FakeLoan,
    /// Impersonating e-commerce, logistics or bank customer service (冒充客服).
    ImpersonateCustomerService,
    /// Impersonating police, prosecutors, courts or officials (冒充公检法).
    ImpersonateAuthority,
    /// Fake credit-record repair (虚假征信).
    FakeCreditRepair,
    /// Fake shopping and services (虚假购物服务).
    FakeShopping,
    /// Impersonating a boss, relative or acquaintance (冒充领导熟人).
    ImpersonateAcquaintance,
    /// Fake trading of game accounts and items (网游虚假交易).
    GameTrading,
    /// Online romance turned investment (杀猪盘).
    RomanceInvestment,
    /// Fake jobs.
    FakeJob,
    /// Fake prizes and lotteries.
    PrizeLottery,
    /// Asking for a verification code.
    VerificationCode,
    /// Phishing: a page or message that steals credentials or card data.
    Phishing,
    /// A malicious app to install.
    MalwareApp,
    /// Fraud of another kind.
    Other,
}

impl FraudType {
    /// Every fraud type, in taxonomy order.
    pub const ALL: [FraudType; 16] = [
        FraudType::RebateTask,
        FraudType::FakeInvestment,
        FraudType::FakeLoan,
        FraudType::ImpersonateCustomerService,
        FraudType::ImpersonateAuthority,
        FraudType::FakeCreditRepair,
        FraudType::FakeShopping,
        FraudType::ImpersonateAcquaintance,
        FraudType::GameTrading,
        FraudType::RomanceInvestment,
        FraudType::FakeJob,
        FraudType::PrizeLottery,
        FraudType::VerificationCode,
        FraudType::Phishing,
        FraudType::MalwareApp,
        FraudType::Other,
    ];

    /// The stable snake_case id.
    pub fn as_str(self) -> &'static str {
        match self {
            FraudType::RebateTask => "rebate_task",
            FraudType::FakeInvestment => "fake_investment",
            FraudType::FakeLoan => "fake_loan",
            FraudType::ImpersonateCustomerService => "impersonate_customer_service",
            FraudType::ImpersonateAuthority => "impersonate_authority",
            FraudType::FakeCreditRepair => "fake_credit_repair",
            FraudType::FakeShopping => "fake_shopping",
            FraudType::ImpersonateAcquaintance => "impersonate_acquaintance",
            FraudType::GameTrading => "game_trading",
            FraudType::RomanceInvestment => "romance_investment",
            FraudType::FakeJob => "fake_job",
            FraudType::PrizeLottery => "prize_lottery",
            FraudType::VerificationCode => "verification_code",
            FraudType::Phishing => "phishing",
            FraudType::MalwareApp => "malware_app",
            FraudType::Other => "other",
        }
    }

    /// Parses a stable id; `None` for an unknown id.
    pub fn parse(id: &str) -> Option<FraudType> {
        FraudType::ALL.iter().copied().find(|t| t.as_str() == id)
    }
}

impl fmt::Display for FraudType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of thing was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A phone number.
    Number,
    /// A link (URL).
    Link,
    /// A message (SMS or chat).
    Message,
    /// A payment.
    Payment,
}

impl Kind {
    /// The stable id (`number`, `link`, `message`, `payment`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Link => "link",
            Kind::Message => "message",
            Kind::Payment => "payment",
        }
    }

    /// Parses `number`, `link`, `message` or `payment`.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "number" => Some(Kind::Number),
            "link" => Some(Kind::Link),
            "message" => Some(Kind::Message),
            "payment" => Some(Kind::Payment),
            _ => None,
        }
    }
}

/// The language of `title` and `advice`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese (`zh-Hans`).
    #[default]
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Parses a BCP-47-ish locale: `zh`, `zh-CN`, `zh-Hans`, `zh_Hans_CN` → zh-Hans;
    /// anything starting with `en` → en. Other languages fall back to English,
    /// the lingua franca for regions we have no text for yet.
    pub fn from_locale(locale: &str) -> Lang {
        let l = locale.trim().to_ascii_lowercase();
        if l.starts_with("zh") {
            Lang::ZhHans
        } else {
            Lang::En
        }
    }

    /// The tag (`zh-Hans`, `en`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::En => "en",
        }
    }
}

/// One piece of evidence behind a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable dotted id, e.g. `number.spoofed_service`.
    pub code: String,
    /// Contribution to the score: positive raises risk, negative is evidence
    /// of legitimacy (an official number, a contact).
    pub weight: i32,
    /// Human-readable evidence (English, for logs and support staff): the
    /// matched phrase, the institution's name, the range.
    pub detail: String,
}

impl Reason {
    /// A reason with its code, weight and detail.
    pub fn new(code: impl Into<String>, weight: i32, detail: impl Into<String>) -> Reason {
        Reason {
            code: code.into(),
            weight,
            detail: detail.into(),
        }
    }
}

/// A question the host app can ask before going on (payments), with the
/// weight a "yes" adds when the answer is fed back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id, e.g. `payment.q.police_safe_account`.
    pub id: String,
    /// The question in the verdict's language.
    pub text: String,
}

/// An item pulled out of a message (link, number, account, IM id, code),
/// with its own verdict when it could be checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    /// `link`, `number`, `bank_card`, `im_id`, `verification_code`, …
    pub kind: String,
    /// The text as it appeared (after normalization).
    pub value: String,
    /// The item's own verdict (links and numbers), absent for items that are
    /// evidence only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Box<Verdict>>,
}

/// The answer of every check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// What was checked.
    pub kind: Kind,
    /// The input as given (messages: truncated to a bounded preview).
    pub input: String,
    /// The normalized form: E.164 number, canonical URL, normalized account;
    /// `None` when there is none (messages).
    pub normalized: Option<String>,
    /// Trusted, clear, suspicious or dangerous.
    pub level: Level,
    /// 0–100.
    pub score: u8,
    /// What the host app should do.
    pub action: Action,
    /// The most likely fraud type, when the verdict warns.
    pub fraud_type: Option<FraudType>,
    /// Why, strongest first: stable dotted codes with weights and details.
    pub reasons: Vec<Reason>,
    /// Short localized headline.
    pub title: String,
    /// Localized advice, most important first.
    pub advice: Vec<String>,
    /// Version of the protection data that produced this verdict.
    pub feed_version: String,
    /// Whether the protection data could be consulted (see [`Protection`]).
    #[serde(default)]
    pub protection: Protection,
    /// Items extracted from a message, each with its own verdict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extracted: Vec<Extracted>,
    /// Payments: seconds the app should make the user wait before confirming.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cool_off_seconds: Option<u32>,
    /// Payments: scam-specific questions to ask before going on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Set on every verdict of a guard opened on a store: the id a host
    /// reports the person's decision by ([`crate::Guard::record_decision`])
    /// and marks "not a scam" by ([`crate::Guard::mark_not_scam`]).
    /// Warnings (action `warn` or above) are recorded under it in the
    /// store's audit log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Verdict {
    /// True when any reason carries `code`.
    pub fn has_reason(&self, code: &str) -> bool {
        self.reasons.iter().any(|r| r.code == code)
    }

    /// The JSON object of the CLI contract:
    /// `{"kind","input","normalized","level","score","action","fraud_type","reasons","title","advice","feed_version","protection"}`
    /// plus `extracted`, `cool_off_seconds` and `questions` where present.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("a verdict always serializes")
    }
}
