//! Reading feeds: a hostile-input parser.
//!
//! [`FeedFile::parse`] checks the structure and every declared size against
//! [`Limits`] without touching the body; [`FeedFile::verify`] checks the
//! signature against pinned keys, the body against its signed hash, and then
//! walks every record (bounds, counts, string references, rule JSON). Only
//! the resulting [`VerifiedFeed`] hands out entries, so nothing unverified
//! can reach a store. No input makes these functions panic or allocate more
//! than the caps allow (the string table borrows from the input).

use super::compact::{self, EntryRun, Group, KeyRun};
use super::format::{
    fraud_from_code, list_kind_from_code, signing_context, Cursor, FeedHeader, FeedKind, RuleKind,
    FORMAT_V1, HEADER_LEN, MAX_CATEGORY_BYTES, MIN_ENTRY_LEN, MIN_RULES_LEN, MIN_STRING_LEN,
    REMOVAL_LEN, RULE_SET, SEVERITY_CONFIRMED, SIG_BLOCK_LEN, TAG_ENTRY, TAG_GROUP, TAG_KEYS,
    TAG_REMOVAL, TAG_REMOVED_KEYS, TAG_RULES, TAG_STRING,
};
use super::keys::{KeyId, PublicKey, Rotation, TrustedKeys};
use super::{FeedError, Limits};
use crate::blocklist::{ListEntry, ListKind};
use crate::snapshot::RuleSources;
use crate::store::{FeedEntry, FeedRemoval};
use crate::verdict::FraudType;
use std::collections::BTreeMap;

/// A feed whose structure has been checked, not yet its signature.
#[derive(Debug, Clone)]
pub struct FeedFile<'a> {
    header: FeedHeader,
    rotations: Vec<Rotation>,
    key_id: KeyId,
    signature: [u8; 64],
    signed: &'a [u8],
    body: &'a [u8],
    limits: Limits,
}

/// Counts from a body walk, for `inspect` and status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodySummary {
    /// Number entries.
    pub numbers: u64,
    /// URL entries.
    pub urls: u64,
    /// Account entries.
    pub accounts: u64,
    /// Removals.
    pub removals: u64,
    /// String-table records.
    pub strings: u32,
    /// Groups (format 2): sets of entries sharing their metadata.
    pub groups: u32,
    /// Entries that carry their SHA-256 (all of them in format 1).
    pub full_hashes: u64,
    /// Rule kinds present, with the byte size of their JSON.
    pub rules: Vec<(RuleKind, usize)>,
    /// Entries by fraud type.
    pub by_fraud_type: BTreeMap<FraudType, u64>,
}

