/// Scores and labels sorted once by descending score, with ties merged: the shared input of
/// the ROC curve, the AUC and DeLong's variance.
///
/// Ties are handled as scikit-learn does: rows with equal scores form one group, one point
/// of the curve. -0.0 and +0.0 are the same score. Building a value validates the input and
/// sorts it in O(n) (a radix sort); everything derived from it is O(n) or less.
public struct RankedScores: Sendable {
    /// Number of rows.
    public let count: Int
    /// Number of signal rows (label 1).
    public let positives: Int
    /// Number of background rows (label 0).
    public let negatives: Int
    /// The distinct scores, descending: sklearn's thresholds before dropping.
    let distinctScores: [Double]
    /// Signal rows with score >= `distinctScores[i]`: sklearn's `tps`.
    let cumulativePositives: [Int]
    /// Background rows with score >= `distinctScores[i]`: sklearn's `fps`.
    let cumulativeNegatives: [Int]
    /// The labels in row order, `true` for signal.
    public let labels: [Bool]
    /// For each row, the index of its score in `distinctScores`.
    let groupOfRow: [UInt32]

    /// Validates and ranks `scores` against boolean labels (`true` is signal).
    ///
    /// - Throws: `MetricsError` with `.empty`, `.lengthMismatch`, `.nanScore`, `.infiniteScore`,
    ///   or `.singleClass` when all labels are equal.
    public init(scores: [Double], labels: [Bool]) throws(MetricsError) {
        try Validation.checkCounts(scores: scores.count, labels: labels.count)
        try Validation.checkFinite(scores)
        try self.init(validatedScores: scores, labels: labels)
    }

    /// Validates and ranks `scores` against 0/1 labels (1 is signal).
    ///
    /// - Throws: as `init(scores:labels:)` with `[Bool]`, and `.invalidLabel` for a label
    ///   other than 0 or 1.
    public init(scores: [Double], labels: [UInt8]) throws(MetricsError) {
        try Validation.checkCounts(scores: scores.count, labels: labels.count)
        let booleans = try Validation.booleanLabels(labels)
        try Validation.checkFinite(scores)
        try self.init(validatedScores: scores, labels: booleans)
    }

    /// Ranks scores already checked to be finite and as many as the labels.
    init(validatedScores scores: [Double], labels: [Bool]) throws(MetricsError) {
        let order = DescendingSort.radixOrder(scores)
        let count = scores.count
        var distinct = [Double]()
        var tps = [Int]()
        var fps = [Int]()
        var groupOfRow = [UInt32](repeating: 0, count: count)
        var positives = 0
        labels.withUnsafeBufferPointer { labels in
            order.withUnsafeBufferPointer { order in
                groupOfRow.withUnsafeMutableBufferPointer { groupOfRow in
                    var index = 0
                    while index < count {
                        let key = order[index].key
                        let group = UInt32(distinct.count)
                        // One group per run of equal keys: sklearn's distinct thresholds.
                        while index < count && order[index].key == key {
                            let row = Int(order[index].row)
                            if labels[row] { positives += 1 }
                            groupOfRow[row] = group
                            index += 1
                        }
                        distinct.append(DescendingSort.score(key))
                        tps.append(positives)
                        fps.append(index - positives)
                    }
                }
            }
        }
        let negatives = count - positives
        guard positives > 0 && negatives > 0 else {
            throw MetricsError(.singleClass(positives: positives, negatives: negatives))
        }
        self.count = count
        self.positives = positives
        self.negatives = negatives
        self.distinctScores = distinct
        self.cumulativePositives = tps
        self.cumulativeNegatives = fps
        self.labels = labels
        self.groupOfRow = groupOfRow
    }

    /// Area under the ROC curve, as `sklearn.metrics.roc_auc_score` computes it.
    ///
    /// The trapezoids between the curve's points, summed exactly in integers
    /// (twice the area in units of one signal row by one background row) and divided once:
    /// tied scores get half credit, as in sklearn. Equals the Mann–Whitney U statistic
    /// divided by `positives * negatives`. O(distinct scores).
    public var auc: Double {
        var doubledArea = 0
        var previousTP = 0
        var previousFP = 0
        for index in cumulativePositives.indices {
            let tp = cumulativePositives[index]
            let fp = cumulativeNegatives[index]
            doubledArea += (fp - previousFP) * (tp + previousTP)
            previousTP = tp
            previousFP = fp
        }
        return Double(doubledArea) / (2 * Double(positives) * Double(negatives))
    }
}
