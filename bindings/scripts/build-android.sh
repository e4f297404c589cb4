#!/usr/bin/env bash
# Builds the Android library: fanzha-ffi for arm64-v8a, armeabi-v7a and
# x86_64 with cargo-ndk into the AAR module's jniLibs, generates the Kotlin
# bindings with the Android-only UniFFI config into the module's sources,
# and (with --aar) assembles bindings/android/build/outputs/aar/*.aar.
#
# NOT RUN on the project's machines (no Android NDK or SDK there). Written
# against cargo-ndk's documented CLI (`cargo ndk -t ABI -o DIR --platform N
# build …`) and Android's 16 KB page-size guidance; run it on a workstation
# with Android Studio's NDK (r27 or newer) before relying on it.
#
# Needs: rustup targets aarch64-linux-android armv7-linux-androideabi
#        x86_64-linux-android; `cargo install cargo-ndk`; ANDROID_NDK_HOME (or
#        an NDK where cargo-ndk finds it); for --aar, the Android SDK and
#        Gradle (bindings/android has no wrapper checked in: use `gradle` or
#        add a wrapper with `gradle wrapper`).
#
# Usage: bindings/scripts/build-android.sh [--profile release-small|release|dev] [--aar]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

profile=release-small
aar=0
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --aar) aar=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# minSdk of the AAR (bindings/android/build.gradle.kts) and the API level
# the native code links against: keep them equal.
ANDROID_API=24
module="$root/bindings/android"
jni="$module/src/main/jniLibs"

command -v cargo-ndk >/dev/null 2>&1 || { echo "cargo-ndk missing: cargo install cargo-ndk" >&2; exit 1; }
rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android >/dev/null

# 16 KB page-size support (required for apps targeting Android 15+ on
# 16 KB devices): align the ELF LOAD segments to 16 KiB. NDK r28+ does it by
# default; being explicit keeps r27 builds right too. Harmless on 4 KB
# devices. Appended to any RUSTFLAGS the caller set.
export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-Wl,-z,max-page-size=16384"

rm -rf "$jni"
mkdir -p "$jni"
# The shared library alone (`rustc --crate-type cdylib`), not the crate's
# three crate types at once: built beside the rlib, fat LTO keeps the
# Rust-level exported functions (and what they reach) alive, 0.43 MB more on
# x86_64 Linux (README, "Library size"). cargo-ndk passes the subcommand
# through to cargo (not run here: no NDK on this machine).
cargo ndk \
  -t arm64-v8a -t armeabi-v7a -t x86_64 \
  --platform "$ANDROID_API" \
  -o "$jni" \
  rustc --locked --profile "$profile" -p fanzha-ffi --lib --crate-type cdylib

for abi in arm64-v8a armeabi-v7a x86_64; do
  so="$jni/$abi/libfanzha_ffi.so"
  [ -f "$so" ] || { echo "missing $so" >&2; exit 1; }
  # Check the alignment when the NDK's readelf is at hand.
  if command -v llvm-readelf >/dev/null 2>&1; then
    if llvm-readelf -lW "$so" | awk '$1=="LOAD"{print $NF}' | grep -qv '0x4000'; then
      echo "warning: $so has LOAD segments not aligned to 16 KiB" >&2
    fi
  fi
done

# Kotlin bindings, with the Android-only config (SystemCleaner etc.).
# Library mode reads the metadata from a host (dev) build of the same crate.
gen="$(mktemp -d)"
trap 'rm -rf "$gen"' EXIT
bindings/scripts/generate-bindings.sh --android --out "$gen" >/dev/null
rm -rf "$module/src/main/kotlin/org/fanzha/fanzha_ffi.kt"
mkdir -p "$module/src/main/kotlin/org/fanzha"
cp "$gen/kotlin/org/fanzha/fanzha_ffi.kt" "$module/src/main/kotlin/org/fanzha/"
# The hand-written Kotlin shipped beside them (FastGuard: bindings/kotlin/).
cp bindings/kotlin/org/fanzha/*.kt "$module/src/main/kotlin/org/fanzha/"

echo "jniLibs: $jni"
echo "Kotlin:  $module/src/main/kotlin/org/fanzha/fanzha_ffi.kt"

if [ "$aar" = 1 ]; then
  (cd "$module" && if [ -x ./gradlew ]; then ./gradlew assembleRelease; else gradle assembleRelease; fi)
  ls "$module"/build/outputs/aar/*.aar
fi
