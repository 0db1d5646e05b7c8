import Foundation

/// A history file's columns as text, before the values are checked: the same shape for CSV
/// and JSON, so that one routine interprets both.
struct HistoryColumns {
    /// One column: its values as written, and for CSV the 1-based line of each.
    struct Column {
        var texts: [String] = []
        var lines: [Int]?
    }

    /// The columns in file order (CSV) or sorted by key (JSON).
    var columns: [(name: String, column: Column)]
    /// Number of rows (epochs).
    var rowCount: Int

    typealias Fail = (SubmissionError.HistoryReason) -> SubmissionError

    /// A value's number: `.some(nil)` for the spellings of a missing or non-finite point
    /// (`nan`, `inf`, `NA`, an empty field, JSON `null`), `nil` when it is not a number.
    static func number(_ raw: String) -> Double?? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch text.lowercased() {
        case "", "na", "nan", "-nan", "null", "none", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity":
            return .some(nil)
        default:
            guard let value = Double(text) else { return nil }
            return .some(value.isFinite ? value : nil)
        }
    }

    /// Columns of a CSV with a header line; the separator is the first of `,` `;` tab
    /// found in the header (CSVLogger's `separator` argument).
    static func csv(_ text: String, fail: Fail, maxEpochs: Int) throws(SubmissionError) -> HistoryColumns {
        var header: [String]?
        var separator: Character = ","
        var columns: [Column] = []
        var rows = 0
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so split on both spellings of a line end.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let names = header else {
                separator = [",", ";", "\t"].first { line.contains($0) } ?? ","
                let names = fields(line, separator: separator)
                header = names
                columns = Array(repeating: Column(lines: []), count: names.count)
                continue
            }
            let values = fields(line, separator: separator)
            guard values.count == names.count else {
                throw fail(.columnCount(line: lineNumber, expected: names.count, found: values.count))
            }
            rows += 1
            if rows > maxEpochs { throw fail(.tooManyEpochs(limit: maxEpochs)) }
            for (i, value) in values.enumerated() {
                columns[i].texts.append(value)
                columns[i].lines?.append(lineNumber)
            }
        }
        guard let header else { throw fail(.noEpochs) }
        return HistoryColumns(columns: Array(zip(header, columns)).map { ($0.0, $0.1) }, rowCount: rows)
    }

    private static func fields(_ line: Substring, separator: Character) -> [String] {
        line.split(separator: separator, omittingEmptySubsequences: false).map { field in
            var value = field.trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
    }

    /// Columns of a JSON object of arrays (`json.dump(history.history, f)`), or of objects
    /// keyed by row number (pandas' `DataFrame.to_json()`). Python's `NaN` and `Infinity`
    /// literals are accepted, since `json.dump` writes them.
    static func json(_ text: String, fail: Fail, maxEpochs: Int) throws(SubmissionError) -> HistoryColumns {
        let root: JSONValue
        do {
            root = try JSONValue.decode(text, allowsJSON5: true)
        } catch {
            // Only where: the parser's words may quote the file.
            let place = error.detail.firstMatch(of: /^line \d+, column \d+/).map { String($0.output) }
            throw fail(.syntax(place: place))
        }
        guard case let .object(members) = root else { throw fail(.notAnObjectOfArrays(found: root.typeName)) }
        var columns: [(name: String, column: Column)] = []
        var length: Int?
        var lengthKey = ""
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            let items: [JSONValue]
            switch value {
            case let .array(list): items = list
            case let .object(rows):
                // pandas writes {"0": v0, "1": v1, …}; order by the row number.
                var numbered: [(Int, JSONValue)] = []
                for (row, item) in rows {
                    guard let index = Int(row) else {
                        throw fail(.notAnObjectOfArrays(found: "an object keyed by something other than row numbers"))
                    }
                    numbered.append((index, item))
                }
                items = numbered.sorted { $0.0 < $1.0 }.map(\.1)
            default:
                throw fail(.notAnObjectOfArrays(found: "a key holding \(value.typeName)"))
            }
            if items.count > maxEpochs { throw fail(.tooManyEpochs(limit: maxEpochs)) }
            // Only the series that are read must agree in length; other keys are ignored.
            let isRead = key.lowercased() == "epoch" || HistorySeries(columnName: key.lowercased()) != nil
            if isRead {
                if let length, items.count != length {
                    throw fail(
                        .lengthMismatch(
                            key: (items.count > length ? key : lengthKey).lowercased(),
                            expected: min(length, items.count), found: max(length, items.count)))
                }
                length = items.count
                lengthKey = key
            }
            var column = Column()
            for (i, item) in items.enumerated() {
                switch item {
                case .null: column.texts.append("")
                case let .number(value):
                    // Whole numbers as integers, so that an epoch 5.0 reads as epoch 5.
                    if let whole = item.integer {
                        column.texts.append("\(whole)")
                    } else {
                        column.texts.append(value.isFinite ? "\(value)" : "nan")
                    }
                case let .string(text): column.texts.append(text)
                default:
                    if isRead { throw fail(.notANumber(column: key.lowercased(), line: nil, index: i)) }
                }
            }
            columns.append((key, column))
        }
        return HistoryColumns(columns: columns, rowCount: length ?? 0)
    }
}
