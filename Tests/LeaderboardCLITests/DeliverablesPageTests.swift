import Foundation
import ModelFiles
import Results
import Site
import TestSupport
import Testing

/// The entry page of a team that handed in notebooks and a PDF: built from the database
/// alone, the same bytes every time, and nothing a participant wrote runs or loads.
@Suite struct DeliverablesPageTests {
    let dir = TemporaryDirectory()

    /// A database with one entry whose folder held the real and the hostile notebook, a
    /// real PDF, a PDF that is not one, a script and an image.
    func database() throws -> ResultsDatabase {
        let team = URL(fileURLWithPath: dir.file("submissions/team-a"))
        try FileManager.default.createDirectory(at: team, withIntermediateDirectories: true)
        for (name, fixture) in [
            "a-real.ipynb": "real.ipynb", "b-hostile.ipynb": "hostile.ipynb", "c-old.ipynb": "nbformat3.ipynb",
            "report <1>.pdf": "real.pdf", "fake.pdf": "hostile.ipynb",
        ] {
            try FileManager.default.copyItem(
                atPath: SharedFixtures.model("Notebooks/" + fixture), toPath: team.appendingPathComponent(name).path)
        }
        try Data("print('<script>')\n".utf8).write(to: team.appendingPathComponent("train<script>.py"))
        try Data("model".utf8).write(to: team.appendingPathComponent("model.h5"))
        let folder = try SubmissionFolder.load(team, displayName: "submissions/team-a")
        let read = try #require(folder.readDeliverables(displayName: "submissions/team-a"))

        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let dataset = try db.record(
            DatasetRecord(
                path: "sample.csv", sha256: "abc", fileBytes: 1, rows: 7_500, signal: 3_988, trainingRows: 6_300,
                validationRows: 700, testRows: 8, publicTestRows: 4, publicFraction: 0.5, splitSeed: 1))
        let id = try #require(dataset.id)
        try db.recordDetailIfMissing(
            DatasetDetailRecord(
                datasetID: id, testLabels: [1, 0, 1, 0, 1, 0, 1, 0], testPublic: [true, true, false, false, true, true, false, false],
                statistics: nil))
        let entry = EntryRecord(
            datasetID: id, contentSHA256: "a", modelSHA256: "a", team: "team-a", title: "net", members: [],
            path: "submissions/team-a", modelFile: "model.h5", format: "keras-h5", fileBytes: 5,
            failure: "'model.h5' is not a model", submittedAt: "2026-11-29T10:00:00Z")
        _ = try db.record(entry, metrics: nil, scores: nil, deliverables: read.record, pdfs: read.pdfs)
        let plain = EntryRecord(
            datasetID: id, contentSHA256: "b", modelSHA256: "b", team: "team-b", title: "net", members: [],
            path: "submissions/team-b", modelFile: "model.h5", format: "keras-h5", fileBytes: 5,
            failure: "'model.h5' is not a model", submittedAt: "2026-11-29T10:00:00Z")
        _ = try db.record(plain, metrics: nil, scores: nil)
        return db
    }

    private func build(_ db: ResultsDatabase, into name: String) throws -> String {
        try SiteBuilder(database: db, title: "Test", templates: nil, pages: nil).build(into: dir.file(name))
        return dir.file(name)
    }

