#!/usr/bin/env python3
"""Deterministic generator of `fresh4.jsonl`, an untuned split of link
examples (Python 3 stdlib only, fixed seed), written by h-link19 and
committed before any rule change of that session.

    python3 tests/corpus/links/generate_fresh4.py [--check]

Vocabularies of its own, written from general knowledge (no third-party
list copied): brands, banks, payment firms, carriers, tolls and tax
offices of regions the earlier splits did not use (UK, US, Canada,
Australia, New Zealand, Mexico, Argentina, Chile, Colombia, Turkey,
Poland, Italy, Portugal, the Nordics, South Africa, Nigeria, Kenya, the
Gulf, Singapore, Malaysia, Thailand, Indonesia, the Philippines, Vietnam).
Every line carries a `kind`.

Phishing kinds: `hyphen_chain` (brand + lures on cheap TLDs), `brand_word`
(brand and lure run together), `typo`, `throwaway` (random labels on abuse
TLDs with lure subdomains or paths), `shared_random` (random subdomains of
shared hosting holding a brand or lure), `deep_chain` (the brand's domain
written up front of a cheap-TLD host), `ip_host` (IP address hosts with a
lure path), `regional` (toll, parcel and tax smishing shapes).

Benign kinds: `top` (well-known sites with ordinary subdomains, including
mail., login., account., secure., pay., auth., sso., id.), `brand_second`
(brands' secondary and regional domains, many holding "bank" or "pay"),
`bank` (banks and payment firms of many countries and their sign-in
subdomains), `project` (free-software homepages on github.io, gitlab.io,
readthedocs.io, sourceforge.io/net, pages.dev, netlify.app, vercel.app,
codeberg.page; names holding auth, pass, key, wallet, pay, bank, secure,
login, verify), `docs` (docs hosts), `personal` (personal sites),
`shortener` (URL shorteners: not phishing by themselves).

No real phishing URL is copied; every phishing name is generated.
"""
import os
import random
import string

import split_io

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 27182818

# ---------------------------------------------------------------- phishing
BRANDS = ["barclays", "natwest", "lloyds", "halifax", "santander", "monzo", "starling", "nationwide", "hsbc",
          "royalmail", "evri", "dvla", "hmrc", "chase", "wellsfargo", "bankofamerica", "citi", "usps", "fedex",
          "ups", "irs", "venmo", "cashapp", "zelle", "ezpass", "suntrust", "usaa", "rbc", "tdbank", "scotiabank",
          "interac", "canadapost", "cra", "commbank", "westpac", "anz", "nab", "auspost", "mygov", "linkt",
          "kiwibank", "nzpost", "banorte", "bbvamexico", "citibanamex", "mercadolibre", "galicia", "bancoestado",
          "bancolombia", "garanti", "akbank", "ziraat", "isbank", "pttkargo", "pkobp", "mbank", "inpost",
          "intesasanpaolo", "unicredit", "posteitaliane", "poste", "millenniumbcp", "ctt", "nordea", "swedbank",
          "danskebank", "dnb", "postnord", "vipps", "mobilepay", "capitec", "fnb", "absa", "standardbank",
          "gtbank", "zenithbank", "mpesa", "safaricom", "emiratesnbd", "alrajhi", "stcpay", "aramex", "dbs",
          "ocbc", "maybank", "cimb", "poslaju", "kasikorn", "scb", "kerry", "bca", "mandiri", "gopay", "dana",
          "bdo", "gcash", "lbc", "vietcombank", "techcombank", "momo", "singpost", "grab", "shopee", "lazada",
          "steam", "roblox", "epicgames", "battlenet", "outlook", "office365", "icloud", "appleid", "adobe",
          "ebay", "walmart", "costco", "target", "bestbuy", "homedepot", "spotify", "disneyplus", "hulu",
          "ledger", "exodus", "kucoin", "okx", "bybit", "cryptocom", "gemini", "opensea", "pancakeswap"]
