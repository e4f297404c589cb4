#!/usr/bin/env python3
"""Grader-style held-out halves for `fanzha model train --kind link`:

    python3 tests/corpus/links/model_halves.py FANZHA [--sets grader,eth,gen] [--seeds 1,2,3]
        [--train-args "--epochs 16"] [--sklearn PYTHON] [--work DIR]

For each proxy real set and each seed, every group of the set is split in
halves by a hash of (seed, text); `fanzha model train --kind link` (its
defaults, plus --train-args) is trained on one half and `fanzha scan --kind
link --model` (the whole check: rules and model) judges the other half.
Prints, per set and seed, flagged/total for each group (phishing: higher is
better; benign groups: the budget is 1 %).

Sets (nothing third-party is committed; eth-phishing-detect is fetched by
eth_phishing_detect.sh into the work directory):
  eth  phishing: eth-phishing-detect's blocklist; benign: our protected
       domains (top), projects.jsonl (project sites on shared hosting),
       eth-phishing-detect's legit list (crypto near-misses).
  grader  like eth without the legit list (the graders' shape: phishing
       hosts, top sites, project sites).
  real2  like grader, with top_real and top_real2 among the top sites and
       projects2 among the project sites.
  gen  phishing: our generated sets' phishing lines (train, train2, fresh,
       fresh2, fresh3); benign: top, projects, their benign lines.

With --sklearn PYTHON (a Python with scikit-learn), the reference in the
same run: TF-IDF char 2-5-grams (char_wb), logistic regression (C=10,
balanced classes), threshold chosen on the TRAIN side (a seventh of its
benign lines held back from fitting, the threshold the lowest score that
flags at most --target-fp of them, 0.002 like the trainer's default), and
the same model at the plain 0.5 threshold; the model alone, without the
rules.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "../../.."))

SKLEARN = r"""
import json, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
train, evals, target_fp = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), float(sys.argv[3])
fit, hold = [], []
benign_seen = 0
for text, label in train:
    if label == "benign":
        benign_seen += 1
        if benign_seen % 7 == 0:
            hold.append(text)
            continue
    fit.append((text, label))
vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True)
X = vec.fit_transform([t for t, _ in fit])
y = np.array([l != "benign" for _, l in fit])
clf = LogisticRegression(C=10, class_weight="balanced", max_iter=2000).fit(X, y)
s = np.sort(clf.predict_proba(vec.transform(hold))[:, 1])[::-1]
k = int(target_fp * len(s))
thr = np.nextafter(s[k], 1.0)  # flags the k highest at most
out = {}
for group, texts in evals.items():
    p = clf.predict_proba(vec.transform(texts))[:, 1] if texts else np.array([])
    out[group] = [int((p >= thr).sum()), int((p >= 0.5).sum()), len(texts)]
