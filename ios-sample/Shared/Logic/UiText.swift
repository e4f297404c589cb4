// Pure Swift (Foundation + Fanzha only): the words the app adds around the
// SDK's verdicts. Mirrors android-sample/…/logic/UiText.kt key for key.
import Fanzha
import Foundation

enum UiLang {
    case zh, en

    /// The locale the guard should use so the SDK's texts match the UI.
    var sdkLocale: String { self == .zh ? "zh-Hans" : "en" }

    /// `zh`, `zh-Hans-CN`, `zh_TW` … → zh; anything else → en.
    static func from(localeIdentifier id: String?) -> UiLang {
        guard let t = id?.trimmingCharacters(in: .whitespaces).lowercased() else { return .en }
        return (t == "zh" || t.hasPrefix("zh-") || t.hasPrefix("zh_")) ? .zh : .en
    }

    static var current: UiLang { from(localeIdentifier: Locale.preferredLanguages.first) }
}

enum UiKey: String {
    case tabNumber, tabLink, tabMessage, tabTransfer, tabReports, tabStatus
    case check, examples, asExpected, notAsExpected, why, whatToDo, foundInMessage, score, normalized, protectionData
    case numberHint, inContacts, asSmsSender, callsLastHour
    case linkHint, senderHint, bodyHint
    case payeeAccount, payeeName, amount, currency, memo, newPayee, onACall, callerNumber, screenSharing, remoteAccess
    case reviewTransfer, confirmTransfer, cancelTransfer, transferSent, transferCancelled, transferBlocked
    case waitSeconds, answerQuestions, yes, no, iUnderstand, call96110, askForHelp
    case reportValue, reportNote, fileReport, exportReports, markUploaded, delete, pending, uploaded, noReports, blockThis, allowThis
    case feedVersion, freshness, applyFeed, embeddedOnly, feedApplied, feedRefused
    case feedFull, feedDelta, feedAlreadyExpired, feedTooLarge, noPinnedKeys, pinnedKeys
    case feedStale, storeUnavailable, checkFailed
}

