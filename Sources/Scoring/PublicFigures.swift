import HiggsData
import Metrics
import Results

/// An entry's figures on the public hidden rows only: what the public site shows.
///
/// They are computed from the public rows' scores and labels and nothing else, so flipping
/// any private row's label leaves every one of them unchanged (the test of that is
/// `PrivateRowsStayPrivateTests`).
public struct PublicFigures: Sendable {
    /// Every figure of the public rows (one sort, shared by every metric).
    public let report: BinaryClassificationReport
    /// Their ROC curve, thinned for storage and plots.
    let thinnedROC: ThinnedROCCurve
    /// Their score distributions of signal and background.
    public let histograms: ScoreHistograms

    /// Evaluates the public rows of `scores` (one per hidden row, in row order).
    ///
    /// - Throws: `MetricsError` for a wrong count, or scores the metrics cannot take.
    init(scores: [Double], hidden: HiddenTestRows) throws(MetricsError) {
        guard scores.count == hidden.count else {
            throw MetricsError(.lengthMismatch(scores: scores.count, labels: hidden.count))
        }
        var publicScores: [Double] = [], publicLabels: [UInt8] = []
        for i in scores.indices where hidden.isPublic[i] {
            publicScores.append(scores[i])
            publicLabels.append(hidden.labels[i])
        }
        report = try BinaryClassificationReport(scores: publicScores, labels: publicLabels)
        thinnedROC = report.roc.thinned()
        histograms = ScoreHistograms(scores: publicScores, labels: publicLabels)
    }

    /// The database record of these figures.
    public var record: EntryPublicMetricsRecord {
        let cm = report.confusionMatrix
        return EntryPublicMetricsRecord(
            accuracy: report.accuracy, logLoss: report.logLoss,
            trueNegatives: cm.trueNegatives, falsePositives: cm.falsePositives,
            falseNegatives: cm.falseNegatives, truePositives: cm.truePositives,
            workingPoints: WorkingPoints(report.efficiencies), roc: ROCPoints(thinnedROC), histograms: histograms)
    }

    /// Fills in the public figures of the entries on `datasetID` that were scored before the
    /// tool computed them, from their stored hidden-test scores (float32, as stored). An
    /// entry whose stored scores do not fit the hidden rows keeps none: the public site then
    /// shows its public AUC only. Returns how many were filled in.
    @discardableResult
    static func fillMissing(
        in database: ResultsDatabase, datasetID: Int64,
        hidden: HiddenTestRows
    ) throws(ResultsError) -> Int {
        var filled = 0
        for id in try database.entriesMissingPublicFigures(datasetID: datasetID) {
            let scores = try database.scores(entryID: id).map(Double.init)
            guard var record = try? PublicFigures(scores: scores, hidden: hidden).record else { continue }
            record.entryID = id
            try database.recordPublicFigures(record)
            filled += 1
        }
        return filled
    }
}
