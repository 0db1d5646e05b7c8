import Foundation
import ModelFiles

extension SandboxedPrediction {
    /// Runs one child on a model (and manifest) named on a command line (`check`, `predict`),
    /// the way `score` runs it on a submission: each file is opened beneath its own folder
    /// without following a link, refused unless it is a regular file (a FIFO never blocks),
    /// size-checked, and copied into a private snapshot that the child reads. The child is
    /// never handed a path that a participant can point somewhere else.
    public func run(
        modelFile: String, manifestFile: String?, dataPath: String, cacheDirectory: String,
        rows: Range<Int>
    ) -> Outcome {
        func open(_ path: String, maxBytes: Int, limit: Limit) throws(SubmissionError) -> SubmissionFiles.Part {
            let url = URL(fileURLWithPath: path)
            return try SubmissionFiles.Part(name: url.lastPathComponent, maxBytes: maxBytes, limit: limit) {
                () throws(SubmissionError.FileReason) in try SubmissionRoot.file(at: url)
            }
        }
        let files: SubmissionFiles
        do {
            let model = try open(
                modelFile, maxBytes: readerLimits.modelFile.maxFileBytes,
                limit: .maxFileBytes)
            let manifest = try manifestFile.map { (path) throws(SubmissionError) in
                try open(
                    path, maxBytes: readerLimits.submission.maxManifestBytes,
                    limit: .maxManifestBytes)
            }
            files = SubmissionFiles(model: model, manifest: manifest)
        } catch {
            return .failed("\(error)")
        }
        return run(files, dataPath: dataPath, cacheDirectory: cacheDirectory, rows: rows)
    }

    /// Runs one child on a submission found as `score` finds it (`check FOLDER`): its model
    /// and manifest opened beneath the folder holding it, as `score` opens them, copied into a
    /// private snapshot that the child reads.
    public func run(submission: Submission, dataPath: String, cacheDirectory: String, rows: Range<Int>) -> Outcome {
        let files: SubmissionFiles
        do {
            files = try submission.openFiles(maxModelBytes: readerLimits.modelFile.maxFileBytes)
        } catch {
            return .failed("\(error)")
        }
        return run(files, dataPath: dataPath, cacheDirectory: cacheDirectory, rows: rows)
    }

    /// Copies `files` into a snapshot and runs one child on the copy.
    private func run(_ files: SubmissionFiles, dataPath: String, cacheDirectory: String, rows: Range<Int>) -> Outcome {
        let snapshot: SubmissionSnapshot
        do {
            snapshot = try SubmissionSnapshot(files)
        } catch {
            return .failed("\(error)")
        }
        defer { snapshot.remove() }
        return run(
            Request(
                modelPath: snapshot.modelPath, manifestPath: snapshot.manifestPath, dataPath: dataPath,
                cacheDirectory: cacheDirectory, rows: rows))
    }
}
