//! `fanzha feed …`: publisher tools — make keys, build signed feeds (full or
//! delta) from CSV files, verify and inspect them, sign key rotations.
//!
//! Building streams: each CSV line becomes one record on disk as it is read,
//! so memory stays flat whatever the list size (a delta also holds the base
//! feed's hashes, 48 bytes per entry, to find what changed).

use crate::Failure;
use clap::{Args, Subcommand};
use fanzha_core::blocklist::{ListEntry, ListKind};
use fanzha_core::feed::{
    csv::ListCsv, diff::DeltaBase, BodySummary, FeedError, FeedFile, FeedHeader, FeedKind,
    FeedMeta, FeedWriter, KeyId, Limits, PublicKey, PublisherKey, Rotation, RuleKind, TrustedKeys,
};
use fanzha_core::number::NumberRules;
use fanzha_core::{RuleSources, Snapshot};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

const DAY_MS: i64 = 86_400_000;

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
    /// CSV of phone numbers: value[,fraud_type,severity,label,reports,confirmed].
    #[arg(long)]
    pub numbers: Vec<PathBuf>,
    /// CSV of URLs or hosts: value[,fraud_type,severity,label,reports,confirmed].
    #[arg(long)]
    pub links: Vec<PathBuf>,
    /// CSV of payee accounts: value[,fraud_type,severity,label,reports,confirmed].
    #[arg(long)]
    pub accounts: Vec<PathBuf>,
    /// JSON object of rule sets by kind: {"numbers": {...}, "links": …,
    /// "patterns": …, "payments": …, "scoring": …}.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// A message model to ship (from `fanzha model train`): checks use it
    /// instead of the embedded default once the feed is applied.
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
    /// A link model to ship (FZML of kind link).
    #[arg(long, value_name = "MODEL")]
    pub link_model: Option<PathBuf>,
    /// Ship the --model / --link-model bytes without checking them (test
    /// feeds that every reader must refuse; never for publishing).
    #[arg(long, hide = true)]
    pub unchecked_models: bool,
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
fn read_rules(path: &Path) -> Result<BTreeMap<RuleKind, Vec<u8>>, Failure> {
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
        let kind = RuleKind::parse(k).filter(|k| !k.is_model()).ok_or_else(|| {
            bad(format!(
                "unknown rule kind {k:?} (expected numbers, links, patterns, payments or scoring; models go in with --model / --link-model)"
            ))
        })?;
        out.insert(
            kind,
            serde_json::to_string(v)
                .map_err(|e| bad(e.to_string()))?
                .into_bytes(),
        );
    }
    // The rules must load before anyone signs them.
    let mut sources = RuleSources::default();
    for (kind, json) in &out {
        kind.set(&mut sources, json)
            .map_err(|e| bad(e.to_string()))?;
    }
    Snapshot::build(
        &sources,
        Arc::new(fanzha_core::blocklist::MemoryIndex::new()),
        String::new(),
    )
    .map_err(|e| bad(e.to_string()))?;
    Ok(out)
}

