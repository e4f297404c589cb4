//! Building feeds: [`FeedWriter`] streams records to any `Write + Seek`
//! (a file), hashing the body as it goes, then seeks back to write the header
//! and the signature. It writes format 2: entries are buffered as 16-byte
//! (key, group, extra) triples — up to [`FeedMeta::max_buffered`] of them —
//! then sorted and Rice-coded in runs per group, so memory is bounded by
//! that buffer, the string table and the groups, however many entries go
//! through. A feed larger than the buffer is written as several runs per
//! group (each coded on its own, costing about `log2(runs)` bits an entry).

use super::compact::{EXTRA_REPORTS, EXTRA_SHA256, GROUP_CONFIRMED};
use super::format::{
    fraud_code, list_kind_code, put_varint, signing_context, valid_id, FeedHeader, FeedKind,
    RuleKind, FORMAT_VERSION, HEADER_LEN, MAX_CATEGORY_BYTES, MAX_KEY_BITS, MIN_KEY_BITS, RULE_SET,
    SIG_BLOCK_LEN, TAG_GROUP, TAG_KEYS, TAG_REMOVED_KEYS, TAG_RULES, TAG_STRING,
};
use super::keys::{PublisherKey, Rotation};
use super::{FeedError, Limits};
use crate::blocklist::{fast_hash, truncate_key, value_hash, ListEntry, ListKind};
use crate::golomb::{self, BitWriter};
use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};

const FLUSH_AT: usize = 64 << 10;

pub use crate::blocklist::DEFAULT_KEY_BITS;

/// Entries buffered before a run is coded, by default (16 bytes each:
/// 256 MiB at most).
pub const DEFAULT_MAX_BUFFERED: usize = 1 << 24;

/// What a feed says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedMeta {
    /// Feed id (see [`FeedHeader::id`]).
    pub id: String,
    /// Version; strictly increasing per feed id.
    pub version: u64,
    /// Full or delta.
    pub kind: FeedKind,
    /// When it is built (ms since the Unix epoch).
    pub created_ms: i64,
    /// When it goes stale (ms since the Unix epoch).
    pub expires_ms: i64,
    /// Statements that lead from a pinned key to the signing key.
    pub rotations: Vec<Rotation>,
    /// Width of the entries' hash keys, [`MIN_KEY_BITS`]–[`MAX_KEY_BITS`]
    /// (default [`DEFAULT_KEY_BITS`]). A delta must use its base's width.
    pub key_bits: u8,
    /// Carry every entry's SHA-256 (32 more bytes an entry) so that hits
    /// are confirmed against it.
    pub full_hashes: bool,
    /// Entries buffered before they are coded (memory: 16 bytes each).
    pub max_buffered: usize,
}

impl FeedMeta {
    /// A full feed.
    pub fn full(id: &str, version: u64, created_ms: i64, expires_ms: i64) -> FeedMeta {
        FeedMeta {
            id: id.to_string(),
            version,
            kind: FeedKind::Full,
            created_ms,
            expires_ms,
            rotations: Vec::new(),
            key_bits: DEFAULT_KEY_BITS,
            full_hashes: false,
            max_buffered: DEFAULT_MAX_BUFFERED,
        }
    }

    /// A delta from version `base`.
    pub fn delta(id: &str, version: u64, base: u64, created_ms: i64, expires_ms: i64) -> FeedMeta {
        FeedMeta {
            kind: FeedKind::Delta { base },
            ..FeedMeta::full(id, version, created_ms, expires_ms)
        }
    }

    fn check(&self, limits: &Limits) -> Result<(), FeedError> {
        if !valid_id(&self.id) {
            return Err(FeedError::Meta(
                "feed id must be 1-32 bytes of a-z 0-9 . _ - starting with a letter or digit",
            ));
        }
        if self.version == 0 {
            return Err(FeedError::Meta("version must be at least 1"));
        }
        if let FeedKind::Delta { base } = self.kind {
            if base == 0 || base >= self.version {
                return Err(FeedError::Meta(
                    "a delta's base must be older than its version",
                ));
            }
        }
        if self.expires_ms <= self.created_ms {
            return Err(FeedError::Meta("expiry must be after creation"));
        }
        if self.rotations.len() as u64 > u64::from(limits.max_rotations) {
            return Err(FeedError::Meta("too many rotation statements"));
        }
        if !(MIN_KEY_BITS..=MAX_KEY_BITS).contains(&self.key_bits) {
            return Err(FeedError::Meta("key width must be 32-64 bits"));
        }
        if self.max_buffered == 0 || self.max_buffered > u32::MAX as usize {
            return Err(FeedError::Meta("buffer size"));
        }
        Ok(())
    }
}

