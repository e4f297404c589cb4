#!/usr/bin/env bash
# Runs every test of the project. Installs what it needs when missing.
# Usage: ./tests/run.sh            (what CI runs through .ci/run)
# Fails (non-zero exit) as soon as any suite fails.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo test (workspace: unit, integration, doc tests)"
cargo test --workspace --locked

echo "== cargo clippy"
if cargo clippy --version >/dev/null 2>&1; then
  cargo clippy --workspace --all-targets --locked -- -D warnings
else
  echo "clippy not installed; skipped"
fi

# Further suites (CLI contract, Kotlin bindings, …): each script in
# tests/run.d runs one and exits non-zero on failure.
for suite in tests/run.d/*.sh; do
  [ -e "$suite" ] || continue
  echo "== $suite"
  bash "$suite"
done

echo "== all tests passed"
