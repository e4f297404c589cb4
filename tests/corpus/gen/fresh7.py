#!/usr/bin/env python3
"""Generator of the `fresh7/` split: written AFTER the last change of
issue 15's marketing work (app promotions added to `gen/marketing.py`, the
model retrained once more), because `fresh6/` had been measured before that
change. Its OWN templates (none shared with train/, fresh4/ to fresh6/ or
gen/marketing.py), its own fake names and another seed; committed before
any measurement on it. Never train or tune on it.

    python3 tests/corpus/gen/fresh7.py [--check]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from slots import SLOTS  # noqa: E402
from tmpl import fresh_split, write_or_check  # noqa: E402

SEED = 70707
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fresh7")

SLOTS["f7shop"] = lambda r: r.choice(["海棠书屋", "东篱茶舍", "小满面包坊", "云杉户外", "福满楼酒家", "佳音琴行", "绿岛宠物"])
SLOTS["f7app"] = lambda r: r.choice(["鼎信通宝", "易富通", "宏图优选", "聚金汇", "天利宝"])
SLOTS["f7en"] = lambda r: r.choice(["TxtJackpot", "MobiWin", "PrizeDesk", "QuizCash"])
SLOTS["f7shop_en"] = lambda r: r.choice(["Riverside Cinema", "Maple Bakery", "Northgate Dental", "Hilltop Vets", "Corner Wines"])

ZH_FRAUD = [
    ("prize_lottery", "【{f7shop}】尊敬的顾客，您在周年庆抽奖中获得{product}一台，请先支付{small}元包装运输费到本店指定账户，我们收到后立即为您寄出"),
    ("prize_lottery", "恭喜您的手机号码被{city}广播电台选为年度幸运听众，奖金{big}元，领奖须先交纳百分之十五的公证费，联系{title}{vmobile}"),
    ("prize_lottery", "您好，您上月在我司购买的商品参与了回馈抽奖并获得一等奖，请加客服微信{wx}，把您的银行卡号发给客服，奖金直接转到卡上"),
    ("phishing", "【{carrier}】您的号码实名信息不完整，将于24小时内停机，请点击{link}补全身份证与银行卡信息"),
    ("phishing", "【{courier}】您的包裹因地址不详无法派送，请于今日内通过{link}重新填写地址并支付{small}元补发费"),
    ("verification_code", "亲，我是刚才买你闲置的买家，平台要验证你是不是真实卖家，会给你发一条短信，你把里面的数字发给我，我这边就能付款了"),
    ("malware_app", "【{bank}】您的数字证书已过期，请下载新版安全控件完成更新：{apk}，安装时如提示风险请选择信任"),
    ("fake_loan", "【{f7app}】尊敬的用户，您的借款{big}元已到账至平台钱包，因银行卡号有误无法提现，请缴纳{mid}元解冻金后重新提现"),
    ("rebate_task", "在家动动手指就能赚钱！帮商家做关注点赞，每单返佣金，满五单可提现，先充值一百元激活账号，名额有限，加Q{qq}"),
    ("fake_investment", "【{f7app}】内部消息：明日某新能源股将涨停，已有{n3}位会员提前布局，加入VIP群跟单，月收益百分之四十起，咨询微信{wx}"),
    ("impersonate_authority", "你好，这里是{city}市公安局反诈中心，你的银行卡涉嫌为诈骗团伙提供资金转移，我们要对你的账户进行资金核查，请把卡上的钱转到我们提供的安全账户，核查完毕后原路退回"),
    ("impersonate_customer_service", "喂 您好 我是{payapp}客服 您的账户被检测到有违规交易 需要注销 否则会影响征信 您先别挂电话 按照我的提示打开{payapp} 点开屏幕共享 我来帮您操作"),
    ("impersonate_acquaintance", "哥，我是小{sname}，我现在在医院，我妈突然住院要交押金，我这边钱不够，能先借我两万吗，下个月一定还你，我微信钱包被限额了，你直接转我这张卡就行"),
    ("impersonate_acquaintance", "喂 你好 是{name}家长吗 我是孩子的班主任{sname}老师 孩子在学校突发急病 现在在医院抢救 需要马上交手术费 你先把钱转到医院的账户 我把账号发你"),
    ("romance_investment", "亲爱的，我在新加坡做外汇分析，这个平台是我们公司内部的，每天固定收益，我已经帮你注册好了账号，你先充五千进去试试，赚了就提出来，我们一起为以后打算"),
    ("fake_job", "招聘网络刷单员，时间自由，日赚三百到五百，无需经验，上岗前需缴纳两百元会员费开通接单权限，有意者加微信{wx}"),
    ("game_trading", "{game}低价出售稀有皮肤账号，只要两百，需先交一百元押金锁号，押金在交易完成后退还，私聊我QQ{qq}"),
    ("fake_credit_repair", "你好，我们是征信修复中心，专门处理征信逾期、呆账，成功率百分之百，需要先交三千元服务费，修复好以后银行贷款随便批"),
    ("other", "你好，我是你们小区业主群的，最近在组织给生病的邻居捐款，请把钱转到我个人的账户，我统一交给家属，不要在群里说，家属不想让太多人知道"),
    ("fake_shopping", "【{f7shop}】您购买的商品因质检不合格已被拦截，为您办理三倍赔偿，请添加理赔专员QQ{qq}并提供支付宝账号"),
]

ZH_BENIGN = [
    "【{carrier}】尊敬的用户，您已获得本月流量红包{n1}GB，已自动发放至您的账户，登录{carrier}APP可查看使用情况。退订回T",
    "【{carrier}】您好，携手同行十周年，老用户可到营业厅免费领取一份纪念礼品，凭身份证办理，数量有限。回TD退订",
    "【{bank}】尊敬的客户，您参加的“绑卡有礼”活动已达标，{n2}元还款金将于五个工作日内返还至您的信用卡账户，无需任何操作。",
    "【{bank}】开门红理财季：我行多款稳健理财在售，欢迎到网点或登录手机银行了解，理财非存款，产品有风险，投资须谨慎。退订回T",
    "【{bank}】温馨提示：我行不会以任何理由要求您向他人转账或提供验证码，遇到可疑电话请拨打{bankno}核实。",
    "【{f7shop}】感谢您的光临！本月消费满三次即可参加店内抽奖，奖品有新书一本或饮品券，请到收银台登记。拒收请回复R",
    "【{f7shop}】恭喜您在开业抽奖中获得一等奖（价值两百元的代金券），代金券已存入您的会员账户，下次到店可直接使用。",
    "【{f7shop}】您预订的{date}{time}的包间已确认，共{n1}位，如需取消请提前一天致电门店。",
    "【{brand}】您关注的商品降价了，现在下单立减{n2}元，打开{brand}APP查看，库存有限。退订回T",
    "【{brand}】新用户专享：在应用商店搜索“{brand}”下载APP，注册即得{n2}元新人券，券已放入卡包。回T退订",
    "【{brand}】APP新版本已上线，优化了支付体验，请在应用商店更新，官方不会通过短信发送安装包链接。",
    "【{shop}】您的退款{bill}元已原路退回至您的支付账户，请注意查收。",
    "【{estate}物业】各位业主：本周日上午小区广场举办邻里节，有免费理发、义诊和抽奖活动，欢迎参加。",
    "【{company}汽车】尊敬的车主，您的爱车已到首保时间，首保免费，请提前预约，预约电话{landline}。退订回T",
    "【{hospital}】您{date}的检查报告已出，可在医院公众号“报告查询”中查看，或到门诊自助机打印。",
    "【{city}政务】您申请的居住证已办结，请携带身份证到户籍窗口领取。",
    "【{courier}】您的快件已由快递员{title}签收代放至{estate}门卫室，如有疑问请联系快递员。",
    "这周末去{city}玩吗？我看机票打折，三百多",
    "你帮我看看这个理财产品靠谱吗，是银行APP里的，年化三点几",
    "我中了小区的抽奖，一箱苹果，晚上来拿几个",
    "今天发工资了，请你喝奶茶",
    "喂 妈 我到公司了 你别担心 晚上给你打电话 嗯 好 拜拜",
    "你好 我是{f7shop}的 您定的那套书到了 您什么时候方便过来取 好的 周六上午我们都在",
    "刚才银行打电话说我的信用卡额度提了，我在APP里看了确实提了",
    "老公，物业费我交了，一年两千四，收据放抽屉里了",
]

EN_FRAUD = [
    ("prize_lottery", "{f7en}: URGENT, your number won {gbp} in todays draw! Call 09{n3}{n3}{n2} to claim before 10pm. {cost}. STOP to 8{n3}{n1}"),
    ("prize_lottery", "FreeMsg: You've been awarded a {prize}! Text COLLECT to 8{n3}{n1} to arrange delivery. {cost}. 16+. Txt STOP to quit"),
    ("prize_lottery", "Your mobile has won our monthly jackpot of {gbp}. To release funds reply with your full name and bank sort code."),
    ("prize_lottery", "{enbrand} anniversary giveaway: you're our lucky winner of {prize}! Claim it now, only {fee} shipping: {enlink}"),
    ("phishing", "{ukbank}: we have blocked a suspicious transaction. To unblock your card verify your identity here: {enlink}"),
    ("phishing", "Royal Mail: Your parcel could not be delivered. A redelivery fee of {fee} is due. Pay here: {enlink}"),
    ("phishing", "Netflix: your account is on hold because we could not process your payment. Update your details: {enlink}"),
    ("impersonate_acquaintance", "Hi mum, new number, my old phone is broken. Can you help me pay a bill today? I'll send you the details, I can't log into my banking"),
    ("verification_code", "Hi, I sent you a verification code by mistake, can you please send it back to me? It's urgent"),
    ("fake_job", "We are recruiting online reviewers, earn {gbp} per day from home. No experience needed. Message our manager on Telegram to start"),
    ("fake_investment", "I made {usdbig} trading with my mentor last month. She is taking 5 new students this week, want me to introduce you?"),
    ("impersonate_authority", "This is the Police Fraud Unit. Your bank account has been used in a crime. To protect your money transfer it to the safe account we give you and tell no one."),
]

EN_BENIGN = [
    "{f7shop_en}: Tuesday deal - 2 tickets for £10 all day. Book in our app. Reply STOP to opt out.",
    "{f7shop_en}: Well done {en_first}, you won our loyalty draw! Your £10 credit is already on your account for your next visit.",
    "{f7shop_en}: Reminder of your appointment on {endate} at {entime}. Reply YES to confirm or call us to rearrange.",
    "{enbrand}: Your refund of {gbp}.{n2} has been processed and will reach your card in 3-5 days.",
    "{enbrand}: Download our app from the App Store or Google Play and get 10% off your first order. Reply STOP to unsubscribe.",
    "{ukbank}: We will never ask you to move money to a safe account. If someone does, hang up and call us.",
    "{enbrand}: Your points have been added to your account. You now have {n3} points.",
    "see you at 7 outside the station",
    "won the pub quiz!! first time ever lol",
    "Can you lend me a tenner till Friday? will pay you back at work",
    "Dad's birthday dinner is Sunday at 6, can you bring dessert",
    "The package you ordered came, I put it in the shed",
    "{encourier}: Your parcel {enorder} will be delivered {day}. Manage your delivery in the {encourier} app.",
    "Your table at {f7shop_en} is confirmed for {day} at {entime}.",
]


def main():
    write_or_check(
        fresh_split(SEED, ZH_FRAUD, EN_FRAUD, ZH_BENIGN, EN_BENIGN, (2, 3, 4, 3)),
        OUT,
        "fresh7")


if __name__ == "__main__":
    main()
