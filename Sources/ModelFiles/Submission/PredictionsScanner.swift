/// The byte-level parser behind `PredictionsFile`: walks the file's bytes once, without
/// making a `String` per line, keeping the unsafe buffer inside this small type.
///
/// Ids are parsed by hand; a score's bytes are checked to be a plain decimal number
/// (`[+-]digits[.digits][e[+-]digits]`) and then converted by `exactDecimal`, whose fast
/// path covers the common short numbers and falls back to the standard library for the
/// rest (see there).
struct PredictionsScanner {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private var line = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        // A UTF-8 byte-order mark, as Excel writes.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    private static let newline = UInt8(ascii: "\n"), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: "\"")

    /// The next non-blank line as a range of `bytes` without its line ending; `nil` at the
    /// end. Advances `line`.
    private mutating func nextLine() -> Range<Int>? {
        while position < bytes.count {
            line += 1
            let start = position
            var end = start
            while end < bytes.count && bytes[end] != Self.newline { end += 1 }
            position = end + 1
            var trimmedEnd = end
            while trimmedEnd > start && Self.isBlank(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
            var trimmedStart = start
            while trimmedStart < trimmedEnd && Self.isBlank(bytes[trimmedStart]) { trimmedStart += 1 }
            if trimmedStart < trimmedEnd { return trimmedStart..<trimmedEnd }
        }
        return nil
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == cr }

    /// The line's fields, split at commas and trimmed.
    private func fields(_ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where bytes[i] == Self.comma {
            result.append(trim(start..<i))
            start = i + 1
        }
        result.append(trim(start..<range.upperBound))
        return result
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && Self.isBlank(bytes[lower]) { lower += 1 }
        while upper > lower && Self.isBlank(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Reads the header line and returns the score column's name.
    mutating func header(fail: (SubmissionError.PredictionsReason) -> SubmissionError) throws(SubmissionError) -> String {
        guard let range = nextLine() else { throw fail(.empty) }
        let names = fields(range).map { field -> String in
            var name = text(field)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            return name
        }
        guard names.count == 2, names[0].lowercased() == "id",
            PredictionsFile.scoreColumnNames.contains(names[1].lowercased())
        else {
            throw fail(.header(found: text(range)))
        }
        return names[1]
    }

    /// Reads every row after the header; returns the scores in id order.
    mutating func rows(
        expectedRows: Int, fail: (SubmissionError.PredictionsReason) -> SubmissionError
    ) throws(SubmissionError) -> [Double] {
        var scores = [Double](repeating: 0, count: expectedRows)
        // The line each id was seen on (0: not yet), for naming both lines of a duplicate.
        var seenOnLine = [Int32](repeating: 0, count: expectedRows)
        while let range = nextLine() {
            // One comma, found by hand: this loop runs 500,000 times.
            var comma = -1
            var commas = 0
            for i in range where bytes[i] == Self.comma {
                if comma < 0 { comma = i }
                commas += 1
            }
            guard commas == 1 else { throw fail(.columnCount(line: line, found: commas + 1)) }
            let idRange = trim(range.lowerBound..<comma)
            let scoreRange = trim(comma + 1..<range.upperBound)
            guard let id = parseId(idRange) else { throw fail(.badId(line: line, text: text(idRange))) }
            guard id < expectedRows else {
                throw fail(.idOutOfRange(line: line, id: id, expectedRows: expectedRows))
            }
            if seenOnLine[id] != 0 {
                throw fail(.duplicateId(line: line, id: id, firstLine: Int(seenOnLine[id])))
            }
            guard let score = parseScore(scoreRange) else {
                let written = text(scoreRange)
                if Self.nonFiniteWords.contains(written.lowercased()) {
                    throw fail(.nonFiniteScore(line: line, text: written))
                }
                throw fail(.notANumber(line: line, text: written))
            }
            guard score.isFinite else { throw fail(.nonFiniteScore(line: line, text: text(scoreRange))) }
            guard score >= 0, score <= 1 else { throw fail(.scoreOutOfRange(line: line, text: text(scoreRange))) }
            scores[id] = score
            seenOnLine[id] = Int32(clamping: line)
        }
        var missing = 0
        var firstMissing = -1
        for id in 0..<expectedRows where seenOnLine[id] == 0 {
            if firstMissing < 0 { firstMissing = id }
            missing += 1
        }
        if missing > 0 { throw fail(.missingIds(count: missing, first: firstMissing, expectedRows: expectedRows)) }
        return scores
    }

    private static let nonFiniteWords: Set<String> = [
        "nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity",
    ]

    /// A whole number of at most 18 digits, or `nil`.
    private func parseId(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for i in range {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// The score in `range` if it is a plain decimal number; `nil` otherwise.
    private func parseScore(_ range: Range<Int>) -> Double? {
        guard !range.isEmpty, range.count <= 64 else { return nil }
        return ExactDecimal.parse(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }
}
