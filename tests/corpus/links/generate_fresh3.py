#!/usr/bin/env python3
"""Deterministic generator of `fresh3.jsonl`, an untuned split of link
examples (Python 3 stdlib only, fixed seed). Nothing is tuned on it: it is
measured once, at the end of the session that wrote it (h-link18).

    python3 tests/corpus/links/generate_fresh3.py [--check]

Written before any rule change of h-link18, with vocabularies of its own
(not those of `generate_links.py`, `generate_train2.py` or
`generate_fresh2.py`): brands, banks, carriers, postal services, tax
offices and crypto wallets of Japan, Korea, Brazil, India and Europe
beside global ones, and lure words in several languages (`entrega`,
`boleto`, `pix`, `kyc-update`, `haisou`, `fuzai`, `paket`, `zustellung`,
`colis`…). Every line carries a `kind` (its category, from the generator's
own branch) so the figures can be split per category.

Phishing kinds:
- `hyphen_chain`: brand and lure words chained with hyphens on a cheap or
  ordinary TLD (`nubank-pix-seguro.top`);
- `typo`: a brand one edit away (dropped, doubled, swapped, replaced
  letter, digit for letter), alone or with a lure word;
- `throwaway`: short random or pronounceable labels on abuse TLDs, often
  with a lure word subdomain or a lure path;
- `deep_chain`: deep subdomain chains on cheap TLDs, often with the brand's
  own domain written up front (`www.bradesco.com.br.app-acesso.xk2j.cfd`);
- `cdn_path`: brand and lure words in the *path* on a CDN or storage host
  (`d1x….cloudfront.net/paypal/login`, `storage.googleapis.com/…/index.html`,
  `….r2.dev/…`, `….blob.core.windows.net/…`, `ipfs` gateways);
- `builder`: brand or lure subdomains on site builders and free hosting;
- `regional`: regional smishing shapes (Japanese, Korean, Brazilian,
  Indian, European couriers, tolls, tax offices, banks);
- `brand_word`: brand and lure run together (`ingbankverify.com`).

Benign kinds:
- `top`: top sites of many regions and their ordinary subdomains;
- `brand_sub`: brands' own sign-in, regional, help and API subdomains;
- `project`: free-software project homepages on github.io, gitlab.io,
  readthedocs.io, sourceforge.io, pages.dev, netlify.app, vercel.app and
  codeberg.page, many named with words that are also lure words or brands
  (`secure-headers`, `auth-kit`, `wallet-rs`, `pay-sdk`, `stripe-mock`,
  `paypal-sdk-docs`), with deploy previews and branch deployments;
- `docs`: documentation sites of projects and companies (hosted docs,
  `docs.` subdomains, versioned paths);
- `cdn`: CDN and asset hosts with generated names and asset paths;
- `business`: small businesses, clubs, schools on cheap or local TLDs.

No real phishing URL is copied; every name is generated.
"""
import os
import random
import string

import split_io

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 31415926

# ---------------------------------------------------------------- phishing

