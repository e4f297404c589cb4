#!/usr/bin/env bash
# Generates the Kotlin and Swift bindings of fanzha-ffi in library mode (from
# the built cdylib's embedded metadata, no UDL).
#
# The interface is read from the dev build of the library: release-small
# strips the symbols that carry UniFFI's metadata, and the generated code
# (with its API checksums) is the same for every profile, so it works
# against a library built with any of them.
#
# Usage: bindings/scripts/generate-bindings.sh [--out DIR] [--android] [--no-build]
#   --out DIR     where to write (default bindings/out); writes DIR/kotlin and DIR/swift
#   --android     also merge bindings/uniffi-android.toml (Android-only Kotlin)
#   --no-build    use the library already built for the profile
# Prints the two output directories on success.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

out="$root/bindings/out"
android=0
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --android) android=1; shift ;;
    --no-build) build=0; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

dir=debug
target_dir="${CARGO_TARGET_DIR:-$root/target}"

case "$(uname -s)" in
  Darwin) lib="$target_dir/$dir/libfanzha_ffi.dylib" ;;
  *) lib="$target_dir/$dir/libfanzha_ffi.so" ;;
esac

# The whole workspace is built, as `cargo test --workspace` does, so feature
# unification matches and nothing is rebuilt twice.
bindgen="$target_dir/debug/uniffi-bindgen"
if [ "$build" = 1 ]; then
  cargo build --quiet --locked --workspace
fi
[ -x "$bindgen" ] || { echo "missing $bindgen (cargo build -p uniffi-bindgen)" >&2; exit 1; }
[ -f "$lib" ] || { echo "missing $lib (build fanzha-ffi first)" >&2; exit 1; }

config=()
if [ "$android" = 1 ]; then
  config=(--config "$root/bindings/uniffi-android.toml")
fi

rm -rf "$out/kotlin" "$out/swift"
mkdir -p "$out/kotlin" "$out/swift"
# --no-format: reproducible output whether or not ktlint/swiftformat exist.
"$bindgen" generate "$lib" --language kotlin --out-dir "$out/kotlin" --no-format ${config[@]+"${config[@]}"}
"$bindgen" generate "$lib" --language swift --out-dir "$out/swift" --no-format
echo "$out/kotlin"
echo "$out/swift"
