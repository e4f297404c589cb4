#!/usr/bin/env bash
# Kotlin binding tests on a desktop JVM (JNA) against the fanzha-ffi library.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec bindings/scripts/test-kotlin.sh
