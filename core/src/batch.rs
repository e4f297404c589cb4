//! Batch checks: many numbers, links or messages in one call, one result per
//! item, in input order, spread over threads when the caller allows it.
//!
//! A batch is what an app does when it scans an inbox or a bank checks a
//! list of payees: the per-call cost of a host binding (a JNA call from
//! Kotlin costs far more than a check) is paid once for the whole list, and
//! the items are split across up to `parallelism` threads (scoped threads:
//! nothing outlives the call, no pool is kept). Each item gets exactly what
//! the single check would return — its verdict or its error — and a bad item
//! never fails the batch.
//!
//! Side effects match the single checks: flagged items are remembered in the
//! payment journey, calls always (see [`Guard::check_number`]).

use crate::error::Result;
use crate::guard::Guard;
use crate::number::NumberContext;
use crate::verdict::Verdict;
use std::num::NonZeroUsize;

/// Below this many items per thread a batch is not split further: starting
/// a thread costs tens of microseconds, about as much as a few dozen checks.
const MIN_ITEMS_PER_THREAD: usize = 64;

/// How many threads a batch may use.
///
/// `0` means "as many as the machine has" (`std::thread::available_parallelism`,
/// one if that is unknown); `1` keeps all the work on the calling thread.
/// Whatever is asked, a batch never starts more threads than it has groups
/// of 64 items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parallelism(pub usize);

impl Parallelism {
    /// All the cores the machine reports.
    pub const ALL: Parallelism = Parallelism(0);
    /// The calling thread only.
    pub const ONE: Parallelism = Parallelism(1);

    /// Threads to use for `items` items (at least one).
    fn threads_for(self, items: usize) -> usize {
        let wanted = match self.0 {
            0 => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            n => n,
        };
        wanted.min(items.div_ceil(MIN_ITEMS_PER_THREAD)).max(1)
    }
}

impl Guard {
    /// Checks many phone numbers with one context (e.g. a bank's payee
    /// list, an app's call log). One result per number, in order: the
    /// verdict [`Guard::check_number`] gives, or its error.
    pub fn check_numbers<S: AsRef<str> + Sync>(
        &self,
        numbers: &[S],
        ctx: &NumberContext,
        parallelism: Parallelism,
    ) -> Vec<Result<Verdict>> {
        self.map_batch(numbers, parallelism, |n| self.check_number(n.as_ref(), ctx))
    }

    /// Checks many links. One result per link, in order: what
    /// [`Guard::check_link`] gives.
    pub fn check_links<S: AsRef<str> + Sync>(
        &self,
        urls: &[S],
        parallelism: Parallelism,
    ) -> Vec<Result<Verdict>> {
        self.map_batch(urls, parallelism, |u| self.check_link(u.as_ref()))
    }

    /// Checks many messages, each `(sender, body)` (e.g. an inbox scan).
    /// One result per message, in order: what [`Guard::check_message`]
    /// gives.
    pub fn check_messages<S: AsRef<str> + Sync, B: AsRef<str> + Sync>(
        &self,
        messages: &[(Option<S>, B)],
        parallelism: Parallelism,
    ) -> Vec<Result<Verdict>> {
        self.map_batch(messages, parallelism, |(sender, body)| {
            self.check_message(sender.as_ref().map(AsRef::as_ref), body.as_ref())
        })
    }

