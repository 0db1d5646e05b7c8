import Foundation

/// A Kaggle-style predictions file: one score per hidden-test row, for models in any
/// framework.
///
/// ```text
/// id,score
/// 0,0.8731
/// 1,0.1202
/// ```
///
/// The header is required (`id` then `score`; `prediction` or `probability` are accepted
/// for the second column, case does not matter). Ids are the 0-based row numbers of the
/// hidden test set; every id in `0..<expectedRows` must appear exactly once, in any order.
/// Scores are probabilities of signal, in 0…1 (accuracy at 0.5 and log loss read them as
/// such; a score outside is refused, naming its line). Lines may end in `\n` or `\r\n`; blank lines and spaces
/// around fields are ignored.
public struct PredictionsFile: Sendable, Equatable {
    /// The names accepted (ignoring case) for the score column.
    static let scoreColumnNames = ["score", "prediction", "probability"]

    /// The scores in id order: `scores[i]` is the score of hidden-test row `i`.
    public let scores: [Double]
    /// The score column's name as written in the header.
    let scoreColumn: String

    /// A predictions file's content.
    public init(scores: [Double], scoreColumn: String = "score") {
        self.scores = scores
        self.scoreColumn = scoreColumn
    }

    /// The largest file accepted for `expectedRows` rows under `limits`.
    public static func maxBytes(expectedRows: Int, limits: SubmissionLimits = SubmissionLimits()) -> Int {
        expectedRows.multipliedReportingOverflow(by: limits.maxPredictionsBytesPerRow).partialValue + 4096
    }

    /// Whether `data` starts like a predictions file (its first non-blank line is an
    /// `id,score` header), for telling one from other text files without reading it all.
    static func hasHeader(_ data: Data) -> Bool {
        let head = data.prefix(4096)
        return head.withUnsafeBytes { raw in
            var scanner = PredictionsScanner(raw)
            return (try? scanner.header(fail: { _ in SubmissionError(subject: "", reason: .predictions(.empty)) })) != nil
        }
    }

    /// Reads and checks the predictions file at `url`.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - expectedRows: Rows in the hidden test set (ids are `0..<expectedRows`); ≥ 1.
    ///   - displayName: How messages name the file; the last path component by default.
    ///   - limits: `maxPredictionsBytesPerRow` bounds the file's size.
    /// - Returns: The scores in id order.
    /// - Throws: `SubmissionError` naming the line that is wrong, or the ids missing.
    /// - Complexity: O(file size); about 50 ms for 500,000 rows in a release build.
    public static func read(
        from url: URL, expectedRows: Int, displayName: String? = nil, limits: SubmissionLimits = SubmissionLimits()
    ) throws(SubmissionError) -> PredictionsFile {
        let name = displayName ?? url.lastPathComponent
        let limit = maxBytes(expectedRows: expectedRows, limits: limits)
        let data = try SubmissionError.reading(
            name, { () throws(SubmissionError.FileReason) in try SubmissionRoot.file(at: url).contents(maxBytes: limit) },
            tooLarge: { .predictions(.tooLarge(bytes: $0, limit: limit)) }, unreadable: { .predictions(.unreadable(detail: $0)) })
        return try PredictionsFile(parsing: data, fileName: name, expectedRows: expectedRows, limits: limits)
    }

    /// Parses and checks a predictions file's bytes.
    ///
    /// - Parameters:
    ///   - data: The file's contents.
    ///   - fileName: How messages name the file.
    ///   - expectedRows: Rows in the hidden test set; ≥ 1.
    ///   - limits: `maxPredictionsBytesPerRow` bounds the size.
    /// - Throws: `SubmissionError` naming the line that is wrong, or the ids missing.
    public init(
        parsing data: Data, fileName: String, expectedRows: Int, limits: SubmissionLimits = SubmissionLimits()
    ) throws(SubmissionError) {
        precondition(expectedRows > 0, "expectedRows must be positive")
        func fail(_ reason: SubmissionError.PredictionsReason) -> SubmissionError {
            SubmissionError(subject: fileName, reason: .predictions(reason))
        }
        let limit = Self.maxBytes(expectedRows: expectedRows, limits: limits)
        guard data.count <= limit else { throw fail(.tooLarge(bytes: data.count, limit: limit)) }
        // withUnsafeBytes rethrows untyped errors, so the typed error travels in a Result.
        let parsed = data.withUnsafeBytes { raw -> Result<(scores: [Double], column: String), SubmissionError> in
            Result { () throws(SubmissionError) in
                var scanner = PredictionsScanner(raw)
                let column = try scanner.header(fail: fail)
                return (try scanner.rows(expectedRows: expectedRows, fail: fail), column)
            }
        }
        let (scores, column) = try parsed.get()
        self.init(scores: scores, scoreColumn: column)
    }
}
