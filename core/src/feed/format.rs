//! The byte layout of a feed (format versions 1 and 2). `docs/feed-format.md`
//! is the prose version of this file; keep them in step.
//!
//! ```text
//! header      168 bytes, fixed (below)
//! rotations   rotations × 120 bytes (keys::Rotation)
//! signature   key id (8) + Ed25519 signature (64) over
//!             "fanzha-feed-v2\0" ‖ header ‖ rotations   (v1: "fanzha-feed-v1\0")
//! body        body_len bytes of records; SHA-256(body) = header.body_hash
//! ```
//!
//! Format 2 (written now) keys entries by a truncated hash
//! ([`crate::blocklist::hash_key`], `key_bits` wide, from the header) and
//! codes them in groups that share their metadata (see `compact.rs`);
//! format 1 (still read) carried a full SHA-256 and metadata per entry.
//!
//! All integers are little-endian.

use super::FeedError;
use crate::blocklist::ListKind;
use crate::model::FeatureKind;
use crate::verdict::FraudType;

/// The first eight bytes of every feed.
pub const MAGIC: [u8; 8] = *b"FANZFEED";
/// The format version this build writes. It reads this and [`FORMAT_V1`].
pub const FORMAT_VERSION: u16 = 2;
/// The first format: a full SHA-256 and metadata per entry (≈ 47 bytes).
pub const FORMAT_V1: u16 = 1;
/// Length of the fixed header (both formats).
pub const HEADER_LEN: usize = 168;
/// Length of the signature block: key id + Ed25519 signature.
pub(crate) const SIG_BLOCK_LEN: usize = 8 + 64;
/// Narrowest hash key a format-2 feed may use.
pub const MIN_KEY_BITS: u8 = 32;
/// Widest hash key a format-2 feed may use.
pub const MAX_KEY_BITS: u8 = 64;

/// Domain separation for feed signatures, by format.
pub(crate) fn signing_context(format: u16) -> &'static [u8] {
    if format == FORMAT_V1 {
        b"fanzha-feed-v1\0"
    } else {
        b"fanzha-feed-v2\0"
    }
}
/// Longest feed id.
pub(crate) const MAX_ID_LEN: usize = 32;

const FLAG_DELTA: u16 = 1;

/// Record tags in the body. Format 1 has strings, entries, removals and
/// rules; format 2 has strings, rules, groups, keys and removed keys.
pub(crate) const TAG_STRING: u8 = 1;
pub(crate) const TAG_ENTRY: u8 = 2;
pub(crate) const TAG_REMOVAL: u8 = 3;
pub(crate) const TAG_RULES: u8 = 4;
pub(crate) const TAG_GROUP: u8 = 5;
pub(crate) const TAG_KEYS: u8 = 6;
pub(crate) const TAG_REMOVED_KEYS: u8 = 7;

/// Rule operation code: replace this kind's rules (or model). (Other codes
/// are reserved; a delta can't return a kind to the embedded default — a
/// full feed without that kind does.)
pub(crate) const RULE_SET: u8 = 1;
/// Bit 7 of an entry's severity byte: the publisher confirmed the listing
/// (it wins over a user's allow rule). Severity itself is 0–100, so the bit
/// was never set by a writer; a reader that predates it refuses such a feed
/// ("severity over 100") rather than misreading it. Feeds without confirmed
/// entries are byte-for-byte what they were.
pub(crate) const SEVERITY_CONFIRMED: u8 = 0x80;
/// Longest category, in bytes (the store's cap).
pub const MAX_CATEGORY_BYTES: usize = 64;

/// Smallest encoded size of each record, for the declared-size sanity check.
pub(crate) const MIN_ENTRY_LEN: u64 = 1 + 1 + 32 + 8 + 1 + 1 + 1 + 1 + 1;
pub(crate) const REMOVAL_LEN: u64 = 1 + 1 + 32 + 8;
pub(crate) const MIN_RULES_LEN: u64 = 1 + 1 + 1 + 4;
pub(crate) const MIN_STRING_LEN: u64 = 1 + 1;

/// Whether a feed is complete or a delta from an earlier version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    /// Replaces everything the feed id had.
    Full,
    /// Applies only on top of version `base` of the same feed id.
    Delta {
        /// The version this delta applies to.
        base: u64,
    },
}

impl FeedKind {
    /// True for a delta.
    pub fn is_delta(self) -> bool {
        matches!(self, FeedKind::Delta { .. })
    }

    /// The base version of a delta.
    pub fn base(self) -> Option<u64> {
        match self {
            FeedKind::Full => None,
            FeedKind::Delta { base } => Some(base),
        }
    }
}