/// A decoded body record. String references are checked against the table
/// built so far.
enum Record<'a> {
    String(&'a str),
    Entry {
        kind: ListKind,
        sha256: [u8; 32],
        fast: u64,
        fraud_type: FraudType,
        severity: u8,
        confirmed: bool,
        reports: u32,
        category: u32,
        label: u32,
    },
    Removal(FeedRemoval),
    /// Rule JSON (checked to be UTF-8) or a model's bytes.
    Rules(RuleKind, &'a [u8]),
    Group(Group),
    Keys {
        group: u32,
        run: KeyRun<'a>,
        extras: &'a [u8],
        extras_count: u64,
    },
    RemovedKeys(ListKind, KeyRun<'a>),
}

/// What a record may refer to: the string table and the groups defined so
/// far, and the header fields that shape the body.
#[derive(Clone, Copy)]
struct Tables<'t, 'a> {
    strings: &'t [&'a str],
    groups: usize,
    format: u16,
    key_bits: u8,
}

/// Decodes the record at the cursor.
fn next_record<'a>(
    c: &mut Cursor<'a>,
    t: Tables<'_, 'a>,
    limits: &Limits,
) -> Result<Record<'a>, FeedError> {
    let strings = t.strings;
    let v1 = t.format == FORMAT_V1;
    let string_ref = |c: &mut Cursor<'a>| -> Result<u32, FeedError> {
        let id = c.varint("string reference")?;
        if id as usize >= strings.len() {
            return Err(FeedError::Malformed("string used before it is defined"));
        }
        Ok(id)
    };
    match c.u8("record tag")? {
        TAG_STRING => {
            let len = c.varint("string length")? as usize;
            if len > limits.max_string_bytes {
                return Err(FeedError::TooLarge {
                    what: "string",
                    limit: limits.max_string_bytes as u64,
                });
            }
            let s = std::str::from_utf8(c.take(len, "string")?)
                .map_err(|_| FeedError::Malformed("string is not UTF-8"))?;
            Ok(Record::String(s))
        }
        TAG_ENTRY if v1 => {
            let kind = list_kind_from_code(c.u8("entry")?)
                .ok_or(FeedError::Malformed("unknown list kind"))?;
            let sha256 = c.array32("entry")?;
            let fast = c.u64("entry")?;
            let fraud_type = fraud_from_code(c.u8("entry")?);
            let flagged = c.u8("entry")?;
            let confirmed = flagged & SEVERITY_CONFIRMED != 0;
            let severity = flagged & !SEVERITY_CONFIRMED;
            if severity > 100 {
                return Err(FeedError::Malformed("severity over 100"));
            }
            let reports = c.varint("entry")?;
            let category = string_ref(c)?;
            if strings.get(category as usize).map_or(0, |s| s.len()) > MAX_CATEGORY_BYTES {
                return Err(FeedError::TooLarge {
                    what: "category",
                    limit: MAX_CATEGORY_BYTES as u64,
                });
            }
            let label = string_ref(c)?;
            Ok(Record::Entry {
                kind,
                sha256,
                fast,
                fraud_type,
                severity,
                confirmed,
                reports,
                category,
                label,
            })
        }
        TAG_REMOVAL if v1 => {
            let kind = list_kind_from_code(c.u8("removal")?)
                .ok_or(FeedError::Malformed("unknown list kind"))?;
            c.array32("removal")?;
            let fast = c.u64("removal")?;
            Ok(Record::Removal(FeedRemoval {
                kind,
                key: fast,
                key_bits: 64,
            }))
        }
        TAG_GROUP if !v1 => {
            let g = compact::read_group(c, strings.len())?;
            if strings.get(g.category as usize).map_or(0, |s| s.len()) > MAX_CATEGORY_BYTES {
                return Err(FeedError::TooLarge {
                    what: "category",
                    limit: MAX_CATEGORY_BYTES as u64,
                });
            }
            Ok(Record::Group(g))
        }
        TAG_KEYS if !v1 => {
            let group = c.varint("group reference")?;
            if group as usize >= t.groups {
                return Err(FeedError::Malformed("group used before it is defined"));
            }
            let run = compact::read_run(c, t.key_bits, limits)?;
            let extras_count = u64::from(c.varint("extras")?);
            if extras_count > run.count {
                return Err(FeedError::Malformed("more extras than keys"));
            }
            let mut x = c.clone();
            let mut prev = None;
            for _ in 0..extras_count {
                prev = Some(compact::read_extra(&mut x, prev, run.count)?.index);
            }
            let extras = c.take(c.distance_to(&x), "extras")?;
            Ok(Record::Keys {
                group,
                run,
                extras,
                extras_count,
            })
        }
        TAG_REMOVED_KEYS if !v1 => {
            let kind = list_kind_from_code(c.u8("removed keys")?)
                .ok_or(FeedError::Malformed("unknown list kind"))?;
            let run = compact::read_run(c, t.key_bits, limits)?;
            Ok(Record::RemovedKeys(kind, run))
        }
        TAG_RULES => {
            let kind = RuleKind::from_code(c.u8("rules")?)
                .ok_or(FeedError::Malformed("unknown rule kind"))?;
            let op = c.u8("rules")?;
            let len = c.u32("rules")?;
            let (cap, what) = if kind.is_model() {
                (limits.max_model_bytes, "model")
            } else {
                (limits.max_rule_bytes, "rule set")
            };
            if len > cap {
                return Err(FeedError::TooLarge {
                    what,
                    limit: u64::from(cap),
                });
            }
            let bytes = c.take(len as usize, "rules")?;
            if op != RULE_SET {
                return Err(FeedError::Malformed("unknown rule operation"));
            }
            if !kind.is_model() && std::str::from_utf8(bytes).is_err() {
                return Err(FeedError::Malformed("rules are not UTF-8"));
            }
            Ok(Record::Rules(kind, bytes))
        }
        _ => Err(FeedError::Malformed("unknown record")),
    }
}

