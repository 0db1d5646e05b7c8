// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The main package's identity: SwiftPM names a path dependency after its folder (`main`,
/// `leaderboard`, a worktree's name…), so it is read from where this file sits.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

/// libFuzzer targets for every reader of participant and organizer files.
///
/// A separate package, so that the main package's `swift build` and `swift test` never see
/// an executable without `main` (libFuzzer supplies it). Build only with the fuzzer on:
///
///     swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --product fuzz-readers
///
/// and run through `scripts/fuzz` (one binary; the target is chosen by `FUZZ_TARGET`).
let package = Package(
    name: "LeaderboardFuzz",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fuzz-readers", targets: ["FuzzReaders"])
    ],
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        .executableTarget(
            name: "FuzzReaders", dependencies: [.product(name: "LeaderboardReaders", package: mainPackage)])
    ],
    swiftLanguageModes: [.v6]
)
