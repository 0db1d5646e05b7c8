/// Checks shared by every metric, in the order a caller sees them:
/// emptiness, lengths, labels, then scores.
enum Validation {
    /// Throws `.empty` or `.lengthMismatch` unless both counts are equal and non-zero.
    static func checkCounts(scores: Int, labels: Int) throws(MetricsError) {
        guard scores == labels else {
            throw MetricsError(.lengthMismatch(scores: scores, labels: labels))
        }
        guard scores > 0 else { throw MetricsError(.empty) }
    }

    /// Converts 0/1 labels to `Bool`, throwing `.invalidLabel` for anything else.
    static func booleanLabels(_ labels: [UInt8]) throws(MetricsError) -> [Bool] {
        var result = [Bool]()
        result.reserveCapacity(labels.count)
        for (index, value) in labels.enumerated() {
            switch value {
            case 0: result.append(false)
            case 1: result.append(true)
            default: throw MetricsError(.invalidLabel(index: index, value: value))
            }
        }
        return result
    }

    /// Throws `.nanScore` or `.infiniteScore` for the first score that is not finite.
    static func checkFinite(_ scores: [Double]) throws(MetricsError) {
        // One branch-free pass first: the common case is all finite.
        var allFinite = true
        for value in scores where !value.isFinite {
            allFinite = false
            break
        }
        if allFinite { return }
        for (index, value) in scores.enumerated() where !value.isFinite {
            if value.isNaN { throw MetricsError(.nanScore(index: index)) }
            throw MetricsError(.infiniteScore(index: index, value: value))
        }
    }

    /// Throws `.scoreOutOfRange` for the first score outside [0, 1].
    static func checkProbabilities(_ scores: [Double]) throws(MetricsError) {
        for (index, value) in scores.enumerated() where !(value >= 0 && value <= 1) {
            throw MetricsError(.scoreOutOfRange(index: index, value: value))
        }
    }
}
