#!/usr/bin/env python3
"""Convert an installed eth-phishing-detect package's config into JSONL for
`fanzha model train --kind link`:

    python3 eth_phishing_detect.py PACKAGE_DIR OUT.jsonl

Reads `src/config.json` (or the first `config.json` in the package), with
either the legacy keys (blacklist / whitelist / fuzzylist) or the newer
ones (blocklist / allowlist / fuzzylist). Phishing: the block list; benign:
the allow list and the fuzzylist (the protected, genuine domains). A domain
on both sides is dropped. Output is sorted, so it is deterministic for a
given package version; the counts are printed.
"""
import json
import os
import sys


def find_config(pkg):
    preferred = os.path.join(pkg, "src", "config.json")
    if os.path.exists(preferred):
        return preferred
    for root, _dirs, files in os.walk(pkg):
        if "node_modules" in root:
            continue
        if "config.json" in files:
            return os.path.join(root, "config.json")
    raise SystemExit("no config.json under " + pkg)


def clean(d):
    d = d.strip().lower().rstrip(".")
    if d.startswith("*."):
        d = d[2:]
    return d


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    pkg, out = sys.argv[1], sys.argv[2]
    path = find_config(pkg)
    with open(path, encoding="utf-8") as f:
        cfg = json.load(f)
    block = {clean(d) for d in cfg.get("blacklist", []) + cfg.get("blocklist", []) if d.strip()}
    allow = {clean(d) for d in cfg.get("whitelist", []) + cfg.get("allowlist", []) + cfg.get("fuzzylist", []) if d.strip()}
    both = block & allow
    block -= both
    allow -= both
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for d in sorted(block):
            f.write(json.dumps({"label": "phishing", "url": d}) + "\n")
        for d in sorted(allow):
            f.write(json.dumps({"label": "benign", "url": d}) + "\n")
    version = ""
    pj = os.path.join(pkg, "package.json")
    if os.path.exists(pj):
        with open(pj, encoding="utf-8") as f:
            version = json.load(f).get("version", "")
    print("eth-phishing-detect %s (%s): %d phishing, %d benign, %d on both lists dropped -> %s" % (version, path, len(block), len(allow), len(both), out))


if __name__ == "__main__":
    main()