/// What a body walk yields: the string table, the groups, the rule sets,
/// the counts.
struct Scanned<'a> {
    strings: Vec<&'a str>,
    groups: Vec<Group>,
    rules: Vec<(RuleKind, &'a [u8])>,
    summary: BodySummary,
}

/// Walks the whole body, checking every record and the counts the header
/// declares. Returns the string table and the rule changes.
fn scan<'a>(
    body: &'a [u8],
    header: &FeedHeader,
    limits: &Limits,
) -> Result<Scanned<'a>, FeedError> {
    let mut c = Cursor::new(body);
    let mut strings: Vec<&'a str> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut rules: Vec<(RuleKind, &'a [u8])> = Vec::new();
    let mut s = BodySummary::default();
    let too_many = FeedError::Malformed("more records than the header declares");
    while !c.is_empty() {
        let t = Tables {
            strings: &strings,
            groups: groups.len(),
            format: header.format,
            key_bits: header.key_bits,
        };
        match next_record(&mut c, t, limits)? {
            Record::String(st) => {
                if strings.len() as u64 >= u64::from(header.strings) {
                    return Err(too_many);
                }
                strings.push(st);
            }
            Record::Entry {
                kind, fraud_type, ..
            } => {
                let (n, declared) = match kind {
                    ListKind::Number => (&mut s.numbers, header.numbers),
                    ListKind::Url => (&mut s.urls, header.urls),
                    ListKind::Account => (&mut s.accounts, header.accounts),
                };
                if *n >= declared {
                    return Err(too_many);
                }
                *n += 1;
                s.full_hashes += 1;
                *s.by_fraud_type.entry(fraud_type).or_insert(0) += 1;
            }
            Record::Group(g) => {
                if groups.len() >= limits.max_groups as usize {
                    return Err(FeedError::TooLarge {
                        what: "groups",
                        limit: u64::from(limits.max_groups),
                    });
                }
                groups.push(g);
            }
            Record::Keys {
                group,
                run,
                extras,
                extras_count,
            } => {
                let g = groups
                    .get(group as usize)
                    .copied()
                    .ok_or(FeedError::Malformed("group used before it is defined"))?;
                let (n, declared) = match g.kind {
                    ListKind::Number => (&mut s.numbers, header.numbers),
                    ListKind::Url => (&mut s.urls, header.urls),
                    ListKind::Account => (&mut s.accounts, header.accounts),
                };
                if n.saturating_add(run.count) > declared {
                    return Err(too_many);
                }
                *n += run.count;
                let mut keys = compact::keys(run, header.key_bits)?;
                while keys.next_key()?.is_some() {}
                keys.finish()?;
                let mut x = Cursor::new(extras);
                let mut prev = None;
                for _ in 0..extras_count {
                    let e = compact::read_extra(&mut x, prev, run.count)?;
                    s.full_hashes += u64::from(e.sha256.is_some());
                    prev = Some(e.index);
                }
                *s.by_fraud_type.entry(g.fraud_type).or_insert(0) += run.count;
            }
            Record::RemovedKeys(_, run) => {
                if !header.kind.is_delta() {
                    return Err(FeedError::Malformed("removals in a full feed"));
                }
                if s.removals.saturating_add(run.count) > header.removals {
                    return Err(too_many);
                }
                s.removals += run.count;
                let mut keys = compact::keys(run, header.key_bits)?;
                while keys.next_key()?.is_some() {}
                keys.finish()?;
            }
            Record::Removal(_) => {
                if !header.kind.is_delta() {
                    return Err(FeedError::Malformed("removals in a full feed"));
                }
                if s.removals >= header.removals {
                    return Err(too_many);
                }
                s.removals += 1;
            }
            Record::Rules(kind, json) => {
                if rules.iter().any(|(k, _)| *k == kind) {
                    return Err(FeedError::Malformed("a rule kind given twice"));
                }
                if rules.len() as u64 >= u64::from(header.rules) {
                    return Err(too_many);
                }
                s.rules.push((kind, json.len()));
                rules.push((kind, json));
            }
        }
    }
    s.strings = strings.len() as u32;
    s.groups = groups.len() as u32;
    if s.numbers != header.numbers
        || s.urls != header.urls
        || s.accounts != header.accounts
        || s.removals != header.removals
        || rules.len() as u64 != u64::from(header.rules)
        || s.strings != header.strings
    {
        return Err(FeedError::Malformed(
            "fewer records than the header declares",
        ));
    }
    Ok(Scanned {
        strings,
        groups,
        rules,
        summary: s,
    })
}

