import Foundation
import GRDB
import Results
import TestSupport
import Testing

/// Databases written by older tools (`Fixtures/before-typed-columns.sqlite`,
/// `before-public-figures.sqlite`) migrate to versions (v10): each entry keyed by its team
/// from its path, the status check widened to `held` without losing a row or a figure, the
/// rulings' table made. Each test works on a copy.
@Suite struct VersionsMigrationTests {
    let dir = TemporaryDirectory()

    static let fixtures = SharedFixtures.repositoryRoot + "/Tests/LeaderboardCLITests/Fixtures/"

    /// A copy of fixture `name`, opened (so migrated).
    func migrated(_ name: String) throws -> (ResultsDatabase, String) {
        let path = dir.file(name)
        try FileManager.default.copyItem(atPath: Self.fixtures + name, toPath: path)
        return (try ResultsDatabase(path: path), path)
    }

    @Test func everyEntryBecomesAVersionOfItsTeam() throws {
        let before = try DatabaseQueue(path: Self.fixtures + "before-typed-columns.sqlite")
        let counts = try before.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM entry"), try Int.fetchOne(db, sql: "SELECT count(*) FROM entry_metrics"))
        }
        try before.close()
        let (database, path) = try migrated("before-typed-columns.sqlite")
        let dataset = try #require(try database.datasets().last?.id)
        let entries = try database.entries(datasetID: dataset)
        #expect(entries.count == counts.0 && entries.compactMap(\.metrics).count == counts.1)
        let keys = Dictionary(entries.map { ($0.entry.path, $0.entry.teamKey) }, uniquingKeysWith: { a, _ in a })
        #expect(keys["submissions/functional-net"] == "functional-net")
        #expect(keys["submissions/lightgbm-trees"] == "lightgbm-trees", "the folder, not the manifest's 'Light Fantastic'")
        #expect(keys["baselines/bdt"] == "baseline:bdt" && keys["baselines/nn"] == "baseline:nn")
        #expect(entries.allSatisfy { !$0.entry.selected })
        // One version per team, as the old tool recorded them.
        let standings = Standings(versions: entries, rulings: try database.rulings(), rules: CompetitionRules())
        #expect(standings.teams.count == entries.count)
        #expect(standings.teams.allSatisfy { $0.versions.count == 1 })

        // The widened check takes a held version and still refuses anything else.
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: "UPDATE entry SET status = 'held' WHERE id = 7")
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE entry SET status = 'lost' WHERE id = 7") }
            #expect(try String.fetchOne(db, sql: "PRAGMA foreign_key_check") == nil)
        }
        let stored = try database.record(
            RulingRecord(
                teamKey: "kaggle-style", entryID: nil, action: .disqualify, reason: "r", ruledBy: "o",
                ruledAt: "2026-12-03T00:00:00Z"))
        #expect(stored.id != nil)
        #expect(try database.rulings().count == 1)
    }

    @Test func theEntryTablesOwnIndexesComeAcross() throws {
        // As another migration's index on the entry table would be, made before v10 runs.
        let path = dir.file("indexed.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixtures + "before-typed-columns.sqlite", toPath: path)
        let raw = try DatabaseQueue(path: path)
        try raw.write { try $0.execute(sql: "CREATE INDEX entry_by_format ON entry(format)") }
        try raw.close()
        _ = try ResultsDatabase(path: path)
        let indexes = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entry'")
        }
        #expect(indexes.contains("entry_by_format") && indexes.contains("entry_team"))
    }

    @Test func theOlderFixtureMigratesToo() throws {
        let (database, _) = try migrated("before-public-figures.sqlite")
        let dataset = try #require(try database.datasets().last?.id)
        let entries = try database.entries(datasetID: dataset)
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { !$0.entry.teamKey.isEmpty && !$0.entry.teamKey.contains("submissions/") })
    }
}
