#!/usr/bin/env python3
"""Deterministic generator of our own URL examples for the link model
(Python 3 stdlib only, fixed seed).

    python3 tests/corpus/links/generate_links.py [--check]

Writes `links/train.jsonl` and `links/fresh.jsonl` (same shapes, disjoint
project/person/company name pools, another seed: a first measurement of
how a link model trained on `train.jsonl` treats sites it has not seen;
never train on it), one `{"label": "phishing|benign", "url": "..."}` a line.

Benign: homepages and docs of free-software projects and personal sites on
shared hosting (github.io, gitlab.io, readthedocs.io, sourceforge, netlify,
vercel, pages.dev, web.app, herokuapp, blogspot, wordpress.com ...) with
made-up but realistic project and person names, including names that hold
words like "login", "auth", "wallet", "secure" (real projects do); official
sites of banks, brands and governments in many countries, with login and
account paths (a real bank's sign-in page is benign); ordinary company
sites on many TLDs, including the cheap ones; crypto and web3 projects on
their own domains. A third of the examples on both sides are bare hosts.

Phishing: shapes from public descriptions of phishing URLs: a brand on a
domain that is not the brand's, login/verify/secure words, hyphen chains,
random labels, free-hosting subdomains carrying a brand, abuse-prone TLDs,
IP hosts, punycode homographs, one-edit typosquats, brand as a subdomain of
another domain, userinfo tricks, crypto wallet "claim/connect" pages.
No real phishing URL is copied; the names are generated.
"""
import argparse
import json
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1616

TECH = ["py", "rs", "go", "js", "lib", "kit", "tool", "parse", "json", "yaml", "toml", "http", "async", "graph", "plot", "db", "orm", "cli", "term", "net", "web", "cache", "queue", "log", "test", "doc", "md", "vim", "tex", "geo", "map", "img", "audio", "video", "ml", "stat", "math", "crypto", "auth", "login", "oauth", "secure", "wallet", "token", "chain", "ledger", "vault", "pay", "bank", "mail", "chat", "bot", "sync", "fs", "zip", "diff", "git", "build", "lint", "fmt", "serde", "regex", "date", "time", "color", "font", "ui", "gui", "qt", "gtk", "tui", "rest", "rpc", "grpc", "proto", "stream", "flow", "task", "job", "sched", "shell", "env", "conf", "dns", "ssh", "tls", "ssl", "cert", "key", "hash", "sign", "verify", "check", "scan", "trace", "probe", "metric", "bench", "fast", "tiny", "micro", "mini", "easy", "simple", "open", "free", "hyper", "ultra", "neo", "py2", "x", "lite", "core", "hub", "lab", "forge", "works", "studio", "space", "verse", "craft", "nest", "base", "stack", "ops", "dev", "cloud", "edge", "node", "link", "pipe", "port", "mesh", "grid", "wave", "pixel", "sound", "music", "photo", "film", "book", "note", "wiki", "blog", "site", "page", "docs", "learn", "tutor", "quiz", "game", "chess", "go-board", "puzzle", "rogue", "tile", "sprite", "robot", "drone", "iot", "home", "garden", "recipe", "budget", "money", "invoice", "account", "update", "support", "help", "service", "portal", "app"]
SUFFIX = ["", "", "", "-rs", "-py", "-js", "-go", "lib", "kit", "-cli", "-core", "-ng", "2", "3", "-tools", "-server", "-client", "-ui", "-docs", "-site", "-demo", "-org", "-project", "-io", "hq", "-labs", "ify", "ly", "er", "x"]
FIRST = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter", "li", "wei", "ming", "jun", "yuki", "hiro", "sakura", "anna", "lena", "jonas", "lukas", "marie", "pierre", "sofia", "mateo", "lucia", "diego", "ana", "joao", "rahul", "priya", "arjun", "fatima", "omar", "ahmed", "olga", "dmitri", "igor", "kasia", "piotr", "tomas", "eva", "nils", "sven", "ingrid", "mika", "aino", "kofi", "amara", "chen", "zhang", "wang", "liu", "kim", "park", "nguyen", "tran", "sam", "alex", "max", "leo", "mia", "noah", "emma", "liam", "zoe"]
LAST = ["smith", "jones", "muller", "schmidt", "dubois", "martin", "rossi", "garcia", "silva", "santos", "kowalski", "novak", "ivanov", "petrov", "tanaka", "suzuki", "sato", "lee", "chen", "wang", "zhao", "huang", "patel", "sharma", "singh", "khan", "ali", "nguyen", "kim", "park", "johansson", "andersen", "virtanen", "okafor", "mensah", "cohen", "levi", "brown", "taylor", "walker", "young", "hill", "king"]

