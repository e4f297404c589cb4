//! The write path for protection feeds: [`FeedChange`] in, one transaction,
//! [`ApplyOutcome`] out.
//!
//! The feed module parses and verifies a signed feed, then hands the store a
//! `FeedChange` whose entries it streams from the verified body. The store
//! checks the version against the applied one (no rollback, deltas only on
//! the current version), writes new segments, rules and the feed state in
//! one IMMEDIATE transaction, and commits — or leaves everything as it was.

use super::blocks::Packed;
use super::crypto::Keys;
use super::db::aad;
use super::error::StoreError;
use super::segment::{self as index, kind_slot, sha8, LabelRecord, NewSegment, SegmentMeta, KINDS};
use crate::blocklist::truncate_key;
use crate::blocklist::{ListEntry, ListKind, MemoryIndex};
use crate::snapshot::{RuleSources, Snapshot};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The error type an entry source may fail with; it comes back inside
/// [`StoreError::Source`].
pub type SourceError = Box<dyn std::error::Error + Send + Sync>;

/// Most entries (additions plus removals) one change may carry.
pub const MAX_CHANGE_ENTRIES: u64 = 100_000_000;
/// Most distinct (category, fraud type, severity, label, confirmed) tuples
/// per feed.
pub const MAX_LABELS_PER_FEED: usize = 65_536;
/// Longest category, in bytes.
pub const MAX_CATEGORY_BYTES: usize = 64;
/// Longest label, in bytes.
pub const MAX_LABEL_BYTES: usize = 256;
/// Longest rule JSON of one part, in bytes.
pub const MAX_RULES_BYTES: usize = 8 << 20;
/// Longest model (FZML bytes) of one part, in bytes (the model format's cap).
pub const MAX_MODEL_BYTES: usize = 4 << 20;
/// Longest feed id, in bytes.
pub const MAX_FEED_ID_BYTES: usize = 128;
/// Delta segments kept per feed and kind before they are merged.
const MAX_DELTAS: usize = 2;
/// Deltas are merged into the base once they hold more than 1/RATIO of it.
const COMPACT_RATIO: u64 = 8;

/// One blocklist entry of a feed: the value's list, its hash key (the
/// identity and index key: the top `key_bits` of the canonical value's
/// [`crate::blocklist::fast_hash`], see [`crate::blocklist::hash_key`]),
/// its SHA-256 when the feed carries it, and what the list says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// The list it belongs to.
    pub kind: ListKind,
    /// High `key_bits` bits of the fast hash; the low bits are zero.
    pub key: u64,
    /// 32–64.
    pub key_bits: u8,
    /// The SHA-256 of the canonical value, when the publisher included it:
    /// a hit is then confirmed against it too.
    pub sha256: Option<[u8; 32]>,
    /// What the list says about it.
    pub entry: ListEntry,
}

impl FeedEntry {
    /// An entry for a canonical value as a compact feed carries it by
    /// default: a [`crate::blocklist::DEFAULT_KEY_BITS`]-bit key, no SHA-256.
    pub fn new(kind: ListKind, canonical: &str, entry: ListEntry) -> FeedEntry {
        let bits = crate::blocklist::DEFAULT_KEY_BITS;
        FeedEntry {
            kind,
            key: crate::blocklist::hash_key(canonical, bits),
            key_bits: bits,
            sha256: None,
            entry,
        }
    }

    /// An entry with a 64-bit key and the value's SHA-256 (a publisher's
    /// full-hash entry, or a format-1 feed's).
    pub fn with_full_hash(kind: ListKind, canonical: &str, entry: ListEntry) -> FeedEntry {
        FeedEntry {
            kind,
            key: crate::blocklist::fast_hash(canonical),
            key_bits: 64,
            sha256: Some(crate::blocklist::value_hash(canonical)),
            entry,
        }
    }
}

/// A removal carried by a delta: the key of the value to remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedRemoval {
    /// The list it is removed from.
    pub kind: ListKind,
    /// High `key_bits` bits of the fast hash; the low bits are zero.
    pub key: u64,
    /// 32–64.
    pub key_bits: u8,
}

