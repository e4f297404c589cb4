//! The direct-call path behind Kotlin's `FastGuard` (bindings/kotlin/):
//! one C function with primitive arguments only, called through JNA's
//! direct mapping, for the checks a host makes in a hot loop.
//!
//! Why: a UniFFI call from Kotlin goes through JNA with a call-status
//! structure, and every string or record argument is one more JNA call
//! (allocating its buffer), the object handle one more (cloning it), the
//! returned buffer one more (freeing it). Each such call costs
//! microseconds on a JVM, mostly JNA's `Structure` machinery (native
//! memory, reflection to sync fields), far more than a number check in
//! Rust. Here one call carries everything: Kotlin writes the arguments into
//! a direct buffer of its own, we write the answer into another, and
//! nothing but `long`s and `int`s crosses. Swift calls C without JNA, so it
//! needs no such path.
//!
//! The bytes are UniFFI's own: arguments are read and the verdict or error
//! is written with the same converters the generated code uses, so
//! Kotlin reads them with the generated `FfiConverterType…` objects and a
//! fast check returns exactly what `Guard.checkNumber` (etc.) returns.
//!
//! The handle is one the Kotlin side got from `Guard.uniffiCloneHandle()`
//! (an `Arc<Guard>` reference it owns) and gives back with
//! [`fanzha_fast_release`].

use crate::error::FanzhaError;
use crate::guard::Guard;
use crate::types::{NumberContext, Verdict};
use crate::UniFfiTag;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use uniffi::{Handle, Lift, Lower};

/// `op` of [`fanzha_fast_call`]: `check_number(number: String, context:
/// NumberContext)`.
pub const OP_CHECK_NUMBER: i32 = 1;
/// `check_link(url: String)`.
pub const OP_CHECK_LINK: i32 = 2;
/// `check_message(sender: Option<String>, body: String)`.
pub const OP_CHECK_MESSAGE: i32 = 3;

/// First byte of an answer: a verdict follows.
pub const STATUS_OK: u8 = 0;
/// A `FanzhaError` follows (what the UniFFI call would throw).
pub const STATUS_ERROR: u8 = 1;
/// A panic message follows, as a string (UniFFI's `InternalException`).
pub const STATUS_PANIC: u8 = 2;

/// Returned for arguments the Kotlin side never passes (a null handle or
/// buffer, an unknown op, unreadable argument bytes).
pub const BAD_CALL: i32 = -1;

thread_local! {
    /// The answer being written; kept per thread so a call allocates
    /// nothing once it has grown to the usual size.
    static ANSWER: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(4096));
}

/// Runs `op` on the guard behind `handle` with the arguments in
/// `input[..input_len]`, writes the answer (a status byte, then the
/// verdict, error or panic message in UniFFI's encoding) to
/// `out[..out_cap]`, and returns the answer's length. An answer longer than
/// `out_cap` is kept (per thread): the caller takes it with
/// [`fanzha_fast_take`] into a buffer of the returned length.
/// Returns [`BAD_CALL`] for a call the Kotlin side never makes.
///
/// # Safety
/// `handle` is a live `Arc<Guard>` handle from `uniffiCloneHandle()` the
/// caller owns for the whole call; `input` points to `input_len` readable
/// bytes and `out` to `out_cap` writable ones (addresses as integers: JNA
/// direct mapping passes them as `long`).
#[no_mangle]
pub unsafe extern "C" fn fanzha_fast_call(
    handle: u64,
    op: i32,
    input: u64,
    input_len: i32,
    out: u64,
    out_cap: i32,
) -> i32 {
    let (Ok(input_len), Ok(out_cap)) = (usize::try_from(input_len), usize::try_from(out_cap))
    else {
        return BAD_CALL;
    };
    // Rust handles are aligned pointers: never 0, never odd (odd ones are
    // foreign handles).
    if handle == 0 || handle & 1 == 1 || input == 0 || out == 0 {
        return BAD_CALL;
    }
    // SAFETY: the caller owns a reference to the Arc for the whole call
    // (see above), so the guard outlives this borrow.
    let guard: &Guard = unsafe { &*Handle::from_raw_unchecked(handle).as_pointer::<Guard>() };
    // SAFETY: the caller passes a readable buffer of `input_len` bytes.
    let args: &[u8] = unsafe { std::slice::from_raw_parts(input as *const u8, input_len) };
    // The check runs before the answer buffer is borrowed: a host callback
    // during the check (a log sink) may itself make a fast call on this
    // thread.
    let status = catch_unwind(AssertUnwindSafe(|| run(guard, op, args)));
    ANSWER.with(|answer| {
        let Ok(mut answer) = answer.try_borrow_mut() else {
            return BAD_CALL;
        };
        answer.clear();
        match status {
            Ok(None) => return BAD_CALL,
            Ok(Some(Ok(verdict))) => {
                answer.push(STATUS_OK);
                <Verdict as Lower<UniFfiTag>>::write(verdict, &mut answer);
            }
            Ok(Some(Err(error))) => {
                answer.push(STATUS_ERROR);
                <FanzhaError as Lower<UniFfiTag>>::write(error, &mut answer);
            }
            Err(panic) => {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "Rust panic".to_string());
                answer.push(STATUS_PANIC);
                <String as Lower<UniFfiTag>>::write(why, &mut answer);
            }
        }
        let Ok(len) = i32::try_from(answer.len()) else {
            return BAD_CALL;
        };
        if answer.len() <= out_cap {
            // SAFETY: the caller passes a writable buffer of `out_cap` bytes,
            // which does not overlap ours.
            unsafe {
                std::ptr::copy_nonoverlapping(answer.as_ptr(), out as *mut u8, answer.len());
            }
            answer.clear();
        }
        len
    })
}

