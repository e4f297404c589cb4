#!/usr/bin/env bash
# Issue 18's speed line against the code as it was when the issue was
# filed: the same `compare` bench source (perf/benches/sides/number.rs is
# unchanged since), built once from the last commit before the compact
# format (FILING, default 1ea5b0c) and once from this checkout, run
# alternately ROUNDS times on the same machine, one after the other.
#
#   bash perf/scripts/lookup-vs-filing.sh [ROUNDS]      # default 2
#
# Prints, per round, the number lookup alone (`BlockIndex::lookup`, one
# query in ten listed, medians of individually timed calls) and the whole
# number check (`Guard::check_number`) of each build at 1 M and 10 M, then
# the ratios the issue asks for: this checkout at 10 M over the filing
# commit at 1 M. Needs the git history (a shallow clone lacks FILING).
#
# Stricter, and not what this script measures: the compact bench's
# "today's index before the filter" is a copy of the old in-memory set
# alone, without the old lookup path around it (`cargo bench -p
# fanzha-core --bench compact -- --bench --size 1000000 --size 10000000`).
set -euo pipefail

ROUNDS="${1:-2}"
FILING="${FILING:-1ea5b0c}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${ROOT}/target/filing-${FILING}"
OUT="${ROOT}/target/lookup-vs-filing"
mkdir -p "$OUT"

if ! git -C "$ROOT" cat-file -e "${FILING}^{commit}" 2>/dev/null; then
    echo "commit ${FILING} is not in this checkout's history (a shallow clone?)" >&2
    exit 2
fi
if [ ! -d "$WORK/.git" ] && [ ! -f "$WORK/.git" ]; then
    git -C "$ROOT" worktree add --force --detach "$WORK" "$FILING" >/dev/null
fi
if ! diff -q "$WORK/perf/benches/sides/number.rs" "$ROOT/perf/benches/sides/number.rs" >/dev/null ||
    ! diff -q <(sed -n '/^pub fn timings/,/^}/p' "$WORK/perf/benches/compare.rs") \
        <(sed -n '/^pub fn timings/,/^}/p' "$ROOT/perf/benches/compare.rs") >/dev/null; then
    echo "the number bench or its timer differ between ${FILING} and this checkout: not comparable" >&2
    exit 2
fi

bench_bin() { # dir target-dir
    (cd "$1" && CARGO_TARGET_DIR="$2" cargo bench -p fanzha-perf --bench compare --no-run \
        --message-format=json 2>/dev/null) |
        python3 -c 'import sys, json
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "compare" and m.get("executable"):
        print(m["executable"])' | tail -1
}
echo "building ${FILING}'s compare bench (once) and this checkout's" >&2
OLD_BIN="$(bench_bin "$WORK" "$WORK/target")"
NEW_BIN="$(bench_bin "$ROOT" "$ROOT/target")"
[ -x "$OLD_BIN" ] && [ -x "$NEW_BIN" ] || { echo "a bench did not build" >&2; exit 1; }

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$ROUNDS"); do
    "$OLD_BIN" --only number >"$OUT/filing.$r.jsonl" 2>/dev/null
    "$NEW_BIN" --only number >"$OUT/now.$r.jsonl" 2>/dev/null
    python3 - "$OUT/filing.$r.jsonl" "$OUT/now.$r.jsonl" "$r" "$FILING" <<'PY'
import json, sys
def load(path):
    out = {}
    for line in open(path):
        d = json.loads(line)
        if d["comparison"] in ("number_lookup_vs_hashset", "number_check_vs_hashset"):
            out[(d["comparison"].split("_")[1], d["entries"])] = d
    return out
old, new, r, filing = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3], sys.argv[4]
for what in ("lookup", "check"):
    for n in (1_000_000, 10_000_000):
        o, w = old[(what, n)], new[(what, n)]
        print(f"round {r} {what:6} {n:>10,}: {filing} median {o['ours_median_ns']:>7.0f} ns "
              f"(mean {o['ours_mean_ns']:.0f}), now median {w['ours_median_ns']:>7.0f} ns "
              f"(mean {w['ours_mean_ns']:.0f})")
for what in ("lookup", "check"):
    o, w = old[(what, 1_000_000)], new[(what, 10_000_000)]
    print(f"round {r} {what} median, now at 10 M / {filing} at 1 M: "
          f"{w['ours_median_ns']:.0f} / {o['ours_median_ns']:.0f} ns = "
          f"{w['ours_median_ns'] / o['ours_median_ns']:.2f}")
PY
done
