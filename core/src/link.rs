//! Link checks (issue: link checks). Placeholder until that work lands: the
//! rules load and every check reports that links are not supported yet.

use crate::error::{Error, Result};
use crate::snapshot::Snapshot;
use crate::verdict::{Kind, Lang, Verdict};

pub(crate) const EMBEDDED: &str = "{}";

#[derive(Debug, Default)]
pub struct LinkRules {}

impl LinkRules {
    pub fn from_json(_json: &str) -> Result<LinkRules> {
        Ok(LinkRules {})
    }
}

pub(crate) fn check(_snap: &Snapshot, _lang: Lang, _url: &str) -> Result<Verdict> {
    Err(Error::input(
        Kind::Link,
        "link checks are not available in this build",
    ))
}
