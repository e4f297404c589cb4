// swift-tools-version:5.9
// The Fanzha Swift package: the generated Swift bindings (Sources/Fanzha,
// checked in) over the native library packaged as FanzhaFFI.xcframework,
// which bindings/scripts/build-ios.sh builds (not checked in). Not built on
// the project's machines (no Swift toolchain there); see bindings/README.md.
import PackageDescription

let package = Package(
    name: "Fanzha",
    platforms: [.iOS(.v16)],
    products: [
        .library(name: "Fanzha", targets: ["Fanzha"]),
    ],
    targets: [
        // The static library, the C header and its module map (module FanzhaFFI).
        .binaryTarget(name: "FanzhaFFI", path: "FanzhaFFI.xcframework"),
        .target(
            name: "Fanzha",
            dependencies: ["FanzhaFFI"],
            path: "Sources/Fanzha"
        ),
    ]
)
