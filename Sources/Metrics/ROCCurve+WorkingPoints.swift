/// Working points read off a ROC curve: the efficiencies physicists quote.
///
/// Between the curve's points the curve is taken to be the straight line that joins them
/// (linear interpolation, as `numpy.interp`). Where the curve has several points at the
/// requested abscissa (a vertical or horizontal stretch from tied scores or rows of one
/// class), the best working point is taken: the highest signal efficiency at a given
/// background efficiency, the lowest background efficiency at a given signal efficiency.
/// In numpy terms: `np.interp(eB, fpr, tpr)` and
/// `-np.interp(-eS, -tpr[::-1], -fpr[::-1])`.
extension ROCCurve {
    /// Signal efficiency (true-positive rate) at background efficiency `backgroundEfficiency`.
    ///
    /// - Precondition: `backgroundEfficiency` is in [0, 1]. O(log points).
    public func signalEfficiency(atBackgroundEfficiency backgroundEfficiency: Double) -> Double {
        precondition((0...1).contains(backgroundEfficiency), "an efficiency lies in [0, 1]")
        let x = falsePositiveRates
        let y = truePositiveRates
        // The last point with fpr <= e: the top of a vertical stretch at e.
        var low = 0
        var high = x.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if x[middle] <= backgroundEfficiency { low = middle } else { high = middle }
        }
        if low == x.count - 1 || x[low] == backgroundEfficiency { return y[low] }
        let slope = (y[low + 1] - y[low]) / (x[low + 1] - x[low])
        return slope * (backgroundEfficiency - x[low]) + y[low]
    }

    /// Background efficiency (false-positive rate) at signal efficiency `signalEfficiency`.
    ///
    /// - Precondition: `signalEfficiency` is in [0, 1]. O(log points).
    public func backgroundEfficiency(atSignalEfficiency signalEfficiency: Double) -> Double {
        precondition((0...1).contains(signalEfficiency), "an efficiency lies in [0, 1]")
        let x = truePositiveRates
        let y = falsePositiveRates
        // The first point with tpr >= e: the left end of a horizontal stretch at e.
        var low = -1
        var high = x.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if x[middle] >= signalEfficiency { high = middle } else { low = middle }
        }
        if high == 0 || x[high] == signalEfficiency { return y[high] }
        let slope = (y[high] - y[high - 1]) / (x[high] - x[high - 1])
        return y[high] - slope * (x[high] - signalEfficiency)
    }

    /// Background rejection 1/ε_B at signal efficiency `signalEfficiency`:
    /// `+infinity` where no background passes.
    ///
    /// - Precondition: `signalEfficiency` is in [0, 1].
    public func backgroundRejection(atSignalEfficiency signalEfficiency: Double) -> Double {
        1 / backgroundEfficiency(atSignalEfficiency: signalEfficiency)
    }
}
