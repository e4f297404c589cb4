"""Tiny template engine for the corpus generator (stdlib only).

A template is a string with
  [a|b|c]   one alternative picked at random (may nest, may be empty: [|x]);
  {slot}    a value from slots.SLOTS; the same slot name gives the same value
            within one message, a trailing digit ({name2}) asks for another.
"""
import argparse
import json
import os
import random
import re
import sys

from slots import SLOTS, PAIRED

_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{([a-z_0-9]+?)(\d?)\}")
NOCACHE = {"n1", "n2", "n3", "n5", "code4", "pct", "emoji", "small", "unsub", "stop"}


def fill(rng, template, cache=None):
    """Expand one template into text, with slot values drawn from rng."""
    if cache is None:
        cache = {}
    s = template
    while True:
        n = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), s)
        if n == s:
            break
        s = n

    def slot(m):
        key = m.group(1) + m.group(2)
        if key in SLOTS:
            if key in NOCACHE:
                return SLOTS[key](rng)
            m_name, m_suf = key, ""
        else:
            m_name, m_suf = m.group(1), m.group(2)
        return _get(m_name, m_suf, key)

    def _get(name, suf, key):
        if key not in cache and name in PAIRED:
            base, table = PAIRED[name]
            bkey = base + suf
            if bkey not in cache:
                cache[bkey] = SLOTS[base](rng)
            cache[key] = table.get(cache[bkey], "")
        if key not in cache:
            fn = SLOTS.get(name)
            if fn is None:
                raise KeyError("unknown slot {%s} in %r" % (name, template))
            cache[key] = fn(rng)
        return cache[key]

    for _ in range(3):  # slot values may themselves hold slots
        n = _SLOT.sub(slot, s)
        if n == s:
            break
        s = n
    # tidy what empty alternatives leave behind
    s = re.sub(r"(?<=\S) {2,}(?=\S)", " ", s)
    s = re.sub(r" +([,.!?;:])", r"\1", s)
    return s.strip(" ")


def compose(rng, parts, cache=None, joiner=""):
    """Sentence-level recombination: parts is a list of lists of templates
    (or (probability, list) tuples for optional parts); one template is
    taken from each, in order."""
    if cache is None:
        cache = {}
    out = []
    for p in parts:
        if isinstance(p, tuple):
            prob, choices = p
            if rng.random() >= prob:
                continue
        else:
            choices = p
        t = rng.choice(choices)
        if t:
            out.append(fill(rng, t, cache))
    return joiner.join(out)


def dedupe(rows):
    """Rows in order, each text once."""
    seen, out = set(), []
    for r in rows:
        if r["text"] not in seen:
            seen.add(r["text"])
            out.append(r)
    return out


def jsonl(rows):
    """Rows as JSON Lines text (UTF-8 kept as is)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def write_or_check(files, out_dir, name):
    """`--check`: exit non-zero when a file in `out_dir` differs from
    `files` (name -> text); otherwise write them."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if args.check:
        bad = [k for k, v in files.items() if open(os.path.join(out_dir, k), encoding="utf-8").read() != v]
        if bad:
            sys.exit("differs: " + ", ".join(bad))
        print("%s/ matches the generator" % name)
        return
    os.makedirs(out_dir, exist_ok=True)
    for k, v in files.items():
        with open(os.path.join(out_dir, k), "w", encoding="utf-8") as f:
            f.write(v)
        print("%-16s %5d lines" % (k, v.count("\n")))


def expand(rng, table, n_each):
    """`n_each` filled rows per (label, template) of `table`, in order."""
    rows = []
    for label, t in table:
        for _ in range(n_each):
            rows.append({"label": label, "sender": None, "text": fill(rng, t)})
    return rows


def fresh_split(seed, zh_fraud, en_fraud, zh_benign, en_benign, each):
    """The three files of a `freshN/` split: Chinese fraud, Chinese ordinary,
    English both. `each` gives how many rows per template, in that order of
    tables; rows are deduplicated and shuffled with `seed`."""
    rng = random.Random(seed)
    n_zf, n_ef, n_zb, n_eb = each
    zh_f = dedupe(expand(rng, zh_fraud, n_zf))
    en_f = dedupe(expand(rng, en_fraud, n_ef))
    zh_b = dedupe(expand(rng, [("benign", t) for t in zh_benign], n_zb))
    en_b = dedupe(expand(rng, [("benign", t) for t in en_benign], n_eb))
    for rows in (zh_f, en_f, zh_b, en_b):
        rng.shuffle(rows)
    files = {"fraud_zh.jsonl": zh_f, "benign_zh.jsonl": zh_b, "en.jsonl": en_f + en_b}
    return {k: jsonl(v) for k, v in files.items()}
