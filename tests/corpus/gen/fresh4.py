#!/usr/bin/env python3
"""Generator of the `fresh4/` split: a first-measurement set for the message
model, written with its OWN templates (none shared with the `train/`
templates in fraud_zh/benign_zh/fraud_en/benign_en), its own fake
platform names, and another seed. The model trainer must not read it.

    python3 tests/corpus/gen/fresh4.py [--check]
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shapes import chat, transcript  # noqa: E402
from slots import SLOTS  # noqa: E402
from tmpl import dedupe, fill, jsonl, write_or_check  # noqa: E402

SEED = 4004
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fresh4")

# fake platform / app names not used by the training templates
SLOTS["f4app"] = lambda r: r.choice(["汇利宝", "金鼎优选", "星耀财富", "融信通", "聚宝盆Pro", "宏图汇", "亿联淘金", "安信宝"])
SLOTS["f4enapp"] = lambda r: r.choice(["CoinNexa", "TradeSphere", "BitVaultX", "Apex Yield", "NovaMint", "ZenTrade"])

ZH_FRAUD = [
    ("impersonate_authority", "你好，这里是{city}市公安局反洗钱中心。我们在一个洗钱团伙的账本里查到了你的名字和一张{bank}的卡，案子还在侦办，现在要求你本人配合做一个资产清查。你先不要声张，也不要去派出所问，派出所的人不了解案情。你把卡里的存款先转到我们监管的账户，清查结束后系统会自动退回。"),
    ("impersonate_authority", "喂 是{name}吗 我们是{city}卫健委的 系统显示你的医保卡在外地开了大量的精神类药品 这个性质很严重 现在需要把你的情况移交给警方 嗯 你先别挂 我帮你转接{city}警方 你跟民警说清楚"),
    ("impersonate_authority", "【重要】{name}：你名下的手机号在{date}被用于发送诈骗短信，{city}通信管理局将在两小时后停用你名下全部号码，如有异议请按9转人工核实。"),
    ("impersonate_authority", "我是{city}检察院的{sname}检察官，你涉嫌的这个案子已经立案了，按程序要冻结你的资产。考虑到你配合，可以给你申请非冻结资格，但是需要你先把资金放进清查账户做公证，这个事情要保密，跟家人也不能讲。"),
    ("impersonate_authority", "对方：您好 国家移民管理局 您的护照涉嫌在境外参与违法活动\n我：我没出过国啊\n对方：那就是有人冒用您的身份 您需要配合我们做个笔录\n对方：您下载一下我们内部的视频软件 找个没人的房间"),
    ("impersonate_customer_service", "{name}您好，我这边是{shop}的售后，您在{date}买的{product}，厂家那边检测出来有质量问题，我们主动给您做退款，退款走的是快捷理赔通道，需要您在{payapp}里打开一个备用金，把额度借出来做个验证，验证完钱会连同退款一起返给您。"),
    ("impersonate_customer_service", "喂您好 这里是{payapp}客服中心 您在大学期间开通过一个学生分期 现在国家不允许学生贷款了 需要把您的账户注销 不注销的话会影响您的征信 以后买房买车都贷不了款 您现在方便操作吗"),
    ("impersonate_customer_service", "您好，您在抖音开通了百万保障服务，试用期已结束，今天开始每个月要扣800元，关闭需要您配合我们做一笔测试转账，确认是您本人的账户后才能关闭。"),
    ("impersonate_customer_service", "[{shop}客服] 亲，您的订单因仓库系统升级丢失，我们按规定给您三倍赔偿，赔偿款{mid}元。\n[我] 好的，怎么领？\n[{shop}客服] 您加一下我们的理赔专员，她会发给您一个二维码，扫码按步骤填一下银行卡和余额就行。"),
    ("impersonate_customer_service", "尊敬的用户，您的航班{city}—{city2}因飞机故障已取消，请勿前往机场，可获得延误补偿300元，办理改签退票请致电航空公司客服{fphone}。"),
    ("fake_loan", "你好，我是{company}金融的信贷专员，你上次在网上留的贷款信息我们看到了。你的情况可以做{big}，三年分期，不过你的流水有点少，放款前需要往你自己的卡里存入{mid}做个流水验资，存完截图发我，我帮你走绿色通道。"),
    ("fake_loan", "[贷款助理] 您的{big}已经审批下来了\n[我] 那怎么还没到账\n[贷款助理] 您填写的收款账户姓名多了一个空格，资金被系统锁定了，财务说需要交{pct}%的解冻金才能重新打款，这笔钱打款时一起退给您"),
    ("fake_loan", "{f4app}借款：凭身份证即可借{big}，无需面签，今日申请送免息券，下载地址{apk}，审核通过后需支付会员费方可放款。"),
    ("fake_investment", "大家好，我是{f4app}的投资顾问{title}。今天直播间给大家讲一个机会：某医药股下周一有重大利好，机构已经在底部吸筹，我们VIP通道可以提前建仓，目标收益百分之五十，想上车的私信我拿通道。"),
    ("fake_investment", "我跟你说，我表姐在{f4app}上面做黄金，每天收益两三个点，我投了两万，一个礼拜就赚了三千多，已经提现出来了，你要不要也试试，我把注册码发你。"),
    ("fake_investment", "【{f4app}】尊敬的会员：平台年终回馈，本周入金满{big}赠送{pct}%体验金，盈利可提，名额仅剩{n2}个，立即联系您的专属顾问。"),
    ("fake_investment", "A:今天这个票老师让进的 又是一个板 群里好几个人翻倍了 B:我也想进 但是我证券账户打不了新 A:要用老师那边的机构账户 下载{f4app} 入金一万起 B:那我先入一万试试"),
    ("romance_investment", "在吗亲爱的，我这边刚下班。今天又在{f4app}赚了一笔，我舅舅说这个月是最后的窗口期。你那边存款有多少？我们一起做，年底就能付首付了，我不会害你的。"),
    ("romance_investment", "我们在交友软件上认识三个月了，你是我最信任的人。我在马来西亚做跨境电商，最近发现一个博彩网站的后台漏洞，我有内部人员，只要按我说的下注就一定赢，你先充五千试试看。"),
    ("romance_investment", "{name2}：宝，平台说我们的账户涉嫌洗钱被风控了，要交百分之二十的保证金才能解冻，我这边的钱都在里面出不来，你先帮我想想办法好不好，等出来了我们就见面"),
    ("rebate_task", "【{f4app}】恭喜您获得新人任务资格，完成三笔商品助力即可领取佣金，第一笔{small}元即时返还，后续任务需连续完成，中途退出不予结算。"),
    ("rebate_task", "导师：今天的福利任务开始了，每人先做三个免费任务，然后接垫付单，垫付{mid}返{mid2}\n我：我刚才垫付了，怎么说我卡单了\n导师：你操作慢了系统判定违规，需要再做一组三联单才能把钱一起提出来"),
    ("rebate_task", "姐妹们，在家带娃也能赚零花钱，给直播间点赞截图就行，一个三块，一天做一百个没问题，还有团队长带，想做的私我拉群，不收任何费用哦。"),
    ("rebate_task", "你好，我们是一家MCN公司，帮合作的博主做数据，需要一批兼职给视频点赞评论，一条五元，做完截图发我结算，有兴趣的话加一下我们的任务接待员。"),
    ("fake_job", "{name}你好，我是{company}的招聘专员，你投的岗位我们这边通过了，入职前统一做线上培训，培训资料费和工牌费一共{small}元，今天交了明天就能安排上岗。"),
    ("fake_job", "高薪急聘：泰国电商客服，月薪三万起，包吃住包机票，会打字就行，年龄十八到三十五，先到云南集合统一出境，名额有限。"),
    ("fake_job", "招聘工作人员：用你的银行卡帮公司走账，一天两个小时，每走一万给你三百，卡在你自己手里，安全放心。"),
    ("prize_lottery", "【{brand}】您好，您的手机号码在我司{year}年度客户回馈活动中被抽为三等奖，奖品为{product}一台，因奖品价值较高，需您先行承担个人偶然所得税{small}元，缴纳后三个工作日内寄出。"),
    ("prize_lottery", "恭喜你！你是我们直播间今晚的锦鲤，获得免单{mid}元，联系主播小助手领取，领取时需要先付一笔订单，平台会连同奖金一起退给你。"),
    ("prize_lottery", "[节目组] 您好，您好运爆棚！您参与的《{brand}大冲关》场外竞猜被系统抽中二等奖，奖金{big}元及笔记本电脑一台。请保存好领奖码{code4}并于今天内登录领奖页{link}。"),
    ("verification_code", "哥你在吗，我是楼下的小{sname}，刚刚我在注册一个东西手机号填错成你的了，你会收到一条六位数的短信，你看一下告诉我一声，谢谢哥。"),
    ("verification_code", "您好，您在我们平台的保证金可以退了，退款需要您本人确认，系统刚刚给您发了一个确认码，您念一下给我，我这边马上给您打款。"),
    ("verification_code", "喂你好 我是联通的 你的卡要升级5G了 不升级下个月就停了 我这边给你发个码 你收到告诉我就行 嗯对 六位数那个"),
    ("phishing", "【{city}社保局】您的社会保障卡将于本月底注销，请在三日内通过链接{link}补录身份信息，逾期不补视同放弃。"),
    ("phishing", "[交管12123]您名下车辆有1起违法记录待处理，罚款{small}元，为避免产生滞纳金，请及时登录 {link} 处理。"),
    ("phishing", "{courier}温馨提醒：您的快件因收件地址不详滞留在分拣中心，请于今日18点前登录{link}重新填写，否则将退回寄件人。"),
    ("phishing", "【{bank}】您的账户积分{n3}{n3}即将过期，可兑换等值现金，请访问{link}登录网银兑换，兑换后当日到账。"),
    ("malware_app", "您好，您的理赔需要通过专用的安全理赔平台办理，我发您一个链接{apk}，下载安装后用手机号登录，按照页面提示操作，期间打开屏幕共享方便我看着您操作。"),
    ("malware_app", "孩子们的期末成绩已经出来了，请家长点击下载“成长档案”查看：{apk}"),
    ("malware_app", "A 您好 为了您的资金安全 需要您安装一个反诈保护软件 B 哪个软件 A 我把安装包发您 安卓手机直接点安装 提示有风险就点继续安装 然后把所有权限都打开"),
    ("impersonate_acquaintance", "老同学，我是{name}啊，听出来了吗？我现在在{city}跟人合伙开店，有个供货商急着要货款，我这卡限额了，你先帮我转{mid}给他，明天一早我就还你。"),
    ("impersonate_acquaintance", "{leader}：小{sname}，我现在在开会不方便接电话。有个领导的亲戚着急用钱，我不方便出面，你先从你那里转{mid}给他，回头我给你，这事不要对外说。"),
    ("impersonate_acquaintance", "妈我是你儿子 手机掉了用同学的号 我在学校打篮球把人眼镜撞坏了 人家要赔两千 你别给老师打电话 直接转到这个同学的卡上"),
    ("game_trading", "你这个{game}号我要了，咱们走交易平台安全，你去这个网址{link}注册一下卖家账号，我这边已经付了款，你那边要先交保证金才能提现。"),
    ("game_trading", "兄弟 你发的{game}装备我看了 价格可以 我这边是通过{f4app}交易 你登录以后会显示资金冻结 需要你充值一笔解冻 解冻后连本带款一起到你账上"),
    ("fake_credit_repair", "您好，我们是专门做征信修复的，您之前网贷逾期的记录我们可以通过内部关系在两周内删除，先付一半定金{mid}，修复完成后再付尾款。"),
    ("fake_credit_repair", "喂 你好 我是银保监会的 你大学期间在{loanapp}注册过账户 现在要清理不合规的学生账户 你需要把里面的额度借出来转到我们的监管账户 然后系统会把额度清零 否则影响征信"),
    ("fake_shopping", "出几张周杰伦{city}站的内场票，原价出，不加价，因为临时去不了了。只走微信转账，转完发电子票给你，要的速度。"),
    ("fake_shopping", "【清仓】品牌工厂倒闭，{product}全部一折处理，仅限今天，添加老板微信{wx}下单，只收定金，货到付尾款。"),
    ("other", "你好，我们是{city}慈善总会的，你家孩子符合今年的助学金条件，能领三千元，现在需要先交一百五十元的手续费和资料费，交完就可以把助学金打到你卡上。"),
    ("impersonate_authority", "{name}你好，我是{city}刑警大队的，你的银行卡被一个诈骗团伙拿去转移了{big}元赃款，你现在已经被列为嫌疑人，想证明清白就要配合我们做资金比对，把你所有卡上的钱集中到一张卡上，我们远程核对。"),
    ("impersonate_authority", "喂 您好 这边是{city}疾控 您{date}是不是在{city2}的一家超市待过 那边出现了一个阳性 需要您配合做一个流调登记 您先把身份证号和名下银行卡报一下 我们这边需要核实您的身份"),
    ("impersonate_customer_service", "{shop}官方客服提醒您：您的账户被检测为商家代理，每月将扣除年费{mid}元，如非本人开通，请在今天下午五点前联系人工客服解除，超时将自动扣费并上报征信。"),
    ("impersonate_customer_service", "客服：您好，我们帮您申请了理赔，但是您的{payapp}信用分不够，钱打不进去\n我：那怎么办\n客服：您先在京东金条和借呗里借一笔出来，提高一下流水，信用分上来以后钱就能到账，借的钱我们会帮您还掉"),
    ("fake_loan", "您好，这里是{f4app}贷款服务中心，您的借款合同已生成，但由于您的征信分较低，需要您先缴纳一笔{mid}元的履约保证金，到账后保证金随借款一起返还给您。"),
    ("fake_investment", "老铁们，新出的{f4app}数字藏品今晚八点首发，一级市场原价买入，二级市场至少翻三倍，我已经拿到白名单了，想要的私信我带你，限量五百份。"),
    ("rebate_task", "叮咚！您已被选为{f4app}推广大使，每天完成五个关注任务领取{n2}元，邀请好友还有额外提成，第一次提现需先激活账户，激活费{small}元。"),
    ("prize_lottery", "尊敬的{carrier}用户，恭喜您获得本月“幸运星”称号，可免费领取{product}一部，仅需支付物流费{small}元，请在收到快递员电话后配合支付。"),
    ("verification_code", "宝，我微信被冻结了，需要一个好友帮我验证一下，你手机会收到一条验证码，截个图发我好吗？"),
    ("phishing", "【{payapp}】您的账户因长时间未进行身份核验，已被限制收付款功能，请在24小时内访问{link}完成人脸核验，逾期账户将被永久冻结。"),
    ("malware_app", "您好，我是{bank}的客户经理，为了给您升级成VIP账户，需要您下载我们的“{bank}尊享版”APP，链接{apk}，安装后我远程帮您设置。"),
    ("impersonate_acquaintance", "[{leader}] 明天上午来我办公室一趟\n[我] 好的领导\n[{leader}] 现在有个事，一个合作单位的保证金需要今天交，我不方便出面，你先帮我垫一下{mid}，转到对方财务的账户，明天报销给你"),
    ("fake_job", "【{company}】恭喜您通过线上面试，岗位为居家客服，入职需要办理健康证和员工卡，费用共计{small}元，请于今日转账至人事专员账户，款到即安排培训。"),
    ("fake_shopping", "家人们，{product}厂家内部员工价，比官网便宜一半，只接受私下转账，收到款三天内发货，需要的抓紧，数量不多了。"),
    ("other", "你好，你在{city}的房子被列入旧改拆迁范围，补偿款{big}元，需要先缴纳评估费和公证费{mid}元，才能进入补偿名单。"),
    ("game_trading", "你好，你在游戏里挂的这套装备我很想要，咱们去一个第三方平台交易比较安全，你在上面注册后平台会提示你缴纳卖家保证金，交完就能收到我的款了。"),
    ("other", "老人家，我们这个讲座免费送鸡蛋，听完课还有机会免费领取价值五千元的理疗仪，只需要交一点押金，名额有限。"),
]

EN_FRAUD = [
    ("prize_lottery", "Dear {en_first}, your number was drawn in our monthly customer prize draw! You have won {prize}. To arrange delivery text YES to {short} ({cost}). Offer ends midnight."),
    ("prize_lottery", "WIN a trip for 2 to the Bahamas! Answer one easy question: what is the capital of France? TXT your answer to {short} now. {cost} per msg, 16+. Stop? Txt STOP"),
    ("prize_lottery", "Your mobile number has won the National Mobile Lottery. Prize {gbp},000. For claims call our agent on {prem} quoting ref {ref}. Calls {cost}."),
    ("prize_lottery", "U have a secret admirer who is looking 2 make contact with U-find out who they R*reveal who thinks UR so special-call on {prem} {cost}"),
    ("prize_lottery", "Free ringtone waiting to be collected. Simply text the password MIX to {short} to verify. Get Usher and Britney. FML, PO Box {n3}, {pcode}, {cost}"),
    ("phishing", "Action required: the direct debit for your council tax could not be processed. To keep your account in good standing, confirm your bank details by {endate}: {enlink}"),
    ("phishing", "Your {enbrand} order has been put on hold because the billing address did not match. Update it in 12h or the order is cancelled: {enlink}"),
    ("phishing", "NOTICE: your Medicare card is expiring. To get a new one mailed at no cost, confirm your details at {enlink}"),
    ("phishing", "Toll Services: A toll invoice of {fee} is unpaid on your vehicle. Pay within 24 hrs to avoid DMV penalties. {enlink} (Reply Y then reopen this message to activate the link)"),
    ("phishing", "{ukbank}: We've blocked a payment of {gbp}.00 to a new payee. If you did not make this request, cancel it at {enlink} now."),
    ("phishing", "Your cloud storage is full. Your photos and videos will be deleted on {endate}. Get 50GB free as a loyal customer: {enlink}"),
    ("impersonate_acquaintance", "hi mom this is my new number, save it. can u do me a massive favour, I need to pay a bill today and my card isnt working, its {gbp}, i'll send u the details"),
    ("impersonate_customer_service", "Hello, this is the billing team at {enbrand}. A charge of {usd}.99 for an annual plan will go out today. If you want to cancel and get a refund, reply with your full name and call us."),
    ("impersonate_customer_service", "Agent: hi this is support from your internet provider we've detected a virus sending data from your router\nMe: oh really\nAgent: yes sir I need you to go to your computer and install the remote tool so our engineer can remove it\nAgent: then we'll refund the {usd} protection fee to your bank account"),
    ("impersonate_authority", "This is the final notice from the Department of Taxation. A warrant is out for your arrest due to tax evasion. Call {usphone} immediately to resolve this before officers are sent to your address."),
    ("impersonate_authority", "hello this is officer {en_last} from the fraud squad we have arrested a man using your card and we need you to withdraw your cash and hand it to our courier for evidence dont tell the bank staff they may be involved"),
    ("rebate_task", "Hi! I'm {en_first}, recruiter at a digital marketing firm. We pay 120-500 USD daily for simple app-rating tasks, 30 mins a day. Training provided. Can I tell you more?"),
    ("rebate_task", "Your work account shows 3 combination tasks. To continue, recharge {usd} USDT. Your commission and deposit will be returned together after you finish the set."),
    ("fake_investment", "I'm a senior analyst at {f4enapp}. Our quantitative strategy made 37% this quarter. Deposit a minimum of {usd} and watch your balance grow daily. Withdraw any time. Link: {enlink}"),
    ("romance_investment", "Good morning my love ❤️ I checked the market, the gold contract is perfect today. Put in what you can on {f4enapp}, I already put mine. We'll be together soon, I promise."),
    ("romance_investment", "hey stranger, sorry wrong number, I was trying to reach my yoga teacher 😅 but you have a nice profile pic. I'm {en_first}, I work in wine trading in Hong Kong, do you mind if we chat?"),
    ("fake_loan", "Good news! Your loan of {usdbig} is approved. To release the funds a refundable security deposit of {usd} is needed. Pay by gift card and send the codes to your loan officer."),
    ("fake_job", "Hello, we are hiring a Remote Payment Agent. You receive customer payments into your account and forward them minus 10% commission. No experience needed."),
    ("verification_code", "Hey, sorry to bother, I'm setting up my account and accidentally put your number. You'll receive a 6 digit code from Google, could you send it to me? Thanks so much!"),
    ("malware_app", "Someone shared a private photo album with you. Install the viewer to see it: {enlink}/album.apk"),
    ("fake_shopping", "Hi, saw your ad, the sofa is mine if you pay through this secure delivery site, my courier will pick it up: {enlink}"),
    ("game_trading", "yo I can sell u 10k vbucks for 20 bucks, send it on paypal friends and family first then I'll gift them to your account"),
    ("prize_lottery", "Congratulations! You've been chosen to receive a {enbrand} reward worth {usd}. Complete the 30-second survey and pay {fee} shipping to claim: {enlink}"),
    ("prize_lottery", "Bored? Chat to hot local girls now! Call {prem} only {cost}. 18+. To opt out send STOP"),
    ("prize_lottery", "Reply with your name and address and YOU WILL RECEIVE BY POST a weeks completely free accommodation at various global locations. www.{ref}.com"),
    ("phishing", "Your Apple Pay has been suspended due to a failed verification. Restore access now: {enlink}"),
    ("phishing", "HMRC: We have identified an overpayment. You are owed {gbp}.20. Submit your claim before {endate}: {enlink}"),
    ("phishing", "ATTENTION: Your package delivery has been rescheduled due to an unpaid duty of {fee}. Settle it here to avoid return: {enlink}"),
    ("impersonate_acquaintance", "Hello grandma it's me, please don't tell dad but I had an accident and I'm at the police station, I need money for bail, my lawyer Mr {en_last} will call you"),
    ("impersonate_authority", "Your National Insurance number has been compromised and used in criminal activity. Press 1 to speak to an investigating officer now or a warrant will be issued."),
    ("rebate_task", "Hi, this is {en_first} from TalentLink. Our client pays 50-100 USD/hr for remote product review work, paid daily. Reply if interested and I'll send details via WhatsApp."),
    ("fake_investment", "Exclusive: invest {usd} in our AI arbitrage bot and earn passive income of 3% every day. 12,000 members are already earning. Join {enlink}"),
    ("verification_code", "Hi this is Sarah from the {enbrand} fraud team. To stop the suspicious transaction please read me the 6-digit code we just sent you."),
    ("fake_loan", "Need cash fast? Borrow up to {gbpbig} today, no credit checks, even with CCJs. Just pay the £49 admin fee to get started: {enlink}"),
    ("other", "I know your password and I have a recording of you. Transfer 1500 USD in Bitcoin to the wallet below within 48 hours or I will share it with your contacts."),
]

ZH_BENIGN = [
    "【{bank}】您好，您尾号{tail}的借记卡于{date}{time}通过{payapp}消费{bill}元，如有疑问请致电{bankno}。",
    "【{bank}】尊敬的客户，我行信用卡推出“周末加油满200减30”活动，每月限享2次，详情请关注{bank}信用卡官方公众号。拒收请回复R",
    "【{bank}】您好，您的存单将于{date}到期，到期后将自动转存一年，如需支取请携带身份证到网点办理。",
    "【{carrier}】尊敬的客户，您当前套餐内语音剩余{n2}分钟，流量剩余{n1}.{n2}GB，本月已消费{bill}元。",
    "【{carrier}】老客户专享：加{n1}元/月可升级至200M宽带，再送两年视频会员，回复“升级”即可办理，退订回T",
    "【{brand}】会员您好，店庆三周年，{date}起至店消费满199元即可参加抽奖，一等奖为{product}，奖品现场发放，不收取任何费用。退订回T",
    "【{shop}】您关注的店铺上新了，新品首发八折，关注店铺再领10元无门槛券，点击 {olink} 查看。回TD退订",
    "【{brand}】您的外卖订单已被骑手接单，预计{time}送达，如需联系骑手可在订单页拨打隐私号。",
    "【{courier}】您好，您的快递因天气原因延误，预计晚一天送达，给您带来不便敬请谅解。",
    "【菜鸟】您的包裹已到{estate}东门驿站，凭{pickup}取件，今日营业至21:00。",
    "【{city}医保】您好，您{year}年度医保个人账户已划入{bill}元，可在定点药店使用。",
    "【{hospital}】{name}，您明天上午{time}的胃镜检查请空腹，检查前8小时禁食禁水，请按时到达。",
    "【{school}】各位家长，因天气原因明天停课一天，请家长安排好孩子在家学习，注意安全。",
    "【{city}税务】温馨提示：您本年度的个人所得税年度汇算已办理完成，退税{bill}元将退至您填写的银行账户，请注意查收。",
    "【{district}派出所】提醒您：近期有冒充快递理赔的诈骗，客服不会要求您开通借贷或转账，遇到可疑情况请拨打110或96110。",
    "【{brand}】验证码{code6}，您正在修改登录密码，如非本人操作请忽略，请勿将验证码告诉任何人。",
    "【{payapp}】您的收款码今日收款{bill}元，共{n2}笔，详情请在账单中查看。",
    "【{company}地产】您好，{estate}三期今日开盘，首付分期，买房送车位使用权，到访即送一桶油，地址{city}{road}，电话{landline}，回T退订",
    "【{company}4S店】尊敬的车主，您的爱车已行驶约一万公里，建议进行常规保养，本月到店工时费八折，预约电话{landline}。",
    "【{school2}培训】秋季钢琴、美术、围棋课程招生中，试听免费，报名满两期送教材，咨询{mobile}。退订回N",
    "【{brand}】亲爱的用户，您有一张{n2}元打车券即将过期，打开{brand}APP即可使用，祝您出行愉快。",
    "【12306】您的候补订单已兑现，{date}{city}-{city2}车次已出票，请按时乘车。",
    "【{city}公积金】您的公积金账户{date}汇缴{bill}元，当前余额{money}元。",
    "【{carrier}】您本月积分可兑换视频会员月卡一张，登录{carrier}APP“积分商城”兑换，积分年底清零。",
    "【{bank}】{name}您好，您申请的个人消费贷款{big}元已发放至尾号{tail}账户，首期还款日{date}，可在手机银行查看还款计划。",
    "【{bank}】尊敬的客户，为保障您的资金安全，您的手机银行已开启登录保护，如需关闭请携带身份证至网点办理。",
    "【{brand}】亲爱的会员，您的年度账单已生成，今年您共节省了{bill}元，打开APP查看。回T退订",
    "【{carrier}】尊敬的客户，您的号码本月已产生国际漫游费用{bill}元，如有疑问请拨打{carrierno}。",
    "【{city}交警】您的机动车驾驶证将于{date}到期，请在到期前九十日内办理换证，可通过交管12123APP办理。",
    "【{city}人社】您的社保卡已制作完成，请携带身份证到{district}社保服务中心领取。",
    "【{hospital}】{name}您好，您的核磁共振预约在{date}{time}，请提前半小时到影像科登记，去除身上金属物品。",
    "【{school}】各位家长：学校从不通过班级群向家长收费，如有人以老师名义收取资料费请立即联系班主任核实。",
    "【{courier}】您寄往{city}的快件已被签收，感谢您使用{courier}。",
    "【{shop}】您申请的价保已成功，差价{bill}元已退回您的支付账户。",
    "【{brand}】亲，你在我们店铺参加的晒单抽奖活动已开奖，很遗憾本次未中奖，送您一张5元券作为安慰，下次再来哦。退订回T",
    "【{brand}】本周六下午两点，{estate}会所举办业主亲子手工活动，免费参加，报名请联系管家。",
    "【{company}保险】{name}您好，您的车险将于{date}到期，续保可享{n1}折优惠，专属顾问{title}{mobile}，如已续保请忽略。",
    "【{city}电信】您好，{road}片区将于{date}凌晨进行光缆割接，期间宽带可能中断约两小时，敬请谅解。",
    "老公，物业费我交了，一年{mid}，发票放抽屉里了。",
    "{name}，你上次垫的聚餐钱多少？我转你。",
    "今天去银行办业务，柜员问我是不是在给陌生人转账，还挺负责的。",
    "奶奶说你寄回来的东西收到了，让你别乱花钱。",
    "我们单位今天组织反诈培训，说凡是让你下载会议软件共享屏幕的都是骗子。",
    "明天几点去驾校练车？我请了半天假。",
    "对方：喂 师傅 我在小区门口了 你在几号楼\n我：三号楼二单元 你到门口打电话我下来",
    "客服：您好，您反馈的商品破损问题我们已经核实，给您补发一件，原件不用寄回\n我：好的谢谢",
    "喂 你好 这边是{brand}门店 您订的蛋糕做好了 您今天下午过来取吧 好的 我五点左右到",
    "兄弟，今天中奖了，公司年会抽了个二等奖，一台{product}，晚上请你吃饭。",
    "【{city}公安】反诈小课堂：刷单就是诈骗，凡是要求先垫付的兼职都是骗局，守好钱袋子。",
    "妈，我到公司了，晚上加班不回去吃饭了，你们先吃。",
    "老{sname}，周末钓鱼去不去？我借了我舅的车，早上六点出发。",
    "你那个快递我帮你拿了，放我家了，回来找我拿。",
    "房租我转给房东了，你的那一半{mid}转我就行，不急。",
    "今天派出所的人来小区做反诈宣传，送了个环保袋，还让装了个国家反诈中心APP。",
    "爸，你手机上那个验证码别告诉任何人啊，银行不会打电话要验证码的。",
    "我刚刚在{bank}APP上提前还了一部分房贷，利息能省不少。",
    "宝宝今天在幼儿园表现很好，老师发了小红花{emoji}",
    "{name}，下午三点的会改到四点了，会议室不变，你通知一下其他人。",
    "王哥，上次你说的那个贷款中介靠谱吗？我想做个经营贷，还是直接去银行问吧。",
    "我今天在商场抽奖抽到一个电饭煲，哈哈，手气不错。",
    "刚被一个骗子打电话，说我快递丢了要赔我钱，我直接挂了，还举报了这个号码。",
    "喂 妈 我刚下飞机 嗯 打车回去 不用来接 好 晚上见",
    "喂你好 我是物业的 你家楼上漏水 可能渗到你家了 你今天什么时候在家 我们上门看一下 嗯 好的 下午三点",
    "客户：你好我想问一下信用卡分期的手续费怎么算\n客服：您好，分十二期的话每期费率是百分之零点六，可以在APP上直接申请\n客户：好的谢谢",
    "A：哥，借我五百，下周发工资还你\nB：行，转你了\nA：收到，谢了",
    "同事：领导让你把这个月的报销单交一下，财务周五统一打款\n我：好的，今天下班前交",
    "【{school}】家长您好，本周五为家长开放日，欢迎您到校参观，请提前在班级群接龙报名。",
    "【{city}地铁】{date}起{n1}号线延长运营至23:30，请乘客合理安排出行。",
    "【{brand}】您购买的电影票：{date}{time} {n1}号厅{n2}排{n1}座，取票码{code6}。",
    "【{game}】您的账号于{date}在新设备登录，如非本人操作请及时修改密码。",
    "【{carrier}】您好，根据工信部要求，请您携带身份证到营业厅办理实名信息复核，复核不收取任何费用。",
    "【{shop}】您的订单已签收，对商品满意吗？给个评价可得{n2}积分哦~ 退订回T",
    "【{company}】{name}您好，您的面试已安排在{date}下午两点，地址{city}{road}{n2}号{n1}楼，联系人{title}。",
    "【{bank}】您的信用卡本期账单已出，可在APP申请账单分期，分期手续费以页面展示为准。本行不会通过短信链接要求您提供卡号密码。",
    "【{brand}】{name}您好，您预约的{date}汽车年检已确认，请携带行驶证和保单原件按时到站。",
]

EN_BENIGN = [
    "Hi {en_first}, your table for 4 at {enbrand} is booked for {day} at {entime}. Reply CANCEL if you can't make it.",
    "{ukbank}: You've received {gbp}.00 from {en_first} {en_last}. Reference: rent.",
    "Your {enbrand} password was changed. If this was you, no action is needed.",
    "Reminder from {encity} Vets: {en_first2}'s booster vaccine is due this month. Call us to book.",
    "Your Tesco delivery is booked for {day} between {entime} and {entime2}. Your driver will text when nearby.",
    "Thanks for voting! Your polling station is {encity} Community Hall, open 7am-10pm.",
    "{encourier}: Your parcel will be delivered to your Parcel Locker at {street}. We'll text a collection code.",
    "{code6} is your login code for {enbrand}. We will never call you to ask for it.",
    "Summer sale now on at {enbrand}! Up to 50% off garden furniture. T&Cs apply. Text STOP to 6{n3}{n1} to opt out",
    "We're giving away 10 hampers to loyal customers this month - you're automatically entered with every order. Good luck! {enbrand}. Reply STOP to opt out",
    "Hi it's {en_first} from school, can you bring the cake tins back tomorrow? Thanks x",
    "Just got to the hotel, room is lovely. Will call you after dinner",
    "Can you transfer me £20 for the taxi? I paid for both of us",
    "Nah I'm ok thanks, ill see u at the party then",
    "Lol yeah that was so funny, still laughing",
    "Are we still on for coffee Saturday? 11ish?",
    "The kids are asleep, finally! Fancy a film?",
    "Your prescription is ready to collect from {enbrand} pharmacy, {street}.",
    "Your MOT is due on {endate}. Book online or call us on {usphone}.",
    "Water outage planned on {street} {day} 9am-3pm for repairs. Sorry for any inconvenience.",
    "Congrats on the new job!! So proud of you 🎉",
    "Mum says happy birthday and check your bank account ;)",
    "Got a text saying I won a prize, obvious scam, deleted it",
    "Meeting notes are in the shared drive, let me know if anything's missing",
    "The plumber is coming Thurs between 8 and 12, can you be home?",
    "Your {enbrand} bill of {usd}.{n2} has been paid. Thank you.",
    "{ukbank}: Your new card ending {tail} has been dispatched and should arrive in 3-5 working days.",
    "Your Uber is arriving now. Look for the grey Toyota Prius.",
    "You've earned a free coffee! Show this message at any {enbrand} store before {endate}. Reply STOP to opt out",
    "Thanks for shopping with {enbrand}. Tell us how we did and you could win a {gbp} gift card. Survey: {enbrandlink}/survey. Reply STOP to opt out",
    "Hey! Just checking you got home safe last night x",
    "can u grab some paracetamol on the way back pls",
    "Traffic is terrible, I'll be there in 20",
    "Your vaccination appointment: {endate} at {entime}, {encity} Health Centre. Reply N if you cannot attend.",
    "Mum: Did you call your grandmother?\nMe: Yes this morning\nMum: Good",
    "Reminder: football training is cancelled tonight due to the weather.",
    "Your electricity bill of {gbp}.{n2} will be collected by Direct Debit on {endate}.",
    "{en_first}, the landlord said the boiler engineer is coming Monday morning",
    "I've sent you the money for the concert tickets, thanks for sorting it!",
    "Haha no way, did he really say that??",
    "Thank you for your payment of {usd}.00 to {encity} Water. Confirmation {ref}.",
    "OK. Will call u when I reach.",
    "Your appointment with the physio is confirmed: {day} {entime}. Please bring comfortable clothes.",
    "Flight BA{n3} to {encity} is now boarding at gate {n2}.",
    "Agent: thanks for calling {enbrand} how can I help\nCustomer: hi my order hasnt arrived\nAgent: sorry about that I can see it's out for delivery today it should be with you by 6pm",
    "hi it's the surgery calling back about your results they're all normal no need to come in just wanted to let you know",
    "Dad: did you get home ok\nMe: yes all good\nDad: good night then",
    "Your {enbrand} account: we noticed a sign-in from a new device in {encity}. If this was you, you can ignore this message.",
    "You're invited! {en_first}'s 30th, {day} 8pm at The Crown. RSVP by Friday",
    "Your library books are due back on {endate}. Renew online or at any branch.",
]


def expand(rng, table, n_each, lang, fraud):
    rows = []
    for label, t in table:
        for _ in range(n_each):
            text = fill(rng, t)
            rows.append({"label": label, "sender": None, "text": text})
    return rows


def build():
    rng = random.Random(SEED)
    zh_fraud = dedupe(expand(rng, [(l, t) for l, t in ZH_FRAUD], 4, "zh", True))
    en_fraud = dedupe(expand(rng, [(l, t) for l, t in EN_FRAUD], 4, "en", True))
    zh_ben = dedupe(expand(rng, [("benign", t) for t in ZH_BENIGN], 7, "zh", False))
    en_ben = dedupe(expand(rng, [("benign", t) for t in EN_BENIGN], 6, "en", False))
    rng.shuffle(zh_fraud)
    rng.shuffle(en_fraud)
    rng.shuffle(zh_ben)
    rng.shuffle(en_ben)
    files = {"fraud_zh.jsonl": zh_fraud, "benign_zh.jsonl": zh_ben, "en.jsonl": en_fraud + en_ben}
    return {k: jsonl(v) for k, v in files.items()}


def main():
    write_or_check(build(), OUT, 'fresh4')


if __name__ == "__main__":
    main()
