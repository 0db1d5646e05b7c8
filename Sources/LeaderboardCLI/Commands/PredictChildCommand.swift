import ArgumentParser
import Foundation
import HiggsData
import ModelFiles
import Scoring
#if canImport(Glibc)
import Glibc
#endif

/// `leaderboard _predict`: the sandboxed child of `score`. Not for people: it limits its own
/// memory and CPU time, reads one submitted file, scores the requested rows, and writes the
/// scores (float64) and what it understood of the model to files its parent owns. A failure
/// is one line on standard error and exit status 3.
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
    @Option var memoryBytes: Int
    @Option var cpuSeconds: Int
    @Option(name: .customLong("limit"), help: "A reader limit, key=value (repeatable).") var limitSettings: [String] = []

    func run() throws {
        Self.limit(__rlimit_resource_t(RLIMIT_DATA.rawValue), to: memoryBytes)
        Self.limit(__rlimit_resource_t(RLIMIT_CPU.rawValue), to: cpuSeconds)
        TestFaults.trigger(forModelAt: model)
        do {
            let loaded = try DataLoader(cacheDirectory: cacheDir).load(data)
            guard firstRow >= 0, rowCount > 0, firstRow + rowCount <= loaded.dataset.rowCount else {
                throw ValidationError("rows \(firstRow)..<\(firstRow + rowCount) are outside the data")
            }
            let limits = try readerLimits()
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

/// Deliberate faults for the tests of the sandbox: a file starting with
/// `LEADERBOARD-TEST-FAULT <kind>` makes the child crash, hang or exhaust its memory —
/// only when `LEADERBOARD_TEST_FAULTS=1` is set, so no submission can trigger it.
enum TestFaults {
    static let prefix = "LEADERBOARD-TEST-FAULT "

    static func trigger(forModelAt path: String) {
        guard ProcessInfo.processInfo.environment["LEADERBOARD_TEST_FAULTS"] == "1",
              let handle = FileHandle(forReadingAtPath: path),
              let head = try? handle.read(upToCount: 64) else { return }
        let text = String(decoding: head, as: UTF8.self)
        guard text.hasPrefix(prefix) else { return }
        switch text.dropFirst(prefix.count).prefix(while: { $0.isLetter }) {
        case "crash":
            // A real invalid write, as a reader crashing on a hostile file would make.
            let address = UnsafeMutablePointer<Int>(bitPattern: Int(getpid() & 0) + 16)
            address?.pointee = 1
        case "hang":
            // Ends by itself after 30 s, so a test that loses track of the child leaves nothing behind.
            let end = Date().addingTimeInterval(30)
            while Date() < end { sleep(1) }
            exit(0)
        case "memory":
            var blocks: [UnsafeMutableRawPointer] = []
            while let block = malloc(64 << 20) {
                memset(block, 1, 64 << 20)
                blocks.append(block)
            }
            fatalError("out of memory after \(blocks.count * 64) MiB")
        default: return
        }
    }
}
