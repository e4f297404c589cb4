//! Opening the SQLite file: damage checks before SQLite sees it, connection
//! settings, schema, and unlocking the data key.

use super::crypto::{new_data_key, wipe, KeyProvider, Keys};
use super::error::{KeyProviderError, StoreError};
use super::schema;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// Plaintext of the sealed key-check record.
const KEY_CHECK: &[u8] = b"fanzha store key check v1";
const KEY_CHECK_AAD: &[u8] = b"meta:key_check";
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Checks the SQLite header and the file length before anything else: a
/// truncated file must be reported as such, never opened as "empty".
pub(crate) fn check_file(path: &Path) -> Result<(), StoreError> {
    let mut file = std::fs::File::open(path)?;
    let actual = file.metadata()?.len();
    if actual < 100 {
        // SQLite would treat a 0-byte file as a new, empty database; for a
        // file that existed this is damage, not a fresh start.
        return Err(StoreError::Truncated {
            expected: 100,
            actual,
        });
    }
    let mut header = [0u8; 100];
    file.read_exact(&mut header)?;
    if &header[..16] != SQLITE_MAGIC {
        return Err(StoreError::corrupt("database header"));
    }
    let raw_page = u16::from_be_bytes([header[16], header[17]]);
    let page_size: u64 = if raw_page == 1 {
        65536
    } else {
        u64::from(raw_page)
    };
    if !(512..=65536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(StoreError::corrupt("database header"));
    }
    let be32 =
        |i: usize| u32::from_be_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    let change_counter = be32(24);
    let page_count = u64::from(be32(28));
    let valid_for = be32(92);
    // With a write-ahead log holding frames, the header may already count
    // pages a checkpoint had not yet written when the process died (the
    // checkpoint writes page 1 first); SQLite finishes from the log, so
    // the size can only be judged without one.
    if change_counter == valid_for && page_count > 0 && !wal_has_frames(path) {
        let expected = page_count * page_size;
        if actual < expected {
            return Err(StoreError::Truncated { expected, actual });
        }
    }
    Ok(())
}

/// True when the store's `-wal` file exists and holds more than its
/// 32-byte header.
fn wal_has_frames(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(Path::new(&wal)).is_ok_and(|m| m.len() > 32)
}

/// Opens a connection with the store's settings: WAL, full sync, temporary
/// data in memory (never spilled to a temp file), a busy timeout for a
/// second process.
pub(crate) fn connect(path: &Path, create: bool) -> Result<Connection, StoreError> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Sqlite(rusqlite::Error::InvalidQuery));
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = OFF;
         PRAGMA cell_size_check = ON;",
    )?;
    Ok(conn)
}

/// Opens the writer connection, creating the file when `create`, and
/// brings the schema to [`schema::VERSION`]. Returns the connection and the
/// version found.
pub(crate) fn open_writer(path: &Path, create: bool) -> Result<(Connection, u32), StoreError> {
    if path.exists() {
        check_file(path)?;
    } else if !create {
        return Err(StoreError::NotFound);
    }
    let mut conn = connect(path, create)?;
    let found = schema::init(&mut conn)?;
    Ok((conn, found))
}

/// Unlocks the store's data key, generating and wrapping one for a new
/// store.
pub(crate) fn unlock(
    conn: &mut Connection,
    provider: &dyn KeyProvider,
) -> Result<Keys, StoreError> {
    let wrapped: Option<Vec<u8>> = conn
        .query_row(
            "SELECT value FROM meta WHERE name = 'wrapped_key'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    match wrapped {
        Some(wrapped) => unlock_existing(conn, provider, &wrapped),
        None => {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Another process may have created the key meanwhile.
            let again: Option<Vec<u8>> = tx
                .query_row(
                    "SELECT value FROM meta WHERE name = 'wrapped_key'",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(w) = again {
                drop(tx);
                return unlock_existing(conn, provider, &w);
            }
            let used: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM feeds) + (SELECT count(*) FROM segments)
                      + (SELECT count(*) FROM rules) + (SELECT count(*) FROM reports)",
                [],
                |r| r.get(0),
            )?;
            if used != 0 {
                return Err(StoreError::corrupt("data key record missing"));
            }
            let mut dk = new_data_key()?;
            let wrapped = provider.wrap(&dk);
            let keys = Keys::derive(&dk);
            wipe(&mut dk);
            let wrapped = wrapped?;
            let keys = keys?;
            let check = keys.seal(KEY_CHECK_AAD, KEY_CHECK)?;
            tx.execute(
                "INSERT INTO meta (name, value) VALUES ('key_sum', ?1)",
                [key_sum(&wrapped, &check).to_vec()],
            )?;
            tx.execute(
                "INSERT INTO meta (name, value) VALUES ('wrapped_key', ?1)",
                [wrapped],
            )?;
            tx.execute(
                "INSERT INTO meta (name, value) VALUES ('key_check', ?1)",
                [check],
            )?;
            tx.commit()?;
            Ok(keys)
        }
    }
}

