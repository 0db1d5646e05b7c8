import Competition
import Foundation
import HiggsData
import Results
import TestSupport
import Testing

@Suite struct CompetitionSessionTests {
    let dir = TemporaryDirectory()

    /// A session on the embedded sample in workspace `ws`, unlocked, caching in this directory.
    func session(_ ws: Workspace) throws -> CompetitionSession {
        try CompetitionSession(workspace: ws, lock: nil, cacheDirectory: dir.file("cache"))
    }

    @Test func opensTheSampleWithItsSplitAndRecordsItOnce() throws {
        let ws = try Workspace.create(at: dir.file("ws"))
        let first = try session(ws)
        #expect(first.dataset.rowCount == 7_500)
        #expect(first.hidden.count == 500)
        #expect(first.split.test == 7_000..<7_500)
        #expect(try first.database.hasDetail(datasetID: first.datasetID))
        #expect(try session(ws).datasetID == first.datasetID)
    }

    @Test func aMissingDataFileFailsBeforeTheDatabaseIsOpened() throws {
        let ws = try Workspace.create(at: dir.file("ws"))
        try FileManager.default.removeItem(atPath: ws.databasePath)
        let config = ws.root + "/" + Workspace.configFileName
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "data: ''", with: "data: gone.csv")
            .write(toFile: config, atomically: true, encoding: .utf8)
        #expect { try session(try Workspace(at: ws.root)) } throws: {
            "\($0)".contains("gone.csv: cannot read the file (No such file or directory)")
        }
        #expect(!FileManager.default.fileExists(atPath: ws.databasePath))
    }

    /// Whether another open file description of `ws`'s lock file could take the lock now.
    func isLocked(_ ws: Workspace) -> Bool {
        let fd = open(WorkspaceLock.path(for: ws), O_RDWR)
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return true }
        flock(fd, LOCK_UN)
        return false
    }

    @Test func aSessionHoldsItsLockUntilItGoes() throws {
        let ws = try Workspace.create(at: dir.file("ws"))
        func heldWhileOpen() throws -> Bool {
            let session = try WorkspaceSession(workspace: ws, lock: try WorkspaceLock(ws) { _ in })
            return withExtendedLifetime(session) { isLocked(ws) }
        }
        #expect(try heldWhileOpen())
        #expect(!isLocked(ws))
    }
}
