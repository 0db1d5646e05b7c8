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
    /// `difference / standardError`: ±infinity when the standard error is zero and the
    /// difference is not (stored as the text `"inf"` or `"-inf"`, which JSON has no number for).
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

    private enum CodingKeys: String, CodingKey {
        case transformedAUC, difference, standardError, z, pValue, suspected
    }

    /// Reads the figures, `z` as a number or as `"inf"`/`"-inf"`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        transformedAUC = try c.decode(Double.self, forKey: .transformedAUC)
        difference = try c.decode(Double.self, forKey: .difference)
        standardError = try c.decode(Double.self, forKey: .standardError)
        if let number = try? c.decode(Double.self, forKey: .z) {
            z = number
        } else {
            switch try c.decode(String.self, forKey: .z) {
            case "inf": z = .infinity
            case "-inf": z = -.infinity
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .z, in: c, debugDescription: "z is \(other)")
            }
        }
        pValue = try c.decode(Double.self, forKey: .pValue)
        suspected = try c.decode(Bool.self, forKey: .suspected)
    }

    /// Writes the figures, an infinite `z` as `"inf"`/`"-inf"`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(transformedAUC, forKey: .transformedAUC)
        try c.encode(difference, forKey: .difference)
        try c.encode(standardError, forKey: .standardError)
        if z.isInfinite { try c.encode(z > 0 ? "inf" : "-inf", forKey: .z) } else { try c.encode(z, forKey: .z) }
        try c.encode(pValue, forKey: .pValue)
        try c.encode(suspected, forKey: .suspected)
    }
}