FREE_HOSTS = [  # (suffix, how a legitimate site uses it)
    ("github.io", "user"), ("gitlab.io", "user"), ("readthedocs.io", "docs"), ("sourceforge.io", "proj"), ("sourceforge.net", "sfnet"),
    ("netlify.app", "proj"), ("vercel.app", "proj"), ("pages.dev", "proj"), ("web.app", "proj"), ("firebaseapp.com", "proj"),
    ("herokuapp.com", "proj"), ("blogspot.com", "blog"), ("wordpress.com", "blog"), ("codeberg.page", "user"), ("surge.sh", "proj"),
    ("neocities.org", "blog"), ("fly.dev", "proj"), ("onrender.com", "proj"), ("glitch.me", "proj"), ("substack.com", "blog"),
    ("rtfd.io", "docs"), ("bitbucket.io", "user"), ("azurewebsites.net", "proj"), ("workers.dev", "proj"), ("weebly.com", "blog"),
    ("wixsite.com", "wix"), ("tumblr.com", "blog"), ("itch.io", "blog"), ("hashnode.dev", "blog"), ("srht.site", "user"),
]

OFFICIAL = [
    "www.icbc.com.cn", "www.ccb.com", "www.abchina.com", "www.boc.cn", "www.bankcomm.com", "www.cmbchina.com", "www.psbc.com", "www.spdb.com.cn",
    "www.alipay.com", "www.taobao.com", "www.jd.com", "www.pinduoduo.com", "www.10086.cn", "www.10010.com", "www.189.cn", "www.gov.cn",
    "www.12306.cn", "www.chsi.com.cn", "www.sf-express.com", "www.meituan.com", "www.douyin.com", "www.bilibili.com", "www.qq.com", "weixin.qq.com",
    "www.hsbc.co.uk", "www.barclays.co.uk", "www.lloydsbank.com", "www.natwest.com", "www.santander.co.uk", "www.halifax.co.uk", "www.nationwide.co.uk", "monzo.com",
    "www.chase.com", "www.bankofamerica.com", "www.wellsfargo.com", "www.citi.com", "www.capitalone.com", "www.usbank.com", "www.pnc.com", "www.navyfederal.org",
    "www.gov.uk", "www.hmrc.gov.uk", "www.nhs.uk", "www.irs.gov", "www.usps.com", "www.ssa.gov", "www.canada.ca", "www.ato.gov.au", "www.service-public.fr", "www.bund.de",
    "www.royalmail.com", "www.evri.com", "www.dpd.co.uk", "www.dhl.com", "www.ups.com", "www.fedex.com", "www.ezpassny.com", "www.thetollroads.com",
    "www.paypal.com", "www.amazon.com", "www.amazon.co.uk", "www.apple.com", "www.microsoft.com", "www.google.com", "www.netflix.com", "www.facebook.com",
    "www.instagram.com", "www.linkedin.com", "www.ebay.com", "www.walmart.com", "www.target.com", "www.tesco.com", "www.coinbase.com", "www.binance.com",
    "www.kraken.com", "metamask.io", "www.ledger.com", "uniswap.org", "opensea.io", "www.deutsche-bank.de", "www.bnpparibas.fr", "www.ing.nl", "www.rabobank.nl",
    "www.commbank.com.au", "www.anz.com.au", "www.rbc.com", "www.td.com", "www.dbs.com.sg", "www.maybank.com", "www.sbi.co.in", "www.hdfcbank.com",
    "www.itau.com.br", "www.bbva.es", "www.unicredit.it", "www.nordea.com", "www.mufg.jp", "www.kbstar.com", "www.posb.com.sg", "www.mercadolibre.com",
    "www.rakuten.co.jp", "www.naver.com", "www.yahoo.co.jp", "www.booking.com", "www.airbnb.com", "www.uber.com", "www.spotify.com", "www.steampowered.com",
]
OFFICIAL_PATHS = ["", "/", "/login", "/signin", "/account", "/personal/login", "/en/", "/zh-cn/", "/help", "/security", "/verify", "/myaccount", "/online-banking/sign-in", "/support/contact", "/track", "/pay", "/cards", "/loans", "/about", "/news/2026", "/careers", "/app", "/download"]
REAL_SUBS = ["accounts.google.com", "login.microsoftonline.com", "appleid.apple.com", "secure.chase.com", "online.citi.com", "signin.ebay.com", "login.live.com", "id.atlassian.com", "auth.openai.com", "secure.login.gov", "mybank.icbc.com.cn", "pbsz.ebank.cmbchina.com", "ibsbjstar.ccb.com.cn", "auth.alipay.com", "passport.jd.com", "login.taobao.com", "signin.aws.amazon.com", "github.com/login", "gitlab.com/users/sign_in", "wallet.coinbase.com", "app.uniswap.org", "portfolio.metamask.io"]

