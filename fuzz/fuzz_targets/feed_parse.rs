//! Feeds are hostile input: parse, walk and verify arbitrary bytes. Nothing
//! may panic; nothing unsigned may verify.
#![no_main]

use fanzha_core::feed::{FeedFile, Limits, PublicKey, TrustedKeys};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let Ok(file) = FeedFile::parse(data, &limits) else {
        return;
    };
    // The unverified walk `fanzha feed inspect` does.
    let _ = file.summary();
    let _ = file.body_hash_matches();
    // A fixed key nobody holds the secret for: verification must fail.
    let trust = TrustedKeys::new([PublicKey([7; 32])]);
    assert!(file.verify(&trust).is_err());
});
