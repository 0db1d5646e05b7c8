// swift-tools-version: 6.1
import PackageDescription

/// Opens every page of a built site in headless Chromium at a desktop and a phone width and
/// fails on layout problems a reader would see: overlapping or clipped texts, texts too small
/// to read, legends lying on data, pages wider than the window (README.md has the definitions).
///
/// A separate package, so that the main package's build never compiles it and CI needs no
/// browser; `scripts/check-site` builds it with `swift build --package-path SiteCheck`.
let package = Package(
    name: "SiteCheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "check-site", targets: ["CheckSite"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // The pipe to Chromium, the DevTools session, the measurement of a page and the report.
        .target(name: "SiteCheck", resources: [.copy("Measure/measure.js")]),
        .executableTarget(
            name: "CheckSite",
            dependencies: ["SiteCheck", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "SiteCheckTests", dependencies: ["SiteCheck"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
