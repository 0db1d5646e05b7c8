import Foundation
import Plots
import Results

/// The SVG charts of the site, made from what the database stores: the thinned ROC curves,
/// the score histograms, the confusion matrix, the training history, the data statistics.
enum SitePlots {
    /// The stored thinned ROC curve of an entry.
    struct StoredCurve: Decodable {
        var falsePositiveRate: [Double]
        var truePositiveRate: [Double]
    }

    /// The stored score histograms of an entry.
    struct StoredHistograms: Decodable {
        var low: Double, high: Double
        var signal: [Int], background: [Int]

        func histograms() -> (signal: Histogram, background: Histogram)? {
            guard signal.count == background.count, !signal.isEmpty, high > low else { return nil }
            let edges = Histogram.uniformEdges(bins: signal.count, range: low...high)
            return (Histogram(edges: edges, counts: signal.map(Double.init)),
                    Histogram(edges: edges, counts: background.map(Double.init)))
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String?) -> T? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// An entry's ROC series on the view's rows (named after its team and title).
    static func series(_ entry: RankedEntry, baseline: Bool, final: Bool) -> ROCSeries? {
        guard let m = ShownFigures(entry, final: final), let curve = decode(StoredCurve.self, m.roc) else { return nil }
        return ROCSeries(name: baseline ? "Baseline: " + entry.entry.title : entry.entry.team + ": " + entry.entry.title,
                         backgroundEfficiency: curve.falsePositiveRate, signalEfficiency: curve.truePositiveRate,
                         auc: m.auc, isBaseline: baseline)
    }

    /// The charts of an entry's page on the view's rows (public ones unless `final`), as
    /// inline SVG, keyed by template name.
    static func entry(_ entry: RankedEntry, baselines: [RankedEntry], training: TrainingRunRecord?,
                      final: Bool) -> [String: String] {
        var out: [String: String] = [:]
        let others = baselines.filter { $0.entry.id != entry.entry.id }.compactMap { series($0, baseline: true, final: final) }
        if let own = series(entry, baseline: entry.entry.isBaseline, final: final) {
            out["plotROC"] = ROCChart.make(curves: [own] + others).svg()
            out["plotRejection"] = RejectionChart.make(curves: [own] + others).svg()
        }
        if let m = ShownFigures(entry, final: final) {
            out["plotConfusion"] = ConfusionMatrixChart.make(
                truePositives: m.truePositives, falseNegatives: m.falseNegatives, falsePositives: m.falsePositives,
                trueNegatives: m.trueNegatives, threshold: 0.5).svg()
            if let test = decode(StoredHistograms.self, m.histograms)?.histograms() {
                let train = decode(StoredHistograms.self, training?.trainHistograms)?.histograms()
                out["plotScores"] = ScoreDistributionChart.make(
                    signalTest: test.signal, backgroundTest: test.background,
                    signalTrain: train?.signal, backgroundTrain: train?.background,
                    ksProbabilitySignal: training?.ksSignal, ksProbabilityBackground: training?.ksBackground).svg()
            }
        }
        if let history = HistoryColumns(json: entry.entry.history ?? training?.history), history.hasValues {
            out["plotHistory"] = TrainingHistoryChart.make(
                trainingLoss: history.loss, validationLoss: history.validationLoss,
                trainingAccuracy: history.accuracy, validationAccuracy: history.validationAccuracy).svg()
        }
        return out
    }

    /// The best AUC of the view's rows over time: participants' entries in submission order,
    /// the baselines as reference levels. `nil` with fewer than two entries.
    static func bestScore(_ board: LeaderboardView) -> String? {
        let entries = board.rows.filter { !$0.entry.entry.isBaseline }
            .sorted { ($0.entry.entry.submittedAt, $0.entry.entry.id ?? 0) < ($1.entry.entry.submittedAt, $1.entry.entry.id ?? 0) }
        guard entries.count >= 2 else { return nil }
        let references = board.rows.filter { $0.entry.entry.isBaseline }.map { (label: "Baseline: " + $0.entry.entry.title, value: $0.auc) }
        return BestScoreTimelineChart.make(
            dates: entries.map { String($0.entry.entry.submittedAt.prefix(10)) }, scores: entries.map(\.auc),
            scoreLabel: board.final ? "AUC (private)" : "AUC (public)", references: references).svg()
    }

    /// The data page's statistics as stored (HiggsData's `DataStatistics` in JSON).
    struct StoredStatistics: Decodable {
        struct Feature: Decodable { var name: String; var low: Double; var high: Double; var signal: [Int]; var background: [Int] }
        /// The rows they are of and their signal count (absent in statistics stored before).
        var rows: Int?, signal: Int?
        var histograms: [Feature]
        var signalCorrelation: [Double]
        var backgroundCorrelation: [Double]
        var correlationRows: Int
    }

    /// The data page's charts: every feature's histograms and the two correlation matrices.
    static func data(_ statistics: StoredStatistics) -> [String: String] {
        var out: [String: String] = [:]
        let features = statistics.histograms.compactMap { f -> FeatureHistogramInput? in
            guard f.high > f.low, f.signal.count == f.background.count, !f.signal.isEmpty else { return nil }
            let edges = Histogram.uniformEdges(bins: f.signal.count, range: f.low...f.high)
            return FeatureHistogramInput(name: f.name, signal: Histogram(edges: edges, counts: f.signal.map(Double.init)),
                                         background: Histogram(edges: edges, counts: f.background.map(Double.init)))
        }
        if !features.isEmpty { out["plotFeatures"] = FeatureHistogramChart.grid(features).svg() }
        let names = statistics.histograms.map(\.name)
        let n = names.count
        func matrix(_ flat: [Double]) -> [[Double]]? {
            guard n > 0, flat.count == n * n else { return nil }
            return (0..<n).map { Array(flat[($0 * n)..<(($0 + 1) * n)]) }
        }
        if let s = matrix(statistics.signalCorrelation), let b = matrix(statistics.backgroundCorrelation) {
            out["plotSignalCorrelation"] = CorrelationMatrixChart.make(names: names, matrix: s, title: "Signal").svg()
            out["plotBackgroundCorrelation"] = CorrelationMatrixChart.make(names: names, matrix: b, title: "Background").svg()
        }
        return out
    }

    /// Per-epoch columns of a stored history (`{"loss": [...], "val_loss": [...], ...}`);
    /// epochs with no value (NaN in the log) are left out of each column.
    struct HistoryColumns {
        var loss: [Double] = [], validationLoss: [Double] = [], accuracy: [Double] = [], validationAccuracy: [Double] = []
        var hasValues: Bool { !(loss.isEmpty && validationLoss.isEmpty && accuracy.isEmpty && validationAccuracy.isEmpty) }

        init?(json: String?) {
            guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                return nil
            }
            func column(_ key: String) -> [Double] { (object[key] as? [Any])?.compactMap { $0 as? Double } ?? [] }
            loss = column("loss")
            validationLoss = column("val_loss")
            accuracy = column("accuracy")
            validationAccuracy = column("val_accuracy")
        }
    }
}
