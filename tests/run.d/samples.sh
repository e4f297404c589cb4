#!/usr/bin/env bash
# The sample apps' plain logic (android-sample/…/logic: verdict formatting,
# state holders, the call/SMS/message-filter policy, the manual test script)
# compiled with the generated Kotlin bindings and tested on a desktop JVM
# against the real fanzha-ffi library. Reuses the bindings' Kotlin harness
# (bindings/scripts/test-kotlin.sh: kotlinc, JNA, the cdylib build), whose
# sources.txt lists the sample roots; this runs only the sample suites.
# Also checks what the harness can't: logic/ stays free of Android imports,
# and the iOS app's copies of the manual test script and of the pinned
# feed keys are the Android ones.
set -euo pipefail
cd "$(dirname "$0")/../.."

logic=android-sample/app/src/main/java/org/fanzha/sample/logic
if grep -rnE '^\s*import\s+(android|androidx|com\.google\.android)\.' "$logic"; then
  echo "samples: $logic must stay plain Kotlin (the JVM tests compile it): move platform code out" >&2
  exit 1
fi

# Files the two apps share: the manual test script and the pinned feed
# publisher keys.
for shared in manual-tests.tsv trusted-feed-keys.txt; do
  android=android-sample/app/src/main/assets/$shared
  ios=ios-sample/FanzhaSample/Resources/$shared
  if ! cmp -s "$android" "$ios"; then
    echo "samples: $ios differs from $android (copy it: the two apps share it)" >&2
    exit 1
  fi
done

FANZHA_KOTLIN_BENCH_RUNS=0 exec bindings/scripts/test-kotlin.sh "sample-app "
