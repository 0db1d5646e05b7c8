import Foundation

/// Loads every page of a site in one browser tab at each window size, measures it and saves
/// a full-page screenshot.
public struct SiteChecker {
    public var viewports: [Viewport] = [.desktop, .phone]
    public var measurer: PageMeasurer
    /// Where screenshots go (`<folder>/<width>/<page path>.png`); nil for none.
    public var screenshots: URL?
    /// Screenshots of the first this many pages only (at each width); nil for all.
    public var screenshotLimit: Int?

    public init(measurer: PageMeasurer, screenshots: URL?, screenshotLimit: Int? = nil) {
        self.measurer = measurer
        self.screenshots = screenshots
        self.screenshotLimit = screenshotLimit
    }

    /// Every page of `site` at every viewport, in the order pages × viewports (a viewport's
    /// pages together, so the window is resized once per viewport).
    /// - Parameter progress: called after each page, for a line on the terminal.
    /// - Throws: `BrowserError` when the browser fails or a page cannot be loaded or measured,
    ///   and file errors when a screenshot cannot be written.
    public func check(site: URL, in browser: Browser, progress: (PageResult) -> Void = { _ in }) throws -> [PageResult] {
        let pages = try SitePages.list(in: site)
        let tab = try browser.openTab()
        var results: [PageResult] = []
        for viewport in viewports {
            try tab.resize(to: viewport)
            for (index, page) in pages.enumerated() {
                let start = Date()
                try tab.load(site.appendingPathComponent(page))
                let measurement = try measurer.measure(in: tab, viewport: viewport)
                var saved: String?
                if let screenshots, index < screenshotLimit ?? .max {
                    let file = screenshots.appendingPathComponent("\(viewport.width)/\(page.dropLast(".html".count)).png")
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try tab.screenshot().write(to: file)
                    saved = file.path
                }
                let result = PageResult(
                    page: page, width: viewport.width, measurement: measurement, seconds: Date().timeIntervalSince(start), screenshot: saved
                )
                results.append(result)
                progress(result)
            }
        }
        return results
    }
}
