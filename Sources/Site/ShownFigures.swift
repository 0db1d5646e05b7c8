import Foundation
import Results

/// The figures one view of the site shows of an entry, and nothing else.
///
/// The public view (before `build --final`) takes every figure from the public hidden rows
/// only — the public AUC and `EntryPublicMetricsRecord` — so that no page, plot or export of
/// it depends on a private row's label. The final view takes them from all hidden rows.
/// Pages, plots and exports read an entry's figures only through this type.
struct ShownFigures {
    /// ROC AUC of the view's rows and its 95% DeLong interval.
    var auc: Double, aucLow: Double, aucHigh: Double
    /// Accuracy at 0.5 and log loss.
    var accuracy: Double, logLoss: Double
    /// The confusion matrix at 0.5.
    var trueNegatives: Int, falsePositives: Int, falseNegatives: Int, truePositives: Int
    /// Working points, thinned ROC curve and score histograms.
    var workingPoints: WorkingPoints, roc: ROCPoints, histograms: ScoreHistograms
    /// The memorization check on the view's rows; `nil` when not checked.
    var memorization: MemorizationCheck?

    /// Which rows the figures are on, as the pages say it.
    let rows: String

    /// The figures of `ranked` in the final view (all hidden rows) or the public one (public
    /// rows only); `nil` for a failed entry, or in the public view for an entry scored before
    /// public figures were stored and not yet filled in by `score`.
    init?(_ ranked: RankedEntry, final: Bool) {
        guard let m = ranked.metrics else { return nil }
        if final {
            (auc, aucLow, aucHigh) = (m.auc, m.aucLow, m.aucHigh)
            (accuracy, logLoss) = (m.accuracy, m.logLoss)
            (trueNegatives, falsePositives, falseNegatives, truePositives) = (
                m.trueNegatives, m.falsePositives, m.falseNegatives, m.truePositives
            )
            (workingPoints, roc, histograms) = (m.workingPoints, m.roc, m.histograms)
            memorization = m.memorization
            rows = "all hidden test rows"
        } else {
            guard let p = ranked.publicMetrics else { return nil }
            (auc, aucLow, aucHigh) = (m.publicAUC, m.publicAUCLow, m.publicAUCHigh)
            (accuracy, logLoss) = (p.accuracy, p.logLoss)
            (trueNegatives, falsePositives, falseNegatives, truePositives) = (
                p.trueNegatives, p.falsePositives, p.falseNegatives, p.truePositives
            )
            (workingPoints, roc, histograms) = (p.workingPoints, p.roc, p.histograms)
            memorization = p.memorization
            rows = "the public part of the hidden test rows"
        }
    }
}
