#!/usr/bin/env bash
# Prints bindings/uniffi-meta.txt for the current API: the UNIFFI_META_*
# symbols of the dev build of fanzha-ffi (built first), under the file's
# header. Usage: bindings/scripts/uniffi-meta-list.sh > bindings/uniffi-meta.txt
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
cargo build --quiet --locked -p fanzha-ffi --lib >&2
grep '^#' bindings/uniffi-meta.txt
nm -D --defined-only "$target_dir/debug/libfanzha_ffi.so" | awk '$3 ~ /^UNIFFI_META_/ {print $3}' | sort
