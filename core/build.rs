//! Packs the embedded models (`data/models/*.fzml`) and the rules' JSON
//! into the build with `src/model/pack.rs`: the models' rows entropy-coded,
//! the JSON LZ-compressed; each unpacked once per process back to the same
//! bytes. Fails the build if one does not unpack to its file byte for byte.

#[path = "src/model/pack.rs"]
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
    // The rules' JSON, LZ-compressed (`pack::compress`); read through
    // `model::PackedText`.
    std::fs::create_dir_all(out.join("texts")).expect("OUT_DIR is writable");
    for name in [
        "links",
        "patterns",
        "conversation",
        "numbers",
        "payments",
        "texts/common",
        "texts/number",
        "texts/link",
        "texts/message",
        "texts/payment",
        "texts/store",
    ] {
        let src = format!("data/{name}.json");
        println!("cargo:rerun-if-changed={src}");
        let file = std::fs::read(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let packed = pack::compress(&file);
        assert!(
            pack::decompress(&packed).as_deref() == Some(file.as_slice()),
            "{src} does not decompress to the same bytes"
        );
        std::fs::write(out.join(format!("{name}.json.z")), packed)
            .unwrap_or_else(|e| panic!("writing the packed {name}.json: {e}"));
    }
    println!("cargo:rerun-if-changed=src/model/pack.rs");
    println!("cargo:rerun-if-changed=build.rs");
}
