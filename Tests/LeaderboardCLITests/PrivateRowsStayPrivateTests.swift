import Foundation
import GRDB
import HiggsData
import Testing
import TestSupport

/// The public site lets nobody compute anything about the private rows' labels: the same
/// submissions scored on the data and on a copy whose private hidden rows' labels are all
/// flipped give byte-for-byte the same public site, and different final sites.
@Suite struct PrivateRowsStayPrivateTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    /// A predictions file, a Keras file, a tree model and a failing pickle: every kind of
    /// entry the pages and exports show, two participants' entries for the score-over-time chart.
    static let examples = ["kaggle-style", "notebook-net", "xgboost-trees", "pickled-model"]

    @Test func flippingThePrivateLabelsChangesNothingPublicAndTheFinalRanking() throws {
        let sample = try String(contentsOfFile: KnownDataSets.samplePath, encoding: .utf8)
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.last == "" ? lines.count - 1 : lines.count
        let split = try DataSplit(rowCount: rows)
        var flipped = lines
        for index in split.privateTestIndices {
            let row = split.test.lowerBound + index
            let label = try #require(flipped[row].first)
            flipped[row] = (label == "1" ? "0" : "1") + flipped[row].dropFirst()
        }
        #expect(split.privateTestIndices.count > split.publicTestIndices.count)

        let real = try scoredWorkspace("real", data: sample)
        let other = try scoredWorkspace("flipped", data: flipped.joined(separator: "\n"))

        for workspace in [real, other] {
            let built = try CommandRunner.run(["build", "--workspace", workspace.path, "--output", workspace.path + "/public"],
                                              in: dir.path, environment: environment)
            #expect(built.status == 0, "\(built.stderr)")
            let final = try CommandRunner.run(
                ["build", "--final", "--workspace", workspace.path, "--output", workspace.path + "/final"],
                in: dir.path, environment: environment)
            #expect(final.status == 0, "\(final.stderr)")
        }
        let publicReal = try files(real, "public"), publicFlipped = try files(other, "public")
        #expect(publicReal.count > 8, "pages, exports and the stylesheet")
        #expect(publicReal.keys.sorted() == publicFlipped.keys.sorted())
        for (name, bytes) in publicReal {
            #expect(bytes == publicFlipped[name], "public \(name) differs when only private labels differ")
        }
        let finalReal = try files(real, "final"), finalFlipped = try files(other, "final")
        #expect(finalReal["index.html"] != finalFlipped["index.html"])
        #expect(finalReal["leaderboard.json"] != finalFlipped["leaderboard.json"])
    }

    /// A workspace whose data file is `data`, with the examples scored one at a time (so
    /// that entry ids follow the same order in both workspaces).
    ///
    /// Two things differ between the workspaces that are not about labels, and are made the
    /// same here: the submission time (the time the tool first saw each entry, a wall-clock
    /// reading) is set to one fixed time in both, and the data file's SHA-256 (shown on the
    /// data page) is returned so that `files` can put one placeholder in its place.
    func scoredWorkspace(_ name: String, data: String) throws -> (path: String, dataSHA256: String) {
        let ws = try dir.workspace(name, examples: Self.examples)
        try data.write(toFile: ws + "/data.csv", atomically: true, encoding: .utf8)
        let config = try String(contentsOfFile: ws + "/leaderboard.yml", encoding: .utf8)
        #expect(config.contains("\ndata: ''\n"))
        try config.replacingOccurrences(of: "\ndata: ''\n", with: "\ndata: data.csv\n")
            .write(toFile: ws + "/leaderboard.yml", atomically: true, encoding: .utf8)
        let scored = try CommandRunner.run(["score", "--workspace", ws, "--concurrency", "1"],
                                           in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")
        let database = try DatabaseQueue(path: ws + "/leaderboard.sqlite")
        defer { try? database.close() }
        try database.write { try $0.execute(sql: "UPDATE entry SET submitted_at = '2026-01-01T00:00:00Z'") }
        let sha = try database.read { try String.fetchOne($0, sql: "SELECT sha256 FROM dataset") }
        return (ws, try #require(sha))
    }

    /// Every file of a built site by its relative path, the data file's digest replaced.
    func files(_ workspace: (path: String, dataSHA256: String), _ folder: String) throws -> [String: Data] {
        let root = workspace.path + "/" + folder
        var out: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        for case let name as String in enumerator {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + name))
            let text = String(decoding: data, as: UTF8.self)
            out[name] = Data(text.replacingOccurrences(of: workspace.dataSHA256, with: "DATA-SHA256").utf8)
        }
        return out
    }
}
