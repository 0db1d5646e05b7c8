import Foundation
import TestSupport
import Testing

/// What belongs to the organizer stays theirs: the workspace's folders, the terminal, the
/// data file, the privacy of synthetic data.
@Suite struct OrganizerFoldersTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    /// A workspace whose database holds the data set, so that `build` has something to build.
    func scoredWorkspace() throws -> String {
        let ws = try dir.workspace(examples: [])
        let scored = try CommandRunner.run(["score", "--workspace", ws], in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")
        return ws
    }

    /// Every file under `folder`, by relative path, with its bytes.
    func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: folder)
        while let name = e?.nextObject() as? String {
            // The lock file holds the pid of the last run.
            if !name.hasSuffix(".leaderboard.lock"), let data = FileManager.default.contents(atPath: folder + "/" + name) {
                out[name] = data
            }
        }
        return out
    }

    @Test func buildRefusesFoldersItDidNotMake() throws {
        let ws = try scoredWorkspace()
        try "notes".write(toFile: dir.file("mine.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir.file("mine"), withIntermediateDirectories: true)
        try "notes".write(toFile: dir.file("mine/notes.txt"), atomically: false, encoding: .utf8)
        let before = snapshot(dir.path)
        for output in [ws, ws + "/submissions", ws + "/", dir.path, "/", dir.file("mine"), ws + "/submissions/.."] {
            let run = try CommandRunner.run(
                ["build", "--workspace", ws, "--output", output], in: dir.path,
                environment: environment)
            #expect(run.status != 0, "\(output)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(run.stderr.contains("refusing"), "\(run.stderr)")
        }
        #expect(snapshot(dir.path) == before)
        // The workspace's own site/, made empty by init, is built, and then rebuilt.
        for _ in 0..<2 {
            let built = try CommandRunner.run(["build", "--workspace", ws], in: dir.path, environment: environment)
            #expect(built.status == 0, "\(built.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: ws + "/site/.leaderboard-site"))
    }

    @Test func aBuildWaitsForTheWorkspaceLock() throws {
        let ws = try scoredWorkspace()
        let held = try HeldWorkspaceLock(ws, starting: ["build", "--workspace", ws], in: dir, environment: environment)
        #expect(held.said.contains("waiting for another run in this workspace (process 4242)"))
        #expect(held.process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: ws + "/site/index.html"))
        #expect(held.release() == 0)
        #expect(FileManager.default.fileExists(atPath: ws + "/site/index.html"))
    }

    @Test func twoBuildsAtOnceBothFinishWithACompleteSite() throws {
        let ws = try scoredWorkspace()
        let builds = try (0..<2).map { _ in try CommandRunner.start(["build", "--workspace", ws], environment: environment) }
        for build in builds {
            build.waitUntilExit()
            #expect(build.terminationStatus == 0)
        }
        let site = try FileManager.default.contentsOfDirectory(atPath: ws + "/site")
        #expect(Set(site).isSuperset(of: ["index.html", "data.html", "leaderboard.json", "results.csv", ".leaderboard-site"]))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws).filter { $0.hasPrefix("site.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func buildReadsNoDataFileOnceTheDatabaseHoldsIt() throws {
        let ws = try scoredWorkspace()
        let config = ws + "/leaderboard.yml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "data: ''", with: "data: gone.csv")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let built = try CommandRunner.run(["build", "--workspace", ws], in: dir.path, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")
        let scored = try CommandRunner.run(["score", "--workspace", ws], in: dir.path, environment: environment)
        #expect(scored.status != 0)
        #expect(scored.stderr.contains("gone.csv: cannot read the file (No such file or directory)"), "\(scored.stderr)")
    }

    /// Runs `arguments`, killing the run after `seconds` so that a wait shows as a failure,
    /// not as a test that never ends.
    func runWithin(_ seconds: Double, _ arguments: [String]) throws -> (status: Int32, stderr: String, timedOut: Bool) {
        let errors = dir.file("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        let process = try CommandRunner.start(
            arguments, environment: environment,
            standardError: FileHandle(forWritingAtPath: errors))
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "", timedOut)
    }

    @Test func dataThatIsAFIFOOrADeviceIsRefusedNotWaitedOn() throws {
        #expect(mkfifo(dir.file("higgs.csv"), 0o644) == 0)
        for (path, kind) in [(dir.file("higgs.csv"), "a FIFO (named pipe)"), ("/dev/zero", "a character device")] {
            let run = try runWithin(20, ["data", "info", path])
            #expect(!run.timedOut, "\(path) was waited on")
            #expect(run.status != 0)
            #expect(run.stderr.contains("is \(kind), not a regular file"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        }
        // And as a workspace's data:, for score.
        let ws = try dir.workspace(examples: [])
        let config = try String(contentsOfFile: ws + "/leaderboard.yml", encoding: .utf8)
            .replacingOccurrences(of: "\ndata: ''\n", with: "\ndata: \(dir.file("higgs.csv"))\n")
        #expect(config.contains("higgs.csv"))
        try config.write(toFile: ws + "/leaderboard.yml", atomically: false, encoding: .utf8)
        let score = try runWithin(20, ["score", "--workspace", ws])
        #expect(!score.timedOut && score.status != 0)
        #expect(score.stderr.contains("not a regular file"), "\(score.stderr)")
    }

    @Test func unseededSynthPrintsItsSeed() throws {
        func synth(_ out: String, _ extra: [String] = []) throws -> String {
            let run = try CommandRunner.run(
                ["data", "synth", "--rows", "200", "--out", out] + extra, in: dir.path,
                environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        let first = try synth("a.csv"), second = try synth("b.csv")
        let a = try Data(contentsOf: URL(fileURLWithPath: dir.file("a.csv")))
        #expect(a != (try Data(contentsOf: URL(fileURLWithPath: dir.file("b.csv")))))
        let seed = try #require(
            first.split(separator: "\n").last { $0.hasPrefix("seed ") }?
                .split(separator: " ")[1].dropLast())
        #expect(first.contains("pass --seed \(seed) to make this file again"))
        #expect(second.contains("pass --seed") && !second.contains("seed \(seed):"))
        let again = try synth("c.csv", ["--seed", String(seed)])
        #expect(!again.contains("pass --seed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("c.csv"))) == a)
    }

    /// Control sequences that would erase a line, hide a hyperlink, write the clipboard and
    /// set the window title.
    static let sequences =
        "\u{1B}[2K\u{1B}[1A\u{1B}]8;;https:evil.example\u{07}x\u{1B}]8;;\u{07}\u{1B}]52;c;aGk=\u{07}"
        + "\u{1B}]0;title\u{1B}\\\u{9B}31m\u{202E}"

    @Test func participantTextReachesTheTerminalEscaped() throws {
        let ws = try dir.workspace(examples: ["notebook-net"])
        let fm = FileManager.default
        let folder = ws + "/submissions/team" + Self.sequences
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data([0x80, 0x04, 0x95]).write(to: URL(fileURLWithPath: folder + "/model" + Self.sequences + ".pkl"))
        let manifested = ws + "/submissions/manifested"
        try fm.createDirectory(atPath: manifested, withIntermediateDirectories: true)
        try "team: \"a\\e[2K\\e]52;c;aGk=\\a\"\ntitle: \"t\\e]0;x\\a\\u202E\"\n"
            .write(toFile: manifested + "/manifest.yml", atomically: false, encoding: .utf8)
        try ("id\u{1B}[2K\u{07},score\n0,0.5\n").write(toFile: manifested + "/predictions.csv", atomically: false, encoding: .utf8)
        let runs = [
            try CommandRunner.run(["score", "--workspace", ws], in: dir.path, environment: environment),
            try CommandRunner.run(
                ["score", "--workspace", ws, "--json", "team" + Self.sequences, "manifested"],
                in: ws + "/submissions", environment: environment),
            try CommandRunner.run(["check", folder + "/model" + Self.sequences + ".pkl"], in: dir.path, environment: environment),
            try CommandRunner.run(
                ["build", "--workspace", ws, "--output", dir.file("out" + Self.sequences)], in: dir.path,
                environment: environment),
        ]
        #expect(runs[0].stdout.contains("team\\u{1B}[2K"), "\(runs[0].stdout)")
        #expect(runs[2].status != 0)
        for run in runs {
            for output in [run.stdout, run.stderr] {
                let controls = output.unicodeScalars.filter {
                    ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
                }
                #expect(controls.isEmpty, "raw controls \(controls.map { String($0.value, radix: 16) }) in \(output.debugDescription)")
            }
        }
    }
}
