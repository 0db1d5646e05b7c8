import ArgumentParser
import Baselines
import Competition
import Foundation
import Results
import Scoring
import Site
import Training

/// `leaderboard demo`: the whole job on the embedded sample, in a fresh workspace.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on the embedded sample in a fresh workspace and say where everything is.")

    @Option(help: "The demo workspace folder (made afresh; an earlier demo there is replaced).")
    var workspace: String = "leaderboard-demo"
    @Option(name: .long, help: "Where parsed data caches live.") var cacheDir: String?
    @Option(
        help: ArgumentHelp(
            "Example submissions to copy into the demo (default: the submissions/ of the workspace around the current folder, e.g. "
                + "this repository's).")
    )
    var examples: String?
    @Option(
        help: ArgumentHelp(
            "Files teams push after the first scoring, one folder per team, copied over their folders before the demo scores "
                + "again (default: examples/second-round of the workspace around the current folder).")
    )
    var secondRound: String?
    @Option(help: "Epochs of the network baseline.") var epochs: Int = 20

    static let marker = ".leaderboard-demo"

    struct NotADemoFolder: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "\(path): exists and is not a demo workspace; nothing was changed. Pass --workspace with a new folder."
        }
    }

    /// Copies the example submissions into the demo's submissions folder; returns how many.
    private func copyExamples(into target: String) throws -> Int {
        let source = examples ?? (try? Workspace.find())?.submissionsPath
        guard let source, FileManager.default.fileExists(atPath: source) else { return 0 }
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: source).sorted() where !name.hasPrefix(".") {
            let destination = target + "/" + name
            if FileManager.default.fileExists(atPath: destination) { try FileManager.default.removeItem(atPath: destination) }
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: destination)
            if !name.lowercased().hasPrefix("readme") { count += 1 }
        }
        return count
    }

    /// Copies each team folder of the second round over the team's folder in `target`: each
    /// file replaces the file of the same name, the others stay, as a team's push would leave
    /// them. Returns each team with the files it pushed.
    private func copySecondRound(into target: String) throws -> (source: String, teams: [(String, [String])])? {
        let fm = FileManager.default
        let source = secondRound ?? (try? Workspace.find()).map { $0.root + "/examples/second-round" }
        guard let source, fm.fileExists(atPath: source) else { return nil }
        var teams: [(String, [String])] = []
        for team in try fm.contentsOfDirectory(atPath: source).sorted() where !team.hasPrefix(".") {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: source + "/" + team, isDirectory: &isFolder), isFolder.boolValue else { continue }
            let folder = target + "/" + team
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let files = try fm.contentsOfDirectory(atPath: source + "/" + team).sorted().filter { !$0.hasPrefix(".") }
            for file in files {
                if fm.fileExists(atPath: folder + "/" + file) { try fm.removeItem(atPath: folder + "/" + file) }
                try fm.copyItem(atPath: source + "/" + team + "/" + file, toPath: folder + "/" + file)
            }
            teams.append((team, files))
        }
        return (source, teams)
    }

    /// Scores what is new in the demo's submissions and prints the table.
    private func scoreRound(_ session: CompetitionSession, sandbox: SandboxedPrediction) throws {
        let run = try ScoreRun(session: session, sandbox: sandbox)
        let outcomes = run.score(run.discover())
        let all = try session.database.entries(datasetID: session.datasetID)
        print("")
        print(ScoreTable(outcomes: outcomes, hiddenRows: session.hidden.count).text)
        print("(and \(all.filter { $0.entry.isBaseline }.count) baselines)")
        print("")
    }

    func run() throws {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        if fm.fileExists(atPath: root) {
            guard fm.fileExists(atPath: root + "/" + Self.marker) else { throw NotADemoFolder(path: root) }
            try fm.removeItem(atPath: root)
        }
        let ws = try Workspace.create(at: root, config: WorkspaceConfig(title: "HIGGS hackathon (demo)"))
        try "made by `leaderboard demo`\n".write(toFile: root + "/" + Self.marker, atomically: true, encoding: .utf8)
        print("workspace   \(ws.root)")

        // The session loads and caches the data and records it, with its split, in the database.
        // The demo works unlocked in the workspace it has just made.
        let display = ProgressDisplay(label: "reading", unit: .bytes)
        let sandbox = SandboxedPrediction.forCommand(limits: try RunLimits(workspace: ws))
        let session = try CompetitionSession(
            workspace: ws, lock: nil, cacheDirectory: cacheDir ?? ws.root + "/.cache",
            progress: { display.update($0, of: $1) })
        let rows = session.dataset.rowCount, signal = session.dataset.signalCount
        print(
            "data        the embedded sample: \(Formatting.count(rows)) real HIGGS events (signal \(Formatting.count(signal)), "
                + "background \(Formatting.count(rows - signal)))"
        )
        print(DataReport.SplitSizes(session.split).line)
        let database = session.database
        print("database    \(database.path) (schema v\(try database.schemaVersion()), data set #\(session.datasetID))")

        let baselines = try BaselineRun(session: session, sandbox: sandbox)
        for model: BaselineRun.Model in [.bdt(AdaBoostSettings()), .nn(NetworkTrainingOptions(epochs: epochs))] {
            let progress = ProgressDisplay(label: "training \(model.name)", unit: .rows)
            let outcome = try baselines.train(model) { line, done, total in progress.update(done, of: total, detail: line) }
            print("baseline    " + TrainCommand.summary(outcome))
        }

        let examples = try copyExamples(into: ws.submissionsPath)
        if examples > 0 {
            print("round 1     \(examples) example submissions copied into \(ws.submissionsPath)")
            try scoreRound(session, sandbox: sandbox)
            if let round = try copySecondRound(into: ws.submissionsPath), !round.teams.isEmpty {
                print("round 2     \(round.source): teams push again (kept apart until now, so the first round did not see them):")
                for (team, files) in round.teams {
                    print("            \(team): \(files.joined(separator: ", ")) copied over submissions/\(team)/")
                }
                try scoreRound(session, sandbox: sandbox)
            }
        } else {
            print("submissions none found to copy (pass --examples DIR)")
        }
        let summary = try SiteBuilder(
            database: database, title: ws.config.title, templates: ws.templatesPath,
            pages: ws.pagesPath
        ).build(into: ws.sitePath, protecting: ws.ownFolders)
        print("site        \(ws.sitePath)/index.html (\(summary.files) files; open it in a browser)")
    }
}
