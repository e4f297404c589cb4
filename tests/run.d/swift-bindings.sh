#!/usr/bin/env bash
# The checked-in Swift bindings match what the current library generates.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec bindings/scripts/check-swift.sh
