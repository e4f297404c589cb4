#!/usr/bin/env python3
"""Deterministic generator of the `train/` corpus split (Python 3 stdlib only).

    python3 tests/corpus/gen/generate.py            # writes tests/corpus/train/*.jsonl
                                                    # and tests/corpus/conversations/train.jsonl
    python3 tests/corpus/gen/generate.py --check    # regenerates in memory, fails if files differ

Every template was written for this project from public descriptions of
scams (police and anti-fraud centre warnings, news reports) and of ordinary
traffic; names, numbers, ids and fraud links are made up.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import benign_en  # noqa: E402
import benign_zh  # noqa: E402
import fraud_en  # noqa: E402
import fraud_zh  # noqa: E402
from shapes import chat, noise, pick_turns, transcript  # noqa: E402
from tmpl import compose, fill  # noqa: E402

SEED = 20261204
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train")

# Chinese fraud messages per type (before de-duplication).
ZH_FRAUD = {
    "rebate_task": 420, "fake_investment": 330, "fake_loan": 300, "impersonate_customer_service": 420,
    "impersonate_authority": 420, "fake_credit_repair": 150, "fake_shopping": 200, "impersonate_acquaintance": 330,
    "game_trading": 160, "romance_investment": 200, "fake_job": 200, "prize_lottery": 260,
    "verification_code": 160, "phishing": 360, "malware_app": 200, "other": 160,
}
EN_FRAUD = {
    "prize_lottery": 420, "phishing": 420, "impersonate_acquaintance": 110, "rebate_task": 110, "fake_investment": 90,
    "romance_investment": 80, "fake_loan": 60, "fake_job": 60, "verification_code": 60, "malware_app": 60,
    "impersonate_customer_service": 110, "impersonate_authority": 100, "fake_shopping": 80, "game_trading": 60,
    "fake_credit_repair": 50, "other": 60,
}


def zh_sender(rng, fraud):
    r = rng.random()
    if r < 0.35:
        return None
    if fraud:
        return fill(rng, rng.choice(["{mobile}", "{mobile}", "{vmobile}", "{mktsender}", "+{n2}{code6}{n3}", "{landline}"]))
    return fill(rng, "{mobile}")


def monologue(rng, turns, lang):
    """A scammer's side alone, as one long script (no link, no number in most)."""
    sep = "，" if lang == "zh" else ". "
    text = sep.join(t for s, t in turns if s == "S")
    return text + ("。" if lang == "zh" else ".")


def gen_fraud_zh(rng):
    out = []
    for ftype, n in ZH_FRAUD.items():
        sms = fraud_zh.SMS.get(ftype, [])
        parts = fraud_zh.PARTS.get(ftype)
        dlg = fraud_zh.DIALOGUES.get(ftype)
        for _ in range(n):
            r = rng.random()
            sender = zh_sender(rng, True)
            if dlg and r < 0.14:
                text = transcript(rng, pick_turns(rng, dlg, {}), "zh")
                sender = None
            elif dlg and r < 0.24:
                text = chat(rng, pick_turns(rng, dlg, {}), "zh")
                sender = None
            elif dlg and r < 0.32:
                text = monologue(rng, pick_turns(rng, dlg, {}), "zh")
                sender = None
            elif ftype in fraud_zh.NARRATIVE_ZH and r < 0.36:
                text = fill(rng, rng.choice(fraud_zh.NARRATIVE_ZH[ftype]))
                sender = None
            elif r < 0.37:
                cache = {"claim": rng.choice(fraud_zh.CASE_CLAIMS[ftype])}
                text = fill(rng, rng.choice(fraud_zh.CASE).replace("{claim}", cache["claim"]), cache)
                sender = None
            elif parts and r < 0.62:
                text = compose(rng, parts, {})
            else:
                text = fill(rng, rng.choice(sms))
            if sender is not None and not text.startswith("【") and rng.random() < 0.12:
                # spoofed or generic signatures, as scam senders use them
                text = fill(rng, "【[{bank}|{shop}|{brand}|{carrier}|{payapp}|温馨提示|通知|重要提醒|{city}{auth}]】") + text
            out.append({"label": ftype, "sender": sender, "text": noise(text, rng, "zh", True)})
    return out


