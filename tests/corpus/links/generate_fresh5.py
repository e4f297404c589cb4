#!/usr/bin/env python3
"""Deterministic generator of `fresh5.jsonl`, an untuned split of link
examples (Python 3 stdlib only, fixed seed), written by the lead on
2026-12-05 after that day's link changes and measured once, on the tree
that wrote it; never tuned on.

    python3 tests/corpus/links/generate_fresh5.py [--check]

Written from general knowledge of how phishing hosts and ordinary sites
are named (no list copied). Half of the phishing brands are ones our
`links.json` does not list (payment apps, banks and retailers of Latin
America, the Nordics, Central Europe, Africa, the Gulf; buy-now-pay-later
firms; game and ticket sites), so the split also shows what a brand list
misses. Every line carries a `kind`.

Phishing kinds: `brand_lure` (a brand and a lure word joined by hyphens or
dots, on any TLD), `fused` (brand and lure run together, with or without
digits), `typo` (one letter changed, dropped, doubled or swapped),
`random` (random or pronounceable nonsense names on cheap TLDs, a lure in
a subdomain or the path), `hosted` (a site on free hosting or a developer
platform holding a brand or a lure), `tunnel` (quick-tunnel names),
`written_domain` (a brand's domain written up front of another host),
`ip` (IP address hosts with a lure path).

Benign kinds: `top` (well-known sites and their everyday subdomains),
`bank` (banks' and payment firms' own sites, with their sign-in hosts),
`project` (free-software homepages and docs on github.io, gitlab.io,
readthedocs.io, netlify.app, vercel.app, pages.dev), `small` (small
businesses, clubs, schools, councils on their own domains, some on cheap
TLDs), `blog` (personal sites and blogs on hosting platforms).
"""
import json
import os
import random
import string

import split_io

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 5052026

LISTED = ["paypal", "amazon", "apple", "microsoft", "netflix", "chase", "wellsfargo", "hsbc", "santander",
          "dhl", "fedex", "usps", "royalmail", "coinbase", "binance", "metamask", "icbc", "alipay", "wechat",
          "jd", "taobao", "sagawa", "yamato", "rakuten", "docomo", "itau", "bradesco", "nubank", "correos",
          "inpost", "posteitaliane", "laposte", "postnl", "bbva", "revolut", "monzo", "kucoin", "steampowered", "roblox",
          "bca", "garanti", "vietcombank", "kasikorn", "rbc", "interac", "caixa", "ctt", "antai", "ameli"]
UNLISTED = ["klarna", "afterpay", "affirm", "sezzle", "payoneer", "skrill", "neteller", "wise", "nequi",
            "daviplata", "yape", "bancolombia", "interbank", "banesco", "mercantil", "sicredi", "sicoob",
            "c6bank", "bancointer", "postfinance", "twint", "swish", "vipps", "mobilepay", "handelsbanken",
            "nordea", "danskebank", "belfius", "argenta", "erstebank", "otpbank", "bawag", "moneta",
            "fiobanka", "ecobank", "equitybank", "mtnmomo", "airtelmoney", "opay", "palmpay", "fawry",
            "instapay", "benefitpay", "ticketmaster", "stubhub", "eventbrite", "playstation", "xbox",
            "nintendo", "riotgames", "ubisoft", "ikea", "zalando", "etsy", "vinted"]
LURES = ["login", "signin", "verify", "secure", "account", "update", "unlock", "refund", "claim", "billing",
         "confirm", "recovery", "support", "alert", "wallet", "payment", "reward", "bonus", "kyc", "auth",
         "validate", "suspended", "restore", "helpdesk", "notice", "pendencia", "reembolso", "entsperren",
         "saihaitatsu", "doplata", "aduana", "remboursement", "verifikasi", "iade", "bevestigen"]
CHEAP = ["top", "xyz", "shop", "online", "site", "icu", "cyou", "sbs", "cfd", "bond", "buzz", "vip", "live",
         "click", "link", "support", "help", "store", "info", "life", "cc", "pw", "rest", "quest", "lat",
         "autos", "mom", "bar", "tokyo", "sale", "lol", "club", "fun", "work", "digital", "services"]
PLAIN = ["com", "net", "org", "co", "io", "app", "me", "us", "uk", "de", "fr", "es", "it", "nl", "pl",
         "com.br", "com.mx", "co.id", "in", "jp", "co.uk", "com.au", "ca", "ch", "se", "no", "dk", "fi"]
