//! `fanzha check payment …` and the payment lines of `fanzha scan --kind payment`.

use crate::common::CommonArgs;
use crate::Failure;
use clap::{Args, ValueEnum};
use fanzha_core::payment::{AccountKind, CallContext, NameCheck, NameCheckResult, PaymentIntent};
use fanzha_core::{Guard, Verdict};

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum AccountKindArg {
    Card,
    Iban,
    Alipay,
    Wechat,
    Phone,
    Other,
}

impl From<AccountKindArg> for AccountKind {
    fn from(k: AccountKindArg) -> AccountKind {
        match k {
            AccountKindArg::Card => AccountKind::Card,
            AccountKindArg::Iban => AccountKind::Iban,
            AccountKindArg::Alipay => AccountKind::Alipay,
            AccountKindArg::Wechat => AccountKind::Wechat,
            AccountKindArg::Phone => AccountKind::Phone,
            AccountKindArg::Other => AccountKind::Other,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
#[value(rename_all = "snake_case")]
pub enum NameCheckArg {
    Match,
    CloseMatch,
    NoMatch,
    Unavailable,
}

impl From<NameCheckArg> for NameCheckResult {
    fn from(n: NameCheckArg) -> NameCheckResult {
        match n {
            NameCheckArg::Match => NameCheckResult::Match,
            NameCheckArg::CloseMatch => NameCheckResult::CloseMatch,
            NameCheckArg::NoMatch => NameCheckResult::NoMatch,
            NameCheckArg::Unavailable => NameCheckResult::Unavailable,
        }
    }
}

#[derive(Args, Debug)]
pub struct PaymentArgs {
    /// The payee account as shown (spaces and dashes are fine).
    #[arg(long)]
    pub account: String,
    /// What kind of account it is.
    #[arg(long, value_enum, default_value = "other")]
    pub kind: AccountKindArg,
    /// Amount in major units, e.g. 5000.00.
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// ISO 4217 currency code.
    #[arg(long, default_value = "CNY")]
    pub currency: String,
    /// Payee name as shown.
    #[arg(long)]
    pub payee_name: Option<String>,
    /// Transfer memo / remark.
    #[arg(long)]
    pub memo: Option<String>,
    /// The payee is new to this user.
    #[arg(long)]
    pub new_payee: bool,
    /// The bank's payee-name check result (Confirmation / Verification of Payee).
    #[arg(long, value_enum, value_name = "RESULT")]
    pub name_check: Option<NameCheckArg>,
    /// The account holder's name the bank returned (with close_match).
    #[arg(long, value_name = "NAME", requires = "name_check")]
    pub name_returned: Option<String>,
    /// Days since the payee's account was opened at the receiving bank.
    #[arg(long, value_name = "DAYS")]
    pub payee_account_age_days: Option<u32>,
    /// Package id of an app active right now (repeatable); remote-control and
    /// screen-share apps are recognised from the payment rules' list.
    #[arg(long = "running-app", value_name = "PACKAGE")]
    pub running_apps: Vec<String>,
    /// Package id of an app installed lately from outside an app store (repeatable).
    #[arg(long = "sideloaded-app", value_name = "PACKAGE")]
    pub sideloaded_apps: Vec<String>,
    /// Developer options are on.
    #[arg(long)]
    pub developer_options: bool,
    /// On a call right now with NUMBER.
    #[arg(long, value_name = "NUMBER", conflicts_with = "in_call_unknown")]
    pub in_call: Option<String>,
    /// On a call right now with an unknown or withheld number.
    #[arg(long)]
    pub in_call_unknown: bool,
    /// How long the call has lasted, in seconds.
    #[arg(long, default_value_t = 0)]
    pub call_secs: u32,
    /// Screen sharing or casting is on.
    #[arg(long)]
    pub screen_sharing: bool,
    /// A remote-access app is running.
    #[arg(long)]
    pub remote_access: bool,
    /// A third-party accessibility service is enabled.
    #[arg(long)]
    pub accessibility_service: bool,
    /// The device's UTC offset in minutes (default: the region's).
    #[arg(long, allow_hyphen_values = true)]
    pub utc_offset: Option<i32>,
    /// Print exactly one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl PaymentArgs {
    fn intent(&self, guard: &Guard) -> Result<PaymentIntent, Failure> {
        let amount_minor = guard
            .snapshot()
            .payments
            .parse_amount(&self.amount, &self.currency)?;
        let mut intent = PaymentIntent::new(
            self.account.clone(),
            self.kind.into(),
            amount_minor,
            self.currency.clone(),
        );
        intent.payee_name = self.payee_name.clone();
        intent.memo = self.memo.clone();
        intent.new_payee = Some(self.new_payee);
        intent.name_check = self.name_check.map(|r| NameCheck {
            result: r.into(),
            returned_name: self.name_returned.clone(),
        });
        intent.payee_account_age_days = self.payee_account_age_days;
        intent.context.running_apps = self.running_apps.clone();
        intent.context.recent_sideloaded_apps = self.sideloaded_apps.clone();
        intent.context.developer_options = self.developer_options;
        intent.context.call = match (&self.in_call, self.in_call_unknown) {
            (Some(n), _) => Some(CallContext {
                number: Some(n.clone()),
                duration_secs: self.call_secs,
                in_contacts: false,
            }),
            (None, true) => Some(CallContext {
                number: None,
                duration_secs: self.call_secs,
                in_contacts: false,
            }),
            (None, false) => None,
        };
        intent.context.screen_sharing = self.screen_sharing;
        intent.context.remote_access = self.remote_access;
        intent.context.accessibility_service = self.accessibility_service;
        intent.context.utc_offset_minutes = self.utc_offset;
        Ok(intent)
    }
}

/// `fanzha check payment`.
pub fn run(args: PaymentArgs) -> Result<(), Failure> {
    let guard = args.common.guard()?;
    let intent = args.intent(&guard)?;
    let verdict = guard.check_payment(&intent)?;
    crate::output::print_verdict(&verdict, args.json, guard.settings().lang)
}

/// One line of `fanzha scan --kind payment`: a JSON intent
/// (`fanzha_core::payment::PaymentIntent`), checked on its own — the journey
/// is forgotten first, so lines don't escalate each other.
pub fn scan_line(guard: &Guard, line: &str) -> fanzha_core::Result<Verdict> {
    let intent = PaymentIntent::from_json(line)?;
    guard.forget_journey();
    guard.check_payment(&intent)
}
