//! `uniffi-bindgen`: generates the Kotlin and Swift bindings from the built
//! `fanzha-ffi` library (library mode). Run through
//! `bindings/scripts/generate-bindings.sh`, which pins the arguments.

fn main() {
    uniffi::uniffi_bindgen_main()
}
