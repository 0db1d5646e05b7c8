/// `|a - b| / max(1, |b|)`: the relative error where `b` is large, the absolute one near zero.
public func relativeError(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(1, abs(b))
}

/// The largest `|a[i] - b[i]|`.
public func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
