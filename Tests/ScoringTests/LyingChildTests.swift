import Foundation
import HiggsData
import Results
import TestSupport
import Testing

@testable import Scoring

/// A child taken over by the file it read can write anything to its outputs: the parent
/// trusts its scores file, summary, report and standard error no further than their type,
/// and never reads more of them than that type can hold. The child here is a shell script
/// that reads its ``ChildRequest`` and writes what a hostile one would.
@Suite struct LyingChildTests {
    let dir = TemporaryDirectory()
    static let rows = 7_000..<7_500

    /// Runs a child that runs `body` (shell, with `$scores`, `$summary` and `$report` set
    /// to its output paths) on a model file (`modelFile`: bytes that start as ONNX does) or a
    /// predictions file, and returns the outcome and how much the parent's peak memory grew.
    func outcome(
        of body: String, copies: [EventSymmetry] = [], modelFile: Bool = false
    ) throws -> (outcome: SandboxedPrediction.Outcome, grewBytes: Int) {
        let submitted = modelFile ? Data([0x08, 0x07, 0x12, 0x04]) : Data("0.5\n".utf8)
        try submitted.write(to: URL(fileURLWithPath: dir.file("model.onnx")))
        let script = try Self.writeExecutable(
            """
            #!/bin/sh
            field() { printf '%s' "$4" | sed -n "s/.*\\"$1\\":\\"\\([^\\"]*\\)\\".*/\\1/p"; }
            scores=$(field scoresPath "$@"); summary=$(field summaryPath "$@"); report=$(field containmentPath "$@")
            copies=$(field copiesPath "$@")
            \(body)
            """, to: dir.file("child.sh"))
        let request = SandboxedPrediction.Request(
            modelPath: dir.file("model.onnx"), manifestPath: nil,
            dataPath: dir.file("data.csv"), cacheDirectory: dir.file("cache"),
            rows: Self.rows, copies: copies)
        let before = Self.peakBytes()
        var outcome = SandboxedPrediction(executable: script).run(request)
        for _ in 0..<20 {
            guard case let .failed(reason) = outcome, reason.contains("Text file busy") else { break }
            usleep(50_000)
            outcome = SandboxedPrediction(executable: script).run(request)
        }
        return (outcome, Self.peakBytes() - before)
    }

