#!/usr/bin/env python3
"""Generator of the `fresh9/` split: written at the start of the fourth
issue-15 session, BEFORE that session's training-corpus additions (scripts
the tuning splits showed missing: romance and tech-support scripts in
English, charity appeals, a leader asking for an advance, NFT and
"original share" offers), so that it measures both the state before and the
state after them. Its OWN templates, written from public warnings of how
each scam reads and of ordinary traffic (none shared with train/, fresh4/
to fresh8/ or gen/marketing.py), its own fake names and another seed;
committed before any measurement on it. Never train or tune on it.

    python3 tests/corpus/gen/fresh9.py [--check]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from slots import SLOTS  # noqa: E402
from tmpl import fresh_split, write_or_check  # noqa: E402

SEED = 90909
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fresh9")

SLOTS["f9app"] = lambda r: r.choice(["鼎盛国际", "华瑞智投", "云帆数藏", "金桥优选", "盛世元宇宙", "卓越环球"])
SLOTS["f9shop"] = lambda r: r.choice(["小鹿咖啡", "禾木烘焙", "老周修车", "星河影城", "一品鲜水果", "花间美甲", "阿福家电"])
SLOTS["f9org"] = lambda r: r.choice(["红十字救灾办", "助老基金会", "山区儿童关爱中心", "见义勇为基金会"])
SLOTS["f9en"] = lambda r: r.choice(["Nova Trade", "GoldLeaf FX", "BitHarbor", "Aurum Capital"])
SLOTS["f9shop_en"] = lambda r: r.choice(["Maple Dental", "Riverside Vets", "Corner Books", "Elm Tree Nursery", "Sunrise Bakery"])

ZH_FRAUD = [
    ("impersonate_authority", "[您好|喂你好]，这里是{city}市公安局反诈中心，[你的银行卡涉嫌|您的身份证被人用来]参与一起跨境洗钱案，[现在对你进行线上笔录|需要对您进行资金清查]，请下载我们发给你的会议软件开启屏幕共享，[不要挂电话|不要告诉任何人]。"),
    ("impersonate_authority", "我是{city}检察院的[王|李|陈]检察官 你涉嫌的案子已经立案了 [逮捕令|冻结令]明天就下来 要想撤销就要把钱转到[国家安全账户|资金清查账户]做资金核查 核查完没问题会原路退回"),
    ("impersonate_authority", "【{city}医保局】您的医保卡存在异地违规刷药记录，账户将于今日冻结，[如有疑问|如非本人操作]请[按9转人工|联系专员{vmobile}]处理。"),
    ("impersonate_customer_service", "您好，我是[抖音|快手|淘宝]平台客服，您之前开通了[百万保障|主播会员]服务，今天到期后每月自动扣费[六百|八百|一千二]元，需要您配合在[支付宝|银行APP]上操作取消，我一步一步教您。"),
    ("impersonate_customer_service", "客服：您好 您在我们店买的[面霜|儿童玩具|奶粉]检测出质量问题 我们给您双倍退款 您这边打开[支付宝|微信]里的[备用金|借呗]页面 我把退款转到里面 您再提出来就可以"),
    ("impersonate_customer_service", "【航空公司】尊敬的旅客，您预订的{date}航班因机械故障取消，[改签|退票]可获得三百元补偿，请联系客服{vmobile}办理，逾期不予受理。"),
    ("fake_loan", "[您好|你好]，你在我们平台申请的贷款[因为银行卡号填错|因为流水不够]被冻结了，需要先交{mid}元[解冻金|保证金]，[交完马上放款|放款时一起退给你]，[不交的话|如果不处理]会上征信。"),
    ("fake_loan", "[急用钱找我|缺钱找我]，[不看征信|不查征信]，身份证就能借，三万五万当天到，[先交|只需]{small}元[会员费|工本费]开通额度，加微信{wx}。"),
    ("rebate_task", "[招|急招]宝妈学生兼职，手机就能做，关注主播[点赞|评论]截图一单两元，日结，[进群领任务|下载APP领取任务]，后面有[福利单|高佣单]垫付越多返得越多。"),
    ("rebate_task", "导师：今天的福利任务是三连单 第一单{small} 第二单{mid} 第三单{big} 三单做完本金加百分之三十佣金一起返 中途退出的话前面的钱是提不出来的"),
    ("fake_investment", "[内部消息|圈内人透露]，{f9app}[原始股|数字藏品]下个月上市，现在一块钱一股，上市后至少[十倍|二十倍]，[只对老会员开放|名额有限]，认购请转账到公司财务[个人账户|指定账户]。"),
    ("fake_investment", "各位群友，[老师|导师]今天带的这只票又涨停了，想跟单的进VIP群，年费[三千八|九千八]，[跟着操作|保证]一个月回本，不赚钱全额退款。"),
    ("romance_investment", "亲爱的 我舅舅在[澳门|新加坡]做[数字货币|黄金]分析师 这个平台的漏洞只有内部人知道 [你先充五万进去|你先投一点试试] 我教你操作 赚了我们就结婚用"),
    ("romance_investment", "哥哥你在干嘛，我今天又赚了两万多，是那个{f9app}平台，[你要不要试试|我带你玩]，[下午三点|晚上八点]准时下单，提现的时候要交百分之二十的[税|手续费]才能到账。"),
    ("impersonate_acquaintance", "[小{sname}|{name}]，我是你[二叔|表舅|姑妈]，我换号了，[你先存一下|这是我的新号码]。[我在外地住院|我朋友急需周转]，[手头差|需要]两万块，你先[打给医院的账户|转到这张卡上]，我回去就还你。"),
    ("impersonate_acquaintance", "[老婆|妈]，我[手机坏了|号码停机了]用的同事手机，[车被扣了|出了点事]，需要交[罚款|押金]五千，你转到这个卡号：{bankno}，别打我电话，[在开会|不方便接]。"),
    ("impersonate_acquaintance", "[{name}你好|小{sname}啊]，我是{leader}，加一下我新微信{wx}，[有件事要你办|有笔款子要你处理]，[别声张|先不要和别人说]。"),
    ("verification_code", "[不好意思|你好]，我是[你的快递员|小区的代收点]，刚才系统出错把你的包裹绑到别人名下了，等会[你会收到|我给你发]一个验证码，你念给我听一下就能改回来。"),
    ("verification_code", "亲，我是[闲鱼|转转]上买你东西的买家，平台需要卖家[认证|验证]才能收款，你把收到的六位数验证码发我一下，我这边帮你[操作|开通]。"),
    ("malware_app", "【{city}交警】您有一条未处理的违章记录，罚款二百元扣三分，[请下载|点击安装]“交管助手”处理：{apk}，逾期将[影响年检|上报征信]。"),
    ("malware_app", "您的[社保卡|电子医保卡]需要重新认证，请[下载安装|点击安装]“{city}社保”客户端完成人脸识别：{apk}，认证通过后补发[补贴|待遇]。"),
    ("prize_lottery", "[恭喜|尊敬的观众]，您被《[奔跑吧|中国好声音|开心辞典]》节目组抽中为场外幸运观众，获得现金{mid}元和笔记本电脑一台，领奖请[先交|缴纳]{small}元[公证费|保证金]，登录{link}确认。"),
    ("prize_lottery", "【{f9shop}】周年店庆，您的会员号被抽中一等奖，奖品{product}，[需先支付运费和保险费|领奖前需付百分之五手续费]{small}元，[加客服微信|添加QQ]{qq}领取。"),
    ("fake_job", "[高薪诚聘|海外高薪]：[缅甸|柬埔寨|迪拜]电商客服，月薪三万起，包吃包住包机票，不要学历，[先交|入职需交]{small}元[体检费|签证费]，联系{wx}。"),
    ("fake_job", "您好，我们是{city}[某影视公司|一家传媒公司]，招聘[网络配音员|在家打字员|小说录入员]，计件结算，[先交|需购买]{small}元[软件费|培训资料费]，完成试稿后退还。"),
    ("game_trading", "[收|高价收]{game}账号，[八千|一万二]直接收，不过要走[我们公司的|专门的]交易平台，你先[交一千保证金|充值解冻]才能提现，[平台规定|都是这样的]。"),
    ("fake_credit_repair", "[你好|您好]，我是银保监会的工作人员，你[大学时开通过校园贷|有一笔网贷逾期]，按国家政策要[注销|清理]，不注销会影响征信，需要你把借出来的钱转到[我们指定的|监管]账户[清零|核销]。"),
    ("fake_shopping", "[演唱会门票|内场票]原价转让，[本人临时去不了|因为加班去不了]，[一千二|一千八]一张，[先转定金|付全款]再发电子票，不走平台省手续费，微信{wx}。"),
    ("fake_shopping", "[纯种|包健康]的[布偶猫|柯基|金毛]幼崽只要八百，[包邮|包空运]到家，付款后还要交{small}元[航空箱费|疫苗费|保险费]才能发货，退货后全退。"),
    ("phishing", "【{bank}】您的[手机银行|网银]证书将于今日过期，为避免影响使用请登录{link}[更新|升级]，[需填写|按提示输入]卡号密码及验证码。"),
    ("phishing", "【ETC服务】您的ETC[认证已失效|卡已被禁用]，将无法正常通行，请[尽快|于24小时内]登录{link}重新认证。"),
    ("other", "[我们是|您好，这里是]{f9org}，[{city}洪灾|山区留守儿童]急需[救助|物资]，[单位账户正在年审|对公账户暂时无法使用]，[善款请转|请把爱心款转]到工作人员[个人|私人]账户{bankno}。"),
    ("other", "喂你好 我是{city}[电信|联通]的 你名下有一张[在外地办理的|另一张]电话卡涉嫌发送诈骗短信 [半小时内|两小时后]将被停机 我现在帮你转接到{city}公安局[处理|报案]"),
]

ZH_BENIGN = [
    "【{carrier}】[尊敬的客户|您好]，您的[流量|话费]套餐已于本月生效，[如需调整|如有疑问]可拨打{hotline}或登录{carrier}APP查询。",
    "【{carrier}】[好礼相送|感恩回馈]：[老用户|在网满三年的客户]本月可领取[10G|20G]流量券，打开{carrier}APP-我的-权益中心领取，无需付费。回T退订",
    "【{bank}】您尾号{tail}的账户[于|在]{date}[转入|入账]{bill}元，[余额请以手机银行为准|详情请登录手机银行查询]。",
    "【{bank}】[年末回馈|新春有礼]：持我行信用卡在指定商户消费满[一百|二百]元立减[二十|三十]元，[详情见|活动详见]{bank}APP，请勿轻信陌生链接。退订回T",
    "【{bank}】温馨提示：[我行不会|银行工作人员不会]以任何理由要求您转账到所谓安全账户，也不会索要短信验证码，[如遇可疑来电请拨打96110|谨防诈骗]。",
    "【{f9shop}】[会员专享|新店开业]：[本周末|即日起]到店消费满一百送[二十元代金券|一杯饮品]，[会员积分翻倍|可叠加使用]，[欢迎光临|期待您的到来]。拒收请回复R",
    "【{f9shop}】您在本店的[积分抽奖|幸运转盘]中获得[三等奖|纪念奖]：[免费洗车一次|小蛋糕一份]，[到店|消费时]出示此短信即可[兑换|领取]，有效期至{date}。",
    "【{brand}】[亲|尊敬的用户]，您的订单{order}已[签收|发货]，[如有问题|如对商品不满意]可在{brand}APP[申请售后|联系在线客服]，[七天无理由退换|感谢您的支持]。",
    "【{brand}】[双十二|年货节]预告：[全场满三百减五十|爆款低至五折]，{date}零点开抢，[打开|搜索]{brand}APP[抢先加购|领取优惠券]。退订回TD",
    "【{courier}】[您的快递|您有一个包裹]已到{estate}驿站，取件码{code6}，[营业时间|开放时间]早八点到晚九点。",
    "【{hospital}】[体检报告已出|您的检查结果已出]，可在医院公众号[报告查询|我的报告]中查看，如有异常请[到门诊复诊|咨询主检医生]。",
    "【{city}公安】[提醒|反诈提醒]：[公检法机关|民警]不会通过电话办案，[不存在|没有]所谓的安全账户，[接到此类电话请立即挂断|请下载国家反诈中心APP]。",
    "【{city}税务】[个税年度汇算|年度汇算]已开始，请通过[个人所得税APP|官方个税APP]办理，[谨防|警惕]冒充税务的退税短信和链接。",
    "【{school}】[各位家长|家长您好]，[寒假安排|期末考试安排]已发布，请[登录学校官方公众号|在班级群]查看，[如有疑问|有问题]请联系班主任。",
    "【{estate}物业】[电梯年检|消防演练]通知：{date}上午九点至十一点[暂停使用3号电梯|进行消防演练]，[请大家合理安排出行|届时请勿惊慌]，感谢配合。",
    "【{loanapp}】您的[借款|账单]本期应还{bill}元，[还款日|到期日]{date}，[请确保|请保证]绑定的银行卡余额充足，[如已还款请忽略|逾期将产生罚息]。",
    "[在吗|在不在]，[晚上|明天]一起吃[火锅|烧烤]吧，[我请客|AA]",
    "[刚开完会|刚下班]，[你那边|家里]怎么样，[孩子作业写完没|饭做好了没]",
    "[妈|爸]，[我到公司了|我到家了]，[别担心|放心吧]",
    "[你那个快递我帮你拿了|你的包裹我帮你放门口了]，[回来记得拿|放在鞋柜上]",
    "[领导|王总]，[合同已经发您邮箱了|方案已经改好了]，[您看下|麻烦您审阅]，[有问题我再改|有意见随时告诉我]。",
    "[今天股票又跌了|最近基金亏麻了]，[还是存定期稳|不敢再买了]",
    "[上次借你的五百|昨天的饭钱]我[微信转你了|转给你了]，[查收一下|收一下哈]",
    "[群里说|听说]最近有[冒充快递理赔的|冒充客服退款的]诈骗，[大家小心点|别上当]，[不要给陌生人验证码|有事先打官方电话]",
]

EN_FRAUD = [
    ("phishing", "[Royal Mail|USPS|Evri]: [We were unable to deliver|Your parcel is on hold at] your parcel [due to an unpaid shipping fee|because the address was incomplete]. [Pay|Reschedule] at {enlink}"),
    ("phishing", "[E-ZPass|FasTrak|The Toll Roads]: You have an unpaid toll of [$4.15|$6.99|$11.69]. Pay by [tomorrow|today] to avoid a late fee of $50: {enlink}"),
    ("phishing", "{ukbank} ALERT: A payment of [£489.00|£1,250.00] to [Apple Store|Currys] is pending. If this was NOT you, [visit|verify at] {enlink}"),
    ("phishing", "[Netflix|Disney+]: We couldn't process your last payment. Your membership will be [suspended|cancelled] today. Update [billing|your card] at {enlink}"),
    ("impersonate_customer_service", "[Microsoft|Apple] Support: [your computer|your iCloud] has been [hacked|infected] and [your bank details are at risk|we detected illegal activity]. Call our [certified technicians|security team] on {usphone} [now|immediately]. Do not turn off your device"),
    ("impersonate_customer_service", "Hi this is [Amazon|PayPal] refunds. We [accidentally|mistakenly] refunded you [$2,000|$5,000] instead of $200. Please [install AnyDesk|download the support app] so we can fix it, then send back the difference in gift cards"),
    ("impersonate_authority", "This is [the IRS|HMRC]. [There is a lawsuit|An arrest warrant has been issued] against you for tax fraud. Press 1 [now|to speak to an officer] or [police will come to your house|you will be arrested today]"),
    ("impersonate_authority", "[Detective|Officer] [Hughes|Patel] here from the [Met Police|fraud unit]. [Your card was cloned|Staff at your bank are under investigation]. [Move your savings|Transfer your money] to [a safe account|the account we give you] and tell no one, [not even the bank|including branch staff]"),
    ("impersonate_acquaintance", "Hi [Mum|Dad], [this is my new number|I dropped my phone], [can you save it|delete the old one]. I [need to pay a bill today|have an urgent payment] but my [app is locked|bank is blocking me]. Can you [help|send it for me]? I'll pay you back [tomorrow|on Friday]"),
    ("romance_investment", "[Hi, is this Anna?|Hello, is this Dr. Lee's clinic?] [Sorry wrong number|Oh sorry I must have the wrong number] 😊 [You seem nice though|Maybe it's fate]. I'm [Jason|Kevin], I [trade crypto|invest in gold] with my [aunt|uncle] who is an analyst, [we made 30% this week|it's been a great month]"),
    ("romance_investment", "[Baby|My dear], the withdrawal is [almost done|ready], the platform just needs the [15% tax|release fee] first. [I already paid mine|I would pay it for you but my account is frozen]. [Please|Trust me,] send it today or [we lose everything|the profit is gone]"),
    ("fake_investment", "{f9en}: [Turn $250 into $5,000|Earn up to $1,200 a day] with our [AI trading robot|quantum trading system]. [Guaranteed|Risk-free] returns, [withdraw any time|limited places]. [Register now|Sign up] {enlink}"),
    ("fake_job", "[Hello|Hi], [I'm Sarah from|this is] [a recruitment agency|the HR team]. We are hiring [online assistants|app reviewers] to [boost|rate] [products|apps], [30 mins a day|flexible hours], [$200-$800 daily|$500 a day]. [Contact us on WhatsApp|Reply to learn more]"),
    ("fake_job", "Congratulations, you passed the interview for the remote [data entry|customer support] job! To start, [buy the equipment|pay for the training kit] with the check we mailed you and [send the rest back|return the balance] by [Zelle|gift card]"),
    ("prize_lottery", "[URGENT|FINAL NOTICE]! Your mobile [number|account] has [won|been awarded] [£1000|£2500|a £500 shopping voucher]. [To claim|Claim now] call 090{n3}{n3}{n2}. [Claim code|Ref] {n3}. [150p/min|Calls 1.50/min], 18+"),
    ("prize_lottery", "You have been [selected|chosen] for a free [iPhone 16|Dyson Airwrap|PS5] in our [loyalty|anniversary] draw. [Just pay|Only] [£2.95|$1.99] [shipping|postage] at {enlink}. [Offer ends tonight|Limited stock]"),
    ("game_trading", "[selling|got] [robux|skins|a rare account] cheap, [pay me on|send via] [cashapp|paypal F&F|gift card] first and [i'll send it|i'll log you in] after, [no middleman|trust me bro]"),
    ("verification_code", "[Hi|Hey], [I listed my car on Facebook Marketplace|I'm selling my couch] and [want to make sure you're real|need to verify buyers]. [I'll send you a code|Google will send you a code], [just text it back|please send it to me]"),
    ("other", "[Disaster relief|Emergency appeal]: [families in the flood zone|children in the earthquake] need [your help|food and water] tonight. [Donate|Send] via [gift cards|bitcoin|Zelle to our coordinator] at {enlink}"),
]

EN_BENIGN = [
    "{f9shop_en}: [Reminder|Hi {en_first}], your appointment is on {day} at {entime}. [Reply C to confirm|Call us if you need to change it].",
    "{f9shop_en}: [Your order is ready|Your pet's vaccination is due]. [Pop in any time|We're open] [9am-5pm|until 6pm] [Mon-Sat|today].",
    "{enbrand}: [Your refund of £{n2}.99 has been processed|We've received your return]. [It can take 3-5 days to show|No action needed].",
    "{enbrand}: [Flash sale|Members' weekend]: [up to 50% off|extra 20% off] [selected lines|everything] [this weekend only|until Sunday]. [Shop in the app|See in store]. Reply STOP to opt out",
    "{ukbank}: [We've noticed|Is this you?] a [£{n2}.{n2}|new] payment at [Tesco|a petrol station]. [If you don't recognise it, call the number on the back of your card|Reply Y if it was you]. [We'll never ask for your PIN|Never share your passcode].",
    "{encourier}: Your parcel [will arrive|is due] {day} between {entime} and [5pm|7pm]. [Track it in our app|Manage your delivery on our website].",
    "Your [Google|Microsoft|Apple] verification code is {code6}. [Don't share it|Never share this code] with anyone.",
    "[Dentist|GP surgery]: your [check-up|flu jab] is booked for {day} at {entime}. [To cancel reply CANCEL|Please arrive 5 mins early].",
    "[hey|hi] [what time is dinner|are we still on for tonight]?",
    "[can you grab milk|pick up bread] on the way home [pls|please]",
    "[omg|lol] [did you see|have you seen] [the news|that video] [I sent|earlier]",
    "[Grandma|Nan] [loved|was so happy with] the [photos|card], she [wants to call you|says thanks]",
    "[Running 10 min late|Traffic is awful], [start without me|order me a coffee]",
    "[Congrats on the new job!|Happy birthday mate!] [Drinks on Friday?|Have a great one]",
]


def main():
    write_or_check(
        fresh_split(SEED, ZH_FRAUD, EN_FRAUD, ZH_BENIGN, EN_BENIGN, (3, 3, 4, 3)),
        OUT,
        "fresh9")


if __name__ == "__main__":
    main()
