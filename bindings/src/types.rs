//! The records and enums that cross the boundary, and their conversions from
//! the core's types. Wrapping (rather than exposing core types directly)
//! keeps the core free of FFI attributes and lets these read naturally in
//! Kotlin and Swift: signed integers (`Int`, not `UInt`), optional fields
//! with defaults, and no recursive records.
//!
//! Conversions are mechanical; nothing here decides anything about fraud.

use fanzha_core as core;

/// Whether the protection data could be consulted for a verdict. Branch on
/// this, not on reason codes: `Clear` with `Unavailable` means "the lists
/// could not be checked", never "nothing listed".
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Protection {
    /// Every list and rule of the current data was consulted.
    Full,
    /// Consulted, but the feed has expired: the last data received was used.
    Stale,
    /// The store's lists could not be read: only the built-in checks ran.
    Unavailable,
}

impl From<core::Protection> for Protection {
    fn from(p: core::Protection) -> Protection {
        match p {
            core::Protection::Full => Protection::Full,
            core::Protection::Stale => Protection::Stale,
            core::Protection::Unavailable => Protection::Unavailable,
        }
    }
}

/// How much the user should trust what was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Level {
    /// Positively identified legitimate source (an official hotline, a
    /// brand's own domain, a value the user allowed).
    Trusted,
    /// No signal. Not a guarantee.
    Clear,
    /// Some signals: warn the user.
    Suspicious,
    /// Strong signals: interrupt the user.
    Dangerous,
}

impl From<core::Level> for Level {
    fn from(l: core::Level) -> Level {
        match l {
            core::Level::Trusted => Level::Trusted,
            core::Level::Clear => Level::Clear,
            core::Level::Suspicious => Level::Suspicious,
            core::Level::Dangerous => Level::Dangerous,
        }
    }
}

/// What the host app should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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

impl From<core::Action> for Action {
    fn from(a: core::Action) -> Action {
        match a {
            core::Action::Allow => Action::Allow,
            core::Action::Warn => Action::Warn,
            core::Action::Confirm => Action::Confirm,
            core::Action::Block => Action::Block,
        }
    }
}

/// What kind of thing was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CheckKind {
    /// A phone number.
    Number,
    /// A link (URL).
    Link,
    /// A message (SMS or chat).
    Message,
    /// A payment.
    Payment,
}

impl From<core::Kind> for CheckKind {
    fn from(k: core::Kind) -> CheckKind {
        match k {
            core::Kind::Number => CheckKind::Number,
            core::Kind::Link => CheckKind::Link,
            core::Kind::Message => CheckKind::Message,
            core::Kind::Payment => CheckKind::Payment,
        }
    }
}

/// The fraud taxonomy (DESIGN.md). [`fraud_type_id`] gives the stable
/// snake_case id for analytics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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

impl From<core::FraudType> for FraudType {
    fn from(t: core::FraudType) -> FraudType {
        use core::FraudType as C;
        match t {
            C::RebateTask => FraudType::RebateTask,
            C::FakeInvestment => FraudType::FakeInvestment,
            C::FakeLoan => FraudType::FakeLoan,
            C::ImpersonateCustomerService => FraudType::ImpersonateCustomerService,
            C::ImpersonateAuthority => FraudType::ImpersonateAuthority,
            C::FakeCreditRepair => FraudType::FakeCreditRepair,
            C::FakeShopping => FraudType::FakeShopping,
            C::ImpersonateAcquaintance => FraudType::ImpersonateAcquaintance,
            C::GameTrading => FraudType::GameTrading,
            C::RomanceInvestment => FraudType::RomanceInvestment,
            C::FakeJob => FraudType::FakeJob,
            C::PrizeLottery => FraudType::PrizeLottery,
            C::VerificationCode => FraudType::VerificationCode,
            C::Phishing => FraudType::Phishing,
            C::MalwareApp => FraudType::MalwareApp,
            C::Other => FraudType::Other,
        }
    }
}

