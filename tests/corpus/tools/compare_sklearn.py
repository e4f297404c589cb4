#!/usr/bin/env python3
"""Compare `fanzha model train` with scikit-learn's LogisticRegression on
hashed character 1-3-grams, on the same split of our corpus, in one run.

Not part of CI. scikit-learn lives in a virtualenv outside the repository:

    python3 -m venv /tmp/skl-venv && /tmp/skl-venv/bin/pip install scikit-learn
    cargo build --release -p fanzha-cli
    /tmp/skl-venv/bin/python tests/corpus/tools/compare_sklearn.py \
        [--fanzha target/release/fanzha] [--work /tmp/fanzha-compare]

Splits (each reported separately):
  half  - every message of tests/corpus/train/ whose MD5 is even trains,
          the odd ones test (the shape of "train on half a set, test on the
          other half"); Chinese and English reported apart;
  fresh4 - train on all of tests/corpus/train/, test on tests/corpus/fresh4/.

Both learners see exactly the same training lines. Figures: recall (fraud
flagged), FP (ordinary flagged), type right (top fraud class = label, over
all fraud), at P(fraud) >= 0.5 for both, and for ours also at the model's
own calibrated threshold.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def load(paths):
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    out.append(d)
    return out


def lang(text):
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return "zh" if cjk * 4 >= len(text) or cjk >= 8 else "en"


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"label": r["label"], "text": r["text"]}, ensure_ascii=False) + "\n")


def figures(labels, p_benign, top, threshold):
    fraud = [i for i, l in enumerate(labels) if l != "benign"]
    benign = [i for i, l in enumerate(labels) if l == "benign"]
    hit = sum(1 for i in fraud if 1 - p_benign[i] >= threshold)
    fp = sum(1 for i in benign if 1 - p_benign[i] >= threshold)
    typed = sum(1 for i in fraud if top[i] == labels[i])
    return {
        "fraud": len(fraud),
        "benign": len(benign),
        "recall": round(hit / max(1, len(fraud)), 4),
        "fp": round(fp / max(1, len(benign)), 4),
        "type_right": round(typed / max(1, len(fraud)), 4),
    }


def ours(fanzha, work, train_rows, test_rows, name, extra):
    tr = os.path.join(work, f"{name}.train.jsonl")
    te = os.path.join(work, f"{name}.test.jsonl")
    model = os.path.join(work, f"{name}.fzml")
    write(tr, train_rows)
    write(te, test_rows)
    t0 = time.time()
    out = subprocess.run([fanzha, "model", "train", "--input", tr, "--out", model] + extra,
                         check=True, capture_output=True, text=True).stdout
    secs = time.time() - t0
    info = json.loads(out)
    # Per-line probabilities through `model eval --dump`.
    dump = subprocess.run([fanzha, "model", "eval", "--model", model, "--input", te, "--dump"],
                          check=True, capture_output=True, text=True).stdout
    rows = [json.loads(l) for l in dump.splitlines() if l.strip()]
    return info, secs, [r["p_benign"] for r in rows], [r["top"] for r in rows]


def sklearn_run(train_rows, test_rows, bits, c):
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = HashingVectorizer(analyzer="char", ngram_range=(1, 3), n_features=1 << bits,
                            alternate_sign=False, norm="l2", lowercase=True)
    t0 = time.time()
    X = vec.transform([r["text"] for r in train_rows])
    y = [r["label"] for r in train_rows]
    clf = LogisticRegression(C=c, max_iter=1000)
    clf.fit(X, y)
    secs = time.time() - t0
    P = clf.predict_proba(vec.transform([r["text"] for r in test_rows]))
    classes = list(clf.classes_)
    bi = classes.index("benign")
    p_benign = [p[bi] for p in P]
    top = []
    for p in P:
        best = max((j for j in range(len(classes)) if j != bi), key=lambda j: p[j])
        top.append(classes[best])
    return secs, p_benign, top


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fanzha", default=os.path.join(ROOT, "target/release/fanzha"))
    ap.add_argument("--work", default="/tmp/fanzha-compare")
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--train-args", default="", help="extra args for fanzha model train")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    tdir = os.path.join(ROOT, "tests/corpus/train")
    train = load([os.path.join(tdir, f) for f in sorted(os.listdir(tdir)) if f.endswith(".jsonl")])
    fdir = os.path.join(ROOT, "tests/corpus/fresh4")
    fresh = load([os.path.join(fdir, f) for f in sorted(os.listdir(fdir)) if f.endswith(".jsonl")])
    extra = ["--bits", str(a.bits)] + a.train_args.split()
    odd = lambda r: int(hashlib.md5(r["text"].encode()).hexdigest(), 16) % 2 == 1
    setups = [
        ("half", [r for r in train if not odd(r)], [r for r in train if odd(r)]),
        ("fresh4", train, fresh),
    ]
    report = {}
    for name, tr, te in setups:
        info, secs, pb, top = ours(a.fanzha, a.work, tr, te, name, extra)
        s_secs, s_pb, s_top = sklearn_run(tr, te, a.bits, a.C)
        labels = [r["label"] for r in te]
        for lg in ["zh", "en"]:
            idx = [i for i, r in enumerate(te) if lang(r["text"]) == lg]
            sub = lambda xs: [xs[i] for i in idx]
            report[f"{name}/{lg}"] = {
                "ours@0.5": figures(sub(labels), sub(pb), sub(top), 0.5),
                "ours@calibrated": dict(figures(sub(labels), sub(pb), sub(top), info["suspicious_at"]),
                                        threshold=round(info["suspicious_at"], 4)),
                "sklearn@0.5": figures(sub(labels), sub(s_pb), sub(s_top), 0.5),
            }
        report[f"{name}/train_seconds"] = {"ours": round(secs, 2), "sklearn": round(s_secs, 2),
                                           "train_lines": len(tr), "test_lines": len(te)}
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
