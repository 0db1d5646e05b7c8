import Foundation
import HiggsData
import ModelFiles

#if canImport(Glibc)
import Glibc
#endif

/// The child's side of ``SandboxedPrediction``: what `leaderboard _predict` does with its
/// ``ChildRequest``. It limits its own memory and CPU time, maps the data, contains itself
/// (``Containment``: from then on it can read only the submitted file and its manifest and
/// write only its outputs), reads the submitted file, scores the requested rows and, for a
/// model file, their transformed copies (the memorization check), and writes the scores
/// (``ChildScoresFile``) and what it understood (``ChildSummary``) to files its parent owns.
public enum PredictionChild {
    /// Why the child gave no scores, beyond what the readers say.
    struct Failure: Error, CustomStringConvertible {
        /// The one-line message.
        let description: String
    }

    /// Runs `request`, leaving out the containment `skipping` names; `contained` is called
    /// once the child is contained, with what it applied, before the submission is opened.
    ///
    /// - Throws: ``Failure``, or the readers' and the classifier's errors — each one line.
    public static func run(
        _ request: ChildRequest, skipping: Set<Containment.Layer> = [],
        contained: (Containment.Report) -> Void = { _ in }
    ) throws {
        Containment.dieWithParent()
        Containment.closeInheritedFiles()
        limit(__rlimit_resource_t(RLIMIT_DATA.rawValue), to: request.sandbox.memoryBytes)
        limit(__rlimit_resource_t(RLIMIT_CPU.rawValue), to: request.sandbox.cpuSeconds)
        let loaded = try DataLoader(cacheDirectory: request.cacheDirectory).load(request.dataPath)
        let rows = request.rows
        guard rows.lowerBound >= 0, !rows.isEmpty, rows.upperBound <= loaded.dataset.rowCount else {
            throw Failure(description: "rows \(rows.lowerBound)..<\(rows.upperBound) are outside the data")
        }
        contained(contain(request, skipping: skipping))
        let manifest = try request.manifestPath.map {
            try SubmissionManifest.read(from: URL(fileURLWithPath: $0), limits: request.readers.submission)
        }
        let prediction = try SubmissionPredictor.predict(
            modelPath: request.modelPath, manifest: manifest, rows: loaded.dataset.rows(rows), copies: request.copies,
            limits: request.readers)
        guard prediction.scores.count == rows.count, prediction.copies.allSatisfy({ $0.count == rows.count }) else {
            throw Failure(description: "the model gave \(prediction.scores.count) scores for \(rows.count) rows")
        }
        try ChildScoresFile.write(prediction.scores, to: request.scoresPath)
        if !prediction.copies.isEmpty { try ChildScoresFile.write(prediction.copies.flatMap { $0 }, to: request.copiesPath) }
        try ChildSummary(model: prediction.summary).write(to: request.summaryPath)
    }

    /// Contains this process before it opens the submission, and writes what was applied for
    /// the parent. The data is mapped already and needs no more opening.
    private static func contain(_ request: ChildRequest, skipping: Set<Containment.Layer>) -> Containment.Report {
        let outputs = [request.scoresPath, request.summaryPath, request.containmentPath, request.copiesPath]
        let folders = Set(outputs.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
        let report = Containment.apply(
            readable: [request.modelPath] + (request.manifestPath.map { [$0] } ?? []),
            writable: folders.sorted(), skipping: skipping)
        try? report.text.write(toFile: request.containmentPath, atomically: false, encoding: .utf8)
        return report
    }

    private static func limit(_ resource: __rlimit_resource_t, to value: Int) {
        var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
        setrlimit(resource, &limit)
    }
}