impl FeedRemoval {
    /// The removal of a canonical value, by its key at
    /// [`crate::blocklist::DEFAULT_KEY_BITS`].
    pub fn new(kind: ListKind, canonical: &str) -> FeedRemoval {
        let bits = crate::blocklist::DEFAULT_KEY_BITS;
        FeedRemoval {
            kind,
            key: crate::blocklist::hash_key(canonical, bits),
            key_bits: bits,
        }
    }
}

/// A verified feed, ready to be written.
///
/// `entries` and `removals` are streamed once each, entries first; an
/// `Err` from either aborts the apply (rolled back) and comes back as
/// [`StoreError::Source`]. Entries sorted by `(kind, fast)` are cheapest,
/// but any order works (they are sorted in memory, 24 bytes an entry).
///
/// A **full** change (`base == None`) replaces everything this feed listed:
/// lists of a kind it carries no entries for become empty, and rule parts
/// it supplied before but not now revert to the embedded default. A
/// **delta** (`base == Some(v)`, `v` the applied version) adds or updates
/// entries, removes entries, and replaces the rule parts it carries. When a
/// delta both adds and removes the same value, the removal wins.
pub struct FeedChange<'a> {
    /// The publisher's feed id (e.g. `cn-national`). At most 128 bytes.
    pub feed_id: String,
    /// Must be greater than the applied version of this feed.
    pub version: u64,
    /// `None` for a full feed; the version this delta applies to.
    pub base: Option<u64>,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// After this, verdicts carry `feed.stale` (the data keeps protecting).
    pub expires_ms: i64,
    /// The entries, streamed once (an error aborts and rolls back the change).
    pub entries: Box<dyn Iterator<Item = Result<FeedEntry, SourceError>> + 'a>,
    /// The removals (a delta's), streamed once after the entries.
    pub removals: Box<dyn Iterator<Item = Result<FeedRemoval, SourceError>> + 'a>,
    /// Rule JSON and models by part; `Some` replaces that part's embedded
    /// default. The merged rules are compiled (and models parsed) before
    /// anything is committed: rules that don't compile or a model that
    /// doesn't parse refuse the whole change ([`StoreError::Rules`]).
    pub rules: RuleSources,
    /// Named settings written in the same transaction (`None` deletes),
    /// e.g. the publisher key after a rotation. See [`super::Store::setting`].
    pub settings: Vec<(String, Option<Vec<u8>>)>,
}

impl std::fmt::Debug for FeedChange<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeedChange")
            .field("feed_id", &self.feed_id)
            .field("version", &self.version)
            .field("base", &self.base)
            .field("created_ms", &self.created_ms)
            .field("expires_ms", &self.expires_ms)
            .finish_non_exhaustive()
    }
}

impl<'a> FeedChange<'a> {
    /// A full feed with no entries, rules or settings yet.
    pub fn full(
        feed_id: impl Into<String>,
        version: u64,
        created_ms: i64,
        expires_ms: i64,
    ) -> FeedChange<'a> {
        FeedChange {
            feed_id: feed_id.into(),
            version,
            base: None,
            created_ms,
            expires_ms,
            entries: Box::new(std::iter::empty()),
            removals: Box::new(std::iter::empty()),
            rules: RuleSources::default(),
            settings: Vec::new(),
        }
    }

    /// A delta from `base` with no entries, removals, rules or settings yet.
    pub fn delta(
        feed_id: impl Into<String>,
        version: u64,
        base: u64,
        created_ms: i64,
        expires_ms: i64,
    ) -> FeedChange<'a> {
        FeedChange {
            base: Some(base),
            ..FeedChange::full(feed_id, version, created_ms, expires_ms)
        }
    }

    /// Sets the entries from an infallible source.
    pub fn with_entries(
        mut self,
        entries: impl IntoIterator<Item = FeedEntry> + 'a,
    ) -> FeedChange<'a> {
        self.entries = Box::new(entries.into_iter().map(Ok));
        self
    }

    /// Sets the removals from an infallible source.
    pub fn with_removals(
        mut self,
        removals: impl IntoIterator<Item = FeedRemoval> + 'a,
    ) -> FeedChange<'a> {
        self.removals = Box::new(removals.into_iter().map(Ok));
        self
    }

    /// Sets the rule JSON the change carries.
    pub fn with_rules(mut self, rules: RuleSources) -> FeedChange<'a> {
        self.rules = rules;
        self
    }
}

