#!/usr/bin/env bash
# The generated corpora (tests/corpus/train incl. marketing, everyday and scripts,
# conversations, fresh4 to fresh9, the link sets train, train2, fresh2 to fresh5
# and spoof_fresh)
# match their generators: a template change without regenerating (or a
# hand edit of a generated file) fails here. Python 3 stdlib only.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v python3 >/dev/null 2>&1; then
  echo "python3 not installed; corpus generator check skipped"
  exit 0
fi
python3 tests/corpus/gen/generate.py --check
python3 tests/corpus/gen/marketing.py --check
python3 tests/corpus/gen/fresh4.py --check
python3 tests/corpus/gen/fresh5.py --check
python3 tests/corpus/gen/fresh6.py --check
python3 tests/corpus/gen/fresh7.py --check
python3 tests/corpus/gen/fresh8.py --check
python3 tests/corpus/gen/fresh9.py --check
python3 tests/corpus/gen/everyday.py --check
python3 tests/corpus/gen/scripts.py --check
python3 tests/corpus/gen/conversations_fresh.py --check
python3 tests/corpus/links/generate_links.py --check
python3 tests/corpus/links/generate_train2.py --check
python3 tests/corpus/links/generate_fresh2.py --check
python3 tests/corpus/links/generate_fresh3.py --check
python3 tests/corpus/links/generate_fresh4.py --check
# (this generator writes to standard output: compared with the file)
python3 tests/corpus/links/generate_spoof_fresh.py | cmp - tests/corpus/links/spoof_fresh.jsonl
echo "spoof_fresh.jsonl matches the generator"
python3 tests/corpus/links/generate_fresh5.py --check
