//! What the sender of a message is: an official number, another service
//! number, a personal mobile line, a number from abroad, an alphanumeric id,
//! or unknown — and the sender's own number verdict.

use crate::number::{self, Channel, NumberClass, NumberContext, NumberData, Parsed};
use crate::verdict::{Lang, Level, Verdict};

/// The sender's class, as a rule fact (`sender_<class>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderClass {
    /// No sender given (or withheld).
    None,
    /// An official number (bank 95xxx, 12381, 96110 …) sending as itself.
    Official,
    /// Another service number: 95xxx, 106 gateways, 400, carriers' lines.
    Service,
    /// A personal mobile, virtual-operator or IoT line.
    Mobile,
    /// A number from another country.
    International,
    /// An alphanumeric sender id ("HSBC", "RoyalMail").
    Alpha,
    /// A landline or a number that fits no range.
    Other,
}

impl SenderClass {
    /// The rule fact this class sets.
    pub fn fact(self) -> &'static str {
        match self {
            SenderClass::None => "sender_none",
            SenderClass::Official => "sender_official",
            SenderClass::Service => "sender_service",
            SenderClass::Mobile => "sender_mobile",
            SenderClass::International => "sender_international",
            SenderClass::Alpha => "sender_alpha",
            SenderClass::Other => "sender_other",
        }
    }
}

/// Longest sender id looked at, in bytes.
const MAX_SENDER_BYTES: usize = 64;

/// Classifies a sender and checks it as a number (SMS channel) when it is one.
pub(crate) fn classify(
    snap: &impl NumberData,
    region: &str,
    lang: Lang,
    sender: Option<&str>,
) -> (SenderClass, Option<Verdict>) {
    let Some(sender) = sender.map(str::trim).filter(|s| !s.is_empty()) else {
        return (SenderClass::None, None);
    };
    if sender.len() > MAX_SENDER_BYTES {
        return (SenderClass::Other, None);
    }
    let parsed = match number::parse(snap.numbers(), region, sender) {
        Ok(p) => p,
        Err(_) => {
            let alpha = sender.chars().any(char::is_alphabetic);
            return (
                if alpha {
                    SenderClass::Alpha
                } else {
                    SenderClass::Other
                },
                None,
            );
        }
    };
    let ctx = NumberContext {
        channel: Channel::Sms,
        ..NumberContext::default()
    };
    let verdict = number::check(snap, region, lang, sender, &ctx).ok();
    let class = match &parsed {
        Parsed::Withheld => SenderClass::None,
        Parsed::Number(p) => {
            if p.spoofs.is_some() && !p.padded {
                SenderClass::International
            } else if verdict.as_ref().is_some_and(|v| v.level == Level::Trusted) {
                SenderClass::Official
            } else {
                match p.class {
                    NumberClass::Mobile | NumberClass::VirtualOperator | NumberClass::Iot => {
                        SenderClass::Mobile
                    }
                    NumberClass::Service => SenderClass::Service,
                    NumberClass::International => SenderClass::International,
                    NumberClass::Landline | NumberClass::LocalLandline | NumberClass::Unknown => {
                        SenderClass::Other
                    }
                }
            }
        }
    };
    (class, verdict)
}
