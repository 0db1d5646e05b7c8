import Foundation
import HiggsData
import TestSupport
import Testing

@testable import Scoring

/// The child process of `score`, run for real: the built `leaderboard _predict`.
@Suite struct SandboxedPredictionTests {
    let dir = TemporaryDirectory()

    /// A request for `model`, its data cached first as a run's parent does (a child that had
    /// to parse the data would have threads left, and could not contain itself).
    func request(_ model: String, manifest: String? = nil) -> SandboxedPrediction.Request {
        _ = try? DataLoader(cacheDirectory: dir.file("cache")).load(KnownDataSets.samplePath)
        return SandboxedPrediction.Request(
            modelPath: model, manifestPath: manifest, dataPath: KnownDataSets.samplePath,
            cacheDirectory: dir.file("cache"), rows: 7_000..<7_500)
    }

    func sandbox(_ limits: SandboxLimits = SandboxLimits(), faults: Bool = false) -> SandboxedPrediction {
        var s = SandboxedPrediction(executable: CommandRunner.executable, limits: limits)
        if faults { s.environment["LEADERBOARD_TEST_FAULTS"] = "1" }
        return s
    }

    @Test(arguments: ["notebook_keras3.h5", "notebook_keras3.keras", "functional_tfkeras.h5", "softmax2_keras3.h5"])
    func aModelsScoresEqualItsFrameworksPredictions(model: String) throws {
        let expected = try SharedFixtures.predictions(
            model.replacingOccurrences(of: ".keras", with: ".h5")
                .replacingOccurrences(of: ".h5", with: ".predictions.txt"))
        guard case let .scores(scores, format, summary, _) = sandbox().run(request(SharedFixtures.model(model))) else {
            Issue.record("no scores")
            return
        }
        #expect(scores.count == 500)
        #expect(zip(scores, expected).map { abs($0 - $1) }.max()! < 1e-5)
        #expect(format == (model.hasSuffix(".keras") ? "keras" : "keras-h5"))
        #expect(summary?.inputCount == 28)
    }

    @Test func aManifestSelectsTheFeaturesAModelReads() throws {
        let manifest = try dir.write("features: [m_jj, m_jjj, m_lv, m_jlv, m_bb, m_wbb, m_wwbb]\n", to: "manifest.yml")
        let outcome = sandbox().run(request(SharedFixtures.model("highlevel7_keras3.h5"), manifest: manifest))
        guard case let .scores(scores, _, _, _) = outcome else {
            Issue.record("no scores: \(outcome)")
            return
        }
        let expected = try SharedFixtures.predictions("highlevel7_keras3.predictions.txt")
        #expect(zip(scores, expected).map { abs($0 - $1) }.max()! < 1e-5)
        // Without the manifest, the width mismatch is the failure.
        guard case let .failed(reason) = sandbox().run(request(SharedFixtures.model("highlevel7_keras3.h5"))) else {
            Issue.record("a 7-input model without a manifest must fail")
            return
        }
        #expect(reason.contains("7"))
    }

    @Test func aHostileFileIsAFailureWithItsReason() throws {
        guard case let .failed(reason) = sandbox().run(request(SharedFixtures.model("keras3_lambda.h5"))) else {
            Issue.record("a Lambda layer must be refused")
            return
        }
        #expect(reason.contains("Lambda"))
        #expect(!reason.contains("\n"))
    }

    @Test func aCrashingReaderCostsOnlyItsSubmission() throws {
        let model = try dir.write("LEADERBOARD-TEST-FAULT crash\n", to: "crash.h5")
        guard case let .failed(reason) = sandbox(faults: true).run(request(model)) else {
            Issue.record("a crash must be a failure")
            return
        }
        #expect(reason.contains("the reader crashed on this file (signal 11"))
    }

    @Test func aHangingReaderIsKilledAtTheWallClockLimit() throws {
        let model = try dir.write("LEADERBOARD-TEST-FAULT hang\n", to: "hang.h5")
        let start = Date()
        guard case let .failed(reason) = sandbox(SandboxLimits(wallSeconds: 1.5), faults: true).run(request(model)) else {
            Issue.record("a hang must be a failure")
            return
        }
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(reason.contains("longer than the 1 s wall-clock limit"))
    }

    @Test func aReaderThatEatsMemoryStopsAtTheMemoryLimit() throws {
        let model = try dir.write("LEADERBOARD-TEST-FAULT memory\n", to: "memory.h5")
        guard case let .failed(reason) = sandbox(SandboxLimits(memoryBytes: 512 << 20), faults: true).run(request(model)) else {
            Issue.record("exhausting memory must be a failure")
            return
        }
        #expect(reason.contains("crashed") || reason.contains("memory"))
    }

    @Test func faultsNeedTheTestSwitch() throws {
        let model = try dir.write("LEADERBOARD-TEST-FAULT crash\n", to: "crash.h5")
        guard case let .failed(reason) = sandbox(faults: false).run(request(model)) else {
            Issue.record("an unrecognised text file is refused")
            return
        }
        #expect(!reason.contains("crashed"))
    }
}
