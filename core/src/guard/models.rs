//! Which learned models the checks use.

use super::Guard;

impl Guard {
    /// The learned models checks use now (message, then link), with their
    /// short ids: a feed's model after an apply, else the embedded default;
    /// none of a kind when this build ships no default and no feed carried
    /// one. Costs a re-encoding of each model (about a millisecond per MB).
    pub fn models(&self) -> Vec<crate::store::ModelStatus> {
        let snap = self.snapshot();
        let mut out = Vec::new();
        for (kind, model) in [
            (crate::model::FeatureKind::Message, &snap.message_model),
            (crate::model::FeatureKind::Link, &snap.link_model),
        ] {
            let Some(model) = model else { continue };
            let bytes = model.to_bytes();
            let embedded = crate::model::embedded(kind).is_some_and(|e| e == bytes.as_slice());
            let source = if embedded {
                "embedded"
            } else if self.store.is_some() {
                "feed"
            } else {
                "custom"
            };
            out.extend(crate::store::ModelStatus::of_bytes(
                kind.as_str(),
                &bytes,
                source,
            ));
        }
        out
    }
}
