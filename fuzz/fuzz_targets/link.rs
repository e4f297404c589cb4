//! Links are hostile input: canonicalize arbitrary bytes and check them as
//! links. Nothing may panic; a canonical URL must canonicalize to itself and
//! yield at most 30 lookup expressions.
#![no_main]

mod common;

use common::guard;
use fanzha_core::link::{canonicalize, canonicalize_bytes, expressions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(c) = canonicalize_bytes(data) {
        let url = c.url();
        let again = canonicalize(&url).expect("a canonical URL canonicalizes");
        assert_eq!(again.url(), url);
        assert!(expressions(&c).len() <= 30);
    }
    let _ = guard().check_link(&String::from_utf8_lossy(data));
});
