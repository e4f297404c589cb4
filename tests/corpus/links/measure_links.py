#!/usr/bin/env python3
"""Flagged share per label of a link set (`{"label", "url"}` lines), as
`fanzha scan --kind link` judges it (suspicious or dangerous counted).

    python3 tests/corpus/links/measure_links.py FANZHA FILE.jsonl [scan flags ...]

Prints one line per label: flagged/total and percent, and how many lines
were refused (an error instead of a verdict; not counted as flagged); for
sets whose lines carry a `kind` (fresh3.jsonl), one line per label and kind
too.
"""
import json
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    fanzha, path, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    # One URL a line: a URL never holds a newline, so lines stay aligned.
    inp = "".join(r["url"].replace("\n", " ") + "\n" for r in rows)
    out = subprocess.run([fanzha, "scan", "--kind", "link", *extra], input=inp.encode(),
                         capture_output=True, check=False).stdout.decode().splitlines()
    if len(out) != len(rows):
        raise SystemExit(f"{len(out)} verdicts for {len(rows)} lines")
    stats = {}
    for r, o in zip(rows, out):
        v = json.loads(o)
        keys = [r["label"]] + ([f'{r["label"]}/{r["kind"]}'] if "kind" in r else [])
        for key in keys:
            s = stats.setdefault(key, [0, 0, 0])
            s[1] += 1
            if "level" not in v:
                s[2] += 1
            elif v["level"] in ("suspicious", "dangerous"):
                s[0] += 1
    for label, (f, n, err) in sorted(stats.items()):
        print(f"{path} {label}: {f}/{n} flagged ({100 * f / n:.1f} %), {err} refused")


if __name__ == "__main__":
    main()
