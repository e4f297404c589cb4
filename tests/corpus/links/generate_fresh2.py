#!/usr/bin/env python3
"""Deterministic generator of `fresh2.jsonl`, a split of link examples that
no rule or model is ever tuned on (Python 3 stdlib only, fixed seed).

    python3 tests/corpus/links/generate_fresh2.py [--check]

Written before the issue-16 signal changes of h-link16, from how public
reports (anti-phishing working group trend reports, CERT and vendor blog
write-ups, Japanese and Chinese smishing warnings) describe real phishing
hosts, with its own vocabularies (not those of `generate_links.py`). Most
lines are bare hosts, as a public phishing feed lists them.

Phishing shapes: brand or bank names and lure words in hyphen chains on a
domain that is not the brand's (`appleid-apple-com.support`); a brand's
domain written up front of another (`amazon.co.jp.xyz-abc.cn`); brands one
edit away; random-looking or digit-laden labels on cheap TLDs, with lure
words in subdomains or deep subdomain chains; brand or lure subdomains on
free hosting and site builders; raw IPs; punycode homographs; long hex or
base32 labels (hosting-provider default hostnames); Japanese and Chinese
smishing shapes (card companies, couriers, tolls, carriers).

Benign: top sites and their regional and sign-in subdomains
(`login.microsoftonline.com`, `appleid.apple.com`, `*.amazon.co.jp`),
CDN and cloud hostnames, ordinary small businesses on cheap TLDs
(`.shop`, `.xyz`, `.top`, `.online`), personal and project sites on shared
hosting (github.io, netlify.app, vercel.app deployment names, readthedocs,
pages.dev ...), including names with digits, hyphens and words such as
`auth`, `wallet`, `secure` (real projects use them).

No real phishing URL is copied; the names are generated.
"""
import json
import os
import random
import string

import split_io

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261204

# ---------------------------------------------------------------- phishing

# (word phishers put in the host, its official registrable domain or None)
BRANDS = [
    ("paypal", "paypal.com"), ("apple", "apple.com"), ("appleid", "apple.com"), ("icloud", "icloud.com"),
    ("microsoft", "microsoft.com"), ("office365", None), ("office", None), ("outlook", "outlook.com"),
    ("onedrive", None), ("sharepoint", None), ("google", "google.com"), ("gmail", None), ("amazon", "amazon.com"),
    ("amzn", None), ("netflix", "netflix.com"), ("facebook", "facebook.com"), ("meta", None), ("instagram", "instagram.com"),
    ("whatsapp", "whatsapp.com"), ("chase", "chase.com"), ("wellsfargo", "wellsfargo.com"), ("wells", None),
    ("bankofamerica", "bankofamerica.com"), ("bofa", None), ("citibank", None), ("hsbc", "hsbc.com"),
    ("barclays", "barclays.co.uk"), ("lloyds", None), ("natwest", "natwest.com"), ("santander", None), ("halifax", None),
    ("usps", "usps.com"), ("royalmail", "royalmail.com"), ("evri", "evri.com"), ("dhl", "dhl.com"), ("fedex", "fedex.com"),
    ("ups", "ups.com"), ("hmrc", None), ("irs", "irs.gov"), ("ezpass", None), ("sunpass", None), ("coinbase", "coinbase.com"),
    ("binance", "binance.com"), ("metamask", "metamask.io"), ("ledger", "ledger.com"), ("trezor", "trezor.io"),
    ("trustwallet", None), ("uniswap", "uniswap.org"), ("opensea", "opensea.io"), ("phantom", None), ("kraken", "kraken.com"),
    ("smbc", "smbc.co.jp"), ("mufg", "mufg.jp"), ("mizuho", None), ("rakuten", "rakuten.co.jp"), ("aeon", None),
    ("jcb", None), ("saison", None), ("epos", None), ("docomo", None), ("softbank", None), ("au-kddi", None), ("sagawa", None),
    ("yamato", None), ("japanpost", None), ("jppost", None), ("mercari", None), ("paypay", None), ("etc-meisai", None),
    ("icbc", "icbc.com.cn"), ("ccb", "ccb.com"), ("abchina", "abchina.com"), ("boc", None), ("cmbchina", None), ("alipay", "alipay.com"),
    ("taobao", "taobao.com"), ("jd", None), ("10086", "10086.cn"), ("12123", None), ("etc", None), ("sf-express", None),
    ("steam", None), ("steamcommunity", "steamcommunity.com"), ("roblox", "roblox.com"), ("docusign", "docusign.com"),
    ("dropbox", "dropbox.com"), ("adobe", "adobe.com"), ("att", "att.com"), ("verizon", "verizon.com"), ("tmobile", None),
    ("xfinity", None), ("comcast", None), ("spectrum", None), ("vodafone", None), ("orange", None), ("dpd", None), ("inpost", None),
    ("auspost", None), ("canadapost", None), ("mygov", None), ("ato", None), ("nhs", None), ("dvla", None), ("ebay", "ebay.com"),
    ("walmart", "walmart.com"), ("costco", None), ("linkedin", "linkedin.com"), ("yahoo", "yahoo.com"), ("aol", None),
    ("commbank", None), ("westpac", None), ("anz", None), ("rbc", None), ("interac", None), ("desjardins", None), ("itau", None),
    ("bradesco", None), ("nubank", None), ("sbi", None), ("hdfc", None), ("icici", None), ("maybank", None), ("dbs", None),
    ("ocbc", None), ("kbank", None), ("scb", None), ("bca", None), ("mandiri", None), ("bdo", None), ("gcash", None),
    ("postbank", None), ("sparkasse", None), ("volksbank", None), ("ing", None), ("rabobank", None), ("kbc", None),
    ("creditagricole", None), ("laposte", None), ("ameli", None), ("poste", None), ("correos", None), ("bancosantander", None),
    ("wetransfer", None), ("zoom", None), ("discord", None), ("telegram", None), ("spotify", None), ("disney", None),
    ("booking", None), ("airbnb", None), ("shein", None), ("temu", None), ("aliexpress", None), ("okx", None), ("bybit", None),
]
LURES = ["login", "log-in", "signin", "sign-in", "verify", "verification", "secure", "security", "account", "accounts",
         "update", "confirm", "support", "help", "service", "services", "auth", "wallet", "claim", "reward", "refund",
         "billing", "payment", "pay", "unlock", "recovery", "restore", "validate", "alert", "notice", "online", "portal",
         "access", "redelivery", "delivery", "track", "tracking", "parcel", "package", "toll", "tolls", "tax", "gift",
         "airdrop", "connect", "sync", "kyc", "dapp", "mint", "card", "cards", "member", "members", "my", "id", "web",
         "app", "mobile", "info", "center", "centre", "team", "case", "appeal", "review", "helpdesk", "customer", "care",
         "points", "bonus", "limited", "locked", "suspended", "resolve", "check", "secure2", "auth0", "sso", "mfa", "otp",
         "jp", "us", "uk", "au", "ca", "cn", "co", "com", "net", "official", "global", "int", "inc", "home", "cs"]
