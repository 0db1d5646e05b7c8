import Foundation
import Testing

@testable import SiteCheck

/// The check on hand-written pages whose problems are known, in a real Chromium.
@Suite(.enabled(if: FixtureSite.hasChromium, FixtureSite.skipMessage))
struct FixtureSiteTests {
    /// A fixture page and the problems it holds, the same at both widths.
    struct Expected: Sendable, CustomTestStringConvertible {
        var page: String
        var overlaps = 0, clipped = 0, small = 0, underNine = 0, legends = 0, wide = 0
        var testDescription: String { page }
    }

    static let pages: [Expected] = [
        Expected(page: "clean.html"),
        Expected(page: "overlap.html", overlaps: 1),
        Expected(page: "clipped.html", clipped: 1),
        Expected(page: "small.html", small: 2, underNine: 1),
        Expected(page: "legend-data.html", legends: 1),
        Expected(page: "legend-frame.html", legends: 1),
        Expected(page: "legend-text.html", legends: 1),
        Expected(page: "wide.html", wide: 1),
    ]

    @Test(arguments: pages, [1300, 400])
    func countsEachProblemExactly(expected: Expected, width: Int) throws {
        let m = try FixtureSite.result(expected.page, width).measurement
        #expect(m.overlaps.count == expected.overlaps, "\(m.overlaps)")
        #expect(m.clipped.count == expected.clipped, "\(m.clipped)")
        #expect(m.small.count == expected.small, "\(m.small)")
        #expect(m.small.filter { $0.size < 9 }.count == expected.underNine, "\(m.small)")
        #expect(m.legends.count == expected.legends, "\(m.legends)")
        #expect((m.isWide ? 1 : 0) == expected.wide, "\(m.scrollWidth) px in \(m.windowWidth)")
    }

    @Test func everyPageIsMeasuredAtBothWidths() throws {
        let measured = try FixtureSite.run.get().map { "\($0.page)@\($0.width)" }
        let expected = [1300, 400].flatMap { width in Self.pages.map(\.page).sorted().map { "\($0)@\(width)" } }
        #expect(measured == expected)
    }

    @Test func namesTheTextsAndPlotsInvolved() throws {
        let overlap = try #require(FixtureSite.result("overlap.html", 1300).measurement.overlaps.first)
        #expect(Set([overlap.first.text, overlap.second.text]) == ["First label", "Second label"])
        #expect(overlap.first.plot == "Overlap plot")
        let clipped = try #require(FixtureSite.result("clipped.html", 400).measurement.clipped.first)
        #expect(clipped.text.text == "Outside the plot")
        #expect(clipped.by > 20)
    }

    @Test func measuresRenderedFontSizes() throws {
        let small = try FixtureSite.result("small.html", 1300).measurement.small
        let sizes = Dictionary(uniqueKeysWithValues: small.map { ($0.text.text, $0.size) })
        #expect(sizes == ["Nine pixels": 9, "Sixteen scaled to eight": 8])
    }

    @Test func saysWhyALegendIsInTheWay() throws {
        let onData = try #require(FixtureSite.result("legend-data.html", 1300).measurement.legends.first)
        #expect(onData.data == ["polyline"] && onData.texts.isEmpty && !onData.straddlesFrame)
        let acrossFrame = try #require(FixtureSite.result("legend-frame.html", 1300).measurement.legends.first)
        #expect(acrossFrame.data.isEmpty && acrossFrame.texts.isEmpty && acrossFrame.straddlesFrame)
        let onText = try #require(FixtureSite.result("legend-text.html", 400).measurement.legends.first)
        #expect(onText.data.isEmpty && onText.texts == ["Axis label"] && !onText.straddlesFrame)
    }

    @Test func countsTextsAndSVGs() throws {
        let clean = try FixtureSite.result("clean.html", 400).measurement
        #expect(clean.svgs == 1 && clean.texts == 5)
        let small = try FixtureSite.result("small.html", 400).measurement
        #expect(small.svgs == 2 && small.texts == 3)
    }

    @Test func screenshotsShowTheWholePage() throws {
        let tall = try #require(FixtureSite.result("clean.html", 1300).screenshot)
        let tallSize = try PNGSize(file: tall)
        #expect(tallSize.width == 1300 && tallSize.height > 1600)
        let wide = try #require(FixtureSite.result("wide.html", 400).screenshot)
        #expect(try PNGSize(file: wide).width >= 2000)
        #expect(wide.hasSuffix("/400/wide.png"))
    }

    @Test func reportsTotalsOverTheSite() throws {
        let report = SiteReport(results: try FixtureSite.run.get())
        #expect(report.count(.overlap) == 2 && report.count(.clipped) == 2 && report.count(.small) == 4)
        #expect(report.underNinePixels == 2 && report.count(.legend) == 6 && report.count(.wide) == 2)
        #expect(report.pages == 8 && report.hasProblems)
    }
}

/// A PNG's size, read from its header (the IHDR chunk right after the signature).
struct PNGSize {
    var width: Int
    var height: Int

    init(file: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)).prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [137, 80, 78, 71, 13, 10, 26, 10] else {
            throw BrowserError.pageFailed("\(file) is not a PNG")
        }
        func integer(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = integer(16)
        height = integer(20)
    }
}
