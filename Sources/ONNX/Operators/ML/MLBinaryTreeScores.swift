/// How onnxruntime turns a two-class tree ensemble's sums into two probabilities and a label,
/// which depends on which classes the leaves weight, on how many `base_values` there are and
/// on the signs of the weights (its `TreeAggregatorClassifier`, checked against its outputs in
/// the convention fixtures):
///
/// - class 1 has a score (some reached leaf weights it): with two base values, score 1 is
///   `base[1] + s0` and score 0 its negation; otherwise the sums plus `base[0]` on class 0;
///   the transform applies to both.
/// - class 1 has no score: with two base values, `[s0 + base[0], 0]` transformed; otherwise the
///   one score `s = s0 (+ base[0])` becomes `[1 − t, t]` (t = σ(s) for LOGISTIC, else s) when
///   only one class is weighted and every weight is ≥ 0, `[σ(−s), σ(s)]` (LOGISTIC) or
///   `[−s, s]` when weights are mixed or no base value is given.
struct MLBinaryTreeScores: Sendable {
    let forest: MLTreeForest
    let base: [Double]
    let transform: MLPostTransform
    /// Only one class is weighted (onnxruntime's `binary_case_`).
    let oneClass: Bool

    /// The conventions for `forest`; refuses PROBIT when onnxruntime would leave the second
    /// column undefined (one score, fewer than two base values).
    ///
    /// - Throws: ``ONNXError`` (unsupported setting).
    init(forest: MLTreeForest, base: [Double], transform: MLPostTransform, context: ONNXNodeContext) throws(ONNXError) {
        self.forest = forest
        self.base = base
        self.transform = transform
        oneClass = forest.hasWeights.filter { $0 }.count == 1
        let classOneAlways = forest.hasWeights[1] && forest.uniformLeaves
        if transform == .probit, base.count < 2, !classOneAlways {
            throw context.unsupported(
                "with post_transform PROBIT on one class's weights (onnxruntime leaves "
                    + "the second probability undefined there)")
        }
    }

    /// The two probabilities of each row (row after row) and each row's class index.
    func finish(_ raw: [Double], rows: Int) -> ([Double], [Int]) {
        let stride = forest.valuesPerRow
        var scores = [Double](repeating: 0, count: rows * 2)
        var predicted = [Int](repeating: 0, count: rows)
        for row in 0..<rows {
            let s0 = raw[row * stride], s1 = raw[row * stride + 1]
            let hasClassOne = forest.countsWeightsOf != nil ? raw[row * stride + 2] > 0 : forest.hasWeights[1]
            var p0 = s0, p1 = s1
            var both = hasClassOne
            var mixedRule = false
            switch base.count {
            case 2:
                if hasClassOne {
                    p1 = base[1] + s0
                    p0 = -p1
                } else {
                    p0 = s0 + base[0]
                    p1 = 0
                    both = true
                }
            case 1:
                p0 = s0 + base[0]
            default:
                mixedRule = true
            }
            let positive = both && hasClassOne ? p1 : p0
            if oneClass {
                mixedRule = !forest.weightsAreNonNegative
                predicted[row] = positive > (forest.weightsAreNonNegative ? 0.5 : 0) ? 1 : 0
            } else {
                predicted[row] = positive > 0 ? 1 : 0
            }
            let pair: (Double, Double)
            if both {
                pair = transform.pair(p0, p1)
            } else if oneClass && !mixedRule {
                let t = transform == .logistic ? MLPostTransform.logistic(p0) : p0
                pair = (1 - t, t)
            } else if mixedRule || oneClass {
                pair =
                    transform == .logistic
                    ? (MLPostTransform.logistic(-p0), MLPostTransform.logistic(p0)) : (-p0, p0)
            } else {
                pair = (p0, .nan)  // onnxruntime writes only the first score here
            }
            scores[row * 2] = pair.0
            scores[row * 2 + 1] = pair.1
        }
        return (scores, predicted)
    }
}
