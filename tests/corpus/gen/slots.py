import re
"""Slot values for the corpus templates. All names, numbers, ids and codes
are made up; links to real brands' own domains appear only in ordinary
(benign) messages, links in fraud messages use invented domains."""
import string

SURN = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳")
EN_FIRST = ["James", "Emma", "Oliver", "Sophie", "Jack", "Amelia", "Harry", "Olivia", "Liam", "Mia", "Noah", "Ava", "Ethan", "Chloe", "Lucas", "Grace", "Mason", "Lily", "Logan", "Ella", "Dan", "Kate", "Tom", "Sarah", "Mike", "Jess", "Chris", "Becky", "Sam", "Hannah", "Josh", "Megan", "Ryan", "Laura", "Matt", "Amy", "Ben", "Rachel", "Dave", "Zoe", "Priya", "Raj", "Wei", "Mei", "Carlos", "Maria", "Ahmed", "Fatima", "Kwame", "Aisha", "Pete", "Nicola", "Gary", "Tina", "Steve", "Linda"]
EN_LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "Harris", "Martin", "Garcia", "Miller", "Davis", "Lopez", "Nguyen", "Kim", "Chen", "Murphy", "O'Brien", "Campbell", "Hughes"]

BANKS = [("工商银行", "95588"), ("建设银行", "95533"), ("农业银行", "95599"), ("中国银行", "95566"), ("交通银行", "95559"), ("招商银行", "95555"), ("邮储银行", "95580"), ("浦发银行", "95528"), ("民生银行", "95568"), ("兴业银行", "95561"), ("中信银行", "95558"), ("光大银行", "95595"), ("平安银行", "95511"), ("华夏银行", "95577"), ("广发银行", "95508"), ("北京银行", "95526"), ("上海银行", "95594"), ("宁波银行", "95574"), ("浙商银行", "95527"), ("江苏银行", "95319")]
CARRIERS = [("中国移动", "10086"), ("中国联通", "10010"), ("中国电信", "10000"), ("中国广电", "10099")]
SHOPS = ["淘宝", "天猫", "京东", "拼多多", "抖音商城", "快手小店", "唯品会", "苏宁易购", "闲鱼", "小红书", "得物", "当当"]
PAYAPPS = ["支付宝", "微信支付", "云闪付", "京东金融", "美团", "抖音支付"]
LOANAPPS = ["借呗", "微粒贷", "京东金条", "花呗", "美团借钱", "360借条", "招联金融", "度小满", "分期乐", "安逸花", "有钱花", "平安普惠"]
CS_FEATURES = ["百万保障", "会员自动续费", "学生身份认证", "快递理赔", "商品质量问题理赔", "校园贷账户", "直播会员", "京东白条", "花呗分期", "征信异常", "保险自动扣费", "抖音月付", "电商代理商资格", "退货险"]
COURIERS = ["顺丰", "中通", "圆通", "申通", "韵达", "极兔", "京东物流", "邮政EMS", "德邦"]
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "重庆", "武汉", "西安", "长沙", "郑州", "济南", "青岛", "厦门", "福州", "合肥", "南昌", "昆明", "贵阳", "南宁", "太原", "石家庄", "沈阳", "大连", "哈尔滨", "长春", "天津", "苏州", "无锡", "宁波", "温州", "佛山", "东莞", "珠海", "兰州", "乌鲁木齐", "呼和浩特", "海口", "三亚", "洛阳", "绍兴", "泉州", "惠州", "中山", "徐州", "烟台", "潍坊", "保定", "邯郸"]
DISTRICTS = ["朝阳区", "海淀区", "浦东新区", "徐汇区", "天河区", "越秀区", "南山区", "福田区", "西湖区", "余杭区", "鼓楼区", "武侯区", "锦江区", "江汉区", "雁塔区", "岳麓区", "金水区", "历下区", "思明区", "高新区", "经开区", "滨江区", "江北区", "城关区"]
ROADS = ["人民路", "解放路", "建设路", "中山路", "和平路", "文化路", "新华路", "胜利路", "长江路", "黄河路", "青年路", "学府路", "科技路", "东风路", "光明路", "幸福路", "南京路", "滨河路"]
ESTATES = ["阳光花园", "碧桂园", "万科城", "翡翠湾", "锦绣华庭", "金色家园", "保利香槟", "绿地中心", "龙湖春江郦城", "华润二十四城", "中海国际社区", "融创壹号院", "恒大名都", "世纪城", "幸福里", "书香苑"]
GAMES = ["王者荣耀", "和平精英", "原神", "英雄联盟", "梦幻西游", "逆水寒", "第五人格", "蛋仔派对", "穿越火线", "我的世界", "金铲铲之战", "永劫无间", "CSGO", "阴阳师", "崩坏星穹铁道"]
STOCK_APPS = ["鑫汇通", "恒泰财富", "金盛国际", "华尔通", "嘉信汇", "众赢宝", "盈泰优选", "中金汇盈", "博信资本", "天汇金融", "瑞银通", "东方汇智", "永利达", "赢富宝", "鼎盛国际"]
COINS = ["USDT", "比特币", "以太坊", "泰达币", "数字人民币", "NFT藏品", "虚拟币"]
COMPANIES = ["华信科技", "锦程物流", "盛世文化传媒", "启航教育", "鼎新电子", "鸿运贸易", "星辰网络", "蓝海建设", "嘉禾食品", "优品家居", "金桥实业", "瑞丰医药", "恒通汽车", "天成装饰", "云帆信息"]
SCHOOLS = ["实验小学", "第一中学", "第二中学", "育才小学", "外国语学校", "师范附小", "第三十五中学", "新城幼儿园", "阳光幼儿园", "职业技术学院", "理工大学", "师范大学", "财经大学"]
HOSPITALS = ["市第一人民医院", "市中医院", "妇幼保健院", "中心医院", "口腔医院", "儿童医院", "区人民医院", "协和医院", "市第三医院", "社区卫生服务中心"]
AUTH = ["公安局", "刑侦支队", "经侦大队", "派出所", "检察院", "人民法院", "疾控中心", "卫健委", "市场监督管理局", "税务局", "社保局", "医保局", "海关", "网信办", "通信管理局", "银保监局", "金融监管局", "中国人民银行", "出入境管理局", "国家反诈中心"]
CRIMES = ["洗钱", "非法集资", "贩毒洗钱", "跨境赌博", "电信诈骗", "拐卖儿童", "偷税漏税", "非法出境", "医保卡违规套现", "传播谣言", "涉嫌窝藏赃款", "信用卡恶意透支", "快递涉嫌走私", "护照非法使用"]
PRODUCTS = ["iPhone 15", "华为Mate60", "小米14", "戴森吹风机", "茅台飞天", "LV包包", "耐克AJ", "演唱会门票", "婴儿奶粉", "扫地机器人", "空气炸锅", "SK-II神仙水", "Switch游戏机", "黄金手镯", "iPad", "按摩椅", "羽绒服", "纸尿裤", "洗衣液", "电饭煲", "大米", "猫粮", "车厘子", "榴莲"]
ITEMS_SMALL = ["洗衣液", "纸巾", "酸奶", "水果", "鸡蛋", "食用油", "牛奶", "面包", "米", "咖啡", "花生油", "零食"]
FOODS = ["黄焖鸡米饭", "麻辣烫", "烤鱼", "奶茶", "汉堡套餐", "酸菜鱼", "螺蛳粉", "炸鸡", "饺子", "牛肉面", "火锅", "寿司", "披萨", "烧烤", "煲仔饭"]
BRANDS = ["美团", "饿了么", "肯德基", "麦当劳", "星巴克", "瑞幸咖啡", "喜茶", "蜜雪冰城", "盒马", "山姆会员店", "沃尔玛", "永辉超市", "优衣库", "李宁", "安踏", "海底捞", "屈臣氏", "名创优品", "滴滴出行", "携程", "飞猪", "去哪儿", "12306", "华为商城", "小米之家", "OPPO", "vivo", "格力", "美的", "苏宁", "国美", "国家电网", "南方电网", "中国石化", "中国石油", "链家", "贝壳找房", "我爱我家", "新东方", "学而思", "作业帮", "爱奇艺", "腾讯视频", "优酷", "网易云音乐", "QQ音乐", "哔哩哔哩", "Keep", "大众点评", "高德地图", "顺丰速运", "菜鸟驿站"]
JOBS = ["打字员", "客服专员", "数据录入", "短视频剪辑", "网店运营", "主播助理", "文案编辑", "仓库分拣", "外卖骑手", "普工", "销售代表", "行政前台", "司机", "保安", "会计助理", "设计师", "程序员", "护工", "家政阿姨", "快递员"]
PLATFORMS_SOCIAL = ["抖音", "快手", "小红书", "微博", "B站", "微信视频号", "美团", "大众点评", "淘宝直播", "拼多多"]
RELATIONS = ["儿子", "女儿", "老公", "老婆", "妈", "爸", "舅舅", "表哥", "表姐", "小姨", "侄子", "外甥", "老同学", "老战友", "大学室友"]
LEADER_TITLES = ["王总", "李总", "张局", "刘处长", "陈书记", "赵校长", "周主任", "吴董", "孙经理", "黄院长", "郑科长", "何老师"]
ROMANCE_JOBS = ["海外工程师", "投资顾问", "医生", "军官", "金融分析师", "跨境电商老板", "珠宝商", "新加坡华侨", "香港基金经理", "维和部队军医"]
EMOJI = ["😊", "👍", "🎉", "🔥", "💰", "🎁", "❤️", "😂", "🙏", "👉", "✨", "📦", "🧧", "⚠️", "✅", "🌹", "😘", "💪", "📢", "🥳", "😄", "🤝", "☀️", "🍉"]