LURES = ["login", "signin", "verify", "secure", "update", "account", "support", "unlock", "alert", "billing",
         "refund", "reward", "claim", "confirm", "suspended", "recovery", "auth", "wallet", "pay", "payment",
         "toll", "parcel", "delivery", "redelivery", "tracking", "customs", "fee", "tax", "rebate", "helpdesk",
         "resolve", "validate", "restore", "limited", "notice", "online", "portal", "service", "center", "id",
         "kargo", "teslimat", "paczka", "doplata", "consegna", "pacco", "entrega", "envio", "aduana", "pakke",
         "levering", "paket", "bayar", "penghantaran", "kiriman", "tagihan", "pengiriman", "giaohang", "xacminh",
         "bantuan", "hadiah", "multa", "peaje", "cobro", "reembolso"]
CHEAP = ["top", "xyz", "icu", "cfd", "sbs", "click", "cyou", "buzz", "shop", "online", "site", "live", "rest",
         "bond", "lat", "monster", "quest", "lol", "mom", "vip", "win", "info", "pw", "ltd", "life", "world",
         "store", "work", "fun", "support", "help", "link", "cc", "ws", "tk", "ml", "ga", "gq", "cf", "asia",
         "me", "today", "finance", "services", "digital", "click", "best", "beauty", "hair", "skin", "autos",
         "boats", "homes", "motorcycles", "yachts", "ink", "wiki", "bar", "pics", "makeup"]
SHARED = ["weebly.com", "wixsite.com", "webflow.io", "firebaseapp.com", "web.app", "netlify.app", "vercel.app",
          "pages.dev", "workers.dev", "glitch.me", "repl.co", "herokuapp.com", "blogspot.com", "000webhostapp.com",
          "github.io", "gitbook.io", "squarespace.com", "godaddysites.com", "square.site", "carrd.co", "notion.site",
          "framer.website", "onrender.com", "fly.dev", "surge.sh", "azurewebsites.net", "ngrok-free.app",
          "web.core.windows.net", "wordpress.com", "mystrikingly.com", "sites.google.com", "typedream.app",
          "myshopify.com", "ead.me", "jimdosite.com", "site123.me", "tilda.ws", "webador.com", "ukit.me"]
OFFICIAL = {"barclays": "barclays.co.uk", "natwest": "natwest.com", "lloyds": "lloydsbank.com", "hsbc": "hsbc.co.uk",
            "royalmail": "royalmail.com", "hmrc": "gov.uk", "chase": "chase.com", "wellsfargo": "wellsfargo.com",
            "usps": "usps.com", "irs": "irs.gov", "rbc": "rbcroyalbank.com", "canadapost": "canadapost-postescanada.ca",
            "commbank": "commbank.com.au", "auspost": "auspost.com.au", "mygov": "my.gov.au", "garanti":
            "garantibbva.com.tr", "pkobp": "pkobp.pl", "inpost": "inpost.pl", "poste": "poste.it", "ctt": "ctt.pt",
            "nordea": "nordea.com", "capitec": "capitecbank.co.za", "dbs": "dbs.com.sg", "maybank": "maybank2u.com.my",
            "bca": "klikbca.com", "bdo": "bdo.com.ph", "gcash": "gcash.com", "singpost": "singpost.com",
            "kasikorn": "kasikornbank.com", "emiratesnbd": "emiratesnbd.com", "alrajhi": "alrajhibank.com.sa",
            "appleid": "apple.com", "office365": "microsoft.com", "steam": "steampowered.com", "ebay": "ebay.com"}


