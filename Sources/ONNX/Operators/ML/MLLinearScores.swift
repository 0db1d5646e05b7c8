/// `X · Wᵀ + b` for the linear operators: `rows` rows of weights, `W` row-major.
enum MLLinearScores {
    /// The scores of every input row (`rows` a row); `intercepts` empty means zeros.
    static func compute(_ input: MLMatrix, coefficients: [Double], intercepts: [Double], rows: Int) -> [Double] {
        let features = input.columns
        var scores = [Double](repeating: 0, count: input.rows * rows)
        for row in 0..<input.rows {
            let x = input.values[row * features..<(row + 1) * features]
            for k in 0..<rows {
                var total = intercepts.isEmpty ? 0 : intercepts[k]
                var c = k * features
                for value in x {
                    total += Double(value) * coefficients[c]
                    c += 1
                }
                scores[row * rows + k] = total
            }
        }
        return scores
    }
}
