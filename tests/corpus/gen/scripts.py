#!/usr/bin/env python3
"""Generator of `train/scripts.jsonl` (issue 15, fourth session): scam
scripts the earlier training files under-covered, each beside the ordinary
traffic that shares its words.

Which families: the tuning splits (`fresh4/` to `fresh7/`) showed the
default missing English romance ("wrong number", an aunt who is an
analyst, a withdrawal "tax"), tech-support and refund-overpayment calls,
"safe account" and courier-collection police scripts, family emergencies
and gift-card requests from a "boss", game-currency trades paid first,
charity appeals paid to a person, everyday phishing pretexts (storage
full, an order on hold, council tax, tolls); and in Chinese, a leader
asking for an advance on a new account, NFT / "original share" offers,
parents asked to install an app from a link, charity money to a private
account. The templates are ours, written from public warnings (police,
anti-fraud centres, consumer agencies) of how these scripts go: an opener,
the hook, the ask, the pressure. Each stage has many alternatives and is
recombined, and rendered as an SMS, a scammer's monologue, a chat thread or
a call transcript (`shapes.py`).

The ordinary side is written family by family: a real ISP's or bank's
notice, a family member's new number without an ask, a boss's ordinary
request, a charity's receipt and its official channels, marketplace and
game chats, school notices that point to the official store, investment
news and chat about shares. None asks for money to a person, a code, a
remote-control install or an install from a link.

Own seed and file: the other generators' outputs are unchanged.

    python3 tests/corpus/gen/scripts.py [--check]
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shapes import chat, noise, transcript  # noqa: E402
from slots import SLOTS  # noqa: E402
from tmpl import compose, dedupe, fill, jsonl, write_or_check  # noqa: E402

SEED = 41207
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train")

SLOTS["s_platform"] = lambda r: r.choice(["GoldPeak", "CoinVista", "Aurex", "BitNest", "TradeNova", "Lumex FX", "Vantix", "Orbis Gold", "MetaYield", "Crestline"])
SLOTS["s_rel"] = lambda r: r.choice(["aunt", "uncle", "cousin", "mentor", "old classmate", "brother-in-law"])
SLOTS["s_city"] = lambda r: r.choice(["Hong Kong", "Singapore", "Dubai", "Vancouver", "Sydney", "Kuala Lumpur", "Taipei"])
SLOTS["s_job"] = lambda r: r.choice(["wine trading", "fashion design", "cosmetics", "import export", "real estate", "a jewellery business", "an oil company"])
SLOTS["s_remote"] = lambda r: r.choice(["AnyDesk", "TeamViewer", "QuickSupport", "a screen-sharing app", "the support app", "RustDesk"])
SLOTS["s_brand"] = lambda r: r.choice(["Microsoft", "Apple", "Amazon", "PayPal", "Norton", "McAfee", "Geek Squad", "your internet provider", "BT", "Comcast", "Virgin Media"])
SLOTS["s_gift"] = lambda r: r.choice(["Apple gift cards", "Google Play cards", "Amazon vouchers", "Steam cards", "iTunes cards", "bitcoin"])
SLOTS["s_officer"] = lambda r: r.choice(["DC", "Detective", "Officer", "Sergeant", "Inspector"]) + " " + r.choice(["Hughes", "Patel", "Walsh", "Okafor", "Reid", "Bennett", "Khan", "Doyle"])
SLOTS["s_force"] = lambda r: r.choice(["the Met Police", "the fraud squad", "the National Crime Agency", "the FBI", "your bank's security team", "the Social Security Administration", "HMRC", "Border Force", "the cybercrime unit"])
SLOTS["s_game"] = lambda r: r.choice(["robux", "v-bucks", "CS skins", "a Fortnite account", "a maxed Genshin account", "Valorant points", "FIFA coins", "a rare Minecraft cape"])
SLOTS["s_charity"] = lambda r: r.choice(["flood victims", "earthquake families", "children's cancer ward", "veterans' fund", "animal rescue", "wildfire relief", "orphanage in Kenya"])
SLOTS["s_lead"] = lambda r: r.choice(["张局", "王总", "李书记", "刘主任", "陈处", "赵董", "孙校长", "周经理", "吴院长"])
SLOTS["s_nft"] = lambda r: r.choice(["数字藏品", "元宇宙土地", "原始股", "区块链矿机", "养老项目", "私募基金", "新能源项目", "数字人民币内测项目"])
SLOTS["s_proj"] = lambda r: r.choice(["云鼎数藏", "华夏元宇宙", "鑫源链", "国投养老", "中科新能", "丝路数字", "盛唐藏品"])
SLOTS["s_org"] = lambda r: r.choice(["慈善总会", "红十字会", "助学基金会", "爱心公益协会", "扶贫办", "残联"])


# --- English fraud -------------------------------------------------------

EN_ROMANCE = [
    ["[Hi|Hello|Hey], is this [Anna|Lucy|Mr Chen|the dentist|David]?", "[Sorry|Oh sorry], [I think I have the wrong number|wrong number]", "Hi, we matched on [Tinder|Hinge|Bumble] but I don't use the app much", "[Hello|Hi] dear, I saw your profile on [LinkedIn|Facebook] and wanted to connect"],
    ["[You seem nice|You have a kind face|Maybe it's fate] [though|😊|, can we be friends?]", "I'm [Jason|Kevin|Mia|Grace|Leo], I work in {s_job} in {s_city}", "[I'm|I am] [divorced|widowed] and [looking for someone honest|tired of fake people]", ""],
    ["My {s_rel} is [an analyst|a senior analyst|a trader] [at a big bank|for a hedge fund] and [shares|gives me] [signals|inside tips]", "I [trade|invest in] [gold|crypto|forex|oil futures] on {s_platform} [every day|in my spare time]", "[we|I] made [20%|30%|45%] [this week|last month|in one day] on {s_platform}", "there is a [short window|time window] when the [gold|BTC] contract [always goes up|can't lose]"],
    ["[Let me|I can] [teach you|help you open an account|show you step by step]", "[Start with|Just put in] [$500|$1,000|$3,000|a small amount] [to try|and follow my trades]", "[Download|Register on] {s_platform} [and|then] [deposit|top up] [with USDT|through the customer service]", "[put in what you can|invest together with me], [we can build our future|it's for our house]"],
    ["[To withdraw|Before you can withdraw], the platform [needs|asks for] [a 15% tax|a release fee|a security deposit|a verification fee]", "[your account is frozen|your withdrawal is on hold] until you [pay the tax|add more funds]", "[don't tell your family|keep it between us], they won't understand", "[hurry|quick], the window closes [tonight|in an hour]"],
]

EN_ROMANCE_LATER = [
    ["[Good morning|Morning] [my love|sweetheart|dear|honey|baby] [❤️|😘|]", "[Hi|Hey] [handsome|beautiful|my dear], [did you sleep well?|how was your day?]", "[My love|Darling], [I miss you|I was thinking of you] [all day|today]"],
    ["I [checked|watched] the market, [the gold contract|BTC|the signal] is [perfect|strong|right] today", "[my {s_rel}|the analyst] [says|told me] [today|tonight] is [the best day|a big day] to [buy|add more]", "[I already put mine in|I added $10,000 this morning], [it's up|already up] [12%|20%]"],
    ["[Put in|Add] what you can on {s_platform}", "[top up|deposit] [at least $2,000|more] so [we|you] can [catch the move|join the big order]", "[borrow from|ask] [a friend|your bank] if you have to, [it's only for a day|we get it back tomorrow]"],
    ["[We'll be together soon|soon we can meet|this is for our future]", "[trust me|don't you trust me?], [I would never lie to you|I only want the best for us]", ""],
]

EN_INVEST = [
    ["[I'm|This is] [a senior analyst|an investment manager|a portfolio advisor] at {s_platform}", "{s_platform}: [our|the] [quantitative strategy|AI fund|copy-trading program]", "[Join|Welcome to] our [VIP|private] [investment club|signals group] on [WhatsApp|Telegram]"],
    ["[made|returned] [37%|52%|28%] [this quarter|last month|this week]", "[guaranteed|fixed] [daily|weekly] [returns|profit] of [3%|5%|8%]", "[our members earn|students make] [$500|$1,000|$2,000] a day"],
    ["[Deposit|Start with] [a minimum of $50|$250|just $100] and [watch your balance grow|see profits] daily", "[withdraw any time|no risk|capital protected]", "[places are limited|offer ends today], [message|contact] [our manager|the assistant] to [start|open an account]"],
]

EN_TECH = [
    ["[Hello|Hi], this is [support|technical support|the security department] from {s_brand}", "{s_brand} [alert|security notice]:", "[Agent|Caller]: hi this is {s_brand}"],
    ["[we detected|we have found] [a virus|hackers|illegal activity|a security breach] [on your computer|on your router|on your account|in your network]", "[your computer is sending us errors|your IP address has been compromised|your licence has expired]", "your [subscription|protection plan] [renewed for|was charged] [$399|$299.99|£249] [today|automatically]", "[we accidentally refunded you|a refund of] [$2,000|$4,900|£1,500] [instead of $200|by mistake]"],
    ["[please|I need you to] [install|download] {s_remote} so [our technician|I] can [fix it|remove it|process the refund]", "[go to|open] your [computer|laptop] and [type the code I give you|allow remote access]", "[log into|open] your [online banking|bank account] [so we can|while I] [check|reverse] it", "[to cancel|for a refund] [press 1|call {usphone}|stay on the line]"],
    ["[send back|return] the [difference|extra] in {s_gift}", "[do not|don't] [turn off|close] your [computer|device] or [your data will be lost|you lose the refund]", "[don't tell the bank|the bank staff may be involved], [it will slow the refund|it's confidential]", "[read me the numbers on the back of the cards|send photos of the cards]"],
]

EN_POLICE = [
    ["[This is|Hello, I'm] {s_officer} [from|of] {s_force}", "{s_force}: [final notice|urgent]", "hello this is {s_officer} calling from {s_force}"],
    ["[we have arrested|we caught] [a man|someone] [using your card|with your details]", "[your bank account|your social security number|your national insurance number] [has been used in|is linked to] [money laundering|a drug case|fraud]", "[staff at your bank|your bank manager] [are|is] [under investigation|involved]", "[an arrest warrant|a lawsuit] has been [issued|filed] [in your name|against you] for [tax fraud|unpaid tax]"],
    ["[move|transfer] your [savings|money] to [a safe account|a secure account|the account we give you]", "[withdraw|take out] your cash and [hand it to|give it to] our [courier|officer] [for evidence|as evidence]", "[buy gold|buy gift cards|put the cash in a bitcoin ATM] [to protect your money|for the investigation]", "[pay|settle] [the fine|the tax] [now|today] [with gift cards|by bank transfer to the officer]"],
    ["[tell no one|don't tell anyone], [not even the bank|including branch staff|not your family]", "[if the bank asks|if the cashier asks], say it is [for a holiday|for building work]", "[stay on the line|do not hang up] [or you will be arrested|until it's done]", "[police will come to your house|you will be arrested] [today|within the hour]"],
]

EN_FAMILY = [
    ["[Hi Mum|Hey Dad|Hi Nan|Grandma], [it's me|this is my new number]", "[Hello|Hi], [I dropped my phone|my phone broke|I lost my phone] so this is [a new number|my friend's phone]", "Hello grandma it's me, [please don't tell dad|don't tell mum] but"],
    ["[I had an accident|I'm in trouble|I'm at the police station]", "[I need to pay a bill today|I have an urgent payment] but my [banking app is locked|card is blocked]", "[I need money for bail|my lawyer says I need bail money]", "[I'm stuck abroad|I lost my wallet] and need [a ticket home|money for the hotel]"],
    ["can you [send|transfer] [£850|$1,200|£1,460|$3,000] to [my friend's account|this account|the lawyer]", "[please|can you] [buy|get] [two|three] $500 {s_gift} [and send me the codes|and text me photos of the back]", "[my lawyer|a man] will [call you|come to collect the cash]", "I'll [pay you back|pay it back] [tomorrow|on Friday|when I get home]"],
    ["[don't call|can't talk], [the phone|my mic] is [broken|not working]", "[please|pls] [hurry|it's urgent]", "[don't tell anyone|keep it between us]", ""],
]

EN_BOSS = [
    ["[Hi|Hello] {en_first}, [are you free|are you at your desk|quick favour]?", "[This is|It's] [your manager|the CEO|Mark from head office], [new number|texting from my personal phone]"],
    ["I'm [in a meeting|on a call|travelling] and can't talk", "I need [to get|you to buy] {s_gift} for [a client|staff rewards|a customer]"],
    ["[buy|get] [five|ten] $100 cards [at the shop|online] and [send me the codes|scratch the back and send photos]", "I'll [reimburse you|pay you back] [today|this afternoon]", "[keep this quiet|it's a surprise], don't [mention it|tell anyone] yet"],
]

EN_GAME = [
    ["[selling|got|I have] {s_game} [cheap|for half price|at a good price]", "[yo|bro|hey] [want|need] {s_game}? [legit|cheap]", "[I can sell u|selling u] [10k|5000|13,500] [vbucks|robux|coins] for [20|15|30] [bucks|dollars|quid]", "[i'll buy|I want to buy] your [account|skin|item] for [$300|$150], [use this trading site|we trade on a middleman site]"],
    ["[pay me on|send via|send it on] [cashapp|paypal friends and family|a gift card|venmo|zelle] first", "[no middleman|no trade window], [trust me|I have vouches]", "the site [will ask you for|needs] a [seller deposit|verification fee] [before you get paid|to release the money]"],
    ["[I'll send it|I'll give you the login|I'll gift them to your account] after you pay", "[then|after that] [you get|I'll send] [the money|your payment] [straight away|instantly]", ""],
]

EN_CHARITY = [
    ["[Emergency appeal|Urgent|Please help]: {s_charity} [need your help|are desperate] [tonight|this week]", "[Hi|Hello], I'm [collecting|raising money] for {s_charity}"],
    ["[donate|send] via {s_gift} [to|at] {enlink}", "[send|transfer] it to [our coordinator's|my] [PayPal|Zelle|personal account] [because the charity account is being set up|as the official one is frozen]", "[every dollar|every pound] [is doubled|goes straight to families] [today only|if you give now]"],
]

EN_PHISH = [
    ["[Your cloud storage is full|Your iCloud is full|Your Google storage is full].", "[Your order|Your parcel] [has been put on hold|is held|could not be delivered].", "[The direct debit|Your payment] for your [council tax|TV licence|energy bill] [could not be processed|failed].", "[You have an unpaid toll|Your toll balance is overdue].", "[Your pension|Your benefit] payment [is suspended|needs to be re-verified].", "Your [mobile|broadband] bill payment [was declined|failed]."],
    ["[Your photos will be deleted|Your account will be closed|A late fee of £{n2} will be added|The order will be cancelled] [on {endate}|in 24 hours|today].", "[To avoid a penalty|To keep your account active|To reschedule],", "[As a loyal customer|For a limited time], get [50GB|a free upgrade] [free|now]:"],
    ["[update|confirm|verify] your [details|bank details|card|billing address] at {enlink}", "[visit|go to] {enlink} [now|today]", "[pay|settle] the [£1.99|$3.45|£2.99] fee at {enlink}"],
]

EN_SHOP = [
    ["[Puppies|Kittens] [ready for new homes|for sale], [vaccinated|KC registered], only [£300|$400]", "[Two|2] tickets for [the concert|the final|Taylor Swift] [at face value|below face value]", "Selling my [bike|iPhone|PS5|sofa] [cheap|half price], [like new|barely used]"],
    ["I'm [away|working offshore|overseas] so [a courier will deliver|I'll ship it]", "[pay a deposit|send the full amount] by bank transfer [first|to reserve]", "[no PayPal|not through the site], [fees are too high|it's quicker]", "[then|after that] [a delivery fee|insurance|a crate fee] of [£150|$250] [is needed|must be paid]"],
]


def en_fraud(rng):
    fam = rng.choice([
        ("romance_investment", EN_ROMANCE, 5), ("romance_investment", EN_ROMANCE_LATER, 4), ("fake_investment", EN_INVEST, 3), ("impersonate_customer_service", EN_TECH, 5),
        ("impersonate_authority", EN_POLICE, 5), ("impersonate_acquaintance", EN_FAMILY, 4),
        ("impersonate_acquaintance", EN_BOSS, 2), ("game_trading", EN_GAME, 2), ("other", EN_CHARITY, 2),
        ("phishing", EN_PHISH, 3), ("fake_shopping", EN_SHOP, 2),
    ])
    label, stages, _ = fam
    return label, render(rng, pick_stages(rng, stages), "en")


# --- English ordinary ----------------------------------------------------

EN_BENIGN = [
    "{s_brand}: [your technician visit is confirmed for|an engineer will visit on] {day} [between 8am and 1pm|at {entime}]. [We will never ask you to install remote-access software|No need to be home for the whole slot].",
    "{s_brand}: [We're upgrading the network in your area|Scheduled maintenance] [tonight|on {endate}]. [Your router may restart|You may lose service for a short time]. No action needed.",
    "{s_brand}: your [subscription|plan] renews on {endate} for [£{n2}.99|${n2}.99]. [Manage it in your account settings|To change it, sign in to the app]. [We'll never call you to ask for payment|No action needed if you want to keep it].",
    "{ukbank}: [We'll never ask you to move money to a safe account|Police and bank staff will never ask you to move money]. If anyone does, hang up and call 159.",
    "{ukbank}: did you try to pay [£{n2}.{n2}|${n3}] at [Currys|Argos|an online store]? Reply Y or N. [We'll never ask for your PIN or passcode|We never ask for codes by text].",
    "Hi [Mum|Dad|Nan], [it's {en_first}|it's me], [new number|I got a new phone], save this one [x|:)|!]",
    "[Hi mum|Mum|Dad], [can you pay for my taxi when I get home|can you get the pizza, I'll give you cash later|can you lend me a tenner till Friday], I'll pay you back [x|later|]",
    "[Mum|Dad], I've [sent you|transferred] the [money for the holiday|£{n2} for the tickets|rent share], [check your account|should be there now] [x|]",
    "[Hi Mum|Hey Dad], [I'm at the station|just finished work], [can you pick me up|can you come and get me]? [Phone's nearly dead|Will wait by the entrance]",
    "[Mum|Dad], [landed safe|home safe], [call you tomorrow|phone's nearly dead] [x|xx|]",
    "[Grandma|Nan], [thanks for the birthday money|the kids loved the card], [see you Sunday|love you] [x|xx]",
    "[Hi team|Morning all], [the meeting is moved to 3pm|please submit your expenses by Friday through the portal|the client visit is confirmed for Tuesday]. [Thanks|Cheers], {en_first}",
    "{en_first}, [can you send me the slides before the call|can you cover reception at lunch|have you booked the meeting room]? [Thanks|Cheers]",
    "Thank you for your donation of [£10|£25|$50] to [the Red Cross|Oxfam|Save the Children|the British Heart Foundation]. [Your receipt is in your email|You can manage your gift on our website]. Reply STOP to opt out",
    "[Our winter appeal|This month's appeal] is live: [give through our website or at any of our shops|donate securely on our official site]. [Thank you for your support|Every gift helps].",
    "[is the bike still available?|is the sofa still for sale?] I can [pick it up|collect] [Saturday|tomorrow], [cash ok?|I'll pay on collection]",
    "[yes still available|sold sorry], [come and see it first|you can test it before paying]",
    "[gg|good game] [bro|mate], [same time tomorrow?|that last round was insane]",
    "[did u get the new skin|have you got the battle pass] yet? [worth it|so good]",
    "[Council tax|Your council tax] bill for [2026/27|this year] is ready. [View it in your online account|It will arrive by post this week]. [Payments by direct debit continue as usual|No action needed if you pay by direct debit].",
    "[Your iCloud storage is almost full|You've used 90% of your storage]. [Manage storage in Settings|You can free up space in the app]. (automatic notice)",
    "[The gold price hit a record today|The market was up 2% today], [my pension fund is doing ok|glad I didn't sell]",
    "[Dinner was lovely|Thanks for tonight], [let's do it again soon|see you next week] [x|:)]",
    "[Reminder|Hi {en_first}]: [parents' evening is on {day} at 6pm|the school trip form is due Friday]. [Book a slot on the school app|Forms are in the office].",
    "{enbrand}: [Thanks for shopping with us|Thanks for your visit|How did we do]? [Tell us in our 2-minute survey|Rate your visit] [and you could win|for a chance to win|to be entered into a draw for] a [£{n3}|$500|£1,000] gift card: {eolink}. [Reply STOP to opt out|T&Cs on our website]",
    "{enbrand}: [You've earned|You have] [{n3} points|a £5 reward] [this month|on your last order]. [Use them at checkout|See them in the app]. [Reply STOP to opt out|Unsubscribe in the app]",
    "{encourier}: your parcel {enorder} [was delivered to your safe place|is with your neighbour at no. {n2}]. [Track it in our app|Rate your delivery].",
]


def en_benign(rng):
    if rng.random() < 0.2:
        t = chat(rng, [("S", fill(rng, rng.choice(EN_BENIGN))), ("V", fill(rng, rng.choice(["ok thanks", "great", "will do", "no worries", "see you then", "perfect"])))], "en")
        return t
    return fill(rng, rng.choice(EN_BENIGN))


# --- Chinese fraud -------------------------------------------------------

ZH_LEADER = [
    ["[{name}|小{sname}]，[我是{s_lead}|{s_lead}这边跟你说个事|我{s_lead}]", "[在吗|在不在]，我是{s_lead}，[这是我新微信|加一下我新号|我换了个号]"],
    ["[明天|今天下午|一会儿]有个[重要的客户|上级领导|合作方]要来", "我[在外面开会|在陪领导吃饭|在外地出差]，[不方便接电话|说话不方便]", "[有笔款子|有个合作款|有笔好处费]要[急着付|今天打过去|马上处理]"],
    ["你[先帮我|先]垫[上|一下]{mid}元，[转到对方账户|打到这张卡上]：{bankno}", "[你先转|你帮我转][五万|三万|八万]到[对方|他们公司的|客户的]账户，[我回来报销|回头让财务给你报]", "[你那边|你手上]能不能先[周转|拿出]{big}元，[转给|打给]我[朋友|合作方]"],
    ["[这件事|这个事情][你知我知|先别声张|不要在群里说]", "[办好了|转好了][截图给我|跟我说一声]", "[抓紧|尽快|马上][办一下|处理]，[人家等着呢|别耽误了]"],
]

ZH_NFT = [
    ["[老铁们|各位朋友|群友们|宝子们]", "【{s_proj}】尊敬的[会员|投资者|用户]", "[内部消息|圈内人透露|我朋友在里面上班]"],
    ["{s_proj}[新出的|首发的|即将上市的]{s_nft}[今晚八点|下周|月底][开售|首发|上市]", "[国家扶持的|央企背景的]{s_nft}[正在内部认购|开放认购名额]", "平台[年终回馈|周年庆]，[入金|充值]满[一万|五万|十万]赠送[百分之十|百分之十二|百分之二十]体验金"],
    ["[一级市场原价买入|现在一块钱一份]，[上市后至少翻三倍|二级市场翻十倍]", "[保本保息|稳赚不赔]，[年化|月收益][百分之三十|百分之二十四|百分之十五]", "[盈利可提|到期一次性返还本息]，[退休人员优先|老人也能买]"],
    ["[名额有限|仅剩{n2}个名额|限量五百份]，[想要的私信我|联系专属顾问|加微信{wx}]", "[认购款|投资款]请转到[公司财务|项目负责人]的[个人账户|指定账户]", "[下载|登录]{s_proj}APP[认购|入金]：{link}"],
]

ZH_PARENT = [
    ["[各位家长|家长您好|尊敬的家长]", "【{school}】[家长|各位家长]请注意", "[孩子们的|本学期的][期末成绩|考试成绩|体检报告]已经出来了"],
    ["学校[新上线了|统一使用]“[成长档案|家校通|智慧校园|学生成绩查询]”[平台|APP]", "[请家长|请]点击[下载|安装]“[成长档案|家校通|学籍助手]”查看"],
    ["[下载地址|安装包]：{apk}", "[点击|打开]{link}下载", "安装时提示有风险请[点继续|选择仍然安装]，[装好后|安装后]开启所有权限"],
    ["[今天之内|今晚十二点前][完成|处理]，[逾期|否则][影响孩子|无法查看成绩|不予注册]", "[没有安装的家长|还没缴费的]请[尽快|抓紧]", ""],
]

ZH_CHARITY = [
    ["[您好|你好]，[我们是|这里是]{city}{s_org}", "[爱心人士您好|各位好心人]，[我是|我们是]{s_org}的[志愿者|工作人员]"],
    ["[{city}遭遇洪灾|山区孩子冬天没有棉衣|一位白血病患儿急需手术费|留守老人急需过冬物资]", "[我们正在募捐|正在开展爱心捐助]，[每一份爱心都很重要|一元也是爱]"],
    ["[因单位账户在变更|对公账户正在年审|公户暂时冻结]，[爱心款|善款]请转到[负责人|工作人员|会计]的[私人|个人]账户{bankno}", "[善款|捐款]请[扫码转到|打到]我[个人|私人]的[微信|支付宝|银行卡]，[我们统一转交|我会统一开收据]", "[捐款满|爱心款满][五百|一千]元可获得[荣誉证书|政府补贴返还]，请转到{bankno}"],
]

ZH_CODE = [
    ["[哥|姐|你好|不好意思打扰一下|在吗]，我是[楼下的|隔壁的|你家小区的][小{sname}|{sname}阿姨]", "[你好|喂]，我是[刚才给你送快递的|送外卖的骑手|你家快递员]", "[亲|你好]，我是[闲鱼|转转|拼多多]上[买你东西的|跟你聊过的]买家", "[同学|兄弟]，我是[你同学的朋友|群里的]{sname}"],
    ["[刚刚|刚才]我[注册|登录][一个东西|游戏账号|APP]，手机号[填错|输错]成你的了", "[我手机没电了|系统出错了]，要用你的手机号[确认签收|验证一下]", "平台要[验证|认证]一下[卖家|你的账号]才能[收款|下单]"],
    ["你会收到[一条|一个][六位数的|]短信[验证码|码]，[你看一下告诉我|麻烦念给我|截图发我一下]", "[系统|平台]会给你发个[短信码|验证码]，[把那几个数字告诉我|你报给我]就行", "[把收到的|你收到的][验证码|六位数字]发我一下"],
    ["[谢谢哥|麻烦了|拜托拜托]", "[不然|要不然]我这单[要扣钱|算没送到|就被罚款了]", "[很急|快点]，[一会儿就过期了|五分钟内有效]"],
]

ZH_RESERVE = [
    ["您好，我是[平台|{payapp}|抖音|淘宝]客服", "[亲|您好]，这边是[快递理赔中心|售后服务中心|{payapp}客服]"],
    ["您[开通了|之前误开了][百万保障|学生会员|直播会员|分期服务]，[今天到期|下月开始]每月扣费[{mid}|八百|一千二]元", "您的[包裹丢失|商品有质量问题]，我们给您[三倍|双倍]赔偿"],
    ["需要您[打开|登录][支付宝|微信|银行APP]配合操作[关闭|取消|领取]", "[请|您]下载[向日葵|ToDesk|会议软件|屏幕共享软件]，我[远程|一步一步]教您", "把[备用金|借呗|微粒贷]里的钱[提出来|转到]我们[核验|指定]账户，[完成后原路退回|核验后退还]"],
    ["[不处理的话|如果不关闭][会影响征信|会一直扣费]", "[收到的验证码|短信验证码]请[告诉我|报给我]", ""],
]


def zh_fraud(rng):
    label, stages = rng.choice([
        ("impersonate_acquaintance", ZH_LEADER), ("impersonate_acquaintance", ZH_LEADER),
        ("fake_investment", ZH_NFT), ("fake_investment", ZH_NFT),
        ("malware_app", ZH_PARENT), ("verification_code", ZH_CODE), ("other", ZH_CHARITY), ("impersonate_customer_service", ZH_RESERVE),
    ])
    return label, render(rng, pick_stages(rng, stages), "zh")


# --- Chinese ordinary ----------------------------------------------------

ZH_BENIGN = [
    "[{name}|小{sname}]，[明天上午九点开会|下午的会改到三点]，[通知一下部门的人|你帮忙订个会议室]。",
    "[报销单|发票]已经[交到财务了|走OA审批了]，[按流程走就行|下周统一打款]。",
    "{s_lead}[说|交代]的[方案|材料]我[整理好了|已经发邮箱]，[您看一下|有问题随时说]。",
    "[这个月的|季度]报销请在[OA系统|财务系统]里提交，[不要私下转账|发票原件交财务]。",
    "【{school}】各位家长：[期末成绩|本学期评语]已在[学校官方公众号|学校官网]发布，[请勿点击陌生链接|学校不会通过短信链接收费]。",
    "【{school}】[家长会|开放日]定于{date}下午两点，[请准时参加|请家长签到入场]，[不便参加的请提前请假|有事请联系班主任]。",
    "[各位家长|家长们]，[孩子的作业|今天的作业]已经发在班级群，[请督促完成|请家长签字]。",
    "【{s_org}】感谢您通过[官方网站|腾讯公益|支付宝公益]捐赠{small}元，[电子捐赠票据已发送至您的邮箱|可在官网查询善款去向]。",
    "【{s_org}】[99公益日|冬季助学]活动开始，[请通过官方公益平台捐赠|所有捐款只进入基金会对公账户]，[谨防冒充我会的募捐|我会工作人员不会索要个人转账]。",
    "[{city}那边发洪水了|山区的孩子太可怜了]，[我在官方平台捐了两百|单位组织捐款了]，[你们也可以看看|一起献点爱心]",
    "[最近数字藏品|元宇宙这些]炒得好火，[我看都是割韭菜的|别碰]，[还是存银行稳妥|小心被骗]",
    "[今天大盘|沪指]涨了[百分之一|一点多]，[我的基金终于回本了|总算红了]",
    "【{bank}】[您购买的理财产品|您持有的基金]已到期，本息已转入尾号{tail}账户。理财非存款，产品有风险，投资须谨慎。",
    "【{bank}】[新客专享|本月精选]：[七天理财|稳健型理财]业绩比较基准[百分之二点五|百分之二点八]，理财非存款，产品有风险，请在{bank}APP查看产品说明。退订回T",
    "【{payapp}】您的[会员|自动续费服务]将于{date}到期，[如需取消|取消方法]：[我的-设置-自动续费|在APP内操作]，[我们不会致电要求您操作转账|客服不会索要验证码]。",
    "【{brand}】[感谢您的光临|感谢您的购买]，[邀请您参加满意度调查|诚邀您为本次服务评分]，[完成即可参与抽奖|参与即有机会获得][五十元代金券|会员积分]：{olink}。拒收请回复R",
    "【{payapp}】您的退款{small}元已原路退回，[预计1-3个工作日到账|请注意查收]，无需任何操作。",
    "【{courier}】您的快递[破损理赔|丢件理赔]已受理，[理赔款将退回原支付账户|请在官方APP查看进度]，[我司不会索要银行卡密码和验证码|不要相信私人理赔]。",
    "[验证码|动态码]是{code6}，[五分钟内有效|请勿告诉他人]，[如非本人操作请忽略|工作人员不会向您索取]。",
    "[妈|老公|老婆]，[我在你手机上登录一下视频会员|我帮你在APP上改个地址]，[等下会有个验证码|会收到短信]，[你看到了跟我说下|发我一下哈]",
    "[爸|妈]，我[换号了|新办了张卡]，[这是我的新号码|以后打这个]，[存一下|备注一下]。",
    "[叔|姑妈|舅舅]，[我下周回老家|过年我们去看您]，[您身体还好吧|需要带点什么吗]",
    "[群里发的那个|朋友圈那个][数字藏品|原始股]的广告[你别信|是骗局]，[反诈中心都发提醒了|我查过了]",
]


def zh_benign(rng):
    if rng.random() < 0.2:
        return chat(rng, [("S", fill(rng, rng.choice(ZH_BENIGN))), ("V", fill(rng, rng.choice(["好的", "收到", "知道了", "好的谢谢", "明白", "行"])))], "zh")
    return fill(rng, rng.choice(ZH_BENIGN))


# --- rendering -----------------------------------------------------------


def pick_stages(rng, stages):
    """One line per stage. A script of four or more stages may lose an
    opener or a middle stage (one in ten each), never its third stage (the
    ask) or its last: a lone opener ("Hi Mum, it's me") or a lone hook is
    not a scam, and labelled as one it would teach the model that ordinary
    lines are fraud."""
    cache = {}
    keep = {2, len(stages) - 1} if len(stages) >= 4 else set(range(len(stages)))
    lines = [fill(rng, rng.choice(st), cache) for i, st in enumerate(stages) if i in keep or rng.random() < 0.9]
    return [x for x in lines if x]


def render(rng, lines, lang):
    """One scam as an SMS or monologue (joined), a chat thread or a call
    transcript (each line a turn by the other party, with a short reply from
    the user between some of them)."""
    shape = rng.random()
    if shape < 0.6 or len(lines) < 2:
        sep = rng.choice(["，", "。", " ", "！"]) if lang == "zh" else rng.choice([" ", ". ", ", ", "! "])
        text = sep.join(lines)
        return text
    replies_zh = ["嗯", "啊？", "真的吗", "那怎么办", "好的", "然后呢", "你是谁", "我该怎么做"]
    replies_en = ["ok", "really?", "oh no", "what do I do", "who is this", "how?", "ok I see", "are you sure"]
    turns = []
    for i, line in enumerate(lines):
        turns.append(("S", line))
        if i < len(lines) - 1 and rng.random() < 0.6:
            turns.append(("V", rng.choice(replies_zh if lang == "zh" else replies_en)))
    if shape < 0.8:
        return chat(rng, turns, lang)
    return transcript(rng, turns, lang)


def build():
    rng = random.Random(SEED)
    rows = []
    for _ in range(900):
        label, text = zh_fraud(rng)
        rows.append({"label": label, "sender": None, "text": noise(text, rng, "zh", True)})
    for _ in range(1100):
        label, text = en_fraud(rng)
        rows.append({"label": label, "sender": None, "text": noise(text, rng, "en", True)})
    for _ in range(900):
        rows.append({"label": "benign", "sender": None, "text": noise(zh_benign(rng), rng, "zh", False)})
    for _ in range(900):
        rows.append({"label": "benign", "sender": None, "text": noise(en_benign(rng), rng, "en", False)})
    return {"scripts.jsonl": jsonl(dedupe(rows))}


if __name__ == "__main__":
    write_or_check(build(), OUT, "train/scripts")