HOSTING = ["weebly.com", "wixsite.com", "web.app", "firebaseapp.com", "netlify.app", "vercel.app",
           "pages.dev", "workers.dev", "github.io", "glitch.me", "onrender.com", "herokuapp.com",
           "azurewebsites.net", "webflow.io", "framer.app", "godaddysites.com", "square.site", "carrd.co",
           "blogspot.com", "wordpress.com", "000webhostapp.com", "repl.co", "fly.dev", "surge.sh"]
TUNNELS = ["trycloudflare.com", "ngrok-free.app", "ngrok.io", "ngrok.app", "loca.lt", "serveo.net",
           "lhr.life", "devtunnels.ms"]
PATHS = ["/", "/login", "/signin", "/verify", "/account/update", "/secure/", "/index.php", "/wp-admin/",
         "/auth/login.php", "/mypage/", "/confirm?id=", "/track?n=", "/pay", "/claim/reward", "/kyc/",
         "/session/", "/app/", "/billing/update", "/recover", "/?token="]
SYLL = ["ka", "zu", "mi", "lo", "ter", "vex", "dra", "pon", "qui", "sel", "bro", "nix", "tal", "vor",
        "ju", "ra", "gen", "fo", "lin", "mex", "po", "sa", "ke", "wy", "zo", "dri", "fla", "gru"]


def rand_token(rng, lo=5, hi=12):
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(rng.randint(lo, hi)))


def pron(rng):
    return "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 4)))


def brand(rng):
    return rng.choice(LISTED if rng.random() < 0.5 else UNLISTED)


def scheme(rng):
    return rng.choice(["https://", "https://", "http://", ""])


def typo(rng, word):
    i = rng.randrange(len(word))
    op = rng.choice(["sub", "drop", "double", "swap"])
    if op == "sub":
        c = {"o": "0", "l": "1", "i": "1", "e": "3", "a": "4", "s": "5"}.get(word[i]) or rng.choice("aeiourn")
        return word[:i] + c + word[i + 1:]
    if op == "drop" and len(word) > 4:
        return word[:i] + word[i + 1:]
    if op == "swap" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def phishing(rng, kind):
    b, l = brand(rng), rng.choice(LURES)
    if kind == "brand_lure":
        parts = [b, l] if rng.random() < 0.6 else [l, b]
        if rng.random() < 0.3:
            parts.append(rng.choice(LURES + [str(rng.randint(1, 999))]))
        host = "-".join(parts) + "." + rng.choice(CHEAP + PLAIN)
        if rng.random() < 0.3:
            host = rng.choice(["www", "m", "secure", "app", "my"]) + "." + host
        return scheme(rng) + host + rng.choice(PATHS)
    if kind == "fused":
        name = (b + l) if rng.random() < 0.6 else (l + b)
        if rng.random() < 0.4:
            name += str(rng.randint(1, 9999))
        return scheme(rng) + name + "." + rng.choice(CHEAP + PLAIN) + rng.choice(PATHS)
    if kind == "typo":
        name = typo(rng, b)
        if rng.random() < 0.4:
            name += "-" + l
        return scheme(rng) + name + "." + rng.choice(CHEAP + PLAIN) + rng.choice(PATHS)
    if kind == "random":
        name = rand_token(rng) if rng.random() < 0.5 else pron(rng)
        host = name + "." + rng.choice(CHEAP)
        if rng.random() < 0.5:
            host = rng.choice([l, b, l + "-" + b]) + "." + host
        return scheme(rng) + host + rng.choice(PATHS)
    if kind == "hosted":
        r = rng.random()
        if r < 0.4:
            name = b + "-" + l
        elif r < 0.7:
            name = b + "-" + rand_token(rng, 3, 6)
        else:
            name = l + "-" + rand_token(rng, 4, 8)
        return scheme(rng) + name + "." + rng.choice(HOSTING) + rng.choice(PATHS)
    if kind == "tunnel":
        r = rng.random()
        if r < 0.4:
            name = "-".join(rng.choice(["gold", "river", "quick", "silent", "north", "paper", "ocean",
                                        "lucky", "tiger", "glass", "cloud", "stone"]) for _ in range(4))
        elif r < 0.7:
            name = rand_token(rng, 4, 4) + "-" + "-".join(str(rng.randint(1, 254)) for _ in range(4))
        else:
            name = b + "-" + rand_token(rng, 4, 6)
        return scheme(rng) + name + "." + rng.choice(TUNNELS) + rng.choice(PATHS)
    if kind == "written_domain":
        dom = b + "." + rng.choice(["com", "co.uk", "com.br", "de", "fr", "co.jp", "com.mx"])
        sep = rng.choice([".", "-"])
        return scheme(rng) + dom.replace(".", sep) + "." + rng.choice([l, rand_token(rng, 4, 7)]) + "." + \
            rng.choice(CHEAP) + rng.choice(PATHS)
    # ip
    ip = ".".join(str(rng.randint(1, 254)) for _ in range(4))
    port = rng.choice(["", "", ":8080", ":8443", ":2096"])
    return rng.choice(["http://", "https://"]) + ip + port + "/" + rng.choice([b, l, b + "-" + l]) + \
        rng.choice(["/", "/login.php", "/index.html", "/verify"])