def gen_fraud_en(rng):
    out = []
    for ftype, n in EN_FRAUD.items():
        sms = fraud_en.SMS[ftype]
        dlg = fraud_en.DIALOGUES.get(ftype)
        for _ in range(n):
            r = rng.random()
            sender = rng.choice([None, fill(rng, "{short}"), fill(rng, "+44{ukmob}")[0:3] + fill(rng, "{ukmob}")[1:], fill(rng, "{usphone}"), fill(rng, "{enbrand}")[:11]])
            if dlg and r < 0.18:
                text = transcript(rng, pick_turns(rng, dlg, {}), "en")
                sender = None
            elif dlg and r < 0.3:
                text = chat(rng, pick_turns(rng, dlg, {}), "en")
            else:
                text = fill(rng, rng.choice(sms))
            out.append({"label": ftype, "sender": sender, "text": noise(text, rng, "en", True)})
    return out


def pick_weighted(rng, cats):
    """One category of `cats` ((name, weight) pairs) by weight; the last one
    when the weights sum to less than the draw."""
    r = rng.random()
    acc = 0
    for cat, w in cats:
        acc += w
        if r < acc:
            break
    return cat


def gen_benign_zh(rng, n):
    out = []
    b = benign_zh
    cats = [("mkt", 0.20), ("hard", 0.12), ("notice", 0.11), ("short", 0.10), ("casual", 0.08), ("code", 0.06), ("delivery", 0.07), ("gov", 0.07), ("chat", 0.10), ("dlg", 0.06), ("dlgchat", 0.03)]
    for _ in range(n):
        cat = pick_weighted(rng, cats)
        sender = None
        if cat == "mkt":
            text = fill(rng, rng.choice(b.MARKETING))
            sender = fill(rng, "{mktsender}") if rng.random() < 0.7 else None
        elif cat == "notice":
            kind, t = rng.choice(b.NOTICES)
            cache = {}
            text = fill(rng, t, cache)
            if kind == "bank":
                sender = fill(rng, "{bankno}", cache)
            elif kind == "carrier":
                sender = fill(rng, "{carrierno}", cache)
            else:
                sender = fill(rng, "{mktsender}")
        elif cat == "code":
            text = fill(rng, rng.choice(b.CODES))
            sender = fill(rng, "{mktsender}") if rng.random() < 0.8 else None
        elif cat == "short":
            text = fill(rng, rng.choice(b.SHORT))
            sender = fill(rng, "{mktsender}") if rng.random() < 0.6 else None
        elif cat == "casual":
            text = fill(rng, rng.choice(b.CASUAL))
            sender = zh_sender(rng, False)
        elif cat == "hard":
            text = fill(rng, rng.choice(b.HARD))
            sender = fill(rng, rng.choice(["{mktsender}", "{mobile}"])) if rng.random() < 0.6 else None
        elif cat == "delivery":
            text = fill(rng, rng.choice(b.DELIVERY))
            sender = fill(rng, "{mktsender}") if rng.random() < 0.8 else None
        elif cat == "gov":
            text = fill(rng, rng.choice(b.GOV))
            sender = fill(rng, rng.choice(["{mktsender}", "12345", "{mktsender}"]))
        elif cat == "chat":
            k = rng.choice([1, 1, 1, 2, 3])
            text = rng.choice(["\n", " ", "\n"]).join(fill(rng, rng.choice(b.CHATS)) for _ in range(k)) if k > 1 else fill(rng, rng.choice(b.CHATS))
            sender = zh_sender(rng, False)
        elif cat == "dlg":
            text = transcript(rng, pick_turns(rng, rng.choice(b.DIALOGUES), {}), "zh")
        else:
            text = chat(rng, pick_turns(rng, rng.choice(b.DIALOGUES), {}), "zh")
        out.append({"label": "benign", "sender": sender, "text": noise(text, rng, "zh", False)})
    return out