def rnd(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def typo(r, w):
    i = r.randrange(len(w))
    op = r.randrange(5)
    sub = {"o": "0", "l": "1", "i": "1", "e": "3", "a": "4", "s": "5"}
    if op == 0 and len(w) > 4:
        return w[:i] + w[i + 1:]
    if op == 1:
        return w[:i] + w[i] + w[i:]
    if op == 2 and i < len(w) - 1:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if op == 3 and any(c in sub for c in w):
        j = r.choice([k for k, c in enumerate(w) if c in sub])
        return w[:j] + sub[w[j]] + w[j + 1:]
    return w[:i] + r.choice("aeiouy") + w[i + 1:]


def phish(r):
    k = r.randrange(16)
    b, l = r.choice(BRANDS), r.choice(LURES)
    if k < 3:
        parts = [b, l] + r.sample(LURES, r.randint(0, 2))
        r.shuffle(parts)
        if r.random() < 0.3:
            parts.append(str(r.randint(1, 999)))
        return "hyphen_chain", "-".join(parts) + "." + r.choice(CHEAP)
    if k < 5:
        w = r.choice([b + l, l + b, b + l + str(r.randint(1, 99)), "my" + b + l])
        return "brand_word", w + "." + r.choice(CHEAP + ["com", "net", "org", "co"])
    if k < 7:
        t = typo(r, b)
        if t == b:
            t = b + "s"
        host = t + r.choice(["", "-" + l]) + "." + r.choice(CHEAP + ["com", "net", "co"])
        return "typo", r.choice(["", "www.", l + "."]) + host
    if k < 9:
        lab = rnd(r, string.ascii_lowercase, r.randint(4, 8)) + r.choice(["", str(r.randint(0, 99))])
        host = r.choice(["", l + ".", b + ".", "www."]) + lab + "." + r.choice(CHEAP)
        return "throwaway", host + r.choice(["/", "/" + b + "/", "/" + l, "/" + b + "/" + l + ".html", "/i/" + rnd(r, string.ascii_letters, 6)])
    if k < 11:
        sub = r.choice([f"{b}-{l}-{rnd(r, string.ascii_lowercase + string.digits, 5)}", f"{b}{l}{r.randint(1, 9999)}",
                        f"{l}-{b}", f"{rnd(r, string.ascii_lowercase + string.digits, 10)}-{b}",
                        f"{b}-{rnd(r, string.ascii_lowercase, 6)}", f"secure-{b}-{l}"])
        return "shared_random", f"{sub}.{r.choice(SHARED)}" + r.choice(["", "/", "/" + l, "/index.html"])
    if k < 13:
        off = OFFICIAL.get(b, b + ".com")
        host = r.choice([f"{off}.{l}-{rnd(r, string.ascii_lowercase, 4)}.{r.choice(CHEAP)}",
                         f"www.{off}.{rnd(r, string.ascii_lowercase + string.digits, 6)}.{r.choice(CHEAP)}",
                         f"{l}.{off}-{l}.{r.choice(CHEAP)}",
                         f"{b}.{l}.{rnd(r, string.ascii_lowercase, 5)}.{r.choice(CHEAP)}"])
        return "deep_chain", host
    if k < 14:
        ip = ".".join(str(r.randint(1, 254)) for _ in range(4))
        port = r.choice(["", "", ":8080", ":8443", ":443"])
        path = r.choice([f"/{b}/{l}", f"/{b}/login.php", f"/~{b}/", f"/.well-known/{b}/verify", f"/{l}/{b}/index.html",
                         f"/{b}-{l}/", f"/wp-content/{b}/"])
        return "ip_host", f"http://{ip}{port}{path}"
    reg = r.choice([
        lambda: f"{r.choice(['ezpass', 'linkt', 'txtag', 'sunpass', 'fastrak', 'etoll', 'peajes', 'tollroad', 'ipass'])}-{r.choice(['toll', 'payment', 'unpaid', 'invoice', 'fee', 'bill'])}{r.choice(['', '-us', '-au', '-' + rnd(r, string.ascii_lowercase, 3)])}.{r.choice(CHEAP)}",
        lambda: f"{r.choice(['royalmail', 'evri', 'auspost', 'nzpost', 'canadapost', 'usps', 'inpost', 'ctt', 'poste', 'pttkargo', 'singpost', 'poslaju', 'lbc', 'aramex', 'postnord'])}{r.choice(['-', '.', ''])}{r.choice(['redelivery', 'parcel', 'tracking', 'delivery', 'reschedule', 'fee', 'paczka', 'consegna', 'kargo', 'pakke'])}.{r.choice(CHEAP)}",
        lambda: f"{r.choice(['hmrc', 'irs', 'cra', 'ato', 'mygov', 'sars', 'agenziaentrate', 'gib', 'kra', 'iras', 'lhdn'])}-{r.choice(['refund', 'rebate', 'tax', 'claim', 'portal', 'gov'])}{r.choice(['', '-online', '-' + str(r.randint(2024, 2027))])}.{r.choice(CHEAP + ['com', 'net'])}",
        lambda: f"{r.choice(['gcash', 'mpesa', 'stcpay', 'gopay', 'dana', 'momo', 'vipps', 'mobilepay', 'interac', 'zelle', 'cashapp', 'venmo'])}-{r.choice(['verify', 'bonus', 'hadiah', 'reward', 'etransfer', 'deposit', 'claim', 'unlock'])}.{r.choice(CHEAP)}",
    ])
    return "regional", reg() + r.choice(["", "/", "/pay", "/track?id=" + rnd(r, string.digits, 8), "/i", "/" + rnd(r, string.ascii_letters, 5)])


# ---------------------------------------------------------------- benign
TOP = ["google.com", "youtube.com", "microsoft.com", "apple.com", "amazon.com", "amazon.co.uk", "amazon.de",
       "amazon.co.jp", "amazon.in", "amazon.com.br", "amazon.ca", "amazon.com.au", "facebook.com", "instagram.com",
       "linkedin.com", "twitter.com", "x.com", "reddit.com", "wikipedia.org", "yahoo.com", "yahoo.co.jp", "bing.com",
       "live.com", "office.com", "outlook.com", "netflix.com", "spotify.com", "twitch.tv", "discord.com", "zoom.us",
       "slack.com", "dropbox.com", "box.com", "salesforce.com", "oracle.com", "ibm.com", "adobe.com", "atlassian.com",
       "github.com", "gitlab.com", "bitbucket.org", "stackoverflow.com", "mozilla.org", "ebay.com", "ebay.co.uk",
       "walmart.com", "target.com", "bestbuy.com", "costco.com", "homedepot.com", "etsy.com", "shopify.com",
       "aliexpress.com", "alibaba.com", "taobao.com", "jd.com", "baidu.com", "qq.com", "weibo.com", "naver.com",
       "daum.net", "kakao.com", "line.me", "rakuten.co.jp", "mercadolibre.com.ar", "mercadolivre.com.br",
       "bbc.co.uk", "bbc.com", "cnn.com", "nytimes.com", "theguardian.com", "reuters.com", "bloomberg.com",
       "booking.com", "airbnb.com", "expedia.com", "tripadvisor.com", "uber.com", "lyft.com", "doordash.com",
       "grab.com", "gojek.com", "shopee.sg", "shopee.co.id", "lazada.com.my", "tokopedia.com", "flipkart.com",
       "zalando.de", "otto.de", "allegro.pl", "trendyol.com", "hepsiburada.com", "bol.com", "cdiscount.com",
       "steampowered.com", "steamcommunity.com", "epicgames.com", "roblox.com", "ea.com", "playstation.com",
       "xbox.com", "nintendo.com", "samsung.com", "sony.com", "lg.com", "huawei.com", "xiaomi.com", "dell.com",
       "hp.com", "lenovo.com", "intel.com", "nvidia.com", "amd.com", "cloudflare.com", "digitalocean.com",
       "heroku.com", "vercel.com", "netlify.com", "okta.com", "auth0.com", "docusign.com", "adp.com", "workday.com",
       "intuit.com", "turbotax.com", "squareup.com", "stripe.com", "paypal.com", "wise.com", "revolut.com",
       "coinbase.com", "kraken.com", "binance.com", "gemini.com", "ledger.com", "trezor.io", "metamask.io",
       "proton.me", "protonmail.com", "fastmail.com", "zoho.com", "yandex.ru", "mail.ru", "vk.com", "ozon.ru",
       "gov.uk", "usa.gov", "irs.gov", "ssa.gov", "canada.ca", "service.nsw.gov.au", "my.gov.au", "gov.sg",
       "europa.eu", "un.org", "who.int", "mit.edu", "stanford.edu", "ox.ac.uk", "cam.ac.uk", "ethz.ch"]
TOP_SUBS = ["www", "mail", "login", "account", "accounts", "secure", "pay", "payments", "auth", "sso", "id", "my",
            "signin", "support", "help", "billing", "admin", "portal", "api", "developer", "docs", "status", "store",
            "shop", "wallet", "security", "verify", "checkout", "myaccount", "online", "m", "app", "web", "news"]
BANKS = ["chase.com", "bankofamerica.com", "wellsfargo.com", "citi.com", "usbank.com", "pnc.com", "capitalone.com",
         "truist.com", "ally.com", "schwab.com", "fidelity.com", "vanguard.com", "discover.com", "americanexpress.com",
         "barclays.co.uk", "natwest.com", "lloydsbank.com", "halifax.co.uk", "santander.co.uk", "monzo.com",
         "starlingbank.com", "nationwide.co.uk", "hsbc.co.uk", "hsbc.com.hk", "rbcroyalbank.com", "td.com",
         "scotiabank.com", "bmo.com", "cibc.com", "desjardins.com", "commbank.com.au", "westpac.com.au", "anz.com.au",
         "nab.com.au", "kiwibank.co.nz", "asb.co.nz", "banorte.com", "santander.com.mx", "bancogalicia.com",
         "bancoestado.cl", "bancolombia.com", "garantibbva.com.tr", "akbank.com", "ziraatbank.com.tr", "pkobp.pl",
         "mbank.pl", "ing.pl", "intesasanpaolo.com", "unicredit.it", "poste.it", "millenniumbcp.pt", "cgd.pt",
         "nordea.com", "swedbank.se", "seb.se", "handelsbanken.se", "danskebank.dk", "dnb.no", "op.fi",
         "capitecbank.co.za", "fnb.co.za", "absa.co.za", "standardbank.co.za", "gtbank.com", "zenithbank.com",
         "equitybank.co.ke", "emiratesnbd.com", "alrajhibank.com.sa", "qnb.com", "dbs.com.sg", "ocbc.com", "uob.com.sg",
         "maybank2u.com.my", "cimbclicks.com.my", "publicbank.com.my", "kasikornbank.com", "scb.co.th",
         "bangkokbank.com", "klikbca.com", "bankmandiri.co.id", "bri.co.id", "bdo.com.ph", "bpi.com.ph",
         "vietcombank.com.vn", "techcombank.com.vn", "ubs.com", "credit-suisse.com", "postfinance.ch", "raiffeisen.ch",
         "kbc.be", "belfius.be", "nordea.fi", "bankaustria.at", "erstebank.at", "otpbank.hu", "csob.cz", "mastercard.com",
         "visa.com", "paypal.com", "venmo.com", "cash.app", "zellepay.com", "klarna.com", "afterpay.com", "adyen.com",
         "worldpay.com", "checkout.com", "payoneer.com", "skrill.com", "neteller.com", "paysafecard.com", "alipay.com",
         "gcash.com", "paymaya.com", "stcpay.com.sa", "m-pesa.com", "paystack.com", "flutterwave.com", "razorpay.com",
         "mollie.com", "vipps.no", "mobilepay.dk", "swish.nu", "blik.com", "twint.ch", "interac.ca", "payid.com.au"]
BANK_SUBS = ["www", "online", "secure", "login", "onlinebanking", "ebanking", "netbanking", "ib", "banking",
             "business", "my", "app", "auth", "id", "pay", "cards", "help", "corporate"]
BRAND_SECOND = ["chasebank.com", "amazonpay.in", "amazonpay.com", "pay.amazon.com", "applepay.apple.com",
                "googlepay.com", "pay.google.com", "samsungpay.com", "microsoftonline.com", "live.net", "msauth.net",
                "office365.com", "sharepoint.com", "onedrive.com", "azure.com", "windows.net", "xboxlive.com",
                "icloud.com", "me.com", "appleid.apple.com", "gstatic.com", "googleusercontent.com", "youtu.be",
                "withgoogle.com", "blogger.com", "gmail.com", "fbcdn.net", "messenger.com", "whatsapp.net",
                "paypalobjects.com", "paypal-community.com", "braintreepayments.com", "xoom.com", "ebayinc.com",
                "walmartmobile.com", "bankofamerica.com", "bofa.com", "wellsfargomedia.com", "citibank.com",
                "citibankonline.com", "chase.co.uk", "barclaycard.co.uk", "barclaysus.com", "hsbcnet.com",
                "santanderbank.com", "tdbank.com", "rbc.com", "westpacgroup.com.au", "netbank.commbank.com.au",
                "dbsbank.in", "hdfcsec.com", "americanexpress.co.uk", "amex.com", "aexp.com", "visaeurope.com",
                "mastercard.us", "stripe.network", "stripecdn.com", "shopifycdn.com", "shopify.dev", "shop.app",
                "steamstatic.com", "epicgamescdn.com", "playstation.net", "nintendo.net", "samsungcloud.com",
                "galaxystore.samsung.com", "miui.com", "mi.com", "huaweicloud.com", "alipayobjects.com", "aliyun.com",
                "paytmbank.com", "paytmpayments.com", "phonepe.com", "bankid.no", "bankid.com", "itsme-id.com",
                "verified.me", "id.me", "login.gov", "myaccount.ameren.com", "secure.login.gov", "usbankreliacard.com",
                "capitalonebank.com", "discovercard.com", "ally.com", "sofi.com", "chime.com", "cashapp.com",
                "zelle.com", "wise-cdn.com", "revolut.me", "monzo.me", "paypal.me", "venmo.me", "klarnaservices.com",
                "coinbase.org", "cbhq.net", "binance.us", "krakenfutures.com", "ledgerwallet.com", "trezor.io"]
FS_NAMES = ["oauth2-proxy", "keycloak", "passport", "vault", "bitwarden", "vaultwarden", "keepassxc", "pass",
            "gopass", "passbolt", "authelia", "authentik", "zitadel", "ory", "kratos", "hydra", "dex", "casdoor",
            "supertokens", "lucia-auth", "next-auth", "authjs", "oidc-client", "openid-client", "pyjwt", "jose",
            "secure-headers", "helmet", "verify-email", "email-verifier", "login-flow", "signin-kit", "pay-sdk",
            "paykit", "opencollective-pay", "bank-parser", "ofx-bank", "openbanking-tools", "wallet-core",
            "walletconnect", "web3-wallet", "keyring", "keychain-swift", "ssh-keygen-docs", "age-encryption",
            "sops", "step-ca", "certbot", "lego", "acme-client", "letsencrypt-tools", "securedrop", "tails",
            "secure-boot-tools", "verify-sig", "sigstore", "cosign", "in-toto", "notary", "totp-gen", "otpauth",
            "yubikey-manager", "webauthn", "fido2-tools", "passkeys-demo", "login-form", "account-kit", "pgp-verify",
            "paypal-rest-sdk", "stripe-samples", "square-sdk-docs", "google-auth-library", "microsoft-authentication",
            "apple-signin", "amazon-cognito-identity", "facebook-login-demo", "invoice-ninja", "firefly-iii",
            "actual-budget", "beancount", "gnucash", "ledger-cli", "hledger", "moneymanager", "bank-statement-parser",
            "btcpayserver", "electrum", "bitcoin-core", "monero-docs", "lightning-pay", "payjoin", "secure-scuttlebutt",
            "signal-cli", "matrix-auth", "synapse", "element-web", "mastodon-docs", "pixelfed", "nextcloud-apps",
            "syncthing", "restic", "borg", "rclone", "minio-docs", "traefik", "caddy-docs", "nginx-unit", "pihole",
            "wireguard-tools", "openvpn-docs", "tailscale-oss", "headscale", "netbird", "zerotier-docs", "firezone",
            "fail2ban", "crowdsec", "suricata", "zeek", "osquery", "wazuh", "openscap", "lynis", "trivy", "grype"]
PROJECT_HOSTS = ["github.io", "gitlab.io", "readthedocs.io", "sourceforge.io", "sourceforge.net", "pages.dev",
                 "netlify.app", "vercel.app", "codeberg.page", "srht.site", "bitbucket.io", "rtfd.io"]
DOCS = ["docs.rs/{n}", "{n}.readthedocs.io/en/latest/", "{n}.readthedocs.io/en/stable/", "pkg.go.dev/github.com/{n}/{n}",
        "hexdocs.pm/{n}", "rubydoc.info/gems/{n}", "javadoc.io/doc/org.{n}/{n}-core", "docs.{n}.dev",
        "{n}.docs.apiary.io", "{n}.gitbook.io/docs", "{n}.mintlify.app", "{n}.stoplight.io/docs", "docs.{n}.io"]
PEOPLE = ["alice", "jdoe", "mkowalski", "sato-k", "linh-nguyen", "okafor", "amara", "rahul-dev", "lucia-m", "erikj",
          "pbrown", "kimura", "ana-souza", "tomasz", "yusuf", "chen-wei", "fatima-z", "olga", "pedro", "ingrid",
          "hannah", "kwame", "mei", "dmitri", "sofia", "arjun", "noah-w", "emma-l", "liam", "zara", "ryo", "nadia"]
PERSONAL_HOSTS = ["github.io", "gitlab.io", "netlify.app", "vercel.app", "pages.dev", "codeberg.page", "neocities.org",
                  "carrd.co", "bearblog.dev", "substack.com", "medium.com", "wordpress.com", "blogspot.com", "micro.blog"]
SHORT = ["bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly", "is.gd", "rebrand.ly", "t.ly", "cutt.ly",
         "lnkd.in", "amzn.to", "youtu.be", "fb.me", "s.id", "shorturl.at", "rb.gy", "tiny.cc"]


def benign(r):
    k = r.randrange(14)
    if k < 3:
        return "top", f"{r.choice(TOP_SUBS)}.{r.choice(TOP)}" if r.random() < 0.7 else r.choice(TOP)
    if k < 5:
        d = r.choice(BANKS)
        return "bank", f"{r.choice(BANK_SUBS)}.{d}" if r.random() < 0.7 else d
    if k < 7:
        d = r.choice(BRAND_SECOND)
        return "brand_second", (f"{r.choice(['www', 'secure', 'login', 'help', 'my'])}.{d}" if r.random() < 0.3 and d.count(".") == 1 else d)
    if k < 10:
        n, h = r.choice(FS_NAMES), r.choice(PROJECT_HOSTS)
        if h in ("sourceforge.net",):
            return "project", f"{n}.sourceforge.net/"
        if h in ("netlify.app", "vercel.app", "pages.dev") and r.random() < 0.25:
            pre = r.choice([f"deploy-preview-{r.randint(1, 3000)}--{n}", f"{n}-git-main-{rnd(r, string.ascii_lowercase, 6)}",
                            f"{rnd(r, '0123456789abcdef', 8)}.{n}", f"{n}-{rnd(r, string.ascii_lowercase + string.digits, 9)}"])
            return "project", f"{pre}.{h}"
        org = r.choice([n, n, n.split("-")[0], r.choice(PEOPLE)])
        if h in ("github.io", "gitlab.io", "codeberg.page") and r.random() < 0.4:
            return "project", f"{org}.{h}/{n}/"
        return "project", f"{n}.{h}"
    if k < 11:
        n = r.choice(FS_NAMES)
        return "docs", "https://" + r.choice(DOCS).format(n=n)
    if k < 13:
        p = r.choice(PEOPLE)
        h = r.choice(PERSONAL_HOSTS)
        if h in ("substack.com", "micro.blog", "wordpress.com", "blogspot.com", "neocities.org", "carrd.co", "bearblog.dev"):
            return "personal", f"{p.replace('-', '')}.{h}"
        if h == "medium.com":
            return "personal", f"medium.com/@{p}"
        return "personal", f"{p}.{h}" + r.choice(["", "/blog/", "/posts/login-with-passkeys/", "/cv/"])
    return "shortener", f"{r.choice(SHORT)}/{rnd(r, string.ascii_letters + string.digits, r.randint(5, 8))}"


def with_path(r, url, label):
    if url.startswith("http") or "/" in url:
        return url if url.startswith("http") else "https://" + url
    if label == "phishing":
        p = r.choice(["", "", "", "/", "/login", "/verify", "/account/update", "/secure/", "/pay", "/track"])
    else:
        p = r.choice(["", "", "", "/", "/about", "/docs/", "/login", "/signin", "/account", "/en-gb/", "/help/"])
    scheme = r.choice(["", "http://", "https://", "https://"])
    return f"{scheme}{url}{p}" if (scheme or p) else url


def build():
    return split_io.draw(random.Random(SEED), (("phishing", 1500, phish), ("benign", 1800, benign)), with_path)


def main():
    split_io.write_or_check(HERE, "fresh4.jsonl", build, "generate_fresh4.py")


if __name__ == "__main__":
    main()
