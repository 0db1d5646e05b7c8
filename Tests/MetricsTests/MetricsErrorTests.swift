import Metrics
import Testing

@Suite("Bad input is a typed error, never a crash")
struct MetricsErrorTests {
    /// Every entry point that reads scores and labels, as one throwing call.
    static let entryPoints: [(String, @Sendable ([Double], [UInt8]) throws(MetricsError) -> Void)] = [
        ("RankedScores", { s, l throws(MetricsError) in _ = try RankedScores(scores: s, labels: l) }),
        ("ROCCurve", { s, l throws(MetricsError) in _ = try ROCCurve(scores: s, labels: l) }),
        ("AUCConfidenceInterval", { s, l throws(MetricsError) in _ = try AUCConfidenceInterval(scores: s, labels: l) }),
        ("ConfusionMatrix", { s, l throws(MetricsError) in _ = try ConfusionMatrix(scores: s, labels: l) }),
        ("LogLoss", { s, l throws(MetricsError) in _ = try LogLoss.mean(scores: s, labels: l) }),
        ("Report", { s, l throws(MetricsError) in _ = try BinaryClassificationReport(scores: s, labels: l) }),
        ("PairedDeLongTest", { s, l throws(MetricsError) in _ = try PairedDeLongTest(scoresA: s, scoresB: s, labels: l) }),
    ]

    /// The same entry points with Bool labels.
    static let booleanEntryPoints: [(String, @Sendable ([Double], [Bool]) throws(MetricsError) -> Void)] = [
        ("RankedScores", { s, l throws(MetricsError) in _ = try RankedScores(scores: s, labels: l) }),
        ("ROCCurve", { s, l throws(MetricsError) in _ = try ROCCurve(scores: s, labels: l) }),
        ("AUCConfidenceInterval", { s, l throws(MetricsError) in _ = try AUCConfidenceInterval(scores: s, labels: l) }),
        ("ConfusionMatrix", { s, l throws(MetricsError) in _ = try ConfusionMatrix(scores: s, labels: l) }),
        ("LogLoss", { s, l throws(MetricsError) in _ = try LogLoss.mean(scores: s, labels: l) }),
        ("Report", { s, l throws(MetricsError) in _ = try BinaryClassificationReport(scores: s, labels: l) }),
        ("PairedDeLongTest", { s, l throws(MetricsError) in _ = try PairedDeLongTest(scoresA: s, scoresB: s, labels: l) }),
    ]

    static func reason(_ body: () throws(MetricsError) -> Void) -> MetricsError.Reason? {
        do {
            try body()
            return nil
        } catch {
            return error.reason
        }
    }

    @Test(
        "errors every entry point shares",
        arguments: [
            ([], [], MetricsError.Reason.empty),
            ([0.5, 0.6], [1], .lengthMismatch(scores: 2, labels: 1)),
            ([0.5], [1, 0], .lengthMismatch(scores: 1, labels: 2)),
            ([0.5, 0.6, 0.2, 0.1], [1, 0, 2, 0], .invalidLabel(index: 2, value: 2)),
            ([0.5, .nan, 0.2, 0.1], [1, 0, 1, 0], .nanScore(index: 1)),
            ([0.5, 0.3, 0.2, .infinity], [1, 0, 1, 0], .infiniteScore(index: 3, value: .infinity)),
            ([-.infinity, 0.3, 0.2, 0.1], [1, 0, 1, 0], .infiniteScore(index: 0, value: -.infinity)),
        ] as [([Double], [UInt8], MetricsError.Reason)])
    func shared(_ scores: [Double], _ labels: [UInt8], _ expected: MetricsError.Reason) {
        for (name, entryPoint) in Self.entryPoints {
            #expect(Self.reason { () throws(MetricsError) in try entryPoint(scores, labels) } == expected, "\(name)")
        }
        if case .invalidLabel = expected { return }
        let booleans = labels.map { $0 == 1 }
        for (name, entryPoint) in Self.booleanEntryPoints {
            #expect(Self.reason { () throws(MetricsError) in try entryPoint(scores, booleans) } == expected, "\(name)")
        }
    }

