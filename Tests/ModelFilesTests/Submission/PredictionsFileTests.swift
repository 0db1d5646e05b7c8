import Foundation
import TestSupport
import Testing

@testable import ModelFiles

@Suite("Predictions file")
struct PredictionsFileTests {
    @Test("any id order, CRLF, blank lines, exponents, -0")
    func fixture() throws {
        let file = try PredictionsFile.read(from: SubmissionFixtures.url("predictions_crlf.csv"), expectedRows: 5)
        #expect(file.scores == [0.9, 0.12345678901234567, -0.0, 0.25, 1e-3])
        #expect(file.scoreColumn == "score")
    }

    @Test(
        "accepted headers",
        arguments: [
            "id,score", "ID,Score", "id,prediction", "id,probability", "\"id\",\"score\"", " id , score ", "\u{FEFF}id,score",
        ])
    func headers(header: String) throws {
        let file = try PredictionsFile(parsing: .text("\(header)\n0,0.5\n1,0.25"), fileName: "p.csv", expectedRows: 2)
        #expect(file.scores == [0.5, 0.25])
        #expect(PredictionsFile.hasHeader(.text("\(header)\n0,0.5")))
    }

    @Test("hasHeader is false for other text")
    func notPredictions() {
        #expect(!PredictionsFile.hasHeader(.text("0,0.5\n1,0.2\n")))
        #expect(!PredictionsFile.hasHeader(.text("{\"learner\": {}}")))
        #expect(!PredictionsFile.hasHeader(Data()))
    }

