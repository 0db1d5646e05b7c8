import Foundation
import ModelFiles
#if canImport(Glibc)
import Glibc
#endif

/// Runs the prediction of one submission in a child process (`leaderboard _predict`), so
/// that a reader that crashes, hangs or eats memory on a hostile file costs that submission
/// alone. The child limits its own memory and CPU time before it opens the file; the parent
/// kills it at the wall-clock limit. The child writes its scores to a file the parent owns.
public struct SandboxedPrediction: Sendable {
    /// The `leaderboard` executable that serves as the child.
    public var executable: String
    /// The limits of each child.
    public var limits: SandboxLimits
    /// What the child's readers accept (sent to it as `--limit key=value` for each value
    /// that differs from its default).
    public var readerLimits = ReaderLimits()
    /// Extra environment for the child.
    public var environment: [String: String] = [:]
    /// Told what containment each child applied, to say once if some is missing.
    public var containmentNotice: ContainmentNotice?

    /// A runner of children made from `executable`.
    public init(executable: String, limits: SandboxLimits = SandboxLimits()) {
        self.executable = executable
        self.limits = limits
    }

    /// A runner of children made from `executable`, with a run's limits.
    public init(executable: String, limits: RunLimits) {
        self.executable = executable
        self.limits = limits.sandbox
        readerLimits = limits.readers
    }

    /// The path of the running executable (`/proc/self/exe`).
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// What a child gave: the scores, or why there are none.
    public enum Outcome: Sendable {
        case scores([Double], format: String, summaryJSON: String?)
        case failed(String)
    }

    /// The request a child receives on its command line.
    public struct Request: Sendable {
        /// The model or predictions file.
        public var modelPath: String
        /// The manifest, if the submission has one.
        public var manifestPath: String?
        /// The data file and the cache folder (the parent has already made the cache).
        public var dataPath: String, cacheDirectory: String
        /// Rows of the data file to score (the hidden test rows).
        public var rows: Range<Int>

        /// A request for the given file and rows.
        public init(modelPath: String, manifestPath: String?, dataPath: String, cacheDirectory: String, rows: Range<Int>) {
            self.modelPath = modelPath
            self.manifestPath = manifestPath
            self.dataPath = dataPath
            self.cacheDirectory = cacheDirectory
            self.rows = rows
        }
    }

    /// Runs one child and waits for it, at most `limits.wallSeconds`.
    public func run(_ request: Request) -> Outcome {
        let work: URL
        do {
            work = try ScratchFolders.make("child")
        } catch {
            return .failed("cannot make a temporary folder for the prediction (\(error)); free some disk space and run again")
        }
        defer { try? FileManager.default.removeItem(at: work) }
        let scoresPath = work.appendingPathComponent("scores.f64").path
        let summaryPath = work.appendingPathComponent("summary.json").path
        let errorPath = work.appendingPathComponent("stderr.txt").path
        let reportPath = work.appendingPathComponent(Containment.reportName).path
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)

        // The child works in `work`: every path it gets is absolute.
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        var arguments = ["_predict", "--model", absolute(request.modelPath), "--data", absolute(request.dataPath),
                         "--cache-dir", absolute(request.cacheDirectory),
                         "--first-row", String(request.rows.lowerBound), "--row-count", String(request.rows.count),
                         "--scores-out", scoresPath, "--summary-out", summaryPath, "--containment-out", reportPath,
                         "--memory-bytes", String(limits.memoryBytes), "--cpu-seconds", String(limits.cpuSeconds)]
        if let manifest = request.manifestPath { arguments += ["--manifest", absolute(manifest)] }
        for (key, value) in readerLimits.overrides.sorted(by: { $0.key < $1.key }) {
            arguments += ["--limit", "\(key)=\(value)"]
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = childEnvironment
        // Relative paths a reader opens resolve in a folder that holds only the child's outputs.
        process.currentDirectoryURL = work
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard let errorHandle = FileHandle(forWritingAtPath: errorPath) else {
            return .failed("cannot capture the prediction's messages; check the temporary folder")
        }
        process.standardError = errorHandle
        do {
            try process.run()
        } catch {
            return .failed("cannot start the sandboxed prediction (\(error)); check that \(executable) exists")
        }
        try? errorHandle.close()
        let deadline = Date().addingTimeInterval(limits.wallSeconds)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        if let text = try? String(contentsOfFile: reportPath, encoding: .utf8), let report = Containment.Report(text: text) {
            containmentNotice?.note(report)
        }
        let message = lastLine(of: errorPath)
        if timedOut {
            return .failed("reading and predicting took longer than the \(Int(limits.wallSeconds)) s wall-clock limit; submit a smaller model, or ask the organizers to raise limits.wall_seconds")
        }
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            if signal == SIGXCPU || signal == SIGKILL {
                return .failed("reading and predicting used more than the \(limits.cpuSeconds) CPU-second limit; submit a smaller model, or ask the organizers to raise limits.cpu_seconds")
            }
            let detail = message.flatMap { $0.hasPrefix("Fatal error") || $0.contains("rror:") ? ": " + $0 : nil } ?? ""
            return .failed("the reader crashed on this file (signal \(signal)\(detail)); it is damaged or not what its name "
                + "says, so export it again and resubmit (a very large model may instead have hit "
                + "\(limits.phrase(\.memoryBytes)))")
        }
        guard process.terminationStatus == 0 else {
            if let message, !message.isEmpty { return .failed(message) }
            return .failed("the prediction stopped with status \(process.terminationStatus), possibly past the \(limits.memoryBytes >> 20) MiB memory limit; check the file with `leaderboard check`")
        }
        guard let data = FileManager.default.contents(atPath: scoresPath), data.count == request.rows.count * 8 else {
            return .failed("the prediction gave no scores for the \(request.rows.count) hidden rows; check the file with `leaderboard check`")
        }
        let scores = data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
        let summary = FileManager.default.contents(atPath: summaryPath).map { String(decoding: $0, as: UTF8.self) }
        let format = summary.flatMap(Self.format(fromSummary:)) ?? "predictions"
        return .scores(scores, format: format, summaryJSON: summary?.isEmpty == false ? summary : nil)
    }

    /// The child's whole environment: none of the organizer's, so that no variable a library
    /// reads (libhdf5's `HDF5_PLUGIN_PATH`, `HDF5_EXT_PREFIX`, `HDF5_DRIVER` and the like)
    /// steers what the child opens. Only the tool's own `LEADERBOARD_*` settings pass (the
    /// tree kernel's choice, the tests' switches), and `environment`.
    var childEnvironment: [String: String] {
        let own = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("LEADERBOARD_") }
        // No Swift backtrace on a crash: it takes seconds, and its lines are not the reason.
        return own.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }.merging(environment) { $1 }
    }

    /// The `format` field the child adds to its summary.
    static func format(fromSummary json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return object["leaderboardFormat"] as? String
    }

    private func lastLine(of path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data.suffix(4096), as: UTF8.self)
        return text.split(separator: "\n").last.map { String($0.prefix(500)) }
    }
}