/// The rule sets a feed can carry, one per [`crate::RuleSources`] field:
/// five kinds of rule JSON and two learned models (FZML bytes, see
/// [`crate::model`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleKind {
    /// Number rules (`numbers.json`).
    Numbers,
    /// Link rules (`links.json`).
    Links,
    /// Message patterns (`patterns.json`).
    Patterns,
    /// Payment rules (`payments.json`).
    Payments,
    /// Scoring thresholds and actions (`scoring.json`).
    Scoring,
    /// A message model (FZML of [`FeatureKind::Message`]).
    MessageModel,
    /// A link model (FZML of [`FeatureKind::Link`]).
    LinkModel,
}

impl RuleKind {
    /// Every kind, in record order.
    pub const ALL: [RuleKind; 7] = [
        RuleKind::Numbers,
        RuleKind::Links,
        RuleKind::Patterns,
        RuleKind::Payments,
        RuleKind::Scoring,
        RuleKind::MessageModel,
        RuleKind::LinkModel,
    ];

    /// The stable id, also the key in a `--rules` JSON file (rule JSON
    /// kinds only) and the part name in errors.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Numbers => "numbers",
            RuleKind::Links => "links",
            RuleKind::Patterns => "patterns",
            RuleKind::Payments => "payments",
            RuleKind::Scoring => "scoring",
            RuleKind::MessageModel => "message_model",
            RuleKind::LinkModel => "link_model",
        }
    }

    /// The kind named `id` (`numbers`, `links`, `patterns`, `payments`, `scoring`).
    pub fn parse(id: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|k| k.as_str() == id)
    }

    /// The model kind of a model record; `None` for rule JSON.
    pub fn model_kind(self) -> Option<FeatureKind> {
        match self {
            RuleKind::MessageModel => Some(FeatureKind::Message),
            RuleKind::LinkModel => Some(FeatureKind::Link),
            _ => None,
        }
    }

    /// True for the model kinds (binary payload, not JSON).
    pub fn is_model(self) -> bool {
        self.model_kind().is_some()
    }

    pub(crate) fn code(self) -> u8 {
        match self {
            RuleKind::Numbers => 1,
            RuleKind::Links => 2,
            RuleKind::Patterns => 3,
            RuleKind::Payments => 4,
            RuleKind::Scoring => 5,
            RuleKind::MessageModel => 6,
            RuleKind::LinkModel => 7,
        }
    }

    pub(crate) fn from_code(code: u8) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The JSON slot of [`crate::RuleSources`] this kind fills; `None` for
    /// the model kinds (see [`RuleKind::set`]).
    pub fn slot(self, sources: &mut crate::RuleSources) -> Option<&mut Option<String>> {
        match self {
            RuleKind::Numbers => Some(&mut sources.numbers),
            RuleKind::Links => Some(&mut sources.links),
            RuleKind::Patterns => Some(&mut sources.patterns),
            RuleKind::Payments => Some(&mut sources.payments),
            RuleKind::Scoring => Some(&mut sources.scoring),
            RuleKind::MessageModel | RuleKind::LinkModel => None,
        }
    }

    /// Puts a record's payload into its slot of `sources`: rule JSON as
    /// text (refused unless UTF-8), a model as bytes. Nothing is compiled
    /// or parsed here.
    pub fn set(self, sources: &mut crate::RuleSources, payload: &[u8]) -> Result<(), FeedError> {
        let model = || Some(std::sync::Arc::new(payload.to_vec()));
        match self {
            RuleKind::MessageModel => sources.message_model = model(),
            RuleKind::LinkModel => sources.link_model = model(),
            json => {
                let text = std::str::from_utf8(payload)
                    .map_err(|_| FeedError::Malformed("rules are not UTF-8"))?;
                if let Some(slot) = json.slot(sources) {
                    *slot = Some(text.to_string());
                }
            }
        }
        Ok(())
    }

    /// The payload `sources` holds for this kind, if any.
    pub fn get(self, sources: &crate::RuleSources) -> Option<&[u8]> {
        match self {
            RuleKind::Numbers => sources.numbers.as_deref().map(str::as_bytes),
            RuleKind::Links => sources.links.as_deref().map(str::as_bytes),
            RuleKind::Patterns => sources.patterns.as_deref().map(str::as_bytes),
            RuleKind::Payments => sources.payments.as_deref().map(str::as_bytes),
            RuleKind::Scoring => sources.scoring.as_deref().map(str::as_bytes),
            RuleKind::MessageModel => sources.message_model.as_deref().map(Vec::as_slice),
            RuleKind::LinkModel => sources.link_model.as_deref().map(Vec::as_slice),
        }
    }
}

