#!/usr/bin/env python3
"""Deterministic generator of `train2.jsonl`: more training lines for the
embedded link model, in shapes `train.jsonl` lacks (Python 3 stdlib only,
fixed seed).

    python3 tests/corpus/links/generate_train2.py [--check]

Uses the name pools of `generate_links.py` (never those of
`generate_fresh2.py`, whose split is only measured). Phishing shapes from
public descriptions of real phishing hosts: Japanese and Chinese smishing
hosts (card companies, couriers, tolls, carriers: `brand-jp.top`,
`brand.co.jp-xxxx.cn`), pronounceable throwaway labels and digit-laden
labels on cheap TLDs with lure words in subdomains, lure-only names and
long hex or base32 labels on free hosting, hosting providers' default
hostnames. Benign shapes that look alike: deployment and preview names
on vercel.app, netlify.app and pages.dev, CDN and cloud hostnames, small
businesses with digits and hyphens on cheap TLDs, personal sites with
digits on shared hosting.
"""
import argparse
import json
import os
import random
import string

import generate_links as g

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1717

JP = ["smbc", "mufg", "mizuho", "rakuten", "aeon", "jcb", "saison", "epos", "docomo", "softbank", "sagawa", "yamato",
      "japanpost", "jppost", "mercari", "paypay", "etc", "amazon", "orico", "nicos", "viewcard", "resona", "au", "kddi"]
CN = ["icbc", "ccb", "abc", "boc", "bocom", "psbc", "cmb", "etc", "10086", "12123", "95588", "taobao", "jd", "alipay",
      "sf", "ems", "chsi", "gjj", "shebao", "pingan", "cmbc", "spdb", "cib", "citic"]
CN_LURE = ["jf", "jfdh", "kf", "kefu", "tk", "tuikuan", "rz", "renzheng", "yz", "dl", "denglu", "sm", "butie", "lq", "dh"]
HOSTERS = ["srv{n}.hostingfarm.net", "vps{n}.cloudhost.{t}", "server-{ip}.dedicated.{t}", "{h}.static.hostco.net",
           "ip-{ip}.vps.{t}", "node{n}.webspace.{t}"]
PREVIEW = ["vercel.app", "netlify.app", "pages.dev"]


def pseudo(r, n):
    out = ""
    while len(out) < n:
        out += r.choice("bcdfghjklmnprstvwxz") + r.choice("aeiou" if r.random() < 0.55 else "bcdfghkmnprstxz")
    return out[:n]


def phishing(r):
    brand = r.choice(g.BRANDS)
    w = r.choice(g.PHISH_WORDS)
    tld = r.choice(g.ABUSE_TLDS)
    k = r.randrange(10)
    if k in (0, 1):
        b = r.choice(JP)
        host = r.choice([f"{b}-jp.{tld}", f"{b}-co-jp.{tld}", f"{b}.co.jp-{pseudo(r, 5)}.{tld}", f"{b}-{w}.{pseudo(r, 4)}.{tld}",
                         f"www.{b}{r.randint(1, 999)}.{tld}", f"{b}-{pseudo(r, 4)}.cn", f"{b}.jp-{w}.{tld}"])
    elif k in (2, 3):
        b = r.choice(CN)
        lure = r.choice(CN_LURE)
        host = r.choice([f"{b}-{lure}.{tld}", f"www.{b}{lure}.{tld}", f"{b}{r.randint(10, 999)}.{tld}", f"m.{b}-{pseudo(r, 4)}.{tld}",
                         f"{b}{lure}{r.randint(1, 99)}.cn", f"wap.{b}{lure}.{tld}"])
    elif k == 4:  # throwaway and digit-laden labels, lure words in subdomains
        lab = r.choice([pseudo(r, r.randint(5, 11)), g.rnd(r, r.randint(2, 4), string.ascii_lowercase) + str(r.randint(10, 99999))])
        host = r.choice(["", "", w + ".", "www.", w + "." + r.choice(g.PHISH_WORDS) + "."]) + lab + "." + tld
    elif k in (5, 6):  # lure-only or random names on free hosting
        host = r.choice([f"{w}-{r.choice(g.PHISH_WORDS)}-{pseudo(r, 4)}", f"{w}{r.randint(100, 99999)}",
                         g.rnd(r, r.choice([16, 24, 32]), "0123456789abcdef"), "pub-" + g.rnd(r, 32, "0123456789abcdef"),
                         g.rnd(r, 26, "abcdefghijklmnopqrstuvwxyz234567"), f"{brand}-{g.rnd(r, 6)}",
                         f"{w}-{brand}{r.randint(1, 99)}"]) + "." + r.choice(g.PHISH_HOSTING)
    elif k == 7:
        host = r.choice(HOSTERS).format(n=r.randint(1000, 999999), t=r.choice(["com", "net", tld]),
                                        h=g.rnd(r, 12, "0123456789abcdef"),
                                        ip="-".join(str(r.randint(1, 254)) for _ in range(4)))
    elif k == 8:  # brand + lure words run together or chained on a .com
        host = r.choice([f"{brand}{w}", f"{w}{brand}", f"{w}-{brand}-{r.choice(g.PHISH_WORDS)}", f"{brand}-{w}-{r.choice(g.PHISH_WORDS)}"]) + "." + r.choice(["com", "net", "org", "co", tld])
    else:  # brand's domain up front of a throwaway
        host = f"{r.choice(['', 'www.', w + '.'])}{brand}.com.{r.choice([w + '-', ''])}{pseudo(r, r.randint(4, 8))}.{tld}"
    return r.choice(["https://", "http://", "", "", ""]) + host + r.choice(["", "", "", "/", "/login", "/verify", "/mypage", "/jp/"])


