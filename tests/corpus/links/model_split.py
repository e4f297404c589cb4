#!/usr/bin/env python3
"""The link model split of issue 16 on one salted split, on data we may use.

    python3 tests/corpus/links/model_split.py FANZHA SALT [--legit-in] [TRAIN OPTIONS...]

Trains `FANZHA model train --kind link` (its defaults, plus any options
given) on one half of `model_halves.py`'s `eth` set (eth-phishing-detect's
phishing, our protected domains as top sites, `projects.jsonl`), split by
a SHA-256 of SALT + the host; `--legit-in` also trains on half of
eth-phishing-detect's legitimate list, which is otherwise only judged.
Then `FANZHA scan --kind link --model` on the other half; prints the share
flagged (suspicious or dangerous) per group. `model_halves.py` runs the
same over several sets and seeds, with the scikit-learn reference.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

from model_halves import load_sets, scan

fanzha, salt, *rest = sys.argv[1:]
legit_in = "--legit-in" in rest
extra = [a for a in rest if a != "--legit-in"]
work = os.environ.get("FANZHA_LINK_WORK", "/tmp/fanzha-link-train")
groups = load_sets(work)["eth"]
trained = {"phishing", "top", "projects"} | ({"eth-legit"} if legit_in else set())


def half(t):
    return hashlib.sha256((salt + t).encode()).digest()[0] & 1


with tempfile.TemporaryDirectory() as w:
    train, model = os.path.join(w, "train.jsonl"), os.path.join(w, "m.fzml")
    with open(train, "w", encoding="utf-8") as f:
        for g in trained:
            label = "phishing" if g == "phishing" else "benign"
            for u in groups[g]:
                if half(u) == 0:
                    f.write(json.dumps({"label": label, "url": u}) + "\n")
    subprocess.run([fanzha, "model", "train", "--kind", "link", "--input", train,
                    "--out", model] + extra, check=True, capture_output=True)
    out = []
    for g, xs in groups.items():
        test = [x for x in xs if half(x) == 1]
        k = scan(fanzha, model, test)
        out.append(f"{g} {100 * k / len(test):.2f} % ({k}/{len(test)})")
opts = " ".join(extra) or "defaults"
print(f"salt={salt} {'legit in training, ' if legit_in else ''}{opts}: " + ", ".join(out))