pub(crate) fn list_kind_code(kind: ListKind) -> u8 {
    match kind {
        ListKind::Number => 1,
        ListKind::Url => 2,
        ListKind::Account => 3,
    }
}

pub(crate) fn list_kind_from_code(code: u8) -> Option<ListKind> {
    match code {
        1 => Some(ListKind::Number),
        2 => Some(ListKind::Url),
        3 => Some(ListKind::Account),
        _ => None,
    }
}

/// Fraud types are coded by a fixed table (not by enum order) so that the
/// taxonomy can grow without renumbering.
pub(crate) fn fraud_code(t: FraudType) -> u8 {
    match t {
        FraudType::RebateTask => 1,
        FraudType::FakeInvestment => 2,
        FraudType::FakeLoan => 3,
        FraudType::ImpersonateCustomerService => 4,
        FraudType::ImpersonateAuthority => 5,
        FraudType::FakeCreditRepair => 6,
        FraudType::FakeShopping => 7,
        FraudType::ImpersonateAcquaintance => 8,
        FraudType::GameTrading => 9,
        FraudType::RomanceInvestment => 10,
        FraudType::FakeJob => 11,
        FraudType::PrizeLottery => 12,
        FraudType::VerificationCode => 13,
        FraudType::Phishing => 14,
        FraudType::MalwareApp => 15,
        FraudType::Other => 16,
    }
}

/// A code this build doesn't know (a newer taxonomy) reads as `other`, so an
/// older app still protects against the entry.
pub(crate) fn fraud_from_code(code: u8) -> FraudType {
    FraudType::ALL
        .into_iter()
        .find(|t| fraud_code(*t) == code)
        .unwrap_or(FraudType::Other)
}

/// The fixed header of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedHeader {
    /// Format version: [`FORMAT_VERSION`] or [`FORMAT_V1`].
    pub format: u16,
    /// Width of the entries' hash keys (format 2: 32–64; format 1: 64,
    /// plus a full SHA-256 per entry).
    pub key_bits: u8,
    /// Feed id: 1–32 bytes of `a-z 0-9 . _ -`, starting with a letter or digit.
    pub id: String,
    /// Version of this feed id; strictly increasing.
    pub version: u64,
    /// Full or delta.
    pub kind: FeedKind,
    /// When it was built (ms since the Unix epoch).
    pub created_ms: i64,
    /// After this (ms since the Unix epoch) the feed is stale: still used,
    /// but every verdict says so.
    pub expires_ms: i64,
    /// Entries by list.
    pub numbers: u64,
    /// URL expressions listed.
    pub urls: u64,
    /// Payee accounts listed.
    pub accounts: u64,
    /// Removals (a delta only).
    pub removals: u64,
    /// Rule-set records.
    pub rules: u32,
    /// String-table records (categories and labels).
    pub strings: u32,
    /// Key-rotation statements between header and signature.
    pub rotations: u32,
    /// Length of the body in bytes.
    pub body_len: u64,
    /// SHA-256 of the body.
    pub body_hash: [u8; 32],
}

impl FeedHeader {
    /// Entries of all lists together.
    pub fn entries(&self) -> u64 {
        self.numbers
            .saturating_add(self.urls)
            .saturating_add(self.accounts)
    }

    /// The encoded header.
    pub(crate) fn encode(&self) -> [u8; HEADER_LEN] {
        let mut b = [0u8; HEADER_LEN];
        b[0..8].copy_from_slice(&MAGIC);
        b[8..10].copy_from_slice(&self.format.to_le_bytes());
        let flags = if self.kind.is_delta() { FLAG_DELTA } else { 0 };
        b[10..12].copy_from_slice(&flags.to_le_bytes());
        b[12..16].copy_from_slice(&(HEADER_LEN as u32).to_le_bytes());
        b[16..16 + self.id.len().min(MAX_ID_LEN)]
            .copy_from_slice(&self.id.as_bytes()[..self.id.len().min(MAX_ID_LEN)]);
        b[48..56].copy_from_slice(&self.version.to_le_bytes());
        b[56..64].copy_from_slice(&self.kind.base().unwrap_or(0).to_le_bytes());
        b[64..72].copy_from_slice(&self.created_ms.to_le_bytes());
        b[72..80].copy_from_slice(&self.expires_ms.to_le_bytes());
        b[80..88].copy_from_slice(&self.numbers.to_le_bytes());
        b[88..96].copy_from_slice(&self.urls.to_le_bytes());
        b[96..104].copy_from_slice(&self.accounts.to_le_bytes());
        b[104..112].copy_from_slice(&self.removals.to_le_bytes());
        b[112..116].copy_from_slice(&self.rules.to_le_bytes());
        b[116..120].copy_from_slice(&self.strings.to_le_bytes());
        b[120..124].copy_from_slice(&self.rotations.to_le_bytes());
        // Format 2: byte 124 is the key width, 125..128 reserved (zero);
        // format 1: 124..128 reserved.
        if self.format != FORMAT_V1 {
            b[124] = self.key_bits;
        }
        b[128..136].copy_from_slice(&self.body_len.to_le_bytes());
        b[136..168].copy_from_slice(&self.body_hash);
        b
    }

