#!/usr/bin/env python3
"""Split corpus files in two halves by the MD5 of each text (even → A, odd
→ B), the shape of "train on half of a set, test on the other half".

    python3 tests/corpus/tools/half_split.py OUT_DIR FILE.jsonl...

writes OUT_DIR/a.jsonl and OUT_DIR/b.jsonl. Stdlib only.
"""
import hashlib
import os
import sys


def main():
    out, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "a.jsonl"), "w", encoding="utf-8") as a, \
            open(os.path.join(out, "b.jsonl"), "w", encoding="utf-8") as b:
        for p in files:
            with open(p, encoding="utf-8") as f:
                for line in f:
                    if not line.strip():
                        continue
                    import json
                    t = json.loads(line)["text"]
                    (b if int(hashlib.md5(t.encode()).hexdigest(), 16) % 2 else a).write(line)


if __name__ == "__main__":
    main()
