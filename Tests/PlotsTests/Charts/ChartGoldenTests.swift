import Foundation
import Testing

@testable import Plots

/// Each chart kind rendered from fixed inputs and compared byte for byte with `Golden/`.
@Suite struct ChartGoldenTests {
    static let entry = Fixtures.roc("Team Quark: deep net", k: 4.2)
    static let baselines = [Fixtures.roc("BDT baseline", k: 3.1, baseline: true), Fixtures.roc("MLP baseline", k: 2.6, baseline: true)]

    @Test func roc() throws {
        try assertGolden(ROCChart.make(curves: [Self.entry] + Self.baselines).svg(), named: "roc.svg")
    }

    @Test func rejection() throws {
        try assertGolden(RejectionChart.make(curves: [Self.entry] + Self.baselines).svg(), named: "rejection.svg")
    }

    static func scoreHistograms() -> (Histogram, Histogram, Histogram, Histogram) {
        func h(_ signal: Bool, _ n: Int, _ seed: UInt64) -> Histogram {
            Histogram(values: Fixtures.scores(signal: signal, count: n, seed: seed), bins: 40, range: 0...1)
        }
        return (h(true, 4000, 1), h(false, 4000, 2), h(true, 1000, 3), h(false, 1000, 4))
    }

    @Test func scoreDistributions() throws {
        let (st, bt, sr, br) = Self.scoreHistograms()
        let chart = ScoreDistributionChart.make(
            signalTest: st, backgroundTest: bt, signalTrain: sr, backgroundTrain: br,
            ksProbabilitySignal: 0.412, ksProbabilityBackground: 0.087)
        try assertGolden(chart.svg(), named: "score-distributions.svg")
    }

    @Test func scoreDistributionsWithoutTraining() throws {
        let (st, bt, _, _) = Self.scoreHistograms()
        try assertGolden(ScoreDistributionChart.make(signalTest: st, backgroundTest: bt).svg(), named: "score-distributions-test-only.svg")
    }

    @Test func trainingHistory() throws {
        let epochs = 0..<20
        let chart = TrainingHistoryChart.make(
            trainingLoss: epochs.map { 0.45 + 0.25 * exp(-Double($0) / 4) },
            validationLoss: epochs.map { 0.47 + 0.23 * exp(-Double($0) / 4) + 0.0015 * Double($0) },
            trainingAccuracy: epochs.map { 0.78 - 0.12 * exp(-Double($0) / 4) },
            validationAccuracy: epochs.map { 0.77 - 0.12 * exp(-Double($0) / 4) - 0.0008 * Double($0) })
        #expect(chart.count == 2)
        try assertGolden(chart[0].svg(), named: "training-history-loss.svg")
        try assertGolden(chart[1].svg(), named: "training-history-accuracy.svg")
    }

    @Test func confusionMatrix() throws {
        let chart = ConfusionMatrixChart.make(
            truePositives: 41_230, falseNegatives: 11_870, falsePositives: 12_410,
            trueNegatives: 34_490, threshold: 0.5)
        try assertGolden(chart.svg(), named: "confusion-matrix.svg")
    }

    static func features() -> [FeatureHistogramInput] {
        var rng = Fixtures.LCG(state: 7)
        return ["lepton_pT", "missing_energy", "jet_1_eta", "m_bb"].enumerated().map { i, name in
            let shift = 0.3 * Double(i + 1)
            let signal = (0..<3000).map { _ in abs(rng.normal() + shift) * 40 }
            let background = (0..<3000).map { _ in abs(rng.normal()) * 40 }
            return FeatureHistogramInput(
                name: name, unit: i == 2 ? nil : "GeV", signalValues: signal, backgroundValues: background, bins: 30)
        }
    }

    @Test func featureHistogram() throws {
        try assertGolden(FeatureHistogramChart.make(Self.features()[0]).svg(), named: "feature-histogram.svg")
    }

    @Test func featurePanels() throws {
        let panels = FeatureHistogramChart.panels(Self.features())
        #expect(panels.count == 4)
        try assertGolden(panels[2].svg(), named: "feature-panel.svg")
        try assertGolden(FeatureHistogramChart.legend().document().render(), named: "feature-legend.svg")
    }

    static func correlation(_ n: Int) -> (names: [String], matrix: [[Double]]) {
        let names = (0..<n).map { "feature_\($0 + 1)" }
        func value(_ i: Int, _ j: Int) -> Double {
            if i == j { return 1 }
            let phase = Double(i * 7 + j * 7 + i * j)
            return sin(phase) * 0.8 / Double(1 + abs(i - j))
        }
        let matrix: [[Double]] = (0..<n).map { i in (0..<n).map { j in value(i, j) } }
        return (names, matrix)
    }

    @Test func correlationMatrixSmall() throws {
        let (names, matrix) = Self.correlation(7)
        try assertGolden(
            CorrelationMatrixChart.make(names: names, matrix: matrix, title: "Correlations, signal").svg(), named: "correlation-small.svg")
    }

    @Test func correlationMatrixAllFeatures() throws {
        let (names, matrix) = Self.correlation(28)
        try assertGolden(
            CorrelationMatrixChart.make(names: names, matrix: matrix, title: "Correlations, background").svg(), named: "correlation-28.svg")
    }

    @Test func bestScoreTimeline() throws {
        // Fourteen days of November 2026, one submission a day at an hour that varies.
        let times = (1...14).map { UTCTime.seconds(year: 2026, month: 11, day: $0) + Double(8 + $0 * 5 % 13) * 3600 }
        let scores = [0.781, 0.802, 0.799, 0.815, 0.812, 0.831, 0.829, 0.836, 0.834, 0.841, 0.839, 0.847, 0.845, 0.852]
        let chart = BestScoreTimelineChart.make(times: times, scores: scores, references: [(label: "BDT baseline", value: 0.81)])
        try assertGolden(chart.svg(), named: "best-score-timeline.svg")
    }
}
