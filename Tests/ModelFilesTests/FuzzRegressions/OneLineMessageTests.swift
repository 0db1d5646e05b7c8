import Foundation
import ModelFiles
import Results
import Testing

/// Refusals that quoted a file's bytes raw, found by the fuzz targets' check that every
/// refusal is one line without control characters.
@Suite struct OneLineMessageTests {
    /// Whether `text` holds a control character or a Unicode line/paragraph separator.
    func breaksLines(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            [.control, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
        }
    }

    /// `history` target: `{"\u` then NULs. Foundation's JSON error quotes the NULs after the
    /// `\u` escape; a history's error quotes nothing of the file, so only the place remains.
    @Test func aHistoryWhoseJSONErrorQuotesNULs() throws {
        let data = try Data(contentsOf: Fixtures.url("fuzz/history_json_escape_nuls.json"))
        let error = try #require(throws: SubmissionError.self) {
            try TrainingHistory(parsing: data, fileName: "history.json")
        }
        guard case .history(.syntax) = error.reason else {
            Issue.record("expected a JSON syntax refusal, got \(error.reason)")
            return
        }
        #expect(!error.description.contains(#"\0"#))
        #expect(error.description.hasPrefix("'history.json' is not valid JSON"))
        #expect(!breaksLines(error.description))
    }

    /// `manifest-json` target: a `\u` escape followed by a NUL inside a string.
    @Test func aManifestWhoseJSONErrorQuotesANUL() throws {
        let data = try Data(contentsOf: Fixtures.url("fuzz/manifest_json_escape_nul.json"))
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: data, fileName: "manifest.json", isJSON: true)
        }
        guard case let .manifest(.syntax(detail)) = error.reason else {
            Issue.record("expected a JSON syntax refusal, got \(error.reason)")
            return
        }
        #expect(detail.contains(#"\0"#))
        #expect(error.description.hasPrefix("'manifest.json' is not valid JSON: "))
        #expect(!breaksLines(error.description))
    }

    /// `xgboost-json` target, mutated into a LightGBM text model (`tree` first) whose header
    /// gives a key starting with a NUL twice: the key was quoted raw.
    @Test func aLightGBMHeaderKeyWithANULGivenTwice() throws {
        let data = try Data(contentsOf: Fixtures.url("fuzz/lightgbm_duplicate_key_nul.txt"))
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(data, fileName: "model.txt") }
        guard case let .damagedModel(detail, _) = error.reason else {
            Issue.record("expected a damaged-model refusal, got \(error.reason)")
            return
        }
        #expect(detail.hasPrefix(#"the header gives '\0GGGG"#))
        #expect(detail.hasSuffix("…' twice"))
        #expect(!breaksLines(error.description))
    }
}
