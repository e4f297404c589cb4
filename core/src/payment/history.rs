//! The user's own payment history: how much they usually pay, to this payee
//! and overall. The payment check compares an amount with it
//! (`payment.amount_unusual`, `payment.known_payee`) and, when the host does
//! not say, decides from it whether a payee is new.
//!
//! History sits behind [`HistoryStore`] so it can live in memory (the
//! default, [`MemoryHistory`]) or, encrypted, in the store. Payees are known
//! only by [`PayeeKey`] — SHA-256 of the canonical account — never by the
//! account itself; a persistent store should re-key it with its own secret
//! (a keyed hash) before writing it to disk.

use crate::blocklist::value_hash;
use crate::error::Result;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// A payee as history knows it: SHA-256 of the canonical account
/// ([`super::normalize_account`]). Not reversible in practice, but
/// guessable for short accounts — persist it keyed, not bare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PayeeKey(pub [u8; 32]);

impl PayeeKey {
    /// The key of a canonical account.
    pub fn of(canonical_account: &str) -> PayeeKey {
        PayeeKey(value_hash(canonical_account))
    }
}

/// What the history says, in one currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HistorySummary {
    /// Payments to this payee remembered.
    pub payee_payments: u32,
    /// The largest payment to this payee, minor units (0 when none).
    pub payee_max_minor: i64,
    /// Recent payments to anyone.
    pub overall_payments: u32,
    /// The largest recent payment to anyone.
    pub overall_max_minor: i64,
    /// The median recent payment to anyone (0 when none).
    pub overall_median_minor: i64,
}

/// Where payee history lives.
///
/// Implementations are shared between threads and must be cheap to query
/// (the payment check calls [`HistoryStore::summary`] once per check, inside
/// a 20 µs budget — answer from memory, write through to disk). Errors are
/// reported, not fatal: the check goes on without history and says so
/// (`store.unavailable`).
pub trait HistoryStore: Send + Sync + std::fmt::Debug {
    /// Remembers a payment the user made. `currency` is an upper-case ISO
    /// 4217 code already validated; `amount_minor` is positive.
    fn record(&self, payee: &PayeeKey, currency: &str, amount_minor: i64, at_ms: i64)
        -> Result<()>;

    /// Summarizes past payments to `payee` and overall, in `currency`.
    fn summary(&self, payee: &PayeeKey, currency: &str) -> Result<HistorySummary>;

    /// Forgets everything (sign-out, "clear my data").
    fn clear(&self) -> Result<()>;
}

/// Payees remembered by [`MemoryHistory`] at most; the least recently paid is
/// dropped first.
const MAX_PAYEES: usize = 2048;
/// Recent payments per currency kept for the overall median and maximum.
const MAX_RECENT: usize = 128;

/// What history keeps about one payee in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct PayeeStat {
    pub(crate) count: u32,
    pub(crate) max_minor: i64,
    pub(crate) last_ms: i64,
}

/// The bounded in-memory book both histories answer from: per payee and
/// currency a [`PayeeStat`], per currency the last payments. The store's
/// history writes through what [`PayeeBook::record`] reports.
#[derive(Debug)]
pub(crate) struct PayeeBook {
    pub(crate) payees: HashMap<(PayeeKey, String), PayeeStat>,
    pub(crate) recent: HashMap<String, VecDeque<i64>>,
    max_payees: usize,
    max_recent: usize,
}

/// What one [`PayeeBook::record`] changed.
pub(crate) struct Recorded {
    /// The payee's stat after the payment.
    pub(crate) stat: PayeeStat,
    /// The least recently paid payee, dropped to make room.
    pub(crate) evicted: Option<(PayeeKey, String)>,
}

impl PayeeBook {
    pub(crate) fn new(max_payees: usize, max_recent: usize) -> PayeeBook {
        PayeeBook {
            payees: HashMap::new(),
            recent: HashMap::new(),
            max_payees,
            max_recent,
        }
    }

    pub(crate) fn record(
        &mut self,
        payee: &PayeeKey,
        currency: &str,
        amount_minor: i64,
        at_ms: i64,
    ) -> Recorded {
        let key = (*payee, currency.to_string());
        let mut evicted = None;
        if !self.payees.contains_key(&key) && self.payees.len() >= self.max_payees {
            if let Some(oldest) = self
                .payees
                .iter()
                .min_by_key(|(_, s)| s.last_ms)
                .map(|(k, _)| k.clone())
            {
                self.payees.remove(&oldest);
                evicted = Some(oldest);
            }
        }
        let stat = self.payees.entry(key).or_insert(PayeeStat {
            count: 0,
            max_minor: 0,
            last_ms: at_ms,
        });
        stat.count = stat.count.saturating_add(1);
        stat.max_minor = stat.max_minor.max(amount_minor);
        stat.last_ms = stat.last_ms.max(at_ms);
        let stat = *stat;
        // Currencies are validated ISO codes, so this map stays small.
        self.push_recent(currency, amount_minor);
        Recorded { stat, evicted }
    }

