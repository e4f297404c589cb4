// Plain Kotlin (no Android imports): see VerdictView.kt.
package org.fanzha.sample.logic

import org.fanzha.Action
import org.fanzha.FraudType
import org.fanzha.Level

/** The sample app's two UI languages; the SDK localizes its own texts. */
enum class UiLang {
    ZH,
    EN,
    ;

    /** The locale the guard should use so the SDK's texts match the UI. */
    val sdkLocale: String get() = if (this == ZH) "zh-Hans" else "en"

    companion object {
        /** `zh`, `zh-CN`, `zh-Hans-CN`, `zh_TW` … → ZH; anything else → EN. */
        fun fromLocaleTag(tag: String?): UiLang {
            val t = tag?.trim()?.lowercase() ?: return EN
            return if (t == "zh" || t.startsWith("zh-") || t.startsWith("zh_")) ZH else EN
        }
    }
}

/**
 * The words the app itself adds around the SDK's verdicts. Kept in code
 * (not Android resources) so the JVM tests cover them and the iOS app's
 * `UiText.swift` can mirror the same keys.
 */
object UiText {
    enum class Key(val zh: String, val en: String) {
        // Screens
        TAB_NUMBER("号码", "Number"),
        TAB_LINK("链接", "Link"),
        TAB_MESSAGE("短信", "Message"),
        TAB_TRANSFER("转账", "Transfer"),
        TAB_REPORTS("举报", "Reports"),
        TAB_STATUS("状态", "Status"),
        CHECK("检查", "Check"),
        EXAMPLES("试试这些", "Try these"),
        EXPECTED("预期", "Expected"),
        AS_EXPECTED("与预期一致", "As expected"),
        NOT_AS_EXPECTED("与预期不符", "Not as expected"),
        WHY("原因", "Why"),
        WHAT_TO_DO("怎么做", "What to do"),
        FOUND_IN_MESSAGE("短信中的内容", "Found in the message"),
        SCORE("风险分", "Risk score"),
        NORMALIZED("规范化", "Normalized"),
        PROTECTION_DATA("防护数据", "Protection data"),
        // Number screen
        NUMBER_HINT("来电或短信号码", "Caller or sender number"),
        IN_CONTACTS("在通讯录中", "In contacts"),
        AS_SMS_SENDER("作为短信发送方", "As an SMS sender"),
        CALLS_LAST_HOUR("过去一小时来电次数", "Calls in the last hour"),
        // Link screen
        LINK_HINT("网址", "URL"),
        NO_LINK_IN_SHARED("分享的内容里没有链接", "The shared text has no link"),
        // Message screen
        SENDER_HINT("发送方（号码或名称，可空）", "Sender (number or name, optional)"),
        BODY_HINT("短信内容", "Message text"),
        // Transfer screen
        PAYEE_ACCOUNT("收款账户", "Payee account"),
        PAYEE_NAME("收款人", "Payee name"),
        ACCOUNT_KIND("账户类型", "Account kind"),
        AMOUNT("金额", "Amount"),
        CURRENCY("币种", "Currency"),
        MEMO("附言", "Memo"),
        NEW_PAYEE("新收款人", "New payee"),
        NAME_CHECK("收款人姓名核验（银行返回）", "Payee name check (from the bank)"),
        NAME_CHECK_NONE("未核验", "Not checked"),
        NAME_RETURNED("银行返回的户名", "Name the bank returned"),
        ON_A_CALL("正在通话", "On a call"),
        CALLER_NUMBER("通话对方号码（未知可空）", "Other party's number (empty if unknown)"),
        SCREEN_SHARING("正在共享屏幕", "Screen sharing on"),
        REMOTE_ACCESS("远程控制应用运行中", "Remote-control app running"),
        ACCESSIBILITY("已开启第三方无障碍服务", "Third-party accessibility service on"),
        LIVE_CONTEXT("手机当前状态", "What the phone is doing"),
        REVIEW_TRANSFER("检查这笔转账", "Review transfer"),
        CONFIRM_TRANSFER("确认转账", "Confirm transfer"),
        CANCEL_TRANSFER("取消转账", "Cancel transfer"),
        ASK_FOR_HELP("先求助（96110 或银行官方电话）", "Ask for help first (96110 or your bank)"),
        TRANSFER_SENT("（模拟）转账已发出", "(Mock) transfer sent"),
        TRANSFER_CANCELLED("转账已取消", "Transfer cancelled"),
        TRANSFER_BLOCKED("这笔转账已被拦截", "This transfer was stopped"),
        WAIT_SECONDS("请等待 %d 秒再确认", "Wait %d s before confirming"),
        ANSWER_QUESTIONS("请先回答以下问题", "Answer these questions first"),
        YES("是", "Yes"),
        NO("否", "No"),
        I_UNDERSTAND("我已了解风险", "I understand the risk"),
        CALL_96110("拨打 96110 咨询", "Call 96110 for advice"),
        // Reports
        REPORT_VALUE("号码、链接或账户", "Number, link or account"),
        REPORT_NOTE("说明（可空）", "Note (optional)"),
        FILE_REPORT("提交举报", "File report"),
        EXPORT_REPORTS("导出为 JSON", "Export as JSON"),
        MARK_UPLOADED("标记为已上传", "Mark uploaded"),
        DELETE("删除", "Delete"),
        PENDING("待上传", "Pending"),
        UPLOADED("已上传", "Uploaded"),
        NO_REPORTS("还没有举报", "No reports yet"),
        BLOCK_THIS("拉黑", "Block this"),
        ALLOW_THIS("信任", "Trust this"),
        // Status
        FEED_VERSION("防护数据版本", "Protection data version"),
        FRESHNESS("时效", "Freshness"),
        APPLY_FEED("从文件导入防护数据", "Apply a feed file"),
        EMBEDDED_ONLY("仅内置数据（未导入防护数据）", "Embedded data only (no feed applied)"),
        FEED_APPLIED("防护数据已更新", "Protection data updated"),
        FEED_REFUSED("防护数据被拒绝", "Feed refused"),
        FEED_FULL("完整", "full"),
        FEED_DELTA("增量", "delta"),
        FEED_ALREADY_EXPIRED(
            "该数据已过期：结果会带 feed.stale，请尽快导入更新的版本",
            "already expired: verdicts carry feed.stale until a newer one is applied",
        ),
        FEED_TOO_LARGE("文件超过 %d MB，未导入", "The file is over %d MB: not applied"),
        NO_PINNED_KEYS(
            "未配置防护数据发布者公钥（trusted-feed-keys.txt）：任何防护数据文件都会被拒绝",
            "No feed publisher key pinned (trusted-feed-keys.txt): every feed file will be refused",
        ),
        PINNED_KEYS("已配置的发布者公钥：%d 个", "Pinned publisher keys: %d"),
        // Notices
        FEED_STALE(
            "防护数据已过期，结果可能不完整，请更新。",
            "Protection data has expired: results may miss new scams. Update it.",
        ),
        STORE_UNAVAILABLE(
            "本地防护数据无法读取，目前仅使用内置数据。",
            "The local protection store can't be read: only the built-in data is in use.",
        ),
        CHECK_FAILED("无法检查", "Couldn't check"),
        // Notifications
        CHANNEL_CALLS("来电提醒", "Call warnings"),
        CHANNEL_MESSAGES("短信提醒", "Message warnings"),
        CALL_BLOCKED("已拦截来电", "Call blocked"),
        CALL_WARNING("来电风险提醒", "Incoming call warning"),
        CALL_TRUSTED("官方号码来电", "Official number calling"),
        SMS_WARNING("短信风险提醒", "Message warning"),
    }

