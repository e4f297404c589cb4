//! Applying a feed (N hashed number entries, encrypted, indexed, in one
//! transaction) vs inserting the same rows as plaintext into SQLite (number,
//! fraud type, severity, label, reports; primary key on the number).

use super::link::round2;
use super::{build_store, db_bytes, Scratch};
use crate::{emit, rss_bytes, Line, Plan, Timing};
use fanzha_core::blocklist::ListKind;
use std::time::Instant;

fn value(i: u64) -> String {
    format!(
        "+861{}",
        3_000_000_000 + (i.wrapping_mul(0x9E37_79B9) % 7_000_000_000)
    )
}

fn runs(count: usize, mut f: impl FnMut(usize) -> f64) -> Timing {
    let mut secs: Vec<f64> = (0..count).map(&mut f).collect();
    let mean = secs.iter().sum::<f64>() / secs.len() as f64;
    secs.sort_by(|a, b| a.total_cmp(b));
    Timing {
        median: secs[secs.len() / 2] * 1e9,
        p99: secs[secs.len() - 1] * 1e9,
        mean: mean * 1e9,
    }
}

pub fn compare(plan: &Plan) {
    let n = plan.feed_entries as u64;
    let scratch = Scratch::new("feed");
    let repeats = if plan.quick { 3 } else { 5 };

    let rss0 = rss_bytes();
    let mut ours_bytes = 0;
    let ours = runs(repeats, |r| {
        let db = scratch.path(&format!("ours{r}.db"));
        let s = build_store(&db, ListKind::Number, (0..n).map(value));
        ours_bytes = db_bytes(&db);
        s
    });
    let ours_rss = rss_bytes().saturating_sub(rss0);

    let rss0 = rss_bytes();
    let mut theirs_bytes = 0;
    let theirs = runs(repeats, |r| {
        let path = scratch.path(&format!("plain{r}.db"));
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             CREATE TABLE blocklist(number TEXT PRIMARY KEY, fraud_type TEXT, severity INTEGER, label TEXT, reports INTEGER) WITHOUT ROWID;",
        )
        .expect("schema");
        let t = Instant::now();
        let tx = conn.unchecked_transaction().expect("tx");
        {
            let mut ins = tx
                .prepare("INSERT OR REPLACE INTO blocklist VALUES (?1, 'impersonate_customer_service', 90, 'bench', 3)")
                .expect("prepare");
            for i in 0..n {
                ins.execute([value(i)]).expect("insert");
            }
        }
        tx.commit().expect("commit");
        let s = t.elapsed().as_secs_f64();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .expect("checkpoint");
        theirs_bytes = db_bytes(&path);
        s
    });
    let theirs_rss = rss_bytes().saturating_sub(rss0);

    emit(Line {
        comparison: "feed_apply",
        entries: n as usize,
        ours: "fanzha Store::apply_feed (hashed, AES-GCM sealed blocks, compact index, one transaction)",
        theirs: "SQLite INSERT of the same rows as plaintext, one transaction, primary key",
        ours_ns: ours,
        theirs_ns: theirs,
        extra: serde_json::json!({
            "ours_disk_bytes_per_entry": round2(ours_bytes as f64 / n as f64),
            "theirs_disk_bytes_per_entry": round2(theirs_bytes as f64 / n as f64),
            "ours_rss_growth_mb": round2(ours_rss as f64 / 1e6),
            "theirs_rss_growth_mb": round2(theirs_rss as f64 / 1e6),
            "runs": repeats,
        }),
    });
}
