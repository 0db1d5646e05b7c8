import Foundation
import Testing

@testable import SiteCheck

/// The hand-written pages in `Fixtures/`, each with a known number of each problem, checked
/// once in one browser and shared by the tests that read the results.
enum FixtureSite {
    /// The fixtures' folder in the test bundle.
    static var folder: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw BrowserError.pageFailed("the Fixtures folder is missing from the test bundle")
            }
            return url
        }
    }

    /// Whether a Chromium is installed: the tests that need one are skipped without.
    static let hasChromium = Browser.locate() != nil
    static let skipMessage: Comment = "no Chromium here (apt-get install chromium fonts-liberation)"

    /// Where the run's screenshots go: one folder, emptied at each run, so runs leave one copy.
    static let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("site-check-tests")

    /// Every fixture page at 1300 and 400 px, measured and photographed (once per test process).
    static let run: Result<[PageResult], any Error> = Result {
        guard let executable = Browser.locate() else { throw BrowserError.launchFailed("no Chromium") }
        try? FileManager.default.removeItem(at: screenshots)
        let browser = try Browser(executable: executable)
        defer { browser.close() }
        return try SiteChecker(measurer: try PageMeasurer(), screenshots: screenshots).check(site: try folder, in: browser)
    }

    /// The result for `page` at `width`.
    static func result(_ page: String, _ width: Int) throws -> PageResult {
        guard let found = try run.get().first(where: { $0.page == page && $0.width == width }) else {
            throw BrowserError.pageFailed("\(page) at \(width) px was not measured")
        }
        return found
    }
}
