#![warn(missing_docs)]
//! # fanzha-ffi
//!
//! The Kotlin and Swift face of `fanzha-core`, through UniFFI proc-macros.
//! This crate holds no detection logic: [`Guard`] wraps `fanzha_core::Guard`
//! and every exported item converts records in, calls the core, and
//! converts the answer (or the error, in exactly one place) out.
//!
//! - [`guard`]: the `Guard` object and its settings.
//! - [`types`]: verdicts, number contexts — records and enums.
//! - [`payment`]: payment intents, their context, answers, journey events.
//! - [`error`]: `FanzhaError` (`FanzhaException` in Kotlin).
//! - [`logging`]: the host's log sink.
//! - [`keys`]: the host's `KeyProvider` (Keystore / Keychain) for the store.
//! - [`store`]: user rules and reports as records.
//! - [`fast`]: the direct-call path behind Kotlin's `FastGuard`.
//!
//! Bindings are generated in library mode from the built cdylib by
//! `bindings/scripts/generate-bindings.sh`.

pub mod error;
pub mod fast;
pub mod guard;
pub mod keys;
pub mod logging;
pub mod payment;
pub mod store;
pub mod types;

pub use error::{FanzhaError, FeedRefusal, StoreProblem};
pub use guard::{
    AuditEntry, CheckResult, Decision, FeedApplied, FeedStatus, Guard, GuardSettings, MessageInput,
    MessageOutcome, ModelStatus, NotScamResult, ProtectionStatus, Speaker, Turn,
};
pub use keys::KeyProvider;
pub use logging::{install_log_sink, LogLevel, LogRecord, LogSink};
pub use payment::{
    AccountKind, Answer, CallContext, Event, EventKind, NameCheck, NameCheckResult, PaymentContext,
    PaymentIntent,
};
pub use types::*;

uniffi::setup_scaffolding!();
