/// A correlation matrix as a heat map on a diverging −1…1 scale, with the features' names.
public enum CorrelationMatrixChart {
    /// A heat map of `matrix` (square, `names.count` on a side). Cells carry their value (2
    /// decimals) when there are at most `valueLabelLimit` features; beyond that the numbers
    /// would be too small to read.
    public static func make(
        names: [String], matrix: [[Double]], title: String? = "Correlations",
        valueLabelLimit: Int = 12
    ) -> HeatMapChart {
        precondition(matrix.count == names.count && matrix.allSatisfy { $0.count == names.count }, "a correlation matrix is square")
        let n = names.count
        // At least 16 units a row, so the 12-unit labels of neighbouring rows and columns never touch.
        let cellSize = n <= 6 ? 56.0 : n <= 12 ? 40.0 : 16.0
        let labels = n <= valueLabelLimit ? matrix.map { $0.map { SVGNumber.fixed($0, decimals: 2) } } : nil
        return HeatMapChart(
            title: title,
            description: "Linear correlation coefficients between \(n) features, from −1 (blue) through 0 (white) to +1 (red).",
            rowLabels: names, columnLabels: names, values: matrix, colorScale: .diverging(),
            cellLabels: labels, colorBarTitle: "Correlation coefficient", cellSize: cellSize,
            rotatesColumnLabels: true)
    }
}
