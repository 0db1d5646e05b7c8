import Foundation
import GRDB
import TestSupport
import Testing

@testable import Results

@Suite struct ResultsDatabaseTests {
    static func sampleRecord(sha: String = "abc") -> DatasetRecord {
        DatasetRecord(
            path: "higgs-sample.csv", sha256: sha, fileBytes: 1_500_000, rows: 7_500, signal: 3_988,
            trainingRows: 6_300, validationRows: 700, testRows: 500, publicTestRows: 140,
            publicFraction: 0.3, splitSeed: 2014)
    }

    @Test func aNewDatabaseHasTheCurrentSchemaInWALMode() throws {
        let dir = TemporaryDirectory()
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        #expect(try db.schemaVersion() == ResultsSchema.migrator.migrations.count)
        #expect(try db.integrityCheck())
        let mode = try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let app = try db.read { try Int32(Int.fetchOne($0, sql: "PRAGMA application_id") ?? 0) }
        #expect(app == ResultsDatabase.applicationID)
    }

    @Test func recordingADatasetTwiceKeepsOneRow() throws {
        let dir = TemporaryDirectory()
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let first = try db.record(Self.sampleRecord())
        let second = try db.record(Self.sampleRecord())
        #expect(first.id != nil && first.id == second.id)
        _ = try db.record(Self.sampleRecord(sha: "def"))
        #expect(try db.datasets().map(\.sha256) == ["abc", "def"])
        // Reopening finds what was written.
        #expect(try ResultsDatabase(path: dir.file("lb.sqlite")).datasets().count == 2)
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let dir = TemporaryDirectory()
        let path = try dir.write("these are somebody's notes, not a database\n", to: "lb.sqlite")
        #expect { try ResultsDatabase(path: path) } throws: {
            "\($0)".contains("not a leaderboard database") && "\($0)".contains("left untouched")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "these are somebody's notes, not a database\n")
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftAlone() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("other.sqlite")
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('keep')") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect { try ResultsDatabase(path: path) } throws: { "\($0)".contains("another application") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
