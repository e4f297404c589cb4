#!/usr/bin/env python3
"""Generator of `train/marketing_zh.jsonl`, `train/marketing_en.jsonl`,
`train/chat_zh.jsonl` and `train/prize_fraud.jsonl` (issue 15: real
marketing and everyday talk must stay clear).

Ordinary side: how real marketing reads, written from public descriptions of
carrier, bank, shop, property, car-dealer, restaurant, school and service
promotions: a 【brand】 signature, an offer, an official channel to act on
(the brand's app, mini program, store, counter, hotline or own short link),
often an unsubscribe line (退订回T, 回TD退订, 拒收请回复R); prize draws and
"中奖" notices from real brands that send you to their own app or store
with no transfer, no fee, no code and no install from a link; delivery and
appointment notices.

Fraud side (contrast): prize claims that look the same up to the ask — a
fee, tax or deposit, a bank card, a code, a download from a non-store link,
a QQ/WeChat contact or an unknown number. Labelled `prize_lottery`.

Separate seed and file so `gen/generate.py`'s outputs are unchanged. Every
template is ours; brand names are real companies used as senders of
ordinary promotions, numbers and links are made up or the brand's own
domain, fraud links are throwaway-looking.

    python3 tests/corpus/gen/marketing.py [--check]
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shapes import noise  # noqa: E402
from slots import SLOTS  # noqa: E402
from tmpl import compose, dedupe, fill, jsonl, write_or_check  # noqa: E402

SEED = 151215
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train")

# ------------------------------------------------------------------ slot pools
MK_RETAIL = ["万达广场", "银泰百货", "大润发", "物美超市", "华润万家", "永辉超市", "孩子王", "百果园", "周大福", "老凤祥", "完美日记",
             "珀莱雅", "海尔智家", "方太", "九阳", "苏宁易购", "国美电器", "屈臣氏", "名创优品", "优衣库", "太平鸟", "森马", "波司登",
             "安踏", "特步", "鸿星尔克", "李宁", "迪卡侬", "宜家家居", "红星美凯龙", "居然之家", "盒马鲜生", "叮咚买菜", "朴朴超市",
             "钱大妈", "山姆会员店", "Costco开市客", "奥特莱斯", "天虹商场", "王府井百货", "大悦城", "吾悦广场", "龙湖天街", "印象城"]
MK_FOOD = ["瑞幸咖啡", "库迪咖啡", "霸王茶姬", "茶百道", "古茗", "沪上阿姨", "喜茶", "奈雪的茶", "蜜雪冰城", "必胜客", "汉堡王", "德克士",
           "华莱士", "塔斯汀", "西贝莜面村", "太二酸菜鱼", "外婆家", "绿茶餐厅", "巴奴火锅", "呷哺呷哺", "海底捞", "肯德基", "麦当劳",
           "星巴克", "老乡鸡", "乡村基", "真功夫", "和府捞面", "费大厨", "农耕记", "探鱼", "木屋烧烤", "正新鸡排", "鲍师傅", "好利来", "幸福西饼"]
MK_ECOM = ["淘宝", "天猫", "京东", "拼多多", "抖音商城", "唯品会", "得物", "小红书", "当当", "考拉海购", "京东到家", "美团优选", "多多买菜", "淘特"]
MK_SERVICE = ["中国平安", "中国人寿", "太平洋保险", "泰康人寿", "中国人保", "东方航空", "南方航空", "中国国航", "海南航空", "春秋航空",
              "华住会", "锦江酒店", "亚朵", "万达影城", "猫眼电影", "淘票票", "滴滴出行", "高德打车", "T3出行", "曹操出行", "哈啰",
              "美团", "饿了么", "大众点评", "携程旅行", "飞猪", "同程旅行", "途牛", "爱奇艺", "腾讯视频", "优酷", "芒果TV",
              "网易云音乐", "QQ音乐", "喜马拉雅", "Keep", "WPS", "百度网盘", "中国邮政", "顺丰速运", "京东物流", "中国石化", "中国石油"]
MK_CARS = ["比亚迪", "吉利", "长安", "长城", "奇瑞", "蔚来", "理想", "小鹏", "问界", "大众", "丰田", "本田", "日产", "别克", "宝马", "奔驰", "奥迪"]
MK_EDU = ["新东方", "学而思", "猿辅导", "作业帮", "高途", "粉笔教育", "中公教育", "华图教育", "英孚教育", "乐高教育", "小码王", "杨浦少年宫"]
MK_ESTATE = ["万科", "保利", "中海", "华润置地", "龙湖", "招商蛇口", "绿城", "金地", "越秀地产", "建发房产", "滨江集团", "中建壹品"]
MK_BANK_APP = {"工商银行": "工银融e联", "建设银行": "建行生活", "农业银行": "掌上银行", "中国银行": "缤纷生活", "交通银行": "买单吧",
               "招商银行": "掌上生活", "邮储银行": "邮储信用卡", "浦发银行": "浦大喜奔", "民生银行": "全民生活", "兴业银行": "兴业生活",
               "中信银行": "动卡空间", "光大银行": "阳光惠生活", "平安银行": "口袋银行", "华夏银行": "华彩生活", "广发银行": "发现精彩",
               "北京银行": "京彩生活", "上海银行": "美好生活", "宁波银行": "宁波银行APP", "浙商银行": "浙商银行APP", "江苏银行": "江苏银行APP"}
MK_CARRIER_APP = {"中国移动": "中国移动APP", "中国联通": "中国联通APP", "中国电信": "中国电信APP", "中国广电": "中国广电APP"}
MK_PRIZES = ["[华为|小米|OPPO|vivo|荣耀]手机", "扫地机器人", "空气炸锅", "电饭煲", "蓝牙耳机", "保温杯", "行李箱", "{n2}元立减金", "{n2}元话费",
             "{n1}GB流量", "视频会员月卡", "{n3}积分", "{n2}元代金券", "免单券", "精美台历", "定制帆布袋", "{n1}桶食用油", "大米一袋", "鸡蛋一盒",
             "电影票两张", "咖啡券", "充电宝", "毛绒公仔", "新年礼盒", "体检套餐", "洗车券", "机油保养一次", "加油卡{n3}元", "京东E卡{n2}元",
             "品牌餐具套装", "{n2}元无门槛券", "免费甜品一份", "双人套餐", "年卡会员", "周边礼品"]
MK_CHANNEL = ["[登录|打开|进入]{app}[APP|]-[我的|我的奖品|活动中心|会员中心|福利中心]查看", "[到|前往|至]门店[服务台|收银台|会员中心][凭会员码|出示中奖页面|报手机号]领取",
              "在{app}小程序[“我的奖品”|我的-卡券|卡包]中查看", "奖品将[在|于]{n1}个工作日内[寄出|发放至您的账户]，[无需|不需要][支付|缴纳]任何费用",
              "[奖品|权益][已|将]自动[发放|放入|存入]您的账户，[登录|打开]{app}即可[查看|使用]", "[请|可]于{date}前[到店|到{app}门店]领取，[逾期|过期]视为放弃",
              "[中奖名单|获奖名单]已在{app}官方[公众号|APP|微博]公布", "[凭|持]购物小票[到|至]{n1}楼服务台登记领取", "[领取|兑换]入口：{app}[APP|小程序]首页-[活动|福利]"]
MK_DISCLAIM = ["活动不收取任何费用", "本活动不会以任何理由要求转账或索要验证码", "谨防诈骗，官方不会向您索要银行卡密码和验证码", "如有疑问请拨打官方客服热线",
               "[本行|我行|我司|本店|官方]不会以任何名义要求您缴纳手续费", "请认准官方渠道，勿点击陌生链接", "详情以活动页面为准", "活动最终解释权归{app}所有",
               "理财非存款，产品有风险，投资需谨慎", "谨防冒充客服诈骗", ""]
MK_UNSUB = ["退订回T", "回T退订", "回TD退订", "拒收请回复R", "退订回N", "回复TD退订", "退订请回复0000", "回N退订", "回复T退订", "回复N拒收",
            "退订回复TD", "拒收请回R", "如不需要请回复T", "回复“TD”退订", "退订回TD", "回TD拒收", "退订请回复T", "TD退订"]
# Short links: a generic shortener, or the brand's own short domain.
MK_SHORT = ["t.cn/", "dwz.cn/", "url.cn/"]
MK_OWN_LINK = {"京东": ["u.jd.com/", "3.cn/"], "京东到家": ["u.jd.com/"], "淘宝": ["m.tb.cn/h."], "天猫": ["m.tb.cn/h."], "淘特": ["m.tb.cn/h."],
               "拼多多": ["mobile.yangkeduo.com/"], "抖音商城": ["v.douyin.com/"], "小红书": ["xhslink.com/"], "美团": ["dpurl.cn/"],
               "大众点评": ["dpurl.cn/"], "饿了么": ["ele.me/"], "携程旅行": ["s.ctrip.com/"], "中国移动": ["m.10086.cn/"],
               "中国联通": ["u.10010.cn/"], "招商银行": ["cmbt.cn/"], "工商银行": ["m.icbc.com.cn/"], "建设银行": ["ccb.com/"]}


def _id(r, n):
    return "".join(r.choice("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(n))


SLOTS.update({
    "mk_retail": lambda r: r.choice(MK_RETAIL),
    "mk_food": lambda r: r.choice(MK_FOOD),
    "mk_ecom": lambda r: r.choice(MK_ECOM),
    "mk_svc": lambda r: r.choice(MK_SERVICE),
    "mk_car": lambda r: r.choice(MK_CARS),
    "mk_edu": lambda r: r.choice(MK_EDU),
    "mk_estate": lambda r: r.choice(MK_ESTATE),
    "mk_prize": lambda r: fill(r, r.choice(MK_PRIZES)),
    "mk_unsub": lambda r: r.choice(MK_UNSUB),
    "mk_pct": lambda r: r.choice(["5", "6", "7", "7.5", "8", "8.8", "9", "9.5", "6.9", "5.8"]),
    "mk_fest": lambda r: r.choice(["双11", "双12", "618", "年货节", "38女神节", "520", "七夕", "中秋", "国庆", "元旦", "春节", "开学季", "周年庆",
                                   "店庆", "会员日", "黑五", "年中大促", "春季焕新", "清凉一夏", "金秋"]),
    "mk_day": lambda r: r.choice(["本周六", "本周日", "周末", "每周三", "每周五", "{date}", "{date}-{date2}", "即日起至{date}", "{date}当天", "今晚8点",
                                  "明天10点", "本月", "月底前", "{n1}月{n2}日前"]),
    "mk_hotline": lambda r: r.choice(["400-" + "".join(r.choice("0123456789") for _ in range(3)) + "-" + "".join(r.choice("0123456789") for _ in range(4)),
                                      "95" + "".join(r.choice("0123456789") for _ in range(3)), "{landline}"]),
    "mk_pts": lambda r: str(r.choice([500, 800, 1000, 1200, 1500, 2000, 2680, 3000, 5000, 6800, 8800, 10000, 12000, 20000])),
})


# A message's parts: 【signature】, greeting, offer, action via an official
# channel, optional disclaimer, optional unsubscribe line.
GREET = ["尊敬的客户，", "尊敬的会员，", "亲爱的会员，", "您好，", "亲，", "{name}您好，", "尊敬的{sname}先生/女士，", "Hi~", "", "", ""]

CARRIER = [
    "[您|您的号码]可[免费|0元]领取{n2}GB[国内通用|定向]流量，有效期{n1}天，",
    "[即日起|{mk_day}]办理[5G畅享|5G智享|融合]套餐[{n2}9元档|{small}元档]，[享|含]{n2}GB流量+{n3}分钟通话，[首月|前3个月]{mk_pct}折，",
    "[充值|交费]{n3}元[送|返]{n2}元话费，[每月|分{n1}个月]返还，",
    "您的[积分|移动积分|联通积分|电信积分]{mk_pts}分[将于|在]{date}[到期|清零]，[可兑换|可免费兑换]话费、流量或{mk_prize}，",
    "[千兆宽带|全屋WiFi|FTTR光宽带]{mk_pct}折[特惠|限时优惠]，[新装|升级]送[{n1}个月|半年][宽带|视频会员]，",
    "[合约机|购机]特惠：{mk_prize}[0元购|直降{n3}元]，[预存话费|签约{n2}个月]即可[参与|办理]，",
    "[会员权益|视频会员]来啦！[每月|本月]{small}元[享|领][爱奇艺|腾讯视频|优酷|芒果TV]会员+{n2}GB流量，",
    "您已获得一次[流量|话费][抽奖|盲盒]机会，[百分百中奖|最高可得{n2}GB流量]，",
    "[恭喜您|恭喜]在[{mk_fest}|周年庆][流量|话费]抽奖中获得{mk_prize}，",
    "[感恩回馈|回馈老客户]：[在网满{n1}年|老用户]可[免费|0元][领取|升级]{mk_prize}，",
]
CARRIER_ACT = ["[登录|打开]{carrier}APP[-我的-积分|首页|权益中心][领取|兑换|办理]", "[回复|发送][KT|LL|1|Y|BL]到{carrierno}[办理|领取]", "[详询|咨询]{carrierno}",
               "[到|前往]就近营业厅办理", "[点击|戳]{mk_short}[办理|领取]", "[{carrier}APP|营业厅]搜索“[权益|流量]”即可领取"]

BANK = [
    "您的信用卡[可享|已获得]{big}元[账单分期|现金分期|专项分期]额度，[分期手续费|年化利率][{mk_pct}折|低至{n1}.{n2}%]，",
    "[{mk_day}|每周五][在{mk_retail}|在{mk_food}|超市|加油站|{mk_ecom}][刷卡|用{bank}信用卡支付][满{n2}减{n1}|满{n3}减{n2}|随机立减]，",
    "您的信用卡积分{mk_pts}分[即将|将于{date}]到期，可兑换{mk_prize}，",
    "[新户|首绑|新客]礼：[绑定|首次使用]{bank}借记卡[支付|消费]，[领|送]{n2}元立减金，",
    "[我行|本行][{year}年|新发行][稳健|低波]理财[产品|新品][业绩比较基准|七日年化]{n1}.{n2}%，[起购|{n1}万起购]，",
    "[恭喜|祝贺]您在[{bank}|我行][{mk_fest}|信用卡|掌上生活][抽奖|刷卡达标]活动中[获得|抽中]{mk_prize}，",
    "您有一次[积分|幸运|达标]抽奖机会，[奖品|礼品]包括{mk_prize}、{mk_prize2}等，",
    "[{mk_fest}|年终]回馈：[本月|活动期间][刷卡|消费]满{n1}笔，[可得|即送]{mk_prize}，",
    "[您的|]ETC[办理|升级]优惠：[在线|线上]申请{bank}ETC[免费|送{n2}元通行券]，[仅限|活动限]{city}地区，",
    "[尊敬的客户|您好]，[我行|{bank}][经营贷|消费贷|快贷]年化利率低至{n1}.{n2}%，[随借随还|最长可借{n1}年]，[具体以审批为准|额度以审批为准]，",
    "[您的|您]信用卡[临时额度|额度]已[提升|调整]至{big}元，[有效期至|]{date}，",
    "[{year}年|本年度][年费|信用卡年费]：[刷卡满{n1}次|消费满{n2}笔]即可免次年年费，",
]
BANK_ACT = ["[登录|打开]{bank}[手机银行|APP|{bankapp}][-活动专区|-我的-优惠券|首页]查看", "[详询|咨询|请致电]{bankno}", "[到|前往]{bank}[网点|各网点]咨询",
            "[打开|登录]{bankapp}APP[参与|领取|兑换]", "[联系|可联系]您的客户经理{name}[咨询|了解]", "[点击|戳]{mk_short}"]

SHOP = [
    "{mk_fest}[大促|狂欢|盛典][开启|来袭|返场]！[全场|爆款][满{n3}减{n2}|{mk_pct}折起|低至{n1}折]，[叠加|再领]{n2}元[优惠券|红包]，",
    "[您的|]{n2}元[无门槛|专享|店铺]优惠券[已到账|{n1}天后过期|今晚24点过期]，[快去|记得]使用哦，",
    "[会员日|{mk_day}][全场|会员][{mk_pct}折|双倍积分|买一送一]，[到店|下单]出示会员码即可享受，",
    "[您加购|您收藏|您关注]的{product}[降价啦|开始秒杀|补货啦]，[到手价|现价]{mid}元，[库存有限|仅剩{n2}件]，",
    "[新店开业|{district}店开业][三天|{mk_day}]全场{mk_pct}折，[进店|到店]即送[{mk_prize}|小礼品]，[还可|]参与[抽奖|砸金蛋|大转盘]，",
    "[回馈老客户|老客户专享|感谢一路相伴]：[送您|赠送]{n2}元[优惠券|代金券]，[已放入|已发至]您的账户，",
    "[恭喜您|恭喜]在[店庆|{mk_fest}|会员日]抽奖中[获得|抽中]{mk_prize}，",
    "[{name}|亲爱的会员]，您的积分{n3}{n1}[可兑换|能换]{mk_prize}，[{date}|月底]清零，",
    "[生日快乐|祝您生日快乐]！[为您准备了|送您]生日[礼|专属券]{n2}元，",
    "[百亿补贴|品牌特卖|限时秒杀]：{product}[直降|到手]{mid}元，[支持|]7天无理由退货，",
    "[第二杯半价|新品上市|买一送一]！{food}[仅需|低至]{small}元，[门店|外卖]同享，",
    "[您的|]{n2}元[外卖|打车|酒店]红包[已到账|即将过期]，",
    "[感谢您的信任与支持|感谢您一直以来的信任]，[会员|老用户]专享[{mk_pct}折|满{n3}减{n2}]，",
    "[消费满{n3}元|单笔满{n2}元]即可[参加|参与][抽奖|刮刮乐]，[100%中奖|人人有奖]，[奖品有|最高可得]{mk_prize}，",
    "[幸运抽奖|大转盘]结果：您抽中了{mk_prize}，",
]
SHOP_ACT = ["[打开|登录]{app}[APP|小程序]查看", "[详情|地址]见{app}小程序", "[戳|点击|点此]{mk_short}", "[到|前往]{app}门店使用", "[打开|去]{app}APP[-我的-卡券|首页]领取",
            "[回复|]门店地址：{city}{road}{n2}号", "[咨询|详询][热线|电话]{mk_hotline}", "[下载|打开]{app}APP[使用|查看]（应用商店搜索“{app}”）"]

ESTATE = [
    "[{city}|{district}][地铁口|核心区|学区][现房|准现房|精装]{n2}0-{n3}㎡[三房|四房|洋房]，[首付|首付仅需]{n2}万起，[到访|看房]即送{mk_prize}，",
    "[业主答谢|老业主回馈]：[推荐|老带新]成交[送|奖励]{n1}年物业费，",
    "[尊敬的业主|您好]，[{mk_estate}|{estate}]{mk_fest}[暖场|业主]活动{mk_day}举行，[到场|参与]即可[抽奖|领取{mk_prize}]，",
    "[二手房|新房]{city}{district}{n2}套房源[降价|特价]，[带看|预约看房]{mk_hotline}，",
]
CAR = [
    "[尊敬的车主|您好]，您的爱车[已行驶|距上次保养]{n1}000公里，[建议|请]{mk_day}前[到店|预约]保养，[工时费|机油]{mk_pct}折，",
    "[{mk_fest}|金秋]购车节：[全系|{mk_car}[SUV|新能源]]最高[优惠|补贴]{n2}000元，[到店|试驾]即送{mk_prize}，",
    "[老车主|车主]回馈：[{mk_day}|本月]到店[免费|0元]检测[空调|轮胎|刹车]，[参与|还有]抽奖，[奖品有|可得]{mk_prize}，",
    "[您的|]车辆年检[将于|在]{date}到期，[本店|我店]可代办，[预约|详询]{mk_hotline}，",
]
EDU = [
    "[暑期|寒假|秋季|春季][班|课程]火热报名中，[小学|初中|高中][数学|英语|语文|物理][名师|小班]授课，[报名即送|现在报名送][教材|{n2}课时]，",
    "[免费|0元]试听[课|体验课]{mk_day}开放，[预约|名额]限{n2}人，",
    "[恭喜|祝贺][{name}同学|您的孩子]在[期末|{mk_fest}][抽奖|竞赛]中获得{mk_prize}，[请|可]到校区前台领取，",
]
SVC = [
    "您的{app}[会员|VIP][即将到期|将于{date}到期]，[续费|连续包月]首月{small}元，",
    "[里程|积分]{mk_pts}[即将过期|将于{date}清零]，可兑换[机票|酒店|{mk_prize}]，",
    "[{mk_fest}|周年]会员节：[抽奖|大转盘]已开启，[100%中奖|奖品有{mk_prize}和优惠券]，",
    "恭喜您[成为|获得]{app}[年度|本期]幸运[会员|用户]，[获赠|获得]{mk_prize}，",
    "[您的保单|保单{order}]将于{date}到期，[续保|提前续保][享|可享]{mk_pct}折[优惠|],[并|]送{mk_prize}，",
    "[新用户|老用户][专享|回归礼]：{n2}元[新人券|回归券]已[到账|放入您的账户]，",
]

APPT = [
    "【{mk_car}4S店】[{name}|尊敬的车主]您好，您预约的{date}{time}[保养|维修|钣喷]已确认，[请准时到店|到店请报车牌号]，[如需改约|如有变动]请致电{mk_hotline}。",
    "【{hospital}】[{name}|您好]，您已成功预约{date}{time}[内科|口腔科|眼科|儿科|皮肤科|体检中心]{title}[医生|]号源，请携带[身份证|医保卡]提前30分钟[到院|取号]。",
    "【{bank}】您预约的{date}{time}[大额取现|开户|业务办理]已受理，[请携带身份证|请携带有效证件]到[{city}{road}支行|预约网点]办理。",
    "【{app2}】[您的|]{product}[安装|上门维修|送装]已预约{date}{time}，[师傅|工程师]{title}[电话|联系方式]{mobile}，[请保持电话畅通|如需改约请联系客服]。",
    "【{mk_food}】您预订的{date}{time}{n1}位[包间|桌位]已确认，[请准时到店|保留15分钟]，地址{city}{road}{n2}号。",
    "【{mk_edu}】{name}家长您好，[{date}|本周六]{time}的[试听课|课程]已预约成功，[地址|上课地点]：{city}{road}{n2}号{n1}楼。",
    "【{mk_svc}】您预订的{date}{city}[航班|酒店|影票]已出票，[订单号|取票码]{order}，[请提前到达|请凭取票码取票]。",
]
DELIV = [
    "【{courier}】您的包裹已[到达|放至]{estate}[驿站|快递柜]，取件码{pickup}，[请尽快取件|营业时间{time}-{time2}]。",
    "【{mk_ecom}】您购买的{product}已发货，[{courier}|物流]单号{order}，预计{date}送达。",
    "【{mk_retail}】您的[到家|线上]订单已[出库|由骑手配送]，预计{time}前送达，[骑手|配送员]{title}。",
    "【{courier}】[快递员|小哥]{title}正在派送您的快件，[预计|]{time}送达，[如不在家可放驿站|有事请联系{mobile}]。",
]


# A brand promoting its own app: from an app store, the brand's own short
# link or a QR code in the store; a sign-in gift, notifications, a new
# version.
APP_PROMO = [
    "【{app}】[下载|安装]{app}APP[，新用户|，首次登录][领|送|即得]{n2}元[新人红包|优惠券|立减金]，[应用商店|应用市场|App Store]搜索“{app}”[即可下载|下载]。",
    "【{app}】{app}APP[全新|]{n1}.0版[上线|发布]，[点击下载|下载地址]：{mk_short}[，|，]也可在应用商店[更新|升级]。",
    "【{app}】[下载|打开]{app}APP，[每日签到|签到{n1}天][领|得][积分|流量|金币]，[点击下载|立即下载]{mk_short}",
    "【{app}】[您好|尊敬的客户]，[为及时接收|及时收到][账户动态|订单消息|优惠通知]，[请|建议][下载|打开]{app}APP[并|]开启消息[推送|通知]。",
    "【{app}】[扫描|扫]门店[二维码|海报二维码]下载{app}APP，[注册|登录]即送{mk_prize}，[详询|咨询]门店[工作人员|店员]。",
    "【{app}】[手机银行|APP][新版|{n1}.{n1}版]已[上线|发布]，[请|可]在[官方应用商店|应用市场]更新，[我行|本行|官方]不会通过短信链接发送安装包。",
]


def zh_marketing(rng):
    kind = rng.choices(["carrier", "bank", "shop", "food", "ecom", "retail", "estate", "car", "edu", "svc", "appt", "deliv", "app"],
                       [12, 14, 6, 8, 8, 8, 5, 5, 4, 8, 7, 5, 10])[0]
    cache = {}
    if kind == "app":
        pool = rng.choice([MK_ECOM, MK_SERVICE, MK_FOOD, MK_RETAIL, [b for b, _ in (("招商银行", 0), ("工商银行", 0), ("建设银行", 0), ("平安银行", 0), ("中国移动", 0), ("中国联通", 0))]])
        cache["app"] = rng.choice(pool)
        own = MK_OWN_LINK.get(cache["app"])
        cache["mk_short"] = rng.choice(["", "https://"]) + rng.choice(own if own and rng.random() < 0.7 else MK_SHORT) + _id(rng, rng.randint(5, 8))
        text = fill(rng, rng.choice(APP_PROMO), cache)
        return text + (fill(rng, "{mk_unsub}") if rng.random() < 0.6 else "")
    if kind == "appt":
        cache["app2"] = rng.choice(MK_RETAIL + ["海尔智家", "美的", "格力", "小米之家", "华为服务", "方太"])
        return fill(rng, rng.choice(APPT), cache)
    if kind == "deliv":
        return fill(rng, rng.choice(DELIV), cache)
    if kind == "carrier":
        c = fill(rng, "{carrier}", cache)
        sig, app, body, act = c, MK_CARRIER_APP[c].replace("APP", ""), CARRIER, CARRIER_ACT
    elif kind == "bank":
        b = fill(rng, "{bank}", cache)
        cache["bankapp"] = MK_BANK_APP[b]
        sig = rng.choice([b, b, b + "信用卡", b + "信用卡中心"])
        app, body, act = b, BANK, BANK_ACT
    elif kind in ("shop", "food", "ecom", "retail"):
        pool = {"shop": MK_RETAIL + MK_FOOD + MK_ECOM, "food": MK_FOOD, "ecom": MK_ECOM, "retail": MK_RETAIL}[kind]
        sig = rng.choice(pool)
        app, body, act = sig, SHOP, SHOP_ACT
    elif kind == "estate":
        sig = rng.choice(MK_ESTATE) + rng.choice(["", "·" + fill(rng, "{estate}"), "地产", "置业"])
        app, body, act = sig, ESTATE, SHOP_ACT
    elif kind == "car":
        sig = rng.choice(MK_CARS) + rng.choice(["4S店", "汽车", "", "{city}店"])
        app, body, act = sig, CAR, SHOP_ACT
    elif kind == "edu":
        sig = rng.choice(MK_EDU)
        app, body, act = sig, EDU, SHOP_ACT
    else:
        sig = rng.choice(MK_SERVICE)
        app, body, act = sig, SVC, SHOP_ACT
    cache["app"] = fill(rng, app, cache)
    own = MK_OWN_LINK.get(cache["app"]) or MK_OWN_LINK.get(cache.get("bank", "")) or MK_OWN_LINK.get(cache.get("carrier", ""))
    cache["mk_short"] = rng.choice(["", "https://", "http://"]) + rng.choice(own if own and rng.random() < 0.7 else MK_SHORT) + _id(rng, rng.randint(5, 8))
    offer = compose(rng, [[fill(rng, "【" + sig + "】", cache)], GREET, body], cache)
    prize_like = any(w in offer for w in ("奖", "抽", "积分", "礼", "盲盒"))
    text = offer + fill(rng, rng.choice(act), cache)
    if rng.random() < (0.8 if prize_like else 0.08):
        text += "，" + fill(rng, rng.choice(MK_CHANNEL), cache)
    text += "。"
    if rng.random() < 0.35:
        d = fill(rng, rng.choice(MK_DISCLAIM), cache)
        text += d + "。" if d else ""
    if rng.random() < 0.6:
        text += fill(rng, "{mk_unsub}")
    return text


# ------------------------------------------------------------------ fraud contrast
FRAUD_OPEN = [
    "【{brand}】[恭喜|祝贺]您在[周年庆|{mk_fest}|会员日][抽奖|回馈]活动中[获得|抽中]{mk_prize}，",
    "【{bank}】[尊敬的客户|您好]，您的积分{mk_pts}[即将清零|将于今日清零]，可兑换{mk_prize}，",
    "【{carrier}】[恭喜|您好]，您的号码被[系统|后台]抽中为[幸运用户|回馈客户]，获得{mk_prize}，",
    "[恭喜您|恭喜]！您[在|是][{mk_retail}|{mk_ecom}|{mk_food}][周年庆|{mk_fest}][抽奖|活动]中的[一等奖|二等奖|幸运奖]得主，奖品{product}一台，",
    "[回馈老客户|感恩回馈]：您[作为|是]{mk_ecom}[老客户|忠实用户][被抽中|获得]{mk_prize}及现金{mid}元，",
    "[您好|亲]，您的[手机号|会员号|订单号]在[{mk_svc}|{social}][年度|周年]抽奖中[中奖|获奖]了，[奖品|奖金][为|是]{product}[和|及]{mid}元现金，",
]
FRAUD_ASK = [
    "[领奖|兑奖|领取]前[需|须][先|]缴纳[{small}元|奖品价值{pct}%的][个人所得税|手续费|公证费|保证金|邮费|保险费]",
    "[请|需]提供[银行卡号|银行卡号及预留手机号|身份证号和银行卡号][以便|方便][发放奖金|汇款|转入奖金]",
    "[请|需]将[收到的|刚收到的]验证码[回复|发送|告诉][给|]我们[客服|工作人员][完成|以]核实",
    "[请|需][下载|安装][“{f6app}”|领奖|专用]APP[领取|兑换]：{apk}",
    "[请|速][添加|加][客服|专员|领奖专员][微信|QQ|薇信]{wx}[领取|登记]",
    "[请|速][致电|联系|拨打][领奖|兑奖][专员|中心]{vmobile}[办理|领取]，[逾期|过期]作废",
    "[请|速][点击|登录]{link}[填写|登记][收货信息|银行卡信息|身份信息][领取|]",
    "[领奖|兑奖]需[先|]支付[运费|物流费|保价费]{small}元，[到账|收到]后[立即|马上]发货",
    "[奖金|现金][需|要]先[转入|存入][指定账户|保证金账户]{money}元[激活|验证]后[一并|才能]提现",
]


def zh_prize_fraud(rng):
    cache = {}
    text = compose(rng, [FRAUD_OPEN, FRAUD_ASK, (0.4, ["，[逾期|过期][视为放弃|作废]", "，[仅限|限]今[天|日]", "，[请勿|不要]告诉他人", "。[退订回T|回TD退订]"])], cache)
    text = text.rstrip("，,")
    return text if text.endswith(("。", "T", "订")) else text + "。"


SLOTS["f6app"] = lambda r: r.choice(["福利兑", "乐享礼", "积分宝", "会员惠", "礼品通", "领奖助手"])

# ------------------------------------------------------------------ everyday chats
# Ordinary personal and work messages that use the scam vocabulary in
# ordinary ways (money between people who know each other, a real job
# opening, an investment talked about, a code for one's own login, a prize
# really won, the police or a bank mentioned): no stranger, no ask to move
# money to an account one does not know, no code sent to anyone.
CHAT = [
    "[奖金|年终奖|绩效][下个月|月底|过年前]发，[和工资一起|单独发]，[你|大家][别急|等通知]",
    "[刚才|上午]开会说的[那个|新]项目，[财务|领导][要|让]先[做个|出一份][预算|风险评估|方案]，[你|咱们][明天|周五前]交一下",
    "[我们公司|我们单位|我们店][在招|招][前台|会计|销售|{job}]，[你|你表妹|你同学][不是在找工作吗|要不要试试]，[投个简历|把简历发我|直接去面试]",
    "[你收到|收到]验证码了吗？[收到就|直接][输进去|填上]，[是你自己|是你]在[登录|注册|改密码]",
    "[我|刚][用你的|用我的]手机号[注册|登录]了[{brand}|{shop}]，[验证码|短信码][发你手机上了|你那边收到了吗]，[你自己输一下|你自己填就行]",
    "[我那个|上次说的]基金[最近|这个月][涨了|跌了|回本了]，[不打算|不想]再[加仓|投了]，[你|你的]呢",
    "[明天|周末][去|陪我去][银行|{bank}网点][办|改][卡|密码|定期]，[你|要]带身份证",
    "[我爸|我妈|爷爷][说|让我]问你，[上次|那笔][借你|垫付]的{mid}[什么时候方便|不着急]还",
    "[房租|水电费|物业费][我先垫了|我已经交了]，[你|回头]转我{small}就行",
    "[公司|单位][组织|安排][年会|团建]抽奖，我[抽中|中了][{item}|{product}|三等奖]，[哈哈|运气不错]{emoji}",
    "[派出所|社区民警][打电话|通知][说|让]去[办|领][身份证|居住证|户口本]，[我|明天][请半天假|上午去]",
    "[银行|{bank}][客户经理|柜员][说|建议][我|你][买点|存个][定期|大额存单|国债]，[利率|收益][还行|一般]",
    "[老板|{leader}][说|让][下午|明天][把|给][报销单|发票][交|给]财务，[别忘了|记得]",
    "[上次|那个][快递|包裹][丢了|破了]，[客服|京东客服][已经|说][给我|会]赔了{small}，[在APP里申请的|原路退的]",
    "[我|刚]在{shop}[买的|下单的]{product}[退了|申请退款了]，[钱|款][已经|明天]退回[原账户|花呗]",
    "[你|咱们]小区群里[说|发]的那个[抽奖|团购]是[物业|业委会][搞的|组织的]，[到物业|去物业][登记|领]就行",
    "[招聘会|校招][下周|{date}]在{school}[体育馆|礼堂]，[带|记得带][简历|学生证]",
    "[工资|这个月工资][到账了|还没到]，[你|你们][那边|公司]呢？",
    "[孩子|儿子|女儿][班里|学校][交|收][书本费|午餐费]{small}，[在学校公众号|家长群里的缴费通知]上交",
    "[刚|我]把[股票|基金][卖了|清了]，[落袋为安|这波算是回本]，[你|还]要[继续拿吗|拿着吗]",
    "[你|帮我][看看|查一下]这条短信是不是诈骗，[我|还]没点[链接|开]",
    "[妈|爸]，[陌生人|不认识的人][打电话|发短信][让你|叫你][转账|交钱]千万别信，[先|记得]打给我",
    "[我们|部门][在做|下周]上线一个新[APP|系统]，[测试版|内测][装好了|先装在测试机上]，[你|回头][看看|提意见]",
    "[我|刚][给{rel}|给你][转了|发了]{mid}[红包|生活费]，[你|让他][收一下|记得收]",
    "[下周|{date}][我们|部门][聚餐|团建]，[每人|人均][{small}|一百][AA|左右]，[钱|费用][交给|转给]{sname}",
]


# ------------------------------------------------------------------ English
EN_BENIGN = [
    "{enbrand}: [Hi {en_first}, |]your [Clubcard|rewards|loyalty] [vouchers|points] worth {gbp_s} are ready[ to spend| in the app]. [See|View] them at {eolink}. {stop}",
    "{enbrand}: [Congrats|Good news], [{en_first}|] - you've won a {gbp_s} [voucher|e-gift card] in our [monthly|members'|weekly] prize draw! It's been added to your [app|account] - no need to reply[ or pay anything|]. {stop}",
    "{enbrand}: [Flash sale|Weekend offer|Members' day]: [up to {pct}% off|2 for 1|{pct}% off] [everything|selected lines] [until {day}|this weekend|today only]. [Shop|See] {eolink}. {stop}",
    "[Thanks for shopping with|Thank you for being a member of] {enbrand}! [Enter our|You're in our] prize draw for a chance to win {gbp_s} - [no purchase necessary|T&Cs in app]. {stop}",
    "{enbrand}: Your [order|parcel] {enorder} [has shipped|is on its way] and will arrive {day}. Track in the app. {stop}",
    "{enbrand}: [Happy birthday {en_first}!|It's your birthday month!] [Enjoy|Here's] a free [coffee|treat|dessert] on us - [show|scan] your app at the till. {stop}",
    "[Reminder|Hi {en_first}]: your appointment at {enbrand} {encity} is on {day} at {entime}. Reply Y to confirm or call the store to change. {stop}",
    "{enbrand}: [Your|A] {gbp_s} [reward|credit] [expires|ends] {day}. Use it in-store or online. {stop}",
]
EN_FRAUD = [
    "[WINNER!!|URGENT!|Congratulations!] [As a valued network customer|You] [have been selected to receive|have won] a {gbp} prize [reward|guaranteed]! To claim call {prem}[ now|]. [Claim code|Code] {ref}. [Valid 12hrs only|Cost {cost}]",
    "[FREE|Free] [entry|msg]: [Txt|Text|Send] [WIN|CLAIM|PRIZE] to {short} to [receive|claim] your {prize}! {cost}. [T&Cs apply|18+]. [Txt STOP to end|STOP2end]",
    "[You have won|Your mobile number has won] {prize} in our [weekly|national] draw! [To claim|Claim now] call {prem} [from a landline|]. [Box {n3}|PO Box {n3}], [{encity}|London]. {cost}",
    "{enbrand}: [Congratulations|Congrats]! You've won a {gbp} gift card. To claim, [pay the|cover a] {fee} [delivery|processing] fee at {enlink}",
    "[Congratulations|Congrats] {en_first}! You've been chosen for a {usd} {enbrand} reward. [Enter your card details|Confirm your bank card] to receive it: {enlink}",
    "[Your|This] {enbrand} [loyalty|reward] points ({n3}0) expire today! Redeem [for {prize}|now] at {enlink} - small shipping fee {fee}",
    "[Prize|Reward] notice: you won {prize}. Reply with the [code|6-digit code] we just sent you to [confirm|verify] the delivery.",
]


SLOTS["gbp_s"] = lambda r: r.choice(["£5", "£10", "£15", "£20", "$10", "$25", "£50"])


def en_rows(rng):
    out = []
    for _ in range(700):
        out.append({"label": "benign", "sender": None, "text": noise(fill(rng, rng.choice(EN_BENIGN)), rng, "en", False)})
    fr = []
    for _ in range(300):
        fr.append({"label": "prize_lottery", "sender": None, "text": noise(fill(rng, rng.choice(EN_FRAUD)), rng, "en", True)})
    return out, fr


def build():
    rng = random.Random(SEED)
    zh = []
    for _ in range(3200):
        zh.append({"label": "benign", "sender": rng.choice([None, None, fill(rng, "{mktsender}")]), "text": noise(zh_marketing(rng), rng, "zh", False)})
    fraud = []
    for _ in range(700):
        fraud.append({"label": "prize_lottery", "sender": None, "text": noise(zh_prize_fraud(rng), rng, "zh", True)})
    en, en_fraud = en_rows(rng)
    chats = [{"label": "benign", "sender": rng.choice([None, fill(rng, "{mobile}")]), "text": noise(fill(rng, rng.choice(CHAT)), rng, "zh", False)}
             for _ in range(1500)]
    return {
        "marketing_zh.jsonl": jsonl(dedupe(zh)),
        "chat_zh.jsonl": jsonl(dedupe(chats)),
        "marketing_en.jsonl": jsonl(dedupe(en)),
        "prize_fraud.jsonl": jsonl(dedupe(fraud + en_fraud)),
    }


if __name__ == "__main__":
    write_or_check(build(), OUT, "train/marketing")