/// Streams a feed to `out` and signs it.
///
/// Refuses, with [`FeedError::Meta`], anything a reader with the same
/// [`Limits`] would refuse: bad metadata, severity over 100, strings over the
/// cap, removals in a full feed, a rule kind given twice, too many groups.
///
/// Within one feed a later entry for the same key wins (within one buffer
/// of entries; across buffers the store applies runs in order, so the later
/// still wins).
pub struct FeedWriter<W: Write + Seek> {
    out: W,
    start: u64,
    meta: FeedMeta,
    limits: Limits,
    buf: Vec<u8>,
    hasher: ring::digest::Context,
    body_len: u64,
    counts: [u64; 3],
    added: u64,
    removals: u64,
    rules: Vec<RuleKind>,
    strings: HashMap<String, u32>,
    groups: HashMap<GroupKey, u32>,
    /// The list kind of each group, by id.
    group_kinds: Vec<u8>,
    pending: Vec<Pending>,
    extras: Vec<(u32, u32)>,
    shas: Vec<[u8; 32]>,
    removed: [Vec<u64>; 3],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct GroupKey {
    kind: u8,
    fraud: u8,
    severity: u8,
    confirmed: bool,
    category: u32,
    label: u32,
}

/// An entry waiting to be coded: its key (right-aligned), group and extra
/// (`NO_EXTRA` or an index into `extras`).
#[derive(Debug, Clone, Copy)]
struct Pending {
    key: u64,
    group: u32,
    extra: u32,
}

const NO_EXTRA: u32 = u32::MAX;
const NO_SHA: u32 = u32::MAX;

impl<W: Write + Seek> std::fmt::Debug for FeedWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeedWriter")
            .field("meta", &self.meta)
            .field("body_len", &self.body_len)
            .finish_non_exhaustive()
    }
}

impl<W: Write + Seek> FeedWriter<W> {
    /// Starts a feed at the current position of `out` with default limits.
    pub fn new(out: W, meta: FeedMeta) -> Result<FeedWriter<W>, FeedError> {
        FeedWriter::with_limits(out, meta, Limits::default())
    }

    /// Starts a feed with explicit limits.
    pub fn with_limits(
        mut out: W,
        meta: FeedMeta,
        limits: Limits,
    ) -> Result<FeedWriter<W>, FeedError> {
        meta.check(&limits)?;
        let start = out.stream_position()?;
        // Placeholders for the header and signature, real rotations between.
        out.write_all(&[0u8; HEADER_LEN])?;
        for r in &meta.rotations {
            out.write_all(&r.encode())?;
        }
        out.write_all(&[0u8; SIG_BLOCK_LEN])?;
        Ok(FeedWriter {
            out,
            start,
            meta,
            limits,
            buf: Vec::with_capacity(FLUSH_AT + 1024),
            hasher: ring::digest::Context::new(&ring::digest::SHA256),
            body_len: 0,
            counts: [0; 3],
            added: 0,
            removals: 0,
            rules: Vec::new(),
            strings: HashMap::new(),
            groups: HashMap::new(),
            group_kinds: Vec::new(),
            pending: Vec::new(),
            extras: Vec::new(),
            shas: Vec::new(),
            removed: Default::default(),
        })
    }

    /// Entries added so far, all lists together.
    pub fn entries(&self) -> u64 {
        self.added
    }

    /// The width of the keys this feed is written with.
    pub fn key_bits(&self) -> u8 {
        self.meta.key_bits
    }

    /// Adds an entry for a canonical value (see [`super::canonical`]); only
    /// its hash key (and, with [`FeedMeta::full_hashes`], its SHA-256) goes
    /// into the feed.
    pub fn entry(
        &mut self,
        kind: ListKind,
        canonical: &str,
        entry: &ListEntry,
    ) -> Result<(), FeedError> {
        let sha = self.meta.full_hashes.then(|| value_hash(canonical));
        self.entry_keyed(kind, fast_hash(canonical), sha, entry)
    }

