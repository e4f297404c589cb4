//! Release builds of the shared library for Linux and Android keep UniFFI's
//! metadata statics (`UNIFFI_META_*`, listed in `uniffi-meta.txt`) local:
//! only `uniffi-bindgen` reads them, from the dev build, and exported they
//! cannot be dropped by the linker (43 KB of the library with their names).
//!
//! rustc's own version script names every exported symbol exactly, and an
//! exact name wins over a wildcard, so the names are listed one by one; lld
//! applies our `local:` entries (it warns that rustc's `global:` cannot
//! reassign them). `--undefined-version` lets a name that is no longer
//! defined pass (lld 16+, NDK r26+). Other targets and dev builds are left
//! as they are (iOS links the static library).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=uniffi-meta.txt");
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    if !release || !matches!(os.as_str(), "linux" | "android") {
        return;
    }
    let list = std::fs::read_to_string("uniffi-meta.txt").expect("bindings/uniffi-meta.txt");
    let names: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("UNIFFI_META_"))
        .collect();
    if names.is_empty() {
        return;
    }
    let mut map = String::from("{\n  local:\n");
    for name in names {
        map.push_str("    ");
        map.push_str(name);
        map.push_str(";\n");
    }
    map.push_str("};\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let path = out.join("hide-uniffi-meta.map");
    std::fs::write(&path, map).expect("writing the version script");
    println!(
        "cargo:rustc-cdylib-link-arg=-Wl,--version-script={}",
        path.display()
    );
    println!("cargo:rustc-cdylib-link-arg=-Wl,--undefined-version");
}
