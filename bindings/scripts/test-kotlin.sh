#!/usr/bin/env bash
# Kotlin binding tests on a desktop JVM with JNA: builds the fanzha-ffi
# cdylib, generates the Kotlin bindings (library mode, JVM-safe config),
# compiles them with every source root listed in
# bindings/tests/kotlin/sources.txt, runs every test Suite, then a short
# bench. Exits non-zero on any failure.
#
# Installs what is missing: kotlinc (npm package kotlin-compiler, into
# bindings/.tools, never globally), JNA (Debian libjna-java), a JDK.
#
# Usage: bindings/scripts/test-kotlin.sh [FILTER…]   (substring of "suite: test")
# Env:   FANZHA_FFI_PROFILE=dev|release|release-small  (default dev)
#        FANZHA_KOTLIN_BENCH_RUNS=N  (default 20000; 0 skips the bench)
#        FANZHA_BENCH_MESSAGES=FILE  (the bench's messages, "sender<TAB>text")
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

KOTLIN_VERSION=2.4.20
profile="${FANZHA_FFI_PROFILE:-dev}"
bench_runs="${FANZHA_KOTLIN_BENCH_RUNS:-20000}"
tools="$root/bindings/.tools"
kotlin_home="$tools/node_modules/kotlin-compiler"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$profile" in dev) libdir="$target_dir/debug" ;; *) libdir="$target_dir/$profile" ;; esac
work="$target_dir/kotlin-tests/$profile"

apt_install() {
  # apt-get update only when the package is not known yet.
  apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$@" >/dev/null; }
}

# --- toolchain -------------------------------------------------------------
if ! command -v java >/dev/null 2>&1; then
  echo "installing a JDK (default-jdk-headless)"
  apt_install default-jdk-headless
fi
if [ ! -f "$kotlin_home/bin/kotlinc" ] || ! grep -q "\"version\": \"$KOTLIN_VERSION\"" "$kotlin_home/package.json"; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "installing npm"
    apt_install npm
  fi
  echo "installing kotlin-compiler $KOTLIN_VERSION into bindings/.tools"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error "kotlin-compiler@$KOTLIN_VERSION" >/dev/null
fi
jna=/usr/share/java/jna.jar
if [ ! -f "$jna" ]; then
  echo "installing JNA (libjna-java)"
  apt_install libjna-java
fi
kotlinc=(bash "$kotlin_home/bin/kotlinc")
stdlib="$kotlin_home/lib/kotlin-stdlib.jar"
coroutines="$kotlin_home/lib/kotlinx-coroutines-core-jvm.jar"

# --- library and bindings --------------------------------------------------
echo "building fanzha-ffi ($profile)"
bindings/scripts/generate-bindings.sh --out "$work/generated" >/dev/null
if [ "$profile" != dev ]; then
  # The shared library as the mobile scripts build it: the cdylib alone
  # (README, "Library size").
  cargo rustc --quiet --locked --profile "$profile" -p fanzha-ffi --lib --crate-type cdylib
fi

