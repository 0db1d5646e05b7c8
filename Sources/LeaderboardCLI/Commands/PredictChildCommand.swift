import ArgumentParser
import Foundation
import HiggsData
import ModelFiles
import Scoring
#if canImport(Glibc)
import Glibc
#endif

/// `leaderboard _predict`: the sandboxed child of `score`. Not for people: it closes what it
/// inherited, limits its own memory and CPU time, maps the data, contains itself (`Containment`: from then on it can
/// read only the submitted file and its manifest and write only its outputs), reads the
/// submitted file, scores the requested rows, and writes the scores (float64) and what it
/// understood of the model to files its parent owns. A failure is one line on standard
/// error and exit status 3.
struct PredictChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_predict", abstract: "The sandboxed prediction of one submission (used by `score`).",
        shouldDisplay: false)

    @Option var model: String
    @Option var manifest: String?
    @Option var data: String
    @Option var cacheDir: String
    @Option var firstRow: Int
    @Option var rowCount: Int
    @Option var scoresOut: String
    @Option var summaryOut: String
    @Option(help: "Where to write which containment was applied.") var containmentOut: String?
    @Option var memoryBytes: Int
    @Option var cpuSeconds: Int
    @Option(name: .customLong("limit"), help: "A reader limit, key=value (repeatable).") var limitSettings: [String] = []

    func run() throws {
        Containment.dieWithParent()
        Containment.closeInheritedFiles()
        Self.limit(__rlimit_resource_t(RLIMIT_DATA.rawValue), to: memoryBytes)
        Self.limit(__rlimit_resource_t(RLIMIT_CPU.rawValue), to: cpuSeconds)
        do {
            let loaded = try DataLoader(cacheDirectory: cacheDir).load(data)
            guard firstRow >= 0, rowCount > 0, firstRow + rowCount <= loaded.dataset.rowCount else {
                throw ValidationError("rows \(firstRow)..<\(firstRow + rowCount) are outside the data")
            }
            let limits = try readerLimits()
            let containment = contain()
            TestFaults.trigger(forModelAt: model, containment: containment)
            let manifestValue = try manifest.map {
                try SubmissionManifest.read(from: URL(fileURLWithPath: $0), limits: limits.submission)
            }
            let rows = loaded.dataset.rows(firstRow..<(firstRow + rowCount))
            let prediction = try SubmissionPredictor.predict(
                modelPath: model, manifest: manifestValue, rows: rows, limits: limits)
            guard prediction.scores.count == rowCount else {
                throw ValidationError("the model gave \(prediction.scores.count) scores for \(rowCount) rows")
            }
            try prediction.scores.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: scoresOut))
            var summary: [String: Any] = ["leaderboardFormat": prediction.format]
            if let s = prediction.summary,
               let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(s)) as? [String: Any] {
                summary.merge(object) { a, _ in a }
            }
            try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
                .write(to: URL(fileURLWithPath: summaryOut))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(3)
        }
    }

    /// Contains this process before it opens the submission, and writes what was applied for
    /// the parent. The data is mapped already and needs no more opening.
    private func contain() -> Containment.Report {
        let outputs = [scoresOut, summaryOut] + (containmentOut.map { [$0] } ?? [])
        let folders = Set(outputs.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
        let report = Containment.apply(readable: [model] + (manifest.map { [$0] } ?? []), writable: folders.sorted(),
                                       skipping: TestFaults.skippedLayers)
        if let containmentOut { try? report.text.write(toFile: containmentOut, atomically: false, encoding: .utf8) }
        return report
    }

    /// The reader limits the parent passed as `--limit key=value`.
    private func readerLimits() throws -> ReaderLimits {
        var limits = ReaderLimits()
        var values: [String: Double] = [:]
        for setting in limitSettings {
            let parts = setting.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw ValidationError("--limit takes key=value, not '\(setting)'")
            }
            values[String(parts[0])] = value
        }
        if let unknown = limits.apply(values).keys.sorted().first {
            throw ValidationError("--limit \(unknown) is not a reader limit")
        }
        return limits
    }

    private static func limit(_ resource: __rlimit_resource_t, to value: Int) {
        var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
        setrlimit(resource, &limit)
    }
}
