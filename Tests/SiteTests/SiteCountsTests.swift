import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// Every count a page shows is written one way, with thousands separators, as the footer and
/// the CLI write them: the data set's rows, a model file's bytes, a confusion matrix's events.
@Suite struct SiteCountsTests {
    let dir = TemporaryDirectory()

    /// A site of one entry of a 1,471,145-byte model whose confusion matrix counts thousands.
    func site() throws -> String {
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let id = try SiteBuilderTests.dataset(in: db)
        var metrics = SiteBuilderTests.metrics(0.8)
        (metrics.trueNegatives, metrics.falsePositives, metrics.falseNegatives, metrics.truePositives) = (12_345, 2_345, 3_456, 45_678)
        _ = try db.record(
            EntryRecord(
                datasetID: id, contentSHA256: "a", modelSHA256: "a", team: "alpha", title: "m", members: [],
                path: "submissions/alpha", modelFile: "model.json", format: "xgboost-json", fileBytes: 1_471_145,
                submittedAt: "2026-11-29T10:00:00Z"),
            metrics: metrics, scores: nil)
        var builder = SiteBuilder(database: db, title: "T", templates: nil, pages: nil)
        builder.final = true
        try builder.build(into: dir.file("site"))
        return dir.file("site")
    }

    @Test func noPageWritesACountWithoutItsSeparators() throws {
        let site = try site()
        let data = try String(contentsOfFile: site + "/data.html", encoding: .utf8)
        #expect(data.contains(">7,500<") && data.contains(">6,300<"))
        let entry = try String(contentsOfFile: site + "/entries/1.html", encoding: .utf8)
        #expect(entry.contains("1,471,145 bytes") && entry.contains(">12,345<") && entry.contains(">45,678<"))
        for name in try FileManager.default.subpathsOfDirectory(atPath: site) where name.hasSuffix(".html") {
            // The text a reader sees: no plot, no tag, no date.
            var text = try String(contentsOfFile: site + "/" + name, encoding: .utf8)
            for pattern in [#"<svg[\s\S]*?</svg>"#, #"<[^>]*>"#, #"\d{4}-\d\d-\d\d"#] {
                text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
            }
            // Four digits in a row that no decimal point or separator comes before.
            let bare = text.firstMatch(of: /(?:^|[^\d.,])(\d{4,})/).map { String($0.output.1) }
            #expect(bare == nil, "\(name) writes a count without separators")
        }
    }
}
