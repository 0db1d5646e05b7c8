import Foundation
import HiggsData
import Metrics
import Results

/// Everything the leaderboard shows of one entry, computed from its hidden-test scores.
public struct EntryEvaluation: Sendable {
    /// All figures on the whole hidden set (one sort, shared by every metric): for the final
    /// view only.
    public let report: BinaryClassificationReport
    /// ROC AUC and its DeLong interval on the public rows only.
    public let publicAUC: AUCConfidenceInterval
    /// ROC AUC and its DeLong interval on the private rows only.
    let privateAUC: AUCConfidenceInterval
    /// The ROC curve thinned for storage and plots, with its error bound.
    let thinnedROC: ThinnedROCCurve
    /// Score distributions of signal and background.
    public let histograms: ScoreHistograms
    /// Every figure again, on the public rows only: what the public site shows.
    public let publicFigures: PublicFigures
    /// The memorization check; `nil` without copies (a predictions file).
    let memorization: MemorizationFigures?

    /// Evaluates `scores` (one per hidden row, in row order) and, when there are `copies` (the
    /// scores of the hidden rows' transformed copies), the memorization check.
    ///
    /// - Throws: `MetricsError` for scores that are NaN, infinite, or of the wrong count.
    public init(scores: [Double], copies: [[Double]] = [], hidden: HiddenTestRows) throws(MetricsError) {
        report = try BinaryClassificationReport(scores: scores, labels: hidden.labels)
        publicFigures = try PublicFigures(scores: scores, hidden: hidden)
        publicAUC = publicFigures.report.aucInterval
        privateAUC = try AUCConfidenceInterval(report.ranked.subset(where: hidden.isPublic.map { !$0 }))
        thinnedROC = report.roc.thinned()
        histograms = ScoreHistograms(scores: scores, labels: hidden.labels)
        memorization =
            copies.isEmpty
            ? nil
            : try MemorizationFigures(
                ranked: report.ranked, publicRanked: publicFigures.report.ranked, copies: copies, hidden: hidden)
    }

    /// The database record of these figures.
    public var record: EntryMetricsRecord {
        let cm = report.confusionMatrix
        return EntryMetricsRecord(
            auc: report.auc, aucLow: report.aucInterval.lower, aucHigh: report.aucInterval.upper,
            aucVariance: report.aucInterval.variance,
            publicAUC: publicAUC.auc, publicAUCLow: publicAUC.lower, publicAUCHigh: publicAUC.upper,
            privateAUC: privateAUC.auc, privateAUCLow: privateAUC.lower, privateAUCHigh: privateAUC.upper,
            accuracy: report.accuracy, logLoss: report.logLoss,
            trueNegatives: cm.trueNegatives, falsePositives: cm.falsePositives,
            falseNegatives: cm.falseNegatives, truePositives: cm.truePositives,
            workingPoints: WorkingPoints(report.efficiencies), roc: ROCPoints(thinnedROC), histograms: histograms,
            memorization: memorization?.all)
    }

    /// The database record of the figures on the public rows.
    public var publicRecord: EntryPublicMetricsRecord {
        var record = publicFigures.record
        record.memorization = memorization?.publicRows
        return record
    }
}
