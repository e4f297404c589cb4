#!/usr/bin/env python3
"""Generator of the `fresh5/` split: written AFTER the embedded default
message model was trained (issue 15), with its OWN templates (none shared
with train/ or fresh4/), its own fake platform and shop names and another
seed. It leans on the shapes real scam text takes and our corpus had least
of: narrative scripts with no link and no number, call transcripts without
punctuation, English premium-rate and prize spam, and hard ordinary
marketing (unsubscribe lines, prizes for existing customers, app links).
Never train or tune on it.

    python3 tests/corpus/gen/fresh5.py [--check]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from slots import SLOTS  # noqa: E402
from tmpl import fresh_split, write_or_check  # noqa: E402

SEED = 5005
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fresh5")

SLOTS["f5app"] = lambda r: r.choice(["鑫盛通", "弘信优投", "瑞丰汇", "财富岛", "金穗宝", "盈海通", "天玑优选"])
SLOTS["f5shop"] = lambda r: r.choice(["优品汇超市", "鲜丰果园", "悦动健身", "丽人美发", "百味烘焙", "家和家电", "乐童书店"])
SLOTS["f5en"] = lambda r: r.choice(["QuidWin", "TextPrize UK", "MegaDrawz", "LuckyTxt", "WinZone"])

ZH_FRAUD = [
    # narrative scripts, no link, no number
    ("impersonate_authority", "我是{city}公安分局经侦大队的民警，姓{sname}。我们在侦办一起非法集资案，涉案人员交代有一部分资金是通过你名下的账户走的。现在你要配合调查，我们这边会给你出具一份保密协议，调查期间不能告诉任何人，包括你的家人，否则就是泄露案情。你名下有几张卡，分别有多少存款，都要如实说明。"),
    ("impersonate_authority", "你好 我这边是{city}市场监督管理局 你是不是在网上卖过东西 有顾客举报你卖假货 现在要对你立案处罚 罚款要好几万 你要是想私下处理 可以先交一笔保证金 我们这边撤销举报 这个事情你最好不要跟别人说"),
    ("impersonate_authority", "{name}，你的身份信息被人盗用在外地办了一张银行卡，这张卡现在涉及一起跨境赌博案，已经被冻结。为了证明你本人与此案无关，需要你把自己名下的资金做一次清查核验，核验的时候按我说的一步一步操作，中途不要挂电话也不要接别人的电话。"),
    ("impersonate_authority", "喂 你好 这边是{city}社保中心 你的社保卡在{city2}被人冒领了养老金 现在需要你配合公安机关调查 我这边把电话转给办案民警 你跟他说明情况 嗯 他会告诉你怎么做"),
    ("impersonate_customer_service", "您好，我是{payapp}的客服专员，系统检测到您的账户开通了一项会员自动续费，每个月会从您的余额里扣款。如果不是您本人开通的，需要您配合我们关闭，关闭的时候系统要验证您的还款能力，所以您需要先把各个平台的额度借出来放到指定的账户，验证通过后原路退回。"),
    ("impersonate_customer_service", "喂 您好 我是快递公司理赔部的 您有一个包裹在运输途中破损了 我们这边给您三倍赔偿 您现在打开支付软件 点我的 然后点客服 我一步一步教您操作 您把屏幕共享打开我帮您看着"),
    ("impersonate_customer_service", "亲，您在我们店买的那件衣服被检测出甲醛超标，按规定我们要给您退款并赔偿，但是您的支付账户被冻结了没法原路退回，需要您按我说的先开通一个临时收款功能，开通的时候要交一笔保证金，退款的时候一起退给您。"),
    ("fake_loan", "你好，我是{f5app}的放款专员。你的贷款已经审核通过了，但是你的银行卡号填写有误，资金被冻结在系统里。要解冻的话需要你先交一笔解冻费，证明这张卡是你本人在用，交完马上就给你放款，今天之内一定能到账。"),
    ("fake_loan", "我是做内部贷款的，不看征信不看流水，黑户也能下款，利息比银行还低。就是放款之前要先做一个包装，交点包装费和押金，钱到账了押金退给你，你要是着急用钱就赶紧定下来。"),
    ("fake_investment", "王老师今天又给我们群里带了一波，三天就赚了百分之三十。我一开始也不信，投了一点试试，结果真的能提现。现在老师说有一个内部的原始股，上市以后至少翻十倍，名额不多，我想着跟你说一声，你要不要也进来。"),
    ("fake_investment", "我们这个项目是国家扶持的数字经济项目，投资门槛很低，每天都有固定分红，拉人进来还有额外奖励。我身边好多人都做了，收益特别稳定，你把钱放银行里也没多少利息，不如放到我们这里来。"),
    ("romance_investment", "哥哥，认识你真的很开心。我平时除了上班就是在研究外汇，我舅舅在投行工作，他会告诉我什么时候买什么时候卖，从来没亏过。你要是信得过我，我教你做，我们一起为将来攒钱，等攒够了我就去你的城市找你。"),
    ("romance_investment", "亲爱的 我今天好难过 平台说我的账户要交税才能把钱提出来 我已经把所有积蓄都放进去了 你能不能先借我一点 等钱提出来了我马上还你 我们马上就能见面了"),
    ("rebate_task", "家里蹲也能月入过万！我们是正规的电商平台，只需要你帮商家刷刷好评提高销量，每单都有佣金，做得越多赚得越多。刚开始是小单，做熟练了可以接大单，大单需要先垫付，完成以后本金和佣金一起返还。"),
    ("rebate_task", "喂 你好 我们这边是做抖音点赞的 一个赞给你两块钱 一天能赚两三百 你先下个软件 进我们的任务群 接待员会教你怎么做 前面几单做完马上返钱"),
    ("fake_job", "你好，我们公司在招线上客服，工作时间自由，在家用手机就能做，月薪八千到一万二。入职需要先办一张工作卡，交三百块钱押金，做满一个月退还。想做的话我给你安排面试。"),
    ("fake_job", "我们这边招暑假工，去外地的电子厂，包吃包住，一个月能拿六七千。报名的话先交一点体检费和服装费，到了厂里就给你报销，车票我们来订，你把身份证照片发我一下。"),
    ("verification_code", "哎你好，我是刚才给你送快递的，我手机没电了，用同事手机登录一下系统确认签收，系统会给你发个短信码，你把那几个数字念给我就行，不然我这单算没送到要扣钱。"),
    ("verification_code", "我是你同事{sname}，我的微信被封了要好友辅助解封，你帮我点一下那个链接然后把收到的验证码告诉我，就耽误你一分钟，谢谢啦。"),
    ("impersonate_acquaintance", "喂 是我啊 你听不出来了 我是你老同学 我现在在外地出了点事 被人扣住了 要五千块钱才放人 你千万别告诉我家里人 我爸妈年纪大了受不了 你先帮我转一下 回去我马上还你"),
    ("impersonate_acquaintance", "{leader}这边跟你说个事，明天一早有个重要的客户要来，我答应了给他的项目一点好处费，现在不方便自己转，你先帮我垫上，我回头让财务给你报销。这个事情你知我知就行了。"),
    ("impersonate_acquaintance", "小{sname}啊，我是你表叔，好多年没联系了。我儿子在你们那边住院，急需交手术费，我这边卡被冻结了一时转不过来，你能不能先帮我垫一下，我下个礼拜就还你。"),
    ("prize_lottery", "恭喜您！您被选为我们公司年度抽奖的幸运客户，获得了一台价值两万元的笔记本电脑。由于奖品价值较大，按照国家规定需要先缴纳百分之二十的个人所得税，缴纳以后我们马上给您寄出。"),
    ("game_trading", "兄弟，你那个号我挺想要的，不过我怕被骗，咱们去我常用的交易平台交易，那个平台有担保。你注册一下，我这边付完钱你就能看到，不过提现的时候可能要你先交一个保证金，这是平台规定。"),
    ("fake_credit_repair", "你的征信上有逾期记录吧？我们公司跟银行有内部合作，可以帮你把不良记录消掉，保证以后贷款买房都没问题。费用是三千，先交一半，修复好了你在网上查得到再交另一半。"),
    ("other", "你好，我是{city}红十字会的工作人员，我们正在为山区患白血病的孩子募捐，每一份爱心都能帮助一个家庭。你可以直接转账到我个人账户，我们会统一汇总，这个项目的账户还在审批，所以暂时先用个人账户收款。"),
    ("malware_app", "您好，您的医保卡需要更新电子凭证，不然下个月看病就不能报销了。您在应用商店是找不到这个软件的，我把安装包发给您，装的时候会提示风险，您不用管，直接点继续安装，打开以后按照提示授权就行。"),
]

ZH_BENIGN = [
    # hard ordinary marketing: unsubscribe lines, prizes for customers, app links
    "【{f5shop}】感恩回馈老客户！本周六会员日全场八折，消费满一百元可参加现场抽奖，一等奖为电饭煲一台。退订回T",
    "【{f5shop}】亲爱的会员，您的积分即将清零，可在门店兑换精美礼品，详询门店。拒收请回复R",
    "【{carrier}】尊敬的客户，为回馈您的长期支持，您可免费领取{n2}G流量包，发送LQ到{bankno}即可领取，有效期30天。退订回TD",
    "【{bank}】您参与的“刷卡有礼”活动已中奖，奖品为{n2}元话费，将于五个工作日内充值到您的手机号，无需任何操作。",
    "【{f5shop}】开业三周年店庆，会员凭卡到店即可领取小礼品一份，储值再享赠送，活动截止本月底。退订回T",
    "【{brand}】您的会员等级已升级为金卡，专享生日礼券和免费包邮，打开{brand}APP“我的-会员中心”查看。回T退订",
    "【{bank}】信用卡分期好礼：本月办理账单分期可享手续费八折，详询{bankno}或登录{bank}手机银行。退订回TD",
    "【{f5shop}】抽奖结果公布：恭喜尾号{tail}的顾客获得一等奖，请于三日内携带购物小票到服务台领取。",
    "【{carrier}】您好，您本月套餐内通话剩余{n3}分钟，流量剩余{n1}.{n1}GB。下载{carrier}营业厅APP可实时查询。",
    "【{brand}】双十一预售开启，定金五十抵一百五十，下单即可参与抽奖，有机会赢取免单。退订回T",
    "【{f5shop}】您好，您预订的生日蛋糕已制作完成，请于今天下午五点后到店自提，如需配送请回复门店。",
    "本周末小区物业组织业主抽奖活动，奖品有米面油和家电，凭物业缴费单到物业办公室领取抽奖券。",
    "【{school}】各位家长：本学期期末家长会定于周五下午举行，请准时参加，不便到场的家长请提前告知班主任。",
    "【{hospital}】您预约的体检已安排在{date}上午，请空腹前往，携带身份证。",
    "妈 我周末不回去吃饭了 公司要加班 你们别等我",
    "我刚在{f5shop}办了张卡，充五百送一百，下次一起去剪头发呀",
    "老板说这个月的奖金下周一发，大家把报销单都交一下",
    "今天在超市抽奖抽中了一桶油哈哈，运气不错",
    "喂 你好 我是{f5shop}的 你上次订的那个沙发到货了 你看什么时候方便 我们安排师傅给你送过去 嗯 好的 那就周六上午",
    "您好 我这边是{bank}信用卡中心的 您的账单已出 本期应还{mid}元 最后还款日是{date} 请您按时还款 如有疑问可以拨打卡片背面的客服电话",
    "我们群里在团购车厘子，一箱一百二，要的话跟我说，周三统一到货",
    "【{courier}】您的快递已由驿站代收，取件码{pickup}，请凭码取件。",
    "【{carrier}】温馨提示：您的话费余额不足十元，为避免停机请及时充值。可通过{carrier}APP或营业厅充值。",
    "下午的会改到三点了，会议室在五楼，记得带笔记本",
    "【{f5shop}】您好，您在本店的储值卡余额为{n3}元，感谢您的支持，欢迎再次光临。退订回T",
]

EN_FRAUD = [
    ("prize_lottery", "URGENT! Your mobile number has won {prize} in our weekly draw. To claim call {f5en} on 09{n3}{n3}{n2} now. Calls cost {fee}/min. T&Cs apply. Txt STOP to end."),
    ("prize_lottery", "Congratulations ur awarded {gbp} cash or {prize}! Claim by texting WIN to 8{n3}{n1}. Std msg rate. Over 18s only."),
    ("prize_lottery", "You have been selected to receive a {gbp} prize guaranteed. To claim call 09{n3}{n3}{n2} from a landline before midnight. Claim code {code4}. Cost {fee} per min."),
    ("prize_lottery", "FREE entry into our {gbp} weekly comp just text the word WIN to 8{n3}{n2} now. 18 T&C apply. Msg cost {fee}."),
    ("prize_lottery", "Final notice: your unclaimed reward of {gbp} expires today. Reply YES to receive your claim code, or call our prize line 09{n3}{n3}{n2}."),
    ("prize_lottery", "ur a winner!! as a valued network customer u have been selected to receive {prize} as a reward. call 09{n3}{n3}{n2} to claim, valid 12 hrs only"),
    ("phishing", "Your {ukbank} account has been temporarily suspended due to unusual activity. Please verify your details at {link} to restore access."),
    ("phishing", "HMRC: You are eligible for a tax refund of {gbp}.{n2}. To receive it please submit your bank details at {link}"),
    ("phishing", "{encourier}: we attempted to deliver your parcel but there was an unpaid shipping fee of {fee}. Reschedule here: {link}"),
    ("impersonate_acquaintance", "Hi mum its me, I dropped my phone down the toilet so this is my new number. Can you do me a massive favour, I need to pay a bill today and my banking app won't work on this phone"),
    ("impersonate_authority", "This is the fraud department of your bank. Your account has been compromised and we need you to move your savings to a secure holding account today. Do not discuss this with branch staff as they may be involved."),
    ("fake_investment", "My uncle works at a crypto fund and he showed me a trading signal group that makes 20% a week, I've already withdrawn twice. Want me to send you the link to join before it closes?"),
    ("rebate_task", "Hi, I'm a recruiter from an online agency. Part-time job, rate products from home, earn {gbp} a week, paid daily. Interested? Reply for details on WhatsApp"),
    ("verification_code", "Hey, I accidentally sent my login code to your number, could you forward me the 6 digit code you just got? Thanks so much"),
]

EN_BENIGN = [
    "{enbrand}: Summer sale now on, up to 50% off everything online and in store. Reply STOP to opt out.",
    "Thanks for shopping with {enbrand}! Enter our monthly prize draw to win a {gbp} voucher by leaving a review. Text STOP to unsubscribe.",
    "Your {enbrand} loyalty points are about to expire. Use them in store or online by the end of the month. Reply STOP to opt out.",
    "{ukbank}: your monthly statement is now available in the app. We will never ask you for your PIN or passwords by text.",
    "Hi {en_first}, your table for 4 at {enbrand} is booked for {day} at {entime}. See you then!",
    "Reminder: your dentist appointment is on {endate} at {entime}. Reply C to confirm or call the practice to rearrange.",
    "Did you win anything at the quiz last night? We came third again lol",
    "Congrats on the new job!! So happy for you, drinks on me this weekend",
    "{encourier}: Your parcel will be delivered today between {entime} and 6pm. Track it in the {encourier} app.",
    "Your {enbrand} order has been dispatched and will arrive in 2-3 working days.",
    "hey can you call me when you're free, need to ask you about the weekend",
    "Your gym membership renews on {endate}. No action needed. Reply STOP to stop reminders.",
    "We've received your payment of {gbp}.{n2}, thank you. {enbrand} Customer Services",
    "Good luck with the exam tomorrow, you've got this!",
    "Mum won the raffle at church, a hamper full of chocolate, she's very pleased",
    "{enbrand} Rewards: you've earned a free coffee! Show this text in store. Text STOP to 8{n3}{n2} to opt out.",
]


def main():
    write_or_check(
        fresh_split(SEED, ZH_FRAUD, EN_FRAUD, ZH_BENIGN, EN_BENIGN, (3, 4, 5, 4)),
        OUT,
        'fresh5')


if __name__ == "__main__":
    main()
