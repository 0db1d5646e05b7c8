/// The 2×2 confusion matrix at one threshold: counts and the rate within each true class.
public enum ConfusionMatrixChart {
    /// A heat map with true classes as rows and predicted classes as columns, each cell coloured
    /// by its rate within the true class and labelled with its count and that rate (so no colour
    /// bar is needed, and the chart fits a phone's width).
    /// `threshold`, when given, is named under the columns.
    public static func make(
        truePositives: Int, falseNegatives: Int, falsePositives: Int, trueNegatives: Int,
        threshold: Double? = nil, title: String? = "Confusion matrix"
    ) -> HeatMapChart {
        precondition([truePositives, falseNegatives, falsePositives, trueNegatives].allSatisfy { $0 >= 0 }, "counts are non-negative")
        let counts = [[truePositives, falseNegatives], [falsePositives, trueNegatives]]
        let rates = counts.map { row -> [Double] in
            let total = row.reduce(0, +)
            return row.map { total > 0 ? Double($0) / Double(total) : 0 }
        }
        let labels = zip(counts, rates).map { row, rate in
            zip(row, rate).map { grouped($0) + "\n" + SVGNumber.fixed($1 * 100, decimals: 1) + " %" }
        }
        var predicted = "Predicted class"
        if let threshold { predicted += " (score ≥ " + SVGNumber.format(threshold, decimals: 3) + " is signal)" }
        return HeatMapChart(
            title: title,
            description: "Confusion matrix: of \(truePositives + falseNegatives) signal events \(truePositives) were classified as signal; "
                + "of \(falsePositives + trueNegatives) background events \(trueNegatives) were classified as background.",
            rowLabels: ["Signal", "Background"], columnLabels: ["Signal", "Background"],
            values: rates, colorScale: .sequential(), cellLabels: labels,
            columnAxisTitle: predicted, rowAxisTitle: "True class", cellSize: 72)
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }
}
