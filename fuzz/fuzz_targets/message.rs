//! Message text is hostile input: check arbitrary text, with the first line
//! as the sender. Nothing may panic; every extracted item stays bounded.
#![no_main]

mod common;

use common::guard;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (sender, body) = match text.split_once('\n') {
        Some((s, b)) => (Some(s), b),
        None => (None, text.as_ref()),
    };
    if let Ok(v) = guard().check_message(sender, body) {
        assert!(v.score <= 100);
        assert!(v.extracted.len() <= 4096);
    }
    guard().forget_journey();
});
