// swift-tools-version: 6.1
import PackageDescription

/// Runs one job of a GitHub Actions workflow file on this machine, as a GitHub-hosted runner
/// would, and checks the workflows' structure (`rehearse-workflow lint`).
///
/// A separate package, so that the main package's build never compiles it; the project's
/// rehearsal (`scripts/rehearse`) builds it with `swift build --package-path Rehearsal`.
let package = Package(
    name: "Rehearsal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rehearse-workflow", targets: ["RehearseWorkflow"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The workflow model, the expression language, the emulated actions and the job runner.
        .target(name: "Rehearsal", dependencies: [.product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "RehearseWorkflow",
            dependencies: ["Rehearsal", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "RehearsalTests", dependencies: ["Rehearsal"]),
    ],
    swiftLanguageModes: [.v6]
)
