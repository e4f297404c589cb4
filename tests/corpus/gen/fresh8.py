#!/usr/bin/env python3
"""Generator of the `fresh8/` split: written AFTER the second issue-15 round
of this project (weak rule codes split into loose and precise ones in the
model combination, new rules for asks real scripts make), because `fresh4/`
to `fresh7/` had all been looked at while making that round. Its OWN
templates (none shared with train/, fresh4/ to fresh7/ or gen/marketing.py),
its own fake names and another seed; committed before any measurement on
it. Never train or tune on it.

    python3 tests/corpus/gen/fresh8.py [--check]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from slots import SLOTS  # noqa: E402
from tmpl import fresh_split, write_or_check  # noqa: E402

SEED = 80808
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fresh8")

SLOTS["f8shop"] = lambda r: r.choice(["青禾生鲜", "南山眼镜", "橙子理发", "半亩花田", "老街烧饼", "百川五金", "晨光文具"])
SLOTS["f8app"] = lambda r: r.choice(["汇金港", "恒通财富", "星链易购", "瑞丰优品", "金穗通"])
SLOTS["f8org"] = lambda r: r.choice(["希望工程办公室", "慈善总会", "残疾人联合会", "爱心助学协会"])
SLOTS["f8en"] = lambda r: r.choice(["WinZone", "TxtPrizeUK", "LuckyLine", "CashCall"])
SLOTS["f8shop_en"] = lambda r: r.choice(["Oak Lane Garage", "Bloom Florists", "Harbour Gym", "Pine Street Pharmacy", "Kettle Cafe"])

ZH_FRAUD = [
    ("impersonate_authority", "喂 您好 这里是{city}市卫健委流调组 我们查到您的身份信息在一起医保骗保案中被使用 现在需要您配合核实 您名下有几张银行卡 每张卡余额多少 这个是保密调查 不能跟家人说"),
    ("impersonate_authority", "您好，我是{city}公安局经侦支队的民警，你的身份证被人冒用开了一张银行卡，涉及一起非法集资案，为了证明你的清白，需要把你名下的资金转到监管账户接受审查。"),
    ("impersonate_customer_service", "您好，我是{payapp}的客服专员，系统显示您开通了学生会员，每月会自动扣费八百元，如果不取消会一直扣并影响征信，我现在教您操作关闭，请先打开您的银行APP。"),
    ("impersonate_customer_service", "亲 我这边是快递理赔中心的 您的包裹在运输途中丢失了 我们这边给您三倍赔偿 您加一下我们理赔专员的微信{wx} 提供一下银行卡号和收到的验证码就能到账"),
    ("fake_loan", "【{f8app}】您申请的贷款{big}元已审批通过，因您的银行流水不足，需要先转入{mid}元验证还款能力，验证后连同贷款一起退还，请尽快处理以免额度失效。"),
    ("fake_loan", "无抵押无担保，黑户白户都能下款，最快十分钟到账，只需提供身份证和银行卡，放款前收取少量手续费，有需要加我微信{wx}"),
    ("rebate_task", "宝子们，新出的兼职只需要给视频点赞截图，一单三块，做满十单还有额外奖励，第三单开始要垫付一点钱做任务，做完本金加佣金一起返，稳得很，想做的私我"),
    ("rebate_task", "您好，我是{f8shop}的运营，现在招一批线上体验官，帮店铺下单好评，垫付的货款和佣金当天返还，第一单先做个{small}元的试试，下载{f8app}接单。"),
    ("fake_investment", "我表哥在证券公司上班，他们有个内部的打新渠道，中签率百分之百，上市当天就能翻倍，名额只给自己人，我帮你留了一个，今天下午三点前要把钱打到他给的账户。"),
    ("fake_investment", "【{f8app}】尊敬的投资者，您已获得本平台养老专项理财资格，年化收益百分之二十四，保本保息，到期一次性返还，退休人员优先，详情请致电{vmobile}。"),
    ("romance_investment", "宝贝你还在忙吗 我跟你说的那个博彩平台我找到漏洞了 今晚九点那一期肯定中 你先注册一下充一万进去 我带你下注 赢了的钱我们拿来付房子首付"),
    ("impersonate_acquaintance", "爸，我是小{sname}，手机掉水里了这是同学的号，学校要交一笔考证培训费三千八，今天是最后一天，你转到我同学这张卡上就行，别打电话了我在上课。"),
    ("impersonate_acquaintance", "{name}，我是你们公司的{leader}，我现在在外面陪客户，有一笔合作款急需支付，你先帮我转五万到对方账户，我回来报销，这事先别在群里说。"),
    ("verification_code", "你好，我是外卖骑手，刚才送餐时不小心把你的手机号填到了我的账号上，系统会给你发一个验证码，麻烦你告诉我一下，不然我这单就要被罚款了"),
    ("malware_app", "【{city}税务】您有一笔{mid}元个人所得税退税待领取，请下载“个税退税助手”{apk}，按提示填写银行卡号和密码即可到账，逾期视为自动放弃。"),
    ("malware_app", "家长您好，学校新上线了家校通平台，以后作业和成绩都在上面发布，请家长点击下载安装，安装时提示有风险请点继续，装好后开启所有权限：{link}"),
    ("prize_lottery", "恭喜您成为{f8shop}周年庆幸运客户，获得{product}一台，因奖品价值较高需先缴纳百分之十的个人所得税，请将税款转入公证处账户后安排发货。"),
    ("fake_job", "我们是{city}一家跨境电商公司，招聘居家打字员，一天工作两小时，月入八千，入职需要先交三百元押金领取工作资料，完成任务后押金退还，有意者加QQ{qq}"),
    ("game_trading", "兄弟，你这个{game}号我出三千收了，不过要在我们的交易平台上交易，你先注册，平台要求卖家交五百元保证金才能提现，交易完成后全额退还。"),
    ("fake_credit_repair", "您好，我们是银行合作的征信服务中心，您的征信有逾期记录会影响买房和孩子上学，我们可以内部渠道帮您消除，成功后再付尾款，先交两千元定金。"),
    ("other", "您好，这里是{city}{f8org}，我们正在为贫困山区学生募集学费，因单位账户在变更，爱心款请转到负责人的私人账户，负责人会统一开具捐赠证明。"),
    ("fake_shopping", "这台二手相机九成新只要八百，我在外地不方便当面交易，你先付全款我就发顺丰，闲鱼上手续费太高我们就不走平台了，直接微信转账给我。"),
]

ZH_BENIGN = [
    "【{carrier}】尊敬的客户，您本月话费账单已生成，消费{bill}元，可通过{carrier}APP或营业厅缴费，感谢您的支持。",
    "【{carrier}】5G升级季：老用户办理升级套餐可享前三个月半价，详情请到就近营业厅咨询或拨打{hotline}。回T退订",
    "【{bank}】您尾号{tail}的信用卡本期账单{bill}元，最后还款日{date}，可通过手机银行还款。如已还款请忽略。",
    "【{bank}】岁末感恩回馈：本月借记卡消费满五笔即可参与抽奖，奖品为米面粮油，中奖后请到开户网点领取，活动不收取任何费用。退订回T",
    "【{bank}】风险提示：凡是自称公检法要求转账到安全账户的都是诈骗，我行工作人员不会向您索要验证码。",
    "【{f8shop}】会员日来啦，本周三全场八八折，积分可抵现金，欢迎到店选购。拒收请回复R",
    "【{f8shop}】恭喜您在双旦抽奖中抽中二等奖，奖品为{f8shop}代金券五十元，已发放到您的会员账户，到店消费时出示会员码即可使用。",
    "【{f8shop}】您在本店预订的蛋糕已做好，请于今天下午五点前到店自取，如需配送请回电。",
    "【{brand}】您的订单已发货，快递单号{order}，可在{brand}APP订单页查看物流。",
    "【{brand}】限时秒杀提醒：您收藏的商品今晚八点开抢，低至五折，打开{brand}APP参与。退订回T",
    "【{hospital}】预约成功：您已预约{date}上午的专家门诊，请携带身份证提前二十分钟到门诊二楼取号。",
    "【{city}人社】您的社保卡已制作完成，请携带身份证到社区服务中心领取，领取后请及时激活金融功能。",
    "【{school}】各位家长：本周五下午举行家长会，请准时到校，不便参加的请提前向班主任请假。",
    "【{estate}物业】停水通知：因管道维修，本周六上午八点到十二点停水，请提前储水，给您带来不便敬请谅解。",
    "【{courier}】您的快递已放入{estate}智能柜，取件码{code6}，请在24小时内取件。",
    "妈，我这周末不回家了，单位加班，下周回去看你们",
    "晚上聚餐改到七点了，地址不变，别迟到哈",
    "你上次推荐的那家店真不错，我今天又去了一次",
    "刚才那个电话说我涉嫌洗钱，我直接挂了，现在骗子真多，你也注意点",
    "你好 我是楼下{f8shop}的 你上周放在我们这修的眼镜好了 有空过来拿一下",
    "老同学聚会定在下个月十五号，群里接龙报名，每人AA",
    "喂 在吗 晚上一起去打羽毛球吗 场地我订好了 八点到十点",
]

EN_FRAUD = [
    ("prize_lottery", "{f8en}: Congratulations! Your number has been selected for a {gbp} cash award. To claim call 09{n3}{n3}{n2} now. {cost}. Opt out: STOP"),
    ("prize_lottery", "You have won a {prize} in our customer survey! Reply WIN to claim, delivery fee {fee} applies. T&Cs apply. Txt STOP to end"),
    ("phishing", "HMRC: You are eligible for a tax refund of {gbp}. Submit your claim before the deadline at {enlink}"),
    ("phishing", "{ukbank}: A new device was added to your account. If this was not you, cancel it immediately at {enlink}"),
    ("phishing", "Your DVLA vehicle tax payment failed. Update your payment details today to avoid a fine: {enlink}"),
    ("impersonate_customer_service", "This is Amazon support. An order of an iPhone for {gbp} was placed on your account. If you did not make it press 1 to speak to an agent"),
    ("impersonate_acquaintance", "Hey it's me, I lost my phone so this is my new number. I'm stuck and need {gbp} for a train ticket, can you send it to my friend's account? Will pay you back tonight"),
    ("verification_code", "Hello, I'm trying to log into my account and the code went to your number by accident. Could you send me the 6 digit code please?"),
    ("fake_investment", "Join our private crypto club: our AI bot makes 5% a day guaranteed. Deposit from $250 and withdraw anytime. WhatsApp our manager to start"),
    ("fake_job", "Hi, I'm a recruiter. We have a remote part-time job rating hotels online, $300 a day. Reply YES and we will add you on WhatsApp"),
    ("romance_investment", "Honey, my uncle showed me a gold trading app that never loses. I put in $5000 and got $8000 back. Let me help you open an account, we can build our future"),
    ("impersonate_authority", "Social Security Administration: your SSN has been suspended due to suspicious activity. Call {usphone} immediately or a warrant will be issued"),
]

EN_BENIGN = [
    "{f8shop_en}: Your car is ready for collection. We're open until 5:30pm today.",
    "{f8shop_en}: Happy birthday {en_first}! Enjoy 20% off anything in store this week, just show this text.",
    "{f8shop_en}: Your prescription is ready to collect. Please bring photo ID.",
    "{enbrand}: Thanks for your order {enorder}. We'll email you when it ships.",
    "{enbrand}: You're in! You've been entered into our summer prize draw. Winners are contacted by email. Reply STOP to opt out.",
    "{ukbank}: Your new card is on its way and should arrive within 5 working days. We'll never text you a link to activate it.",
    "{encourier}: Your parcel {enorder} is out for delivery today between {entime} and 6pm.",
    "Your verification code is {code6}. Don't share it with anyone.",
    "running late, save me a seat",
    "did you see the match last night? unreal",
    "Can you send me the address for Saturday?",
    "Mum says thanks for the flowers, she loved them",
    "The plumber is coming at 10, can you let him in?",
    "Happy new year!! Hope 2027 is a good one for you all",
]


def main():
    write_or_check(
        fresh_split(SEED, ZH_FRAUD, EN_FRAUD, ZH_BENIGN, EN_BENIGN, (2, 3, 4, 3)),
        OUT,
        "fresh8")


if __name__ == "__main__":
    main()