# (brand word, official registrable domain or None)
BRANDS = [
    # Japan
    ("rakutenbank", "rakuten-bank.co.jp"), ("smbctrust", None), ("sonybank", "sonybank.net"), ("aupay", None),
    ("mobilesuica", None), ("yucho", "jp-bank.japanpost.jp"), ("shinsei", None), ("nttdocomo", None), ("ymobile", None),
    ("lifecard", None), ("dcard", None), ("cedyna", None), ("pocketcard", None), ("nexco", None), ("amazonjp", None),
    ("yodobashi", "yodobashi.com"), ("zozotown", None), ("lineyahoo", None), ("kuronekoyamato", "kuronekoyamato.co.jp"),
    ("sagawaexp", None), ("nta", "nta.go.jp"), ("mynumber", None),
    # Korea
    ("kbstar", "kbstar.com"), ("shinhan", "shinhan.com"), ("wooribank", "wooribank.com"), ("hanabank", "hanabank.com"),
    ("nonghyup", None), ("kakaobank", "kakaobank.com"), ("toss", "toss.im"), ("naverpay", None), ("coupang", "coupang.com"),
    ("cjlogistics", None), ("epost", "epost.go.kr"), ("hometax", "hometax.go.kr"), ("kakaotalk", None), ("upbit", "upbit.com"),
    ("bithumb", "bithumb.com"), ("sktelecom", None), ("ktolleh", None),
    # Brazil
    ("nubank", "nubank.com.br"), ("bradesco", "bradesco.com.br"), ("itau", "itau.com.br"), ("caixa", "caixa.gov.br"),
    ("bancodobrasil", "bb.com.br"), ("santanderbr", None), ("inter", None), ("picpay", "picpay.com"),
    ("mercadopago", "mercadopago.com.br"), ("correios", "correios.com.br"), ("receitafederal", None), ("serasa", None),
    ("detran", None), ("magalu", None), ("americanas", None), ("c6bank", None), ("sicoob", None), ("sicredi", None),
    # India
    ("sbionline", None), ("hdfcbank", "hdfcbank.com"), ("icicibank", "icicibank.com"), ("axisbank", "axisbank.com"),
    ("kotak", "kotak.com"), ("pnbindia", None), ("bankofbaroda", None), ("paytm", "paytm.com"), ("phonepe", "phonepe.com"),
    ("bhim", None), ("incometax", "incometax.gov.in"), ("indiapost", "indiapost.gov.in"), ("aadhaar", None),
    ("uidai", "uidai.gov.in"), ("jio", "jio.com"), ("airtel", "airtel.in"), ("irctc", "irctc.co.in"), ("fastag", None),
    ("epfo", None), ("bluedart", None), ("delhivery", None),
    # Europe
    ("deutschebank", "deutsche-bank.de"), ("commerzbank", "commerzbank.de"), ("sparkasse", "sparkasse.de"),
    ("dkb", None), ("n26", "n26.com"), ("revolut", "revolut.com"), ("bunq", None), ("abnamro", "abnamro.nl"),
    ("ingbank", None), ("rabobank", "rabobank.nl"), ("bnpparibas", "bnpparibas.fr"), ("societegenerale", None),
    ("creditmutuel", None), ("labanquepostale", None), ("unicredit", None), ("intesasanpaolo", None), ("bbva", "bbva.es"),
    ("caixabank", None), ("millennium", None), ("pkobp", None), ("mbank", None), ("raiffeisen", None), ("erste", None),
    ("nordea", None), ("danskebank", None), ("swedbank", None), ("dhlparcel", None), ("postnl", "postnl.nl"),
    ("bpost", "bpost.be"), ("deutschepost", None), ("hermes", None), ("gls", None), ("colissimo", None),
    ("chronopost", None), ("posteitaliane", None), ("brt", None), ("ctt", None), ("postnord", None), ("poczta", None),
    ("impots", None), ("agenziaentrate", None), ("belastingdienst", None), ("elster", None), ("telekom", None),
    ("o2", None), ("bouygues", None), ("sfr", None), ("free-mobile", None), ("tim", None), ("movistar", None),
    # global, wallets and exchanges
    ("microsoft365", None), ("outlookweb", None), ("appleidsupport", None), ("amazonprime", None), ("primevideo", None),
    ("paypal", "paypal.com"), ("netflix", "netflix.com"), ("docusign", "docusign.com"), ("adobesign", None),
    ("wetransfer", "wetransfer.com"), ("dropbox", "dropbox.com"), ("linkedin", "linkedin.com"), ("instagram", "instagram.com"),
    ("facebook", "facebook.com"), ("whatsapp", "whatsapp.com"), ("telegram", "telegram.org"), ("steam", None),
    ("metamask", "metamask.io"), ("trustwallet", "trustwallet.com"), ("phantom", "phantom.app"), ("exodus", None),
    ("coinbase", "coinbase.com"), ("binance", "binance.com"), ("kraken", "kraken.com"), ("ledgerlive", None),
    ("trezor", "trezor.io"), ("walletconnect", None), ("rabby", None), ("keplr", None), ("solflare", None),
    ("pancakeswap", None), ("uniswap", "uniswap.org"), ("blockchain", "blockchain.com"), ("crypto-com", None),
    ("kucoin", None), ("bitget", None), ("gemini", None),
]
LURES = [
    # English
    "signin", "logon", "verify", "verification", "secure", "security", "account", "update", "confirm", "unlock",
    "restore", "recover", "validate", "alert", "notice", "portal", "access", "support", "service", "helpdesk",
    "billing", "invoice", "payment", "refund", "reward", "claim", "bonus", "delivery", "parcel", "tracking", "toll",
    "fine", "penalty", "suspend", "locked", "limited", "auth", "sso", "2fa", "mfa", "id", "kyc", "kyc-update",
    "connect", "sync", "airdrop", "mint", "dapp", "rectify", "migrate", "seed", "wallet", "web3", "online", "mobile",
    "app", "my", "myaccount", "e-banking", "netbanking", "ebanking", "customer", "care",
    # Portuguese / Spanish
    "entrega", "pedido", "boleto", "pix", "seguro", "acesso", "atualizar", "atualizacao", "cadastro", "desbloqueio",
    "regularizar", "pendencia", "taxa", "rastreio", "encomenda", "cliente", "premio", "resgate", "verificar",
    "clave", "acceso", "envio", "paquete",
    # German / French / Italian / Dutch / Polish
    "paket", "zustellung", "sendung", "konto", "sicherheit", "bestaetigen", "anmelden", "colis", "livraison",
    "compte", "securite", "remboursement", "amende", "pacco", "spedizione", "conto", "verifica", "pakket",
    "bezorging", "inloggen", "betaling", "przesylka", "doplata",
    # Japanese / Korean romanised
    "haisou", "fuzai", "saihaitatsu", "kakunin", "honnin", "riyou", "teishi", "kojin", "mypage", "point",
    "baesong", "hwakin", "injeung", "gyeolje",
    # Indian
    "rewards", "kycupdate", "pan", "upi", "redeem", "points", "netbank", "yono", "card-block",
]
ABUSE_TLDS = ["top", "xyz", "icu", "cfd", "sbs", "bond", "cyou", "buzz", "shop", "vip", "cc", "click", "link", "live",
              "online", "site", "store", "support", "help", "info", "life", "win", "rest", "lat", "mom", "skin", "pw",
              "ws", "asia", "work", "club", "fun", "space", "website", "today", "services", "digital", "email", "zip",
              "mov", "quest", "bar", "cam", "casa", "cloud", "host", "ink", "kim", "loan", "men", "party", "pics",
              "racing", "review", "stream", "trade", "uno", "wang", "xin", "tokyo", "in", "me", "ru", "su", "br.com",
              "com.br", "co.in", "net.in", "kr", "co", "biz", "pro", "run", "tech", "fyi", "sale"]
