//! Number check with N listed numbers vs an in-memory `HashSet<String>` of
//! the numbers and vs a plain indexed SQLite table of plaintext numbers
//! (what a bank team writes first).

use super::link::round2;
use super::{build_store, db_bytes, open_guard, Rng, Scratch};
use crate::{emit, measure_build, median_ns, rss_bytes, Line, Plan};
use fanzha_core::blocklist::ListKind;
use fanzha_core::NumberContext;
use std::collections::HashSet;
use std::hint::black_box;

fn listed(i: u64) -> String {
    // Distinct made-up mobile numbers in the 13x–19x ranges.
    let n = i.wrapping_mul(0x9E37_79B9) % 9_000_000_000;
    format!("+861{}", 3_000_000_000 + n % 7_000_000_000)
}

pub fn compare(plan: &Plan) {
    for &n in &plan.number_sizes {
        compare_at(plan, n as u64);
    }
}

fn compare_at(plan: &Plan, n: u64) {
    // The query stream: one in ten listed, the rest random mobiles, written
    // as E.164 so the alternatives need no parser of their own.
    let mut rng = Rng(7);
    let queries: Vec<String> = (0..20_000)
        .map(|i| {
            if i % 10 == 0 {
                listed(rng.below(n))
            } else {
                format!("+861{}", 3_000_000_000 + rng.below(7_000_000_000))
            }
        })
        .collect();
    let scratch = Scratch::new("number");
    let db = scratch.path("numbers.db");
    let apply_secs = build_store(&db, ListKind::Number, (0..n).map(listed));
    let store_bytes = db_bytes(&db);

    let rss_before = rss_bytes();
    let (guard, ours_heap, open_secs) = measure_build(|| open_guard(&db));
    let ours_rss = rss_bytes().saturating_sub(rss_before);
    let ctx = NumberContext::default();
    let v = guard.check_number(&listed(3), &ctx).expect("checks");
    assert!(
        v.has_reason("number.blocklisted"),
        "listed number not found"
    );
    let ours = median_ns(plan.rounds, 5_000, |i| {
        let _ = black_box(guard.check_number(black_box(&queries[i % queries.len()]), &ctx));
    });
    let snap = guard.snapshot();
    let ours_lookup = median_ns(plan.rounds, 5_000, |i| {
        black_box(
            snap.blocklist
                .lookup(ListKind::Number, black_box(&queries[i % queries.len()])),
        );
    });
    drop(snap);
    drop(guard);

    // Theirs (1): HashSet<String>.
    let (set, set_heap, _) = measure_build(|| (0..n).map(listed).collect::<HashSet<String>>());
    let set_ns = median_ns(plan.rounds, 5_000, |i| {
        black_box(set.contains(black_box(queries[i % queries.len()].as_str())));
    });
    drop(set);

    // Theirs (2): SQLite table of plaintext numbers with a primary key.
    let plain = scratch.path("plain.db");
    let rss_before = rss_bytes();
    let conn = rusqlite::Connection::open(&plain).expect("sqlite");
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; CREATE TABLE numbers(number TEXT PRIMARY KEY) WITHOUT ROWID;",
    )
    .expect("schema");
    {
        let tx = conn.unchecked_transaction().expect("tx");
        {
            let mut ins = tx
                .prepare("INSERT OR IGNORE INTO numbers VALUES (?1)")
                .expect("prepare");
            for i in 0..n {
                ins.execute([listed(i)]).expect("insert");
            }
        }
        tx.commit().expect("commit");
    }
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
    let mut q = conn
        .prepare("SELECT 1 FROM numbers WHERE number = ?1")
        .expect("prepare");
    let sqlite_ns = median_ns(plan.rounds, 5_000, |i| {
        black_box(
            q.exists([black_box(&queries[i % queries.len()])])
                .expect("query"),
        );
    });
    let sqlite_rss = rss_bytes().saturating_sub(rss_before);
    drop(q);
    drop(conn);
    let plain_bytes = db_bytes(&plain);

    let common = serde_json::json!({
        "ours_guard_heap_bytes_per_entry": round2(ours_heap as f64 / n as f64),
        "ours_rss_growth_mb": round2(ours_rss as f64 / 1e6),
        "ours_disk_bytes_per_entry": round2(store_bytes as f64 / n as f64),
        "ours_feed_apply_s": round2(apply_secs),
        "ours_open_to_first_answer_ms": round2(open_secs * 1e3),
    });
    let with = |extra: serde_json::Value| {
        let mut c = common.clone();
        if let (Some(c), serde_json::Value::Object(e)) = (c.as_object_mut(), extra) {
            c.extend(e);
        }
        c
    };
    emit(Line {
        comparison: "number_check_vs_hashset",
        entries: n as usize,
        ours: "fanzha Guard::check_number (parse, classify, index lookup, verdict)",
        theirs: "HashSet<String>::contains on the E.164 string",
        ours_ns: ours,
        theirs_ns: set_ns,
        extra: with(
            serde_json::json!({ "theirs_heap_bytes_per_entry": round2(set_heap as f64 / n as f64) }),
        ),
    });
    emit(Line {
        comparison: "number_lookup_vs_hashset",
        entries: n as usize,
        ours: "fanzha store index lookup alone (BlockIndex::lookup)",
        theirs: "HashSet<String>::contains on the E.164 string",
        ours_ns: ours_lookup,
        theirs_ns: set_ns,
        extra: with(
            serde_json::json!({ "theirs_heap_bytes_per_entry": round2(set_heap as f64 / n as f64) }),
        ),
    });
    emit(Line {
        comparison: "number_check_vs_sqlite",
        entries: n as usize,
        ours: "fanzha Guard::check_number (parse, classify, index lookup, verdict)",
        theirs: "SQLite table of plaintext numbers, PRIMARY KEY, prepared SELECT",
        ours_ns: ours,
        theirs_ns: sqlite_ns,
        extra: with(serde_json::json!({
            "theirs_disk_bytes_per_entry": round2(plain_bytes as f64 / n as f64),
            "theirs_rss_growth_mb": round2(sqlite_rss as f64 / 1e6),
        })),
    });
}