/// Copies the answer [`fanzha_fast_call`] kept (it did not fit) into
/// `out[..out_cap]`; returns its length, or [`BAD_CALL`] when there is none
/// or it does not fit.
///
/// # Safety
/// `out` points to `out_cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn fanzha_fast_take(out: u64, out_cap: i32) -> i32 {
    let Ok(out_cap) = usize::try_from(out_cap) else {
        return BAD_CALL;
    };
    ANSWER.with(|answer| {
        let Ok(mut answer) = answer.try_borrow_mut() else {
            return BAD_CALL;
        };
        if out == 0 || answer.is_empty() || answer.len() > out_cap {
            return BAD_CALL;
        }
        let Ok(len) = i32::try_from(answer.len()) else {
            return BAD_CALL;
        };
        // SAFETY: the caller passes a writable buffer of `out_cap` bytes.
        unsafe { std::ptr::copy_nonoverlapping(answer.as_ptr(), out as *mut u8, answer.len()) };
        answer.clear();
        len
    })
}

/// Gives back a handle from `uniffiCloneHandle()` (drops that reference).
///
/// # Safety
/// `handle` is such a handle, released once.
#[no_mangle]
pub unsafe extern "C" fn fanzha_fast_release(handle: u64) {
    if handle == 0 || handle & 1 == 1 {
        return;
    }
    // SAFETY: a handle from `uniffiCloneHandle()` is an owned reference
    // made by `Handle::from_arc`, given back exactly once.
    drop(unsafe { Handle::from_raw_unchecked(handle).into_arc::<Guard>() });
}

/// The call itself; `None` when the arguments can't be read.
fn run(guard: &Guard, op: i32, mut args: &[u8]) -> Option<Result<Verdict, FanzhaError>> {
    let answer = match op {
        OP_CHECK_NUMBER => {
            let number = read_str(&mut args)?;
            let context = <NumberContext as Lift<UniFfiTag>>::try_read(&mut args).ok()?;
            done(args)?;
            guard.check_number_str(number, &context)
        }
        OP_CHECK_LINK => {
            let url = read_str(&mut args)?;
            done(args)?;
            guard.check_link_str(url)
        }
        OP_CHECK_MESSAGE => {
            let sender = match read_u8(&mut args)? {
                0 => None,
                1 => Some(read_str(&mut args)?),
                _ => return None,
            };
            let body = read_str(&mut args)?;
            done(args)?;
            guard.check_message_str(sender, body)
        }
        _ => return None,
    };
    Some(answer)
}

/// All arguments read, nothing left over.
fn done(args: &[u8]) -> Option<()> {
    args.is_empty().then_some(())
}

fn read_u8(args: &mut &[u8]) -> Option<u8> {
    let (&b, rest) = args.split_first()?;
    *args = rest;
    Some(b)
}