def gen_benign_en(rng, n):
    out = []
    b = benign_en
    cats = [("mkt", 0.18), ("notice", 0.09), ("short", 0.08), ("code", 0.08), ("delivery", 0.09), ("appt", 0.08), ("personal", 0.19), ("slang", 0.16), ("dlg", 0.05)]
    for _ in range(n):
        cat = pick_weighted(rng, cats)
        sender = rng.choice([None, fill(rng, "{short}"), fill(rng, "{enbrand}")[:11]])
        if cat == "mkt":
            text = fill(rng, rng.choice(b.MARKETING))
        elif cat == "notice":
            text = fill(rng, rng.choice(b.NOTICES))
        elif cat == "code":
            text = fill(rng, rng.choice(b.CODES))
        elif cat == "short":
            text = fill(rng, rng.choice(b.SHORT))
        elif cat == "delivery":
            text = fill(rng, rng.choice(b.DELIVERY))
        elif cat == "appt":
            text = fill(rng, rng.choice(b.APPTS))
        elif cat == "slang":
            k = rng.choice([1, 1, 1, 2])
            text = " ".join(fill(rng, rng.choice(b.SLANG)) for _ in range(k))
            sender = fill(rng, rng.choice(["{ukmob}", "{usphone}"])) if rng.random() < 0.6 else None
        elif cat == "personal":
            k = rng.choice([1, 1, 1, 2])
            text = " ".join(fill(rng, rng.choice(b.PERSONAL)) for _ in range(k))
            sender = fill(rng, rng.choice(["{ukmob}", "{usphone}"])) if rng.random() < 0.6 else None
        else:
            turns = pick_turns(rng, rng.choice(b.DIALOGUES), {})
            text = transcript(rng, turns, "en") if rng.random() < 0.6 else chat(rng, turns, "en")
            sender = None
        out.append({"label": "benign", "sender": sender, "text": noise(text, rng, "en", False)})
    return out


def gen_conversations(rng, n_fraud, n_benign):
    """Dialogues as turns (`remote` = the caller or other party, `local` =
    the user), for the conversation check: label, lang, channel, turns."""
    import re
    out = []
    fraud = [(t, "zh", d) for t, ds in [(k, fraud_zh.DIALOGUES[k]) for k in fraud_zh.DIALOGUES] for d in [ds]]
    fraud += [(t, "en", d) for t, d in fraud_en.DIALOGUES.items()]
    benign = [("benign", "zh", d) for d in benign_zh.DIALOGUES] + [("benign", "en", d) for d in benign_en.DIALOGUES]
    for pool, n in ((fraud, n_fraud), (benign, n_benign)):
        for _ in range(n):
            label, lang, stages = rng.choice(pool)
            turns = pick_turns(rng, stages, {})
            channel = rng.choice(["call", "call", "chat"])
            rows = []
            for spk, t in turns:
                if channel == "call":
                    t = re.sub(r"[，。！？、；：“”,.!?;:]+", " ", t).strip() if lang == "zh" else re.sub(r"[,.!?;:]", "", t).lower()
                rows.append({"speaker": "remote" if spk == "S" else "local", "text": t})
            out.append({"label": label, "lang": lang, "channel": channel, "turns": rows})
    rng.shuffle(out)
    return out


def dedupe(rows):
    seen = set()
    out = []
    for row in rows:
        key = row["text"].strip()
        if key and key not in seen:
            seen.add(key)
            out.append(row)
    return out


def build():
    rng = random.Random(SEED)
    files = {
        "fraud_zh.jsonl": dedupe(gen_fraud_zh(rng)),
        "fraud_en.jsonl": dedupe(gen_fraud_en(rng)),
        "benign_zh.jsonl": dedupe(gen_benign_zh(rng, 8400)),
        "benign_en.jsonl": dedupe(gen_benign_en(rng, 4200)),
    }
    out = {k: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in v) for k, v in files.items()}
    conv, seen = [], set()
    for c in gen_conversations(rng, 1800, 1400):
        key = json.dumps(c["turns"], ensure_ascii=False)
        if key not in seen:
            seen.add(key)
            conv.append(c)
    out["../conversations/train.jsonl"] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in conv)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the checked-in files differ")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    files = build()
    if args.check:
        bad = [k for k, v in files.items() if not os.path.exists(os.path.join(args.out, k)) or open(os.path.join(args.out, k), encoding="utf-8").read() != v]
        if bad:
            sys.exit("differs from the generator: %s" % ", ".join(bad))
        print("train/ matches the generator")
        return
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(os.path.join(args.out, "..", "conversations"), exist_ok=True)
    for k, v in files.items():
        with open(os.path.join(args.out, k), "w", encoding="utf-8") as f:
            f.write(v)
        print("%-16s %6d lines" % (k, v.count("\n")))


if __name__ == "__main__":
    main()
