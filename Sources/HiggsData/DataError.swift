/// Why a data set could not be read, written or split; its description is one line that
/// names the file, the place and what to do.
public struct DataError: Error, CustomStringConvertible, Equatable {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// What is wrong with one row of a CSV file.
        public enum RowProblem: String, Equatable, Sendable {
            case notANumber, notFinite, badLabel, wrongFieldCount, blankLine
        }
        /// A bad row: 1-based line and column (0 = the whole line), the text found there.
        case badRow(line: Int, column: Int, found: String, problem: RowProblem)
        /// The file could not be opened or read.
        case unreadable(String)
        /// The path names something other than a regular file (a FIFO, a device, a folder,
        /// a socket), which is refused rather than read or waited on.
        case notARegularFile(String)
        /// The gzip stream is damaged or truncated.
        case badGzip(String)
        /// The file holds no rows.
        case empty
        /// The cache could not be written.
        case cacheUnwritable(String)
        /// The split settings do not fit the data.
        case badSplit(String)
    }

    /// The file concerned.
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// Creates an error about `path`.
    init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// One line: file, place, what was found, what to do.
    public var description: String {
        switch reason {
        case let .badRow(line, column, found, problem):
            let place =
                column == 0
                ? "line \(line)"
                : "line \(line), column \(column) (\(Self.columnName(column)))"
            let what: String
            switch problem {
            case .notANumber: what = "expected a number, found \(Self.quoted(found))"
            case .notFinite: what = "found \(Self.quoted(found)); NaN and infinity are not allowed"
            case .badLabel: what = "the label must be 0 or 1, found \(Self.quoted(found))"
            case .wrongFieldCount:
                what = "expected \(FeatureSchema.columnCount) comma-separated values (label + 28 features), found \(found)"
            case .blankLine: what = "blank line inside the data"
            }
            return "\(path): \(place): \(what). Fix or remove that row and run again."
        case let .unreadable(why):
            return "\(path): cannot read the file (\(why)). Check the path and its permissions."
        case let .notARegularFile(kind):
            return "\(path): is \(kind), not a regular file. Give the path of a HIGGS.csv or HIGGS.csv.gz file."
        case let .badGzip(why):
            return "\(path): the gzip stream is damaged (\(why)). Download the file again and check its sha256."
        case .empty:
            return "\(path): the file holds no rows. Give a HIGGS.csv-style file: label, then 28 features per line."
        case let .cacheUnwritable(why):
            return "\(path): cannot write the data cache (\(why)). Set LEADERBOARD_CACHE to a writable folder."
        case let .badSplit(why):
            return "\(path): \(why)"
        }
    }

    static func columnName(_ column: Int) -> String {
        column == 1 ? "label" : FeatureSchema.names[column - 2]
    }

    /// `text` in quotes, with control characters and line breaks escaped (`\u{0B}`) so the
    /// message stays one line whatever bytes the file holds.
    static func quoted(_ text: String) -> String {
        guard !text.isEmpty else { return "an empty field" }
        var shown = ""
        for scalar in text.unicodeScalars {
            let breaksLine = scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
            shown += breaksLine ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return "\"\(shown)\""
    }
}
