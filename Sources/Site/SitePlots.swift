import Foundation
import Plots
import Results

/// The SVG charts of the site, made from what the database stores: the thinned ROC curves,
/// the score histograms, the confusion matrix, the training history, the data statistics.
enum SitePlots {
    /// The charts of an entry's page, as inline SVG; `nil` (empty) where there is nothing to draw.
    struct EntryPlots {
        var roc: String?, rejection: String?, confusion: String?, scores: String?
        /// Loss, then accuracy when recorded: separate charts, side by side only where they fit.
        var history: [String] = []
    }

    /// An entry's ROC series on the view's rows (named after its team and title).
    static func series(_ entry: RankedEntry, baseline: Bool, final: Bool) -> ROCSeries? {
        guard let m = ShownFigures(entry, final: final) else { return nil }
        return ROCSeries(
            name: baseline ? "Baseline: " + entry.entry.title : entry.entry.team + ": " + entry.entry.title,
            backgroundEfficiency: m.roc.falsePositiveRate, signalEfficiency: m.roc.truePositiveRate,
            auc: m.auc, isBaseline: baseline)
    }

    /// The charts of an entry's page on the view's rows (public ones unless `final`).
    static func entry(
        _ entry: RankedEntry, baselines: [RankedEntry], training: TrainingRunRecord?,
        final: Bool
    ) -> EntryPlots {
        var out = EntryPlots()
        let others = baselines.filter { $0.entry.id != entry.entry.id }.compactMap { series($0, baseline: true, final: final) }
        if let own = series(entry, baseline: entry.entry.isBaseline, final: final) {
            out.roc = ROCChart.make(curves: [own] + others).svg()
            out.rejection = RejectionChart.make(curves: [own] + others).svg()
        }
        if let m = ShownFigures(entry, final: final) {
            out.confusion = ConfusionMatrixChart.make(
                truePositives: m.truePositives, falseNegatives: m.falseNegatives, falsePositives: m.falsePositives,
                trueNegatives: m.trueNegatives, threshold: 0.5
            ).svg()
            if let test = histograms(m.histograms) {
                let train = training?.trainHistograms.flatMap(histograms)
                out.scores = ScoreDistributionChart.make(
                    signalTest: test.signal, backgroundTest: test.background,
                    signalTrain: train?.signal, backgroundTrain: train?.background,
                    ksProbabilitySignal: training?.ksSignal, ksProbabilityBackground: training?.ksBackground
                ).svg()
            }
        }
        if let history = (entry.entry.history ?? training?.history).map(HistoryColumns.init), history.hasValues {
            out.history = TrainingHistoryChart.make(
                trainingLoss: history.loss, validationLoss: history.validationLoss,
                trainingAccuracy: history.accuracy, validationAccuracy: history.validationAccuracy
            ).map { $0.svg() }
        }
        return out
    }

    /// Stored score histograms as the plots take them; `nil` if they cannot be drawn.
    static func histograms(_ stored: ScoreHistograms) -> (signal: Histogram, background: Histogram)? {
        guard stored.signal.count == stored.background.count, !stored.signal.isEmpty, stored.high > stored.low else {
            return nil
        }
        let edges = Histogram.uniformEdges(bins: stored.signal.count, range: stored.low...stored.high)
        return (
            Histogram(edges: edges, counts: stored.signal.map(Double.init)),
            Histogram(edges: edges, counts: stored.background.map(Double.init))
        )
    }

    /// The best AUC over time: every version of every team that counts (scored, in time, not
    /// ruled out), not only the one the board ranks, at its submission time (ISO 8601 as
    /// recorded; a version whose time cannot be read has no place on the axis and is left
    /// out), in time order with ties by id; the view's AUC (public, or private in the final
    /// view); the baselines as reference levels. `nil` with fewer than two versions.
    static func bestScore(_ board: LeaderboardView) -> String? {
        let versions = board.standings.teams.filter { !$0.isBaseline }.flatMap(\.versions).filter(\.counts)
            .compactMap { version -> (id: Int64, time: Double, auc: Double)? in
                let entry = version.entry
                guard let metrics = entry.metrics, let time = CompetitionRules.time(entry.entry.submittedAt) else { return nil }
                return (entry.entry.id ?? 0, time.timeIntervalSince1970, board.final ? metrics.privateAUC : metrics.publicAUC)
            }
            .sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        guard versions.count >= 2 else { return nil }
        let references = board.rows.filter { $0.entry.entry.isBaseline }.map { (label: "Baseline: " + $0.entry.entry.title, value: $0.auc) }
        return BestScoreTimelineChart.make(
            times: versions.map(\.time), scores: versions.map(\.auc),
            scoreLabel: board.final ? "AUC (private)" : "AUC (public)", references: references
        ).svg()
    }

    /// The data page's charts, as inline SVG; `nil` (empty) where there is nothing to draw.
    struct DataPlots {
        /// One small chart per feature, and the legend they share.
        var features: [String] = [], featuresLegend: String?
        var signalCorrelation: String?, backgroundCorrelation: String?
    }

    /// The data page's charts: every feature's histograms and the two correlation matrices.
    static func data(_ statistics: DataStatistics) -> DataPlots {
        var out = DataPlots()
        let features = statistics.histograms.compactMap { f -> FeatureHistogramInput? in
            guard f.high > f.low, f.signal.count == f.background.count, !f.signal.isEmpty else { return nil }
            let edges = Histogram.uniformEdges(bins: f.signal.count, range: f.low...f.high)
            return FeatureHistogramInput(
                name: f.name, signal: Histogram(edges: edges, counts: f.signal.map(Double.init)),
                background: Histogram(edges: edges, counts: f.background.map(Double.init)))
        }
        if !features.isEmpty {
            out.features = FeatureHistogramChart.panels(features).map { $0.svg() }
            out.featuresLegend = FeatureHistogramChart.legend().svg()
        }
        let names = statistics.histograms.map(\.name)
        let n = names.count
        func matrix(_ flat: [Double]) -> [[Double]]? {
            guard n > 0, flat.count == n * n else { return nil }
            return (0..<n).map { Array(flat[($0 * n)..<(($0 + 1) * n)]) }
        }
        if let s = matrix(statistics.signalCorrelation), let b = matrix(statistics.backgroundCorrelation) {
            out.signalCorrelation = CorrelationMatrixChart.make(names: names, matrix: s, title: "Signal").svg()
            out.backgroundCorrelation = CorrelationMatrixChart.make(names: names, matrix: b, title: "Background").svg()
        }
        return out
    }

    /// The points of a stored history the chart draws: epochs with no value (NaN in the log)
    /// are left out of each column.
    struct HistoryColumns {
        var loss: [Double], validationLoss: [Double], accuracy: [Double], validationAccuracy: [Double]
        var hasValues: Bool { !(loss.isEmpty && validationLoss.isEmpty && accuracy.isEmpty && validationAccuracy.isEmpty) }

        init(_ history: TrainingHistory) {
            func points(_ column: [Double?]?) -> [Double] { column?.compactMap { $0 } ?? [] }
            loss = points(history.loss)
            validationLoss = points(history.validationLoss)
            accuracy = points(history.accuracy)
            validationAccuracy = points(history.validationAccuracy)
        }
    }
}
