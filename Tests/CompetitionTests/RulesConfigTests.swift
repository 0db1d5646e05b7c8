import Foundation
import Results
import TestSupport
import Testing

@testable import Competition

/// The `rules:` section of `leaderboard.yml`: read into `CompetitionRules`, a wrong value
/// refused in words that name the key, and `init`'s file telling every rule.
@Suite struct RulesConfigTests {
    @Test func theRulesAreRead() throws {
        let rules = try WorkspaceConfig.parse(
            "rules:\n  deadline: 2026-12-20T23:59:59Z\n  max_per_day: 3\n  final_selections: 1\n"
        ).rules
        #expect(rules.deadline == CompetitionRules.time("2026-12-20T23:59:59Z"))
        #expect(rules.maxPerDay == 3 && rules.finalSelections == 1)
        #expect(rules.isLate("2026-12-21T00:00:00Z") && !rules.isLate("2026-12-20T23:59:59Z"))
        // An offset is the same moment in UTC.
        let offset = try WorkspaceConfig.parse("rules:\n  deadline: '2026-12-21T01:00:00+02:00'\n").rules
        #expect(offset.deadline == CompetitionRules.time("2026-12-20T23:00:00Z"))
        #expect(try WorkspaceConfig.parse("title: x\n").rules == CompetitionRules())
        #expect(CompetitionRules().finalSelections == 2)
    }

    @Test(arguments: [
        ("rules:\n  deadline: next friday\n", "rules.deadline 'next friday' is not an ISO 8601 time"),
        ("rules:\n  deadline: [1]\n", "rules.deadline is not an ISO 8601 time"),
        ("rules:\n  max_per_day: 0\n", "rules.max_per_day must be a whole number of at least 1"),
        ("rules:\n  max_per_day: two\n", "rules.max_per_day must be a whole number of at least 1"),
        ("rules:\n  final_selections: 1.5\n", "rules.final_selections must be a whole number of at least 1"),
        ("rules:\n  max_per_days: 2\n", "rules.max_per_days is not a rule"),
    ])
    func aWrongRuleIsRefusedInWords(text: String, words: String) throws {
        let dir = TemporaryDirectory()
        try text.write(toFile: dir.file("leaderboard.yml"), atomically: true, encoding: .utf8)
        #expect {
            try Workspace(at: dir.path)
        } throws: { error in
            let message = "\(error)"
            return message.contains(words) && !message.contains("\n")
        }
    }

    @Test func initTellsEveryRuleAndARulesSectionAddedBelowIsTheOnlyOne() throws {
        let dir = TemporaryDirectory()
        let ws = try Workspace.create(at: dir.file("comp"))
        let path = ws.root + "/leaderboard.yml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for key in ["rules.deadline", "rules.max_per_day", "rules.final_selections"] { #expect(text.contains("# " + key)) }
        try (text + "rules:\n  max_per_day: 4\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Workspace(at: ws.root).config.rules.maxPerDay == 4)
    }
}