UK_BANKS = ["Barclays", "HSBC", "Lloyds", "NatWest", "Santander", "Halifax", "Nationwide", "Monzo", "Starling", "TSB", "Metro Bank", "Revolut"]
US_BANKS = ["Chase", "Bank of America", "Wells Fargo", "Citi", "Capital One", "US Bank", "PNC", "TD Bank", "Navy Federal", "Ally"]
EN_COURIERS = ["Royal Mail", "Evri", "DPD", "DHL", "Yodel", "Parcelforce", "USPS", "UPS", "FedEx", "Amazon Logistics", "InPost", "Canada Post", "Australia Post"]
EN_BRANDS = ["Amazon", "Apple", "Netflix", "PayPal", "Tesco", "Sainsbury's", "Argos", "Boots", "Costa", "Walmart", "Target", "Costco", "Best Buy", "eBay", "Uber", "Deliveroo", "Just Eat", "Spotify", "Disney+", "Vodafone", "EE", "O2", "Three", "Verizon", "AT&T", "T-Mobile", "Sky", "BT", "Virgin Media", "Asda", "Currys", "Nike", "Adidas", "Domino's", "Pizza Hut", "Starbucks", "Greggs", "Lidl", "Aldi", "Superdrug"]
EN_CITIES = ["London", "Manchester", "Leeds", "Bristol", "Glasgow", "Birmingham", "Liverpool", "Cardiff", "Edinburgh", "Sheffield", "Nottingham", "Leicester", "New York", "Chicago", "Houston", "Phoenix", "Dallas", "Seattle", "Denver", "Atlanta", "Boston", "Miami", "Toronto", "Sydney", "Dublin"]
EN_STREETS = ["High St", "Station Rd", "Church Lane", "Park Ave", "Main St", "Oak Drive", "Elm Road", "Victoria St", "Mill Lane", "King St", "Maple Ave", "5th Ave"]
EN_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "tomorrow", "today"]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EN_PRIZES = ["a Nokia 3510i", "a £2000 holiday", "£1000 cash", "£500 Tesco vouchers", "an iPhone 15", "a brand new PS5", "$1000 Walmart gift card", "a 4* Ibiza holiday", "£250 M&S voucher", "a Samsung Galaxy", "$500 Amazon gift card", "a FREE camera phone", "2 return flights", "£5000 cash or a holiday", "a Sony DVD recorder", "a Dyson Airwrap"]
CRYPTO = ["BTC", "USDT", "ETH", "crypto", "Bitcoin", "XRP", "SOL"]

