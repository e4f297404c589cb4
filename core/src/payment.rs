//! Payment intents (issue: payment intents). Placeholder until that work
//! lands.

use crate::error::Result;

pub(crate) const EMBEDDED: &str = "{}";

#[derive(Debug, Default)]
pub struct PaymentRules {}

impl PaymentRules {
    pub fn from_json(_json: &str) -> Result<PaymentRules> {
        Ok(PaymentRules {})
    }
}