ORDINARY_TLDS = ["com", "com", "com", "net", "org", "de", "fr", "it", "nl", "pl", "es", "pt", "eu", "jp", "co.jp",
                 "kr", "co.kr", "com.br", "in", "co.in", "io", "app", "dev", "me"]
BUILDERS = ["weebly.com", "wixsite.com", "wix.com", "webflow.io", "web.app", "firebaseapp.com", "workers.dev",
            "glitch.me", "godaddysites.com", "square.site", "framer.website", "mystrikingly.com", "jimdosite.com",
            "site123.me", "carrd.co", "tilda.ws", "ukit.me", "yolasite.com", "blogspot.com", "sites.google.com/view",
            "000webhostapp.com", "herokuapp.com", "onrender.com", "replit.app", "ngrok-free.app", "trycloudflare.com",
            "azurewebsites.net", "appspot.com", "myshopify.com", "webnode.page", "zyrosite.com", "hostingersite.com",
            "wordpress.com", "gitbook.io", "notion.site", "typedream.app", "my.canva.site", "hpage.com",
            "netlify.app", "vercel.app", "pages.dev", "github.io", "r2.dev", "surge.sh", "fly.dev", "deno.dev"]
CDN_HOSTS = ["d{c13}.cloudfront.net", "{w}.s3.amazonaws.com", "s3.{region}.amazonaws.com/{w}",
             "{w}.s3.{region}.amazonaws.com", "storage.googleapis.com/{w}", "firebasestorage.googleapis.com/v0/b/{w}.appspot.com/o",
             "{w}.blob.core.windows.net/{c6}", "pub-{h32}.r2.dev", "{w}.b-cdn.net", "{w}.nyc3.digitaloceanspaces.com",
             "cdn.jsdelivr.net/gh/{w}/{c6}", "{w}.web.core.windows.net", "ipfs.io/ipfs/bafybei{b52}",
             "{w}.ipfs.dweb.link", "gateway.pinata.cloud/ipfs/Qm{b44}", "objectstorage.{region}.oraclecloud.com/n/{c6}/b/{w}/o",
             "{w}.oss-cn-hangzhou.aliyuncs.com", "{w}.cos.ap-seoul.myqcloud.com", "{w}.fra1.cdn.digitaloceanspaces.com"]
REGIONS = ["us-east-1", "eu-west-1", "ap-northeast-1", "sa-east-1", "ap-south-1", "eu-central-1", "ap-northeast-2"]


