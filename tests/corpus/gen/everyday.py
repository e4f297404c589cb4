#!/usr/bin/env python3
"""Generator of `train/everyday.jsonl` (issue 15: short everyday messages
must stay clear).

Real inboxes and chat threads are full of very short ordinary messages —
an acknowledgement, a "where are you", a time, a thank-you, a greeting —
in Chinese and in English (with SMS spellings: u, ur, pls, tmrw, lol). The
rest of `train/` has few of them, and a bag-of-n-grams model that never saw
one falls back on what the characters of long scam scripts taught it (the
default once rated "好的" and "leaving now" as fraud). Every template here
is ours, composed from small parts so the lengths run from one word to a
dozen. Labelled `benign`; no asks for money, codes, installs or contacts.

Separate seed and file so the other generators' outputs are unchanged.

    python3 tests/corpus/gen/everyday.py [--check]
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shapes import noise  # noqa: E402
from tmpl import dedupe, fill, jsonl, write_or_check  # noqa: E402

SEED = 230423
N_EACH = 700
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train")

ZH_ACK = ["好的", "好", "嗯", "嗯嗯", "收到", "行", "可以", "没问题", "OK", "好滴", "知道了", "明白", "好嘞", "中", "得嘞", "哦哦", "嗯好", "收到收到", "好的好的", "没事"]
ZH_THANKS = ["谢谢", "谢啦", "辛苦了", "麻烦你了", "多谢", "感谢", "谢谢你", "太感谢了"]
ZH_WHERE = ["在吗", "在不在", "你到哪了", "到哪儿了", "你在哪", "出门了吗", "睡了吗", "起床没", "下班没", "到家了吗", "吃了没", "忙吗"]
ZH_MOVE = ["我到了", "马上到", "在路上了", "快到了", "刚到家", "已经出门了", "堵车了，晚点到", "还有五分钟", "我在门口", "到楼下了", "上车了", "刚下班"]
ZH_TIME = ["[明天|今晚|周六|下午|待会][几点|什么时候][见|到|出发]？", "[七点|八点半|三点|十点][见|集合|出发]", "[改到|换到][明天|周日|下周一][吧|行吗]", "[晚上|中午][吃什么|去哪吃]", "[今天|明天][加班|不回来吃饭|晚点回]"]
ZH_FEEL = ["哈哈哈", "笑死", "太好了", "好累", "困了", "晚安", "早安", "早", "新年快乐", "生日快乐", "节日快乐", "注意身体", "路上小心", "早点休息", "加油", "想你了", "好久不见"]
ZH_THING = ["[帮我|顺便][带|买][瓶水|包烟|个面包|点水果|杯咖啡]", "[钥匙|伞|充电器|外套][忘带了|放你那了|在桌上]", "[门|窗户][关了吗|记得关]", "[快递|外卖][到了|放门口了|帮我拿一下]", "[作业|报告|照片][发你了|看一下|收到了吗]", "[孩子|宝宝][睡了|接回来了|吃过了]", "[电影|票][买好了|几点的]", "[会议|课][取消了|推迟了|改时间了]"]

EN_ACK = ["ok", "k", "okay", "kk", "ok cool", "sure", "yep", "yeah", "no worries", "no probs", "sounds good", "fine", "alright", "got it", "will do", "cool", "perfect", "ta", "cheers", "nice one"]
EN_THANKS = ["thanks", "thank u", "thx", "thanks so much", "cheers mate", "ta very much", "appreciate it", "thanks hun"]
EN_WHERE = ["where r u", "where are you", "u there?", "you up?", "u home yet?", "u awake?", "what u up to", "how's it going", "how r u", "you ok?", "still at work?", "r u coming"]
EN_MOVE = ["on my way", "omw", "leaving now", "just left", "be there in [5|10|15|20] mins", "running [a bit|10 mins|so] late", "here", "outside", "just got home", "nearly there", "stuck in traffic", "just landed", "on the bus", "at the shops"]
EN_TIME = ["[see u|meet|pick u up] at [7|8|half 6|noon|2]", "[tmrw|tomorrow|tonight|sat|sunday] [still on?|works for me|is fine]", "what time [tmrw|tonight|is dinner|does it start]", "[can we|shall we] [do|move it to] [thurs|next week|the weekend]", "[dinner|lunch|coffee] [tmrw|later|on friday]?"]
EN_FEEL = ["lol", "haha", "hahaha", "omg", "night", "good night", "morning", "good morning", "happy birthday!!", "happy bday x", "love u", "love you x", "miss u", "xx", "get well soon", "congrats!!", "well done", "so tired", "can't wait", "same", "sorry", "my bad", "no way", "brilliant"]
EN_THING = ["[can u|could you] [grab|get|pick up] [milk|bread|some eggs|the kids|my parcel]", "[forgot|left] my [keys|phone charger|umbrella|wallet] [at yours|in the car|at work]", "[the|ur] [parcel|package|food] [came|is here|arrived]", "[did u|have you] [feed|walk] the [dog|cat]", "[film|match|game] starts at [8|7.30|9]", "[kids are|baby is|mum is] [asleep|home|fine]", "[meeting|class|practice] [cancelled|moved to 3|is at 4]", "[it's|its] [raining|freezing|so hot] here", "[bring|take] a [jacket|coat|brolly]"]


def zh_message(r):
    parts = []
    for pool, p in ((ZH_ACK, 0.5), (ZH_WHERE, 0.2), (ZH_MOVE, 0.25), (ZH_TIME, 0.25), (ZH_THING, 0.3), (ZH_THANKS, 0.2), (ZH_FEEL, 0.25)):
        if r.random() < p:
            parts.append(fill(r, r.choice(pool)))
    if not parts:
        parts.append(fill(r, r.choice(ZH_ACK + ZH_FEEL + ZH_WHERE)))
    parts = parts[: r.choice([1, 1, 2, 2, 3])]
    sep = r.choice(["，", " ", "，", "。", "！", "~"])
    return sep.join(parts) + r.choice(["", "", "", "。", "！", "~", "？"])


def en_message(r):
    parts = []
    for pool, p in ((EN_ACK, 0.45), (EN_WHERE, 0.2), (EN_MOVE, 0.25), (EN_TIME, 0.25), (EN_THING, 0.3), (EN_THANKS, 0.2), (EN_FEEL, 0.3)):
        if r.random() < p:
            parts.append(fill(r, r.choice(pool)))
    if not parts:
        parts.append(fill(r, r.choice(EN_ACK + EN_FEEL + EN_WHERE)))
    parts = parts[: r.choice([1, 1, 2, 2, 3])]
    text = r.choice([", ", " ", ". ", " - ", "! "]).join(parts) + r.choice(["", "", "", ".", "!", " x", " :)"])
    return text if r.random() < 0.7 else text[:1].upper() + text[1:]


def build():
    rng = random.Random(SEED)
    rows = []
    for _ in range(N_EACH):
        rows.append({"label": "benign", "sender": None, "text": noise(zh_message(rng), rng, "zh", False)})
    for _ in range(N_EACH):
        rows.append({"label": "benign", "sender": None, "text": noise(en_message(rng), rng, "en", False)})
    return {"everyday.jsonl": jsonl(dedupe(rows))}


if __name__ == "__main__":
    write_or_check(build(), OUT, "train/everyday")
