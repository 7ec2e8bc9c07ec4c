// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cairn",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cairn", targets: ["cairn"]),
        .library(name: "CairnKit", targets: ["CairnKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CAtomicRename"),
        .target(name: "CParseArena"),
        .target(
            name: "CairnKit",
            dependencies: [
                "CCmarkGFM",
                "CAtomicRename",
                "CParseArena",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "CairnServe",
            dependencies: [
                "CairnKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "cairn",
            dependencies: [
                "CairnKit",
                "CairnServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc in place of glibc's malloc: the model of a large handbook is millions of
            // small values, and glibc's allocator took a fifth of a check's time (README,
            // "Performance").
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "CairnKitTests",
            dependencies: ["CairnKit", "CParseArena"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "cairnTests",
            dependencies: ["CairnKit"],
            exclude: ["Fixtures"]
        ),
    ]
)
