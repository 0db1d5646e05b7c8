import Dispatch
import Foundation

/// Counts and per-feature statistics of a dataset, computed in one parallel pass.
public struct DataSummary: Sendable, Equatable, Codable {
    /// Statistics of one feature.
    public struct FeatureStats: Sendable, Equatable, Codable {
        /// The feature's name (schema order).
        public var name: String
        /// Smallest value.
        public var min: Float
        /// Mean, accumulated in `Double`.
        public var mean: Double
        /// Largest value.
        public var max: Float
    }

    /// Number of rows.
    public var rows: Int
    /// Rows labelled 1.
    public var signal: Int
    /// Rows labelled 0.
    public var background: Int { rows - signal }
    /// One entry per feature, in schema order.
    public var features: [FeatureStats]

    /// Summarizes `dataset`, splitting the rows across the cores.
    public init(_ dataset: HiggsDataset) {
        let width = FeatureSchema.featureCount
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, dataset.rowCount / 10_000))
        let partials = UnsafeMutableBufferPointer<Partial>.allocate(capacity: parts)
        partials.initialize(repeating: Partial())
        defer { partials.deinitialize().deallocate() }
        let output = Unchecked(partials)
        dataset.withFeatures { values in
            let shared = Unchecked(values)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let rows = dataset.rowCount * part / parts..<dataset.rowCount * (part + 1) / parts
                var p = Partial()
                for row in rows {
                    let base = row * width
                    for f in 0..<width {
                        let v = shared.value[base + f]
                        p.sums[f] += Double(v)
                        p.mins[f] = Swift.min(p.mins[f], v)
                        p.maxs[f] = Swift.max(p.maxs[f], v)
                    }
                }
                output.value[part] = p
            }
        }
        var total = Partial()
        for p in partials {
            for f in 0..<width {
                total.sums[f] += p.sums[f]
                total.mins[f] = Swift.min(total.mins[f], p.mins[f])
                total.maxs[f] = Swift.max(total.maxs[f], p.maxs[f])
            }
        }
        rows = dataset.rowCount
        signal = dataset.signalCount
        features = (0..<width).map { f in
            FeatureStats(
                name: FeatureSchema.names[f], min: total.mins[f],
                mean: dataset.rowCount > 0 ? total.sums[f] / Double(dataset.rowCount) : 0,
                max: total.maxs[f])
        }
    }

    private struct Partial {
        var sums = [Double](repeating: 0, count: FeatureSchema.featureCount)
        var mins = [Float](repeating: .infinity, count: FeatureSchema.featureCount)
        var maxs = [Float](repeating: -.infinity, count: FeatureSchema.featureCount)
    }
}