COMPANY_WORDS = ["bright", "green", "blue", "north", "south", "river", "stone", "oak", "maple", "sun", "star", "peak", "harbor", "valley", "urban", "prime", "apex", "nova", "delta", "alpha", "metro", "coastal", "golden", "silver", "swift", "smart", "happy", "family", "royal", "grand"]
COMPANY_NOUNS = ["dental", "bakery", "builders", "plumbing", "motors", "law", "clinic", "travel", "design", "media", "studio", "foods", "farm", "coffee", "books", "tech", "logistics", "consulting", "realty", "homes", "pets", "fitness", "yoga", "print", "photo", "wine", "garden", "school", "academy", "hotel", "insurance", "finance", "accounting", "energy", "solar", "cleaning", "florist", "optics", "pharmacy", "vet"]
TLDS_ORD = ["com", "com", "com", "net", "org", "de", "fr", "it", "es", "nl", "co.uk", "com.au", "ca", "jp", "cn", "com.cn", "in", "com.br", "ru", "pl", "se", "ch", "at", "be", "dk", "io", "co", "ai", "dev", "app", "xyz", "top", "shop", "online", "site", "store", "info", "biz", "me", "us", "eu", "nz", "ie", "pt", "cz", "fi", "no", "tw", "hk", "sg", "kr", "vn", "id", "my", "za", "mx", "ar", "cl"]