    /// Adds an entry by its key: a 64-bit hash key of which the top
    /// [`FeedMeta::key_bits`] are kept (copying from another feed), and
    /// its SHA-256 when the feed should carry it.
    pub fn entry_keyed(
        &mut self,
        kind: ListKind,
        key: u64,
        sha256: Option<[u8; 32]>,
        entry: &ListEntry,
    ) -> Result<(), FeedError> {
        if entry.severity > 100 {
            return Err(FeedError::Meta("severity over 100"));
        }
        if entry.category.len() > MAX_CATEGORY_BYTES {
            return Err(FeedError::Meta("category over 64 bytes"));
        }
        if self.added >= self.limits.max_entries {
            return Err(FeedError::Meta("more entries than the limit"));
        }
        let group = self.group(kind, entry)?;
        let extra = if entry.reports != 0 || sha256.is_some() {
            let sha = match sha256 {
                Some(s) => {
                    self.shas.push(s);
                    (self.shas.len() - 1) as u32
                }
                None => NO_SHA,
            };
            self.extras.push((entry.reports, sha));
            (self.extras.len() - 1) as u32
        } else {
            NO_EXTRA
        };
        let shift = 64 - u32::from(self.meta.key_bits);
        self.pending.push(Pending {
            key: truncate_key(key, self.meta.key_bits) >> shift,
            group,
            extra,
        });
        self.added += 1;
        if self.pending.len() >= self.meta.max_buffered {
            self.code_pending()?;
        }
        Ok(())
    }

    /// Removes a value listed by the base version (deltas only), by its
    /// 64-bit hash key (the top [`FeedMeta::key_bits`] are kept).
    pub fn removal(&mut self, kind: ListKind, key: u64) -> Result<(), FeedError> {
        if !self.meta.kind.is_delta() {
            return Err(FeedError::Meta("removals belong in a delta"));
        }
        if self.removals >= self.limits.max_removals {
            return Err(FeedError::Meta("more removals than the limit"));
        }
        let shift = 64 - u32::from(self.meta.key_bits);
        self.removed[usize::from(list_kind_code(kind) - 1)]
            .push(truncate_key(key, self.meta.key_bits) >> shift);
        self.removals += 1;
        Ok(())
    }

    /// Removes a canonical value (deltas only).
    pub fn removal_of(&mut self, kind: ListKind, canonical: &str) -> Result<(), FeedError> {
        self.removal(kind, fast_hash(canonical))
    }

    /// Sets the rule set of `kind` (replacing the embedded default or an
    /// earlier feed's). The caller checks that the JSON loads (the reader
    /// checks again before anything is applied). For a model kind use
    /// [`FeedWriter::model`].
    pub fn rules(&mut self, kind: RuleKind, json: &str) -> Result<(), FeedError> {
        if kind.is_model() {
            return Err(FeedError::Meta("a model goes in with FeedWriter::model"));
        }
        self.record(kind, json.as_bytes())
    }

    /// Ships a model of `kind` (`MessageModel` or `LinkModel`): its FZML
    /// bytes, at most [`Limits::max_model_bytes`] long. Like rule JSON, the
    /// caller checks that it parses as a model of that kind
    /// (`Model::from_bytes`); every reader checks again before anything is
    /// applied and refuses the whole feed otherwise.
    pub fn model(&mut self, kind: RuleKind, bytes: &[u8]) -> Result<(), FeedError> {
        if !kind.is_model() {
            return Err(FeedError::Meta("not a model kind"));
        }
        if bytes.len() as u64 > u64::from(self.limits.max_model_bytes) {
            return Err(FeedError::Meta("model over the size limit"));
        }
        self.record(kind, bytes)
    }

    fn record(&mut self, kind: RuleKind, bytes: &[u8]) -> Result<(), FeedError> {
        if self.rules.contains(&kind) {
            return Err(FeedError::Meta("a rule kind given twice"));
        }
        let cap = if kind.is_model() {
            self.limits.max_model_bytes
        } else {
            self.limits.max_rule_bytes
        };
        let op = RULE_SET;
        let len = u32::try_from(bytes.len())
            .ok()
            .filter(|&l| l <= cap)
            .ok_or(FeedError::Meta("rule set over the size limit"))?;
        self.buf.push(TAG_RULES);
        self.buf.push(kind.code());
        self.buf.push(op);
        self.buf.extend_from_slice(&len.to_le_bytes());
        self.buf.extend_from_slice(bytes);
        self.rules.push(kind);
        self.maybe_flush()
    }