def rnd(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def throwaway(r, n):
    k = r.randrange(3)
    if k == 0:
        return rnd(r, string.ascii_lowercase, n)
    if k == 1:
        return rnd(r, string.ascii_lowercase + string.digits, n)
    out = ""
    while len(out) < n:
        out += r.choice("bcdfgjklmnprstvwxyz") + r.choice("aeiouy")
    return out[:n]


def typo(r, w):
    w = w.replace("-", "")
    if len(w) < 4:
        return w + w[-1]
    i = r.randrange(1, len(w) - 1)
    op = r.randrange(6)
    if op == 0:  # dropped letter
        return w[:i] + w[i + 1:]
    if op == 1:  # doubled letter
        return w[:i] + w[i] + w[i:]
    if op == 2:  # swapped neighbours
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if op == 3:  # look-alike digit or pair
        sub = {"o": "0", "l": "1", "i": "1", "e": "3", "a": "4", "s": "5", "b": "8", "g": "9", "m": "rn", "w": "vv", "d": "cl"}
        js = [k for k, c in enumerate(w) if c in sub]
        if js:
            j = r.choice(js)
            return w[:j] + sub[w[j]] + w[j + 1:]
        return w[:i] + w[i + 1:]
    if op == 4:  # keyboard neighbour
        near = {"a": "s", "s": "a", "e": "r", "r": "e", "i": "o", "o": "i", "n": "m", "m": "n", "t": "y", "u": "y",
                "k": "l", "l": "k", "c": "v", "b": "n", "p": "o", "d": "f", "h": "j", "g": "h"}
        return w[:i] + near.get(w[i], "x") + w[i + 1:]
    return w[:i] + r.choice("aeiou") + w[i:]  # inserted vowel


def phish(r):
    b, official = r.choice(BRANDS)
    l1, l2 = r.choice(LURES), r.choice(LURES)
    t = r.choice(ABUSE_TLDS)
    k = r.randrange(16)
    if k in (0, 1):
        shape = r.randrange(6)
        if shape == 0:
            host = f"{b}-{l1}-{l2}.{t}"
        elif shape == 1:
            host = f"{l1}-{b}.{r.choice(ORDINARY_TLDS + ABUSE_TLDS)}"
        elif shape == 2:
            host = f"{b}-{l1}-{throwaway(r, r.randint(2, 4))}.{t}"
        elif shape == 3:
            host = f"www.{l1}-{b}-{l2}.{r.choice(ORDINARY_TLDS)}"
        elif shape == 4:
            dom = (official or b + ".com").replace(".", "-")
            host = f"{dom}-{l1}.{t}"
        else:
            host = f"{b}-{r.randint(1, 99)}-{l1}.{t}"
        return "hyphen_chain", host
    if k in (2, 3):
        pre = r.choice(["", "", "www.", f"{l1}."])
        post = r.choice(["", "", f"-{l1}"])
        return "typo", f"{pre}{typo(r, b)}{post}.{r.choice(ORDINARY_TLDS + ABUSE_TLDS)}"
    if k in (4, 5):
        lab = throwaway(r, r.randint(4, 8))
        shape = r.randrange(4)
        if shape == 0:
            host = f"{lab}.{t}"
        elif shape == 1:
            host = f"{l1}.{lab}.{t}"
        elif shape == 2:
            host = f"{lab}{r.randint(1, 999)}.{t}"
        else:
            host = f"{b}.{lab}.{t}"
        return "throwaway", host
    if k in (6, 7):
        dom = official or b + r.choice([".com", ".co", ".net"])
        lab = throwaway(r, r.randint(3, 6))
        shape = r.randrange(4)
        if shape == 0:
            host = f"www.{dom}.{l1}.{lab}.{t}"
        elif shape == 1:
            host = f"{l1}.{l2}.{b}.{lab}.{t}"
        elif shape == 2:
            host = f"{dom}.{lab}.{throwaway(r, 4)}.{t}"
        else:
            host = f"{r.choice(['m', 'app', 'secure', 'login2'])}.{b}-{l1}.{lab}.{t}"
        return "deep_chain", host
    if k in (8, 9):
        w = rnd(r, string.ascii_lowercase + string.digits, r.randint(6, 12))
        host = r.choice(CDN_HOSTS).format(
            c13=rnd(r, string.ascii_lowercase + string.digits, 13), w=w, region=r.choice(REGIONS),
            c6=rnd(r, string.ascii_lowercase, 6), h32=rnd(r, "0123456789abcdef", 32),
            b52=rnd(r, "abcdefghijklmnopqrstuvwxyz234567", 52), b44=rnd(r, string.ascii_letters + string.digits, 44))
        path = r.choice([f"/{b}/{l1}/", f"/{b}/{l1}/index.html", f"/{b}-{l1}.html", f"/{l1}/{b}/login.html",
                         f"/{b}/{r.choice(['signin', 'login', 'verify', 'auth'])}.php", f"/{b}.html#{l1}",
                         f"/{l1}-{b}/", f"/{b}/"])
        return "cdn_path", "https://" + host + path
    if k in (10, 11):
        plat = r.choice(BUILDERS)
        sep = r.choice(["-", "", "-"])
        name = r.choice([f"{b}{sep}{l1}", f"{l1}{sep}{b}", f"{b}-{l1}-{l2}", f"{b}-{r.randint(2, 9999)}",
                         f"{typo(r, b)}-{l1}", f"{b}-{l1}-{throwaway(r, 4)}", f"{l1}-{l2}-{throwaway(r, 5)}"])
        if plat.startswith("sites.google.com"):
            return "builder", f"https://{plat}/{name}"
        return "builder", f"{name}.{plat}"
    if k in (12, 13, 14):
        region = r.randrange(5)
        if region == 0:  # Japan
            jb = r.choice(["rakutenbank", "yucho", "sonybank", "aupay", "mobilesuica", "nexco", "kuroneko", "sagawa",
                           "nta", "mynumber", "lifecard", "dcard", "cedyna", "ymobile", "docomo-mail", "jp-post"])
            jl = r.choice(["haisou", "fuzai", "saihaitatsu", "kakunin", "honnin", "riyou", "teishi", "mypage", "point", "etc"])
            host = r.choice([f"{jb}-{jl}.{t}", f"{jb}.{jl}-{throwaway(r, 4)}.{t}", f"{jb}-co-jp-{jl}.{t}",
                             f"{jb}.co.jp.{throwaway(r, 5)}.{t}", f"www.{jb}{r.randint(10, 999)}.{t}"])
        elif region == 1:  # Korea
            kb = r.choice(["kbstar", "shinhan", "woori", "hana", "nh", "kakaobank", "toss", "coupang", "cjlogis", "epost",
                           "hometax", "naverpay", "upbit", "kt", "skt"])
            kl = r.choice(["baesong", "hwakin", "injeung", "gyeolje", "kr", "delivery", "return", "tax"])
            host = r.choice([f"{kb}-{kl}.{t}", f"m.{kb}-{kl}.{t}", f"{kb}{kl}.{t}", f"{kb}.{throwaway(r, 5)}.{t}"])
        elif region == 2:  # Brazil
            bb = r.choice(["nubank", "bradesco", "itau", "caixa", "bb", "santander", "picpay", "mercadopago", "correios",
                           "receita", "serasa", "detran", "magalu", "sicredi"])
            bl = r.choice(["entrega", "pix", "boleto", "seguro", "acesso", "atualizar", "cadastro", "taxa", "rastreio",
                           "pendencia", "regularizar", "premio"])
            host = r.choice([f"{bb}-{bl}.{t}", f"{bb}{bl}.com.br", f"{bl}-{bb}.{r.choice(['com', 'online', 'site', 'app'])}",
                             f"{bb}.{bl}-{throwaway(r, 4)}.{t}", f"app-{bb}-{bl}.{t}"])
        elif region == 3:  # India
            ib = r.choice(["sbi", "hdfc", "icici", "axis", "kotak", "pnb", "bob", "paytm", "phonepe", "incometax",
                           "indiapost", "aadhaar", "jio", "airtel", "irctc", "fastag", "epfo"])
            il = r.choice(["kyc", "kycupdate", "rewards", "points", "redeem", "pan", "upi", "yono", "netbank", "refund",
                           "card-block", "tracking"])
            host = r.choice([f"{ib}-{il}.{t}", f"{ib}{il}.{t}", f"{ib}-{il}-{r.randint(1, 99)}.{t}", f"online{ib}{il}.in",
                             f"{ib}.{il}{throwaway(r, 3)}.{t}"])
        else:  # Europe
            eb = r.choice(["dhl", "postnl", "bpost", "hermes", "gls", "dpd", "colissimo", "chronopost", "poste", "brt",
                           "ctt", "postnord", "poczta", "inpost", "sparkasse", "dkb", "ing", "abnamro", "rabo", "bnp",
                           "bbva", "caixabank", "unicredit", "nordea", "ameli", "impots", "belasting", "elster"])
            el = r.choice(["paket", "zustellung", "sendung", "konto", "sicherheit", "colis", "livraison", "compte",
                           "pacco", "spedizione", "pakket", "bezorging", "przesylka", "doplata", "envio", "remboursement"])
            host = r.choice([f"{eb}-{el}.{t}", f"{eb}{el}.{t}", f"{el}-{eb}.{r.choice(['com', 'eu', 'info', 'online'])}",
                             f"{eb}.{el}-{throwaway(r, 4)}.{t}", f"www.{eb}-{el}-{r.randint(1, 99)}.{t}"])
        return "regional", host
    # k == 15: brand and lure run together
    return "brand_word", f"{r.choice(['', 'www.'])}{b.replace('-', '')}{l1.replace('-', '')}{r.choice(['', str(r.randint(1, 9))])}.{r.choice(ORDINARY_TLDS + ABUSE_TLDS)}"


# ---------------------------------------------------------------- benign

TOP = [
    "naver.com", "daum.net", "coupang.com", "gmarket.co.kr", "11st.co.kr", "kakao.com", "kbstar.com", "shinhan.com",
    "wooribank.com", "hanabank.com", "toss.im", "upbit.com", "bithumb.com", "epost.go.kr", "hometax.go.kr",
    "yahoo.co.jp", "rakuten.co.jp", "rakuten-bank.co.jp", "sonybank.net", "yodobashi.com", "zozo.jp", "mercari.com",
    "kuronekoyamato.co.jp", "nta.go.jp", "jp-bank.japanpost.jp", "smbc-card.com", "aeon.co.jp", "docomo.ne.jp",
    "globo.com", "uol.com.br", "nubank.com.br", "bradesco.com.br", "itau.com.br", "caixa.gov.br", "bb.com.br",
    "picpay.com", "mercadolivre.com.br", "mercadopago.com.br", "correios.com.br", "magazineluiza.com.br", "gov.br",
    "flipkart.com", "paytm.com", "phonepe.com", "hdfcbank.com", "icicibank.com", "axisbank.com", "kotak.com",
    "onlinesbi.sbi", "incometax.gov.in", "indiapost.gov.in", "uidai.gov.in", "jio.com", "airtel.in", "irctc.co.in",
    "deutsche-bank.de", "commerzbank.de", "sparkasse.de", "n26.com", "revolut.com", "abnamro.nl", "rabobank.nl",
    "ing.nl", "bnpparibas.fr", "bbva.es", "postnl.nl", "bpost.be", "dhl.de", "laposte.fr", "poste.it", "ctt.pt",
    "postnord.se", "inpost.pl", "allegro.pl", "zalando.de", "otto.de", "bol.com", "leboncoin.fr", "idealo.de",
    "spiegel.de", "lemonde.fr", "corriere.it", "elpais.com", "nos.nl", "svt.se", "yle.fi", "orf.at", "srf.ch",
    "google.com", "youtube.com", "wikipedia.org", "amazon.com", "amazon.de", "amazon.in", "amazon.com.br", "paypal.com",
    "microsoft.com", "live.com", "apple.com", "netflix.com", "linkedin.com", "instagram.com", "whatsapp.com",
    "telegram.org", "dropbox.com", "docusign.com", "wetransfer.com", "coinbase.com", "binance.com", "kraken.com",
    "metamask.io", "trustwallet.com", "phantom.app", "trezor.io", "uniswap.org", "blockchain.com", "ledger.com",
    "github.com", "gitlab.com", "codeberg.org", "sourceforge.net", "readthedocs.org", "python.org", "rust-lang.org",
    "golang.org", "nodejs.org", "debian.org", "ubuntu.com", "fedoraproject.org", "archlinux.org", "kernel.org",
    "gnu.org", "apache.org", "eclipse.org", "jetbrains.com", "stackoverflow.com", "mozilla.org", "openstreetmap.org",
]
BRAND_SUBS = [
    "nid.naver.com", "accounts.kakao.com", "login.coupang.com", "obank.kbstar.com", "m.shinhan.com",
    "spot.wooribank.com", "www.hanabank.com", "auth.toss.im", "www.hometax.go.kr", "service.epost.go.kr",
    "login.yahoo.co.jp", "id.rakuten.co.jp", "fes.rakuten-bank.co.jp", "ib.sonybank.net", "order.yodobashi.com",
    "member.kuronekoyamato.co.jp", "www.e-tax.nta.go.jp", "direct.jp-bank.japanpost.jp", "vpass.ne.jp",
    "www.mercari.com", "jp.mercari.com", "app.nubank.com.br", "banco.bradesco", "www.itau.com.br",
    "internetbanking.caixa.gov.br", "www2.bancobrasil.com.br", "rastreamento.correios.com.br", "sso.acesso.gov.br",
    "www.mercadopago.com.br", "netbanking.hdfcbank.com", "infinity.icicibank.com", "omni.axisbank.co.in",
    "retail.onlinesbi.sbi", "eportal.incometax.gov.in", "myaadhaar.uidai.gov.in", "www.irctc.co.in",
    "meine.deutsche-bank.de", "kunden.commerzbank.de", "banking.sparkasse.de", "app.n26.com", "app.revolut.com",
    "internetbankieren.abnamro.nl", "bankieren.rabobank.nl", "mijn.ing.nl", "mabanque.bnpparibas",
    "www.bbva.es", "jouw.postnl.nl", "track.bpost.cloud", "www.dhl.de", "www.laposte.fr", "www.poste.it",
    "login.microsoftonline.com", "outlook.live.com", "account.live.com", "appleid.apple.com", "idmsa.apple.com",
    "signin.aws.amazon.com", "www.amazon.in", "www.amazon.com.br", "www.paypal.com", "www.sandbox.paypal.com",
    "developer.paypal.com", "secure.docusign.net", "app.docusign.com", "www.dropbox.com", "accounts.coinbase.com",
    "www.binance.com", "pro.kraken.com", "support.metamask.io", "community.trustwallet.com", "help.phantom.app",
    "suite.trezor.io", "app.uniswap.org", "login.blockchain.com", "shop.ledger.com", "web.whatsapp.com",
    "web.telegram.org", "checkout.stripe.com", "connect.stripe.com", "api.stripe.com", "de.wikipedia.org",
    "pt.wikipedia.org", "ko.wikipedia.org", "hi.wikipedia.org", "security.googleblog.com", "accounts.google.com",
]
PROJECT_PLATFORMS = ["github.io", "github.io", "gitlab.io", "readthedocs.io", "sourceforge.io", "pages.dev",
                     "netlify.app", "vercel.app", "codeberg.page"]
# Free-software project names, many holding a lure word or a brand as real projects do.
PROJECTS = [
    "secure-headers", "securedrop", "secure-scuttlebutt", "auth-kit", "authlib", "authentik", "auth-js", "oauthlib",
    "login-flow", "loginpass", "django-login-required", "flask-login", "wallet-rs", "walletkit", "bitcoin-wallet",
    "pay-sdk", "paysage", "openpay-docs", "verify-json", "verifiable-builds", "email-verify", "account-kit",
    "accountsd", "update-checker", "auto-update", "signin-demo", "sso-proxy", "mfa-tools", "otp-rs", "kyc-schema",
    "stripe-mock", "paypal-sdk-docs", "paypal-checkout-components", "amazon-s3-tools", "apple-health-export",
    "google-maps-services", "microsoft-graph-toolkit", "netflix-conductor", "binance-connector", "coinbase-pro-node",
    "metamask-extension-docs", "ledger-app-builder", "trezor-firmware", "uniswap-interface", "telegram-bot-sdk",
    "whatsapp-web-js", "dropbox-sdk-rust", "linkedin-api", "docusign-esign", "revolut-api", "nubank-cli",
    "pynubank", "kakao-sdk", "naver-map-rs", "line-bot-sdk", "rakuten-api", "paytm-checkout", "razorpay-python",
    "upi-qr", "pix-utils", "boleto-python", "correios-api", "brazilian-utils", "aadhaar-validator", "indian-rail",
    "korean-romanizer", "hangul-utils", "japanese-holidays", "kuromoji", "mecab-docs", "sudachi", "euro-banks",
    "iban-tools", "sepa-xml", "postnl-api", "dhl-tracking", "parcel-bundler", "delivery-sim", "track-it",
    "libreoffice-help", "inkscape", "gimp-docs", "krita-manual", "audacity-wiki", "obs-docs", "vlc-dev",
    "mpv-player", "ffmpeg-builds", "handbrake", "kdenlive", "musescore", "ardour", "lmms", "qbittorrent",
    "transmission-rpc", "syncthing", "nextcloud-dev", "owncloud-docs", "mastodon-docs", "pixelfed", "peertube",
    "matrix-org", "element-web", "jitsi-handbook", "bigbluebutton", "moodle-dev", "odoo-docs", "erpnext",
    "keepassxc", "bitwarden-docs", "vaultwarden", "passbolt", "gopass", "pass-otp", "yubikey-guide", "gnupg-docs",
    "openssl-docs", "letsencrypt-certbot", "acme-sh", "step-ca", "cfssl", "mkcert", "age-encryption", "minisign",
    "wireguard-tools", "openvpn-docs", "pi-hole", "adguard-home", "unbound-docs", "knot-resolver", "powerdns",
    "home-assistant", "esphome", "tasmota", "zigbee2mqtt", "openhab", "node-red", "octoprint", "klipper",
    "marlinfw", "freecad", "kicad-docs", "openscad", "qgis-docs", "osmand", "gnss-sdr", "gnuradio",
]
PEOPLE = ["jisoo-park", "minho-dev", "hyejin", "taro-yamada", "haruka-i", "sakamoto-lab", "rafael-souza", "ana-lima",
          "joaopedro", "priya-sharma", "arjun-k", "neha-gupta", "rahul-dev", "lukas-weber", "sophie-martin",
          "giulia-rossi", "mateo-garcia", "jan-de-vries", "piotr-nowak", "elin-berg", "matti-virtanen"]
DOCS = ["docs.python.org", "docs.rs", "doc.rust-lang.org", "docs.djangoproject.com", "flask.palletsprojects.com",
        "docs.stripe.com", "developer.paypal.com", "docs.github.com", "docs.gitlab.com", "developer.mozilla.org",
        "learn.microsoft.com", "developer.apple.com", "developers.google.com", "cloud.google.com", "docs.aws.amazon.com",
        "docs.docker.com", "kubernetes.io", "docs.kernel.org", "wiki.archlinux.org", "wiki.debian.org",
        "docs.fedoraproject.org", "help.ubuntu.com", "docs.nextcloud.com", "docs.metamask.io", "docs.uniswap.org",
        "docs.walletconnect.com", "docs.ethers.org", "docs.solana.com", "developers.coinbase.com",
        "binance-docs.github.io", "developers.kakao.com", "developers.naver.com", "developers.line.biz",
        "developer.rakuten.com", "dev.mercadopago.com.br", "razorpay.com/docs", "docs.adyen.com", "docs.mollie.com",
        "developer.revolut.com", "docs.n26.com", "api.postnl.nl", "developer.dhl.com"]
HOSTED_DOCS_SUFFIX = ["readthedocs.io", "rtfd.io", "gitbook.io", "github.io", "netlify.app", "pages.dev"]
DOCS_PATHS = ["/", "/en/latest/", "/en/stable/", "/en/v2.3.1/", "/ja/latest/", "/ko/latest/", "/pt_BR/latest/",
              "/docs/", "/docs/getting-started", "/api/", "/guide/authentication.html", "/reference/login/",
              "/tutorial/secure-setup/", "/howto/verify-signatures.html", "/wallet/connect.html", "/payments/refunds"]
CDN_BENIGN = ["d{c13}.cloudfront.net", "{w}.akamaized.net", "{w}-assets.s3.amazonaws.com", "{w}.azureedge.net",
              "static.{w}.com", "cdn.{w}.net", "assets.{w}.io", "img.{w}.co.kr", "static.{w}.co.jp", "{w}.b-cdn.net",
              "{w}.kxcdn.com", "cdn.jsdelivr.net/npm/{w}@{v}", "unpkg.com/{w}@{v}", "cdnjs.cloudflare.com/ajax/libs/{w}/{v}",
              "fonts.gstatic.com", "{w}.imgix.net", "res.cloudinary.com/{w}", "{w}.global.ssl.fastly.net",
              "{w}.edgesuite.net", "{w}-static.storage.googleapis.com"]
CDN_PATHS = ["", "/", "/static/js/main.{h8}.js", "/assets/logo.svg", "/css/app.{h8}.css", "/images/banner.webp",
             "/fonts/inter.woff2", "/dist/{w}.min.js", "/build/bundle.js", "/media/video.mp4"]
CDN_WORDS = ["shopline", "musinsa", "yanolja", "baemin", "olx", "ifood", "quintoandar", "swiggy", "zomato", "myntra",
             "cred", "bookmyshow", "cookpad", "tabelog", "note", "smarthr", "freee", "delivery-hero", "bolt", "vinted",
             "blablacar", "doctolib", "zalando", "lieferando", "chrono24", "react", "vue", "lodash", "bootstrap",
             "jquery", "three", "d3", "chart.js", "alpinejs", "htmx.org", "tailwindcss", "font-awesome"]
BIZ = ["cafe-aurora", "padaria-sol", "kimchi-house", "ramen-ichiban", "chai-point", "masala-kitchen", "boulangerie-paul",
       "trattoria-luna", "bakkerij-jansen", "piekarnia-ania", "ssam-bbq", "sushi-kaito", "yoga-shanti", "barbearia-top",
       "klinik-dr-weber", "tokyo-english-school", "seoul-guesthouse", "goa-surf-club", "lisboa-tours", "kraków-bikes",
       "hanok-stay", "izakaya-hana", "acai-bowl", "brigadeiro-da-ju", "dosa-corner", "fahrrad-werkstatt", "atelier-coud",
       "pottery-kiln", "secure-storage-units", "pay-less-tyres", "account-ants", "verify-lab-testing", "wallet-works-leather"]
BIZ_TLDS = ["shop", "store", "online", "site", "xyz", "top", "club", "cafe", "com.br", "co.in", "in", "kr", "co.kr",
            "jp", "de", "fr", "it", "nl", "pl", "pt", "es", "eu", "com", "net", "biz", "info"]


def project_site(r):
    p = r.choice(PROJECTS)
    plat = r.choice(PROJECT_PLATFORMS)
    k = r.randrange(10)
    if plat == "netlify.app" and k < 4:
        name = r.choice([f"deploy-preview-{r.randint(1, 4999)}--{p}", f"{p}-{r.choice(['docs', 'site', 'staging'])}",
                         f"{rnd(r, '0123456789abcdef', 24)}--{p}", f"main--{p}"])
    elif plat == "vercel.app" and k < 5:
        name = r.choice([f"{p}-git-{r.choice(['main', 'dev', 'fix-login', 'feat-auth', 'docs-update'])}-{r.choice(PEOPLE)}",
                         f"{p}-{rnd(r, string.ascii_lowercase + string.digits, 9)}-{r.choice(PEOPLE)}", f"{p}-docs"])
    elif plat == "pages.dev" and k < 3:
        name = r.choice([f"{rnd(r, '0123456789abcdef', 8)}.{p}", f"{r.choice(['main', 'preview', 'staging'])}.{p}"])
    elif plat == "github.io" and k < 3:
        name = r.choice(PEOPLE)
        return f"{name}.github.io/{p}/"
    elif plat == "gitlab.io" and k < 2:
        return f"{r.choice(PEOPLE)}.gitlab.io/{p}/"
    elif plat == "codeberg.page" and k < 3:
        return f"{r.choice(PEOPLE)}.codeberg.page/{p}/"
    else:
        name = r.choice([p, p, f"{p}-docs", f"{p}-project", f"{p}{r.choice(['', '-rs', '-py', '-js', '-go'])}"])
    return f"{name}.{plat}"


def benign(r):
    k = r.randrange(14)
    if k in (0, 1):
        return "top", r.choice(["", "www.", "www.", "m.", "en.", "ko.", "ja.", "pt."]) + r.choice(TOP)
    if k in (2, 3):
        return "brand_sub", r.choice(BRAND_SUBS)
    if k in (4, 5, 6, 7):
        return "project", project_site(r)
    if k in (8, 9):
        if r.random() < 0.5:
            d = r.choice(DOCS)
        else:
            d = f"{r.choice(PROJECTS)}.{r.choice(HOSTED_DOCS_SUFFIX)}"
        return "docs", "https://" + d.rstrip("/") + (r.choice(DOCS_PATHS) if "/" not in d else "")
    if k in (10, 11):
        w = r.choice(CDN_WORDS)
        fmt = dict(c13=rnd(r, string.ascii_lowercase + string.digits, 13), w=w.replace(".", ""), v=f"{r.randint(1, 5)}.{r.randint(0, 20)}.{r.randint(0, 9)}",
                   h8=rnd(r, "0123456789abcdef", 8))
        host = r.choice(CDN_BENIGN).format(**fmt)
        path = "" if "/" in host else r.choice(CDN_PATHS).format(**fmt)
        return "cdn", "https://" + host + path
    return "business", r.choice(["", "www."]) + f"{r.choice(BIZ)}.{r.choice(BIZ_TLDS)}"


def with_path(r, url, label):
    if url.startswith("http") or "/" in url:
        return url if url.startswith("http") else "https://" + url
    if label == "phishing":
        p = r.choice(["", "", "", "/", "/login", "/index.php", "/mypage/", "/pix", "/entrega/", "/kyc", "/verify?id=",
                      "/auth/signin", "/wp-admin/", "/rastreio", "/paket/", "/connect-wallet"])
    else:
        p = r.choice(["", "", "", "/", "/about", "/docs/", "/blog/", "/login", "/account/settings", "/en/", "/ko/",
                      "/search?q=kimchi", "/products/", "/help"])
    scheme = r.choice(["", "http://", "https://", "https://"])
    return f"{scheme}{url}{p}" if (scheme or p) else url


def build():
    return split_io.draw(random.Random(SEED), (("phishing", 1500, phish), ("benign", 1700, benign)), with_path)


def main():
    split_io.write_or_check(HERE, "fresh3.jsonl", build, "generate_fresh3.py")


if __name__ == "__main__":
    main()
