//! Conversations through the binding: a call transcript or a chat thread
//! (turns with their speaker) checked as a whole. A child module of `guard`
//! so it can reach `inner`.

use super::Guard;
use crate::error::FanzhaError;
use crate::types::Verdict;
use fanzha_core as core;

/// Who spoke a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Speaker {
    /// The other party: the caller, the chat contact.
    Remote,
    /// The user of the device.
    Local,
}

/// One turn of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Turn {
    /// Who spoke: the other party or the device's user.
    pub speaker: Speaker,
    /// What was said (a transcript line or a chat message).
    pub text: String,
}

impl From<Turn> for core::conversation::Turn {
    fn from(t: Turn) -> core::conversation::Turn {
        core::conversation::Turn {
            speaker: match t.speaker {
                Speaker::Remote => core::conversation::Speaker::Remote,
                Speaker::Local => core::conversation::Speaker::Local,
            },
            text: t.text,
        }
    }
}

#[uniffi::export]
impl Guard {
    /// Checks a conversation — a call transcript (speech to text) or a chat
    /// thread — as a whole: the arc of a scam across turns (someone claims
    /// authority → fear or urgency → secrecy → a transfer or a code
    /// requested), the message check and the message model on the other
    /// party's text. Reasons are `conversation.*` codes whose details name
    /// the turns. The verdict's kind is `Message`.
    ///
    /// Throws `InvalidInput` (kind `Message`) for no turns, no visible
    /// text, more than 500 turns or more than 256 KiB of text.
    pub fn check_conversation(&self, turns: Vec<Turn>) -> Result<Verdict, FanzhaError> {
        let turns: Vec<core::conversation::Turn> = turns.into_iter().map(Into::into).collect();
        Ok(self.inner.check_conversation(&turns)?.into())
    }
}
