import Testing

@testable import SiteCheck

/// The report's totals, examples and wording, on measurements written by hand (no browser).
struct SiteReportTests {
    typealias M = PageMeasurement

    static func name(_ text: String, _ plot: String) -> M.TextName { M.TextName(text: text, plot: plot) }

    static func page(_ page: String, _ width: Int, overlaps: [M.Overlap] = [], small: [M.Small] = [], scrollWidth: Double? = nil)
        -> PageResult
    {
        let measurement = M(
            svgs: 2, texts: 10, windowWidth: Double(width), scrollWidth: scrollWidth ?? Double(width), overlaps: overlaps, clipped: [],
            small: small, legends: [])
        return PageResult(page: page, width: width, measurement: measurement, seconds: 0.1, screenshot: nil)
    }

    static let site = [
        page(
            "a.html", 1300,
            overlaps: [
                M.Overlap(first: name("0.2", "ROC"), second: name("Chance", "ROC"), width: 2, height: 3),
                M.Overlap(first: name("0.4", "ROC"), second: name("Chance", "ROC"), width: 10, height: 10),
                M.Overlap(first: name("x", "Rejection"), second: name("y", "Rejection"), width: 1, height: 1),
            ],
            small: [M.Small(text: name("1", "ROC"), size: 8.5), M.Small(text: name("2", "ROC"), size: 10)]),
        page("b.html", 400, scrollWidth: 462),
    ]

    @Test func countsEachKindAndTheSmallestTexts() {
        let report = SiteReport(results: Self.site)
        #expect(report.count(.overlap) == 3 && report.count(.small) == 2 && report.count(.wide) == 1)
        #expect(report.count(.clipped) == 0 && report.count(.legend) == 0)
        #expect(report.underNinePixels == 1)
        #expect(report.pages == 2 && report.widths == [1300, 400] && report.texts == 20 && report.svgs == 4)
    }

    @Test func examplesTakeTheKindsInTurnWorstFirstOnePerPlotFirst() {
        let lines = SiteReport(results: Self.site).examples(limit: 4).map(\.line)
        #expect(
            lines == [
                "a.html at 1300 px: overlapping texts in \"ROC\": \"0.4\" and \"Chance\" (10 × 10 px)",
                "a.html at 1300 px: texts under 11 px in \"ROC\": \"1\" at 8.5 px",
                "b.html at 400 px: pages wider than the window: 462 px of page in a 400 px window",
                // The second plot's pair before the first plot's smaller one.
                "a.html at 1300 px: overlapping texts in \"Rejection\": \"x\" and \"y\" (1 × 1 px)",
            ])
    }

    @Test func worstPlotsComeFirst() {
        let plots = SiteReport(results: Self.site).worstPlots(limit: 5)
        #expect(plots.map(\.plot) == ["ROC", "Rejection"])
        #expect(plots.first?.counts == [.overlap: 2, .small: 2])
    }

    @Test func aCleanSiteIsOneLine() {
        let text = SiteReport(results: [Self.page("a.html", 1300), Self.page("a.html", 400)]).text()
        #expect(text == "check-site: no layout problems on 1 page at 1300 and 400 px: 4 SVGs, 20 SVG texts")
    }

    @Test func totalsLeadTheReport() {
        let lines = SiteReport(results: Self.site).text(examples: 1).split(separator: "\n").map(String.init)
        #expect(lines.first == "check-site: 6 layout problems on 2 pages at 1300 and 400 px: 4 SVGs, 20 SVG texts")
        #expect(lines.contains("  texts under 11 px                2 (1 under 9 px)"))
        #expect(lines.contains("Examples (1 of 6):"))
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (2538, "2,538"), (1_234_567, "1,234,567")])
    func groupsThousands(number: Int, text: String) {
        #expect(grouped(number) == text)
    }
}