FRAUD_TLDS = ["top", "xyz", "vip", "cc", "icu", "club", "shop", "live", "online", "site", "buzz", "work", "life", "info", "ltd", "pw", "cyou", "sbs", "cfd", "bond", "rest", "one", "asia", "cn.com", "com", "net", "app"]
FRAUD_WORDS = ["secure", "verify", "account", "login", "update", "service", "help", "support", "refund", "pay", "auth", "check", "portal", "online", "my", "alert", "track", "redelivery", "claim", "bonus", "gift", "vip", "kefu", "tuikuan", "etc", "jk", "gov-zw", "wy", "zq", "hd", "app", "dl", "down"]
FRAUD_BRANDS = ["icbc", "ccb", "abc", "boc", "cmb", "alipay", "taobao", "jd", "pdd", "etc", "12123", "10086", "unicom", "chsi", "sf", "zto", "douyin", "wechat", "tax", "gjzwfw", "ybj", "hsbc", "barclays", "lloyds", "natwest", "santander", "halifax", "chase", "wellsfargo", "usps", "royalmail", "evri", "dpd", "dhl", "hmrc", "gov-uk", "irs", "ezpass", "fastrak", "paypal", "amazon", "apple", "netflix", "coinbase", "binance", "metamask"]


def _d(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def _a(rng, n, alphabet=string.ascii_lowercase + string.digits):
    return "".join(rng.choice(alphabet) for _ in range(n))


def mobile(rng):
    return rng.choice(["13", "15", "18", "17", "19", "16", "14"]) + _d(rng, 9)


def virtual_mobile(rng):
    return rng.choice(["170", "171", "165", "167", "162"]) + _d(rng, 8)


def landline(rng):
    return rng.choice(["010-", "021-", "020-", "0755-", "0571-", "025-", "028-", "023-", "027-", "029-", "0731-", "0371-"]) + _d(rng, 8)


def fraud_phone(rng):
    r = rng.random()
    if r < 0.35:
        return mobile(rng)
    if r < 0.55:
        return virtual_mobile(rng)
    if r < 0.7:
        return "400-" + _d(rng, 3) + "-" + _d(rng, 4)
    if r < 0.85:
        return landline(rng)
    return rng.choice(["+852", "+855", "+63", "+95", "+60", "00852"]) + _d(rng, 8)


def amount_small(rng):
    return str(rng.choice([9.9, 19.9, 29, 39, 49.9, 59, 68, 88, 99, 128, 168, 199, 200, 288, 300, 388, 500]))


def amount_mid(rng):
    return str(rng.choice([500, 800, 1000, 1200, 1500, 2000, 2680, 3000, 3800, 4999, 5000, 6800, 8000, 8888, 9800]))


def amount_big(rng):
    return str(rng.choice([10000, 20000, 30000, 50000, 60000, 80000, 100000, 150000, 200000, 300000, 500000]))


def money(rng):
    v = rng.choice([rng.randint(1, 99) + rng.randint(0, 99) / 100, rng.randint(100, 9999) + rng.randint(0, 99) / 100, rng.randint(10000, 60000) + 0.0])
    s = "%.2f" % v
    if v >= 1000 and rng.random() < 0.6:
        s = "{:,.2f}".format(v)
    return s


def zh_name(rng):
    s = rng.choice(SURN)
    g = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return s + g


def zh_title(rng):
    return rng.choice(SURN) + rng.choice(["先生", "女士", "老师", "经理", "警官", "姐", "哥", "总", "阿姨", "师傅"])


def date_zh(rng):
    return "%d月%d日" % (rng.randint(1, 12), rng.randint(1, 28))


def time_zh(rng):
    return "%02d:%02d" % (rng.randint(7, 22), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50]))


