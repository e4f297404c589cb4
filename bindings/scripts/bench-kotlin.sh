#!/usr/bin/env bash
# The figures for the report: a check called from Kotlin (median after
# warm-up, through JNA) against the release-small library, and that
# library's stripped size. Builds with the size profile (fat LTO: slow, a
# few minutes on 2 cores).
#
# First the Rust figures of the same checks (bindings/examples/bench_calls.rs,
# same profile, same messages), then the Kotlin bench
# (bindings/tests/kotlin/bench/Bench.kt): single calls, the pieces a call is
# made of, and batch calls. The messages are this project's corpus
# (tests/corpus/*/*.jsonl), written to a "sender<TAB>text" file for both.
#
# Usage: bindings/scripts/bench-kotlin.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-100000}"
shift || true
target_dir="${CARGO_TARGET_DIR:-$root/target}"

cargo build --quiet --locked --workspace
cargo build --quiet --locked --profile release-small -p fanzha-ffi --example bench_calls
# The shipped library, built last (the example's build writes the same file):
# the cdylib alone, as build-android.sh builds it (README, "Library size").
cargo rustc --quiet --locked --profile release-small -p fanzha-ffi --lib --crate-type cdylib
lib="$target_dir/release-small/libfanzha_ffi.so"
stripped="$(mktemp)"
trap 'rm -f "$stripped"' EXIT
# release-small already strips symbols (strip = "symbols"); strip again to be
# sure the figure is the stripped size whatever the profile says.
strip -o "$stripped" "$lib"
echo "libfanzha_ffi.so (release-small, x86_64): $(stat -c %s "$lib") bytes as built, $(stat -c %s "$stripped") bytes stripped"

messages="$target_dir/kotlin-bench-messages.tsv"
python3 - "$root/tests/corpus" "$messages" <<'PY'
import json, pathlib, sys
out = []
for f in sorted(pathlib.Path(sys.argv[1]).glob("*/*.jsonl")):
    for line in f.read_text(encoding="utf-8").splitlines():
        try:
            v = json.loads(line)
        except ValueError:
            continue
        text = v.get("text")
        if isinstance(text, str) and text:
            clean = lambda s: " ".join((s or "").split("\t")).replace("\n", " ").replace("\r", " ")
            out.append(clean(v.get("sender")) + "\t" + clean(text))
pathlib.Path(sys.argv[2]).write_text("\n".join(out) + "\n", encoding="utf-8")
PY
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
"$target_dir/release-small/examples/bench_calls" "$runs" "$messages"

FANZHA_FFI_PROFILE=release-small FANZHA_KOTLIN_BENCH_RUNS="$runs" FANZHA_BENCH_MESSAGES="$messages" \
  bindings/scripts/test-kotlin.sh
