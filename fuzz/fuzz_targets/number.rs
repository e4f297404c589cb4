//! Numbers are hostile input (caller ids, SMS senders, what a person types):
//! check arbitrary text as a call and as an SMS sender. Nothing may panic; a
//! verdict's score stays in 0–100.
#![no_main]

mod common;

use common::guard;
use fanzha_core::{Channel, NumberContext};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for channel in [Channel::Call, Channel::Sms] {
        let ctx = NumberContext {
            channel,
            ..NumberContext::default()
        };
        if let Ok(v) = guard().check_number(&text, &ctx) {
            assert!(v.score <= 100);
        }
    }
});