    /// Decodes and checks a header: magic, format, flags, reserved bytes,
    /// id, version order and times. Caps are checked by the reader.
    pub(crate) fn decode(b: &[u8]) -> Result<FeedHeader, FeedError> {
        if b.len() < 8 {
            return Err(FeedError::Truncated { part: "header" });
        }
        if b[0..8] != MAGIC {
            return Err(FeedError::BadMagic);
        }
        if b.len() < 12 {
            return Err(FeedError::Truncated { part: "header" });
        }
        let format = u16_at(b, 8);
        if format != FORMAT_VERSION && format != FORMAT_V1 {
            return Err(FeedError::UnsupportedFormat(format));
        }
        if b.len() < HEADER_LEN {
            return Err(FeedError::Truncated { part: "header" });
        }
        let flags = u16_at(b, 10);
        if flags & !FLAG_DELTA != 0 {
            return Err(FeedError::Malformed("unknown header flags"));
        }
        if u32_at(b, 12) as usize != HEADER_LEN {
            return Err(FeedError::Malformed("header length"));
        }
        let id = decode_id(&b[16..48])?;
        let version = u64_at(b, 48);
        let base = u64_at(b, 56);
        let kind = if flags & FLAG_DELTA != 0 {
            if base == 0 || base >= version {
                return Err(FeedError::Malformed(
                    "delta base must be older than the version",
                ));
            }
            FeedKind::Delta { base }
        } else {
            if base != 0 {
                return Err(FeedError::Malformed("full feed with a base version"));
            }
            FeedKind::Full
        };
        if version == 0 {
            return Err(FeedError::Malformed("version 0"));
        }
        let created_ms = i64_at(b, 64);
        let expires_ms = i64_at(b, 72);
        if expires_ms <= created_ms {
            return Err(FeedError::Malformed("expires before it was created"));
        }
        let key_bits = if format == FORMAT_V1 {
            if u32_at(b, 124) != 0 {
                return Err(FeedError::Malformed("reserved header bytes set"));
            }
            64
        } else {
            if b[125..128] != [0, 0, 0] {
                return Err(FeedError::Malformed("reserved header bytes set"));
            }
            if !(MIN_KEY_BITS..=MAX_KEY_BITS).contains(&b[124]) {
                return Err(FeedError::Malformed("key width"));
            }
            b[124]
        };
        let mut body_hash = [0u8; 32];
        body_hash.copy_from_slice(&b[136..168]);
        Ok(FeedHeader {
            format,
            key_bits,
            id,
            version,
            kind,
            created_ms,
            expires_ms,
            numbers: u64_at(b, 80),
            urls: u64_at(b, 88),
            accounts: u64_at(b, 96),
            removals: u64_at(b, 104),
            rules: u32_at(b, 112),
            strings: u32_at(b, 116),
            rotations: u32_at(b, 120),
            body_len: u64_at(b, 128),
            body_hash,
        })
    }
}

/// Checks a feed id: 1–32 bytes of `a-z 0-9 . _ -`, starting with a letter
/// or digit.
pub(crate) fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_ID_LEN
        && b[0].is_ascii_alphanumeric()
        && b.iter().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-')
        })
}

fn decode_id(field: &[u8]) -> Result<String, FeedError> {
    let len = field.iter().position(|&c| c == 0).unwrap_or(field.len());
    if field[len..].iter().any(|&c| c != 0) {
        return Err(FeedError::Malformed("feed id padding"));
    }
    let id = std::str::from_utf8(&field[..len]).map_err(|_| FeedError::Malformed("feed id"))?;
    if !valid_id(id) {
        return Err(FeedError::Malformed("feed id"));
    }
    Ok(id.to_string())
}

// Callers check lengths first; these index a slice they know is long enough.
pub(crate) fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

pub(crate) fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

pub(crate) fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

pub(crate) fn i64_at(b: &[u8], at: usize) -> i64 {
    u64_at(b, at) as i64
}