ABUSE_TLDS = ["top", "xyz", "icu", "cfd", "sbs", "bond", "cyou", "buzz", "shop", "vip", "cc", "cn", "tk", "ml", "ga", "cf",
              "gq", "click", "link", "live", "online", "site", "store", "support", "help", "info", "life", "one", "win",
              "rest", "monster", "lat", "mom", "skin", "autos", "homes", "pw", "ws", "asia", "work", "club", "fun", "space",
              "website", "today", "services", "digital", "me", "co", "io", "app", "dev", "net", "org", "com", "com", "com",
              "us", "in", "ru", "su", "biz", "pro", "email", "zip", "mov", "beauty", "hair", "makeup", "quest", "motorcycles"]
HOSTING = ["weebly.com", "wixsite.com", "webflow.io", "firebaseapp.com", "web.app", "pages.dev", "workers.dev",
           "netlify.app", "vercel.app", "glitch.me", "duckdns.org", "ngrok-free.app", "ngrok.io", "000webhostapp.com",
           "blogspot.com", "godaddysites.com", "square.site", "r2.dev", "github.io", "gitbook.io", "framer.app",
           "herokuapp.com", "onrender.com", "repl.co", "replit.app", "mystrikingly.com", "jimdosite.com", "site123.me",
           "azurewebsites.net", "appspot.com", "translate.goog", "surge.sh", "wcomhost.com", "yolasite.com",
           "webwave.dev", "ukit.me", "tilda.ws", "carrd.co", "myshopify.com", "ddns.net", "hopto.org", "trycloudflare.com",
           "fly.dev", "up.railway.app", "b-cdn.net", "my.canva.site", "notion.site", "typedream.app"]
GATEWAYS = ["ipfs.io/ipfs/", "cloudflare-ipfs.com/ipfs/", "gateway.pinata.cloud/ipfs/", "dweb.link/ipfs/", "ipfs.w3s.link/ipfs/"]
HOSTER_DEFAULT = [  # hosting providers' default hostnames: {h} hex, {n} digits, {ip} dashed ip
    "srv{n}.hstgr.cloud", "vps-{h8}.vps.ovh.net", "ip-{ip}.ip.secureserver.net", "{h12}.sslblindado.com",
    "server{n}.web-hosting.com", "cpanel{n}.hostinger.{tld}", "vmi{n}.contaboserver.net", "static.{ip}.clients.your-server.de",
    "ec2-{ip}.compute-1.amazonaws.com", "{h8}-{h4}.ngrok-free.app", "host-{ip}.static.example-isp.net",
]
JP_SHAPES = ["{b}-jp.{t}", "{b}-co-jp.{t}", "{b}.co.jp-{r}.{t}", "{b}-card.{r}.{t}", "www.{b}-{l}.{t}", "{b}{n3}.{t}",
             "{b}-{r}.cn", "{b}.jp-{l}.{t}", "{b}-{l}-jp.{t}", "{r}.{b}-{l}.{t}", "{b}.co.jp.{r}.{t}"]
