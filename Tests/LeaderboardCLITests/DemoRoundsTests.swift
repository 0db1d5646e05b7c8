import Foundation
import GRDB
import TestSupport
import Testing

/// `demo` with the repository's examples: a first round, then the second round's pushes
/// scored as new versions of two teams.
@Suite struct DemoRoundsTests {
    let dir = TemporaryDirectory()

    @Test func theSecondRoundIsScoredAfterTheFirst() throws {
        let run = try CommandRunner.run(
            [
                "demo", "--workspace", "demo", "--epochs", "2", "--examples", SharedFixtures.exampleSubmissions,
                "--second-round", SharedFixtures.repositoryRoot + "/examples/second-round",
            ],
            in: dir.path, environment: ["LEADERBOARD_CACHE": dir.file("cache")])
        #expect(run.status == 0, "\(run.stderr)")
        let output = run.stdout
        let first = try #require(output.range(of: "round 1 "))
        let second = try #require(output.range(of: "round 2 "))
        #expect(first.upperBound < second.lowerBound)
        // Before the second round the pickle fails; after it, its Keras file is scored.
        #expect(output[first.upperBound..<second.lowerBound].contains("pickled-model        failed: 'model.pkl' is a Python pickle"))
        let after = output[second.upperBound...]
        #expect(after.contains("higgs-hunters: README.md, manifest.yml, my_model.h5, training.log copied over submissions/higgs-hunters/"))
        #expect(after.contains("Re-saved with Keras"))
        #expect(after.contains("Dense net, 30 epochs"))
        #expect(after.contains("(9 unchanged submissions skipped)"))
        let versions = try DatabaseQueue(path: dir.file("demo/leaderboard.sqlite")).read { db in
            try Row.fetchAll(db, sql: "SELECT path, status FROM entry WHERE path LIKE '%higgs-hunters' OR path LIKE '%pickled-model'")
        }
        #expect(versions.count == 4)
        #expect(versions.filter { ($0["status"] as String?) == "scored" }.count == 3)
    }
}