def link_fraud(rng):
    r = rng.random()
    label = rng.choice([rng.choice(FRAUD_BRANDS) + "-" + rng.choice(FRAUD_WORDS), rng.choice(FRAUD_WORDS) + rng.choice(FRAUD_BRANDS), _a(rng, rng.randint(4, 9)), rng.choice(FRAUD_BRANDS) + _d(rng, rng.randint(2, 4))])
    host = label + "." + rng.choice(FRAUD_TLDS)
    if r < 0.15:
        host = "%d.%d.%d.%d" % (rng.randint(23, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)) + rng.choice(["", ":8080", ":8888"])
    elif r < 0.25:
        host = rng.choice(["t.cn", "dwz.cn", "url.cn", "bit.ly", "tinyurl.com", "s.id", "rb.gy", "is.gd", "cutt.ly"])
    elif r < 0.35:
        host = rng.choice(FRAUD_BRANDS) + "-" + _a(rng, 5) + "." + rng.choice(["pages.dev", "web.app", "netlify.app", "vercel.app", "github.io", "weebly.com", "firebaseapp.com", "workers.dev"])
    path = rng.choice(["", "/", "/" + _a(rng, rng.randint(4, 8), string.ascii_letters + string.digits), "/login", "/verify", "/m/" + _a(rng, 6), "/?id=" + _d(rng, 6), "/pay", "/index.html", "/app.apk", "/kf", "/h5/" + _a(rng, 5)])
    scheme = rng.choice(["https://", "http://", "", "", "https://www."])
    return scheme + host + path


