#!/usr/bin/env bash
# A short coverage-guided fuzzing run of every target in fuzz/ (libFuzzer,
# nightly Rust). Fails when any target finds a crash. Skips, saying so, when
# no nightly toolchain is installed.
#   FANZHA_FUZZ_SECONDS   seconds per target (default 20)
# The long run (and how to do it) is in the README ("Fuzzing").
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${FANZHA_FUZZ_SECONDS:-20}"
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: no nightly toolchain here; skipped (install one with rustup to run it)"
  exit 0
fi
flags="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4"
flags+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table"
flags+=" -Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
targets=(feed_parse link number message payment_json delta_apply store_open model)
(
  cd fuzz
  bins=()
  for t in "${targets[@]}"; do bins+=(--bin "$t"); done
  RUSTFLAGS="$flags" cargo +nightly build --quiet --release --target x86_64-unknown-linux-gnu "${bins[@]}"
)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seed() {
  local dir="$work/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    link) printf 'http://\x01\x80.com/' >"$dir/a"; printf 'https://www.icbc.com.cn/x?y=1' >"$dir/b"; printf 'icbc-secure-login.top/verify' >"$dir/c" ;;
    number) printf '+86 95588 0000' >"$dir/a"; printf '0086-10-1234 5678 ext 9' >"$dir/b"; printf '１３８００１３８０００' >"$dir/c" ;;
    message) printf '95588\n【公安局】您涉嫌洗钱，请将资金转入安全账户 http://a.top/x 13800138000' >"$dir/a"
             printf 'URGENT! You have won a £1000 prize. Call 09061701461 now. txt STOP' >"$dir/b" ;;
    payment_json) printf '{"account":"6222021234567890123","kind":"card","amount":"20000.00","currency":"CNY","new_payee":true}' >"$dir/a" ;;
    feed_parse) printf 'FZFEED' >"$dir/a" ;;
    # Byte 0 picks the mode (see each target's header).
    delta_apply) printf '\x01\x05\x42\x07\xff\x81\x05\x02\x09' >"$dir/a" ;;
    store_open) printf '\x01' >"$dir/a"; printf '\x01\x10\x00\x00\x01' >"$dir/b"; printf '\x02\x00\x20\x00' >"$dir/c" ;;
    model) printf '\x04' >"$dir/a"; printf '\x05\x30\x00\x01' >"$dir/b"; printf '\x02\x0c\x02' >"$dir/c" ;;
  esac
}
status=0
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "$work/artifacts/$t"
  if fuzz/target/x86_64-unknown-linux-gnu/release/"$t" "$work/corpus/$t" \
      -max_total_time="$secs" -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/$t/" \
      >"$work/$t.log" 2>&1; then
    echo "fuzz $t: $(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$work/$t.log" | tail -1), no crash"
  else
    echo "fuzz $t: FAILED" >&2
    tail -40 "$work/$t.log" >&2
    status=1
  fi
done
exit "$status"
