import CallKit
import Fanzha
import SwiftUI
import UniformTypeIdentifiers

/// Reports: file a report into the SDK's encrypted queue, list it, mark
/// uploaded, delete, export the queue as JSON (share sheet / Files); the
/// same form sets the user's own block / trust rules.
/// API: the bindings branch's store calls (addReport, reports,
/// markReportsUploaded, deleteReport, exportReports, block, allow).
struct ReportsView: View {
    private let lang = SharedGuard.lang
    @State private var kind: CheckKind = .number
    @State private var value = ""
    @State private var note = ""
    @State private var reports: [Report] = []
    @State private var message: String?
    @State private var exportDoc: JSONDocument?

    var body: some View {
        Form {
            Section {
                Picker("", selection: $kind) {
                    Text("number").tag(CheckKind.number)
                    Text("link").tag(CheckKind.link)
                    Text("payment").tag(CheckKind.payment)
                }.pickerStyle(.segmented)
                TextField(UiText.get(lang, .reportValue), text: $value)
                TextField(UiText.get(lang, .reportNote), text: $note)
                HStack {
                    Button(UiText.get(lang, .fileReport), action: file)
                    Button(UiText.get(lang, .blockThis)) { rule(.block) }
                    Button(UiText.get(lang, .allowThis)) { rule(.allow) }
                }.buttonStyle(.bordered)
                if let m = message { Text(m).font(.footnote) }
            }
            Section {
                Button(UiText.get(lang, .exportReports)) {
                    if let json = try? SharedGuard.get()?.exportReports(pendingOnly: false) { exportDoc = JSONDocument(text: json) }
                }
                if reports.isEmpty { Text(UiText.get(lang, .noReports)) }
                ForEach(reports, id: \.id) { r in
                    VStack(alignment: .leading) {
                        Text("\(String(describing: r.kind)): \(r.value)").font(.body.monospaced())
                        Text("\(r.note) · \(UiText.get(lang, r.uploadedMs == nil ? .pending : .uploaded))").font(.caption)
                        HStack {
                            if r.uploadedMs == nil { Button(UiText.get(lang, .markUploaded)) { act { _ = try $0.markReportsUploaded(ids: [r.id]) } } }
                            Button(UiText.get(lang, .delete), role: .destructive) { act { _ = try $0.deleteReport(id: r.id) } }
                        }.buttonStyle(.bordered)
                    }
                }
            }
        }
        .onAppear(perform: reload)
        .fileExporter(isPresented: Binding(get: { exportDoc != nil }, set: { if !$0 { exportDoc = nil } }),
                      document: exportDoc, contentType: .json, defaultFilename: "fanzha-reports") { _ in exportDoc = nil }
    }

    private func reload() { reports = (try? SharedGuard.get()?.reports(pendingOnly: false)) ?? [] }

    /// Runs one store call; false (with the message set) when it failed.
    @discardableResult
    private func act(_ body: (Guard) throws -> Void) -> Bool {
        guard let g = SharedGuard.get() else {
            message = UiText.get(lang, .checkFailed)
            return false
        }
        var ok = true
        do { try body(g); message = nil } catch { message = failureText(error, lang: lang); ok = false }
        reload()
        return ok
    }

    private func file() {
        let v = value.trimmingCharacters(in: .whitespaces)
        guard !v.isEmpty else { return }
        let n = note.trimmingCharacters(in: .whitespaces)
        // Keep the form when filing failed (no store, value too long …).
        if act({ _ = try $0.addReport(report: NewReport(kind: kind, value: v, fraudType: nil, note: n)) }) {
            value = ""; note = ""
            message = lang == .zh ? "已加入待上传队列" : "Queued for upload"
        }
    }

    private func rule(_ action: RuleAction) {
        let v = value.trimmingCharacters(in: .whitespaces)
        guard !v.isEmpty else { return }
        let ruleKind: RuleKind
        switch kind {
        case .number: ruleKind = .number
        case .link: ruleKind = .link
        default: ruleKind = .account
        }
        let ok = act { g in
            if action == .block { _ = try g.block(kind: ruleKind, value: v) } else { _ = try g.allow(kind: ruleKind, value: v) }
        }
        guard ok else { return }
        message = UiText.get(lang, action == .block ? .blockThis : .allowThis) + " ✓"
        // The Call Directory extension lists the user's blocked numbers: reload it.
        CXCallDirectoryManager.sharedInstance.reloadExtension(withIdentifier: CallDirectoryInfo.extensionId) { _ in }
    }
}

struct JSONDocument: FileDocument {
    static var readableContentTypes: [UTType] { [.json] }
    var text: String
    init(text: String) { self.text = text }
    init(configuration: ReadConfiguration) throws {
        text = String(data: configuration.file.regularFileContents ?? Data(), encoding: .utf8) ?? ""
    }
    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: Data(text.utf8))
    }
}

enum CallDirectoryInfo {
    static let extensionId = "org.fanzha.sample.CallDirectory"
}

/// Status: protection data version and freshness, apply a feed file
/// (Files picker → `Guard.applyFeed(feed:)`, verified against the pinned
/// publisher keys before anything is written), why the store or the
/// settings could not be used, and the Call Directory extension's state
/// with a reload button.
struct StatusView: View {
    private let lang = SharedGuard.lang
    @State private var message: String?
    @State private var importing = false
    @State private var applying = false
    @State private var directoryState = "?"
    @State private var status: ProtectionStatus?
    @State private var statusError: String?

