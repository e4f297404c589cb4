//! [`Guard`]: the one thread-safe entry point hosts hold.

use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use crate::number::NumberContext;
use crate::snapshot::Snapshot;
use crate::verdict::{Kind, Lang, Reason, Verdict};
use std::sync::{Arc, RwLock};

/// Settings a host passes when it opens a guard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// ISO 3166 alpha-2 region used to read national numbers (default `CN`).
    pub region: String,
    /// Language of titles and advice.
    pub lang: Lang,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            region: "CN".to_string(),
            lang: Lang::ZhHans,
        }
    }
}

/// The engine: four checks over a shared, swappable [`Snapshot`].
///
/// `Guard` is `Send + Sync`; share one per process (e.g. in an `Arc`). Checks
/// take a read of the current snapshot (an `Arc` clone) and never wait for a
/// feed update, which builds a new snapshot and swaps it in.
#[derive(Debug)]
pub struct Guard {
    settings: Settings,
    snapshot: RwLock<Arc<Snapshot>>,
    clock: Arc<dyn Clock>,
}

impl Guard {
    /// A guard on the embedded default protection data.
    pub fn new(settings: Settings) -> Result<Guard> {
        Guard::with_snapshot(settings, Snapshot::embedded()?)
    }

    /// A guard on given protection data.
    pub fn with_snapshot(settings: Settings, snapshot: Snapshot) -> Result<Guard> {
        let region = settings.region.to_ascii_uppercase();
        if !snapshot.numbers.knows_region(&region) {
            return Err(Error::rules("settings", format!("unknown region {region}")));
        }
        Ok(Guard {
            settings: Settings { region, ..settings },
            snapshot: RwLock::new(Arc::new(snapshot)),
            clock: Arc::new(SystemClock),
        })
    }

    /// Replaces the clock (tests, replays).
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The current protection data.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        // A poisoned lock only means a writer panicked between two complete
        // states; the Arc inside is always a complete snapshot.
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Swaps in new protection data; checks already running finish on the old.
    pub fn replace_snapshot(&self, snapshot: Snapshot) {
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    }

    /// Now, from the guard's clock (milliseconds since the epoch).
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Checks a phone number (caller ID or SMS sender).
    pub fn check_number(&self, number: &str, ctx: &NumberContext) -> Result<Verdict> {
        let snap = self.snapshot();
        let v = crate::number::check(
            &snap,
            &self.settings.region,
            self.settings.lang,
            number,
            ctx,
        )?;
        Ok(self.finish(&snap, v))
    }

    /// Checks a link.
    pub fn check_link(&self, url: &str) -> Result<Verdict> {
        let snap = self.snapshot();
        let v = crate::link::check(&snap, self.settings.lang, url)?;
        Ok(self.finish(&snap, v))
    }

    /// Checks a message body and its sender (a number or an alphanumeric id).
    pub fn check_message(&self, sender: Option<&str>, body: &str) -> Result<Verdict> {
        let snap = self.snapshot();
        let v = crate::message::check(
            &snap,
            &self.settings.region,
            self.settings.lang,
            sender,
            body,
        )?;
        Ok(self.finish(&snap, v))
    }

    /// Hook applied to every verdict: notices that concern the protection
    /// data rather than the input.
    fn finish(&self, snap: &Snapshot, mut v: Verdict) -> Verdict {
        if snap.is_stale(self.now_ms()) && !v.has_reason("feed.stale") {
            // A notice about the data, not the input: weight 0, level kept.
            v.reasons.push(Reason::new(
                "feed.stale",
                0,
                "The protection feed has expired; verdicts use the last data received",
            ));
            for line in snap.texts.advice("feed.stale", self.settings.lang) {
                if !v.advice.contains(line) {
                    v.advice.push(line.clone());
                }
            }
        }
        v
    }

    /// The kinds this build can check.
    pub fn kinds(&self) -> &'static [Kind] {
        &[Kind::Number, Kind::Link, Kind::Message, Kind::Payment]
    }
}

// The guard is shared across threads by every host.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Guard>();
    assert_send_sync::<Snapshot>();
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    #[test]
    fn stale_feed_marks_every_verdict() {
        let mut snap = Snapshot::embedded().unwrap();
        snap.expires_ms = Some(10_000);
        let mut guard = Guard::with_snapshot(Settings::default(), snap).unwrap();
        let clock = Arc::new(ManualClock::new(9_999));
        guard.set_clock(clock.clone());
        let ctx = NumberContext::default();
        let fresh = guard.check_number("95588", &ctx).unwrap();
        assert!(!fresh.has_reason("feed.stale"));

        clock.set(10_000);
        let stale = guard.check_number("95588", &ctx).unwrap();
        assert!(stale.has_reason("feed.stale"));
        assert_eq!(
            stale.level, fresh.level,
            "staleness is a notice, not a risk"
        );
        assert_eq!(stale.score, fresh.score);
        let snap = guard.snapshot();
        let notice = &snap.texts.advice("feed.stale", guard.settings().lang)[0];
        assert!(stale.advice.contains(notice));

        // Built already stale: every verdict, whatever the clock says.
        let mut snap = Snapshot::embedded().unwrap();
        snap.stale = true;
        let guard = Guard::with_snapshot(Settings::default(), snap).unwrap();
        let v = guard.check_number("+8613800138000", &ctx).unwrap();
        assert!(v.has_reason("feed.stale"));
        assert_eq!(
            v.reasons.iter().filter(|r| r.code == "feed.stale").count(),
            1
        );
    }
}
