#!/usr/bin/env python3
"""Measure the message check on corpus splits through `fanzha scan`.

    python3 tests/corpus/tools/measure.py [--fanzha target/release/fanzha] \
        [--model M | --no-model] FILE.jsonl...

One `scan --kind message` line per message (newlines inside a message
replaced by spaces; no sender, as scan has none). Flagged = `suspicious` or
`dangerous`. Prints recall, type right (over all fraud) and ordinary flagged,
for Chinese and English apart (a message is Chinese when at least a quarter
of its characters, or 8 of them, are CJK), plus the most frequent reason
codes among false alarms. Stdlib only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def lang(text):
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return "zh" if cjk * 4 >= len(text) or cjk >= 8 else "en"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fanzha", default=os.path.join(ROOT, "target/release/fanzha"))
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--model")
    g.add_argument("--no-model", action="store_true")
    ap.add_argument("--fp-codes", type=int, default=8, help="top codes among false alarms")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    rows = []
    for p in a.files:
        with open(p, encoding="utf-8") as f:
            rows += [json.loads(l) for l in f if l.strip()]
    cmd = [a.fanzha, "scan", "--kind", "message", "--lang", "en"]
    if a.model:
        cmd += ["--model", a.model]
    if a.no_model:
        cmd += ["--no-model"]
    inp = "".join(" ".join(r["text"].splitlines()) + "\n" for r in rows)
    out = subprocess.run(cmd, input=inp, capture_output=True, text=True, check=True).stdout
    verdicts = [json.loads(l) for l in out.splitlines()]
    assert len(verdicts) == len(rows), (len(verdicts), len(rows))
    stats = collections.defaultdict(lambda: collections.Counter())
    fp_codes = collections.defaultdict(collections.Counter)
    for r, v in zip(rows, verdicts):
        lg = lang(r["text"])
        s = stats[lg]
        flagged = v.get("level") in ("suspicious", "dangerous")
        if r["label"] == "benign":
            s["benign"] += 1
            if flagged:
                s["fp"] += 1
                for reason in v.get("reasons", []):
                    if reason["weight"] > 0:
                        fp_codes[lg][reason["code"]] += 1
        else:
            s["fraud"] += 1
            s["hit"] += flagged
            s["typed"] += flagged and v.get("fraud_type") == r["label"]
    report = {}
    for lg, s in sorted(stats.items()):
        report[lg] = {
            "fraud": s["fraud"],
            "recall": round(s["hit"] / max(1, s["fraud"]), 4),
            "type_right": round(s["typed"] / max(1, s["fraud"]), 4),
            "benign": s["benign"],
            "fp": round(s["fp"] / max(1, s["benign"]), 4),
            "fp_codes": dict(fp_codes[lg].most_common(a.fp_codes)),
        }
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.exit(main())
