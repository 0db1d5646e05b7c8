/// DeLong's structural components, computed from one ranking in O(n) as in Sun & Xu (2014),
/// "Fast implementation of DeLong's algorithm for comparing the areas under correlated
/// receiver operating characteristic curves", IEEE Signal Processing Letters 21(11).
///
/// Sun & Xu compute, for a signal row, V10 = (midrank among all rows − midrank among
/// signal rows) / n_background, and for a background row V01 = 1 − (midrank among all −
/// midrank among background) / n_signal. With rows grouped by equal score, a signal row's
/// V10 is (background rows scored below it + half the background rows tied with it) /
/// n_background, and a background row's V01 is (signal rows scored above it + half the
/// signal rows tied with it) / n_signal: the same numbers, read off the sorted groups
/// without computing a rank. Every row of a group shares its group's value.
struct DeLongComponents {
    /// V10 of a signal row in each score group.
    let signalComponent: [Double]
    /// V01 of a background row in each score group.
    let backgroundComponent: [Double]

    init(_ ranked: RankedScores) {
        let tps = ranked.cumulativePositives
        let fps = ranked.cumulativeNegatives
        let negatives = Double(ranked.negatives)
        let positives = Double(ranked.positives)
        var signal = [Double](repeating: 0, count: tps.count)
        var background = [Double](repeating: 0, count: tps.count)
        var previousTP = 0
        var previousFP = 0
        for group in tps.indices {
            let tiedBackground = fps[group] - previousFP
            let tiedSignal = tps[group] - previousTP
            let backgroundBelow = ranked.negatives - fps[group]
            signal[group] = (Double(backgroundBelow) + Double(tiedBackground) / 2) / negatives
            background[group] = (Double(previousTP) + Double(tiedSignal) / 2) / positives
            previousTP = tps[group]
            previousFP = fps[group]
        }
        signalComponent = signal
        backgroundComponent = background
    }
}

/// The two-sided standard-normal quantile for 95% confidence: Φ⁻¹(0.975).
let normalQuantile975 = 1.959963984540054