impl<'a> FeedFile<'a> {
    /// Checks the structure of a feed: magic, format, header fields, every
    /// declared count and size against `limits`, and that the file is exactly
    /// as long as declared. Cheap: the body is not read.
    pub fn parse(bytes: &'a [u8], limits: &Limits) -> Result<FeedFile<'a>, FeedError> {
        if bytes.len() as u64 > limits.max_file_bytes {
            return Err(FeedError::TooLarge {
                what: "file",
                limit: limits.max_file_bytes,
            });
        }
        let header = FeedHeader::decode(bytes)?;
        if header.rotations > limits.max_rotations {
            return Err(FeedError::TooLarge {
                what: "rotation statements",
                limit: u64::from(limits.max_rotations),
            });
        }
        let entries = header
            .numbers
            .checked_add(header.urls)
            .and_then(|n| n.checked_add(header.accounts))
            .filter(|&n| n <= limits.max_entries)
            .ok_or(FeedError::TooLarge {
                what: "entries",
                limit: limits.max_entries,
            })?;
        if header.removals > limits.max_removals {
            return Err(FeedError::TooLarge {
                what: "removals",
                limit: limits.max_removals,
            });
        }
        if header.removals > 0 && !header.kind.is_delta() {
            return Err(FeedError::Malformed("removals in a full feed"));
        }
        if header.strings > limits.max_strings {
            return Err(FeedError::TooLarge {
                what: "strings",
                limit: u64::from(limits.max_strings),
            });
        }
        if header.rules as usize > RuleKind::ALL.len() {
            return Err(FeedError::Malformed("more rule sets than rule kinds"));
        }
        if header.body_len > limits.max_file_bytes {
            return Err(FeedError::TooLarge {
                what: "body",
                limit: limits.max_file_bytes,
            });
        }
        // The declared records must fit in the declared body (all the
        // factors are capped above, so this can't overflow u64; checked anyway).
        // Format 2 codes a key in one bit at least.
        let (entry_len, removal_len) = if header.format == FORMAT_V1 {
            (MIN_ENTRY_LEN, REMOVAL_LEN)
        } else {
            (1, 1)
        };
        let min_body = entries
            .checked_mul(entry_len)
            .map(|n| n.div_ceil(if header.format == FORMAT_V1 { 1 } else { 8 }))
            .and_then(|n| {
                n.checked_add(
                    header
                        .removals
                        .checked_mul(removal_len)?
                        .div_ceil(if header.format == FORMAT_V1 { 1 } else { 8 }),
                )
            })
            .and_then(|n| n.checked_add(u64::from(header.rules) * MIN_RULES_LEN))
            .and_then(|n| n.checked_add(u64::from(header.strings) * MIN_STRING_LEN))
            .ok_or(FeedError::Malformed("declared counts overflow"))?;
        if min_body > header.body_len {
            return Err(FeedError::Malformed(
                "declared records don't fit in the body",
            ));
        }

        let rot_len = header.rotations as usize * Rotation::LEN;
        let prefix = HEADER_LEN + rot_len + SIG_BLOCK_LEN;
        if bytes.len() < HEADER_LEN + rot_len {
            return Err(FeedError::Truncated {
                part: "rotation statements",
            });
        }
        if bytes.len() < prefix {
            return Err(FeedError::Truncated { part: "signature" });
        }
        let body = &bytes[prefix..];
        if (body.len() as u64) < header.body_len {
            return Err(FeedError::Truncated { part: "body" });
        }
        if body.len() as u64 > header.body_len {
            return Err(FeedError::Malformed("bytes after the body"));
        }
        let rotations = bytes[HEADER_LEN..HEADER_LEN + rot_len]
            .chunks_exact(Rotation::LEN)
            .map(Rotation::decode)
            .collect::<Result<Vec<_>, _>>()?;
        let sig_at = HEADER_LEN + rot_len;
        let mut key_id = [0u8; 8];
        key_id.copy_from_slice(&bytes[sig_at..sig_at + 8]);
        let mut signature = [0u8; 64];
        signature.copy_from_slice(&bytes[sig_at + 8..prefix]);
        Ok(FeedFile {
            header,
            rotations,
            key_id: KeyId(key_id),
            signature,
            signed: &bytes[..sig_at],
            body,
            limits: *limits,
        })
    }

    /// The header (parsed, not yet verified).
    pub fn header(&self) -> &FeedHeader {
        &self.header
    }

    /// The id of the key that claims to have signed the feed.
    pub fn key_id(&self) -> KeyId {
        self.key_id
    }

    /// The key-rotation statements (not yet verified).
    pub fn rotations(&self) -> &[Rotation] {
        &self.rotations
    }

    /// True when the body matches the hash in the header (which only means
    /// something once the signature is verified).
    pub fn body_hash_matches(&self) -> bool {
        ring::digest::digest(&ring::digest::SHA256, self.body).as_ref() == self.header.body_hash
    }

    /// Walks the body without verifying anything (for `inspect`).
    pub fn summary(&self) -> Result<BodySummary, FeedError> {
        scan(self.body, &self.header, &self.limits).map(|s| s.summary)
    }

    /// Verifies the feed: the signing key against `trust` (following rotation
    /// statements), the Ed25519 signature over header and rotations, the body
    /// against its signed hash, then every record and every rule set (which
    /// must load). Nothing about the feed is trusted before this returns.
    pub fn verify(self, trust: &TrustedKeys) -> Result<VerifiedFeed<'a>, FeedError> {
        let (key, chain) = trust.resolve_chain(self.key_id, &self.rotations)?;
        let mut feed = self.verify_with(&key)?;
        feed.chain = chain;
        Ok(feed)
    }

