#!/usr/bin/env bash
# Builds the iOS library: fanzha-ffi as a static library for devices
# (aarch64-apple-ios) and the simulator (aarch64-apple-ios-sim and
# x86_64-apple-ios, merged with lipo), packaged with the generated C header
# and module map as bindings/swift/FanzhaFFI.xcframework — the binaryTarget
# of bindings/swift/Package.swift. Also refreshes the checked-in Swift.
#
# NOT RUN on the project's machines (no macOS, Xcode or Swift there).
# Written against `xcodebuild -create-xcframework -library … -headers …`
# and `lipo -create` as Apple documents them; run it on a Mac with Xcode 15+
# before relying on it.
#
# Needs: macOS with Xcode command-line tools; rustup targets aarch64-apple-ios
#        aarch64-apple-ios-sim x86_64-apple-ios.
#
# Usage: bindings/scripts/build-ios.sh [--profile release-small|release|dev]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

profile=release-small
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$profile" in dev) dir=debug ;; *) dir="$profile" ;; esac

[ "$(uname -s)" = Darwin ] || { echo "build-ios.sh needs macOS with Xcode" >&2; exit 1; }
target_dir="${CARGO_TARGET_DIR:-$root/target}"
swift_pkg="$root/bindings/swift"
out="$swift_pkg/FanzhaFFI.xcframework"

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
rustup target add "${targets[@]}" >/dev/null

# The deployment target the static library is compiled for; keep it equal to
# the platforms in Package.swift.
export IPHONEOS_DEPLOYMENT_TARGET=16.0
# The static library alone (`rustc --crate-type staticlib`), not beside the
# rlib: fat LTO then keeps only what the C interface reaches (README,
# "Library size").
for t in "${targets[@]}"; do
  cargo rustc --locked --profile "$profile" -p fanzha-ffi --lib --crate-type staticlib --target "$t"
done

# Swift sources, header and module map (library mode, from a host build).
bindings/scripts/check-swift.sh --update

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
headers="$work/Headers"
mkdir -p "$headers" "$work/sim"
cp "$swift_pkg/FanzhaFFI/FanzhaFFI.h" "$headers/"
# An XCFramework's headers directory carries the module map as module.modulemap.
cp "$swift_pkg/FanzhaFFI/module.modulemap" "$headers/module.modulemap"

# One simulator slice with both architectures.
lipo -create \
  "$target_dir/aarch64-apple-ios-sim/$dir/libfanzha_ffi.a" \
  "$target_dir/x86_64-apple-ios/$dir/libfanzha_ffi.a" \
  -output "$work/sim/libfanzha_ffi.a"

rm -rf "$out"
xcodebuild -create-xcframework \
  -library "$target_dir/aarch64-apple-ios/$dir/libfanzha_ffi.a" -headers "$headers" \
  -library "$work/sim/libfanzha_ffi.a" -headers "$headers" \
  -output "$out"

echo "XCFramework: $out"
echo "Swift package: $swift_pkg (add it in Xcode as a local package, product Fanzha)"