    /// Appends one amount to a currency's recent payments (bounded).
    pub(crate) fn push_recent(&mut self, currency: &str, amount_minor: i64) {
        let recent = self.recent.entry(currency.to_string()).or_default();
        while recent.len() >= self.max_recent {
            recent.pop_front();
        }
        recent.push_back(amount_minor);
    }

    pub(crate) fn summary(&self, payee: &PayeeKey, currency: &str) -> HistorySummary {
        let mut s = HistorySummary::default();
        if let Some(stat) = self.payees.get(&(*payee, currency.to_string())) {
            s.payee_payments = stat.count;
            s.payee_max_minor = stat.max_minor;
        }
        if let Some(recent) = self.recent.get(currency) {
            if !recent.is_empty() {
                let mut v: Vec<i64> = recent.iter().copied().collect();
                let mid = v.len() / 2;
                let (_, median, _) = v.select_nth_unstable(mid);
                s.overall_median_minor = *median;
                s.overall_max_minor = recent.iter().copied().max().unwrap_or(0);
                s.overall_payments = recent.len() as u32;
            }
        }
        s
    }

    pub(crate) fn clear(&mut self) {
        self.payees.clear();
        self.recent.clear();
    }
}

/// History in memory, bounded (2048 payees, the last 128 payments per
/// currency). The default until the store provides a persistent one.
#[derive(Debug)]
pub struct MemoryHistory {
    inner: Mutex<PayeeBook>,
}

impl Default for MemoryHistory {
    fn default() -> MemoryHistory {
        MemoryHistory {
            inner: Mutex::new(PayeeBook::new(MAX_PAYEES, MAX_RECENT)),
        }
    }
}

impl MemoryHistory {
    /// An empty history.
    pub fn new() -> MemoryHistory {
        MemoryHistory::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, PayeeBook> {
        // A poisoned lock means a panic mid-update of plain counters; the
        // data is still usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl HistoryStore for MemoryHistory {
    fn record(
        &self,
        payee: &PayeeKey,
        currency: &str,
        amount_minor: i64,
        at_ms: i64,
    ) -> Result<()> {
        self.lock().record(payee, currency, amount_minor, at_ms);
        Ok(())
    }

    fn summary(&self, payee: &PayeeKey, currency: &str) -> Result<HistorySummary> {
        Ok(self.lock().summary(payee, currency))
    }

    fn clear(&self) -> Result<()> {
        self.lock().clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarizes_per_payee_and_overall() {
        let h = MemoryHistory::new();
        let a = PayeeKey::of("A");
        let b = PayeeKey::of("B");
        for (p, amt) in [(&a, 100), (&a, 300), (&b, 200), (&b, 50), (&b, 1000)] {
            h.record(p, "CNY", amt, 0).unwrap();
        }
        h.record(&a, "USD", 7, 0).unwrap();
        let s = h.summary(&a, "CNY").unwrap();
        assert_eq!((s.payee_payments, s.payee_max_minor), (2, 300));
        assert_eq!(
            (
                s.overall_payments,
                s.overall_max_minor,
                s.overall_median_minor
            ),
            (5, 1000, 200)
        );
        let u = h.summary(&PayeeKey::of("C"), "USD").unwrap();
        assert_eq!((u.payee_payments, u.overall_payments), (0, 1));
        h.clear().unwrap();
        assert_eq!(h.summary(&a, "CNY").unwrap(), HistorySummary::default());
    }

    #[test]
    fn stays_bounded() {
        let h = MemoryHistory::new();
        for i in 0..(MAX_PAYEES as i64 + 50) {
            h.record(&PayeeKey::of(&i.to_string()), "CNY", 1 + i, i)
                .unwrap();
        }
        let inner = h.lock();
        assert_eq!(inner.payees.len(), MAX_PAYEES);
        assert_eq!(inner.recent["CNY"].len(), MAX_RECENT);
        // The least recently paid were dropped.
        assert!(!inner
            .payees
            .contains_key(&(PayeeKey::of("0"), "CNY".to_string())));
    }
}