    /// [`FeedFile::verify`] against one given key (publisher tools).
    pub fn verify_with(self, key: &PublicKey) -> Result<VerifiedFeed<'a>, FeedError> {
        if key.id() != self.key_id {
            return Err(FeedError::UntrustedKey(self.key_id));
        }
        let context = signing_context(self.header.format);
        let mut message = Vec::with_capacity(context.len() + self.signed.len());
        message.extend_from_slice(context);
        message.extend_from_slice(self.signed);
        if !key.verify(&message, &self.signature) {
            return Err(FeedError::BadSignature);
        }
        if !self.body_hash_matches() {
            return Err(FeedError::BodyHash);
        }
        let Scanned {
            strings,
            groups,
            rules,
            summary,
        } = scan(self.body, &self.header, &self.limits)?;
        check_rules(&rules)?;
        Ok(VerifiedFeed {
            file: self,
            strings,
            groups,
            rules,
            summary,
            chain: Vec::new(),
        })
    }
}

/// Every rule set a feed carries must load and every model must parse as
/// a model of its kind, so a feed can't replace working rules or a working
/// model with broken ones.
fn check_rules(rules: &[(RuleKind, &[u8])]) -> Result<(), FeedError> {
    if rules.is_empty() {
        return Ok(());
    }
    let mut sources = RuleSources::default();
    for (kind, payload) in rules {
        match kind.model_kind() {
            // Models are checked here, with their typed error; the snapshot
            // build below compiles the rule JSON only.
            Some(model_kind) => {
                crate::model::Model::from_bytes(payload, model_kind).map_err(|error| {
                    FeedError::Model {
                        kind: kind.as_str(),
                        error,
                    }
                })?;
            }
            None => kind.set(&mut sources, payload)?,
        }
    }
    let index = std::sync::Arc::new(crate::blocklist::MemoryIndex::new());
    crate::snapshot::Snapshot::build(&sources, index, String::new()).map_err(|e| match e {
        crate::Error::Rules { part, why } => FeedError::Rules { kind: part, why },
        other => FeedError::Rules {
            kind: "rules",
            why: other.to_string(),
        },
    })?;
    Ok(())
}