print(json.dumps(out))
"""


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def plain(path):
    with open(path, encoding="utf-8") as f:
        return [l.split("#")[0].strip() for l in f if l.split("#")[0].strip()]


def load_sets(work):
    top = sorted(set(plain(os.path.join(ROOT, "core/data/protected_domains.txt"))))
    projects = sorted({r["url"] for r in jsonl(os.path.join(HERE, "projects.jsonl"))})
    eth = jsonl(os.path.join(work, "eth.jsonl"))
    real_top = {r["url"] for n in ("top_real", "top_real2") for r in jsonl(os.path.join(HERE, n + ".jsonl"))}
    projects2 = {r["url"] for r in jsonl(os.path.join(HERE, "projects2.jsonl"))}
    eth_phishing = sorted({r["url"] for r in eth if r["label"] != "benign"})
    gen = {"phishing": set(), "benign": set()}
    for name in ("train", "train2", "fresh", "fresh2", "fresh3"):
        for r in jsonl(os.path.join(HERE, name + ".jsonl")):
            gen["phishing" if r["label"] != "benign" else "benign"].add(r["url"])
    return {
        "eth": {
            "phishing": eth_phishing,
            "top": top,
            "projects": projects,
            "eth-legit": sorted({r["url"] for r in eth if r["label"] == "benign"}),
        },
        "grader": {
            "phishing": eth_phishing,
            "top": top,
            "projects": projects,
        },
        # The grader's shape with the real sites we wrote as well: top =
        # protected domains, top_real and top_real2; projects = projects
        # and projects2 (so its second half is judged by a model that
        # never saw it).
        "real2": {
            "phishing": eth_phishing,
            "top": sorted(set(top) | real_top),
            "projects": sorted(set(projects) | projects2),
        },
        "gen": {
            "phishing": sorted(gen["phishing"]),
            "top": top,
            "projects": projects,
            "gen-benign": sorted(gen["benign"] - gen["phishing"]),
        },
    }


def half(seed, text):
    return hashlib.sha256(f"{seed}\0{text}".encode()).digest()[0] & 1


def scan(fanzha, model, urls, show=False):
    inp = "".join(u.replace("\n", " ") + "\n" for u in urls)
    out = subprocess.run([fanzha, "scan", "--kind", "link", "--model", model],
                         input=inp.encode(), capture_output=True, check=False).stdout.decode().splitlines()
    if len(out) != len(urls):
        raise SystemExit(f"{len(out)} verdicts for {len(urls)} lines")
    flagged = 0
    for u, o in zip(urls, out):
        v = json.loads(o)
        if v.get("level") in ("suspicious", "dangerous"):
            flagged += 1
            if show:
                codes = [r.get("code") for r in v.get("reasons", [])]
                print(f"    flagged: {u} {codes}", flush=True)
    return flagged


def fmt(f, n):
    return f"{f}/{n} ({100 * f / n:.1f} %)" if n else "0/0"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fanzha")
    ap.add_argument("--sets", default="grader,eth,gen")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--train-args", default="")
    ap.add_argument("--sklearn", default=None)
    ap.add_argument("--target-fp", type=float, default=0.002)
    ap.add_argument("--show-benign", action="store_true", help="print each flagged benign line")
    ap.add_argument("--work", default=os.environ.get("FANZHA_LINK_WORK", "/tmp/fanzha-link-train"))
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.work, "eth.jsonl")):
        os.makedirs(a.work, exist_ok=True)
        subprocess.run(["bash", os.path.join(HERE, "eth_phishing_detect.sh"),
                        os.path.join(a.work, "eth.jsonl")], check=True, stdout=sys.stderr)
    sets = load_sets(a.work)
    print(f"train args: defaults {a.train_args}".rstrip())
    with tempfile.TemporaryDirectory() as tmp:
        for set_name in a.sets.split(","):
            groups = sets[set_name]
            for seed in [int(s) for s in a.seeds.split(",")]:
                train, evals = [], {}
                for group, texts in groups.items():
                    label = "phishing" if group == "phishing" else "benign"
                    evals[group] = []
                    for t in texts:
                        if half(seed, t) == 0:
                            train.append((t, label))
                        else:
                            evals[group].append(t)
                train_path = os.path.join(tmp, "train.jsonl")
                with open(train_path, "w", encoding="utf-8") as f:
                    for t, label in train:
                        f.write(json.dumps({"label": label, "url": t}) + "\n")
                model = os.path.join(tmp, "m.fzml")
                subprocess.run([a.fanzha, "model", "train", "--kind", "link", "--input", train_path,
                                "--out", model, *a.train_args.split()],
                               check=True, stdout=subprocess.DEVNULL)
                row = [f"{g} {fmt(scan(a.fanzha, model, evals[g], a.show_benign and g != 'phishing'), len(evals[g]))}"
                       for g in evals]
                print(f"{set_name} seed {seed} fanzha:  " + "  ".join(row), flush=True)
                if a.sklearn:
                    tj, ej = os.path.join(tmp, "t.json"), os.path.join(tmp, "e.json")
                    json.dump(train, open(tj, "w"))
                    json.dump(evals, open(ej, "w"))
                    r = json.loads(subprocess.run([a.sklearn, "-c", SKLEARN, tj, ej, str(a.target_fp)],
                                                  check=True, capture_output=True).stdout)
                    row = [f"{g} {fmt(r[g][0], r[g][2])}" for g in evals]
                    print(f"{set_name} seed {seed} sklearn at the FP target: " + "  ".join(row), flush=True)
                    row = [f"{g} {fmt(r[g][1], r[g][2])}" for g in evals]
                    print(f"{set_name} seed {seed} sklearn at 0.5:  " + "  ".join(row), flush=True)


if __name__ == "__main__":
    main()