TOP = [("google.com", ["www", "mail", "drive", "accounts", "myaccount", "support"]),
       ("microsoft.com", ["www", "account", "support", "learn", "login"]),
       ("apple.com", ["www", "support", "appleid", "id"]), ("amazon.com", ["www", "smile", "pay"]),
       ("wikipedia.org", ["en", "de", "fr", "ja", "zh", "es"]), ("github.com", ["www", "docs", "gist"]),
       ("bbc.co.uk", ["www", "account"]), ("nytimes.com", ["www", "myaccount"]),
       ("baidu.com", ["www", "passport", "map", "tieba"]), ("qq.com", ["www", "mail", "im", "pay"]),
       ("yahoo.co.jp", ["www", "login", "news"]), ("naver.com", ["www", "nid", "pay"]),
       ("mercadolivre.com.br", ["www", "myaccount"]), ("booking.com", ["www", "account", "secure"]),
       ("spotify.com", ["open", "accounts", "support"]), ("linkedin.com", ["www", "business"]),
       ("netflix.com", ["www", "help"]), ("paypal.com", ["www", "developer"]),
       ("stripe.com", ["dashboard", "docs", "checkout"]), ("zoom.us", ["us02web", "www"]),
       ("dropbox.com", ["www", "help"]), ("ikea.com", ["www", "order"]),
       ("gov.uk", ["www", "account"]), ("service.gov.uk", ["www"]), ("europa.eu", ["commission", "ec"]),
       ("who.int", ["www"]), ("un.org", ["www"]), ("reddit.com", ["www", "old"]),
       ("stackoverflow.com", ["www"]), ("cloudflare.com", ["www", "dash", "developers"])]
BANKS = [("chase.com", ["www", "secure", "secure01b"]), ("hsbc.co.uk", ["www", "online"]),
         ("barclays.co.uk", ["www", "bank"]), ("santander.com", ["www"]), ("icbc.com.cn", ["www", "mybank"]),
         ("ccb.com", ["www", "ebank"]), ("bankofamerica.com", ["www", "secure"]),
         ("commbank.com.au", ["www", "netbank"]), ("itau.com.br", ["www"]), ("nubank.com.br", ["www", "app"]),
         ("revolut.com", ["www", "app", "business"]), ("monzo.com", ["www"]), ("n26.com", ["www", "app"]),
         ("ing.nl", ["www", "mijn"]), ("rabobank.nl", ["www", "bankieren"]), ("bnpparibas.com", ["www", "mabanque"]),
         ("sbi.co.in", ["www", "retail"]), ("hdfcbank.com", ["www", "netbanking"]),
         ("klikbca.com", ["www", "ibank"]), ("garantibbva.com.tr", ["www"]), ("wise.com", ["www", "app"]),
         ("klarna.com", ["www", "app"]), ("vipps.no", ["www"]), ("nordea.com", ["www"]),
         ("twint.ch", ["www"]), ("postfinance.ch", ["www"]), ("alipay.com", ["www", "auth"])]
PROJECTS = ["numpy", "scipy", "pandas-dev", "matplotlib", "pallets", "psf", "rust-lang", "tokio-rs",
            "serde-rs", "golang", "kubernetes", "helm", "prometheus", "grafana", "neovim", "vim", "emacs",
            "openssl", "curl", "ffmpeg", "blender", "krita", "inkscape", "gimp", "libreoffice", "mozilla",
            "django", "fastapi", "pydantic", "requests", "httpx", "celery", "sqlalchemy", "alembic",
            "pytest-dev", "tox-dev", "pypa", "jupyter", "ipython", "bokeh", "plotly", "dask", "ray-project",
            "apache", "eclipse", "gnome", "kde", "xfce", "freebsd", "openbsd", "debian", "archlinux",
            "nixos", "homebrew", "flathub", "signalapp", "keepassxc", "bitwarden", "vaultwarden",
            "nextcloud", "syncthing", "restic", "borgbackup", "rclone", "wireguard", "tailscale", "caddy",
            "nginx", "traefik", "home-assistant", "esphome", "octoprint", "klipper", "qmk", "zmk"]
