#![warn(missing_docs)]
//! # fanzha-core
//!
//! The on-device anti-fraud engine. A [`Guard`] checks phone numbers, links,
//! message text and payment intents against the protection data in a
//! [`Snapshot`] (embedded default, signed feeds, the encrypted store) and
//! returns an explained [`Verdict`].
//!
//! ```
//! use fanzha_core::{Guard, Settings, Level, NumberContext};
//!
//! let guard = Guard::new(Settings::default()).unwrap();
//! let v = guard.check_number("+86 95588 0000", &NumberContext::default()).unwrap();
//! assert_eq!(v.level, Level::Dangerous);
//! assert!(v.has_reason("number.spoofed_service"));
//! ```
//!
//! ## Layers
//!
//! Modules import only from below (checked by `core/tests/module_graph.rs`,
//! which fails on any import cycle):
//!
//! 1. [`Guard`] composes everything (`audit` and `batch` extend it);
//! 2. [`feed`]: signed feeds, applied to the store;
//! 3. [`store`]: the encrypted store; [`conversation`]: dialogues, over the
//!    message check (both read the snapshot);
//! 4. [`snapshot`]: the immutable protection data of one version;
//! 5. the checks: [`message`] (over [`link`] and [`number`]), [`payment`]
//!    (over [`number`]), [`directory`]; each reads the snapshot through
//!    its own data trait, never the snapshot itself;
//! 6. scoring, texts, [`blocklist`], the rules' JSON reader (`rules_json`),
//!    and the leaf [`Error`] (which also defines the store's and the feed's
//!    error types);
//! 7. [`Verdict`] and its vocabulary, [`model`], [`clock`].

mod audit;
mod batch;
pub mod blocklist;
pub mod clock;
pub mod conversation;
pub mod directory;
mod error;
mod fasthash;
pub mod feed;
pub mod golomb;
mod guard;
mod ids;
pub mod link;
pub mod message;
pub mod model;
pub mod number;
pub mod payment;
mod rules_json;
mod scoring;
pub mod snapshot;
pub mod store;
mod text;
mod verdict;

pub use audit::NotScam;
pub use batch::Parallelism;
pub use error::{Error, Result};
pub use guard::{Guard, Settings};
pub use number::{Channel, NumberContext, StirResult};
pub use payment::{
    AccountKind, Answer, CallContext, Event, EventKind, PaymentContext, PaymentIntent,
};
pub use scoring::ScoringRules;
pub use snapshot::{RuleSources, Snapshot};
pub use store::{AuditRecord, AuditStats, Decision, AUDIT_FULL_WAIT, AUDIT_QUEUE_CAPACITY};
pub use text::Texts;
pub use verdict::{
    Action, Extracted, FraudType, Kind, Lang, Level, Protection, Question, Reason, Verdict,
};
