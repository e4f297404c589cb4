#!/usr/bin/env python3
"""Generator of `conversations/fresh.jsonl`: a first-measurement set for the
conversation check, written AFTER its rules were tuned on
`conversations/train.jsonl`, with its OWN dialogue templates (none shared
with the `train/` templates), its own fake names and another seed. The
conversation rules must not be tuned on it.

    python3 tests/corpus/gen/conversations_fresh.py [--check]

Every template was written for this project from public descriptions of how
each scam runs on the phone or in a chat (police and anti-fraud-centre
warnings, news reports, consumer warnings) and of ordinary calls and chats,
including the hard ones: real bank and police callbacks, landlords and
teachers asking for money, friends paying each other back. Names, numbers,
ids and links are made up.
"""
import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from slots import SLOTS  # noqa: E402
from tmpl import fill  # noqa: E402

SEED = 5115
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conversations", "fresh.jsonl")

SLOTS["cfapp"] = lambda r: r.choice(["鑫悦通", "汇丰盈", "金钥匙理财", "云端宝", "聚财通", "华鼎优投"])
SLOTS["cfenapp"] = lambda r: r.choice(["QuantaEdge", "BlueRiver FX", "GoldLeaf Invest", "CryptoHarbor"])

S, V = "S", "V"

# (label, lang, stages): each stage a list of (speaker, template)
# alternatives, or a (probability, list) tuple for an optional stage.
FRAUD = [
    ("impersonate_authority", "zh", [
        [(S, "喂 你好 我是{city}市[公安局|公安分局]经侦[支队|大队]的{sname}警官 警号{n5}"), (S, "这里是{city}[市场监管局|税务稽查局] 您是{name}本人吗")],
        [(V, "是我 有什么事"), (V, "[对|嗯] 怎么了")],
        [(S, "我们在办一起[跨境洗钱|非法集资]案 嫌疑人供述你[提供了|出租了]一张银行卡 你现在是[涉案人员|嫌疑人]"), (S, "有人用你的身份[注册了公司|开了对公账户]偷逃税款 你要承担[连带责任|刑事责任]")],
        [(V, "不可能 我从来没有"), (V, "那我该怎么[证明|办]")],
        (0.7, [(S, "这个案子[涉密|是保密案件] 你现在[回到房间|找个安静的地方] 手机[不要挂|保持畅通] 家里人也不要说")]),
        [(S, "为了[证明你的资金来源合法|排除你的嫌疑] 你要把[名下|卡里]的钱[转到|归集到]我们指定的[核查|监管]账户 核查完原路退回"), (S, "你先去银行把钱都取出来 [我们的人|便衣]会上门[收取|封存] 柜员问就说[买房|装修]")],
    ]),
    ("impersonate_authority", "en", [
        [(S, "this is officer {en_last} from the [county sheriff's office|state police] is this {en_first}"), (S, "hello i'm calling from the [social security administration|IRS enforcement unit]")],
        [(V, "yes speaking"), (V, "um yes what's this about")],
        [(S, "your [social security number|name] was used to [rent a car|open bank accounts] found with [drugs|cash] at the border there is a warrant in your name"), (S, "you owe [back taxes|a federal penalty] and a warrant for your arrest will be issued [today|within the hour]")],
        [(V, "i didn't do anything"), (V, "what do i need to do")],
        (0.7, [(S, "this is a [confidential|sealed] investigation do not [discuss it with anyone|contact your bank] and stay on the line")]),
        [(S, "to clear your name move your savings to a [government-protected|secure federal] account i will give you the details"), (S, "you can settle it now with [gift cards|bitcoin at a kiosk] and read me the numbers")],
    ]),
    ("impersonate_customer_service", "zh", [
        [(S, "您好 我是{shop}[平台|官方]客服 您{date}[买的|下单的]{product}[检测出问题|被召回了]"), (S, "您好 {courier}[理赔中心|客服] 您的快递在运输中[丢件|破损]了")],
        [(V, "[哦|啊] 是吗"), (V, "那怎么处理")],
        [(S, "我们给您[双倍|三倍]赔偿 {mid}元 走[快速理赔|极速退款]通道"), (S, "平台[主动|按规定]给您退款 不过要先[验证|认证]您的收款账户")],
        (0.6, [(S, "您下载一下[会议|理赔]APP 点[共享屏幕|开启共享] 我一步一步教您"), (S, "您打开{payapp} 找到[备用金|借钱|信用额度]这一项 看一下额度")]),
        [(S, "系统显示您的账户[认证失败|未激活] 需要您先转{small}到验证账户 验证后[一起|全部]退回"), (S, "您把收到的[验证码|动态码]告诉我 我这边帮您[提交|确认]理赔")],
        (0.5, [(V, "[转好了|发给你了] 怎么还没到账")]),
    ]),
    ("impersonate_customer_service", "en", [
        [(S, "hi this is [Amazon|PayPal|Apple] support we noticed an order for a [MacBook|PS5] of ${n3} on your account"), (S, "hello from [Microsoft|Norton] technical support your computer is sending us [virus alerts|error reports]")],
        [(V, "i didn't order that"), (V, "oh no what should i do")],
        [(S, "don't worry we can [cancel it|fix it] but i need to [connect to your computer|verify your identity]"), (S, "to stop the charge we need to [secure your account|process a refund]")],
        (0.7, [(S, "please install [AnyDesk|a support app] and give me the [code|number] on your screen")]),
        [(S, "i accidentally refunded ${n3}0 instead of ${n3} please send the difference back with [gift cards|a wire transfer]"), (S, "you'll get a [code|text] read it back to me so we can confirm the refund")],
    ]),
    ("impersonate_acquaintance", "zh", [
        [(S, "[在吗|忙不]？我是{leader} 这是我[新|私人]微信"), (S, "{rel} 我手机[掉水里了|坏了] 用同学的号给你发")],
        [(V, "[领导好|您好|嗯 怎么了]"), (V, "啊 你没事吧")],
        [(S, "我这边[在开会|在医院] 不方便接电话 [有件急事|帮个忙]"), (S, "我[出了点事|跟人起了冲突] 要赔钱 别跟[家里|爸妈]说")],
        [(S, "你先帮我[转|垫]{mid}给这个账户 [明天|晚上]就还你"), (S, "[对方|医院]要先交{mid} 你转到{bank}卡上 名字是{name}")],
        (0.6, [(V, "[要不|能不能]打个电话"), (V, "转哪里")]),
        (0.6, [(S, "[真的不方便|信号不好] 你先转 急")]),
    ]),
    ("impersonate_acquaintance", "en", [
        [(S, "hi [mum|dad] it's me i [broke|dropped] my phone this is my new number"), (S, "hey it's {en_first} from work are you free i need a quick favour")],
        [(V, "oh hi love are you ok"), (V, "sure what's up")],
        [(S, "i can't [call|talk] right now my [mic|phone] is broken"), (S, "i'm in a meeting and can't take calls")],
        [(S, "i need to pay a [bill|supplier] today ${n3} can you send it to this account i'll pay you back tomorrow"), (S, "can you buy [four|five] ${n2}0 [Apple|Amazon] gift cards and send me photos of the codes")],
        (0.5, [(S, "please don't tell [dad|anyone] i'll explain later")]),
    ]),
    ("fake_loan", "zh", [
        [(S, "您好 我是{cfapp}[金融|信贷]的专员 您的[借款|贷款]{big}[已审批|审核通过]了"), (S, "您好 您在我们平台申请的额度下来了 {big} 年化很低")],
        [(V, "哦 那什么时候到账"), (V, "利息多少")],
        [(S, "[系统|风控]显示您的[银行卡号填错|流水不足|信用分不够] 资金[被冻结|放不出来]"), (S, "放款前需要[验证还款能力|做资金认证]")],
        [(S, "您先[交|转]{small}的[解冻费|保证金|认证金] 到账后[一起退|连同贷款一起返]"), (S, "您往这个账户存{mid}做个流水 截图给我 审核完[马上放款|原路退回]")],
        (0.5, [(V, "交完了 怎么还不到账"), (V, "为什么还要交钱")]),
        (0.5, [(S, "还差一步 再交{small}[会员费|加急费]就能放款")]),
    ]),
    ("verification_code", "zh", [
        [(S, "[亲|您好] 我是{shop}[客服|商家] 刚才给您发错了[快递|优惠券]"), (S, "[哥们|姐] 我[QQ|微信]被[冻结|限制]了 需要好友辅助")],
        [(V, "什么事"), (V, "[怎么弄|要我做什么]")],
        [(S, "您手机会收到一个[六位|短信]验证码 [念|发]给我一下 我帮您[取消|处理]"), (S, "等下你会收到一条验证码 截图[发我|给我]就行 [不会扣钱|马上好]")],
        (0.6, [(V, "是{code6}吗"), (V, "短信说不要告诉别人")]),
        (0.6, [(S, "[没事|放心] 那是[系统自动发的|例行提示] [快点|过期就没用了]")]),
    ]),
    ("prize_lottery", "zh", [
        [(S, "恭喜您 您的手机号在{brand}[周年庆|回馈活动]中被抽中[二等奖|幸运大奖]"), (S, "您好 这里是[节目组|栏目组] 您是我们的[场外幸运观众|中奖用户]")],
        [(V, "真的吗 中了什么"), (V, "我没参加过啊")],
        [(S, "奖品是{product}加现金{mid} [今天|三天内]必须领取 [过期作废|否则视为放弃]"), (S, "奖金{big} 已经存入[公证处|中奖账户]")],
        [(S, "领奖前需要先交{small}的[个人所得税|公证费|邮费] 转到[公证处|财务]账户"), (S, "您先付{small}[保证金|手续费] 奖品[马上寄出|奖金即刻到账]")],
    ]),
    ("prize_lottery", "en", [
        [(S, "congratulations you've been [selected|picked] as the winner of our [{enbrand}|national] [prize draw|sweepstakes]"), (S, "hello this is the [lottery claims office|prize department] you have an unclaimed prize")],
        [(V, "really i don't remember entering"), (V, "what did i win")],
        [(S, "you've won [{gbp}|${n3},000] and [a car|a holiday] but it must be claimed [today|within 24 hours]"), (S, "your prize of [{gbp}|${n3},000] is ready to be released")],
        [(S, "there's a [release|processing|customs] fee of ${n3} pay it with [a money order|gift cards] and read me the codes"), (S, "to release the prize send the [tax|fee] of ${n3} by [wire|bitcoin] today")],
    ]),
    ("romance_investment", "zh", [
        [(S, "[你好|嗨] 不好意思[加错人了|打扰了] 不过[看你头像很有气质|聊得来] 交个朋友吧"), (S, "宝贝早安 [昨晚睡得好吗|想你了]")],
        [(V, "没关系 你做什么的"), (V, "[早|嗯] 你呢")],
        [(S, "我是{rjob} 平时跟[舅舅|导师]做[{coin}|黄金期货] 这个月[赚了|收益]{big}"), (S, "我[发现|有]一个[平台漏洞|内部渠道] 稳赚不赔 想带你一起[赚钱|为我们的未来存钱]")],
        [(S, "你先在{cfapp}[充|投]{mid}试试 我[带你操作|告诉你什么时候买]"), (S, "[下载|注册]{cfapp} 先[充值|入金]{small} [赚了就提现|亏了算我的]")],
        (0.6, [(V, "[我提现|为什么提不出来] 说要交[保证金|税费]"), (V, "我充了{mid} 怎么[提现失败|冻结了]")]),
        (0.6, [(S, "[正常的|别担心] 再[充|交]{mid}[就能解冻|才能提现] 宝贝相信我")]),
    ]),
    ("romance_investment", "en", [
        [(S, "hi sorry [wrong number|i think i added the wrong person] but you seem [lovely|kind] can we chat"), (S, "good morning [sweetheart|my dear] [did you sleep well|i dreamed of you]")],
        [(V, "no problem what do you do"), (V, "morning how are you")],
        [(S, "i'm a [surgeon with the UN|engineer on an oil platform] and i trade [crypto|gold] on the side i made ${n3},000 last month"), (S, "my [aunt|mentor] showed me a trading platform it's guaranteed profit")],
        [(S, "let me help you start with ${n3} on {cfenapp} [for our future|so we can be together]"), (S, "download {cfenapp} and deposit ${n3} i'll tell you when to trade")],
        (0.6, [(V, "i tried to withdraw but it says i have to pay a [tax|fee] first")]),
        (0.6, [(S, "that's normal darling pay the [fee|tax] and you can withdraw everything")]),
    ]),
    ("rebate_task", "zh", [
        [(S, "您好 我们是[{brand}合作的推广团队|{social}运营] 招[兼职|点赞员] 在家就能做"), (S, "亲 上次的[点赞|关注]任务[佣金|红包]发你了 今天还做吗")],
        [(V, "[怎么做|做什么]"), (V, "[收到了|好的] 还有吗")],
        [(S, "先做[几个|三个]免费任务 [一单|一个]{n1}元 然后做[垫付|联单]任务 佣金{pct}%"), (S, "这个是[商家|充值]任务 先垫付{mid} 完成后[本金加佣金|连本带利]返还")],
        (0.7, [(S, "你[操作超时|选错订单]了 [账户|任务]被冻结 要再[补|充]{mid}才能[解冻|提现]")]),
    ]),
    ("fake_investment", "zh", [
        [(S, "[各位|家人们] 今天[老师|带头人]带的那只[票|币]又[涨停|翻倍]了"), (S, "你好 我是{cfapp}的[投资顾问|分析师] 我们有[内部|机构]通道")],
        [(V, "[怎么跟|我也想做]"), (V, "[靠谱吗|安全吗]")],
        [(S, "[下载|注册]{cfapp} 开户后[我带你操作|跟着老师买] [保本|稳赚]"), (S, "[明天|这次]有[新股配售|打新名额] 最少[投|入金]{big} 错过就没了")],
        (0.6, [(S, "[系统|风控]检测到你[操作违规|账户异常] 要交{pct}%的[保证金|个税]才能提现")]),
    ]),
    ("fake_investment", "en", [
        [(S, "hi i'm an analyst with {cfenapp} we have a [VIP signal group|private pool] returning [{pct}% a week|double in a month]"), (S, "welcome to the [crypto|forex] [mentorship|class] the teacher shares signals here")],
        [(V, "how does it work"), (V, "is it safe")],
        [(S, "open an account on {cfenapp} and deposit ${n3},000 [it's guaranteed|you can't lose]"), (S, "send ${n3},000 in USDT to this wallet and our team trades for you")],
        (0.6, [(S, "your account is frozen by risk control pay the ${n3} [tax|unlock fee] to withdraw")]),
    ]),
    ("fake_shopping", "zh", [
        [(V, "你好 [{product}|这个{product}]还在吗"), (S, "在的 你要的{product}有货 [今天|活动价]只要{small}")],
        [(S, "[正品|保真] [海关罚没的|公司抵债的] 所以便宜"), (V, "这么便宜 是真的吗")],
        [(S, "平台[扣点|抽成]太多 [你直接微信转我|扫我的收款码] 我[马上发货|安排物流]"), (S, "先付[定金|一半]{small} 我这边[发货|安排]")],
        (0.6, [(V, "钱转了 [单号|怎么还没发货]")]),
        (0.6, [(S, "[快递|物流]被[查了|扣了] 要再交{small}[保证金|关税] [签收后|到货后]退你")]),
    ]),
    ("game_trading", "zh", [
        [(V, "你那个{game}[账号|号]还卖吗"), (S, "[{game}|这个号]全皮肤 [便宜出|急出] {small}")],
        [(S, "[别走平台|平台手续费高] 我们[私下|微信]交易 [安全|我信誉好]"), (V, "怎么交易")],
        [(S, "你先付{small} 我把[账号密码|号]给你"), (V, "付了 号呢")],
        (0.7, [(S, "[交易平台|客服]说你账户[被冻结|填错了] 要交{small}[解冻|保证金] [交完全部退你|连本带退]")]),
    ]),
    ("malware_app", "en", [
        [(S, "hi it's your bank's [fraud team|security department] we've detected [suspicious activity|a login from another country]"), (S, "this is [Amazon|Microsoft] security your account has been [hacked|compromised]")],
        [(V, "oh what should i do"), (V, "what happened")],
        [(S, "to protect your money install [our security app|AnyDesk] from the link i'm sending"), (S, "please download this app and allow [screen sharing|accessibility] so i can check")],
        (0.7, [(S, "now log into your banking app so i can move the money to a safe account")]),
    ]),
    ("malware_app", "zh", [
        [(S, "您好 {bank}[风控部|客服] 您的[账户|银行卡]在异地[登录|消费]"), (S, "您好 [社保|医保]中心 您的[社保卡|医保卡]需要[年审|升级]")],
        [(V, "我没有啊"), (V, "要怎么弄")],
        [(S, "您下载一下[{apk}|我们的安全APP] [安装时点允许|权限都打开]"), (S, "您[打开|下载][会议|视频]软件 输入会议号{room} 点共享屏幕")],
        (0.6, [(S, "现在打开[手机银行|{payapp}] 我这边帮您[检查|操作]")]),
    ]),
]

