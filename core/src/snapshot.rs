//! The immutable protection data every check reads: compiled rules of each
//! kind, the blocklist index, texts and scoring. A feed update builds a new
//! `Snapshot` and the [`crate::Guard`] swaps its `Arc`; readers never wait.

use crate::blocklist::{BlockIndex, MemoryIndex};
use crate::error::{Error, Result};
use crate::link::{LinkData, LinkRules};
use crate::message::{MessageData, PatternSet};
use crate::model::{self as model, FeatureKind, Model};
use crate::number::NumberData;
use crate::number::NumberRules;
use crate::payment::{PaymentData, PaymentRules};
use crate::scoring::CheckData;
use crate::scoring::ScoringRules;
use crate::text::Texts;
use crate::{link, message, payment};
use std::sync::Arc;

/// Version string of the embedded default protection data.
pub const EMBEDDED_VERSION: &str = concat!("embedded-", env!("CARGO_PKG_VERSION"));

/// Rule sources by kind, as JSON. `None` means "use the embedded default".
/// A feed carrying rules of a kind replaces that kind's default.
#[derive(Debug, Clone, Default)]
pub struct RuleSources {
    /// Number rules (`data/numbers.json` format).
    pub numbers: Option<String>,
    /// Link rules (`data/links.json` format).
    pub links: Option<String>,
    /// Message patterns (`data/patterns.json` format).
    pub patterns: Option<String>,
    /// Payment rules (`data/payments.json` format).
    pub payments: Option<String>,
    /// Scoring thresholds and actions (`data/scoring.json` format).
    pub scoring: Option<String>,
    /// A message model (FZML bytes, [`crate::model`]); `None`: the embedded
    /// default message model, if this build has one.
    pub message_model: Option<Arc<Vec<u8>>>,
    /// A link model (FZML bytes); `None`: the embedded default link model,
    /// if this build has one.
    pub link_model: Option<Arc<Vec<u8>>>,
}

/// Compiled protection data.
#[derive(Debug)]
pub struct Snapshot {
    /// Version of the protection data: the feed's, or [`EMBEDDED_VERSION`].
    pub feed_version: String,
    /// The feed behind this snapshot has expired: verdicts carry `feed.stale`.
    pub stale: bool,
    /// When the feed behind this snapshot expires (ms since the Unix epoch);
    /// from then on verdicts carry `feed.stale` even if `stale` was false
    /// when the snapshot was built. `None`: no feed (embedded data) or no
    /// expiry known.
    pub expires_ms: Option<i64>,
    /// Scoring thresholds and actions.
    pub scoring: ScoringRules,
    /// Titles and advice by language.
    pub texts: Texts,
    /// The numbering plan, official numbers and number weights.
    pub numbers: NumberRules,
    /// Link rules: brands, hosts, words and weights.
    pub links: link::LinkRules,
    /// Message patterns, compiled.
    pub patterns: message::PatternSet,
    /// Payment rules: thresholds, signals, questions.
    pub payments: payment::PaymentRules,
    /// The message model, if any (feed-supplied or embedded default).
    pub message_model: Option<Arc<Model>>,
    /// The link model, if any (feed-supplied or embedded default).
    pub link_model: Option<Arc<Model>>,
    /// The blocklist index (the store's, or an empty one).
    pub blocklist: Arc<dyn BlockIndex>,
}

impl Snapshot {
    /// True when verdicts on this data must carry `feed.stale`: the feed was
    /// already expired when the snapshot was built, or has expired since.
    pub fn is_stale(&self, now_ms: i64) -> bool {
        self.stale || self.expires_ms.is_some_and(|e| now_ms >= e)
    }

    /// The embedded default: useful with no feed at all.
    pub fn embedded() -> Result<Snapshot> {
        Snapshot::build(
            &RuleSources::default(),
            Arc::new(MemoryIndex::new()),
            EMBEDDED_VERSION.to_string(),
        )
    }

    /// Compiles rules (defaults where `sources` has none) around a blocklist.
    pub fn build(
        sources: &RuleSources,
        blocklist: Arc<dyn BlockIndex>,
        feed_version: String,
    ) -> Result<Snapshot> {
        let pick = |s: &Option<String>, default: &'static str| -> String {
            s.clone().unwrap_or_else(|| default.to_string())
        };
        Ok(Snapshot {
            feed_version,
            stale: false,
            expires_ms: None,
            scoring: ScoringRules::from_json(&pick(&sources.scoring, crate::scoring::EMBEDDED))?,
            texts: Texts::embedded()?,
            numbers: NumberRules::from_json(&pick(&sources.numbers, crate::number::EMBEDDED))?,
            links: link::LinkRules::from_json(&pick(&sources.links, link::EMBEDDED))?,
            patterns: message::PatternSet::from_json(&pick(&sources.patterns, message::EMBEDDED))?,
            payments: payment::PaymentRules::from_json(&pick(
                &sources.payments,
                payment::EMBEDDED,
            ))?,
            message_model: load_model(
                sources.message_model.as_deref().map(Vec::as_slice),
                FeatureKind::Message,
                "message_model",
            )?,
            link_model: load_model(
                sources.link_model.as_deref().map(Vec::as_slice),
                FeatureKind::Link,
                "link_model",
            )?,
            blocklist,
        })
    }
}

/// Parses a model from a source, or the embedded default of its kind when
/// the source is `None`. A model that doesn't parse is refused (the caller
/// keeps its current snapshot).
fn load_model(
    source: Option<&[u8]>,
    kind: FeatureKind,
    part: &'static str,
) -> Result<Option<Arc<Model>>> {
    let bytes = match source {
        Some(b) => b,
        None => match model::embedded(kind) {
            Some(b) => b,
            None => return Ok(None),
        },
    };
    Model::from_bytes(bytes, kind)
        .map(|m| Some(Arc::new(m)))
        .map_err(|e| Error::rules(part, e))
}

// The checks read the snapshot through their own data traits (each names
// only the parts its check reads), so none of them imports this module.

impl CheckData for Snapshot {
    fn scoring(&self) -> &ScoringRules {
        &self.scoring
    }
    fn texts(&self) -> &Texts {
        &self.texts
    }
    fn feed_version(&self) -> &str {
        &self.feed_version
    }
    fn blocklist(&self) -> &dyn BlockIndex {
        &*self.blocklist
    }
}

impl NumberData for Snapshot {
    fn numbers(&self) -> &NumberRules {
        &self.numbers
    }
}

impl LinkData for Snapshot {
    fn links(&self) -> &LinkRules {
        &self.links
    }
    fn link_model(&self) -> Option<&crate::model::Model> {
        self.link_model.as_deref()
    }
}

impl MessageData for Snapshot {
    fn patterns(&self) -> &PatternSet {
        &self.patterns
    }
    fn message_model(&self) -> Option<&crate::model::Model> {
        self.message_model.as_deref()
    }
}

impl PaymentData for Snapshot {
    fn payments(&self) -> &PaymentRules {
        &self.payments
    }
}
