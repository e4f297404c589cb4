#!/usr/bin/env python3
"""Spoof flags on the IDN cases of Chromium's own spoof-checker test.

    python3 tests/corpus/links/measure_chromium_idn.py FANZHA \
        path/to/components/url_formatter/spoof_checks/idn_spoof_checker_unittest.cc [-v]

Reads the test file from a Chromium checkout (it is not in this repository:
we do not copy other projects' code or data), takes every `{"input",
u"unicode", kSafe|kUnsafe|kInvalid}` entry of its case tables (both sides of
its platform `#if`s; a case that depends on the IDNA mode counts as safe, the
non-transitional answer), runs the ASCII inputs through `fanzha scan --kind
link` and prints: unsafe cases flagged (suspicious or dangerous), safe cases
flagged, invalid cases flagged or refused. `-v` lists every disagreement.

Some unsafe cases are unsafe in Chromium only because their skeleton matches
a domain of Chromium's test-only top-domain list (`digklmo68.com`,
`test.net`); the README says how many of our misses are of that kind.
"""
import json
import re
import subprocess
import sys

ENTRY = re.compile(
    r'\{\s*((?:"[^"]*"\s*)+),\s*(?:nullptr|(?:u"(?:[^"\\]|\\.)*"\s*)+),\s*'
    r'(kSafe|kUnsafe|kInvalid|is_non_transitional_idna\s*\?\s*kSafe\s*:\s*kUnsafe)\s*\}'
)


def cases(text):
    out = []
    for m in ENTRY.finditer(text):
        host = "".join(re.findall(r'"([^"]*)"', m.group(1)))
        kind = m.group(2)
        label = "S" if kind.startswith("is_non") or kind == "kSafe" else kind[1]
        if host in ("", "."):
            continue  # not a host a link can carry
        out.append((host, label))
    return out


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    fanzha, path = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv[3:]
    rows = cases(open(path, encoding="utf-8").read())
    inp = "".join(h + "\n" for h, _ in rows)
    res = subprocess.run([fanzha, "scan", "--kind", "link"], input=inp,
                         capture_output=True, text=True, check=False).stdout.splitlines()
    if len(res) != len(rows):
        raise SystemExit(f"{len(res)} verdicts for {len(rows)} cases")
    tally = {"U": [0, 0], "S": [0, 0], "I": [0, 0]}
    for (host, label), line in zip(rows, res):
        v = json.loads(line)
        level = v.get("level")
        flagged = level in ("suspicious", "dangerous") or (label == "I" and level is None)
        tally[label][0] += flagged
        tally[label][1] += 1
        wrong = flagged if label == "S" else not flagged
        if verbose and wrong:
            codes = [r.get("code") for r in v.get("reasons", [])]
            print(f"{label} {host} {level} {codes}")
    for label, name in (("U", "unsafe"), ("S", "safe"), ("I", "invalid")):
        f, n = tally[label]
        print(f"{name:8} flagged {f}/{n} = {100 * f / max(n, 1):.1f} %")


if __name__ == "__main__":
    main()