/// An unkeyed checksum of the key records: tells a damaged record (which
/// would otherwise look like a wrong key) from a wrong key.
fn key_sum(wrapped: &[u8], check: &[u8]) -> [u8; 32] {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(&(wrapped.len() as u64).to_be_bytes());
    ctx.update(wrapped);
    ctx.update(check);
    let mut out = [0u8; 32];
    out.copy_from_slice(ctx.finish().as_ref());
    out
}

fn meta_value(conn: &Connection, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

fn unlock_existing(
    conn: &Connection,
    provider: &dyn KeyProvider,
    wrapped: &[u8],
) -> Result<Keys, StoreError> {
    let check = meta_value(conn, "key_check")?
        .ok_or_else(|| StoreError::corrupt("key check record missing"))?;
    let sum = meta_value(conn, "key_sum")?.ok_or_else(|| StoreError::corrupt("key records"))?;
    if sum != key_sum(wrapped, &check) {
        return Err(StoreError::corrupt("key records"));
    }
    let mut dk = provider.unwrap(wrapped).map_err(|e| match e {
        KeyProviderError::WrongKey => StoreError::WrongKey,
        other => StoreError::KeyProvider(other),
    })?;
    let keys = Keys::derive(&dk);
    wipe(&mut dk);
    let keys = keys?;
    // The records passed their checksum, so a GCM failure here is a wrong
    // key: nothing else is decrypted.
    match keys.open(KEY_CHECK_AAD, &check, "key check") {
        Ok(plain) if plain == KEY_CHECK => Ok(keys),
        _ => Err(StoreError::WrongKey),
    }
}

/// Associated data binding a sealed payload to its table and row key.
pub(crate) fn aad(table: &str, key: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(table.len() + 1 + key.len());
    out.extend_from_slice(table.as_bytes());
    out.push(0);
    out.extend_from_slice(key);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_checks() {
        let dir = std::env::temp_dir().join(format!("fanzha-db-header-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("x.db");
        std::fs::write(&p, b"").unwrap();
        assert!(matches!(check_file(&p), Err(StoreError::Truncated { .. })));
        std::fs::write(&p, vec![b'x'; 200]).unwrap();
        assert!(matches!(check_file(&p), Err(StoreError::Corrupt { .. })));
        // A header that counts 4 pages of 4096 bytes in a 4096-byte file.
        let mut h = vec![0u8; 4096];
        h[..16].copy_from_slice(SQLITE_MAGIC);
        h[16..18].copy_from_slice(&4096u16.to_be_bytes());
        h[24..28].copy_from_slice(&7u32.to_be_bytes());
        h[28..32].copy_from_slice(&4u32.to_be_bytes());
        h[92..96].copy_from_slice(&7u32.to_be_bytes());
        std::fs::write(&p, &h).unwrap();
        assert!(matches!(
            check_file(&p),
            Err(StoreError::Truncated {
                expected: 16384,
                actual: 4096
            })
        ));
        // The same with a log holding frames: a checkpoint cut short, which
        // SQLite finishes from the log; not truncation.
        std::fs::write(dir.join("x.db-wal"), vec![0u8; 4096 + 32]).unwrap();
        assert!(check_file(&p).is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
