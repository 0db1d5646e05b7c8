import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a workspace for the commands that write results or the site
/// (`score`, `train`, `build`), so that two runs at once never score the same submission
/// twice nor swap two sites at once: the second one waits, saying which process it waits for.
/// The operating system releases the lock when the process ends, however it ends (`kill -9`
/// included).
public final class WorkspaceLock: Sendable {
    private let fd: Int32

    /// The lock file of `workspace`.
    public static func path(for workspace: Workspace) -> String { workspace.root + "/.leaderboard.lock" }

    /// Takes the lock, waiting as long as another process holds it; `waiting` is called once
    /// with that process's id before the wait.
    public init(_ workspace: Workspace, waiting: (Int32?) -> Void) throws(WorkspaceError) {
        let path = Self.path(for: workspace)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorkspaceError.unwritable(path, String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            waiting(
                n > 0
                    ? Int32(
                        String(decoding: buffer.prefix(n), as: UTF8.self)
                            .trimmingCharacters(in: .whitespacesAndNewlines)) : nil)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(fd)
                    throw WorkspaceError.unwritable(path, String(cString: strerror(errno)))
                }
            }
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
