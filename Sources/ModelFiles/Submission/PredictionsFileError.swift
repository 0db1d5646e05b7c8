/// Why a predictions file was not accepted: one line that names the file and the line,
/// says what was found and what to submit instead.
public struct PredictionsFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, as the caller named it.
    public var file: String
    /// What was found.
    public var reason: Reason

    /// An error about `file`.
    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// What was found, with what the message needs to say. Lines are 1-based and count
    /// the header.
    public enum Reason: Equatable, Sendable {
        /// The file has no lines at all.
        case empty
        /// The first line is not `id,score`; `found` is what it is.
        case header(found: String)
        /// A row without exactly two fields.
        case columnCount(line: Int, found: Int)
        /// An id that is not a whole number ≥ 0.
        case badId(line: Int, text: String)
        /// An id outside `0..<expectedRows`.
        case idOutOfRange(line: Int, id: Int, expectedRows: Int)
        /// An id given a second time; `firstLine` is where it was first.
        case duplicateId(line: Int, id: Int, firstLine: Int)
        /// A score that is not a number.
        case notANumber(line: Int, text: String)
        /// A score that is NaN or infinite.
        case nonFiniteScore(line: Int, text: String)
        /// A finite score below 0 or above 1.
        case scoreOutOfRange(line: Int, text: String)
        /// Ids without a score: how many, and the smallest.
        case missingIds(count: Int, first: Int, expectedRows: Int)
        /// Over the size limit.
        case tooLarge(bytes: Int, limit: Int)
        /// The file could not be read at all.
        case unreadable(detail: String)
    }

    /// The one-line message.
    public var description: String {
        let name = "'\(file)'"
        let format = "a predictions file is a header line 'id,score' then one 'id,score' line per hidden-test row"
        switch reason {
        case .empty:
            return "\(name) is empty: \(format)"
        case let .header(found):
            return "\(name) starts with \(found.quotedForMessage()), not the header 'id,score': \(format) "
                + "(in pandas: df.to_csv(path, index=False) with columns id and score)"
        case let .columnCount(line, found):
            return "\(name) line \(line) has \(found) field\(found == 1 ? "" : "s"), not 2: \(format)"
        case let .badId(line, text):
            return "\(name) line \(line): id \(text.quotedForMessage(limit: 30)) is not a whole number ≥ 0: "
                + "ids are the 0-based row numbers of the hidden test set, written as integers"
        case let .idOutOfRange(line, id, expectedRows):
            return "\(name) line \(line): id \(id) is outside 0…\(expectedRows - 1): the hidden test set has "
                + "\(expectedRows) rows, numbered from 0"
        case let .duplicateId(line, id, firstLine):
            return "\(name) line \(line): id \(id) appears again (first on line \(firstLine)): give one score per id"
        case let .notANumber(line, text):
            return "\(name) line \(line): score \(text.quotedForMessage(limit: 30)) is not a number: write "
                + "scores as decimal numbers, e.g. 0.8731"
        case let .nonFiniteScore(line, text):
            return "\(name) line \(line): score \(text.quotedForMessage(limit: 30)) is not finite: every row "
                + "needs a finite score (check the model for NaN outputs)"
        case let .scoreOutOfRange(line, text):
            return "\(name) line \(line): score \(text.quotedForMessage(limit: 30)) is outside 0…1: every score is "
                + "the probability of signal, from 0 to 1 (apply a sigmoid to raw outputs)"
        case let .missingIds(count, first, expectedRows):
            return "\(name) has no score for \(count) of the \(expectedRows) ids (the first is id \(first)): "
                + "give one score for every hidden-test row, ids 0…\(expectedRows - 1)"
        case let .tooLarge(bytes, limit):
            return "\(name) is \(bytes) bytes, more than the \(limit) a predictions file for this test set may "
                + "have (\(Limit.maxPredictionsBytesPerRow.settingName), per row): write only the id and score columns"
        case let .unreadable(detail):
            return "\(name) could not be read: \(detail)"
        }
    }
}