impl From<FraudType> for core::FraudType {
    fn from(t: FraudType) -> core::FraudType {
        use core::FraudType as C;
        match t {
            FraudType::RebateTask => C::RebateTask,
            FraudType::FakeInvestment => C::FakeInvestment,
            FraudType::FakeLoan => C::FakeLoan,
            FraudType::ImpersonateCustomerService => C::ImpersonateCustomerService,
            FraudType::ImpersonateAuthority => C::ImpersonateAuthority,
            FraudType::FakeCreditRepair => C::FakeCreditRepair,
            FraudType::FakeShopping => C::FakeShopping,
            FraudType::ImpersonateAcquaintance => C::ImpersonateAcquaintance,
            FraudType::GameTrading => C::GameTrading,
            FraudType::RomanceInvestment => C::RomanceInvestment,
            FraudType::FakeJob => C::FakeJob,
            FraudType::PrizeLottery => C::PrizeLottery,
            FraudType::VerificationCode => C::VerificationCode,
            FraudType::Phishing => C::Phishing,
            FraudType::MalwareApp => C::MalwareApp,
            FraudType::Other => C::Other,
        }
    }
}

/// The stable snake_case id of a fraud type (`impersonate_authority`, …),
/// the same string the CLI's JSON carries.
#[uniffi::export]
pub fn fraud_type_id(fraud_type: FraudType) -> String {
    core::FraudType::from(fraud_type).as_str().to_string()
}

/// One piece of evidence behind a verdict.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reason {
    /// Stable dotted id, e.g. `number.spoofed_service`: key UI and analytics on it.
    pub code: String,
    /// Contribution to the score; negative is evidence of legitimacy.
    pub weight: i32,
    /// Evidence in English for logs and support staff.
    pub detail: String,
}

impl From<core::Reason> for Reason {
    fn from(r: core::Reason) -> Reason {
        Reason {
            code: r.code,
            weight: r.weight,
            detail: r.detail,
        }
    }
}

/// A question the app can ask before going on (payments).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Question {
    /// Stable id, e.g. `payment.q.police_safe_account`; answers are keyed on it.
    pub id: String,
    /// The question in the guard's language.
    pub text: String,
}

impl From<core::Question> for Question {
    fn from(q: core::Question) -> Question {
        Question {
            id: q.id,
            text: q.text,
        }
    }
}

/// The verdict on one item pulled out of a message (a link, a number …).
/// The same fields as [`Verdict`] minus the message-only ones, so records
/// never nest recursively.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ItemVerdict {
    /// What was checked.
    pub kind: CheckKind,
    /// E.164 number, canonical URL or normalized account.
    pub normalized: Option<String>,
    /// Trusted, clear, suspicious or dangerous.
    pub level: Level,
    /// 0–100.
    pub score: i32,
    /// What the host app should do.
    pub action: Action,
    /// The most likely fraud type, when the verdict warns.
    pub fraud_type: Option<FraudType>,
    /// Why, strongest first.
    pub reasons: Vec<Reason>,
    /// Short localized headline.
    pub title: String,
    /// Localized advice lines.
    pub advice: Vec<String>,
}

impl From<core::Verdict> for ItemVerdict {
    fn from(v: core::Verdict) -> ItemVerdict {
        ItemVerdict {
            kind: v.kind.into(),
            normalized: v.normalized,
            level: v.level.into(),
            score: i32::from(v.score),
            action: v.action.into(),
            fraud_type: v.fraud_type.map(Into::into),
            reasons: v.reasons.into_iter().map(Into::into).collect(),
            title: v.title,
            advice: v.advice,
        }
    }
}

/// An item pulled out of a message, with its own verdict when it could be checked.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Extracted {
    /// `link`, `number`, `bank_card`, `im_id`, `verification_code`, …
    pub kind: String,
    /// The text as it appeared (after normalization).
    pub value: String,
    /// Its own verdict, when it could be checked.
    pub verdict: Option<ItemVerdict>,
}

impl From<core::Extracted> for Extracted {
    fn from(e: core::Extracted) -> Extracted {
        Extracted {
            kind: e.kind,
            value: e.value,
            verdict: e.verdict.map(|v| ItemVerdict::from(*v)),
        }
    }
}

