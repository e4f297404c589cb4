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
# The package version is pinned (ETH_PHISHING_DETECT_VERSION overrides).
set -euo pipefail
dir="${FANZHA_ETH_DIR:-/tmp/fanzha-eth-phishing}"
out="${1:-$dir/eth.jsonl}"
mkdir -p "$dir"
# The version the embedded model was trained on (train_default.sh --check
# reproduces link.fzml byte for byte only from this one).
version="${ETH_PHISHING_DETECT_VERSION:-1.2.0}"
pkg="$dir/node_modules/eth-phishing-detect/package.json"
have=""
if [ -f "$pkg" ]; then
  have=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("version",""))' "$pkg")
fi
if [ "$have" != "$version" ]; then
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error \
    "eth-phishing-detect@$version" >&2
fi
python3 "$(dirname "$0")/eth_phishing_detect.py" "$dir/node_modules/eth-phishing-detect" "$out"