def link_apk(rng):
    return rng.choice(["http://", "https://", ""]) + _a(rng, rng.randint(4, 8)) + "." + rng.choice(FRAUD_TLDS) + "/" + rng.choice(["app", "download", "dl", "d"]) + "/" + _a(rng, 5) + rng.choice([".apk", ".apk", "", "?ch=" + _d(rng, 4)])


def link_official_zh(rng):
    return rng.choice([
        "https://m.10086.cn/" + _a(rng, 5), "http://u.10010.cn/" + _a(rng, 5, string.ascii_letters + string.digits), "https://dx.10000.gd.cn/" + _a(rng, 4),
        "https://3.cn/" + _a(rng, 6, string.ascii_letters + string.digits), "https://u.jd.com/" + _a(rng, 7, string.ascii_letters + string.digits),
        "https://m.tb.cn/h." + _a(rng, 7, string.ascii_letters + string.digits), "https://mobile.yangkeduo.com/" + _a(rng, 5),
        "https://dpurl.cn/" + _a(rng, 6, string.ascii_letters + string.digits), "https://i.meituan.com/" + _a(rng, 5), "https://ele.me/" + _a(rng, 5),
        "https://cmbt.cn/" + _a(rng, 6, string.ascii_letters + string.digits), "https://m.icbc.com.cn/" + _a(rng, 4), "https://ccb.com/" + _a(rng, 4),
        "https://t.cn/" + _a(rng, 7, string.ascii_letters + string.digits), "https://a.app.qq.com/o/simple.jsp?pkgname=com." + _a(rng, 6),
        "https://www.12306.cn", "https://www.gov.cn", "https://zwfw.gov.cn/" + _a(rng, 4), "https://www.chsi.com.cn", "https://wx.sf-express.com/" + _a(rng, 5),
        "https://s.ctrip.com/" + _a(rng, 6), "https://kfm.zhihuishu.com/" + _a(rng, 4), "https://www.bilibili.com/video/BV1" + _a(rng, 9, string.ascii_letters + string.digits),
    ])