# --- fixtures --------------------------------------------------------------
# Signed test feeds, built fresh with the CLI from made-up entries (never
# real scam data): a publisher key and an untrusted one, v1 (a number), v2
# (the number and a link), v1 signed by the untrusted key, and v1 with one
# byte flipped in its body; feed "models" v1 with a message model and v2
# with a damaged one.
fixtures="$work/fixtures"
fanzha="$target_dir/debug/fanzha"
rm -rf "$fixtures"
mkdir -p "$fixtures"
(
  cd "$fixtures"
  # The CLI reports on stderr; keep it for a failure only.
  quiet() { "$@" >>build.log 2>&1 || { cat build.log >&2; exit 1; }; }
  quiet "$fanzha" feed keygen --out publisher.key
  quiet "$fanzha" feed keygen --out untrusted.key
  printf '%s\n' '+86 170 0000 1234,impersonate_authority,90,test: made-up fake police line' > numbers.csv
  printf '%s\n' 'http://fake-bank-login.top/,phishing,90,test: made-up phishing page' > links.csv
  quiet "$fanzha" feed build --key publisher.key --id test --version 1 --numbers numbers.csv --out v1.feed
  quiet "$fanzha" feed build --key publisher.key --id test --version 2 --numbers numbers.csv --links links.csv --out v2.feed
  quiet "$fanzha" feed build --key untrusted.key --id test --version 1 --numbers numbers.csv --out untrusted.feed
  # v3..v12: full feeds that list the number beside 500 others each, so
  # every apply replaces the store's segments (the "never clear during an
  # apply" test applies them while 8 threads check the number).
  for v in 3 4 5 6 7 8 9 10 11 12; do
    { cat numbers.csv; seq 0 499 | awk -v v="$v" '{ printf "+86 171 %02d%02d %04d,fake_loan,80,test: made-up filler\n", v, 0, $1 }'; } > "numbers-$v.csv"
    quiet "$fanzha" feed build --key publisher.key --id test --version "$v" --numbers "numbers-$v.csv" --out "v$v.feed"
  done
  # A message model trained by the CLI on a few made-up lines, shipped in
  # feed "models" v1; v2 ships the same model with one byte flipped (built
  # unchecked: every reader must refuse it and keep v1's model).
  {
    printf '%s\n' '{"label":"impersonate_authority","text":"您涉嫌洗钱 请把资金转入安全账户配合调查"}'
    printf '%s\n' '{"label":"impersonate_authority","text":"我是公安局民警 你的身份证被冒用 马上转账到国家账户"}'
    printf '%s\n' '{"label":"rebate_task","text":"刷单返利 日赚300 垫付后返佣金"}'
    printf '%s\n' '{"label":"benign","text":"您的快递已到驿站 请凭取件码取件"}'
    printf '%s\n' '{"label":"benign","text":"明天下午三点开会 记得带电脑"}'
    printf '%s\n' '{"label":"benign","text":"妈妈 我周末回家吃饭"}'
  } > model-corpus.jsonl
  quiet "$fanzha" model train --input model-corpus.jsonl --out message.fzml --bits 12
  quiet "$fanzha" feed build --key publisher.key --id models --version 1 --numbers numbers.csv --model message.fzml --out model-v1.feed
  cp message.fzml damaged.fzml
  msize="$(stat -c %s damaged.fzml)"
  printf '\xde\xad\xbe\xef' | dd of=damaged.fzml bs=1 seek=$((msize / 2)) conv=notrunc status=none
  quiet "$fanzha" feed build --key publisher.key --id models --version 2 --numbers numbers.csv --model damaged.fzml --unchecked-models --out model-damaged.feed
  # Issue 20: feed "bank" lists a number unconfirmed (v1), then confirmed
  # by the publisher (v2, the CSV's `confirmed` column).
  printf '%s\n' 'number,fraud_type,severity,label,confirmed' '+86 170 0000 2020,impersonate_authority,90,test: made-up,false' > bank-1.csv
  printf '%s\n' 'number,fraud_type,severity,label,confirmed' '+86 170 0000 2020,impersonate_authority,90,test: made-up,true' > bank-2.csv
  quiet "$fanzha" feed build --key publisher.key --id bank --version 1 --numbers bank-1.csv --out bank-v1.feed
  quiet "$fanzha" feed build --key publisher.key --id bank --version 2 --numbers bank-2.csv --out bank-v2.feed
  cp v1.feed corrupt.feed
  size="$(stat -c %s corrupt.feed)"
  printf '\xde\xad\xbe\xef' | dd of=corrupt.feed bs=1 seek=$((size - 80)) conv=notrunc status=none
)

# --- sources ---------------------------------------------------------------
sources=("$work/generated/kotlin")
while IFS= read -r line || [ -n "$line" ]; do
  line="${line%%#*}"
  line="$(echo "$line" | xargs)"
  [ -n "$line" ] || continue
  if [ ! -d "$root/$line" ]; then
    echo "bindings/tests/kotlin/sources.txt lists a missing directory: $line" >&2
    exit 1
  fi
  sources+=("$root/$line")
done < bindings/tests/kotlin/sources.txt

mapfile -t files < <(find "${sources[@]}" -name '*.kt' | sort)
classes="$work/classes"
# Recompile only when a source (or the compiler) changed: kotlinc is the
# slow step.
stamp="$( (echo "$KOTLIN_VERSION"; cat "${files[@]}") | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$work/classes.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "compiling ${#files[@]} Kotlin files"
  rm -rf "$classes"
  mkdir -p "$classes"
  "${kotlinc[@]}" -nowarn -jvm-target 17 -cp "$jna:$coroutines" -d "$classes" "${files[@]}"
  echo "$stamp" > "$work/classes.stamp"
else
  echo "Kotlin sources unchanged; reusing compiled classes"
fi

# --- run -------------------------------------------------------------------
cp="$classes:$stdlib:$coroutines:$jna"
java_run=(java -Xss4m -Djna.library.path="$libdir" -Dfanzha.fixtures="$fixtures" -cp "$cp")
"${java_run[@]}" org.fanzha.testing.Runner "$classes" "$@"

if [ "$bench_runs" != 0 ] && [ $# -eq 0 ]; then
  echo "bench (library profile: $profile)"
  "${java_run[@]}" -Dfanzha.bench.messages="${FANZHA_BENCH_MESSAGES:-}" org.fanzha.bench.Bench "$bench_runs"
fi
