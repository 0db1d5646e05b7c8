import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The temporary folders a run makes (a child's scores, a submission's snapshot), named
/// `leaderboard-<kind>-<pid>-<uuid>` in the system's temporary folder, so that the next run
/// can find and remove those of a run that was killed before it could clean up.
enum ScratchFolders {
    /// A new empty folder for `kind` (`child`, `snapshot`, `history`), owned by this process.
    static func make(_ kind: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("leaderboard-\(kind)-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700])
        return url
    }

    /// Removes the folders of processes that no longer run; returns how many.
    @discardableResult
    static func removeOrphans() -> Int {
        let folder = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix("leaderboard-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 4, ["child", "snapshot", "history"].contains(parts[1]), let pid = Int32(parts[2]),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }
}
