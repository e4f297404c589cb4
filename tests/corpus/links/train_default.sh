#!/usr/bin/env bash
# Trains the embedded default link model, core/data/models/link.fzml:
#
#   bash tests/corpus/links/train_default.sh [FANZHA]
#
# Data, all of which we may use (nothing third-party is committed):
#   - tests/corpus/links/train.jsonl (ours, generated) and projects.jsonl
#     (homepages of free-software projects on shared hosting, benign);
#   - core/data/protected_domains.txt (our list of top and protected
#     domains, benign);
#   - the private section of the Public Suffix List in psl/data (MPL-2.0):
#     the platforms' own domains, benign;
#   - the npm package eth-phishing-detect (DBAD licence), installed into a
#     temporary directory by eth_phishing_detect.sh: ~13,700 phishing and
#     ~1,100 legitimate crypto domains.
# A quarter of the protected domains and project sites (by a hash of the
# text) calibrates the threshold (`fanzha link calibrate-model`: at most
# 0.3 % of them flagged by the model); another quarter is held out of
# both, for the figures in tests/corpus/links/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
fanzha="${1:-$root/target/release/fanzha}"
work="${FANZHA_LINK_WORK:-/tmp/fanzha-link-train}"
mkdir -p "$work"
bash "$here/eth_phishing_detect.sh" "$work/eth.jsonl" >&2
python3 "$here/default_sets.py" "$root" "$work"
"$fanzha" model train --kind link --bits 16 --epochs 8 \
  --input "$root/tests/corpus/links/train.jsonl" \
  --input "$work/eth.jsonl" \
  --input "$work/benign_train.jsonl" \
  --out "$work/link.fzml"
"$fanzha" link calibrate-model --model "$work/link.fzml" --benign "$work/benign_calib.jsonl" \
  --max-fp 0.003 --out "$root/core/data/models/link.fzml"
