import Foundation
import ModelFiles

extension SandboxedPrediction {
    /// Runs one child on a model (and manifest) named on a command line (`check`, `predict`),
    /// the way `score` runs it on a submission: each file is opened beneath its own folder
    /// without following a link, refused unless it is a regular file (a FIFO never blocks),
    /// size-checked, and copied into a private snapshot that the child reads. The child is
    /// never handed a path that a participant can point somewhere else.
    public func run(modelFile: String, manifestFile: String?, dataPath: String, cacheDirectory: String,
                    rows: Range<Int>) -> Outcome {
        func open(_ path: String, limitName: String) throws(SubmissionFileFailure) -> SubmittedFile {
            let url = URL(fileURLWithPath: path)
            do {
                return try SubmissionRoot(opening: url.deletingLastPathComponent().path).file(url.lastPathComponent)
            } catch {
                throw SubmissionFileFailure(error, name: url.lastPathComponent, limitName: limitName)
            }
        }
        let snapshot: SubmissionSnapshot
        do {
            let model = try open(modelFile, limitName: Limit.maxFileBytes.settingName)
            let manifest = try manifestFile.map { (path) throws(SubmissionFileFailure) in
                try open(path, limitName: Limit.maxManifestBytes.settingName)
            }
            snapshot = try SubmissionSnapshot(SubmissionFiles(
                model: model, modelName: (modelFile as NSString).lastPathComponent, manifest: manifest,
                manifestName: manifestFile.map { ($0 as NSString).lastPathComponent },
                maxModelBytes: readerLimits.modelFile.maxFileBytes,
                maxManifestBytes: readerLimits.submission.maxManifestBytes))
        } catch {
            return .failed(error.description)
        }
        defer { snapshot.remove() }
        return run(Request(modelPath: snapshot.modelPath, manifestPath: snapshot.manifestPath, dataPath: dataPath,
                           cacheDirectory: cacheDirectory, rows: rows))
    }
}
