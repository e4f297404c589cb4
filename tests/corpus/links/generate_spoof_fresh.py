#!/usr/bin/env python3
"""An untuned IDN spoof split (`spoof_fresh.jsonl`), written after the spoof
checks of 2026-12-04 evening and measured once, never tuned on.

Deterministic (seed 20261204). Each line: {"host", "label": "spoof"|"safe",
"rule", "form": "unicode"|"punycode"}. Every host appears in both forms: a
link check must read a name the same however it is spelled.

Spoofed: plain names with one or two letters swapped for look-alikes of
another script (mixed script); names written wholly in Cyrillic, Greek or
Armenian look-alike letters under generic TLDs; protected-looking names with
accents or stroked letters; accents of several languages in one word; digits
of another script among Latin letters; zero-width joiners; kana among Latin.
Safe: words written in one script with letters that do not read as Latin
(Russian, Greek, Hebrew, Arabic, Thai, Devanagari, Hangul, kana, Han), Latin
words with one language's accents, Cyrillic look-alike names under
Cyrillic-script country TLDs, and plain ASCII names.
"""
import json
import random
import sys

R = random.Random(20261204)

WORDS = [
    "harbor", "meadow", "lantern", "pixel", "copper", "saffron", "orbit", "maple", "summit", "ember",
    "willow", "canyon", "falcon", "garden", "rapid", "velvet", "cobalt", "ridge", "prairie", "beacon",
    "nectar", "quartz", "tundra", "marble", "timber", "breeze", "cedar", "glacier", "harvest", "island",
]
BRANDS = [
    "paypal", "google", "apple", "amazon", "netflix", "microsoft", "binance", "coinbase", "alipay", "taobao",
    "icbc", "chase", "wellsfargo", "hsbc", "barclays", "santander", "rakuten", "docomo", "naver", "kakao",
]
TLDS = ["com", "net", "org", "io", "co", "app", "info", "xyz", "top", "shop"]
# Latin letter -> look-alikes from other scripts (Cyrillic, Greek, Armenian).
SWAP = {
    "a": "аα", "c": "сϲ", "e": "еε", "i": "іι", "j": "ј", "o": "оοօ", "p": "рρ", "s": "ѕ",
    "x": "хχ", "y": "уγ", "h": "һհ", "d": "ԁ", "q": "ԛզ", "w": "ԝ", "n": "ո", "u": "սυ", "g": "ց",
}
CYR_LOOK = "асеорхуіјѕԁһӏԛԝ"
GRK_LOOK = "αικνορτυχ"
ARM_LOOK = "ոսօհզց"
ACCENT_ONE = {  # letter -> accented forms used to imitate it
    "a": "àáâäãåāăą", "e": "èéêëēėęě", "i": "ìíîïīįı", "o": "òóôöõøōő", "u": "ùúûüūůűų",
    "c": "çćčĉċ", "n": "ñńňņŋ", "s": "śšşșŝ", "z": "źżž", "l": "łľĺļ", "g": "ğģĝġ", "t": "ťţțŧ",
    "r": "řŕ", "d": "ďđ", "y": "ýÿŷ", "k": "ķ", "h": "ħĥ",
}
FOREIGN_DIGITS = "٠١٢٣٤٥٦٧٨٩०१२३४५६७८९০১২৩৪৫৬৭৮৯"
KANA_SLASHY = "ノソン丶"

SAFE_WORDS = {
    "ru": ["библиотека", "журнал", "погода", "фильмы", "здоровье", "дача", "цветы", "лыжи", "игрушки", "чай",
           "юрист", "шахматы", "ремонт", "билеты", "перевод", "щенки", "мебель", "зоопарк", "пицца", "футбол"],
    "el": ["βιβλία", "ταξίδια", "φαγητό", "ζωγραφική", "μουσική", "γλυκά", "θάλασσα", "λέξεις", "ψάρια", "δρόμος"],
    "he": ["ספרים", "חדשות", "מוזיקה", "טיולים", "בריאות", "מתכונים", "ילדים", "אוכל"],
    "ar": ["كتب", "اخبار", "مطبخ", "سفر", "صحة", "رياضة", "تعليم", "موسيقى"],
    "th": ["ข่าว", "อาหาร", "ท่องเที่ยว", "สุขภาพ", "ดนตรี", "หนังสือ"],
    "hi": ["समाचार", "खाना", "यात्रा", "स्वास्थ्य", "संगीत", "किताबें"],
    "ko": ["뉴스", "음식", "여행", "건강", "음악", "도서관", "날씨", "쇼핑몰"],
    "ja": ["ニュース", "りょうり", "たびびと", "けんこう", "おんがく", "としょかん", "てんき", "さくら"],
    "zh": ["新闻", "美食", "旅游", "健康", "音乐", "图书馆", "天气", "商城", "学习", "汽车"],
    "latin": ["straßenbahn", "bäckerei", "crêperie", "château", "señales", "açaí", "informação", "città",
              "perché", "łąka", "źródło", "příroda", "žlutý", "kő", "tűz", "mâncare", "știri", "gökyüzü",
              "čaj", "ñandú", "smørbrød", "ålesund", "hvað", "þing", "ūdens", "žuvis", "phở", "bánh-mì"],
}
SAFE_TLDS = {
    "ru": ["ru", "рф", "com", "net"], "el": ["gr", "com"], "he": ["co.il", "com"], "ar": ["com", "ae"],
    "th": ["th", "com"], "hi": ["in", "com"], "ko": ["kr", "com", "한국"], "ja": ["jp", "com"],
    "zh": ["cn", "com", "中国"], "latin": ["de", "fr", "com", "pl", "cz", "net"],
}


