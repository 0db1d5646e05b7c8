#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses a block of whole HIGGS.csv lines into labels and the row-major feature matrix,
/// twice: as written (float64, correctly rounded) and as float models read it (float32, that
/// double rounded once more), noting whether the two agree on every value of the block.
///
/// A block never splits a line (see `LineBlockReader`). Blank lines are an error except
/// at the very end of the file; `\r\n` line ends are accepted.
struct RowParser {
    /// Where and why a line is not a HIGGS row; the loader adds the file and line number.
    struct Problem: Error, Equatable {
        /// 0-based line index within the block.
        var lineInBlock: Int
        /// 1-based CSV column (1 is the label, 2…29 the features), or 0 for the whole line.
        var column: Int
        /// The offending text, shortened.
        var found: String
        /// What was wrong.
        var kind: DataError.Reason.RowProblem
    }

    /// Counts lines in `text`: line feeds, plus one for a last line without one.
    static func countLines(_ text: UnsafeRawBufferPointer) -> Int {
        guard let base = text.baseAddress, text.count > 0 else { return 0 }
        var count = 0
        var p = base
        let end = base + text.count
        while p < end, let hit = memchr(p, 0x0A, end - p) {
            count += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return p < end ? count + 1 : count
    }

    /// Parses every line of `text` into `labels[0..<n]`, `features[0..<n*28]` and
    /// `values[0..<n*28]`.
    ///
    /// - Parameters:
    ///   - allowTrailingBlank: whether this block ends the file, where blank lines are ignored.
    /// - Returns: the number of rows written, and whether every value is a float32
    ///   (`Double(features[i]) == values[i]`).
    /// - Throws: `Problem` for the first bad line.
    static func parse(
        _ text: UnsafeRawBufferPointer,
        labels: UnsafeMutablePointer<UInt8>,
        features: UnsafeMutablePointer<Float>,
        values: UnsafeMutablePointer<Double>,
        capacity: Int,
        allowTrailingBlank: Bool
    ) throws(Problem) -> (rows: Int, float32Exact: Bool) {
        guard let raw = text.baseAddress, text.count > 0 else { return (0, true) }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let end = base + text.count
        var p = base
        var row = 0
        var float32Exact = true
        let columns = FeatureSchema.columnCount
        while p < end {
            let lineStart = p
            if p.pointee == 0x0A || (p.pointee == 0x0D && p + 1 < end && p[1] == 0x0A) {
                if allowTrailingBlank, onlyBlankLinesRemain(p, end) { break }
                throw Problem(lineInBlock: row, column: 0, found: "", kind: .blankLine)
            }
            precondition(row < capacity, "row capacity of the block was computed from its line count")
            let out = features + row * FeatureSchema.featureCount
            let exact = values + row * FeatureSchema.featureCount
            for column in 0..<columns {
                switch DecimalParser.parse(p, end) {
                case .success(let (value, next)):
                    if column == 0 {
                        guard value == 0 || value == 1 else {
                            throw Problem(lineInBlock: row, column: 1, found: fieldText(p, end), kind: .badLabel)
                        }
                        labels[row] = value == 1 ? 1 : 0
                    } else {
                        let single = Float(value)
                        out[column - 1] = single
                        exact[column - 1] = value
                        float32Exact = float32Exact && Double(single) == value
                    }
                    p = next
                case .failure(let failure):
                    throw Problem(
                        lineInBlock: row, column: column + 1, found: fieldText(p, end),
                        kind: failure == .notFinite ? .notFinite : .notANumber)
                }
                let isLast = column == columns - 1
                if p < end, p.pointee == UInt8(ascii: ",") {
                    if isLast {
                        throw Problem(
                            lineInBlock: row, column: 0, found: fieldCount(lineStart, end),
                            kind: .wrongFieldCount)
                    }
                    p += 1
                } else if !isLast {
                    throw Problem(
                        lineInBlock: row, column: 0, found: fieldCount(lineStart, end),
                        kind: .wrongFieldCount)
                }
            }
            if p < end, p.pointee == 0x0D { p += 1 }
            if p < end {
                guard p.pointee == 0x0A else {
                    throw Problem(lineInBlock: row, column: columns, found: fieldText(p, end), kind: .notANumber)
                }
                p += 1
            }
            row += 1
        }
        return (row, float32Exact)
    }

    private static func onlyBlankLinesRemain(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        var p = start
        while p < end {
            guard p.pointee == 0x0A || p.pointee == 0x0D else { return false }
            p += 1
        }
        return true
    }

    /// The field at `p`, up to its terminator, at most 40 characters.
    private static func fieldText(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> String {
        var q = p
        while q < end, !DecimalParser.isTerminator(q.pointee), q - p < 40 { q += 1 }
        return String(decoding: UnsafeBufferPointer(start: p, count: q - p), as: UTF8.self)
    }

    /// "N fields" for the line at `start`.
    private static func fieldCount(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> String {
        var q = start
        var commas = 0
        while q < end, q.pointee != 0x0A {
            if q.pointee == UInt8(ascii: ",") { commas += 1 }
            q += 1
        }
        return "\(commas + 1) fields"
    }
}