    /// The id of `s` in the string table, defining it on first use.
    fn string(&mut self, s: &str) -> Result<u32, FeedError> {
        if let Some(&id) = self.strings.get(s) {
            return Ok(id);
        }
        if s.len() > self.limits.max_string_bytes {
            return Err(FeedError::Meta("label over the size limit"));
        }
        let id =
            u32::try_from(self.strings.len()).map_err(|_| FeedError::Meta("too many strings"))?;
        if id >= self.limits.max_strings {
            return Err(FeedError::Meta(
                "more distinct categories and labels than the limit",
            ));
        }
        self.buf.push(TAG_STRING);
        // max_string_bytes is far below u32::MAX; checked above.
        put_varint(&mut self.buf, s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
        self.strings.insert(s.to_string(), id);
        Ok(id)
    }

    /// The id of the group `entry` belongs to, defining it on first use.
    fn group(&mut self, kind: ListKind, entry: &ListEntry) -> Result<u32, FeedError> {
        let category = self.string(&entry.category)?;
        let label = self.string(&entry.label)?;
        let key = GroupKey {
            kind: list_kind_code(kind),
            fraud: fraud_code(entry.fraud_type),
            severity: entry.severity,
            confirmed: entry.confirmed,
            category,
            label,
        };
        if let Some(&id) = self.groups.get(&key) {
            return Ok(id);
        }
        let id = self.group_kinds.len() as u32;
        if id >= self.limits.max_groups {
            return Err(FeedError::Meta(
                "more distinct (kind, category, fraud type, severity, label, confirmed) groups than the limit",
            ));
        }
        self.buf.push(TAG_GROUP);
        self.buf.push(key.kind);
        self.buf.push(key.fraud);
        self.buf.push(key.severity);
        self.buf
            .push(if key.confirmed { GROUP_CONFIRMED } else { 0 });
        put_varint(&mut self.buf, category);
        put_varint(&mut self.buf, label);
        self.groups.insert(key, id);
        self.group_kinds.push(key.kind);
        self.maybe_flush()?;
        Ok(id)
    }

    /// Codes the buffered entries: the last of equal (kind, key) wins,
    /// then one run per group in key order.
    fn code_pending(&mut self) -> Result<(), FeedError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut pending = std::mem::take(&mut self.pending);
        let kinds = &self.group_kinds;
        // Stable: equal keys keep their order, so the last is the latest.
        pending.sort_by_key(|p| (kinds[p.group as usize], p.key));
        let mut w = 0usize;
        for r in 0..pending.len() {
            let last = r + 1 == pending.len()
                || (kinds[pending[r + 1].group as usize], pending[r + 1].key)
                    != (kinds[pending[r].group as usize], pending[r].key);
            if last {
                pending[w] = pending[r];
                w += 1;
            }
        }
        pending.truncate(w);
        pending.sort_unstable_by_key(|p| (p.group, p.key));
        let mut keys: Vec<u64> = Vec::new();
        let width = u32::from(self.meta.key_bits);
        for run in pending.chunk_by(|a, b| a.group == b.group) {
            keys.clear();
            keys.extend(run.iter().map(|p| p.key));
            let k = golomb::best_parameter(&keys, width);
            let mut bits = BitWriter::new();
            golomb::encode(&mut bits, &keys, k);
            let coded = bits.finish();
            let coded_len = u32::try_from(coded.len())
                .map_err(|_| FeedError::Meta("a coded run over 4 GiB"))?;
            self.buf.push(TAG_KEYS);
            put_varint(&mut self.buf, run[0].group);
            put_varint(&mut self.buf, run.len() as u32);
            self.buf.push(k as u8);
            put_varint(&mut self.buf, coded_len);
            self.buf.extend_from_slice(&coded);
            drop(coded);
            let with_extra = run.iter().filter(|p| p.extra != NO_EXTRA).count();
            put_varint(&mut self.buf, with_extra as u32);
            let mut prev: Option<usize> = None;
            for (i, p) in run.iter().enumerate() {
                if p.extra == NO_EXTRA {
                    continue;
                }
                let gap = match prev {
                    None => i,
                    Some(q) => i - q - 1,
                };
                prev = Some(i);
                put_varint(&mut self.buf, gap as u32);
                let (reports, sha) = self.extras[p.extra as usize];
                let flags = if reports != 0 { EXTRA_REPORTS } else { 0 }
                    | if sha != NO_SHA { EXTRA_SHA256 } else { 0 };
                self.buf.push(flags);
                if reports != 0 {
                    put_varint(&mut self.buf, reports);
                }
                if sha != NO_SHA {
                    let s = self.shas[sha as usize];
                    self.buf.extend_from_slice(&s);
                }
                self.maybe_flush()?;
            }
            let kind = usize::from(self.group_kinds[run[0].group as usize] - 1);
            self.counts[kind] += run.len() as u64;
            self.maybe_flush()?;
        }
        self.extras.clear();
        self.shas.clear();
        Ok(())
    }

