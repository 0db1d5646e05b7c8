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
            let run = try ScoreRun(session: session, sandbox: sandbox)
            let outcomes = run.score(run.discover())
            let all = try database.entries(datasetID: session.datasetID)
            print("")
            print(ScoreTable(outcomes: outcomes, hiddenRows: session.hidden.count).text)
            print("(and \(all.filter { $0.entry.isBaseline }.count) baselines)")
            print("")
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