/// The answer of every check. A fraud finding is a verdict, not an exception.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Verdict {
    /// What was checked.
    pub kind: CheckKind,
    /// The input as given (messages: a bounded preview).
    pub input: String,
    /// E.164 number, canonical URL, normalized account; none for messages.
    pub normalized: Option<String>,
    /// Trusted, clear, suspicious or dangerous.
    pub level: Level,
    /// 0–100.
    pub score: i32,
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
    /// Whether the protection data could be consulted.
    pub protection: Protection,
    /// Messages: the links, numbers, accounts found, each with its verdict.
    pub extracted: Vec<Extracted>,
    /// Payments: seconds the app should make the user wait before confirming.
    pub cool_off_seconds: Option<i32>,
    /// Payments: questions to ask before going on.
    pub questions: Vec<Question>,
    /// Set on every verdict of a guard opened on a store: report the
    /// person's decision (`recordDecision`) and "not a scam"
    /// (`markNotScam`) by it.
    #[uniffi(default = None)]
    pub id: Option<String>,
}

impl From<core::Verdict> for Verdict {
    fn from(v: core::Verdict) -> Verdict {
        Verdict {
            kind: v.kind.into(),
            input: v.input,
            normalized: v.normalized,
            level: v.level.into(),
            score: i32::from(v.score),
            action: v.action.into(),
            fraud_type: v.fraud_type.map(Into::into),
            reasons: v.reasons.into_iter().map(Into::into).collect(),
            title: v.title,
            advice: v.advice,
            feed_version: v.feed_version,
            protection: v.protection.into(),
            extracted: v.extracted.into_iter().map(Into::into).collect(),
            // Saturates rather than wraps: a cool-off is never negative.
            cool_off_seconds: v
                .cool_off_seconds
                .map(|s| i32::try_from(s).unwrap_or(i32::MAX)),
            questions: v.questions.into_iter().map(Into::into).collect(),
            id: v.id,
        }
    }
}

/// How a number reached the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Enum)]
pub enum Channel {
    /// A phone call.
    #[default]
    Call,
    /// A text message (SMS).
    Sms,
}

/// The network's caller-ID attestation (STIR/SHAKEN or equivalent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StirResult {
    /// The network verified the caller ID.
    Verified,
    /// The verification failed: the caller ID may be spoofed.
    Failed,
    /// The network did not verify the caller ID.
    NotVerified,
}

/// Facts the host app knows about a call or SMS. Every field but `channel`
/// has a default, so `NumberContext(Channel.CALL)` in Kotlin (Swift:
/// `NumberContext(channel: .call)`) means "a call, nothing else known".
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NumberContext {
    /// A call or an SMS.
    pub channel: Channel,
    /// The number is in the user's contacts.
    #[uniffi(default = false)]
    pub in_contacts: bool,
    /// The network's caller-ID attestation, when the host has one.
    #[uniffi(default = None)]
    pub stir: Option<StirResult>,
    /// Calls from this number in the last hour, this one included (≥ 0).
    #[uniffi(default = 0)]
    pub calls_last_hour: i32,
}

impl NumberContext {
    /// The core's context; a negative count is refused, never wrapped.
    pub(crate) fn to_core(&self) -> core::Result<core::NumberContext> {
        let calls_last_hour =
            u32::try_from(self.calls_last_hour).map_err(|_| core::Error::InvalidInput {
                kind: core::Kind::Number,
                why: "calls_last_hour is negative",
            })?;
        Ok(core::NumberContext {
            channel: match self.channel {
                Channel::Call => core::Channel::Call,
                Channel::Sms => core::Channel::Sms,
            },
            in_contacts: self.in_contacts,
            stir: self.stir.map(|s| match s {
                StirResult::Verified => core::StirResult::Verified,
                StirResult::Failed => core::StirResult::Failed,
                StirResult::NotVerified => core::StirResult::NotVerified,
            }),
            calls_last_hour,
        })
    }
}

impl From<Level> for core::Level {
    fn from(l: Level) -> core::Level {
        match l {
            Level::Trusted => core::Level::Trusted,
            Level::Clear => core::Level::Clear,
            Level::Suspicious => core::Level::Suspicious,
            Level::Dangerous => core::Level::Dangerous,
        }
    }
}
