//! `fanzha feed …`: publisher tools — make keys, build signed feeds (full or
//! delta) from CSV files, verify and inspect them, sign key rotations.
//!
//! Building streams: each CSV line becomes one record on disk as it is read,
//! so memory stays flat whatever the list size (a delta also holds the base
//! feed's hashes, 48 bytes per entry, to find what changed).

use crate::Failure;
use clap::{Args, Subcommand};
use fanzha_core::blocklist::{fast_hash, hash_key, ListEntry, ListKind};
use fanzha_core::feed::{
    canonical, BodySummary, FeedError, FeedFile, FeedHeader, FeedKind, FeedMeta, FeedWriter, KeyId,
    Limits, PublicKey, PublisherKey, Rotation, RuleKind, TrustedKeys, VerifiedFeed,
};
use fanzha_core::number::NumberRules;
use fanzha_core::{FraudType, RuleSources, Snapshot};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

const DAY_MS: i64 = 86_400_000;
/// Severity of an entry whose CSV row gives none: enough to make a hit
/// `dangerous` under the default scoring.
const DEFAULT_SEVERITY: u8 = 80;
const DEFAULT_CATEGORY: &str = "fraud";

#[derive(Subcommand, Debug)]
pub enum FeedCommand {
    /// Make a publisher key pair: KEY (secret, mode 0600) and KEY.pub.
    Keygen(KeygenArgs),
    /// Build and sign a feed from CSV files (a delta with --base).
    #[command(disable_version_flag = true)]
    Build(Box<BuildArgs>),
    /// Verify a feed's signature, body and rules against pinned public keys.
    Verify(VerifyArgs),
    /// Print a JSON summary of a feed (no key needed; nothing is verified
    /// but the body hash).
    Inspect(InspectArgs),
    /// Sign a key-rotation statement: the old key vouches for a new one.
    Rotate(RotateArgs),
}

#[derive(Args, Debug)]
pub struct KeygenArgs {
    /// Where to write the secret key; the public key goes to OUT.pub.
    #[arg(long)]
    pub out: PathBuf,
    /// Overwrite existing key files.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Secret key file (from `fanzha feed keygen`).
    #[arg(long)]
    pub key: PathBuf,
    /// Feed id: 1-32 bytes of a-z 0-9 . _ - (e.g. cn-national).
    #[arg(long)]
    pub id: String,
    /// Version; each published version of an id must be larger.
    #[arg(long)]
    pub version: u64,
    /// Days until the feed is stale.
    #[arg(long, default_value_t = 7)]
    pub expires_in: u32,
    /// CSV of phone numbers: value[,fraud_type,severity,label,reports].
    #[arg(long)]
    pub numbers: Vec<PathBuf>,
    /// CSV of URLs or hosts: value[,fraud_type,severity,label,reports].
    #[arg(long)]
    pub links: Vec<PathBuf>,
    /// CSV of payee accounts: value[,fraud_type,severity,label,reports].
    #[arg(long)]
    pub accounts: Vec<PathBuf>,
    /// JSON object of rule sets by kind: {"numbers": {...}, "links": …,
    /// "patterns": …, "payments": …, "scoring": …}.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Write the delta from this full feed (the previous version) instead of
    /// a full feed.
    #[arg(long)]
    pub base: Option<PathBuf>,
    /// Public key the base feed is signed with, when not KEY's.
    #[arg(long)]
    pub base_pubkey: Option<PathBuf>,
    /// Key-rotation statements to carry (from `fanzha feed rotate`).
    #[arg(long)]
    pub rotation: Vec<PathBuf>,
    /// Region numbers in the CSV are written in (ISO 3166 alpha-2).
    #[arg(long, default_value = "CN")]
    pub region: String,
    /// Creation time in ms since the epoch (default: now), for reproducible
    /// builds and tests.
    #[arg(long)]
    pub created_ms: Option<i64>,
    /// Width of the entries' hash keys, 32-64 bits (default 56: a value
    /// that is not listed hits one of n entries with probability n / 2^56).
    /// A delta takes its base's width.
    #[arg(long)]
    pub key_bits: Option<u8>,
    /// Carry each entry's SHA-256 too (32 more bytes an entry), so that a
    /// hit is confirmed against it.
    #[arg(long)]
    pub full_hashes: bool,
    /// Where to write the feed.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// Pinned public key (repeatable).
    #[arg(long, required = true)]
    pub pubkey: Vec<PathBuf>,
    /// Print the JSON summary instead of one line.
    #[arg(long)]
    pub json: bool,
    pub feed: PathBuf,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    pub feed: PathBuf,
}

