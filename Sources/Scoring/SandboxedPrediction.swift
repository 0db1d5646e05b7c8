import Competition
import Foundation
import HiggsData
import ModelFiles
import Results

#if canImport(Glibc)
import Glibc
#endif

/// Runs the prediction of one submission in a child process (`leaderboard _predict`), so
/// that a reader that crashes, hangs or eats memory on a hostile file costs that submission
/// alone. The child limits its own memory and CPU time before it opens the file; the parent
/// kills it at the wall-clock limit. The child writes its scores to a file the parent owns.
/// What passes between the two is defined once: ``ChildRequest``, ``ChildScoresFile``,
/// ``ChildSummary`` and the containment report; the child's side is ``PredictionChild``.
public struct SandboxedPrediction: Sendable {
    /// The `leaderboard` executable that serves as the child.
    public var executable: String
    /// The limits of each child.
    public var limits: SandboxLimits
    /// What the child's readers accept.
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
        /// One score per row, the format's name for tables, what was understood of a model
        /// file (`nil` for a predictions file), and the scores of each transformed copy asked
        /// for (none for a predictions file).
        case scores([Double], format: String, model: ModelSummary?, copies: [[Double]])
        case failed(String)
    }

    /// What to predict: the parts of a ``ChildRequest`` that are the caller's.
    public struct Request: Sendable {
        /// The model or predictions file.
        public var modelPath: String
        /// The manifest, if the submission has one.
        public var manifestPath: String?
        /// The data file and the cache folder (the parent has already made the cache).
        public var dataPath: String, cacheDirectory: String
        /// Rows of the data file to score (the hidden test rows).
        public var rows: Range<Int>
        /// Transformed copies of the rows a model file is scored on as well.
        public var copies: [EventSymmetry]

        /// A request for the given file and rows, and copies of them.
        init(
            modelPath: String, manifestPath: String?, dataPath: String, cacheDirectory: String, rows: Range<Int>,
            copies: [EventSymmetry] = []
        ) {
            self.modelPath = modelPath
            self.manifestPath = manifestPath
            self.dataPath = dataPath
            self.cacheDirectory = cacheDirectory
            self.rows = rows
            self.copies = copies
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
        let errorPath = work.appendingPathComponent("stderr.txt").path
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let child = childRequest(request, in: work)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = child.arguments
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
        if let text = Self.text(at: child.containmentPath, maxBytes: 65_536), let report = Containment.Report(text: text) {
            containmentNotice?.note(report)
        }
        let message = lastLine(of: errorPath)
        if timedOut {
            return .failed(
                "reading and predicting took longer than the \(Int(limits.wallSeconds)) s wall-clock limit; submit a smaller model, "
                    + "or ask the organizers to raise \(Limit.wallSeconds.settingPath)"
            )
        }
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            if signal == SIGXCPU || signal == SIGKILL {
                return .failed(
                    "reading and predicting used more than the \(limits.cpuSeconds) CPU-second limit; submit a smaller model, or "
                        + "ask the organizers to raise \(Limit.cpuSeconds.settingPath)"
                )
            }
            let detail = message.flatMap { $0.hasPrefix("Fatal error") || $0.contains("rror:") ? ": " + $0 : nil } ?? ""
            return .failed(
                "the reader crashed on this file (signal \(signal)\(detail)); it is damaged or not what its name "
                    + "says, so export it again and resubmit (a very large model may instead have hit "
                    + "\(Limit.memoryBytes.phrase(limits.memoryBytes)))")
        }
        guard process.terminationStatus == 0 else {
            if let message, !message.isEmpty { return .failed(message) }
            return .failed(
                "the prediction stopped with status \(process.terminationStatus), possibly past the \(limits.memoryBytes >> 20) MiB "
                    + "memory limit; check the file with `leaderboard check`"
            )
        }
        guard let scores = ChildScoresFile.read(from: child.scoresPath, count: request.rows.count) else {
            return .failed(
                "the prediction gave no scores for the \(request.rows.count) hidden rows; check the file with `leaderboard check`")
        }
        // Whether the file is a predictions file is the parent's to say, by the look at its
        // snapshot the child's reader takes: a child that says a model file is one escapes
        // the memorization check. A model file's child must say what it read.
        if (try? ModelFileReader.format(of: URL(fileURLWithPath: request.modelPath))) == .text {
            return .scores(scores, format: "predictions", model: nil, copies: [])
        }
        guard
            let model = ChildSummary.read(from: child.summaryPath, maxBytes: ChildSummary.maxBytes(for: readerLimits.modelFile))?
                .model
        else {
            return .failed("the prediction gave no summary of the model file; check the file with `leaderboard check`")
        }
        var copies: [[Double]] = []
        if !request.copies.isEmpty {
            let rows = request.rows.count
            guard let all = ChildScoresFile.read(from: child.copiesPath, count: rows * request.copies.count) else {
                return .failed(
                    "the prediction gave no scores for the transformed copies of the hidden rows; check the file with "
                        + "`leaderboard check`")
            }
            copies = stride(from: 0, to: all.count, by: rows).map { Array(all[$0..<($0 + rows)]) }
        }
        return .scores(scores, format: SubmissionPredictor.formatName(model), model: model, copies: copies)
    }

    /// The request for the child that predicts `request` in the folder `work`, with this
    /// runner's limits. The child works in `work`: every path it gets is absolute.
    func childRequest(_ request: Request, in work: URL) -> ChildRequest {
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        return ChildRequest(
            modelPath: absolute(request.modelPath), manifestPath: request.manifestPath.map(absolute),
            dataPath: absolute(request.dataPath), cacheDirectory: absolute(request.cacheDirectory), rows: request.rows,
            copies: request.copies, scoresPath: work.appendingPathComponent("scores.f64").path,
            summaryPath: work.appendingPathComponent("summary.json").path,
            containmentPath: work.appendingPathComponent(Containment.reportName).path,
            copiesPath: work.appendingPathComponent("copies.f64").path,
            sandbox: limits, readers: readerLimits)
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

    /// The last line of the child's standard error, from its last 4 KiB only: the child can
    /// make the file as large as it likes (a sparse terabyte costs it nothing).
    private func lastLine(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let end = try? handle.seekToEnd(), (try? handle.seek(toOffset: end - min(end, 4_096))) != nil,
            let data = try? handle.read(upToCount: 4_096)
        else {
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n").last.map { String($0.prefix(500)) }
    }

    /// The text of a file the child wrote, read as a participant's (no link, a regular file,
    /// its size checked first); `nil` if it is not that, or over `maxBytes`.
    private static func text(at path: String, maxBytes: Int) -> String? {
        (try? SubmissionRoot.file(at: URL(fileURLWithPath: path)).contents(maxBytes: maxBytes)).map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
