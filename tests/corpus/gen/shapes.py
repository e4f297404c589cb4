"""Render a message or a dialogue as SMS, call transcript or chat thread,
with the surface noise real traffic shows (spacing, full-width forms,
emoji, homophone evasions, typos)."""
import re

from tmpl import fill

_PUNCT_ZH = re.compile(r"[，。！？、；：“”‘’（）《》【】…,.!?;:\"()\[\]~～—-]+")
FILLERS_ZH = ["嗯", "啊", "呃", "那个", "就是", "对", "对对", "哦", "喂", "是吧", "然后", "这个"]
FILLERS_EN = ["um", "uh", "yeah", "ok", "right", "so", "like", "you know", "hello", "mm"]

HOMOPHONE = {"微信": ["威信", "VX", "薇信", "v信", "wx", "徽信"], "刷单": ["刷dan", "刷単"], "贷款": ["带款", "dai款", "贷kuan"],
             "兼职": ["兼织", "jian职"], "返利": ["返莉", "fan利"], "佣金": ["拥金", "yong金"], "转账": ["转zhang", "転账"],
             "银行卡": ["银航卡", "yhk"], "日结": ["日jie", "日節"], "加我": ["+我", "家我"], "QQ": ["扣扣", "qq", "Q"], "支付宝": ["zfb", "支付寶"],
             "投资": ["投zi", "頭资"], "下载": ["下栽", "xia载"], "充值": ["充値", "chong值"]}


def fullwidth(s, rng, p=0.5):
    out = []
    for ch in s:
        o = ord(ch)
        if 0x21 <= o <= 0x7E and ch not in "/:.@" and rng.random() < p:
            out.append(chr(o + 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def evade(s, rng):
    for k, vs in HOMOPHONE.items():
        if k in s and rng.random() < 0.5:
            s = s.replace(k, rng.choice(vs), 1)
    return s


def spaced(s, rng):
    # insert spaces or dots between characters of a few words
    out = []
    for ch in s:
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff" and rng.random() < 0.12:
            out.append(rng.choice([" ", " ", "*", "·", "/"]))
    return "".join(out)


def typo_en(s, rng):
    words = s.split(" ")
    for i, w in enumerate(words):
        if len(w) > 4 and w.isalpha() and rng.random() < 0.05:
            j = rng.randrange(len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def noise(s, rng, lang, fraud):
    """Surface variation. Rates are close on both sides so the noise itself
    does not become the label; homophone evasion is a fraud trait (spam
    filters are what it evades) and stays rare."""
    r = rng.random()
    if lang == "zh":
        m = re.match(r"^(【[^】]{1,12}】)(.+)$", s, re.S)
        if m and rng.random() < 0.15:  # the signature at the end, as many senders put it
            s = m.group(2) + m.group(1)
        if fraud and r < 0.12:
            s = evade(s, rng)
        if rng.random() < 0.05:
            s = fullwidth(s, rng, 0.6)
        if rng.random() < (0.05 if fraud else 0.02):
            s = spaced(s, rng)
    else:
        if rng.random() < 0.08:
            s = typo_en(s, rng)
        if rng.random() < 0.04:
            s = s.upper() if len(s) < 200 else s
        elif rng.random() < 0.05:
            s = s.lower()
    if rng.random() < 0.06:
        s = mask_digits(s, rng)
    if rng.random() < 0.08:
        e = fill(rng, "{emoji}")
        s = (e + s) if rng.random() < 0.3 else (s + e)
    return s


def mask_digits(s, rng):
    """Published SMS collections often mask numbers (x月x日, 138xxxx1234,
    ****); both sides get the same rate."""
    mode = rng.choice(["x", "X", "*", "partial"])
    if mode == "partial":
        return re.sub(r"\d{4}(?=\d{3,})", lambda m: "*" * len(m.group(0)), s)
    return re.sub(r"\d", mode, s)


def _strip_zh(t):
    return _PUNCT_ZH.sub(" ", t).strip()


def pick_turns(rng, stages, cache):
    """stages: list of lists of (speaker, template) — one per stage, or a
    (probability, list) tuple for optional stages. Speaker 'S' is the
    scammer/caller/other party, 'V' the user."""
    turns = []
    for st in stages:
        if isinstance(st, tuple):
            p, st = st
            if rng.random() >= p:
                continue
        spk, t = rng.choice(st)
        turns.append((spk, fill(rng, t, cache)))
    return turns


def transcript(rng, turns, lang="zh"):
    """Speech-to-text style: no punctuation (mostly), fillers, turn after turn."""
    labels = rng.choice([None, None, ("A", "B"), ("对方", "我"), ("来电", "本人"), ("甲", "乙"), ("说话人1", "说话人2")] if lang == "zh" else [None, None, ("A", "B"), ("Caller", "Me"), ("Agent", "Customer"), ("Speaker 1", "Speaker 2")])
    sep = rng.choice(["\n", " ", "\n", "  "])
    out = []
    for spk, t in turns:
        if lang == "zh":
            t = _strip_zh(t)
            t = re.sub(r"\s+", rng.choice([" ", "", " "]), t)
            if rng.random() < 0.5:
                t = rng.choice(FILLERS_ZH) + rng.choice([" ", ""]) + t
            if rng.random() < 0.2:
                t = t + rng.choice([" 嗯", " 啊", " 对吧", " 好吧", " 是吧"])
        else:
            t = re.sub(r"[,.!?;:]", "", t).lower()
            if rng.random() < 0.4:
                t = rng.choice(FILLERS_EN) + " " + t
        if labels:
            t = (labels[0] if spk == "S" else labels[1]) + rng.choice(["：", ":", ": "] if lang == "zh" else [":", ": "]) + t
        out.append(t)
    return sep.join(out)


def chat(rng, turns, lang="zh", other=None):
    """WeChat/QQ/Telegram style thread, keeps punctuation."""
    if lang == "zh":
        me = rng.choice(["我", "Me", "我："])
        other = other or rng.choice(["对方", "客服", "好友", fill(rng, "{name}"), fill(rng, "{sname}经理"), "群友", "老师"])
        fmt = rng.choice(["{w}：{t}", "{w}: {t}", "[{w}] {t}", "{w} {tm}\n{t}"])
    else:
        me = rng.choice(["Me", "You", "me"])
        other = other or rng.choice(["Them", fill(rng, "{en_first}"), "Support", "Unknown", "+44 7" + str(rng.randint(100000000, 999999999))])
        fmt = rng.choice(["{w}: {t}", "[{w}] {t}", "{w} ({tm}): {t}"])
    out = []
    for spk, t in turns:
        w = other if spk == "S" else me.rstrip("：")
        out.append(fmt.format(w=w, t=t, tm=fill(rng, "{time}")))
    return "\n".join(out)