BRANDS = ["paypal", "apple", "icloud", "microsoft", "office365", "outlook", "google", "gmail", "amazon", "netflix", "facebook", "instagram", "whatsapp", "chase", "wellsfargo", "bankofamerica", "citi", "hsbc", "barclays", "lloyds", "natwest", "santander", "halifax", "usps", "royalmail", "evri", "dhl", "fedex", "ups", "hmrc", "irs", "govuk", "ezpass", "coinbase", "binance", "metamask", "ledger", "trustwallet", "uniswap", "opensea", "blockchain", "icbc", "ccb", "abchina", "bankofchina", "cmbchina", "alipay", "taobao", "jd", "pinduoduo", "etc", "12123", "10086", "chsi", "sfexpress", "douyin", "wechat", "steam", "roblox", "epicgames", "docusign", "dropbox", "adobe", "att", "verizon", "tmobile", "vodafone", "dpd", "yodel", "auspost", "canadapost", "ato", "mygov", "nhs", "dvla", "ebay", "walmart", "costco", "spotify", "disneyplus", "linkedin", "yahoo", "aol", "commbank", "anz", "rbc", "td", "dbs", "sbi", "itau", "bbva", "ing"]
PHISH_WORDS = ["login", "signin", "sign-in", "verify", "verification", "secure", "security", "account", "update", "confirm", "support", "help", "service", "auth", "wallet", "claim", "reward", "bonus", "refund", "billing", "payment", "unlock", "recovery", "validate", "alert", "notice", "online", "portal", "id", "access", "redelivery", "track", "toll", "tax", "gift", "airdrop", "connect", "sync", "restore", "kyc", "web3", "dapp", "mint"]
ABUSE_TLDS = ["top", "xyz", "icu", "buzz", "cyou", "sbs", "cfd", "bond", "rest", "click", "link", "live", "online", "site", "shop", "store", "info", "support", "help", "cc", "pw", "tk", "ml", "ga", "cf", "gq", "vip", "club", "work", "life", "one", "asia", "win", "bid", "loan", "cn", "ru", "su", "ws", "co", "io", "app", "dev", "com", "net", "org", "us", "me"]
PHISH_HOSTING = ["web.app", "firebaseapp.com", "netlify.app", "vercel.app", "pages.dev", "workers.dev", "github.io", "weebly.com", "wixsite.com", "webflow.io", "glitch.me", "herokuapp.com", "blogspot.com", "000webhostapp.com", "r2.dev", "framer.app", "godaddysites.com", "square.site", "ipfs.io", "azurewebsites.net", "repl.co", "onrender.com", "surge.sh", "mystrikingly.com", "site123.me", "jimdosite.com", "gitbook.io", "duckdns.org", "ngrok.io", "trycloudflare.com"]
HOMO = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "l": "ӏ", "s": "ѕ"}


def rnd(r, n, alpha=string.ascii_lowercase + string.digits):
    return "".join(r.choice(alpha) for _ in range(n))


def proj(r):
    a = r.choice(TECH)
    b = r.choice(TECH) if r.random() < 0.5 else ""
    name = a + r.choice(["", "-", ""]) + b + r.choice(SUFFIX) if b else a + r.choice(SUFFIX)
    return name.strip("-") or a


def person(r):
    f, l = r.choice(FIRST), r.choice(LAST)
    return r.choice([f + l, f + "-" + l, f[0] + l, f + l[0], f + str(r.randint(1, 99)), l + f, f + "." + l][:6] + [f + "-" + l + "-dev"])


def path_doc(r):
    return r.choice(["", "/", "/en/latest/", "/en/stable/", "/en/latest/usage.html", "/en/latest/api.html", "/docs/", "/docs/getting-started", "/blog/", "/about/", "/posts/" + rnd(r, 6, string.ascii_lowercase) + "/", "/install.html", "/changelog.html", "/guide/", "/releases/", "/index.html", "/faq", "/tutorial/", "/reference/"])


