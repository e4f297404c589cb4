#!/usr/bin/env bash
# Regenerates the embedded default message model (message.fzml) from
# tests/corpus/train/ with `fanzha model train`, then calibrates how it
# combines with the pattern set (`fanzha model calibrate`, the "model"
# section of core/data/patterns.json) on the trainer's held-back split.
#
#   core/data/models/regenerate.sh            # rewrite both
#   core/data/models/regenerate.sh --check    # fail if either differs
#
# Deterministic: the same corpus, options and build give the same bytes
# (single-threaded trainer, fixed seed; f32 arithmetic, so another CPU
# architecture or libm may differ in the last bits — the checked-in file
# was made on x86-64 Linux).
# Uses target/release/fanzha, always (re)built first: `model calibrate`
# measures "rules alone" with the pattern set embedded in that binary, so a
# binary older than core/data/patterns.json writes a stale figure into the
# comment (FANZHA=path overrides and skips the build; then it is yours to
# keep current).
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ -z "${FANZHA:-}" ]; then
  cargo build --release -p fanzha-cli
  FANZHA=target/release/fanzha
fi
T=tests/corpus/train
INPUTS=(--input $T/fraud_zh.jsonl --input $T/fraud_en.jsonl --input $T/benign_zh.jsonl --input $T/benign_en.jsonl
  --input $T/marketing_zh.jsonl --input $T/marketing_en.jsonl --input $T/chat_zh.jsonl --input $T/prize_fraud.jsonl --input $T/everyday.jsonl --input $T/scripts.jsonl)
OUT=core/data/models/message.fzml
PATTERNS=core/data/patterns.json
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp "$PATTERNS" "$tmp/patterns.json"
  OUT_W="$tmp/message.fzml"
  PATTERNS_W="$tmp/patterns.json"
else
  OUT_W=$OUT
  PATTERNS_W=$PATTERNS
fi
report=$("$FANZHA" model train --seed 2 --bits 18 --min-count 20 --l2 1e-5 --epochs 8 --target-fp 0.002 \
  "${INPUTS[@]}" --out "$OUT_W")
echo "$report"
sum=$(echo "$report" | sed -n 's/.*"xxh3":"\([0-9a-f]*\)".*/\1/p')
"$FANZHA" model calibrate --model "$OUT_W" "${INPUTS[@]}" --holdback-every 7 \
  --target-fp 0.001 --update "$PATTERNS_W"
if [ "${1:-}" != "--check" ]; then
  echo "$sum" > core/data/models/message.fzml.xxh3
else
  [ "$sum" = "$(cat core/data/models/message.fzml.xxh3)" ] || { echo "recorded xxh3 differs"; exit 1; }
  cmp "$OUT_W" "$OUT" || { echo "message.fzml differs from a fresh training run"; exit 1; }
  cmp "$PATTERNS_W" "$PATTERNS" || { echo "patterns.json model section differs from a fresh calibration"; exit 1; }
  echo "message model and its calibration reproduce byte for byte"
fi
