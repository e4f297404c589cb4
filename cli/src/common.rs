//! What several commands share: the options every check takes, and
//! opening the encrypted store (`--store DB --key-file K`) with its errors.
//! A leaf: it imports no other command module, so the commands never
//! import each other for these.

use crate::Failure;
use clap::{Args, ValueEnum};
use fanzha_core::store::{FileKeyProvider, KeyProvider, Store, StoreError};
use fanzha_core::{Guard, Lang, Settings};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Options every check shares.
#[derive(Args, Clone, Debug)]
pub struct CommonArgs {
    /// Region for national numbers (ISO 3166 alpha-2).
    #[arg(long, default_value = "CN")]
    pub region: String,
    /// Language of titles and advice (default: from $LANG, zh or en).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Check against an encrypted store (`--store DB --key-file K`).
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum LangArg {
    En,
    Zh,
}

impl CommonArgs {
    pub fn settings(&self) -> Settings {
        let lang = match self.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Zh) => Lang::ZhHans,
            None => std::env::var("LANG")
                .map(|l| Lang::from_locale(&l))
                .unwrap_or(Lang::En),
        };
        Settings {
            region: self.region.clone(),
            lang,
        }
    }

    pub fn guard(&self) -> Result<Guard, Failure> {
        if let (Some(db), Some(key)) = (&self.store.store, &self.store.key_file) {
            // A damaged store still gives verdicts (carrying
            // `store.unavailable`); the run then exits 1.
            return open_guard(db, key, self.settings(), true);
        }
        Guard::new(self.settings()).map_err(|e| match e {
            fanzha_core::Error::Rules {
                part: "settings", ..
            } => Failure::usage(e.to_string()),
            other => Failure::from(other),
        })
    }
}

/// Set when a check ran on a guard whose store could not be read: the
/// verdicts were printed (with `store.unavailable`), and the command must
/// still fail.
static DEGRADED: Mutex<Option<String>> = Mutex::new(None);

/// The message of a degraded run, if any (checked by `main` at exit).
pub fn degraded() -> Option<String> {
    DEGRADED.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// `--store DB --key-file K`, given together.
#[derive(Args, Clone, Debug, Default)]
pub struct StoreArgs {
    /// The encrypted store (SQLite file).
    #[arg(long, value_name = "DB", requires = "key_file")]
    pub store: Option<PathBuf>,
    /// The key file that unlocks the store (64 hex digits).
    #[arg(long, value_name = "K", requires = "store")]
    pub key_file: Option<PathBuf>,
}

/// `--store DB --key-file K`, both required (store, report and rule commands).
#[derive(Args, Clone, Debug)]
pub struct RequiredStoreArgs {
    /// The encrypted store (SQLite file).
    #[arg(long, value_name = "DB")]
    pub store: PathBuf,
    /// The key file that unlocks the store (64 hex digits).
    #[arg(long, value_name = "K")]
    pub key_file: PathBuf,
}

pub fn store_failure(e: StoreError) -> Failure {
    match e {
        StoreError::InvalidValue { .. } => Failure::usage(e.to_string()),
        other => Failure::runtime(format!("store: {other}")),
    }
}

fn key_provider(path: &Path) -> Result<FileKeyProvider, Failure> {
    FileKeyProvider::open(path).map_err(|e| Failure::runtime(format!("key file: {e}")))
}

impl RequiredStoreArgs {
    /// Opens an existing store (never creates one).
    pub fn open(&self) -> Result<Store, Failure> {
        let key = key_provider(&self.key_file)?;
        Store::open_existing(&self.store, &key).map_err(store_failure)
    }

    /// A guard on the store (rules need the guard's canonical forms).
    pub fn guard(&self, settings: Settings) -> Result<Guard, Failure> {
        open_guard(&self.store, &self.key_file, settings, false)
    }
}

/// Opens a guard on a store. With `allow_degraded`, a damaged store gives
/// a guard on the embedded data (verdicts carry `store.unavailable`) and
/// marks the run as failed; otherwise damage is an error at once.
pub fn open_guard(
    store: &Path,
    key_file: &Path,
    settings: Settings,
    allow_degraded: bool,
) -> Result<Guard, Failure> {
    if !store.exists() {
        return Err(Failure::runtime(format!(
            "store: no store at {} (create one with `fanzha store init`)",
            store.display()
        )));
    }
    let key: Arc<dyn KeyProvider> = Arc::new(key_provider(key_file)?);
    let guard = Guard::open(settings, store, key).map_err(|e| match e {
        fanzha_core::Error::Store(s) => store_failure(s),
        fanzha_core::Error::Rules {
            part: "settings", ..
        } => Failure::usage(e.to_string()),
        other => Failure::from(other),
    })?;
    if let Some(problem) = guard.store_problem() {
        let message = format!("store unavailable, built-in protection only: {problem}");
        if !allow_degraded {
            return Err(Failure::runtime(message));
        }
        *DEGRADED.lock().unwrap_or_else(|e| e.into_inner()) = Some(message);
    }
    Ok(guard)
}