BENIGN = [
    ("zh", [
        [(S, "您好 {bank}[信用卡中心|客服] 您刚才有一笔{mid}的[境外|大额]消费 是您本人吗")],
        [(V, "不是我"), (V, "是我 在{city}买的")],
        [(S, "[好的|明白] 我们已经[冻结|暂停]了这张卡 [新卡|补卡]会寄给您 [您不需要做任何操作|不需要您转账或提供验证码]"), (S, "好的 确认是您本人就没问题了 有疑问请拨打卡背面的{hotline}")],
    ]),
    ("zh", [
        [(S, "您好 我是{district}派出所的民警 [最近|我们]在做反诈宣传"), (S, "喂 我是[国家反诈中心|{city}反诈中心]的 您刚才接了一个境外来电")],
        [(V, "[哦 对|嗯] 有人说是客服"), (V, "有什么事吗")],
        [(S, "那是[诈骗电话|骗子] [千万别|不要]转账 也别给验证码 [公检法|警察]不会让您转到安全账户"), (S, "[提醒您|请记住] 凡是让您[下载会议软件|共享屏幕]的都是诈骗 有疑问打96110")],
    ]),
    ("zh", [
        [(S, "[小{sname}|{name}] 这个月房租{mid}[该交了|到期了] 还是转到我{bank}的卡上")],
        [(V, "好的 今天转给您"), (V, "[行|好] 晚上转")],
        (0.6, [(S, "收到了 谢谢 热水器的事我周末找人来修")]),
    ]),
    ("zh", [
        [(S, "各位家长好 我是{school}{sname}老师 [下周|本周五]开家长会 [请准时参加|请家长签到]")],
        [(V, "好的 收到"), (V, "[老师好|收到] 孩子最近表现怎么样")],
        [(S, "[挺好的|进步很大] 班费的事统一在[家校通|学校APP]里交 [不要私下转给任何人|老师不会私下收钱]")],
    ]),
    ("zh", [
        [(S, "[哥|姐] 上次借你的{small}我[转你了|还你了] [你看看|查收一下]")],
        [(V, "收到了 不急的"), (V, "[好嘞|嗯] 收到")],
        [(S, "[周末|改天]一起吃饭啊")],
    ]),
    ("zh", [
        [(S, "你好 {courier}的 你有个[到付件|快递] [在家吗|放哪里]"), (S, "您好 {brand}外卖 [到楼下了|放门口了]")],
        [(V, "[放门口|放驿站]就行 谢谢"), (V, "我下来拿")],
        [(S, "[好的|行] [{n1}分钟到|已经放好了]")],
    ]),
    ("zh", [
        [(S, "您好 这里是{brand}[会员中心|门店] 您的[会员积分|优惠券]下周到期 [可以来店里用|记得使用]")],
        [(V, "好的 谢谢提醒"), (V, "能[线上|在APP里]用吗")],
        [(S, "[可以的|能用] 在官方APP里直接[兑换|抵扣] 不需要[提供任何信息|转账]")],
    ]),
    ("zh", [
        [(S, "{rel} 我[到{city}了|下飞机了] [一切顺利|别担心]")],
        [(V, "好 注意安全 钱够不够"), (V, "到了就好 [吃饭了吗|早点休息]")],
        (0.6, [(S, "[够的|不用] [周末|下周]视频")]),
    ]),
    ("zh", [
        [(S, "{name} 明天上午的[客户会议|项目评审][改到|挪到]{time}了 材料[发你邮箱了|在群里]")],
        [(V, "收到 我准备一下"), (V, "好的 需要我做PPT吗")],
        [(S, "[对|嗯] 报销单记得[周五前|月底前]交财务")],
    ]),
    ("zh", [
        [(S, "您好 我是{bank}[理财经理|客户经理]{sname} 您的定期[下周到期|已经到期]了")],
        [(V, "嗯 有什么推荐"), (V, "我先不续了")],
        [(S, "[可以来网点|在手机银行里]看一下 [有风险提示|产品说明书]您仔细看 [不着急做决定|我们不会要求您转给个人]")],
    ]),
    ("en", [
        [(S, "hi it's {en_first} from {usbank} fraud prevention we saw a charge of ${n3} at {enbrand} was that you")],
        [(V, "no it wasn't"), (V, "yes that was me")],
        [(S, "[thanks|ok] we've [blocked the card|noted that] and a new one is on its way we will never ask you for your PIN or to move money")],
    ]),
    ("en", [
        [(S, "hey it's {en_first} the rent for [this month|March] is due can you [send it|transfer it] to the usual account")],
        [(V, "sure i'll do it tonight"), (V, "done just sent it")],
        (0.6, [(S, "got it thanks i'll get the boiler fixed [this week|on Friday]")]),
    ]),
    ("en", [
        [(S, "hi this is {encourier} i have a parcel for you [are you home|can i leave it with a neighbour]")],
        [(V, "yes i'll be down in a minute"), (V, "please leave it by the door")],
        [(S, "[no problem|will do] [photo sent|have a good day]")],
    ]),
    ("en", [
        [(S, "hey thanks for dinner last night what do i owe you"), (S, "hi i paid for the tickets your share is ${n2}")],
        [(V, "it's ${n2} each send it whenever"), (V, "no worries i'll transfer it now")],
        [(S, "[sent|done] see you on [Saturday|Friday]")],
    ]),
    ("en", [
        [(S, "hello this is {en_first} from the dentist's office calling to confirm your appointment on {day}")],
        [(V, "yes that's fine"), (V, "can we move it to the afternoon")],
        [(S, "[great|no problem] see you then")],
    ]),
    ("en", [
        [(S, "hi it's [mum|dad] did you get home ok"), (S, "hey it's {en_first} are we still on for lunch")],
        [(V, "yes all good"), (V, "yes see you at 1")],
        [(S, "[lovely|great] speak later")],
    ]),
    ("en", [
        [(S, "hi this is {en_first} from {enbrand} customer service about your complaint your refund of ${n2} has been approved")],
        [(V, "thanks how long will it take"), (V, "great do i need to do anything")],
        [(S, "it goes back to your original card in [3 to 5|5 to 7] days you don't need to do anything")],
    ]),
]

