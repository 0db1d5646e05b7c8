import Foundation
import Results
import TestSupport
import Testing

/// `score` end to end on a submissions folder shaped by a hostile participant: a team folder
/// that is a link to a folder elsewhere, and a model whose modification time is set back.
@Suite struct SubmissionFolderLinksTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    @Test func linkedTeamFolderReachesNothing() throws {
        let ws = try dir.workspace(examples: ["notebook-net"])
        let fm = FileManager.default
        let outside = dir.file("outside")
        try fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
        // A real model behind the link: followed, it would be scored and its README published.
        try fm.copyItem(atPath: ws + "/submissions/notebook-net/model.h5", toPath: outside + "/model.h5")
        _ = try dir.write("SENTINEL-README-TEXT", to: "outside/README.md")
        try fm.createSymbolicLink(atPath: ws + "/submissions/team-x", withDestinationPath: outside)
        // The participant sets the model's modification time to the year 2000.
        let model = ws + "/submissions/notebook-net/model.h5"
        try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 946_684_800)], ofItemAtPath: model)
        let started = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-1))

        let first = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let outcomes = try json(first.stdout)
        let linked = try #require(outcomes.first { $0["path"] as? String == "submissions/team-x" })
        #expect((linked["failure"] as? String)?.contains("is a symbolic link") == true, "\(linked)")
        #expect(outcomes.first { $0["path"] as? String == "submissions/notebook-net" }?["status"] as? String == "scored")
        #expect(!first.stdout.contains("SENTINEL") && !first.stderr.contains("SENTINEL"))

        let database = try ResultsDatabase(path: ws + "/leaderboard.sqlite")
        let dataset = try #require(try database.datasets().first?.id)
        let entries = try database.entries(datasetID: dataset).map(\.entry)
        #expect(entries.count == 2)
        #expect(!entries.contains { ($0.readme ?? "").contains("SENTINEL") })
        #expect(entries.filter { $0.failure == nil }.map(\.path) == ["submissions/notebook-net"])
        for entry in entries {
            #expect(entry.submittedAt >= started, "\(entry.path): \(entry.submittedAt)")
        }

        // The failing linked folder is unchanged on the next run: not recorded (or read) again.
        let second = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(try json(second.stdout).allSatisfy { $0["status"] as? String == "unchanged" }, "\(second.stdout)")
    }
}

/// A README hard-linked to a file of the organizer's is refused with one line, and nothing
/// of that file is recorded.
@Suite struct HardLinkTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    @Test func aHardLinkedReadmeIsNotPublished() throws {
        let ws = try dir.workspace(examples: ["notebook-net"])
        let secret = try dir.write("ORGANIZER-SECRET-TEXT\n", to: "secret.txt")
        let readme = ws + "/submissions/notebook-net/README.md"
        try FileManager.default.removeItem(atPath: readme)
        #expect(link(secret, readme) == 0)
        let run = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let outcome = try #require(try json(run.stdout).first { $0["path"] as? String == "submissions/notebook-net" })
        #expect((outcome["failure"] as? String)?.contains("hard links") == true, "\(outcome)")
        let database = try ResultsDatabase(path: ws + "/leaderboard.sqlite")
        let dataset = try #require(try database.datasets().first?.id)
        #expect(!(try database.entries(datasetID: dataset)).contains { ($0.entry.readme ?? "").contains("ORGANIZER-SECRET") })
    }
}

/// `check` and `predict` on a file named on their command line: the same rules as `score`
/// (no link followed, no FIFO waited on), and the child reads a private copy.
@Suite struct GivenFileTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    @Test func checkAndPredictRefuseALinkAndAFIFOAtOnce() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir.file("organizer"), withIntermediateDirectories: true)
        let secret = try dir.write("id,score\n0,0.5\n", to: "organizer/secret.csv")
        try fm.createSymbolicLink(atPath: dir.file("model.csv"), withDestinationPath: secret)
        #expect(mkfifo(dir.file("fifo.h5"), 0o600) == 0)
        let rows = try dir.write("1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n", to: "rows.csv")
        for arguments in [
            ["check", dir.file("model.csv")], ["check", dir.file("fifo.h5")],
            ["predict", dir.file("fifo.h5"), "--data", rows],
            ["predict", dir.file("model.csv"), "--data", rows],
        ] {
            // Started in the background and killed after 15 s, so that a regression fails
            // instead of waiting for the 600 s wall-clock limit.
            let errors = dir.file("stderr.txt")
            _ = fm.createFile(atPath: errors, contents: nil)
            let process = try CommandRunner.start(
                arguments, environment: environment,
                standardError: FileHandle(forWritingAtPath: errors))
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            let waited = process.isRunning
            if waited { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            #expect(!waited, "\(arguments) waited")
            #expect(process.terminationStatus != 0, "\(arguments)")
            let line = try String(contentsOfFile: errors, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!line.contains("\n"), "\(line)")
            #expect(line.contains("symbolic link") || line.contains("pipe") || line.contains("not a regular file"), "\(line)")
        }
    }
}
