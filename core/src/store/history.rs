//! Payee history kept in the store: [`StoreHistory`] implements the payment
//! check's [`HistoryStore`] — answers from memory, writes through to the
//! `payees` table (sealed rows named by HMAC), reloads at open.

use super::db::aad;
use super::error::StoreError;
use super::Store;
use crate::error::Result;
use crate::payment::history::{PayeeBook, PayeeStat};
use crate::payment::{HistoryStore, HistorySummary, PayeeKey};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex, MutexGuard};

/// Payees remembered at most; the least recently paid is dropped first.
pub const MAX_HISTORY_PAYEES: usize = 4096;
/// Recent payments per currency kept for the overall median and maximum.
pub const MAX_RECENT_PAYMENTS: usize = 128;

/// One sealed row of the `payees` table.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
enum Row {
    Payee {
        payee: String,
        currency: String,
        stat: PayeeStat,
    },
    Recent {
        currency: String,
        amounts: Vec<i64>,
    },
}

/// Payee history persisted in the encrypted store.
#[derive(Debug)]
pub struct StoreHistory {
    store: Arc<Store>,
    mem: Mutex<PayeeBook>,
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in s.as_bytes().chunks_exact(2).enumerate() {
        let hi = (pair[0] as char).to_digit(16)?;
        let lo = (pair[1] as char).to_digit(16)?;
        out[i] = (hi * 16 + lo) as u8;
    }
    Some(out)
}

fn payee_name(payee: &PayeeKey, currency: &str) -> String {
    format!("{}/{currency}", hex(&payee.0))
}

fn read_rows(store: &Store) -> Result<Vec<Row>, StoreError> {
    let rows: Vec<(Vec<u8>, Vec<u8>)> = store.read(|c| {
        let mut stmt = c.prepare("SELECT id, payload FROM payees")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    })?;
    rows.into_iter()
        .map(|(id, payload)| {
            let plain = store
                .keys
                .open(&aad("payees", &id), &payload, "payee history")?;
            serde_json::from_slice(&plain).map_err(|_| StoreError::corrupt("payee history"))
        })
        .collect()
}

impl StoreHistory {
    /// Reads and checks every history row; returns how many (for verify).
    pub(crate) fn load_rows(store: &Store) -> Result<usize, StoreError> {
        read_rows(store).map(|r| r.len())
    }

    /// Loads the history the store holds.
    pub fn load(store: Arc<Store>) -> Result<StoreHistory, StoreError> {
        let mut mem = PayeeBook::new(MAX_HISTORY_PAYEES, MAX_RECENT_PAYMENTS);
        for row in read_rows(&store)? {
            match row {
                Row::Payee {
                    payee,
                    currency,
                    stat,
                } => {
                    let key = PayeeKey(
                        unhex(&payee).ok_or_else(|| StoreError::corrupt("payee history"))?,
                    );
                    mem.payees.insert((key, currency), stat);
                }
                Row::Recent { currency, amounts } => {
                    for a in amounts {
                        mem.push_recent(&currency, a);
                    }
                }
            }
        }
        Ok(StoreHistory {
            store,
            mem: Mutex::new(mem),
        })
    }

    fn lock(&self) -> MutexGuard<'_, PayeeBook> {
        // Plain counters: still usable after a panic elsewhere.
        self.mem.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn seal_row(
        &self,
        domain: &str,
        name: &str,
        row: &Row,
    ) -> Result<(Vec<u8>, Vec<u8>), StoreError> {
        let id = self.store.keys.mac(domain, name).to_vec();
        let payload = self.store.keys.seal(
            &aad("payees", &id),
            &serde_json::to_vec(row).expect("history row serializes"),
        )?;
        Ok((id, payload))
    }
}

impl HistoryStore for StoreHistory {
    fn record(
        &self,
        payee: &PayeeKey,
        currency: &str,
        amount_minor: i64,
        at_ms: i64,
    ) -> Result<()> {
        let mut mem = self.lock();
        let recorded = mem.record(payee, currency, amount_minor, at_ms);
        let stat = recorded.stat;
        let evicted = recorded.evicted;
        let amounts: Vec<i64> = mem
            .recent
            .get(currency)
            .map(|r| r.iter().copied().collect())
            .unwrap_or_default();

        let payee_row = self.seal_row(
            "history.payee",
            &payee_name(payee, currency),
            &Row::Payee {
                payee: hex(&payee.0),
                currency: currency.to_string(),
                stat,
            },
        )?;
        let recent_row = self.seal_row(
            "history.recent",
            currency,
            &Row::Recent {
                currency: currency.to_string(),
                amounts,
            },
        )?;
        let evicted_id = evicted.map(|(p, c)| {
            self.store
                .keys
                .mac("history.payee", &payee_name(&p, &c))
                .to_vec()
        });
        self.store.write(|tx| {
            let mut put =
                tx.prepare_cached("INSERT OR REPLACE INTO payees (id, payload) VALUES (?1, ?2)")?;
            put.execute(rusqlite::params![payee_row.0, payee_row.1])?;
            put.execute(rusqlite::params![recent_row.0, recent_row.1])?;
            if let Some(id) = &evicted_id {
                tx.execute("DELETE FROM payees WHERE id = ?1", [id])?;
            }
            Ok(())
        })?;
        Ok(())
    }

    fn summary(&self, payee: &PayeeKey, currency: &str) -> Result<HistorySummary> {
        Ok(self.lock().summary(payee, currency))
    }

    fn clear(&self) -> Result<()> {
        let mut mem = self.lock();
        self.store.write(|tx| {
            tx.execute("DELETE FROM payees", [])?;
            Ok(())
        })?;
        mem.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::FileKeyProvider;

    #[test]
    fn history_persists_and_matches_memory_semantics() {
        let dir = std::env::temp_dir().join(format!("fanzha-history-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("h.db");
        let key = FileKeyProvider::from_bytes(&[9; 32]);
        let a = PayeeKey::of("A");
        let b = PayeeKey::of("B");
        {
            let store = Arc::new(Store::open(&path, &key).unwrap());
            let h = StoreHistory::load(store).unwrap();
            for (p, amt) in [(&a, 100), (&a, 300), (&b, 200), (&b, 50), (&b, 1000)] {
                h.record(p, "CNY", amt, 0).unwrap();
            }
            h.record(&a, "USD", 7, 0).unwrap();
        }
        let store = Arc::new(Store::open(&path, &key).unwrap());
        let h = StoreHistory::load(store.clone()).unwrap();
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
        assert_eq!(
            h.summary(&PayeeKey::of("C"), "USD")
                .unwrap()
                .overall_payments,
            1
        );
        h.clear().unwrap();
        let h = StoreHistory::load(store).unwrap();
        assert_eq!(h.summary(&a, "CNY").unwrap(), HistorySummary::default());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
