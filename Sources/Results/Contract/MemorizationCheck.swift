/// The memorization check of one entry on one set of hidden rows (all of them, or the public
/// ones): its AUC on the rows as they are against its mean AUC on transformed copies of them
/// (rotated about the beam axis, mirrored), with DeLong's paired uncertainty. A model that
/// never saw the rows scores both alike; one trained on them scores the originals higher.
///
/// Stored as the `memorization` column of `entry_metrics` (all hidden rows) and of
/// `entry_public_metrics` (public rows); NULL there means not checked: a predictions file
/// (only the rows as they are were scored) or an entry scored before the check existed.
public struct MemorizationCheck: Codable, Sendable, Equatable {
    /// Mean AUC over the transformed copies.
    public var transformedAUC: Double
    /// AUC on the originals minus `transformedAUC`.
    public var difference: Double
    /// DeLong's standard error of `difference`.
    public var standardError: Double
    /// `difference / standardError`.
    public var z: Double
    /// One-sided p-value of `z`.
    public var pValue: Double
    /// Whether `z` is past the threshold: the originals are ranked significantly better.
    public var suspected: Bool

    /// A check of the given figures.
    public init(transformedAUC: Double, difference: Double, standardError: Double, z: Double, pValue: Double, suspected: Bool) {
        self.transformedAUC = transformedAUC
        self.difference = difference
        self.standardError = standardError
        self.z = z
        self.pValue = pValue
        self.suspected = suspected
    }
}
