/// The efficiencies a HEP analysis quotes for a classifier, read off its ROC curve.
///
/// TMVA's summary table gives the signal efficiency at background efficiencies of 1%, 10%
/// and 30%; the rejection plot gives background rejection 1/ε_B at fixed signal
/// efficiencies. Both are read by linear interpolation between the curve's points
/// (see `ROCCurve.signalEfficiency(atBackgroundEfficiency:)`).
public struct EfficiencySummary: Sendable, Equatable {
    /// Signal efficiency at one fixed background efficiency.
    public struct SignalEfficiencyPoint: Sendable, Equatable {
        /// The fixed background efficiency ε_B, in [0, 1].
        public let backgroundEfficiency: Double
        /// The signal efficiency ε_S reached there.
        public let signalEfficiency: Double
    }

    /// Background rejection at one fixed signal efficiency.
    public struct BackgroundRejectionPoint: Sendable, Equatable {
        /// The fixed signal efficiency ε_S, in [0, 1].
        public let signalEfficiency: Double
        /// The background efficiency ε_B needed to reach it.
        public let backgroundEfficiency: Double
        /// 1/ε_B; `+infinity` when no background passes.
        public var rejection: Double { 1 / backgroundEfficiency }
    }

    /// TMVA's background efficiencies: 1%, 10%, 30%.
    public static let tmvaBackgroundEfficiencies: [Double] = [0.01, 0.10, 0.30]
    /// The signal efficiencies for the rejection figures: 30%, 50%, 70%.
    public static let standardSignalEfficiencies: [Double] = [0.30, 0.50, 0.70]

    /// Signal efficiency at each requested background efficiency, in the order asked.
    public let signalEfficiencies: [SignalEfficiencyPoint]
    /// Background rejection at each requested signal efficiency, in the order asked.
    public let backgroundRejections: [BackgroundRejectionPoint]

    /// Reads the working points off `curve`.
    ///
    /// - Precondition: every requested efficiency is in [0, 1].
    public init(
        curve: ROCCurve,
        backgroundEfficiencies: [Double] = EfficiencySummary.tmvaBackgroundEfficiencies,
        signalEfficiencies: [Double] = EfficiencySummary.standardSignalEfficiencies
    ) {
        self.signalEfficiencies = backgroundEfficiencies.map {
            SignalEfficiencyPoint(
                backgroundEfficiency: $0, signalEfficiency: curve.signalEfficiency(atBackgroundEfficiency: $0))
        }
        self.backgroundRejections = signalEfficiencies.map {
            BackgroundRejectionPoint(
                signalEfficiency: $0, backgroundEfficiency: curve.backgroundEfficiency(atSignalEfficiency: $0))
        }
    }
}
