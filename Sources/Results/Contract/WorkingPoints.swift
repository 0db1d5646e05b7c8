/// An entry's figures at fixed working points, as physicists quote them: the signal
/// efficiency at given background efficiencies (TMVA's 1%, 10%, 30%) and the background
/// rejection (1/ε_B) at given signal efficiencies.
public struct WorkingPoints: Codable, Sendable, Equatable {
    /// One working point: where it is taken (`at`) and the figure there. A rejection is
    /// `nil` where no background is left (it would be infinite).
    public struct Point: Codable, Sendable, Equatable {
        /// The efficiency the point is taken at.
        public var at: Double
        /// The figure there; `nil` for an infinite rejection.
        public var value: Double?

        /// The point `value` at `at`.
        public init(at: Double, value: Double?) {
            self.at = at
            self.value = value
        }
    }

    /// Signal efficiency at each background efficiency.
    public var signalEfficiencyAtBackgroundEfficiency: [Point]
    /// Background rejection at each signal efficiency.
    public var backgroundRejectionAtSignalEfficiency: [Point]

    /// Working points of the given values.
    public init(signalEfficiencyAtBackgroundEfficiency: [Point], backgroundRejectionAtSignalEfficiency: [Point]) {
        self.signalEfficiencyAtBackgroundEfficiency = signalEfficiencyAtBackgroundEfficiency
        self.backgroundRejectionAtSignalEfficiency = backgroundRejectionAtSignalEfficiency
    }

    /// The signal efficiency stored at `backgroundEfficiency`, if that point is stored.
    public func signalEfficiency(at backgroundEfficiency: Double) -> Double? {
        signalEfficiencyAtBackgroundEfficiency.first { abs($0.at - backgroundEfficiency) < 1e-9 }?.value
    }

    /// The background rejection stored at `signalEfficiency`, if that point is stored and finite.
    public func rejection(at signalEfficiency: Double) -> Double? {
        backgroundRejectionAtSignalEfficiency.first { abs($0.at - signalEfficiency) < 1e-9 }?.value
    }
}
