extension ONNXMap {
    /// The signal probability in one row of a classifier's ZipMap output: the value for label 1
    /// (an int64 key, or the string "1"), else, for a map of two labels (as
    /// `classlabels_strings: ["b", "s"]`), the value of the second, which scikit-learn and
    /// skl2onnx order as the positive class.
    var signalScore: Double? {
        if let score = number(forKey: 1) { return score }
        guard keys.count == 2, let values = values.doubles, values.count == 2 else { return nil }
        return values[1]
    }
}
