/// Why a training history was not read: one line that names the file, says what was found
/// and what to submit instead. It never quotes the file: a history is not the model or the
/// manifest, and its bytes must not reach a recorded failure (or the site) through an error.
/// Column names are those the reader knows (`loss`, `val_accuracy`…), places are line and
/// value numbers.
public struct TrainingHistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The history file, as the caller named it.
    public var file: String
    /// What was found.
    public var reason: Reason

    /// An error about `file`.
    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// What was found, with what the message needs to say.
    public enum Reason: Equatable, Sendable {
        /// Not UTF-8 text.
        case notText
        /// JSON that does not parse; `place` is where (`line 3, column 7`), if known.
        case syntax(place: String?)
        /// JSON whose top level is not an object of arrays; `found` says what it is, in the
        /// reader's words.
        case notAnObjectOfArrays(found: String)
        /// No header line, or no rows/values at all.
        case noEpochs
        /// None of `loss`, `accuracy`, `val_loss`, `val_accuracy` (or their Keras 2 names);
        /// `columnCount` counts the columns or keys there are.
        case noKnownSeries(columnCount: Int)
        /// Two columns mean the same series (`acc` and `accuracy`).
        case duplicateSeries(first: String, second: String)
        /// A CSV row with the wrong number of fields (`line` is 1-based).
        case columnCount(line: Int, expected: Int, found: Int)
        /// A JSON series whose length differs from the others.
        case lengthMismatch(key: String, expected: Int, found: Int)
        /// A value that is not a number; `line` for CSV, `nil` for JSON (`index` is then the
        /// 0-based position in `column`'s array).
        case notANumber(column: String, line: Int?, index: Int)
        /// An accuracy outside 0…1.
        case accuracyOutOfRange(column: String, index: Int)
        /// An `epoch` value that is not a whole number ≥ 0.
        case badEpoch(line: Int?, index: Int)
        /// More epochs than allowed.
        case tooManyEpochs(limit: Int)
        /// Over the size limit in bytes.
        case tooLarge(bytes: Int, limit: Int)
        /// The file could not be read at all.
        case unreadable(detail: String)
    }

    /// The one-line message.
    public var description: String {
        let name = "'\(file)'"
        let expected = "write it with keras.callbacks.CSVLogger('history.csv') or json.dump(history.history, f)"
        switch reason {
        case .notText:
            return "\(name) is not UTF-8 text: \(expected)"
        case let .syntax(place):
            return "\(name) is not valid JSON" + (place.map { " (\($0))" } ?? "") + ": \(expected)"
        case let .notAnObjectOfArrays(found):
            return "\(name) holds \(found), not an object of per-epoch arrays: \(expected)"
        case .noEpochs:
            return "\(name) has no epochs: a CSV history needs a header line and one row per epoch; \(expected)"
        case let .noKnownSeries(count):
            return "\(name) has none of loss, accuracy, val_loss, val_accuracy (found \(count) other column"
                + (count == 1 ? "" : "s") + "): compile the model "
                + "with metrics=['accuracy'] and \(expected)"
        case let .duplicateSeries(first, second):
            return "\(name) has both '\(first)' and '\(second)', which mean the same series: keep one"
        case let .columnCount(line, expected, found):
            return "\(name) line \(line) has \(found) fields where the header has \(expected): every row needs "
                + "one value per column"
        case let .lengthMismatch(key, expected, found):
            return "\(name): '\(key)' has \(found) values where the other series have \(expected): every "
                + "series needs one value per epoch"
        case let .notANumber(column, line, index):
            let place = line.map { "line \($0)" } ?? "value \(index + 1)"
            return "\(name) \(place): '\(column)' is not a number "
                + "(nan, inf and NA are read as missing points)"
        case let .accuracyOutOfRange(column, index):
            return "\(name): '\(column)' at epoch \(index + 1) is outside 0…1: log accuracy as a "
                + "fraction, as Keras does"
        case let .badEpoch(line, index):
            let place = line.map { "line \($0)" } ?? "value \(index + 1)"
            return "\(name) \(place): the epoch is not a whole number ≥ 0"
        case let .tooManyEpochs(limit):
            return "\(name) has more than \(limit) epochs (\(Limit.maxHistoryEpochs.settingName)): submit the history of the run that made the model"
        case let .tooLarge(bytes, limit):
            return "\(name) is \(bytes) bytes, more than the \(limit) a training history may have "
                + "(\(Limit.maxHistoryBytes.settingName)): submit "
                + "the history of the run that made the model"
        case let .unreadable(detail):
            return "\(name) could not be read: \(detail)"
        }
    }
}
