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

    private func act(_ body: (Guard) throws -> Void) {
        guard let g = SharedGuard.get() else { return }
        do { try body(g); message = nil } catch { message = failureText(error, lang: lang) }
        reload()
    }

    private func file() {
        let v = value.trimmingCharacters(in: .whitespaces)
        guard !v.isEmpty else { return }
        act { _ = try $0.addReport(report: NewReport(kind: kind, value: v, fraudType: nil, note: note)) }
        value = ""; note = ""
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
        act { g in
            if action == .block { _ = try g.block(kind: ruleKind, value: v) } else { _ = try g.allow(kind: ruleKind, value: v) }
        }
        // The Call Directory extension reads the user's block rules: reload it.
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
/// (Files picker), why the store could not be opened, and the Call
/// Directory extension's state with a reload button.
struct StatusView: View {
    private let lang = SharedGuard.lang
    @State private var version = ""
    @State private var message: String?
    @State private var importing = false
    @State private var directoryState = "?"
    @State private var status: ProtectionStatus?

    var body: some View {
        Form {
            Section {
                Text("\(UiText.get(lang, .feedVersion)): \(version)")
                if let st = status {
                    ForEach(st.feeds, id: \.feedId) { f in
                        Text("\(f.feedId) v\(f.version) · \(f.expired ? "expired" : "current") · \(f.numbers + f.links + f.accounts)")
                    }
                    if st.stale { Text("⚠ \(UiText.get(lang, .feedStale))").foregroundColor(.red) }
                    if let p = st.storeProblem { Text("⚠ store: \(p)").foregroundColor(.red).font(.footnote) }
                }
                if let p = SharedGuard.storeProblem { Text("⚠ store: \(p)").foregroundColor(.red).font(.footnote) }
                Button(UiText.get(lang, .applyFeed)) { importing = true }
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
            guard case let .success(url) = result else { return }
            apply(url)
        }
    }

    private func refresh() {
        version = SharedGuard.get()?.feedVersion() ?? "-"
        status = try? SharedGuard.get()?.status()
        CXCallDirectoryManager.sharedInstance.getEnabledStatusForExtension(withIdentifier: CallDirectoryInfo.extensionId) { status, _ in
            DispatchQueue.main.async {
                directoryState = status == .enabled ? "enabled" : (status == .disabled ? "disabled in Settings" : "unknown")
            }
        }
    }

    /// Feed apply: the bindings don't expose it yet (the core has
    /// `Guard::apply_feed(bytes, trusted_keys)`); replace this body with the
    /// binding call when it lands.
    private func applyFeed(_ g: Guard, _ bytes: Data) throws -> String {
        throw FanzhaError.Unavailable(what: "feed apply from the app")
    }

    private func apply(_ url: URL) {
        let scoped = url.startAccessingSecurityScopedResource()
        defer { if scoped { url.stopAccessingSecurityScopedResource() } }
        do {
            let bytes = try Data(contentsOf: url)
            guard bytes.count <= 64 * 1024 * 1024 else { message = UiText.get(lang, .feedRefused); return }
            guard let g = SharedGuard.get() else { return }
            let version = try applyFeed(g, bytes)
            message = "\(UiText.get(lang, .feedApplied)): \(version)"
            // New official numbers or a call list may change the directory.
            CXCallDirectoryManager.sharedInstance.reloadExtension(withIdentifier: CallDirectoryInfo.extensionId) { _ in }
        } catch {
            message = "\(UiText.get(lang, .feedRefused)): \(failureText(error, lang: lang))"
        }
        refresh()
    }
}
