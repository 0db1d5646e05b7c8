/// A symmetry of the events' distribution: a rotation about the beam axis (one angle added
/// to every azimuth, wrapped into their range) and, optionally, the mirror of the beam axis
/// (every pseudorapidity negated). Neither changes a mass or a momentum, and an event and
/// its transform are equally likely, so a transformed set of events is as valid a test set
/// as the original. `data synth` draws them at random; the memorization check of `score`
/// applies a few fixed ones (``memorizationCopies``) to the hidden rows.
///
/// Which features are azimuths and pseudorapidities is `FeatureSchema.kinds`.
public struct EventSymmetry: Sendable, Equatable, Codable {
    /// The rotation, as a fraction of a turn (0.25 is 90°).
    public var turns: Double
    /// Whether every pseudorapidity is negated.
    public var mirrored: Bool

    /// The symmetry rotating by `turns` of a turn and mirroring if asked.
    public init(turns: Double, mirrored: Bool) {
        self.turns = turns
        self.mirrored = mirrored
    }

    /// The copies the memorization check scores: a quarter and three quarters of a turn, each
    /// plain and mirrored. Every copy moves every azimuth by a quarter of its range or more (far
    /// more than a tree's cut resolves), and half of them negate every pseudorapidity as well; the
    /// mirror alone is left out because it leaves the azimuths where they were. Each copy costs
    /// one more prediction of the hidden rows.
    public static let memorizationCopies: [EventSymmetry] = [
        EventSymmetry(turns: 0.25, mirrored: false), EventSymmetry(turns: 0.25, mirrored: true),
        EventSymmetry(turns: 0.75, mirrored: false), EventSymmetry(turns: 0.75, mirrored: true),
    ]

    /// Azimuths are standardized in HIGGS: ±π maps to ±1.7433.
    static let azimuthLimit = 1.7433

    /// `phi` brought back into [−``azimuthLimit``, ``azimuthLimit``) by whole turns, in `T`'s
    /// own arithmetic. A value two turns or more away (no azimuth, but a data file may hold
    /// one) first loses its whole turns at once, exactly: taking them one at a time would not
    /// end, as `x − period` rounds back to `x` once `x` is large enough. An infinite one gives NaN.
    static func wrapAzimuth<T: BinaryFloatingPoint>(_ phi: T) -> T {
        let limit = T(azimuthLimit)
        let period = 2 * limit
        var x = phi
        if abs(x) >= 2 * period { x = x.truncatingRemainder(dividingBy: period) }
        while x >= limit { x -= period }
        while x < -limit { x += period }
        return x
    }

    /// Transforms row-major 28-feature rows in place. One pass, no allocation; an azimuth in
    /// its range needs at most one wrap, so the loop of ``wrapAzimuth(_:)`` runs only for
    /// values outside it.
    public func apply<T: BinaryFloatingPoint>(to values: UnsafeMutableBufferPointer<T>) {
        let width = FeatureSchema.featureCount
        precondition(values.count % width == 0, "rows hold 28 values each")
        let limit = T(Self.azimuthLimit)
        let period = 2 * limit
        let shift = T(turns) * period
        let azimuths = Self.azimuths, pseudorapidities = Self.pseudorapidities, mirrored = mirrored
        for row in stride(from: 0, to: values.count, by: width) {
            for f in azimuths {
                let x = values[row + f] + shift
                values[row + f] = x >= limit && x < limit + period ? x - period : Self.wrapAzimuth(x)
            }
            if mirrored {
                for f in pseudorapidities { values[row + f] = -values[row + f] }
            }
        }
    }

    /// The features that are azimuths and pseudorapidities (`FeatureSchema.kinds`).
    static let azimuths = FeatureSchema.kinds.indices.filter { FeatureSchema.kinds[$0] == .azimuth }
    static let pseudorapidities = FeatureSchema.kinds.indices.filter { FeatureSchema.kinds[$0] == .pseudorapidity }
}

extension HiggsDataset {
    /// A copy of these rows (labels unchanged) transformed by `symmetry` in the data's own
    /// precision: the float32 matrix when every value is a float32, else the values as
    /// written, whose rounding the float32 models then read. Memory for this view's rows
    /// only, so a caller bounds it by transforming a batch at a time.
    public func transformed(by symmetry: EventSymmetry) -> HiggsDataset {
        guard isFloat32Exact else {
            var values = exactValues
            values.withUnsafeMutableBufferPointer { symmetry.apply(to: $0) }
            return HiggsDataset(labels: labels, values: values)
        }
        var features = withFeatures { Array($0) }
        features.withUnsafeMutableBufferPointer { symmetry.apply(to: $0) }
        return HiggsDataset(labels: labels, features: features)
    }
}
