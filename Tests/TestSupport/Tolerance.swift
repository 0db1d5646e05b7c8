/// `|a - b| / max(1, |b|)`: the relative error where `b` is large, the absolute one near zero.
public func relativeError(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(1, abs(b))
}