/// A feed whose signature, body hash and every record have been checked.
#[derive(Debug, Clone)]
pub struct VerifiedFeed<'a> {
    file: FeedFile<'a>,
    strings: Vec<&'a str>,
    groups: Vec<Group>,
    rules: Vec<(RuleKind, &'a [u8])>,
    summary: BodySummary,
    chain: Vec<Rotation>,
}

impl<'a> VerifiedFeed<'a> {
    /// The verified header.
    pub fn header(&self) -> &FeedHeader {
        &self.file.header
    }

    /// Full or delta.
    pub fn kind(&self) -> FeedKind {
        self.file.header.kind
    }

    /// The key that signed it.
    pub fn signer(&self) -> KeyId {
        self.file.key_id
    }

    /// The verified key-rotation statements.
    pub fn rotations(&self) -> &[Rotation] {
        &self.file.rotations
    }

    /// The rotation statements that led from a trusted key to the signer,
    /// oldest first; empty when the signer was trusted directly.
    pub fn rotation_chain(&self) -> &[Rotation] {
        &self.chain
    }

    /// Counts from the body walk.
    pub fn summary(&self) -> &BodySummary {
        &self.summary
    }

    /// True once `now_ms` is at or past the feed's expiry.
    pub fn is_expired(&self, now_ms: i64) -> bool {
        now_ms >= self.file.header.expires_ms
    }

