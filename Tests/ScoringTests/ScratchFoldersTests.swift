import Foundation
import Testing

@testable import Scoring

/// Temporary folders of killed runs are removed by the next run; live ones are kept.
@Suite struct ScratchFoldersTests {
    @Test func foldersOfDeadProcessesAreRemovedAndLiveOnesKept() throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let temporary = FileManager.default.temporaryDirectory
        let orphan = temporary.appendingPathComponent("leaderboard-child-\(finished.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: orphan, withIntermediateDirectories: false)
        try Data("scores".utf8).write(to: orphan.appendingPathComponent("scores.f64"))
        let live = try ScratchFolders.make("snapshot")
        defer { try? FileManager.default.removeItem(at: live) }
        #expect(live.lastPathComponent.hasPrefix("leaderboard-snapshot-\(getpid())-"))

        #expect(ScratchFolders.removeOrphans() >= 1)
        #expect(!FileManager.default.fileExists(atPath: orphan.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }
}
