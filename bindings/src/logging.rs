//! Logs from the SDK to the host: the `log` crate's records forwarded to a
//! [`LogSink`] the app implements (Logcat on Android, `os.Logger` on iOS).
//!
//! Installed once per process (the `log` crate allows one logger); the level
//! can be changed afterwards. A failing sink never reaches the SDK: errors
//! and panics inside logging are swallowed. The core logs no user data at
//! info level or above; debug and trace may carry details and are off
//! unless the host asks for them.

use crate::error::FanzhaError;
use std::sync::{Arc, OnceLock};

/// Severity of a log record, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum LogLevel {
    /// Something failed.
    Error,
    /// Something is wrong but the SDK carries on.
    Warn,
    /// What the SDK did (feed applied, store opened).
    Info,
    /// Details for debugging.
    Debug,
    /// Everything.
    Trace,
}

impl LogLevel {
    fn filter(self) -> log::LevelFilter {
        match self {
            LogLevel::Error => log::LevelFilter::Error,
            LogLevel::Warn => log::LevelFilter::Warn,
            LogLevel::Info => log::LevelFilter::Info,
            LogLevel::Debug => log::LevelFilter::Debug,
            LogLevel::Trace => log::LevelFilter::Trace,
        }
    }
}

impl From<log::Level> for LogLevel {
    fn from(l: log::Level) -> LogLevel {
        match l {
            log::Level::Error => LogLevel::Error,
            log::Level::Warn => LogLevel::Warn,
            log::Level::Info => LogLevel::Info,
            log::Level::Debug => LogLevel::Debug,
            log::Level::Trace => LogLevel::Trace,
        }
    }
}

/// One log record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LogRecord {
    /// How severe.
    pub level: LogLevel,
    /// The Rust module that logged (`fanzha_core::store`, …): a tag.
    pub target: String,
    /// The text; never carries a checked value.
    pub message: String,
}

/// Implemented by the host app. Called from whatever thread logged, so the
/// implementation must be thread-safe and quick. Anything it throws is
/// dropped (the `Result` lets an exception cross back as a value instead of
/// a panic).
#[uniffi::export(with_foreign)]
pub trait LogSink: Send + Sync {
    /// Receives one record.
    fn log(&self, record: LogRecord) -> Result<(), FanzhaError>;
}

struct Forwarder {
    sink: Arc<dyn LogSink>,
}

impl log::Log for Forwarder {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let record = LogRecord {
            level: record.level().into(),
            target: record.target().to_string(),
            message: record.args().to_string(),
        };
        // Errors inside logging are swallowed: a host exception arrives as an
        // `Err`, and a panicking Rust-side sink must not unwind into whatever
        // code was logging.
        let sink = &self.sink;
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sink.log(record)));
    }

    fn flush(&self) {}
}

static INSTALLED: OnceLock<()> = OnceLock::new();

/// Installs `sink` as the receiver of the SDK's logs, at `level` and above.
///
/// Returns `true` if this call installed it. Only the first sink of a
/// process is kept (later calls return `false` and only change the level),
/// so an app installs it once, early — e.g. in `Application.onCreate`.
#[uniffi::export]
pub fn install_log_sink(sink: Arc<dyn LogSink>, level: LogLevel) -> bool {
    let mut installed_now = false;
    INSTALLED.get_or_init(|| {
        installed_now = log::set_boxed_logger(Box::new(Forwarder { sink })).is_ok();
    });
    log::set_max_level(level.filter());
    installed_now
}

/// Changes the level of the installed sink (no effect before one is installed).
#[uniffi::export]
pub fn set_log_level(level: LogLevel) {
    log::set_max_level(level.filter());
}
