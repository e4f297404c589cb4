//! Verdict ids: 16 random bytes from the system's generator as 32
//! lowercase hex digits, drawn from a per-thread pool so that a check
//! makes no system call of its own. A leaf module: the guard gives ids,
//! the audit log ([`crate::store::AuditRecord`]) keys warnings by them.

/// Random bytes drawn from the system at a time for verdict ids: one
/// `getrandom` system call per 256 ids instead of one per verdict.
const ID_POOL_BYTES: usize = 16 * 256;

/// A fresh verdict id: 16 random bytes from the system's generator as 32
/// lowercase hex digits; `None` when the system has no random source.
///
/// The bytes come from a per-thread pool refilled from
/// [`ring::rand::SystemRandom`], so ids stay as unpredictable as before;
/// each byte is used once. (A process that forks keeps its parent's pool:
/// a guard is not meant to be shared across `fork`.)
pub(crate) fn verdict_id() -> Option<String> {
    use ring::rand::SecureRandom;
    use std::cell::RefCell;
    thread_local! {
        static POOL: RefCell<(Box<[u8; ID_POOL_BYTES]>, usize)> =
            RefCell::new((Box::new([0u8; ID_POOL_BYTES]), ID_POOL_BYTES));
    }
    let mut b = [0u8; 16];
    let drawn = POOL
        .try_with(|cell| {
            let Ok(mut pool) = cell.try_borrow_mut() else {
                return false;
            };
            let (bytes, used) = &mut *pool;
            if *used + b.len() > ID_POOL_BYTES {
                if ring::rand::SystemRandom::new()
                    .fill(&mut bytes[..])
                    .is_err()
                {
                    return false;
                }
                *used = 0;
            }
            b.copy_from_slice(&bytes[*used..*used + 16]);
            // Never handed out twice.
            bytes[*used..*used + 16].fill(0);
            *used += 16;
            true
        })
        .unwrap_or(false);
    if !drawn {
        // No pool on this thread (being torn down): straight from the system.
        ring::rand::SystemRandom::new().fill(&mut b).ok()?;
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(32);
    for x in b {
        s.push(char::from(HEX[usize::from(x >> 4)]));
        s.push(char::from(HEX[usize::from(x & 15)]));
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_ids_are_32_hex_digits_and_distinct() {
        let ids: Vec<String> = (0..1000).map(|_| verdict_id().expect("an id")).collect();
        for id in &ids {
            assert_eq!(id.len(), 32);
            assert!(id
                .bytes()
                .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)));
        }
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "ids repeat");
        // Pools of other threads give other ids.
        let other: Vec<String> =
            std::thread::spawn(|| (0..300).map(|_| verdict_id().expect("an id")).collect())
                .join()
                .expect("thread");
        assert!(other.iter().all(|id| !ids.contains(id)));
    }
}
