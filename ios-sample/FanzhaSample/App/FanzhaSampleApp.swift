import Fanzha
import SwiftUI

@main
struct FanzhaSampleApp: App {
    var body: some Scene {
        WindowGroup { ContentView() }
    }
}

/// Six tabs, the same screens as the Android sample.
struct ContentView: View {
    private let lang = SharedGuard.lang
    private let examples = ManualScript.load()

    var body: some View {
        TabView {
            NumberView(examples: examples.filter { $0.kind == "number" })
                .tabItem { Label(UiText.get(lang, .tabNumber), systemImage: "phone") }
            LinkView(examples: examples.filter { $0.kind == "link" })
                .tabItem { Label(UiText.get(lang, .tabLink), systemImage: "link") }
            MessageView(examples: examples.filter { $0.kind == "message" })
                .tabItem { Label(UiText.get(lang, .tabMessage), systemImage: "message") }
            TransferView(examples: examples.filter { $0.kind == "payment" })
                .tabItem { Label(UiText.get(lang, .tabTransfer), systemImage: "yensign.circle") }
            ReportsView()
                .tabItem { Label(UiText.get(lang, .tabReports), systemImage: "flag") }
            StatusView()
                .tabItem { Label(UiText.get(lang, .tabStatus), systemImage: "shield") }
        }
    }
}
