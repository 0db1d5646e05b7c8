import Foundation
import Testing

@testable import Training

@Suite("Feature binning")
struct FeatureBinningTests {
    @Test("few distinct values: every scikit-learn midpoint is an edge")
    func exactEdges() {
        let (edges, exact) = FeatureBinning.edges(sorted: [0, 0, 1, 1, 1, 2.5, 4], maxBins: 255)
        #expect(exact)
        #expect(edges == [0.5, 1.75, 3.25])
    }

    @Test("values within 1e-7 are never split")
    func closeValues() {
        let a: Float = 1, b = a.nextUp  // 1.19e-7 apart: splittable
        let (edges, _) = FeatureBinning.edges(sorted: [0, 0.00000005, a, b], maxBins: 255)
        #expect(edges.count == 2)
        #expect(edges[0] == Double(Float(0.00000005)) / 2 + 0.5)
    }

    @Test("many values: maxBins - 1 quantile edges, even bins")
    func quantileEdges() {
        let values = (0..<10_000).map { Float($0) }
        let (edges, exact) = FeatureBinning.edges(sorted: values, maxBins: 10)
        #expect(!exact)
        #expect(edges.count == 9)
        #expect(edges == stride(from: 999.5, through: 8999.5, by: 1000).map { $0 })
    }

    @Test("bin search agrees with comparing to edges")
    func binSearchAgreesWithComparison() {
        let edges = (0..<200).map { Double($0) * 0.37 - 20 }
        var padded = [Double](repeating: .infinity, count: 256)
        padded.replaceSubrange(0..<edges.count, with: edges)
        let binning = FeatureBinning(edges: [edges], isExact: [false])
        for x in stride(from: Float(-25), through: 60, by: 0.0137) {
            let fast = padded.withUnsafeBufferPointer { Int(BinnedRows.bin(Double(x), edges: $0.baseAddress!)) }
            #expect(fast == binning.bin(x, feature: 0))
            for k in [0, 57, 199] {
                #expect((Double(x) <= edges[k]) == (fast <= k))
            }
        }
    }
}