    /// Codes the removals, one run per list kind.
    fn code_removals(&mut self) -> Result<(), FeedError> {
        let width = u32::from(self.meta.key_bits);
        let mut written = 0u64;
        for (i, code) in [1u8, 2, 3].into_iter().enumerate() {
            let mut keys = std::mem::take(&mut self.removed[i]);
            if keys.is_empty() {
                continue;
            }
            keys.sort_unstable();
            keys.dedup();
            let k = golomb::best_parameter(&keys, width);
            let mut bits = BitWriter::new();
            golomb::encode(&mut bits, &keys, k);
            let coded = bits.finish();
            let coded_len = u32::try_from(coded.len())
                .map_err(|_| FeedError::Meta("a coded run over 4 GiB"))?;
            self.buf.push(TAG_REMOVED_KEYS);
            self.buf.push(code);
            put_varint(&mut self.buf, keys.len() as u32);
            self.buf.push(k as u8);
            put_varint(&mut self.buf, coded_len);
            self.buf.extend_from_slice(&coded);
            written += keys.len() as u64;
            self.maybe_flush()?;
        }
        self.removals = written;
        Ok(())
    }

    fn maybe_flush(&mut self) -> Result<(), FeedError> {
        if self.buf.len() >= FLUSH_AT {
            self.flush_body()?;
        }
        Ok(())
    }

    fn flush_body(&mut self) -> Result<(), FeedError> {
        self.hasher.update(&self.buf);
        self.out.write_all(&self.buf)?;
        self.body_len += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }

    /// Writes the header and the signature; returns the output (positioned
    /// at the end of the feed) and the header written.
    pub fn finish(mut self, key: &PublisherKey) -> Result<(W, FeedHeader), FeedError> {
        self.code_pending()?;
        self.code_removals()?;
        self.flush_body()?;
        if self.body_len > self.limits.max_file_bytes {
            return Err(FeedError::Meta("feed over the size limit"));
        }
        let mut body_hash = [0u8; 32];
        body_hash.copy_from_slice(self.hasher.clone().finish().as_ref());
        let header = FeedHeader {
            format: FORMAT_VERSION,
            key_bits: self.meta.key_bits,
            id: self.meta.id.clone(),
            version: self.meta.version,
            kind: self.meta.kind,
            created_ms: self.meta.created_ms,
            expires_ms: self.meta.expires_ms,
            numbers: self.counts[0],
            urls: self.counts[1],
            accounts: self.counts[2],
            removals: self.removals,
            rules: self.rules.len() as u32,
            strings: self.strings.len() as u32,
            rotations: self.meta.rotations.len() as u32,
            body_len: self.body_len,
            body_hash,
        };
        let encoded = header.encode();
        let mut message = signing_context(FORMAT_VERSION).to_vec();
        message.extend_from_slice(&encoded);
        for r in &self.meta.rotations {
            message.extend_from_slice(&r.encode());
        }
        let signature = key.sign(&message);
        let end = self.out.stream_position()?;
        self.out.seek(SeekFrom::Start(self.start))?;
        self.out.write_all(&encoded)?;
        for r in &self.meta.rotations {
            self.out.write_all(&r.encode())?;
        }
        self.out.write_all(&key.id().0)?;
        self.out.write_all(&signature)?;
        self.out.seek(SeekFrom::Start(end))?;
        self.out.flush()?;
        Ok((self.out, header))
    }
}
