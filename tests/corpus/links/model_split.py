#!/usr/bin/env python3
"""The link model split of issue 16, on data we may use.

    python3 tests/corpus/links/model_split.py FANZHA SALT [--legit-in] [TRAIN OPTIONS...]

Trains `FANZHA model train --kind link` (its defaults, plus any options
given) on one half of: eth-phishing-detect's phishing hosts (from
`eth_phishing_detect.sh`, at /tmp/fanzha-link-train/eth.jsonl or
$FANZHA_ETH), our protected domains (top sites) and `projects.jsonl`
(project sites on shared hosting), split by a SHA-256 of SALT + the host.
`--legit-in` also trains on half of eth-phishing-detect's own legitimate
list (crypto names that read like its phishing). Then `FANZHA scan --kind
link --model` on the other half; prints the share flagged (suspicious or
dangerous) per group. Run from the repository's root.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

fanzha, salt, *rest = sys.argv[1:]
legit_in = "--legit-in" in rest
extra = [a for a in rest if a != "--legit-in"]
eth = os.environ.get("FANZHA_ETH", "/tmp/fanzha-link-train/eth.jsonl")


def half(t):
    return hashlib.sha256((salt + t).encode()).digest()[0] & 1


rows = [json.loads(l) for l in open(eth) if l.strip()]
groups = {
    "phishing": [r["url"] for r in rows if r["label"] == "phishing"],
    "top": [l.strip() for l in open("core/data/protected_domains.txt")
            if l.strip() and not l.startswith("#")],
    "projects": [json.loads(l).get("url") or json.loads(l).get("host")
                 for l in open("tests/corpus/links/projects.jsonl") if l.strip()],
    "eth-legit": [r["url"] for r in rows if r["label"] == "benign"],
}
benign = ["top", "projects"] + (["eth-legit"] if legit_in else [])
with tempfile.TemporaryDirectory() as w:
    train, model = os.path.join(w, "train.jsonl"), os.path.join(w, "m.fzml")
    with open(train, "w") as f:
        for g, xs in groups.items():
            if g != "phishing" and g not in benign:
                continue
            label = "phishing" if g == "phishing" else "benign"
            for u in xs:
                if half(u) == 0:
                    f.write(json.dumps({"label": label, "url": u}) + "\n")
    subprocess.run([fanzha, "model", "train", "--kind", "link", "--input", train,
                    "--out", model] + extra, check=True, capture_output=True)
    out = []
    for g, xs in groups.items():
        test = [x for x in xs if half(x) == 1]
        res = subprocess.run([fanzha, "scan", "--kind", "link", "--model", model],
                             input="\n".join(test), capture_output=True, text=True,
                             check=True).stdout.splitlines()
        k = sum(json.loads(o)["level"] in ("suspicious", "dangerous") for o in res)
        out.append(f"{g} {100 * k / len(test):.2f} % ({k}/{len(test)})")
opts = " ".join(extra) or "defaults"
print(f"salt={salt} {'legit in training, ' if legit_in else ''}{opts}: " + ", ".join(out))
