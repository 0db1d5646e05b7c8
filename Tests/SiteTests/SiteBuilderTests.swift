import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// The site built from a database made here: deterministic, escaped, atomic.
@Suite struct SiteBuilderTests {
    let dir = TemporaryDirectory()

    static let hostileTeam = "<script>alert('team')</script>"
    static let hostileReadme = "# Hi\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2)) <img src=x onerror=alert(3)>\n"

    /// The stored figures every entry here shares: a three-point curve and its working points.
    static let roc = ROCPoints(
        falsePositiveRate: [0, 0.25, 1], truePositiveRate: [0, 0.75, 1], thresholds: [nil, 0.5, 0],
        tolerance: 0)
    static let workingPoints = WorkingPoints(
        signalEfficiencyAtBackgroundEfficiency: [.init(at: 0.1, value: 0.3)],
        backgroundRejectionAtSignalEfficiency: [.init(at: 0.5, value: 6)])
    static let histograms = ScoreHistograms(low: 0, high: 1, signal: [1, 3], background: [3, 1])

    /// The figures of an entry of AUC `auc` on every part of the rows.
    static func metrics(_ auc: Double) -> EntryMetricsRecord {
        EntryMetricsRecord(
            auc: auc, aucLow: auc - 0.1, aucHigh: min(1, auc + 0.1), aucVariance: 0.001,
            publicAUC: auc, publicAUCLow: auc - 0.1, publicAUCHigh: min(1, auc + 0.1),
            privateAUC: auc - 0.05, privateAUCLow: auc - 0.15, privateAUCHigh: auc,
            accuracy: 0.75, logLoss: 0.5, trueNegatives: 3, falsePositives: 1, falseNegatives: 1,
            truePositives: 3, workingPoints: Self.workingPoints, roc: Self.roc, histograms: Self.histograms)
    }

    /// Records the data set every database here shares (eight hidden rows, four public); its id.
    static func dataset(in db: ResultsDatabase) throws -> Int64 {
        let dataset = try db.record(
            DatasetRecord(
                path: "sample.csv", sha256: "abc", fileBytes: 1, rows: 7_500, signal: 3_988,
                trainingRows: 6_300, validationRows: 700, testRows: 8, publicTestRows: 4,
                publicFraction: 0.5, splitSeed: 1))
        let id = try #require(dataset.id)
        try db.recordDetailIfMissing(
            DatasetDetailRecord(
                datasetID: id, testLabels: [1, 0, 1, 0, 1, 0, 1, 0], testPublic: [true, true, false, false, true, true, false, false],
                statistics: nil))
        return id
    }

    func database() throws -> ResultsDatabase {
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let id = try Self.dataset(in: db)
        func entry(_ sha: String, team: String, readme: String?, failure: String? = nil) -> EntryRecord {
            EntryRecord(
                datasetID: id, contentSHA256: sha, modelSHA256: sha, team: team, title: "model \"" + sha + "\"",
                members: ["A & B"], path: "submissions/" + sha, modelFile: "model.h5", format: "keras-h5",
                fileBytes: 10, failure: failure, submittedAt: "2026-11-29T10:00:00Z", readme: readme)
        }
        _ = try db.record(
            entry("a", team: Self.hostileTeam, readme: Self.hostileReadme), metrics: Self.metrics(0.9),
            scores: [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.6, 0.4])
        _ = try db.record(
            entry("b", team: "plain", readme: nil), metrics: Self.metrics(0.7),
            scores: [0.6, 0.5, 0.4, 0.45, 0.9, 0.3, 0.2, 0.1])
        _ = try db.record(
            entry("c", team: "broken", readme: nil, failure: "'x.pkl' is a Python pickle <b>"),
            metrics: nil, scores: nil)
        return db
    }