#[derive(Args, Debug)]
pub struct RotateArgs {
    /// The old (currently pinned) secret key.
    #[arg(long)]
    pub key: PathBuf,
    /// The new public key.
    #[arg(long)]
    pub new_pubkey: PathBuf,
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(cmd: FeedCommand) -> Result<(), Failure> {
    match cmd {
        FeedCommand::Keygen(a) => keygen(a),
        FeedCommand::Build(a) => build(*a),
        FeedCommand::Verify(a) => verify(a),
        FeedCommand::Inspect(a) => inspect(a),
        FeedCommand::Rotate(a) => rotate(a),
    }
}

fn feed_failure(e: FeedError) -> Failure {
    Failure::runtime(e.to_string())
}

fn read_text(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))
}

pub fn read_public_key(path: &Path) -> Result<PublicKey, Failure> {
    PublicKey::from_text(&read_text(path)?)
        .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))
}

fn read_secret_key(path: &Path) -> Result<PublisherKey, Failure> {
    PublisherKey::from_text(&read_text(path)?)
        .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))
}

/// Reads a feed file whole, refusing one over the size cap before reading.
pub fn read_feed(path: &Path, limits: &Limits) -> Result<Vec<u8>, Failure> {
    let open = |e: std::io::Error| Failure::usage(format!("cannot read {}: {e}", path.display()));
    let len = std::fs::metadata(path).map_err(open)?.len();
    if len > limits.max_file_bytes {
        return Err(feed_failure(FeedError::TooLarge {
            what: "file",
            limit: limits.max_file_bytes,
        }));
    }
    std::fs::read(path).map_err(open)
}

/// Writes `contents` to `path` via a temporary file and a rename, so a
/// failure never leaves a half-written file under the final name.
fn write_atomically(
    path: &Path,
    secret: bool,
    write: impl FnOnce(&mut File) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let tmp = tmp_path(path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options
        .open(&tmp)
        .map_err(|e| Failure::usage(format!("cannot write {}: {e}", tmp.display())))?;
    let result = write(&mut file).and_then(|()| file.sync_all().map_err(Failure::from));
    match result {
        Ok(()) => std::fs::rename(&tmp, path).map_err(Failure::from),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".tmp");
    path.with_file_name(name)
}

fn pub_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".pub");
    PathBuf::from(name)
}

fn keygen(a: KeygenArgs) -> Result<(), Failure> {
    let public = pub_path(&a.out);
    if !a.force && (a.out.exists() || public.exists()) {
        return Err(Failure::usage(format!(
            "{} or {} exists; pass --force to overwrite",
            a.out.display(),
            public.display()
        )));
    }
    let key = PublisherKey::generate().map_err(feed_failure)?;
    write_atomically(&a.out, true, |f| Ok(f.write_all(key.to_text().as_bytes())?))?;
    write_atomically(&public, false, |f| {
        Ok(f.write_all(key.public_key().to_text().as_bytes())?)
    })?;
    println!(
        "key id {}: secret {}, public {}",
        key.id(),
        a.out.display(),
        public.display()
    );
    Ok(())
}