/// Entry counts per list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCounts {
    /// Number entries.
    pub numbers: u64,
    /// URL entries.
    pub urls: u64,
    /// Account entries.
    pub accounts: u64,
}

impl ListCounts {
    /// The count of one list.
    pub fn get(&self, kind: ListKind) -> u64 {
        match kind {
            ListKind::Number => self.numbers,
            ListKind::Url => self.urls,
            ListKind::Account => self.accounts,
        }
    }

    fn set(&mut self, kind: ListKind, n: u64) {
        match kind {
            ListKind::Number => self.numbers = n,
            ListKind::Url => self.urls = n,
            ListKind::Account => self.accounts = n,
        }
    }

    /// All lists together.
    pub fn total(&self) -> u64 {
        self.numbers + self.urls + self.accounts
    }
}

/// What the store knows about an applied feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    /// The feed's id.
    pub feed_id: String,
    /// The applied version.
    pub version: u64,
    /// Version of the last full feed applied.
    pub full_version: u64,
    /// Deltas applied since that full feed.
    pub deltas_since_full: u32,
    /// When the feed was built (ms since the Unix epoch).
    pub created_ms: i64,
    /// When it expires (ms since the Unix epoch).
    pub expires_ms: i64,
    /// When it was applied (store clock).
    pub applied_ms: i64,
    /// Entries listed (additions minus removals; exact after a full apply or
    /// once deltas are merged, see [`ApplyOutcome::merged`]).
    pub entries: ListCounts,
    /// Rule parts this feed supplies (`numbers`, `links`, `patterns`,
    /// `payments`, `scoring`, `message_model`, `link_model`).
    pub rules: Vec<String>,
}

impl FeedState {
    /// The feed has expired at `now_ms`.
    pub fn is_expired(&self, now_ms: i64) -> bool {
        now_ms >= self.expires_ms
    }
}

/// The result of [`super::Store::apply_feed`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplyOutcome {
    /// The feed's id.
    pub feed_id: String,
    /// The version applied before, if any.
    pub previous_version: Option<u64>,
    /// The version applied now.
    pub version: u64,
    /// A full feed (it replaced the feed's data).
    pub full: bool,
    /// Entries written (additions and updates).
    pub added: u64,
    /// Removals written.
    pub removed: u64,
    /// Entries listed afterwards.
    pub entries: ListCounts,
    /// Rule parts replaced by this change.
    pub rules_replaced: Vec<String>,
    /// Delta segments were merged (counts are exact again).
    pub merged: bool,
}

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

/// A feed's sealed record: its public state and the segments it owns.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct FeedRow {
    #[serde(skip)]
    pub slot: u32,
    #[serde(flatten)]
    pub state: FeedState,
    /// Ids of the feed's live segments, checked at load: a segment lost to
    /// damage must not silently shrink a blocklist.
    #[serde(default)]
    pub segments: Vec<i64>,
}

/// Reads every feed's record, by slot.
pub(crate) fn read_feeds(conn: &Connection, keys: &Keys) -> Result<Vec<FeedRow>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT slot, payload FROM feeds ORDER BY slot")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (slot, payload) = row?;
        let plain = keys.open(&aad("feeds", &slot.to_be_bytes()), &payload, "feed record")?;
        let mut row: FeedRow =
            serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("feed record"))?;
        row.slot = slot;
        out.push(row);
    }
    Ok(out)
}

/// Checks that the segments on disk are exactly those the feeds own.
pub(crate) fn check_segments(
    feeds: &[FeedRow],
    metas: &[(i64, SegmentMeta)],
) -> Result<(), StoreError> {
    let mut owned: Vec<i64> = feeds
        .iter()
        .flat_map(|f| f.segments.iter().copied())
        .collect();
    owned.sort_unstable();
    let mut found: Vec<i64> = metas.iter().map(|(id, _)| *id).collect();
    found.sort_unstable();
    if owned != found {
        return Err(StoreError::corrupt("segment list"));
    }
    for (id, m) in metas {
        if !feeds
            .iter()
            .any(|f| f.slot == m.slot && f.segments.contains(id))
        {
            return Err(StoreError::corrupt("segment list"));
        }
    }
    Ok(())
}