    func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: folder)
        while let name = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDir), !isDir.boolValue {
                out[name] = FileManager.default.contents(atPath: folder + "/" + name)
            }
        }
        return out
    }

    @Test func theSameDatabaseGivesTheSameBytes() throws {
        let db = try database()
        let builder = SiteBuilder(database: db, title: "Test", templates: nil, pages: nil)
        try builder.build(into: dir.file("one"))
        try builder.build(into: dir.file("two"))
        let one = try files(dir.file("one")), two = try files(dir.file("two"))
        #expect(
            one.keys.sorted() == [
                ".leaderboard-site", "data.html", "entries/1.html", "entries/2.html", "entries/3.html", "index.html",
                "leaderboard.json", "results.csv", "style.css", "teams/a.html", "teams/b.html", "teams/c.html", "versions.csv",
            ])
        #expect(one == two)
    }

    @Test func participantStringsAreEscapedEverywhere() throws {
        let db = try database()
        try SiteBuilder(database: db, title: "Test", templates: nil, pages: nil).build(into: dir.file("site"))
        for (name, data) in try files(dir.file("site")) where name.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self).lowercased()
            #expect(!html.contains("<script"), "\(name)")
            #expect(!html.contains("onerror="), "\(name)")
            #expect(!html.contains("javascript:"), "\(name)")
            #expect(!html.contains("<b>"), "\(name)")
        }
        let index = try String(contentsOfFile: dir.file("site/index.html"), encoding: .utf8)
        #expect(index.contains("&lt;script&gt;alert(&#39;team&#39;)&lt;/script&gt;") || index.contains("&lt;script&gt;"))
        let csv = try String(contentsOfFile: dir.file("site/results.csv"), encoding: .utf8)
        #expect(csv.contains("\"model \"\"a\"\"\""))
    }

    @Test func ranksSayWhenNeighboursAreIndistinguishable() throws {
        let db = try database()
        try SiteBuilder(database: db, title: "Test", templates: nil, pages: nil).build(into: dir.file("site"))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir.file("site/leaderboard.json")))) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["rank"] as? Int } == [1, 2])
        // Four public rows cannot tell the two entries apart.
        #expect(entries[1]["tieWithAbove"] as? Bool == true)
        #expect((json["failed"] as? [[String: Any]])?.count == 1)
    }

    @Test func aFailingBuildLeavesTheLastGoodSite() throws {
        let db = try database()
        try SiteBuilder(database: db, title: "Test", templates: nil, pages: nil).build(into: dir.file("site"))
        let before = try files(dir.file("site"))
        try dir.write("{{#unclosed}}\n", to: "leaderboard.mustache")
        #expect(throws: SiteError.self) {
            try SiteBuilder(database: db, title: "Test", templates: dir.path, pages: nil).build(into: dir.file("site"))
        }
        #expect(try files(dir.file("site")) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.file("site.building-\(getpid())")))
    }

    /// An organizer's broken template is named with the line, the column and what is wrong
    /// in words, never the parser's raw description.
    @Test(arguments: [
        ("<h1>{{title}}</h1>\n{{#rows}}\n<td>{{team}}</td>\n{{/row}}\n", "line 4", "closed with another name"),
        ("<p>{{#rows}}{{team}}</p>\n", "line 2", "ends before a section it opened is closed"),
        ("<p>\n{{team</p>\n", "line 2", "not finished"),
        // The parser runs out of text inside the tag; the place to fix is where it opened.
        ("<p>{{title}}</p>\n<p>{{! a note never closed</p>\n<p>\n", "line 2, column 4", "never closed"),
        ("<p>{{title}}</p>\n{{rows\n", "line 2, column 1", "never closed"),
    ])
    func aBrokenTemplateIsNamedWithItsLineAndWhatIsWrong(template: String, line: String, words: String) throws {
        try dir.write(template, to: "leaderboard.mustache")
        do {
            try SiteBuilder(database: try database(), title: "Test", templates: dir.path, pages: nil).build(into: dir.file("site"))
            Issue.record("the broken template was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("template leaderboard.mustache: \(line)") && message.contains(", column "), "\(message)")
            #expect(message.contains(words), "\(message)")
            #expect(!message.contains("ParserError") && !message.contains("context:"), "\(message)")
            #expect(!message.contains("overflow"), "\(message)")
        }
    }

    @Test func theSiteMakesNoExternalRequests() throws {
        let db = try database()
        try SiteBuilder(database: db, title: "Test", templates: nil, pages: nil).build(into: dir.file("site"))
        for (name, data) in try files(dir.file("site")) where name.hasSuffix(".html") || name.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            for pattern in ["src=\"http", "href=\"http", "url(http", "@import", "<script"] {
                #expect(!text.contains(pattern), "\(name) contains \(pattern)")
            }
        }
        // The leaderboard charts the best score over time once there are two entries.
        #expect(try String(contentsOfFile: dir.file("site/index.html"), encoding: .utf8).contains("<svg"))
    }

    @Test func everyPageLinksTheExportsBesideIt() throws {
        try SiteBuilder(database: try database(), title: "Test", templates: nil, pages: nil).build(into: dir.file("site"))
        let site = try files(dir.file("site"))
        var pages = 0
        for (name, data) in site where name.hasSuffix(".html") {
            pages += 1
            let text = String(decoding: data, as: UTF8.self)
            let folder = URL(fileURLWithPath: dir.file("site/" + name)).deletingLastPathComponent()
            for export in ["leaderboard.json", "results.csv"] {
                let link = try #require(text.firstMatch(of: try Regex("href=\"([./]*\(export))\"")), "\(name) links no \(export)")
                let target = folder.appendingPathComponent(String(link.output[1].substring ?? "")).standardizedFileURL
                #expect(target.path == URL(fileURLWithPath: dir.file("site/" + export)).standardizedFileURL.path, "\(name)")
            }
        }
        #expect(pages >= 7 && site["leaderboard.json"] != nil && site["results.csv"] != nil)
    }

    @Test func contentPagesAreRenderedAndLinked() throws {
        let db = try database()
        try FileManager.default.createDirectory(atPath: dir.file("pages"), withIntermediateDirectories: true)
        try dir.write("# The rules\n\nBe *kind*.\n", to: "pages/rules.md")
        try SiteBuilder(database: db, title: "Test", templates: nil, pages: dir.file("pages")).build(into: dir.file("site"))
        let rules = try String(contentsOfFile: dir.file("site/rules.html"), encoding: .utf8)
        #expect(rules.contains("<h1>The rules</h1>") && rules.contains("<em>kind</em>"))
        let index = try String(contentsOfFile: dir.file("site/index.html"), encoding: .utf8)
        #expect(index.contains("href=\"rules.html\">The rules</a>"))
    }
}
