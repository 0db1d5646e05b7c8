import Foundation
import GRDB
import TestSupport
import Testing

/// `score` on a team folder that holds its notebook, its PDF and a script beside the model:
/// the model is scored, the notebook and PDF are recorded with the entry, and `build`
/// publishes them from the database alone.
@Suite struct ScoreDeliverablesTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    @Test func aFullDeliverableFolderIsScoredAndPublished() throws {
        let ws = try dir.workspace(examples: ["notebook-net"])
        let team = ws + "/submissions/notebook-net/"
        for (name, fixture) in ["analysis.ipynb": "real.ipynb", "analysis.pdf": "real.pdf", "old.ipynb": "nbformat3.ipynb"] {
            try FileManager.default.copyItem(atPath: SharedFixtures.model("Notebooks/" + fixture), toPath: team + name)
        }
        try "import keras\n".write(toFile: team + "train.py", atomically: true, encoding: .utf8)
        try "id,cut,efficiency\n1,0.5,0.7\n".write(toFile: team + "cuts.csv", atomically: true, encoding: .utf8)

        let scored = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")
        let outcome = try #require(try json(scored.stdout).first)
        #expect(outcome["status"] as? String == "scored", "\(scored.stdout) \(scored.stderr)")

        let database = try DatabaseQueue(path: ws + "/leaderboard.sqlite")
        let (stored, pdfs) = try database.read { db in
            (
                try String.fetchOne(db, sql: "SELECT deliverables FROM entry_deliverables"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM entry_pdf WHERE name = 'analysis.pdf'")
            )
        }
        try database.close()
        let deliverables = try #require(stored)
        #expect(deliverables.contains("\"name\":\"analysis.ipynb\"") && deliverables.contains("nbformat '3', not 4"))
        #expect(deliverables.contains("\"name\":\"train.py\"") && deliverables.contains("\"name\":\"cuts.csv\""))
        #expect(pdfs == 1)

        let built = try CommandRunner.run(["build", "--workspace", ws], in: dir.path, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")
        let page = try String(contentsOfFile: ws + "/site/entries/1.html", encoding: .utf8)
        #expect(page.contains("Notebook analysis.ipynb") && page.contains("href=\"1/1-analysis.pdf\""))
        #expect(FileManager.default.fileExists(atPath: ws + "/site/entries/1/1-analysis.pdf"))
    }
}
