"""Flagged shares of an IDN spoof set (lines {"host", "label": "spoof"|"safe", "rule"[, "form"]})
through `fanzha scan --kind link`: by label, form and rule. Flagged: suspicious or dangerous, a spoof
reason, or refused; "by level alone" counts suspicious/dangerous/refused only.

    python3 tests/corpus/links/measure_spoof.py target/release/fanzha tests/corpus/links/spoof_fresh.jsonl [-v]
"""
import json, subprocess, sys, collections
F = sys.argv[1]; path = sys.argv[2]
SPOOF = {"link.whole_script","link.mixed_script","link.foreign_digits","link.invisible_marks","link.unusual_characters","link.lookalike_domain","link.homograph","link.mixed_orthography"}
rows = [json.loads(l) for l in open(path)]
out = subprocess.run([F, 'scan', '--kind', 'link'], input='\n'.join(r['host'] for r in rows), capture_output=True, text=True).stdout.splitlines()
assert len(out) == len(rows), (len(out), len(rows))
tot = collections.Counter(); hit = collections.Counter(); misses = []
for r, o in zip(rows, out):
    d = json.loads(o)
    if 'error' in d or d.get('level') is None:
        f = True
    else:
        f = d['level'] in ('suspicious', 'dangerous') or any(x['code'] in SPOOF for x in d['reasons'])
    lvl = 'error' in d or d.get('level') in ('suspicious','dangerous')
    for key in [(r['label'], 'all'), (r['label'], r.get('form', 'unicode')), (r['label'], r['rule'])]:
        tot[key] += 1; hit[key] += f
        tot[key + ('level',)] += 1; hit[key + ('level',)] += lvl
    if f != (r['label'] == 'spoof'):
        misses.append((r['label'], r['rule'], r.get('form', 'unicode'), r['host'], d.get('level'), [x['code'] for x in d.get('reasons', [])]))
for k in sorted(k for k in tot if len(k) == 2):
    print(f"{k[0]:6} {k[1]:32} flagged {hit[k]}/{tot[k]} = {100*hit[k]/tot[k]:.1f} %  (by level alone {100*hit[k+('level',)]/tot[k]:.1f} %)")
if '-v' in sys.argv:
    for m in misses: print(m)