def benign(r):
    k = r.randrange(8)
    proj = g.proj(r)
    who = g.person(r).replace(".", "")
    if k == 0:  # deployment and preview names
        plat = r.choice(PREVIEW)
        host = {"vercel.app": f"{proj}-{g.rnd(r, 9)}-{who}".replace("--", "-"),
                "netlify.app": r.choice([f"deploy-preview-{r.randint(1, 999)}--{proj}", f"{g.rnd(r, 24, '0123456789abcdef')}--{proj}"]),
                "pages.dev": f"{g.rnd(r, 8, '0123456789abcdef')}.{proj}"}[plat] + "." + plat
    elif k == 1:  # CDN and cloud hostnames
        host = r.choice([f"d{g.rnd(r, 13)}.cloudfront.net", f"{proj}.azureedge.net", f"{proj}.blob.core.windows.net",
                         f"{proj}-{g.rnd(r, 6)}.s3.amazonaws.com", f"e{r.randint(100, 99999)}.a.akamaiedge.net",
                         f"{proj}.global.ssl.fastly.net", f"cdn.{proj}.com", f"static.{who}.net", f"{proj}.b-cdn.net"])
    elif k in (2, 3):  # small businesses, digits and hyphens, cheap TLDs
        host = r.choice(["", "www.", "shop."]) + r.choice([
            f"{r.choice(g.COMPANY_WORDS)}-{r.choice(g.COMPANY_NOUNS)}{r.choice(['', str(r.randint(1, 99))])}",
            f"{r.choice(g.COMPANY_WORDS)}{r.choice(g.COMPANY_NOUNS)}-{r.choice(g.LAST)}",
            f"{r.choice(g.FIRST)}s-{r.choice(g.COMPANY_NOUNS)}-{r.choice(['shop', 'store', 'online', 'studio'])}"]) + "." + r.choice(
            ["shop", "xyz", "top", "online", "site", "store", "vip", "club", "cc", "cn", "info", "life", "icu", "buzz", "click", "one"])
    elif k in (4, 5):  # personal and project sites with digits and hyphens
        host = r.choice([f"{who}{r.randint(1, 2026)}", f"{proj}-{r.randint(2, 9)}", f"my-{proj}-{r.choice(['notes', 'blog', 'demo'])}-{r.randint(2019, 2026)}",
                         f"{who}-{proj}", f"{proj}{r.randint(10, 999)}"]) + "." + r.choice([s for s, _ in g.FREE_HOSTS])
    elif k == 6:
        host = r.choice(g.OFFICIAL)
    else:
        host = r.choice(g.REAL_SUBS).split("/")[0]
    return r.choice(["https://", "http://", "", "", ""]) + host + r.choice(["", "", "/", "/docs/", "/about", "/login", "/account"])


def build():
    r = random.Random(SEED)
    rows, seen = [], set()
    for label, n, make in (("phishing", 2500, phishing), ("benign", 3000, benign)):
        for _ in range(n):
            u = make(r)
            if u not in seen:
                seen.add(u)
                rows.append({"label": label, "url": u})
    r.shuffle(rows)
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    path = os.path.join(HERE, "train2.jsonl")
    text = build()
    if args.check:
        if open(path, encoding="utf-8").read() != text:
            raise SystemExit("train2.jsonl differs from the generator")
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("train2.jsonl", text.count("\n"), "lines")


if __name__ == "__main__":
    main()
