import Foundation

/// Runs `measure.js` in a tab and decodes what it found.
public struct PageMeasurer: Sendable {
    /// Px two boxes may overlap, or a text reach outside its plot, before it counts: below
    /// half a pixel nothing shows.
    public var tolerance = 0.5
    /// A text drawn smaller than this (px) is too small to read.
    public var smallSize = 11.0
    /// Px between the points sampled along a data shape when looking for it under a legend.
    public var sampleStep = 2.0
    private let script: String

    /// - Throws: when the package's `measure.js` resource cannot be read (a broken install).
    public init() throws {
        guard let url = Bundle.module.url(forResource: "measure", withExtension: "js") else {
            throw BrowserError.pageFailed("measure.js is missing from the SiteCheck resources")
        }
        script = try String(contentsOf: url, encoding: .utf8)
    }

    /// The problems of the page loaded in `tab`, laid out in `viewport`, once its fonts are ready.
    /// - Throws: `BrowserError` when the script fails or returns something else than it should.
    public func measure(in tab: BrowserTab, viewport: Viewport) throws -> PageMeasurement {
        let options =
            "{tolerance: \(tolerance), smallSize: \(smallSize), sampleStep: \(sampleStep), windowWidth: \(viewport.width)}"
        guard let json = try tab.evaluate("\(script)(\(options))") as? String else {
            throw BrowserError.pageFailed("measure.js returned no result")
        }
        do {
            return try JSONDecoder().decode(PageMeasurement.self, from: Data(json.utf8))
        } catch {
            throw BrowserError.pageFailed("measure.js returned what PageMeasurement cannot read: \(error)")
        }
    }
}
