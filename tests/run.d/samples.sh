#!/usr/bin/env bash
# The sample apps' plain logic (android-sample/…/logic: verdict formatting,
# state holders, the call/SMS/message-filter policy, the manual test script)
# compiled with the generated Kotlin bindings and tested on a desktop JVM
# against the real fanzha-ffi library. Reuses the bindings' Kotlin harness
# (bindings/scripts/test-kotlin.sh: kotlinc, JNA, the cdylib build), whose
# sources.txt lists the sample roots; this runs only the sample suites.
# Also checks what the harness can't: logic/ stays free of Android imports,
# and the iOS app's copy of the manual test script is the Android one.
set -euo pipefail
cd "$(dirname "$0")/../.."

logic=android-sample/app/src/main/java/org/fanzha/sample/logic
if grep -rnE '^\s*import\s+(android|androidx|com\.google\.android)\.' "$logic"; then
  echo "samples: $logic must stay plain Kotlin (the JVM tests compile it): move platform code out" >&2
  exit 1
fi

script=android-sample/app/src/main/assets/manual-tests.tsv
ios_script=ios-sample/FanzhaSample/Resources/manual-tests.tsv
if ! cmp -s "$script" "$ios_script"; then
  echo "samples: $ios_script differs from $script (copy it: the two apps share one script)" >&2
  exit 1
fi

FANZHA_KOTLIN_BENCH_RUNS=0 exec bindings/scripts/test-kotlin.sh "sample-app "
