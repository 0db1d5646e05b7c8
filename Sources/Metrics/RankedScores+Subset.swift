extension RankedScores {
    /// ROC AUC of the rows where `include` is true, read off this ranking without sorting
    /// again: O(rows + distinct scores). Equals `RankedScores(scores: subset, labels:
    /// subset).auc` exactly (the same integer sum), as the tests check. Used for the public and
    /// private parts of the hidden rows.
    ///
    /// - Throws: `MetricsError` if `include` has the wrong length or the subset lacks a class.
    public func auc(ofRowsWhere include: [Bool]) throws(MetricsError) -> Double {
        try Validation.checkCounts(scores: include.count, labels: count)
        let groups = distinctScores.count
        var positivesInGroup = [Int](repeating: 0, count: groups)
        var negativesInGroup = [Int](repeating: 0, count: groups)
        for row in 0..<count where include[row] {
            let group = Int(groupOfRow[row])
            if labels[row] { positivesInGroup[group] += 1 } else { negativesInGroup[group] += 1 }
        }
        // The same trapezoid sum as `auc`, over the subset's cumulative counts.
        var doubledArea = 0, tp = 0, fp = 0
        for group in 0..<groups {
            let newTP = tp + positivesInGroup[group], newFP = fp + negativesInGroup[group]
            doubledArea += (newFP - fp) * (newTP + tp)
            tp = newTP
            fp = newFP
        }
        guard tp > 0 && fp > 0 else { throw MetricsError(.singleClass(positives: tp, negatives: fp)) }
        return Double(doubledArea) / (2 * Double(tp) * Double(fp))
    }
}
