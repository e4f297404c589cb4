//! The rule parts a feed may carry (rule JSON and models), sealed one row
//! per part in `feed_rules`: read, written and compiled before a commit.

use super::change::{MAX_MODEL_BYTES, MAX_RULES_BYTES};
use crate::blocklist::MemoryIndex;
use crate::snapshot::{RuleSources, Snapshot};
use crate::store::crypto::Keys;
use crate::store::db::aad;
use crate::store::error::StoreError;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The parts of `feed_rules`, by row key: rule JSON (0–4) and models
/// (5–6, FZML bytes).
pub(crate) const RULE_PARTS: [&str; 7] = [
    "numbers",
    "links",
    "patterns",
    "payments",
    "scoring",
    "message_model",
    "link_model",
];
/// The first model part; parts before it hold rule JSON.
const FIRST_MODEL_PART: usize = 5;

/// A part's payload in `sources`: JSON text or model bytes.
fn part_of(sources: &RuleSources, i: usize) -> Option<&[u8]> {
    match i {
        0 => sources.numbers.as_deref().map(str::as_bytes),
        1 => sources.links.as_deref().map(str::as_bytes),
        2 => sources.patterns.as_deref().map(str::as_bytes),
        3 => sources.payments.as_deref().map(str::as_bytes),
        4 => sources.scoring.as_deref().map(str::as_bytes),
        5 => sources.message_model.as_deref().map(Vec::as_slice),
        _ => sources.link_model.as_deref().map(Vec::as_slice),
    }
}

/// Sets (or clears) a part of `sources`. JSON parts must be UTF-8.
fn set_part(sources: &mut RuleSources, i: usize, payload: Option<&[u8]>) -> Option<()> {
    let text = |p: Option<&[u8]>| -> Option<Option<String>> {
        match p {
            None => Some(None),
            Some(b) => std::str::from_utf8(b).ok().map(|t| Some(t.to_string())),
        }
    };
    let model = |p: Option<&[u8]>| p.map(|b| Arc::new(b.to_vec()));
    match i {
        0 => sources.numbers = text(payload)?,
        1 => sources.links = text(payload)?,
        2 => sources.patterns = text(payload)?,
        3 => sources.payments = text(payload)?,
        4 => sources.scoring = text(payload)?,
        5 => sources.message_model = model(payload),
        _ => sources.link_model = model(payload),
    }
    Some(())
}

/// A rule JSON part's sealed record.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RuleRow {
    slot: u32,
    json: String,
}

/// A model part's sealed record is binary (a model is megabytes of bytes,
/// not JSON): this magic, the owning feed's slot (u32 LE), the FZML bytes.
const MODEL_ROW_MAGIC: &[u8; 4] = b"FZMR";

fn seal_part(keys: &Keys, i: usize, slot: u32, payload: &[u8]) -> Result<Vec<u8>, StoreError> {
    let key = (i as i64).to_be_bytes();
    let plain = if i >= FIRST_MODEL_PART {
        let mut p = Vec::with_capacity(8 + payload.len());
        p.extend_from_slice(MODEL_ROW_MAGIC);
        p.extend_from_slice(&slot.to_le_bytes());
        p.extend_from_slice(payload);
        p
    } else {
        let row = RuleRow {
            slot,
            json: std::str::from_utf8(payload)
                .map_err(|_| StoreError::InvalidValue {
                    what: "feed rules",
                    why: "rule JSON is not UTF-8",
                })?
                .to_string(),
        };
        serde_json::to_vec(&row).expect("rules serialize")
    };
    keys.seal(&aad("feed_rules", &key), &plain)
}

