//! Packs the embedded models (`data/models/*.fzml`) into the build with
//! `src/model/pack.rs`: their rows entropy-coded, unpacked once per
//! process back to the same bytes. Fails the build if a packed model does
//! not unpack to its file byte for byte.

#[path = "src/model/pack.rs"]
#[allow(dead_code)]
mod pack;

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["message", "link"] {
        let src = format!("data/models/{name}.fzml");
        println!("cargo:rerun-if-changed={src}");
        let file = std::fs::read(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let packed = pack::pack(&file).unwrap_or_else(|| panic!("{src} is not a model file"));
        assert!(
            pack::unpack(&packed).as_deref() == Some(file.as_slice()),
            "{src} does not unpack to the same bytes"
        );
        std::fs::write(out.join(format!("{name}.fzml.z")), packed)
            .unwrap_or_else(|e| panic!("writing the packed {name} model: {e}"));
    }
    println!("cargo:rerun-if-changed=src/model/pack.rs");
    println!("cargo:rerun-if-changed=build.rs");
}
