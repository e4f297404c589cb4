#!/usr/bin/env bash
# Installs the npm package eth-phishing-detect (MetaMask; DBAD licence) into
# a temporary directory — never into the repository — and converts its
# config into link-model training lines:
#
#   bash tests/corpus/links/eth_phishing_detect.sh [OUT.jsonl]
#
# Default output: /tmp/fanzha-eth-phishing/eth.jsonl. Blocklisted domains
# become {"label":"phishing","url":"<domain>"}; allowlisted and fuzzylist
# (protected) domains become "benign". Do not commit the output.
set -euo pipefail
dir="${FANZHA_ETH_DIR:-/tmp/fanzha-eth-phishing}"
out="${1:-$dir/eth.jsonl}"
mkdir -p "$dir"
if [ ! -d "$dir/node_modules/eth-phishing-detect" ]; then
  npm install --prefix "$dir" --no-save --no-audit --no-fund eth-phishing-detect >&2
fi
python3 "$(dirname "$0")/eth_phishing_detect.py" "$dir/node_modules/eth-phishing-detect" "$out"