    /// Writes `text` as an executable at `path` through a descriptor closed on exec, so that
    /// a child another test starts meanwhile does not keep it open for writing (which makes
    /// running the script fail with "Text file busy"); a start that still meets one in the
    /// short window between that child's fork and its exec is tried again by ``outcome(of:copies:)``.
    static func writeExecutable(_ text: String, to path: String) throws -> String {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw POSIXError(.EIO)
        }
        return path
    }

    /// The scores an honest child writes: 500 zeros.
    static let honestScores = "head -c 4000 /dev/zero > \"$scores\""

    static func peakBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1_024
    }

    /// A summary of a model file, as a child that read one writes it.
    func modelSummary() throws -> String {
        let model = ModelSummary(
            file: "model.onnx", format: .onnx, framework: "PyTorch", frameworkVersion: nil, backend: nil,
            architecture: "graph", modelName: nil, inputCount: 28,
            output: .init(units: 1, activation: "sigmoid", reading: "singleUnit"), layers: [], parameterCount: 0)
        let path = dir.file("model-summary.json")
        try ChildSummary(model: model).write(to: path)
        return path
    }

    @Test("a model file's copies are read back, copy by copy; a child that leaves them out or pads them fails")
    func copiesOfTheHiddenRows() throws {
        let copies = EventSymmetry.memorizationCopies
        let summary = try modelSummary()
        let written = "cp '\(summary)' \"$summary\"\n" + Self.honestScores
        let bytes = Self.rows.count * 8 * copies.count
        let (good, _) = try outcome(of: written + "\nhead -c \(bytes) /dev/zero > \"$copies\"", copies: copies, modelFile: true)
        guard case let .scores(_, _, model, scored) = good else {
            Issue.record("the copies must be read: \(good)")
            return
        }
        #expect(model != nil && scored.count == copies.count && scored.allSatisfy { $0.count == Self.rows.count })
        for body in [
            written, written + "\nhead -c \(bytes - 8) /dev/zero > \"$copies\"",
            written + "\ntruncate -s 2G \"$copies\"", written + "\nln -s /etc/passwd \"$copies\"",
        ] {
            let (outcome, grew) = try outcome(of: body, copies: copies, modelFile: true)
            guard case let .failed(reason) = outcome else {
                Issue.record("a model file without its copies' scores must fail: \(outcome)")
                continue
            }
            #expect(reason.contains("transformed copies"))
            #expect(grew < 512 << 20)
        }
        // A predictions file has no copies, and gives none.
        let (predictions, _) = try outcome(of: Self.honestScores, copies: copies)
        guard case let .scores(_, format, _, none) = predictions else {
            Issue.record("\(predictions)")
            return
        }
        #expect(format == "predictions" && none.isEmpty)
    }

    @Test("a 2 GiB sparse summary of a model file is left unread, and the file fails")
    func hugeSummary() throws {
        let (outcome, grew) = try outcome(of: Self.honestScores + "\ntruncate -s 2G \"$summary\"", modelFile: true)
        guard case let .failed(reason) = outcome else {
            Issue.record("a model file without a summary must fail: \(outcome)")
            return
        }
        #expect(reason.hasPrefix("the prediction gave no summary of the model file"), "\(reason)")
        #expect(grew < 512 << 20, "the parent's peak memory grew by \(grew >> 20) MiB")
    }

    @Test("a summary that is not JSON, or a link to one that is, is no summary: a model file fails")
    func malformedSummary() throws {
        let real = try dir.write(#"{"format":"onnx"}"#, to: "elsewhere.json")
        for summary in [
            "printf 'not json {' > \"$summary\"", "printf '\\377\\376' > \"$summary\"",
            #"printf '{"format": 7}' > "$summary""#, "ln -s \(real) \"$summary\"",
            "mkfifo \"$summary\"",
        ] {
            let (outcome, _) = try outcome(of: Self.honestScores + "\n" + summary, modelFile: true)
            guard case let .failed(reason) = outcome else {
                Issue.record("a model file with \(summary) must fail: \(outcome)")
                continue
            }
            #expect(reason.hasPrefix("the prediction gave no summary of the model file"), "\(summary) gave \(reason)")
        }
    }

    @Test("whether a file is a predictions file is the parent's to say, from its own snapshot")
    func childClaimingAPredictionsFile() throws {
        let copies = EventSymmetry.memorizationCopies
        let predictionsSummary = dir.file("predictions-summary.json")
        try ChildSummary(model: nil).write(to: predictionsSummary)
        // A child taken over by a model file says it read a predictions file, to escape the
        // memorization check ("not checkable"), with or without a summary saying so.
        for body in [Self.honestScores, Self.honestScores + "\ncp '\(predictionsSummary)' \"$summary\""] {
            let (outcome, _) = try outcome(of: body, copies: copies, modelFile: true)
            guard case let .failed(reason) = outcome else {
                Issue.record("a model file's child that gives no copies must fail: \(outcome)")
                continue
            }
            #expect(reason.hasPrefix("the prediction gave no summary of the model file"), "\(reason)")
        }
        // A child of a predictions file that says it read a model, with copies, is not believed.
        let bytes = Self.rows.count * 8 * copies.count
        let claimed = "cp '\(try modelSummary())' \"$summary\"\n\(Self.honestScores)\nhead -c \(bytes) /dev/zero > \"$copies\""
        let (outcome, _) = try outcome(of: claimed, copies: copies)
        guard case let .scores(_, format, model, scored) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(format == "predictions" && model == nil && scored.isEmpty)
    }

    @Test("a scores file of the wrong size, sparse, or a link gives no scores")
    func wrongScores() throws {
        let real = try dir.write(String(repeating: "\0", count: 4_000), to: "elsewhere.f64")
        for scores in [
            "head -c 3999 /dev/zero > \"$scores\"", "head -c 4008 /dev/zero > \"$scores\"",
            ": > \"$scores\"", "truncate -s 2G \"$scores\"", "ln -s \(real) \"$scores\"",
            "mkfifo \"$scores\"",
        ] {
            let (outcome, grew) = try outcome(of: scores)
            guard case let .failed(reason) = outcome else {
                Issue.record("\(scores) must give no scores: \(outcome)")
                continue
            }
            #expect(reason.hasPrefix("the prediction gave no scores for the 500 hidden rows"), "\(reason)")
            #expect(grew < 512 << 20, "\(scores): the parent's peak memory grew by \(grew >> 20) MiB")
        }
    }

    @Test("a 2 GiB standard error gives its last line, read from its end")
    func hugeStandardError() throws {
        let (outcome, grew) = try outcome(
            of: """
                errors="$(dirname "$scores")/stderr.txt"; printf 'first\\n' >&2; truncate -s 2G "$errors"
                printf '\\nthe model is wrong here\\n' >> "$errors"; exit 3
                """)
        guard case let .failed(reason) = outcome else {
            Issue.record("a child that stops with status 3 must fail: \(outcome)")
            return
        }
        #expect(reason == "the model is wrong here")
        #expect(grew < 512 << 20, "the parent's peak memory grew by \(grew >> 20) MiB")
    }

    @Test("a huge containment report is not read")
    func hugeReport() throws {
        let (outcome, grew) = try outcome(of: Self.honestScores + "\ntruncate -s 2G \"$report\"")
        guard case .scores = outcome else {
            Issue.record("the scores must stand: \(outcome)")
            return
        }
        #expect(grew < 512 << 20, "the parent's peak memory grew by \(grew >> 20) MiB")
    }

    @Test("a contained child that grows all its outputs to 64 GiB costs its parent nothing")
    func containedChildGrowsItsOutputs() throws {
        _ = try DataLoader(cacheDirectory: dir.file("cache")).load(KnownDataSets.samplePath)
        let model = try dir.write("LEADERBOARD-TEST-FAULT outputs\n", to: "outputs.h5")
        var sandbox = SandboxedPrediction(executable: CommandRunner.executable)
        sandbox.environment["LEADERBOARD_TEST_FAULTS"] = "1"
        let request = SandboxedPrediction.Request(
            modelPath: model, manifestPath: nil, dataPath: KnownDataSets.samplePath,
            cacheDirectory: dir.file("cache"), rows: Self.rows)
        let before = Self.peakBytes()
        let outcome = sandbox.run(request)
        guard case let .failed(reason) = outcome else {
            Issue.record("outputs of the wrong size are no scores: \(outcome)")
            return
        }
        #expect(reason.hasPrefix("the prediction gave no scores for the 500 hidden rows"), "\(reason)")
        #expect(Self.peakBytes() - before < 512 << 20)
    }
}