    @Test(
        "invalid files refused, naming the line",
        arguments: [
            ("", SubmissionError.PredictionsReason.empty, "empty"),
            ("\n \r\n", .empty, "empty"),
            ("0,0.5\n1,0.5\n2,0.5\n", .header(found: "0,0.5"), "not the header 'id,score'"),
            (",id,score\n0,0,0.5\n", .header(found: ",id,score"), "index=False"),
            ("id,label\n0,1\n", .header(found: "id,label"), "id,score"),
            ("id,score\n0,0.5\n1\n2,0.5\n", .columnCount(line: 3, found: 1), "line 3 has 1 field,"),
            ("id,score\n0,0.5,1\n", .columnCount(line: 2, found: 3), "not 2"),
            ("id,score\n0,0.5\n1.0,0.5\n", .badId(line: 3, text: "1.0"), "whole number"),
            ("id,score\n-1,0.5\n", .badId(line: 2, text: "-1"), "whole number"),
            ("id,score\n,0.5\n", .badId(line: 2, text: ""), "whole number"),
            ("id,score\n0,0.5\n3,0.5\n", .idOutOfRange(line: 3, id: 3, expectedRows: 3), "outside 0…2"),
            ("id,score\n0,0.5\n99999999999999999999,0.5\n", .badId(line: 3, text: "99999999999999999999"), "line 3"),
            ("id,score\n0,0.5\n1,0.5\n\n0,0.7\n", .duplicateId(line: 5, id: 0, firstLine: 2), "first on line 2"),
            ("id,score\n0,0.5\n1,abc\n", .notANumber(line: 3, text: "abc"), "not a number"),
            ("id,score\n0,0.5\n1,\n", .notANumber(line: 3, text: ""), "not a number"),
            ("id,score\n0,0.5\n1,0x1p3\n", .notANumber(line: 3, text: "0x1p3"), "not a number"),
            ("id,score\n0,0.5\n1,1.2.3\n", .notANumber(line: 3, text: "1.2.3"), "line 3"),
            ("id,score\n0,0.5\n1,1e\n", .notANumber(line: 3, text: "1e"), "line 3"),
            ("id,score\n0,nan\n", .nonFiniteScore(line: 2, text: "nan"), "not finite"),
            ("id,score\n0,-inf\n", .nonFiniteScore(line: 2, text: "-inf"), "not finite"),
            ("id,score\n0,1e400\n", .nonFiniteScore(line: 2, text: "1e400"), "not finite"),
            ("id,score\n0,0.5\n1,-0.5\n", .scoreOutOfRange(line: 3, text: "-0.5"), "outside 0…1"),
            ("id,score\n0,1.0000001\n", .scoreOutOfRange(line: 2, text: "1.0000001"), "probability of signal"),
            ("id,score\n0,0.5\n1,17.3\n", .scoreOutOfRange(line: 3, text: "17.3"), "sigmoid"),
            ("id,score\n0,-1e-300\n", .scoreOutOfRange(line: 2, text: "-1e-300"), "outside 0…1"),
            ("id,score\n1,0.5\n", .missingIds(count: 2, first: 0, expectedRows: 3), "2 of the 3 ids (the first is id 0)"),
            ("id,score\n0,0.5\n2,0.5\n", .missingIds(count: 1, first: 1, expectedRows: 3), "first is id 1"),
        ])
    func invalid(text: String, reason: SubmissionError.PredictionsReason, phrase: String) throws {
        let error = try #require(throws: SubmissionError.self) {
            try PredictionsFile(parsing: .text(text), fileName: "team/predictions.csv", expectedRows: 3)
        }
        #expect(error.reason == .predictions(reason))
        #expect(error.description.hasPrefix("'team/predictions.csv'"))
        #expect(error.description.contains(phrase), "\(error.description)")
        #expect(!error.description.contains("\n"))
    }

    @Test("the size limit follows the expected rows")
    func sizeLimit() throws {
        let limits = SubmissionLimits(maxPredictionsBytesPerRow: 1)
        let limit = PredictionsFile.maxBytes(expectedRows: 2, limits: limits)
        #expect(limit == 4098)
        let padded = "id,score\n0,0.5\n1,0.5\n" + String(repeating: " ", count: limit)
        let error = try #require(throws: SubmissionError.self) {
            try PredictionsFile(parsing: .text(padded), fileName: "p.csv", expectedRows: 2, limits: limits)
        }
        #expect(error.reason == .predictions(.tooLarge(bytes: padded.utf8.count, limit: limit)))
        let folder = TemporaryDirectory("predictions")
        let path = try folder.write(padded, to: "p.csv")
        let file = try #require(throws: SubmissionError.self) {
            try PredictionsFile.read(from: URL(fileURLWithPath: path), expectedRows: 2, limits: limits)
        }
        #expect(file.description.contains("bytes, more than the 4098"))
    }

    @Test("a missing file")
    func missing() throws {
        let error = try #require(throws: SubmissionError.self) {
            try PredictionsFile.read(from: SubmissionFixtures.folder.appendingPathComponent("missing.csv"), expectedRows: 1)
        }
        #expect(error.description.contains("could not be read"))
    }

    @Test("many shuffled rows: each score equals Double(text)")
    func manyRows() throws {
        var generator = SeededGenerator(seed: 42)
        let rows = 20_000
        let expected = (0..<rows).map { _ in Double(Float.random(in: 0..<1, using: &generator)) }
        var text = "id,score\n"
        for id in Array(0..<rows).shuffled(using: &generator) { text += "\(id),\(expected[id])\n" }
        let file = try PredictionsFile(parsing: .text(text), fileName: "p.csv", expectedRows: rows)
        #expect(file.scores == expected)
    }

    /// The fast path must agree with the standard library's conversion bit for bit.
    @Test("ExactDecimal's fast path equals Double(_:)")
    func exactDecimal() {
        var generator = SeededGenerator(seed: 7)
        var texts = [
            "0", "-0", "+1", "1.", ".5", "00.0500", "1e5", "1E-5", "123456789012345678901234", "9007199254740993",
            "0.1", "0.30000000000000004", "1e22", "1e23", "4.9e-324", "1.7976931348623157e308", "2.2250738585072014e-308",
        ]
        for _ in 0..<20_000 {
            let value = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -30...30, using: &generator)))
            texts.append("\(value)")
            texts.append(String(format: "%.6f", value))
            texts.append(String(format: "%.15g", value))
            texts.append(String(format: "%.3e", value))
        }
        var mismatches: [String] = []
        for text in texts {
            let parsed = Array(text.utf8).withUnsafeBytes { ExactDecimal.parse($0) }
            let reference = Double(text)
            if parsed?.bitPattern != reference?.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "differs from Double(_:) on \(mismatches.prefix(5))")
    }
}
