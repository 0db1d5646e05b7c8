import Foundation
import Results
import Scoring
import TestSupport
import Testing

/// Another team's hand reaching a team's versions: what a participant can drop beside a team's
/// folder, scored through the real `ScoreRun` on the example model files.
extension VersionsTests {
    @Test func aTopLevelFileNamedLikeAFolderIsNotAVersionOfThatFolderTeam() throws {
        let rules = CompetitionRules(maxPerDay: 1)
        try put("xgboost-trees", as: "alpha", manifest: "final: true")
        try score(rules, at: Self.time(1, 10))
        // Another team drops a predictions file whose name without extension is alpha's folder.
        try FileManager.default.copyItem(
            atPath: SharedFixtures.exampleSubmissions + "/kaggle-style/predictions.csv",
            toPath: workspace.submissionsPath + "/alpha.csv")
        try put("lightgbm-trees", as: "alpha", manifest: "final: true")
        let outcomes = try score(rules, at: Self.time(2, 10))
        #expect(outcomes["submissions/alpha"]?.status == .scored, "alpha's own version keeps its daily place")
        #expect(outcomes["submissions/alpha.csv"]?.status == .failed)
        #expect(outcomes["submissions/alpha.csv"]?.entry?.failure?.contains("alpha/") == true, "the refusal names the folder")
        let teams = try standings(rules).teams
        let alpha = try #require(teams.first { $0.key == "alpha" })
        #expect(alpha.versions.count == 2, "only the folder's own versions")
        #expect(alpha.versions.allSatisfy { $0.entry.entry.path == "submissions/alpha" })
    }
}
