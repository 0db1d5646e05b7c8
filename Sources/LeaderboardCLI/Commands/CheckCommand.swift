import ArgumentParser
import Competition
import Foundation
import HiggsData
import Metrics
import ModelFiles
import Results
import Scoring

/// `leaderboard check FOLDER|MODEL`: a participant's dry run before submitting.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read a submission folder or a model file as `score` would, say what was understood, and score it on the "
            + "public validation rows.",
        discussion: """
            check FOLDER  validates a team folder exactly as `score` will: the manifest
                          it reads, which file it takes as the model and why, the
                          training history, the README, the notebooks and PDFs as
                          the entry's page will show them, the other files, then
                          the model's figures.
            check MODEL   validates one model file; the manifest.yml (or .yaml, .json)
                          beside it is read when there is one, unless --manifest
                          names another.

            Inside a workspace, its data, split and limits are used; elsewhere, the
            embedded sample and the default limits. The figures are those of the
            validation rows (the end of the training rows, which are public), never
            of the hidden test rows. A predictions file (id,score) holds scores of
            the hidden rows only: its shape is checked, not its figures. Every
            problem is one line saying what to do, with a non-zero exit status.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A submission folder, or a model file (.h5, .keras, .onnx, XGBoost .json/.ubj, LightGBM .txt).")
    var path: String
    @Option(
        help: ArgumentHelp(
            "With a model file: a manifest naming the features the model reads, their standardization, and an ONNX graph's "
                + "signal output (default: the manifest beside the model)."))
    var manifest: String?
    @Flag(help: "Print JSON instead of text.") var json = false

    /// Why `check` stops: one line, printed as the command's error.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    func run() throws {
        let ws = try global.workspaceIfAny()
        let limits = try ws.map { try RunLimits(workspace: $0) } ?? RunLimits()
        let sandbox = SandboxedPrediction.forCommand(limits: limits)
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        guard exists || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil else {
            throw Problem(description: "\(path): no such file or folder; give a team folder or a model file")
        }
        var report: CheckReport
        let outcome: SandboxedPrediction.Outcome
        let data = try CheckData(workspace: ws, loader: global.loader())
        if isFolder.boolValue {
            guard manifest == nil else {
                throw Problem(description: "--manifest is for a model file; a folder's manifest is the one in it")
            }
            (report, outcome) = try checkFolder(url, sandbox: sandbox, data: data)
        } else {
            (report, outcome) = try checkFile(url, sandbox: sandbox, data: data)
        }
        try data.finish(&report, outcome: outcome)
        print(json ? try Formatting.json(report) : report.text)
    }

    /// The folder taken apart as `score` takes it apart, then predicted as `score` predicts it.
    private func checkFolder(
        _ url: URL, sandbox: SandboxedPrediction, data: CheckData
    ) throws -> (CheckReport, SandboxedPrediction.Outcome) {
        let submission = Submission(at: url, displayName: path, limits: sandbox.readerLimits.submission)
        guard let folder = submission.folder else {
            throw Problem(description: submission.failure?.description ?? "\(path): cannot be read")
        }
        let isPredictions = try data.isPredictions(folder.model)
        let outcome = sandbox.run(
            submission: submission, dataPath: data.path, cacheDirectory: global.cacheDirectory,
            rows: isPredictions ? data.split.test : data.split.validation)
        var report = data.report(
            submission: path, form: "folder",
            model: CheckReport.ModelPart(file: folder.modelName, bytes: folder.modelBytes, reason: Self.reason(folder)),
            isPredictions: isPredictions)
        report.manifest = folder.manifest.map {
            CheckReport.ManifestPart($0, file: folder.manifestName ?? "manifest", source: "in the folder")
        }
        report.history = folder.history.map { CheckReport.HistoryPart($0, file: folder.historyName ?? "history") }
        if let readme = folder.readme {
            report.readme = CheckReport.NamedFile(file: folder.readmeName ?? "README", characters: readme.count)
        }
        // The notebooks and PDFs read as `score` reads them for the entry's page.
        if let read = folder.readDeliverables(displayName: path, limits: sandbox.readerLimits.submission) {
            report.deliverables = CheckReport.deliverableParts(read.record)
        }
        report.otherFiles = folder.ignored
        return (report, outcome)
    }

    /// Why the folder's model file is the one scored.
    static func reason(_ folder: SubmissionFolder) -> String {
        if folder.manifest?.model != nil { return "named by \(folder.manifestName ?? "the manifest")'s `model`" }
        return "the only file of the folder that can be the model"
    }

    /// One model file, with the manifest given or found beside it.
    private func checkFile(
        _ url: URL, sandbox: SandboxedPrediction, data: CheckData
    ) throws -> (CheckReport, SandboxedPrediction.Outcome) {
        let limits = sandbox.readerLimits.submission
        var manifestPart: CheckReport.ManifestPart?
        var manifestPath = manifest
        if let given = manifest {
            manifestPart = try Self.readManifest(URL(fileURLWithPath: given), name: given, source: "--manifest", limits: limits)
        } else if let beside = try Self.manifestBeside(url) {
            manifestPath = beside.path
            manifestPart = try Self.readManifest(
                beside, name: beside.lastPathComponent, source: "beside the model; --manifest chooses another", limits: limits)
        }
        let isPredictions = try data.isPredictions(url)
        let outcome = sandbox.run(
            modelFile: url.path, manifestFile: manifestPath, dataPath: data.path, cacheDirectory: global.cacheDirectory,
            rows: isPredictions ? data.split.test : data.split.validation)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        var reason = "the file given"
        if let named = manifestPart?.model, named != url.lastPathComponent {
            reason += "; the manifest names \(named) as the model, which `score` would take instead"
        }
        var report = data.report(
            submission: path, form: "file",
            model: CheckReport.ModelPart(file: url.lastPathComponent, bytes: bytes, reason: reason),
            isPredictions: isPredictions)
        report.manifest = manifestPart
        return (report, outcome)
    }

    /// The manifest at `url`, read as `score` reads one.
    private static func readManifest(
        _ url: URL, name: String, source: String, limits: SubmissionLimits
    ) throws -> CheckReport.ManifestPart {
        do {
            return CheckReport.ManifestPart(
                try SubmissionManifest.read(from: url, displayName: name, limits: limits), file: name, source: source)
        } catch {
            throw Problem(description: error.description)
        }
    }

    /// The manifest in the model file's folder, if there is one; several are refused, as
    /// `score` refuses them in a folder.
    static func manifestBeside(_ model: URL) throws -> URL? {
        let folder = model.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let found = names.filter { SubmissionManifest.fileNames.contains($0.lowercased()) }.sorted()
        guard found.count <= 1 else {
            throw Problem(
                description: "\(folder.lastPathComponent): several manifests beside the model (\(found.joined(separator: ", "))); "
                    + "keep one, or pass --manifest")
        }
        return found.first.map { folder.appendingPathComponent($0) }
    }
}

/// The data `check` scores on, and how it ends a report with the child's outcome.
struct CheckData {
    let path: String
    let dataset: HiggsDataset
    let split: DataSplit
    /// The workspace's root, when a workspace chose the data.
    let workspace: String?
    /// How the report names the data: its path, or the embedded sample.
    let name: String

    init(workspace ws: Workspace?, loader: DataLoader) throws {
        path = try ws?.dataPath(cacheDirectory: loader.cacheDirectory) ?? KnownDataSets.samplePath
        name = path == KnownDataSets.samplePath ? "the embedded sample of real HIGGS events" : path
        dataset = try loader.load(path).dataset
        split = try DataSplit(rowCount: dataset.rowCount, settings: ws?.config.split ?? SplitSettings(), path: path)
        workspace = ws?.root
    }

    /// Whether the file at `url` is a predictions file (`id,score` text), from its first bytes.
    func isPredictions(_ url: URL) throws -> Bool {
        do {
            return try ModelFileReader.format(of: url) == .text
        } catch {
            throw CheckCommand.Problem(description: error.description)
        }
    }

    /// A report of the data used, before the submission's parts are filled in.
    func report(submission: String, form: String, model: CheckReport.ModelPart, isPredictions: Bool) -> CheckReport {
        let rows = isPredictions ? split.test : split.validation
        let rowsAre =
            isPredictions
            ? "the hidden test rows, whose labels are secret: only the count is checked"
            : "the public validation rows (the end of the training rows; no hidden row is read)"
        return CheckReport(
            submission: submission, form: form, model: model,
            data: CheckReport.DataPart(
                source: name, rows: dataset.rowCount,
                workspace: workspace, rowsUsed: rows, rowsAre: rowsAre),
            verdict: "")
    }

    /// Fills in the figures (a model) or the shape (a predictions file) from the child's
    /// outcome; a refusal is the command's one-line error.
    func finish(_ report: inout CheckReport, outcome: SandboxedPrediction.Outcome) throws {
        let what = report.form == "folder" ? "The folder" : "The file"
        switch outcome {
        case let .failed(reason):
            throw CheckCommand.Problem(description: reason)
        case let .scores(scores, _, nil, _):
            report.predictions = CheckReport.PredictionsPart(
                scores: scores.count,
                why: "a predictions file holds scores of the hidden test rows only, so no figure can be computed before "
                    + "`score` does")
            report.verdict = "\(what) is ready to submit (as predictions: its figures come from `score`)."
        case let .scores(scores, _, summary?, _):
            let rows = dataset.rows(split.validation)
            let figures = try BinaryClassificationReport(scores: scores, labels: rows.labels)
            report.summary = summary
            report.validation = CheckReport.ValidationPart(
                rows: rows.rowCount, auc: figures.auc, aucLow: figures.aucInterval.lower, aucHigh: figures.aucInterval.upper,
                accuracy: figures.accuracy, logLoss: figures.logLoss)
            report.verdict = "\(what) is ready to submit."
        }
    }
}
