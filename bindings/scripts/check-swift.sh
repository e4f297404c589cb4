#!/usr/bin/env bash
# The generated Swift is checked in (bindings/swift/), so iOS developers get
# it without a Rust toolchain and reviewers see API changes in diffs. This
# regenerates it from the current fanzha-ffi library and fails when the
# checked-in copy differs (no Swift toolchain here: this checks its form,
# not that it compiles).
#
# Usage: bindings/scripts/check-swift.sh [--update]
#   --update  rewrite the checked-in files instead of failing
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
update=0
[ "${1:-}" = "--update" ] && update=1

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bindings/scripts/generate-bindings.sh --out "$tmp" >/dev/null

# Where each generated file lives in the Swift package.
declare -A dest=(
  [Fanzha.swift]="bindings/swift/Sources/Fanzha/Fanzha.swift"
  [FanzhaFFI.h]="bindings/swift/FanzhaFFI/FanzhaFFI.h"
  [FanzhaFFI.modulemap]="bindings/swift/FanzhaFFI/module.modulemap"
)
status=0
for f in "${!dest[@]}"; do
  want="$tmp/swift/$f"
  have="${dest[$f]}"
  [ -f "$want" ] || { echo "bindgen did not produce $f" >&2; exit 1; }
  if [ "$update" = 1 ]; then
    mkdir -p "$(dirname "$have")"
    cp "$want" "$have"
  elif ! diff -u "$have" "$want" > "$tmp/$f.diff" 2>&1; then
    echo "stale: $have differs from freshly generated bindings:" >&2
    head -40 "$tmp/$f.diff" >&2
    status=1
  fi
done
if [ "$status" != 0 ]; then
  echo "run bindings/scripts/check-swift.sh --update and commit the result" >&2
  exit 1
fi
[ "$update" = 1 ] && echo "updated bindings/swift" || echo "bindings/swift is up to date"