    @Test("one class: an error only where undefined")
    func singleClass() {
        let scores = [0.1, 0.7, 0.4]
        let expected = MetricsError.Reason.singleClass(positives: 3, negatives: 0)
        for (name, entryPoint) in Self.entryPoints {
            let reason = Self.reason { () throws(MetricsError) in try entryPoint(scores, [1, 1, 1]) }
            if name == "ConfusionMatrix" || name == "LogLoss" {
                #expect(reason == nil, "\(name)")
            } else {
                #expect(reason == expected, "\(name)")
            }
        }
        #expect(
            Self.reason { () throws(MetricsError) in _ = try ROCCurve(scores: scores, labels: [false, false, false]) }
                == .singleClass(positives: 0, negatives: 3))
    }

    @Test("DeLong's variance needs two rows of each class")
    func tooFew() {
        let expected = MetricsError.Reason.tooFewForVariance(positives: 1, negatives: 3)
        let scores = [0.9, 0.1, 0.2, 0.3]
        let labels: [UInt8] = [1, 0, 0, 0]
        #expect(Self.reason { () throws(MetricsError) in _ = try AUCConfidenceInterval(scores: scores, labels: labels) } == expected)
        #expect(Self.reason { () throws(MetricsError) in _ = try BinaryClassificationReport(scores: scores, labels: labels) } == expected)
        #expect(
            Self.reason { () throws(MetricsError) in
                _ = try PairedDeLongTest(scoresA: scores, scoresB: scores, labels: labels)
            } == expected)
        // The AUC itself is defined.
        #expect(Self.reason { () throws(MetricsError) in _ = try RankedScores(scores: scores, labels: labels) } == nil)
    }

    @Test("log loss and the report need probabilities", arguments: [-0.1, 1.5])
    func outOfRange(_ score: Double) {
        let expected = MetricsError.Reason.scoreOutOfRange(index: 1, value: score)
        let scores = [0.5, score, 0.2, 0.1]
        let labels: [UInt8] = [1, 0, 1, 0]
        #expect(Self.reason { () throws(MetricsError) in _ = try LogLoss.mean(scores: scores, labels: labels) } == expected)
        #expect(Self.reason { () throws(MetricsError) in _ = try BinaryClassificationReport(scores: scores, labels: labels) } == expected)
        // A ranking does not need probabilities.
        #expect(Self.reason { () throws(MetricsError) in _ = try ROCCurve(scores: scores, labels: labels) } == nil)
    }

    @Test("a paired test needs the same rows")
    func pairedMismatch() throws {
        #expect(
            Self.reason { () throws(MetricsError) in
                _ = try PairedDeLongTest(scoresA: [0.1, 0.2, 0.3, 0.4], scoresB: [0.1, 0.2, 0.3], labels: [0, 0, 1, 1] as [UInt8])
            } == .lengthMismatch(scores: 3, labels: 4))
        let a = try RankedScores(scores: [0.1, 0.2, 0.3, 0.4], labels: [0, 0, 1, 1] as [UInt8])
        let b = try RankedScores(scores: [0.1, 0.2, 0.3, 0.4], labels: [0, 1, 0, 1] as [UInt8])
        let c = try RankedScores(scores: [0.1, 0.2, 0.3, 0.4, 0.5], labels: [0, 1, 0, 1, 1] as [UInt8])
        #expect(Self.reason { () throws(MetricsError) in _ = try PairedDeLongTest(a, b) } == .labelsDiffer(firstIndex: 1))
        #expect(Self.reason { () throws(MetricsError) in _ = try PairedDeLongTest(a, c) } == .lengthMismatch(scores: 5, labels: 4))
    }

    @Test(
        "each reason: one line naming what was found",
        arguments: [
            MetricsError.Reason.empty, .lengthMismatch(scores: 2, labels: 3), .invalidLabel(index: 4, value: 7),
            .nanScore(index: 5), .infiniteScore(index: 6, value: -.infinity), .scoreOutOfRange(index: 7, value: 1.5),
            .singleClass(positives: 0, negatives: 9), .tooFewForVariance(positives: 1, negatives: 9),
            .labelsDiffer(firstIndex: 8),
        ])
    func descriptions(_ reason: MetricsError.Reason) {
        let text = MetricsError(reason).description
        #expect(!text.isEmpty && !text.contains("\n"))
        switch reason {
        case .invalidLabel: #expect(text.contains("label 7") && text.contains("row 4"))
        case .nanScore: #expect(text.contains("NaN") && text.contains("row 5"))
        case .scoreOutOfRange: #expect(text.contains("1.5"))
        case .lengthMismatch: #expect(text.contains("2 scores") && text.contains("3 labels"))
        default: break
        }
    }
}
