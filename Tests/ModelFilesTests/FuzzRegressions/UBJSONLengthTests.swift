import Foundation
import ModelFiles
import Testing

/// A UBJSON string whose length fits the bytes left *before* its length field but not after
/// it: `{`, `L` + an 8-byte key length of 7, then only 3 bytes. The reader checked the length
/// against the bytes left before reading the length's own 9 bytes, then sliced past the end
/// ("Array index is out of range"), found by the `xgboost-ubj` target.
@Suite struct UBJSONLengthTests {
    @Test func aKeyLongerThanTheBytesLeftIsRefused() throws {
        let data = try Data(contentsOf: Fixtures.url("fuzz/ubjson_string_past_end.ubj"))
        #expect(data == Data([0x7B, 0x4C, 0, 0, 0, 0, 0, 0, 0, 7]) + Data("le{".utf8))
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(data, fileName: "model.ubj") }
        guard case let .damagedModel(detail, _) = error.reason else {
            Issue.record("expected a damaged-model refusal, got \(error.reason)")
            return
        }
        #expect(detail.hasPrefix("UBJSON at byte 10: a string length of 7, more than the 3 the rest of the file can hold"))
        #expect(!error.description.contains("\n"))
    }

    @Test func aKeyThatExactlyFitsIsRead() throws {
        // The same key with all 7 bytes present: the structure is read (and refused later as
        // not an XGBoost model, not as damaged UBJSON).
        let data = Data([0x7B, 0x4C, 0, 0, 0, 0, 0, 0, 0, 7]) + Data("learner".utf8) + Data("Z}".utf8)
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(data, fileName: "model.ubj") }
        #expect(!error.description.contains("UBJSON at byte"), "\(error.description)")
    }
}