    @Test func theNotebookIsShownAndNothingInItRunsOrLoads() throws {
        let db = try database()
        #expect(try db.deliverables(entryID: 2) == nil)
        let site = try build(db, into: "site")
        let html = try String(contentsOfFile: site + "/entries/1.html", encoding: .utf8)
        // Shown: the Markdown, the code, the outputs, both figures, the notes.
        #expect(html.contains("<h1>Higgs or top?</h1>"))
        #expect(html.contains("print(&#39;mean&#39;") || html.contains("print('mean'"))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"))
        #expect(html.contains("src=\"data:image/svg+xml;base64,"))
        #expect(html.contains("ZeroDivisionError"))
        #expect(html.contains("a JavaScript output (never run or shown)"))
        #expect(html.contains("an output that says it is a PNG image but is not one (not shown)"))
        #expect(html.contains("is a notebook of nbformat &#39;3&#39;, not 4") || html.contains("is a notebook of nbformat &#x27;3&#x27;"))
        // Linked: the PDF under a safe name beside the page; the fake one named with its reason.
        #expect(html.contains("href=\"1/1-report__1_.pdf\""))
        #expect(
            FileManager.default.contents(atPath: site + "/entries/1/1-report__1_.pdf")
                == (try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.model("Notebooks/real.pdf")))))
        #expect(html.contains("does not start with %PDF-"))
        #expect(html.contains("train&lt;script&gt;.py"))
        // Nothing a participant wrote is markup, a script, a handler or an outside reference.
        let lower = html.lowercased()
        for banned in ["<script", "javascript:", "<iframe", "<b>", "<img src=x", "src=\"http", "src=https", "<svg"] {
            #expect(!lower.contains(banned), "the page holds \(banned)")
        }
        // No tag carries an event handler (escaped text may say "onerror=", a tag may not).
        #expect(lower.range(of: #"<[a-z][^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil)
        // The SVG inside its data URL is the rebuilt one.
        for match in html.components(separatedBy: "data:image/svg+xml;base64,").dropFirst() {
            let encoded = String(match.prefix { $0 != "\"" })
            let svg = String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self)
            #expect(svg.hasPrefix("<svg"))
            for banned in ["script", "onload", "foreignObject", "evil", "javascript"] { #expect(!svg.contains(banned)) }
        }
        // An entry without deliverables has no such section.
        #expect(!(try String(contentsOfFile: site + "/entries/2.html", encoding: .utf8)).contains("Handed in with the model"))
    }

    @Test func theSameDatabaseGivesTheSameBytes() throws {
        let db = try database()
        let one = try build(db, into: "one"), two = try build(db, into: "two")
        for name in ["entries/1.html", "entries/1/1-report__1_.pdf"] {
            #expect(FileManager.default.contents(atPath: one + "/" + name) == FileManager.default.contents(atPath: two + "/" + name))
        }
    }
}

extension DeliverablesPageTests {
    @Test func aNotebookOfSlowMarkdownCellsCostsTheBuildOneLimitNotOnePerCell() throws {
        // Cells of `![[]()` repeated, within the text limit, that cmark-gfm takes seconds to render.
        let team = dir.file("submissions/team-a")
        try FileManager.default.createDirectory(atPath: team, withIntermediateDirectories: true)
        let slow: [String: Any] = [
            "cell_type": "markdown", "metadata": [String: Any](), "source": String(repeating: "![[]()", count: 40_000),
        ]
        let notebook: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5, "metadata": [String: Any](), "cells": Array(repeating: slow, count: 4),
        ]
        try JSONSerialization.data(withJSONObject: notebook).write(to: URL(fileURLWithPath: team + "/d-slow.ipynb"))
        let page = try String(contentsOfFile: try build(try database(), into: "slow") + "/entries/1.html", encoding: .utf8)
        #expect(page.components(separatedBy: "This text took too long to render").count == 2, "one cell was given the time")
        #expect(page.components(separatedBy: "an earlier text of this entry took too long").count == 4, "the later ones were not")
    }
}

extension DeliverablesPageTests {
    /// A notebook within every other limit (1,999 cells of 10 KB of `<`, 19 MiB) made a 95 MB
    /// page before the page had a budget (escaping makes each `<` four bytes more).
    @Test
    func aNotebookWithinTheLimitsMakesAPageOfBoundedSize() throws {
        let team = dir.file("submissions/team-a")
        try FileManager.default.createDirectory(atPath: team, withIntermediateDirectories: true)
        let output: [String: Any] = ["output_type": "stream", "name": "stdout", "text": String(repeating: "<", count: 10_000)]
        let cell: [String: Any] = [
            "cell_type": "code", "execution_count": 1, "metadata": [String: Any](), "source": "x", "outputs": [output],
        ]
        let notebook: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5, "metadata": [String: Any](), "cells": Array(repeating: cell, count: 1_999),
        ]
        let data = try JSONSerialization.data(withJSONObject: notebook)
        try data.write(to: URL(fileURLWithPath: team + "/d-large.ipynb"))
        let page = try build(try database(), into: "large") + "/entries/1.html"
        let bytes = try #require(try FileManager.default.attributesOfItem(atPath: page)[.size] as? Int)
        #expect(bytes < 2 * data.count, "the page shows at most about what was handed in")
    }
}