/// A model file for `--model` / `--link-model`: it must parse as a model of
/// the slot's kind and fit the feed's cap before anyone signs it.
fn read_model(path: &Path, kind: RuleKind) -> Result<Vec<u8>, Failure> {
    let bad = |why: String| Failure::usage(format!("{}: {why}", path.display()));
    let len = std::fs::metadata(path)
        .map_err(|e| bad(format!("cannot read: {e}")))?
        .len();
    if len > u64::from(fanzha_core::feed::MAX_MODEL_BYTES) {
        return Err(bad(format!(
            "model is {len} bytes, over the feed's limit of {}",
            fanzha_core::feed::MAX_MODEL_BYTES
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| bad(format!("cannot read: {e}")))?;
    let model_kind = kind
        .model_kind()
        .ok_or_else(|| bad("not a model kind".into()))?;
    fanzha_core::model::Model::from_bytes(&bytes, model_kind)
        .map_err(|e| bad(format!("not a usable {} model: {e}", model_kind.as_str())))?;
    Ok(bytes)
}

/// Streams every row of the list file `path` (see
/// [`fanzha_core::feed::csv`]) into `sink` as (kind, canonical value,
/// entry); returns the number of rows.
fn read_csv(
    path: &Path,
    kind: ListKind,
    canon: &Canonicalizer,
    sink: &mut dyn FnMut(ListKind, &str, &ListEntry) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    let file = File::open(path)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
    let reader = BufReader::with_capacity(1 << 20, file);
    let mut rows = 0u64;
    for row in ListCsv::new(reader, kind, &canon.numbers, &canon.region) {
        let row = row.map_err(|e| Failure::usage(format!("{} {e}", path.display())))?;
        rows += 1;
        sink(kind, &row.canonical, &row.entry)?;
    }
    Ok(rows)
}

/// The numbering plan and region list values are read in.
struct Canonicalizer {
    numbers: NumberRules,
    region: String,
}

fn build(a: BuildArgs) -> Result<(), Failure> {
    let started = std::time::Instant::now();
    let key = read_secret_key(&a.key)?;
    let rules = match &a.rules {
        Some(p) => read_rules(p)?,
        None => BTreeMap::new(),
    };
    let mut rules = rules;
    for (kind, path) in [
        (RuleKind::MessageModel, &a.model),
        (RuleKind::LinkModel, &a.link_model),
    ] {
        if let Some(path) = path {
            let bytes = if a.unchecked_models {
                std::fs::read(path)
                    .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?
            } else {
                read_model(path, kind)?
            };
            rules.insert(kind, bytes);
        }
    }
    let numbers = match rules.get(&RuleKind::Numbers) {
        Some(json) => {
            NumberRules::from_json(&String::from_utf8_lossy(json)).map_err(Failure::from)?
        }
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
                "the base carries {} and this build doesn't (--rules, --model, --link-model): a delta can't return rules or a model to the embedded default, publish a full feed",
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
        base = Some(DeltaBase::load(&feed).map_err(|e| Failure::usage(format!("--base: {e}")))?);
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
                .is_some_and(|b| b.rules().get(kind) == Some(json));
            if unchanged {
                continue;
            }
            if kind.is_model() {
                w.model(*kind, json).map_err(feed_failure)?;
            } else {
                w.rules(*kind, &String::from_utf8_lossy(json))
                    .map_err(feed_failure)?;
            }
        }
        let mut sink = |kind: ListKind, value: &str, entry: &ListEntry| -> Result<(), Failure> {
            if let Some(b) = base.as_mut() {
                if b.unchanged(kind, value, entry) {
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
            for r in b.removals() {
                w.removal(r.kind, r.key).map_err(feed_failure)?;
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
                .map(|(k, size)| {
                    let field = if k.is_model() {
                        "model_bytes"
                    } else {
                        "json_bytes"
                    };
                    (k.as_str().to_string(), json!({ field: size }))
                })
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
    pub store: crate::common::RequiredStoreArgs,
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
    let guard = crate::common::open_guard(&a.store.store, &a.store.key_file, settings, false)?;
    let applied = guard.apply_feed(&bytes, &trust).map_err(|e| match e {
        fanzha_core::Error::Feed(f) => Failure::runtime(format!("feed refused: {f}")),
        fanzha_core::Error::Store(s) => crate::common::store_failure(s),
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
    // The models in use: a feed's (kept in the store), else the embedded
    // default of that kind, if this build ships one.
    let mut models = Vec::new();
    for kind in [
        fanzha_core::model::FeatureKind::Message,
        fanzha_core::model::FeatureKind::Link,
    ] {
        let feed = status.models.iter().find(|m| m.kind == kind.as_str());
        let embedded = || {
            fanzha_core::model::embedded(kind).and_then(|b| {
                fanzha_core::store::ModelStatus::of_bytes(kind.as_str(), b, "embedded")
            })
        };
        if let Some(m) = feed.cloned().or_else(embedded) {
            models.push(serde_json::to_value(m).map_err(|e| Failure::runtime(e.to_string()))?);
        }
    }
    v["models"] = Value::Array(models);
    Ok(v)
}