DOC_WORDS = ["docs", "guide", "book", "handbook", "manual", "tutorial", "api", "reference", "cookbook"]
SMALL = ["smith-plumbing", "riverside-dental", "lakeview-bakery", "greenfield-school", "oakwood-church",
         "city-library", "harbor-cafe", "sunrise-yoga", "northside-vets", "bluebird-florist",
         "maple-hardware", "hilltop-farm", "corner-books", "metro-cycling", "village-council",
         "kita-sonnenschein", "boulangerie-martin", "taller-garcia", "padaria-central", "sushi-kato",
         "tandoor-house", "pho-saigon", "kebab-istanbul", "pizzeria-napoli", "autohaus-mueller"]
BLOG_HOSTS = ["github.io", "gitlab.io", "netlify.app", "vercel.app", "pages.dev", "wordpress.com",
              "blogspot.com", "substack.com", "medium.com", "hashnode.dev", "neocities.org", "codeberg.page"]
FIRST = ["anna", "li", "wei", "carlos", "maria", "yuki", "sven", "olga", "ahmed", "fatima", "tom", "nina",
         "raj", "priya", "kenji", "lucas", "sofia", "ivan", "mei", "omar", "eva", "jonas", "chloe", "diego"]


def benign(rng, kind):
    if kind in ("top", "bank"):
        dom, subs = rng.choice(TOP if kind == "top" else BANKS)
        host = rng.choice(subs) + "." + dom
        path = rng.choice(["/", "/login", "/account", "/help", "/en/", "/signin", "/settings", "/about",
                           "/search?q=weather", "/products/", "/news/2026/12/"])
        return scheme(rng) + host + path
    if kind == "project":
        p = rng.choice(PROJECTS)
        r = rng.random()
        if r < 0.35:
            host = p + ".github.io"
            path = rng.choice(["/", "/" + rng.choice(DOC_WORDS) + "/", "/" + p + "/"])
        elif r < 0.55:
            host = p + ".readthedocs.io"
            path = rng.choice(["/en/latest/", "/en/stable/", "/"])
        elif r < 0.7:
            host = p + ".gitlab.io"
            path = "/"
        else:
            host = p + "-" + rng.choice(DOC_WORDS) + "." + rng.choice(["netlify.app", "vercel.app", "pages.dev"])
            path = rng.choice(["/", "/getting-started", "/install"])
        return scheme(rng) + host + path
    if kind == "small":
        name = rng.choice(SMALL)
        if rng.random() < 0.4:
            name = name.replace("-", "")
        tld = rng.choice(PLAIN + ["shop", "online", "site", "store", "club", "xyz"])
        return scheme(rng) + rng.choice(["", "www."]) + name + "." + tld + rng.choice(
            ["/", "/contact", "/menu", "/booking", "/about-us", "/shop/", "/login"])
    # blog
    who = rng.choice(FIRST) + rng.choice(["", "-" + rng.choice(FIRST), str(rng.randint(1, 99)), "blog", "-dev"])
    return scheme(rng) + who + "." + rng.choice(BLOG_HOSTS) + rng.choice(
        ["/", "/posts/", "/about", "/2026/11/notes/", "/projects/"])


PHISHING = [("brand_lure", 260), ("fused", 180), ("typo", 160), ("random", 200), ("hosted", 220),
            ("tunnel", 80), ("written_domain", 120), ("ip", 80)]
BENIGN = [("top", 360), ("bank", 300), ("project", 400), ("small", 300), ("blog", 340)]


def generate():
    rng = random.Random(SEED)
    lines, seen = [], set()
    for label, kinds in (("phishing", PHISHING), ("benign", BENIGN)):
        for kind, n in kinds:
            made = 0
            while made < n:
                url = phishing(rng, kind) if label == "phishing" else benign(rng, kind)
                if url in seen:
                    continue
                seen.add(url)
                lines.append(json.dumps({"label": label, "kind": kind, "url": url}))
                made += 1
    return "\n".join(lines) + "\n"


def main():
    split_io.write_or_check(HERE, "fresh5.jsonl", generate, "generate_fresh5.py")


if __name__ == "__main__":
    main()
