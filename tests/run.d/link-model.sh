#!/usr/bin/env bash
# The embedded link model (core/data/models/link.fzml) is what
# tests/corpus/links/train_default.sh trains from today's inputs: our link
# corpora, the protected-domain list, the Public Suffix List's private
# section and the pinned eth-phishing-detect package (installed with npm
# into /tmp, never into the repository). An input, trainer or calibration
# change without retraining fails here. Runs after kotlin.sh, which
# installs npm when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in npm python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is needed to reproduce the link model (tests/corpus/links/train_default.sh)" >&2
    exit 1
  fi
done
cargo build --release --locked -p fanzha-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
FANZHA_LINK_WORK="$work" bash tests/corpus/links/train_default.sh --check target/release/fanzha >/dev/null
echo "link.fzml matches a fresh training run"