    /// `check` over `items` in contiguous chunks, one per thread, the first
    /// on the calling thread; results concatenated in input order.
    fn map_batch<T: Sync, F>(
        &self,
        items: &[T],
        parallelism: Parallelism,
        check: F,
    ) -> Vec<Result<Verdict>>
    where
        F: Fn(&T) -> Result<Verdict> + Sync,
    {
        let threads = parallelism.threads_for(items.len());
        if threads <= 1 {
            return items.iter().map(&check).collect();
        }
        let chunk = items.len().div_ceil(threads);
        let check = &check;
        std::thread::scope(|scope| {
            let mut chunks = items.chunks(chunk);
            let first = chunks.next().unwrap_or(&[]);
            let others: Vec<_> = chunks
                .map(|part| scope.spawn(move || part.iter().map(check).collect::<Vec<_>>()))
                .collect();
            let mut out: Vec<Result<Verdict>> = Vec::with_capacity(items.len());
            out.extend(first.iter().map(check));
            for handle in others {
                match handle.join() {
                    Ok(part) => out.extend(part),
                    // A check panicked on a worker: let it unwind here, as
                    // it would have in a single check on this thread.
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            out
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::Settings;
    use crate::verdict::Level;

    fn guard() -> Guard {
        Guard::new(Settings::default()).expect("embedded guard")
    }

    #[test]
    fn threads_follow_the_setting_and_the_batch_size() {
        assert_eq!(Parallelism::ONE.threads_for(10_000), 1);
        assert_eq!(Parallelism(4).threads_for(10_000), 4);
        assert_eq!(Parallelism(4).threads_for(100), 2);
        assert_eq!(Parallelism(4).threads_for(0), 1);
        assert!(Parallelism::ALL.threads_for(10_000) >= 1);
    }

    #[test]
    fn batch_numbers_match_single_checks_in_order_with_errors_in_place() {
        let g = guard();
        let mut numbers: Vec<String> = (0..300).map(|i| format!("+86 138 {:04} 5678", i)).collect();
        numbers[7] = "+86 95588 0000".to_string();
        numbers[150] = String::new();
        numbers[299] = "not a number at all".to_string();
        let ctx = NumberContext::default();
        for p in [Parallelism::ONE, Parallelism(3), Parallelism::ALL] {
            let batch = g.check_numbers(&numbers, &ctx, p);
            assert_eq!(batch.len(), numbers.len());
            for (n, got) in numbers.iter().zip(&batch) {
                let single = g.check_number(n, &ctx);
                match (got, single) {
                    (Ok(a), Ok(b)) => {
                        assert_eq!(a.normalized, b.normalized);
                        assert_eq!(a.level, b.level);
                        assert_eq!(a.reasons, b.reasons);
                    }
                    (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                    (a, b) => panic!("batch {a:?} but single {b:?} for {n:?}"),
                }
            }
            assert_eq!(batch[7].as_ref().expect("checks").level, Level::Dangerous);
            assert!(batch[150].is_err());
        }
    }

    #[test]
    fn batch_links_and_messages_keep_order() {
        let g = guard();
        let mut urls: Vec<String> = (0..200)
            .map(|i| format!("https://www.example{i}.com/"))
            .collect();
        urls[33] = "http://icbc.com.cn@evil.top/login".to_string();
        urls[34] = String::new();
        let out = g.check_links(&urls, Parallelism(2));
        assert_eq!(out.len(), 200);
        assert!(out[33].as_ref().expect("checks").level >= Level::Suspicious);
        assert!(out[34].is_err());
        assert!(out[199]
            .as_ref()
            .expect("checks")
            .normalized
            .as_deref()
            .is_some_and(|u| u.contains("example199")));

        let mut messages: Vec<(Option<&str>, String)> = (0..200)
            .map(|i| (None, format!("明天下午{}点开会，记得带材料。", i % 12 + 1)))
            .collect();
        messages[120] = (
            Some("95588"),
            "【工商银行】您的账户存在异常，请点击 http://icbc-verify.top 验证".to_string(),
        );
        let out = g.check_messages(&messages, Parallelism(2));
        assert_eq!(out.len(), 200);
        for (i, v) in out.iter().enumerate() {
            let v = v.as_ref().expect("checks");
            let single = g
                .check_message(messages[i].0, &messages[i].1)
                .expect("checks");
            assert_eq!(v.level, single.level, "message {i}");
        }
        assert!(out[120].as_ref().expect("checks").level >= Level::Suspicious);
    }
}