def link_official_en(rng):
    return rng.choice([
        "amzn.to/" + _a(rng, 7, string.ascii_letters + string.digits), "https://www.royalmail.com/track", "https://track.dpd.co.uk/" + _a(rng, 8),
        "https://www.evri.com/track/" + _a(rng, 8), "https://nhs.uk/" + _a(rng, 5), "https://www.gov.uk/" + _a(rng, 6), "https://t.co/" + _a(rng, 8, string.ascii_letters + string.digits),
        "https://bit.ly/" + _a(rng, 7, string.ascii_letters + string.digits), "https://www.tesco.com/clubcard", "https://o2.uk/" + _a(rng, 5), "https://ee.co.uk/" + _a(rng, 5),
        "https://www.usps.com/track", "https://go.walmart.com/" + _a(rng, 5), "https://www.target.com/circle", "https://dominos.co.uk/" + _a(rng, 5), "https://zoom.us/j/" + _d(rng, 10),
        "https://calendly.com/" + rng.choice(EN_FIRST).lower(), "https://uber.com/r/" + _a(rng, 6), "https://www.boots.com/advantage", "https://aka.ms/" + _a(rng, 6),
    ])


def en_prem(rng):
    return "09" + rng.choice(["0", "1", "8"]) + _d(rng, 8)


def uk_mobile(rng):
    return "07" + _d(rng, 9)


def us_phone(rng):
    return "(%s) %s-%s" % (_d(rng, 3), _d(rng, 3), _d(rng, 4))


def shortcode(rng):
    return rng.choice(["8", "6", "7", "5"]) + _d(rng, 4)


