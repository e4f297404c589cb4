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
use crate::types::{Action, Level, NumberContext, Protection, Verdict};
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

/// The result for one message of [`Guard::check_messages_brief`]: a quiet
/// verdict as a small record, a warning in full, or why the message could
/// not be checked.
///
/// An inbox scan mostly finds nothing; lifting a full [`Verdict`] (its
/// localized title and advice, every reason, the extracted items with their
/// own verdicts) into Kotlin costs several times the check itself, so a
/// verdict that does not warn comes back as its headline fields only. Call
/// `check_message` on such a message when its details are wanted.
#[derive(Debug, uniffi::Enum)]
pub enum MessageOutcome {
    /// The verdict does not warn (level trusted or clear): nothing to show.
    Quiet {
        /// Trusted or clear.
        level: Level,
        /// 0–100.
        score: i32,
        /// What the host app should do (`Allow` with the default rules).
        action: Action,
        /// Whether the protection data could be consulted: `Clear` with
        /// `Unavailable` means "could not check the lists".
        protection: Protection,
    },
    /// The verdict warns (level suspicious or dangerous): the full verdict,
    /// exactly what `check_message` returns.
    Warning {
        /// The verdict.
        verdict: Verdict,
    },
    /// The message could not be checked (the error `check_message` throws).
    Failed {
        /// Why.
        error: FanzhaError,
    },
}

impl From<core::Result<core::Verdict>> for MessageOutcome {
    fn from(r: core::Result<core::Verdict>) -> MessageOutcome {
        match r {
            Ok(v) if v.level >= core::Level::Suspicious => {
                MessageOutcome::Warning { verdict: v.into() }
            }
            Ok(v) => MessageOutcome::Quiet {
                level: v.level.into(),
                score: i32::from(v.score),
                action: v.action.into(),
                protection: v.protection.into(),
            },
            Err(e) => MessageOutcome::Failed { error: e.into() },
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
        self.messages_as(messages, parallelism)
    }

    /// Checks many messages like `check_messages`, with a cheaper result
    /// for what does not warn: one [`MessageOutcome`] per message, in
    /// order; `Quiet` (level, score, action, protection) for a trusted or
    /// clear verdict, `Warning` with the full verdict for a suspicious or
    /// dangerous one, `Failed` for a message that could not be checked.
    /// The checks, and what they remember, are those of `check_messages`.
    #[uniffi::method(default(parallelism = 0))]
    pub fn check_messages_brief(
        &self,
        messages: Vec<MessageInput>,
        parallelism: u32,
    ) -> Vec<MessageOutcome> {
        self.messages_as(messages, parallelism)
    }
}

impl Guard {
    /// The batch message check behind `check_messages` and
    /// `check_messages_brief`: one result per message, in order, in the
    /// shape `T` the caller lifts.
    fn messages_as<T: From<core::Result<core::Verdict>>>(
        &self,
        messages: Vec<MessageInput>,
        parallelism: u32,
    ) -> Vec<T> {
        let pairs: Vec<(Option<String>, String)> =
            messages.into_iter().map(|m| (m.sender, m.body)).collect();
        self.inner
            .check_messages(&pairs, self::parallelism(parallelism))
            .into_iter()
            .map(Into::into)
            .collect()
    }
}