fn rotate(a: RotateArgs) -> Result<(), Failure> {
    let old = read_secret_key(&a.key)?;
    let new = read_public_key(&a.new_pubkey)?;
    if new == old.public_key() {
        return Err(Failure::usage("the new key is the old key"));
    }
    let r = Rotation::sign(&old, new, now_ms());
    write_atomically(&a.out, false, |f| Ok(f.write_all(r.to_text().as_bytes())?))?;
    println!(
        "rotation {} -> {} written to {}",
        old.id(),
        new.id(),
        a.out.display()
    );
    Ok(())
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

// ---------------------------------------------------------------- build

/// Rule sets from a `--rules` file, one compact JSON string per kind.
fn read_rules(path: &Path) -> Result<BTreeMap<RuleKind, String>, Failure> {
    let bad = |why: String| Failure::usage(format!("{}: {why}", path.display()));
    let value: Value = serde_json::from_str(&read_text(path)?).map_err(|e| bad(e.to_string()))?;
    let obj = value
        .as_object()
        .ok_or_else(|| bad("must be a JSON object keyed by rule kind".into()))?;
    let mut out = BTreeMap::new();
    for (k, v) in obj {
        if k.starts_with('_') {
            continue; // comments
        }
        let kind = RuleKind::parse(k).ok_or_else(|| {
            bad(format!(
                "unknown rule kind {k:?} (expected numbers, links, patterns, payments or scoring)"
            ))
        })?;
        out.insert(
            kind,
            serde_json::to_string(v).map_err(|e| bad(e.to_string()))?,
        );
    }
    // The rules must load before anyone signs them.
    let mut sources = RuleSources::default();
    for (kind, json) in &out {
        *kind.slot(&mut sources) = Some(json.clone());
    }
    Snapshot::build(
        &sources,
        Arc::new(fanzha_core::blocklist::MemoryIndex::new()),
        String::new(),
    )
    .map_err(|e| bad(e.to_string()))?;
    Ok(out)
}

/// Which CSV column holds what.
#[derive(Debug, Clone, Copy)]
struct Columns {
    value: usize,
    fraud_type: Option<usize>,
    severity: Option<usize>,
    label: Option<usize>,
    reports: Option<usize>,
    category: Option<usize>,
}

const POSITIONAL: Columns = Columns {
    value: 0,
    fraud_type: Some(1),
    severity: Some(2),
    label: Some(3),
    reports: Some(4),
    category: None,
};

const VALUE_NAMES: &[&str] = &[
    "value", "number", "phone", "url", "link", "host", "account", "payee",
];

/// A header row names its columns (any order); without one the columns are
/// positional: value, fraud_type, severity, label, reports.
fn header_columns(fields: &[String]) -> Result<Option<Columns>, String> {
    let first = fields
        .first()
        .map(|f| f.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if !VALUE_NAMES.contains(&first.as_str()) {
        return Ok(None);
    }
    let mut c = Columns {
        value: 0,
        fraud_type: None,
        severity: None,
        label: None,
        reports: None,
        category: None,
    };
    for (i, f) in fields.iter().enumerate().skip(1) {
        let slot = match f.trim().to_ascii_lowercase().as_str() {
            "fraud_type" | "type" => &mut c.fraud_type,
            "severity" => &mut c.severity,
            "label" => &mut c.label,
            "reports" | "report_count" => &mut c.reports,
            "category" => &mut c.category,
            other => return Err(format!("unknown column {other:?} in the header row")),
        };
        *slot = Some(i);
    }
    Ok(Some(c))
}

/// Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote).
fn split_csv(line: &str, out: &mut Vec<String>) -> Result<(), &'static str> {
    out.clear();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() && !was_quoted => {
                field.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                out.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err("unterminated quote");
    }
    out.push(field);
    Ok(())
}

fn field(fields: &[String], col: Option<usize>) -> &str {
    col.and_then(|i| fields.get(i))
        .map(|s| s.trim())
        .unwrap_or("")
}

fn row_entry(fields: &[String], cols: &Columns) -> Result<ListEntry, String> {
    let fraud_type = match field(fields, cols.fraud_type) {
        "" => FraudType::Other,
        t => FraudType::parse(t).ok_or_else(|| format!("unknown fraud_type {t:?}"))?,
    };
    let severity = match field(fields, cols.severity) {
        "" => DEFAULT_SEVERITY,
        s => s
            .parse::<u8>()
            .ok()
            .filter(|&s| s <= 100)
            .ok_or("severity must be 0-100")?,
    };
    let reports = match field(fields, cols.reports) {
        "" => 0,
        r => r
            .parse::<u32>()
            .map_err(|_| "reports must be a whole number")?,
    };
    let category = match field(fields, cols.category) {
        "" => DEFAULT_CATEGORY,
        c => c,
    };
    Ok(ListEntry {
        category: category.to_string(),
        fraud_type,
        severity,
        reports,
        label: field(fields, cols.label).to_string(),
        confirmed: false,
        match_bits: 0,
    })
}

/// Turns a CSV value into the canonical string a check looks up.
struct Canonicalizer {
    numbers: NumberRules,
    region: String,
}

impl Canonicalizer {
    fn canonical(&self, kind: ListKind, value: &str) -> fanzha_core::Result<String> {
        match kind {
            ListKind::Number => canonical::number(&self.numbers, &self.region, value),
            ListKind::Url => canonical::url_expression(value),
            ListKind::Account => canonical::account(&self.numbers, &self.region, value),
        }
    }
}

/// Streams every row of `path` into `sink` as (kind, canonical value, entry).
fn read_csv(
    path: &Path,
    kind: ListKind,
    canon: &Canonicalizer,
    sink: &mut dyn FnMut(ListKind, &str, &ListEntry) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    let file = File::open(path)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut line = String::new();
    let mut fields = Vec::new();
    let mut cols = POSITIONAL;
    let mut rows = 0u64;
    let mut first_row = true;
    let mut n = 0u64;
    let at = |n: u64, why: &dyn std::fmt::Display| {
        Failure::usage(format!("{} line {n}: {why}", path.display()))
    };
    loop {
        line.clear();
        let read = reader.read_line(&mut line).map_err(|e| at(n + 1, &e))?;
        if read == 0 {
            break;
        }
        n += 1;
        let text = line.trim_end_matches(['\n', '\r']);
        let text = if n == 1 {
            text.trim_start_matches('\u{feff}')
        } else {
            text
        };
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        split_csv(text, &mut fields).map_err(|e| at(n, &e))?;
        if std::mem::take(&mut first_row) {
            if let Some(c) = header_columns(&fields).map_err(|e| at(n, &e))? {
                cols = c;
                continue;
            }
        }
        rows += 1;
        let value = field(&fields, Some(cols.value));
        let entry = row_entry(&fields, &cols).map_err(|e| at(n, &e))?;
        let canonical = canon.canonical(kind, value).map_err(|e| at(n, &e))?;
        sink(kind, &canonical, &entry)?;
    }
    Ok(rows)
}

/// One entry of the base feed of a delta: what a diff needs.
struct BaseEntry {
    /// The hash key (the base's key width, left-aligned).
    key: u64,
    /// Digest of the metadata, to notice a changed label or severity.
    meta: u64,
    kind: ListKind,
    /// The new CSVs list it (or a later base entry shadows it).
    seen: bool,
}

/// The base feed of a delta, held as its entries plus an open-addressing
/// table from (list, key) to the entry: a lookup per CSV row costs one or
/// two memory reads, where a binary search over tens of millions of entries
/// costs twenty cache misses. About 32 bytes per base entry.
struct Base {
    entries: Vec<BaseEntry>,
    /// Entry index + 1 (0 = empty), by the key's low bits.
    table: Vec<u32>,
    rules: BTreeMap<RuleKind, String>,
    /// The base's key width: the delta's keys must be the same.
    key_bits: u8,
}

/// The metadata digest: the same fields the store keeps per entry.
fn meta_digest(e: &ListEntry, buf: &mut String) -> u64 {
    use std::fmt::Write as _;
    buf.clear();
    let _ = write!(
        buf,
        "{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}",
        e.category,
        e.fraud_type.as_str(),
        e.severity,
        e.reports,
        e.label,
        e.confirmed
    );
    fast_hash(buf)
}

impl Base {
    fn load(feed: &VerifiedFeed<'_>) -> Result<Base, Failure> {
        let n = feed.header().entries();
        let n = u32::try_from(n)
            .ok()
            .filter(|&n| n < u32::MAX / 2)
            .ok_or_else(|| Failure::usage("--base has too many entries to diff"))?;
        let size = (n as usize * 2).next_power_of_two().max(16);
        let mut base = Base {
            entries: Vec::with_capacity(n as usize),
            table: vec![0; size],
            rules: feed
                .rules()
                .iter()
                .map(|(k, j)| (*k, (*j).to_string()))
                .collect(),
            key_bits: feed.header().key_bits,
        };
        let mut buf = String::new();
        for e in feed.entries() {
            let idx = base.entries.len();
            base.entries.push(BaseEntry {
                key: e.key,
                meta: meta_digest(&e.entry, &mut buf),
                kind: e.kind,
                seen: false,
            });
            let slot = base.slot(e.kind, e.key);
            if base.table[slot] != 0 {
                // The same value twice: the later row wins, as when a full
                // feed is applied; the earlier one is never a removal.
                base.entries[base.table[slot] as usize - 1].seen = true;
            }
            base.table[slot] = idx as u32 + 1;
        }
        Ok(base)
    }

    /// The table slot of (kind, key): where it is, or the empty slot where
    /// it would go.
    fn slot(&self, kind: ListKind, key: u64) -> usize {
        let mask = self.table.len() - 1;
        // The key's top bits are a hash: spread them over the table.
        let mut at = ((key >> 32) as usize ^ (key >> 16) as usize) & mask;
        loop {
            match self.table[at] {
                0 => return at,
                i => {
                    let e = &self.entries[i as usize - 1];
                    if e.kind == kind && e.key == key {
                        return at;
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// True when the base already lists `sha` with the same metadata; marks
    /// it seen either way.
    fn unchanged(&mut self, kind: ListKind, key: u64, meta: u64) -> bool {
        match self.table[self.slot(kind, key)] {
            0 => false,
            i => {
                let e = &mut self.entries[i as usize - 1];
                e.seen = true;
                e.meta == meta
            }
        }
    }
}

fn build(a: BuildArgs) -> Result<(), Failure> {
    let started = std::time::Instant::now();
    let key = read_secret_key(&a.key)?;
    let rules = match &a.rules {
        Some(p) => read_rules(p)?,
        None => BTreeMap::new(),
    };
    let numbers = match rules.get(&RuleKind::Numbers) {
        Some(json) => NumberRules::from_json(json).map_err(Failure::from)?,
        None => Snapshot::embedded().map_err(Failure::from)?.numbers,
    };
    let region = a.region.to_ascii_uppercase();
    if !numbers.knows_region(&region) {
        return Err(Failure::usage(format!("unknown region {region}")));
    }
    let canon = Canonicalizer { numbers, region };
    let rotations = a
        .rotation
        .iter()
        .map(|p| {
            Rotation::from_text(&read_text(p)?)
                .map_err(|e| Failure::usage(format!("{}: {e}", p.display())))
        })
        .collect::<Result<Vec<_>, _>>()?;

    let created_ms = a.created_ms.unwrap_or_else(now_ms);
    let expires_ms = i64::from(a.expires_in)
        .checked_mul(DAY_MS)
        .and_then(|d| created_ms.checked_add(d))
        .ok_or_else(|| Failure::usage("--expires-in is too far away"))?;

    // The base of a delta: a full feed of the same id, older, verified.
    let limits = Limits::default();
    let mut base = None;
    let mut meta = FeedMeta::full(&a.id, a.version, created_ms, expires_ms);
    if let Some(path) = &a.base {
        // The base's bytes are dropped once its entries are loaded.
        let bytes = read_feed(path, &limits)?;
        let base_key = match &a.base_pubkey {
            Some(p) => read_public_key(p)?,
            None => key.public_key(),
        };
        let feed = FeedFile::parse(&bytes, &limits)
            .and_then(|f| f.verify_with(&base_key))
            .map_err(|e| Failure::runtime(format!("base {}: {e}", path.display())))?;
        let h = feed.header();
        if h.kind != FeedKind::Full {
            return Err(Failure::usage(
                "--base must be a full feed (build each version in full too, and diff against the previous full feed)",
            ));
        }
        if h.id != a.id {
            return Err(Failure::usage(format!(
                "--base is feed {:?}, not {:?}",
                h.id, a.id
            )));
        }
        if h.version >= a.version {
            return Err(Failure::usage(format!(
                "--base is version {}, not older than {}",
                h.version, a.version
            )));
        }
        if let Some(dropped) = feed.rules().iter().find(|(k, _)| !rules.contains_key(k)) {
            return Err(Failure::usage(format!(
                "the base carries {} rules and --rules doesn't: a delta can't return rules to the embedded default, publish a full feed",
                dropped.0.as_str()
            )));
        }
        if a.key_bits.is_some_and(|b| b != h.key_bits) {
            return Err(Failure::usage(format!(
                "--key-bits must be the base's ({}): a delta's keys must match its base's",
                h.key_bits
            )));
        }
        meta = FeedMeta::delta(&a.id, a.version, h.version, created_ms, expires_ms);
        meta.key_bits = h.key_bits;
        base = Some(Base::load(&feed)?);
    } else if let Some(bits) = a.key_bits {
        meta.key_bits = bits;
    }
    meta.rotations = rotations;
    meta.full_hashes = a.full_hashes;

    let mut header_out: Option<FeedHeader> = None;
    let mut rows = 0u64;
    write_atomically(&a.out, false, |file| {
        let out = BufWriter::with_capacity(1 << 20, file);
        let mut w = FeedWriter::new(out, meta).map_err(|e| Failure::usage(e.to_string()))?;
        for (kind, json) in &rules {
            let unchanged = base
                .as_ref()
                .is_some_and(|b| b.rules.get(kind) == Some(json));
            if !unchanged {
                w.rules(*kind, json).map_err(feed_failure)?;
            }
        }
        let mut buf = String::new();
        let mut sink = |kind: ListKind, value: &str, entry: &ListEntry| -> Result<(), Failure> {
            if let Some(b) = base.as_mut() {
                let key = hash_key(value, b.key_bits);
                if b.unchanged(kind, key, meta_digest(entry, &mut buf)) {
                    return Ok(());
                }
            }
            w.entry(kind, value, entry).map_err(feed_failure)
        };
        for (paths, kind) in [
            (&a.numbers, ListKind::Number),
            (&a.links, ListKind::Url),
            (&a.accounts, ListKind::Account),
        ] {
            for p in paths {
                rows += read_csv(p, kind, &canon, &mut sink)?;
            }
        }
        if let Some(b) = &base {
            for e in b.entries.iter().filter(|e| !e.seen) {
                w.removal(e.kind, e.key).map_err(feed_failure)?;
            }
        }
        let (mut out, header) = w.finish(&key).map_err(feed_failure)?;
        out.flush()?;
        header_out = Some(header);
        Ok(())
    })?;
    let h = header_out.ok_or_else(|| Failure::runtime("no header written"))?;
    let size = std::fs::metadata(&a.out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "wrote {}: feed {} v{} {}, {} numbers, {} urls, {} accounts, {} removals, {} rule sets, {size} bytes, key {} ({rows} CSV rows in {:.1} s)",
        a.out.display(),
        h.id,
        h.version,
        match h.kind {
            FeedKind::Full => "full".to_string(),
            FeedKind::Delta { base } => format!("delta from v{base}"),
        },
        h.numbers,
        h.urls,
        h.accounts,
        h.removals,
        h.rules,
        key.id(),
        started.elapsed().as_secs_f64(),
    );
    Ok(())
}

// --------------------------------------------------------- verify/inspect

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `YYYY-MM-DDTHH:MM:SSZ` for ms since the epoch (proleptic Gregorian).
fn iso8601(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The JSON summary `inspect` and `verify --json` print.
fn summary_json(
    file: &FeedFile<'_>,
    body: Result<&BodySummary, &FeedError>,
    file_bytes: usize,
) -> Value {
    let h = file.header();
    let now = now_ms();
    let mut v = Map::new();
    v.insert("id".into(), json!(h.id));
    v.insert("version".into(), json!(h.version));
    v.insert(
        "kind".into(),
        json!(if h.kind.is_delta() { "delta" } else { "full" }),
    );
    v.insert("base".into(), json!(h.kind.base()));
    v.insert("created_ms".into(), json!(h.created_ms));
    v.insert("created".into(), json!(iso8601(h.created_ms)));
    v.insert("expires_ms".into(), json!(h.expires_ms));
    v.insert("expires".into(), json!(iso8601(h.expires_ms)));
    v.insert("expired".into(), json!(now >= h.expires_ms));
    v.insert("key_id".into(), json!(file.key_id().to_string()));
    v.insert(
        "rotations".into(),
        Value::Array(
            file.rotations()
                .iter()
                .map(|r| json!({"old": r.old.to_string(), "new": r.new.id().to_string(), "issued_ms": r.issued_ms}))
                .collect(),
        ),
    );
    v.insert(
        "counts".into(),
        json!({"numbers": h.numbers, "urls": h.urls, "accounts": h.accounts, "removals": h.removals,
               "rules": h.rules, "strings": h.strings}),
    );
    v.insert("file_bytes".into(), json!(file_bytes));
    v.insert("body_bytes".into(), json!(h.body_len));
    v.insert("body_sha256".into(), json!(hex(&h.body_hash)));
    v.insert("body_hash_ok".into(), json!(file.body_hash_matches()));
    match body {
        Ok(s) => {
            let rules: Map<String, Value> = s
                .rules
                .iter()
                .map(|(k, size)| (k.as_str().to_string(), json!({ "json_bytes": size })))
                .collect();
            v.insert("rules".into(), Value::Object(rules));
            let by_type: Map<String, Value> = s
                .by_fraud_type
                .iter()
                .map(|(t, n)| (t.as_str().to_string(), json!(n)))
                .collect();
            v.insert("by_fraud_type".into(), Value::Object(by_type));
            v.insert("body_ok".into(), json!(true));
        }
        Err(e) => {
            v.insert("body_ok".into(), json!(false));
            v.insert("body_error".into(), json!(e.to_string()));
        }
    }
    Value::Object(v)
}

fn inspect(a: InspectArgs) -> Result<(), Failure> {
    let limits = Limits::default();
    let bytes = read_feed(&a.feed, &limits)?;
    let file = FeedFile::parse(&bytes, &limits).map_err(feed_failure)?;
    let summary = file.summary();
    let mut v = summary_json(&file, summary.as_ref(), bytes.len());
    v["signature"] = json!("not verified (use fanzha feed verify --pubkey KEY.pub)");
    println!("{v}");
    Ok(())
}

fn verify(a: VerifyArgs) -> Result<(), Failure> {
    let keys = a
        .pubkey
        .iter()
        .map(|p| read_public_key(p))
        .collect::<Result<Vec<_>, _>>()?;
    let trust = TrustedKeys::new(keys);
    let limits = Limits::default();
    let bytes = read_feed(&a.feed, &limits)?;
    let file = FeedFile::parse(&bytes, &limits).map_err(feed_failure)?;
    let feed = file.clone().verify(&trust).map_err(feed_failure)?;
    let signer: KeyId = feed.signer();
    if a.json {
        let mut v = summary_json(&file, Ok(feed.summary()), bytes.len());
        v["signature"] = json!("verified");
        println!("{v}");
    } else {
        let h = feed.header();
        println!(
            "ok: feed {} v{} ({}), {} entries, {} removals, signed by {signer}{}{}",
            h.id,
            h.version,
            match h.kind {
                FeedKind::Full => "full".to_string(),
                FeedKind::Delta { base } => format!("delta from v{base}"),
            },
            h.entries(),
            h.removals,
            if feed.rotations().is_empty() {
                ""
            } else {
                " via a key rotation"
            },
            if feed.is_expired(now_ms()) {
                "; EXPIRED (stale)"
            } else {
                ""
            },
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_splitting() {
        let mut f = Vec::new();
        split_csv(r#"+86 138,phishing,90,"冒充, ""客服""",12"#, &mut f).unwrap();
        assert_eq!(f, ["+86 138", "phishing", "90", "冒充, \"客服\"", "12"]);
        split_csv("a", &mut f).unwrap();
        assert_eq!(f, ["a"]);
        split_csv("a,,", &mut f).unwrap();
        assert_eq!(f, ["a", "", ""]);
        assert!(split_csv(r#"a,"b"#, &mut f).is_err());
    }

    #[test]
    fn header_rows() {
        let row = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        assert!(header_columns(&row("+8613800138000,phishing"))
            .unwrap()
            .is_none());
        let c = header_columns(&row("number,label,fraud_type"))
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.label, c.fraud_type, c.severity),
            (Some(1), Some(2), None)
        );
        assert!(header_columns(&row("url,colour")).is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_700_000_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00Z");
    }
}

// ------------------------------------------------------------ store apply

/// `fanzha store apply`: verify a feed against pinned keys and apply it.
#[derive(Args, Debug)]
pub struct StoreApplyArgs {
    #[command(flatten)]
    pub store: crate::store::RequiredStoreArgs,
    /// Pinned publisher public key (repeatable).
    #[arg(long, required = true, value_name = "KEY.pub")]
    pub trust: Vec<PathBuf>,
    /// Region the store's rules are read in (ISO 3166 alpha-2).
    #[arg(long, default_value = "CN")]
    pub region: String,
    /// The feed file.
    pub feed: PathBuf,
}

/// Verifies FEED (signature, body, records, rules, no rollback, a delta
/// only on its base) and applies it in one transaction; prints what
/// changed as JSON. A refused feed changes nothing and exits 1.
pub fn store_apply(a: StoreApplyArgs) -> Result<(), Failure> {
    let keys = a
        .trust
        .iter()
        .map(|p| read_public_key(p))
        .collect::<Result<Vec<_>, _>>()?;
    let trust = TrustedKeys::new(keys);
    let bytes = read_feed(&a.feed, &Limits::default())?;
    let settings = fanzha_core::Settings {
        region: a.region.clone(),
        ..fanzha_core::Settings::default()
    };
    let guard = crate::store::open_guard(&a.store.store, &a.store.key_file, settings, false)?;
    let applied = guard.apply_feed(&bytes, &trust).map_err(|e| match e {
        fanzha_core::Error::Feed(f) => Failure::runtime(format!("feed refused: {f}")),
        fanzha_core::Error::Store(s) => crate::store::store_failure(s),
        other => Failure::from(other),
    })?;
    let h = &applied.header;
    let o = &applied.outcome;
    let v = json!({
        "feed_id": h.id,
        "version": h.version,
        "kind": if h.kind.is_delta() { "delta" } else { "full" },
        "base": h.kind.base(),
        "previous_version": o.previous_version,
        "added": o.added,
        "removed": o.removed,
        "entries": o.entries,
        "rules_replaced": o.rules_replaced,
        "merged": o.merged,
        "expires_ms": h.expires_ms,
        "expires": iso8601(h.expires_ms),
        "stale": applied.stale,
        "signer": applied.signer.to_string(),
        "retired_keys": applied.retired.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
    });
    println!("{v}");
    Ok(())
}

/// `fanzha store status` with each feed's staleness: `stale` is true once a
/// feed has expired (its data still protects; verdicts carry `feed.stale`).
pub fn status_json(status: &fanzha_core::store::StoreStatus) -> Result<Value, Failure> {
    let now = now_ms();
    let mut v = serde_json::to_value(status).map_err(|e| Failure::runtime(e.to_string()))?;
    let mut any = false;
    if let Some(feeds) = v.get_mut("feeds").and_then(Value::as_array_mut) {
        for (f, state) in feeds.iter_mut().zip(&status.feeds) {
            let stale = state.is_expired(now);
            any |= stale;
            f["stale"] = json!(stale);
        }
    }
    v["stale"] = json!(any);
    Ok(v)
}
