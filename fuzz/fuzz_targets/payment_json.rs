//! Payment intents arrive as JSON from a host or `fanzha scan --kind
//! payment`: parse arbitrary bytes and check what parses. Nothing may panic.
#![no_main]

mod common;

use common::guard;
use fanzha_core::PaymentIntent;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(intent) = PaymentIntent::from_json(text) {
        if let Ok(v) = guard().check_payment(&intent) {
            assert!(v.score <= 100);
        }
        guard().forget_journey();
    }
});