    /// The rule sets and models, in feed order: rule JSON (UTF-8, checked)
    /// or model bytes (FZML, parsed as its kind), by [`RuleKind`].
    pub fn rules(&self) -> &[(RuleKind, &'a [u8])] {
        &self.rules
    }

    /// The rule sets and models this feed carries, as [`RuleSources`]
    /// (`None` where it carries none).
    pub fn rule_sources(&self) -> RuleSources {
        let mut out = RuleSources::default();
        self.fill(&mut out);
        out
    }

    /// Puts every rule set and model of the feed into `out`.
    fn fill(&self, out: &mut RuleSources) {
        for (kind, payload) in &self.rules {
            // `verify` checked every JSON payload is UTF-8, so this can't
            // fail; were it to, the kind would keep what `out` had.
            let _ = kind.set(out, payload);
        }
    }

    /// The rules once this feed is applied over `current`: a kind the feed
    /// carries replaces what was there (the embedded default or an older
    /// version's); a delta keeps the kinds it doesn't carry, a full feed
    /// returns them to the embedded default. Models follow the same rule: a
    /// full feed without one returns to the embedded default model, a delta
    /// without one keeps the current model.
    pub fn merged_rule_sources(&self, current: &RuleSources) -> RuleSources {
        let mut out = if self.kind().is_delta() {
            current.clone()
        } else {
            RuleSources::default()
        };
        self.fill(&mut out);
        out
    }

    /// The blocklist entries, in feed order (within a format-2 key run,
    /// in key order). Streams: nothing is collected.
    pub fn entries(&self) -> impl Iterator<Item = FeedEntry> + '_ {
        let mut records = self.records();
        let mut run: Option<EntryRun<'a>> = None;
        std::iter::from_fn(move || loop {
            if let Some(r) = run.as_mut() {
                // The body was verified: an error can't happen; if it
                // somehow did, the run ends rather than panicking.
                match r.next_entry() {
                    Ok(Some(e)) => return Some(e),
                    _ => run = None,
                }
            }
            match records.next()? {
                Record::Entry {
                    kind,
                    sha256,
                    fast,
                    fraud_type,
                    severity,
                    confirmed,
                    reports,
                    category,
                    label,
                } => {
                    return Some(FeedEntry {
                        kind,
                        key: fast,
                        key_bits: 64,
                        sha256: Some(sha256),
                        entry: ListEntry {
                            category: self.string(category),
                            fraud_type,
                            severity,
                            reports,
                            label: self.string(label),
                            confirmed,
                            match_bits: 0,
                        },
                    })
                }
                Record::Keys {
                    group,
                    run: keys,
                    extras,
                    extras_count,
                } => {
                    let g = self.groups.get(group as usize)?;
                    let entry = ListEntry {
                        category: self.string(g.category),
                        fraud_type: g.fraud_type,
                        severity: g.severity,
                        reports: 0,
                        label: self.string(g.label),
                        confirmed: g.confirmed,
                        match_bits: 0,
                    };
                    run = EntryRun::new(
                        keys,
                        Cursor::new(extras),
                        extras_count,
                        self.file.header.key_bits,
                        g.kind,
                        entry,
                    )
                    .ok();
                }
                _ => {}
            }
        })
    }

    /// The removals (deltas only), in feed order.
    pub fn removals(&self) -> impl Iterator<Item = FeedRemoval> + '_ {
        let key_bits = self.file.header.key_bits;
        self.records().flat_map(move |r| {
            let v: Box<dyn Iterator<Item = FeedRemoval>> = match r {
                Record::Removal(rm) => Box::new(std::iter::once(rm)),
                Record::RemovedKeys(kind, run) => match compact::removals(run, kind, key_bits) {
                    Ok(it) => Box::new(it),
                    Err(_) => Box::new(std::iter::empty()),
                },
                _ => Box::new(std::iter::empty()),
            };
            v
        })
    }

    fn string(&self, id: u32) -> String {
        // The scan checked every reference; `get` keeps this total anyway.
        self.strings
            .get(id as usize)
            .copied()
            .unwrap_or_default()
            .to_string()
    }

    /// Re-walks the verified body. The body was fully checked by `verify`
    /// and is borrowed immutably, so a decoding error can't happen; if it
    /// somehow did, iteration stops rather than panicking.
    fn records(&self) -> impl Iterator<Item = Record<'a>> + '_ {
        let mut c = Cursor::new(self.file.body);
        let limits = self.file.limits;
        let t = Tables {
            strings: &self.strings,
            groups: self.groups.len(),
            format: self.file.header.format,
            key_bits: self.file.header.key_bits,
        };
        std::iter::from_fn(move || {
            if c.is_empty() {
                return None;
            }
            next_record(&mut c, t, &limits).ok()
        })
    }
}
