#!/usr/bin/env python3
"""Generator of the `fresh6/` split: written AFTER the marketing work of
issue 15 (benign marketing evidence in the pattern set, the marketing and
everyday-chat training generator `gen/marketing.py`, the model retrained at
--min-count 8 and recalibrated) was finished, and before any measurement on
it. Its OWN templates (none shared with train/, fresh4/, fresh5/ or
gen/marketing.py), its own fake shop, app and sender names and another seed.
Ordinary side: real-looking marketing of many kinds (carriers, banks, shops,
restaurants, property, cars, travel, insurance, prize draws that send you to
the brand's own app or counter), notices, appointments and everyday chats;
fraud side: every kind of scam, as SMS, narrative scripts, call transcripts
and chat lines, including prize claims that ask for a fee, a card, a code, a
download or a private contact. Never train or tune on it.

    python3 tests/corpus/gen/fresh6.py [--check]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from slots import SLOTS  # noqa: E402
from tmpl import fresh_split, write_or_check  # noqa: E402

SEED = 60606
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fresh6")

SLOTS["f6shop"] = lambda r: r.choice(["禾丰生鲜", "米兰花艺", "青柠烘焙", "橙子眼镜", "悦客便利", "康宁大药房", "小熊母婴", "蓝鲸洗衣"])
SLOTS["f6app"] = lambda r: r.choice(["汇丰宝盈", "金桥理财通", "众鑫优选", "融通聚财", "星耀资本", "安盈宝"])
SLOTS["f6game"] = lambda r: r.choice(["灵域", "幻剑online", "星海战纪"])
SLOTS["f6en"] = lambda r: r.choice(["PrizeLineUK", "WinTxt", "CashDrop", "LuckyMobile", "FreeMsgClub"])
SLOTS["f6shop_en"] = lambda r: r.choice(["Harbour Books", "GreenLeaf Pharmacy", "Oakwood Garden Centre", "Bella Pizza", "QuickFit Gym", "Daisy Florist"])

ZH_FRAUD = [
    # SMS
    ("prize_lottery", "【{f6shop}】恭喜您在店庆抽奖中获得二等奖，奖品为{product}一台，因奖品价值较高需先支付{small}元保价费，付款后次日发货，详询{vmobile}"),
    ("prize_lottery", "您的手机号在{city}电视台年度回馈活动中被抽中，获得现金{big}元，请提供您的银行卡号和开户行，工作人员将在核实后汇款，联系人{title}"),
    ("prize_lottery", "【{brand}】尊敬的会员，您获得周年庆幸运奖{mid}元购物卡，请添加客服QQ{qq}领取，逾期作废"),
    ("prize_lottery", "恭喜您成为本月幸运粉丝，奖品{product}已为您预留，下载“{f6app}”APP登记收货信息即可领取：{apk}"),
    ("phishing", "【{bank}】您的手机银行登录环境异常，账户将于今日冻结，请立即登录{link}更新身份信息以恢复使用"),
    ("phishing", "【ETC服务】您的ETC卡因信息未认证已被停用，请尽快通过{link}重新认证，以免影响高速通行"),
    ("phishing", "【{city}医保】您的医保个人账户有{n3}元余额可提现至银行卡，请于三日内登录{link}办理，逾期清零"),
    ("verification_code", "【{payapp}】您好，我们将为您办理保证金退还，稍后您会收到一条验证码，请将验证码回复给本号码，以便系统核对"),
    ("fake_loan", "【{f6app}】您申请的{big}元借款已审批通过，因您的流水不足，需先存入{mid}元验证还款能力，验证后连同借款一起到账"),
    ("fake_credit_repair", "征信有逾期？网贷记录太多批不了房贷？我们有银行内部渠道，三天帮您洗白征信，成功后再收费，先交{small}元建档费，微信{wx}"),
    ("malware_app", "【{city}公安】为保护您的资金安全，请下载国家反诈防护助手升级版：{apk} 安装后按提示开启全部权限"),
    ("rebate_task", "急招线上兼职，给主播点赞关注，一单三元，日结，手机就能做，新人先做三单体验，加入任务群请加{wx}"),
    ("fake_shopping", "【{f6shop}】您好，您的订单因库存不足无法发货，为保障您的权益，请添加售后微信{wx}办理双倍退款"),
    ("other", "代办各类驾照、学历证书、职称证，全国联网可查，价格优惠，诚信经营，有意者联系{mobile}"),
    ("game_trading", "{f6game}全服最低价出售满级号，装备齐全，只走私下交易不走平台，加QQ{qq}看号，先付定金再给账号"),
    # narrative scripts, no link, no number
    ("impersonate_authority", "我是{city}市公安局刑侦支队的，我们在办一起特大洗钱案，嫌疑人在你名下开了一个账户，流水有三百多万。你现在必须配合调查，证明自己是清白的。这件事属于国家机密，你不能告诉任何人，包括你的爱人。接下来我们会把你的通话转到检察院，检察官会告诉你怎么做资金清查。"),
    ("impersonate_customer_service", "您好，我是{shop}平台的售后客服，您之前买的那件商品存在质量问题，我们这边主动给您办理理赔。理赔款要通过{payapp}的备用金功能发放，您打开{payapp}，我一步步教您操作，操作过程中会收到一个验证码，您告诉我就可以了。"),
    ("impersonate_acquaintance", "爸，我手机摔坏了，这是我同学的号。我在学校出了点事，跟人打架把人家眼镜打坏了，对方说不赔钱就报警，要三千块，你先转给我同学，别跟妈说，她知道了又要骂我。"),
    ("impersonate_acquaintance", "{name}，我是你们公司{leader}，明天上午有个合同要签，对方要求今天先付一笔定金，我这会儿在开会不方便操作，你先从公司账上转二十万到对方账户，账号我一会儿发你，转完截图给我。"),
    ("fake_investment", "我跟你说个事，我最近跟着一个老师在做黄金期货，他们有内部消息，每次跟着操作都赚。我上个月投了五万，现在已经八万多了，随时能提现。老师说下周还有一波大行情，你要是想参与我把你拉进群，先小额试一试。"),
    ("romance_investment", "宝贝，今天工作顺利吗？我跟你说的那个博彩平台有漏洞，我表哥在里面做技术，他知道什么时候下注一定赢。我自己已经赚了不少了，这个机会不多，你先充一点，我带你做，赚了钱我们一起去旅行。"),
    ("fake_job", "我们是一家外贸公司，现在招聘跨境电商客服，在家办公，月薪一万起，不需要经验。入职前需要参加三天线上培训，培训材料费六百元，培训合格后公司会全额返还，你考虑一下，名额不多。"),
    ("other", "我们是{city}慈善基金会的，最近在给受灾地区的孩子捐款，您献一份爱心就能帮一个孩子上学。因为基金会的对公账户正在年审，捐款请先转到我们工作人员的个人账户，收到后会给您邮寄捐赠证书。"),
    ("fake_loan", "你好，你之前在网上申请过贷款吧，我们这边是正规金融公司，现在有无抵押低息贷款，最快当天放款。你先下载我们的借款APP填资料，审核过了以后需要交一笔保险费，放款后会退给你。"),
    # call transcripts (no punctuation)
    ("impersonate_authority", "喂 你好 这里是{city}出入境管理局 你的护照在海关被查出携带违禁品 现在要冻结你名下所有银行账户 你有没有去过香港 没有是吧 那可能是身份被冒用了 我给你转到公安局 你跟警官说明一下"),
    ("impersonate_customer_service", "喂 您好 是{name}吗 我这边是{shop}的客服 您之前开通了我们的百万保障服务 现在要开始扣费了 一个月八百 如果不想扣费需要您手动关闭 您现在打开手机 下载一个会议软件 我共享屏幕教您操作"),
    ("verification_code", "喂 你好 我是{courier}的快递员 你有个快递地址写错了 我帮你改一下 系统会给你发一个验证码 你念给我听一下 对 就是那个六位数的"),
    ("fake_loan", "喂 您好 这边是{f6app}金融 看到您之前有贷款需求 我们现在额度最高二十万 利息很低 嗯 对 不看征信 您只需要先交两千块钱的保证金 证明您的还款能力 放款之后马上退给您"),
    # chat lines
    ("rebate_task", "[群消息] 接待员：欢迎新朋友！今天的任务是给指定商品下单，下单金额平台全额返还再加百分之十佣金。第一单小额体验，第二单开始连单任务，连单必须做完才能提现哦"),
    ("impersonate_acquaintance", "[微信] 在吗？我是你{rel}，换了个新号。我这边急着交一笔钱，卡被限额了，你方便先帮我转五千到这个账户吗，晚上就还你，先别打电话我在开会"),
]

ZH_BENIGN = [
    # carrier / bank / shop marketing with official channels and unsubscribe lines
    "【{carrier}】冬季暖心福利：本月充值一百元即送二十元话费，登录{carrier}APP“充值”页面即可参与，赠送话费次月到账。退订回T",
    "【{carrier}】尊敬的客户，您的积分{n3}{n1}分将于年底清零，可在{carrier}APP积分商城兑换话费或视频会员。回TD退订",
    "【{carrier}】您好，您可免费升级为5G套餐，月费不变，流量翻倍，回复“升级”即可办理，或前往营业厅咨询。拒收请回复R",
    "【{bank}】岁末惊喜：{date}至月底使用{bank}信用卡在指定商户消费满三百元，即有机会抽取五十元刷卡金，中奖结果将在手机银行公布。退订回T",
    "【{bank}】尊敬的客户，您持有的信用卡本期账单可申请分期，最长二十四期，手续费享八五折，详询{bankno}。退订回TD",
    "【{bank}】您好，恭喜您在我行“周五惠”活动中抽中二十元立减金，已自动存入手机银行卡券中心，下次支付时可直接抵扣，无需任何操作。",
    "【{bank}】我行新发行一款中低风险理财产品，业绩比较基准年化{n1}.{n1}%，一万元起购，理财非存款，投资需谨慎，详情请咨询网点客户经理。",
    "【{f6shop}】会员专享：本周三会员日全场鲜果八八折，积分翻倍，到店出示会员码即可享受。退订回T",
    "【{f6shop}】亲爱的顾客，您在店庆抽奖中获得的三等奖（保温杯一个）请于本周内凭中奖短信到店服务台领取，活动不收取任何费用。",
    "【{f6shop}】感谢老客户的支持！您的储值卡已赠送{n2}元余额，下次到店消费可直接使用。回T退订",
    "【{brand}】新品上市，会员第二件半价，打开{brand}小程序下单更有机会参加幸运抽奖，奖品包括全年免单卡。退订回TD",
    "【{brand}】恭喜您获得“年度忠实顾客”称号，我们为您准备了一份小礼物，下次到店消费时告诉店员手机号即可领取。",
    "【{shop}】您关注的店铺正在直播，今晚八点整点抽免单，关注主播即可参与，打开{shop}APP进入直播间。回T退订",
    "【{shop}】双十二预热：跨店每满三百减五十，购物车商品已降价，去{shop}APP看看吧。退订回T",
    "【{estate}】尊敬的业主，小区年终业主答谢会定于{date}在会所举行，现场设抽奖环节，凭业主卡入场。",
    "【{company}汽车】尊敬的车主，冬季免费检测活动开始啦，即日起到店可享免费检测防冻液、电瓶和轮胎，预约电话{landline}。退订回T",
    "【{brand}】您的航班{city}至{city2}已值机成功，座位{n2}A，请于起飞前四十分钟到达登机口。",
    "【{brand}】您的车险将于{date}到期，续保可享早鸟优惠并赠送免费洗车券，详询{hotline}或登录官方APP续保。",
    "【{f6shop}】您购买的商品已于今日发出，{courier}单号{order}，如有问题请联系门店。",
    "【{hospital}】您好，您{date}的门诊预约已取消，如需重新预约请通过医院公众号办理。",
    "【{school}】各位家长，本周五学校开展安全教育活动，请提醒孩子穿校服，学校不会通过短信向家长收取任何费用。",
    "【{city}税务】温馨提示：个人所得税综合所得年度汇算将于{date}开始，请通过个人所得税APP办理，谨防假冒链接。",
    "【{courier}】您的快件已到达{estate}丰巢柜，取件码{code6}，请在二十四小时内取件。",
    "【{f6shop}】您好，您预约的{date}{time}验光服务已确认，请准时到店，如需改期请回复本短信。",
    # everyday chats
    "晚上同学聚会我去不了了，你帮我跟大家说一声，份子钱我明天转你",
    "我抽奖抽中了一个电饭煲，就是公司年会那个，明天给你带回去",
    "刚收到银行短信说信用卡账单出了，这个月花得有点多",
    "快递员说放门卫了，你下班顺便拿一下",
    "房东说下个月房租涨两百，你看我们要不要换个地方",
    "验证码是我自己点的，刚在换手机登录，不用管",
    "我在{f6shop}买的水果挺新鲜的，会员日打折，你要不要也办张卡",
    "老师在群里说明天交春游的钱，一百二，家长群里接龙",
    "喂 你到哪了 我在地铁口等你 好 那我先去买票 你快点啊 电影七点开始",
    "您好 我是{f6shop}的店员 您订的蛋糕做好了 您看是今天来取还是明天 好的 那我们给您留着 下午五点以后都可以",
    "我们公司在招实习生，包午餐，有兴趣让你弟弟把简历发到人事邮箱",
]

EN_FRAUD = [
    ("prize_lottery", "CONGRATS! Ur mobile no. was picked in our {f6en} weekly draw to win {gbp} cash. To collect call 09{n3}{n3}{n2} now. {cost}. 18+ only. Txt STOP to end"),
    ("prize_lottery", "{f6en}: You are a WINNER! Claim your {prize} by replying CLAIM to 8{n3}{n1}. Msgs cost {cost}. T&C: PO Box {n3}, {encity}."),
    ("prize_lottery", "Dear customer, you have an unclaimed {gbp} reward. Call 0906{n3}{n3}{n1} to release it before it expires tonight. Calls {cost}."),
    ("prize_lottery", "U have won a guaranteed {gbp} bonus or {prize}! To claim text YES to 8{n3}{n1} now. Std rates. Reply STOP to opt out."),
    ("prize_lottery", "Your entry to the {enbrand} customer draw won a {usd} gift card! Pay the {fee} postage to receive it: {enlink}"),
    ("prize_lottery", "Great news {en_first}! You were chosen in our survey giveaway. Confirm your card details to get your {prize}: {enlink}"),
    ("phishing", "{ukbank} ALERT: a payment of {gbp} to a new payee was requested. If this wasn't you, cancel it now at {enlink}"),
    ("phishing", "{encourier}: Your parcel is held at our depot due to an incomplete address. Update your details within 24 hours: {enlink}"),
    ("phishing", "Your {enbrand} subscription payment failed. Update your billing information to avoid losing access: {enlink}"),
    ("phishing", "DVLA: Our records show your vehicle tax is overdue. Pay now to avoid a penalty: {enlink}"),
    ("impersonate_acquaintance", "Hey Dad, it's me, I'm texting from a friend's phone as mine broke. I'm stuck and need {gbp} for a train ticket, can you send it to my mate's account? I'll pay you back tonight"),
    ("verification_code", "Hi, this is {en_first} from the marketplace, before I buy your sofa I need you to confirm you're real, I'll send a code to your phone, just text it back to me"),
    ("fake_job", "Hello! We are hiring remote assistants, {gbp} per day, flexible hours, no experience needed. Contact our HR manager on WhatsApp +44{ukmob} to start today"),
    ("fake_investment", "Join our crypto signals group and double your money in 7 days. Members earned {usdbig} last month. Limited spots, message me now"),
    ("impersonate_authority", "HMRC: You have an outstanding tax debt and a warrant will be issued for your arrest today. Press 1 to speak to an officer and settle the payment."),
    ("other", "We can recover the money you lost to online scams. Our legal team has traced your funds. Pay a small admin fee to start the recovery process"),
    ("fake_loan", "Approved! You qualify for a {gbp} loan with no credit check. Pay a {fee} insurance fee today to release the funds to your account"),
    ("malware_app", "Your voicemail has 1 new message. To listen install the voicemail app from {enlink} and allow all permissions"),
]

EN_BENIGN = [
    "{f6shop_en}: Our winter sale starts Saturday - 20% off all stock in store. Reply STOP to opt out.",
    "{f6shop_en}: Thanks for visiting! Leave us a review in the app and be entered into our monthly {gbp} voucher draw. Text STOP to unsubscribe.",
    "{f6shop_en}: Congratulations {en_first}, you won our members' raffle! Pick up your hamper at the shop counter any day this week.",
    "{enbrand}: Your order {enorder} is out for delivery today. Track it in the {enbrand} app.",
    "{ukbank}: You've paid {gbp}.{n2} to {en_first} {en_last}. If you don't recognise this, call the number on the back of your card.",
    "{enbrand}: Your points balance is {n3}. Spend them on your next shop in store or online.",
    "Your prescription is ready to collect from {f6shop_en}. Opening hours 9am-6pm.",
    "Hi {en_first}, reminder that your car is booked in for its MOT on {endate} at {entime}. Reply YES to confirm.",
    "{enbrand}: Welcome to your free 30-day trial. You can cancel any time in your account settings.",
    "Your {enbrand} verification code is {code6}. Don't share it with anyone.",
    "School office: Reminder that Friday is a non-uniform day, suggested donation of £1 for the charity appeal.",
    "can u pick up milk on the way home? and bread if they have any",
    "I won the office sweepstake lol, £40 richer, drinks on me",
    "Mum says thanks for the money for the boiler, she'll pay you back at Christmas",
    "running late, train is delayed, save me a seat",
    "did you get the link for the zoom call tomorrow? i can't find it",
    "Happy birthday!!! Hope you have the best day, see you Saturday",
    "Hey, the landlord texted, he's coming to fix the heating on {day} morning",
]


def main():
    write_or_check(
        fresh_split(SEED, ZH_FRAUD, EN_FRAUD, ZH_BENIGN, EN_BENIGN, (2, 3, 4, 3)),
        OUT,
        "fresh6")


if __name__ == "__main__":
    main()
