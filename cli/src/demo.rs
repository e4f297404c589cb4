//! `fanzha demo`: a handful of explained verdicts on the embedded default
//! protection data — the first thing a newcomer runs.

use crate::common::CommonArgs;
use crate::output::write_human;
use crate::Failure;
use clap::Args;
use fanzha_core::payment::{AccountKind, CallContext, PaymentIntent};
use fanzha_core::{Channel, Guard, NumberContext, Verdict};
use std::io::Write;

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[command(flatten)]
    pub common: CommonArgs,
}

type Case = (&'static str, fn(&Guard) -> fanzha_core::Result<Verdict>);

const CASES: &[Case] = &[
    ("A call from ICBC's hotline 95588", |g| {
        g.check_number("95588", &NumberContext::default())
    }),
    (
        "The same hotline with a country code and padding (spoofed)",
        |g| g.check_number("+86 95588 0000", &NumberContext::default()),
    ),
    (
        "A call from 96110, the police anti-fraud warning line",
        |g| g.check_number("96110", &NumberContext::default()),
    ),
    (
        "A virtual-operator mobile number calling three times this hour",
        |g| {
            g.check_number(
                "170 1234 5678",
                &NumberContext {
                    calls_last_hour: 3,
                    ..NumberContext::default()
                },
            )
        },
    ),
    ("A caller from Cambodia", |g| {
        g.check_number("+855 12 345 678", &NumberContext::default())
    }),
    ("A withheld number", |g| {
        g.check_number("Private", &NumberContext::default())
    }),
    (
        "A landline with full-width digits and an extension, in contacts",
        |g| {
            g.check_number(
                "０７５５－８８８８ ９９９９ 转 123",
                &NumberContext {
                    in_contacts: true,
                    channel: Channel::Call,
                    ..NumberContext::default()
                },
            )
        },
    ),
    ("A phishing link posing as ICBC", |g| {
        g.check_link("http://www.icbc.com.cn.verify-account.top/login")
    }),
    ("A fake police 'safe account' message", |g| {
        g.check_message(
            Some("+8617012345678"),
            "【公安局】您的身份证涉嫌洗钱案件，请立即将资金转入安全账户配合资金清查，否则将冻结您名下所有账户。",
        )
    }),
    (
        "A 5,000 CNY bank transfer to a new payee while an unknown caller is on the line",
        |g| {
            g.forget_journey();
            let mut i =
                PaymentIntent::new("6222 0212 3456 7890 128", AccountKind::Card, 500_000, "CNY");
            i.new_payee = Some(true);
            i.context.call = Some(CallContext {
                number: Some("170 1234 5678".into()),
                duration_secs: 1500,
                in_contacts: false,
            });
            g.check_payment(&i)
        },
    ),
    (
        "Minutes after a spoofed-hotline call: 800 CNY to a new Alipay payee, memo 解冻保证金",
        |g| {
            g.forget_journey();
            g.check_number("+86 95588 0000", &NumberContext::default())?;
            let mut i = PaymentIntent::new("138 0013 8000", AccountKind::Alipay, 80_000, "CNY");
            i.new_payee = Some(true);
            i.memo = Some("解冻保证金".into());
            g.check_payment(&i)
        },
    ),
];

pub fn run(args: DemoArgs) -> Result<(), Failure> {
    let guard = args.common.guard()?;
    let lang = guard.settings().lang;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (what, case) in CASES {
        writeln!(out, "── {what}")?;
        match case(&guard) {
            Ok(v) => write_human(&mut out, &v, lang)?,
            Err(e) => writeln!(out, "  (not checked: {e})")?,
        }
        writeln!(out)?;
    }
    Ok(())
}
