import Dispatch
import Foundation
import HiggsData
import Results

/// Computing the data page's statistics from a data set's rows.
extension DataStatistics {
    /// Statistics of `dataset`, in parallel passes over its rows.
    public init(_ dataset: HiggsDataset, bins: Int = 40, correlationRows maxRows: Int = 1_000_000) {
        let width = FeatureSchema.featureCount
        let summary = DataSummary(dataset)
        // Pass 1: a fine histogram per feature, for the 99.5th percentile.
        let fineBins = 1_000
        let fine = Self.histograms(
            dataset, bins: fineBins,
            low: summary.features.map { Double($0.min) },
            high: summary.features.map { Double($0.max) })
        var highs: [Double] = []
        for f in 0..<width {
            let lo = Double(summary.features[f].min), hi = Double(summary.features[f].max)
            let counts = zip(fine.signal[f], fine.background[f]).map { $0 + $1 }
            let target = Double(dataset.rowCount) * 0.995
            var cumulative = 0, edge = fineBins
            for (i, c) in counts.enumerated() {
                cumulative += c
                if Double(cumulative) >= target { edge = i + 1; break }
            }
            highs.append(hi > lo ? lo + (hi - lo) * Double(edge) / Double(fineBins) : lo + 1)
        }
        let lows = summary.features.map { Double($0.min) }
        let coarse = Self.histograms(dataset, bins: bins, low: lows, high: highs)
        let histograms = (0..<width).map {
            FeatureHistogram(
                name: FeatureSchema.names[$0], low: lows[$0], high: highs[$0],
                signal: coarse.signal[$0], background: coarse.background[$0])
        }
        let step = max(1, dataset.rowCount / maxRows)
        self.init(
            rows: dataset.rowCount, signal: summary.signal, histograms: histograms,
            signalCorrelation: Self.correlation(dataset, label: 1, step: step),
            backgroundCorrelation: Self.correlation(dataset, label: 0, step: step),
            correlationRows: (dataset.rowCount + step - 1) / step)
    }

    /// Histograms of every feature by class; values beyond the range fall in the end bins.
    static func histograms(_ dataset: HiggsDataset, bins: Int, low: [Double], high: [Double])
        -> (signal: [[Int]], background: [[Int]])
    {
        let width = FeatureSchema.featureCount
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, dataset.rowCount / 10_000))
        let partials = UnsafeMutableBufferPointer<[Int]>.allocate(capacity: parts)
        partials.initialize(repeating: [])
        defer { partials.deinitialize().deallocate() }
        let output = Unchecked(partials)
        let scale = (0..<width).map { high[$0] > low[$0] ? Double(bins) / (high[$0] - low[$0]) : 0 }
        dataset.withFeatures { values in
            dataset.withLabels { labels in
                let shared = Unchecked((values, labels))
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    var counts = [Int](repeating: 0, count: 2 * width * bins)
                    let (values, labels) = shared.value
                    for row in dataset.rowCount * part / parts..<dataset.rowCount * (part + 1) / parts {
                        let classOffset = Int(labels[row]) * width * bins
                        for f in 0..<width {
                            let x = (Double(values[row * width + f]) - low[f]) * scale[f]
                            let bin = x < 0 ? 0 : min(bins - 1, Int(x))
                            counts[classOffset + f * bins + bin] += 1
                        }
                    }
                    output.value[part] = counts
                }
            }
        }
        var total = [Int](repeating: 0, count: 2 * width * bins)
        for p in partials { for i in total.indices { total[i] += p[i] } }
        let background = (0..<width).map { Array(total[($0 * bins)..<(($0 + 1) * bins)]) }
        let signal = (0..<width).map { Array(total[(width * bins + $0 * bins)..<(width * bins + ($0 + 1) * bins)]) }
        return (signal, background)
    }

    /// Pearson correlation matrix of the rows of one class, every `step`-th row.
    static func correlation(_ dataset: HiggsDataset, label: UInt8, step: Int) -> [Double] {
        let width = FeatureSchema.featureCount
        var sum = [Double](repeating: 0, count: width)
        var cross = [Double](repeating: 0, count: width * width)
        var n = 0.0
        var x = [Double](repeating: 0, count: width)
        dataset.withFeatures { values in
            dataset.withLabels { labels in
                var row = 0
                while row < dataset.rowCount {
                    defer { row += step }
                    guard labels[row] == label else { continue }
                    n += 1
                    for f in 0..<width { x[f] = Double(values[row * width + f]) }
                    for i in 0..<width {
                        sum[i] += x[i]
                        for j in i..<width { cross[i * width + j] += x[i] * x[j] }
                    }
                }
            }
        }
        guard n > 1 else { return [Double](repeating: 0, count: width * width) }
        var result = [Double](repeating: 0, count: width * width)
        for i in 0..<width {
            for j in i..<width {
                let cov = cross[i * width + j] / n - sum[i] * sum[j] / (n * n)
                let vi = cross[i * width + i] / n - sum[i] * sum[i] / (n * n)
                let vj = cross[j * width + j] / n - sum[j] * sum[j] / (n * n)
                let r = vi > 0 && vj > 0 ? cov / (vi * vj).squareRoot() : (i == j ? 1 : 0)
                result[i * width + j] = r
                result[j * width + i] = r
            }
        }
        return result
    }
}