def benign_hosted(r):
    suffix, kind = r.choice(FREE_HOSTS)
    if kind == "user":
        host = person(r).replace(".", "") + "." + suffix
        p = r.choice(["", "/", "/" + proj(r) + "/", "/" + proj(r) + "/docs/", "/blog/", "/cv.html"])
    elif kind == "docs":
        host = proj(r) + "." + suffix
        p = path_doc(r)
    elif kind == "sfnet":
        return "https://sourceforge.net/projects/" + proj(r) + r.choice(["/", "/files/", "/files/latest/download", ""])
    elif kind == "wix":
        return "https://" + person(r).replace(".", "") + ".wixsite.com/" + r.choice([proj(r), "home", "portfolio", "mysite"])
    elif kind == "blog":
        host = r.choice([person(r), proj(r), r.choice(COMPANY_WORDS) + r.choice(COMPANY_NOUNS)]).replace(".", "") + "." + suffix
        p = r.choice(["", "/", "/" + str(r.choice([2019, 2021, 2023, 2024, 2025, 2026])) + "/" + "%02d" % r.randint(1, 12) + "/" + rnd(r, 7, string.ascii_lowercase) + ".html", "/p/" + rnd(r, 8, string.ascii_lowercase), "/about"])
    else:
        host = r.choice([proj(r), proj(r) + "-" + rnd(r, r.choice([0, 0, 4, 6])).strip("-"), person(r).replace(".", "")]).strip("-") + "." + suffix
        p = path_doc(r)
    return r.choice(["https://", "https://", "http://", ""]) + host + p


def benign_official(r):
    if r.random() < 0.2:
        return "https://" + r.choice(REAL_SUBS)
    return r.choice(["https://", "https://", "http://", ""]) + r.choice(OFFICIAL) + r.choice(OFFICIAL_PATHS)


def benign_company(r):
    host = r.choice(COMPANY_WORDS) + r.choice(["", "-", ""]) + r.choice(COMPANY_NOUNS) + r.choice(["", "", "", str(r.randint(1, 99)), "-" + r.choice(LAST), "group", "online"]) + "." + r.choice(TLDS_ORD)
    if r.random() < 0.5:
        host = "www." + host
    return r.choice(["https://", "http://", ""]) + host + r.choice(["", "/", "/contact", "/about-us", "/products", "/menu", "/booking", "/en/", "/shop/cart", "/login", "/account", "/blog/" + rnd(r, 6, string.ascii_lowercase), "/index.php?page=" + r.choice(["home", "about", "news"])])


def homograph(r, brand):
    chars = list(brand)
    idx = [i for i, c in enumerate(chars) if c in HOMO]
    if not idx:
        return None
    for i in r.sample(idx, min(len(idx), r.choice([1, 1, 2]))):
        chars[i] = HOMO[chars[i]]
    try:
        return "".join(chars).encode("idna").decode("ascii")
    except UnicodeError:
        return None


def typo(r, brand):
    b = list(brand)
    i = r.randrange(len(b))
    op = r.choice(["swap", "drop", "dup", "sub"])
    if op == "swap" and i < len(b) - 1:
        b[i], b[i + 1] = b[i + 1], b[i]
    elif op == "drop" and len(b) > 3:
        del b[i]
    elif op == "dup":
        b.insert(i, b[i])
    else:
        b[i] = {"o": "0", "l": "1", "i": "1", "e": "3", "a": "4", "s": "5", "m": "rn"}.get(b[i], r.choice(string.ascii_lowercase))
    return "".join(b)


def phish_path(r, brand):
    return r.choice(["", "/", "/login", "/signin", "/verify", "/account/verify", "/secure/login.php", "/update/index.php?session=" + rnd(r, 16), "/" + brand + "/login", "/wp-content/" + rnd(r, 5) + "/" + brand + "/index.html", "/auth/?ref=" + rnd(r, 8), "/" + rnd(r, 10, string.ascii_letters + string.digits), "/claim", "/connect-wallet", "/pay/" + rnd(r, 6), "/track?id=" + rnd(r, 10, string.digits), "/redelivery", "/?email=user@example.com", "/index.html#" + rnd(r, 6), "/" + brand + ".html", "/ipfs/Qm" + rnd(r, 44, string.ascii_letters + string.digits)])