enum UiText {
    private static let table: [UiKey: (String, String)] = [
        .tabNumber: ("号码", "Number"), .tabLink: ("链接", "Link"), .tabMessage: ("短信", "Message"),
        .tabTransfer: ("转账", "Transfer"), .tabReports: ("举报", "Reports"), .tabStatus: ("状态", "Status"),
        .check: ("检查", "Check"), .examples: ("试试这些", "Try these"),
        .asExpected: ("与预期一致", "As expected"), .notAsExpected: ("与预期不符", "Not as expected"),
        .why: ("原因", "Why"), .whatToDo: ("怎么做", "What to do"), .foundInMessage: ("短信中的内容", "Found in the message"),
        .score: ("风险分", "Risk score"), .normalized: ("规范化", "Normalized"), .protectionData: ("防护数据", "Protection data"),
        .numberHint: ("来电或短信号码", "Caller or sender number"), .inContacts: ("在通讯录中", "In contacts"),
        .asSmsSender: ("作为短信发送方", "As an SMS sender"), .callsLastHour: ("过去一小时来电次数", "Calls in the last hour"),
        .linkHint: ("网址", "URL"), .senderHint: ("发送方（号码或名称，可空）", "Sender (number or name, optional)"),
        .bodyHint: ("短信内容", "Message text"),
        .payeeAccount: ("收款账户", "Payee account"), .payeeName: ("收款人", "Payee name"), .amount: ("金额", "Amount"),
        .currency: ("币种", "Currency"), .memo: ("附言", "Memo"), .newPayee: ("新收款人", "New payee"),
        .onACall: ("正在通话", "On a call"), .callerNumber: ("通话对方号码（未知可空）", "Other party's number (empty if unknown)"),
        .screenSharing: ("正在共享屏幕", "Screen sharing on"), .remoteAccess: ("远程控制应用运行中", "Remote-control app running"),
        .reviewTransfer: ("检查这笔转账", "Review transfer"), .confirmTransfer: ("确认转账", "Confirm transfer"),
        .cancelTransfer: ("取消转账", "Cancel transfer"), .transferSent: ("（模拟）转账已发出", "(Mock) transfer sent"),
        .transferCancelled: ("转账已取消", "Transfer cancelled"), .transferBlocked: ("这笔转账已被拦截", "This transfer was stopped"),
        .waitSeconds: ("请等待 %d 秒再确认", "Wait %d s before confirming"), .answerQuestions: ("请先回答以下问题", "Answer these questions first"),
        .yes: ("是", "Yes"), .no: ("否", "No"), .iUnderstand: ("我已了解风险", "I understand the risk"),
        .call96110: ("拨打 96110 咨询", "Call 96110 for advice"),
        .askForHelp: ("先求助（96110 或银行官方电话）", "Ask for help first (96110 or your bank)"),
        .reportValue: ("号码、链接或账户", "Number, link or account"), .reportNote: ("说明（可空）", "Note (optional)"),
        .fileReport: ("提交举报", "File report"), .exportReports: ("导出为 JSON", "Export as JSON"),
        .markUploaded: ("标记为已上传", "Mark uploaded"), .delete: ("删除", "Delete"), .pending: ("待上传", "Pending"),
        .uploaded: ("已上传", "Uploaded"), .noReports: ("还没有举报", "No reports yet"),
        .blockThis: ("拉黑", "Block this"), .allowThis: ("信任", "Trust this"),
        .feedVersion: ("防护数据版本", "Protection data version"), .freshness: ("时效", "Freshness"),
        .applyFeed: ("从文件导入防护数据", "Apply a feed file"), .embeddedOnly: ("仅内置数据（未导入防护数据）", "Embedded data only (no feed applied)"),
        .feedApplied: ("防护数据已更新", "Protection data updated"), .feedRefused: ("防护数据被拒绝", "Feed refused"),
        .feedFull: ("完整", "full"), .feedDelta: ("增量", "delta"),
        .feedAlreadyExpired: ("该数据已过期：结果会带 feed.stale，请尽快导入更新的版本",
                              "already expired: verdicts carry feed.stale until a newer one is applied"),
        .feedTooLarge: ("文件超过 %d MB，未导入", "The file is over %d MB: not applied"),
        .noPinnedKeys: ("未配置防护数据发布者公钥（trusted-feed-keys.txt）：任何防护数据文件都会被拒绝",
                        "No feed publisher key pinned (trusted-feed-keys.txt): every feed file will be refused"),
        .pinnedKeys: ("已配置的发布者公钥：%d 个", "Pinned publisher keys: %d"),
        .feedStale: ("防护数据已过期，结果可能不完整，请更新。", "Protection data has expired: results may miss new scams. Update it."),
        .storeUnavailable: ("本地防护数据无法读取，目前仅使用内置数据。", "The local protection store can't be read: only the built-in data is in use."),
        .checkFailed: ("无法检查", "Couldn't check"),
    ]

    static func get(_ lang: UiLang, _ key: UiKey) -> String {
        guard let pair = table[key] else { return key.rawValue }
        return lang == .zh ? pair.0 : pair.1
    }

    static func format(_ lang: UiLang, _ key: UiKey, _ n: Int) -> String {
        get(lang, key).replacingOccurrences(of: "%d", with: String(n))
    }

    static func level(_ lang: UiLang, _ level: Level) -> String {
        switch level {
        case .trusted: return lang == .zh ? "可信" : "Trusted"
        case .clear: return lang == .zh ? "未发现风险" : "No risk found"
        case .suspicious: return lang == .zh ? "可疑" : "Suspicious"
        case .dangerous: return lang == .zh ? "危险" : "Dangerous"
        }
    }

    static func action(_ lang: UiLang, _ action: Action) -> String {
        switch action {
        case .allow: return lang == .zh ? "放行" : "Allow"
        case .warn: return lang == .zh ? "提醒" : "Warn"
        case .confirm: return lang == .zh ? "需确认" : "Confirm first"
        case .block: return lang == .zh ? "拦截" : "Block"
        }
    }
}