SLOTS = {
    "name": zh_name,
    "sname": lambda r: r.choice(SURN),
    "title": zh_title,
    "bank": lambda r: r.choice(BANKS)[0],
    "bankno": lambda r: r.choice(BANKS)[1],
    "carrier": lambda r: r.choice(CARRIERS)[0],
    "shop": lambda r: r.choice(SHOPS),
    "payapp": lambda r: r.choice(PAYAPPS),
    "loanapp": lambda r: r.choice(LOANAPPS),
    "feature": lambda r: r.choice(CS_FEATURES),
    "courier": lambda r: r.choice(COURIERS),
    "city": lambda r: r.choice(CITIES),
    "district": lambda r: r.choice(DISTRICTS),
    "road": lambda r: r.choice(ROADS),
    "estate": lambda r: r.choice(ESTATES),
    "game": lambda r: r.choice(GAMES),
    "stockapp": lambda r: r.choice(STOCK_APPS),
    "coin": lambda r: r.choice(COINS),
    "company": lambda r: r.choice(COMPANIES),
    "school": lambda r: r.choice(SCHOOLS),
    "hospital": lambda r: r.choice(HOSPITALS),
    "auth": lambda r: r.choice(AUTH),
    "crime": lambda r: r.choice(CRIMES),
    "product": lambda r: r.choice(PRODUCTS),
    "item": lambda r: r.choice(ITEMS_SMALL),
    "food": lambda r: r.choice(FOODS),
    "brand": lambda r: r.choice(BRANDS),
    "job": lambda r: r.choice(JOBS),
    "social": lambda r: r.choice(PLATFORMS_SOCIAL),
    "rel": lambda r: r.choice(RELATIONS),
    "leader": lambda r: r.choice(LEADER_TITLES),
    "rjob": lambda r: r.choice(ROMANCE_JOBS),
    "emoji": lambda r: r.choice(EMOJI),
    "mobile": mobile,
    "vmobile": virtual_mobile,
    "landline": landline,
    "fphone": fraud_phone,
    "hotline": lambda r: "400-" + _d(r, 3) + "-" + _d(r, 4),
    "small": amount_small,
    "mid": amount_mid,
    "big": amount_big,
    "money": money,
    "pct": lambda r: str(r.choice([3, 5, 8, 10, 12, 15, 20, 30, 50])),
    "n1": lambda r: str(r.randint(1, 9)),
    "n2": lambda r: str(r.randint(10, 99)),
    "n3": lambda r: str(r.randint(100, 999)),
    "tail": lambda r: _d(r, 4),
    "code4": lambda r: _d(r, 4),
    "code6": lambda r: _d(r, 6),
    "order": lambda r: r.choice(["", "SF", "YT", "JT", "ZT", "DD"]) + _d(r, r.randint(10, 15)),
    "pickup": lambda r: "%d-%d-%d" % (r.randint(1, 30), r.randint(1, 6), r.randint(1000, 9999)),
    "qq": lambda r: str(r.randint(1, 9)) + _d(r, r.randint(7, 9)),
    "wx": lambda r: r.choice(["", "wx", "vx", "a", "ab", "zx", "lucky", "jj", "kf"]) + _a(r, r.randint(5, 8)) + r.choice(["", "88", "666", "520", "168"]),
    "tg": lambda r: "@" + _a(r, r.randint(5, 10), string.ascii_letters + string.digits + "_"),
    "room": lambda r: str(r.randint(1000000, 99999999)),
    "date": date_zh,
    "time": time_zh,
    "year": lambda r: str(r.choice([2024, 2025, 2026])),
    "link": link_fraud,
    "apk": link_apk,
    "olink": link_official_zh,
    "plate": lambda r: r.choice("京沪粤浙苏川渝鄂陕湘豫鲁闽皖") + r.choice("ABCDEFGH") + _a(r, 5, string.ascii_uppercase + string.digits),
    "idtail": lambda r: _d(r, 4) if r.random() < 0.8 else _d(r, 3) + "X",
    "case": lambda r: "(%s)%s刑字第%s号" % (r.choice(["2024", "2025", "2026"]), r.choice(["京公", "沪公", "粤公", "浙公", "川公"]), _d(r, 5)),
    "badge": lambda r: _d(r, 6),
    "en_first": lambda r: r.choice(EN_FIRST),
    "en_last": lambda r: r.choice(EN_LAST),
    "ukbank": lambda r: r.choice(UK_BANKS),
    "usbank": lambda r: r.choice(US_BANKS),
    "encourier": lambda r: r.choice(EN_COURIERS),
    "enbrand": lambda r: r.choice(EN_BRANDS),
    "encity": lambda r: r.choice(EN_CITIES),
    "street": lambda r: "%d %s" % (r.randint(1, 220), r.choice(EN_STREETS)),
    "day": lambda r: r.choice(EN_WEEKDAYS),
    "endate": lambda r: "%d %s" % (r.randint(1, 28), r.choice(EN_MONTHS)),
    "entime": lambda r: r.choice(["%d:%02d%s" % (r.randint(1, 12), r.choice([0, 15, 30, 45]), r.choice(["am", "pm", "", " AM", " PM"])), "%02d:%02d" % (r.randint(7, 20), r.choice([0, 10, 15, 30, 45]))]),
    "prize": lambda r: r.choice(EN_PRIZES),
    "gbp": lambda r: r.choice(["£", "£", "GBP "]) + str(r.choice([100, 150, 200, 250, 350, 500, 750, 800, 900, 1000, 1500, 2000, 5000])),
    "usd": lambda r: "$" + str(r.choice([50, 100, 200, 250, 500, 750, 1000, 1500, 2500, 5000])),
    "fee": lambda r: r.choice(["£1.45", "£2.99", "£1.99", "$1.50", "$2.45", "£0.89", "$3.00", "£2.10", "$0.99", "€1.99"]),
    "cost": lambda r: r.choice(["150p", "£1.50", "£1/min", "25p", "50p", "£3/wk", "£4.50/wk", "£10/month", "60p/min", "$3.99/msg", "£1.50/msg"]),
    "prem": en_prem,
    "ukmob": uk_mobile,
    "usphone": us_phone,
    "short": shortcode,
    "crypto": lambda r: r.choice(CRYPTO),
    "enlink": lambda r: link_fraud(r).replace("kefu", "help").replace("tuikuan", "refund"),
    "eolink": link_official_en,
    "pcode": lambda r: r.choice(["SW1A", "M1", "LS2", "BS1", "G2", "B1", "L1", "CF10", "EH1", "NW3", "E14", "SE1"]) + " " + str(r.randint(1, 9)) + r.choice("ABDEFGHJLNPQRSTUWXYZ") + r.choice("ABDEFGHJLNPQRSTUWXYZ"),
    "ref": lambda r: _a(r, 2, string.ascii_uppercase) + _d(r, r.randint(6, 9)),
    "enorder": lambda r: r.choice(["#", "", "No. "]) + _d(r, r.randint(6, 10)),
}