CN_SHAPES = ["{b}-{l}.{t}", "www.{b}{l}.{t}", "{b}{n3}.{t}", "m.{b}-{r}.{t}", "{b}{l}{n2}.{t}", "{r}.{b}-kf.{t}", "wap.{b}-{l}.{t}"]
CN_LURES = ["jf", "jfdh", "kf", "kefu", "tk", "tuikuan", "lipei", "rz", "renzheng", "yz", "dl", "denglu", "sm", "te",
            "butie", "lq", "ss", "gx", "zx", "ebank", "vip", "pay"]
HOMOGLYPH = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "s": "ѕ", "j": "ј"}
ACCENT = {"a": "á", "e": "é", "o": "ó", "i": "í", "u": "ü", "n": "ñ", "c": "ç"}
PATHS = ["", "", "", "", "/", "/login", "/signin", "/verify", "/account/update", "/secure/", "/index.html", "/auth/",
         "/wallet/connect", "/redelivery", "/track?id=", "/pay", "/jp/", "/mypage", "/claim", "/wp-includes/js/", "/~user/"]


def rnd(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def consonanty(r, n):
    return rnd(r, "bcdfghjklmnpqrstvwxz", n)


def pseudo(r, n):
    # Random-looking but pronounceable-ish: what mass registrations produce.
    out = ""
    while len(out) < n:
        out += r.choice("bcdfghjklmnpqrstvwxz") + r.choice("aeiou" if r.random() < 0.6 else "bcdfghklmnprstxz")
    return out[:n]


def one_edit(r, w):
    w = w.replace("-", "")
    if len(w) < 4:
        return w + r.choice("sx")
    i = r.randrange(1, len(w) - 1)
    op = r.randrange(5)
    if op == 0:
        return w[:i] + w[i + 1:]
    if op == 1:
        return w[:i] + r.choice("aeioulnrst") + w[i:]
    if op == 2:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if op == 3:
        sub = {"l": "1", "o": "0", "i": "1", "e": "3", "m": "rn", "w": "vv", "a": "4", "s": "5"}
        j = next((k for k, c in enumerate(w) if c in sub), i)
        return w[:j] + sub.get(w[j], r.choice("aeiou")) + w[j + 1:]
    return w[:i] + r.choice(string.ascii_lowercase) + w[i + 1:]


def fill(r, shape, b):
    return shape.format(
        b=b, l=r.choice(LURES), t=r.choice(ABUSE_TLDS), r=pseudo(r, r.randint(3, 8)),
        n2=r.randint(10, 99), n3=r.randint(100, 999), n=r.randint(1000, 99999))


def phish(r):
    b, official = r.choice(BRANDS)
    l1, l2 = r.choice(LURES), r.choice(LURES)
    t = r.choice(ABUSE_TLDS)
    k = r.randrange(22)
    if k == 0:  # appleid-apple-com.support
        dom = official or b + ".com"
        return "-".join([b] + dom.split(".")) + "." + r.choice(["support", "help", "info", "online", "com", "net", "site"])
    if k == 1:  # secure-chase-verify.com
        return f"{l1}-{b}-{l2}.{t}"
    if k == 2:  # usps-redelivery-xx.top
        return f"{b}-{l1}-{pseudo(r, r.randint(2, 5))}.{t}"
    if k == 3:  # brand misspelled by one edit
        return f"{r.choice(['', 'www.', l1 + '.'])}{one_edit(r, b)}{r.choice(['', '-' + l1])}.{t}"
    if k == 4:  # random label on cheap TLD
        return f"{pseudo(r, r.randint(5, 12))}.{r.choice(ABUSE_TLDS[:40])}"
    if k == 5:  # digit-laden label
        s = rnd(r, string.ascii_lowercase, r.randint(2, 5)) + str(r.randint(10, 99999)) + rnd(r, string.ascii_lowercase, r.randint(0, 3))
        return f"{r.choice(['', 'www.', l1 + '.'])}{s}.{r.choice(ABUSE_TLDS[:40])}"
    if k == 6:  # lure words in subdomains of a random registrable
        return f"{l1}.{r.choice([l2 + '.', ''])}{pseudo(r, r.randint(4, 9))}.{t}"
    if k == 7:  # deep subdomain chain with a brand's domain up front
        dom = official or b + ".com"
        return f"{r.choice(['www.', l1 + '.', ''])}{dom}.{l2}.{pseudo(r, r.randint(4, 8))}.{t}"
    if k in (8, 9):  # brand/lure subdomain on free hosting
        sep = r.choice(["-", "-", ""])
        name = r.choice([f"{b}{sep}{l1}", f"{l1}{sep}{b}", f"{b}-{l1}-{l2}", f"{b}{r.randint(1, 999)}",
                         f"{b}-{l1}-{pseudo(r, 4)}", f"{one_edit(r, b)}-{l1}", f"{b}-{(official or b + '-com').replace('.', '-')}"])
        return f"{name}.{r.choice(HOSTING)}"
    if k == 10:  # lure-only or random subdomain on free hosting with other evidence
        name = r.choice([f"{l1}-{l2}-{pseudo(r, 5)}", f"{pseudo(r, 10)}{r.randint(10, 999)}", f"{l1}{r.randint(100, 9999)}",
                         f"{rnd(r, '0123456789abcdef', 16)}", f"{l1}-{l2}-{r.choice(LURES)}"])
        return f"{name}.{r.choice(HOSTING)}"
    if k == 11:  # raw IP
        ip = ".".join(str(r.randint(1, 254)) for _ in range(4))
        return ip + r.choice(["", ":8080", ":8443", "/" + b + "/", "/login.php"])
    if k == 12:  # punycode homograph of a brand
        w = b.replace("-", "")
        table = HOMOGLYPH if r.random() < 0.5 else ACCENT
        idx = [i for i, c in enumerate(w) if c in table]
        if not idx:
            return f"{b}-{l1}.{t}"
        i = r.choice(idx)
        uni = w[:i] + table[w[i]] + w[i + 1:]
        return f"{uni}.{r.choice(['com', 'net', t])}".encode("idna").decode("ascii")
    if k == 13:  # long hex / base32 label (hosting default or throwaway)
        lab = rnd(r, "0123456789abcdef", r.choice([16, 20, 24, 32])) if r.random() < 0.5 else rnd(r, "abcdefghijklmnopqrstuvwxyz234567", r.choice([16, 26, 32]))
        return f"{lab}.{r.choice(['com', 'net', t, 'r2.dev', 'workers.dev', 'pages.dev', 'ipfs.dweb.link'])}"
    if k == 14:  # hosting-provider default hostnames
        ipd = "-".join(str(r.randint(1, 254)) for _ in range(4))
        return r.choice(HOSTER_DEFAULT).format(n=r.randint(10000, 999999), h8=rnd(r, "0123456789abcdef", 8),
                                               h4=rnd(r, "0123456789abcdef", 4), h12=rnd(r, "0123456789abcdef", 12),
                                               ip=ipd, tld=r.choice(["com", "net"]))
    if k == 15:  # ipfs gateway path
        return "https://" + r.choice(GATEWAYS) + "bafybei" + rnd(r, "abcdefghijklmnopqrstuvwxyz234567", 52) + r.choice(["", "/index.html", "/" + b + ".html"])
    if k in (16, 17):  # Japanese smishing
        jb = r.choice(["smbc", "mufg", "mizuho", "rakuten", "aeon", "jcb", "saison", "epos", "docomo", "softbank", "sagawa",
                       "yamato", "japanpost", "jppost", "mercari", "paypay", "amazon", "au", "etc", "rakuten-card", "smbc-card",
                       "aeoncard", "orico", "nicos", "viewcard", "jaccs", "jibun", "resona", "sbi", "amazon-co-jp", "kuroneko"])
        return fill(r, r.choice(JP_SHAPES), jb)
    if k in (18, 19):  # Chinese smishing
        cb = r.choice(["icbc", "ccb", "abc", "boc", "bocom", "psbc", "cmb", "etc", "10086", "12123", "95588", "95533",
                       "taobao", "jd", "alipay", "sf", "ems", "chsi", "gjj", "shebao", "ybj", "pingan", "cmbc", "spdb"])
        return fill(r, r.choice(CN_SHAPES), cb).replace("{", "")
    if k == 20:  # brand + lure run together on a .com or cheap TLD
        return f"{r.choice(['', 'www.'])}{b.replace('-', '')}{l1.replace('-', '')}{r.choice(['', str(r.randint(1, 99))])}.{t}"
    # k == 21: brand as a subdomain of a random registrable
    return f"{b}.{r.choice([l1 + '-', ''])}{pseudo(r, r.randint(5, 9))}.{t}"


# ---------------------------------------------------------------- benign

TOP = [
    "google.com", "youtube.com", "facebook.com", "wikipedia.org", "instagram.com", "twitter.com", "x.com", "reddit.com",
    "amazon.com", "amazon.co.jp", "amazon.de", "amazon.co.uk", "yahoo.co.jp", "yahoo.com", "bing.com", "live.com",
    "microsoft.com", "office.com", "linkedin.com", "netflix.com", "apple.com", "icloud.com", "whatsapp.com", "tiktok.com",
    "baidu.com", "qq.com", "taobao.com", "tmall.com", "jd.com", "weibo.com", "163.com", "126.com", "sina.com.cn",
    "sohu.com", "bilibili.com", "zhihu.com", "douban.com", "csdn.net", "360.cn", "58.com", "1688.com", "4399.com",
    "ctrip.com", "meituan.com", "pinduoduo.com", "alipay.com", "aliyun.com", "huawei.com", "xiaomi.com", "mi.com",
    "naver.com", "daum.net", "kakao.com", "rakuten.co.jp", "nicovideo.jp", "pixiv.net", "goo.ne.jp", "livedoor.com",
    "ameblo.jp", "fc2.com", "dmm.com", "mercari.com", "kakaku.com", "tabelog.com", "nhk.or.jp", "asahi.com",
    "ebay.com", "paypal.com", "walmart.com", "target.com", "bestbuy.com", "etsy.com", "aliexpress.com", "shein.com",
    "temu.com", "booking.com", "airbnb.com", "expedia.com", "tripadvisor.com", "uber.com", "spotify.com", "twitch.tv",
    "discord.com", "zoom.us", "slack.com", "dropbox.com", "box.com", "salesforce.com", "adobe.com", "oracle.com",
    "ibm.com", "intel.com", "nvidia.com", "amd.com", "samsung.com", "sony.com", "lg.com", "dell.com", "hp.com",
    "cnn.com", "bbc.co.uk", "bbc.com", "nytimes.com", "theguardian.com", "washingtonpost.com", "reuters.com",
    "bloomberg.com", "forbes.com", "wsj.com", "espn.com", "imdb.com", "quora.com", "stackoverflow.com", "github.com",
    "gitlab.com", "bitbucket.org", "npmjs.com", "pypi.org", "crates.io", "docker.com", "kubernetes.io", "mozilla.org",
    "w3.org", "cloudflare.com", "akamai.com", "fastly.com", "digitalocean.com", "heroku.com", "vercel.com", "netlify.com",
    "chase.com", "bankofamerica.com", "wellsfargo.com", "citi.com", "capitalone.com", "usbank.com", "americanexpress.com",
    "discover.com", "hsbc.com", "barclays.co.uk", "santander.com", "ing.com", "bnpparibas.com", "dbs.com.sg",
    "smbc.co.jp", "mufg.jp", "mizuhobank.co.jp", "icbc.com.cn", "ccb.com", "boc.cn", "abchina.com", "cmbchina.com",
    "coinbase.com", "binance.com", "kraken.com", "metamask.io", "ledger.com", "opensea.io", "uniswap.org",
    "usps.com", "ups.com", "fedex.com", "dhl.com", "royalmail.com", "post.japanpost.jp", "sagawa-exp.co.jp",
    "kuronekoyamato.co.jp", "sf-express.com", "irs.gov", "ssa.gov", "usa.gov", "gov.uk", "canada.ca", "gov.cn",
    "europa.eu", "who.int", "un.org", "nasa.gov", "nih.gov", "cdc.gov", "harvard.edu", "mit.edu", "stanford.edu",
    "ox.ac.uk", "u-tokyo.ac.jp", "tsinghua.edu.cn", "pku.edu.cn", "wordpress.org", "wordpress.com", "medium.com",
    "substack.com", "tumblr.com", "pinterest.com", "quizlet.com", "duolingo.com", "khanacademy.org", "coursera.org",
    "udemy.com", "openai.com", "chatgpt.com", "anthropic.com", "claude.ai", "steampowered.com", "steamcommunity.com",
    "epicgames.com", "roblox.com", "ea.com", "playstation.com", "xbox.com", "nintendo.com", "canva.com", "figma.com",
    "notion.so", "atlassian.com", "trello.com", "asana.com", "shopify.com", "squarespace.com", "wix.com", "weebly.com",
    "godaddy.com", "namecheap.com", "ovhcloud.com", "hetzner.com", "vk.com", "yandex.ru", "mail.ru", "ok.ru",
    "avito.ru", "ozon.ru", "wildberries.ru", "allegro.pl", "olx.pl", "mercadolibre.com.ar", "globo.com", "uol.com.br",
    "flipkart.com", "paytm.com", "hdfcbank.com", "icicibank.com", "sbi.co.in", "irctc.co.in", "zillow.com", "indeed.com",
    "glassdoor.com", "yelp.com", "craigslist.org", "att.com", "verizon.com", "t-mobile.com", "xfinity.com",
    "vodafone.com", "orange.fr", "telekom.de", "docomo.ne.jp", "softbank.jp", "au.com", "line.me", "kakaocorp.com",
    "wechat.com", "telegram.org", "signal.org", "proton.me", "duckduckgo.com", "brave.com", "opera.com",
    "archive.org", "weather.com", "accuweather.com", "imgur.com", "giphy.com", "flickr.com", "vimeo.com",
    "dailymotion.com", "soundcloud.com", "bandcamp.com", "deviantart.com", "behance.net", "dribbble.com",
]
REAL_SUBS = [
    "login.microsoftonline.com", "appleid.apple.com", "secure.chase.com", "www.amazon.co.jp", "smile.amazon.co.jp",
    "sellercentral.amazon.co.jp", "signin.aws.amazon.com", "accounts.google.com", "myaccount.google.com",
    "mail.google.com", "login.live.com", "account.microsoft.com", "outlook.office365.com", "login.yahoo.co.jp",
    "secure.bankofamerica.com", "connect.secure.wellsfargo.com", "online.citi.com", "verified.capitalone.com",
    "www.paypal.com", "signin.ebay.com", "id.atlassian.com", "auth.openai.com", "secure.login.gov",
    "mybank.icbc.com.cn", "ebank.ccb.com", "passport.jd.com", "login.taobao.com", "auth.alipay.com",
    "www.smbc-card.com", "direct.smbc.co.jp", "entry11.bk.mufg.jp", "web.ib.mizuhobank.co.jp", "grp01.id.rakuten.co.jp",
    "login.account.rakuten.com", "id.docomo.ne.jp", "my.softbank.jp", "connect.auone.jp", "trackings.post.japanpost.jp",
    "toi.kuronekoyamato.co.jp", "k2k.sagawa-exp.co.jp", "tools.usps.com", "www.ups.com", "www.fedex.com",
    "www.royalmail.com", "www.gov.uk", "www.tax.service.gov.uk", "sa.www4.irs.gov", "secure.ssa.gov",
    "wallet.coinbase.com", "accounts.binance.com", "app.uniswap.org", "portfolio.metamask.io", "store.steampowered.com",
    "help.steampowered.com", "en.wikipedia.org", "ja.wikipedia.org", "zh.wikipedia.org", "m.facebook.com",
    "business.facebook.com", "support.apple.com", "developer.apple.com", "docs.microsoft.com", "learn.microsoft.com",
    "support.google.com", "maps.google.co.jp", "news.yahoo.co.jp", "item.rakuten.co.jp", "item.taobao.com",
    "item.jd.com", "pan.baidu.com", "map.baidu.com", "mp.weixin.qq.com", "mail.qq.com", "music.163.com",
    "www.bilibili.com", "space.bilibili.com", "api.github.com", "raw.githubusercontent.com", "gist.github.com",
    "registry.npmjs.org", "files.pythonhosted.org", "static.crates.io", "hub.docker.com", "ssl.gstatic.com",
    "fonts.googleapis.com", "fonts.gstatic.com", "ajax.googleapis.com", "www.googletagmanager.com", "cdn.jsdelivr.net",
    "unpkg.com", "cdnjs.cloudflare.com", "code.jquery.com", "s3.amazonaws.com", "images-na.ssl-images-amazon.com",
    "m.media-amazon.com", "i.ytimg.com", "yt3.ggpht.com", "pbs.twimg.com", "scontent.xx.fbcdn.net",
    "static.xx.fbcdn.net", "upload.wikimedia.org", "secure.gravatar.com", "login.salesforce.com", "account.box.com",
    "secure.indeed.com", "secure.booking.com", "checkout.shopify.com", "pay.google.com", "payments.amazon.co.jp",
    "billing.stripe.com", "dashboard.stripe.com", "verify.stripe.com", "accounts.spotify.com", "login.xfinity.com",
    "signin.att.com", "secure.verizon.com", "my.t-mobile.com", "online.hsbc.com", "secure.ing.nl",
    "ibanking.dbs.com.sg", "retail.onlinesbi.sbi", "netbanking.hdfcbank.com", "infinity.icicibank.com",
]
CDN_SHAPES = ["d{h13}.cloudfront.net", "{h8}.cdn.cloudflare.net", "a{n}.dscb.akamai.net", "e{n}.a.akamaiedge.net",
              "{w}.azureedge.net", "{w}-{h6}.z01.azurefd.net", "{w}.blob.core.windows.net", "{w}.s3.amazonaws.com",
              "{w}-assets.s3.us-east-1.amazonaws.com", "storage.googleapis.com", "{w}.global.ssl.fastly.net",
              "cdn.{w}.com", "static.{w}.com", "img.{w}.com", "assets.{w}.net", "{w}.b-cdn.net", "{w}.edgekey.net",
              "{w}.kxcdn.com", "{w}.akamaized.net", "{w}cdn.azureedge.net"]
BIZ_A = ["maria", "kenji", "lotus", "harbor", "cedar", "juniper", "saffron", "olive", "maple", "tokyo", "kyoto", "osaka",
         "shanghai", "hangzhou", "berlin", "lisbon", "nordic", "alpine", "sunny", "little", "urban", "rustic", "golden",
         "blue-door", "red-fox", "sakura", "panda", "dragon", "jade", "bamboo", "coral", "amber", "velvet", "willow"]
BIZ_B = ["bakery", "ramen", "coffee", "tea", "florist", "studio", "salon", "barber", "yoga", "pilates", "bikes", "books",
         "records", "ceramics", "crafts", "candles", "soap", "knits", "prints", "photo", "wedding", "dental", "clinic",
         "pet", "vet", "garden", "nursery", "hardware", "tailor", "shoes", "jewelry", "tattoo", "sushi", "dumplings",
         "pizza", "tacos", "brewing", "winery", "tours", "travel", "guesthouse", "hostel", "english", "piano", "tutor"]
BIZ_TLDS = ["shop", "xyz", "top", "online", "site", "store", "vip", "club", "cc", "cn", "info", "biz", "life", "live",
            "fun", "space", "website", "icu", "buzz", "one", "co", "io", "me", "com", "net", "jp", "co.jp", "de", "fr"]
PROJ_WORDS = ["tokio", "serde", "nix", "flake", "pandas", "numpy", "torch", "rustls", "axum", "vite", "astro", "hugo",
              "jekyll", "sphinx", "mkdocs", "pelican", "zola", "gatsby", "remix", "svelte", "solid", "qwik", "deno", "bun",
              "zig", "odin", "nim", "crystal", "elixir", "gleam", "ocaml", "haskell", "idris", "coq", "lean", "agda",
              "blender", "godot", "bevy", "raylib", "sdl", "imgui", "egui", "iced", "tauri", "electron", "flutter",
              "kotlin", "scala", "clojure", "racket", "scheme", "lisp", "prolog", "julia", "octave", "scipy", "sympy",
              "matplotlib", "seaborn", "plotly", "bokeh", "dask", "ray", "spark", "flink", "kafka", "pulsar", "nats",
              "redis", "valkey", "sqlite", "duckdb", "postgres", "mariadb", "clickhouse", "influx", "grafana", "loki",
              "tempo", "jaeger", "zipkin", "envoy", "traefik", "caddy", "nginx", "haproxy", "wireguard", "tailscale",
              "keycloak", "authelia", "oauth2-proxy", "passlib", "bcrypt", "argon2", "libsodium", "age", "sops", "vault",
              "wallet-adapter", "web3-utils", "secure-store", "login-kit", "auth-helpers", "account-sync", "verify-email",
              "update-notifier", "paypal-sdk-docs", "stripe-mock", "apple-music-api", "google-auth-lib", "amazon-ion"]
PEOPLE = ["akiko", "tanaka-lab", "wzhang", "lichen", "mmueller", "jsmith", "kpatel", "anovak", "olga-ivanova", "pdubois",
          "rsilva", "tnguyen", "hkim", "ylee", "jwang", "xliu", "mrossi", "egarcia", "fschmidt", "lmartin", "okafor",
          "amensah", "scohen", "dlevi", "bbrown", "ctaylor", "swalker", "ayoung", "jhill", "rking", "yuki-sato", "hiro123",
          "dev-sakura", "neko-chan", "takumi0", "kaito-dev", "minjun", "seoyeon", "jiwoo", "haruto", "riku", "sota"]
SHARED = ["github.io", "github.io", "github.io", "gitlab.io", "readthedocs.io", "rtfd.io", "sourceforge.io",
          "netlify.app", "netlify.app", "vercel.app", "vercel.app", "pages.dev", "pages.dev", "web.app", "firebaseapp.com",
          "codeberg.page", "surge.sh", "fly.dev", "onrender.com", "herokuapp.com", "glitch.me", "blogspot.com",
          "wordpress.com", "neocities.org", "hashnode.dev", "substack.com", "workers.dev", "gitbook.io", "bitbucket.io",
          "srht.site", "deno.dev", "itch.io", "tumblr.com", "wixsite.com", "weebly.com", "webflow.io", "framer.app",
          "notion.site", "carrd.co", "duckdns.org", "myshopify.com"]
BENIGN_PATHS = ["", "", "", "", "/", "/docs/", "/en/latest/", "/blog/", "/about", "/posts/2026/hello/", "/index.html",
                "/projects/", "/menu", "/contact", "/login", "/account", "/api/", "/releases/", "/search?q=ramen"]


def benign(r):
    k = r.randrange(12)
    if k in (0, 1):  # top sites
        d = r.choice(TOP)
        return r.choice(["", "www.", "www.", "m.", "en.", "jp.", "cn.", "help.", "support.", "about."]) + d
    if k in (2, 3):  # brands' own sign-in, regional and CDN subdomains
        return r.choice(REAL_SUBS)
    if k == 4:  # CDN and cloud hostnames
        return r.choice(CDN_SHAPES).format(h13=rnd(r, "0123456789abcdefghijklmnopqrstuvwxyz", 13), h8=rnd(r, "0123456789abcdef", 8),
                                           h6=rnd(r, "0123456789abcdef", 6), n=r.randint(100, 99999),
                                           w=r.choice(PROJ_WORDS + BIZ_A).replace("-", ""))
    if k in (5, 6):  # small businesses, cheap TLDs included
        a, b = r.choice(BIZ_A), r.choice(BIZ_B)
        name = r.choice([f"{a}-{b}", f"{a}{b}", f"{b}-{a}", f"{a}-{b}-{r.choice(['tokyo', 'shop', 'store', 'online', 'hq', 'studio'])}",
                         f"{a}{b}{r.randint(1, 99)}", f"{b}{r.choice(['', 'ya', 'ten', 'house'])}"])
        return r.choice(["", "www.", "shop."]) + f"{name}.{r.choice(BIZ_TLDS)}"
    if k in (7, 8, 9):  # project and personal sites on shared hosting
        p = r.choice(PROJ_WORDS)
        who = r.choice(PEOPLE)
        plat = r.choice(SHARED)
        name = r.choice([p, who, f"{p}-docs", f"{who}-blog", f"{p}-{r.choice(['rs', 'py', 'js', 'demo', 'site', 'org'])}",
                         f"{p}{r.randint(2, 2026)}", f"{who}{r.randint(1, 99)}", f"my-{p}-notes-{r.randint(2019, 2026)}"])
        if plat == "vercel.app" and r.random() < 0.4:  # deployment names
            name = f"{p}-{rnd(r, string.ascii_lowercase + string.digits, 9)}-{who}"
        if plat == "netlify.app" and r.random() < 0.3:  # deploy previews
            name = r.choice([f"deploy-preview-{r.randint(1, 999)}--{p}", f"{rnd(r, '0123456789abcdef', 24)}--{p}"])
        if plat == "pages.dev" and r.random() < 0.3:  # preview builds
            name = f"{rnd(r, '0123456789abcdef', 8)}.{p}"
        return f"{name}.{plat}"
    if k == 10:  # organisations' pages named like brands on code hosting
        return f"{r.choice(['google', 'microsoft', 'apple', 'amazon', 'paypal', 'netflix', 'facebook', 'adobe', 'spotify', 'coinbase', 'dropbox', 'line', 'rakuten', 'alibaba', 'tencent', 'baidu'])}.{r.choice(['github.io', 'github.io', 'gitlab.io'])}"
    # k == 11: universities, governments, ordinary regional sites
    return r.choice(["www.", "", "lib.", "cs.", "mail."]) + r.choice(
        ["kyoto-u.ac.jp", "osaka-u.ac.jp", "tohoku.ac.jp", "zju.edu.cn", "fudan.edu.cn", "ethz.ch", "epfl.ch",
         "tum.de", "kth.se", "aalto.fi", "uio.no", "anu.edu.au", "utoronto.ca", "ucl.ac.uk", "city.yokohama.lg.jp",
         "metro.tokyo.lg.jp", "beijing.gov.cn", "shanghai.gov.cn", "bund.de", "service-public.fr", "gov.sg",
         "hk.gov.hk", "gov.tw", "go.jp", "mhlw.go.jp", "nta.go.jp", "post.ch", "sbb.ch", "db.de", "jr-east.co.jp"])


def with_path(r, host, paths):
    if host.startswith("http"):
        return host
    p = r.choice(paths)
    scheme = r.choice(["", "http://", "https://", "https://"])
    return f"{scheme}{host}{p}" if (scheme or p) else host


def build():
    r = random.Random(SEED)
    lines, seen = [], set()
    for label, n, make, paths in (("phishing", 1400, phish, PATHS), ("benign", 1600, benign, BENIGN_PATHS)):
        made = 0
        tries = 0
        while made < n and tries < n * 20:
            tries += 1
            host = make(r)
            if host in seen:
                continue
            seen.add(host)
            lines.append({"label": label, "url": with_path(r, host, paths)})
            made += 1
    r.shuffle(lines)
    return "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines)


def main():
    split_io.write_or_check(HERE, "fresh2.jsonl", build, "generate_fresh2.py")


if __name__ == "__main__":
    main()
