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

extension VersionsTests {
    @Test func aFolderNamedLikeAnotherInAnotherUnicodeFormIsAnotherTeam() throws {
        // "café" precomposed, as most systems write it, and decomposed (e + U+0301): two
        // folders on Linux, equal as Swift compares strings.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        try put("xgboost-trees", as: composed, manifest: "final: true")
        try score(at: Self.time(1, 10))
        try put("lightgbm-trees", as: decomposed, manifest: "final: true")
        try score(at: Self.time(1, 11))
        let teams = try standings().teams
        #expect(teams.count == 2, "the second folder's selection must not replace the first team's")
        let first = try #require(teams.first)
        #expect(Array(first.key.utf8) == Array(composed.utf8))
        #expect(first.versions.count == 1)
        #expect(first.finalChoices.map { Array($0.entry.entry.path.utf8) } == [Array(("submissions/" + composed).utf8)])
    }
}

extension VersionsTests {
    /// A team that fixes its notebook beside an unchanged model hands in a new version (before,
    /// it was skipped as unchanged and its page kept the old notebook for good).
    @Test
    func aChangedNotebookBesideAnUnchangedModelIsRecorded() throws {
        try put("xgboost-trees", as: "omega")
        let notebook = workspace.submissionsPath + "/omega/analysis.ipynb"
        try #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "metadata": {}, "source": "v1"}]}"#
            .write(toFile: notebook, atomically: true, encoding: .utf8)
        try score(at: Self.time(1, 10))
        try #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "metadata": {}, "source": "v2"}]}"#
            .write(toFile: notebook, atomically: true, encoding: .utf8)
        let outcome = try #require(try score(at: Self.time(2, 10))["submissions/omega"])
        #expect(outcome.status == .scored, "the notebook the team handed in is what its page shows")
        let versions = try #require(try standings().teams.first { $0.key == "omega" }).versions
        #expect(versions.count == 2)
        let ids = versions.compactMap(\.entry.entry.id)
        let shown = try ids.map { id in
            try session.database.deliverables(entryID: id)?.notebooks.first?.notebook?.cells.first
        }
        #expect(shown == [.markdown("v1"), .markdown("v2")])
        // Handed in again unchanged: nothing new.
        #expect(try score(at: Self.time(2, 11))["submissions/omega"]?.status == .unchanged)
    }
}
