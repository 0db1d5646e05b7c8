/// One list of scores as ranks, for Spearman's rank correlation with other lists scored on
/// the same rows: how alike two models' orderings of the rows are, whatever their scales.
///
/// The ranks come from the radix sort every ranking metric shares (`DescendingSort`), so
/// ranking a list is linear in its rows and a correlation with another ranked list is one
/// more pass: comparing a new list with k recorded ones costs k + 1 sorts and k passes.
/// Tied scores share the mean of their ranks, as `scipy.stats.spearmanr` ranks them.
/// A ranked list keeps 4 bytes a row (`bytes`), so that a caller may keep the lists it
/// compares often.
public struct ScoreRanks: Sendable {
    /// Each row's rank minus the mean rank, in row order: a multiple of 1/2, exact in float32
    /// below 2^24 rows (beyond, rounded by less than one part in 10^7), and so are its
    /// products in double.
    let centred: [Float]
    /// The sum of the squares of `centred`: zero when every score is the same.
    let sumOfSquares: Double

    /// How many rows were ranked.
    var count: Int { centred.count }

    /// The memory the ranks take.
    public var bytes: Int { centred.count * MemoryLayout<Float>.stride }

    /// The ranks of `scores`.
    ///
    /// - Throws: `MetricsError` with `.empty` for no scores, `.nanScore` or `.infiniteScore`
    ///   for a score that is not a finite number.
    public init(_ scores: [Float]) throws(MetricsError) {
        guard !scores.isEmpty else { throw MetricsError(.empty) }
        var values = [Double](repeating: 0, count: scores.count)
        for (index, score) in scores.enumerated() {
            if score.isNaN { throw MetricsError(.nanScore(index: index)) }
            if !score.isFinite { throw MetricsError(.infiniteScore(index: index, value: Double(score))) }
            values[index] = Double(score)
        }
        let order = DescendingSort.radixOrder(values)
        let mean = Double(scores.count + 1) / 2
        var centred = [Float](repeating: 0, count: scores.count)
        var sumOfSquares = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, order[end].key == order[start].key { end += 1 }
            // Positions start..<end (ranks start + 1 ... end) hold one score: each gets their mean.
            let rank = Double(start + 1 + end) / 2 - mean
            for position in start..<end { centred[Int(order[position].row)] = Float(rank) }
            sumOfSquares += rank * rank * Double(end - start)
            start = end
        }
        self.centred = centred
        self.sumOfSquares = sumOfSquares
    }

    /// Spearman's rank correlation with `other` (the Pearson correlation of the two lists'
    /// ranks), in [-1, 1]; `nil` when either list gives every row the same score, which
    /// orders nothing.
    ///
    /// - Throws: `MetricsError` with `.lengthMismatch` when the lists were not of the same rows.
    public func spearman(_ other: ScoreRanks) throws(MetricsError) -> Double? {
        guard count == other.count else { throw MetricsError(.lengthMismatch(scores: other.count, labels: count)) }
        guard sumOfSquares > 0, other.sumOfSquares > 0 else { return nil }
        var products = 0.0
        centred.withUnsafeBufferPointer { a in
            other.centred.withUnsafeBufferPointer { b in
                for index in 0..<a.count { products += Double(a[index]) * Double(b[index]) }
            }
        }
        return min(1, max(-1, products / (sumOfSquares * other.sumOfSquares).squareRoot()))
    }
}
