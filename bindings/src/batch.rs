//! Batch checks through the binding: a list in, a list out, one call.
//!
//! A call from Kotlin through JNA costs several times what a check costs in
//! Rust (cloning the handle, allocating and freeing argument and result
//! buffers, each a JNA call of its own). A batch pays that once for the
//! whole list, and the core spreads the items over threads
//! (`fanzha_core::Parallelism`). A child module of `guard` so it can reach
//! `inner`.

use super::Guard;
use crate::error::FanzhaError;
use crate::types::{NumberContext, Verdict};
use fanzha_core as core;

/// One message of a batch: its sender (a number or an alphanumeric id, if
/// known) and its body.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MessageInput {
    /// The sender as shown, if known.
    #[uniffi(default = None)]
    pub sender: Option<String>,
    /// The message text.
    pub body: String,
}

/// The result for one item of a batch: its verdict, or why it could not be
/// checked (the same error the single check would throw). Exactly one of
/// the two is set.
#[derive(Debug, uniffi::Record)]
pub struct CheckResult {
    /// The verdict, when the item could be checked.
    pub verdict: Option<Verdict>,
    /// Why it could not be checked, otherwise.
    pub error: Option<FanzhaError>,
}

impl From<core::Result<core::Verdict>> for CheckResult {
    fn from(r: core::Result<core::Verdict>) -> CheckResult {
        match r {
            Ok(v) => CheckResult {
                verdict: Some(v.into()),
                error: None,
            },
            Err(e) => CheckResult {
                verdict: None,
                error: Some(e.into()),
            },
        }
    }
}

fn parallelism(threads: u32) -> core::Parallelism {
    core::Parallelism(usize::try_from(threads).unwrap_or(usize::MAX))
}

#[uniffi::export]
impl Guard {
    /// Checks many numbers with one context (a call log, a list of payees).
    /// One result per number, in order. `parallelism`: threads to use, 0
    /// for every core, 1 for the calling thread only. Throws only for an
    /// invalid context; a bad number is an error in its own result.
    #[uniffi::method(default(parallelism = 0))]
    pub fn check_numbers(
        &self,
        numbers: Vec<String>,
        context: NumberContext,
        parallelism: u32,
    ) -> Result<Vec<CheckResult>, FanzhaError> {
        let ctx = context.to_core()?;
        Ok(self
            .inner
            .check_numbers(&numbers, &ctx, self::parallelism(parallelism))
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Checks many links. One result per link, in order; `parallelism` as
    /// for `check_numbers`.
    #[uniffi::method(default(parallelism = 0))]
    pub fn check_links(&self, urls: Vec<String>, parallelism: u32) -> Vec<CheckResult> {
        self.inner
            .check_links(&urls, self::parallelism(parallelism))
            .into_iter()
            .map(Into::into)
            .collect()
    }

    /// Checks many messages (an inbox scan). One result per message, in
    /// order; `parallelism` as for `check_numbers`.
    #[uniffi::method(default(parallelism = 0))]
    pub fn check_messages(
        &self,
        messages: Vec<MessageInput>,
        parallelism: u32,
    ) -> Vec<CheckResult> {
        let pairs: Vec<(Option<String>, String)> =
            messages.into_iter().map(|m| (m.sender, m.body)).collect();
        self.inner
            .check_messages(&pairs, self::parallelism(parallelism))
            .into_iter()
            .map(Into::into)
            .collect()
    }
}
