#!/usr/bin/env python3
"""Writes the benign sets for the default link model (see train_default.sh):

    python3 default_sets.py REPO_ROOT WORK_DIR

WORK_DIR/benign_train.jsonl: half of the protected domains and of the
project sites (by a hash of the text), every private-section PSL domain,
the real benign sets twice (they are few beside the generated ones).
WORK_DIR/benign_calib.jsonl: a quarter of each, never trained on, for
`fanzha link calibrate-model`. WORK_DIR/top_eval.jsonl,
WORK_DIR/projects_eval.jsonl: the last quarter, neither trained nor
calibrated on. Deterministic."""
import hashlib, json, os, sys

root, work = sys.argv[1], sys.argv[2]

def part(text):
    """0: evaluation, 1: calibration, 2-3: training."""
    return hashlib.sha256(text.encode()).digest()[0] % 4

def lines(path):
    with open(path, encoding="utf-8") as f:
        for l in f:
            l = l.split("#")[0].strip()
            if l:
                yield l

top = sorted(set(lines(os.path.join(root, "core/data/protected_domains.txt"))))
projects = [json.loads(l)["url"] for l in lines(os.path.join(root, "tests/corpus/links/projects.jsonl"))]
psl, private = [], False
for l in open(os.path.join(root, "psl/data/public_suffix_list.dat"), encoding="utf-8"):
    if "BEGIN PRIVATE DOMAINS" in l:
        private = True
    l = l.strip()
    if private and l and not l.startswith("//"):
        psl.append(l.lstrip("*.!"))
psl = sorted(set(psl))

train, calib, top_eval, proj_eval = [], [], [], []
for t in top:
    [top_eval, calib, train, train][part(t)].append(t)
for p in projects:
    [proj_eval, calib, train, train][part(p)].append(p)
train_all = train * 2 + psl

def write(name, urls):
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        for u in urls:
            f.write(json.dumps({"label": "benign", "url": u}) + "\n")

write("benign_train.jsonl", train_all)
write("benign_calib.jsonl", calib)
write("top_eval.jsonl", top_eval)
write("projects_eval.jsonl", proj_eval)
print("benign train %d (top+projects %d twice, PSL private %d); calibration %d; held out: top %d, projects %d"
      % (len(train_all), len(train), len(psl), len(calib), len(top_eval), len(proj_eval)), file=sys.stderr)