/// Opens a part's record: `(owner slot, payload)`.
fn open_part(plain: Vec<u8>, i: usize) -> Result<(u32, Vec<u8>), StoreError> {
    let corrupt = || StoreError::corrupt("feed rules record");
    if i >= FIRST_MODEL_PART {
        if plain.len() < 8 || &plain[..4] != MODEL_ROW_MAGIC {
            return Err(corrupt());
        }
        let slot = u32::from_le_bytes([plain[4], plain[5], plain[6], plain[7]]);
        Ok((slot, plain[8..].to_vec()))
    } else {
        let row: RuleRow = serde_json::from_slice(&plain).map_err(|_| corrupt())?;
        Ok((row.slot, row.json.into_bytes()))
    }
}

/// `(sources, owner slot per part)`.
pub(crate) fn read_rules(
    conn: &Connection,
    keys: &Keys,
) -> Result<(RuleSources, [Option<u32>; RULE_PARTS.len()]), StoreError> {
    let mut sources = RuleSources::default();
    let mut owners = [None; RULE_PARTS.len()];
    let mut stmt = conn.prepare_cached("SELECT part, payload FROM feed_rules ORDER BY part")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    for row in rows {
        let (part, payload) = row?;
        let i = usize::try_from(part)
            .ok()
            .filter(|&i| i < RULE_PARTS.len())
            .ok_or_else(|| StoreError::corrupt("feed rules record"))?;
        let plain = keys.open(
            &aad("feed_rules", &part.to_be_bytes()),
            &payload,
            "feed rules record",
        )?;
        let (slot, payload) = open_part(plain, i)?;
        set_part(&mut sources, i, Some(&payload))
            .ok_or_else(|| StoreError::corrupt("feed rules record"))?;
        owners[i] = Some(slot);
    }
    Ok((sources, owners))
}

/// Writes the parts `rules` carries for the feed in `slot` (a full feed
/// also drops the parts it owned and no longer carries), then compiles the
/// merged result, so rules that would not load are refused before the
/// commit. Returns the names of the parts replaced.
pub(super) fn write_rules(
    tx: &Connection,
    keys: &Keys,
    slot: u32,
    full: bool,
    rules: &RuleSources,
) -> Result<Vec<String>, StoreError> {
    let (mut merged_rules, owners) = read_rules(tx, keys)?;
    let mut rules_replaced = Vec::new();
    for (i, name) in RULE_PARTS.iter().enumerate() {
        match part_of(rules, i) {
            Some(payload) => {
                if i >= FIRST_MODEL_PART && payload.len() > MAX_MODEL_BYTES {
                    return Err(StoreError::Limit { what: "model size" });
                }
                if payload.len() > MAX_RULES_BYTES {
                    return Err(StoreError::Limit {
                        what: "rule JSON size",
                    });
                }
                let sealed = seal_part(keys, i, slot, payload)?;
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO feed_rules (part, payload) VALUES (?1, ?2)",
                )?
                .execute(rusqlite::params![i as i64, sealed])?;
                // Checked to be UTF-8 by `seal_part`.
                set_part(&mut merged_rules, i, Some(payload));
                rules_replaced.push(name.to_string());
            }
            None if full && owners[i] == Some(slot) => {
                tx.prepare_cached("DELETE FROM feed_rules WHERE part = ?1")?
                    .execute([i as i64])?;
                set_part(&mut merged_rules, i, None);
            }
            None => {}
        }
    }
    if !rules_replaced.is_empty() || full {
        Snapshot::build(&merged_rules, Arc::new(MemoryIndex::new()), String::new()).map_err(
            |e| match e {
                crate::Error::Rules { part, why } => StoreError::Rules { part, why },
                other => StoreError::Rules {
                    part: "rules",
                    why: other.to_string(),
                },
            },
        )?;
    }
    Ok(rules_replaced)
}

/// The names of the parts the feed in `slot` owns now.
pub(super) fn owned_parts(
    tx: &Connection,
    keys: &Keys,
    slot: u32,
) -> Result<Vec<String>, StoreError> {
    let (_, owners) = read_rules(tx, keys)?;
    Ok(RULE_PARTS
        .iter()
        .enumerate()
        .filter(|(i, _)| owners[*i] == Some(slot))
        .map(|(_, n)| n.to_string())
        .collect())
}
