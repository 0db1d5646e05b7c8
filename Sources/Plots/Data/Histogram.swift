/// Binned data: counts over bins given by their edges, with the normalisations charts show.
public struct Histogram: Sendable, Equatable {
    /// Bin edges, increasing; one more than `counts`.
    public let edges: [Double]
    /// Entries in each bin.
    public let counts: [Double]

    /// A histogram from edges and counts. `edges` must be increasing with one more element
    /// than `counts`.
    public init(edges: [Double], counts: [Double]) {
        precondition(edges.count == counts.count + 1 && !counts.isEmpty, "a histogram needs one more edge than bins")
        precondition(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }, "histogram edges must increase")
        self.edges = edges
        self.counts = counts
    }

    /// `bins` equal bins over `range`.
    public static func uniformEdges(bins: Int, range: ClosedRange<Double>) -> [Double] {
        precondition(bins > 0 && range.upperBound > range.lowerBound, "bins need a positive count and a non-empty range")
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        return (0...bins).map { $0 == bins ? range.upperBound : range.lowerBound + Double($0) * width }
    }

    /// `values` counted in `bins` equal bins over `range`. A value equal to the upper bound
    /// goes into the last bin; values outside the range, and values that are not finite, are
    /// not counted. O(n).
    public init(values: [Double], bins: Int, range: ClosedRange<Double>) {
        let edges = Histogram.uniformEdges(bins: bins, range: range)
        var counts = [Double](repeating: 0, count: bins)
        let lower = range.lowerBound, span = range.upperBound - range.lowerBound
        for value in values where value >= lower && value <= range.upperBound {
            counts[min(bins - 1, Int((value - lower) / span * Double(bins)))] += 1
        }
        self.init(edges: edges, counts: counts)
    }

    /// Total entries.
    public var total: Double { counts.reduce(0, +) }

    /// Bin widths.
    var widths: [Double] { zip(edges, edges.dropFirst()).map { $1 - $0 } }

    /// Bin centres.
    var centers: [Double] { zip(edges, edges.dropFirst()).map { ($0 + $1) / 2 } }

    /// Poisson errors of the counts, √n.
    var countErrors: [Double] { counts.map { $0.squareRoot() } }

    /// Counts divided by total × bin width, so the histogram's area is 1 (`1/N dN/dx`).
    /// All zero when the histogram is empty.
    var densities: [Double] {
        let n = total
        return zip(counts, widths).map { n > 0 ? $0 / (n * $1) : 0 }
    }

    /// The densities' Poisson errors, √n / (total × bin width).
    var densityErrors: [Double] {
        let n = total
        return zip(counts, widths).map { n > 0 ? $0.squareRoot() / (n * $1) : 0 }
    }
}
