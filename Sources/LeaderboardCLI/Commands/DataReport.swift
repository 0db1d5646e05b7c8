import HiggsData

/// What `data info` reports, as text and as JSON.
struct DataReport: Codable {
    struct SplitSizes: Codable {
        var training: Int, validation: Int, test: Int, publicTest: Int, privateTest: Int

        init(_ split: DataSplit) {
            let publicRows = split.publicTestIndices.count
            training = split.training.count
            validation = split.validation.count
            test = split.test.count
            publicTest = publicRows
            privateTest = split.test.count - publicRows
        }

        /// One line for the terminal.
        var line: String {
            "split       training \(Formatting.count(training)), validation \(Formatting.count(validation)), "
                + "hidden test \(Formatting.count(test)) (public \(Formatting.count(publicTest)), private \(Formatting.count(privateTest)))"
        }
    }

    var file: String
    var fileBytes: Int
    var sha256: String
    var knownAs: String?
    var official: Bool
    var rows: Int
    var signal: Int
    var background: Int
    var split: SplitSizes
    var features: [DataSummary.FeatureStats]

    init(path: String, loaded: DataLoader.Loaded, split: DataSplit) {
        let summary = DataSummary(loaded.dataset)
        file = path
        fileBytes = loaded.fileBytes
        sha256 = loaded.sha256 ?? ""
        knownAs = KnownDataSets.name(forSHA256: sha256)
        official = sha256 == KnownDataSets.officialHiggsGzipSHA256
        rows = summary.rows
        signal = summary.signal
        background = summary.background
        self.split = SplitSizes(split)
        features = summary.features
    }

    /// The human-readable report.
    var text: String {
        var lines: [String] = []
        lines.append("file        \(file)")
        lines.append("size        \(Formatting.count(fileBytes)) bytes")
        lines.append("sha256      \(sha256)")
        lines.append("official    " + (official ? "yes: the UCI HIGGS.csv.gz" : "no" + (knownAs.map { " (\($0))" } ?? "")))
        lines.append(
            "rows        \(Formatting.count(rows))  (signal \(Formatting.count(signal)), background \(Formatting.count(background)))")
        lines.append(split.line)
        lines.append("")
        lines.append("feature                          min          mean           max")
        for f in features {
            lines.append(
                f.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(format: "%14.4f%14.4f%14.4f", Double(f.min), f.mean, Double(f.max)))
        }
        return lines.joined(separator: "\n")
    }
}