def replace_letters(word, k, table):
    """`word` with up to `k` of its letters that `table` knows replaced by
    one of their look-alikes there, picked at random."""
    idx = [i for i, c in enumerate(word) if c in table]
    R.shuffle(idx)
    w = list(word)
    for i in idx[:k]:
        w[i] = R.choice(table[w[i]])
    return "".join(w)


def spoofs():
    out = []
    for _ in range(30):
        base = R.choice(WORDS + BRANDS)
        out.append((replace_letters(base, R.choice([1, 2]), SWAP) + "." + R.choice(TLDS), "mixed_script"))
    for _ in range(12):
        out.append(("".join(R.choice(CYR_LOOK) for _ in range(R.randint(3, 7))) + "." + R.choice(TLDS), "whole_script_cyrillic"))
    for _ in range(6):
        out.append(("".join(R.choice(GRK_LOOK) for _ in range(R.randint(3, 6))) + "." + R.choice(TLDS), "whole_script_greek"))
    for _ in range(4):
        out.append(("".join(R.choice(ARM_LOOK) for _ in range(R.randint(3, 6))) + "." + R.choice(TLDS), "whole_script_armenian"))
    for _ in range(20):
        b = R.choice(BRANDS)
        out.append((replace_letters(b, 1, ACCENT_ONE) + "." + R.choice(["com", "net"]), "accented_brand"))
    for _ in range(15):
        b = R.choice(WORDS + BRANDS)
        out.append((replace_letters(b, 3, ACCENT_ONE) + "." + R.choice(TLDS), "accents_of_several_languages"))
    for _ in range(10):
        b = R.choice(WORDS + BRANDS)
        out.append((b + "".join(R.choice(FOREIGN_DIGITS) for _ in range(R.randint(1, 3))) + "." + R.choice(TLDS), "foreign_digits"))
    for _ in range(6):
        b = R.choice(WORDS + BRANDS)
        i = R.randint(1, len(b) - 1)
        out.append((b[:i] + "\u200d" + b[i:] + "." + R.choice(TLDS), "zero_width_joiner"))
    for _ in range(6):
        a, b = R.choice(WORDS), R.choice(WORDS)
        out.append((a + R.choice(KANA_SLASHY) + b + "." + R.choice(TLDS), "kana_among_latin"))
    return out


def safes():
    out = []
    for lang, words in SAFE_WORDS.items():
        for w in words:
            out.append((w + "." + R.choice(SAFE_TLDS[lang]), "single_script_" + lang))
    for _ in range(10):
        out.append(("".join(R.choice(CYR_LOOK) for _ in range(R.randint(3, 7))) + "." + R.choice(["рф", "ru", "by", "ua", "kz"]), "cyrillic_under_cyrillic_tld"))
    for _ in range(20):
        out.append((R.choice(WORDS) + R.choice(["", "-", ""]) + R.choice(WORDS) + "." + R.choice(TLDS), "ascii"))
    return out


def punycode(host):
    """Each non-ASCII label as `xn--` + its Punycode, with no IDNA 2003
    mapping (which would drop a zero-width joiner or turn ß into ss)."""
    labels = []
    for label in host.split("."):
        if label.isascii():
            labels.append(label)
        else:
            labels.append("xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(labels)


def main():
    out = sys.stdout
    seen = set()
    for label, items in (("spoof", spoofs()), ("safe", safes())):
        for host, rule in items:
            if host in seen:
                continue
            seen.add(host)
            for form, h in (("unicode", host), ("punycode", punycode(host))):
                out.write(json.dumps({"host": h, "label": label, "rule": rule, "form": form}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