/// A string as UniFFI writes one (a big-endian `i32` length, then UTF-8),
/// borrowed from the buffer: no copy.
fn read_str<'a>(args: &mut &'a [u8]) -> Option<&'a str> {
    let (len, rest) = args.split_first_chunk::<4>()?;
    let len = usize::try_from(i32::from_be_bytes(*len)).ok()?;
    if rest.len() < len {
        return None;
    }
    let (s, rest) = rest.split_at(len);
    *args = rest;
    std::str::from_utf8(s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Channel, GuardSettings};
    use std::sync::Arc;

    fn guard() -> Arc<Guard> {
        Guard::new(GuardSettings {
            region: "CN".into(),
            locale: "zh-Hans".into(),
            trusted_keys: Vec::new(),
        })
        .expect("embedded guard")
    }

    fn string(s: &str, buf: &mut Vec<u8>) {
        <String as Lower<UniFfiTag>>::write(s.to_string(), buf);
    }

    /// Calls through the C function as Kotlin does; the answer's bytes.
    fn call(g: &Arc<Guard>, op: i32, args: &[u8], cap: usize) -> (i32, Vec<u8>) {
        let handle = Handle::from_arc(Arc::clone(g)).as_raw();
        let mut out = vec![0u8; cap];
        let n = unsafe {
            fanzha_fast_call(
                handle,
                op,
                args.as_ptr() as u64,
                args.len() as i32,
                out.as_mut_ptr() as u64,
                cap as i32,
            )
        };
        if n > cap as i32 {
            out = vec![0u8; n as usize];
            let taken = unsafe { fanzha_fast_take(out.as_mut_ptr() as u64, n) };
            assert_eq!(taken, n);
        } else if n >= 0 {
            out.truncate(n as usize);
        }
        unsafe { fanzha_fast_release(handle) };
        (n, out)
    }

    fn verdict_bytes(v: Verdict) -> Vec<u8> {
        let mut b = vec![STATUS_OK];
        <Verdict as Lower<UniFfiTag>>::write(v, &mut b);
        b
    }

    #[test]
    fn a_fast_number_check_answers_what_the_uniffi_call_answers() {
        let g = guard();
        let ctx = NumberContext {
            channel: Channel::Call,
            in_contacts: false,
            stir: None,
            calls_last_hour: 0,
        };
        for number in ["+86 95588 0000", "+86 138 1234 5678", "95588"] {
            let mut args = Vec::new();
            string(number, &mut args);
            <NumberContext as Lower<UniFfiTag>>::write(ctx.clone(), &mut args);
            let (n, out) = call(&g, OP_CHECK_NUMBER, &args, 4096);
            assert!(n > 0);
            let expected = g.check_number(number.into(), ctx.clone()).expect("checks");
            assert_eq!(out, verdict_bytes(expected), "{number}");
        }
    }

    #[test]
    fn links_and_messages_and_an_answer_longer_than_the_buffer() {
        let g = guard();
        let url = "http://icbc.com.cn@evil.top/login";
        let mut args = Vec::new();
        string(url, &mut args);
        // A 16-byte buffer: the answer is kept and taken.
        let (n, out) = call(&g, OP_CHECK_LINK, &args, 16);
        assert!(n > 16);
        let expected = g.check_link(url.into()).expect("checks");
        assert_eq!(out, verdict_bytes(expected));

        let body = "【工商银行】您的账户存在异常，请点击 http://icbc-verify.top 验证";
        let mut args = vec![1u8];
        string("95588", &mut args);
        string(body, &mut args);
        let (_, out) = call(&g, OP_CHECK_MESSAGE, &args, 1 << 16);
        let expected = g
            .check_message(Some("95588".into()), body.into())
            .expect("checks");
        assert_eq!(out, verdict_bytes(expected));
    }

    #[test]
    fn errors_come_back_as_the_uniffi_error_and_bad_calls_are_refused() {
        let g = guard();
        let mut args = Vec::new();
        string("", &mut args);
        let (_, out) = call(&g, OP_CHECK_LINK, &args, 4096);
        assert_eq!(out[0], STATUS_ERROR);
        let mut rest = &out[1..];
        let err = <FanzhaError as Lift<UniFfiTag>>::try_read(&mut rest).expect("an error");
        assert!(matches!(err, FanzhaError::InvalidInput { .. }), "{err:?}");

        // Unknown op, truncated or trailing argument bytes, bad UTF-8.
        let mut url = Vec::new();
        string("https://example.com/", &mut url);
        for (op, bytes) in [
            (99, url.clone()),
            (OP_CHECK_LINK, url[..url.len() - 1].to_vec()),
            (OP_CHECK_LINK, [url.clone(), vec![0]].concat()),
            (OP_CHECK_LINK, vec![0, 0, 0, 2, 0xff, 0xfe]),
            (OP_CHECK_MESSAGE, vec![7]),
            (OP_CHECK_NUMBER, url.clone()),
        ] {
            assert_eq!(call(&g, op, &bytes, 4096).0, BAD_CALL, "{op} {bytes:?}");
        }
        unsafe {
            assert_eq!(fanzha_fast_call(0, OP_CHECK_LINK, 1, 0, 1, 0), BAD_CALL);
            assert_eq!(fanzha_fast_take(0, 10), BAD_CALL);
            fanzha_fast_release(0);
        }
    }
}
