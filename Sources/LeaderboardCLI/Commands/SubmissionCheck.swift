import Foundation
import ModelFiles
import Scoring

/// `check`'s dry run of one submission, as `score` reads it: a team folder or a model file
/// taken apart, predicted in the sandboxed child on the validation rows (a predictions file:
/// its shape on the hidden rows' count), and reported. `check PATH` runs it once; `check
/// --changed-since` once per team entry a pull request touches, on data loaded once.
struct SubmissionCheck {
    let sandbox: SandboxedPrediction
    let data: CheckData
    /// The parsed-data cache folder the child reads.
    let cacheDirectory: String

    /// `check PATH`: a folder, or a model file with `manifest` (given, else the one beside it).
    func check(path: String, manifest: String?) throws -> CheckReport {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        guard exists || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil else {
            throw CheckCommand.Problem(description: "\(path): no such file or folder; give a team folder or a model file")
        }
        guard isFolder.boolValue else { return try checkFile(url, named: path, manifest: manifest) }
        guard manifest == nil else {
            throw CheckCommand.Problem(description: "--manifest is for a model file; a folder's manifest is the one in it")
        }
        return try check(Submission(at: url, displayName: path, limits: sandbox.readerLimits.submission), named: path)
    }

    /// The submission taken apart as `score` takes it apart (a folder, or a single file of the
    /// submissions folder), then predicted as `score` predicts it; `name` is how it is reported.
    func check(_ submission: Submission, named name: String) throws -> CheckReport {
        guard let folder = submission.folder else {
            throw CheckCommand.Problem(description: submission.failure?.description ?? "\(name): cannot be read")
        }
        let isPredictions = try data.isPredictions(folder.model)
        let outcome = sandbox.run(
            submission: submission, dataPath: data.path, cacheDirectory: cacheDirectory,
            rows: isPredictions ? data.split.test : data.split.validation)
        var report = data.report(
            submission: name, form: folder.isSingleFile ? "file" : "folder",
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
        if let read = folder.readDeliverables(displayName: name, limits: sandbox.readerLimits.submission) {
            report.deliverables = CheckReport.deliverableParts(read.record)
        }
        report.otherFiles = folder.ignored
        try data.finish(&report, outcome: outcome)
        return report
    }

    /// Why the folder's model file is the one scored.
    static func reason(_ folder: SubmissionFolder) -> String {
        if folder.isSingleFile { return "a single file of the submissions folder, the team's model on its own" }
        if folder.manifest?.model != nil { return "named by \(folder.manifestName ?? "the manifest")'s `model`" }
        return "the only file of the folder that can be the model"
    }

    /// One model file, with the manifest given or found beside it.
    private func checkFile(_ url: URL, named path: String, manifest: String?) throws -> CheckReport {
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
            modelFile: url.path, manifestFile: manifestPath, dataPath: data.path, cacheDirectory: cacheDirectory,
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
        try data.finish(&report, outcome: outcome)
        return report
    }

    /// The manifest at `url`, read as `score` reads one.
    private static func readManifest(
        _ url: URL, name: String, source: String, limits: SubmissionLimits
    ) throws -> CheckReport.ManifestPart {
        do {
            return CheckReport.ManifestPart(
                try SubmissionManifest.read(from: url, displayName: name, limits: limits), file: name, source: source)
        } catch {
            throw CheckCommand.Problem(description: error.description)
        }
    }

    /// The manifest in the model file's folder, if there is one; several are refused, as
    /// `score` refuses them in a folder.
    static func manifestBeside(_ model: URL) throws -> URL? {
        let folder = model.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let found = names.filter { SubmissionManifest.fileNames.contains($0.lowercased()) }.sorted()
        guard found.count <= 1 else {
            throw CheckCommand.Problem(
                description: "\(folder.lastPathComponent): several manifests beside the model (\(found.joined(separator: ", "))); "
                    + "keep one, or pass --manifest")
        }
        return found.first.map { folder.appendingPathComponent($0) }
    }
}