def phishing(r):
    brand = r.choice(BRANDS)
    w = r.choice(PHISH_WORDS)
    tld = r.choice(ABUSE_TLDS)
    k = r.random()
    if k < 0.18:  # brand + word on an unrelated domain
        host = r.choice([brand + "-" + w, w + "-" + brand, brand + w, w + brand, brand + "-" + w + "-" + r.choice(PHISH_WORDS), brand + "-" + rnd(r, 4)]) + "." + tld
    elif k < 0.28:  # hyphen chains
        host = "-".join(r.sample(PHISH_WORDS, r.randint(2, 4)) + [brand]) + "." + tld
        if r.random() < 0.5:
            host = "-".join([brand] + r.sample(PHISH_WORDS, r.randint(2, 4))) + "." + tld
    elif k < 0.42:  # free hosting subdomain with a brand
        host = r.choice([brand + "-" + w, brand + w + rnd(r, 3), w + "-" + brand + "-" + rnd(r, 4), brand + "-" + rnd(r, 6), rnd(r, 5) + "-" + brand]) + "." + r.choice(PHISH_HOSTING)
    elif k < 0.5:  # random labels
        host = rnd(r, r.randint(6, 14)) + "." + tld
        if r.random() < 0.4:
            host = rnd(r, r.randint(3, 8)) + "." + host
    elif k < 0.57:  # IP host
        host = "%d.%d.%d.%d" % (r.randint(5, 223), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)) + r.choice(["", "", ":8080", ":8443", ":2095"])
    elif k < 0.64:  # punycode homograph
        h = homograph(r, brand)
        host = (h or typo(r, brand)) + "." + r.choice(["com", "com", "net", "org", tld])
    elif k < 0.74:  # one-edit typosquat
        host = typo(r, brand) + r.choice(["", "", "-" + w]) + "." + r.choice(["com", "com", "net", "co", tld])
    elif k < 0.84:  # brand as a subdomain / in a deep host
        host = r.choice([brand + ".com." + rnd(r, 6) + "." + tld, "www." + brand + ".com-" + w + "." + tld, brand + "." + w + "-" + rnd(r, 4) + ".com", w + "." + brand + "." + rnd(r, 7) + "." + tld, "secure." + brand + "-" + w + "." + tld])
    elif k < 0.9:  # userinfo trick
        return "http://" + r.choice(OFFICIAL).replace("www.", "") + "@" + rnd(r, 8) + "." + tld + phish_path(r, brand)
    else:  # crypto: claim/connect/airdrop
        host = r.choice(["claim-" + r.choice(["eth", "arb", "op", "zk", "sol", "blur", "pepe", brand]), r.choice(["metamask", "trustwallet", "ledger", "uniswap", "opensea", "walletconnect"]) + "-" + r.choice(["connect", "sync", "restore", "airdrop", "rewards", "support"]), r.choice(["app", "dapp", "web3"]) + "-" + r.choice(["uniswap", "opensea", "pancakeswap", "walletconnect"]) + rnd(r, 2)]) + "." + r.choice(ABUSE_TLDS + ["io", "app", "xyz", "org"])
    return r.choice(["https://", "https://", "http://", ""]) + host + phish_path(r, brand)


COIN_PARTS = ["swap", "dao", "fi", "lend", "yield", "vault", "chain", "bridge", "stake", "pool", "mint", "dex", "labs", "protocol", "network", "finance", "wallet", "node", "scan", "oracle", "market", "nft", "pay", "coin", "token", "block", "layer", "zk", "roll", "ether"]
COIN_TLDS = ["io", "org", "xyz", "finance", "exchange", "app", "fi", "network", "com", "dev", "co", "tech", "money", "art", "gg", "so"]


def benign_crypto(r):
    """Ordinary crypto and web3 projects' own sites: names that look like
    what phishers imitate, on their own domains."""
    name = r.choice([r.choice(TECH) + r.choice(COIN_PARTS), r.choice(COMPANY_WORDS) + r.choice(COIN_PARTS), r.choice(COIN_PARTS) + r.choice(COIN_PARTS), r.choice(FIRST) + r.choice(COIN_PARTS)])
    host = name + "." + r.choice(COIN_TLDS)
    host = r.choice(["", "", "app.", "docs.", "www.", "gov.", "bridge.", "stake.", "blog."]) + host
    return r.choice(["https://", ""]) + host + r.choice(["", "", "/", "/docs", "/#/swap", "/governance", "/stake", "/faq", "/blog/" + rnd(r, 6, string.ascii_lowercase)])