SLOTS.update({
    "unsub": lambda r: r.choice(["回T退订", "退订回T", "拒收请回复R", "回TD退订", "退订回N", "回复TD退订", "如不需要请回复T", "回复N退订", "退订回T。", "拒收请回R"]),
    "code_seat": lambda r: "%02d%s" % (r.randint(1, 18), r.choice("ABCDF")),
    "auth0": lambda r: r.choice(["医保局", "人社局", "税务局", "卫健委", "教育局", "住建局", "民政局"]),
})
PAIRED = {"bankno": ("bank", dict(BANKS)), "carrierno": ("carrier", dict(CARRIERS))}
SLOTS.update({
    "n5": lambda r: _d(r, 5),
    "rjob_en": lambda r: r.choice(["surgeon with the UN", "engineer on an oil rig", "US Army captain", "crypto trader", "fashion designer in Milan", "wine importer", "architect in Dubai", "doctor in Syria"]),
})
SLOTS.update({
    "stop": lambda r: r.choice(["Reply STOP to opt out", "Txt STOP to end", "STOP to unsubscribe", "Reply STOP to unsubscribe", "Msg&data rates may apply. Reply STOP to cancel, HELP for help", "Opt out: reply STOP", "To opt out text STOP to {short}", "Unsubscribe: {eolink}", "", "STOP2end", "Text STOP to 8" + _d(r, 4) + " to opt out"]),
    "mktsender": lambda r: r.choice(["106", "1069", "10690", "10655", "1065"]) + _d(r, r.randint(5, 9)),
})
NOCACHE_EXTRA = {"stop"}
SLOTS["bill"] = lambda r: "%.2f" % (r.randint(5, 480) + r.randint(0, 99) / 100)
SLOTS["usdbig"] = lambda r: "$" + r.choice(["5,000", "10,000", "25,000", "50,000", "15000", "250,000", "1,000,000", "7500"])
SLOTS["gbpbig"] = lambda r: "£" + r.choice(["5,000", "10,000", "2000", "3,500", "25,000"])
PAIRED["enbrandlink"] = ("enbrand", {b: "https://www." + re.sub(r"[^a-z0-9]", "", b.lower().replace("&", "and")) + r2 for b, r2 in zip(EN_BRANDS, [".com", ".co.uk"] * 40)})
SLOTS["cardno"] = lambda r: "62" + _d(r, 2) + " " + _d(r, 4) + " " + _d(r, 4) + " " + _d(r, 4) + (" " + _d(r, 3) if r.random() < 0.6 else "")
PAIRED["encourierlink"] = ("encourier", {"Royal Mail": "https://www.royalmail.com/track-your-item", "Evri": "https://www.evri.com/track", "DPD": "https://track.dpd.co.uk", "DHL": "https://www.dhl.com/track", "Yodel": "https://www.yodel.co.uk/tracking", "Parcelforce": "https://www.parcelforce.com/track-trace", "USPS": "https://tools.usps.com/go/TrackConfirmAction", "UPS": "https://www.ups.com/track", "FedEx": "https://www.fedex.com/fedextrack", "Amazon Logistics": "https://www.amazon.com/progress-tracker", "InPost": "https://inpost.co.uk/tracking", "Canada Post": "https://www.canadapost-postescanada.ca/track", "Australia Post": "https://auspost.com.au/mypost/track"})
