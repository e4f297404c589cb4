#!/usr/bin/env bash
# The figures for the report: a check called from Kotlin (median after
# warm-up, through JNA) against the release-small library, and that
# library's stripped size. Builds with the size profile (fat LTO: slow, a
# few minutes on 2 cores).
#
# Usage: bindings/scripts/bench-kotlin.sh [RUNS] [link] [message]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-100000}"
shift || true
target_dir="${CARGO_TARGET_DIR:-$root/target}"

cargo build --quiet --locked --workspace
cargo build --quiet --locked --profile release-small -p fanzha-ffi
lib="$target_dir/release-small/libfanzha_ffi.so"
stripped="$(mktemp)"
trap 'rm -f "$stripped"' EXIT
# release-small already strips symbols (strip = "symbols"); strip again to be
# sure the figure is the stripped size whatever the profile says.
strip -o "$stripped" "$lib"
echo "libfanzha_ffi.so (release-small, x86_64): $(stat -c %s "$lib") bytes as built, $(stat -c %s "$stripped") bytes stripped"

FANZHA_FFI_PROFILE=release-small FANZHA_KOTLIN_BENCH_RUNS="$runs" FANZHA_KOTLIN_BENCH_EXTRA="$*" \
  bindings/scripts/test-kotlin.sh
