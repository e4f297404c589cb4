//! Compresses the Public Suffix List into the build (fanzha-core's
//! `src/model/pack.rs`); fails the build if it does not decompress to the
//! same bytes.

#[path = "../core/src/model/pack.rs"]
mod pack;

fn main() {
    let src = "data/public_suffix_list.dat";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=../core/src/model/pack.rs");
    let file = std::fs::read(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let packed = pack::compress(&file);
    assert!(
        pack::decompress(&packed).as_deref() == Some(file.as_slice()),
        "{src} does not decompress to the same bytes"
    );
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("public_suffix_list.dat.z"), packed)
        .unwrap_or_else(|e| panic!("writing the packed list: {e}"));
}
