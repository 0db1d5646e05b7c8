/// A ROC curve reduced to few points for storage and plots, with a guaranteed error bound.
///
/// The bound: between two consecutive kept points a and b, every point of the original
/// curve lies in the box [fpr_a, fpr_b] × [tpr_a, tpr_b] (the curve is monotone), and that
/// box is at most `tolerance` wide and at most `tolerance` high, unless a and b are
/// consecutive points of the original curve (then nothing was removed between them).
/// Therefore, with both curves read as `ROCCurve.signalEfficiency(atBackgroundEfficiency:)`
/// reads them:
/// - at every background efficiency the two signal efficiencies differ by at most
///   `tolerance`, and at every signal efficiency the background efficiencies differ by at
///   most `tolerance`;
/// - every point of either curve is within `tolerance` of the other in both coordinates;
/// - the areas under the two curves differ by at most `tolerance` (the region between them
///   fits in boxes whose widths sum to at most 1).
///
/// The bound is absolute: at background efficiencies far below `tolerance` (rejections
/// above 1/tolerance on a log-scale rejection plot) it says little.
public struct ThinnedROCCurve: Sendable, Equatable {
    /// The kept points, a subset of the original curve's, in its order; always the first
    /// and the last.
    public let curve: ROCCurve
    /// The bound described above; 0 when no point was removed.
    public let tolerance: Double
}

extension ROCCurve {
    /// Default number of points for a stored curve.
    public static let defaultThinnedPointCount = 300

    /// The curve reduced to at most `maxPoints` points with the smallest tolerance the
    /// greedy reduction can reach (found by bisection to 2⁻⁴⁰).
    ///
    /// - Precondition: `maxPoints >= 2`. O(points × 45).
    public func thinned(maxPoints: Int = ROCCurve.defaultThinnedPointCount) -> ThinnedROCCurve {
        precondition(maxPoints >= 2, "a thinned curve keeps at least its two ends")
        if count <= maxPoints { return ThinnedROCCurve(curve: self, tolerance: 0) }
        // Fewer points for a larger tolerance: the greedy cover is optimal for boxes, whose
        // feasibility only shrinks as the tolerance does. A tolerance of 1 keeps the two ends.
        var low = 0.0
        var high = 1.0
        while high - low > 0x1p-40 {
            let middle = (low + high) / 2
            if keptIndices(tolerance: middle).count <= maxPoints { high = middle } else { low = middle }
        }
        return thinned(tolerance: high)
    }

    /// The curve reduced so that the bound `tolerance` holds, with as few points as the
    /// greedy reduction keeps (the fewest possible for this kind of bound).
    ///
    /// - Precondition: `tolerance >= 0`. O(points).
    public func thinned(tolerance: Double) -> ThinnedROCCurve {
        precondition(tolerance >= 0, "a tolerance is not negative")
        let kept = keptIndices(tolerance: tolerance)
        let curve = ROCCurve(
            falsePositiveRates: kept.map { falsePositiveRates[$0] },
            truePositiveRates: kept.map { truePositiveRates[$0] },
            thresholds: kept.map { thresholds[$0] })
        return ThinnedROCCurve(curve: curve, tolerance: kept.count == count ? 0 : tolerance)
    }

    /// Indices kept by the greedy reduction: from each kept point, jump to the farthest
    /// point whose box with it fits the tolerance, or to the next point if none does.
    func keptIndices(tolerance: Double) -> [Int] {
        let last = count - 1
        guard last > 0 else { return Array(0..<count) }
        var kept = [0]
        var anchor = 0
        falsePositiveRates.withUnsafeBufferPointer { x in
            truePositiveRates.withUnsafeBufferPointer { y in
                while anchor < last {
                    var reach = anchor + 1
                    while reach < last && x[reach + 1] - x[anchor] <= tolerance
                        && y[reach + 1] - y[anchor] <= tolerance
                    {
                        reach += 1
                    }
                    kept.append(reach)
                    anchor = reach
                }
            }
        }
        return kept
    }
}
