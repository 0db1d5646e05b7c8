extension RankedScores {
    /// The ranking of the rows where `include` is true, read off this one without sorting
    /// again: O(rows + distinct scores). Identical to `RankedScores(scores: subset, labels:
    /// subset)` (same groups, same counts), so every metric built on it — AUC, DeLong's
    /// interval — equals the subset's own, as the tests check. Used for the public and private
    /// parts of the hidden rows.
    ///
    /// - Throws: `MetricsError` if `include` has the wrong length or the subset lacks a class.
    public func subset(where include: [Bool]) throws(MetricsError) -> RankedScores {
        try Validation.checkCounts(scores: include.count, labels: count)
        let groups = distinctScores.count
        var positivesInGroup = [Int](repeating: 0, count: groups)
        var negativesInGroup = [Int](repeating: 0, count: groups)
        for row in 0..<count where include[row] {
            let group = Int(groupOfRow[row])
            if labels[row] { positivesInGroup[group] += 1 } else { negativesInGroup[group] += 1 }
        }
        // Keep the groups that hold subset rows; renumber them in the same (descending) order.
        var newGroup = [UInt32](repeating: 0, count: groups)
        var distinct: [Double] = [], tps: [Int] = [], fps: [Int] = []
        var tp = 0, fp = 0
        for group in 0..<groups where positivesInGroup[group] + negativesInGroup[group] > 0 {
            newGroup[group] = UInt32(distinct.count)
            tp += positivesInGroup[group]
            fp += negativesInGroup[group]
            distinct.append(distinctScores[group])
            tps.append(tp)
            fps.append(fp)
        }
        guard tp > 0 && fp > 0 else { throw MetricsError(.singleClass(positives: tp, negatives: fp)) }
        var subsetLabels: [Bool] = [], subsetGroups: [UInt32] = []
        subsetLabels.reserveCapacity(tp + fp)
        subsetGroups.reserveCapacity(tp + fp)
        for row in 0..<count where include[row] {
            subsetLabels.append(labels[row])
            subsetGroups.append(newGroup[Int(groupOfRow[row])])
        }
        return RankedScores(
            count: tp + fp, positives: tp, negatives: fp, distinctScores: distinct,
            cumulativePositives: tps, cumulativeNegatives: fps, labels: subsetLabels,
            groupOfRow: subsetGroups)
    }

    /// A ranking from its parts (used by `subset(where:)`).
    init(
        count: Int, positives: Int, negatives: Int, distinctScores: [Double], cumulativePositives: [Int],
        cumulativeNegatives: [Int], labels: [Bool], groupOfRow: [UInt32]
    ) {
        self.count = count
        self.positives = positives
        self.negatives = negatives
        self.distinctScores = distinctScores
        self.cumulativePositives = cumulativePositives
        self.cumulativeNegatives = cumulativeNegatives
        self.labels = labels
        self.groupOfRow = groupOfRow
    }
}
