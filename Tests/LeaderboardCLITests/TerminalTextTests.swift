import Foundation
import Testing

@testable import LeaderboardCLI

/// Participant text made harmless for the organizer's terminal.
@Suite struct TerminalTextTests {
    @Test func everyControlATerminalActsOnIsWrittenVisibly() {
        #expect(
            TerminalText.escaped("a\u{1B}[2Kb\u{07}c\u{7F}d\u{9B}e\u{202E}f\ng\th")
                == "a\\u{1B}[2Kb\\u{7}c\\u{7F}d\\u{9B}e\\u{202E}f\\u{A}g\\u{9}h")
        #expect(TerminalText.escaped("line one\nline two\tend", keepingLines: true) == "line one\nline two\tend")
        #expect(TerminalText.escaped("Ünïcödé team ✓ 日本") == "Ünïcödé team ✓ 日本")
    }

    @Test func jsonStaysValidAndDecodesToTheSameString() throws {
        let original = "t\u{1B}]52;c;aGk=\u{07}\u{85}\u{2066}x"
        let json = try Formatting.json(["team": original])
        #expect(!json.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x85 || $0.value == 0x2066 })
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded?["team"] == original)
    }

    @Test func scoreTableColumnsAreEscapedBeforeTheyArePadded() {
        let padded = ScoreTable.pad("\u{1B}[2Kteam", 20)
        #expect(padded == "\\u{1B}[2Kteam" + String(repeating: " ", count: 7))
    }
}