/// Appends `v` as unsigned LEB128.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A bounds-checked cursor over untrusted bytes. Every read says what it was
/// reading, so a short input becomes [`FeedError::Truncated`] with that part.
#[derive(Debug, Clone)]
pub(crate) struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Cursor<'a> {
        Cursor { bytes, pos: 0 }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Bytes between this cursor and `later`, a clone of it moved on.
    pub(crate) fn distance_to(&self, later: &Cursor<'a>) -> usize {
        later.pos.saturating_sub(self.pos)
    }

    pub(crate) fn take(&mut self, n: usize, part: &'static str) -> Result<&'a [u8], FeedError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(FeedError::Truncated { part })?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or(FeedError::Truncated { part })?;
        self.pos = end;
        Ok(s)
    }

    pub(crate) fn u8(&mut self, part: &'static str) -> Result<u8, FeedError> {
        Ok(self.take(1, part)?[0])
    }

    pub(crate) fn u32(&mut self, part: &'static str) -> Result<u32, FeedError> {
        Ok(u32_at(self.take(4, part)?, 0))
    }

    pub(crate) fn u64(&mut self, part: &'static str) -> Result<u64, FeedError> {
        Ok(u64_at(self.take(8, part)?, 0))
    }

    pub(crate) fn array32(&mut self, part: &'static str) -> Result<[u8; 32], FeedError> {
        let mut a = [0u8; 32];
        a.copy_from_slice(self.take(32, part)?);
        Ok(a)
    }

    /// Unsigned LEB128 of at most 5 bytes; overlong and overflowing
    /// encodings are refused so every value has exactly one encoding.
    pub(crate) fn varint(&mut self, part: &'static str) -> Result<u32, FeedError> {
        let mut v: u32 = 0;
        for i in 0..5 {
            let byte = self.u8(part)?;
            let bits = u32::from(byte & 0x7f);
            if i == 4 && bits > 0x0f {
                return Err(FeedError::Malformed("varint overflows"));
            }
            v |= bits << (7 * i);
            if byte & 0x80 == 0 {
                if i > 0 && byte == 0 {
                    return Err(FeedError::Malformed("overlong varint"));
                }
                return Ok(v);
            }
        }
        Err(FeedError::Malformed("varint overflows"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_round_trips_and_is_canonical() {
        for v in [0u32, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            let mut b = Vec::new();
            put_varint(&mut b, v);
            let mut c = Cursor::new(&b);
            assert_eq!(c.varint("t").unwrap(), v);
            assert!(c.is_empty());
        }
        assert!(matches!(
            Cursor::new(&[0x80, 0x00]).varint("t"),
            Err(FeedError::Malformed(_))
        ));
        assert!(matches!(
            Cursor::new(&[0xff, 0xff, 0xff, 0xff, 0x1f]).varint("t"),
            Err(FeedError::Malformed(_))
        ));
        assert!(matches!(
            Cursor::new(&[0x80]).varint("t"),
            Err(FeedError::Truncated { .. })
        ));
    }

    #[test]
    fn ids() {
        for ok in ["cn", "cn-national", "bank.x_1", "0"] {
            assert!(valid_id(ok), "{ok}");
        }
        for bad in ["", "-x", "CN", "cn national", "a/b", &"a".repeat(33), "中"] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn header_round_trips() {
        let mut h = FeedHeader {
            format: FORMAT_VERSION,
            key_bits: 48,
            id: "cn-national".into(),
            version: 7,
            kind: FeedKind::Delta { base: 5 },
            created_ms: 1_700_000_000_000,
            expires_ms: 1_700_000_000_001,
            numbers: 1,
            urls: 2,
            accounts: 3,
            removals: 4,
            rules: 5,
            strings: 6,
            rotations: 7,
            body_len: 8,
            body_hash: [9; 32],
        };
        assert_eq!(FeedHeader::decode(&h.encode()).unwrap(), h);
        h.format = FORMAT_V1;
        h.key_bits = 64;
        assert_eq!(FeedHeader::decode(&h.encode()).unwrap(), h);
        for bad in [0u8, 31, 65] {
            h.format = FORMAT_VERSION;
            h.key_bits = bad;
            assert!(FeedHeader::decode(&h.encode()).is_err(), "{bad}");
        }
    }

    #[test]
    fn fraud_codes_are_a_bijection() {
        let mut seen = std::collections::HashSet::new();
        for t in FraudType::ALL {
            assert!(seen.insert(fraud_code(t)));
            assert_eq!(fraud_from_code(fraud_code(t)), t);
        }
        assert_eq!(fraud_from_code(200), FraudType::Other);
    }
}
