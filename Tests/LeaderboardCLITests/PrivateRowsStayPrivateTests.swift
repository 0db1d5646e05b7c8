import Foundation
import GRDB
import HiggsData
import TestSupport
import Testing

/// The public site lets nobody compute anything about the private rows' labels: the same
/// submissions scored on the data and on a copy whose private hidden rows' labels are all
/// flipped give byte-for-byte the same public site, and different final sites.
@Suite struct PrivateRowsStayPrivateTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    /// A predictions file, a Keras file and a failing pickle, beside the two baselines
    /// (trained small): every kind of entry the pages and exports show, two participants'
    /// entries for the score-over-time chart, the baselines' curves on every entry page and
    /// their overtraining check.
    static let examples = ["kaggle-style", "notebook-net", "pickled-model"]

    @Test func privateLabelsChangeOnlyTheFinalRanking() async throws {
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

        // The two workspaces are made side by side: each is several runs of the tool.
        async let first = builtWorkspace("real", data: sample)
        async let second = builtWorkspace("flipped", data: flipped.joined(separator: "\n"))
        let (real, other) = try await (first, second)
        let publicReal = try files(real, "public"), publicFlipped = try files(other, "public")
        #expect(publicReal.count > 8, "pages, exports and the stylesheet")
        #expect(publicReal.keys.contains("teams/kaggle-style.html"))
        #expect(String(decoding: publicReal["teams/kaggle-style.html"] ?? Data(), as: UTF8.self).contains("selected"))
        #expect(publicReal.keys.sorted() == publicFlipped.keys.sorted())
        for (name, bytes) in publicReal {
            #expect(bytes == publicFlipped[name], "public \(name) differs when only private labels differ")
        }
        let finalReal = try files(real, "final"), finalFlipped = try files(other, "final")
        #expect(finalReal["index.html"] != finalFlipped["index.html"])
        #expect(finalReal["leaderboard.json"] != finalFlipped["leaderboard.json"])
    }

    /// A workspace whose data file is `data`, with the baselines trained and the examples
    /// scored one at a time (so that entry ids follow the same order in both workspaces),
    /// and its public and final sites built beside it, into `NAME-public` and `NAME-final`.
    ///
    /// Three things differ between the workspaces that are not about labels, and are made
    /// the same here: the submission and training times and the training's duration
    /// (wall-clock readings) are set to fixed values in both, and the data file's SHA-256
    /// (shown on the data page) is returned so that `files` can put one placeholder in its place.
    func builtWorkspace(_ name: String, data: String) async throws -> (path: String, dataSHA256: String) {
        let ws = try dir.workspace(name, examples: Self.examples)
        try data.write(toFile: ws + "/data.csv", atomically: true, encoding: .utf8)
        let config = try String(contentsOfFile: ws + "/leaderboard.yml", encoding: .utf8)
        #expect(config.contains("\ndata: ''\n"))
        try config.replacingOccurrences(of: "\ndata: ''\n", with: "\ndata: data.csv\n")
            .write(toFile: ws + "/leaderboard.yml", atomically: true, encoding: .utf8)
        let scored = try CommandRunner.run(
            ["score", "--workspace", ws, "--concurrency", "1"],
            in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")
        // Versions: a second one of kaggle-style, selected for the final ranking, and a
        // ruling, so that team pages, version marks and selections are on both sites.
        try "final: true\n".write(toFile: ws + "/submissions/kaggle-style/manifest.yml", atomically: true, encoding: .utf8)
        let again = try CommandRunner.run(
            ["score", "--workspace", ws, "--concurrency", "1"], in: dir.path, environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        let ruled = try CommandRunner.run(
            ["withdraw", "--workspace", ws, "notebook-net", "--reason", "withdrawn by the team"], in: dir.path,
            environment: environment)
        #expect(ruled.status == 0, "\(ruled.stderr)")
        let trained = try CommandRunner.run(
            ["train", "--workspace", ws, "--rows", "400", "--rounds", "5", "--epochs", "2"],
            in: dir.path, environment: environment)
        #expect(trained.status == 0, "\(trained.stderr)")
        let database = try DatabaseQueue(path: ws + "/leaderboard.sqlite")
        defer { try? database.close() }
        try await database.write { db in
            try db.execute(sql: "UPDATE entry SET submitted_at = '2026-01-01T00:00:00Z'")
            try db.execute(sql: "UPDATE ruling SET ruled_at = '2026-01-01T00:00:00Z', ruled_by = 'organizer'")
            try db.execute(sql: "UPDATE training_run SET trained_at = '2026-01-01T00:00:00Z', seconds = 1")
        }
        let sha = try await database.read { try String.fetchOne($0, sql: "SELECT sha256 FROM dataset") }
        for (folder, flags) in [("public", []), ("final", ["--final"])] {
            let built = try CommandRunner.run(
                ["build", "--workspace", ws, "--output", ws + "-" + folder] + flags,
                in: dir.path, environment: environment)
            #expect(built.status == 0, "\(built.stderr)")
        }
        return (ws, try #require(sha))
    }

    /// Every file of a built site by its relative path, the data file's digest replaced.
    func files(_ workspace: (path: String, dataSHA256: String), _ folder: String) throws -> [String: Data] {
        let root = workspace.path + "-" + folder
        var out: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        for case let name as String in enumerator {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + name))
            let text = String(decoding: data, as: UTF8.self)
            out[name] = Data(text.replacingOccurrences(of: workspace.dataSHA256, with: "DATA-SHA256").utf8)
        }
        return out
    }
}