/// Reads the rule parts (rule JSON and models) feeds supplied:
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

/// The label dictionary of one feed, while applying.
struct LabelDict {
    slot: u32,
    ids: HashMap<LabelRecord, u32>,
    next: u32,
    used: HashSet<u32>,
}

impl LabelDict {
    fn load(conn: &Connection, keys: &Keys, slot: u32) -> Result<LabelDict, StoreError> {
        let mut ids = HashMap::new();
        let mut max = 0i64;
        let mut stmt = conn.prepare_cached("SELECT id, payload FROM labels")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
        for row in rows {
            let (id, payload) = row?;
            max = max.max(id);
            let plain = keys.open(&index::label_aad(id), &payload, "blocklist label")?;
            let rec: LabelRecord = serde_json::from_slice(&plain)
                .map_err(|_| StoreError::corrupt("blocklist label"))?;
            if rec.slot == slot {
                let id = u32::try_from(id).map_err(|_| StoreError::corrupt("blocklist label"))?;
                ids.insert(rec, id);
            }
        }
        let next = u32::try_from(max + 1).map_err(|_| StoreError::Limit { what: "label ids" })?;
        Ok(LabelDict {
            slot,
            ids,
            next,
            used: HashSet::new(),
        })
    }

    fn id_for(&mut self, conn: &Connection, keys: &Keys, e: &ListEntry) -> Result<u32, StoreError> {
        let rec = LabelRecord {
            slot: self.slot,
            category: e.category.clone(),
            fraud_type: e.fraud_type,
            severity: e.severity,
            label: e.label.clone(),
            confirmed: e.confirmed,
        };
        if let Some(&id) = self.ids.get(&rec) {
            self.used.insert(id);
            return Ok(id);
        }
        if self.ids.len() >= MAX_LABELS_PER_FEED {
            return Err(StoreError::Limit {
                what: "distinct labels per feed",
            });
        }
        let id = self.next;
        self.next = self
            .next
            .checked_add(1)
            .ok_or(StoreError::Limit { what: "label ids" })?;
        let payload = keys.seal(
            &index::label_aad(i64::from(id)),
            &serde_json::to_vec(&rec).expect("label serializes"),
        )?;
        conn.prepare_cached("INSERT INTO labels (id, payload) VALUES (?1, ?2)")?
            .execute(rusqlite::params![i64::from(id), payload])?;
        self.ids.insert(rec, id);
        self.used.insert(id);
        Ok(id)
    }

    /// Deletes this feed's labels no entry uses any more (after a full apply).
    fn collect_garbage(&self, conn: &Connection) -> Result<(), StoreError> {
        let mut del = conn.prepare_cached("DELETE FROM labels WHERE id = ?1")?;
        for &id in self.ids.values() {
            if !self.used.contains(&id) {
                del.execute([i64::from(id)])?;
            }
        }
        Ok(())
    }
}

fn check_entry(e: &ListEntry) -> Result<(), StoreError> {
    let bad = |why| StoreError::InvalidValue {
        what: "feed entry",
        why,
    };
    if e.severity > 100 {
        return Err(bad("severity above 100"));
    }
    if e.category.len() > MAX_CATEGORY_BYTES {
        return Err(bad("category too long"));
    }
    if e.label.len() > MAX_LABEL_BYTES {
        return Err(bad("label too long"));
    }
    Ok(())
}

/// Keeps `key_bits` of every key, sorts by key and keeps the last of equal
/// keys (stable sort: later input wins, removals come after additions).
/// Two listed values whose keys agree in all `key_bits` (about `n² / 2^(w+1)`
/// pairs in a list of `n`: 0.007 at 1 M and 56 bits) become one entry, which
/// both then hit.
fn sort_dedup(v: &mut Vec<Packed>, key_bits: u8) {
    if key_bits < 64 {
        for p in v.iter_mut() {
            p.key = truncate_key(p.key, key_bits);
        }
    }
    v.sort_by_key(|p| p.key);
    let mut w = 0usize;
    for r in 0..v.len() {
        if r + 1 < v.len() && v[r + 1].key == v[r].key {
            continue;
        }
        v[w] = v[r];
        w += 1;
    }
    v.truncate(w);
}

