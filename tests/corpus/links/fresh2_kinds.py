#!/usr/bin/env python3
"""Flagged share of `fresh2.jsonl`'s benign lines per category (top sites
and brands' own subdomains, CDN hosts, project and personal sites on
shared hosting, small businesses and the rest), told apart by host from
`generate_fresh2.py`'s own lists (fresh2 lines carry no `kind`).

    python3 tests/corpus/links/fresh2_kinds.py FANZHA [scan flags ...]
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate_fresh2 as g  # noqa: E402


def host_of(url):
    return re.sub(r"^[a-z]+://", "", url).split("/")[0].split(":")[0].lower()


def kind(host):
    tops = set(g.TOP) | set(g.REAL_SUBS)
    if host in tops or any(host == p + t for t in g.TOP for p in ("www.", "m.", "en.", "jp.", "cn.", "help.", "support.", "about.")):
        return "top"
    if any(host.endswith("." + s) for s in g.SHARED):
        return "project"
    cdn = [re.escape(s).replace(r"\{h13\}", "[0-9a-z]+").replace(r"\{h8\}", "[0-9a-f]+").replace(r"\{h6\}", "[0-9a-f]+")
           .replace(r"\{n\}", "[0-9]+").replace(r"\{w\}", "[a-z0-9]+") for s in g.CDN_SHAPES]
    if any(re.fullmatch(c, host) for c in cdn):
        return "cdn"
    return "business"


def main():
    fanzha, extra = sys.argv[1], sys.argv[2:]
    rows = [json.loads(l) for l in open(os.path.join(HERE, "fresh2.jsonl"), encoding="utf-8")]
    rows = [r for r in rows if r["label"] == "benign"]
    out = subprocess.run([fanzha, "scan", "--kind", "link", *extra], input="".join(r["url"] + "\n" for r in rows).encode(),
                         capture_output=True, check=False).stdout.decode().splitlines()
    stats = {}
    for r, o in zip(rows, out):
        k = kind(host_of(r["url"]))
        s = stats.setdefault(k, [0, 0])
        s[1] += 1
        s[0] += json.loads(o).get("level") in ("suspicious", "dangerous")
    for k, (f, n) in sorted(stats.items()):
        print(f"fresh2 benign/{k}: {f}/{n} flagged ({100 * f / n:.1f} %)")


if __name__ == "__main__":
    main()
