import Foundation
import Results

/// Finding and reading a submission's training history file.
extension TrainingHistory {
    /// The file names (lowercased) that are taken as a training history in a submission
    /// folder; any `*.csv` whose name contains `log` is one too.
    public static let fileNames = ["history.json", "history.csv", "training.log"]

    /// Whether `fileName` is taken as a training history in a submission folder:
    /// `history.json`, `history.csv`, `training.log`, or a `.csv` with `log` in its name
    /// (case does not matter).
    public static func isHistoryFileName(_ fileName: String) -> Bool {
        let lower = fileName.lowercased()
        return fileNames.contains(lower) || (lower.hasSuffix(".csv") && lower.dropLast(4).contains("log"))
    }

    /// Reads the history at `url`: JSON when its first non-blank byte is `{`, else CSV.
    ///
    /// - Parameters:
    ///   - url: The history file.
    ///   - displayName: How messages name the file; the last path component by default.
    ///   - limits: `maxHistoryBytes` (10 MB by default) and `maxHistoryEpochs` (100,000).
    /// - Throws: `SubmissionError` naming the line or key that is wrong.
    public static func read(
        from url: URL, displayName: String? = nil, limits: SubmissionLimits = SubmissionLimits()
    ) throws(SubmissionError) -> TrainingHistory {
        try read(named: displayName ?? url.lastPathComponent, limits: limits) { () throws(SubmissionError.FileReason) in
            try SubmissionRoot.file(at: url).contents(maxBytes: limits.maxHistoryBytes)
        }
    }

    /// Reads the history `file` beneath `root`, named `displayName` in messages.
    static func read(
        _ file: String, in root: SubmissionRoot, displayName: String, limits: SubmissionLimits
    ) throws(SubmissionError) -> TrainingHistory {
        try read(named: displayName, limits: limits) { () throws(SubmissionError.FileReason) in
            try root.file(file).contents(maxBytes: limits.maxHistoryBytes)
        }
    }

    private static func read(
        named name: String, limits: SubmissionLimits, _ load: () throws(SubmissionError.FileReason) -> Data
    ) throws(SubmissionError) -> TrainingHistory {
        let data = try SubmissionError.reading(
            name, load, tooLarge: { .history(.tooLarge(bytes: $0, limit: limits.maxHistoryBytes)) },
            unreadable: { .history(.unreadable(detail: $0)) })
        return try TrainingHistory(parsing: data, fileName: name, limits: limits)
    }

    /// Parses a history's bytes: JSON when the first non-blank byte is `{`, else CSV.
    ///
    /// - Throws: `SubmissionError` naming the line or key that is wrong.
    public init(parsing data: Data, fileName: String, limits: SubmissionLimits = SubmissionLimits()) throws(SubmissionError) {
        func fail(_ reason: SubmissionError.HistoryReason) -> SubmissionError {
            SubmissionError(subject: fileName, reason: .history(reason))
        }
        guard data.count <= limits.maxHistoryBytes else {
            throw fail(.tooLarge(bytes: data.count, limit: limits.maxHistoryBytes))
        }
        guard var text = String(data: data, encoding: .utf8) else { throw fail(.notText) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let columns: HistoryColumns
        let source: Source
        if text.first(where: { !$0.isWhitespace }) == "{" {
            columns = try HistoryColumns.json(text, fail: fail, maxEpochs: limits.maxHistoryEpochs)
            source = .json
        } else {
            columns = try HistoryColumns.csv(text, fail: fail, maxEpochs: limits.maxHistoryEpochs)
            source = .csv
        }
        try self.init(source: source, columns: columns, fail: fail)
    }

    private init(
        source: Source, columns: HistoryColumns,
        fail: (SubmissionError.HistoryReason) -> SubmissionError
    ) throws(SubmissionError) {
        var series: [HistorySeries: (name: String, values: [Double?])] = [:]
        var epochs: [Int]?
        for (name, column) in columns.columns {
            let key = name.lowercased()
            if key == "epoch" {
                var numbers: [Int] = []
                for (i, text) in column.texts.enumerated() {
                    guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                        throw fail(.badEpoch(line: column.lines?[i], index: i))
                    }
                    numbers.append(value)
                }
                epochs = numbers
                continue
            }
            guard let kind = HistorySeries(columnName: key) else { continue }
            if let existing = series[kind] { throw fail(.duplicateSeries(first: existing.name, second: key)) }
            var values: [Double?] = []
            values.reserveCapacity(column.texts.count)
            for (i, text) in column.texts.enumerated() {
                guard let value = HistoryColumns.number(text) else {
                    throw fail(.notANumber(column: key, line: column.lines?[i], index: i))
                }
                guard let point = value, point.isFinite else {
                    values.append(nil)
                    continue
                }
                if kind.isAccuracy && !(0...1).contains(point) {
                    throw fail(.accuracyOutOfRange(column: key, index: i))
                }
                values.append(point)
            }
            series[kind] = (key, values)
        }
        guard !series.isEmpty else { throw fail(.noKnownSeries(columnCount: columns.columns.count)) }
        guard columns.rowCount > 0 else { throw fail(.noEpochs) }
        self.init(
            source: source, epochs: epochs ?? Array(0..<columns.rowCount),
            loss: series[.loss]?.values, accuracy: series[.accuracy]?.values,
            validationLoss: series[.validationLoss]?.values, validationAccuracy: series[.validationAccuracy]?.values)
    }
}

/// The four series a history plot shows, recognised by column name.
enum HistorySeries: Hashable {
    case loss, accuracy, validationLoss, validationAccuracy

    /// The series a (lowercased) column holds; `nil` for other metrics.
    init?(columnName: String) {
        switch columnName {
        case "loss": self = .loss
        case "accuracy", "acc", "binary_accuracy": self = .accuracy
        case "val_loss": self = .validationLoss
        case "val_accuracy", "val_acc", "val_binary_accuracy": self = .validationAccuracy
        default: return nil
        }
    }

    var isAccuracy: Bool { self == .accuracy || self == .validationAccuracy }
}
