import ArgumentParser
import Foundation
import SiteCheck

/// `check-site --site DIR`: every page of a built site in headless Chromium at 1300 and 400 px;
/// the report on standard output, exit 1 when there is any layout problem.
@main
struct CheckSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-site",
        abstract: "Open every page of a built site in headless Chromium at 1300 and 400 px and report layout problems.",
        discussion: "Exit status: 0 when there is none, 1 when there is any, 2 when the check could not run.")

    @Option(help: "The built site's folder (the one holding index.html).") var site: String
    @Option(help: "Where to save full-page screenshots (default: site-screenshots beside the site, else in $TMPDIR).")
    var screenshots: String?
    @Option(help: "Screenshots of the first N pages only, at each width (for big sites).") var screenshotLimit: Int?
    @Option(help: "Also write every page's measurement here, as JSON.") var json: String?
    @Option(help: "How many examples to print.") var examples = 20
    @Option(help: "The Chromium to run (default: /usr/bin/chromium, else chromium on PATH).") var chromium: String?
    @Flag(help: "A line per page as it is measured.") var verbose = false

    func run() throws {
        let siteURL = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        guard let executable = chromium ?? Browser.locate() else {
            throw fail("no Chromium here (apt-get install chromium fonts-liberation)")
        }
        let folder = try screenshotFolder(for: siteURL)
        let checker = SiteChecker(measurer: try PageMeasurer(), screenshots: folder, screenshotLimit: screenshotLimit)
        let start = Date()
        let results: [PageResult]
        do {
            let browser = try Browser(executable: executable)
            defer { browser.close() }
            results = try checker.check(site: siteURL, in: browser) { result in
                guard verbose else { return }
                let count = result.problems.count
                print("  \(result.page) at \(result.width) px: \(count) problem\(count == 1 ? "" : "s") (\(Int(result.seconds * 1000)) ms)")
            }
        } catch let error as BrowserError {
            throw fail(error.description)
        }
        let seconds = Date().timeIntervalSince(start)
        let report = SiteReport(results: results)
        print(report.text(examples: examples))
        let shots = results.compactMap(\.screenshot).count
        if shots > 0 { print("Screenshots: \(shots) in \(folder?.path ?? "")") }
        let perPage = seconds / Double(max(results.count, 1))
        print(String(format: "Time: %.1f s for %d page views, %.0f ms each (one browser)", seconds, results.count, perPage * 1000))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(results).write(to: URL(fileURLWithPath: json))
        }
        if report.hasProblems { throw ExitCode.failure }
    }

    /// The screenshot folder: the one asked for, else `site-screenshots` beside the site when
    /// that can be written, else in the temporary folder; emptied first.
    private func screenshotFolder(for site: URL) throws -> URL? {
        if screenshotLimit == 0 { return nil }
        let candidates =
            screenshots.map { [URL(fileURLWithPath: $0, isDirectory: true)] }
            ?? [
                site.deletingLastPathComponent().appendingPathComponent("site-screenshots", isDirectory: true),
                FileManager.default.temporaryDirectory.appendingPathComponent("site-screenshots", isDirectory: true),
            ]
        for folder in candidates {
            try? FileManager.default.removeItem(at: folder)
            if (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil { return folder }
        }
        throw fail("cannot create a screenshot folder at \(candidates.map(\.path).joined(separator: " or "))")
    }

    /// Prints `check-site: message` on standard error; the check could not run (exit 2).
    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("check-site: \(message)\n".utf8))
        return ExitCode(2)
    }
}
