import Foundation

/// Makes HIGGS-shaped events from real ones by the symmetries of the physics, so that every
/// feature keeps its per-class distribution and the high-level masses stay consistent with
/// the low-level momenta.
///
/// Each synthetic event is a real template event (drawn uniformly from a pool) transformed by
/// - a rotation about the beam axis: one random angle added to every azimuth (the physics
///   is invariant under it; the masses do not change);
/// - a mirror of the beam axis with probability ½: every pseudorapidity changes sign;
/// - an energy-scale change: every momentum and every mass multiplied by one factor
///   `s ~ N(1, 0.05)` (masses scale with momenta, so they stay consistent), plus a 1%
///   resolution smear per value and a small smear of the pseudorapidities;
/// - b-tags unchanged: they keep their three discrete values.
///
/// Templates for the rows of the hidden-test tail come from the sample's own hidden-test
/// rows and the others from its training rows, so that a model trained on the front of a
/// synthetic file is tested on events it has not seen transformed.
public struct SyntheticEvents: Sendable {
    /// Template events for training rows and for hidden-test rows.
    let trainingTemplates: HiggsDataset
    /// Template events for the hidden-test tail.
    let testTemplates: HiggsDataset

    /// Azimuths are standardized in HIGGS: ±π maps to ±1.7433.
    static let azimuthLimit = Float(EventSymmetry.azimuthLimit)

    /// Generator over the given template pools.
    public init(trainingTemplates: HiggsDataset, testTemplates: HiggsDataset) {
        precondition(trainingTemplates.rowCount > 0 && testTemplates.rowCount > 0, "template pools must not be empty")
        self.trainingTemplates = trainingTemplates
        self.testTemplates = testTemplates
    }

    /// Generator whose templates are `sample`'s training and hidden-test rows under the default split.
    public init(sample: HiggsDataset) throws(DataError) {
        let split = try DataSplit(rowCount: sample.rowCount)
        self.init(trainingTemplates: sample.rows(0..<split.test.lowerBound), testTemplates: sample.rows(split.test))
    }

    /// Writes `count` events for rows `range` of a file of `totalRows` rows into `labels` and
    /// `features` (row-major). The same (seed, row) always gives the same event, whatever
    /// the chunking, so files are identical however many threads write them.
    public func generate(
        rows range: Range<Int>, totalRows: Int, seed: UInt64,
        labels: UnsafeMutableBufferPointer<UInt8>, features: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(labels.count >= range.count && features.count >= range.count * FeatureSchema.featureCount)
        let testStart = totalRows - DataSplit.defaultTestRows(forRowCount: totalRows)
        let kinds = FeatureSchema.kinds
        let width = FeatureSchema.featureCount
        trainingTemplates.withFeatures { trainValues in
            testTemplates.withFeatures { testValues in
                for (i, row) in range.enumerated() {
                    var rng = SplitMix64(seed: SplitMix64.hash(seed ^ SplitMix64.hash(UInt64(row))))
                    let pool = row >= testStart ? testTemplates : trainingTemplates
                    let values = row >= testStart ? testValues : trainValues
                    let template = Int(rng.next() % UInt64(pool.rowCount))
                    labels[i] = pool.label(template)
                    let rotation = Float(Self.uniform(&rng) * 2 - 1) * Self.azimuthLimit
                    let mirror: Float = rng.next() & 1 == 0 ? 1 : -1
                    let scale = Float(min(1.25, max(0.75, 1 + 0.05 * Self.normal(&rng))))
                    let out = i * width
                    for f in 0..<width {
                        let v = values[template * width + f]
                        switch kinds[f] {
                        case .momentum, .mass:
                            features[out + f] = abs(v * scale * Float(1 + 0.01 * Self.normal(&rng)))
                        case .pseudorapidity:
                            features[out + f] = mirror * v + Float(0.01 * Self.normal(&rng))
                        case .azimuth:
                            features[out + f] = EventSymmetry.wrapAzimuth(v + rotation)
                        case .bTag:
                            features[out + f] = v
                        }
                    }
                }
            }
        }
    }

    static func uniform(_ rng: inout SplitMix64) -> Double {
        Double(rng.next() >> 11) * 0x1.0p-53
    }

    /// A standard normal variate (Box–Muller).
    static func normal(_ rng: inout SplitMix64) -> Double {
        let u1 = max(uniform(&rng), 0x1.0p-53)
        let u2 = uniform(&rng)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
