//! Building feeds: [`FeedWriter`] streams records to any `Write + Seek`
//! (a file), hashing the body as it goes, then seeks back to write the header
//! and the signature. Memory is the string table plus a 64 KiB buffer,
//! however many entries go through.

use super::format::{
    fraud_code, list_kind_code, put_varint, valid_id, FeedHeader, FeedKind, RuleKind, HEADER_LEN,
    MAX_CATEGORY_BYTES, RULE_SET, SEVERITY_CONFIRMED, SIGNING_CONTEXT, SIG_BLOCK_LEN, TAG_ENTRY,
    TAG_REMOVAL, TAG_RULES, TAG_STRING,
};
use super::keys::{PublisherKey, Rotation};
use super::{FeedError, Limits};
use crate::blocklist::{fast_hash, value_hash, ListEntry, ListKind};
use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};

const FLUSH_AT: usize = 64 << 10;

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
        Ok(())
    }
}

/// Streams a feed to `out` and signs it.
///
/// Refuses, with [`FeedError::Meta`], anything a reader with the same
/// [`Limits`] would refuse: bad metadata, severity over 100, strings over the
/// cap, removals or rule resets in a full feed, a rule kind given twice.
pub struct FeedWriter<W: Write + Seek> {
    out: W,
    start: u64,
    meta: FeedMeta,
    limits: Limits,
    buf: Vec<u8>,
    hasher: ring::digest::Context,
    body_len: u64,
    counts: [u64; 3],
    removals: u64,
    rules: Vec<RuleKind>,
    strings: HashMap<String, u32>,
}

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
            removals: 0,
            rules: Vec::new(),
            strings: HashMap::new(),
        })
    }

    /// Entries written so far, all lists together.
    pub fn entries(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Adds an entry for a canonical value (see [`super::canonical`]); only
    /// its hashes go into the feed.
    pub fn entry(
        &mut self,
        kind: ListKind,
        canonical: &str,
        entry: &ListEntry,
    ) -> Result<(), FeedError> {
        self.entry_hashed(kind, value_hash(canonical), fast_hash(canonical), entry)
    }

    /// Adds an entry by its hashes (copying from another feed).
    pub fn entry_hashed(
        &mut self,
        kind: ListKind,
        sha256: [u8; 32],
        fast: u64,
        entry: &ListEntry,
    ) -> Result<(), FeedError> {
        if entry.severity > 100 {
            return Err(FeedError::Meta("severity over 100"));
        }
        if entry.category.len() > MAX_CATEGORY_BYTES {
            return Err(FeedError::Meta("category over 64 bytes"));
        }
        if self.entries() >= self.limits.max_entries {
            return Err(FeedError::Meta("more entries than the limit"));
        }
        let category = self.string(&entry.category)?;
        let label = self.string(&entry.label)?;
        self.buf.push(TAG_ENTRY);
        self.buf.push(list_kind_code(kind));
        self.buf.extend_from_slice(&sha256);
        self.buf.extend_from_slice(&fast.to_le_bytes());
        self.buf.push(fraud_code(entry.fraud_type));
        self.buf.push(if entry.confirmed {
            entry.severity | SEVERITY_CONFIRMED
        } else {
            entry.severity
        });
        put_varint(&mut self.buf, entry.reports);
        put_varint(&mut self.buf, category);
        put_varint(&mut self.buf, label);
        self.counts[usize::from(list_kind_code(kind) - 1)] += 1;
        self.maybe_flush()
    }

    /// Removes a value listed by the base version (deltas only).
    pub fn removal(
        &mut self,
        kind: ListKind,
        sha256: [u8; 32],
        fast: u64,
    ) -> Result<(), FeedError> {
        if !self.meta.kind.is_delta() {
            return Err(FeedError::Meta("removals belong in a delta"));
        }
        if self.removals >= self.limits.max_removals {
            return Err(FeedError::Meta("more removals than the limit"));
        }
        self.buf.push(TAG_REMOVAL);
        self.buf.push(list_kind_code(kind));
        self.buf.extend_from_slice(&sha256);
        self.buf.extend_from_slice(&fast.to_le_bytes());
        self.removals += 1;
        self.maybe_flush()
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
        self.flush_body()?;
        if self.body_len > self.limits.max_file_bytes {
            return Err(FeedError::Meta("feed over the size limit"));
        }
        let mut body_hash = [0u8; 32];
        body_hash.copy_from_slice(self.hasher.clone().finish().as_ref());
        let header = FeedHeader {
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
        let mut message = SIGNING_CONTEXT.to_vec();
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
