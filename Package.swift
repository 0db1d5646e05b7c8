// swift-tools-version: 6.1
import PackageDescription

/// Release builds drop exclusivity checks in the numeric targets: measured 1.5x on tight loops
/// (docs/PLATFORM-NOTES.md); tests build in debug and keep them.
let fastLoops: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "leaderboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "leaderboard", targets: ["leaderboard"]),
        .library(name: "LeaderboardCLI", targets: ["LeaderboardCLI"]),
        // The readers of participant and organizer files, for the fuzz package in Fuzzing/.
        .library(name: "LeaderboardReaders", targets: ["HiggsData", "ModelFiles", "Models", "Results"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        // Thin wrappers of the system libraries; exactly one Swift target talks to each.
        .systemLibrary(name: "CSystemZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CIsal", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        // GitHub's libcmark with its extensions (tables, strikethrough, autolinks, task lists, the tag filter).
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // The one process that renders the site's Markdown under limits (Site's BoundedMarkdown), in C.
        .target(name: "CMarkdownWorker"),

        // The pipeline, one library per stage (docs/ARCHITECTURE.md).
        // The 28-feature schema, shared by HiggsData (which re-exports it) and ModelFiles.
        .target(name: "HiggsSchema"),
        .target(
            name: "HiggsData",
            dependencies: ["HiggsSchema", "CSystemZlib", "CIsal", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/higgs-sample.csv"), .copy("Resources/SAMPLE-README.md")],
            swiftSettings: fastLoops),
        .target(name: "Metrics", swiftSettings: fastLoops),
        // The vectorised inner loop of tree-ensemble prediction (Models/Trees/LeafMaskForest.swift).
        .target(name: "CForestKernel", cSettings: [.unsafeFlags(["-O3"], .when(configuration: .release))]),
        .target(name: "Models", dependencies: ["CForestKernel"], swiftSettings: fastLoops),
        // Landlock and seccomp for the sandboxed child (Scoring/Containment.swift).
        .target(name: "CSandbox"),
        // openat2 (with a component walk where it is missing): submitted files are opened
        // beneath their folder, never through a link (ModelFiles/Submission/SubmissionRoot.swift).
        .target(name: "CBeneath"),
        // The limits the readers and the sandbox take, as plain values, and how a refusal names
        // the one it hit; `leaderboard.yml` sets them through Workspace.
        .target(name: "Limits"),
        .target(
            name: "ModelFiles",
            dependencies: [
                "HiggsSchema", "Limits", "Models", "ONNX", "Plots", "Results", "CHDF5", "CBeneath", "Yams",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: fastLoops),
        // ONNX graphs: the protobuf (generated once, scripts/generate-onnx-proto) and an interpreter.
        .target(
            name: "ONNX",
            dependencies: ["Limits", "Models", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["Generated/onnx.proto", "Generated/README.md"],
            swiftSettings: fastLoops),
        .target(name: "Training", dependencies: ["HiggsData", "Models"], swiftSettings: fastLoops),
        .target(name: "Results", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Plots"),
        .target(
            name: "Site",
            dependencies: [
                "CCmarkGFM", "CMarkdownWorker", "Plots", "Results", "Metrics", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.process("Templates")]),
        .target(
            name: "Baselines",
            dependencies: ["HiggsData", "Metrics", "Models", "ModelFiles", "Results", "Scoring", "Training", "Competition"]),
        // Data named by URL and SHA-256, fetched with resumption and verified as it streams.
        .target(name: "Downloads", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Competition", dependencies: ["Downloads", "HiggsData", "Limits", "Results", "Yams"]),
        // A branch's first-parent history read with git: each team's versions and their times.
        .target(name: "GitHistory"),
        .target(
            name: "Scoring",
            dependencies: ["CSandbox", "GitHistory", "HiggsData", "Limits", "Metrics", "Models", "ModelFiles", "Results", "Competition"],
            swiftSettings: fastLoops),
        .target(
            name: "LeaderboardCLI",
            dependencies: [
                "HiggsData", "Competition", "Downloads", "GitHistory", "Results", "Metrics", "Models", "ModelFiles", "Scoring",
                "Baselines",
                "Site", "CSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "leaderboard", dependencies: ["LeaderboardCLI"]),
        // bench/trees_predict.sh's timer: reads a tree model file and predicts a float32 matrix.
        .executableTarget(name: "trees-predict", dependencies: ["ModelFiles", "Models"], path: "bench/trees-predict"),

        // Tests mirror the sources; shared helpers live once in TestSupport.
        .target(name: "TestSupport", dependencies: ["CCmarkGFM"], path: "Tests/TestSupport"),
        .testTarget(name: "HiggsSchemaTests", dependencies: ["HiggsSchema"]),
        .testTarget(name: "HiggsDataTests", dependencies: ["HiggsData", "TestSupport"]),
        .testTarget(
            name: "MetricsTests", dependencies: ["Metrics", "TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ModelFilesTests", dependencies: ["ModelFiles", "Models", "Results", "TestSupport", "CHDF5"],
            exclude: ["KerasWriter/Fixtures"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ONNXTests",
            dependencies: [
                "ONNX", "ModelFiles", "Models", "Results", "TestSupport",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "GitHistory", "Results", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TrainingTests", dependencies: ["Training", "ModelFiles", "TestSupport"],
            exclude: ["Network/Fixtures", "Boosting/Fixtures"]),
        .testTarget(name: "ResultsTests", dependencies: ["Results", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "TestSupport"]),
        .testTarget(
            name: "PlotsTests", dependencies: ["Plots", "TestSupport"], exclude: ["Fixtures/text-widths"],
            resources: [.copy("Golden")]),
        .testTarget(name: "DownloadsTests", dependencies: ["Downloads", "TestSupport"]),
        .testTarget(name: "CompetitionTests", dependencies: ["Competition", "HiggsData", "Results", "TestSupport"]),
        .testTarget(
            name: "LeaderboardCLITests",
            dependencies: ["LeaderboardCLI", "HiggsData", "ModelFiles", "Results", "Scoring", "Competition", "GitHistory", "TestSupport"],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