N_FRAUD = 450
N_BENIGN = 350


def pick(rng, stages):
    turns = []
    for st in stages:
        if isinstance(st, tuple):
            p, st = st
            if rng.random() >= p:
                continue
        spk, t = rng.choice(st)
        turns.append((spk, t))
    return turns


def render(rng, label, lang, stages):
    cache = {}
    channel = rng.choice(["call", "call", "chat"])
    rows = []
    for spk, t in pick(rng, stages):
        text = fill(rng, t, cache)
        if channel == "call":
            text = re.sub(r"[，。！？、；：“”,.!?;:]+", " ", text).strip() if lang == "zh" else re.sub(r"[,.!?;:]", "", text).lower()
        elif lang == "zh":
            text = text.replace(" ", "，")
        rows.append({"speaker": "remote" if spk == S else "local", "text": text})
    return {"label": label, "lang": lang, "channel": channel, "turns": rows}


def build():
    rng = random.Random(SEED)
    out, seen = [], set()
    for pool, n in ((FRAUD, N_FRAUD), (BENIGN, N_BENIGN)):
        for _ in range(n):
            item = rng.choice(pool)
            label, lang, stages = item if len(item) == 3 else ("benign",) + item
            c = render(rng, label, lang, stages)
            key = json.dumps(c["turns"], ensure_ascii=False)
            if key not in seen:
                seen.add(key)
                out.append(c)
    rng.shuffle(out)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the checked-in file differs")
    args = ap.parse_args()
    text = build()
    if args.check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("conversations/fresh.jsonl differs from its generator; run tests/corpus/gen/conversations_fresh.py")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