def bare(r, url):
    """A third of the examples on both sides are bare hosts, as block and
    allow lists write them."""
    if r.random() < 0.33:
        host = url.split("://", 1)[-1].split("/", 1)[0].split("@")[-1]
        return host[4:] if host.startswith("www.") and r.random() < 0.5 else host
    return url


def build(seed, n_benign, n_phish):
    r = random.Random(seed)
    rows, seen = [], set()

    def add(label, url):
        if url not in seen:
            seen.add(url)
            rows.append({"label": label, "url": url})

    for _ in range(n_benign):
        k = r.random()
        add("benign", bare(r, benign_hosted(r) if k < 0.42 else benign_official(r) if k < 0.62 else benign_crypto(r) if k < 0.67 else benign_company(r)))
    for _ in range(n_phish):
        add("phishing", bare(r, phishing(r)))
    r.shuffle(rows)
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows)


# disjoint name pools for fresh.jsonl (first measurement; never train on it)
FRESH_TECH = ["sparkle", "quill", "lantern", "otter", "badger", "heron", "cobalt", "amber", "ember", "fjord", "glyph", "harbor", "juniper", "kelp", "lumen", "mosaic", "nimbus", "orbit", "prism", "quartz", "raven", "sable", "tundra", "umbra", "vortex", "willow", "yarrow", "zephyr", "signin", "passkey", "keyring", "accounts", "billing", "checkout", "wallet-kit", "authz", "idp", "sso"]
FRESH_FIRST = ["aaron", "beatriz", "cyril", "dagny", "elif", "farid", "gustav", "hana", "ilse", "jorge", "keanu", "lotte", "marek", "nadia", "oren", "paula", "quinn", "rosa", "stefan", "tove", "ugo", "vera", "wim", "xiu", "yusuf", "zainab"]
FRESH_LAST = ["abbott", "bergstrom", "castillo", "dimitrov", "eriksen", "fontaine", "gallo", "horvat", "ibarra", "jensen", "kowal", "lindqvist", "moreau", "nakamura", "oyelaran", "pereira", "quintero", "romanov", "sorensen", "takahashi", "urbano", "vasquez", "weiss", "yilmaz", "zamora"]
FRESH_CWORDS = ["cedar", "granite", "lakeside", "meadow", "pioneer", "summit", "tidal", "timber", "vista", "aurora"]
FRESH_CNOUNS = ["orthodontics", "roofing", "catering", "kennels", "joinery", "tailors", "surveyors", "opticians", "brewery", "bistro"]


def build_fresh(seed, n_benign, n_phish):
    """Same shapes, other names: swap the name pools while building."""
    g = globals()
    saved = {k: g[k] for k in ("TECH", "FIRST", "LAST", "COMPANY_WORDS", "COMPANY_NOUNS")}
    g.update(TECH=FRESH_TECH, FIRST=FRESH_FIRST, LAST=FRESH_LAST, COMPANY_WORDS=FRESH_CWORDS, COMPANY_NOUNS=FRESH_CNOUNS)
    try:
        return build(seed, n_benign, n_phish)
    finally:
        g.update(saved)


def outputs():
    return {"train.jsonl": build(SEED, 9000, 5000), "fresh.jsonl": build_fresh(SEED + 1, 1200, 600)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    for name, text in outputs().items():
        path = os.path.join(HERE, name)
        if args.check:
            if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
                raise SystemExit(name + " differs from the generator")
            print(name, "matches the generator")
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("%-12s %6d lines" % (name, text.count("\n")))


if __name__ == "__main__":
    main()