    var body: some View {
        Form {
            Section {
                if let st = status {
                    Text("\(UiText.get(lang, .feedVersion)): \(st.feedVersion)").bold()
                    Text(UiText.get(lang, .freshness)).font(.caption)
                    if st.feeds.isEmpty { Text(UiText.get(lang, .embeddedOnly)) }
                    ForEach(st.feeds, id: \.feedId) { f in
                        Text(FeedText.line(f, nowMs: Freshness.nowMs(), lang: lang))
                    }
                    if st.stale { Text("⚠ \(UiText.get(lang, .feedStale))").foregroundColor(.red) }
                    if let p = st.storeProblem { Text("⚠ store: \(p)").foregroundColor(.red).font(.footnote) }
                    if st.hasStore {
                        Text("store: \(Self.entries(st)) entries · \(st.pendingReports) pending reports")
                            .font(.footnote)
                    }
                }
                if let e = statusError { Text(e).foregroundColor(.red).font(.footnote) }
                if let p = SharedGuard.settingsProblem { Text("⚠ settings: \(p)").foregroundColor(.red).font(.footnote) }
                if let p = SharedGuard.storeProblem { Text("⚠ store: \(p)").foregroundColor(.red).font(.footnote) }
            }
            Section {
                // Feeds verify against the keys in Resources/trusted-feed-keys.txt.
                if SharedGuard.pinnedKeys == 0 {
                    Text("⚠ \(UiText.get(lang, .noPinnedKeys))").foregroundColor(.red).font(.footnote)
                } else {
                    Text(UiText.format(lang, .pinnedKeys, SharedGuard.pinnedKeys)).font(.footnote)
                }
                Button(UiText.get(lang, .applyFeed)) { importing = true }.disabled(applying)
                if applying { ProgressView() }
                if let m = message { Text(m).font(.footnote) }
                // The SDK remembers recent calls, flagged messages/links and payment
                // attempts (the journey); clear it between manual test lines.
                Button(lang == .zh ? "清除近期记录（旅程）" : "Forget journey") { SharedGuard.get()?.forgetJourney() }
            }
            Section("Call Directory") {
                Text(directoryState)
                Button("Reload") {
                    CXCallDirectoryManager.sharedInstance.reloadExtension(withIdentifier: CallDirectoryInfo.extensionId) { error in
                        DispatchQueue.main.async { directoryState = error.map { "reload failed: \($0)" } ?? "reloaded" }
                    }
                }
                Text(lang == .zh ? "在 设置 → 电话 → 来电阻止与身份识别 中开启；短信过滤在 设置 → 信息 → 未知与垃圾信息 中开启。"
                                 : "Enable in Settings → Phone → Call Blocking & Identification; the message filter in Settings → Messages → Unknown & Spam.")
                    .font(.footnote)
            }
        }
        .onAppear(perform: refresh)
        .fileImporter(isPresented: $importing, allowedContentTypes: [.data]) { result in
            switch result {
            case let .success(url): apply(url)
            case let .failure(error): message = FeedText.refused(String(describing: type(of: error)), lang: lang)
            }
        }
    }

    private static func entries(_ st: ProtectionStatus) -> Int64 {
        st.feeds.reduce(Int64(0)) { $0 + $1.numbers + $1.links + $1.accounts }
    }

    private func refresh() {
        do {
            status = try SharedGuard.get()?.status()
            statusError = nil
        } catch {
            statusError = failureText(error, lang: lang)
        }
        CXCallDirectoryManager.sharedInstance.getEnabledStatusForExtension(withIdentifier: CallDirectoryInfo.extensionId) { status, _ in
            DispatchQueue.main.async {
                directoryState = status == .enabled ? "enabled" : (status == .disabled ? "disabled in Settings" : "unknown")
            }
        }
    }

    /// Reads and applies off the main thread (a big feed takes a while),
    /// then shows the outcome and the new status.
    private func apply(_ url: URL) {
        message = nil
        applying = true
        let lang = self.lang
        Task { @MainActor in
            let text = await Task.detached(priority: .userInitiated) { FeedImport.apply(url, lang: lang) }.value
            message = text
            applying = false
            refresh()
        }
    }
}

/// "Apply a feed file", away from the view (runs on a background task).
enum FeedImport {
    /// The line Status shows: applied (version, full/delta, counts) or why not.
    static func apply(_ url: URL, lang: UiLang) -> String {
        // fileImporter hands out a security-scoped URL outside the sandbox.
        let scoped = url.startAccessingSecurityScopedResource()
        defer { if scoped { url.stopAccessingSecurityScopedResource() } }
        if let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize, size > FeedText.maxBytes {
            return FeedText.tooLarge(lang: lang)
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            return FeedText.refused(String(describing: type(of: error)), lang: lang)
        }
        guard bytes.count <= FeedText.maxBytes else { return FeedText.tooLarge(lang: lang) }
        guard let g = SharedGuard.get() else { return FeedText.refused(UiText.get(lang, .checkFailed), lang: lang) }
        do {
            let applied = try g.applyFeed(feed: bytes)
            // A feed's numbers rules can change the official numbers CallKit labels.
            CXCallDirectoryManager.sharedInstance.reloadExtension(withIdentifier: CallDirectoryInfo.extensionId) { _ in }
            return FeedText.applied(applied, lang: lang)
        } catch {
            // Refused (bad signature, unpinned key, not newer, damaged …): nothing changed.
            return FeedText.refused(failureText(error, lang: lang), lang: lang)
        }
    }
}
