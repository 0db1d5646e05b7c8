import Metrics
import Results

/// The stored shapes of Metrics' figures: how a curve and the working points computed by
/// Metrics become the values Results stores and the Site draws.
extension WorkingPoints {
    /// The working points of `summary`; an infinite rejection (no background left) is `nil`.
    init(_ summary: EfficiencySummary) {
        self.init(
            signalEfficiencyAtBackgroundEfficiency: summary.signalEfficiencies.map {
                Point(at: $0.backgroundEfficiency, value: $0.signalEfficiency)
            },
            backgroundRejectionAtSignalEfficiency: summary.backgroundRejections.map {
                Point(at: $0.signalEfficiency, value: $0.rejection.isFinite ? $0.rejection : nil)
            })
    }
}

extension ROCPoints {
    /// The points of `thinned`; the first threshold (+∞) is `nil`.
    init(_ thinned: ThinnedROCCurve) {
        self.init(
            falsePositiveRate: thinned.curve.falsePositiveRates, truePositiveRate: thinned.curve.truePositiveRates,
            thresholds: thinned.curve.thresholds.map { $0.isFinite ? $0 : nil }, tolerance: thinned.tolerance)
    }
}
