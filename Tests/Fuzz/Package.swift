// swift-tools-version:6.0
// The libFuzzer target of Cairn, a package of its own so that an ordinary `swift build` of
// Cairn never builds it: `make fuzz` builds it with `-sanitize=fuzzer,address` and runs it.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is wherever Cairn was cloned to.
let cairn = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "CairnFuzz",
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "CairnFuzz",
            dependencies: [.product(name: "CairnKit", package: cairn)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
