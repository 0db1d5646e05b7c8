import Foundation
import TestSupport
import Testing

@testable import HiggsData

/// Inputs the `data-csv` fuzz target found (scripts/fuzz), kept as regression tests.
@Suite struct FuzzRegressionTests {
    /// A field holding control characters (the fuzzer's had a vertical tab and NULs): the
    /// message quoted them raw, so it broke over lines (and could drive the terminal). They
    /// are now escaped and the message is one line.
    @Test func controlCharactersInAFieldAreEscapedInTheMessage() throws {
        let dir = TemporaryDirectory()
        var fields = DataLoaderTests.goodRow.split(separator: ",").map(String.init)
        fields[15] = "-0.\u{0B}\0\0\u{1B}[2J\u{2028}"
        let path = try dir.write(DataLoaderTests.goodRow + "\n" + fields.joined(separator: ","), to: "HIGGS.csv")
        let error = try #require(throws: DataError.self) { try DataLoader(cacheDirectory: dir.file("cache")).load(path) }
        let expected = #"line 2, column 16 (jet 3 eta): expected a number, found "-0.\u{0B}\0\0\u{1B}[2J\u{2028}""#
        #expect(error.description == "\(path): \(expected). Fix or remove that row and run again.")
        #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
}