    fun get(lang: UiLang, key: Key): String = if (lang == UiLang.ZH) key.zh else key.en

    /** A key whose text has one `%d`. */
    fun format(lang: UiLang, key: Key, n: Int): String = get(lang, key).replace("%d", n.toString())

    fun level(lang: UiLang, level: Level): String = when (level) {
        Level.TRUSTED -> if (lang == UiLang.ZH) "可信" else "Trusted"
        Level.CLEAR -> if (lang == UiLang.ZH) "未发现风险" else "No risk found"
        Level.SUSPICIOUS -> if (lang == UiLang.ZH) "可疑" else "Suspicious"
        Level.DANGEROUS -> if (lang == UiLang.ZH) "危险" else "Dangerous"
    }

    fun action(lang: UiLang, action: Action): String = when (action) {
        Action.ALLOW -> if (lang == UiLang.ZH) "放行" else "Allow"
        Action.WARN -> if (lang == UiLang.ZH) "提醒" else "Warn"
        Action.CONFIRM -> if (lang == UiLang.ZH) "需确认" else "Confirm first"
        Action.BLOCK -> if (lang == UiLang.ZH) "拦截" else "Block"
    }

    /** Short names of the fraud taxonomy (DESIGN.md). */
    fun fraudType(lang: UiLang, t: FraudType): String {
        val (zh, en) = when (t) {
            FraudType.REBATE_TASK -> "刷单返利" to "Task / rebate scam"
            FraudType.FAKE_INVESTMENT -> "虚假投资理财" to "Fake investment"
            FraudType.FAKE_LOAN -> "虚假网络贷款" to "Fake loan"
            FraudType.IMPERSONATE_CUSTOMER_SERVICE -> "冒充电商物流客服" to "Fake customer service"
            FraudType.IMPERSONATE_AUTHORITY -> "冒充公检法" to "Fake police / officials"
            FraudType.FAKE_CREDIT_REPAIR -> "虚假征信" to "Fake credit repair"
            FraudType.FAKE_SHOPPING -> "虚假购物服务" to "Fake shopping"
            FraudType.IMPERSONATE_ACQUAINTANCE -> "冒充领导熟人" to "Fake boss / friend"
            FraudType.GAME_TRADING -> "网游虚假交易" to "Game-trading scam"
            FraudType.ROMANCE_INVESTMENT -> "杀猪盘" to "Romance-investment scam"
            FraudType.FAKE_JOB -> "虚假招聘" to "Fake job"
            FraudType.PRIZE_LOTTERY -> "中奖诈骗" to "Fake prize"
            FraudType.VERIFICATION_CODE -> "骗取验证码" to "Verification-code theft"
            FraudType.PHISHING -> "钓鱼网站" to "Phishing"
            FraudType.MALWARE_APP -> "恶意应用" to "Malicious app"
            FraudType.OTHER -> "其他" to "Other"
        }
        return if (lang == UiLang.ZH) zh else en
    }
}
