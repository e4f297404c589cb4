//! Message scanning (issue: message scanning). Placeholder until that work
//! lands.

use crate::error::{Error, Result};
use crate::snapshot::Snapshot;
use crate::verdict::{Kind, Lang, Verdict};

pub(crate) const EMBEDDED: &str = "{}";

#[derive(Debug, Default)]
pub struct PatternSet {}

impl PatternSet {
    pub fn from_json(_json: &str) -> Result<PatternSet> {
        Ok(PatternSet {})
    }
}

pub(crate) fn check(
    _snap: &Snapshot,
    _region: &str,
    _lang: Lang,
    _sender: Option<&str>,
    _body: &str,
) -> Result<Verdict> {
    Err(Error::input(
        Kind::Message,
        "message checks are not available in this build",
    ))
}