/// Applies a change inside `tx` (the caller commits).
pub(crate) fn apply(
    tx: &Connection,
    keys: &Keys,
    now_ms: i64,
    change: FeedChange<'_>,
) -> Result<ApplyOutcome, StoreError> {
    let FeedChange {
        feed_id,
        version,
        base,
        created_ms,
        expires_ms,
        entries,
        removals,
        rules,
        settings,
    } = change;
    if feed_id.is_empty()
        || feed_id.len() > MAX_FEED_ID_BYTES
        || feed_id.chars().any(char::is_control)
    {
        return Err(StoreError::InvalidValue {
            what: "feed id",
            why: "must be 1-128 bytes without control characters",
        });
    }
    let full = base.is_none();
    let feeds = read_feeds(tx, keys)?;
    let existing = feeds
        .iter()
        .find(|f| f.state.feed_id == feed_id)
        .map(|f| (f.slot, &f.state));
    let previous_version = existing.map(|(_, f)| f.version);
    if let Some(current) = previous_version {
        if version <= current {
            return Err(StoreError::Rollback {
                current,
                offered: version,
            });
        }
    }
    if let Some(b) = base {
        if previous_version != Some(b) {
            return Err(StoreError::BaseMismatch {
                current: previous_version,
                base: b,
            });
        }
        if version <= b {
            return Err(StoreError::Rollback {
                current: b,
                offered: version,
            });
        }
    }
    let slot = match existing {
        Some((s, _)) => s,
        None => feeds.iter().map(|f| f.slot).max().map_or(Ok(1), |m| {
            m.checked_add(1).ok_or(StoreError::Limit { what: "feeds" })
        })?,
    };

    // Entries and removals.
    let mut dict = LabelDict::load(tx, keys, slot)?;
    let mut lists: [Vec<Packed>; 3] = Default::default();
    // The narrowest key given per kind: every key of the kind is kept at it.
    let mut widths = [64u8; 3];
    let check_width = |bits: u8| {
        if (32..=64).contains(&bits) {
            Ok(bits)
        } else {
            Err(StoreError::InvalidValue {
                what: "feed entry",
                why: "key width must be 32-64 bits",
            })
        }
    };
    let mut added = 0u64;
    for item in entries {
        let e = item.map_err(StoreError::Source)?;
        check_entry(&e.entry)?;
        added += 1;
        if added > MAX_CHANGE_ENTRIES {
            return Err(StoreError::Limit {
                what: "entries in one change",
            });
        }
        let label = dict.id_for(tx, keys, &e.entry)?;
        let w = &mut widths[kind_slot(e.kind)];
        *w = (*w).min(check_width(e.key_bits)?);
        lists[kind_slot(e.kind)].push(Packed {
            key: e.key,
            sha8: e.sha256.as_ref().map_or(0, sha8),
            label,
            reports: e.entry.reports,
        });
    }
    let mut removed = 0u64;
    for item in removals {
        let r = item.map_err(StoreError::Source)?;
        if full {
            return Err(StoreError::InvalidValue {
                what: "feed change",
                why: "a full feed cannot carry removals",
            });
        }
        removed += 1;
        if added + removed > MAX_CHANGE_ENTRIES {
            return Err(StoreError::Limit {
                what: "entries in one change",
            });
        }
        let w = &mut widths[kind_slot(r.kind)];
        *w = (*w).min(check_width(r.key_bits)?);
        lists[kind_slot(r.kind)].push(Packed {
            key: r.key,
            sha8: 0,
            label: 0,
            reports: 0,
        });
    }

    // Rules: write, then compile the merged result before committing.
    let (mut merged_rules, owners) = read_rules(tx, keys)?;
    let mut rules_replaced = Vec::new();
    for (i, name) in RULE_PARTS.iter().enumerate() {
        match part_of(&rules, i) {
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

    // Segments.
    let metas = index::read_segment_metas(tx, keys)?;
    let mut next_id = metas.iter().map(|(id, _)| *id).max().unwrap_or(0) + 1;
    let mut merged = false;
    for kind in KINDS {
        let mut list = std::mem::take(&mut lists[kind_slot(kind)]);
        let key_bits = widths[kind_slot(kind)];
        let mine: Vec<&(i64, SegmentMeta)> = metas
            .iter()
            .filter(|(_, m)| m.slot == slot && m.kind == kind)
            .collect();
        if full {
            for (id, _) in &mine {
                index::delete_segment(tx, *id)?;
            }
            if !list.is_empty() {
                sort_dedup(&mut list, key_bits);
                index::write_segment(
                    tx,
                    keys,
                    NewSegment {
                        id: next_id,
                        slot,
                        kind,
                        seq: 0,
                        base: true,
                        key_bits,
                    },
                    &list,
                )?;
                next_id += 1;
            }
        } else if !list.is_empty() {
            sort_dedup(&mut list, key_bits);
            let seq = mine.iter().map(|(_, m)| m.seq).max().unwrap_or(0) + 1;
            index::write_segment(
                tx,
                keys,
                NewSegment {
                    id: next_id,
                    slot,
                    kind,
                    seq,
                    base: false,
                    key_bits,
                },
                &list,
            )?;
            next_id += 1;
            drop(list);
            merged |= maintain(tx, keys, slot, kind, &mut next_id)?;
        }
    }
    if full {
        dict.collect_garbage(tx)?;
    }

    // Feed state.
    let after = index::read_segment_metas(tx, keys)?;
    let mut counts = ListCounts::default();
    for kind in KINDS {
        let net: i64 = after
            .iter()
            .filter(|(_, m)| m.slot == slot && m.kind == kind)
            .map(|(_, m)| m.n as i64 - 2 * m.removals as i64)
            .sum();
        counts.set(kind, net.max(0) as u64);
    }
    let (_, owners_after) = read_rules(tx, keys)?;
    let state = FeedState {
        feed_id: feed_id.clone(),
        version,
        full_version: if full {
            version
        } else {
            existing.map_or(version, |(_, f)| f.full_version)
        },
        deltas_since_full: if full {
            0
        } else {
            existing
                .map_or(0, |(_, f)| f.deltas_since_full)
                .saturating_add(1)
        },
        created_ms,
        expires_ms,
        applied_ms: now_ms,
        entries: counts,
        rules: RULE_PARTS
            .iter()
            .enumerate()
            .filter(|(i, _)| owners_after[*i] == Some(slot))
            .map(|(_, n)| n.to_string())
            .collect(),
    };
    let row = FeedRow {
        slot,
        state: state.clone(),
        segments: after
            .iter()
            .filter(|(_, m)| m.slot == slot)
            .map(|(id, _)| *id)
            .collect(),
    };
    let payload = keys.seal(
        &aad("feeds", &slot.to_be_bytes()),
        &serde_json::to_vec(&row).expect("feed record serializes"),
    )?;
    tx.prepare_cached("INSERT OR REPLACE INTO feeds (slot, payload) VALUES (?1, ?2)")?
        .execute(rusqlite::params![slot, payload])?;

    for (name, value) in &settings {
        super::user::write_setting(tx, keys, name, value.as_deref())?;
    }

    Ok(ApplyOutcome {
        feed_id,
        previous_version,
        version,
        full,
        added,
        removed,
        entries: counts,
        rules_replaced,
        merged: merged || full,
    })
}

/// Keeps a feed's kind at one base and at most [`MAX_DELTAS`] deltas:
/// merges deltas together, and into the base once they are large. Returns
/// whether the base was rewritten.
fn maintain(
    tx: &Connection,
    keys: &Keys,
    slot: u32,
    kind: ListKind,
    next_id: &mut i64,
) -> Result<bool, StoreError> {
    let metas = index::read_segment_metas(tx, keys)?;
    let mut mine: Vec<(i64, SegmentMeta)> = metas
        .into_iter()
        .filter(|(_, m)| m.slot == slot && m.kind == kind)
        .collect();
    mine.sort_by_key(|(_, m)| m.seq);
    let base = mine.iter().find(|(_, m)| m.base).cloned();
    let deltas: Vec<(i64, SegmentMeta)> = mine.iter().filter(|(_, m)| !m.base).cloned().collect();
    let delta_n: u64 = deltas.iter().map(|(_, m)| m.n).sum();
    let into_base = match &base {
        None => true,
        Some((_, b)) => delta_n.saturating_mul(COMPACT_RATIO) > b.n,
    };
    if !into_base && deltas.len() <= MAX_DELTAS {
        return Ok(false);
    }
    let parts: &[(i64, SegmentMeta)] = if into_base { &mine } else { &deltas };
    merge_segments(tx, keys, parts, slot, kind, into_base, next_id)?;
    Ok(into_base)
}

/// Replaces `parts` (one feed's segments of one kind, oldest first) by one
/// segment holding their entries, newest winning on equal keys; a base
/// drops the tombstones. Nothing is written when no entry is left.
fn merge_segments(
    tx: &Connection,
    keys: &Keys,
    parts: &[(i64, SegmentMeta)],
    slot: u32,
    kind: ListKind,
    base: bool,
    next_id: &mut i64,
) -> Result<(), StoreError> {
    let mut all = Vec::new();
    for (id, m) in parts {
        // Oldest first; the stable sort keeps the newest of equal keys.
        all.extend(index::read_segment_entries(tx, keys, *id, m)?);
    }
    let key_bits = parts.iter().map(|(_, m)| m.key_bits).min().unwrap_or(64);
    sort_dedup(&mut all, key_bits);
    if base {
        all.retain(|p| !p.is_tombstone());
    }
    let seq = parts.iter().map(|(_, m)| m.seq).max().unwrap_or(0);
    for (id, _) in parts {
        index::delete_segment(tx, *id)?;
    }
    if !all.is_empty() {
        index::write_segment(
            tx,
            keys,
            NewSegment {
                id: *next_id,
                slot,
                kind,
                seq,
                base,
                key_bits,
            },
            &all,
        )?;
        *next_id += 1;
    }
    Ok(())
}

/// Merges every feed's deltas into its base (explicit compaction).
pub(crate) fn compact(tx: &Connection, keys: &Keys) -> Result<(), StoreError> {
    let feeds = read_feeds(tx, keys)?;
    let metas = index::read_segment_metas(tx, keys)?;
    check_segments(&feeds, &metas)?;
    let mut groups: Vec<(u32, ListKind)> = metas
        .iter()
        .filter(|(_, m)| !m.base)
        .map(|(_, m)| (m.slot, m.kind))
        .collect();
    groups.sort_by_key(|(s, k)| (*s, kind_slot(*k)));
    groups.dedup();
    let mut next_id = metas.iter().map(|(id, _)| *id).max().unwrap_or(0) + 1;
    for (slot, kind) in groups {
        // Each group's segments are distinct, so merging one group leaves
        // the metas of the others as read above.
        let mut mine: Vec<(i64, SegmentMeta)> = metas
            .iter()
            .filter(|(_, m)| m.slot == slot && m.kind == kind)
            .cloned()
            .collect();
        mine.sort_by_key(|(_, m)| m.seq);
        merge_segments(tx, keys, &mine, slot, kind, true, &mut next_id)?;
    }
    let after = index::read_segment_metas(tx, keys)?;
    for mut row in feeds {
        row.segments = after
            .iter()
            .filter(|(_, m)| m.slot == row.slot)
            .map(|(id, _)| *id)
            .collect();
        let payload = keys.seal(
            &aad("feeds", &row.slot.to_be_bytes()),
            &serde_json::to_vec(&row).expect("feed record serializes"),
        )?;
        tx.prepare_cached("UPDATE feeds SET payload = ?2 WHERE slot = ?1")?
            .execute(rusqlite::params![row.slot, payload])?;
    }
    Ok(())
}

/// The version string of the protection data: `id@version` per feed,
/// joined by `+`, or `None` with no feed.
pub(crate) fn version_string(feeds: &[FeedState]) -> Option<String> {
    if feeds.is_empty() {
        return None;
    }
    Some(
        feeds
            .iter()
            .map(|f| format!("{}@{}", f.feed_id, f.version))
            .collect::<Vec<_>>()
            .join("+"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_dedup_keeps_last() {
        let p = |key, label| Packed {
            key,
            sha8: 1,
            label,
            reports: 0,
        };
        let mut v = vec![p(3, 1), p(1, 1), p(3, 0), p(2, 5), p(1, 2)];
        sort_dedup(&mut v, 64);
        assert_eq!(v, vec![p(1, 2), p(2, 5), p(3, 0)]);
    }
}
